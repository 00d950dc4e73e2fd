// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IStaking
/// @notice Operator registration, share-based delegation, unbonding, rewards with commission,
///         jailing, slashing and the bounded stake ranking that the sequencer set snapshots.
/// @dev An operator is identified by its owner address. Each operator has two share pools:
///      the active pool (`Pool.stake`/`Pool.shares`) and the unbonding pool. A slash lowers both by
///      the same fraction in O(1), so every delegator and every pending unbond of that operator loses
///      pro rata and no other operator is touched.
interface IStaking {
    // ------------------------------------------------------------------ types
    /// @notice Why an operator is slashed; selects the fraction from the parameters.
    enum SlashKind {
        Liveness,
        InvalidRoot,
        Equivocation
    }

    /// @notice Governance parameters (see docs/parameters.md for defaults).
    struct Params {
        uint256 minSelfBond; // token wei the owner must keep delegated to its own operator
        uint64 unbondingDelay; // seconds; >= Rollup challenge window + prove window
        uint64 epochLength; // L1 blocks per epoch (shared with the sequencer set)
        uint64 jailDuration; // seconds an operator stays jailed before it may unjail
        uint16 maxCommissionStepBps; // max |change| of commission per epoch
        uint16 slashLivenessBps; // fraction slashed for a liveness fault
        uint16 slashInvalidRootBps; // fraction slashed for a batch reverted by a lost challenge
        uint16 slashEquivocationBps; // fraction slashed for double signing
        uint16 reporterRewardBps; // share of a slashed amount paid to the reporter
        uint8 activeSetSize; // K: size of the ranking (and of the active set), <= 64
        address treasury; // receives the non-reporter part of slashed funds
    }

    /// @notice Per-operator data.
    struct Operator {
        address signer; // signs batches and soft confirmations; distinct from the owner
        uint16 commissionBps; // share of distributed rewards kept by the operator
        uint64 commissionEpoch; // epoch of the last commission change
        uint64 jailedUntil; // 0 when not jailed; else earliest unjail time
        bool registered; // true from registration until the owner exits
        bool jailed;
        string metadata; // e.g. the node's L2 RPC URL
    }

    /// @notice A share pool: `stake` token wei backing `shares` shares.
    struct Pool {
        uint128 stake;
        uint128 shares;
    }

    /// @notice A pending unbond: `shares` of the operator's unbonding pool, released at `releaseTime`.
    struct Unbond {
        address delegator;
        address operator;
        uint128 shares;
        uint64 releaseTime;
    }

    // ------------------------------------------------------------------ events
    /// @notice An operator registered with its self-bond.
    event OperatorRegistered(
        address indexed operator, address indexed signer, uint16 commissionBps, string metadata
    );
    /// @notice An operator's signer key changed; the old one stays attributable for `unbondingDelay`.
    event SignerChanged(address indexed operator, address indexed oldSigner, address indexed newSigner);
    /// @notice An operator's metadata changed.
    event MetadataChanged(address indexed operator, string metadata);
    /// @notice An operator's commission changed.
    event CommissionChanged(address indexed operator, uint16 oldBps, uint16 newBps);
    /// @notice `delegator` staked `amount` with `operator`, receiving `shares`.
    event Delegated(address indexed operator, address indexed delegator, uint256 amount, uint256 shares);
    /// @notice `delegator` started unbonding `amount` (worth at the time) from `operator`.
    event Undelegated(
        address indexed operator,
        address indexed delegator,
        uint256 indexed unbondId,
        uint256 amount,
        uint64 releaseTime
    );
    /// @notice An unbond was paid out.
    event Withdrawn(uint256 indexed unbondId, address indexed delegator, uint256 amount);
    /// @notice Rewards were added to an operator's pool (after commission).
    event RewardsDistributed(
        address indexed operator, address indexed from, uint256 toPool, uint256 commission
    );
    /// @notice An operator owner claimed accrued commission.
    event CommissionClaimed(address indexed operator, uint256 amount);
    /// @notice An operator was slashed.
    event Slashed(
        address indexed operator,
        SlashKind indexed kind,
        address indexed reporter,
        uint256 amount,
        uint256 reporterReward
    );
    /// @notice An operator was jailed until `until`.
    event Jailed(address indexed operator, uint64 until);
    /// @notice An operator was released from jail.
    event Unjailed(address indexed operator);
    /// @notice The operator owner withdrew its whole self-bond and left.
    event OperatorExited(address indexed operator);
    /// @notice The ranking changed: `operator` now has `stake` (0 = removed).
    event RankingUpdated(address indexed operator, uint256 stake);
    /// @notice A contract was (de)authorised to slash and jail.
    event SlasherSet(address indexed slasher, bool allowed);
    /// @notice Parameters changed.
    event ParamsSet(Params params);
    /// @notice `operator` was slashed for equivocation: it must rotate its signer before unjailing.
    event SignerRotationRequired(address indexed operator);

