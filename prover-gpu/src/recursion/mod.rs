//! Recursion: 2-to-1 aggregation of batch (or aggregation) proofs ([`aggregate`]), the segment
//! tree that folds a batch's segment proofs into one batch proof ([`segments`]), and the final
//! wrapper proof with a Keccak transcript for the EVM verifier ([`wrap`]).
//!
//! Public-input layout shared by batch and aggregation proofs: `old_root (4) ‖ new_root (4) ‖
//! bindings`, where a batch proof's binding is `data_hash (8) ‖ z (2) ‖ y (2)` and an aggregation
//! proof's bindings are the left proof's bindings followed by the right one's (so L1 checks each
//! batch's data as for a single batch proof). The wrapper re-exposes its inner proof's public
//! inputs unchanged, then the prover's address ([`wrap::prover_limbs`]).

use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CommonCircuitData, VerifierOnlyCircuitData};
use plonky2::plonk::proof::ProofWithPublicInputsTarget;

use crate::prover::{C, D, F};

pub mod aggregate;
pub mod segments;
pub mod wrap;

pub use aggregate::AggregationCircuit;
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
