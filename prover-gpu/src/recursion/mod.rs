//! Recursion: the segment tree that folds a batch's segment proofs into one batch proof
//! ([`segments`]), the range tree that folds consecutive batch proofs into one range proof
//! ([`range`]), and the final wrapper proof with a Keccak transcript for the EVM verifier
//! ([`wrap`]).
//!
//! Every Janus proof's public inputs start with `old_root (4) ‖ new_root (4)`. A batch proof
//! then has `data_hash (8) ‖ z (2) ‖ y (2)`; a range proof the Poseidon chain of its batches'
//! links (4). The wrapper wraps range proofs: it re-exposes their public inputs unchanged, then
//! the prover's address ([`wrap::prover_limbs`]).

use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CommonCircuitData, VerifierOnlyCircuitData};
use plonky2::plonk::proof::ProofWithPublicInputsTarget;

use crate::prover::{C, D, F};

pub mod range;
pub mod segments;
pub mod wrap;

pub use range::{RangeNodeCircuit, RangePublicInputs, RangeTree};
pub use segments::{SegmentNodeCircuit, SegmentTree};
pub use wrap::{prover_limbs, wrapper_config, WrapC, WrapperCircuit, PROVER_LIMBS};

/// Elements of `old_root ‖ new_root` at the start of every Janus proof's public inputs.
pub const ROOTS: usize = 8;

/// Two proofs of the circuit (`common`, `verifier`) as targets of `b`, both verified (left, then
/// right) against its constant verifier data.
pub(crate) fn verify_pair(
    b: &mut CircuitBuilder<F, D>,
    common: &CommonCircuitData<F, D>,
    verifier: &VerifierOnlyCircuitData<C, D>,
) -> (
    ProofWithPublicInputsTarget<D>,
    ProofWithPublicInputsTarget<D>,
) {
    let vd = b.constant_verifier_data(verifier);
    let left = b.add_virtual_proof_with_pis(common);
    let right = b.add_virtual_proof_with_pis(common);
    b.verify_proof::<C>(&left, &vd, common);
    b.verify_proof::<C>(&right, &vd, common);
    (left, right)
}
