//! The all-cores CPU prover (`prove_with_gpu(None, ..)`, `prove_cpu`) gives the same bytes on
//! any number of threads: proofs made in a 1-thread and in a 2-thread rayon pool are
//! byte-identical, equal `prove_deterministic`'s (plonky2's own single-threaded prover) and
//! pass stock `verify`, for the Poseidon config and for the Keccak wrapper's config. Also
//! checks that plonky2's `parallel` feature is off in this build (its FRI proof-of-work search
//! would race).

mod gpu_support;

use std::sync::atomic::{AtomicUsize, Ordering};

use gpu_support::{mixed_gate_circuit, seeded_witness};

use janus_prover::gpu::prove::{prove_cpu, prove_with_gpu};
use janus_prover::prover::{build_deterministic, prove_deterministic, C, D, F};
use janus_prover::recursion::wrapper_config;
use plonky2::field::extension::Extendable;
use plonky2::field::types::Field;
use plonky2::hash::hash_types::{HashOut, RichField};
use plonky2::hash::merkle_tree::MerkleTree;
use plonky2::hash::poseidon::{PoseidonHash, PoseidonPermutation};
use plonky2::iop::target::Target;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CircuitConfig, CircuitData};
use plonky2::plonk::config::{GenericConfig, Hasher, KeccakGoldilocksConfig};

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("rayon pool")
        .install(f)
}

fn circuit<Cf: GenericConfig<D, F = F>>(
    config: CircuitConfig,
) -> (CircuitData<F, Cf, D>, Vec<Target>) {
    mixed_gate_circuit::<Cf>(config)
}

fn witness(xs: &[Target], seed: u64) -> PartialWitness<F> {
    seeded_witness(xs, seed)
}

#[test]
fn poseidon_proofs_on_one_and_two_threads_are_byte_identical() {
    let (data, xs) = circuit::<C>(CircuitConfig::standard_recursion_config());
    let reference = prove_deterministic(&data, witness(&xs, 5)).expect("reference proves");
    let one = in_pool(1, || prove_with_gpu(None, &data, witness(&xs, 5))).expect("1 thread");
    let two = in_pool(2, || prove_with_gpu(None, &data, witness(&xs, 5))).expect("2 threads");
    assert_eq!(one.to_bytes(), two.to_bytes(), "1 vs 2 threads");
    assert_eq!(
        two.to_bytes(),
        reference.to_bytes(),
        "vs prove_deterministic"
    );
    data.verify(one)
        .expect("stock plonky2 accepts the 1-thread proof");
    data.verify(two)
        .expect("stock plonky2 accepts the 2-thread proof");
}

/// The custom gates (GF(p^5) multiply-add, point doubling, mixed addition) under the same
/// rule: a circuit of a few EcGFp5 operations proves the same bytes on 1 and 2 threads as
/// plonky2's own single-threaded prover.
#[test]
fn custom_gate_proofs_on_one_and_two_threads_are_byte_identical() {
    use janus_prover::gadgets::ecgfp5::curve::AffinePointTarget;
    let mut b = CircuitBuilder::<F, D>::new(CircuitConfig::standard_recursion_config());
    let p = AffinePointTarget::new_virtual(&mut b);
    let q = AffinePointTarget::new_virtual(&mut b);
    let s = p.to_projective(&mut b).add_affine(&mut b, &q).double(&mut b).double(&mut b);
    let prod = s.x.mul_add(&mut b, &s.u, &s.z);
    b.register_public_inputs(&prod.0);
    let xs: Vec<Target> = p.x.0.iter().chain(&p.u.0).chain(&q.x.0).chain(&q.u.0).copied().collect();
    let data = build_deterministic::<F, C, D>(b).expect("builds");
    let reference = prove_deterministic(&data, witness(&xs, 11)).expect("reference proves");
    let one = in_pool(1, || prove_with_gpu(None, &data, witness(&xs, 11))).expect("1 thread");
    let two = in_pool(2, || prove_with_gpu(None, &data, witness(&xs, 11))).expect("2 threads");
    assert_eq!(one.to_bytes(), two.to_bytes(), "1 vs 2 threads");
    assert_eq!(two.to_bytes(), reference.to_bytes(), "vs prove_deterministic");
    data.verify(two).expect("stock plonky2 accepts it");
}

