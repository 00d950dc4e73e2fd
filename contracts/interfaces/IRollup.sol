// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IBatchVerifier} from "./IBatchVerifier.sol";

/// @title IRollup
/// @notice Hybrid settlement: the epoch leader posts batches; a batch finalizes optimistically after
///         the challenge window, or at once with a validity proof. A challenge (with a bond) demands a
///         proof within the prove window; without one the batch and every descendant are reverted
///         and the operator slashed. An escape hatch lets anyone post a proven batch when the
///         sequencers stall or censor the L1 message queue.
/// @dev Batches have unique ids (1, 2, …) and a height; the canonical chain is `idAtHeight(h)` for
///      h <= `tipHeight()`. Reverting a batch sets the tip below it, which reverts all descendants
///      in O(1). Finalization advances one height at a time. ETH payouts (bonds, bounties) are
///      credited and pulled with `claim()`.
interface IRollup {
    enum BatchStatus {
        None,
        Pending, // posted, inside or past its challenge window, not challenged
        Challenged, // an open challenge waits for a proof
        Proven, // a valid proof was accepted; final once its parent is final
        Finalized,
        Reverted // lost a challenge, or descends from a batch that did
    }

    struct Batch {
        bytes32 stateRoot; // state root after this batch
        bytes32 dataHash; // keccak256 of the posted data
        bytes32 withdrawalRoot; // root of the batch's withdrawal tree (0 if none)
        uint64 parentId;
        uint64 height;
        uint64 msgStart; // first L1 message consumed
        uint64 msgEnd; // one past the last L1 message consumed
        address operator; // operator (or escape-hatch poster) that posted it
        uint40 submittedAt; // L1 timestamp
        uint32 withdrawalCount;
        BatchStatus status;
        uint16 txCount; // transactions in the data (saturated at 2^16 - 1)
    }

    struct Challenge {
        address challenger;
        uint96 bond;
        uint40 deadline; // proof due before this timestamp
    }

    /// @notice Governance parameters (see docs/parameters.md).
    struct Params {
        uint64 challengeWindow; // seconds after submission during which a batch can be challenged
        uint64 proveWindow; // seconds a challenged batch has to be proven
        uint64 escapeDelay; // seconds without a batch after which anyone may post a proven batch
        uint32 maxBatchRecords; // most records (L1 messages + transactions) a batch may hold
        uint96 challengeBond; // wei a challenger posts (must exceed proving cost)
        uint96 proverBounty; // wei paid (from the bounty pool) for proving an unchallenged batch
        uint64 maxPauseDuration; // seconds a guardian pause lasts at most
    }

    event BatchSubmitted(
        uint64 indexed batchId,
        uint64 indexed parentId,
        address indexed operator,
        uint64 height,
        bytes32 prevStateRoot,
        bytes32 newStateRoot,
        bytes32 dataHash,
        bytes32 withdrawalRoot,
        uint64 msgStart,
        uint64 msgEnd
    );
    event BatchChallenged(uint64 indexed batchId, address indexed challenger, uint256 bond, uint40 deadline);
    event BatchProven(uint64 indexed batchId, address indexed prover, uint256 reward);
    event BatchFinalized(uint64 indexed batchId, uint64 height, bytes32 stateRoot, bool proven);
    /// @notice One proof (`proveBatches`) covered the canonical batches from `firstBatchId` to
    ///         `lastBatchId` (consecutive heights), made for `prover`. Each batch whose status it
    ///         changed also emitted `BatchProven`.
    event RangeProven(uint64 indexed firstBatchId, uint64 lastBatchId, address indexed prover);
    /// @notice `batchId` lost its challenge; it and every descendant (heights >= its height) are reverted.
    event BatchesReverted(uint64 indexed batchId, uint64 fromHeight, uint64 toHeight);
    event ChallengeResolved(uint64 indexed batchId, address indexed winner, uint256 payout);
    event Credited(address indexed account, uint256 amount);
    event Claimed(address indexed account, uint256 amount);
    event BountyFunded(address indexed from, uint256 amount);
    event Paused(address indexed guardian, uint64 until);
    event Unpaused(address indexed by);
    event GuardianSet(address guardian);
    event VerifierSet(address verifier);
    event ParamsSet(Params params);
    /// @notice `staking.slash` reverted while resolving a lost challenge on `batchId` (the batch and
    ///         its descendants are reverted and the challenger refunded anyway).
    event SlashFailed(uint64 indexed batchId, address indexed operator);
    /// @notice The open challenge on `batchId` could no longer be answered (the verifier was unset,
    ///         or replaced by one that cannot prove a batch of this size, while it was open): the challenger's `bond` is credited back, nobody is slashed and the
    ///         batch is Pending again (it finalizes after its challenge window like any other).
    event ChallengeVoided(uint64 indexed batchId, address indexed challenger, uint256 bond);

