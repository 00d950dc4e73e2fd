// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Vm} from "forge-std/Vm.sol";
import {stdStorage, StdStorage} from "forge-std/StdStorage.sol";
import {RollupFixture} from "./Rollup.t.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";
import {IBatchVerifier} from "../contracts/interfaces/IBatchVerifier.sol";
import {AcceptingVerifierDouble} from "./mocks/RollupTestDoubles.sol";
import {BatchBuilder} from "./utils/BatchBuilder.sol";

/// @notice `proveBatches`: one proof for a run of consecutive canonical batches. Every revert path,
///         the properties of the Rollup's @dev (docs/protocol.md, "Range proofs"): canonical batches
///         only, monotone statuses, no freeze by front-running, each bond and bounty paid at most once,
///         finalization in height order within the range; and a fuzz over the range, the batches'
///         statuses before the call and the time.
contract RollupRangeTest is RollupFixture {
    using stdStorage for StdStorage;

    uint8 internal constant PENDING = uint8(IRollup.BatchStatus.Pending);
    uint8 internal constant CHALLENGED = uint8(IRollup.BatchStatus.Challenged);
    uint8 internal constant PROVEN = uint8(IRollup.BatchStatus.Proven);
    uint8 internal constant FINALIZED = uint8(IRollup.BatchStatus.Finalized);
    uint8 internal constant REVERTED = uint8(IRollup.BatchStatus.Reverted);

    address internal other = makeAddr("otherProver");
    mapping(uint64 id => bytes) internal dataOf;

    function setUp() public override {
        super.setUp();
        _useVerifier();
        rollup.fundBounty{value: 1 ether}();
    }

    // ------------------------------------------------------------------ helpers
    /// @dev Posts `n` batches with distinct data (the fee account is the height).
    function _postDistinct(uint256 n) internal returns (uint64[] memory ids) {
        ids = new uint64[](n);
        for (uint256 i; i < n; ++i) {
            uint64 h = rollup.tipHeight() + 1;
            bytes memory data = BatchBuilder.data(uint32(100 + h), new bytes[](0), new bytes[](0));
            ids[i] = _submit(keccak256(abi.encode("range root", h, rollup.tipId())), data);
            dataOf[ids[i]] = data;
        }
    }

    /// @dev The canonical range of `k` batches from `firstId` (roots, data, parent root).
    function _range(uint64 firstId, uint256 k)
        internal
        view
        returns (bytes32 prev, bytes32[] memory roots, bytes[] memory data)
    {
        IRollup.Batch memory f = rollup.getBatch(firstId);
        prev = rollup.getBatch(f.parentId).stateRoot;
        roots = new bytes32[](k);
        data = new bytes[](k);
        for (uint256 i; i < k; ++i) {
            uint64 id = rollup.idAtHeight(f.height + uint64(i));
            roots[i] = rollup.getBatch(id).stateRoot;
            data[i] = dataOf[id];
        }
    }

    /// @dev Makes the verifier accept a proof from `who` for the range and returns it with the data.
    function _acceptRange(uint64 firstId, uint256 k, address who)
        internal
        returns (bytes[] memory data, bytes memory proof)
    {
        bytes32 prev;
        bytes32[] memory roots;
        (prev, roots, data) = _range(firstId, k);
        proof = abi.encodePacked("range proof", firstId, k, who);
        verifier.acceptRange(prev, roots, data, who, proof);
    }

    /// @dev `other` proves batch `id` alone with `proveBatch`.
    function _proveAlone(uint64 id) internal {
        bytes memory proof = _accept(id, dataOf[id]);
        vm.prank(other);
        rollup.proveBatch(id, dataOf[id], proof);
    }

    function _prove(uint64 firstId, bytes[] memory data, bytes memory proof) internal {
        vm.prank(prover);
        rollup.proveBatches(firstId, data, proof);
    }

    function _countLogs(Vm.Log[] memory logs, bytes32 topic) internal pure returns (uint256 n) {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == topic) ++n;
        }
    }

    // ------------------------------------------------------------------ happy paths
    function test_proveBatches_allPending_finalizesAndPaysEachBounty_succeeds() public {
        uint64[] memory ids = _postDistinct(4);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 4, prover);
        uint256 pool = rollup.bountyPool();

        for (uint256 i; i < 4; ++i) {
            vm.expectEmit(address(rollup));
            emit IRollup.Credited(prover, BOUNTY);
            vm.expectEmit(address(rollup));
            emit IRollup.BatchProven(ids[i], prover, BOUNTY);
            vm.expectEmit(address(rollup));
            emit IRollup.BatchFinalized(ids[i], uint64(i + 1), rollup.getBatch(ids[i]).stateRoot, true);
        }
        vm.expectEmit(address(rollup));
        emit IRollup.RangeProven(ids[0], ids[3], prover);
        _prove(ids[0], data, proof);

        for (uint256 i; i < 4; ++i) {
            assertEq(_status(ids[i]), FINALIZED);
        }
        assertEq(rollup.lastFinalizedHeight(), 4);
        assertEq(rollup.lastFinalizedId(), ids[3]);
        assertEq(rollup.credits(prover), 4 * uint256(BOUNTY));
        assertEq(rollup.bountyPool(), pool - 4 * uint256(BOUNTY));
    }

    function test_proveBatches_singleBatch_sameAsProveBatch_succeeds() public {
        uint64[] memory ids = _postDistinct(1);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 1, prover);
        _prove(ids[0], data, proof);
        assertEq(_status(ids[0]), FINALIZED);
        assertEq(rollup.credits(prover), BOUNTY);
    }

    function test_proveBatches_challengedBeforeDeadline_bondToProver_succeeds() public {
        uint64[] memory ids = _postDistinct(3);
        _challenge(ids[1]);
        vm.warp(T0 + PW - 1);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 3, prover);

        vm.expectEmit(address(rollup));
        emit IRollup.ChallengeResolved(ids[1], prover, BOND);
        vm.expectEmit(address(rollup));
        emit IRollup.Credited(prover, BOND);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchProven(ids[1], prover, BOND);
        _prove(ids[0], data, proof);

        assertEq(rollup.getChallenge(ids[1]).challenger, address(0), "challenge deleted");
        // Bounty for the two unchallenged batches, the bond for the challenged one (no bounty).
        assertEq(rollup.credits(prover), BOND + 2 * uint256(BOUNTY));
        assertEq(rollup.lastFinalizedHeight(), 3);
        assertEq(staking.slashCount(), 0, "nobody slashed");
        // The bond left with the prover: a later resolution has nothing to resolve.
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, ids[1], IRollup.BatchStatus.Finalized)
        );
        rollup.resolveChallenge(ids[1]);
    }

    /// @dev Front-running does not freeze a range: batches someone proved or finalized first are left
    ///      as they are (no reward, no BatchProven), the rest is proven and finalized in order.
    function test_proveBatches_someAlreadyProvenOrFinalized_leftAsIs_succeeds() public {
        uint64[] memory ids = _postDistinct(4);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 4, prover);
        _proveAlone(ids[0]); // Finalized (bounty to `other`)
        _proveAlone(ids[2]); // Proven above a non-final parent (no bounty)
        assertEq(_status(ids[0]), FINALIZED);
        assertEq(_status(ids[2]), PROVEN);
        assertEq(rollup.credits(other), BOUNTY);

        vm.recordLogs();
        _prove(ids[0], data, proof);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        assertEq(_countLogs(logs, IRollup.BatchProven.selector), 2, "only batches whose status changed");
        assertEq(_countLogs(logs, IRollup.BatchFinalized.selector), 3, "heights 2, 3, 4");
        assertEq(_countLogs(logs, IRollup.RangeProven.selector), 1);
        assertEq(rollup.credits(prover), 2 * uint256(BOUNTY), "bounty for ids[1] and ids[3] only");
        assertEq(rollup.credits(other), BOUNTY);
        assertEq(rollup.lastFinalizedHeight(), 4);
    }

    /// @dev Proofs stacked on a non-final parent earn nothing and finalize nothing; the bounty is
    ///      never paid later for those batches (they are no longer Pending).
    function test_proveBatches_aboveNonFinalParent_noBountyNoFinalization_succeeds() public {
        uint64[] memory ids = _postDistinct(4);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[1], 3, prover);
        _prove(ids[1], data, proof);
        for (uint256 i = 1; i < 4; ++i) {
            assertEq(_status(ids[i]), PROVEN);
        }
        assertEq(rollup.credits(prover), 0);
        assertEq(rollup.lastFinalizedHeight(), 0);

        // Proving ids[0] finalizes it alone (proveBatch does not cascade); the rest by finalizeBatch.
        _proveAlone(ids[0]);
        assertEq(rollup.lastFinalizedHeight(), 1);
        for (uint256 i = 1; i < 4; ++i) {
            rollup.finalizeBatch(ids[i]);
        }
        assertEq(rollup.lastFinalizedHeight(), 4);
        assertEq(rollup.credits(prover), 0, "no bounty for the stacked proofs, ever");
    }

    /// @dev A range over a Pending head and already-Proven batches finalizes the Proven ones too,
    ///      but stops at the range's end: a Proven batch above it stays for `finalizeBatch`.
    function test_proveBatches_finalizationStopsAtRangeEnd_succeeds() public {
        uint64[] memory ids = _postDistinct(3);
        _proveAlone(ids[1]);
        _proveAlone(ids[2]);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 2, prover);
        _prove(ids[0], data, proof);
        assertEq(_status(ids[0]), FINALIZED);
        assertEq(_status(ids[1]), FINALIZED);
        assertEq(_status(ids[2]), PROVEN, "above the range: left for finalizeBatch");
        assertEq(rollup.credits(prover), BOUNTY, "bounty for the one batch that was Pending");
        rollup.finalizeBatch(ids[2]);
    }

    /// @dev After a lost challenge the tip moves back and new batches take the heights: a range from
    ///      below follows `idAtHeight` (the new batch), never the reverted one.
    function test_proveBatches_afterRevert_followsCanonicalChain_succeeds() public {
        uint64[] memory ids = _postDistinct(3);
        _challenge(ids[1]);
        vm.warp(T0 + PW);
        rollup.resolveChallenge(ids[1]);
        uint64[] memory fresh = _postDistinct(1);
        assertEq(rollup.idAtHeight(2), fresh[0]);

        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 2, prover);
        _prove(ids[0], data, proof);
        assertEq(_status(fresh[0]), FINALIZED);
        assertEq(_status(ids[1]), REVERTED);
        assertEq(_status(ids[2]), REVERTED);
    }

    // ------------------------------------------------------------------ bounty accounting
    /// @dev A pool short of bounties pays what is left, batch by batch in height order.
    function test_proveBatches_poolShort_paysWhatIsLeft_succeeds() public {
        uint64[] memory ids = _postDistinct(3);
        uint256 keep = 3 * uint256(BOUNTY) / 2;
        stdstore.target(address(rollup)).sig("bountyPool()").checked_write(keep);
        assertEq(rollup.bountyPool(), keep);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 3, prover);

        vm.expectEmit(address(rollup));
        emit IRollup.BatchProven(ids[0], prover, BOUNTY);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchProven(ids[1], prover, BOUNTY / 2);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchProven(ids[2], prover, 0);
        _prove(ids[0], data, proof);
        assertEq(rollup.credits(prover), keep);
        assertEq(rollup.bountyPool(), 0);
    }

    function test_proveBatches_reproveProvenRange_reverts() public {
        uint64[] memory ids = _postDistinct(2);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 2, prover);
        _prove(ids[0], data, proof);
        // Nothing left to prove: the second call reverts before the verifier, paying nothing twice.
        vm.expectRevert(abi.encodeWithSelector(IRollup.NothingToProve.selector, ids[0]));
        _prove(ids[0], data, proof);
        assertEq(rollup.credits(prover), 2 * uint256(BOUNTY));
    }

    // ------------------------------------------------------------------ reverts
    function test_proveBatches_verifierNotSet_reverts() public {
        uint64[] memory ids = _postDistinct(1);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 1, prover);
        vm.prank(owner);
        rollup.setVerifier(address(0));
        vm.expectRevert(IRollup.VerifierNotSet.selector);
        _prove(ids[0], data, proof);
    }

    function test_proveBatches_emptyRange_reverts() public {
        _postDistinct(1);
        vm.expectRevert(abi.encodeWithSelector(IRollup.RangeLength.selector, 0, 4));
        _prove(1, new bytes[](0), "");
    }

    function test_proveBatches_moreThanMaxBatches_reverts() public {
        uint64[] memory ids = _postDistinct(5);
        (,, bytes[] memory data) = _range(ids[0], 5);
        vm.expectRevert(abi.encodeWithSelector(IRollup.RangeLength.selector, 5, 4));
        _prove(ids[0], data, "");
        verifier.setMaxBatches(2);
        (,, data) = _range(ids[0], 3);
        vm.expectRevert(abi.encodeWithSelector(IRollup.RangeLength.selector, 3, 2));
        _prove(ids[0], data, "");
    }

    function test_proveBatches_unknownOrGenesis_reverts() public {
        _postDistinct(1);
        bytes[] memory data = new bytes[](1);
        vm.expectRevert(abi.encodeWithSelector(IRollup.UnknownBatch.selector, 2));
        _prove(2, data, "");
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.WrongStatus.selector, 0, IRollup.BatchStatus.Finalized)
        );
        _prove(0, data, "");
    }

    function test_proveBatches_notCanonical_reverts() public {
        uint64[] memory ids = _postDistinct(2);
        _challenge(ids[0]);
        vm.warp(T0 + PW);
        rollup.resolveChallenge(ids[0]);
        (,, bytes[] memory data) = _range(ids[0], 1);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotCanonical.selector, ids[1]));
        _prove(ids[1], data, "");
    }

    /// @dev Data longer than the canonical chain (e.g. reaching into a reverted batch's height).
    function test_proveBatches_beyondTip_reverts() public {
        uint64[] memory ids = _postDistinct(3);
        _challenge(ids[2]);
        vm.warp(T0 + PW);
        rollup.resolveChallenge(ids[2]);
        bytes[] memory data = new bytes[](3);
        (data[0], data[1], data[2]) = (dataOf[ids[0]], dataOf[ids[1]], dataOf[ids[2]]);
        vm.expectRevert(abi.encodeWithSelector(IRollup.RangeBeyondTip.selector, 3, 2));
        _prove(ids[0], data, "");
        vm.expectRevert(abi.encodeWithSelector(IRollup.RangeBeyondTip.selector, 4, 2));
        _prove(ids[1], data, "");
    }

    /// @dev Data shorter, swapped or of another batch: the first mismatching item reverts.
    function test_proveBatches_dataHashMismatch_reverts() public {
        uint64[] memory ids = _postDistinct(3);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 3, prover);
        (data[1], data[2]) = (data[2], data[1]);
        bytes32 stored = rollup.getBatch(ids[1]).dataHash;
        vm.expectRevert(abi.encodeWithSelector(IRollup.DataHashMismatch.selector, keccak256(data[1]), stored));
        _prove(ids[0], data, proof);

        bytes[] memory shorter = new bytes[](1);
        shorter[0] = hex"01";
        stored = rollup.getBatch(ids[0]).dataHash;
        vm.expectRevert(abi.encodeWithSelector(IRollup.DataHashMismatch.selector, keccak256(hex"01"), stored));
        _prove(ids[0], shorter, proof);
    }

    function test_proveBatches_invalidProof_changesNothing_reverts() public {
        uint64[] memory ids = _postDistinct(3);
        _challenge(ids[1]);
        (bytes[] memory data,) = _acceptRange(ids[0], 3, prover);
        uint256 pool = rollup.bountyPool();
        vm.expectRevert(abi.encodeWithSelector(IRollup.InvalidProof.selector, ids[0]));
        _prove(ids[0], data, "not the proof");
        // A proof of a sub-range is not a proof of the range.
        (, bytes memory proofTwo) = _acceptRange(ids[0], 2, prover);
        (data,) = _acceptRange(ids[0], 3, prover);
        vm.expectRevert(abi.encodeWithSelector(IRollup.InvalidProof.selector, ids[0]));
        _prove(ids[0], data, proofTwo);
        assertEq(_status(ids[0]), PENDING);
        assertEq(_status(ids[1]), CHALLENGED);
        assertEq(rollup.bountyPool(), pool);
        assertEq(rollup.credits(prover), 0);
    }

    function test_proveBatches_copiedByOtherSender_reverts() public {
        uint64[] memory ids = _postDistinct(2);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 2, prover);
        vm.prank(other);
        vm.expectRevert(abi.encodeWithSelector(IRollup.InvalidProof.selector, ids[0]));
        rollup.proveBatches(ids[0], data, proof);
    }

    function test_proveBatches_challengedPastDeadline_reverts() public {
        uint64[] memory ids = _postDistinct(3);
        _challenge(ids[1]);
        uint40 deadline = rollup.challengeDeadline(ids[1]);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 3, prover);
        vm.warp(deadline);
        vm.expectRevert(abi.encodeWithSelector(IRollup.ProveWindowClosed.selector, ids[1], deadline));
        _prove(ids[0], data, proof);
        // Its challenge is lost: resolution reverts it and its descendants, as without ranges.
        rollup.resolveChallenge(ids[1]);
        assertEq(_status(ids[1]), REVERTED);
        assertEq(_status(ids[0]), PENDING, "the batch below is unaffected");
    }

    function test_proveBatches_allProvenOrFinalized_reverts() public {
        uint64[] memory ids = _postDistinct(2);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 2, prover);
        _proveAlone(ids[0]);
        _proveAlone(ids[1]);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NothingToProve.selector, ids[0]));
        _prove(ids[0], data, proof);
    }

    /// @dev Governance replaces the verifier between proving and the transaction: the range is
    ///      checked by the new one only (rejected here), with its `maxBatches`.
    function test_proveBatches_verifierReplaced_reverts() public {
        uint64[] memory ids = _postDistinct(2);
        (bytes[] memory data, bytes memory proof) = _acceptRange(ids[0], 2, prover);
        AcceptingVerifierDouble v2 = new AcceptingVerifierDouble();
        vm.prank(owner);
        rollup.setVerifier(address(v2));
        vm.expectRevert(abi.encodeWithSelector(IRollup.InvalidProof.selector, ids[0]));
        _prove(ids[0], data, proof);
        v2.setMaxBatches(1);
        vm.expectRevert(abi.encodeWithSelector(IRollup.RangeLength.selector, 2, 1));
        _prove(ids[0], data, proof);
    }

    /// @dev A new verifier extends an open challenge to a whole prove window with it (as for
    ///      `proveBatch`): a range proof after the original deadline is still in time.
    function test_proveBatches_challengeExtendedByNewVerifier_succeeds() public {
        uint64[] memory ids = _postDistinct(2);
        _challenge(ids[1]);
        vm.warp(T0 + PW - 10);
        AcceptingVerifierDouble v2 = new AcceptingVerifierDouble();
        vm.prank(owner);
        rollup.setVerifier(address(v2));
        vm.warp(T0 + PW + 10);
        (bytes32 prev, bytes32[] memory roots, bytes[] memory data) = _range(ids[0], 2);
        v2.acceptRange(prev, roots, data, prover, "p");
        _prove(ids[0], data, "p");
        assertEq(_status(ids[1]), FINALIZED);
        assertEq(rollup.credits(prover), BOND + BOUNTY);
    }

    // ------------------------------------------------------------------ fuzz
    struct Model {
        uint8[] before;
        uint256 credit;
        uint256 pool;
        uint64 lastFinalized;
        bytes4 err;
    }

    /// @dev n batches; a finalized prefix, then each one Pending, Challenged or Proven (by someone
    ///      else); time passes; a range [start, start + k) is proven. The outcome matches a model of
    ///      the rules: the revert (its selector), or statuses, credits, pool and finalized height.
    function testFuzz_proveBatches_statusesAndTiming(
        uint256 seed,
        uint8 n,
        uint8 f,
        uint8 start,
        uint8 k,
        uint32 dt
    ) public {
        n = uint8(bound(n, 1, 7));
        f = uint8(bound(f, 0, n));
        start = uint8(bound(start, 1, n));
        k = uint8(bound(k, 0, 5));
        uint64[] memory ids = _postDistinct(n);
        for (uint256 i; i < f; ++i) {
            _proveAlone(ids[i]);
        }
        for (uint256 i = f; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i))) % 3;
            if (r == 1) _challenge(ids[i]);
            else if (r == 2) _proveAlone(ids[i]);
        }
        vm.warp(T0 + bound(dt, 0, 2 * PW));

        Model memory m = _model(ids, start, k);
        bytes[] memory data = new bytes[](k);
        bytes memory proof = "none";
        if (k != 0 && start + k - 1 <= n) (data, proof) = _acceptRange(ids[start - 1], k, prover);
        uint256 creditBefore = rollup.credits(prover);
        vm.prank(prover);
        if (m.err != bytes4(0)) {
            vm.expectPartialRevert(m.err);
            rollup.proveBatches(ids[start - 1], data, proof);
            return;
        }
        rollup.proveBatches(ids[start - 1], data, proof);
        for (uint256 i; i < n; ++i) {
            assertEq(_status(ids[i]), m.before[i], "status");
            if (m.before[i] != CHALLENGED) assertEq(rollup.getChallenge(ids[i]).challenger, address(0));
        }
        assertEq(rollup.credits(prover) - creditBefore, m.credit, "credit");
        assertEq(rollup.bountyPool(), m.pool, "pool");
        assertEq(rollup.lastFinalizedHeight(), m.lastFinalized, "finalized height");
    }

    /// @dev Expected outcome; `before` becomes the expected statuses after the call.
    function _model(uint64[] memory ids, uint256 start, uint256 k) internal view returns (Model memory m) {
        uint256 n = ids.length;
        m.before = new uint8[](n);
        for (uint256 i; i < n; ++i) {
            m.before[i] = _status(ids[i]);
        }
        m.pool = rollup.bountyPool();
        m.lastFinalized = rollup.lastFinalizedHeight();
        if (k == 0 || k > 4) return _err(m, IRollup.RangeLength.selector);
        if (start + k - 1 > n) return _err(m, IRollup.RangeBeyondTip.selector);
        bool changes;
        for (uint256 i = start - 1; i < start - 1 + k; ++i) {
            if (m.before[i] == CHALLENGED && block.timestamp >= rollup.challengeDeadline(ids[i])) {
                return _err(m, IRollup.ProveWindowClosed.selector);
            }
            if (m.before[i] == PENDING || m.before[i] == CHALLENGED) changes = true;
        }
        if (!changes) return _err(m, IRollup.NothingToProve.selector);
        for (uint256 i = start - 1; i < start - 1 + k; ++i) {
            uint8 s = m.before[i];
            if (s == FINALIZED) continue;
            bool next = i + 1 == m.lastFinalized + 1;
            if (s == CHALLENGED) m.credit += BOND;
            if (s == PENDING && next) {
                uint256 r = BOUNTY < m.pool ? BOUNTY : m.pool;
                m.credit += r;
                m.pool -= r;
            }
            m.before[i] = next ? FINALIZED : PROVEN;
            if (next) ++m.lastFinalized;
        }
    }

    function _err(Model memory m, bytes4 sel) internal pure returns (Model memory) {
        m.err = sel;
        return m;
    }
}
