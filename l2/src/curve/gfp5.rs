//! GF(p^5) = GF(p)[z]/(z^5 - 3) with p = 2^64 - 2^32 + 1 (Goldilocks): the base field of EcGFp5.
//!
//! The element type is plonky2's [`QuinticExtension<GoldilocksField>`], whose modulus is exactly
//! the one of EcGFp5 (`W = 3`, checked by a test). This module adds what plonky2 does not
//! provide for extension fields: the canonical 40-byte encoding, the norm, the Legendre symbol and
//! square roots.
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

/// Multiply by `k·z` for a small integer `k` (used for the curve constant `b = 263 z`).
pub fn mul_small_z(x: &Fp5, k: u64) -> Fp5 {
    let k = Fp::from_canonical_u64(k);
    let three_k = k * Fp::from_canonical_u64(3);
    let c = x.0;
    QuinticExtension([c[4] * three_k, c[0] * k, c[1] * k, c[2] * k, c[3] * k])
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

    #[test]
    fn modulus_is_z5_minus_3() {
        assert_eq!(<Fp5 as OEF<5>>::W, Fp::from_canonical_u64(3));
        let z = fp5_from_u64s([0, 1, 0, 0, 0]);
        assert_eq!(z.exp_u64(5), fp5_from_u64s([3, 0, 0, 0, 0]));
        let x = fp5_from_u64s([5, 6, 7, 8, 9]);
        assert_eq!(mul_small_z(&x, 263), x * fp5_from_u64s([0, 263, 0, 0, 0]));
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
