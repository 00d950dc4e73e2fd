// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IBridge} from "./interfaces/IBridge.sol";
import {IRollup} from "./interfaces/IRollup.sol";
import {WithdrawalTree} from "./libraries/WithdrawalTree.sol";

/// @title Bridge
/// @notice L1 side of the Janus bridge. Deposits of ETH and of listed ERC-20s append an 85-byte
///         record (docs/l2-spec.md §3) to the L1 message queue, a Keccak hash chain that batches
///         must consume in order (forced inclusion is enforced by the rollup with `enqueuedAt` and
///         `forcedInclusionDelay`). Withdrawals are paid from the withdrawal root of a batch the
///         rollup has finalized (docs/l2-spec.md §5), each `(batchId, index)` exactly once.
/// @dev Accounting: per asset the bridge tracks `outstanding` L2 units (deposited - withdrawn),
///      kept `<= MAX_AMOUNT = 2^63 - 1` so that no L2 balance can overflow through deposits.
///      Deposits must be an exact multiple of the asset's scale, so the bridge never holds dust it
///      cannot account for: it always holds at least `outstanding * scale` of each asset.
///      Fee-on-transfer and rebasing tokens are unsupported: a deposit that does not increase the
///      bridge's balance by exactly `amount` reverts (`TransferAmountMismatch`); the owner must not
///      list tokens whose balances change without transfers.
///      The guardian can pause deposits only; `finalizeWithdrawal` is never pausable. A pause lasts
///      at most `maxPauseDuration` and the next may start only `maxPauseDuration` after it ended.
///      Every deposit is refused while a nonReentrant call (a token's transfer hook) is running.
///      Gas: the hot queue state (message count, next account, pause end and ETH outstanding) lives
///      in one storage slot and four enqueue timestamps share a slot, so an ETH deposit writes one
///      fresh slot (the new chain value), the queue slot and a timestamp slot (fresh every fourth
///      message). Measured transaction gas of `depositETH`: 61,404, and 78,504 when it opens a
///      timestamp slot (storage and log alone account for 58,815; the reentrancy check adds 144;
///      see test_depositETH_gas).
contract Bridge is IBridge, Ownable2Step, ReentrancyGuardTransient {
    /// @notice Assets an L2 account holds (ETH + 3 ERC-20s): `janus_l2::NUM_ASSETS`.
    uint32 public constant MAX_ASSETS = 4;

    using SafeERC20 for IERC20;

    /// @notice Largest outstanding amount of an asset in L2 units (docs/l2-spec.md §1).
    uint64 public constant MAX_AMOUNT = type(uint64).max >> 1;
    /// @notice Wei per L2 unit of ETH (asset 0): 1 gwei.
    uint64 public constant ETH_SCALE = 1 gwei;
    /// @notice Length of an L1 message record (docs/l2-spec.md §3).
    uint256 public constant RECORD_LENGTH = 85;
    /// @notice Length of an L2 public key encoding (EcGFp5).
    uint256 public constant L2_KEY_LENGTH = 40;
    /// @notice Largest token scale accepted by `listToken`.
    uint64 public constant MAX_SCALE = 1e18;

    uint8 internal constant KIND_NEW_ACCOUNT = 0;
    uint8 internal constant KIND_EXISTING_ACCOUNT = 1;

    /// @dev Everything a deposit reads or writes besides the chain and timestamp slots, packed into
    ///      one slot (64 + 32 + 64 + 64 = 224 bits).
    struct QueueState {
        uint64 messageCount; // messages enqueued so far (= next nonce)
        uint32 nextAccount; // next L2 account index (starts at 1; 0 is reserved)
        uint64 pausedUntil; // deposits are paused while block.timestamp < pausedUntil
        uint64 ethOutstanding; // outstanding L2 units of asset 0 (ETH)
    }

    /// @notice Seconds after which an unconsumed message is overdue.
    uint64 public immutable forcedInclusionDelay;
    /// @notice Longest pause the guardian may set.
    uint64 public immutable maxPauseDuration;

    QueueState internal _queue;
    /// @notice The rollup whose finalized batches pay withdrawals (set once by `initialize`).
    address public rollup;
    /// @dev Number of listed assets including ETH (packed next to `rollup`).
    uint32 internal _assetCount;
    /// @notice May pause deposits (never withdrawals).
    address public guardian;

    /// @dev chain value after the first n messages, for n >= 1 (chain_0 = 0 is implicit).
    mapping(uint256 n => bytes32) internal _chains;
    /// @dev Enqueue timestamps, four uint64 per slot: nonce k at slot k >> 2, bits 64 * (k & 3).
    mapping(uint256 slot => uint256) internal _enqueuedAtPacked;
    /// @dev ERC-20 assets (ids >= 1). Asset 0 (ETH) is implicit; its outstanding is in `_queue`.
    mapping(uint32 asset => Asset) internal _tokens;
    /// @dev Asset id of a listed token (0 = not listed, since a token never has id 0).
    mapping(address token => uint32) internal _assetOf;
    /// @dev Withdrawn bitmap per batch: bit (index & 255) of word (index >> 8).
    mapping(uint64 batchId => mapping(uint256 word => uint256)) internal _withdrawn;

    /// @param owner_ Owner (a TimelockController in deployments): lists tokens, sets the guardian.
    /// @param guardian_ May pause deposits for at most `maxPauseDuration_`.
    /// @param forcedInclusionDelay_ Seconds after which an unconsumed message is overdue (> 0).
    /// @param maxPauseDuration_ Longest guardian pause in seconds (> 0).
    constructor(address owner_, address guardian_, uint64 forcedInclusionDelay_, uint64 maxPauseDuration_)
        Ownable(owner_)
    {
        if (guardian_ == address(0)) revert ZeroAddress();
        if (forcedInclusionDelay_ == 0 || maxPauseDuration_ == 0) revert InvalidParams();
        forcedInclusionDelay = forcedInclusionDelay_;
        maxPauseDuration = maxPauseDuration_;
        guardian = guardian_;
        _queue.nextAccount = 1;
        _assetCount = 1;
        emit GuardianSet(guardian_);
        emit TokenListed(0, address(0), ETH_SCALE);
    }

    // ------------------------------------------------------------------ governance

    /// @inheritdoc IBridge
    function initialize(address rollup_) external onlyOwner {
        if (rollup != address(0)) revert AlreadyInitialized();
        if (rollup_ == address(0)) revert ZeroAddress();
        rollup = rollup_;
        emit RollupSet(rollup_);
    }

    /// @inheritdoc IBridge
    function listToken(address token, uint64 scale) external onlyOwner returns (uint32 asset) {
        if (token == address(0)) revert ZeroAddress();
        if (!_isPowerOfTen(scale)) revert InvalidScale(scale);
        if (_assetOf[token] != 0) revert TokenAlreadyListed(token);
        asset = _assetCount;
        // An L2 account holds balances of MAX_ASSETS assets (docs/l2-spec.md): a deposit of any other
        // asset could not be credited on L2, so listing stops there.
        if (asset >= MAX_ASSETS) revert TooManyAssets(MAX_ASSETS);
        _assetCount = asset + 1;
        _tokens[asset] = Asset({token: token, scale: scale, outstanding: 0});
        _assetOf[token] = asset;
        emit TokenListed(asset, token, scale);
    }

    /// @inheritdoc IBridge
    /// @dev A pause may start only `maxPauseDuration` after the end of the previous one (its
    ///      `pausedUntil`, or the time it was lifted early), so a pause can neither be extended nor
    ///      renewed back to back: every paused stretch of at most `maxPauseDuration` is followed by at
    ///      least `maxPauseDuration` of open deposits, and any window of `4 * maxPauseDuration` holds at
    ///      most `2 * maxPauseDuration` of pause (at most `(W + maxPauseDuration) / 2` in a window W).
    function pause(uint64 duration) external {
        if (msg.sender != guardian) revert NotGuardian(msg.sender);
        if (duration == 0 || duration > maxPauseDuration) revert InvalidParams();
        uint64 readyAt = _queue.pausedUntil + maxPauseDuration;
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < readyAt) revert PauseCooldown(readyAt);
        uint64 until = uint64(block.timestamp) + duration;
        _queue.pausedUntil = until;
        emit Paused(msg.sender, until);
    }

    /// @inheritdoc IBridge
    /// @dev Records the early end (`pausedUntil = block.timestamp`) rather than clearing it, so the
    ///      guardian's cooldown runs from the moment deposits reopened; an expired pause is left as is.
    function unpause() external {
        if (msg.sender != guardian && msg.sender != owner()) revert NotGuardian(msg.sender);
        // forge-lint: disable-next-line(block-timestamp)
        if (_queue.pausedUntil > block.timestamp) _queue.pausedUntil = uint64(block.timestamp);
        emit Unpaused(msg.sender);
    }

    /// @inheritdoc IBridge
    function setGuardian(address guardian_) external onlyOwner {
        if (guardian_ == address(0)) revert ZeroAddress();
        guardian = guardian_;
        emit GuardianSet(guardian_);
    }

    // ------------------------------------------------------------------ deposits

    /// @inheritdoc IBridge
    /// @dev Refused while any nonReentrant call (a token deposit's transfer hook, a withdrawal's
    ///      recipient) is in progress. ETH deposits make no external call, so checking the guard is
    ///      enough (`nonReentrantView`, one TLOAD): nothing can run inside them to re-enter, and
    ///      setting the lock would only cost gas. Keep it so: an external call added here needs
    ///      `nonReentrant`.
    function depositETHNewAccount(bytes calldata l2Key)
        external
        payable
        nonReentrantView
        returns (uint32 account)
    {
        QueueState memory q = _loadQueue();
        _checkNotPaused(q);
        _checkKey(l2Key);
        uint64 units = _ethUnits(q, msg.value);
        q.ethOutstanding += units;
        account = _allocateAccount(q, l2Key);
        _enqueue(q, KIND_NEW_ACCOUNT, account, l2Key, 0, units);
    }

    /// @inheritdoc IBridge
    /// @dev Guarded like `depositETHNewAccount` (no external call, so `nonReentrantView`).
    function depositETH(uint32 account) external payable nonReentrantView {
        QueueState memory q = _loadQueue();
        _checkNotPaused(q);
        _checkAccount(q, account);
        if (msg.value == 0) revert ZeroDeposit();
        uint64 units = _ethUnits(q, msg.value);
        q.ethOutstanding += units;
        _enqueue(q, KIND_EXISTING_ACCOUNT, account, msg.data[0:0], 0, units);
    }

    /// @inheritdoc IBridge
    /// @dev `amount` may be 0 (a pure key registration); then nothing is pulled. The queue state is
    ///      read again after the token call, so nothing read before an external call is written back
    ///      after it (and every deposit is nonReentrant).
    function depositERC20NewAccount(bytes calldata l2Key, address token, uint256 amount)
        external
        nonReentrant
        returns (uint32 account)
    {
        _checkNotPaused(_loadQueue());
        _checkKey(l2Key);
        (uint32 asset, uint64 units) = _pullToken(token, amount);
        QueueState memory q = _loadQueue();
        account = _allocateAccount(q, l2Key);
        _enqueue(q, KIND_NEW_ACCOUNT, account, l2Key, asset, units);
    }

    /// @inheritdoc IBridge
    /// @dev The queue state is read again after the token call (see `depositERC20NewAccount`).
    function depositERC20(uint32 account, address token, uint256 amount) external nonReentrant {
        QueueState memory q = _loadQueue();
        _checkNotPaused(q);
        _checkAccount(q, account);
        if (amount == 0) revert ZeroDeposit();
        (uint32 asset, uint64 units) = _pullToken(token, amount);
        q = _loadQueue();
        _enqueue(q, KIND_EXISTING_ACCOUNT, account, msg.data[0:0], asset, units);
    }

    // ------------------------------------------------------------------ withdrawals

    /// @inheritdoc IBridge
    /// @dev Never pausable. Checks, then effects (mark withdrawn, lower outstanding), then the
    ///      transfer; nonReentrant as well. ETH is sent with all remaining gas and without copying
    ///      return data; a recipient that reverts makes the call revert (`TransferFailed`), and the
    ///      withdrawal stays claimable.
    function finalizeWithdrawal(
        uint64 batchId,
        uint32 index,
        address recipient,
        uint32 asset,
        uint64 amount,
        bytes32[] calldata proof
    ) external nonReentrant {
        _verifyWithdrawal(batchId, index, recipient, asset, amount, proof);
        _markWithdrawn(batchId, index);
        (address token, uint256 value) = _debit(asset, amount);
        emit WithdrawalFinalized(batchId, index, recipient, asset, value);
        if (asset == 0) {
            bool ok;
            assembly ("memory-safe") {
                ok := call(gas(), recipient, value, 0, 0, 0, 0)
            }
            if (!ok) revert TransferFailed();
        } else {
            IERC20(token).safeTransfer(recipient, value);
        }
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IBridge
    function messageCount() external view returns (uint64) {
        return _queue.messageCount;
    }

    /// @inheritdoc IBridge
    function messageChain(uint64 n) external view returns (bytes32) {
        uint64 count = _queue.messageCount;
        if (n > count) revert MessageOutOfRange(n, count);
        return _chains[n];
    }

    /// @inheritdoc IBridge
    function enqueuedAt(uint64 nonce) public view returns (uint64) {
        uint64 count = _queue.messageCount;
        if (nonce >= count) revert MessageOutOfRange(nonce, count);
        return uint64(_enqueuedAtPacked[nonce >> 2] >> ((nonce & 3) << 6));
    }

    /// @notice Whether message `nonce` exists and is at least `forcedInclusionDelay` old, i.e. a batch
    ///         that has not consumed it yet must consume it (the rollup knows what was consumed).
    function isOverdue(uint64 nonce) external view returns (bool) {
        if (nonce >= _queue.messageCount) return false;
        // Timestamps only measure delays of hours or days; a few seconds of proposer skew are harmless.
        // forge-lint: disable-next-line(block-timestamp)
        return enqueuedAt(nonce) + forcedInclusionDelay <= block.timestamp;
    }

    /// @inheritdoc IBridge
    function nextAccount() external view returns (uint32) {
        return _queue.nextAccount;
    }

    /// @inheritdoc IBridge
    function assetCount() external view returns (uint32) {
        return _assetCount;
    }

    /// @inheritdoc IBridge
    function getAsset(uint32 asset) external view returns (Asset memory) {
        if (asset == 0) {
            return Asset({token: address(0), scale: ETH_SCALE, outstanding: _queue.ethOutstanding});
        }
        if (asset >= _assetCount) revert UnknownAsset(asset);
        return _tokens[asset];
    }

    /// @inheritdoc IBridge
    /// @dev `assetOf(address(0))` is 0 (ETH); an unlisted token reverts `TokenNotListed`.
    function assetOf(address token) external view returns (uint32 asset) {
        if (token == address(0)) return 0;
        asset = _assetOf[token];
        if (asset == 0) revert TokenNotListed(token);
    }

    /// @inheritdoc IBridge
    function isWithdrawn(uint64 batchId, uint32 index) external view returns (bool) {
        return _withdrawn[batchId][index >> 8] & (uint256(1) << (index & 0xff)) != 0;
    }

    /// @inheritdoc IBridge
    function pausedUntil() external view returns (uint64) {
        return _queue.pausedUntil;
    }

    // ------------------------------------------------------------------ internal

    function _checkNotPaused(QueueState memory q) private view {
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < q.pausedUntil) revert DepositsPaused(q.pausedUntil);
    }

    function _checkKey(bytes calldata l2Key) private pure {
        if (l2Key.length != L2_KEY_LENGTH) revert BadKeyLength(l2Key.length);
    }

    function _checkAccount(QueueState memory q, uint32 account) private pure {
        if (account == 0 || account >= q.nextAccount) revert UnknownAccount(account);
    }

    /// @dev L2 units of an ETH deposit of `value` wei; enforces the rounding rule and the cap.
    function _ethUnits(QueueState memory q, uint256 value) private pure returns (uint64) {
        if (value % ETH_SCALE != 0) revert AmountNotMultipleOfUnit(value, ETH_SCALE);
        return _capped(0, value / ETH_SCALE, q.ethOutstanding);
    }

    /// @dev Checks `outstanding + units <= MAX_AMOUNT` and returns `units` as u64.
    function _capped(uint32 asset, uint256 units, uint64 outstanding) private pure returns (uint64) {
        if (units > MAX_AMOUNT - outstanding) revert OutstandingCapExceeded(asset);
        // casting to 'uint64' is safe because units <= MAX_AMOUNT - outstanding < 2^63
        // forge-lint: disable-next-line(unsafe-typecast)
        return uint64(units);
    }

    /// @dev Validates and pulls an ERC-20 deposit, crediting exactly what was received (which must
    ///      equal `amount`), and raises the asset's outstanding. The outstanding is read after the
    ///      token calls, so a token hook cannot make a stale value be written back.
    function _pullToken(address token, uint256 amount) private returns (uint32 asset, uint64 units) {
        if (token == address(0)) revert TokenNotListed(token);
        asset = _assetOf[token];
        if (asset == 0) revert TokenNotListed(token);
        Asset storage a = _tokens[asset];
        uint64 scale = a.scale;
        if (amount % scale != 0) revert AmountNotMultipleOfUnit(amount, scale);
        if (amount != 0) {
            uint256 before = IERC20(token).balanceOf(address(this));
            IERC20(token).safeTransferFrom(msg.sender, address(this), amount);
            uint256 received = IERC20(token).balanceOf(address(this)) - before;
            if (received != amount) revert TransferAmountMismatch(token, amount, received);
        }
        uint64 out = a.outstanding;
        units = _capped(asset, amount / scale, out);
        a.outstanding = out + units;
    }

    /// @dev Allocates the next account index for `l2Key` (in `q`, written back by `_enqueue`).
    function _allocateAccount(QueueState memory q, bytes calldata l2Key) private returns (uint32 account) {
        account = q.nextAccount;
        if (account == type(uint32).max) revert TooManyAccounts();
        q.nextAccount = account + 1;
        emit AccountRegistered(account, msg.sender, l2Key);
    }

    /// @dev Reads the queue state slot once (field order as Solidity packs `QueueState`).
    function _loadQueue() private view returns (QueueState memory q) {
        uint256 w;
        assembly ("memory-safe") {
            w := sload(_queue.slot)
        }
        // forge-lint: disable-start(unsafe-typecast) -- unpacking the fields of one packed slot
        q.messageCount = uint64(w);
        q.nextAccount = uint32(w >> 64);
        q.pausedUntil = uint64(w >> 96);
        q.ethOutstanding = uint64(w >> 160);
        // forge-lint: disable-end(unsafe-typecast)
    }

    /// @dev Writes the queue state slot once.
    function _storeQueue(QueueState memory q) private {
        uint256 w = uint256(q.messageCount) | (uint256(q.nextAccount) << 64) | (uint256(q.pausedUntil) << 96)
            | (uint256(q.ethOutstanding) << 160);
        assembly ("memory-safe") {
            sstore(_queue.slot, w)
        }
    }

    /// @dev Appends the record of a deposit (nonce = q.messageCount) to the queue:
    ///      chain_{n+1} = keccak256(chain_n ‖ record); stores it and the enqueue timestamp, writes
    ///      the queue state back and emits `MessageEnqueued(nonce, account, asset, record, chain)`.
    ///      `l2Key` is ignored for kind 1 (the record then carries 40 zero bytes). Written in
    ///      assembly because it is the whole cost of a deposit: the record is built once, directly
    ///      inside the event's ABI encoding, and hashed in place.
    function _enqueue(
        QueueState memory q,
        uint8 kind,
        uint32 account,
        bytes calldata l2Key,
        uint32 asset,
        uint64 units
    ) private {
        uint64 nonce = q.messageCount;
        q.messageCount = nonce + 1;
        _storeQueue(q);
        bytes32 topic0 = MessageEnqueued.selector;
        assembly ("memory-safe") {
            nonce := and(nonce, 0xffffffffffffffff)
            account := and(account, 0xffffffff)
            asset := and(asset, 0xffffffff)
            // Scratch memory past the free pointer holds the event data abi.encode(record, chain):
            //   [b, b+32) offset of `record` (0x40) | [b+32, b+64) chain | [b+64, b+96) length 85 |
            //   [b+96, b+192) the 85-byte record, zero padded.
            // Record fields (l2-spec §3, offsets from d = b+96): nonce 0, kind 8, l1Sender 9,
            // account 29, l2Key 33, asset 73, amount 77. They are written right to left, so each
            // 32-byte store only zeroes bytes that a later, more leftward, store overwrites.
            let b := mload(0x40)
            let d := add(b, 0x60)
            mstore(add(d, 64), 0) // padding [85, 96)
            mstore(add(d, 53), and(units, 0xffffffffffffffff)) // amount at [77, 85)
            mstore(add(d, 45), asset) // asset at [73, 77); zeroes [45, 73)
            switch kind
            case 0 { calldatacopy(add(d, 33), l2Key.offset, 40) } // l2Key at [33, 73)
            default { mstore(add(d, 33), 0) } // zero key: [33, 65) here, [65, 73) above
            mstore(add(d, 1), account) // account at [29, 33)
            mstore(sub(d, 3), caller()) // l1Sender at [9, 29)
            mstore8(add(d, 8), kind) // kind at [8, 9)
            mstore(sub(d, 24), nonce) // nonce at [0, 8)
            // chain_n goes right before the record (in the length word): hash chain_n ‖ record.
            mstore(0x00, nonce)
            mstore(0x20, _chains.slot)
            mstore(add(b, 0x40), sload(keccak256(0x00, 0x40)))
            let chain := keccak256(add(b, 0x40), 117)
            mstore(add(b, 0x40), 85)
            mstore(add(b, 0x20), chain)
            mstore(b, 0x40)
            // _chains[nonce + 1] = chain
            mstore(0x00, add(nonce, 1))
            sstore(keccak256(0x00, 0x40), chain)
            // _enqueuedAtPacked[nonce >> 2] |= timestamp << (64 * (nonce & 3))
            mstore(0x00, shr(2, nonce))
            mstore(0x20, _enqueuedAtPacked.slot)
            let tsSlot := keccak256(0x00, 0x40)
            sstore(
                tsSlot,
                or(sload(tsSlot), shl(shl(6, and(nonce, 3)), and(timestamp(), 0xffffffffffffffff)))
            )
            log4(b, 0xc0, topic0, nonce, account, asset)
        }
    }

    /// @dev Checks that the withdrawal is a leaf of finalized batch `batchId`'s withdrawal tree.
    function _verifyWithdrawal(
        uint64 batchId,
        uint32 index,
        address recipient,
        uint32 asset,
        uint64 amount,
        bytes32[] calldata proof
    ) private view {
        address rollup_ = rollup;
        if (rollup_ == address(0) || !IRollup(rollup_).isFinalized(batchId)) {
            revert BatchNotFinalized(batchId);
        }
        (bytes32 root, uint32 count) = IRollup(rollup_).finalizedWithdrawals(batchId);
        if (index >= count) revert IndexOutOfRange(index, count);
        uint256 expected = WithdrawalTree.depth(count);
        if (proof.length != expected) revert BadProofLength(proof.length, expected);
        bytes32 leafHash = WithdrawalTree.leaf(recipient, asset, amount);
        if (WithdrawalTree.rootFromProof(leafHash, index, proof) != root) revert InvalidWithdrawalProof();
    }

    /// @dev Marks `(batchId, index)` withdrawn; reverts if it already was.
    function _markWithdrawn(uint64 batchId, uint32 index) private {
        mapping(uint256 => uint256) storage words = _withdrawn[batchId];
        uint256 word = index >> 8;
        uint256 bit = uint256(1) << (index & 0xff);
        uint256 bits = words[word];
        if (bits & bit != 0) revert AlreadyWithdrawn(batchId, index);
        words[word] = bits | bit;
    }

    /// @dev Lowers the outstanding of `asset` by `amount` units; returns the token and wei to pay.
    function _debit(uint32 asset, uint64 amount) private returns (address token, uint256 value) {
        if (asset == 0) {
            uint64 out = _queue.ethOutstanding;
            if (amount > out) revert WithdrawalExceedsOutstanding(asset, amount, out);
            _queue.ethOutstanding = out - amount;
            return (address(0), uint256(amount) * ETH_SCALE);
        }
        if (asset >= _assetCount) revert UnknownAsset(asset);
        Asset storage a = _tokens[asset];
        uint64 outstanding = a.outstanding;
        if (amount > outstanding) revert WithdrawalExceedsOutstanding(asset, amount, outstanding);
        a.outstanding = outstanding - amount;
        return (a.token, uint256(amount) * a.scale);
    }

    /// @dev Whether `x` is 10^k for some 0 <= k <= 18.
    function _isPowerOfTen(uint64 x) private pure returns (bool) {
        for (uint64 p = 1; p <= MAX_SCALE; p *= 10) {
            if (x == p) return true;
        }
        return false;
    }
}
