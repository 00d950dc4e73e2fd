//! Scalars of EcGFp5: integers modulo the prime group order
//! `n = 0x7FFFFFFD80000007_7FFFFFF100000016_7FFFFFE6CFB80639_E8885C39D724A09C_E80FD996948BFFE1`
//! (about 2^318.9).
//!
//! Encoding (EcGFp5 reference): 40 bytes, unsigned **little-endian**; the canonical decoder rejects
//! values `≥ n`, [`Scalar::from_bytes_reduce`] reduces any byte string modulo `n`.
//! Arithmetic is simple and variable-time (wide products reduced bit by bit): the crate signs with
//! keys held by the user's own node, and correctness matters more than speed here.

use core::cmp::Ordering;
use core::ops::{Add, Mul, Neg, Sub};

/// Length in bytes of an encoded scalar.
pub const SCALAR_BYTES: usize = 40;

/// The group order `n`, little-endian 64-bit limbs.
pub const N: [u64; 5] = [
    0xE80F_D996_948B_FFE1,
    0xE888_5C39_D724_A09C,
    0x7FFF_FFE6_CFB8_0639,
    0x7FFF_FFF1_0000_0016,
    0x7FFF_FFFD_8000_0007,
];

/// An integer modulo `n`, always stored reduced (`< n`) as little-endian 64-bit limbs.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Scalar([u64; 5]);

impl core::fmt::Debug for Scalar {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Scalar(0x")?;
        for limb in self.0.iter().rev() {
            write!(f, "{limb:016x}")?;
        }
        write!(f, ")")
    }
}

fn cmp5(a: &[u64; 5], b: &[u64; 5]) -> Ordering {
    for i in (0..5).rev() {
        match a[i].cmp(&b[i]) {
            Ordering::Equal => continue,
            o => return o,
        }
    }
    Ordering::Equal
}

/// `a - b` over 320 bits, returning the borrow.
fn sub5(a: &[u64; 5], b: &[u64; 5]) -> ([u64; 5], bool) {
    let mut r = [0u64; 5];
    let mut borrow = false;
    for i in 0..5 {
        let (d1, b1) = a[i].overflowing_sub(b[i]);
        let (d2, b2) = d1.overflowing_sub(borrow as u64);
        r[i] = d2;
        borrow = b1 || b2;
    }
    (r, borrow)
}

/// `a + b` over 320 bits, returning the carry.
fn add5(a: &[u64; 5], b: &[u64; 5]) -> ([u64; 5], bool) {
    let mut r = [0u64; 5];
    let mut carry = false;
    for i in 0..5 {
        let (s1, c1) = a[i].overflowing_add(b[i]);
        let (s2, c2) = s1.overflowing_add(carry as u64);
        r[i] = s2;
        carry = c1 || c2;
    }
    (r, carry)
}

impl Scalar {
    /// Zero.
    pub const ZERO: Self = Self([0; 5]);
    /// One.
    pub const ONE: Self = Self([1, 0, 0, 0, 0]);

    /// The scalar with the given little-endian limbs, if they are `< n`.
    pub fn from_limbs(limbs: [u64; 5]) -> Option<Self> {
        (cmp5(&limbs, &N) == Ordering::Less).then_some(Self(limbs))
    }

    /// A small integer as a scalar.
    pub fn from_u64(v: u64) -> Self {
        Self([v, 0, 0, 0, 0])
    }

    /// Little-endian 64-bit limbs of the canonical value.
    pub fn limbs(&self) -> [u64; 5] {
        self.0
    }

