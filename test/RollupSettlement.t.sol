// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {RollupFixture} from "./Rollup.t.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";
import {BatchBuilder} from "./utils/BatchBuilder.sol";

/// @notice Finalization (optimistic and proven) and the escape hatch.
contract RollupSettlementTest is RollupFixture {
    uint8 internal constant PENDING = uint8(IRollup.BatchStatus.Pending);
    uint8 internal constant CHALLENGED = uint8(IRollup.BatchStatus.Challenged);
    uint8 internal constant PROVEN = uint8(IRollup.BatchStatus.Proven);
    uint8 internal constant FINALIZED = uint8(IRollup.BatchStatus.Finalized);
    uint8 internal constant REVERTED = uint8(IRollup.BatchStatus.Reverted);

    // ------------------------------------------------------------------ finalizeBatch
    function test_finalizeBatch_optimistic_succeeds() public {
        bytes[] memory txs = new bytes[](2);
        BatchBuilder.Withdrawal memory w0 = BatchBuilder.Withdrawal(alice, 0, 10);
        BatchBuilder.Withdrawal memory w1 = BatchBuilder.Withdrawal(prover, 2, 20);
        txs[0] = BatchBuilder.withdrawTx(1, w0, 1, 0);
        txs[1] = BatchBuilder.withdrawTx(1, w1, 1, 1);
        uint64 id = _submit(bytes32("r1"), _dataTo(0, txs));
        (uint64 id2,) = _post(bytes32("r2"));

        vm.warp(T0 + CW);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchFinalized(id, 1, bytes32("r1"), false);
        vm.prank(alice); // anyone
        rollup.finalizeBatch(id);
        rollup.finalizeBatch(id2);
        assertTrue(rollup.isFinalized(id));
        assertTrue(rollup.isFinalized(id2));
        assertEq(rollup.lastFinalizedHeight(), 2);
        assertEq(rollup.lastFinalizedId(), id2);

        bytes32[] memory leaves = new bytes32[](2);
        leaves[0] = BatchBuilder.leaf(w0);
        leaves[1] = BatchBuilder.leaf(w1);
        (bytes32 root,) = BatchBuilder.rootAndProof(leaves, 1);
        (bytes32 gotRoot, uint32 count) = rollup.finalizedWithdrawals(id);
        assertEq(gotRoot, root);
        assertEq(count, 2);
    }

    function test_finalizeBatch_unknownOrNotCanonical_reverts() public {
        _useVerifier();
        vm.expectRevert(abi.encodeWithSelector(IRollup.UnknownBatch.selector, 1));
        rollup.finalizeBatch(1);
        (uint64 id,) = _post(bytes32("r1"));
        _challenge(id);
        vm.warp(T0 + PW);
        rollup.resolveChallenge(id);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotCanonical.selector, id));
        rollup.finalizeBatch(id);
    }

    function test_finalizeBatch_alreadyFinalized_reverts() public {
        (uint64 id,) = _post(bytes32("r1"));
        vm.warp(T0 + CW);
        rollup.finalizeBatch(id);
        vm.expectRevert(abi.encodeWithSelector(IRollup.AlreadyFinalized.selector, id));
        rollup.finalizeBatch(id);
        vm.expectRevert(abi.encodeWithSelector(IRollup.AlreadyFinalized.selector, 0));
        rollup.finalizeBatch(0);
    }

    function test_finalizeBatch_notNext_reverts() public {
        (uint64[] memory ids,) = _postN(3);
        vm.warp(T0 + CW);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotNextToFinalize.selector, ids[2], 1));
        rollup.finalizeBatch(ids[2]);
    }

    function test_finalizeBatch_notFinalizable_reverts() public {
        _useVerifier();
        (uint64 id,) = _post(bytes32("r1"));
        vm.warp(T0 + CW - 1);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotFinalizable.selector, id));
        rollup.finalizeBatch(id);
        _challenge(id);
        vm.warp(T0 + 10 * CW);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotFinalizable.selector, id));
        rollup.finalizeBatch(id); // challenged batches never finalize optimistically
    }

    function testFuzz_finalizeBatch_aroundWindowEnd(uint64 dt) public {
        dt = uint64(bound(dt, 0, 2 * CW));
        vm.warp(T0 + 7);
        (uint64 id,) = _post(bytes32("r1"));
        vm.warp(T0 + 7 + dt);
        if (dt < CW) {
            vm.expectRevert(abi.encodeWithSelector(IRollup.NotFinalizable.selector, id));
            rollup.finalizeBatch(id);
        } else {
            rollup.finalizeBatch(id);
            assertTrue(rollup.isFinalized(id));
        }
    }

    // ------------------------------------------------------------------ escape hatch
    function _hatchProof(bytes32 newRoot, bytes memory data, bytes32 wRoot)
        internal
        returns (bytes memory proof)
    {
        IRollup.Batch memory tip = rollup.getBatch(rollup.tipId());
        IRollup.Batch memory b;
        b.stateRoot = newRoot;
        b.dataHash = keccak256(data);
        b.withdrawalRoot = wRoot;
        b.msgStart = tip.msgEnd;
        b.msgEnd = tip.msgEnd + uint64(uint32(bytes4(BatchBuilderView.slice(data, 5, 4))));
        proof = abi.encodePacked("hatch", newRoot);
        verifier.accept(_inputsFor(b, tip.stateRoot), data, proof);
    }

    function test_escapeHatchOpen_succeeds() public {
        assertFalse(rollup.escapeHatchOpen());
        vm.warp(T0 + ESCAPE - 1);
        assertFalse(rollup.escapeHatchOpen());
        vm.warp(T0 + ESCAPE);
        assertTrue(rollup.escapeHatchOpen(), "nothing posted for escapeDelay");
        _post(bytes32("r1"));
        assertFalse(rollup.escapeHatchOpen(), "a post closes it");

        _deposit(1);
        vm.warp(T0 + ESCAPE + FORCED - 1);
        assertFalse(rollup.escapeHatchOpen());
        vm.warp(T0 + ESCAPE + FORCED);
        assertTrue(rollup.escapeHatchOpen(), "overdue message");
        _submit(bytes32("r2"), _dataTo(1, new bytes[](0)));
        assertFalse(rollup.escapeHatchOpen(), "consumed");
    }

    function test_submitBatchWithProof_closed_reverts() public {
        _useVerifier();
        bytes memory data = _emptyData();
        bytes memory proof = _hatchProof(bytes32("r1"), data, 0);
        vm.warp(T0 + ESCAPE - 1);
        vm.expectRevert(IRollup.EscapeHatchClosed.selector);
        rollup.submitBatchWithProof(0, GENESIS, bytes32("r1"), data, proof);
    }

    function test_submitBatchWithProof_afterEscapeDelay_succeeds() public {
        _useVerifier();
        bytes memory data = _emptyData();
        bytes memory proof = _hatchProof(bytes32("r1"), data, 0);
        vm.warp(T0 + ESCAPE);
        set.setLeader(address(0)); // no sequencer at all

        vm.expectEmit(address(rollup));
        emit IRollup.BatchSubmitted(1, 0, alice, 1, GENESIS, bytes32("r1"), keccak256(data), bytes32(0), 0, 0);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchProven(1, alice, 0);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchFinalized(1, 1, bytes32("r1"), true);
        vm.prank(alice);
        uint64 id = rollup.submitBatchWithProof(0, GENESIS, bytes32("r1"), data, proof);

        assertEq(_status(id), FINALIZED, "proven, parent final: final at once");
        assertEq(rollup.getBatch(id).operator, alice);
        assertEq(rollup.lastSubmittedAt(), T0 + ESCAPE);
        assertEq(set.notifyCount(), 0, "not an operator post");
        assertEq(rollup.credits(alice), 0, "no bounty for the hatch");
        assertFalse(rollup.escapeHatchOpen());
    }

    /// Property: the escape hatch cannot keep a returning sequencer from posting. Every batch,
    /// an escape batch too, closes the hatch for `escapeDelay`, so an attacker holding a chain of
    /// pre-proven escape batches can front-run the leader's `submitBatch` (`WrongParent`) at most
    /// once: its second escape batch reverts and the leader posts on the new tip. (Were the hatch
    /// to stay open after escape batches, each of the leader's attempts could be front-run until
    /// the leader is reported for liveness and slashed.)
    function test_submitBatchWithProof_secondEscapeBatchBeforeTheLeader_reverts() public {
        _useVerifier();
        vm.warp(T0 + ESCAPE);
        bytes memory data = _emptyData();
        bytes memory proof = _hatchProof(bytes32("r1"), data, 0);
        vm.prank(alice);
        uint64 first = rollup.submitBatchWithProof(0, GENESIS, bytes32("r1"), data, proof);

        vm.warp(T0 + ESCAPE + 1);
        bytes memory next = _hatchProof(bytes32("r2"), data, 0);
        vm.prank(alice);
        vm.expectRevert(IRollup.EscapeHatchClosed.selector);
        rollup.submitBatchWithProof(first, bytes32("r1"), bytes32("r2"), data, next);

        (uint64 posted,) = _post(bytes32("r2"));
        assertEq(rollup.getBatch(posted).parentId, first, "the leader posts on the escape batch");
    }

    function test_submitBatchWithProof_overdueQueue_succeeds() public {
        _useVerifier();
        _post(bytes32("r1"));
        (uint64 parent,) = _post(bytes32("r2"));
        _deposit(9);
        vm.warp(T0 + FORCED);
        assertTrue(rollup.escapeHatchOpen());
        // The hatch batch must consume the overdue message too.
        bytes memory empty = _emptyData();
        bytes memory proof = _hatchProof(bytes32("r3"), empty, 0);
        vm.expectRevert(abi.encodeWithSelector(IRollup.OverdueMessagesNotConsumed.selector, 0));
        rollup.submitBatchWithProof(parent, bytes32("r2"), bytes32("r3"), empty, proof);

        bytes memory data = _dataTo(1, new bytes[](0));
        proof = _hatchProof(bytes32("r3"), data, 0);
        vm.prank(alice);
        uint64 id = rollup.submitBatchWithProof(parent, bytes32("r2"), bytes32("r3"), data, proof);
        assertEq(_status(id), PROVEN, "parent not final yet");
        assertEq(rollup.getBatch(id).msgEnd, 1);
        vm.warp(T0 + FORCED + CW);
        rollup.finalizeBatch(1);
        rollup.finalizeBatch(parent);
        rollup.finalizeBatch(id);
        assertTrue(rollup.isFinalized(id));
    }

    function test_submitBatchWithProof_whilePaused_succeeds() public {
        _useVerifier();
        vm.warp(T0 + ESCAPE);
        vm.prank(guardian);
        rollup.pause(MAX_PAUSE);
        bytes memory data = _emptyData();
        bytes memory proof = _hatchProof(bytes32("r1"), data, 0);
        uint64 id = rollup.submitBatchWithProof(0, GENESIS, bytes32("r1"), data, proof);
        assertEq(_status(id), FINALIZED);
    }

    function test_submitBatchWithProof_verifierNotSet_reverts() public {
        vm.warp(T0 + ESCAPE);
        bytes memory data = _emptyData();
        vm.expectRevert(IRollup.VerifierNotSet.selector);
        rollup.submitBatchWithProof(0, GENESIS, bytes32("r1"), data, hex"01");
    }

    function test_submitBatchWithProof_invalidProof_reverts() public {
        _useVerifier();
        vm.warp(T0 + ESCAPE);
        bytes memory data = _emptyData();
        bytes memory proof = _hatchProof(bytes32("r1"), data, 0);
        vm.expectRevert(abi.encodeWithSelector(IRollup.InvalidProof.selector, 1));
        rollup.submitBatchWithProof(0, GENESIS, bytes32("r-other"), data, proof);
        assertEq(rollup.tipId(), 0, "nothing stored");
    }

    function test_submitBatchWithProof_chainChecks_reverts() public {
        _useVerifier();
        _post(bytes32("r1"));
        vm.warp(T0 + ESCAPE);
        bytes memory data = _emptyData();
        vm.expectRevert(abi.encodeWithSelector(IRollup.WrongParent.selector, 0, 1));
        rollup.submitBatchWithProof(0, GENESIS, bytes32("r2"), data, "");
        vm.expectRevert(abi.encodeWithSelector(IRollup.WrongPrevStateRoot.selector, GENESIS, bytes32("r1")));
        rollup.submitBatchWithProof(1, GENESIS, bytes32("r2"), data, "");
    }
}

/// @dev Memory slicing for reading a header field of test-built data.
library BatchBuilderView {
    function slice(bytes memory b, uint256 start, uint256 len) internal pure returns (bytes memory out) {
        out = new bytes(len);
        for (uint256 i; i < len; ++i) {
            out[i] = b[start + i];
        }
    }
}
