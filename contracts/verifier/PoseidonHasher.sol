// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {PoseidonGoldilocks} from "./generated/PoseidonGoldilocks.sol";

/// @title IPoseidonHasher
/// @notice plonky2's `PoseidonHash::hash_no_pad` over Goldilocks, as a separate contract.
interface IPoseidonHasher {
    /// @notice The 4-element Poseidon hash of `input` (base elements, each `< p`).
    function hashNoPad(uint256[] calldata input) external pure returns (uint256[4] memory);
}

/// @title PoseidonHasher
/// @notice Hashes a wrapped proof's public inputs for `JanusVerifier` (the wrapper's inner hasher
///         is Poseidon). Its own contract because the unrolled permutation with its constants and
///         the FRI verifier together exceed the EIP-170 code size limit.
contract PoseidonHasher is IPoseidonHasher {
    /// @inheritdoc IPoseidonHasher
    function hashNoPad(uint256[] calldata input) external pure returns (uint256[4] memory) {
        return PoseidonGoldilocks.hashNoPad(input);
    }
}
