// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title IBatchVerifier
/// @notice Verifies a validity proof of a batch, or of a range of consecutive batches aggregated
///         into one proof. Implemented by the generated Plonky2 verifier; test doubles live in test/.
/// @dev The verifier is responsible for binding the proof to the batch data (e.g. by recomputing the
///      polynomial evaluation y = P(z) from the calldata, see docs/l2-spec.md). A single batch is a
///      range of one: `verifyBatch` and `verifyBatches` with one batch check the same statement.
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

    /// @notice A range of `count` batches, where one proof covers 1 to `maxBatches` of them.
    /// @dev Also raised when `newStateRoots` and `data` differ in length (`count` is then the data's).
    error RangeLength(uint256 count, uint256 maxBatches);

    /// @notice The most records (L1 messages + transactions) of a batch this verifier can prove:
    ///         the slots of the circuit it was generated for. The rollup refuses to open a
    ///         challenge on a larger batch, since no proof could answer it.
    function maxRecords() external view returns (uint256);

    /// @notice The most consecutive batches one proof may cover (`verifyBatches`), at least 1.
    function maxBatches() external view returns (uint256);

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

    /// @notice True iff `proof` proves, for `prover`, the run of consecutive batches that starts from
    ///         `prevStateRoot` and whose batch i has data `data[i]` and new state root
    ///         `newStateRoots[i]` (so batch i starts from `newStateRoots[i - 1]`).
    /// @dev 1 <= data.length == newStateRoots.length <= maxBatches(), else `RangeLength`. The
    ///      verifier hashes each `data[i]` itself (the caller checked them against its stored data
    ///      hashes). `prover` is bound as in `verifyBatch` (the sender of `proveBatches`).
    function verifyBatches(
        bytes32 prevStateRoot,
        bytes32[] calldata newStateRoots,
        bytes[] calldata data,
        address prover,
        bytes calldata proof
    ) external view returns (bool);
}
