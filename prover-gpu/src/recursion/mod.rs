//! Recursion: 2-to-1 aggregation of batch (or aggregation) proofs ([`aggregate`]) and the final
//! wrapper proof with a Keccak transcript for the EVM verifier ([`wrap`]).
//!
//! Public-input layout shared by batch and aggregation proofs: `old_root (4) ‖ new_root (4) ‖
//! bindings`, where a batch proof's binding is `data_hash (8) ‖ z (2) ‖ y (2)` and an aggregation
//! proof's bindings are the left proof's bindings followed by the right one's (so L1 checks each
//! batch's data as for a single batch proof). The wrapper re-exposes its inner proof's public
//! inputs unchanged, then the prover's address ([`wrap::prover_limbs`]).

pub mod aggregate;
pub mod wrap;

pub use aggregate::AggregationCircuit;
pub use wrap::{prover_limbs, wrapper_config, WrapC, WrapperCircuit, PROVER_LIMBS};

/// Elements of `old_root ‖ new_root` at the start of every Janus proof's public inputs.
pub const ROOTS: usize = 8;
