// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IBatchVerifier} from "../../contracts/interfaces/IBatchVerifier.sol";
import {dataHashes} from "./RollupTestDoubles.sol";

/// @title TruthVerifierDouble
/// @notice TEST DOUBLE ONLY. Stands for a sound verifier: it accepts a proof only for public inputs
///         the test declared true (a state transition the test knows to be valid) and only when the
///         proof bytes are the commitment `keccak256(abi.encode(inputs, keccak256(data)))`. An
///         invalid batch therefore cannot be "proven", which is what the settlement tests need.
///         A range is accepted only when every batch in it is a declared-true step (parent root,
///         new root, data hash; the message chains and withdrawal root follow from the data) and
///         the proof is `rangeProofFor` the range.
contract TruthVerifierDouble is IBatchVerifier {
    /// @notice Capacity reported to the rollup: unbounded (the settlement tests are about truth).
    uint256 public constant maxRecords = type(uint256).max;
    /// @notice Range bound, as the generated verifier's.
    uint256 public constant maxBatches = 4;

    mapping(bytes32 => bool) public isTrue;
    /// @notice stepKey(prev, new, dataHash) => declared true.
    mapping(bytes32 => bool) public isTrueStep;

    function key(PublicInputs memory inputs) public pure returns (bytes32) {
        return keccak256(abi.encode(inputs));
    }

    function stepKey(bytes32 prevStateRoot, bytes32 newStateRoot, bytes32 dataHash)
        public
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(prevStateRoot, newStateRoot, dataHash));
    }

    /// @notice Declare `inputs` a valid transition.
    function setTrue(PublicInputs memory inputs) external {
        isTrue[key(inputs)] = true;
        isTrueStep[stepKey(inputs.prevStateRoot, inputs.newStateRoot, inputs.dataHash)] = true;
    }

    /// @notice The proof bytes this double accepts for `inputs` and `data`.
    function proofFor(PublicInputs memory inputs, bytes memory data) public pure returns (bytes memory) {
        return abi.encodePacked(keccak256(abi.encode(inputs, keccak256(data))));
    }

    /// @notice The proof bytes this double accepts for a range (if every step is true).
    function rangeProofFor(bytes32 prevStateRoot, bytes32[] memory newStateRoots, bytes[] memory data)
        public
        pure
        returns (bytes memory)
    {
        return abi.encodePacked(
            keccak256(abi.encode("range", prevStateRoot, newStateRoots, dataHashes(data)))
        );
    }

    function verifyBatch(PublicInputs calldata inputs, address, bytes calldata data, bytes calldata proof)
        external
        view
        returns (bool)
    {
        return isTrue[key(inputs)] && keccak256(proof) == keccak256(proofFor(inputs, data));
    }

    function verifyBatches(
        bytes32 prevStateRoot,
        bytes32[] calldata newStateRoots,
        bytes[] calldata data,
        address,
        bytes calldata proof
    ) external view returns (bool) {
        uint256 k = data.length;
        if (k == 0 || k > maxBatches || newStateRoots.length != k) revert RangeLength(k, maxBatches);
        bytes32 prev = prevStateRoot;
        for (uint256 i; i < k; ++i) {
            if (!isTrueStep[stepKey(prev, newStateRoots[i], keccak256(data[i]))]) return false;
            prev = newStateRoots[i];
        }
        return keccak256(proof) == keccak256(rangeProofFor(prevStateRoot, newStateRoots, data));
    }
}
