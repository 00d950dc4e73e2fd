// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";

import {BatchData} from "../contracts/libraries/BatchData.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";
import {BatchBuilder} from "./utils/BatchBuilder.sol";

/// @notice Exposes the library on calldata, as the rollup uses it.
contract BatchDataHarness {
    function parse(bytes calldata data, uint64 msgStart, bytes32 chainBefore)
        external
        pure
        returns (uint64, uint32, bytes32, bytes32, uint32)
    {
        return BatchData.parse(data, msgStart, chainBefore);
    }

    function hash(bytes calldata data) external pure returns (bytes32) {
        return BatchData.hash(data);
    }

    /// @dev Parse then hash in one call: the scratch memory of one must not disturb the other.
    function parseAndHash(bytes calldata data, uint64 msgStart, bytes32 chainBefore)
        external
        pure
        returns (bytes32 root, bytes32 h, bytes32 chainAfter)
    {
        bytes memory before = abi.encode(msgStart, chainBefore);
        (,, chainAfter, root,) = BatchData.parse(data, msgStart, chainBefore);
        h = BatchData.hash(data);
        require(keccak256(before) == keccak256(abi.encode(msgStart, chainBefore)), "memory clobbered");
    }

    function messageCountOf(bytes calldata data) external pure returns (uint256) {
        return BatchData.messageCountOf(data);
    }
}

