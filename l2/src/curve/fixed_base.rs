//! Fixed-base multiplication by the conventional generator `G`: a comb of precomputed affine
//! multiples, built once per process.
//!
//! The scalar is recoded into [`DIGITS`] signed base-`2^W` digits `d_j ∈ [-2^(W-1), 2^(W-1)]`
//! ([`Scalar::signed_digits`]), and `s·G = Σ_j d_j·(2^(W·j)·G)`. The table holds, for every
//! position `j`, the affine points `k·2^(W·j)·G` for `k = 0 … 2^(W-1)` (`k = 0` is the neutral),
//! so a multiplication is `DIGITS - 1` mixed additions (8 multiplications each) and no doubling.
//! With `W = 6`: 54 positions × 33 entries × 80 bytes ≈ 140 KiB, built in a few milliseconds on
//! first use.
//!
//! **Side channels.** Signing calls this with the secret nonce. The code has no branch on the
//! digits: every position performs one addition (a zero digit adds the neutral), and a negative
//! digit negates the looked-up `u` with a mask. The table *index* does depend on the secret
//! digits (cache-timing), which this project accepts: the signing keys live in the user's own
//! node, not in a shared or adversarial host.

use std::sync::OnceLock;

use plonky2_field::extension::quintic::QuinticExtension;
use plonky2_field::goldilocks_field::GoldilocksField;
use plonky2_field::types::{Field64, PrimeField64};

use super::gfp5::Fp5;
use super::point::{AffinePoint, Point};
use super::scalar::Scalar;

/// Window width in bits.
const W: usize = 6;
/// Number of signed digits: `DIGITS · W ≥ 320` leaves no final carry (see
/// [`Scalar::signed_digits`]).
const DIGITS: usize = 320_usize.div_ceil(W);
/// Entries per position: `0 … 2^(W-1)`.
const ENTRIES: usize = (1 << (W - 1)) + 1;

/// `table[j · ENTRIES + k] = k · 2^(W·j) · G`, coefficients canonical (`< p`).
fn table() -> &'static [AffinePoint] {
    static TABLE: OnceLock<Vec<AffinePoint>> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

fn build_table() -> Vec<AffinePoint> {
    let half = ENTRIES - 1;
    let mut multiples = Vec::with_capacity(DIGITS * half);
    let mut base = Point::generator();
    for _ in 0..DIGITS {
        // k·base for k = 1 … half.
        let start = multiples.len();
        multiples.push(base);
        for k in 2..=half {
            let next = if k % 2 == 0 {
                multiples[start + k / 2 - 1].double()
            } else {
                multiples[start + k - 2].add(&base)
            };
            multiples.push(next);
        }
        // 2^W · base = 2 · (half · base).
        base = multiples[start + half - 1].double();
    }
    let affine = Point::batch_to_affine(&multiples);
    let mut table = Vec::with_capacity(DIGITS * ENTRIES);
    for row in affine.chunks(half) {
        table.push(AffinePoint::NEUTRAL);
        table.extend(row.iter().map(|p| AffinePoint {
            x: canonical(&p.x),
            u: canonical(&p.u),
        }));
    }
    table
}

fn canonical(x: &Fp5) -> Fp5 {
    QuinticExtension(x.0.map(|c| GoldilocksField(c.to_canonical_u64())))
}

/// `-u` when `mask` is all ones, `u` when it is zero, without branching. `u`'s coefficients must
/// be canonical; `-0` comes out as the (valid, non-canonical) representation `p` of zero.
fn negate_if(u: &Fp5, mask: u64) -> Fp5 {
    QuinticExtension(u.0.map(|c| {
        let neg = GoldilocksField::ORDER - c.0;
        GoldilocksField(c.0 ^ (mask & (c.0 ^ neg)))
    }))
}

/// The table entry for digit `d` at position `j`: `d · 2^(W·j) · G`.
fn lookup(table: &[AffinePoint], j: usize, d: i32) -> AffinePoint {
    let sign = d >> 31; // 0 or -1
    let abs = ((d ^ sign) - sign) as usize;
    let p = table[j * ENTRIES + abs];
    AffinePoint {
        x: p.x,
        u: negate_if(&p.u, sign as i64 as u64),
    }
}

/// `s · G` (see the module documentation).
pub(crate) fn mul_generator(s: &Scalar) -> Point {
    let table = table();
    let digits = s.signed_digits::<DIGITS>(W);
    let mut acc = Point::from_affine(&lookup(table, 0, digits[0]));
    for (j, d) in digits.iter().enumerate().skip(1) {
        acc = acc.add_affine(&lookup(table, j, *d));
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table entry is `k · 2^(W·j) · G` computed the slow way, on the first and last
    /// positions (the others are built by the same loop).
    #[test]
    fn table_entries_match_reference_multiples() {
        let table = table();
        assert_eq!(table.len(), DIGITS * ENTRIES);
        let g = Point::generator();
        for j in [0, 1, DIGITS - 1] {
            let mut pow = Scalar::ONE;
            for _ in 0..W * j {
                pow = pow + pow;
            }
            for k in 0..ENTRIES {
                let expected = g.mul_reference(&(pow * Scalar::from_u64(k as u64)));
                let entry = Point::from_affine(&table[j * ENTRIES + k]);
                assert_eq!(entry, expected, "position {j}, multiple {k}");
                assert_eq!(entry.encode(), expected.encode());
            }
        }
    }

    #[test]
    fn lookup_negates_branch_free() {
        let table = table();
        let g = Point::generator();
        for d in [-(ENTRIES as i32 - 1), -3, -1, 0, 1, 5, ENTRIES as i32 - 1] {
            let p = Point::from_affine(&lookup(table, 0, d));
            let m = g.mul_reference(&Scalar::from_u64(d.unsigned_abs() as u64));
            assert_eq!(p, if d < 0 { m.neg() } else { m }, "digit {d}");
        }
        // -0 is still the neutral.
        assert!(Point::from_affine(&lookup(table, 3, 0)).is_neutral());
    }
}
