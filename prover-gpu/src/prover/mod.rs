//! Deterministic proving on plonky2 1.1's public API.
//!
//! Stock plonky2 proofs are not reproducible, for two reasons, both handled here:
//!
//! 1. `CircuitBuilder::build` calls `randomize_unused_pi_wires`, which adds one
//!    `RandomValueGenerator` (drawing from the OS RNG) for every wire of the `PublicInputGate`
//!    after the four public-input-hash wires. [`make_deterministic`] replaces each of them with a
//!    [`FixedWireGenerator`] that writes zero. Those wires are constrained by nothing; plonky2
//!    randomizes them only so that a retry after the (probability ≈ 2^-40) division by zero in
//!    the permutation argument gets a fresh transcript. With fixed values the same input fails
//!    the same way; the prover reports it as [`ProverError::Proving`].
//! 2. The FRI proof-of-work search uses `into_par_iter().find_any(..)`: with plonky2's
//!    `parallel` feature any thread's witness wins. Without that feature
//!    (`plonky2_maybe_rayon`'s sequential mock) `find_any` is `Iterator::find`, i.e. the
//!    **smallest** nonce. This crate therefore depends on plonky2 with `default-features =
//!    false` and never enables `plonky2/parallel` (nothing else in the workspace may turn it on
//!    for a build that links this crate: cargo unifies features; `tests/determinism_cores.rs`
//!    checks it is off).
//!
//! With `plonky2/parallel` off, plonky2's own `CircuitData::prove` runs on one core. The
//! provers the crate uses ([`crate::gpu::prove::prove_with_gpu`] with no GPU, and
//! [`crate::gpu::prove::prove_cpu`] for the Keccak wrapper) follow plonky2's prover step for
//! step on its public API and use every core of rayon's current pool where the result cannot
//! depend on scheduling: the three commitments ([`commit`]: iFFT/LDE per polynomial, transpose,
//! Merkle tree in plonky2's layout), the partial products and the quotient (order-preserving
//! maps), the openings and the FRI proof ([`fri`]: combination by coefficient ranges, FFTs,
//! commit-phase trees, query rounds; the proof of work searched window by window, keeping the
//! lowest hit, so it returns the smallest nonce as the sequential search does). Their proofs
//! equal [`prove_deterministic`]'s byte for byte on any number of threads
//! (`tests/determinism_cores.rs`); [`prove_deterministic`] is kept as the single-threaded
//! reference. Independent proofs can additionally run side by side (feature `parallel`,
//! [`batch::BatchProver::prove_batches`]).
//!
//! Zero knowledge must be off (`zero_knowledge = false`, as in
//! `CircuitConfig::standard_recursion_config`): blinding draws from the RNG. Janus proofs hide
//! nothing (all batch data is public), so this costs nothing.
//!
//! With both fixed, [`prove_deterministic`] (and the all-cores provers above) return
//! byte-identical proofs (plonky2's `ProofWithPublicInputs::to_bytes`) for the same circuit and
//! witness, on any machine, and the stock `verify` accepts them.

use std::panic::{catch_unwind, AssertUnwindSafe};

use plonky2::field::extension::Extendable;
use plonky2::hash::hash_types::RichField;
use plonky2::iop::generator::{
    GeneratedValues, SimpleGenerator, WitnessGenerator, WitnessGeneratorRef,
};
use plonky2::iop::target::Target;
use plonky2::iop::witness::{PartialWitness, PartitionWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CircuitData, CommonCircuitData};
use plonky2::plonk::config::{GenericConfig, PoseidonGoldilocksConfig};
use plonky2::plonk::proof::ProofWithPublicInputs;
use plonky2::util::serialization::{Buffer, IoResult, Read, Write};

use crate::error::ProverError;

/// Extension degree used by every Janus circuit (GF(p^2)).
pub const D: usize = 2;
/// Config of the batch and recursive (segment, range) circuits (Poseidon transcript and Merkle trees).
pub type C = PoseidonGoldilocksConfig;
/// The Goldilocks field.
pub type F = <C as GenericConfig<D>>::F;

/// Id of plonky2's RNG-backed generator that `randomize_unused_pi_wires` installs.
const RANDOM_GENERATOR_ID: &str = "RandomValueGenerator";

/// Id of [`FixedWireGenerator`].
pub const FIXED_WIRE_GENERATOR_ID: &str = "JanusFixedWireGenerator";

/// Writes a fixed value into one target; replaces plonky2's `RandomValueGenerator`.
#[derive(Debug, Default, Clone)]
pub struct FixedWireGenerator {
    /// The wire it fills.
    pub target: Target,
    /// The value written (canonical u64).
    pub value: u64,
}

