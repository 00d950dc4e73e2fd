//! Poseidon sparse-Merkle path verification and update for the depth-32 state tree, exactly as
//! `janus_l2::state` (spec §8.2): level 0 holds the leaves, a node is plonky2's `two_to_one`
//! (one permutation of `left ‖ right ‖ 0,0,0,0`), the running node is the left child at level
//! `h` iff bit `h` of the slot index is 0, and an empty slot's leaf is the zero digest.
//!
//! Each level costs one Poseidon gate: the gate's built-in swap flag is the index bit.

use janus_l2::state::{MerkleProof, TREE_DEPTH};
use plonky2::field::extension::Extendable;
use plonky2::hash::hash_types::{HashOutTarget, RichField, NUM_HASH_OUT_ELTS};
use plonky2::hash::hashing::PlonkyPermutation;
use plonky2::hash::poseidon::PoseidonHash;
use plonky2::iop::target::{BoolTarget, Target};
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::config::AlgebraicHasher;

use crate::error::ProverError;
use crate::prover::F;

/// A Merkle path in the circuit: the slot index's 32 bits (little-endian) and the siblings.
#[derive(Clone, Debug)]
pub struct MerklePathTarget {
    /// Bits of the slot index, `index_bits[h]` = bit `h`.
    pub index_bits: Vec<BoolTarget>,
    /// `siblings[h]`: the sibling at level `h`.
    pub siblings: Vec<HashOutTarget>,
}

/// A path for slot `index` (a target that this constrains to `< 2^32`), with fresh sibling
/// targets to be set by [`set_path`].
pub fn add_path<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    index: Target,
) -> MerklePathTarget {
    let index_bits = b.split_le(index, TREE_DEPTH);
    let siblings = (0..TREE_DEPTH).map(|_| b.add_virtual_hash()).collect();
    MerklePathTarget {
        index_bits,
        siblings,
    }
}

/// `two_to_one(l, r)` if `swap` is false, `two_to_one(r, l)` if true.
fn compress_swapped<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    node: HashOutTarget,
    sibling: HashOutTarget,
    swap: BoolTarget,
) -> HashOutTarget {
    let zero = b.zero();
    let mut state =
        <<PoseidonHash as AlgebraicHasher<F>>::AlgebraicPermutation as PlonkyPermutation<
            Target,
        >>::new(core::iter::repeat(zero));
    state.set_from_slice(&node.elements, 0);
    state.set_from_slice(&sibling.elements, NUM_HASH_OUT_ELTS);
    let out = <PoseidonHash as AlgebraicHasher<F>>::permute_swapped(state, swap, b);
    let mut elements = [zero; NUM_HASH_OUT_ELTS];
    elements.copy_from_slice(&out.squeeze()[..NUM_HASH_OUT_ELTS]);
    HashOutTarget { elements }
}

/// The root obtained by hashing `leaf` up along `path`.
pub fn root_from_leaf<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    leaf: HashOutTarget,
    path: &MerklePathTarget,
) -> HashOutTarget {
    let mut node = leaf;
    for (bit, sib) in path.index_bits.iter().zip(&path.siblings) {
        node = compress_swapped(b, node, *sib, *bit);
    }
    node
}

/// If `enabled`: check that `path` proves `old_leaf` under `root` and return the root with the
/// slot set to `new_leaf`. If not enabled: nothing is checked and `root` is returned.
pub fn update<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    root: HashOutTarget,
    path: &MerklePathTarget,
    old_leaf: HashOutTarget,
    new_leaf: HashOutTarget,
    enabled: BoolTarget,
) -> HashOutTarget {
    let old_root = root_from_leaf(b, old_leaf, path);
    let new_root = root_from_leaf(b, new_leaf, path);
    let elements = core::array::from_fn(|i| {
        crate::gadgets::range::assert_eq_if(
            b,
            enabled.target,
            old_root.elements[i],
            root.elements[i],
        );
        b.select(enabled, new_root.elements[i], root.elements[i])
    });
    HashOutTarget { elements }
}

/// Set the siblings of `path` from a `janus_l2` proof (the index bits come from the index
/// target).
pub fn set_path(
    pw: &mut PartialWitness<F>,
    path: &MerklePathTarget,
    proof: &MerkleProof,
) -> Result<(), ProverError> {
    for (t, s) in path.siblings.iter().zip(proof.siblings.iter()) {
        pw.set_hash_target(*t, *s).map_err(ProverError::witness)?;
    }
    Ok(())
}
