// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Suite} from "../utils/Suite.sol";
import {BatchBuilder} from "../utils/BatchBuilder.sol";
import {IRollup} from "../../contracts/interfaces/IRollup.sol";
import {ISequencerSet} from "../../contracts/interfaces/ISequencerSet.sol";
import {IEquivocationSlasher} from "../../contracts/interfaces/IEquivocationSlasher.sol";
import {IStaking} from "../../contracts/interfaces/IStaking.sol";
import {IBatchVerifier} from "../../contracts/interfaces/IBatchVerifier.sol";

/// @notice Rotation paths (normal epochs, liveness report, escape hatch) and the slashing kinds
///         (liveness, invalid root in Settlement.t.sol, equivocation) on the real suite.
contract RotationPathsTest is Suite {
    function setUp() public override {
        super.setUp();
        _addOperators(3);
        _activateSet();
    }

    function test_rotation_normalEpochs_leaderFixedPerEpochAndRotates_succeeds() public {
        uint256 changes;
        address prev;
        for (uint256 e; e < 12; ++e) {
            uint64 epoch = set.currentEpoch();
            address leader = set.currentLeader();
            assertTrue(leader != address(0), "a leader in every covered epoch");
            // Same leader for every block of the epoch.
            uint256 start = set.epochStartBlock(epoch);
            assertEq(set.leaderAt(start + EPOCH - 1), leader);
            // Only the leader's signer may post.
            (uint64 id,) = _postEmpty(keccak256(abi.encode("root", e)));
            assertEq(rollup.getBatch(id).operator, leader);
            if (e > 0 && leader != prev) ++changes;
            prev = leader;
            set.snapshot();
            vm.roll(start + EPOCH);
        }
        assertGt(changes, 0, "leadership rotates across epochs");
    }

    function test_rotation_nonLeaderCannotPost_reverts() public {
        address leader = set.currentLeader();
        address other = operators[0] == leader ? operators[1] : operators[0];
        IRollup.Batch memory tip = rollup.getBatch(0);
        bytes memory data = BatchBuilder.data(1, new bytes[](0), new bytes[](0));
        address otherSigner = _signerOf(other);
        vm.prank(otherSigner);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotLeader.selector, otherSigner, leader));
        rollup.submitBatch(0, tip.stateRoot, keccak256("x"), data);
    }

    function test_rotation_livenessReport_jailsSlashesAndHandsOver_succeeds() public {
        address leader = set.currentLeader();
        uint256 stakeBefore = staking.operatorStake(leader);
        address reporter = makeAddr("reporter");

        vm.expectRevert();
        set.reportLiveness(); // not late yet
        vm.roll(block.number + LIVENESS_TIMEOUT);
        vm.prank(reporter);
        set.reportLiveness();

        address next = set.currentLeader();
        assertTrue(next != leader && next != address(0), "next member leads at once");
        assertEq(set.leaderAt(block.number - 1), leader, "history unchanged");
        assertEq(staking.operatorStake(leader), stakeBefore - stakeBefore / 100, "1% slashed");
        assertEq(token.balanceOf(reporter), (stakeBefore / 100) / 10, "reporter rewarded");
        assertFalse(staking.isEligible(leader), "jailed");

        // The old leader can no longer post; the new one can.
        IRollup.Batch memory tip = rollup.getBatch(0);
        bytes memory data = BatchBuilder.data(1, new bytes[](0), new bytes[](0));
        vm.prank(_signerOf(leader));
        vm.expectRevert();
        rollup.submitBatch(0, tip.stateRoot, keccak256("x"), data);
        (uint64 id,) = _postEmpty(keccak256("x"));
        assertEq(rollup.getBatch(id).operator, next);
    }

    function test_rotation_escapeHatch_anyoneProvesWhenSequencersStall_succeeds() public {
        _useVerifier();
        address stranger = makeAddr("stranger");
        IRollup.Batch memory tip = rollup.getBatch(0);
        bytes memory data = BatchBuilder.data(0, new bytes[](0), new bytes[](0));

        vm.prank(stranger);
        vm.expectRevert(IRollup.EscapeHatchClosed.selector);
        rollup.submitBatchWithProof(0, tip.stateRoot, keccak256("e"), data, hex"");

        vm.warp(block.timestamp + ESCAPE_DELAY);
        assertTrue(rollup.escapeHatchOpen());
        // The proof's inputs: the batch that will be stored as id 1.
        verifier.setTrue(_escapeInputs(tip.stateRoot, keccak256("e"), data));
        bytes memory proof = verifier.proofFor(_escapeInputs(tip.stateRoot, keccak256("e"), data), data);
        vm.prank(stranger);
        uint64 id = rollup.submitBatchWithProof(0, tip.stateRoot, keccak256("e"), data, proof);
        assertTrue(rollup.isFinalized(id), "proven and final at once");
        assertEq(rollup.getBatch(id).operator, stranger);
    }

    function _escapeInputs(bytes32 prev, bytes32 next, bytes memory data)
        internal
        view
        returns (IBatchVerifier.PublicInputs memory)
    {
        return IBatchVerifier.PublicInputs({
            prevStateRoot: prev,
            newStateRoot: next,
            messageChainBefore: chains[0],
            messageChainAfter: chains[0],
            withdrawalRoot: bytes32(0),
            dataHash: keccak256(data)
        });
    }

    function test_submitBatch_exitedLeader_reverts() public {
        address leader = set.currentLeader();
        uint256 shares = staking.sharesOf(leader, leader);
        vm.prank(leader);
        staking.undelegate(leader, shares); // whole self-bond: the operator exits
        assertFalse(staking.isEligible(leader));
        IRollup.Batch memory tip = rollup.getBatch(0);
        bytes memory data = BatchBuilder.data(1, new bytes[](0), new bytes[](0));
        address signer = _signerOf(leader);
        vm.prank(signer);
        vm.expectRevert(abi.encodeWithSelector(IRollup.LeaderNotEligible.selector, leader));
        rollup.submitBatch(0, tip.stateRoot, keccak256("lie"), data);
        // Its slot is handed over at once, without waiting for the timeout.
        set.reportLiveness();
        assertTrue(set.currentLeader() != leader);
    }

    function test_reportLiveness_duringAndRightAfterPause_reverts() public {
        vm.prank(guardian);
        rollup.pause(30 minutes);
        vm.roll(block.number + LIVENESS_TIMEOUT);
        vm.expectRevert();
        set.reportLiveness();
        vm.warp(block.timestamp + 30 minutes);
        vm.expectRevert(); // grace after the pause: blocks during it did not count
        set.reportLiveness();
        vm.warp(block.timestamp + LIVENESS_TIMEOUT * set.SLOT_SECONDS());
        set.reportLiveness();
    }

    function test_slash_equivocation_heavySlashAndReporterReward_succeeds() public {
        address op = operators[1];
        uint256 key = _keyOf(op);
        IEquivocationSlasher.SoftConfirmation memory a = IEquivocationSlasher.SoftConfirmation({
            l2BlockNumber: 77,
            l2BlockHash: keccak256("block-a"),
            parentHash: keccak256("parent"),
            chainId: L2_CHAIN_ID
        });
        IEquivocationSlasher.SoftConfirmation memory b = IEquivocationSlasher.SoftConfirmation({
            l2BlockNumber: 77,
            l2BlockHash: keccak256("block-b"),
            parentHash: keccak256("parent"),
            chainId: L2_CHAIN_ID
        });
        bytes memory sigA = _sign(key, slasher.hashSoftConfirmation(a));
        bytes memory sigB = _sign(key, slasher.hashSoftConfirmation(b));

        uint256 stakeBefore = staking.operatorStake(op);
        uint256 otherBefore = staking.operatorStake(operators[0]);
        address reporter = makeAddr("reporter");
        vm.prank(reporter);
        slasher.reportEquivocation(a, sigA, b, sigB);
        assertEq(staking.operatorStake(op), stakeBefore - stakeBefore / 2, "50% slashed");
        assertEq(token.balanceOf(reporter), (stakeBefore / 2) / 10);
        assertEq(staking.operatorStake(operators[0]), otherBefore, "other operators untouched");

        vm.expectRevert(
            abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, vm.addr(key))
        );
        slasher.reportEquivocation(a, sigA, b, sigB);
    }

    // ------------------------------------------------------------------ equivocation: one incident

    /// @dev Conflicting confirmations at `height` signed by `key`.
    function _equivocation(uint256 key, uint64 height)
        internal
        view
        returns (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        )
    {
        a = IEquivocationSlasher.SoftConfirmation({
            l2BlockNumber: height,
            l2BlockHash: keccak256(abi.encode("block-a", height)),
            parentHash: keccak256(abi.encode("parent", height)),
            chainId: L2_CHAIN_ID
        });
        b = IEquivocationSlasher.SoftConfirmation({
            l2BlockNumber: height,
            l2BlockHash: keccak256(abi.encode("block-b", height)),
            parentHash: a.parentHash,
            chainId: L2_CHAIN_ID
        });
        sigA = _sign(key, slasher.hashSoftConfirmation(a));
        sigB = _sign(key, slasher.hashSoftConfirmation(b));
    }

    function _reportEquivocation(uint256 key, uint64 height) internal {
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _equivocation(key, height);
        vm.prank(makeAddr("reporter"));
        slasher.reportEquivocation(a, sigA, b, sigB);
    }

    function _expectReportReverts(uint256 key, uint64 height, bytes memory err) internal {
        (
            IEquivocationSlasher.SoftConfirmation memory a,
            bytes memory sigA,
            IEquivocationSlasher.SoftConfirmation memory b,
            bytes memory sigB
        ) = _equivocation(key, height);
        vm.expectRevert(err);
        slasher.reportEquivocation(a, sigA, b, sigB);
    }

    /// @dev The review's finding: one leaked key double-signing at 8 heights took 99.6 % of the stake
    ///      (8 slashes of 50 %). Now it is one incident: one slash of 50 %, and the stake of the
    ///      operator's delegators and pending unbonds loses exactly that once.
    function test_reportEquivocation_eightHeightsOneIncident_slashesOnce_succeeds() public {
        address op = operators[1];
        uint256 key = _keyOf(op);
        address delegator = makeAddr("delegator");
        token.transfer(delegator, 500 ether);
        vm.startPrank(delegator);
        token.approve(address(staking), 500 ether);
        staking.delegate(op, 500 ether);
        vm.stopPrank();
        uint256 stakeBefore = staking.operatorStake(op);
        uint256 delegatorBefore = staking.valueOf(op, delegator);

        _reportEquivocation(key, 1000);
        for (uint64 h = 1001; h < 1008; ++h) {
            _expectReportReverts(
                key,
                h,
                abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, vm.addr(key))
            );
        }
        assertEq(staking.operatorStake(op), stakeBefore - stakeBefore / 2, "one 50% slash");
        assertApproxEqAbs(staking.valueOf(op, delegator), delegatorBefore / 2, 1, "delegator lost 50% once");
        assertTrue(slasher.slashedSigner(vm.addr(key)));
        assertTrue(staking.mustRotateSigner(op));
    }

    /// @dev After an equivocation slash the operator cannot unjail with its spent key.
    function test_unjail_afterEquivocationWithoutRotation_reverts() public {
        address op = operators[1];
        vm.expectEmit(address(staking));
        emit IStaking.SignerRotationRequired(op);
        _reportEquivocation(_keyOf(op), 5);
        vm.warp(block.timestamp + 1 days);
        vm.prank(op);
        vm.expectRevert(abi.encodeWithSelector(IStaking.SignerMustRotate.selector, op));
        staking.unjail();
    }

    /// @dev Rotate, unjail: evidence held back with the old key can never slash again; the new key
    ///      equivocating is a new incident, slashed once.
    function test_reportEquivocation_afterRotationAndUnjail_oldKeySpentNewKeyOnce_succeeds() public {
        // Default deployments jail 3 days < 7 days unbonding: the old key is still attributable
        // after the unjail. Same here (1 hour < 3 hours).
        IStaking.Params memory p = staking.params();
        p.jailDuration = 1 hours;
        staking.setParams(p);
        address op = operators[1];
        uint256 oldKey = _keyOf(op);
        _reportEquivocation(oldKey, 5);
        uint256 newKey = _rotateSigner(op);
        assertFalse(staking.mustRotateSigner(op), "rotation clears the flag");
        vm.warp(block.timestamp + 1 hours);
        vm.prank(op);
        staking.unjail();
        assertTrue(staking.isEligible(op));

        // Held-back evidence of the old key (another height), still inside unbondingDelay: spent.
        uint256 stake = staking.operatorStake(op);
        _expectReportReverts(
            oldKey,
            6,
            abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, vm.addr(oldKey))
        );
        assertEq(staking.operatorStake(op), stake, "no second slash");

        // The new key equivocates: a new incident, slashed once.
        _reportEquivocation(newKey, 7);
        assertEq(staking.operatorStake(op), stake - stake / 2);
        _expectReportReverts(
            newKey,
            8,
            abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, vm.addr(newKey))
        );
        assertTrue(staking.mustRotateSigner(op));
    }

    /// @dev A key rotated away before its equivocation was reported stays slashable, once, for
    ///      `unbondingDelay`; the slash still forces another rotation before unjailing.
    function test_reportEquivocation_retiredKeyWithinDelay_slashesOnce_succeeds() public {
        address op = operators[2];
        uint256 oldKey = _keyOf(op);
        _rotateSigner(op);
        vm.warp(block.timestamp + UNBONDING - 1);
        uint256 stake = staking.operatorStake(op);
        _reportEquivocation(oldKey, 9);
        assertEq(staking.operatorStake(op), stake - stake / 2);
        _expectReportReverts(
            oldKey,
            10,
            abi.encodeWithSelector(IEquivocationSlasher.SignerAlreadySlashed.selector, vm.addr(oldKey))
        );
        assertTrue(staking.mustRotateSigner(op));
    }

    // ------------------------------------------------------------------ liveness: exit does not dodge

    /// @dev The review's finding: a late leader undelegated its whole self-bond just before the
    ///      report and was handed over without a slash. Now the slash reaches the unbonding pool:
    ///      the exiting operator's pending unbond loses the liveness fraction.
    function test_reportLiveness_lateLeaderExitsBeforeReport_slashesUnbondingPool_succeeds() public {
        address leader = set.currentLeader();
        vm.roll(block.number + LIVENESS_TIMEOUT);
        uint256 shares = staking.sharesOf(leader, leader);
        vm.prank(leader);
        uint256 unbondId = staking.undelegate(leader, shares); // exits
        assertFalse(staking.getOperator(leader).registered);
        uint256 unbondingBefore = staking.unbondingPool(leader).stake;
        address reporter = makeAddr("reporter");

        vm.prank(reporter);
        set.reportLiveness();

        assertTrue(set.currentLeader() != leader, "handed over");
        uint256 cut = unbondingBefore / 100;
        assertEq(staking.unbondingPool(leader).stake, unbondingBefore - cut, "unbonding pool slashed 1%");
        assertEq(token.balanceOf(reporter), cut / 10, "reporter rewarded");
        assertTrue(staking.isJailed(leader));
        vm.warp(block.timestamp + UNBONDING);
        vm.prank(leader);
        assertEq(staking.withdraw(unbondId), unbondingBefore - cut, "pending unbond lost 1%");
    }

    /// @dev An operator that exits before its deadline (it resigned; it could not post any more)
    ///      is never slashed for that term, even when the reporter waits past the deadline for a
    ///      reward: its delegators' unbonding stake is untouched.
    function test_reportLiveness_exitBeforeDeadlineReportedLate_noSlash_succeeds() public {
        address leader = set.currentLeader();
        uint256 shares = staking.sharesOf(leader, leader);
        vm.prank(leader);
        staking.undelegate(leader, shares); // exits before it is late
        uint256 unbonding = staking.unbondingPool(leader).stake;
        vm.roll(block.number + LIVENESS_TIMEOUT);
        address reporter = makeAddr("reporter");
        vm.prank(reporter);
        set.reportLiveness();
        assertTrue(set.currentLeader() != leader, "handed over");
        assertEq(staking.unbondingPool(leader).stake, unbonding, "not slashed");
        assertEq(token.balanceOf(reporter), 0, "no reward for waiting");
        assertFalse(staking.isJailed(leader));
    }

    /// @dev A leader jailed by another slash is handed over without a second (liveness) slash, late
    ///      or not.
    function test_reportLiveness_jailedLateLeader_noSecondSlash_succeeds() public {
        address leader = set.currentLeader();
        _reportEquivocation(_keyOf(leader), 3);
        uint256 stake = staking.operatorStake(leader);
        uint256 unbonding = staking.unbondingPool(leader).stake;
        vm.roll(block.number + LIVENESS_TIMEOUT);
        set.reportLiveness();
        assertTrue(set.currentLeader() != leader);
        assertEq(staking.operatorStake(leader), stake, "no second slash");
        assertEq(staking.unbondingPool(leader).stake, unbonding);
    }

    function _sign(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }
}