    error ZeroAddress();
    error NotLeader(address caller, address leader);
    /// @notice The current leader is jailed, exited or under-bonded and may not post.
    error LeaderNotEligible(address leader);
    error WrongParent(uint64 parentId, uint64 tipId);
    error WrongPrevStateRoot(bytes32 given, bytes32 expected);
    error MalformedBatchData(uint256 code);
    error MessageChainMismatch(bytes32 computed, bytes32 expected);
    error MessagesBeyondQueue(uint64 msgEnd, uint64 queueLength);
    error OverdueMessagesNotConsumed(uint64 firstUnconsumed);
    error PostingPaused(uint64 until);
    error UnknownBatch(uint64 batchId);
    error NotCanonical(uint64 batchId);
    error AlreadyFinalized(uint64 batchId);
    error WrongStatus(uint64 batchId, BatchStatus status);
    error ChallengeWindowClosed(uint64 batchId);
    error WrongBond(uint256 sent, uint256 required);
    error ProveWindowOpen(uint64 batchId, uint40 deadline);
    error ProveWindowClosed(uint64 batchId, uint40 deadline);
    error VerifierNotSet();
    /// @notice The verifier cannot prove a batch of this many records, so no challenge of it could
    ///         be answered.
    /// @dev records = L1 messages + transactions; `maxRecords` is the verifier's
    ///      (`IBatchVerifier.maxRecords`). Such a batch is not challengeable (property 1 of
    ///      docs/protocol.md: no honest batch reverted for want of a proof).
    error BatchNotProvable(uint64 batchId, uint256 records, uint256 maxRecords);
    /// @notice The batch holds more records than L1 accepts (`batchRecordLimit`).
    /// @dev records = L1 messages consumed + transactions, counted as for `BatchNotProvable`;
    ///      `maxRecords` = min(`maxBatchRecords`, the verifier's `maxRecords`) while a verifier is set.
    ///      The bound makes every batch L1 accepts provable, hence challengeable (docs/protocol.md).
    error BatchTooLarge(uint256 records, uint256 maxRecords);
    /// @notice The new verifier proves fewer records than a batch not yet final may hold (`required`):
    ///         such a batch could no longer be challenged.
    /// @dev `required` is `pendingRecordsBound()`: `maxBatchRecords`, or a larger bound lowered since
    ///      while batches posted under it are not final yet.
    error VerifierTooSmall(uint256 maxRecords, uint256 required);
    error InvalidProof(uint64 batchId);
    /// @notice A range proof must cover 1 to `maxBatches` batches.
    /// @dev `maxBatches` is the current verifier's (`IBatchVerifier.maxBatches`); `count` is the
    ///      number of data items given to `proveBatches`.
    error RangeLength(uint256 count, uint256 maxBatches);
    /// @notice The range would end at `lastHeight`, above the canonical tip.
    /// @dev Batches above the tip do not exist or were reverted: a range holds canonical batches only.
    error RangeBeyondTip(uint256 lastHeight, uint64 tipHeight);
    /// @notice Every batch of the range starting at `firstBatchId` is already Proven or Finalized.
    /// @dev Checked before the (expensive) verification: a prover who lost the race to other proofs
    ///      pays for a cheap revert, and `RangeProven` always means some status changed.
    error NothingToProve(uint64 firstBatchId);
    error DataHashMismatch(bytes32 given, bytes32 expected);
    error NotNextToFinalize(uint64 batchId, uint64 nextHeight);
    error NotFinalizable(uint64 batchId);
    error EscapeHatchClosed();
    error NothingToClaim();
    error TransferFailed();
    error NotGuardian(address caller);
    error InvalidParams();
    error AlreadyInitialized();
    /// @notice The call was given too little gas for the operator's slash to run.
    error InsufficientGas();
    /// @notice The guardian paused less than `maxPauseDuration` ago (counted from the end of the last
    ///         pause); it may pause again from `readyAt`.
    error PauseCooldown(uint64 readyAt);

