//! Polynomial commitments on every core, bit for bit plonky2's.
//!
//! [`commit_values`] / [`commit_coeffs`] build exactly the `PolynomialBatch` that plonky2 1.1's
//! `PolynomialBatch::from_values` / `from_coeffs` build with `blinding = false` (same
//! `polynomials`, `merkle_tree.leaves`, `merkle_tree.digests`, `cap`), but on rayon's threads
//! while plonky2's `parallel` feature stays off (see [`super`] for why it must). The result does
//! not depend on the number of threads or on scheduling, because every parallel step is either
//! an order-preserving map (each output slot is computed from its own inputs by the same
//! sequential code as plonky2's) or writes disjoint, fixed slots:
//!
//! 1. iFFT (`from_values` only) and coset LDE: one task per polynomial, each running plonky2's
//!    own `ifft_with_options` / `coset_fft_with_options` (with the root table plonky2 would
//!    compute, shared instead of rebuilt per polynomial), collected in order.
//! 2. Transpose into leaves: row `r` of the LDE matrix, rows computed in parallel, then
//!    plonky2's `reverse_index_bits_in_place` on the row vector (row `r` of the leaves is LDE
//!    point `brev(r)`), as `from_coeffs` does.
//! 3. Merkle tree ([`merkle_tree`]): plonky2's digest layout (`MerkleTree::digests` holds
//!    `2^cap_height` contiguous subtrees, one per cap element; within a subtree the layout is
//!    `left subtree ‖ left child digest ‖ right child digest ‖ right subtree`, recursively, so a
//!    node's digest is stored by its parent and the subtree roots are the cap). Subtrees are
//!    filled with `rayon::join` on disjoint slices; every digest is the same `hash_or_noop` /
//!    `two_to_one` of the same inputs as in plonky2.

use plonky2::field::extension::Extendable;
use plonky2::field::fft::{fft_root_table, ifft_with_options};
use plonky2::field::polynomial::{PolynomialCoeffs, PolynomialValues};
use plonky2::fri::oracle::PolynomialBatch;
use plonky2::hash::hash_types::RichField;
use plonky2::hash::merkle_tree::{MerkleCap, MerkleTree};
use plonky2::plonk::config::{GenericConfig, Hasher};
use plonky2::util::{log2_strict, reverse_index_bits_in_place};
use rayon::prelude::*;

/// Subtrees with fewer leaves than this are hashed on the current thread (a task per pair of
/// leaves would cost more than the hashing).
const SEQUENTIAL_LEAVES: usize = 256;
/// Rows per task of the transpose.
const TRANSPOSE_ROWS: usize = 1 << 10;

/// `PolynomialBatch::from_values(values, rate_bits, false, cap_height, ..)` on all cores.
///
/// Panics like plonky2 on malformed input (no polynomials, lengths that differ or are not a
/// power of two, `cap_height` above the tree's height).
pub fn commit_values<Fl, Cf, const DD: usize>(
    values: Vec<PolynomialValues<Fl>>,
    rate_bits: usize,
    cap_height: usize,
) -> PolynomialBatch<Fl, Cf, DD>
where
    Fl: RichField + Extendable<DD>,
    Cf: GenericConfig<DD, F = Fl>,
{
    let n = values.first().map_or(0, |v| v.len());
    let table = fft_root_table::<Fl>(n);
    let coeffs = values
        .into_par_iter()
        .map(|v| {
            assert_eq!(v.len(), n, "Polynomial degrees inconsistent");
            ifft_with_options(v, None, Some(&table))
        })
        .collect();
    commit_coeffs(coeffs, rate_bits, cap_height)
}

/// `PolynomialBatch::from_coeffs(polynomials, rate_bits, false, cap_height, ..)` on all cores.
pub fn commit_coeffs<Fl, Cf, const DD: usize>(
    polynomials: Vec<PolynomialCoeffs<Fl>>,
    rate_bits: usize,
    cap_height: usize,
) -> PolynomialBatch<Fl, Cf, DD>
where
    Fl: RichField + Extendable<DD>,
    Cf: GenericConfig<DD, F = Fl>,
{
    let degree = polynomials[0].len();
    let leaves = lde_leaves(&polynomials, rate_bits);
    PolynomialBatch {
        polynomials,
        merkle_tree: merkle_tree::<Fl, Cf::Hasher>(leaves, cap_height),
        degree_log: log2_strict(degree),
        rate_bits,
        blinding: false,
    }
}

