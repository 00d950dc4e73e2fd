//! Native helpers for the gadgets: the witness values of point decoding, affine coordinates of
//! `janus_l2` points (for constant tables and test inputs), and u32-word splitting of encodings.
//!
//! The group law itself is never re-implemented here: points come from `janus_l2::curve::Point`
//! and only their coordinates are recovered from the encoding `w` with the values the decoding
//! circuit checks anyway (`e = w² − a`, `r² = e² − 4b`, `q² = (e + r)/2`, `x = (e − r)/2`).

use plonky2::field::ops::Square;
use plonky2::field::types::Field;

use janus_l2::curve::gfp5::{is_square, mul_small_z, sqrt};
use janus_l2::curve::{Fp, Fp5, Point};

/// Curve constant `a = 2`.
pub const CURVE_A: u64 = 2;
/// Curve constant `b = B1 · z`.
pub const CURVE_B1: u64 = 263;

/// The decoding witness of a non-zero encoding `w`: `(r, q, x)` with `r² = Δ = (w² − a)² − 4b`,
/// `q² = (e + r)/2` (the root of `x² − e x + b` that is a square) and the point's
/// `x = (e − r)/2` (the other root, a non-square). `None` if `w` encodes no point.
pub fn decode_witness(w: &Fp5) -> Option<(Fp5, Fp5, Fp5)> {
    let e = w.square() - Fp5::from_canonical_u64(CURVE_A);
    let delta = e.square() - mul_small_z(&Fp5::ONE, 4 * CURVE_B1);
    let r0 = sqrt(&delta)?;
    let half = Fp5::TWO.try_inverse()?;
    let r = if is_square(&((e + r0) * half)) {
        r0
    } else {
        -r0
    };
    let q = sqrt(&((e + r) * half))?;
    Some((r, q, (e - r) * half))
}

/// Affine `(x, u)` coordinates of a point (`(0, 0)` for the neutral).
pub fn affine(p: &Point) -> Option<(Fp5, Fp5)> {
    if p.is_neutral() {
        return Some((Fp5::ZERO, Fp5::ZERO));
    }
    let w = p.encode();
    let (_, _, x) = decode_witness(&w)?;
    Some((x, w.try_inverse()?))
}

/// The ten u32 words of a 40-byte little-endian encoding (`k_j` = bytes `[4j, 4j+4)` read
/// little-endian), as spec §8.1 stores keys in account leaves.
pub fn words_of(bytes: &[u8; 40]) -> [Fp; 10] {
    core::array::from_fn(|j| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&bytes[4 * j..4 * j + 4]);
        Fp::from_canonical_u32(u32::from_le_bytes(w))
    })
}
