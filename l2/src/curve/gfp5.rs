//! GF(p^5) = GF(p)[z]/(z^5 - 3) with p = 2^64 - 2^32 + 1 (Goldilocks): the base field of EcGFp5.
//!
//! The element type is plonky2's [`QuinticExtension<GoldilocksField>`], whose modulus is exactly
//! the one of EcGFp5 (`W = 3`, checked by a test). This module adds what plonky2 does not
//! provide for extension fields: the canonical 40-byte encoding, the norm, the Legendre symbol and
//! square roots, plus the faster primitives the curve formulas use: [`square`] (lazy reduction,
//! 15 base products) and products by small constants ([`mul_small`], [`mul_small_z`], one fold
//! instead of a full 128-bit reduction). They return the same field elements as plonky2's generic
//! operations (possibly as non-canonical representatives, like plonky2's own results).
//!
//! Encoding (EcGFp5 reference): the five coefficients `c0..c4` of `c0 + c1 z + … + c4 z^4`, each as
//! 8 bytes **little-endian**, lowest degree first; decoding rejects any coefficient `≥ p`.

use plonky2_field::extension::quintic::QuinticExtension;
use plonky2_field::extension::Frobenius;
use plonky2_field::goldilocks_field::GoldilocksField;
use plonky2_field::ops::Square;
use plonky2_field::types::{Field, Field64, PrimeField64};

/// The Goldilocks field GF(p).
pub type Fp = GoldilocksField;
/// The quintic extension GF(p^5) = GF(p)[z]/(z^5 - 3).
pub type Fp5 = QuinticExtension<GoldilocksField>;

/// Length in bytes of an encoded GF(p^5) element.
pub const FP5_BYTES: usize = 40;

/// Build an element from five canonical-or-not u64 coefficients (reduced mod p), lowest first.
pub fn fp5_from_u64s(c: [u64; 5]) -> Fp5 {
    QuinticExtension(c.map(Fp::from_noncanonical_u64))
}

/// The five canonical coefficients, lowest degree first.
pub fn fp5_to_u64s(x: &Fp5) -> [u64; 5] {
    x.0.map(|c| c.to_canonical_u64())
}

/// Canonical 40-byte encoding (5 × u64 little-endian, lowest degree first).
pub fn fp5_to_bytes(x: &Fp5) -> [u8; FP5_BYTES] {
    let mut out = [0u8; FP5_BYTES];
    for (i, c) in fp5_to_u64s(x).iter().enumerate() {
        out[8 * i..8 * i + 8].copy_from_slice(&c.to_le_bytes());
    }
    out
}

/// Decode a 40-byte encoding; `None` if any coefficient is not canonical (`≥ p`).
pub fn fp5_from_bytes(bytes: &[u8; FP5_BYTES]) -> Option<Fp5> {
    let mut c = [Fp::ZERO; 5];
    for (i, slot) in c.iter_mut().enumerate() {
        let mut limb = [0u8; 8];
        limb.copy_from_slice(&bytes[8 * i..8 * i + 8]);
        let v = u64::from_le_bytes(limb);
        if v >= Fp::ORDER {
            return None;
        }
        *slot = Fp::from_canonical_u64(v);
    }
    Some(QuinticExtension(c))
}

/// `2^64 mod p`.
const EPSILON: u64 = 0xFFFF_FFFF;

/// Reduce `lo + hi·2^128` (`hi < 2^32`, so the value is below `2^160 - 2^128 + 2^96` as long as
/// callers keep `hi` small) modulo `p`, to a possibly non-canonical `u64` representative.
/// Uses `2^64 ≡ 2^32 - 1` and `2^96 ≡ -1 (mod p)`.
#[inline(always)]
fn reduce160(lo: u128, hi: u32) -> Fp {
    let top = ((lo >> 96) as u64) | ((hi as u64) << 32); // bits 96..160
    let mid = (lo >> 64) as u32 as u64; // bits 64..96
    let (mut t0, borrow) = (lo as u64).overflowing_sub(top);
    if borrow {
        // t0 = x_lo - top + 2^64 ≡ (x_lo - top) + ε: take ε back (cannot underflow: t0 ≥ 2^32).
        t0 -= EPSILON;
    }
    let (t2, carry) = t0.overflowing_add(mid * EPSILON);
    // On overflow t2 + 2^64 ≡ t2 + ε, and then t2 < mid·ε ≤ 2^64 - 2^33 + 1: no second overflow.
    GoldilocksField(t2 + EPSILON * carry as u64)
}

