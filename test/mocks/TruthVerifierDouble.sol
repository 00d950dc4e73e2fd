// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IBatchVerifier} from "../../contracts/interfaces/IBatchVerifier.sol";

/// @title TruthVerifierDouble
/// @notice TEST DOUBLE ONLY. Stands for a sound verifier: it accepts a proof only for public inputs
///         the test declared true (a state transition the test knows to be valid) and only when the
///         proof bytes are the commitment `keccak256(abi.encode(inputs, keccak256(data)))`. An
///         invalid batch therefore cannot be "proven", which is what the settlement tests need.
contract TruthVerifierDouble is IBatchVerifier {
    /// @notice Capacity reported to the rollup: unbounded (the settlement tests are about truth).
    uint256 public constant maxRecords = type(uint256).max;

    mapping(bytes32 => bool) public isTrue;

    function key(PublicInputs memory inputs) public pure returns (bytes32) {
        return keccak256(abi.encode(inputs));
    }

    /// @notice Declare `inputs` a valid transition.
    function setTrue(PublicInputs memory inputs) external {
        isTrue[key(inputs)] = true;
    }

    /// @notice The proof bytes this double accepts for `inputs` and `data`.
    function proofFor(PublicInputs memory inputs, bytes memory data) public pure returns (bytes memory) {
        return abi.encodePacked(keccak256(abi.encode(inputs, keccak256(data))));
    }

    function verifyBatch(PublicInputs calldata inputs, address, bytes calldata data, bytes calldata proof)
        external
        view
        returns (bool)
    {
        return isTrue[key(inputs)] && keccak256(proof) == keccak256(proofFor(inputs, data));
    }
}
