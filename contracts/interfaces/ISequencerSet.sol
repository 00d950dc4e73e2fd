// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title ISequencerSet
/// @notice Epochs, the active sequencer set, stake-weighted leader election and liveness reports.
/// @dev Epoch `e` covers L1 blocks [e * epochLength, (e + 1) * epochLength) (epochLength from
///      IStaking). `snapshot()` copies the staking ranking into the set for epoch
///      `E = currentEpoch() + activationDelay` and records as that set's seed
///      `keccak256(abi.encode(blockhash(epochStartBlock(currentEpoch()) - 1), E))` (fixed by the epoch
///      boundary, whichever block of the window calls it); the first snapshot for an epoch wins. An epoch without its own snapshot uses the latest earlier one.
///      The leader of epoch `e` is drawn stake-weighted with `keccak256(seed, e)`; a liveness report
///      hands leadership to the next eligible member for the rest of the epoch.
interface ISequencerSet {
    /// @notice One recorded set: members by rank, their stakes, the seed, and the epoch it starts.
    struct SetSnapshot {
        uint64 epoch;
        bytes32 seed;
        uint256 totalStake;
        address[] operators;
        uint256[] stakes;
    }

    /// @notice A takeover inside an epoch: from `fromBlock` on, member `index` leads.
    struct Takeover {
        uint64 fromBlock;
        uint8 index;
    }

    /// @notice A set was recorded for `epoch`.
    event SetSnapshotted(uint64 indexed epoch, bytes32 seed, address[] operators, uint256[] stakes);
    /// @notice `operator` (leader of `epoch`) was reported for liveness; `newLeader` leads from `fromBlock`.
    event LivenessReported(
        uint64 indexed epoch,
        address indexed operator,
        address indexed reporter,
        address newLeader,
        uint64 fromBlock
    );
    /// @notice The rollup recorded a batch posted by `operator` at the current block.
    event BatchPostedBy(address indexed operator, uint64 blockNumber);
    /// @notice Parameters changed.
    event ParamsSet(uint64 activationDelay, uint64 livenessTimeout);
    /// @notice The rollup allowed to notify posts was set.
    event RollupSet(address rollup);

    error ZeroAddress();
    error NotRollup(address caller);
    error RollupAlreadySet();
    error InvalidParams();
    error NoActiveSet(uint64 epoch);
    error NotLate(address leader, uint64 deadlineBlock);
    error NoOtherEligibleMember(uint64 epoch);
    error SnapshotExists(uint64 epoch);
    error EmptyRanking();
    error EpochNotCovered(uint64 epoch);
    /// @notice Liveness cannot be reported while the rollup's posting is paused (until `until`).
    error RollupPaused(uint64 until);
    /// @notice `snapshot()` is only callable in the first 256 blocks of an epoch (while the boundary
    ///         block's hash is readable); in `epoch` the last such block was `lastBlock`.
    error SnapshotWindowClosed(uint64 epoch, uint256 lastBlock);

    /// @notice Record the current ranking as the set for `currentEpoch() + activationDelay`, seeded
    ///         with the hash of the last block before the current epoch. Callable in the first 256
    ///         blocks of an epoch only (`SnapshotWindowClosed` after).
    /// @return epoch The epoch the recorded set applies to.
    function snapshot() external returns (uint64 epoch);

    /// @notice Report that the current leader posted nothing for `livenessTimeout` blocks (or is no
    ///         longer eligible). A late leader that is not jailed is jailed and lightly slashed even if
    ///         it exited or is under-bonded, and the caller rewarded; an ineligible leader that is not
    ///         late, or a jailed one, is replaced without a slash. The next eligible member leads from
    ///         this block on.
    function reportLiveness() external;

    /// @notice Called by the rollup whenever `operator` posts a batch.
    function notifyBatchPosted(address operator) external;

    /// @notice One-time wiring of the rollup (deployer only).
    function setRollup(address rollup) external;

    /// @notice Change activation delay (epochs, >= 1) and liveness timeout (blocks). Owner (timelock).
    function setParams(uint64 activationDelay, uint64 livenessTimeout) external;

    /// @notice Epochs between a snapshot and the epoch it applies to.
    function activationDelay() external view returns (uint64);
    /// @notice Blocks without a post after which the leader can be reported.
    function livenessTimeout() external view returns (uint64);
    /// @notice Epoch of the current block.
    function currentEpoch() external view returns (uint64);
    /// @notice Epoch of `blockNumber`.
    function epochOf(uint256 blockNumber) external view returns (uint64);
    /// @notice First L1 block of `epoch`.
    function epochStartBlock(uint64 epoch) external view returns (uint256);
    /// @notice The set in force for `epoch` (reverts with EpochNotCovered before the first snapshot).
    function setFor(uint64 epoch) external view returns (SetSnapshot memory);
    /// @notice The leader at `blockNumber` (current or past block, or a future block of a covered
    ///         epoch without takeovers yet); address(0) when no set covers it.
    function leaderAt(uint256 blockNumber) external view returns (address);
    /// @notice The leader at the current block.
    function currentLeader() external view returns (address);
    /// @notice Block of the leader's last activity in the current epoch (post, takeover or epoch start).
    function lastActivityBlock() external view returns (uint64);
    /// @notice Takeovers recorded in `epoch`.
    function takeovers(uint64 epoch) external view returns (Takeover[] memory);
}
