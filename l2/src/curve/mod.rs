//! EcGFp5: the field GF(p^5), the curve group and its scalars (T. Pornin, ePrint 2022/274).
//!
//! Written for this crate from the paper and checked against the reference implementation's
//! published test vectors (pornin/ecgfp5); see `vectors.rs`.

mod fixed_base;
pub mod gfp5;
pub mod point;
pub mod scalar;

pub use gfp5::{Fp, Fp5};
pub use point::Point;
pub use scalar::Scalar;