    /// Canonical decoding of 40 little-endian bytes; `None` if the value is `≥ n`.
    pub fn from_bytes(bytes: &[u8; SCALAR_BYTES]) -> Option<Self> {
        let mut limbs = [0u64; 5];
        for (i, l) in limbs.iter_mut().enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(&bytes[8 * i..8 * i + 8]);
            *l = u64::from_le_bytes(b);
        }
        Self::from_limbs(limbs)
    }

    /// Interpret any number of bytes as an unsigned little-endian integer and reduce it mod `n`.
    pub fn from_bytes_reduce(bytes: &[u8]) -> Self {
        let mut r = Self::ZERO;
        for byte in bytes.iter().rev() {
            for bit in (0..8).rev() {
                r = r.double_plus_bit((byte >> bit) & 1 == 1);
            }
        }
        r
    }

    /// Reduce a little-endian integer given as 64-bit limbs (any length) modulo `n`.
    pub fn from_wide_limbs(limbs: &[u64]) -> Self {
        let mut r = Self::ZERO;
        for limb in limbs.iter().rev() {
            for bit in (0..64).rev() {
                r = r.double_plus_bit((limb >> bit) & 1 == 1);
            }
        }
        r
    }

    /// `2·self + bit mod n` (the step of the bitwise reduction; `2n + 1 < 2^320`).
    fn double_plus_bit(self, bit: bool) -> Self {
        let mut d = [0u64; 5];
        let mut carry = bit as u64;
        for (di, si) in d.iter_mut().zip(self.0.iter()) {
            *di = (si << 1) | carry;
            carry = si >> 63;
        }
        debug_assert_eq!(carry, 0);
        let (s, borrow) = sub5(&d, &N);
        Self(if borrow { d } else { s })
    }

    /// Canonical 40-byte little-endian encoding.
    pub fn to_bytes(&self) -> [u8; SCALAR_BYTES] {
        let mut out = [0u8; SCALAR_BYTES];
        for (i, l) in self.0.iter().enumerate() {
            out[8 * i..8 * i + 8].copy_from_slice(&l.to_le_bytes());
        }
        out
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> bool {
        self.0 == [0; 5]
    }

    /// Bit `i` (little-endian) of the canonical value; `false` past bit 319.
    pub fn bit(&self, i: usize) -> bool {
        i < 320 && (self.0[i / 64] >> (i % 64)) & 1 == 1
    }

    /// The 4-bit digit `i` (bits `4i..4i+4`) of the canonical value, `i < 80`.
    pub fn nibble(&self, i: usize) -> usize {
        ((self.0[i / 16] >> (4 * (i % 16))) & 0xF) as usize
    }

    /// Signed base-`2^w` digits, least significant first: `self = Σ d_i·2^(w·i)` with every
    /// `d_i ∈ [-2^(w-1), 2^(w-1)]`. Needs `2 ≤ w ≤ 16` and `N·w ≥ 320` (then no carry is left:
    /// `self < n < 2^319`). Variable-time only in the sense of plain integer arithmetic (no
    /// data-dependent branches on the digits).
    pub(crate) fn signed_digits<const N: usize>(&self, w: usize) -> [i32; N] {
        assert!(
            (2..=16).contains(&w) && N * w >= 320,
            "signed_digits: bad window"
        );
        let mut out = [0i32; N];
        let half = 1i32 << (w - 1);
        let mut carry = 0i32;
        for (i, d) in out.iter_mut().enumerate() {
            let mut chunk = 0u64;
            for j in 0..w {
                chunk |= (self.bit(w * i + j) as u64) << j;
            }
            let v = chunk as i32 + carry;
            // v > 2^(w-1): take v - 2^w and carry one into the next digit.
            carry = (half - v) >> 31 & 1;
            *d = v - (carry << w);
        }
        debug_assert_eq!(carry, 0, "n < 2^319 leaves no final carry");
        out
    }

    /// Width-`w` NAF, least significant first: `self = Σ d_i·2^i` where every non-zero `d_i` is
    /// odd, `|d_i| < 2^(w-1)`, and is followed by at least `w - 1` zero digits. Needs
    /// `2 ≤ w ≤ 8`. Branches on the scalar: for public values only.
    pub(crate) fn wnaf(&self, w: usize) -> [i8; 321] {
        assert!((2..=8).contains(&w), "wnaf: bad width");
        let mut out = [0i8; 321];
        // k < n < 2^319, and k + 2^(w-1) < 2^320: five limbs hold every intermediate value.
        let mut k = self.0;
        let mask = (1u64 << w) - 1;
        let mut i = 0;
        while k != [0; 5] {
            if k[0] & 1 == 1 {
                let mut d = (k[0] & mask) as i64;
                if d >= 1 << (w - 1) {
                    d -= 1 << w;
                }
                out[i] = d as i8;
                let m = [d.unsigned_abs(), 0, 0, 0, 0];
                k = if d > 0 {
                    sub5(&k, &m).0
                } else {
                    add5(&k, &m).0
                };
            }
            // k >>= 1
            for j in 0..5 {
                k[j] = (k[j] >> 1) | if j < 4 { k[j + 1] << 63 } else { 0 };
            }
            i += 1;
        }
        out
    }

    /// `self^e` for a small exponent (square-and-multiply).
    pub fn pow_u64(&self, mut e: u64) -> Self {
        let mut base = *self;
        let mut acc = Self::ONE;
        while e > 0 {
            if e & 1 == 1 {
                acc = acc * base;
            }
            base = base * base;
            e >>= 1;
        }
        acc
    }
}

