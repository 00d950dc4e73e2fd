// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {RollupFixture} from "./Rollup.t.sol";
import {BatchBuilder} from "./utils/BatchBuilder.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";
import {AcceptingVerifierDouble} from "./mocks/RollupTestDoubles.sol";

/// @notice Issue 11, item 1: the record bound L1 enforces.
///
///         Attack: the deployed verifier proves at most `maxRecords` (16) records, and `challenge`
///         refuses a batch it cannot prove (an honest one could not be defended). Without a bound on
///         posting, a leader posts a wrong root in a batch of 17+ records: nobody can challenge it and
///         it finalizes after the challenge window (the bridge pays withdrawals from it).
///
///         Property (P): every canonical batch L1 accepts while a verifier is set can be challenged
///         within its window and proven by the verifier: no batch is both unchallengeable and
///         finalizable unless it is provable. It holds because (a) posting is bounded by
///         `batchRecordLimit()` = min(maxBatchRecords, verifier.maxRecords()), and (b) governance
///         cannot set a verifier smaller than what a batch not yet final may hold
///         (`pendingRecordsBound`), so no later step makes an accepted batch unprovable.
contract RollupBatchBoundTest is RollupFixture {
    uint8 internal constant PENDING = uint8(IRollup.BatchStatus.Pending);

    /// @dev Batch data consuming every mirrored message not yet consumed, plus `txs` transfers.
    function _batch(uint256 txs) internal view returns (bytes memory) {
        bytes[] memory t = new bytes[](txs);
        for (uint256 i; i < txs; ++i) {
            t[i] = BatchBuilder.transferTx(1, 2, 0, 5, 1, uint64(i));
        }
        return _dataTo(uint64(records.length), t);
    }

    function _depositN(uint256 n) internal {
        for (uint256 i; i < n; ++i) {
            _deposit(1);
        }
    }

    function _setBound(uint32 maxBatchRecords) internal {
        IRollup.Params memory p = _params();
        p.maxBatchRecords = maxBatchRecords;
        vm.prank(owner);
        rollup.setParams(p);
    }

    function _submitReverts(bytes memory data, bytes memory err) internal {
        uint64 tip = rollup.tipId();
        bytes32 prev = rollup.getBatch(tip).stateRoot;
        vm.prank(signerA);
        vm.expectRevert(err);
        rollup.submitBatch(tip, prev, keccak256("too large"), data);
    }

    // ------------------------------------------------------------------ the bound

    function test_submitBatch_atRecordLimit_succeeds() public {
        _setBound(5);
        assertEq(rollup.batchRecordLimit(), 5, "no verifier: maxBatchRecords");
        _depositN(2);
        uint64 id = _submit(bytes32("r1"), _batch(3)); // 2 messages + 3 transactions
        IRollup.Batch memory b = rollup.getBatch(id);
        assertEq(b.msgEnd - b.msgStart, 2);
        assertEq(b.txCount, 3);
    }

    function test_submitBatch_aboveRecordLimit_reverts() public {
        _setBound(5);
        _depositN(2);
        _submitReverts(_batch(4), abi.encodeWithSelector(IRollup.BatchTooLarge.selector, 6, 5));
        // Messages alone count too.
        _depositN(4);
        _submitReverts(_batch(0), abi.encodeWithSelector(IRollup.BatchTooLarge.selector, 6, 5));
        assertEq(rollup.tipId(), 0);
    }

    /// @dev The deployed bound (16, the generated verifier's MAX_RECORDS): 16 records post, 17 do not,
    ///      so a 17-record batch (unchallengeable by a 16-slot verifier) never reaches L1.
    function test_submitBatch_seventeenRecordsDeployedBound_reverts() public {
        _setBound(16);
        verifier.setMaxRecords(16);
        _useVerifier();
        _submitReverts(_batch(17), abi.encodeWithSelector(IRollup.BatchTooLarge.selector, 17, 16));
        uint64 id = _submit(bytes32("r1"), _batch(16));
        assertTrue(rollup.isProvable(id));
    }

    /// @dev A verifier whose capacity falls below `maxBatchRecords` (its `maxRecords` changed by
    ///      itself): the smaller of the two bounds posting.
    function test_submitBatch_verifierCapacityBelowBound_minApplies_reverts() public {
        _setBound(10);
        _useVerifier();
        assertEq(rollup.batchRecordLimit(), 10);
        verifier.setMaxRecords(4);
        assertEq(rollup.batchRecordLimit(), 4);
        _submitReverts(_batch(5), abi.encodeWithSelector(IRollup.BatchTooLarge.selector, 5, 4));
        uint64 id = _submit(bytes32("r1"), _batch(4));
        assertTrue(rollup.isProvable(id));
        // A huge capacity does not lift the governance bound.
        verifier.setMaxRecords(type(uint256).max);
        assertEq(rollup.batchRecordLimit(), 10);
        _submitReverts(_batch(11), abi.encodeWithSelector(IRollup.BatchTooLarge.selector, 11, 10));
    }

    /// @dev A verifier whose `maxRecords` reverts stops posting instead of letting any size through.
    function test_submitBatch_verifierCapacityReverts_reverts() public {
        _useVerifier();
        verifier.setCapacityReverts(true);
        _submitReverts(_batch(1), "AcceptingVerifierDouble: capacity reverts");
        vm.expectRevert("AcceptingVerifierDouble: capacity reverts");
        rollup.batchRecordLimit();
        // Governance unsets it: posting resumes under maxBatchRecords alone.
        vm.prank(owner);
        rollup.setVerifier(address(0));
        _submit(bytes32("r1"), _batch(1));
    }

    function test_submitBatchWithProof_aboveRecordLimit_reverts() public {
        _setBound(3);
        _useVerifier();
        vm.warp(T0 + ESCAPE);
        assertTrue(rollup.escapeHatchOpen());
        bytes memory data = _batch(4);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRollup.BatchTooLarge.selector, 4, 3));
        rollup.submitBatchWithProof(0, GENESIS, bytes32("r1"), data, "proof");
    }

    /// @dev Around the bound: a batch posts iff its records fit min(maxBatchRecords, capacity).
    function testFuzz_submitBatch_recordsAroundBound_succeeds(
        uint8 messages,
        uint8 txs,
        uint8 maxRecords,
        uint8 cap
    ) public {
        uint32 limit = uint32(bound(maxRecords, 1, 24));
        uint256 capacity = bound(cap, limit, 40); // setParams keeps the bound within the capacity
        messages = uint8(bound(messages, 0, 20));
        txs = uint8(bound(txs, 0, 20));
        verifier.setMaxRecords(capacity);
        _setBound(limit);
        _useVerifier();
        if (cap % 3 == 0) {
            capacity = bound(cap, 0, limit); // the verifier's capacity drops by itself
            verifier.setMaxRecords(capacity);
        }
        uint256 effective = capacity < limit ? capacity : limit;
        assertEq(rollup.batchRecordLimit(), effective);
        _depositN(messages);
        uint256 n = uint256(messages) + txs;
        if (n > effective) {
            _submitReverts(_batch(txs), abi.encodeWithSelector(IRollup.BatchTooLarge.selector, n, effective));
        } else {
            uint64 id = _submit(bytes32("r1"), _batch(txs));
            assertTrue(rollup.isProvable(id));
        }
    }

    // ------------------------------------------------------------------ forced inclusion under the bound

    /// @dev A backlog of overdue messages larger than the bound still drains: a batch of `limit`
    ///      messages meets the forced-inclusion quota when the bound is below FORCED_INCLUSION_QUOTA.
    function test_submitBatch_overdueBacklogAboveRecordLimit_drainsInLimitBatches_succeeds() public {
        _setBound(4);
        _depositN(10);
        vm.warp(T0 + FORCED);
        bytes[] memory none = new bytes[](0);
        _submitReverts(
            _dataTo(3, none), abi.encodeWithSelector(IRollup.OverdueMessagesNotConsumed.selector, 3)
        );
        _submitReverts(_dataTo(5, none), abi.encodeWithSelector(IRollup.BatchTooLarge.selector, 5, 4));
        _submit(bytes32("r1"), _dataTo(4, none));
        _submit(bytes32("r2"), _dataTo(8, none));
        _submit(bytes32("r3"), _dataTo(10, none));
        assertEq(rollup.getBatch(rollup.tipId()).msgEnd, 10);
        assertFalse(rollup.escapeHatchOpen());
    }

    // ------------------------------------------------------------------ governance

    function test_setParams_maxBatchRecordsZero_reverts() public {
        IRollup.Params memory p = _params();
        p.maxBatchRecords = 0;
        vm.prank(owner);
        vm.expectRevert(IRollup.InvalidParams.selector);
        rollup.setParams(p);
        p.maxBatchRecords = rollup.MAX_BATCH_RECORDS_CEILING() + 1; // the stored txCount would saturate
        vm.prank(owner);
        vm.expectRevert(IRollup.InvalidParams.selector);
        rollup.setParams(p);
    }

    function test_setParams_boundAboveVerifierCapacity_reverts() public {
        verifier.setMaxRecords(16);
        _setBound(16);
        _useVerifier();
        IRollup.Params memory p = _params();
        p.maxBatchRecords = 17;
        vm.prank(owner);
        vm.expectRevert(IRollup.InvalidParams.selector);
        rollup.setParams(p);
    }

    /// @dev Moving to a smaller circuit: the new verifier is refused while a batch posted under the
    ///      larger bound is not final (it would become unchallengeable), then accepted.
    function test_setVerifier_smallerThanPendingBatch_reverts() public {
        verifier.setMaxRecords(16);
        _setBound(16);
        _useVerifier();
        uint64 id = _submit(bytes32("r1"), _batch(16));
        AcceptingVerifierDouble small = new AcceptingVerifierDouble();
        small.setMaxRecords(8);

        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IRollup.VerifierTooSmall.selector, 8, 16));
        rollup.setVerifier(address(small));

        // Lowering the bound first is not enough while batch `id` (16 records) is pending.
        _setBound(8);
        assertEq(rollup.pendingRecordsBound(), 16);
        uint64 id2 = _submit(bytes32("r2"), _batch(8));
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IRollup.VerifierTooSmall.selector, 8, 16));
        rollup.setVerifier(address(small));

        // Once every batch posted before the lowering is final, the smaller verifier is accepted.
        vm.warp(T0 + CW);
        rollup.finalizeBatch(id);
        assertEq(rollup.pendingRecordsBound(), 8);
        vm.prank(owner);
        rollup.setVerifier(address(small));
        assertTrue(rollup.isProvable(id2));
        assertEq(_status(id2), PENDING);
    }

    // ------------------------------------------------------------------ property (P)

    /// @dev (P) under a fuzzed sequence of posts (messages and transactions around the bound),
    ///      bound changes, verifier replacements (any capacity), verifier removal, time and
    ///      finalization: while a verifier is set, every canonical batch not yet final is provable by
    ///      it, so it is challengeable throughout its window (the window is measured from posting) and
    ///      a challenge can be answered; and every post L1 refused was larger than the limit.
    function testFuzz_acceptedBatch_alwaysChallengeableAndProvable_succeeds(uint256 seed) public {
        verifier.setMaxRecords(16);
        _setBound(16);
        _useVerifier();
        for (uint256 step; step < 24; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            uint256 op = r % 8;
            uint256 x = r >> 8;
            if (op < 3) {
                _depositN(x % 4);
                uint256 txs = (x >> 8) % 20;
                uint256 n = records.length - rollup.getBatch(rollup.tipId()).msgEnd + txs;
                uint256 limit = rollup.batchRecordLimit();
                if (n > limit) {
                    _submitReverts(
                        _batch(txs), abi.encodeWithSelector(IRollup.BatchTooLarge.selector, n, limit)
                    );
                } else {
                    _submit(keccak256(abi.encode(seed, step)), _batch(txs));
                }
            } else if (op == 3) {
                IRollup.Params memory p = _params();
                p.maxBatchRecords = uint32(x % 24);
                vm.prank(owner);
                try rollup.setParams(p) {} catch {}
            } else if (op == 4) {
                AcceptingVerifierDouble v = new AcceptingVerifierDouble();
                v.setMaxRecords(x % 24);
                vm.prank(owner);
                try rollup.setVerifier(address(v)) {} catch {}
            } else if (op == 5 && x % 4 == 0) {
                vm.prank(owner);
                rollup.setVerifier(address(0)); // no fraud protection while unset (documented)
            } else if (op == 6) {
                vm.warp(block.timestamp + x % CW);
            } else {
                uint64 next = rollup.idAtHeight(rollup.lastFinalizedHeight() + 1);
                if (next != 0) try rollup.finalizeBatch(next) {} catch {}
            }
            _assertEveryPendingBatchProvable();
        }
    }

    function _assertEveryPendingBatchProvable() internal view {
        if (address(rollup.verifier()) == address(0)) return;
        for (uint64 h = rollup.lastFinalizedHeight() + 1; h <= rollup.tipHeight(); ++h) {
            uint64 id = rollup.idAtHeight(h);
            assertTrue(rollup.isProvable(id), "an accepted batch became unprovable");
            IRollup.Batch memory b = rollup.getBatch(id);
            assertLe(uint256(b.msgEnd - b.msgStart) + b.txCount, rollup.verifier().maxRecords());
        }
    }
}
