//! Janus prover: the Plonky2 circuits that prove a batch's state transition, their recursive
//! aggregation and the final wrapper, with the heavy steps on a GPU when one is present.
//!
//! Layout:
//! - [`gadgets`]: circuit building blocks (GF(p^5) and EcGFp5 arithmetic, Schnorr verification,
//!   Poseidon sparse-Merkle updates, range checks).
//! - `circuit`, `prover`, `recursion` (batch circuit, deterministic proving, aggregation and
//!   wrapper) land with the circuit work of the L2/circuits issue.

pub mod gadgets;