    // ------------------------------------------------------------------ errors
    error ZeroAddress();
    error ZeroAmount();
    error AlreadyRegistered(address operator);
    error NotRegistered(address operator);
    error SignerInUse(address signer);
    error InvalidSigner(address signer);
    error SelfBondTooLow(uint256 amount, uint256 minimum);
    error CommissionTooHigh(uint16 bps);
    error CommissionStepTooLarge(uint16 oldBps, uint16 newBps, uint16 maxStep);
    error CommissionAlreadyChangedThisEpoch(uint64 epoch);
    error InsufficientShares(uint256 requested, uint256 available);
    error UnknownUnbond(uint256 unbondId);
    error NotUnbondOwner(uint256 unbondId, address caller);
    error UnbondNotReady(uint256 unbondId, uint64 releaseTime);
    error NotSlasher(address caller);
    error NotJailed(address operator);
    error StillJailed(address operator, uint64 until);
    error OperatorJailed(address operator);
    error NothingToClaim();
    error CannotRank(address operator);
    error InvalidParams();
    /// @notice `signerSig` is not a valid signature by `signer` over `signerBindingDigest(caller, signer)`.
    error InvalidSignerSignature(address signer);
    /// @notice The operator was slashed for equivocation and must call `setSigner` before `unjail`.
    error SignerMustRotate(address operator);

    // ------------------------------------------------------------------ operators
    /// @notice Register the caller as an operator, bonding `selfBond` tokens (pulled with transferFrom).
    /// @param signer Key that signs batches and soft confirmations; must differ from the caller and be unused.
    /// @param signerSig 65-byte ECDSA signature (low s) by `signer` over
    ///        `signerBindingDigest(caller, signer)`: proof that the caller's operator holds the key.
    /// @param commissionBps Initial commission (<= 10000).
    /// @param metadata Free text, typically the node's L2 RPC URL.
    /// @param selfBond Tokens to bond; what arrives must be >= `minSelfBond`.
    function registerOperator(
        address signer,
        bytes calldata signerSig,
        uint16 commissionBps,
        string calldata metadata,
        uint256 selfBond
    ) external;

    /// @notice Rotate the caller's signer key. The old key remains attributable to the operator for
    ///         `unbondingDelay`, so equivocation evidence signed with it can still be slashed.
    ///         Clears `mustRotateSigner`.
    /// @param newSigner The new key (non-zero, not an owner, never used by any operator).
    /// @param signerSig 65-byte ECDSA signature (low s) by `newSigner` over
    ///        `signerBindingDigest(caller, newSigner)`.
    function setSigner(address newSigner, bytes calldata signerSig) external;

    /// @notice Update the caller's metadata.
    function setMetadata(string calldata metadata) external;

    /// @notice Change the caller's commission by at most `maxCommissionStepBps`, once per epoch.
    function setCommission(uint16 newBps) external;

    /// @notice Leave jail once `jailedUntil` has passed, if the self-bond still meets the minimum and
    ///         the signer was rotated after any equivocation slash.
    function unjail() external;

    /// @notice Pay the caller (an operator owner) its accrued commission.
    function claimCommission() external returns (uint256 amount);

    // ------------------------------------------------------------------ delegators
    /// @notice Stake `amount` tokens with `operator` (pulled with transferFrom).
    /// @return shares Shares of the operator's pool minted to the caller.
    function delegate(address operator, uint256 amount) external returns (uint256 shares);

