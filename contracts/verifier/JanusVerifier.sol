// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IBatchVerifier} from "../interfaces/IBatchVerifier.sol";
import {DataBinding} from "../libraries/DataBinding.sol";
import {FriVerifier} from "./lib/FriVerifier.sol";
import {IPoseidonHasher} from "./PoseidonHasher.sol";
import {WrapperParams} from "./generated/WrapperParams.sol";
import {IPlonkCheck} from "./PlonkCheck.sol";

/// @title JanusVerifier
/// @notice Verifies a wrapped Plonky2 proof of one batch (docs/verifier.md) and binds it to the
///         batch: the parent and new state roots, the data hash, `y = P(z)` recomputed from the
///         posted data (docs/l2-spec.md §12) and the prover's address all enter the proof's
///         public inputs, which this contract rebuilds itself and hashes with Poseidon.
/// @dev Proof bytes: `z0 (8) ‖ z1 (8) ‖ wrapped proof encoding` (big-endian; the encoding is
///      `WrapperParams.PROOF_BYTES` long). Public inputs (24 base elements), in the circuit's order
///      (prover-gpu/src/circuit, prover-gpu/src/recursion/wrap.rs):
///        prevStateRoot (4 × 64-bit, big-endian) ‖ newStateRoot (4) ‖ dataHash (8 × 32-bit words)
///        ‖ z (2) ‖ y (2) ‖ prover (4 × 40-bit limbs, most significant first)
///      `messageChainBefore/After` and `withdrawalRoot` are not public inputs: the rollup derives
///      them from the same data, which the proof binds through its hash and `P(z)`.
///      Failures revert with the named error of the failed check (this contract's or
///      `FriVerifier`'s) rather than returning false, so a rejected proof says why.
///      The verifier is four contracts, each under the EIP-170 code size limit: this one (public
///      inputs, transcript, FRI), `PoseidonHasher` (public-inputs hash), `PlonkCheck` (the PLONK
///      identity at zeta, generated gate code) and the `WrapperGateEvaluator` it calls (generated,
///      the Poseidon gate).
contract JanusVerifier is IBatchVerifier {
    /// @notice Bytes before the wrapped proof encoding: the evaluation point `z` (2 × 8).
    uint256 public constant HEADER_BYTES = 16;

    /// @notice The PLONK identity check of the wrapper circuit.
    IPlonkCheck public immutable plonk;
    /// @notice The Poseidon hasher of the public inputs.
    IPoseidonHasher public immutable hasher;

    /// @notice The proof is shorter than its header.
    /// @dev A proof is `HEADER_BYTES + WrapperParams.PROOF_BYTES` long.
    error ProofTooShort(uint256 length);
    /// @notice A state root is not four canonical Goldilocks elements.
    /// @dev Such a root cannot be a circuit output, so no proof can exist for it.
    error NonCanonicalRoot(bytes32 root);
    /// @notice `keccak256(data)` is not the batch's data hash.
    error DataHashMismatch(bytes32 got, bytes32 want);
    /// @notice The openings do not satisfy the wrapper circuit's constraints at zeta.
    /// @dev The gate constraints, the permutation argument or the quotient identity fails.
    error PlonkIdentity();

    constructor(IPlonkCheck plonk_, IPoseidonHasher hasher_) {
        plonk = plonk_;
        hasher = hasher_;
    }

    /// @inheritdoc IBatchVerifier
    function maxRecords() external pure returns (uint256) {
        return WrapperParams.MAX_RECORDS;
    }

    /// @inheritdoc IBatchVerifier
    function verifyBatch(
        PublicInputs calldata inputs,
        address prover,
        bytes calldata data,
        bytes calldata proof
    ) external view returns (bool) {
        if (keccak256(data) != inputs.dataHash) {
            revert DataHashMismatch(keccak256(data), inputs.dataHash);
        }
        uint256[4] memory pih = hasher.hashNoPad(publicInputs(inputs, prover, data, proof));
        (FriVerifier.Openings memory o, FriVerifier.Challenges memory c) =
            FriVerifier.verifyTranscriptAndFri(proof[HEADER_BYTES:], pih);
        if (!plonk.check(FriVerifier.flatOpenings(o), FriVerifier.plonkChallenges(c), pih)) {
            revert PlonkIdentity();
        }
        return true;
    }

    /// @notice The wrapper's public inputs for `inputs`, `prover`, `data` and the proof's `z`.
    function publicInputs(
        PublicInputs calldata inputs,
        address prover,
        bytes calldata data,
        bytes calldata proof
    ) public pure returns (uint256[] memory pis) {
        if (proof.length < HEADER_BYTES) revert ProofTooShort(proof.length);
        pis = new uint256[](WrapperParams.NUM_PUBLIC_INPUTS);
        _root(pis, 0, inputs.prevStateRoot);
        _root(pis, 4, inputs.newStateRoot);
        uint256 h = uint256(inputs.dataHash);
        for (uint256 i; i < 8; ++i) {
            pis[8 + i] = (h >> (224 - 32 * i)) & 0xffffffff;
        }
        uint64 z0 = uint64(bytes8(proof[0:8]));
        uint64 z1 = uint64(bytes8(proof[8:16]));
        (uint64 y0, uint64 y1) = DataBinding.evaluate(data, z0, z1);
        (pis[16], pis[17], pis[18], pis[19]) = (z0, z1, y0, y1);
        uint256 a = uint160(prover);
        for (uint256 i; i < 4; ++i) {
            pis[20 + i] = (a >> (120 - 40 * i)) & 0xffffffffff;
        }
    }

    /// @dev Writes the four 64-bit big-endian limbs of `root` at `pis[at..at+4)`; each must be `< p`.
    function _root(uint256[] memory pis, uint256 at, bytes32 root) private pure {
        uint256 r = uint256(root);
        for (uint256 i; i < 4; ++i) {
            uint256 limb = (r >> (192 - 64 * i)) & 0xffffffffffffffff;
            if (limb >= DataBinding.P) revert NonCanonicalRoot(root);
            pis[at + i] = limb;
        }
    }
}