/// 160-bit accumulator for lazily reduced sums of 128-bit products.
#[derive(Clone, Copy)]
struct Acc160 {
    lo: u128,
    hi: u32,
}

impl Acc160 {
    #[inline(always)]
    fn prod(a: u64, b: u64) -> Self {
        Self {
            lo: (a as u128) * (b as u128),
            hi: 0,
        }
    }

    #[inline(always)]
    fn add_prod(self, a: u64, b: u64) -> Self {
        let (lo, c) = self.lo.overflowing_add((a as u128) * (b as u128));
        Self {
            lo,
            hi: self.hi + c as u32,
        }
    }

    /// `2 · self`.
    #[inline(always)]
    fn double(self) -> Self {
        Self {
            lo: self.lo << 1,
            hi: (self.hi << 1) | (self.lo >> 127) as u32,
        }
    }

    /// `3 · self`.
    #[inline(always)]
    fn triple(self) -> Self {
        self.add(self.double())
    }

    #[inline(always)]
    fn add(self, rhs: Self) -> Self {
        let (lo, c) = self.lo.overflowing_add(rhs.lo);
        Self {
            lo,
            hi: self.hi + rhs.hi + c as u32,
        }
    }

    #[inline(always)]
    fn reduce(self) -> Fp {
        reduce160(self.lo, self.hi)
    }
}

/// `x²` in GF(p^5) with one reduction per coefficient (15 base products instead of 25; the same
/// field element as `x * x`, possibly with non-canonical coefficients). With `W = 3`:
/// `c0 = a0² + 6(a1a4 + a2a3)`, `c1 = 2a0a1 + 6a2a4 + 3a3²`, `c2 = 2a0a2 + a1² + 6a3a4`,
/// `c3 = 2(a0a3 + a1a2) + 3a4²`, `c4 = 2(a0a4 + a1a3) + a2²`.
#[inline]
pub fn square(x: &Fp5) -> Fp5 {
    let [a0, a1, a2, a3, a4] = x.0.map(|c| c.0);
    let c0 = Acc160::prod(a1, a4)
        .add_prod(a2, a3)
        .triple()
        .double()
        .add_prod(a0, a0);
    let c1 = Acc160::prod(a0, a1)
        .add(Acc160::prod(a2, a4).triple())
        .double()
        .add(Acc160::prod(a3, a3).triple());
    let c2 = Acc160::prod(a0, a2)
        .add(Acc160::prod(a3, a4).triple())
        .double()
        .add_prod(a1, a1);
    let c3 = Acc160::prod(a0, a3)
        .add_prod(a1, a2)
        .double()
        .add(Acc160::prod(a4, a4).triple());
    let c4 = Acc160::prod(a0, a4)
        .add_prod(a1, a3)
        .double()
        .add_prod(a2, a2);
    QuinticExtension([
        c0.reduce(),
        c1.reduce(),
        c2.reduce(),
        c3.reduce(),
        c4.reduce(),
    ])
}

/// `c · k` for `k < 2^32`: the product is below `2^96`, so one fold `lo + hi·ε` reduces it.
#[inline(always)]
fn mul_u32(c: Fp, k: u32) -> Fp {
    let t = (c.0 as u128) * (k as u128);
    let (r, carry) = (t as u64).overflowing_add(((t >> 64) as u64) * EPSILON);
    // On overflow r + 2^64 ≡ r + ε, with r < hi·ε ≤ 2^64 - 2^33 + 1: no second overflow.
    GoldilocksField(r + EPSILON * carry as u64)
}

/// Multiply by a small integer `k < 2^32`.
pub fn mul_small(x: &Fp5, k: u32) -> Fp5 {
    QuinticExtension(x.0.map(|c| mul_u32(c, k)))
}

/// Multiply by `k·z` for a small integer `k` (used for the curve constant `b = 263 z`).
pub fn mul_small_z(x: &Fp5, k: u64) -> Fp5 {
    let c = x.0;
    match u32::try_from(3 * k as u128) {
        // The curve formulas' constants (k ≤ 16·263): single-fold products.
        Ok(three_k) => {
            let k = three_k / 3;
            QuinticExtension([
                mul_u32(c[4], three_k),
                mul_u32(c[0], k),
                mul_u32(c[1], k),
                mul_u32(c[2], k),
                mul_u32(c[3], k),
            ])
        }
        Err(_) => {
            let k = Fp::from_noncanonical_u64(k);
            let three_k = k * Fp::from_canonical_u64(3);
            QuinticExtension([c[4] * three_k, c[0] * k, c[1] * k, c[2] * k, c[3] * k])
        }
    }
}