#[test]
fn keccak_wrapper_config_proofs_on_one_and_two_threads_are_byte_identical() {
    type K = KeccakGoldilocksConfig;
    let (data, xs) = circuit::<K>(wrapper_config());
    let reference = prove_deterministic(&data, witness(&xs, 9)).expect("reference proves");
    let one = in_pool(1, || prove_cpu(&data, witness(&xs, 9))).expect("1 thread");
    let two = in_pool(2, || prove_cpu(&data, witness(&xs, 9))).expect("2 threads");
    assert_eq!(one.to_bytes(), two.to_bytes(), "1 vs 2 threads");
    assert_eq!(
        two.to_bytes(),
        reference.to_bytes(),
        "vs prove_deterministic"
    );
    data.verify(one)
        .expect("stock plonky2 accepts the 1-thread proof");
    data.verify(two)
        .expect("stock plonky2 accepts the 2-thread proof");
}

#[test]
fn unsatisfiable_witness_is_an_error_not_a_panic() {
    let mut b = CircuitBuilder::<F, D>::new(CircuitConfig::standard_recursion_config());
    let x = b.add_virtual_target();
    let y = b.add_virtual_target();
    b.connect(x, y);
    b.register_public_input(x);
    let data = build_deterministic::<F, C, D>(b).expect("builds");
    let mut pw = PartialWitness::new();
    pw.set_target(x, F::ONE).expect("set");
    pw.set_target(y, F::TWO).expect("set");
    assert!(in_pool(2, || prove_with_gpu(None, &data, pw)).is_err());
}

/// Leaf and node hashes made on a rayon worker thread (see below).
static ON_WORKER: AtomicUsize = AtomicUsize::new(0);
/// All leaf and node hashes.
static CALLS: AtomicUsize = AtomicUsize::new(0);

/// Poseidon that counts the calls made on rayon worker threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SpyHash;

impl<Fl: RichField> Hasher<Fl> for SpyHash {
    const HASH_SIZE: usize = 32;
    type Hash = HashOut<Fl>;
    type Permutation = PoseidonPermutation<Fl>;

    fn hash_no_pad(input: &[Fl]) -> Self::Hash {
        record();
        PoseidonHash::hash_no_pad(input)
    }

    fn two_to_one(left: Self::Hash, right: Self::Hash) -> Self::Hash {
        record();
        PoseidonHash::two_to_one(left, right)
    }
}

fn record() {
    CALLS.fetch_add(1, Ordering::Relaxed);
    if rayon::current_thread_index().is_some() {
        ON_WORKER.fetch_add(1, Ordering::Relaxed);
    }
}

/// With plonky2's `parallel` feature, `MerkleTree::new` hands its subtrees to rayon's global
/// pool, so called from this (non-rayon) test thread its hashes run on pool workers; without
/// it they all run right here. `--features bench-stock-parallel` (benchmarks only) fails this.
#[test]
fn plonky2_parallel_feature_is_off() {
    fn tree<Fl: RichField + Extendable<D>>() {
        let leaves: Vec<Vec<Fl>> = (0..256u64)
            .map(|i| (0..8).map(|j| Fl::from_canonical_u64(i * 8 + j)).collect())
            .collect();
        let _ = MerkleTree::<Fl, SpyHash>::new(leaves, 2);
    }
    assert!(rayon::current_thread_index().is_none());
    tree::<F>();
    assert!(CALLS.load(Ordering::Relaxed) > 0);
    assert_eq!(
        ON_WORKER.load(Ordering::Relaxed),
        0,
        "plonky2's `parallel` feature is on: its FRI proof-of-work search races and proofs \
         are no longer deterministic (see prover-gpu/src/prover)"
    );
}
