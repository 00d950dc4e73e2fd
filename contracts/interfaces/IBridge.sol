// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IBridge
/// @notice Deposits of ETH and listed ERC-20s into the L1 message queue (a Keccak hash chain that
///         batches must consume in order), and withdrawals paid from finalized batches' withdrawal
///         roots with a Merkle proof, each exactly once. Withdrawals are never pausable.
/// @dev Formats (message record, amounts, withdrawal leaf and tree) are fixed in docs/l2-spec.md.
interface IBridge {
    /// @notice A listed asset. Asset 0 is ETH (token = address(0), scale = 1 gwei).
    struct Asset {
        address token;
        uint64 scale; // wei of the token per L2 unit
        uint64 outstanding; // L2 units deposited and not yet withdrawn (<= 2^63 - 1)
    }

    /// @notice A message entered the queue; `record` is the 85-byte record and `chain` the new head.
    event MessageEnqueued(
        uint64 indexed nonce, uint32 indexed account, uint32 indexed asset, bytes record, bytes32 chain
    );
    /// @notice A new L2 account index was allocated for `l2Key`.
    event AccountRegistered(uint32 indexed account, address indexed l1Sender, bytes l2Key);
    /// @notice A withdrawal was paid.
    event WithdrawalFinalized(
        uint64 indexed batchId, uint32 indexed index, address indexed recipient, uint32 asset, uint256 amount
    );
    event TokenListed(uint32 indexed asset, address indexed token, uint64 scale);
    event Paused(address indexed guardian, uint64 until);
    event Unpaused(address indexed by);
    event GuardianSet(address guardian);
    /// @notice The rollup whose finalized withdrawal roots pay withdrawals was set (once).
    event RollupSet(address indexed rollup);

    error ZeroAddress();
    error BadKeyLength(uint256 length);
    error UnknownAccount(uint32 account);
    error UnknownAsset(uint32 asset);
    error TokenNotListed(address token);
    error TokenAlreadyListed(address token);
    error InvalidScale(uint64 scale);
    error AmountNotMultipleOfUnit(uint256 amount, uint64 scale);
    error OutstandingCapExceeded(uint32 asset);
    error DepositsPaused(uint64 until);
    error BatchNotFinalized(uint64 batchId);
    error IndexOutOfRange(uint32 index, uint32 count);
    error BadProofLength(uint256 length, uint256 expected);
    error InvalidWithdrawalProof();
    error AlreadyWithdrawn(uint64 batchId, uint32 index);
    error TransferFailed();
    error NotGuardian(address caller);
    error InvalidParams();
    error AlreadyInitialized();
    error TooManyAccounts();
    /// @notice Every asset slot of an L2 account is taken (docs/l2-spec.md `NUM_ASSETS`).
    error TooManyAssets(uint32 max);
    /// @notice `n` is beyond the queue (`count` messages so far).
    error MessageOutOfRange(uint64 n, uint64 count);
    /// @notice Deposits to an existing account must carry a non-zero amount.
    error ZeroDeposit();
    /// @notice The bridge received `received` token wei instead of `expected` (fee-on-transfer and
    ///         rebasing tokens are unsupported).
    error TransferAmountMismatch(address token, uint256 expected, uint256 received);
    /// @notice The guardian may pause again only from `readyAt` = end of the previous pause (or the
    ///         time it was lifted) + `maxPauseDuration`.
    error PauseCooldown(uint64 readyAt);
    /// @notice A withdrawal exceeds the asset's outstanding deposits (only an invalid finalized batch can).
    error WithdrawalExceedsOutstanding(uint32 asset, uint64 amount, uint64 outstanding);

    /// @notice Owner, once: set the rollup whose finalized batches pay withdrawals.
    function initialize(address rollup) external;

    /// @notice Deposit ETH to a new L2 account for `l2Key` (40-byte EcGFp5 key encoding).
    /// @return account The allocated L2 account index.
    function depositETHNewAccount(bytes calldata l2Key) external payable returns (uint32 account);

    /// @notice Deposit ETH to an existing L2 account.
    function depositETH(uint32 account) external payable;

    /// @notice Deposit a listed ERC-20 (pulled with transferFrom) to a new L2 account for `l2Key`.
    function depositERC20NewAccount(bytes calldata l2Key, address token, uint256 amount)
        external
        returns (uint32 account);

    /// @notice Deposit a listed ERC-20 to an existing L2 account.
    function depositERC20(uint32 account, address token, uint256 amount) external;

    /// @notice Pay a withdrawal of a finalized batch to `recipient`. Anyone may submit it. Never pausable.
    /// @param proof Siblings from the leaf up (exactly ceil(log2(count)) of them).
    function finalizeWithdrawal(
        uint64 batchId,
        uint32 index,
        address recipient,
        uint32 asset,
        uint64 amount,
        bytes32[] calldata proof
    ) external;

    /// @notice Owner (timelock): list an ERC-20 with `scale` token wei per L2 unit (a power of ten).
    function listToken(address token, uint64 scale) external returns (uint32 asset);

    /// @notice Guardian: pause deposits for `duration` seconds, at most `maxPauseDuration`. Reverts
    ///         `PauseCooldown` before `pausedUntil() + maxPauseDuration`: a pause cannot be extended
    ///         or renewed back to back.
    function pause(uint64 duration) external;
    /// @notice Guardian or owner: lift a pause (its end, `pausedUntil`, becomes now; the cooldown of
    ///         `pause` runs from there).
    function unpause() external;
    /// @notice Owner (timelock): set the guardian.
    function setGuardian(address guardian) external;

    /// @notice Number of messages ever enqueued.
    function messageCount() external view returns (uint64);
    /// @notice Chain value after the first `n` messages (chain_0 = 0).
    function messageChain(uint64 n) external view returns (bytes32);
    /// @notice L1 timestamp at which message `nonce` was enqueued.
    function enqueuedAt(uint64 nonce) external view returns (uint64);
    /// @notice Seconds after which an unconsumed message is overdue.
    function forcedInclusionDelay() external view returns (uint64);
    /// @notice Next L2 account index to allocate.
    function nextAccount() external view returns (uint32);
    /// @notice Number of listed assets (ETH included).
    function assetCount() external view returns (uint32);
    /// @notice Listed asset `asset`.
    function getAsset(uint32 asset) external view returns (Asset memory);
    /// @notice Asset id of a listed `token` (reverts TokenNotListed otherwise).
    function assetOf(address token) external view returns (uint32);
    /// @notice True iff withdrawal `index` of `batchId` was paid.
    function isWithdrawn(uint64 batchId, uint32 index) external view returns (bool);
    /// @notice End of the current (or last) deposit pause: the time it expires or was lifted (0 if none).
    function pausedUntil() external view returns (uint64);
}
