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
//! **Scalar multiplication** (all variants give the same group element, hence the same encoding,
//! as the plain double-and-add definition; tests compare them with a reference ladder):
//! * [`Point::mul`] (variable base, public scalars such as a signature challenge): width-5 NAF
//!   over the odd multiples `1·P … 15·P`, each run of doublings done with [`Point::mdouble`]
//!   (2M + 5S per doubling instead of 4M + 5S); it branches on the scalar (not constant-time).
//! * [`Point::mul_generator`]: the fixed-base comb of [`super::fixed_base`] (precomputed affine
//!   multiples of `G`, no doublings). It is also what signing uses with the secret nonce; see
//!   that module for its side-channel profile.

use std::sync::OnceLock;

use plonky2_field::types::Field;

use super::fixed_base;
use super::gfp5::{
    fp5_from_bytes, fp5_from_u64s, fp5_to_bytes, is_square, mul_small, mul_small_z, sqrt, square,
    Fp5,
};
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

    /// `s · G` for the conventional generator `G` (precomputed comb, see [`super::fixed_base`]).
    pub fn mul_generator(s: &Scalar) -> Self {
        fixed_base::mul_generator(s)
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
        let e = square(w) - a();
        square(&e) - mul_small_z(&Fp5::ONE, 4 * B1)
    }

    /// Decode a field element `w`; `None` if it encodes no group element.
    pub fn decode(w: &Fp5) -> Option<Self> {
        if *w == Fp5::ZERO {
            return Some(Self::NEUTRAL);
        }
        let e = square(w) - a();
        let delta = square(&e) - mul_small_z(&Fp5::ONE, 4 * B1);
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
        let bm2 = mul_small_z(&m2, B1);
        let m7 = m1 + bm2;
        let m8 = m4 * m7;
        let m9 = m3 * (mul_small_z(&m5, 2 * B1) + m7 + m7);
        let m10 = (m4 + m3 + m3) * (m5 + m7);
        Self {
            x: mul_small_z(&(m10 - m8), B1),
            z: m8 - m9,
            u: m6 * (bm2 - m1),
            t: m8 + m9,
        }
    }

    /// Add a point given in affine `(x, u)` coordinates (the complete formula with `Z2 = T2 = 1`,
    /// 8 multiplications).
    pub(crate) fn add_affine(&self, rhs: &AffinePoint) -> Self {
        let (x1, z1, u1, t1) = (self.x, self.z, self.u, self.t);
        let (x2, u2) = (rhs.x, rhs.u);
        let m1 = x1 * x2;
        let m3 = u1 * u2;
        let m5 = x1 + x2 * z1;
        let m6 = u1 + u2 * t1;
        let bz1 = mul_small_z(&z1, B1);
        let m7 = m1 + bz1;
        let m8 = t1 * m7;
        let m9 = m3 * (mul_small_z(&m5, 2 * B1) + m7 + m7);
        let m10 = (t1 + m3 + m3) * (m5 + m7);
        Self {
            x: mul_small_z(&(m10 - m8), B1),
            z: m8 - m9,
            u: m6 * (bz1 - m1),
            t: m8 + m9,
        }
    }

    /// The point with `Z = T = 1` from affine coordinates.
    pub(crate) fn from_affine(p: &AffinePoint) -> Self {
        Self {
            x: p.x,
            z: Fp5::ONE,
            u: p.u,
            t: Fp5::ONE,
        }
    }

    /// Affine `(x, u)` coordinates of many points with one field inversion (Montgomery's trick
    /// over all `Z` and `T`). Every `Z` and `T` must be non-zero, which holds for every point
    /// built by this module's formulas.
    pub(crate) fn batch_to_affine(points: &[Self]) -> Vec<AffinePoint> {
        // prefix[k] = product of the first k denominators (Z0, T0, Z1, T1, ...).
        let dens: Vec<Fp5> = points.iter().flat_map(|p| [p.z, p.t]).collect();
        let mut prefix = Vec::with_capacity(dens.len() + 1);
        let mut acc = Fp5::ONE;
        for d in &dens {
            prefix.push(acc);
            acc *= *d;
        }
        let mut inv = acc
            .try_inverse()
            .expect("denominators of curve points are non-zero");
        let mut invs = vec![Fp5::ZERO; dens.len()];
        for k in (0..dens.len()).rev() {
            invs[k] = inv * prefix[k];
            inv *= dens[k];
        }
        points
            .iter()
            .enumerate()
            .map(|(i, p)| AffinePoint {
                x: p.x * invs[2 * i],
                u: p.u * invs[2 * i + 1],
            })
            .collect()
    }

    /// Point doubling (dedicated formula, 4 multiplications and 5 squarings).
    pub fn double(&self) -> Self {
        let (x, z, u, t) = (self.x, self.z, self.u, self.t);
        let zt = z * t;
        let ztt = zt * t;
        let x1 = square(&ztt);
        let z1 = zt * u;
        let uu = square(&u);
        let xz2 = (x + z) + (x + z);
        let w1 = ztt - xz2 * uu;
        let z1s = square(&z1);
        let nz = square(&w1);
        Self {
            x: mul_small_z(&z1s, 4 * B1),
            z: nz,
            u: square(&(w1 + z1)) - z1s - nz,
            t: x1 + x1 - mul_small(&z1s, 4) - nz,
        }
    }

    /// `2^n · self`: `n` successive doublings, cheaper than calling [`Point::double`] `n` times
    /// (Pornin, ePrint 2022/274: the intermediate doublings run on a Jacobian-like `(X, W, Z)`
    /// form at 2 multiplications and 5 squarings each, plus a fixed cost to enter and leave it).
    pub fn mdouble(&self, n: u32) -> Self {
        match n {
            0 => return *self,
            1 => return self.double(),
            _ => {}
        }
        let (x0, z0, u0, t0) = (self.x, self.z, self.u, self.t);
        // First doubling, straight into (X : W : Z).
        let zt = z0 * t0;
        let ztt = zt * t0;
        let x1 = square(&ztt);
        let z1 = zt * u0;
        let uu = square(&u0);
        let w1 = ztt - ((x0 + z0) + (x0 + z0)) * uu;
        let w1s = square(&w1);
        let z1s = square(&z1);
        let mut x = mul_small_z(&square(&z1s), 16 * B1);
        let mut w = x1 + x1 - mul_small(&z1s, 4) - w1s;
        let mut z = square(&(w1 + z1)) - w1s - z1s;
        // Doublings 2..n-1 in (X : W : Z).
        for _ in 2..n {
            let zz = square(&z);
            let z4 = square(&zz);
            let ww = square(&w);
            let w4 = square(&ww);
            let wz2 = square(&(w + z)) - zz - ww; // 2 W Z
            z = wz2 * ((x + zz) + (x + zz) - ww);
            x = mul_small_z(&(z4 * w4), 16 * B1);
            // W = -W^4 - Z^4 (4 B1 z - 4)
            w = mul_small(&z4, 4) - w4 - mul_small_z(&z4, 4 * B1);
        }
        // Last doubling, back to (X : Z : U : T).
        let ww = square(&w);
        let zz = square(&z);
        let wz2 = square(&(w + z)) - ww - zz;
        let w1 = ww - ((x + zz) + (x + zz));
        let nz = square(&w1);
        Self {
            x: mul_small_z(&square(&wz2), B1),
            z: nz,
            u: wz2 * w1,
            t: (ww + ww) * (ww - zz - zz) - nz,
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

    /// `s · self`: width-5 NAF ([`Scalar::wnaf`]) over the odd multiples `1·P, 3·P, … 15·P`,
    /// most significant digit first, each run of doublings between non-zero digits done with
    /// [`Point::mdouble`]. About 43 additions and 255 doublings for a 256-bit scalar, 53 and 318
    /// for a full one. Branches on the scalar: for public scalars.
    pub fn mul(&self, s: &Scalar) -> Self {
        const W: usize = 5;
        let two = self.double();
        let mut odd = [*self; 1 << (W - 2)]; // odd[k] = (2k + 1)·self
        for k in 1..odd.len() {
            odd[k] = odd[k - 1].add(&two);
        }
        let lookup = |d: i8| {
            let p = odd[(d.unsigned_abs() >> 1) as usize];
            if d < 0 {
                p.neg()
            } else {
                p
            }
        };
        let digits = s.wnaf(W);
        let Some(top) = digits.iter().rposition(|d| *d != 0) else {
            return Self::NEUTRAL;
        };
        let mut acc = lookup(digits[top]);
        let mut pending = 0u32; // doublings owed since the last addition
        for &d in digits[..top].iter().rev() {
            pending += 1;
            if d != 0 {
                acc = acc.mdouble(pending).add(&lookup(d));
                pending = 0;
            }
        }
        acc.mdouble(pending)
    }

    /// The straightforward fixed 4-bit window ladder (316 doublings, up to 80 additions): the
    /// reference the fast paths are tested against.
    #[cfg(test)]
    pub(crate) fn mul_reference(&self, s: &Scalar) -> Self {
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

/// A point in affine `(x, u)` coordinates (`Z = T = 1`); the neutral is `(0, 0)`. Only used for
/// precomputed tables, where one batched inversion pays for cheaper additions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AffinePoint {
    pub(crate) x: Fp5,
    pub(crate) u: Fp5,
}

impl AffinePoint {
    /// The neutral element `(0, 0)`.
    pub(crate) const NEUTRAL: Self = Self {
        x: Fp5::ZERO,
        u: Fp5::ZERO,
    };
}

#[cfg(test)]
#[path = "vectors.rs"]
mod vectors;

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngCore, SeedableRng};
    use rand_chacha::ChaCha8Rng;

    fn random_scalar(rng: &mut ChaCha8Rng) -> Scalar {
        let mut bytes = [0u8; 48];
        rng.fill_bytes(&mut bytes);
        Scalar::from_bytes_reduce(&bytes)
    }

    /// Scalars that stress the recodings: random full-size ones, random 256-bit ones (the
    /// challenge size), and edge values (0, 1, 16, 17, n - 1, all-ones digits, 2^k).
    fn scalars(rng: &mut ChaCha8Rng, random: usize) -> Vec<Scalar> {
        let mut v = vec![
            Scalar::ZERO,
            Scalar::ONE,
            Scalar::from_u64(16),
            Scalar::from_u64(17),
            Scalar::from_u64(0x7FFF_FFFF_FFFF_FFFF),
            -Scalar::ONE,
            -Scalar::from_u64(16),
            Scalar::from_bytes_reduce(&[0xFF; 32]),
            Scalar::from_limbs([0, 0, 0, 0, 1 << 62]).expect("2^318 < n"),
        ];
        for i in 0..random {
            let s = random_scalar(rng);
            v.push(if i % 2 == 0 {
                s
            } else {
                let mut l = s.limbs();
                l[4] = 0;
                Scalar::from_limbs(l).expect("256-bit value < n")
            });
        }
        v
    }

    fn random_point(rng: &mut ChaCha8Rng) -> Point {
        Point::generator().mul_reference(&random_scalar(rng))
    }

    #[test]
    fn mdouble_equals_repeated_doubling() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for p in [Point::NEUTRAL, Point::generator(), random_point(&mut rng)] {
            let mut expected = p;
            for n in 0..12 {
                let got = p.mdouble(n);
                assert_eq!(got, expected, "n = {n}");
                assert_eq!(got.encode(), expected.encode());
                expected = expected.double();
            }
        }
    }

    #[test]
    fn add_affine_and_batch_to_affine_match_add() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let mut pts: Vec<Point> = (0..20).map(|_| random_point(&mut rng)).collect();
        pts.push(Point::generator().double());
        let affine = Point::batch_to_affine(&pts);
        let acc = random_point(&mut rng);
        for (p, a) in pts.iter().zip(&affine) {
            let back = Point::from_affine(a);
            assert_eq!(back, *p);
            assert_eq!(back.encode(), p.encode());
            assert_eq!(acc.add_affine(a), acc.add(p));
            assert_eq!(Point::NEUTRAL.add_affine(a), *p);
            assert_eq!(back.add_affine(&AffinePoint::NEUTRAL), *p);
            // Complete: adding a point to itself and to its opposite.
            assert_eq!(back.add_affine(a), p.double());
            assert!(p.neg().add_affine(a).is_neutral());
        }
    }

    #[test]
    fn mul_equals_reference_ladder() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let points = [
            Point::generator(),
            random_point(&mut rng),
            random_point(&mut rng),
        ];
        for (i, s) in scalars(&mut rng, 60).iter().enumerate() {
            let p = points[i % points.len()];
            let got = p.mul(s);
            let expected = p.mul_reference(s);
            assert_eq!(got, expected, "scalar {s:?}");
            assert_eq!(got.encode(), expected.encode());
        }
        assert!(Point::NEUTRAL.mul(&Scalar::from_u64(5)).is_neutral());
    }

    #[test]
    fn mul_generator_equals_reference_ladder() {
        let mut rng = ChaCha8Rng::seed_from_u64(4);
        let g = Point::generator();
        for s in scalars(&mut rng, 100) {
            let got = Point::mul_generator(&s);
            let expected = g.mul_reference(&s);
            assert_eq!(got, expected, "scalar {s:?}");
            assert_eq!(got.encode(), expected.encode());
        }
    }
}
