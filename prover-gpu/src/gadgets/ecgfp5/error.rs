//! Errors raised while generating the witness of the EcGFp5 gadgets. They surface as the
//! `Err` of plonky2's `prove` (an invalid key or signature has no satisfying witness).

use thiserror::Error;

/// Why a witness value could not be computed.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum EcGFp5Error {
    /// A GF(p^5) division by zero.
    #[error("GF(p^5) division by zero")]
    DivisionByZero,
    /// The public key encoding does not decode to a curve point (discriminant not a square).
    #[error("public key does not decode to a curve point")]
    NotOnCurve,
}