impl Add for Scalar {
    type Output = Scalar;
    fn add(self, rhs: Scalar) -> Scalar {
        // Both < n < 2^319, so the sum fits 320 bits without carry.
        let (s, _) = add5(&self.0, &rhs.0);
        let (d, borrow) = sub5(&s, &N);
        Scalar(if borrow { s } else { d })
    }
}

impl Neg for Scalar {
    type Output = Scalar;
    fn neg(self) -> Scalar {
        if self.is_zero() {
            self
        } else {
            Scalar(sub5(&N, &self.0).0)
        }
    }
}

impl Sub for Scalar {
    type Output = Scalar;
    // Subtraction is addition of the negation (both reduced mod n).
    #[allow(clippy::suspicious_arithmetic_impl)]
    fn sub(self, rhs: Scalar) -> Scalar {
        self + (-rhs)
    }
}

impl Mul for Scalar {
    type Output = Scalar;
    fn mul(self, rhs: Scalar) -> Scalar {
        let mut wide = [0u64; 10];
        for i in 0..5 {
            let mut carry: u128 = 0;
            for j in 0..5 {
                let t = (self.0[i] as u128) * (rhs.0[j] as u128) + (wide[i + j] as u128) + carry;
                wide[i + j] = t as u64;
                carry = t >> 64;
            }
            wide[i + 5] = carry as u64;
        }
        Scalar::from_wide_limbs(&wide)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Vectors from the EcGFp5 reference implementation (pornin/ecgfp5, rust/src/scalar.rs,
    /// test `scalar_ops`): a 512-bit integer reduced mod n, and its 256th power.
    #[test]
    fn reference_reduce_and_pow() {
        let buf4: [u8; 64] = [
            0xB5, 0xDD, 0x28, 0xB8, 0xD2, 0x9B, 0x6F, 0xF8, 0x15, 0x65, 0x3F, 0x89, 0xDB, 0x7B,
            0xA9, 0xDE, 0x33, 0x7D, 0xA8, 0x27, 0x82, 0x26, 0xB4, 0xD6, 0x9E, 0x1F, 0xFA, 0x97,
            0x3D, 0x9E, 0x01, 0x9C, 0x77, 0xC9, 0x63, 0x5C, 0xB8, 0x34, 0xD8, 0x1A, 0x4D, 0xCB,
            0x03, 0x48, 0x62, 0xCD, 0xEE, 0xC9, 0x8E, 0xC8, 0xC9, 0xA7, 0xB3, 0x6E, 0xDA, 0xCE,
            0x18, 0x75, 0x1B, 0xDD, 0x4F, 0x94, 0x67, 0xB5,
        ];
        let buf5: [u8; 40] = [
            0x89, 0x01, 0x7A, 0x52, 0xBD, 0xDF, 0x45, 0x60, 0xCE, 0x5B, 0xBA, 0xE5, 0x5D, 0x25,
            0x96, 0x5A, 0x0A, 0x4F, 0x0A, 0x27, 0x1A, 0x7A, 0xE8, 0x1D, 0x7D, 0xBF, 0xE3, 0xE3,
            0xFA, 0x5E, 0x17, 0xE0, 0x44, 0xD9, 0xA5, 0x37, 0x9B, 0xF8, 0x38, 0x74,
        ];
        let buf6: [u8; 40] = [
            0x27, 0x7E, 0x2C, 0xAB, 0x6D, 0xAD, 0x8D, 0xA0, 0x15, 0x44, 0x02, 0x0F, 0xFA, 0xD5,
            0x4F, 0x15, 0xBF, 0x6D, 0x1D, 0x76, 0x22, 0x73, 0xCD, 0xDA, 0x23, 0xFE, 0x5A, 0xED,
            0xCA, 0x75, 0xD7, 0x04, 0x05, 0x66, 0x87, 0x3D, 0x37, 0x5B, 0x24, 0x13,
        ];
        let s4 = Scalar::from_bytes_reduce(&buf4);
        assert_eq!(s4.to_bytes(), buf5);
        assert_eq!(Scalar::from_bytes(&buf5), Some(s4));
        let mut s6 = s4;
        for _ in 0..8 {
            s6 = s6 * s6;
        }
        assert_eq!(s6.to_bytes(), buf6);
    }

    /// Canonical decoding boundary (reference test `scalar_ops`: n - 1 decodes, n does not).
    #[test]
    fn canonical_boundary() {
        let mut n_minus_1 = [0u8; 40];
        let mut n_bytes = [0u8; 40];
        for i in 0..5 {
            n_bytes[8 * i..8 * i + 8].copy_from_slice(&N[i].to_le_bytes());
        }
        n_minus_1.copy_from_slice(&n_bytes);
        n_minus_1[0] -= 1;
        let m1 = Scalar::from_bytes(&n_minus_1).expect("n - 1 is canonical");
        assert_eq!(Scalar::from_bytes(&n_bytes), None);
        assert_eq!(m1 + Scalar::ONE, Scalar::ZERO);
        assert_eq!(-Scalar::ONE, m1);
        assert_eq!(Scalar::from_bytes_reduce(&n_bytes), Scalar::ZERO);
    }

    /// The signed digits recombine to the scalar and stay in range, for every supported window
    /// and for the extremes `0`, `1`, `n - 1`.
    #[test]
    fn signed_digits_recombine() {
        fn check<const N: usize>(s: &Scalar, w: usize) {
            let digits = s.signed_digits::<N>(w);
            let half = 1i32 << (w - 1);
            let radix = Scalar::from_u64(1u64 << w);
            let mut acc = Scalar::ZERO;
            for d in digits.iter().rev() {
                assert!(
                    (-half..=half).contains(d),
                    "digit {d} out of range for w = {w}"
                );
                let m = Scalar::from_u64(d.unsigned_abs() as u64);
                acc = acc * radix + if *d < 0 { -m } else { m };
            }
            assert_eq!(acc, *s, "w = {w}");
        }
        let mut samples = vec![Scalar::ZERO, Scalar::ONE, -Scalar::ONE];
        for i in 0..40u8 {
            samples.push(Scalar::from_bytes_reduce(&[i.wrapping_mul(37) ^ 0xC3; 48]));
            samples.push(Scalar::from_bytes_reduce(&[0xFF - i; 40]));
        }
        for s in &samples {
            check::<64>(s, 5);
            check::<54>(s, 6);
            check::<46>(s, 7);
            check::<40>(s, 8);
            check::<80>(s, 4);
        }
    }

    /// The width-w NAF recombines to the scalar and has its shape (odd digits, in range, at
    /// least w - 1 zeros after each non-zero digit).
    #[test]
    fn wnaf_recombines() {
        let mut samples = vec![
            Scalar::ZERO,
            Scalar::ONE,
            -Scalar::ONE,
            Scalar::from_u64(15),
        ];
        for i in 0..40u8 {
            samples.push(Scalar::from_bytes_reduce(&[i.wrapping_mul(91) ^ 0x3C; 48]));
        }
        for s in &samples {
            for w in 2..=8 {
                let digits = s.wnaf(w);
                let mut acc = Scalar::ZERO;
                let mut last_nonzero: Option<usize> = None;
                for (i, d) in digits.iter().enumerate().rev() {
                    acc = acc + acc;
                    if *d != 0 {
                        assert!(d % 2 != 0 && (d.unsigned_abs() as u32) < 1 << (w - 1));
                        if let Some(j) = last_nonzero {
                            assert!(j - i >= w, "digits {j} and {i} too close for w = {w}");
                        }
                        last_nonzero = Some(i);
                        let m = Scalar::from_u64(d.unsigned_abs() as u64);
                        acc = acc + if *d < 0 { -m } else { m };
                    }
                }
                assert_eq!(acc, *s, "w = {w}");
            }
        }
    }

    #[test]
    fn ring_laws() {
        let a = Scalar::from_bytes_reduce(&[0xAB; 64]);
        let b = Scalar::from_bytes_reduce(&[0x5C; 47]);
        let c = Scalar::from_bytes_reduce(&[0x17; 33]);
        assert_eq!(a * (b + c), a * b + a * c);
        assert_eq!(a - a, Scalar::ZERO);
        assert_eq!((a - b) + b, a);
        // Fermat: a^(n-1) = 1 is too slow bit by bit; check a small identity instead.
        assert_eq!(a.pow_u64(5), a * a * a * a * a);
    }
}
