//! The EcGFp5 group (T. Pornin, "EcGFp5: a Specialized Elliptic Curve", ePrint 2022/274).
//!
//! Curve `y² = x (x² + a x + b)` over GF(p^5) with `a = 2`, `b = 263 z`; the group is its subgroup
//! of prime order `n` (see [`super::scalar`]). Points are handled in the paper's fractional
//! `(x, u) = (X/Z, U/T)` coordinates with `u = x/y` (the neutral has `u = 0`); the addition formula
//! is complete (no special cases), doubling has its own cheaper formula.
//!
//! **Encoding** (canonical, as in the reference implementation): the field element `w = y/x = 1/u`
//! (`0` for the neutral), written as 40 bytes with [`super::gfp5::fp5_to_bytes`]. **Decoding**
//! solves `x² - (w² - a) x + b = 0` and keeps the root that is *not* a square in GF(p^5); it fails
//! if a coefficient is not canonical or the discriminant `(w² - a)² - 4b` is not a square. The
//! conventional generator is the point with `w = 4`.
//!
//! Scalar multiplication uses a fixed 4-bit window; it is not constant-time.

use std::sync::OnceLock;

use plonky2_field::ops::Square;
use plonky2_field::types::Field;

use super::gfp5::{fp5_from_bytes, fp5_from_u64s, fp5_to_bytes, is_square, mul_small_z, sqrt, Fp5};
use super::scalar::Scalar;
use crate::error::PointError;

/// `b = B1 · z`.
const B1: u64 = 263;

/// The curve constant `a = 2`.
fn a() -> Fp5 {
    fp5_from_u64s([2, 0, 0, 0, 0])
}

/// A point of the EcGFp5 group, in fractional `(X : Z : U : T)` coordinates.
#[derive(Clone, Copy, Debug)]
pub struct Point {
    x: Fp5,
    z: Fp5,
    u: Fp5,
    t: Fp5,
}

impl PartialEq for Point {
    /// Two points are equal iff their `u = U/T` coordinates are (in the group, `u` determines the
    /// point).
    fn eq(&self, other: &Self) -> bool {
        self.u * other.t == other.u * self.t
    }
}
impl Eq for Point {}

impl Point {
    /// The neutral element.
    pub const NEUTRAL: Self = Self {
        x: Fp5::ZERO,
        z: Fp5::ONE,
        u: Fp5::ZERO,
        t: Fp5::ONE,
    };

    /// The conventional generator (the point encoded as `w = 4`).
    pub fn generator() -> Self {
        static G: OnceLock<Point> = OnceLock::new();
        *G.get_or_init(|| {
            Point::decode(&fp5_from_u64s([4, 0, 0, 0, 0]))
                .expect("w = 4 decodes (EcGFp5 generator)")
        })
    }

    /// `s · G` for the conventional generator `G`.
    pub fn mul_generator(s: &Scalar) -> Self {
        Self::generator().mul(s)
    }

    /// Whether this is the neutral element.
    pub fn is_neutral(&self) -> bool {
        self.u == Fp5::ZERO
    }

    /// The encoding `w = T/U` (zero for the neutral).
    pub fn encode(&self) -> Fp5 {
        match self.u.try_inverse() {
            Some(inv_u) => self.t * inv_u,
            None => Fp5::ZERO,
        }
    }

    /// The 40-byte encoding of [`Point::encode`].
    pub fn to_bytes(&self) -> [u8; 40] {
        fp5_to_bytes(&self.encode())
    }

    /// Whether `w` is the encoding of a group element (zero is: the neutral).
    pub fn validate(w: &Fp5) -> bool {
        *w == Fp5::ZERO || is_square(&Self::discriminant(w))
    }

    /// `(w² - a)² - 4b`.
    fn discriminant(w: &Fp5) -> Fp5 {
        let e = w.square() - a();
        e.square() - mul_small_z(&Fp5::ONE, 4 * B1)
    }