impl<Fl: RichField + Extendable<DD>, const DD: usize> SimpleGenerator<Fl, DD>
    for FixedWireGenerator
{
    fn id(&self) -> String {
        FIXED_WIRE_GENERATOR_ID.to_string()
    }

    fn dependencies(&self) -> Vec<Target> {
        Vec::new()
    }

    fn run_once(
        &self,
        _witness: &PartitionWitness<Fl>,
        out_buffer: &mut GeneratedValues<Fl>,
    ) -> anyhow::Result<()> {
        out_buffer.set_target(self.target, Fl::from_canonical_u64(self.value))
    }

    fn serialize(&self, dst: &mut Vec<u8>, _common: &CommonCircuitData<Fl, DD>) -> IoResult<()> {
        dst.write_target(self.target)?;
        dst.write_u32(self.value as u32)?;
        dst.write_u32((self.value >> 32) as u32)
    }

    fn deserialize(src: &mut Buffer, _common: &CommonCircuitData<Fl, DD>) -> IoResult<Self> {
        let target = src.read_target()?;
        let value = src.read_u32()? as u64 | (src.read_u32()? as u64) << 32;
        Ok(Self { target, value })
    }
}

/// Replace every RNG-backed generator of `data` by a [`FixedWireGenerator`] writing zero.
/// Returns how many were replaced. Idempotent.
pub fn make_deterministic<Fl, Cf, const DD: usize>(
    data: &mut CircuitData<Fl, Cf, DD>,
) -> Result<usize, ProverError>
where
    Fl: RichField + Extendable<DD>,
    Cf: GenericConfig<DD, F = Fl>,
{
    if data.common.config.zero_knowledge {
        return Err(ProverError::Proving(
            "zero-knowledge circuits blind with the OS RNG and cannot be deterministic".into(),
        ));
    }
    let mut replaced = 0;
    for generator in data.prover_only.generators.iter_mut() {
        if generator.0.id() != RANDOM_GENERATOR_ID {
            continue;
        }
        // The random generator's only serialized field is its target (plonky2 1.1).
        let mut bytes = Vec::new();
        generator
            .0
            .serialize(&mut bytes, &data.common)
            .map_err(|e| ProverError::Proving(format!("serializing generator: {e:?}")))?;
        let target = Buffer::new(&bytes)
            .read_target()
            .map_err(|e| ProverError::Proving(format!("reading generator target: {e:?}")))?;
        *generator =
            WitnessGeneratorRef::new(SimpleGenerator::<Fl, DD>::adapter(FixedWireGenerator {
                target,
                value: 0,
            }));
        replaced += 1;
    }
    Ok(replaced)
}

/// Build `builder` into circuit data whose proofs are deterministic (see the module docs).
pub fn build_deterministic<Fl, Cf, const DD: usize>(
    builder: CircuitBuilder<Fl, DD>,
) -> Result<CircuitData<Fl, Cf, DD>, ProverError>
where
    Fl: RichField + Extendable<DD>,
    Cf: GenericConfig<DD, F = Fl>,
{
    let mut data = builder.build::<Cf>();
    make_deterministic(&mut data)?;
    Ok(data)
}

/// Prove deterministically: the same `data` and witness give byte-identical proofs.
///
/// Fails if `data` still holds RNG-backed generators (call [`make_deterministic`] or build with
/// [`build_deterministic`]). Panics inside plonky2 (it asserts on some unsatisfiable witnesses)
/// are reported as [`ProverError::Proving`].
pub fn prove_deterministic<Fl, Cf, const DD: usize>(
    data: &CircuitData<Fl, Cf, DD>,
    witness: PartialWitness<Fl>,
) -> Result<ProofWithPublicInputs<Fl, Cf, DD>, ProverError>
where
    Fl: RichField + Extendable<DD>,
    Cf: GenericConfig<DD, F = Fl>,
{
    check_deterministic(data)?;
    catch_panic(|| {
        data.prove(witness)
            .map_err(|e| ProverError::Proving(e.to_string()))
    })
}

/// Fails unless `data` proves deterministically: zero knowledge off and no RNG-backed
/// generators left (see the module docs).
pub(crate) fn check_deterministic<Fl, Cf, const DD: usize>(
    data: &CircuitData<Fl, Cf, DD>,
) -> Result<(), ProverError>
where
    Fl: RichField + Extendable<DD>,
    Cf: GenericConfig<DD, F = Fl>,
{
    if data.common.config.zero_knowledge
        || data
            .prover_only
            .generators
            .iter()
            .any(|g| g.0.id() == RANDOM_GENERATOR_ID)
    {
        return Err(ProverError::Proving(
            "circuit data is not deterministic; build it with build_deterministic".into(),
        ));
    }
    Ok(())
}

/// Run `prove`, reporting a panic (plonky2 asserts on some unsatisfiable witnesses) as
/// [`ProverError::Proving`].
pub(crate) fn catch_panic<T>(
    prove: impl FnOnce() -> Result<T, ProverError>,
) -> Result<T, ProverError> {
    match catch_unwind(AssertUnwindSafe(prove)) {
        Ok(result) => result,
        Err(panic) => Err(ProverError::Proving(panic_message(&panic))),
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "plonky2 panicked".to_string()
    }
}

/// Whether `generator` is one of ours (used by tests).
pub fn is_fixed_wire_generator<Fl: RichField + Extendable<DD>, const DD: usize>(
    generator: &dyn WitnessGenerator<Fl, DD>,
) -> bool {
    generator.id() == FIXED_WIRE_GENERATOR_ID
}
pub mod batch;
pub mod commit;
pub mod fri;
pub mod progress;