/// Multiply by a base-field element.
pub fn mul_base(x: &Fp5, k: Fp) -> Fp5 {
    QuinticExtension(x.0.map(|c| c * k))
}

/// `x^((r-1)/2)` with `r = 1 + p + p^2 + p^3 + p^4`, computed with Frobenius maps:
/// `(r-1)/2 = p (1+p) (1+p^2) / 2`.
fn pow_half_r_minus_one(x: &Fp5) -> Fp5 {
    let t = x.exp_u64(Fp::ORDER.div_ceil(2)); // x^((p+1)/2)
    let u = t * t.repeated_frobenius(2); // x^((1+p)(1+p^2)/2)
    u.frobenius()
}

/// The norm `N(x) = x^r ∈ GF(p)`, together with `d = x^((r-1)/2)` (so that `N(x) = x·d²`).
fn norm_and_d(x: &Fp5) -> (Fp, Fp5) {
    let d = pow_half_r_minus_one(x);
    let n = *x * d * d;
    debug_assert!(n.0[1..].iter().all(|c| *c == Fp::ZERO));
    (n.0[0], d)
}

/// The norm of `x` over GF(p).
pub fn norm(x: &Fp5) -> Fp {
    norm_and_d(x).0
}

/// Legendre symbol of `x` in GF(p^5): `0` for zero, `1` for a non-zero square, `-1` otherwise.
/// Since `x^((p^5-1)/2) = N(x)^((p-1)/2)`, this is the Legendre symbol of the norm in GF(p).
pub fn legendre(x: &Fp5) -> i8 {
    let n = norm(x);
    if n == Fp::ZERO {
        return 0;
    }
    let l = n.exp_u64((Fp::ORDER - 1) / 2);
    if l == Fp::ONE {
        1
    } else {
        -1
    }
}

/// Whether `x` is a square in GF(p^5) (zero counts as a square).
pub fn is_square(x: &Fp5) -> bool {
    legendre(x) >= 0
}

/// A square root of `x` in GF(p^5), or `None` if `x` is not a square. Which of the two roots is
/// returned is unspecified (callers never depend on it).
///
/// With `d = x^((r-1)/2)` and `N = x·d² ∈ GF(p)`: if `s² = N` in GF(p) then `(s/d)² = x`.
pub fn sqrt(x: &Fp5) -> Option<Fp5> {
    if *x == Fp5::ZERO {
        return Some(Fp5::ZERO);
    }
    let (n, d) = norm_and_d(x);
    let s = sqrt_fp(n)?;
    let inv_d = d.try_inverse()?;
    let r = mul_base(&inv_d, s);
    debug_assert!(r * r == *x);
    Some(r)
}