    /// @notice Post a batch (leader's signer only). `data` is the batch data of docs/l2-spec.md. Reverts
    ///         `BatchTooLarge` when it holds more records than `batchRecordLimit()`.
    /// @param parentId Must be the current tip.
    /// @param prevStateRoot Must equal the parent's state root.
    /// @param newStateRoot State root claimed after applying `data`.
    /// @return batchId Id of the new batch.
    function submitBatch(uint64 parentId, bytes32 prevStateRoot, bytes32 newStateRoot, bytes calldata data)
        external
        returns (uint64 batchId);

    /// @notice Escape hatch: anyone posts a batch with its validity proof once `escapeHatchOpen()`.
    ///         Bounded by `batchRecordLimit()` like `submitBatch`.
    function submitBatchWithProof(
        uint64 parentId,
        bytes32 prevStateRoot,
        bytes32 newStateRoot,
        bytes calldata data,
        bytes calldata proof
    ) external returns (uint64 batchId);

    /// @notice Challenge a pending batch inside its challenge window, posting `challengeBond` wei.
    ///         Reverts `VerifierNotSet` while no verifier is set and `BatchNotProvable` when the
    ///         verifier cannot prove a batch of this size (nobody could answer it).
    function challenge(uint64 batchId) external payable;

    /// @notice Prove a pending or challenged batch. Pays the challenger's bond (or the bounty) to the
    ///         caller and finalizes the batch at once when its parent is final.
    function proveBatch(uint64 batchId, bytes calldata data, bytes calldata proof) external;

    /// @notice Prove the `data.length` consecutive canonical batches from `firstBatchId` up (heights
    ///         h, h + 1, …) with one proof (`IBatchVerifier.verifyBatches`, at most its `maxBatches`).
    ///         Each data item must be its batch's posted data. Pending and challenged (before their
    ///         effective deadline) batches become Proven, the caller earning each challenge's bond;
    ///         Proven and Finalized ones are left as they are. Then the range's Proven batches are
    ///         finalized in height order from `lastFinalizedHeight + 1`, and the bounty is paid for
    ///         each one that was Pending before the call and is finalized by it. Reverts
    ///         `NothingToProve` when no batch of the range is Pending or Challenged.
    function proveBatches(uint64 firstBatchId, bytes[] calldata data, bytes calldata proof) external;

    /// @notice After the effective deadline (`challengeDeadline`) of an unanswered challenge: revert
    ///         the batch and descendants, slash the operator, credit the challenger its bond back.
    ///         While no verifier can prove the batch (`isProvable`) the challenge is voided instead
    ///         (bond back, batch Pending, nobody slashed: `ChallengeVoided`). Reverts `InsufficientGas` unless the slash can be
    ///         given its whole gas budget.
    function resolveChallenge(uint64 batchId) external;

    /// @notice Finalize the next batch (height lastFinalizedHeight + 1) if it is proven, or pending
    ///         and past its challenge window.
    function finalizeBatch(uint64 batchId) external;

    /// @notice Withdraw ETH credited to the caller (bonds, bounties, rewards). Never pausable.
    function claim() external returns (uint256 amount);

    /// @notice Add ETH to the prover bounty pool.
    function fundBounty() external payable;

    /// @notice Guardian: pause `submitBatch` for at most `maxPauseDuration`. Exits are unaffected.
    ///         Reverts `PauseCooldown` until `maxPauseDuration` after the end of the previous pause.
    function pause(uint64 duration) external;

    /// @notice Guardian or owner: lift a pause.
    function unpause() external;

    /// @notice Owner (timelock): set the guardian.
    function setGuardian(address guardian) external;

    /// @notice Owner (timelock): set the batch verifier (address(0) disables proving); records
    ///         `verifierSetAt`, which extends open challenges to a whole prove window with it. A
    ///         non-zero verifier must prove at least `pendingRecordsBound()` records
    ///         (`VerifierTooSmall`), so no batch L1 accepted becomes unchallengeable.
    function setVerifier(address verifier) external;

