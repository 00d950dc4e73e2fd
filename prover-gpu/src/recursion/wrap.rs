//! The wrapper: one recursive proof, with a Keccak transcript and Keccak Merkle trees
//! (`KeccakGoldilocksConfig`), of a Poseidon range proof ([`super::range`]), so the EVM verifier
//! hashes with the cheap `keccak256` opcode. It re-exposes the inner public inputs, followed by
//! the prover's payout address ([`prover_limbs`]): a proof is bound to the address L1 pays, so a
//! copied `proveBatch` transaction pays the original prover or fails (docs/verifier.md).
//!
//! FRI parameters ([`wrapper_config`]): blowup `2^6`, 14 queries and 16 bits of proof of work:
//! conjectured security `6·14 + 16 = 100` bits (plonky2's formula `rate_bits · queries +
//! pow_bits`), for a proof several times smaller than with the standard config (blowup 8, 28
//! queries). Zero knowledge is off: all batch data is public.

use plonky2::field::types::Field;
use plonky2::fri::reduction_strategies::FriReductionStrategy;
use plonky2::fri::FriConfig;
use plonky2::iop::target::Target;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{
    CircuitConfig, CircuitData, CommonCircuitData, VerifierOnlyCircuitData,
};
use plonky2::plonk::config::KeccakGoldilocksConfig;
use plonky2::plonk::proof::{ProofWithPublicInputs, ProofWithPublicInputsTarget};

use crate::cache::{build_or_load, Origin, ProverCache};
use crate::error::ProverError;
use crate::gpu::prove::prove_cpu;
use crate::prover::{C, D, F};

/// Config of the wrapper's own proof.
pub type WrapC = KeccakGoldilocksConfig;

/// FRI blowup `2^RATE_BITS` of the wrapper.
pub const RATE_BITS: usize = 6;
/// FRI queries of the wrapper.
pub const QUERIES: usize = 14;
/// Proof-of-work bits of the wrapper.
pub const POW_BITS: u32 = 16;

/// The wrapper's circuit config (see the module docs).
pub fn wrapper_config() -> CircuitConfig {
    CircuitConfig {
        zero_knowledge: false,
        fri_config: FriConfig {
            rate_bits: RATE_BITS,
            cap_height: 4,
            proof_of_work_bits: POW_BITS,
            reduction_strategy: FriReductionStrategy::ConstantArityBits(4, 5),
            num_query_rounds: QUERIES,
        },
        ..CircuitConfig::standard_recursion_config()
    }
}

/// Conjectured security bits of [`wrapper_config`].
pub fn wrapper_security_bits() -> usize {
    RATE_BITS * QUERIES + POW_BITS as usize
}

/// Public inputs the wrapper appends to its inner proof's: the prover's address.
pub const PROVER_LIMBS: usize = 4;

/// Bits per limb of the prover's address (`4 · 40 = 160`).
pub const PROVER_LIMB_BITS: usize = 40;

/// The prover's 20-byte address as [`PROVER_LIMBS`] public inputs: big-endian limbs of 5 bytes
/// each (every limb `< 2^40 < p`, so the encoding is injective). The Solidity verifier builds
/// the same limbs from `msg.sender` of `proveBatch`.
pub fn prover_limbs(prover: &[u8; 20]) -> [F; PROVER_LIMBS] {
    core::array::from_fn(|i| {
        let limb = prover[5 * i..5 * i + 5]
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        F::from_canonical_u64(limb)
    })
}

/// The wrapper circuit for one inner (Poseidon) circuit.
pub struct WrapperCircuit {
    /// The circuit.
    pub data: CircuitData<F, WrapC, D>,
    /// Whether the circuit data was built or loaded from a prover-data cache.
    pub origin: Origin,
    inner: ProofWithPublicInputsTarget<D>,
    prover: [Target; PROVER_LIMBS],
}

impl WrapperCircuit {
    /// Build the wrapper of proofs of the circuit (`common`, `verifier`).
    pub fn new(
        common: &CommonCircuitData<F, D>,
        verifier: &VerifierOnlyCircuitData<C, D>,
        cache: Option<&ProverCache>,
    ) -> Result<Self, ProverError> {
        let mut b = CircuitBuilder::<F, D>::new(wrapper_config());
        let vd = b.constant_verifier_data(verifier);
        let inner = b.add_virtual_proof_with_pis(common);
        b.verify_proof::<C>(&inner, &vd, common);
        b.register_public_inputs(&inner.public_inputs);
        // Only bound by the public-inputs hash: no constraint is needed, a proof made for one
        // address does not verify with another's limbs.
        let prover = b.add_virtual_target_arr::<PROVER_LIMBS>();
        b.register_public_inputs(&prover);
        let inner_digest = Some(verifier.circuit_digest);
        let (data, origin) = build_or_load::<WrapC>(cache, "wrapper", &[], inner_digest, b)?;
        Ok(Self {
            data,
            origin,
            inner,
            prover,
        })
    }

    /// Wrap one inner proof for the prover paid at address `prover`.
    pub fn prove(
        &self,
        inner: &ProofWithPublicInputs<F, C, D>,
        prover: &[u8; 20],
    ) -> Result<ProofWithPublicInputs<F, WrapC, D>, ProverError> {
        let mut pw = PartialWitness::new();
        pw.set_proof_with_pis_target(&self.inner, inner)
            .map_err(ProverError::witness)?;
        for (t, v) in self.prover.iter().zip(prover_limbs(prover)) {
            pw.set_target(*t, v).map_err(ProverError::witness)?;
        }
        prove_cpu(&self.data, pw)
    }

    /// Verify a wrapped proof.
    pub fn verify(&self, proof: &ProofWithPublicInputs<F, WrapC, D>) -> Result<(), ProverError> {
        self.data
            .verify(proof.clone())
            .map_err(|e| ProverError::Verification(e.to_string()))
    }

    /// Names of the gate types the wrapper circuit uses (what the Solidity verifier must
    /// implement).
    pub fn gate_ids(&self) -> Vec<String> {
        self.data.common.gates.iter().map(|g| g.0.id()).collect()
    }
}
