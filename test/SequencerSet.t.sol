// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {SequencerSet} from "../contracts/SequencerSet.sol";
import {ISequencerSet} from "../contracts/interfaces/ISequencerSet.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {StakingDouble, RollupPauseDouble} from "./mocks/SequencerSetTestDoubles.sol";

/// @notice Unit and fuzz tests of SequencerSet against the staking and rollup doubles.
contract SequencerSetTest is Test {
    uint64 internal constant EPOCH = 10;
    uint64 internal constant DELAY = 1;
    uint64 internal constant TIMEOUT = 4;
    uint64 internal constant START_BLOCK = 1_000; // epoch 100

    StakingDouble internal stakingD;
    RollupPauseDouble internal rollupD;
    SequencerSet internal set;
    address internal owner = makeAddr("owner");
    address internal reporter = makeAddr("reporter");
    address[] internal ops;

    function setUp() public {
        vm.roll(START_BLOCK);
        vm.warp(1_700_000_000);
        stakingD = new StakingDouble(EPOCH, 3 hours);
        rollupD = new RollupPauseDouble();
        set = new SequencerSet(IStaking(address(stakingD)), DELAY, TIMEOUT, owner);
        vm.prank(owner);
        set.setRollup(address(rollupD));
    }

    // ------------------------------------------------------------------ helpers

    /// @dev Ranking of `stakes.length` operators op0, op1, ... with the given stakes.
    function _rank(uint256[] memory stakes) internal {
        delete ops;
        for (uint256 i; i < stakes.length; ++i) {
            ops.push(makeAddr(string.concat("op", vm.toString(i))));
        }
        stakingD.setRanking(ops, stakes);
    }

    function _rank3() internal {
        uint256[] memory stakes = new uint256[](3);
        stakes[0] = 300 ether;
        stakes[1] = 200 ether;
        stakes[2] = 100 ether;
        _rank(stakes);
    }

    /// @dev Snapshot the ranking and move to the first block of the epoch it applies to.
    function _activate() internal returns (uint64 epoch) {
        epoch = set.snapshot();
        vm.roll(set.epochStartBlock(epoch));
    }

    /// @dev Independent reference of the draw: linear scan over the stakes.
    function _expectedLeader(ISequencerSet.SetSnapshot memory s, uint64 epoch)
        internal
        pure
        returns (address)
    {
        // floor(H * T / 2^256), computed as floor(floor(H * T / 2^255) / 2).
        uint256 r = Math.mulDiv(uint256(keccak256(abi.encode(s.seed, epoch))), s.totalStake, 1 << 255) >> 1;
        uint256 acc;
        for (uint256 i; i < s.stakes.length; ++i) {
            acc += s.stakes[i];
            if (acc > r) return s.operators[i];
        }
        revert("unreachable");
    }

    function _indexOf(address[] memory list, address a) internal pure returns (uint256) {
        for (uint256 i; i < list.length; ++i) {
            if (list[i] == a) return i;
        }
        return type(uint256).max;
    }

    // ------------------------------------------------------------------ constructor

    function test_constructor_setsState_succeeds() public {
        vm.expectEmit(true, true, true, true);
        emit ISequencerSet.ParamsSet(2, 7);
        SequencerSet s = new SequencerSet(IStaking(address(stakingD)), 2, 7, owner);
        assertEq(address(s.staking()), address(stakingD));
        assertEq(s.activationDelay(), 2);
        assertEq(s.livenessTimeout(), 7);
        assertEq(s.owner(), owner);
        assertEq(s.rollup(), address(0));
        assertEq(s.snapshotCount(), 0);
    }

    function test_constructor_zeroStaking_reverts() public {
        vm.expectRevert(ISequencerSet.ZeroAddress.selector);
        new SequencerSet(IStaking(address(0)), DELAY, TIMEOUT, owner);
    }

    function test_constructor_zeroOwner_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new SequencerSet(IStaking(address(stakingD)), DELAY, TIMEOUT, address(0));
    }

    function test_constructor_invalidParams_reverts() public {
        IStaking st = IStaking(address(stakingD));
        vm.expectRevert(ISequencerSet.InvalidParams.selector);
        new SequencerSet(st, 0, TIMEOUT, owner);
        vm.expectRevert(ISequencerSet.InvalidParams.selector);
        new SequencerSet(st, DELAY, 0, owner);
        vm.expectRevert(ISequencerSet.InvalidParams.selector);
        new SequencerSet(st, DELAY, EPOCH, owner);
    }

    // ------------------------------------------------------------------ governance

    function test_setRollup_once_succeeds() public {
        SequencerSet s = new SequencerSet(IStaking(address(stakingD)), DELAY, TIMEOUT, owner);
        vm.expectEmit(true, true, true, true);
        emit ISequencerSet.RollupSet(address(rollupD));
        vm.prank(owner);
        s.setRollup(address(rollupD));
        assertEq(s.rollup(), address(rollupD));
    }

    function test_setRollup_alreadySet_reverts() public {
        vm.prank(owner);
        vm.expectRevert(ISequencerSet.RollupAlreadySet.selector);
        set.setRollup(makeAddr("other"));
    }

    function test_setRollup_zero_reverts() public {
        SequencerSet s = new SequencerSet(IStaking(address(stakingD)), DELAY, TIMEOUT, owner);
        vm.prank(owner);
        vm.expectRevert(ISequencerSet.ZeroAddress.selector);
        s.setRollup(address(0));
    }

    function test_setRollup_notOwner_reverts() public {
        SequencerSet s = new SequencerSet(IStaking(address(stakingD)), DELAY, TIMEOUT, owner);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        s.setRollup(address(rollupD));
    }

    function test_setParams_owner_succeeds() public {
        vm.expectEmit(true, true, true, true);
        emit ISequencerSet.ParamsSet(3, 9);
        vm.prank(owner);
        set.setParams(3, 9);
        assertEq(set.activationDelay(), 3);
        assertEq(set.livenessTimeout(), 9);
    }

    function test_setParams_invalid_reverts() public {
        vm.startPrank(owner);
        vm.expectRevert(ISequencerSet.InvalidParams.selector);
        set.setParams(0, TIMEOUT);
        vm.expectRevert(ISequencerSet.InvalidParams.selector);
        set.setParams(DELAY, 0);
        vm.expectRevert(ISequencerSet.InvalidParams.selector);
        set.setParams(DELAY, EPOCH);
        vm.stopPrank();
    }

    function test_setParams_notOwner_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, address(this)));
        set.setParams(2, 5);
    }

    function test_transferOwnership_twoStep_succeeds() public {
        address timelock = makeAddr("timelock");
        vm.prank(owner);
        set.transferOwnership(timelock);
        assertEq(set.owner(), owner, "pending until accepted");
        vm.prank(timelock);
        set.acceptOwnership();
        assertEq(set.owner(), timelock);
    }

    // ------------------------------------------------------------------ epochs

    function test_epochViews_matchEpochLength_succeeds() public {
        assertEq(set.currentEpoch(), START_BLOCK / EPOCH);
        assertEq(set.epochOf(0), 0);
        assertEq(set.epochOf(EPOCH - 1), 0);
        assertEq(set.epochOf(EPOCH), 1);
        assertEq(set.epochStartBlock(7), 7 * EPOCH);
        vm.roll(START_BLOCK + EPOCH - 1);
        assertEq(set.currentEpoch(), START_BLOCK / EPOCH);
        vm.roll(START_BLOCK + EPOCH);
        assertEq(set.currentEpoch(), START_BLOCK / EPOCH + 1);
    }

    // ------------------------------------------------------------------ snapshot

    function test_snapshot_recordsRankingAndSeed_succeeds() public {
        _rank3();
        vm.setBlockhash(set.epochStartBlock(set.currentEpoch()) - 1, bytes32(uint256(0xabc)));
        uint64 target = set.currentEpoch() + DELAY;
        bytes32 seed = keccak256(abi.encode(bytes32(uint256(0xabc)), target));
        (address[] memory o, uint256[] memory st) = stakingD.ranking();
        vm.expectEmit(true, true, true, true);
        emit ISequencerSet.SetSnapshotted(target, seed, o, st);
        uint64 epoch = set.snapshot();
        assertEq(epoch, target);

        ISequencerSet.SetSnapshot memory s = set.setFor(epoch);
        assertEq(s.epoch, target);
        assertEq(s.seed, seed);
        assertEq(s.totalStake, 600 ether);
        assertEq(s.operators, o);
        assertEq(s.stakes, st);
        assertEq(set.snapshotCount(), 1);
    }

    // ------------------------------------------------------------------ snapshot seed (grinding)

    /// @dev The seed of the snapshot taken at `blockNumber` (state reverted afterwards).
    function _seedIfSnapshotAt(uint256 blockNumber, bytes32 randao) internal returns (bytes32 seed) {
        uint256 id = vm.snapshotState();
        vm.roll(blockNumber);
        vm.prevrandao(randao);
        seed = set.setFor(set.snapshot()).seed;
        vm.revertToState(id);
    }

    /// @dev Whichever block of the window calls `snapshot()`, and whatever its prevrandao or the
    ///      hashes of the blocks after the boundary, the seed is keccak256(boundary hash, target).
    function testFuzz_snapshot_seedFixedByEpochBoundary_succeeds(
        uint256 offset,
        bytes32 randao,
        bytes32 boundaryHash,
        bytes32 laterHash
    ) public {
        _rank3();
        uint64 current = set.currentEpoch();
        uint256 start = set.epochStartBlock(current);
        offset = bound(offset, 0, EPOCH - 1);
        vm.roll(start + offset);
        vm.setBlockhash(start - 1, boundaryHash);
        if (offset != 0) vm.setBlockhash(start + offset - 1, laterHash);
        vm.prevrandao(randao);
        uint64 epoch = set.snapshot();
        assertEq(epoch, current + DELAY);
        assertEq(set.setFor(epoch).seed, keccak256(abi.encode(boundaryHash, epoch)));
    }

    /// @dev The review's grinding attack: the first caller of an epoch tries every block of the
    ///      window (each with its own prevrandao) and calls `snapshot()` in the one that makes it
    ///      leader. With the seed fixed by the boundary block, every block gives the same seed and
    ///      the same leader (the original seed, keccak256(prevrandao, block.number, epoch), gave a
    ///      different draw in each block).
    function test_snapshot_grindingBlockChoice_sameLeaderEveryBlock_succeeds() public {
        uint256[] memory stakes = new uint256[](6);
        for (uint256 i; i < 6; ++i) {
            stakes[i] = 100 ether;
        }
        _rank(stakes);
        uint64 target = set.currentEpoch() + DELAY;
        uint256 start = set.epochStartBlock(set.currentEpoch());
        bytes32 first = _seedIfSnapshotAt(start, keccak256(abi.encode("randao", start)));
        uint256 id = vm.snapshotState();
        set.snapshot();
        address leader = set.leaderAt(set.epochStartBlock(target));
        vm.revertToState(id);
        for (uint256 b = start; b < start + EPOCH; ++b) {
            uint256 sid = vm.snapshotState();
            vm.roll(b);
            vm.prevrandao(keccak256(abi.encode("randao", b)));
            set.snapshot();
            assertEq(set.setFor(target).seed, first, "same seed in every block of the window");
            assertEq(set.leaderAt(set.epochStartBlock(target)), leader, "grinding the block buys nothing");
            vm.revertToState(sid);
        }
    }

    /// @dev Stake grinding: the seed is public once the boundary block exists, so whoever snapshots
    ///      first could delegate X extra wei to itself before snapshotting. With `r = H % T` every X
    ///      was a fresh draw (a 1/6 operator finds a winning X below 50 wei almost surely); with the
    ///      scaled draw `r = H * T / 2^256` wei-sized changes of the total never move the leader.
    function testFuzz_snapshot_stakeGrinding_extraWeiNeverChangesTheLeader_succeeds(bytes32 boundary) public {
        uint256[] memory stakes = new uint256[](6);
        for (uint256 i; i < 6; ++i) {
            stakes[i] = 100 ether;
        }
        uint256 start = set.epochStartBlock(set.currentEpoch());
        vm.setBlockhash(start - 1, boundary);
        uint64 target = set.currentEpoch() + DELAY;
        address first;
        for (uint256 x; x < 50; ++x) {
            stakes[5] = 100 ether + x; // the grinder (last in the ranking) adds x wei
            _rank(stakes);
            uint256 id = vm.snapshotState();
            set.snapshot();
            address leader = set.leaderAt(set.epochStartBlock(target));
            vm.revertToState(id);
            if (x == 0) first = leader;
            assertEq(leader, first, "x extra wei changed the leader");
        }
    }

    /// @dev With epochs longer than 256 blocks the window is the first 256 blocks of the epoch:
    ///      inside it the seed is the boundary's, after it `snapshot()` reverts.
    function testFuzz_snapshot_windowOfLongEpoch(uint256 offset) public {
        stakingD.setEpochLength(300);
        _rank3();
        uint64 current = set.currentEpoch();
        uint256 start = set.epochStartBlock(current);
        offset = bound(offset, 0, 299);
        vm.roll(start + offset);
        vm.setBlockhash(start - 1, keccak256("boundary"));
        if (offset <= 255) {
            uint64 epoch = set.snapshot();
            assertEq(set.setFor(epoch).seed, keccak256(abi.encode(keccak256("boundary"), epoch)));
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(ISequencerSet.SnapshotWindowClosed.selector, current, start + 255)
            );
            set.snapshot();
        }
    }

    function test_snapshot_afterWindow_reverts() public {
        stakingD.setEpochLength(300);
        _rank3();
        uint64 current = set.currentEpoch();
        uint256 start = set.epochStartBlock(current);
        vm.roll(start + 256);
        vm.expectRevert(
            abi.encodeWithSelector(ISequencerSet.SnapshotWindowClosed.selector, current, start + 255)
        );
        set.snapshot();
        // The next epoch opens a new window.
        vm.roll(start + 300);
        assertEq(set.snapshot(), current + 1 + DELAY);
    }

    /// @dev Epoch 0 has no boundary block: its hash is taken as 0 (documented fallback).
    function test_snapshot_epochZeroFallback_succeeds() public {
        _rank3();
        vm.roll(3);
        uint64 epoch = set.snapshot();
        assertEq(epoch, DELAY);
        assertEq(set.setFor(epoch).seed, keccak256(abi.encode(bytes32(0), epoch)));
    }

    function test_snapshot_usesActivationDelay_succeeds() public {
        _rank3();
        vm.prank(owner);
        set.setParams(3, TIMEOUT);
        assertEq(set.snapshot(), set.currentEpoch() + 3);
    }

    function test_snapshot_sameTarget_reverts() public {
        _rank3();
        uint64 epoch = set.snapshot();
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.SnapshotExists.selector, epoch));
        set.snapshot();
    }

    function test_snapshot_firstWriteWins_reverts() public {
        _rank3();
        vm.prevrandao(bytes32(uint256(1)));
        uint64 epoch = set.snapshot();
        bytes32 seed = set.setFor(epoch).seed;
        // Later in the same epoch, with other randomness and another ranking: cannot overwrite.
        vm.roll(block.number + EPOCH - 1 - (block.number % EPOCH));
        vm.prevrandao(bytes32(uint256(2)));
        uint256[] memory stakes = new uint256[](1);
        stakes[0] = 1 ether;
        _rank(stakes);
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.SnapshotExists.selector, epoch));
        set.snapshot();
        assertEq(set.setFor(epoch).seed, seed);
        assertEq(set.setFor(epoch).operators.length, 3);
    }

    function test_snapshot_shorterDelayBehindLatest_reverts() public {
        _rank3();
        vm.prank(owner);
        set.setParams(3, TIMEOUT);
        set.snapshot(); // current + 3
        vm.prank(owner);
        set.setParams(1, TIMEOUT);
        vm.roll(block.number + EPOCH); // target current + 1 + 1 = old target - 1
        uint64 target = set.currentEpoch() + 1;
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.SnapshotExists.selector, target));
        set.snapshot();
    }

    function test_snapshot_nextEpoch_succeeds() public {
        _rank3();
        uint64 first = set.snapshot();
        vm.roll(block.number + EPOCH);
        uint64 second = set.snapshot();
        assertEq(second, first + 1);
        assertEq(set.snapshotCount(), 2);
    }

    function test_snapshot_emptyRanking_reverts() public {
        vm.expectRevert(ISequencerSet.EmptyRanking.selector);
        set.snapshot();
    }

    function test_snapshot_zeroTotalStake_reverts() public {
        uint256[] memory stakes = new uint256[](2);
        _rank(stakes);
        vm.expectRevert(ISequencerSet.EmptyRanking.selector);
        set.snapshot();
    }

    // ------------------------------------------------------------------ setFor

    function test_setFor_beforeFirstSnapshot_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.EpochNotCovered.selector, uint64(5)));
        set.setFor(5);
        _rank3();
        uint64 epoch = set.snapshot();
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.EpochNotCovered.selector, epoch - 1));
        set.setFor(epoch - 1);
    }

    function test_setFor_carriesForward_succeeds() public {
        _rank3();
        uint64 first = set.snapshot();
        // No snapshot for the next 50 epochs: the first set stays in force.
        for (uint64 e = first; e < first + 50; e += 7) {
            assertEq(set.setFor(e).epoch, first);
        }
        // A later snapshot takes over from its epoch only.
        vm.roll(set.epochStartBlock(first + 20));
        uint256[] memory stakes = new uint256[](2);
        stakes[0] = 5 ether;
        stakes[1] = 4 ether;
        _rank(stakes);
        uint64 second = set.snapshot();
        assertEq(second, first + 21);
        assertEq(set.setFor(second - 1).epoch, first);
        assertEq(set.setFor(second).epoch, second);
        assertEq(set.setFor(second + 1000).operators.length, 2);
    }

    function test_setFor_binarySearchManySnapshots_succeeds() public {
        _rank3();
        uint64[] memory epochs = new uint64[](9);
        for (uint256 i; i < epochs.length; ++i) {
            epochs[i] = set.snapshot();
            vm.roll(block.number + EPOCH * (i + 1)); // irregular gaps
        }
        for (uint256 i; i < epochs.length; ++i) {
            uint64 end = i + 1 < epochs.length ? epochs[i + 1] : epochs[i] + 5;
            for (uint64 e = epochs[i]; e < end; ++e) {
                assertEq(set.setFor(e).epoch, epochs[i], "latest snapshot at or before the epoch");
            }
        }
    }

    // ------------------------------------------------------------------ leader

    function test_leaderAt_noSet_returnsZero_succeeds() public {
        assertEq(set.leaderAt(block.number), address(0));
        assertEq(set.currentLeader(), address(0));
        _rank3();
        uint64 epoch = set.snapshot();
        assertEq(set.currentLeader(), address(0), "current epoch still uncovered");
        assertTrue(set.leaderAt(set.epochStartBlock(epoch)) != address(0), "future covered epoch");
    }

    function test_leaderAt_sameLeaderWholeEpoch_succeeds() public {
        _rank3();
        uint64 epoch = _activate();
        address leader = set.currentLeader();
        assertEq(leader, _expectedLeader(set.setFor(epoch), epoch));
        uint256 start = set.epochStartBlock(epoch);
        for (uint256 b = start; b < start + EPOCH; ++b) {
            assertEq(set.leaderAt(b), leader);
        }
    }

    function test_leaderAt_normalRotationDeterministic_succeeds() public {
        _rank3();
        vm.prevrandao(bytes32(uint256(42)));
        uint64 first = _activate();
        uint256 changes;
        address prev;
        for (uint64 e = first; e < first + 30; ++e) {
            address leader = set.leaderAt(set.epochStartBlock(e));
            assertEq(leader, _expectedLeader(set.setFor(e), e), "draw matches the reference");
            assertEq(leader, set.leaderAt(set.epochStartBlock(e) + EPOCH - 1), "fixed for the epoch");
            if (e > first && leader != prev) ++changes;
            prev = leader;
        }
        assertGt(changes, 0, "leadership rotates across epochs");
    }

    function test_leaderAt_stakeWeighted_succeeds() public {
        uint256[] memory stakes = new uint256[](2);
        stakes[0] = 3 ether;
        stakes[1] = 1 ether;
        _rank(stakes);
        vm.prevrandao(bytes32(uint256(7)));
        uint64 first = set.snapshot();
        uint256 heavy;
        uint256 light;
        for (uint64 e = first; e < first + 400; ++e) {
            address leader = set.leaderAt(set.epochStartBlock(e));
            if (leader == ops[0]) ++heavy;
            else if (leader == ops[1]) ++light;
        }
        assertEq(heavy + light, 400);
        assertGt(light, 0, "the light operator leads sometimes");
        assertGt(heavy, 2 * light, "3:1 stake leads clearly more often");
        assertGt(heavy, 250);
        assertLt(heavy, 350);
    }

    function test_currentLeader_matchesLeaderAt_succeeds() public {
        _rank3();
        _activate();
        assertEq(set.currentLeader(), set.leaderAt(block.number));
    }

    // ------------------------------------------------------------------ notifyBatchPosted

    function test_notifyBatchPosted_rollup_succeeds() public {
        address op = makeAddr("poster");
        vm.expectEmit(true, true, true, true);
        emit ISequencerSet.BatchPostedBy(op, uint64(block.number));
        rollupD.notifyPost(set, op);
        assertEq(set.lastPostBlock(op), block.number);
    }

    function test_notifyBatchPosted_notRollup_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.NotRollup.selector, address(this)));
        set.notifyBatchPosted(address(this));
    }

    function test_notifyBatchPosted_rollupUnset_reverts() public {
        SequencerSet s = new SequencerSet(IStaking(address(stakingD)), DELAY, TIMEOUT, owner);
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.NotRollup.selector, address(rollupD)));
        rollupD.notifyPost(s, address(this));
    }

    // ------------------------------------------------------------------ lastActivityBlock

    function test_lastActivityBlock_startPostTakeover_succeeds() public {
        _rank3();
        uint64 epoch = _activate();
        uint256 start = set.epochStartBlock(epoch);
        address leader = set.currentLeader();
        // A post from an earlier epoch does not count.
        vm.roll(start - 3);
        rollupD.notifyPost(set, leader);
        vm.roll(start + 1);
        assertEq(set.lastActivityBlock(), start);
        // A post by a non-leader does not count for the leader.
        address other = ops[(_indexOf(ops, leader) + 1) % 3];
        rollupD.notifyPost(set, other);
        assertEq(set.lastActivityBlock(), start);
        vm.roll(start + 2);
        rollupD.notifyPost(set, leader);
        assertEq(set.lastActivityBlock(), start + 2);
        vm.roll(start + 2 + TIMEOUT);
        set.reportLiveness();
        assertEq(set.lastActivityBlock(), start + 2 + TIMEOUT, "takeover block");
    }

    // ------------------------------------------------------------------ reportLiveness

    function test_reportLiveness_lateLeader_slashesAndHandsOver_succeeds() public {
        _rank3();
        uint64 epoch = _activate();
        uint256 start = block.number;
        address leader = set.currentLeader();
        uint256 idx = _indexOf(ops, leader);
        address next = ops[(idx + 1) % 3];

        vm.roll(start + TIMEOUT);
        vm.expectEmit(true, true, true, true);
        emit ISequencerSet.LivenessReported(epoch, leader, reporter, next, uint64(block.number));
        vm.expectEmit(true, true, true, true, address(stakingD));
        emit StakingDouble.SlashCalled(leader, IStaking.SlashKind.Liveness, reporter);
        vm.prank(reporter);
        set.reportLiveness();

        assertEq(stakingD.slashCount(), 1);
        StakingDouble.SlashCall memory c = stakingD.slashAt(0);
        assertEq(c.operator, leader);
        assertEq(uint8(c.kind), uint8(IStaking.SlashKind.Liveness));
        assertEq(c.reporter, reporter);

        assertEq(set.currentLeader(), next, "next member leads at once");
        assertEq(set.leaderAt(block.number + 3), next, "for the rest of the epoch");
        for (uint256 b = start; b < block.number; ++b) {
            assertEq(set.leaderAt(b), leader, "history unchanged");
        }
        ISequencerSet.Takeover[] memory t = set.takeovers(epoch);
        assertEq(t.length, 1);
        assertEq(t[0].fromBlock, block.number);
        assertEq(t[0].index, (idx + 1) % 3);
        // The next epoch is drawn afresh.
        assertEq(
            set.leaderAt(set.epochStartBlock(epoch + 1)), _expectedLeader(set.setFor(epoch + 1), epoch + 1)
        );
    }

    function test_reportLiveness_leaderJailed_noSlashImmediateTakeover_succeeds() public {
        _rank3();
        uint64 epoch = _activate();
        address leader = set.currentLeader();
        stakingD.setEligible(leader, false); // e.g. jailed by an equivocation slash
        vm.prank(reporter);
        set.reportLiveness(); // not late, but ineligible: replaced at once
        assertEq(stakingD.slashCount(), 0, "not slashed again");
        address next = set.currentLeader();
        assertTrue(next != leader && next != address(0));
        assertEq(set.takeovers(epoch).length, 1);
    }

    /// @dev The review's finding: a late leader that made itself ineligible (exited, or under-bonded)
    ///      just before the report was handed over without a slash. Lateness now counts whatever
    ///      the eligibility: a late, not jailed leader is slashed.
    function test_reportLiveness_lateIneligibleNotJailed_slashes_succeeds() public {
        _rank3();
        _activate();
        address leader = set.currentLeader();
        vm.roll(block.number + TIMEOUT);
        stakingD.exit(leader); // undelegated its whole self-bond once late
        vm.expectEmit(true, true, true, true, address(stakingD));
        emit StakingDouble.SlashCalled(leader, IStaking.SlashKind.Liveness, reporter);
        vm.prank(reporter);
        set.reportLiveness();
        assertEq(stakingD.slashCount(), 1);
        assertTrue(set.currentLeader() != leader);
    }

    /// @dev A leader that exited before its deadline (or was made under-bonded by governance) could
    ///      not post: a reporter who waits until the deadline to earn a reward slashes nobody.
    function testFuzz_reportLiveness_exitBeforeDeadlineNeverSlashed_succeeds(uint64 exitAfter, uint64 wait)
        public
    {
        _rank3();
        _activate();
        address leader = set.currentLeader();
        exitAfter = uint64(bound(exitAfter, 0, TIMEOUT - 1));
        vm.roll(block.number + exitAfter);
        stakingD.exit(leader);
        vm.roll(block.number + bound(wait, 0, EPOCH - 1 - exitAfter));
        set.reportLiveness();
        assertEq(stakingD.slashCount(), 0, "an honest exit is never slashed");
        assertTrue(set.currentLeader() != leader);
    }

    function test_reportLiveness_underBondedByGovernanceLate_noSlash_succeeds() public {
        _rank3();
        _activate();
        address leader = set.currentLeader();
        stakingD.setEligible(leader, false); // minSelfBond raised above its bond: it may not post
        vm.roll(block.number + TIMEOUT);
        set.reportLiveness();
        assertEq(stakingD.slashCount(), 0);
    }

    /// @dev A jailed leader (already slashed; it may not post) is handed over without a second slash,
    ///      even when late.
    function test_reportLiveness_lateJailedLeader_noSlash_succeeds() public {
        _rank3();
        _activate();
        address leader = set.currentLeader();
        stakingD.setJailed(leader, true);
        vm.roll(block.number + TIMEOUT);
        set.reportLiveness();
        assertEq(stakingD.slashCount(), 0, "not slashed again");
        assertTrue(set.currentLeader() != leader);
    }

    /// @dev Eligibility x lateness x jail: slashed iff late and not jailed (an ineligible leader
    ///      here exits once late); NotLate iff eligible and not late; otherwise handed over.
    function testFuzz_reportLiveness_slashIffLateAndNotJailed(uint64 wait, bool eligible, bool jailed)
        public
    {
        _rank3();
        _activate();
        address leader = set.currentLeader();
        wait = uint64(bound(wait, 0, EPOCH - 1));
        vm.roll(block.number + wait);
        if (!eligible) stakingD.exit(leader); // exits now: at or after the deadline iff late
        if (jailed) stakingD.setJailed(leader, true);
        bool late = wait >= TIMEOUT;
        if (late || !stakingD.isEligible(leader)) {
            set.reportLiveness();
            assertEq(stakingD.slashCount(), late && !jailed ? 1 : 0);
            assertTrue(set.currentLeader() != leader);
        } else {
            vm.expectRevert();
            set.reportLiveness();
        }
    }

    function test_reportLiveness_skipsIneligibleAndWraps_succeeds() public {
        _rank3();
        _activate();
        address leader = set.currentLeader();
        uint256 idx = _indexOf(ops, leader);
        stakingD.setEligible(ops[(idx + 1) % 3], false);
        vm.roll(block.number + TIMEOUT);
        set.reportLiveness();
        assertEq(set.currentLeader(), ops[(idx + 2) % 3]);
    }

    function test_reportLiveness_secondReportInEpoch_succeeds() public {
        _rank3();
        uint64 epoch = _activate();
        uint256 idx = _indexOf(ops, set.currentLeader());
        vm.roll(block.number + TIMEOUT);
        set.reportLiveness();
        address second = set.currentLeader();
        // The new leader gets a full timeout from the takeover block.
        vm.roll(block.number + TIMEOUT - 1);
        vm.expectRevert(
            abi.encodeWithSelector(ISequencerSet.NotLate.selector, second, uint64(block.number + 1))
        );
        set.reportLiveness();
        vm.roll(block.number + 1);
        set.reportLiveness();
        assertEq(set.currentLeader(), ops[(idx + 2) % 3]);
        assertEq(set.takeovers(epoch).length, 2);
        assertEq(stakingD.slashCount(), 2);
    }

    function test_reportLiveness_postResetsDeadline_reverts() public {
        _rank3();
        _activate();
        address leader = set.currentLeader();
        vm.roll(block.number + TIMEOUT - 1);
        rollupD.notifyPost(set, leader);
        vm.roll(block.number + TIMEOUT - 1);
        vm.expectRevert(
            abi.encodeWithSelector(ISequencerSet.NotLate.selector, leader, uint64(block.number + 1))
        );
        set.reportLiveness();
    }

    function test_reportLiveness_notLate_reverts() public {
        _rank3();
        _activate();
        address leader = set.currentLeader();
        uint64 deadline = uint64(block.number + TIMEOUT);
        vm.roll(deadline - 1);
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.NotLate.selector, leader, deadline));
        set.reportLiveness();
    }

    function test_reportLiveness_noActiveSet_reverts() public {
        uint64 epoch = set.currentEpoch();
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.NoActiveSet.selector, epoch));
        set.reportLiveness();
    }

    function test_reportLiveness_rollupPaused_reverts() public {
        _rank3();
        _activate();
        vm.roll(block.number + TIMEOUT);
        uint64 until = uint64(block.timestamp + 1 hours);
        rollupD.setPausedUntil(until);
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.RollupPaused.selector, until));
        set.reportLiveness();
        // Blocks during the pause don't count: a grace of `livenessTimeout` slots follows it.
        vm.warp(until);
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.RollupPaused.selector, until));
        set.reportLiveness();
        vm.warp(until + TIMEOUT * set.SLOT_SECONDS());
        set.reportLiveness();
        assertEq(stakingD.slashCount(), 1);
    }

    function test_reportLiveness_noOtherEligibleMember_reverts() public {
        uint256[] memory stakes = new uint256[](1);
        stakes[0] = 1 ether;
        _rank(stakes);
        uint64 epoch = _activate();
        vm.roll(block.number + TIMEOUT);
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.NoOtherEligibleMember.selector, epoch));
        set.reportLiveness();

        _rank3();
        vm.roll(set.epochStartBlock(epoch + 1));
        epoch = _activate();
        address leader = set.currentLeader();
        for (uint256 i; i < 3; ++i) {
            if (ops[i] != leader) stakingD.setEligible(ops[i], false);
        }
        vm.roll(block.number + TIMEOUT);
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.NoOtherEligibleMember.selector, epoch));
        set.reportLiveness();
        assertEq(stakingD.slashCount(), 0);
    }

    function test_reportLiveness_takeoversBoundedBySetSize_reverts() public {
        uint256[] memory stakes = new uint256[](2);
        stakes[0] = 2 ether;
        stakes[1] = 1 ether;
        _rank(stakes);
        uint64 epoch = _activate();
        address a = set.currentLeader();
        address b = a == ops[0] ? ops[1] : ops[0];
        // Jailed leaders are replaced at once; unjailed members may lead again, up to K takeovers.
        stakingD.setEligible(a, false);
        set.reportLiveness();
        assertEq(set.currentLeader(), b);
        stakingD.setEligible(a, true);
        stakingD.setEligible(b, false);
        set.reportLiveness();
        assertEq(set.currentLeader(), a);
        stakingD.setEligible(b, true);
        stakingD.setEligible(a, false);
        vm.expectRevert(abi.encodeWithSelector(ISequencerSet.NoOtherEligibleMember.selector, epoch));
        set.reportLiveness();
        assertEq(set.takeovers(epoch).length, 2);
    }

    // ------------------------------------------------------------------ fuzz

    /// @dev Random sets (1..8 members, random stakes), random snapshot times, random takeovers:
    ///      the leader at any block is a member of that epoch's set, or 0 when uncovered.
    function testFuzz_leaderAt_memberOfSetOrZero(
        uint256 seed,
        uint8 size,
        uint8 snapshots,
        uint8 reports,
        uint256 queryBlock
    ) public {
        size = uint8(bound(size, 1, 8));
        snapshots = uint8(bound(snapshots, 1, 4));
        reports = uint8(bound(reports, 0, 3));
        queryBlock = bound(queryBlock, 0, START_BLOCK + 200 * EPOCH);
        for (uint256 k; k < snapshots; ++k) {
            uint256[] memory stakes = new uint256[](size);
            for (uint256 i; i < size; ++i) {
                stakes[i] = bound(uint256(keccak256(abi.encode(seed, k, i))), 1, type(uint128).max);
            }
            _rank(stakes);
            vm.setBlockhash(set.epochStartBlock(set.currentEpoch()) - 1, keccak256(abi.encode(seed, k)));
            set.snapshot();
            vm.roll(block.number + EPOCH * (1 + (uint256(keccak256(abi.encode(seed, k))) % 5)));
            // Some liveness reports in the running epoch.
            for (uint256 r; r < reports; ++r) {
                vm.roll(block.number + TIMEOUT);
                if (set.currentLeader() == address(0)) break;
                if (set.epochOf(block.number) != set.epochOf(block.number - TIMEOUT)) break;
                try set.reportLiveness() {} catch {}
            }
        }

        address leader = set.leaderAt(queryBlock);
        uint64 epoch = set.epochOf(queryBlock);
        try set.setFor(epoch) returns (ISequencerSet.SetSnapshot memory s) {
            assertTrue(_indexOf(s.operators, leader) != type(uint256).max, "leader is a member");
        } catch {
            assertEq(leader, address(0), "no leader without a set");
        }
    }

    /// @dev The leader of an epoch without takeovers is the stake-weighted reference draw.
    function testFuzz_leaderAt_matchesReferenceDraw(
        bytes32 boundaryHash,
        uint64 epochOffset,
        uint256 s0,
        uint256 s1,
        uint256 s2
    ) public {
        uint256[] memory stakes = new uint256[](3);
        stakes[0] = bound(s0, 0, type(uint128).max);
        stakes[1] = bound(s1, 0, type(uint128).max);
        stakes[2] = bound(s2, 1, type(uint128).max);
        _rank(stakes);
        vm.setBlockhash(set.epochStartBlock(set.currentEpoch()) - 1, boundaryHash);
        uint64 first = set.snapshot();
        uint64 e = first + uint64(bound(epochOffset, 0, 1_000_000));
        address leader = set.leaderAt(set.epochStartBlock(e));
        assertEq(leader, _expectedLeader(set.setFor(e), e));
        uint256 idx = _indexOf(ops, leader);
        assertGt(stakes[idx], 0, "a zero-stake member never leads");
    }

    /// @dev Reporting is possible exactly from lastActivity + timeout on.
    function testFuzz_reportLiveness_timing(uint64 wait, uint64 postAt) public {
        _rank3();
        _activate();
        uint256 start = block.number;
        address leader = set.currentLeader();
        postAt = uint64(bound(postAt, 0, EPOCH - 1));
        wait = uint64(bound(wait, 0, EPOCH - 1));
        vm.roll(start + postAt);
        rollupD.notifyPost(set, leader);
        uint256 at = start + postAt + wait;
        if (at >= start + EPOCH) return; // stays within the epoch
        vm.roll(at);
        if (wait < TIMEOUT) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    ISequencerSet.NotLate.selector, leader, uint64(start + postAt + TIMEOUT)
                )
            );
            set.reportLiveness();
        } else {
            set.reportLiveness();
            assertTrue(set.currentLeader() != leader);
            assertEq(set.leaderAt(at - 1), leader);
        }
    }
}
