//! GF(p^5) and EcGFp5 gadgets for plonky2 1.1 (`CircuitBuilder<GoldilocksField, 2>`), built on
//! plonky2's stock gates (arithmetic, random access, base-sum, Poseidon) and three custom gates
//! of this crate (GF(p^5) multiply-add, point doubling, mixed point addition), and the Schnorr
//! verification of spec §7.2 on top of them.
//!
//! | module | concern |
//! | --- | --- |
//! | [`gfp5`] | [`GFp5Target`]: GF(p^5) = GF(p)\[z\]/(z^5 - 3) arithmetic, inverse/division by hint |
//! | [`curve`] | [`PointTarget`] / [`AffinePointTarget`]: complete addition, doubling, windowed (double-base) multiplication |
//! | [`encoding`] | u32 words → canonical field elements, point decoding (sqrt hint) and encoding, `s < n` |
//! | [`schnorr`] | [`SignatureTarget`], [`verify_schnorr`] (asserting) and [`verify_schnorr_if`] (behind a flag) |
//! | [`algebra`] | GF(p^5) formulas over the base field, its extension and the circuit (for gates) |
//! | [`point_gate`] | custom gates: a point doubling per half row, a mixed addition per row |
//! | [`mul_gate`] | [`mul_gate::GFp5MulAddGate`]: `σ·a·b + τ·c` in GF(p^5), 4 per row (custom gate) |
//! | [`hints`] | witness generators (the native side uses `janus_l2::curve`) |
//! | [`native`] | native helpers: affine coordinates of `janus_l2` points, witness filling |
//! | [`error`] | errors raised by witness generation |
//!
//! Everything that decides validity is a constraint: hints only supply values (inverses, square
//! roots, comparison bits) that the circuit then checks.
//!
//! Cost (`cargo run --release -p janus-prover --example ecgfp5_gate_counts`): one signature
//! verification is 714 rows under `standard_recursion_config` (a 2^10 circuit): 127 doubling
//! rows (two per row), 156 addition rows, 360 `RandomAccessGate` rows for the window lookups and
//! a few dozen for decoding and range checks. On stock gates alone it was 5 032 rows.

pub mod algebra;
pub mod curve;
pub mod encoding;
pub mod error;
pub mod gfp5;
pub mod hints;
pub mod mul_gate;
pub mod native;
pub mod point_gate;
pub mod schnorr;

pub use curve::{AffinePointTarget, PointTarget};
pub use error::EcGFp5Error;
pub use gfp5::GFp5Target;
pub use schnorr::{verify_schnorr, verify_schnorr_if, SignatureTarget, WordOrder, SIGNATURE_WORDS};

use plonky2::field::goldilocks_field::GoldilocksField;
use plonky2::plonk::circuit_builder::CircuitBuilder;

/// The base field of the circuits.
pub type F = GoldilocksField;
/// Extension degree of the circuits (plonky2's recursion configuration).
pub const D: usize = 2;
/// The circuit builder these gadgets extend.
pub type Builder = CircuitBuilder<F, D>;
