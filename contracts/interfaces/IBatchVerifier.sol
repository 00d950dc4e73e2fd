// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IBatchVerifier
/// @notice Verifies a validity proof of a batch (or of a range of consecutive batches aggregated
///         into one proof). Implemented by the generated Plonky2 verifier; test doubles live in test/.
/// @dev The verifier is responsible for binding the proof to `data` (e.g. by recomputing the
///      polynomial evaluation y = P(z) from the calldata, see docs/l2-spec.md).
interface IBatchVerifier {
    /// @notice What a batch proof attests.
    struct PublicInputs {
        bytes32 prevStateRoot; // state root before the batch
        bytes32 newStateRoot; // state root after the batch
        bytes32 messageChainBefore; // L1 message chain value at msgStart
        bytes32 messageChainAfter; // L1 message chain value at msgEnd
        bytes32 withdrawalRoot; // withdrawal tree root of the batch
        bytes32 dataHash; // keccak256 of the posted batch data
    }

    /// @notice The most records (L1 messages + transactions) of a batch this verifier can prove:
    ///         the slots of the circuit it was generated for. The rollup refuses to open a
    ///         challenge on a larger batch, since no proof could answer it.
    function maxRecords() external view returns (uint256);

    /// @notice True iff `proof` proves `inputs` for exactly `data`, made for `prover`.
    /// @dev `prover` is the account the rollup pays for the proof (the sender of `proveBatch` or
    ///      `submitBatchWithProof`). It is a public input of the proof, so a proof copied from a
    ///      pending transaction by another sender is rejected instead of paying the copier.
    function verifyBatch(
        PublicInputs calldata inputs,
        address prover,
        bytes calldata data,
        bytes calldata proof
    ) external view returns (bool);
}
