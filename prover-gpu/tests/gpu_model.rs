//! CPU model of the GPU kernels (`janus_prover::gpu::model`) against plonky2 on random inputs:
//! field formulas, Poseidon, bit reversal, iFFT, coset LDE, transpose tiles, Merkle layout and
//! the whole commitment (`PolynomialBatch` equality). Needs no GPU; runs everywhere.

mod gpu_support;
use gpu_support::{canon, rand_canon, to_f};

use janus_prover::gpu::layout::{brev, merkle_slot, n_inv, shift_powers, twiddles};
use janus_prover::gpu::model;
use janus_prover::gpu::pipeline::{to_polynomial_batch, DeviceCommitment};
use janus_prover::prover::{C, D, F};
use plonky2::field::polynomial::{PolynomialCoeffs, PolynomialValues};
use plonky2::field::types::{Field, Field64, PrimeField64};
use plonky2::fri::oracle::PolynomialBatch;
use plonky2::hash::hash_types::RichField;
use plonky2::hash::merkle_tree::MerkleTree;
use plonky2::hash::poseidon::{Poseidon, PoseidonHash};
use plonky2::util::timing::TimingTree;
use plonky2::util::{reverse_index_bits, transpose};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn rng(seed: u64) -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(seed)
}

#[test]
fn field_formulas_match_plonky2() {
    let p = F::ORDER;
    let edges = [
        0,
        1,
        2,
        0xFFFF_FFFF,
        1 << 32,
        (1 << 32) + 1,
        p - 1,
        p - 2,
        p >> 1,
        1 << 63,
    ];
    let mut r = rng(1);
    let mut vals: Vec<u64> = edges.to_vec();
    vals.extend(rand_canon(&mut r, 200));
    for &a in &vals {
        for &b in &vals {
            let (fa, fb) = (F::from_canonical_u64(a), F::from_canonical_u64(b));
            assert_eq!(
                model::gl_add(a, b),
                (fa + fb).to_canonical_u64(),
                "add {a} {b}"
            );
            assert_eq!(
                model::gl_sub(a, b),
                (fa - fb).to_canonical_u64(),
                "sub {a} {b}"
            );
            assert_eq!(
                model::gl_mul(a, b),
                (fa * fb).to_canonical_u64(),
                "mul {a} {b}"
            );
        }
    }
    // reduce128 on arbitrary 128-bit inputs (the MDS rows accumulate up to ~2^74).
    for _ in 0..2000 {
        let (lo, hi) = (r.gen::<u64>(), r.gen::<u64>());
        let x = ((hi as u128) << 64 | lo as u128) % p as u128;
        assert_eq!(model::gl_reduce128(lo, hi), x as u64);
    }
}

#[test]
fn poseidon_model_matches_plonky2() {
    let mut r = rng(2);
    for _ in 0..50 {
        let input = rand_canon(&mut r, 12);
        let mut state: [u64; 12] = input.clone().try_into().expect("12");
        model::poseidon_permute(&mut state);
        let expected = F::poseidon(to_f(&input).try_into().expect("12"));
        assert_eq!(state.to_vec(), canon(&expected));
    }
}

#[test]
fn bit_reversal_matches_plonky2() {
    let mut r = rng(3);
    for log_n in 0..=12u32 {
        let npolys = [1u32, 3, 5][log_n as usize % 3];
        let n = 1usize << log_n;
        let data = rand_canon(&mut r, n * npolys as usize);
        let mut got = data.clone();
        model::ntt_bit_reverse(&mut got, log_n, npolys);
        for p in 0..npolys as usize {
            assert_eq!(
                got[p * n..(p + 1) * n],
                reverse_index_bits(&data[p * n..(p + 1) * n])
            );
        }
        for i in 0..n as u64 {
            assert_eq!(brev(brev(i, log_n), log_n), i);
        }
    }
}

#[test]
fn twiddles_are_plonky2_roots() {
    let tw = twiddles(10);
    assert_eq!(tw.len(), (1 << 10) - 1);
    for l in 0..10usize {
        let w = F::primitive_root_of_unity(l + 1);
        for j in [0usize, 1, (1 << l) - 1]
            .into_iter()
            .filter(|&j| j < 1 << l)
        {
            let expect = w.exp_u64(j as u64).to_canonical_u64();
            assert_eq!(tw[(1 << l) - 1 + j], expect, "row {l} entry {j}");
        }
    }
    // A smaller table is a prefix of a larger one.
    assert_eq!(twiddles(6)[..], tw[..63]);
    assert_eq!(F::coset_shift(), F::MULTIPLICATIVE_GROUP_GENERATOR);
    assert_eq!(
        F::MULTIPLICATIVE_GROUP_GENERATOR.to_canonical_u64(),
        14293326489335486720
    );
    assert_eq!(
        F::POWER_OF_TWO_GENERATOR.to_canonical_u64(),
        7277203076849721926
    );
}

