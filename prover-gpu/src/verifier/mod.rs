//! The Solidity verifier generator: emits the EVM verifier of the wrapper circuit
//! ([`crate::recursion::WrapperCircuit`]) from its verifier data, and the calldata encoding of a
//! wrapped proof that verifier reads. Conventions (field encoding, gate functions): see
//! `docs/verifier.md`.
//!
//! - [`yul`]: the Yul prelude every generated assembly block starts with (Goldilocks and its
//!   quadratic extension).
//! - [`gates`]: one emitter per gate type of the wrapper's gate set.
//! - [`encode`]: the calldata encoding of a wrapped proof ([`encode::encode_proof`]).
//! - [`params`]: emits `WrapperParams.sol`, the circuit constants the FRI verifier reads.
//! - [`plonk`]: the PLONK identity at ζ (gate filters, permutation argument, quotient).
//! - [`poseidon`]: the native Poseidon library (`contracts/verifier/generated/PoseidonGoldilocks.sol`).
//! - [`error`]: [`VerifierGenError`].

pub mod encode;
pub mod error;
pub mod gates;
pub mod params;
pub mod plonk;
pub mod poseidon;
pub mod yul;

pub use error::VerifierGenError;
