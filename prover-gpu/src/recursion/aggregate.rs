//! 2-to-1 aggregation: one circuit verifies two proofs of the same inner circuit (batch or
//! aggregation of the level below), checks root continuity `left.new_root = right.old_root` and
//! exposes `left.old_root ‖ right.new_root ‖ left.bindings ‖ right.bindings`.

use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CircuitData, CommonCircuitData, VerifierOnlyCircuitData};
use plonky2::plonk::proof::{ProofWithPublicInputs, ProofWithPublicInputsTarget};

use super::{verify_pair, ROOTS};
use crate::cache::{build_or_load, Origin, ProverCache};
use crate::circuit::batch_config;
use crate::error::ProverError;
use crate::gpu::device::GpuDevice;
use crate::gpu::prove::prove_with_gpu;
use crate::prover::{C, D, F};

/// An aggregation circuit for two proofs of one inner circuit.
pub struct AggregationCircuit {
    /// The circuit.
    pub data: CircuitData<F, C, D>,
    /// Whether the circuit data was built or loaded from a prover-data cache.
    pub origin: Origin,
    left: ProofWithPublicInputsTarget<D>,
    right: ProofWithPublicInputsTarget<D>,
    inner_public_inputs: usize,
}

impl AggregationCircuit {
    /// Build the aggregation of two proofs of the circuit (`common`, `verifier`).
    pub fn new(
        common: &CommonCircuitData<F, D>,
        verifier: &VerifierOnlyCircuitData<C, D>,
        cache: Option<&ProverCache>,
    ) -> Result<Self, ProverError> {
        let n = common.num_public_inputs;
        if n < ROOTS {
            return Err(ProverError::Decode(format!(
                "inner circuit has {n} public inputs, fewer than the {ROOTS} roots"
            )));
        }
        let mut b = CircuitBuilder::<F, D>::new(batch_config());
        let (left, right) = verify_pair(&mut b, common, verifier);
        for i in 0..4 {
            b.connect(left.public_inputs[4 + i], right.public_inputs[i]);
        }
        b.register_public_inputs(&left.public_inputs[0..4]);
        b.register_public_inputs(&right.public_inputs[4..8]);
        b.register_public_inputs(&left.public_inputs[ROOTS..]);
        b.register_public_inputs(&right.public_inputs[ROOTS..]);
        let inner = Some(verifier.circuit_digest);
        let (data, origin) = build_or_load::<C>(cache, "aggregation", &[], inner, b)?;
        Ok(Self {
            data,
            origin,
            left,
            right,
            inner_public_inputs: n,
        })
    }

    /// Aggregate `left` then `right` (consecutive: `left.new_root = right.old_root`, checked
    /// natively first and by the circuit), with the commitments on `gpu` if given.
    pub fn prove(
        &self,
        left: &ProofWithPublicInputs<F, C, D>,
        right: &ProofWithPublicInputs<F, C, D>,
        gpu: Option<&GpuDevice>,
    ) -> Result<ProofWithPublicInputs<F, C, D>, ProverError> {
        check_continuity(left, right)?;
        self.prove_unchecked(left, right, gpu)
    }

    /// [`Self::prove`] without the native continuity check (tests show the circuit's own).
    pub fn prove_unchecked(
        &self,
        left: &ProofWithPublicInputs<F, C, D>,
        right: &ProofWithPublicInputs<F, C, D>,
        gpu: Option<&GpuDevice>,
    ) -> Result<ProofWithPublicInputs<F, C, D>, ProverError> {
        for p in [left, right] {
            if p.public_inputs.len() != self.inner_public_inputs {
                return Err(ProverError::Decode("inner proof of another circuit".into()));
            }
        }
        let mut pw = PartialWitness::new();
        pw.set_proof_with_pis_target(&self.left, left)
            .map_err(ProverError::witness)?;
        pw.set_proof_with_pis_target(&self.right, right)
            .map_err(ProverError::witness)?;
        prove_with_gpu(gpu, &self.data, pw)
    }

    /// Verify an aggregation proof.
    pub fn verify(&self, proof: &ProofWithPublicInputs<F, C, D>) -> Result<(), ProverError> {
        self.data
            .verify(proof.clone())
            .map_err(|e| ProverError::Verification(e.to_string()))
    }
}

fn root(p: &ProofWithPublicInputs<F, C, D>, at: usize) -> Result<[u64; 4], ProverError> {
    use plonky2::field::types::PrimeField64;
    let s = p
        .public_inputs
        .get(at..at + 4)
        .ok_or_else(|| ProverError::Decode("proof has no roots".into()))?;
    Ok([0, 1, 2, 3].map(|i| s[i].to_canonical_u64()))
}

/// Natively check `left.new_root = right.old_root`.
pub fn check_continuity(
    left: &ProofWithPublicInputs<F, C, D>,
    right: &ProofWithPublicInputs<F, C, D>,
) -> Result<(), ProverError> {
    let (left_new, right_old) = (root(left, 4)?, root(right, 0)?);
    if left_new != right_old {
        return Err(ProverError::Discontinuity {
            left_new,
            right_old,
        });
    }
    Ok(())
}
