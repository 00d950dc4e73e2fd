//! The prover on plonky2's public API with pluggable commitments
//! (`janus_prover::gpu::prove::prove_with_gpu`) gives proofs byte-equal to the deterministic
//! CPU prover's, accepted by stock plonky2: with CPU commitments everywhere, with GPU
//! commitments where a GPU is present (else `SKIPPED: … no CUDA driver`).

mod batch_support;
mod gpu_support;

use gpu_support::gpu;
use janus_prover::gpu::prove::prove_with_gpu;
use janus_prover::prover::{build_deterministic, prove_deterministic, C, D, F};
use plonky2::field::types::Field;
use plonky2::hash::poseidon::PoseidonHash;
use plonky2::iop::target::Target;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CircuitConfig, CircuitData};

/// A circuit with arithmetic, Poseidon, constant, public-input, random-access and
/// base-sum gates (several selector groups), 2^9 to 2^10 rows.
fn circuit() -> (CircuitData<F, C, D>, Vec<Target>) {
    let mut b = CircuitBuilder::<F, D>::new(CircuitConfig::standard_recursion_config());
    let xs = b.add_virtual_targets(4);
    let mut acc = xs[0];
    for i in 0..300 {
        acc = b.mul_add(acc, xs[i % 4], xs[(i + 1) % 4]);
    }
    let mut h = b.hash_n_to_hash_no_pad::<PoseidonHash>(xs.clone());
    for _ in 0..20 {
        h = b.hash_n_to_hash_no_pad::<PoseidonHash>([h.elements.to_vec(), vec![acc]].concat());
    }
    let idx = b.constant(F::from_canonical_u64(3));
    let picked = b.random_access(idx, xs.clone());
    let bits = b.split_le(xs[1], 32);
    let back = b.le_sum(bits.into_iter());
    b.connect(back, xs[1]);
    b.register_public_input(acc);
    b.register_public_input(picked);
    b.register_public_inputs(&h.elements);
    (build_deterministic::<F, C, D>(b).expect("builds"), xs)
}

fn witness(xs: &[Target], seed: u64) -> PartialWitness<F> {
    let mut pw = PartialWitness::new();
    for (i, t) in xs.iter().enumerate() {
        pw.set_target(*t, F::from_canonical_u64(seed * 1000 + i as u64 * 7919))
            .expect("set");
    }
    pw
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

/// The real batch circuit (2 slots, degree 2^14, nine gate types) with GPU commitments equals
/// the CPU prover byte for byte. GPU only: on the CPU the same circuit takes ~40 s here (run
/// once by hand: byte-equal with CPU commitments, see docs/gpu.md).
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