/// Square root in GF(p) (Tonelli–Shanks with the 2^32-adic structure of p - 1).
fn sqrt_fp(n: Fp) -> Option<Fp> {
    if n == Fp::ZERO {
        return Some(Fp::ZERO);
    }
    if n.exp_u64((Fp::ORDER - 1) / 2) != Fp::ONE {
        return None;
    }
    // p - 1 = q · 2^32 with q = 2^32 - 1 odd.
    const S: u32 = 32;
    let q: u64 = (Fp::ORDER - 1) >> S;
    let mut m = S;
    let mut c = Fp::POWER_OF_TWO_GENERATOR; // primitive 2^32-th root of unity
    let mut t = n.exp_u64(q);
    let mut r = n.exp_u64(q.div_ceil(2));
    while t != Fp::ONE {
        // Least i with t^(2^i) = 1.
        let mut i = 0;
        let mut t2 = t;
        while t2 != Fp::ONE {
            t2 = t2.square();
            i += 1;
            if i == m {
                return None;
            }
        }
        let mut b = c;
        for _ in 0..(m - i - 1) {
            b = b.square();
        }
        m = i;
        c = b.square();
        t *= c;
        r *= b;
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use plonky2_field::extension::OEF;

    /// Vectors from the EcGFp5 reference implementation (pornin/ecgfp5, rust/src/field.rs,
    /// test `gfp5_ops`).
    #[test]
    fn reference_gfp5_ops() {
        let a = fp5_from_u64s([
            9788683869780751860,
            18176307314149915536,
            17581807048943060475,
            16706651231658143014,
            424516324638612383,
        ]);
        let b = fp5_from_u64s([
            1541862605911742196,
            5168181287870979863,
            10854086836664484156,
            11043707160649157424,
            943499178011708365,
        ]);
        let apb = fp5_from_u64s([
            11330546475692494056,
            4897744532606311078,
            9989149816192960310,
            9303614322892716117,
            1368015502650320748,
        ]);
        let amb = fp5_from_u64s([
            8246821263869009664,
            13008126026278935673,
            6727720212278576319,
            5662944071008985590,
            17927761216041488339,
        ]);
        let atb = fp5_from_u64s([
            5924286846078684570,
            12564682493825924142,
            17116577152380521223,
            5260948460973948760,
            15673927150284637712,
        ]);
        let adb = fp5_from_u64s([
            6854214528917216670,
            4676163378868226016,
            7338977912708396522,
            9922012834063967541,
            11413717840889184601,
        ]);
        assert_eq!(a + b, apb);
        assert_eq!(a - b, amb);
        assert_eq!(a * b, atb);
        assert_eq!(a / b, adb);
    }

    /// The dedicated squaring equals the generic product, including on non-canonical and extreme
    /// coefficients (`p - 1`, `2^64 - 1`), where the lazy accumulation is at its largest.
    #[test]
    fn square_equals_product() {
        let max = GoldilocksField(u64::MAX); // non-canonical representative of 2^32 - 2
        let pm1 = Fp::from_canonical_u64(Fp::ORDER - 1);
        let mut samples = vec![
            Fp5::ZERO,
            Fp5::ONE,
            QuinticExtension([max; 5]),
            QuinticExtension([pm1; 5]),
            QuinticExtension([pm1, max, pm1, max, pm1]),
            fp5_from_u64s([0, 0, 0, 0, 1]),
        ];
        let mut st = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..500 {
            let mut c = [GoldilocksField(0); 5];
            for v in c.iter_mut() {
                st = st
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *v = GoldilocksField(st); // raw: may be non-canonical
            }
            samples.push(QuinticExtension(c));
        }
        for x in samples {
            assert_eq!(square(&x), x * x, "{x:?}");
        }
    }

    #[test]
    fn modulus_is_z5_minus_3() {
        assert_eq!(<Fp5 as OEF<5>>::W, Fp::from_canonical_u64(3));
        let z = fp5_from_u64s([0, 1, 0, 0, 0]);
        assert_eq!(z.exp_u64(5), fp5_from_u64s([3, 0, 0, 0, 0]));
        let x = fp5_from_u64s([5, 6, 7, 8, 9]);
        assert_eq!(mul_small_z(&x, 263), x * fp5_from_u64s([0, 263, 0, 0, 0]));
        // Small-constant products, on extreme (and non-canonical) coefficients too.
        let max = fp5_from_u64s([Fp::ORDER - 1, 1, 0, 0, Fp::ORDER - 2]);
        let raw = QuinticExtension([GoldilocksField(u64::MAX); 5]);
        for y in [x, max, raw] {
            for k in [
                1u64,
                2,
                4,
                263,
                16 * 263,
                (1 << 32) / 3,
                1 << 31,
                u32::MAX as u64,
                1 << 40,
            ] {
                let kz = fp5_from_u64s([0, k, 0, 0, 0]);
                assert_eq!(mul_small_z(&y, k), y * kz, "k = {k}");
                if let Ok(k32) = u32::try_from(k) {
                    assert_eq!(mul_small(&y, k32), mul_base(&y, Fp::from_canonical_u64(k)));
                }
            }
        }
    }

    #[test]
    fn sqrt_and_legendre() {
        assert_eq!(legendre(&Fp5::ZERO), 0);
        assert_eq!(sqrt(&Fp5::ZERO), Some(Fp5::ZERO));
        let seven = Fp::from_canonical_u64(7); // not a square in GF(p), hence not in GF(p^5)
        let mut s = 0x1234_5678_9abc_def0u64;
        for _ in 0..50 {
            let mut c = [0u64; 5];
            for v in c.iter_mut() {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *v = s;
            }
            let x = fp5_from_u64s(c);
            let sq = x * x;
            assert_eq!(legendre(&sq), 1);
            let r = sqrt(&sq).expect("square");
            assert_eq!(r * r, sq);
            let ns = mul_base(&sq, seven);
            assert_eq!(legendre(&ns), -1);
            assert_eq!(sqrt(&ns), None);
        }
    }

    #[test]
    fn encoding_roundtrip_and_canonicity() {
        let x = fp5_from_u64s([1, 2, 3, Fp::ORDER - 1, 0]);
        let b = fp5_to_bytes(&x);
        assert_eq!(fp5_from_bytes(&b), Some(x));
        let mut bad = b;
        bad[32..40].copy_from_slice(&Fp::ORDER.to_le_bytes());
        assert_eq!(fp5_from_bytes(&bad), None);
    }
}