/// iFFT model on random values equals plonky2's `ifft`, for sizes 2^0..2^12, odd batches.
#[test]
fn ifft_model_matches_plonky2() {
    let mut r = rng(4);
    for log_n in 0..=12u32 {
        let npolys = [1u32, 3, 7][log_n as usize % 3];
        let n = 1usize << log_n;
        let vals = rand_canon(&mut r, n * npolys as usize);
        let tw = twiddles(log_n);
        let mut got = vals.clone();
        model::ntt_bit_reverse(&mut got, log_n, npolys);
        for l in 0..log_n {
            model::ntt_round(&mut got, &tw, log_n, l, npolys);
        }
        model::ntt_ifft_finish(&mut got, n_inv(log_n), log_n, npolys);
        for p in 0..npolys as usize {
            let expect = PolynomialValues::new(to_f(&vals[p * n..(p + 1) * n])).ifft();
            assert_eq!(
                got[p * n..(p + 1) * n],
                canon(&expect.coeffs),
                "log_n {log_n} poly {p}"
            );
        }
    }
}

/// Coset LDE model equals plonky2's `lde(rate) + coset_fft_with_options(shift, Some(rate))`.
#[test]
fn coset_lde_model_matches_plonky2() {
    let mut r = rng(5);
    for (log_n, rate_bits, npolys) in [
        (0u32, 1u32, 1u32),
        (1, 1, 3),
        (2, 3, 5),
        (5, 2, 3),
        (9, 3, 3),
        (11, 1, 1),
    ] {
        let n = 1usize << log_n;
        let big = n << rate_bits;
        let coeffs = rand_canon(&mut r, n * npolys as usize);
        let tw = twiddles(log_n + rate_bits);
        let shifts = shift_powers(F::coset_shift(), log_n);
        let mut lde = vec![u64::MAX; big * npolys as usize];
        model::ntt_lde_spread(&coeffs, &mut lde, &shifts, log_n, rate_bits, npolys);
        for l in rate_bits..log_n + rate_bits {
            model::ntt_round(&mut lde, &tw, log_n + rate_bits, l, npolys);
        }
        for p in 0..npolys as usize {
            let poly = PolynomialCoeffs::new(to_f(&coeffs[p * n..(p + 1) * n]));
            let expect = poly.lde(rate_bits as usize).coset_fft_with_options(
                F::coset_shift(),
                Some(rate_bits as usize),
                None,
            );
            assert_eq!(
                lde[p * big..(p + 1) * big],
                canon(&expect.values),
                "{log_n} {rate_bits} {p}"
            );
        }
    }
}

/// Transpose tiles with bit reversal equal plonky2's `transpose` + `reverse_index_bits`,
/// including widths and heights that are not multiples of the 32-wide tile.
#[test]
fn transpose_model_matches_plonky2() {
    let mut r = rng(6);
    for (log_rows, width) in [
        (0u32, 1u32),
        (1, 3),
        (4, 33),
        (5, 32),
        (7, 5),
        (10, 135),
        (12, 2),
    ] {
        let rows = 1usize << log_rows;
        let lde = rand_canon(&mut r, rows * width as usize);
        let mut leaves = vec![u64::MAX; lde.len()];
        model::transpose_bitrev(&lde, &mut leaves, log_rows, width);
        let cols: Vec<Vec<u64>> = lde.chunks(rows).map(<[u64]>::to_vec).collect();
        let mut expect = transpose(&cols);
        plonky2::util::reverse_index_bits_in_place(&mut expect);
        assert_eq!(leaves, expect.concat(), "{log_rows} x {width}");
    }
}

fn plonky2_tree(leaves: &[u64], width: usize, cap_height: usize) -> MerkleTree<F, PoseidonHash> {
    let rows = leaves.chunks(width).map(to_f).collect();
    MerkleTree::new(rows, cap_height)
}

fn flat_hashes<Fl: RichField>(h: &[plonky2::hash::hash_types::HashOut<Fl>]) -> Vec<u64> {
    h.iter()
        .flat_map(|d| d.elements.map(|x| x.to_canonical_u64()))
        .collect()
}

