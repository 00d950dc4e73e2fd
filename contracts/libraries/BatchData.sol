// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IRollup} from "../interfaces/IRollup.sol";
import {WithdrawalTree} from "./WithdrawalTree.sol";

/// @title BatchData
/// @notice The L1 side of the batch data format of docs/l2-spec.md §3-§5: framing checks, folding
///         the batch's L1 message records into the Keccak message chain, and the withdrawal root of
///         the batch's withdraw transactions.
/// @dev Works on `bytes calldata` with `calldataload`, never copying the whole data to memory except
///      for `hash`, which Keccak needs in memory. Layout:
///        header   : version u8 (= 1) ‖ feeAccount u32 ‖ messageCount u32 ‖ txCount u32 (13 bytes)
///        messages : messageCount × 85-byte L1 message records
///        txs      : txCount × 137-byte transaction records
///      Errors are `IRollup.MalformedBatchData(code)` with the `ERR_*` codes below. The checks are
///      exactly the framing rules of docs/l2-spec.md §10 step 1 (what `janus_l2::Batch::decode` and
///      `check_message_nonces` reject), so L1 accepts a batch's framing iff every node does. Each
///      record costs one `calldataload` (two more for a kind-1 message's key, four more for a no-op).
///      When a batch breaks several rules the code names the first one L1 meets (header, then the
///      messages in order, each nonce before its kind and key, then the transactions in order),
///      which may differ from the first error janus-l2 reports (it checks nonces last).
library BatchData {
    /// @notice The only batch data version.
    uint256 internal constant VERSION = 1;
    /// @notice Header length in bytes.
    uint256 internal constant HEADER_LENGTH = 13;
    /// @notice L1 message record length in bytes.
    uint256 internal constant MESSAGE_LENGTH = 85;
    /// @notice Transaction record length in bytes.
    uint256 internal constant TX_LENGTH = 137;
    /// @notice Transaction type of a withdrawal (0 = no-op, 1 = transfer).
    uint256 internal constant TX_WITHDRAW = 2;

    /// @notice Data shorter than the 13-byte header.
    uint256 internal constant ERR_SHORT_HEADER = 1;
    /// @notice Version byte is not 1.
    uint256 internal constant ERR_VERSION = 2;
    /// @notice Length differs from 13 + 85 * messageCount + 137 * txCount.
    uint256 internal constant ERR_LENGTH = 3;
    /// @notice A message record's nonce is not msgStart + its position.
    uint256 internal constant ERR_MESSAGE_NONCE = 4;
    /// @notice A transaction record has an unknown type (> 2).
    uint256 internal constant ERR_TX_TYPE = 5;
    /// @notice A message record has an unknown kind (> 1).
    uint256 internal constant ERR_MESSAGE_KIND = 6;
    /// @notice A message record of kind 1 (`EXISTING_ACCOUNT`) has a non-zero `l2Key` field.
    uint256 internal constant ERR_MESSAGE_KEY = 7;
    /// @notice A no-op record (type 0) has a non-zero byte (a no-op is 137 zero bytes).
    uint256 internal constant ERR_NOOP_NOT_ZERO = 8;
    /// @notice A transfer record (type 1) has a non-zero `l1Recipient` field (bytes [9, 29)).
    uint256 internal constant ERR_TRANSFER_RECIPIENT = 9;
    /// @notice A withdraw record (type 2) has a non-zero `to` field (bytes [5, 9)).
    uint256 internal constant ERR_WITHDRAW_TO = 10;

    /// @notice Message kind of a deposit to an existing account (its key field must be zero).
    uint256 internal constant KIND_EXISTING_ACCOUNT = 1;

    /// @notice Validate `data`, fold its messages into the chain and compute its withdrawal root.
    /// @param data Batch data (docs/l2-spec.md §4).
    /// @param msgStart Queue index of the first message the batch must contain.
    /// @param chainBefore Message chain value after `msgStart` messages (ignored if the batch has none).
    /// @return messageCount Number of L1 messages the batch consumes.
    /// @return feeAccount L2 account receiving the batch's fees.
    /// @return chainAfter Chain value after folding the batch's records into `chainBefore`.
    /// @return withdrawalRoot Root of the withdrawal tree (0 without withdrawals).
    /// @return withdrawalCount Number of withdraw transactions.
    function parse(bytes calldata data, uint64 msgStart, bytes32 chainBefore)
        internal
        pure
        returns (
            uint64 messageCount,
            uint32 feeAccount,
            bytes32 chainAfter,
            bytes32 withdrawalRoot,
            uint32 withdrawalCount
        )
    {
        uint256 txCount;
        (feeAccount, messageCount, txCount) = header(data);
        chainAfter = foldMessages(data, msgStart, chainBefore, messageCount);
        (withdrawalRoot, withdrawalCount) = withdrawals(data, messageCount, txCount);
    }

    /// @notice Decode and validate the header and the total length.
    function header(bytes calldata data)
        internal
        pure
        returns (uint32 feeAccount, uint64 messageCount, uint256 txCount)
    {
        if (data.length < HEADER_LENGTH) revert IRollup.MalformedBatchData(ERR_SHORT_HEADER);
        uint256 w = _load(_offset(data));
        if (w >> 248 != VERSION) revert IRollup.MalformedBatchData(ERR_VERSION);
        // The casts below cut the big-endian header fields out of the word on purpose.
        // forge-lint: disable-next-line(unsafe-typecast)
        feeAccount = uint32(w >> 216);
        // forge-lint: disable-next-line(unsafe-typecast)
        messageCount = uint64(uint32(w >> 184));
        // forge-lint: disable-next-line(unsafe-typecast)
        txCount = uint32(w >> 152);
        // Counts are u32, so the products cannot overflow.
        if (data.length != HEADER_LENGTH + MESSAGE_LENGTH * messageCount + TX_LENGTH * txCount) {
            revert IRollup.MalformedBatchData(ERR_LENGTH);
        }
    }

    /// @notice The header's message count without validation (0 when `data` is shorter than a header).
    /// @dev Lets the caller skip reading the chain value for batches without messages; `parse`
    ///      validates the header afterwards.
    function messageCountOf(bytes calldata data) internal pure returns (uint256) {
        if (data.length < HEADER_LENGTH) return 0;
        return uint32(_load(_offset(data)) >> 184);
    }

    /// @notice Fold `count` message records (after the header) into `chain`, checking their nonces,
    ///         kinds and (kind 1) zero key fields.
    /// @dev chain_{n+1} = keccak256(chain_n ‖ record_n) over 32 + 85 bytes, built in scratch memory
    ///      past the free memory pointer (nothing is allocated). Records on L1 are also bound to the
    ///      bridge queue by the chain, which only ever holds well-formed records; the kind and key
    ///      checks make the library alone reject what janus-l2 rejects.
    function foldMessages(bytes calldata data, uint64 msgStart, bytes32 chain, uint256 count)
        internal
        pure
        returns (bytes32)
    {
        uint256 err;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            let off := add(data.offset, HEADER_LENGTH)
            for { let i := 0 } lt(i, count) { i := add(i, 1) } {
                // nonce: the record's bytes [0, 8); kind: byte 8.
                let w := calldataload(off)
                if iszero(eq(shr(192, w), add(msgStart, i))) {
                    err := ERR_MESSAGE_NONCE
                    break
                }
                let kind := byte(8, w)
                if gt(kind, KIND_EXISTING_ACCOUNT) {
                    err := ERR_MESSAGE_KIND
                    break
                }
                // kind 1: the key, bytes [33, 73), is zero ([33, 65) and the top 8 bytes of [65, 97)).
                if kind {
                    if or(calldataload(add(off, 33)), shr(192, calldataload(add(off, 65)))) {
                        err := ERR_MESSAGE_KEY
                        break
                    }
                }
                mstore(ptr, chain)
                calldatacopy(add(ptr, 0x20), off, MESSAGE_LENGTH)
                chain := keccak256(ptr, add(0x20, MESSAGE_LENGTH))
                off := add(off, MESSAGE_LENGTH)
            }
        }
        if (err != 0) revert IRollup.MalformedBatchData(err);
        return chain;
    }

    /// @notice Withdrawal root and count of the `txCount` transaction records after the messages.
    /// @dev Rejects unknown transaction types and non-zero fields a type does not use (docs/l2-spec.md
    ///      §4): a transfer's `l1Recipient` and a withdrawal's `to` lie in the record's first word,
    ///      already loaded for the type; a no-op takes four more loads. A withdraw record's bytes
    ///      [9, 41) are exactly the leaf preimage `l1Recipient ‖ asset ‖ amount`, read with one
    ///      `calldataload`.
    function withdrawals(bytes calldata data, uint256 messageCount, uint256 txCount)
        internal
        pure
        returns (bytes32 root, uint32 count)
    {
        if (txCount == 0) return (bytes32(0), 0);
        bytes32[] memory leaves = new bytes32[](txCount);
        uint256 n;
        uint256 err;
        assembly ("memory-safe") {
            let off := add(add(data.offset, HEADER_LENGTH), mul(MESSAGE_LENGTH, messageCount))
            let end := add(off, mul(TX_LENGTH, txCount))
            let out := add(leaves, 0x20)
            for {} lt(off, end) { off := add(off, TX_LENGTH) } {
                // bytes [0, 32): type 0, from [1, 5), to [5, 9), l1Recipient [9, 29), asset [29, 32)...
                let w0 := calldataload(off)
                switch shr(248, w0)
                case 2 {
                    // TX_WITHDRAW: `to` is zero; leaf = keccak256(bytes [9, 41)) (WithdrawalTree.leaf).
                    if and(shr(184, w0), 0xffffffff) {
                        err := ERR_WITHDRAW_TO
                        break
                    }
                    mstore(0x00, calldataload(add(off, 9)))
                    mstore(out, keccak256(0x00, 0x20))
                    out := add(out, 0x20)
                }
                case 1 {
                    // transfer: `l1Recipient` is zero.
                    if and(shr(24, w0), 0xffffffffffffffffffffffffffffffffffffffff) {
                        err := ERR_TRANSFER_RECIPIENT
                        break
                    }
                }
                case 0 {
                    // no-op: bytes [1, 32) of w0, then [32, 128) and [105, 137) are zero.
                    if or(
                        or(shl(8, w0), calldataload(add(off, 32))),
                        or(
                            or(calldataload(add(off, 64)), calldataload(add(off, 96))),
                            calldataload(add(off, 105))
                        )
                    ) {
                        err := ERR_NOOP_NOT_ZERO
                        break
                    }
                }
                default {
                    err := ERR_TX_TYPE
                    break
                }
            }
            n := shr(5, sub(out, add(leaves, 0x20)))
        }
        if (err != 0) revert IRollup.MalformedBatchData(err);
        if (n == 0) return (bytes32(0), 0);
        assembly ("memory-safe") {
            mstore(leaves, n) // shrink to the withdrawals found
        }
        root = WithdrawalTree.root(leaves);
        // forge-lint: disable-next-line(unsafe-typecast)
        count = uint32(n);
    }

    /// @notice keccak256(data), hashed in scratch memory past the free memory pointer (no allocation).
    function hash(bytes calldata data) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            calldatacopy(ptr, data.offset, data.length)
            h := keccak256(ptr, data.length)
        }
    }

    function _offset(bytes calldata data) private pure returns (uint256 off) {
        assembly ("memory-safe") {
            off := data.offset
        }
    }

    function _load(uint256 off) private pure returns (uint256 w) {
        assembly ("memory-safe") {
            w := calldataload(off)
        }
    }
}
