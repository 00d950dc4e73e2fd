// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

import {ISequencerSet} from "./interfaces/ISequencerSet.sol";
import {IStaking} from "./interfaces/IStaking.sol";
import {IRollup} from "./interfaces/IRollup.sol";

/// @title SequencerSet
/// @notice Epochs of L1 blocks, the active sequencer set fixed with an activation delay, the
///         stake-weighted leader of each epoch and liveness reports that hand leadership over.
/// @dev Epoch `e` covers L1 blocks [e * L, (e + 1) * L) with L = `staking.epochLength()`.
///
///      Snapshots. `snapshot()` (anyone) copies `staking.ranking()` into the set for epoch
///      `E = c + activationDelay` (c = `currentEpoch()`; E >= c + 1, so the set of a running epoch can
///      never change) together with `seed = keccak256(abi.encode(blockhash(epochStartBlock(c) - 1), E))`:
///      the hash of the last block of the previous epoch (the "boundary block"), mixed with E. The
///      seed is thus fixed by the epoch boundary: it is the same whichever block of epoch c calls
///      `snapshot()`, so the caller cannot grind it by choosing the block. `blockhash` reaches only
///      256 blocks back, so `snapshot()` is callable in the first 256 blocks of an epoch (the whole
///      epoch when `epochLength <= 256`) and reverts `SnapshotWindowClosed` after. In epoch 0 there is
///      no boundary block: its hash is taken as 0 (a fixed, public seed; a chain only passes through
///      epoch 0 at genesis, when the set is the deployer's). Snapshots are stored in strictly
///      increasing epoch order (first write wins); the set in force for an epoch is the latest
///      snapshot at or before it, found by binary search.
///
///      Residual bias (not removed by this design). (1) The L1 proposer of the boundary block picks
///      its contents and so its hash: an operator colluding with that proposer chooses among the
///      proposer's variants (or whether to propose at all), about one extra draw per variant tried.
///      (2) The caller still chooses whether and when, inside the window, to call `snapshot()`, and
///      the seed is public from the boundary block on while the *stakes* are read at the call. The
///      draw therefore scales a fixed uniform value by the total stake (`r = floor(H * T / 2^256)`,
///      see *Leader*) instead of reducing it modulo the total: with `r = H % T` every wei of extra
///      delegation gave an unrelated `r`, so an operator trying X = 0, 1, 2, ... wei found a winning
///      total off-chain almost surely (a 1/6-stake operator: 84 % with 10 tries, 97 % with 20, >
///      99.99 % with 50). With the scaled draw the point `H / 2^256` on the stake line is fixed, and
///      X extra wei move the attacker's boundaries by about X: winning needs as much extra stake as
///      the distance from its range to that point, locked for `unbondingDelay` like any stake, which
///      is just the stake-weighted chance it buys (test
///      `test_snapshot_stakeGrinding_extraWeiNeverChangesTheLeader_succeeds`). This only decides who
///      leads E (where a late leader is still slashed and replaced); it cannot steal funds or break
///      safety.
///
///      Leader. For epoch `e` with set `S`: `r = floor(uint256(keccak256(abi.encode(S.seed, e))) *
///      S.totalStake / 2^256)` (the high word of the 512-bit product, so `r < S.totalStake`) and the leader is the first member whose cumulative stake exceeds `r` (binary search over the
///      stored cumulative stakes, so `currentLeader()` costs O(log K) storage reads). The seed is
///      recorded at least one full epoch before it is used.
///
///      Takeovers. A liveness report appends `{fromBlock: block.number, index}` to the epoch's
///      takeover list; from `fromBlock` on member `index` leads. Each epoch holds at most K
///      takeovers (K = set size <= 64), which bounds every loop in this contract.
///
///      Invariant: at every block the leader is exactly one member of that epoch's set, or
///      address(0) when no snapshot covers the epoch.
contract SequencerSet is ISequencerSet, Ownable2Step, ReentrancyGuardTransient {
    /// @notice Largest set this contract stores (IStaking bounds `activeSetSize` by the same value).
    uint256 public constant MAX_SET_SIZE = 64;
    /// @notice Seconds per L1 slot, used to turn the liveness timeout into a grace period after a pause.
    uint256 public constant SLOT_SECONDS = 12;
    /// @notice Blocks `blockhash` reaches back: the snapshot window is the first 256 blocks of an epoch.
    uint256 public constant BLOCKHASH_WINDOW = 256;

    /// @dev A stored snapshot: members by rank and their cumulative stakes (`cumulative[i]` is the
    ///      sum of the stakes of members 0..i; the last entry is the total stake).
    struct StoredSet {
        uint64 epoch;
        bytes32 seed;
        address[] operators;
        uint256[] cumulative;
    }

    /// @notice The staking contract providing the ranking, eligibility, epoch length and slashing.
    IStaking public immutable staking;

    /// @notice The rollup allowed to call `notifyBatchPosted` (set once).
    address public rollup;

    /// @inheritdoc ISequencerSet
    uint64 public activationDelay;

    /// @inheritdoc ISequencerSet
    uint64 public livenessTimeout;

    /// @notice L1 block of the last batch each operator posted (0 = never).
    mapping(address operator => uint64 blockNumber) public lastPostBlock;

    /// @dev Snapshots in strictly increasing `epoch` order.
    StoredSet[] internal _sets;

    /// @dev Takeovers per epoch, in increasing `fromBlock` order.
    mapping(uint64 epoch => Takeover[]) internal _takeovers;

    /// @param staking_ The staking contract (its `epochLength` defines the epochs).
    /// @param activationDelay_ Epochs between a snapshot and the epoch it applies to (>= 1).
    /// @param livenessTimeout_ Blocks without activity after which the leader may be reported
    ///        (>= 1 and < epoch length).
    /// @param owner_ Governance (a TimelockController in deployments).
    constructor(IStaking staking_, uint64 activationDelay_, uint64 livenessTimeout_, address owner_)
        Ownable(owner_)
    {
        if (address(staking_) == address(0)) revert ZeroAddress();
        staking = staking_;
        _setParams(activationDelay_, livenessTimeout_);
    }

    // ------------------------------------------------------------------ governance

    /// @inheritdoc ISequencerSet
    function setRollup(address rollup_) external onlyOwner {
        if (rollup_ == address(0)) revert ZeroAddress();
        if (rollup != address(0)) revert RollupAlreadySet();
        rollup = rollup_;
        emit RollupSet(rollup_);
    }

    /// @inheritdoc ISequencerSet
    function setParams(uint64 activationDelay_, uint64 livenessTimeout_) external onlyOwner {
        _setParams(activationDelay_, livenessTimeout_);
    }

    // ------------------------------------------------------------------ set and leadership

    /// @inheritdoc ISequencerSet
    /// @dev Window: `block.number <= epochStartBlock(c) + 255`, the last block whose `blockhash`
    ///      still returns the boundary block's hash (`blockhash` covers the 256 previous blocks).
    function snapshot() external returns (uint64 epoch) {
        uint64 current = currentEpoch();
        epoch = current + activationDelay;
        uint256 start = epochStartBlock(current);
        uint256 lastBlock = start + BLOCKHASH_WINDOW - 1;
        if (block.number > lastBlock) revert SnapshotWindowClosed(current, lastBlock);
        uint256 count = _sets.length;
        if (count != 0 && _sets[count - 1].epoch >= epoch) revert SnapshotExists(epoch);

        (address[] memory ops, uint256[] memory stakes) = staking.ranking();
        uint256 k = ops.length;
        if (k == 0) revert EmptyRanking();
        if (k > MAX_SET_SIZE) {
            // IStaking bounds the ranking by `activeSetSize <= 64`; keep the top 64 defensively.
            assembly ("memory-safe") {
                mstore(ops, MAX_SET_SIZE)
                mstore(stakes, MAX_SET_SIZE)
            }
            k = MAX_SET_SIZE;
        }
        uint256[] memory cumulative = new uint256[](k);
        uint256 total;
        for (uint256 i; i < k; ++i) {
            total += stakes[i];
            cumulative[i] = total;
        }
        if (total == 0) revert EmptyRanking();

        bytes32 seed = keccak256(abi.encode(start == 0 ? bytes32(0) : blockhash(start - 1), epoch));
        StoredSet storage s = _sets.push();
        s.epoch = epoch;
        s.seed = seed;
        s.operators = ops;
        s.cumulative = cumulative;
        emit SetSnapshotted(epoch, seed, ops, stakes);
    }

    /// @inheritdoc ISequencerSet
    function notifyBatchPosted(address operator) external {
        if (msg.sender != rollup) revert NotRollup(msg.sender);
        uint64 blockNumber = uint64(block.number);
        lastPostBlock[operator] = blockNumber;
        emit BatchPostedBy(operator, blockNumber);
    }

    /// @inheritdoc ISequencerSet
    /// @dev Reverts with `RollupPaused` while the rollup's posting is paused (the leader could not
    ///      post). Lateness (no activity for `livenessTimeout` blocks) is computed whatever the
    ///      leader's eligibility:
    ///      - late and eligible, or late and exited at or after its deadline: slashed (Liveness) and
    ///        replaced, so undelegating the self-bond once late does not dodge the slash
    ///        (`Staking.slash` takes the same fraction of the unbonding pool);
    ///      - ineligible (jailed, exited, under-bonded) but not late: replaced at once, no slash (an
    ///        exiting leader, or its own node, hands over this way before its deadline);
    ///      - exited before its deadline, or under-bonded by a governance change of `minSelfBond`:
    ///        never slashed for this term, however late the report: it could not post, so a
    ///        reporter who waits for the deadline to collect a reward gets none;
    ///      - jailed: replaced, never slashed again (already slashed, it may not post);
    ///      - eligible and not late: reverts `NotLate`.
    ///      The takeover is recorded before the slash (the only external call with side effects), so
    ///      a re-entering reporter finds a fresh, non-late leader.
    function reportLiveness() external nonReentrant {
        uint64 epoch = currentEpoch();
        (bool found, uint256 setIndex) = _findSet(epoch);
        if (!found) revert NoActiveSet(epoch);
        address rollup_ = rollup;
        if (rollup_ != address(0)) {
            // No report while posting is paused, nor within `livenessTimeout` slots after a pause
            // ended: blocks during a pause must not count against the leader.
            uint64 until = IRollup(rollup_).pausedUntil();
            if (block.timestamp < uint256(until) + uint256(livenessTimeout) * SLOT_SECONDS) {
                revert RollupPaused(until);
            }
        }

        StoredSet storage s = _sets[setIndex];
        uint256 index = _leaderIndex(s, epoch, block.number);
        address leader = s.operators[index];
        bool slashLeader = _liveness(epoch, leader);

        Takeover[] storage list = _takeovers[epoch];
        uint256 n = s.operators.length;
        // Bound: at most K takeovers per epoch (each one moves leadership to another member).
        if (list.length >= n) revert NoOtherEligibleMember(epoch);
        uint256 next = n;
        for (uint256 i = 1; i < n; ++i) {
            uint256 j = (index + i) % n;
            if (staking.isEligible(s.operators[j])) {
                next = j;
                break;
            }
        }
        if (next == n) revert NoOtherEligibleMember(epoch);

        uint64 fromBlock = uint64(block.number);
        // casting to 'uint8' is safe because next < n <= MAX_SET_SIZE (64)
        // forge-lint: disable-next-line(unsafe-typecast)
        list.push(Takeover({fromBlock: fromBlock, index: uint8(next)}));
        emit LivenessReported(epoch, leader, msg.sender, s.operators[next], fromBlock);

        if (slashLeader) staking.slash(leader, IStaking.SlashKind.Liveness, msg.sender);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc ISequencerSet
    function currentEpoch() public view returns (uint64) {
        return epochOf(block.number);
    }

    /// @inheritdoc ISequencerSet
    function epochOf(uint256 blockNumber) public view returns (uint64) {
        return SafeCast.toUint64(blockNumber / staking.epochLength());
    }

    /// @inheritdoc ISequencerSet
    function epochStartBlock(uint64 epoch) public view returns (uint256) {
        return uint256(epoch) * staking.epochLength();
    }

    /// @inheritdoc ISequencerSet
    function setFor(uint64 epoch) external view returns (SetSnapshot memory set) {
        (bool found, uint256 setIndex) = _findSet(epoch);
        if (!found) revert EpochNotCovered(epoch);
        StoredSet storage s = _sets[setIndex];
        uint256 k = s.operators.length;
        set.epoch = s.epoch;
        set.seed = s.seed;
        set.totalStake = s.cumulative[k - 1];
        set.operators = s.operators;
        set.stakes = new uint256[](k);
        uint256 previous;
        for (uint256 i; i < k; ++i) {
            uint256 c = s.cumulative[i];
            set.stakes[i] = c - previous;
            previous = c;
        }
    }

    /// @inheritdoc ISequencerSet
    function leaderAt(uint256 blockNumber) public view returns (address) {
        uint64 epoch = epochOf(blockNumber);
        (bool found, uint256 setIndex) = _findSet(epoch);
        if (!found) return address(0);
        StoredSet storage s = _sets[setIndex];
        return s.operators[_leaderIndex(s, epoch, blockNumber)];
    }

    /// @inheritdoc ISequencerSet
    function currentLeader() public view returns (address) {
        return leaderAt(block.number);
    }

    /// @inheritdoc ISequencerSet
    /// @dev max(epoch start, the current leader's last post, the epoch's last takeover). Without a
    ///      set covering the current epoch it is the epoch start (and nobody can be reported).
    function lastActivityBlock() external view returns (uint64) {
        return _lastActivity(currentEpoch(), currentLeader());
    }

    /// @inheritdoc ISequencerSet
    function takeovers(uint64 epoch) external view returns (Takeover[] memory) {
        return _takeovers[epoch];
    }

    /// @notice Number of snapshots recorded so far.
    function snapshotCount() external view returns (uint256) {
        return _sets.length;
    }

    // ------------------------------------------------------------------ internals

    function _setParams(uint64 activationDelay_, uint64 livenessTimeout_) internal {
        if (activationDelay_ == 0 || livenessTimeout_ == 0 || livenessTimeout_ >= staking.epochLength()) {
            revert InvalidParams();
        }
        activationDelay = activationDelay_;
        livenessTimeout = livenessTimeout_;
        emit ParamsSet(activationDelay_, livenessTimeout_);
    }

    /// @dev Index of the latest snapshot with `epoch <= target` (binary search).
    function _findSet(uint64 target) internal view returns (bool found, uint256 index) {
        uint256 low;
        uint256 high = _sets.length;
        // Invariant: every snapshot below `low` has epoch <= target, every one at/above `high` > target.
        while (low < high) {
            uint256 mid = (low + high) >> 1;
            if (_sets[mid].epoch <= target) low = mid + 1;
            else high = mid;
        }
        if (low == 0) return (false, 0);
        return (true, low - 1);
    }

    /// @dev Member index leading `blockNumber` (a block of `epoch`) in set `s`: the latest takeover
    ///      at or before the block, else the stake-weighted draw of the epoch.
    function _leaderIndex(StoredSet storage s, uint64 epoch, uint256 blockNumber)
        internal
        view
        returns (uint256)
    {
        Takeover[] storage list = _takeovers[epoch];
        for (uint256 i = list.length; i != 0; --i) {
            Takeover storage t = list[i - 1];
            if (t.fromBlock <= blockNumber) return t.index;
        }
        return _drawIndex(s, epoch);
    }

    /// @dev Stake-weighted draw: first member whose cumulative stake exceeds
    ///      `floor(uint256(keccak256(abi.encode(seed, epoch))) * totalStake / 2^256)` (binary search).
    function _drawIndex(StoredSet storage s, uint64 epoch) internal view returns (uint256) {
        uint256[] storage cumulative = s.cumulative;
        uint256 n = cumulative.length;
        // Scaled, not reduced modulo the total: see the contract's notes on stake grinding.
        (uint256 r,) = Math.mul512(uint256(keccak256(abi.encode(s.seed, epoch))), cumulative[n - 1]);
        uint256 low;
        uint256 high = n - 1; // cumulative[n - 1] > r always holds
        while (low < high) {
            uint256 mid = (low + high) >> 1;
            if (cumulative[mid] > r) high = mid;
            else low = mid + 1;
        }
        return low;
    }

    /// @dev Whether a report now slashes `leader` (see `reportLiveness`); reverts `NotLate` for an
    ///      eligible leader before its deadline. Only a fault it could have avoided is slashed:
    ///      silence while eligible, or an exit once already late; never a jailed leader again.
    function _liveness(uint64 epoch, address leader) internal view returns (bool slash) {
        uint64 deadline = _lastActivity(epoch, leader) + livenessTimeout;
        bool late = block.number >= deadline;
        bool eligible = staking.isEligible(leader);
        if (!late && eligible) revert NotLate(leader, deadline);
        return late && !staking.isJailed(leader) && (eligible || staking.exitBlock(leader) >= deadline);
    }

    /// @dev Last activity of `leader` in `epoch`: max(epoch start, last post, last takeover).
    function _lastActivity(uint64 epoch, address leader) internal view returns (uint64 last) {
        last = SafeCast.toUint64(epochStartBlock(epoch));
        Takeover[] storage list = _takeovers[epoch];
        uint256 n = list.length;
        if (n != 0 && list[n - 1].fromBlock > last) last = list[n - 1].fromBlock;
        if (leader != address(0)) {
            uint64 posted = lastPostBlock[leader];
            if (posted > last) last = posted;
        }
    }
}