/// The Merkle leaves of a commitment: the coset LDEs of `polynomials` (plonky2's
/// `lde_values` without salt), transposed, in bit-reversed row order.
pub fn lde_leaves<Fl: RichField>(
    polynomials: &[PolynomialCoeffs<Fl>],
    rate_bits: usize,
) -> Vec<Vec<Fl>> {
    let degree = polynomials[0].len();
    let table = fft_root_table::<Fl>(degree << rate_bits);
    let lde: Vec<Vec<Fl>> = polynomials
        .par_iter()
        .map(|p| {
            assert_eq!(p.len(), degree, "Polynomial degrees inconsistent");
            p.lde(rate_bits)
                .coset_fft_with_options(Fl::coset_shift(), Some(rate_bits), Some(&table))
                .values
        })
        .collect();
    let mut leaves = transpose(&lde);
    drop(lde);
    reverse_index_bits_in_place(&mut leaves);
    leaves
}

/// Rows of a matrix given by its columns (plonky2's `util::transpose`), rows in parallel.
pub fn transpose<T: Copy + Send + Sync>(columns: &[Vec<T>]) -> Vec<Vec<T>> {
    let rows = columns.first().map_or(0, |c| c.len());
    (0..rows)
        .into_par_iter()
        .with_min_len(TRANSPOSE_ROWS)
        .map(|r| columns.iter().map(|c| c[r]).collect())
        .collect()
}

/// plonky2's `MerkleTree::new(leaves, cap_height)` on all cores (same digests, same layout).
pub fn merkle_tree<Fl: RichField, H: Hasher<Fl>>(
    leaves: Vec<Vec<Fl>>,
    cap_height: usize,
) -> MerkleTree<Fl, H> {
    let log_leaves = log2_strict(leaves.len());
    assert!(
        cap_height <= log_leaves,
        "cap_height={cap_height} should be at most log2(leaves.len())={log_leaves}"
    );
    let cap_len = 1usize << cap_height;
    let num_digests = 2 * (leaves.len() - cap_len);
    // Placeholder for slots written below (every slot is written exactly once).
    let filler = H::hash_or_noop(&[]);
    let mut digests = vec![filler; num_digests];
    let mut cap = vec![filler; cap_len];
    if num_digests == 0 {
        // A tree that is all cap: the cap holds the leaf hashes.
        cap.par_iter_mut()
            .zip(leaves.par_iter())
            .for_each(|(c, leaf)| *c = H::hash_or_noop(leaf));
    } else {
        let per_subtree = leaves.len() / cap_len;
        digests
            .par_chunks_exact_mut(num_digests / cap_len)
            .zip(cap.par_iter_mut())
            .zip(leaves.par_chunks_exact(per_subtree))
            .for_each(|((sub_digests, root), sub_leaves)| {
                *root = fill_subtree::<Fl, H>(sub_digests, sub_leaves);
            });
    }
    MerkleTree {
        leaves,
        digests,
        cap: MerkleCap(cap),
    }
}

/// Fill `digests` (`2 · (leaves.len() - 1)` slots) with the subtree over `leaves` in plonky2's
/// layout and return its root.
fn fill_subtree<Fl: RichField, H: Hasher<Fl>>(
    digests: &mut [H::Hash],
    leaves: &[Vec<Fl>],
) -> H::Hash {
    debug_assert_eq!(digests.len() + 2, 2 * leaves.len());
    if digests.is_empty() {
        return H::hash_or_noop(&leaves[0]);
    }
    // left subtree ‖ left child ‖ right child ‖ right subtree
    let (left, right) = digests.split_at_mut(digests.len() / 2);
    let (left_child, left_sub) = left.split_last_mut().expect("non-empty");
    let (right_child, right_sub) = right.split_first_mut().expect("non-empty");
    let (left_leaves, right_leaves) = leaves.split_at(leaves.len() / 2);
    let (l, r) = if leaves.len() >= SEQUENTIAL_LEAVES {
        rayon::join(
            || fill_subtree::<Fl, H>(left_sub, left_leaves),
            || fill_subtree::<Fl, H>(right_sub, right_leaves),
        )
    } else {
        (
            fill_subtree::<Fl, H>(left_sub, left_leaves),
            fill_subtree::<Fl, H>(right_sub, right_leaves),
        )
    };
    *left_child = l;
    *right_child = r;
    H::two_to_one(l, r)
}
