// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {PoseidonGoldilocks} from "./generated/PoseidonGoldilocks.sol";

/// @title IPoseidonHasher
/// @notice plonky2's `PoseidonHash::hash_no_pad` over Goldilocks, as a separate contract.
interface IPoseidonHasher {
    /// @notice `links.length` is not a multiple of `LINK_LEN`.
    /// @dev A range proof's chain absorbs whole 16-element links, one per batch.
    error LinksLength(uint256 length);

    /// @notice The 4-element Poseidon hash of `input` (base elements, each `< p`).
    function hashNoPad(uint256[] calldata input) external pure returns (uint256[4] memory);

    /// @notice The range chain over consecutive 16-element links: `c_0 = (0, 0, 0, 0)`,
    ///         `c_i = hashNoPad(c_{i-1} ‖ links[16(i-1) .. 16i))`; returns `c_k`, k = links.length / 16.
    /// @dev Every element must be `< p` (`PoseidonGoldilocks.NonCanonical` otherwise).
    function chain(uint256[] calldata links) external pure returns (uint256[4] memory);
}

/// @title PoseidonHasher
/// @notice Hashes a wrapped proof's public inputs, and the range chain of batch links they commit
///         to, for `JanusVerifier` (the wrapper's inner hasher is Poseidon). Its own contract
///         because the unrolled permutation with its constants and the FRI verifier together
///         exceed the EIP-170 code size limit.
contract PoseidonHasher is IPoseidonHasher {
    /// @notice Elements of one batch's link (docs/verifier.md, "Range proofs").
    uint256 public constant LINK_LEN = 16;

    /// @inheritdoc IPoseidonHasher
    function hashNoPad(uint256[] calldata input) external pure returns (uint256[4] memory) {
        return PoseidonGoldilocks.hashNoPad(input);
    }

    /// @inheritdoc IPoseidonHasher
    /// @dev One call for the whole chain (rather than one per link) saves an external call and the
    ///      ABI round trip per batch; the 20-element buffer is reused for every link.
    function chain(uint256[] calldata links) external pure returns (uint256[4] memory c) {
        uint256 n = links.length;
        if (n % LINK_LEN != 0) revert LinksLength(n);
        uint256[] memory buf = new uint256[](4 + LINK_LEN);
        uint256 ptr;
        assembly ("memory-safe") {
            ptr := add(buf, 0x20)
        }
        for (uint256 at; at < n; at += LINK_LEN) {
            assembly ("memory-safe") {
                mstore(ptr, mload(c))
                mstore(add(ptr, 0x20), mload(add(c, 0x20)))
                mstore(add(ptr, 0x40), mload(add(c, 0x40)))
                mstore(add(ptr, 0x60), mload(add(c, 0x60)))
                // links[at .. at + LINK_LEN) after the 4 chain words.
                calldatacopy(add(ptr, 0x80), add(links.offset, shl(5, at)), shl(5, LINK_LEN))
            }
            (c[0], c[1], c[2], c[3]) = PoseidonGoldilocks.hashNoPadPtr(ptr, 4 + LINK_LEN);
        }
    }
}
