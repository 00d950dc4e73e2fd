//! The L2 state: accounts ([`account`]) in a depth-32 sparse Poseidon Merkle tree ([`tree`]).

pub mod account;
pub mod tree;

pub use account::{Account, LEAF_INPUTS};
pub use tree::{empty_hashes, empty_root, verify_proof, MerkleProof, State, TREE_DEPTH};
