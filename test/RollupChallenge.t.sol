// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {RollupFixture} from "./Rollup.t.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";
import {IBatchVerifier} from "../contracts/interfaces/IBatchVerifier.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {RollupStakingDouble} from "./mocks/RollupTestDoubles.sol";
import {BatchBuilder} from "./utils/BatchBuilder.sol";

/// @notice Challenges, proofs and challenge resolution: early proof, challenge won by proof, challenge
///         won by timeout (descendants reverted), many concurrent challenges, timing fuzz.
contract RollupChallengeTest is RollupFixture {
    uint8 internal constant PENDING = uint8(IRollup.BatchStatus.Pending);
    uint8 internal constant CHALLENGED = uint8(IRollup.BatchStatus.Challenged);
    uint8 internal constant PROVEN = uint8(IRollup.BatchStatus.Proven);
    uint8 internal constant FINALIZED = uint8(IRollup.BatchStatus.Finalized);
    uint8 internal constant REVERTED = uint8(IRollup.BatchStatus.Reverted);

    /// @dev Challenges need a verifier (without one nobody could answer them).
    function setUp() public override {
        super.setUp();
        _useVerifier();
    }

    // ------------------------------------------------------------------ challenge
    function test_challenge_succeeds() public {
        (uint64 id,) = _post(bytes32("r1"));
        (uint64 id2,) = _post(bytes32("r2"));
        vm.warp(T0 + CW - 1);
        vm.deal(challenger, BOND);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchChallenged(id, challenger, BOND, uint40(T0 + CW - 1 + PW));
        vm.prank(challenger);
        rollup.challenge{value: BOND}(id);

        assertEq(_status(id), CHALLENGED);
        assertEq(_status(id2), PENDING, "descendant untouched");
        IRollup.Challenge memory c = rollup.getChallenge(id);
        assertEq(c.challenger, challenger);
        assertEq(c.bond, BOND);
        assertEq(c.deadline, T0 + CW - 1 + PW);
        assertEq(address(rollup).balance, BOND);
    }

    function test_challenge_unknownBatch_reverts() public {
        vm.deal(challenger, BOND);
        vm.prank(challenger);
        vm.expectRevert(abi.encodeWithSelector(IRollup.UnknownBatch.selector, 1));
        rollup.challenge{value: BOND}(1);
    }

    function test_challenge_notCanonical_reverts() public {
        (uint64[] memory ids,) = _postN(2);
        _challenge(ids[0]);
        vm.warp(T0 + PW);
        rollup.resolveChallenge(ids[0]);
        vm.deal(challenger, BOND);
        vm.prank(challenger);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotCanonical.selector, ids[1]));
        rollup.challenge{value: BOND}(ids[1]);
    }

    function test_challenge_wrongStatus_reverts() public {
        _useVerifier();
        (uint64 id,) = _post(bytes32("r1"));
        (uint64 id2, bytes memory data2) = _post(bytes32("r2"));
        _challenge(id);
        vm.deal(challenger, 3 * uint256(BOND));
        vm.startPrank(challenger);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, id, IRollup.BatchStatus.Challenged)
        );
        rollup.challenge{value: BOND}(id); // one challenge per batch
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, 0, IRollup.BatchStatus.Finalized)
        );
        rollup.challenge{value: BOND}(0);
        vm.stopPrank();

        bytes memory proof = _accept(id2, data2);
        rollup.proveBatch(id2, data2, proof);
        vm.prank(challenger);
        vm.expectRevert(abi.encodeWithSelector(IRollup.WrongStatus.selector, id2, IRollup.BatchStatus.Proven));
        rollup.challenge{value: BOND}(id2);
    }

    function test_challenge_windowClosed_reverts() public {
        (uint64 id,) = _post(bytes32("r1"));
        vm.warp(T0 + CW);
        vm.deal(challenger, BOND);
        vm.prank(challenger);
        vm.expectRevert(abi.encodeWithSelector(IRollup.ChallengeWindowClosed.selector, id));
        rollup.challenge{value: BOND}(id);
    }

    function test_challenge_wrongBond_reverts() public {
        (uint64 id,) = _post(bytes32("r1"));
        vm.deal(challenger, 3 ether);
        vm.startPrank(challenger);
        vm.expectRevert(abi.encodeWithSelector(IRollup.WrongBond.selector, BOND - 1, BOND));
        rollup.challenge{value: BOND - 1}(id);
        vm.expectRevert(abi.encodeWithSelector(IRollup.WrongBond.selector, BOND + 1, BOND));
        rollup.challenge{value: BOND + 1}(id);
        vm.expectRevert(abi.encodeWithSelector(IRollup.WrongBond.selector, 0, BOND));
        rollup.challenge(id);
        vm.stopPrank();
    }

    function testFuzz_challenge_aroundWindowEnd(uint64 dt) public {
        dt = uint64(bound(dt, 0, 2 * CW));
        (uint64 id,) = _post(bytes32("r1"));
        vm.warp(T0 + dt);
        vm.deal(challenger, BOND);
        vm.prank(challenger);
        if (dt < CW) {
            rollup.challenge{value: BOND}(id);
            assertEq(_status(id), CHALLENGED);
            assertEq(rollup.getChallenge(id).deadline, T0 + dt + PW);
        } else {
            vm.expectRevert(abi.encodeWithSelector(IRollup.ChallengeWindowClosed.selector, id));
            rollup.challenge{value: BOND}(id);
        }
    }

    // ------------------------------------------------------------------ proveBatch
    function test_proveBatch_unchallenged_paysBountyAndFinalizes_succeeds() public {
        _useVerifier();
        rollup.fundBounty{value: 1 ether}();
        (uint64 id, bytes memory data) = _post(bytes32("r1"));
        bytes memory proof = _accept(id, data);

        vm.expectEmit(address(rollup));
        emit IRollup.Credited(prover, BOUNTY);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchProven(id, prover, BOUNTY);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchFinalized(id, 1, bytes32("r1"), true);
        vm.prank(prover);
        rollup.proveBatch(id, data, proof);

        assertEq(_status(id), FINALIZED, "final at once, inside the challenge window");
        assertTrue(rollup.isFinalized(id));
        assertEq(rollup.lastFinalizedHeight(), 1);
        assertEq(rollup.lastFinalizedId(), id);
        assertEq(rollup.credits(prover), BOUNTY);
        assertEq(rollup.bountyPool(), 1 ether - BOUNTY);
    }

    function test_proveBatch_bountyLimitedByPool_succeeds() public {
        _useVerifier();
        rollup.fundBounty{value: BOUNTY / 2}();
        (uint64[] memory ids, bytes[] memory datas) = _postN(2);
        bytes memory proof = _accept(ids[0], datas[0]);
        vm.prank(prover);
        rollup.proveBatch(ids[0], datas[0], proof);
        assertEq(rollup.credits(prover), BOUNTY / 2, "what the pool holds");
        assertEq(rollup.bountyPool(), 0);

        proof = _accept(ids[1], datas[1]);
        vm.recordLogs();
        vm.prank(prover);
        rollup.proveBatch(ids[1], datas[1], proof);
        assertEq(vm.getRecordedLogs().length, 2, "BatchProven + BatchFinalized, no Credited");
        assertEq(rollup.credits(prover), BOUNTY / 2, "empty pool pays nothing");
        assertEq(_status(ids[1]), FINALIZED);
    }

    /// @dev Proven but not final (its parent is pending): no bounty, since the parent may still be
    ///      reverted; it finalizes (as proven) right after its parent.
    function test_proveBatch_parentNotFinal_staysProvenNoBounty_succeeds() public {
        _useVerifier();
        rollup.fundBounty{value: 1 ether}();
        (uint64[] memory ids, bytes[] memory datas) = _postN(2);
        bytes memory proof = _accept(ids[1], datas[1]);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchProven(ids[1], prover, 0);
        vm.prank(prover);
        rollup.proveBatch(ids[1], datas[1], proof);
        assertEq(_status(ids[1]), PROVEN);
        assertEq(rollup.lastFinalizedHeight(), 0);
        assertEq(rollup.credits(prover), 0, "no bounty on a non-final parent");
        assertEq(rollup.bountyPool(), 1 ether);

        vm.expectRevert(abi.encodeWithSelector(IRollup.NotNextToFinalize.selector, ids[1], 1));
        rollup.finalizeBatch(ids[1]);
        vm.warp(T0 + CW);
        rollup.finalizeBatch(ids[0]);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchFinalized(ids[1], 2, rollup.getBatch(ids[1]).stateRoot, true);
        rollup.finalizeBatch(ids[1]);
        assertEq(rollup.lastFinalizedId(), ids[1]);
    }

    function test_proveBatch_challenged_proverTakesBond_succeeds() public {
        _useVerifier();
        rollup.fundBounty{value: 1 ether}();
        (uint64 id, bytes memory data) = _post(bytes32("r1"));
        _challenge(id);
        bytes memory proof = _accept(id, data);

        vm.expectEmit(address(rollup));
        emit IRollup.ChallengeResolved(id, prover, BOND);
        vm.expectEmit(address(rollup));
        emit IRollup.Credited(prover, BOND);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchProven(id, prover, BOND);
        vm.prank(prover);
        rollup.proveBatch(id, data, proof);

        assertEq(_status(id), FINALIZED);
        assertEq(rollup.credits(prover), BOND, "the bond, not the bounty");
        assertEq(rollup.bountyPool(), 1 ether, "bounty untouched");
        assertEq(rollup.credits(challenger), 0);
        assertEq(rollup.getChallenge(id).challenger, address(0), "challenge closed");
        assertEq(staking.slashCount(), 0);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, id, IRollup.BatchStatus.Finalized)
        );
        rollup.resolveChallenge(id);
    }

    /// @dev Public inputs (chains, withdrawal root) built independently from the mirror are the ones
    ///      the rollup passes to the verifier.
    function test_proveBatch_messagesAndWithdrawals_publicInputs_succeeds() public {
        _useVerifier();
        _deposit(3);
        _deposit(4);
        (uint64 first,) = _post(bytes32("r1")); // consumes nothing
        bytes[] memory txs = new bytes[](1);
        BatchBuilder.Withdrawal memory w = BatchBuilder.Withdrawal(alice, 0, 2);
        txs[0] = BatchBuilder.withdrawTx(1, w, 0, 0);
        bytes memory data = _dataTo(2, txs);
        uint64 id = _submit(bytes32("r2"), data);

        bytes32[] memory leaves = new bytes32[](1);
        leaves[0] = BatchBuilder.leaf(w);
        IBatchVerifier.PublicInputs memory pi = IBatchVerifier.PublicInputs({
            prevStateRoot: bytes32("r1"),
            newStateRoot: bytes32("r2"),
            messageChainBefore: bytes32(0),
            messageChainAfter: BatchBuilder.chain(BatchBuilder.chain(bytes32(0), records[0]), records[1]),
            withdrawalRoot: leaves[0],
            dataHash: keccak256(data)
        });
        verifier.accept(pi, data, hex"c0ffee");
        vm.prank(prover);
        rollup.proveBatch(id, data, hex"c0ffee");
        assertEq(_status(id), PROVEN);
        vm.warp(T0 + CW);
        rollup.finalizeBatch(first);
        rollup.finalizeBatch(id);
        (bytes32 root, uint32 count) = rollup.finalizedWithdrawals(id);
        assertEq(root, leaves[0]);
        assertEq(count, 1);
    }

    function test_proveBatch_unknownOrNotCanonical_reverts() public {
        _useVerifier();
        (uint64[] memory ids, bytes[] memory datas) = _postN(2);
        vm.expectRevert(abi.encodeWithSelector(IRollup.UnknownBatch.selector, 3));
        rollup.proveBatch(3, datas[0], "");
        _challenge(ids[0]);
        vm.warp(T0 + PW);
        rollup.resolveChallenge(ids[0]);
        bytes memory proof = _accept(ids[1], datas[1]);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotCanonical.selector, ids[1]));
        rollup.proveBatch(ids[1], datas[1], proof);
    }

    function test_proveBatch_wrongStatus_reverts() public {
        _useVerifier();
        (uint64[] memory ids, bytes[] memory datas) = _postN(2);
        bytes memory proof = _accept(ids[1], datas[1]);
        rollup.proveBatch(ids[1], datas[1], proof);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, ids[1], IRollup.BatchStatus.Proven)
        );
        rollup.proveBatch(ids[1], datas[1], proof);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, 0, IRollup.BatchStatus.Finalized)
        );
        rollup.proveBatch(0, "", "");
    }

    function test_proveBatch_proveWindowClosed_reverts() public {
        _useVerifier();
        (uint64 id, bytes memory data) = _post(bytes32("r1"));
        _challenge(id);
        bytes memory proof = _accept(id, data);
        vm.warp(T0 + PW);
        vm.expectRevert(abi.encodeWithSelector(IRollup.ProveWindowClosed.selector, id, uint40(T0 + PW)));
        rollup.proveBatch(id, data, proof);
    }

    function test_proveBatch_verifierNotSet_reverts() public {
        vm.prank(owner);
        rollup.setVerifier(address(0));
        (uint64 id, bytes memory data) = _post(bytes32("r1"));
        bytes memory proof = _accept(id, data);
        vm.expectRevert(IRollup.VerifierNotSet.selector);
        rollup.proveBatch(id, data, proof);
    }

    function test_proveBatch_dataHashMismatch_reverts() public {
        _useVerifier();
        (uint64 id, bytes memory data) = _post(bytes32("r1"));
        bytes memory other = abi.encodePacked(data, uint8(0));
        bytes memory proof = _accept(id, data);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.DataHashMismatch.selector, keccak256(other), keccak256(data))
        );
        rollup.proveBatch(id, other, proof);
    }

    function test_proveBatch_invalidProof_reverts() public {
        _useVerifier();
        (uint64 id, bytes memory data) = _post(bytes32("r1"));
        bytes memory proof = _accept(id, data);
        vm.expectRevert(abi.encodeWithSelector(IRollup.InvalidProof.selector, id));
        rollup.proveBatch(id, data, abi.encodePacked(proof, uint8(1)));

        // A proof for different public inputs (another previous root) is rejected too.
        IBatchVerifier.PublicInputs memory pi = _inputs(id);
        pi.prevStateRoot = bytes32("forged");
        verifier.accept(pi, data, proof);
        vm.expectRevert(abi.encodeWithSelector(IRollup.InvalidProof.selector, id));
        rollup.proveBatch(id, data, proof);
    }

    function testFuzz_proveBatch_aroundDeadline(uint64 challengeAt, uint64 proveAfter) public {
        _useVerifier();
        challengeAt = uint64(bound(challengeAt, 0, CW - 1));
        proveAfter = uint64(bound(proveAfter, 0, 2 * PW));
        (uint64 id, bytes memory data) = _post(bytes32("r1"));
        vm.warp(T0 + challengeAt);
        _challenge(id);
        bytes memory proof = _accept(id, data);
        vm.warp(T0 + challengeAt + proveAfter);
        vm.prank(prover);
        if (proveAfter < PW) {
            rollup.proveBatch(id, data, proof);
            assertEq(_status(id), FINALIZED);
            assertEq(rollup.credits(prover), BOND);
        } else {
            vm.expectRevert(
                abi.encodeWithSelector(IRollup.ProveWindowClosed.selector, id, uint40(T0 + challengeAt + PW))
            );
            rollup.proveBatch(id, data, proof);
            rollup.resolveChallenge(id);
            assertEq(_status(id), REVERTED);
            assertEq(rollup.credits(challenger), BOND);
        }
    }

    // ------------------------------------------------------------------ resolveChallenge
    function test_resolveChallenge_timeout_revertsDescendants_succeeds() public {
        (uint64[] memory ids,) = _postN(4); // heights 1..4
        uint64 bad = ids[1];
        _challenge(bad);
        _challenge(ids[3]); // a descendant's independent challenge
        assertEq(address(rollup).balance, 2 * uint256(BOND));

        vm.warp(T0 + PW);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchesReverted(bad, 2, 4);
        vm.expectEmit(address(rollup));
        emit IRollup.Credited(challenger, BOND);
        vm.expectEmit(address(rollup));
        emit IRollup.ChallengeResolved(bad, challenger, BOND);
        vm.prank(alice); // anyone resolves
        rollup.resolveChallenge(bad);

        assertEq(rollup.tipId(), ids[0], "tip back on the parent");
        assertEq(rollup.tipHeight(), 1);
        assertTrue(rollup.isCanonical(ids[0]));
        for (uint256 i = 1; i < 4; ++i) {
            assertFalse(rollup.isCanonical(ids[i]));
            assertEq(_status(ids[i]), REVERTED);
        }
        assertEq(rollup.idAtHeight(2), 0, "above the tip");
        assertEq(rollup.credits(challenger), BOND, "bond back");
        assertEq(rollup.getChallenge(bad).challenger, address(0));
        assertEq(staking.slashCount(), 1);
        RollupStakingDouble.SlashCall memory s = staking.slashAt(0);
        assertEq(s.operator, opA, "the posting operator, not its signer");
        assertEq(uint8(s.kind), uint8(IStaking.SlashKind.InvalidRoot));
        assertEq(s.reporter, challenger);

        // The descendant's challenge is refunded, without slashing again.
        rollup.resolveChallenge(ids[3]);
        assertEq(rollup.credits(challenger), 2 * uint256(BOND));
        assertEq(staking.slashCount(), 1);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, ids[3], IRollup.BatchStatus.Reverted)
        );
        rollup.resolveChallenge(ids[3]);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, bad, IRollup.BatchStatus.Reverted)
        );
        rollup.resolveChallenge(bad);

        // A new batch continues from the parent, at the reverted height, with a fresh id.
        (uint64 next,) = _post(bytes32("good-2"));
        assertEq(next, 5);
        assertEq(rollup.getBatch(next).parentId, ids[0]);
        assertEq(rollup.getBatch(next).height, 2);
        assertEq(rollup.idAtHeight(2), next);
        assertTrue(rollup.isCanonical(next));
        assertFalse(rollup.isCanonical(bad), "never canonical again");
        (uint64 next2,) = _post(bytes32("good-3"));
        assertEq(rollup.getBatch(next2).height, 3);
        assertFalse(rollup.isCanonical(ids[2]));

        // The chain finalizes without the reverted batches.
        vm.warp(T0 + PW + CW);
        rollup.finalizeBatch(ids[0]);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotCanonical.selector, bad));
        rollup.finalizeBatch(bad);
        rollup.finalizeBatch(next);
        assertEq(rollup.lastFinalizedId(), next);

        vm.prank(challenger);
        rollup.claim();
        assertEq(challenger.balance, 2 * uint256(BOND));
        assertEq(address(rollup).balance, 0);
    }

    function test_resolveChallenge_descendantRefundedAtOnce_succeeds() public {
        (uint64[] memory ids,) = _postN(2);
        _challenge(ids[0]);
        vm.warp(T0 + CW - 1);
        _challenge(ids[1]); // deadline T0 + CW - 1 + PW, after the first one's
        vm.warp(T0 + PW);
        rollup.resolveChallenge(ids[0]);
        // The descendant is dead: its challenger need not wait for its own deadline.
        vm.expectEmit(address(rollup));
        emit IRollup.ChallengeResolved(ids[1], challenger, BOND);
        rollup.resolveChallenge(ids[1]);
        assertEq(rollup.credits(challenger), 2 * uint256(BOND));
        assertEq(staking.slashCount(), 1);
    }

    function test_resolveChallenge_proveWindowOpen_reverts() public {
        (uint64 id,) = _post(bytes32("r1"));
        _challenge(id);
        vm.warp(T0 + PW - 1);
        vm.expectRevert(abi.encodeWithSelector(IRollup.ProveWindowOpen.selector, id, uint40(T0 + PW)));
        rollup.resolveChallenge(id);
    }

    function test_resolveChallenge_unknownBatch_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IRollup.UnknownBatch.selector, 1));
        rollup.resolveChallenge(1);
    }

    function test_resolveChallenge_wrongStatus_reverts() public {
        _useVerifier();
        (uint64[] memory ids, bytes[] memory datas) = _postN(2);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, ids[0], IRollup.BatchStatus.Pending)
        );
        rollup.resolveChallenge(ids[0]);
        bytes memory proof = _accept(ids[1], datas[1]);
        rollup.proveBatch(ids[1], datas[1], proof);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, ids[1], IRollup.BatchStatus.Proven)
        );
        rollup.resolveChallenge(ids[1]);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, 0, IRollup.BatchStatus.Finalized)
        );
        rollup.resolveChallenge(0);
    }

    function test_resolveChallenge_slashReverts_stillReverts_succeeds() public {
        staking.setSlashBehaviour(true, false);
        (uint64 id,) = _post(bytes32("r1"));
        _challenge(id);
        vm.warp(T0 + PW);
        vm.expectEmit(address(rollup));
        emit IRollup.SlashFailed(id, opA);
        rollup.resolveChallenge(id);
        assertEq(_status(id), REVERTED);
        assertEq(rollup.tipId(), 0);
        assertEq(rollup.credits(challenger), BOND);
    }

    function test_resolveChallenge_slashStarvedOfGas_reverts() public {
        staking.setSlashBehaviour(false, true); // the slash uses all the gas it is given
        (uint64 id,) = _post(bytes32("r1"));
        _challenge(id);
        vm.warp(T0 + PW);
        vm.expectRevert(IRollup.InsufficientGas.selector);
        rollup.resolveChallenge{gas: 300_000}(id);
        assertEq(_status(id), CHALLENGED, "nothing changed");
    }

    function testFuzz_resolveChallenge_aroundDeadline(uint64 dt) public {
        dt = uint64(bound(dt, 0, 2 * PW));
        (uint64 id,) = _post(bytes32("r1"));
        _challenge(id);
        vm.warp(T0 + dt);
        if (dt < PW) {
            vm.expectRevert(abi.encodeWithSelector(IRollup.ProveWindowOpen.selector, id, uint40(T0 + PW)));
            rollup.resolveChallenge(id);
        } else {
            rollup.resolveChallenge(id);
            assertEq(_status(id), REVERTED);
            assertEq(staking.slashCount(), 1);
        }
    }

    /// @dev Five batches, four challenged at once: two answered by proofs, one times out (reverting
    ///      itself and a proven descendant), one on a descendant is refunded.
    function test_manyConcurrentChallenges_succeeds() public {
        _useVerifier();
        (uint64[] memory ids, bytes[] memory datas) = _postN(5);
        _challenge(ids[0]);
        _challenge(ids[1]);
        _challenge(ids[2]);
        _challenge(ids[4]);
        for (uint256 i; i < 5; ++i) {
            assertEq(_status(ids[i]), i == 3 ? PENDING : CHALLENGED);
        }

        bytes memory proof = _accept(ids[0], datas[0]);
        vm.prank(prover);
        rollup.proveBatch(ids[0], datas[0], proof);
        proof = _accept(ids[3], datas[3]); // unchallenged descendant proven early
        vm.prank(prover);
        rollup.proveBatch(ids[3], datas[3], proof);
        proof = _accept(ids[1], datas[1]);
        vm.prank(prover);
        rollup.proveBatch(ids[1], datas[1], proof);
        assertEq(_status(ids[0]), FINALIZED);
        assertEq(_status(ids[1]), FINALIZED);
        assertEq(_status(ids[3]), PROVEN);
        assertEq(rollup.credits(prover), 2 * uint256(BOND));

        vm.warp(T0 + PW);
        rollup.resolveChallenge(ids[2]);
        assertEq(rollup.tipId(), ids[1]);
        assertEq(_status(ids[3]), REVERTED, "a proven descendant of a reverted batch is reverted");
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotCanonical.selector, ids[3]));
        rollup.finalizeBatch(ids[3]);
        rollup.resolveChallenge(ids[4]);
        assertEq(rollup.credits(challenger), 2 * uint256(BOND));
        assertEq(staking.slashCount(), 1);
        assertEq(address(rollup).balance, 4 * uint256(BOND));
    }
}
