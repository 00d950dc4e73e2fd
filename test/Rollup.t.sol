// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {Rollup} from "../contracts/Rollup.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";
import {IBatchVerifier} from "../contracts/interfaces/IBatchVerifier.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {ISequencerSet} from "../contracts/interfaces/ISequencerSet.sol";
import {IBridge} from "../contracts/interfaces/IBridge.sol";
import {BatchData} from "../contracts/libraries/BatchData.sol";
import {BatchBuilder} from "./utils/BatchBuilder.sol";
import {
    RollupStakingDouble,
    RollupSetDouble,
    RollupBridgeDouble,
    AcceptingVerifierDouble
} from "./mocks/RollupTestDoubles.sol";

/// @notice Rollup deployed against test doubles, with an independent mirror of the message queue.
abstract contract RollupFixture is Test {
    RollupStakingDouble internal staking;
    RollupSetDouble internal set;
    RollupBridgeDouble internal bridge;
    AcceptingVerifierDouble internal verifier;
    Rollup internal rollup;

    address internal owner = makeAddr("owner");
    address internal guardian = makeAddr("guardian");
    address internal opA = makeAddr("operatorA");
    address internal signerA = makeAddr("signerA");
    address internal opB = makeAddr("operatorB");
    address internal signerB = makeAddr("signerB");
    address internal challenger = makeAddr("challenger");
    address internal prover = makeAddr("prover");
    address internal alice = makeAddr("alice");

    uint64 internal constant CW = 1 hours;
    uint64 internal constant PW = 2 hours;
    uint64 internal constant ESCAPE = 1 days;
    uint96 internal constant BOND = 1 ether;
    uint96 internal constant BOUNTY = 0.01 ether;
    uint64 internal constant MAX_PAUSE = 3 days;
    uint64 internal constant FORCED = 6 hours;
    bytes32 internal constant GENESIS = keccak256("janus genesis");
    uint64 internal constant T0 = 1_700_000_000;

    /// @dev Mirror of the queue: records[i], and chains[i] = chain after i messages.
    bytes[] internal records;
    bytes32[] internal chains;

    function setUp() public virtual {
        vm.warp(T0);
        staking = new RollupStakingDouble();
        set = new RollupSetDouble();
        bridge = new RollupBridgeDouble();
        verifier = new AcceptingVerifierDouble();
        bridge.setForcedInclusionDelay(FORCED);
        staking.setSigner(opA, signerA);
        staking.setSigner(opB, signerB);
        set.setLeader(opA);
        rollup = new Rollup(
            IStaking(address(staking)),
            ISequencerSet(address(set)),
            IBridge(address(bridge)),
            GENESIS,
            _params(),
            owner,
            guardian
        );
        chains.push(bytes32(0));
    }

    function _params() internal pure returns (IRollup.Params memory p) {
        p.challengeWindow = CW;
        p.proveWindow = PW;
        p.escapeDelay = ESCAPE;
        p.challengeBond = BOND;
        p.proverBounty = BOUNTY;
        p.maxPauseDuration = MAX_PAUSE;
        p.maxBatchRecords = 1024;
    }

    // ------------------------------------------------------------------ queue mirror
    function _deposit(uint64 units) internal returns (bytes memory rec) {
        uint64 nonce = uint64(records.length);
        rec = BatchBuilder.record(
            nonce,
            BatchBuilder.KIND_NEW_ACCOUNT,
            alice,
            uint32(nonce + 1),
            abi.encodePacked(keccak256(abi.encode(nonce)), bytes8(0x0102030405060708)),
            0,
            units
        );
        bridge.enqueue(rec);
        records.push(rec);
        chains.push(BatchBuilder.chain(chains[chains.length - 1], rec));
    }

    function _records(uint256 from, uint256 to) internal view returns (bytes[] memory out) {
        out = new bytes[](to - from);
        for (uint256 i = from; i < to; ++i) {
            out[i - from] = records[i];
        }
    }

    // ------------------------------------------------------------------ batches
    function _emptyData() internal pure returns (bytes memory) {
        return BatchBuilder.data(7, new bytes[](0), new bytes[](0));
    }

    /// @dev Batch data consuming the mirrored messages from the tip's msgEnd to `msgEnd`.
    function _dataTo(uint64 msgEnd, bytes[] memory txs) internal view returns (bytes memory) {
        return BatchBuilder.data(7, _records(rollup.getBatch(rollup.tipId()).msgEnd, msgEnd), txs);
    }

    function _submit(bytes32 root, bytes memory data) internal returns (uint64 id) {
        uint64 tip = rollup.tipId();
        bytes32 prev = rollup.getBatch(tip).stateRoot;
        vm.prank(signerA);
        id = rollup.submitBatch(tip, prev, root, data);
    }

    function _post(bytes32 root) internal returns (uint64 id, bytes memory data) {
        data = _emptyData();
        id = _submit(root, data);
    }

    function _postN(uint256 n) internal returns (uint64[] memory ids, bytes[] memory datas) {
        ids = new uint64[](n);
        datas = new bytes[](n);
        for (uint256 i; i < n; ++i) {
            (ids[i], datas[i]) = _post(keccak256(abi.encode("root", rollup.tipHeight() + 1, i)));
        }
    }

    /// @dev Public inputs of batch `id`, built from the mirror and the stored header.
    function _inputs(uint64 id) internal view returns (IBatchVerifier.PublicInputs memory) {
        IRollup.Batch memory b = rollup.getBatch(id);
        return _inputsFor(b, rollup.getBatch(b.parentId).stateRoot);
    }

    function _inputsFor(IRollup.Batch memory b, bytes32 prevRoot)
        internal
        view
        returns (IBatchVerifier.PublicInputs memory)
    {
        return IBatchVerifier.PublicInputs({
            prevStateRoot: prevRoot,
            newStateRoot: b.stateRoot,
            messageChainBefore: chains[b.msgStart],
            messageChainAfter: chains[b.msgEnd],
            withdrawalRoot: b.withdrawalRoot,
            dataHash: b.dataHash
        });
    }

    /// @dev Make the verifier accept a proof for batch `id` and return it.
    function _accept(uint64 id, bytes memory data) internal returns (bytes memory proof) {
        proof = abi.encodePacked("proof", id, keccak256(data));
        verifier.accept(_inputs(id), data, proof);
    }

    function _useVerifier() internal {
        vm.prank(owner);
        rollup.setVerifier(address(verifier));
    }

    function _challenge(uint64 id) internal {
        vm.deal(challenger, challenger.balance + BOND);
        vm.prank(challenger);
        rollup.challenge{value: BOND}(id);
    }

    function _status(uint64 id) internal view returns (uint8) {
        return uint8(rollup.getBatch(id).status);
    }
}

