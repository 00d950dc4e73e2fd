//! The all-cores CPU commitment (`janus_prover::prover::commit`) builds exactly plonky2's
//! `PolynomialBatch::from_values` / `from_coeffs` (no blinding) and `MerkleTree::new`, for
//! several sizes, widths, rates and cap heights, with Poseidon and Keccak trees, on rayon pools
//! of 1, 2 and 3 threads.

use janus_prover::prover::commit::{commit_coeffs, commit_values, merkle_tree};
use janus_prover::prover::{C, D, F};
use plonky2::field::polynomial::{PolynomialCoeffs, PolynomialValues};
use plonky2::field::types::Sample;
use plonky2::fri::oracle::PolynomialBatch;
use plonky2::hash::keccak::KeccakHash;
use plonky2::hash::merkle_tree::MerkleTree;
use plonky2::hash::poseidon::PoseidonHash;
use plonky2::plonk::config::KeccakGoldilocksConfig;
use plonky2::util::timing::TimingTree;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// (log2 degree, polynomials, rate bits, cap height).
const SHAPES: [(usize, usize, usize, usize); 9] = [
    (0, 1, 1, 0),
    (2, 1, 1, 0),
    (3, 3, 2, 5),
    (4, 4, 3, 4),
    (5, 5, 3, 0),
    (6, 9, 3, 2),
    (8, 20, 3, 4),
    (10, 7, 1, 3),
    (9, 135, 3, 4),
];

fn rand_polys(seed: u64, log_n: usize, width: usize) -> Vec<Vec<F>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..width)
        .map(|_| (0..1 << log_n).map(|_| F::sample(&mut rng)).collect())
        .collect()
}

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("rayon pool")
        .install(f)
}

#[test]
fn commit_values_equals_plonky2_from_values() {
    for (i, &(log_n, width, rate_bits, cap_height)) in SHAPES.iter().enumerate() {
        let polys = rand_polys(i as u64, log_n, width);
        let values = || polys.iter().cloned().map(PolynomialValues::new).collect();
        let reference = PolynomialBatch::<F, C, D>::from_values(
            values(),
            rate_bits,
            false,
            cap_height,
            &mut TimingTree::default(),
            None,
        );
        for threads in [1, 2, 3] {
            let ours = in_pool(threads, || {
                commit_values::<F, C, D>(values(), rate_bits, cap_height)
            });
            assert!(
                ours == reference,
                "shape {:?}, {threads} threads",
                SHAPES[i]
            );
        }
    }
}

#[test]
fn commit_coeffs_equals_plonky2_from_coeffs() {
    for (i, &(log_n, width, rate_bits, cap_height)) in SHAPES.iter().enumerate() {
        let polys = rand_polys(100 + i as u64, log_n, width);
        let coeffs = || polys.iter().cloned().map(PolynomialCoeffs::new).collect();
        let reference = PolynomialBatch::<F, C, D>::from_coeffs(
            coeffs(),
            rate_bits,
            false,
            cap_height,
            &mut TimingTree::default(),
            None,
        );
        for threads in [1, 2, 3] {
            let ours = in_pool(threads, || {
                commit_coeffs::<F, C, D>(coeffs(), rate_bits, cap_height)
            });
            assert!(
                ours == reference,
                "shape {:?}, {threads} threads",
                SHAPES[i]
            );
        }
        // Keccak trees (the wrapper's config) too.
        let reference = PolynomialBatch::<F, KeccakGoldilocksConfig, D>::from_coeffs(
            coeffs(),
            rate_bits,
            false,
            cap_height,
            &mut TimingTree::default(),
            None,
        );
        let ours = in_pool(2, || {
            commit_coeffs::<F, KeccakGoldilocksConfig, D>(coeffs(), rate_bits, cap_height)
        });
        assert!(ours == reference, "keccak, shape {:?}", SHAPES[i]);
    }
}

#[test]
fn merkle_tree_equals_plonky2_for_every_cap_height() {
    // Leaf widths: below, at and above the 4-element hash (hash_or_noop), one and many
    // Poseidon absorptions.
    for (log_leaves, width) in [(0, 3), (1, 4), (4, 5), (9, 8), (10, 17)] {
        let leaves = {
            let cols = rand_polys(7 + log_leaves as u64, log_leaves, width);
            (0..1usize << log_leaves)
                .map(|r| cols.iter().map(|c| c[r]).collect::<Vec<F>>())
                .collect::<Vec<_>>()
        };
        for cap_height in 0..=log_leaves {
            let reference = MerkleTree::<F, PoseidonHash>::new(leaves.clone(), cap_height);
            for threads in [1, 2] {
                let ours = in_pool(threads, || {
                    merkle_tree::<F, PoseidonHash>(leaves.clone(), cap_height)
                });
                assert_eq!(
                    ours, reference,
                    "2^{log_leaves} × {width}, cap {cap_height}"
                );
            }
            let reference = MerkleTree::<F, KeccakHash<25>>::new(leaves.clone(), cap_height);
            let ours = merkle_tree::<F, KeccakHash<25>>(leaves.clone(), cap_height);
            assert_eq!(ours, reference, "keccak 2^{log_leaves}, cap {cap_height}");
        }
    }
}