contract BatchDataTest is Test {
    BatchDataHarness internal h;

    function setUp() public {
        h = new BatchDataHarness();
    }

    function _record(uint64 nonce, uint64 amount) internal pure returns (bytes memory) {
        return BatchBuilder.record(
            nonce,
            BatchBuilder.KIND_NEW_ACCOUNT,
            address(uint160(0xA11CE + nonce)),
            uint32(nonce + 1),
            abi.encodePacked(keccak256(abi.encode(nonce)), bytes8(0x1122334455667788)),
            uint32(nonce % 3),
            amount
        );
    }

    function _records(uint64 start, uint256 n) internal pure returns (bytes[] memory recs) {
        recs = new bytes[](n);
        for (uint256 i; i < n; ++i) {
            recs[i] = _record(start + uint64(i), uint64(i) * 1e9 + 1);
        }
    }

    function _chain(bytes32 start, bytes[] memory recs) internal pure returns (bytes32 c) {
        c = start;
        for (uint256 i; i < recs.length; ++i) {
            c = BatchBuilder.chain(c, recs[i]);
        }
    }

    function _expectMalformed(bytes memory data, uint256 code) internal {
        vm.expectRevert(abi.encodeWithSelector(IRollup.MalformedBatchData.selector, code));
        h.parse(data, 0, bytes32(0));
    }

    // ------------------------------------------------------------------ success
    function test_parse_headerOnly_succeeds() public view {
        bytes memory data = BatchBuilder.data(0xdeadbeef, new bytes[](0), new bytes[](0));
        (uint64 m, uint32 fee, bytes32 chainAfter, bytes32 root, uint32 wc) = h.parse(data, 9, bytes32("c"));
        assertEq(m, 0);
        assertEq(fee, 0xdeadbeef);
        assertEq(chainAfter, bytes32("c"), "chain unchanged");
        assertEq(root, bytes32(0));
        assertEq(wc, 0);
    }

    function test_parse_messagesAndTxs_succeeds() public view {
        bytes[] memory recs = _records(5, 3);
        BatchBuilder.Withdrawal[3] memory w = [
            BatchBuilder.Withdrawal(address(0xB0B), 0, 1),
            BatchBuilder.Withdrawal(address(0xCAFE), 7, type(uint64).max),
            BatchBuilder.Withdrawal(address(type(uint160).max), type(uint32).max, 0)
        ];
        bytes[] memory txs = new bytes[](6);
        txs[0] = new bytes(137); // no-op
        txs[1] = BatchBuilder.withdrawTx(1, w[0], 3, 0);
        txs[2] = BatchBuilder.transferTx(1, 2, 0, 5, 1, 1);
        txs[3] = BatchBuilder.withdrawTx(2, w[1], 3, 0);
        txs[4] = BatchBuilder.withdrawTx(3, w[2], 3, 9);
        txs[5] = BatchBuilder.transferTx(3, 1, 7, 5, 1, 10);
        bytes memory data = BatchBuilder.data(42, recs, txs);
        assertEq(data.length, 13 + 3 * 85 + 6 * 137);

        bytes32 before = keccak256("chain at 5");
        (uint64 m, uint32 fee, bytes32 chainAfter, bytes32 root, uint32 wc) = h.parse(data, 5, before);
        assertEq(m, 3);
        assertEq(fee, 42);
        assertEq(chainAfter, _chain(before, recs));
        bytes32[] memory leaves = new bytes32[](3);
        for (uint256 i; i < 3; ++i) {
            leaves[i] = BatchBuilder.leaf(w[i]);
        }
        (bytes32 expected,) = BatchBuilder.rootAndProof(leaves, 0);
        assertEq(root, expected);
        assertEq(wc, 3);
    }

    function test_parse_singleWithdrawal_rootIsLeaf_succeeds() public view {
        bytes[] memory txs = new bytes[](1);
        BatchBuilder.Withdrawal memory w = BatchBuilder.Withdrawal(address(0xB0B), 1, 77);
        txs[0] = BatchBuilder.withdrawTx(1, w, 0, 0);
        (,,, bytes32 root, uint32 wc) = h.parse(BatchBuilder.data(1, new bytes[](0), txs), 0, 0);
        assertEq(root, keccak256(abi.encodePacked(address(0xB0B), uint32(1), uint64(77))));
        assertEq(wc, 1);
    }

    function test_parse_noWithdrawals_zeroRoot_succeeds() public view {
        bytes[] memory txs = new bytes[](2);
        txs[0] = BatchBuilder.transferTx(1, 2, 0, 5, 1, 0);
        txs[1] = new bytes(137);
        (,,, bytes32 root, uint32 wc) = h.parse(BatchBuilder.data(1, new bytes[](0), txs), 0, 0);
        assertEq(root, bytes32(0));
        assertEq(wc, 0);
    }

    function test_hash_succeeds() public view {
        bytes memory data = BatchBuilder.data(3, _records(0, 2), new bytes[](0));
        assertEq(h.hash(data), keccak256(data));
        assertEq(h.hash(""), keccak256(""));
        (, bytes32 hh, bytes32 chainAfter) = h.parseAndHash(data, 0, 0);
        assertEq(hh, keccak256(data));
        assertEq(chainAfter, _chain(0, _records(0, 2)));
    }

    function test_messageCountOf_succeeds() public view {
        assertEq(h.messageCountOf(BatchBuilder.data(3, _records(0, 2), new bytes[](0))), 2);
        assertEq(h.messageCountOf(hex"01000000000000"), 0, "short data");
    }

    // ------------------------------------------------------------------ malformed
    function test_parse_shortHeader_reverts() public {
        _expectMalformed("", BatchData.ERR_SHORT_HEADER);
        _expectMalformed(hex"010000000000000000000000", BatchData.ERR_SHORT_HEADER); // 12 bytes
    }

    function test_parse_badVersion_reverts() public {
        _expectMalformed(abi.encodePacked(uint8(0), uint32(1), uint32(0), uint32(0)), BatchData.ERR_VERSION);
        _expectMalformed(abi.encodePacked(uint8(2), uint32(1), uint32(0), uint32(0)), BatchData.ERR_VERSION);
    }

    function test_parse_lengthMismatch_reverts() public {
        bytes memory ok = BatchBuilder.data(1, _records(0, 1), new bytes[](1));
        _expectMalformed(abi.encodePacked(ok, uint8(0)), BatchData.ERR_LENGTH);
        bytes memory short = new bytes(ok.length - 1);
        for (uint256 i; i < short.length; ++i) {
            short[i] = ok[i];
        }
        _expectMalformed(short, BatchData.ERR_LENGTH);
        // Counts claiming the maximum with no body.
        _expectMalformed(
            abi.encodePacked(uint8(1), uint32(0), type(uint32).max, type(uint32).max), BatchData.ERR_LENGTH
        );
    }

    function test_parse_wrongNonce_reverts() public {
        bytes[] memory recs = _records(0, 3);
        recs[2] = _record(3, 1); // skips nonce 2
        _expectMalformed(BatchBuilder.data(1, recs, new bytes[](0)), BatchData.ERR_MESSAGE_NONCE);
        // Right records, wrong starting point.
        bytes memory data = BatchBuilder.data(1, _records(0, 2), new bytes[](0));
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_MESSAGE_NONCE)
        );
        h.parse(data, 1, 0);
    }

    function test_parse_unknownTxType_reverts() public {
        bytes[] memory txs = new bytes[](2);
        txs[0] = BatchBuilder.transferTx(1, 2, 0, 5, 1, 0);
        txs[1] = new bytes(137);
        txs[1][0] = bytes1(uint8(3));
        _expectMalformed(BatchBuilder.data(1, new bytes[](0), txs), BatchData.ERR_TX_TYPE);
        txs[1][0] = bytes1(uint8(255));
        _expectMalformed(BatchBuilder.data(1, new bytes[](0), txs), BatchData.ERR_TX_TYPE);
    }

    /// @dev A batch with every record kind: messages of kind 0 and 1, then a no-op, a transfer and a
    ///      withdrawal. Returns the data and the offsets of the kind-1 message and of the three txs.
    function _allKinds()
        internal
        pure
        returns (bytes memory data, uint256 msg1, uint256 noop, uint256 transfer, uint256 withdraw)
    {
        bytes[] memory recs = new bytes[](2);
        recs[0] = _record(0, 5);
        recs[1] = BatchBuilder.record(
            1, BatchBuilder.KIND_EXISTING_ACCOUNT, address(0xA11CE), 1, "", 2, type(uint64).max
        );
        bytes[] memory txs = new bytes[](3);
        txs[0] = new bytes(137);
        txs[1] = BatchBuilder.transferTx(type(uint32).max, type(uint32).max, 1, 5, 1, 0);
        txs[2] = BatchBuilder.withdrawTx(
            type(uint32).max, BatchBuilder.Withdrawal(address(type(uint160).max), 1, 9), 1, 1
        );
        for (uint256 i = 57; i < 137; ++i) {
            txs[1][i] = 0xff; // signature bytes are opaque to L1
            txs[2][i] = 0xff;
        }
        data = BatchBuilder.data(1, recs, txs);
        msg1 = 13 + 85;
        noop = 13 + 2 * 85;
        transfer = noop + 137;
        withdraw = transfer + 137;
    }

    function _set(bytes memory data, uint256 i, uint8 v) internal pure returns (bytes memory d) {
        d = bytes.concat(data);
        d[i] = bytes1(v);
    }

    function test_parse_allRecordKinds_succeeds() public view {
        (bytes memory data,,,,) = _allKinds();
        (uint64 m,,,, uint32 wc) = h.parse(data, 0, 0);
        assertEq(m, 2);
        assertEq(wc, 1);
    }

    function test_parse_unknownMessageKind_reverts() public {
        (bytes memory data,,,,) = _allKinds();
        _expectMalformed(_set(data, 13 + 8, 2), BatchData.ERR_MESSAGE_KIND);
        _expectMalformed(_set(data, 13 + 85 + 8, 0xff), BatchData.ERR_MESSAGE_KIND);
    }

    function test_parse_existingAccountMessageWithKey_reverts() public {
        (bytes memory data, uint256 msg1,,,) = _allKinds();
        _expectMalformed(_set(data, msg1 + 33, 1), BatchData.ERR_MESSAGE_KEY); // first key byte
        _expectMalformed(_set(data, msg1 + 64, 1), BatchData.ERR_MESSAGE_KEY);
        _expectMalformed(_set(data, msg1 + 72, 0x80), BatchData.ERR_MESSAGE_KEY); // last key byte
        // The asset right after the key and the account right before it are not key bytes.
        h.parse(_set(data, msg1 + 73, 7), 0, 0);
        h.parse(_set(data, msg1 + 32, 7), 0, 0);
    }

    function test_parse_noopNotZero_reverts() public {
        (bytes memory data,, uint256 noop,,) = _allKinds();
        uint256[6] memory at = [uint256(1), 31, 32, 100, 128, 136];
        for (uint256 i; i < at.length; ++i) {
            _expectMalformed(_set(data, noop + at[i], 1), BatchData.ERR_NOOP_NOT_ZERO);
        }
    }

    function test_parse_transferWithL1Recipient_reverts() public {
        (bytes memory data,,, uint256 transfer,) = _allKinds();
        _expectMalformed(_set(data, transfer + 9, 1), BatchData.ERR_TRANSFER_RECIPIENT);
        _expectMalformed(_set(data, transfer + 28, 1), BatchData.ERR_TRANSFER_RECIPIENT);
    }

    function test_parse_withdrawWithTo_reverts() public {
        (bytes memory data,,,, uint256 withdraw) = _allKinds();
        _expectMalformed(_set(data, withdraw + 5, 1), BatchData.ERR_WITHDRAW_TO);
        _expectMalformed(_set(data, withdraw + 8, 1), BatchData.ERR_WITHDRAW_TO);
    }

    // ------------------------------------------------------------------ fuzz
    /// @notice Setting any byte of any field that must be zero (a kind-1 message's key, a no-op's body,
    ///         a transfer's l1Recipient, a withdrawal's to) to any non-zero value is rejected with the
    ///         field's code.
    function testFuzz_parse_zeroFieldCorrupted_reverts(uint8 field, uint256 pos, uint8 value) public {
        value = uint8(bound(value, 1, 255));
        (bytes memory data, uint256 msg1, uint256 noop, uint256 transfer, uint256 withdraw) = _allKinds();
        field = field % 4;
        uint256 at;
        uint256 code;
        if (field == 0) (at, code) = (msg1 + 33 + pos % 40, BatchData.ERR_MESSAGE_KEY);
        else if (field == 1) (at, code) = (noop + 1 + pos % 136, BatchData.ERR_NOOP_NOT_ZERO);
        else if (field == 2) (at, code) = (transfer + 9 + pos % 20, BatchData.ERR_TRANSFER_RECIPIENT);
        else (at, code) = (withdraw + 5 + pos % 4, BatchData.ERR_WITHDRAW_TO);
        _expectMalformed(_set(data, at, value), code);
    }

    /// @notice Any value in the fields a record does use is accepted (the checks reject no valid batch).
    function testFuzz_parse_usedFieldAnyValue_succeeds(uint256 pos, uint8 value) public view {
        (bytes memory data,, uint256 noop, uint256 transfer, uint256 withdraw) = _allKinds();
        // Used bytes: message 0 after its nonce/kind ([9, 85)), message 1's sender/account and
        // asset/amount, a transfer's [1, 9) and [29, 137), a withdrawal's [1, 5) and [9, 137).
        uint256[7] memory lo = [
            uint256(13 + 9),
            13 + 85 + 9,
            13 + 85 + 73,
            transfer + 1,
            transfer + 29,
            withdraw + 1,
            withdraw + 9
        ];
        uint256[7] memory hi = [
            uint256(13 + 85),
            13 + 85 + 33,
            13 + 85 + 85,
            transfer + 9,
            transfer + 137,
            withdraw + 5,
            withdraw + 137
        ];
        uint256 k = pos % 7;
        uint256 at = lo[k] + (pos >> 8) % (hi[k] - lo[k]);
        assertTrue(at < noop || at >= transfer, "not the no-op");
        h.parse(_set(data, at, value), 0, 0);
    }

    function testFuzz_parse_withdrawalRoot(uint8 n, uint256 seed) public view {
        n = uint8(bound(n, 0, 40));
        bytes[] memory txs = new bytes[](n);
        bytes32[] memory leaves = new bytes32[](n);
        uint256 wc;
        for (uint256 i; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            if (r % 3 == 0) {
                txs[i] = BatchBuilder.transferTx(1, 2, uint32(r >> 8), uint64(r >> 40), 1, uint64(i));
            } else {
                BatchBuilder.Withdrawal memory w =
                    BatchBuilder.Withdrawal(address(uint160(r >> 96)), uint32(r >> 8), uint64(r >> 40));
                txs[i] = BatchBuilder.withdrawTx(1, w, uint64(r >> 104), uint64(i));
                leaves[wc++] = BatchBuilder.leaf(w);
            }
        }
        bytes32[] memory found = new bytes32[](wc);
        for (uint256 i; i < wc; ++i) {
            found[i] = leaves[i];
        }
        (bytes32 expected,) = BatchBuilder.rootAndProof(found, 0);
        (,,, bytes32 root, uint32 count) = h.parse(BatchBuilder.data(1, new bytes[](0), txs), 0, 0);
        assertEq(root, expected);
        assertEq(count, wc);
    }

    function testFuzz_parse_messageChain(uint8 n, uint64 start, bytes32 before) public view {
        n = uint8(bound(n, 0, 24));
        start = uint64(bound(start, 0, type(uint64).max - 32));
        bytes[] memory recs = _records(start, n);
        (uint64 m,, bytes32 chainAfter,,) = h.parse(BatchBuilder.data(1, recs, new bytes[](0)), start, before);
        assertEq(m, n);
        assertEq(chainAfter, _chain(before, recs));
    }

    /// @dev Gas of a full-ish batch: 16 messages, 64 txs of which 32 withdrawals.
    function test_parse_gas_succeeds() public {
        bytes[] memory txs = new bytes[](64);
        for (uint256 i; i < 64; ++i) {
            txs[i] = i % 2 == 0
                ? BatchBuilder.withdrawTx(
                    1, BatchBuilder.Withdrawal(address(uint160(i + 1)), 0, uint64(i)), 1, uint64(i)
                )
                : BatchBuilder.transferTx(1, 2, 0, 5, 1, uint64(i));
        }
        bytes memory data = BatchBuilder.data(1, _records(0, 16), txs);
        uint256 g = gasleft();
        h.parse(data, 0, 0);
        emit log_named_uint("parse 16 messages + 64 txs (32 withdrawals)", g - gasleft());
    }
}
