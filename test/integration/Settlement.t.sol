// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Suite} from "../utils/Suite.sol";
import {BatchBuilder} from "../utils/BatchBuilder.sol";
import {IRollup} from "../../contracts/interfaces/IRollup.sol";
import {IBridge} from "../../contracts/interfaces/IBridge.sol";

/// @notice Every settlement path on the real suite: optimistic finalization with a withdrawal paid,
///         early proof (bounty), challenge won by proof, challenge won by timeout with descendants
///         reverted, forced inclusion, and the guardian pause that never blocks exits.
contract SettlementPathsTest is Suite {
    address internal alice = makeAddr("alice");
    address internal challenger = makeAddr("challenger");
    address internal prover = makeAddr("prover");

    function setUp() public override {
        super.setUp();
        _addOperators(3);
        _activateSet();
    }

    function _withdrawalBatch(address recipient, uint64 units)
        internal
        returns (uint64 id, BatchBuilder.Withdrawal memory w)
    {
        _depositNew(alice, 5 ether);
        w = BatchBuilder.Withdrawal({recipient: recipient, asset: 0, amount: units});
        bytes[] memory txs = new bytes[](2);
        txs[0] = BatchBuilder.transferTx(1, 1, 0, 1, 0, 0);
        txs[1] = BatchBuilder.withdrawTx(1, w, 10, 1);
        (id,) = _post(keccak256("root-1"), uint64(records.length), txs);
    }

    function test_optimisticFinalize_withdrawalPaidOnce_succeeds() public {
        address payable bob = payable(makeAddr("bob"));
        (uint64 id, BatchBuilder.Withdrawal memory w) = _withdrawalBatch(bob, 2 ether / 1 gwei);
        IRollup.Batch memory b = rollup.getBatch(id);
        bytes32[] memory leaves = new bytes32[](1);
        leaves[0] = BatchBuilder.leaf(w);
        (bytes32 root, bytes32[] memory proof) = BatchBuilder.rootAndProof(leaves, 0);
        assertEq(b.withdrawalRoot, root, "withdrawal root computed on L1");
        assertEq(b.msgEnd, 1, "consumed the deposit");

        vm.expectRevert(abi.encodeWithSelector(IRollup.NotFinalizable.selector, id));
        rollup.finalizeBatch(id);
        vm.expectRevert(abi.encodeWithSelector(IBridge.BatchNotFinalized.selector, id));
        bridge.finalizeWithdrawal(id, 0, bob, 0, w.amount, proof);

        vm.warp(block.timestamp + CHALLENGE_WINDOW);
        rollup.finalizeBatch(id);
        assertTrue(rollup.isFinalized(id));
        assertEq(rollup.lastFinalizedHeight(), 1);

        bridge.finalizeWithdrawal(id, 0, bob, 0, w.amount, proof);
        assertEq(bob.balance, 2 ether, "recipient paid");
        assertEq(address(bridge).balance, 3 ether, "rest stays locked");
        vm.expectRevert(abi.encodeWithSelector(IBridge.AlreadyWithdrawn.selector, id, 0));
        bridge.finalizeWithdrawal(id, 0, bob, 0, w.amount, proof);
    }

    function test_earlyProof_unchallenged_paysBountyAndFinalizes_succeeds() public {
        _useVerifier();
        rollup.fundBounty{value: 1 ether}();
        (uint64 id, bytes memory data) = _postEmpty(keccak256("root-1"));
        bytes memory proof = _truthAndProof(id, data);
        vm.prank(prover);
        rollup.proveBatch(id, data, proof);
        assertTrue(rollup.isFinalized(id), "final at once");
        assertEq(rollup.credits(prover), BOUNTY);
        vm.prank(prover);
        rollup.claim();
        assertEq(prover.balance, BOUNTY);
    }

    function test_proveBatch_withoutVerifier_reverts() public {
        (uint64 id, bytes memory data) = _postEmpty(keccak256("root-1"));
        vm.expectRevert(IRollup.VerifierNotSet.selector);
        rollup.proveBatch(id, data, hex"01");
    }

    function test_challengeWonByProof_proverTakesBond_succeeds() public {
        _useVerifier();
        (uint64 id, bytes memory data) = _postEmpty(keccak256("root-1"));
        vm.deal(challenger, BOND);
        vm.prank(challenger);
        rollup.challenge{value: BOND}(id);
        assertEq(uint8(rollup.getBatch(id).status), uint8(IRollup.BatchStatus.Challenged));

        // A wrong proof is rejected; the true one wins.
        vm.expectRevert(abi.encodeWithSelector(IRollup.InvalidProof.selector, id));
        rollup.proveBatch(id, data, hex"deadbeef");
        bytes memory proof = _truthAndProof(id, data);
        vm.prank(prover);
        rollup.proveBatch(id, data, proof);
        assertTrue(rollup.isFinalized(id));
        assertEq(rollup.credits(prover), BOND, "prover paid from the bond");
        assertEq(rollup.credits(challenger), 0);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, id, IRollup.BatchStatus.Finalized)
        );
        rollup.resolveChallenge(id);
    }

    function test_challengeTimeout_revertsDescendantsAndSlashes_succeeds() public {
        _useVerifier(); // challenges need a verifier
        (uint64 a,) = _postEmpty(keccak256("root-a"));
        (uint64 b,) = _postEmpty(keccak256("root-b-bad"));
        (uint64 c,) = _postEmpty(keccak256("root-c"));
        address badOp = rollup.getBatch(b).operator;
        uint256 stakeBefore = staking.operatorStake(badOp);
        uint256 tokensBefore = token.balanceOf(challenger);

        vm.deal(challenger, 2 * uint256(BOND));
        vm.startPrank(challenger);
        rollup.challenge{value: BOND}(b);
        rollup.challenge{value: BOND}(c); // a second, independent challenge
        vm.stopPrank();

        vm.expectRevert();
        rollup.resolveChallenge(b); // prove window still open
        vm.warp(block.timestamp + PROVE_WINDOW);
        rollup.resolveChallenge(b);

        assertTrue(rollup.isCanonical(a));
        assertFalse(rollup.isCanonical(b));
        assertFalse(rollup.isCanonical(c));
        assertEq(uint8(rollup.getBatch(c).status), uint8(IRollup.BatchStatus.Reverted));
        assertEq(rollup.tipId(), a);
        assertEq(staking.operatorStake(badOp), stakeBefore - stakeBefore * 2_000 / 10_000, "20% slashed");
        assertEq(token.balanceOf(challenger) - tokensBefore, (stakeBefore * 2_000 / 10_000) * 1_000 / 10_000);
        assertFalse(staking.isEligible(badOp), "jailed");
        assertEq(rollup.credits(challenger), BOND, "bond back");

        // The descendant's challenge is refunded too; the reverted batch can never finalize.
        rollup.resolveChallenge(c);
        assertEq(rollup.credits(challenger), 2 * uint256(BOND));
        vm.warp(block.timestamp + CHALLENGE_WINDOW);
        rollup.finalizeBatch(a);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotCanonical.selector, b));
        rollup.finalizeBatch(b);

        // The chain continues from `a`: the jailed operator is not the leader any more after a report
        // or a new epoch, so post as whoever leads now (skipping if the jailed one still leads).
        if (set.currentLeader() == badOp) set.reportLiveness();
        (uint64 d,) = _postEmpty(keccak256("root-d"));
        assertEq(rollup.getBatch(d).parentId, a);
        assertEq(rollup.getBatch(d).height, 2);
    }

    function test_forcedInclusion_overdueMessageMustBeConsumed_reverts() public {
        _depositNew(alice, 1 ether);
        vm.warp(block.timestamp + FORCED_INCLUSION);
        uint64 tipId = rollup.tipId();
        IRollup.Batch memory tip = rollup.getBatch(tipId);
        bytes memory data = BatchBuilder.data(1, new bytes[](0), new bytes[](0));
        vm.prank(_signerOf(set.currentLeader()));
        vm.expectRevert(abi.encodeWithSelector(IRollup.OverdueMessagesNotConsumed.selector, 0));
        rollup.submitBatch(tipId, tip.stateRoot, keccak256("r"), data);
        // Consuming it succeeds.
        (uint64 id,) = _post(keccak256("r"), 1, new bytes[](0));
        assertEq(rollup.getBatch(id).msgEnd, 1);
    }

    function test_submitBatch_messagesNotMatchingQueue_reverts() public {
        _depositNew(alice, 1 ether);
        bytes[] memory recs = new bytes[](1);
        recs[0] = BatchBuilder.record(0, 0, alice, 1, new bytes(40), 0, 1); // forged record
        bytes memory data = BatchBuilder.data(1, recs, new bytes[](0));
        uint64 tipId = rollup.tipId();
        IRollup.Batch memory tip = rollup.getBatch(tipId);
        vm.prank(_signerOf(set.currentLeader()));
        vm.expectRevert();
        rollup.submitBatch(tipId, tip.stateRoot, keccak256("r"), data);
    }

    function test_pause_blocksPostingAndDepositsNeverExits_succeeds() public {
        address payable bob = payable(makeAddr("bob"));
        (uint64 id, BatchBuilder.Withdrawal memory w) = _withdrawalBatch(bob, 1 ether / 1 gwei);
        vm.warp(block.timestamp + CHALLENGE_WINDOW);
        rollup.finalizeBatch(id);

        vm.prank(guardian);
        rollup.pause(1 days);
        vm.prank(guardian);
        bridge.pause(1 days);

        IRollup.Batch memory tip = rollup.getBatch(rollup.tipId());
        bytes memory data = BatchBuilder.data(1, new bytes[](0), new bytes[](0));
        vm.prank(_signerOf(set.currentLeader()));
        vm.expectRevert();
        rollup.submitBatch(id, tip.stateRoot, keccak256("x"), data);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert();
        bridge.depositETH{value: 1 ether}(1);

        // Exits still work: withdrawal from the bridge, unbonding and withdrawing stake.
        bytes32[] memory leaves = new bytes32[](1);
        leaves[0] = BatchBuilder.leaf(w);
        (, bytes32[] memory proof) = BatchBuilder.rootAndProof(leaves, 0);
        bridge.finalizeWithdrawal(id, 0, bob, 0, w.amount, proof);
        assertEq(bob.balance, 1 ether);

        address op = operators[2];
        uint256 shares = staking.sharesOf(op, op) / 4;
        vm.prank(op);
        uint256 unbondId = staking.undelegate(op, shares);
        vm.warp(block.timestamp + UNBONDING);
        vm.prank(op);
        assertGt(staking.withdraw(unbondId), 0);
    }
}
