//! The prover on plonky2's public API with pluggable commitments
//! (`janus_prover::gpu::prove::prove_with_gpu`) gives proofs byte-equal to the deterministic
//! CPU prover's, accepted by stock plonky2: with CPU commitments everywhere, with GPU
//! commitments where a GPU is present (else `SKIPPED: … no CUDA driver`).

mod batch_support;
mod gpu_support;

use gpu_support::{gpu, mixed_gate_circuit, seeded_witness};
use janus_prover::gpu::prove::prove_with_gpu;
use janus_prover::prover::{prove_deterministic, C, D, F};
use plonky2::iop::target::Target;
use plonky2::iop::witness::PartialWitness;
use plonky2::plonk::circuit_data::{CircuitConfig, CircuitData};

fn circuit() -> (CircuitData<F, C, D>, Vec<Target>) {
    mixed_gate_circuit::<C>(CircuitConfig::standard_recursion_config())
}

fn witness(xs: &[Target], seed: u64) -> PartialWitness<F> {
    seeded_witness(xs, seed)
}

#[test]
fn public_api_prover_equals_deterministic_cpu_prover() {
    let (data, xs) = circuit();
    for seed in [1u64, 2] {
        let reference = prove_deterministic(&data, witness(&xs, seed)).expect("cpu proves");
        let ours = prove_with_gpu(None, &data, witness(&xs, seed)).expect("proves");
        assert_eq!(ours.to_bytes(), reference.to_bytes(), "seed {seed}");
        data.verify(ours).expect("stock plonky2 accepts it");
    }
}

#[test]
fn gpu_proof_equals_cpu_proof_byte_for_byte() {
    let Some(dev) = gpu("gpu_proof_equals_cpu_proof_byte_for_byte") else {
        return;
    };
    let (data, xs) = circuit();
    let reference = prove_deterministic(&data, witness(&xs, 3)).expect("cpu proves");
    let ours = prove_with_gpu(Some(dev), &data, witness(&xs, 3)).expect("gpu proves");
    assert_eq!(ours.to_bytes(), reference.to_bytes());
    data.verify(ours).expect("stock plonky2 accepts it");
}

/// The real batch circuit (2 slots) with GPU commitments equals the CPU prover byte for byte
/// (GPU only; on the CPU `BatchProver`'s test below covers the same circuit).
#[test]
fn gpu_batch_circuit_proof_equals_cpu_proof() {
    use batch_support::{genesis, random_batch, CHAIN_ID};
    use janus_prover::circuit::witness::BatchWitness;
    use janus_prover::circuit::BatchCircuit;
    use rand::SeedableRng;

    let Some(dev) = gpu("gpu_batch_circuit_proof_equals_cpu_proof") else {
        return;
    };
    let slots = 2;
    let circuit = BatchCircuit::new(slots, CHAIN_ID).expect("circuit");
    let state = genesis(4);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
    let batch = random_batch(&mut rng, &state, slots);
    let w = BatchWitness::new(&state, &batch, slots).expect("witness");
    let pw = || w.assign(&circuit).expect("assign");
    let reference = prove_deterministic(&circuit.data, pw()).expect("cpu proves");
    let ours = prove_with_gpu(Some(dev), &circuit.data, pw()).expect("gpu proves");
    assert_eq!(ours.to_bytes(), reference.to_bytes());
    circuit.data.verify(ours).expect("stock plonky2 accepts it");
}

/// `BatchProver` proves with the GPU it detected (or the CPU, without one or with
/// `JANUS_FORCE_CPU=1`), and either way its batch proof equals plonky2's single-threaded
/// prover's bytes on the real batch circuit.
#[test]
fn batch_prover_on_whatever_device_equals_the_deterministic_prover() {
    use batch_support::{genesis, random_batch, CHAIN_ID};
    use janus_prover::circuit::witness::BatchWitness;
    use janus_prover::prover::batch::BatchProver;
    use rand::SeedableRng;

    let slots = 2;
    let prover = BatchProver::with_chain_id(slots, CHAIN_ID).expect("circuit");
    eprintln!(
        "batch prover device: {}",
        prover.gpu().map_or("CPU".to_string(), |g| g.name.clone())
    );
    let state = genesis(4);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
    let batch = random_batch(&mut rng, &state, slots);
    let w = BatchWitness::new(&state, &batch, slots).expect("witness");
    let data = &prover.single().expect("one circuit").data;
    let reference = prove_deterministic(data, w.assign(prover.single().expect("one circuit")).expect("assign"))
        .expect("reference proves");
    let ours = prover.prove_batch(&state, &batch).expect("proves");
    assert_eq!(BatchProver::proof_to_bytes(&ours), reference.to_bytes());
    prover.verify(&ours).expect("verifies");
}
