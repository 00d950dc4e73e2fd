//! The Solidity verifier generator: emits the EVM verifier of the wrapper circuit
//! ([`crate::recursion::WrapperCircuit`]) from its verifier data, and the calldata encoding of a
//! wrapped proof that verifier reads. Conventions (field encoding, gate functions): see
//! `docs/verifier.md`.
//!
//! - [`yul`]: the Yul prelude every generated assembly block starts with (Goldilocks and its
//!   quadratic extension).
//! - [`gates`]: one emitter per gate type of the wrapper's gate set.
//! - [`plonk`]: the PLONK identity at ζ (gate filters, permutation argument, quotient).
//! - [`poseidon`]: the native Poseidon library (`contracts/verifier/generated/PoseidonGoldilocks.sol`).
//! - [`error`]: [`VerifierGenError`].

pub mod error;
pub mod gates;
pub mod plonk;
pub mod poseidon;
pub mod yul;

pub use error::VerifierGenError;