    /// @notice Owner (timelock): set parameters. While a verifier is set, `maxBatchRecords` may not
    ///         exceed its `maxRecords` (`InvalidParams`).
    function setParams(Params calldata params) external;

    /// @notice Current governance parameters.
    function params() external view returns (Params memory);
    /// @notice The batch verifier; address(0) until governance sets the generated one.
    function verifier() external view returns (IBatchVerifier);
    /// @notice Batch `batchId` (status Reverted when no longer canonical; empty for unknown ids).
    function getBatch(uint64 batchId) external view returns (Batch memory);
    /// @notice Open challenge of `batchId` (empty if none). Its `deadline` is the one set when it was
    ///         opened; `challengeDeadline` gives the effective one.
    function getChallenge(uint64 batchId) external view returns (Challenge memory);
    /// @notice Effective deadline of the open challenge on `batchId` (0 if none): a proof is accepted,
    ///         and the challenge cannot be resolved against the batch, before this timestamp. It is
    ///         `max(deadline, verifierSetAt + proveWindow)`, `proveWindow` as when the challenge opened,
    ///         so a working verifier is always available for a whole prove window.
    function challengeDeadline(uint64 batchId) external view returns (uint40);
    /// @notice Timestamp of the last `setVerifier` (0 if never called).
    function verifierSetAt() external view returns (uint64);
    /// @notice Whether a proof could answer a challenge of `batchId`: a verifier is set and it can
    ///         prove a batch of this many records (L1 messages + transactions). `challenge` requires
    ///         it; `resolveChallenge` voids a challenge that lost it (the verifier was removed or
    ///         replaced by one of smaller capacity).
    function isProvable(uint64 batchId) external view returns (bool);
    /// @notice Most records (L1 messages + transactions) a batch may hold now: min(`maxBatchRecords`,
    ///         `verifier().maxRecords()`) while a verifier is set, `maxBatchRecords` while none is.
    ///         Reverts if the verifier's `maxRecords` reverts (and so does posting). Sequencers read it.
    function batchRecordLimit() external view returns (uint256);
    /// @notice Most records a canonical batch not yet final may hold: `maxBatchRecords`, or the larger
    ///         bound it was lowered from until every batch posted before the lowering is final. A new
    ///         verifier must prove this many (`setVerifier`).
    function pendingRecordsBound() external view returns (uint256);
    /// @notice Overdue L1 messages a batch must consume at least, when it leaves some overdue ones
    ///         unconsumed (a batch that consumes every overdue message is always accepted), unless
    ///         `batchRecordLimit()` is smaller: then a batch of that many messages is enough.
    function FORCED_INCLUSION_QUOTA() external view returns (uint64);
    /// @notice Id of the canonical tip.
    function tipId() external view returns (uint64);
    /// @notice Height of the canonical tip.
    function tipHeight() external view returns (uint64);
    /// @notice Canonical batch id at `height` (0 above the tip).
    function idAtHeight(uint64 height) external view returns (uint64);
    /// @notice Height of the last finalized batch.
    function lastFinalizedHeight() external view returns (uint64);
    /// @notice Id of the last finalized batch.
    function lastFinalizedId() external view returns (uint64);
    /// @notice Timestamp of the last batch posted (escape-hatch clock).
    function lastSubmittedAt() external view returns (uint64);
    /// @notice True iff `batchId` is on the canonical chain.
    function isCanonical(uint64 batchId) external view returns (bool);
    /// @notice True iff `batchId` is finalized.
    function isFinalized(uint64 batchId) external view returns (bool);
    /// @notice True when anyone may post a proven batch (no batch for `escapeDelay`, or an overdue message).
    function escapeHatchOpen() external view returns (bool);
    /// @notice End of the current (or last) posting pause.
    function pausedUntil() external view returns (uint64);
    /// @notice ETH credited to `account`, withdrawable with `claim`.
    function credits(address account) external view returns (uint256);
    /// @notice ETH available for prover bounties.
    function bountyPool() external view returns (uint256);
    /// @notice Withdrawal root and count of a finalized batch (reverts NotFinalizable otherwise).
    function finalizedWithdrawals(uint64 batchId) external view returns (bytes32 root, uint32 count);
}