contract RollupTest is RollupFixture {
    // ------------------------------------------------------------------ constructor
    function test_constructor_genesis_succeeds() public view {
        IRollup.Batch memory g = rollup.getBatch(0);
        assertEq(g.stateRoot, GENESIS);
        assertEq(uint8(g.status), uint8(IRollup.BatchStatus.Finalized));
        assertEq(g.height, 0);
        assertEq(g.msgEnd, 0);
        assertEq(rollup.tipId(), 0);
        assertEq(rollup.tipHeight(), 0);
        assertEq(rollup.idAtHeight(0), 0);
        assertEq(rollup.lastFinalizedHeight(), 0);
        assertEq(rollup.lastFinalizedId(), 0);
        assertEq(rollup.lastSubmittedAt(), T0);
        assertTrue(rollup.isCanonical(0));
        assertTrue(rollup.isFinalized(0));
        assertEq(address(rollup.verifier()), address(0), "no verifier at deployment");
        assertEq(rollup.owner(), owner);
        assertEq(rollup.guardian(), guardian);
        assertEq(address(rollup.staking()), address(staking));
        assertEq(address(rollup.sequencerSet()), address(set));
        assertEq(address(rollup.bridge()), address(bridge));
        assertEq(keccak256(abi.encode(rollup.params())), keccak256(abi.encode(_params())));
        (bytes32 root, uint32 count) = rollup.finalizedWithdrawals(0);
        assertEq(root, bytes32(0));
        assertEq(count, 0);
    }

    function test_constructor_zeroAddress_reverts() public {
        IStaking s = IStaking(address(staking));
        ISequencerSet q = ISequencerSet(address(set));
        IBridge b = IBridge(address(bridge));
        IRollup.Params memory p = _params();
        vm.expectRevert(IRollup.ZeroAddress.selector);
        new Rollup(IStaking(address(0)), q, b, GENESIS, p, owner, guardian);
        vm.expectRevert(IRollup.ZeroAddress.selector);
        new Rollup(s, ISequencerSet(address(0)), b, GENESIS, p, owner, guardian);
        vm.expectRevert(IRollup.ZeroAddress.selector);
        new Rollup(s, q, IBridge(address(0)), GENESIS, p, owner, guardian);
        vm.expectRevert(IRollup.ZeroAddress.selector);
        new Rollup(s, q, b, GENESIS, p, owner, address(0));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new Rollup(s, q, b, GENESIS, p, address(0), guardian);
    }

    function test_constructor_invalidParams_reverts() public {
        IRollup.Params memory p = _params();
        p.challengeWindow = 0;
        vm.expectRevert(IRollup.InvalidParams.selector);
        new Rollup(
            IStaking(address(staking)),
            ISequencerSet(address(set)),
            IBridge(address(bridge)),
            GENESIS,
            p,
            owner,
            guardian
        );
    }

    // ------------------------------------------------------------------ submitBatch
    function test_submitBatch_empty_succeeds() public {
        bytes memory data = _emptyData();
        vm.warp(T0 + 100);
        vm.expectEmit(address(rollup));
        emit IRollup.BatchSubmitted(1, 0, opA, 1, GENESIS, bytes32("r1"), keccak256(data), bytes32(0), 0, 0);
        vm.prank(signerA);
        uint64 id = rollup.submitBatch(0, GENESIS, bytes32("r1"), data);

        assertEq(id, 1);
        IRollup.Batch memory b = rollup.getBatch(id);
        assertEq(b.stateRoot, bytes32("r1"));
        assertEq(b.dataHash, keccak256(data));
        assertEq(b.withdrawalRoot, bytes32(0));
        assertEq(b.parentId, 0);
        assertEq(b.height, 1);
        assertEq(b.msgStart, 0);
        assertEq(b.msgEnd, 0);
        assertEq(b.operator, opA);
        assertEq(b.submittedAt, T0 + 100);
        assertEq(b.withdrawalCount, 0);
        assertEq(uint8(b.status), uint8(IRollup.BatchStatus.Pending));
        assertEq(rollup.tipId(), 1);
        assertEq(rollup.tipHeight(), 1);
        assertEq(rollup.idAtHeight(1), 1);
        assertEq(rollup.lastSubmittedAt(), T0 + 100);
        assertTrue(rollup.isCanonical(1));
        assertFalse(rollup.isFinalized(1));
        assertEq(set.lastNotified(), opA, "set notified of the post");
        assertEq(set.notifyCount(), 1);
    }

    function test_submitBatch_messagesAndWithdrawals_succeeds() public {
        _deposit(5e9);
        _deposit(7e9);
        _deposit(1);
        BatchBuilder.Withdrawal[3] memory w = [
            BatchBuilder.Withdrawal(makeAddr("w0"), 0, 1e9),
            BatchBuilder.Withdrawal(makeAddr("w1"), 3, type(uint64).max >> 1),
            BatchBuilder.Withdrawal(makeAddr("w2"), 0, 42)
        ];
        bytes[] memory txs = new bytes[](5);
        txs[0] = BatchBuilder.withdrawTx(1, w[0], 5, 0);
        txs[1] = BatchBuilder.transferTx(1, 2, 0, 10, 1, 1);
        txs[2] = BatchBuilder.withdrawTx(2, w[1], 5, 0);
        txs[3] = new bytes(137); // no-op
        txs[4] = BatchBuilder.withdrawTx(3, w[2], 0, 0);
        bytes memory data = _dataTo(2, txs); // consumes 2 of the 3 messages

        uint64 id = _submit(bytes32("r1"), data);
        bytes32[] memory leaves = new bytes32[](3);
        for (uint256 i; i < 3; ++i) {
            leaves[i] = BatchBuilder.leaf(w[i]);
        }
        (bytes32 root,) = BatchBuilder.rootAndProof(leaves, 0);
        IRollup.Batch memory b = rollup.getBatch(id);
        assertEq(b.withdrawalRoot, root, "root computed independently");
        assertEq(b.withdrawalCount, 3);
        assertEq(b.msgStart, 0);
        assertEq(b.msgEnd, 2);

        // The next batch starts where this one stopped.
        uint64 id2 = _submit(bytes32("r2"), _dataTo(3, new bytes[](0)));
        assertEq(rollup.getBatch(id2).msgStart, 2);
        assertEq(rollup.getBatch(id2).msgEnd, 3);
        assertEq(rollup.getBatch(id2).parentId, id);
    }

    function test_submitBatch_paused_reverts() public {
        vm.prank(guardian);
        rollup.pause(1 hours);
        bytes memory data = _emptyData();
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.PostingPaused.selector, T0 + 1 hours));
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
        // The pause expires by itself.
        vm.warp(T0 + 1 hours);
        _submit(bytes32("r"), data);
        assertEq(rollup.tipId(), 1);
    }

    function test_submitBatch_leaderNotEligible_reverts() public {
        bytes memory data = _emptyData();
        staking.setEligible(opA, false); // jailed / exited / under-bonded
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.LeaderNotEligible.selector, opA));
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
    }

    function test_submitBatch_notLeader_reverts() public {
        bytes memory data = _emptyData();
        vm.prank(signerB); // B's signer while A leads
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotLeader.selector, signerB, opA));
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
        vm.prank(opA); // the operator's owner key is not its signer
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotLeader.selector, opA, opA));
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
        // Once B leads, B's signer posts.
        set.setLeader(opB);
        vm.prank(signerB);
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
        assertEq(rollup.getBatch(1).operator, opB);
        assertEq(set.lastNotified(), opB);
    }

    function test_submitBatch_noLeader_reverts() public {
        set.setLeader(address(0));
        bytes memory data = _emptyData();
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotLeader.selector, signerA, address(0)));
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
        // address(0) as caller cannot match an unset signer either.
        vm.prank(address(0));
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotLeader.selector, address(0), address(0)));
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
    }

    function test_submitBatch_wrongParent_reverts() public {
        _post(bytes32("r1"));
        bytes memory data = _emptyData();
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.WrongParent.selector, 0, 1));
        rollup.submitBatch(0, GENESIS, bytes32("r2"), data);
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.WrongParent.selector, 2, 1));
        rollup.submitBatch(2, bytes32("r1"), bytes32("r2"), data);
    }

    function test_submitBatch_wrongPrevStateRoot_reverts() public {
        bytes memory data = _emptyData();
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.WrongPrevStateRoot.selector, bytes32("x"), GENESIS));
        rollup.submitBatch(0, bytes32("x"), bytes32("r"), data);
    }

    function test_submitBatch_malformedData_reverts() public {
        bytes memory data = abi.encodePacked(uint8(2), uint32(0), uint32(0), uint32(0));
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_VERSION));
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
        vm.prank(signerA);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_SHORT_HEADER)
        );
        rollup.submitBatch(0, GENESIS, bytes32("r"), hex"01");
    }

    function test_submitBatch_wrongMessageNonce_reverts() public {
        _deposit(1);
        _deposit(2);
        _submit(bytes32("r1"), _dataTo(1, new bytes[](0)));
        // Re-including message 0 where message 1 is expected.
        bytes memory data = BatchBuilder.data(7, _records(0, 1), new bytes[](0));
        vm.prank(signerA);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_MESSAGE_NONCE)
        );
        rollup.submitBatch(1, bytes32("r1"), bytes32("r2"), data);
    }

    function test_submitBatch_messagesBeyondQueue_reverts() public {
        _deposit(1);
        bytes[] memory recs = new bytes[](2);
        recs[0] = records[0];
        recs[1] = BatchBuilder.record(1, 1, alice, 1, "", 0, 5); // not enqueued
        bytes memory data = BatchBuilder.data(7, recs, new bytes[](0));
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.MessagesBeyondQueue.selector, 2, 1));
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
    }

    function test_submitBatch_messageChainMismatch_reverts() public {
        _deposit(100);
        bytes[] memory recs = new bytes[](1);
        recs[0] = BatchBuilder.record(0, 1, alice, 1, "", 0, 1_000_000); // forged amount, right nonce
        bytes memory data = BatchBuilder.data(7, recs, new bytes[](0));
        bytes32 forged = BatchBuilder.chain(bytes32(0), recs[0]);
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.MessageChainMismatch.selector, forged, chains[1]));
        rollup.submitBatch(0, GENESIS, bytes32("r"), data);
    }

    function test_submitBatch_overdueMessagesNotConsumed_reverts() public {
        _deposit(1); // enqueued at T0
        vm.warp(T0 + 10);
        _deposit(2); // enqueued at T0 + 10

        // Not overdue yet: a batch may leave both unconsumed.
        vm.warp(T0 + FORCED - 1);
        _post(bytes32("r1"));

        vm.warp(T0 + FORCED);
        bytes memory empty = _emptyData();
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.OverdueMessagesNotConsumed.selector, 0));
        rollup.submitBatch(1, bytes32("r1"), bytes32("r2"), empty);

        // Consuming only the first is enough until the second is overdue too.
        bytes memory one = _dataTo(1, new bytes[](0));
        uint64 id2 = _submit(bytes32("r2"), one);
        assertEq(rollup.getBatch(id2).msgEnd, 1);
        vm.warp(T0 + 10 + FORCED);
        vm.prank(signerA);
        vm.expectRevert(abi.encodeWithSelector(IRollup.OverdueMessagesNotConsumed.selector, 1));
        rollup.submitBatch(id2, bytes32("r2"), bytes32("r3"), empty);
        _submit(bytes32("r3"), _dataTo(2, new bytes[](0)));
        assertEq(rollup.getBatch(rollup.tipId()).msgEnd, 2);
    }

    /// @dev Execution gas of a leader's post (no base cost, no calldata) against the doubles, every
    ///      account and slot cold as in a fresh transaction; averaged over heights 2..9, where the
    ///      packed `idAtHeight` word is fresh for 1 post in 4 as in steady state. The 4 fresh batch
    ///      slots alone cost 88.4k. The record bound (issue 11) adds two cold reads (the bound in the
    ///      parameters' first slot, the verifier slot): about 4.2k, 144.2k on average.
    function test_submitBatch_gas_succeeds() public {
        bytes memory data = _emptyData();
        _post(bytes32("r1"));
        uint256 total;
        uint256 fresh;
        uint256 reused;
        for (uint64 i; i < 8; ++i) {
            uint64 tip = rollup.tipId();
            bytes32 prev = rollup.getBatch(tip).stateRoot;
            vm.cool(address(rollup));
            vm.cool(address(staking));
            vm.cool(address(set));
            vm.cool(address(bridge));
            vm.prank(signerA);
            uint256 g = gasleft();
            rollup.submitBatch(tip, prev, keccak256(abi.encode(i)), data);
            g -= gasleft();
            total += g;
            if ((i + 2) % 4 == 0) fresh = g;
            else reused = g;
        }
        emit log_named_uint("submitBatch (empty batch) execution gas, average", total / 8);
        emit log_named_uint("submitBatch (empty batch) execution gas, idAtHeight word reused", reused);
        emit log_named_uint("submitBatch (empty batch) execution gas, idAtHeight word fresh", fresh);
        assertLt(total / 8, 146_000, "gas regression");
    }

    // ------------------------------------------------------------------ views
    function test_views_unknownBatch_succeeds() public {
        _post(bytes32("r1"));
        assertEq(uint8(rollup.getBatch(7).status), uint8(IRollup.BatchStatus.None));
        assertEq(rollup.getBatch(7).stateRoot, bytes32(0));
        assertFalse(rollup.isCanonical(7));
        assertFalse(rollup.isFinalized(7));
        assertEq(rollup.idAtHeight(5), 0, "above the tip");
        assertEq(rollup.getChallenge(1).challenger, address(0));
    }

    function test_finalizedWithdrawals_notFinal_reverts() public {
        _post(bytes32("r1"));
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotFinalizable.selector, 1));
        rollup.finalizedWithdrawals(1);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotFinalizable.selector, 9));
        rollup.finalizedWithdrawals(9);
    }
}
