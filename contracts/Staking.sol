// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

import {IStaking} from "./interfaces/IStaking.sol";
import {Ranking} from "./libraries/Ranking.sol";

/// @title Staking
/// @notice Operators, share-based delegation, unbonding, rewards with commission, jail, slashing and
///         the bounded stake ranking (top K) that the sequencer set snapshots.
/// @dev Accounting. Each operator has an active pool and an unbonding pool (`Pool{stake, shares}`).
///      Conversions use a virtual offset, as OpenZeppelin's ERC4626 `_decimalsOffset`:
///      `shares = amount * (pool.shares + 1e6) / (pool.stake + 1)` and
///      `amount = shares * (pool.stake + 1) / (pool.shares + 1e6)`, both rounded down (in favour of the
///      pool), so a donation (`distributeRewards`) cannot inflate the share price enough to round a
///      later delegation to nothing; a delegation that would mint zero shares reverts. A slash lowers
///      `stake` of both pools by the same fraction and leaves the shares alone: O(1), pro rata for
///      every delegator and every pending unbond of that operator, no other operator touched.
///
///      Token conservation: `token.balanceOf(this) == sum(pool.stake) + sum(unbondingPool.stake)
///      + sum(commissionOf)`. Every pull (`delegate`, `registerOperator`, `distributeRewards`)
///      credits what actually arrived (the balance delta around `transferFrom`), so a fee-on-transfer
///      token keeps the identity: the fee is borne by the payer, never by the pool. A pull that
///      delivers nothing reverts `ZeroAmount`; a self-bond is checked on what arrived. Rebasing
///      tokens (balances that change without a transfer) are still not supported.
///
///      Operators. An owner address registers at most once (its id for life); after it exits, its
///      remaining delegators can still undelegate and withdraw, and it stays slashable. Owner and
///      signer addresses are disjoint, and a signer key is never reused by any operator; a rotated
///      (or exited) signer stays attributable with its retirement time, so equivocation evidence
///      signed with it can be slashed for `unbondingDelay`. Naming a signer needs a proof of its key:
///      an EIP-712 signature (domain "Janus Staking", "1", chain id, this contract) by the signer over
///      `SignerBinding(address operator,address signer)`. The binding names the operator, so it can
///      only be used by that operator (no front-running of `setSigner`/`registerOperator` with a
///      victim's signature, no squatting of an address whose key one does not hold), and the domain
///      pins chain and contract. No nonce: a signer key is bound at most once, ever (it is never
///      released, even after rotation or exit), so a binding signature can take effect at most once.
///      After an equivocation slash the operator must rotate its signer before it may unjail
///      (`mustRotateSigner`), so an unjailed operator always signs with a key never slashed.
///
///      Governance. `unbondingDelay` can only grow, so governance can never shorten it below the
///      rollup's challenge + prove windows (pending unbonds must stay slashable for any batch their
///      operator posted). `epochLength` is fixed at deployment: the sequencer set numbers its
///      epochs with it. Nothing here is pausable: unbonding, withdrawals and claims always work.
contract Staking is IStaking, EIP712, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using Ranking for Ranking.List;

    /// @notice Basis points denominator.
    uint256 public constant BPS = 10_000;
    /// @notice Largest allowed `activeSetSize`.
    uint256 public constant MAX_SET_SIZE = 64;
    /// @notice Upper bound of `unbondingDelay` and `jailDuration`, so release and jail times can never
    ///         overflow (which would block undelegation or slashing).
    uint256 public constant MAX_DELAY = 365 days;
    /// @notice Virtual shares of every pool (10**6: the share "decimals offset").
    uint256 public constant VIRTUAL_SHARES = 1e6;
    /// @notice Virtual stake of every pool.
    uint256 public constant VIRTUAL_STAKE = 1;
    /// @notice EIP-712 type hash of the signer key's proof of possession.
    bytes32 public constant SIGNER_BINDING_TYPEHASH =
        keccak256("SignerBinding(address operator,address signer)");

    /// @dev Attribution of a signer key.
    struct SignerInfo {
        address operator;
        uint64 retiredAt;
    }

    /// @notice The staking token.
    IERC20 public immutable token;

    /// @notice Last unbond id handed out (ids start at 1).
    uint256 public lastUnbondId;

    /// @notice Contracts allowed to slash.
    mapping(address slasher => bool allowed) public isSlasher;

    /// @inheritdoc IStaking
    mapping(address op => uint256 amount) public commissionOf;

    /// @inheritdoc IStaking
    mapping(address op => bool mustRotate) public mustRotateSigner;

    /// @inheritdoc IStaking
    mapping(address op => uint64 blockNumber) public exitBlock;

    Params internal _params;
    mapping(address op => Operator) internal _operators;
    mapping(address op => Pool) internal _pools;
    mapping(address op => Pool) internal _unbondingPools;
    mapping(address op => mapping(address delegator => uint256 shares)) internal _shares;
    mapping(uint256 id => Unbond) internal _unbonds;
    mapping(address signer => SignerInfo) internal _signers;
    Ranking.List internal _ranking;

    /// @dev Reverts unless the caller is an authorised slasher.
    modifier onlySlasher() {
        if (!isSlasher[msg.sender]) revert NotSlasher(msg.sender);
        _;
    }

    /// @dev Reverts unless `op` is a registered operator.
    modifier onlyRegistered(address op) {
        if (!_operators[op].registered) revert NotRegistered(op);
        _;
    }

    /// @param token_ The staking token (any ERC-20; `permit` used when offered).
    /// @param params_ Initial parameters (see docs/parameters.md).
    /// @param owner_ Governance (a TimelockController in deployments).
    constructor(IERC20 token_, Params memory params_, address owner_)
        EIP712("Janus Staking", "1")
        Ownable(owner_)
    {
        if (address(token_) == address(0)) revert ZeroAddress();
        if (params_.epochLength == 0 || params_.unbondingDelay == 0) revert InvalidParams();
        token = token_;
        _validate(params_);
        _params = params_;
        emit ParamsSet(params_);
    }

    // ------------------------------------------------------------------ governance
    /// @notice Replace the parameters. Owner (timelock) only.
    /// @dev Reverts InvalidParams unless: every bps <= 10000, slash fractions < 10000, activeSetSize in
    ///      1..64, minSelfBond > 0, treasury != 0, unbondingDelay and jailDuration <= MAX_DELAY,
    ///      epochLength unchanged and unbondingDelay not lower than the current one (governance can
    ///      never shorten it below the rollup's challenge + prove windows). A smaller set size or a
    ///      higher minimum removes ranking members that no longer fit (bounded by 64).
    function setParams(Params calldata p) external onlyOwner {
        if (p.epochLength != _params.epochLength || p.unbondingDelay < _params.unbondingDelay) {
            revert InvalidParams();
        }
        _validate(p);
        _params = p;
        emit ParamsSet(p);
        // Drop members that became ineligible (higher minimum), then trim to the new size.
        for (uint256 i = _ranking.length(); i > 0; --i) {
            address op = _ranking.items[i - 1];
            if (!isEligible(op)) {
                _ranking.remove(op);
                emit RankingUpdated(op, 0);
            }
        }
        while (_ranking.length() > p.activeSetSize) {
            emit RankingUpdated(_ranking.pop(), 0);
        }
    }

    /// @inheritdoc IStaking
    function setSlasher(address slasher, bool allowed) external onlyOwner {
        if (slasher == address(0)) revert ZeroAddress();
        isSlasher[slasher] = allowed;
        emit SlasherSet(slasher, allowed);
    }

    // ------------------------------------------------------------------ operators
    /// @inheritdoc IStaking
    /// @dev Checks, in order: not registered before, the caller is not a signer key, the signer
    ///      (non-zero, not an owner, never used), commission, nominal self-bond, the signer's
    ///      signature; after the pull, the self-bond that arrived (fee-on-transfer tokens).
    function registerOperator(
        address signer,
        bytes calldata signerSig,
        uint16 commissionBps,
        string calldata metadata,
        uint256 selfBond
    ) external nonReentrant {
        Operator storage o = _operators[msg.sender];
        if (o.signer != address(0)) revert AlreadyRegistered(msg.sender);
        if (_signers[msg.sender].operator != address(0)) revert SignerInUse(msg.sender);
        _checkNewSigner(signer);
        if (commissionBps > BPS) revert CommissionTooHigh(commissionBps);
        uint256 minBond = _params.minSelfBond;
        if (selfBond < minBond) revert SelfBondTooLow(selfBond, minBond);
        _checkSignerSig(signer, signerSig);

        o.signer = signer;
        o.commissionBps = commissionBps;
        o.commissionEpoch = currentEpoch();
        o.registered = true;
        o.metadata = metadata;
        _signers[signer].operator = msg.sender;
        emit OperatorRegistered(msg.sender, signer, commissionBps, metadata);

        (, uint256 received) = _delegate(msg.sender, selfBond);
        if (received < minBond) revert SelfBondTooLow(received, minBond);
    }

    /// @inheritdoc IStaking
    /// @dev Works while jailed; clears `mustRotateSigner`.
    function setSigner(address newSigner, bytes calldata signerSig) external onlyRegistered(msg.sender) {
        _checkNewSigner(newSigner);
        _checkSignerSig(newSigner, signerSig);
        Operator storage o = _operators[msg.sender];
        address old = o.signer;
        _signers[old].retiredAt = uint64(block.timestamp);
        _signers[newSigner].operator = msg.sender;
        o.signer = newSigner;
        if (mustRotateSigner[msg.sender]) mustRotateSigner[msg.sender] = false;
        emit SignerChanged(msg.sender, old, newSigner);
    }

    /// @inheritdoc IStaking
    function setMetadata(string calldata metadata) external onlyRegistered(msg.sender) {
        _operators[msg.sender].metadata = metadata;
        emit MetadataChanged(msg.sender, metadata);
    }

    /// @inheritdoc IStaking
    /// @dev The registration epoch counts as a change. Equal values are accepted (and use up the epoch).
    function setCommission(uint16 newBps) external onlyRegistered(msg.sender) {
        if (newBps > BPS) revert CommissionTooHigh(newBps);
        Operator storage o = _operators[msg.sender];
        uint64 epoch = currentEpoch();
        if (o.commissionEpoch == epoch) revert CommissionAlreadyChangedThisEpoch(epoch);
        uint16 old = o.commissionBps;
        uint16 step = _params.maxCommissionStepBps;
        if ((newBps > old ? newBps - old : old - newBps) > step) {
            revert CommissionStepTooLarge(old, newBps, step);
        }
        o.commissionBps = newBps;
        o.commissionEpoch = epoch;
        emit CommissionChanged(msg.sender, old, newBps);
    }

    /// @inheritdoc IStaking
    function unjail() external onlyRegistered(msg.sender) {
        Operator storage o = _operators[msg.sender];
        if (!o.jailed) revert NotJailed(msg.sender);
        // Timestamps are fine at the granularity of days.
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < o.jailedUntil) revert StillJailed(msg.sender, o.jailedUntil);
        if (mustRotateSigner[msg.sender]) revert SignerMustRotate(msg.sender);
        uint256 bond = valueOf(msg.sender, msg.sender);
        if (bond < _params.minSelfBond) revert SelfBondTooLow(bond, _params.minSelfBond);
        o.jailed = false;
        o.jailedUntil = 0;
        emit Unjailed(msg.sender);
        _rank(msg.sender);
    }

    /// @inheritdoc IStaking
    /// @dev Works after exit and while jailed: accrued commission is never slashed.
    function claimCommission() external nonReentrant returns (uint256 amount) {
        amount = commissionOf[msg.sender];
        if (amount == 0) revert NothingToClaim();
        commissionOf[msg.sender] = 0;
        emit CommissionClaimed(msg.sender, amount);
        token.safeTransfer(msg.sender, amount);
    }

    // ------------------------------------------------------------------ delegators
    /// @inheritdoc IStaking
    /// @dev Reverts OperatorJailed for a jailed operator, except for its owner topping up its self-bond.
    function delegate(address operator, uint256 amount) external nonReentrant returns (uint256 shares) {
        (shares,) = _delegate(operator, amount);
    }

    /// @inheritdoc IStaking
    /// @dev The permit runs in try/catch: a permit front-run by someone else (same signature, nonce
    ///      used) must not block the stake; if no allowance results, `transferFrom` reverts.
    function delegateWithPermit(
        address operator,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant returns (uint256 shares) {
        try IERC20Permit(address(token)).permit(msg.sender, address(this), amount, deadline, v, r, s) {}
            catch {}
        (shares,) = _delegate(operator, amount);
    }

    /// @inheritdoc IStaking
    /// @dev The owner of a registered operator must keep a self-bond worth >= `minSelfBond`, or
    ///      undelegate all of it, which exits the operator (unregistered, out of the ranking, signer
    ///      retired). Works for any operator state: jailed, exited.
    function undelegate(address operator, uint256 shares) external nonReentrant returns (uint256 unbondId) {
        if (shares == 0) revert ZeroAmount();
        uint256 held = _shares[operator][msg.sender];
        if (shares > held) revert InsufficientShares(shares, held);

        Pool memory p = _pools[operator];
        uint256 amount = _toStake(p, shares);
        if (amount == 0) revert ZeroAmount();
        // Safe casts: amount <= p.stake and shares <= held <= p.shares, both uint128.
        // forge-lint: disable-next-line(unsafe-typecast)
        p.stake -= uint128(amount);
        // forge-lint: disable-next-line(unsafe-typecast)
        p.shares -= uint128(shares);
        _pools[operator] = p;
        _shares[operator][msg.sender] = held - shares;

        bool exits;
        Operator storage o = _operators[operator];
        if (msg.sender == operator && o.registered) {
            if (held == shares) {
                exits = true;
            } else {
                uint256 left = _toStake(p, held - shares);
                if (left < _params.minSelfBond) revert SelfBondTooLow(left, _params.minSelfBond);
            }
        }

        Pool memory u = _unbondingPools[operator];
        uint128 ubShares = _toShares(u, amount).toUint128();
        if (ubShares == 0) revert ZeroAmount();
        u.stake += amount.toUint128();
        u.shares += ubShares;
        _unbondingPools[operator] = u;

        unbondId = ++lastUnbondId;
        uint64 releaseTime = uint64(block.timestamp) + _params.unbondingDelay;
        _unbonds[unbondId] =
            Unbond({delegator: msg.sender, operator: operator, shares: ubShares, releaseTime: releaseTime});
        emit Undelegated(operator, msg.sender, unbondId, amount, releaseTime);

        if (exits) {
            o.registered = false;
            exitBlock[operator] = uint64(block.number);
            _signers[o.signer].retiredAt = uint64(block.timestamp);
            emit OperatorExited(operator);
        }
        _rank(operator);
    }

    /// @inheritdoc IStaking
    /// @dev Pays the unbond's current value in the unbonding pool, so slashes that happened while it
    ///      was unbonding apply.
    function withdraw(uint256 unbondId) external nonReentrant returns (uint256 amount) {
        Unbond memory ub = _unbonds[unbondId];
        if (ub.delegator == address(0)) revert UnknownUnbond(unbondId);
        if (ub.delegator != msg.sender) revert NotUnbondOwner(unbondId, msg.sender);
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < ub.releaseTime) revert UnbondNotReady(unbondId, ub.releaseTime);
        delete _unbonds[unbondId];

        Pool memory u = _unbondingPools[ub.operator];
        amount = _toStake(u, ub.shares);
        // Safe cast: `_toStake` never exceeds the pool's uint128 stake.
        // forge-lint: disable-next-line(unsafe-typecast)
        u.stake -= uint128(amount);
        u.shares -= ub.shares;
        _unbondingPools[ub.operator] = u;
        emit Withdrawn(unbondId, msg.sender, amount);
        if (amount != 0) token.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IStaking
    /// @dev Commission `received * commissionBps / 10000` (rounded down) is credited to the owner;
    ///      the rest raises the active pool's stake (auto-compounds for every delegator). `received`
    ///      is what arrived (the balance delta), not `amount`, so a fee-on-transfer token is credited
    ///      net of its fee.
    function distributeRewards(address operator, uint256 amount)
        external
        nonReentrant
        onlyRegistered(operator)
    {
        if (amount == 0) revert ZeroAmount();
        uint256 received = _pull(amount);
        uint256 commission = received * _operators[operator].commissionBps / BPS;
        uint256 toPool = received - commission;
        commissionOf[operator] += commission;
        _pools[operator].stake += toPool.toUint128();
        emit RewardsDistributed(operator, msg.sender, toPool, commission);
        _rank(operator);
    }

    /// @inheritdoc IStaking
    /// @dev Reverts CannotRank if `operator` is not eligible, or is outside a full ranking and does
    ///      not rank before its last member. A member is re-positioned (no-op if in place).
    function updateRanking(address operator) external {
        if (!isEligible(operator) || !_rank(operator)) revert CannotRank(operator);
    }

    // ------------------------------------------------------------------ slashers
    /// @inheritdoc IStaking
    /// @dev Removes `bps` of both pools (rounded down), pays the reporter `reporterRewardBps` of the
    ///      total (all to the treasury when `reporter` is 0) and jails until `now + jailDuration`
    ///      (never shortening a longer jail). Works on jailed and exited operators; accrued
    ///      commission is not slashed. An equivocation slash also sets `mustRotateSigner`: the
    ///      operator may not unjail before `setSigner` replaced the (spent) key.
    function slash(address operator, SlashKind kind, address reporter)
        external
        nonReentrant
        onlySlasher
        returns (uint256 amount)
    {
        Operator storage o = _operators[operator];
        if (o.signer == address(0)) revert NotRegistered(operator);
        uint256 bps = kind == SlashKind.Liveness
            ? _params.slashLivenessBps
            : kind == SlashKind.InvalidRoot ? _params.slashInvalidRootBps : _params.slashEquivocationBps;

        Pool storage p = _pools[operator];
        Pool storage u = _unbondingPools[operator];
        uint256 fromActive = uint256(p.stake) * bps / BPS;
        uint256 fromUnbonding = uint256(u.stake) * bps / BPS;
        // Safe casts: a fraction (< 1) of a uint128.
        // forge-lint: disable-next-line(unsafe-typecast)
        p.stake -= uint128(fromActive);
        // forge-lint: disable-next-line(unsafe-typecast)
        u.stake -= uint128(fromUnbonding);
        amount = fromActive + fromUnbonding;
        uint256 reward = reporter == address(0) ? 0 : amount * _params.reporterRewardBps / BPS;

        uint64 until = uint64(block.timestamp) + _params.jailDuration;
        if (!o.jailed || until > o.jailedUntil) o.jailedUntil = until;
        o.jailed = true;
        emit Slashed(operator, kind, reporter, amount, reward);
        emit Jailed(operator, o.jailedUntil);
        if (kind == SlashKind.Equivocation && !mustRotateSigner[operator]) {
            mustRotateSigner[operator] = true;
            emit SignerRotationRequired(operator);
        }
        if (_ranking.remove(operator)) emit RankingUpdated(operator, 0);

        if (reward != 0) token.safeTransfer(reporter, reward);
        if (amount != reward) token.safeTransfer(_params.treasury, amount - reward);
    }

    // ------------------------------------------------------------------ views
    /// @inheritdoc IStaking
    function params() external view returns (Params memory) {
        return _params;
    }

    /// @inheritdoc IStaking
    function epochLength() external view returns (uint64) {
        return _params.epochLength;
    }

    /// @inheritdoc IStaking
    function currentEpoch() public view returns (uint64) {
        return uint64(block.number / _params.epochLength);
    }

    /// @inheritdoc IStaking
    function unbondingDelay() external view returns (uint64) {
        return _params.unbondingDelay;
    }

    /// @inheritdoc IStaking
    function getOperator(address op) external view returns (Operator memory) {
        return _operators[op];
    }

    /// @inheritdoc IStaking
    function pool(address op) external view returns (Pool memory) {
        return _pools[op];
    }

    /// @inheritdoc IStaking
    function unbondingPool(address op) external view returns (Pool memory) {
        return _unbondingPools[op];
    }

    /// @inheritdoc IStaking
    function unbond(uint256 unbondId) external view returns (Unbond memory) {
        return _unbonds[unbondId];
    }

    /// @inheritdoc IStaking
    function operatorStake(address op) public view returns (uint256) {
        return _pools[op].stake;
    }

    /// @inheritdoc IStaking
    function sharesOf(address op, address delegator) external view returns (uint256) {
        return _shares[op][delegator];
    }

    /// @inheritdoc IStaking
    function valueOf(address op, address delegator) public view returns (uint256) {
        return _toStake(_pools[op], _shares[op][delegator]);
    }

    /// @inheritdoc IStaking
    function signerOf(address op) external view returns (address) {
        return _operators[op].signer;
    }

    /// @inheritdoc IStaking
    function operatorOfSigner(address signer) external view returns (address op, uint64 retiredAt) {
        SignerInfo memory s = _signers[signer];
        return (s.operator, s.retiredAt);
    }

    /// @inheritdoc IStaking
    function isJailed(address op) external view returns (bool) {
        return _operators[op].jailed;
    }

    /// @inheritdoc IStaking
    function signerBindingDigest(address operator, address signer) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(SIGNER_BINDING_TYPEHASH, operator, signer)));
    }

    /// @inheritdoc IStaking
    function isEligible(address op) public view returns (bool) {
        Operator storage o = _operators[op];
        return o.registered && !o.jailed && valueOf(op, op) >= _params.minSelfBond;
    }

    /// @inheritdoc IStaking
    function ranking() external view returns (address[] memory ops, uint256[] memory stakes) {
        ops = _ranking.items;
        stakes = new uint256[](ops.length);
        for (uint256 i; i < ops.length; ++i) {
            stakes[i] = _pools[ops[i]].stake;
        }
    }

    // ------------------------------------------------------------------ internal
    /// @dev Mint active-pool shares of `operator` to the caller for the tokens that arrived when
    ///      pulling `amount` (fewer for a fee-on-transfer token), then re-rank.
    /// @return shares Shares minted.
    /// @return received Tokens credited to the pool.
    function _delegate(address operator, uint256 amount) internal returns (uint256 shares, uint256 received) {
        if (amount == 0) revert ZeroAmount();
        Operator storage o = _operators[operator];
        if (!o.registered) revert NotRegistered(operator);
        if (o.jailed && msg.sender != operator) revert OperatorJailed(operator);
        Pool memory p = _pools[operator];
        // Cheap early reject before the pull (what arrives is at most `amount`).
        if (_toShares(p, amount) == 0) revert ZeroAmount();

        received = _pull(amount);
        shares = _toShares(p, received);
        if (shares == 0) revert ZeroAmount();
        p.stake += received.toUint128();
        p.shares += shares.toUint128();
        _pools[operator] = p;
        _shares[operator][msg.sender] += shares;
        emit Delegated(operator, msg.sender, received, shares);
        _rank(operator);
    }

    /// @dev Pull `amount` from the caller and return what arrived (the balance delta). Reverts
    ///      `ZeroAmount` when nothing arrived. Callers are `nonReentrant`, so no stake movement can
    ///      happen inside the transfer and the delta is the caller's payment alone.
    function _pull(uint256 amount) internal returns (uint256 received) {
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        received = token.balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();
    }

    /// @dev Re-position `op` after its stake or eligibility changed: removed if ineligible, else
    ///      inserted/moved (evicting the last member if it ranks before it in a full list).
    /// @return inList Whether `op` is ranked afterwards.
    function _rank(address op) internal returns (bool inList) {
        if (!isEligible(op)) {
            if (_ranking.remove(op)) emit RankingUpdated(op, 0);
            return false;
        }
        address evicted;
        (inList, evicted) = _ranking.upsert(op, _params.activeSetSize, operatorStake);
        if (evicted != address(0)) emit RankingUpdated(evicted, 0);
        if (inList) emit RankingUpdated(op, _pools[op].stake);
    }

    /// @dev Reverts unless `signer` is non-zero, not the caller, not an operator owner and never used.
    function _checkNewSigner(address signer) internal view {
        if (signer == address(0)) revert ZeroAddress();
        if (signer == msg.sender || _operators[signer].signer != address(0)) revert InvalidSigner(signer);
        if (_signers[signer].operator != address(0)) revert SignerInUse(signer);
    }

    /// @dev Reverts `InvalidSignerSignature` unless `sig` is a valid 65-byte, low-s ECDSA signature by
    ///      `signer` over `signerBindingDigest(msg.sender, signer)`.
    function _checkSignerSig(address signer, bytes calldata sig) internal view {
        (address recovered, ECDSA.RecoverError err,) =
            ECDSA.tryRecoverCalldata(signerBindingDigest(msg.sender, signer), sig);
        if (err != ECDSA.RecoverError.NoError || recovered != signer) revert InvalidSignerSignature(signer);
    }

    /// @dev Parameter bounds shared by the constructor and `setParams`.
    function _validate(Params memory p) internal pure {
        if (
            p.minSelfBond == 0 || p.maxCommissionStepBps > BPS || p.slashLivenessBps >= BPS
                || p.slashInvalidRootBps >= BPS || p.slashEquivocationBps >= BPS || p.reporterRewardBps > BPS
                || p.activeSetSize == 0 || p.activeSetSize > MAX_SET_SIZE || p.treasury == address(0)
                || p.unbondingDelay > MAX_DELAY || p.jailDuration > MAX_DELAY
        ) revert InvalidParams();
    }

    /// @dev Shares minted for `amount` (rounded down).
    function _toShares(Pool memory p, uint256 amount) internal pure returns (uint256) {
        return Math.mulDiv(amount, uint256(p.shares) + VIRTUAL_SHARES, uint256(p.stake) + VIRTUAL_STAKE);
    }

    /// @dev Stake paid for `shares` (rounded down, never more than the pool holds).
    function _toStake(Pool memory p, uint256 shares) internal pure returns (uint256) {
        return Math.min(
            Math.mulDiv(shares, uint256(p.stake) + VIRTUAL_STAKE, uint256(p.shares) + VIRTUAL_SHARES), p.stake
        );
    }
}
