//! Janus prover: the Plonky2 circuits that prove a batch's state transition, their recursive
//! aggregation and the final wrapper, with the heavy steps on a GPU when one is present.
//!
//! Layout:
//! - [`gadgets`]: circuit building blocks (GF(p^5) and EcGFp5 arithmetic, Schnorr verification,
//!   Poseidon sparse-Merkle updates, range checks).
//! - [`prover`]: deterministic proving on plonky2's public API, and the batch prover API the
//!   keeper calls ([`prover::batch::BatchProver`]).
//! - [`circuit`]: the batch circuit (state transition, Schnorr signatures of every transfer and
//!   withdrawal for the circuit's chain id, data binding).
//! - [`recursion`]: the segment tree, the range tree and the Keccak wrapper.
//! - [`gpu`]: CUDA kernels and the GPU commitment pipeline (CPU fallback without a GPU).
//! - [`verifier`]: the Solidity verifier generator (docs/verifier.md).
//! - [`cache`]: circuits built once and kept on disk (docs/prover-cache.md).
//! - [`error`]: the crate error type, [`ProverError`].

#![warn(missing_docs, unreachable_pub)]

pub mod cache;
pub mod circuit;
pub mod error;
pub mod gadgets;
pub mod gpu;
pub mod prover;
pub mod recursion;
pub mod verifier;

pub use error::ProverError;