    /// Decode a field element `w`; `None` if it encodes no group element.
    pub fn decode(w: &Fp5) -> Option<Self> {
        if *w == Fp5::ZERO {
            return Some(Self::NEUTRAL);
        }
        let e = w.square() - a();
        let delta = e.square() - mul_small_z(&Fp5::ONE, 4 * B1);
        let r = sqrt(&delta)?;
        let half = Fp5::TWO.try_inverse()?;
        let x1 = (e + r) * half;
        let x2 = (e - r) * half;
        // Exactly one of x1, x2 is a square; the group point uses the other one.
        let x = if is_square(&x1) { x2 } else { x1 };
        Some(Self {
            x,
            z: Fp5::ONE,
            u: Fp5::ONE,
            t: *w,
        })
    }

    /// Decode 40 bytes: canonical field element, then [`Point::decode`].
    pub fn from_bytes(bytes: &[u8; 40]) -> Result<Self, PointError> {
        let w = fp5_from_bytes(bytes).ok_or(PointError::NonCanonical)?;
        Self::decode(&w).ok_or(PointError::NotOnCurve)
    }

    /// Group addition (complete formula, 10 multiplications).
    pub fn add(&self, rhs: &Self) -> Self {
        let (x1, z1, u1, t1) = (self.x, self.z, self.u, self.t);
        let (x2, z2, u2, t2) = (rhs.x, rhs.z, rhs.u, rhs.t);
        let m1 = x1 * x2;
        let m2 = z1 * z2;
        let m3 = u1 * u2;
        let m4 = t1 * t2;
        let m5 = (x1 + z1) * (x2 + z2) - m1 - m2;
        let m6 = (u1 + t1) * (u2 + t2) - m3 - m4;
        let m7 = m1 + mul_small_z(&m2, B1);
        let m8 = m4 * m7;
        let m9 = m3 * (mul_small_z(&m5, 2 * B1) + m7 + m7);
        let m10 = (m4 + m3 + m3) * (m5 + m7);
        Self {
            x: mul_small_z(&(m10 - m8), B1),
            z: m8 - m9,
            u: m6 * (mul_small_z(&m2, B1) - m1),
            t: m8 + m9,
        }
    }

    /// Point doubling (dedicated formula, 4 multiplications and 5 squarings).
    pub fn double(&self) -> Self {
        let (x, z, u, t) = (self.x, self.z, self.u, self.t);
        let zt = z * t;
        let ztt = zt * t;
        let x1 = ztt.square();
        let z1 = zt * u;
        let uu = u.square();
        let xz2 = (x + z) + (x + z);
        let w1 = ztt - xz2 * uu;
        let z1s = z1.square();
        let nz = w1.square();
        let four = Fp5::from_canonical_u64(4);
        Self {
            x: mul_small_z(&z1s, 4 * B1),
            z: nz,
            u: (w1 + z1).square() - z1s - nz,
            t: x1 + x1 - four * z1s - nz,
        }
    }

    /// The opposite point.
    pub fn neg(&self) -> Self {
        Self {
            u: -self.u,
            ..*self
        }
    }

    /// `self - rhs`.
    pub fn sub(&self, rhs: &Self) -> Self {
        self.add(&rhs.neg())
    }

    /// `s · self` (fixed 4-bit window, most significant digit first).
    pub fn mul(&self, s: &Scalar) -> Self {
        let mut table = [Self::NEUTRAL; 16];
        table[1] = *self;
        for i in 2..16 {
            table[i] = if i % 2 == 0 {
                table[i / 2].double()
            } else {
                table[i - 1].add(self)
            };
        }
        let mut acc = Self::NEUTRAL;
        for i in (0..80).rev() {
            if i != 79 {
                acc = acc.double().double().double().double();
            }
            let d = s.nibble(i);
            if d != 0 {
                acc = acc.add(&table[d]);
            }
        }
        acc
    }
}

#[cfg(test)]
#[path = "vectors.rs"]
mod vectors;
