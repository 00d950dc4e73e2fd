// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IBatchVerifier} from "../interfaces/IBatchVerifier.sol";
import {DataBinding} from "../libraries/DataBinding.sol";
import {FriVerifier} from "./lib/FriVerifier.sol";
import {IPoseidonHasher} from "./PoseidonHasher.sol";
import {WrapperParams} from "./generated/WrapperParams.sol";
import {IPlonkCheck} from "./PlonkCheck.sol";

/// @title JanusVerifier
/// @notice Verifies a wrapped Plonky2 proof of a range of 1 to `MAX_BATCHES` consecutive batches
///         (docs/verifier.md) and binds it to them: the state root before the range, each batch's
///         new state root, data hash and `y_i = P_i(z_i)` recomputed from the posted data
///         (docs/l2-spec.md §12), and the prover's address all enter the proof's public inputs,
///         which this contract rebuilds itself and hashes with Poseidon.
/// @dev Proof bytes: `k × (z_i0 (8) ‖ z_i1 (8)) ‖ wrapped proof encoding` (big-endian; the encoding
///      is `WrapperParams.PROOF_BYTES` long); for one batch, `z0 ‖ z1 ‖ encoding`. Public inputs
///      (16 base elements), in the circuit's order (prover-gpu/src/recursion/wrap.rs):
///        oldRoot (4 × 64-bit, big-endian) ‖ newRoot (4) ‖ chain (4) ‖ prover (4 × 40-bit limbs,
///        most significant first)
///      where oldRoot is the root before batch 1, newRoot is r_k, and chain = c_k with c_0 = 0^4,
///      c_i = Poseidon hashNoPad(c_{i-1} ‖ link_i) and
///        link_i = r_i (4 × 64-bit) ‖ keccak256(D_i) (8 × 32-bit words) ‖ z_i (2) ‖ y_i (2).
///      `messageChainBefore/After` and `withdrawalRoot` are not public inputs: the rollup derives
///      them from the same data, which the proof binds through its hash and `P(z)`.
///      Failures revert with the named error of the failed check (this contract's, `IBatchVerifier`'s
///      or `FriVerifier`'s) rather than returning false, so a rejected proof says why.
///      The verifier is four contracts, each under the EIP-170 code size limit: this one (public
///      inputs, transcript, FRI), `PoseidonHasher` (range chain and public-inputs hash), `PlonkCheck`
///      (the PLONK identity at zeta, generated gate code) and the `WrapperGateEvaluator` it calls
///      (generated, the Poseidon gate).
contract JanusVerifier is IBatchVerifier {
    /// @notice Bytes per batch before the wrapped proof encoding: its evaluation point `z` (2 × 8).
    uint256 public constant HEADER_BYTES = 16;
    /// @notice Elements of one batch's link in the range chain.
    uint256 public constant LINK_LEN = 16;

    /// @notice The PLONK identity check of the wrapper circuit.
    IPlonkCheck public immutable plonk;
    /// @notice The Poseidon hasher of the range chain and the public inputs.
    IPoseidonHasher public immutable hasher;

    /// @notice The proof is shorter than the evaluation points of its batches.
    /// @dev A proof of k batches is `k * HEADER_BYTES + WrapperParams.PROOF_BYTES` long (a longer or
    ///      shorter encoding fails in `FriVerifier`).
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
    function maxBatches() external pure returns (uint256) {
        return WrapperParams.MAX_BATCHES;
    }

    /// @inheritdoc IBatchVerifier
    /// @dev A range of one: checks `inputs.dataHash` against the data, then the statement of
    ///      `verifyBatches(inputs.prevStateRoot, [inputs.newStateRoot], [data], prover, proof)`.
    function verifyBatch(
        PublicInputs calldata inputs,
        address prover,
        bytes calldata data,
        bytes calldata proof
    ) external view returns (bool) {
        bytes32 h = keccak256(data);
        if (h != inputs.dataHash) revert DataHashMismatch(h, inputs.dataHash);
        if (proof.length < HEADER_BYTES) revert ProofTooShort(proof.length);
        uint256[] memory l = new uint256[](LINK_LEN);
        _link(l, 0, inputs.newStateRoot, h, data, _z(proof, 0));
        return _verify(inputs.prevStateRoot, inputs.newStateRoot, l, prover, proof, 1);
    }

    /// @inheritdoc IBatchVerifier
    function verifyBatches(
        bytes32 prevStateRoot,
        bytes32[] calldata newStateRoots,
        bytes[] calldata data,
        address prover,
        bytes calldata proof
    ) external view returns (bool) {
        uint256[] memory l = links(newStateRoots, data, proof);
        return _verify(prevStateRoot, newStateRoots[data.length - 1], l, prover, proof, data.length);
    }

    /// @notice The wrapper's 16 public inputs for a range (`verifyBatches`' arguments), as the
    ///         proof must attest them: oldRoot ‖ newRoot ‖ chain ‖ prover limbs.
    /// @dev The array is `WrapperParams.NUM_PUBLIC_INPUTS` long (the generated constant).
    function publicInputs(
        bytes32 prevStateRoot,
        bytes32[] calldata newStateRoots,
        bytes[] calldata data,
        address prover,
        bytes calldata proof
    ) external view returns (uint256[] memory) {
        uint256[] memory l = links(newStateRoots, data, proof);
        return _publicInputs(prevStateRoot, newStateRoots[data.length - 1], l, prover);
    }

    /// @notice The range chain's links, `LINK_LEN` elements per batch (r_i ‖ keccak256(D_i) words ‖
    ///         z_i ‖ y_i), with `z_i` read from the proof's header.
    /// @dev Reverts `RangeLength` unless 1 <= data.length == newStateRoots.length <= MAX_BATCHES, and
    ///      `ProofTooShort` when the proof cannot hold the k evaluation points.
    function links(bytes32[] calldata newStateRoots, bytes[] calldata data, bytes calldata proof)
        public
        pure
        returns (uint256[] memory l)
    {
        uint256 k = data.length;
        if (k == 0 || k > WrapperParams.MAX_BATCHES || newStateRoots.length != k) {
            revert RangeLength(k, WrapperParams.MAX_BATCHES);
        }
        if (proof.length < k * HEADER_BYTES) revert ProofTooShort(proof.length);
        l = new uint256[](k * LINK_LEN);
        for (uint256 i; i < k; ++i) {
            _link(l, i, newStateRoots[i], keccak256(data[i]), data[i], _z(proof, i));
        }
    }

    /// @dev Public inputs, transcript, FRI and the PLONK identity for a range of `k` batches.
    function _verify(
        bytes32 prevStateRoot,
        bytes32 newStateRoot,
        uint256[] memory l,
        address prover,
        bytes calldata proof,
        uint256 k
    ) private view returns (bool) {
        uint256[4] memory pih = hasher.hashNoPad(_publicInputs(prevStateRoot, newStateRoot, l, prover));
        (FriVerifier.Openings memory o, FriVerifier.Challenges memory c) =
            FriVerifier.verifyTranscriptAndFri(proof[k * HEADER_BYTES:], pih);
        if (!plonk.check(FriVerifier.flatOpenings(o), FriVerifier.plonkChallenges(c), pih)) {
            revert PlonkIdentity();
        }
        return true;
    }

    function _publicInputs(bytes32 prevStateRoot, bytes32 newStateRoot, uint256[] memory l, address prover)
        private
        view
        returns (uint256[] memory pis)
    {
        pis = new uint256[](WrapperParams.NUM_PUBLIC_INPUTS);
        _root(pis, 0, prevStateRoot);
        _root(pis, 4, newStateRoot);
        uint256[4] memory c = hasher.chain(l);
        (pis[8], pis[9], pis[10], pis[11]) = (c[0], c[1], c[2], c[3]);
        uint256 a = uint160(prover);
        for (uint256 i; i < 4; ++i) {
            pis[12 + i] = (a >> (120 - 40 * i)) & 0xffffffffff;
        }
    }

    /// @dev Writes link `i` at `l[16i .. 16i + 16)`: `root`, the words of `dataHash` (the data's
    ///      keccak256), `z` (z_i from the proof's header) and y_i = P(z_i) of `data`.
    function _link(
        uint256[] memory l,
        uint256 i,
        bytes32 root,
        bytes32 dataHash,
        bytes calldata data,
        bytes16 z
    ) private pure {
        uint256 at = i * LINK_LEN;
        _root(l, at, root);
        for (uint256 j; j < 8; ++j) {
            l[at + 4 + j] = (uint256(dataHash) >> (224 - 32 * j)) & 0xffffffff;
        }
        _evaluation(l, at + 12, data, z);
    }

    /// @dev The 16 header bytes (z_i0 ‖ z_i1) of batch `i`; the caller checked the proof's length.
    function _z(bytes calldata proof, uint256 i) private pure returns (bytes16 z) {
        assembly ("memory-safe") {
            z := and(calldataload(add(proof.offset, mul(i, HEADER_BYTES))), not(sub(shl(128, 1), 1)))
        }
    }

    /// @dev Writes z0 ‖ z1 ‖ y0 ‖ y1 at `l[at .. at + 4)`, `z` being the 16 header bytes of the batch.
    function _evaluation(uint256[] memory l, uint256 at, bytes calldata data, bytes16 z) private pure {
        uint64 z0 = uint64(bytes8(z));
        uint64 z1 = uint64(bytes8(z << 64));
        l[at] = z0;
        l[at + 1] = z1;
        (uint64 y0, uint64 y1) = DataBinding.evaluate(data, z0, z1);
        l[at + 2] = y0;
        l[at + 3] = y1;
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