    /// @notice `delegate` after an EIP-2612 permit, so a wallet stakes in one transaction.
    function delegateWithPermit(
        address operator,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (uint256 shares);

    /// @notice Start unbonding `shares` from `operator`. The value moves to the operator's unbonding
    ///         pool, where it remains slashable until released. Never pausable.
    /// @return unbondId Identifier to pass to `withdraw`.
    function undelegate(address operator, uint256 shares) external returns (uint256 unbondId);

    /// @notice Pay out a released unbond to its delegator. Never pausable.
    function withdraw(uint256 unbondId) external returns (uint256 amount);

    /// @notice Add `amount` tokens of rewards to `operator`'s pool; the commission goes to its owner.
    function distributeRewards(address operator, uint256 amount) external;

    /// @notice Re-rank `operator` against the current ranking (anyone may call, e.g. after the last
    ///         member's stake fell below an outsider's).
    function updateRanking(address operator) external;

    // ------------------------------------------------------------------ slashers
    /// @notice Slash `operator` by the fraction of `kind`, pay `reporter` its reward and jail the
    ///         operator. Only authorised slashers (rollup, sequencer set, equivocation slasher).
    /// @return amount Total tokens removed from the operator's pools.
    function slash(address operator, SlashKind kind, address reporter) external returns (uint256 amount);

    /// @notice Authorise (or revoke) `slasher` to call `slash`. Owner (timelock) only.
    function setSlasher(address slasher, bool allowed) external;

    // ------------------------------------------------------------------ views
    /// @notice Current governance parameters.
    function params() external view returns (Params memory);
    /// @notice L1 blocks per epoch.
    function epochLength() external view returns (uint64);
    /// @notice Current epoch (`block.number / epochLength`).
    function currentEpoch() external view returns (uint64);
    /// @notice Seconds between `undelegate` and `withdraw`.
    function unbondingDelay() external view returns (uint64);
    /// @notice Data of operator `op`.
    function getOperator(address op) external view returns (Operator memory);
    /// @notice Operator `op`'s active share pool.
    function pool(address op) external view returns (Pool memory);
    /// @notice Operator `op`'s unbonding share pool (slashed like the active pool).
    function unbondingPool(address op) external view returns (Pool memory);
    /// @notice A pending unbond by id (zeroed once withdrawn).
    function unbond(uint256 unbondId) external view returns (Unbond memory);
    /// @notice Total active stake of `op` (self-bond + delegations, after slashes and rewards).
    function operatorStake(address op) external view returns (uint256);
    /// @notice Shares `delegator` holds in `op`'s active pool.
    function sharesOf(address op, address delegator) external view returns (uint256);
    /// @notice Current token value of `delegator`'s shares in `op`'s active pool.
    function valueOf(address op, address delegator) external view returns (uint256);
    /// @notice The operator's current signer.
    function signerOf(address op) external view returns (address);
    /// @notice Operator a signer key belongs (or belonged) to, and when it was retired (0 = current).
    function operatorOfSigner(address signer) external view returns (address op, uint64 retiredAt);
    /// @notice Registered, not jailed, and self-bond >= minimum.
    function isEligible(address op) external view returns (bool);
    /// @notice The ranking: up to K eligible operators, stake descending, ties by lower address.
    function ranking() external view returns (address[] memory ops, uint256[] memory stakes);
    /// @notice Unclaimed commission of `op`.
    function commissionOf(address op) external view returns (uint256);
    /// @notice Whether `op` was slashed for equivocation and has not rotated its signer since
    ///         (`unjail` reverts `SignerMustRotate` while true).
    function mustRotateSigner(address op) external view returns (bool);
    /// @notice Whether `op` is jailed (until it calls `unjail`; also after `jailedUntil` passed).
    function isJailed(address op) external view returns (bool);
    /// @notice L1 block in which `op` exited (undelegated its whole self-bond); 0 if it has not.
    /// @dev Lets the sequencer set tell an exit that dodges a liveness slash (at or after the
    ///      deadline) from an honest exit before the operator's turn came.
    function exitBlock(address op) external view returns (uint64);
    /// @notice EIP-712 digest (domain "Janus Staking", "1", chain id, this contract) of
    ///         `SignerBinding(address operator,address signer)`, which `signer` signs to be named
    ///         the signer of `operator` by `registerOperator` or `setSigner`.
    function signerBindingDigest(address operator, address signer) external view returns (bytes32);
}
