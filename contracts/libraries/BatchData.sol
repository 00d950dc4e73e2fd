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
///      Errors are `IRollup.MalformedBatchData(code)` with the `ERR_*` codes below.
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

    /// @notice Fold `count` message records (after the header) into `chain`, checking their nonces.
    /// @dev chain_{n+1} = keccak256(chain_n ‖ record_n) over 32 + 85 bytes, built in scratch memory
    ///      past the free memory pointer (nothing is allocated).
    function foldMessages(bytes calldata data, uint64 msgStart, bytes32 chain, uint256 count)
        internal
        pure
        returns (bytes32)
    {
        bool badNonce;
        assembly ("memory-safe") {
            let ptr := mload(0x40)
            let off := add(data.offset, HEADER_LENGTH)
            for { let i := 0 } lt(i, count) { i := add(i, 1) } {
                // nonce: the record's first 8 bytes.
                if iszero(eq(shr(192, calldataload(off)), add(msgStart, i))) {
                    badNonce := 1
                    break
                }
                mstore(ptr, chain)
                calldatacopy(add(ptr, 0x20), off, MESSAGE_LENGTH)
                chain := keccak256(ptr, add(0x20, MESSAGE_LENGTH))
                off := add(off, MESSAGE_LENGTH)
            }
        }
        if (badNonce) revert IRollup.MalformedBatchData(ERR_MESSAGE_NONCE);
        return chain;
    }

    /// @notice Withdrawal root and count of the `txCount` transaction records after the messages.
    /// @dev Rejects unknown transaction types. A withdraw record's bytes [9, 41) are exactly the leaf
    ///      preimage `l1Recipient ‖ asset ‖ amount`, read with one `calldataload`.
    function withdrawals(bytes calldata data, uint256 messageCount, uint256 txCount)
        internal
        pure
        returns (bytes32 root, uint32 count)
    {
        if (txCount == 0) return (bytes32(0), 0);
        bytes32[] memory leaves = new bytes32[](txCount);
        uint256 n;
        uint256 off = _offset(data) + HEADER_LENGTH + MESSAGE_LENGTH * messageCount;
        for (uint256 i; i < txCount; ++i) {
            uint256 txType = _load(off) >> 248;
            if (txType == TX_WITHDRAW) {
                uint256 w = _load(off + 9);
                // forge-lint: disable-next-line(unsafe-typecast)
                leaves[n] = WithdrawalTree.leaf(address(uint160(w >> 96)), uint32(w >> 64), uint64(w));
                unchecked {
                    ++n;
                }
            } else if (txType > TX_WITHDRAW) {
                revert IRollup.MalformedBatchData(ERR_TX_TYPE);
            }
            unchecked {
                off += TX_LENGTH;
            }
        }
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
