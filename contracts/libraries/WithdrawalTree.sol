// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title WithdrawalTree
/// @notice The withdrawal tree of docs/l2-spec.md §5: Keccak leaves
///         `keccak256(l1Recipient ‖ asset u32 ‖ amount u64)`, depth ceil(log2 n), missing leaves zero,
///         nodes `keccak256(left ‖ right)`, root 0 for an empty batch.
library WithdrawalTree {
    /// @notice Leaf hash of a withdrawal.
    function leaf(address recipient, uint32 asset, uint64 amount) internal pure returns (bytes32 h) {
        assembly ("memory-safe") {
            // 20 + 4 + 8 = 32 bytes, packed big-endian exactly like abi.encodePacked.
            mstore(
                0x00,
                or(or(shl(96, recipient), shl(64, and(asset, 0xffffffff))), and(amount, 0xffffffffffffffff))
            )
            h := keccak256(0x00, 0x20)
        }
    }

    /// @notice Depth of a tree with `count` leaves: ceil(log2(count)), 0 for 0 or 1 leaf.
    function depth(uint256 count) internal pure returns (uint256 d) {
        while ((uint256(1) << d) < count) {
            unchecked {
                ++d;
            }
        }
    }

    /// @notice Root of the tree over `leaves` (the array is overwritten as scratch space).
    function root(bytes32[] memory leaves) internal pure returns (bytes32) {
        uint256 n = leaves.length;
        if (n == 0) return bytes32(0);
        while (n > 1) {
            uint256 half = (n + 1) >> 1;
            for (uint256 i; i < half; ++i) {
                bytes32 l = leaves[2 * i];
                bytes32 r = 2 * i + 1 < n ? leaves[2 * i + 1] : bytes32(0);
                leaves[i] = _hashPair(l, r);
            }
            n = half;
        }
        return leaves[0];
    }

    /// @notice Root obtained by hashing `leafHash` at position `index` up through `proof`.
    function rootFromProof(bytes32 leafHash, uint256 index, bytes32[] calldata proof)
        internal
        pure
        returns (bytes32 h)
    {
        h = leafHash;
        uint256 len = proof.length;
        for (uint256 i; i < len; ++i) {
            h = (index >> i) & 1 == 0 ? _hashPair(h, proof[i]) : _hashPair(proof[i], h);
        }
    }

    function _hashPair(bytes32 l, bytes32 r) private pure returns (bytes32 h) {
        assembly ("memory-safe") {
            mstore(0x00, l)
            mstore(0x20, r)
            h := keccak256(0x00, 0x40)
        }
    }
}