/// Merkle model (leaf hashing, one pass per level, slot arithmetic) builds plonky2's exact
/// `digests` and `cap`, for noop leaves (width ≤ 4) and hashed ones, all cap heights.
#[test]
fn merkle_model_matches_plonky2() {
    let mut r = rng(7);
    for (log_leaves, width) in [
        (0u32, 1u32),
        (1, 4),
        (3, 5),
        (4, 8),
        (5, 9),
        (8, 3),
        (10, 17),
    ] {
        for cap_height in 0..=log_leaves.min(4) {
            let leaves = rand_canon(&mut r, (width as usize) << log_leaves);
            let mut digests =
                vec![u64::MAX; janus_prover::gpu::layout::num_digests(log_leaves, cap_height) * 4];
            let mut cap = vec![u64::MAX; 4 << cap_height];
            model::merkle_hash_leaves(
                &leaves,
                &mut digests,
                &mut cap,
                width,
                log_leaves,
                cap_height,
            );
            for level in 0..log_leaves - cap_height {
                model::merkle_hash_level(&mut digests, &mut cap, level, log_leaves, cap_height);
            }
            let tree = plonky2_tree(&leaves, width as usize, cap_height as usize);
            assert_eq!(
                digests,
                flat_hashes(&tree.digests),
                "{log_leaves} {width} {cap_height}"
            );
            assert_eq!(
                cap,
                flat_hashes(&tree.cap.0),
                "{log_leaves} {width} {cap_height}"
            );
        }
    }
    // Cap height == log2(leaves): no digests, the cap is the leaf hashes.
    assert_eq!(merkle_slot(3, 5, 3), None);
}

/// Every sibling plonky2's `MerkleTree::prove` returns sits where `merkle_slot` says.
#[test]
fn merkle_slots_agree_with_plonky2_proofs() {
    let mut r = rng(8);
    let (log_leaves, cap_height) = (6u32, 2u32);
    let layers = log_leaves - cap_height;
    let leaves = rand_canon(&mut r, 5 << log_leaves);
    let tree = plonky2_tree(&leaves, 5, cap_height as usize);
    for leaf in 0..1u64 << log_leaves {
        let proof = tree.prove(leaf as usize);
        for (level, sib) in proof.siblings.iter().enumerate() {
            let sibling_node = (leaf >> level) ^ 1;
            let slot = merkle_slot(level as u32, sibling_node, layers).expect("below cap");
            assert_eq!(
                tree.digests[slot as usize], *sib,
                "leaf {leaf} level {level}"
            );
        }
    }
}

fn cpu_batch_values(
    vals: &[u64],
    npolys: u32,
    log_n: u32,
    rate: usize,
    cap: usize,
) -> PolynomialBatch<F, C, D> {
    let n = 1usize << log_n;
    let polys = (0..npolys as usize)
        .map(|p| PolynomialValues::new(to_f(&vals[p * n..(p + 1) * n])))
        .collect();
    PolynomialBatch::from_values(polys, rate, false, cap, &mut TimingTree::default(), None)
}

/// The whole launch sequence on the model, assembled into a `PolynomialBatch`, equals
/// plonky2's `PolynomialBatch::from_values` / `from_coeffs` (same leaves, digests, cap).
#[test]
fn model_commitment_equals_polynomial_batch() {
    let mut r = rng(9);
    for (log_n, rate_bits, cap_height, npolys) in [
        (1u32, 1u32, 2u32, 3u32), // all cap, no digests
        (0u32, 1u32, 0u32, 1u32),
        (2, 1, 1, 3),
        (3, 3, 4, 5),
        (6, 3, 4, 7),
        (8, 2, 2, 1),
        (9, 3, 4, 3),
    ] {
        let vals = rand_canon(&mut r, (npolys as usize) << log_n);
        let c = model::commit(&vals, npolys, log_n, rate_bits, cap_height, true);
        let expect = cpu_batch_values(
            &vals,
            npolys,
            log_n,
            rate_bits as usize,
            cap_height as usize,
        );
        let got = to_polynomial_batch(DeviceCommitment::from(c.clone()), npolys, log_n, rate_bits);
        assert!(
            got == expect,
            "values: {log_n} {rate_bits} {cap_height} {npolys}"
        );

        // From coefficients (the quotient chunks' path).
        let c2 = model::commit(&c.coeffs, npolys, log_n, rate_bits, cap_height, false);
        assert_eq!(c2, c);
        let coeffs = got.polynomials.clone();
        let expect2 = PolynomialBatch::<F, C, D>::from_coeffs(
            coeffs,
            rate_bits as usize,
            false,
            cap_height as usize,
            &mut TimingTree::default(),
            None,
        );
        assert!(to_polynomial_batch(c2.into(), npolys, log_n, rate_bits) == expect2);
    }
}

/// The device handle can be shared by the prover's threads (`BatchProver` is shared).
#[test]
fn gpu_device_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<janus_prover::gpu::GpuDevice>();
}
