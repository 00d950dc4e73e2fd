//! Encodings in the circuit (spec §7.0, §7.2, §8.1):
//!
//! * u32 words → Goldilocks elements `w = k_lo + 2^32·k_hi` with the range checks `k < 2^32` and
//!   the canonicity check `w < p` (`k_hi = 2^32 − 1 ⇒ k_lo = 0`);
//! * u32 words → 4-bit digits (the scalar windows), with the same 32-bit range check;
//! * `x < c` for a multi-word value and a constant (the check `s < n`);
//! * point decoding `w → (x, u)` of a public key (asserting a valid, non-neutral point) and
//!   point encoding `(X : Z : U : T) → w = T/U` (0 for the neutral).

use plonky2::field::types::Field;
use plonky2::iop::target::{BoolTarget, Target};

use super::curve::{AffinePointTarget, PointTarget};
use super::gfp5::GFp5Target;
use super::hints::{DecodeGenerator, Fp5InverseOrZeroGenerator, LessThanConstGenerator};
use super::native::{CURVE_A, CURVE_B1};
use super::{Builder, F};
use janus_l2::curve::Fp5;

/// `lo + 2^32·hi` for 32-bit words `lo`, `hi` (already range-checked), asserting that the value
/// is a canonical field element (`< p`).
pub fn canonical_from_words(b: &mut Builder, lo: Target, hi: Target) -> Target {
    let yes = b._true();
    canonical_from_words_if(b, yes, lo, hi)
}

/// [`canonical_from_words`] whose check `< p` is enforced only when `enabled`.
pub fn canonical_from_words_if(
    b: &mut Builder,
    enabled: BoolTarget,
    lo: Target,
    hi: Target,
) -> Target {
    let max = b.constant(F::from_canonical_u32(u32::MAX));
    let hi_is_max = b.is_equal(hi, max);
    let bad = b.mul(hi_is_max.target, lo);
    assert_zero_if(b, enabled, bad);
    b.mul_const_add(F::from_canonical_u64(1 << 32), hi, lo)
}

/// Asserts `x = 0` when `enabled`.
pub fn assert_zero_if(b: &mut Builder, enabled: BoolTarget, x: Target) {
    let t = b.mul(enabled.target, x);
    b.assert_zero(t);
}

/// The eight 4-bit digits of a 32-bit word, least significant first; asserts `word < 2^32`.
pub fn word_digits(b: &mut Builder, word: Target) -> [Target; 8] {
    let limbs = b.split_le_base::<4>(word, 16);
    let four = F::from_canonical_u64(4);
    core::array::from_fn(|i| b.mul_const_add(four, limbs[2 * i + 1], limbs[2 * i]))
}

/// Asserts `x < c`, for `x` given as 32-bit words (least significant first, each already
/// range-checked to 32 bits) and a constant `c` with as many words.
pub fn assert_words_lt_const(b: &mut Builder, x: &[Target], c: &[u32]) {
    let yes = b._true();
    assert_words_lt_const_if(b, yes, x, c);
}

/// [`assert_words_lt_const`] enforced only when `enabled` (the comparison itself is always
/// satisfiable for 32-bit words).
pub fn assert_words_lt_const_if(b: &mut Builder, enabled: BoolTarget, x: &[Target], c: &[u32]) {
    assert_eq!(x.len(), c.len(), "word counts differ");
    let mut lt = b.zero();
    for (&xi, &ci) in x.iter().zip(c.iter()) {
        let below = b.add_virtual_bool_target_safe();
        b.add_simple_generator(LessThanConstGenerator {
            x: xi,
            c: ci,
            out: below,
        });
        // below ⇒ c − 1 − x ∈ [0, 2^32); otherwise x − c ∈ [0, 2^32):
        // v = (x − c) + below·(2c − 1 − 2x).
        let ci_f = F::from_canonical_u32(ci);
        let t = b.arithmetic(-F::TWO, F::ONE, below.target, xi, xi);
        let t = b.mul_const_add(ci_f + ci_f - F::ONE, below.target, t);
        let v = b.add_const(t, -ci_f);
        b.range_check(v, 32);
        let c_t = b.constant(ci_f);
        let eq = b.is_equal(xi, c_t);
        // lt := below_i + eq_i · lt (the two bits are exclusive).
        lt = b.mul_add(eq.target, lt, below.target);
    }
    let one = b.one();
    let diff = b.sub(lt, one);
    assert_zero_if(b, enabled, diff);
}

/// The 32-bit words of a 320-bit constant given as five 64-bit limbs (least significant first).
pub fn limbs_to_words(limbs: &[u64; 5]) -> [u32; 10] {
    core::array::from_fn(|j| {
        let l = limbs[j / 2];
        if j % 2 == 0 {
            l as u32
        } else {
            (l >> 32) as u32
        }
    })
}

/// Decode a public-key encoding `w` (spec §7.0) into affine coordinates, asserting that it is a
/// valid, non-neutral group element: `w != 0` (`u = 1/w` by hint), `r² = Δ = (w² − a)² − 4b`,
/// `q² = (e + r)/2` (that root is a square) and `x = (e − r)/2` (the other root, a non-square since
/// the product of the roots, `b`, is not a square).
pub fn decode_point(b: &mut Builder, w: &GFp5Target) -> AffinePointTarget {
    let u = w.inverse(b);
    let r = GFp5Target::new_virtual(b);
    let q = GFp5Target::new_virtual(b);
    b.add_simple_generator(DecodeGenerator { w: *w, r, q });
    let ww = w.square(b);
    let e = ww.add_const(b, -Fp5::from_canonical_u64(CURVE_A));
    let ee = e.square(b);
    let four_b = janus_l2::curve::gfp5::mul_small_z(&Fp5::ONE, 4 * CURVE_B1);
    let delta = ee.add_const(b, -four_b);
    let rr = r.square(b);
    rr.connect(b, &delta);
    let half = F::TWO.inverse();
    let square_root = e.lin(b, half, &r, half);
    let qq = q.square(b);
    qq.connect(b, &square_root);
    let x = e.lin(b, half, &r, -half);
    AffinePointTarget { x, u }
}

/// The encoding `w = T/U` of a point (`0` for the neutral, `U = 0`).
///
/// With `inv` from a hint and `P = U·inv`: the circuit asserts `P_1..P_4 = 0` and
/// `(1 − P_0)·U = 0`, so `P_0 = 1` when `U != 0` (then `inv = 1/U`) and `P_0 = 0` when `U = 0`;
/// the output is `P_0 · T · inv`.
pub fn encode_point(b: &mut Builder, p: &PointTarget) -> GFp5Target {
    let inv = GFp5Target::new_virtual(b);
    b.add_simple_generator(Fp5InverseOrZeroGenerator { x: p.u, inv });
    let prod = p.u.mul(b, &inv);
    for c in &prod.0[1..] {
        b.assert_zero(*c);
    }
    let nonzero = prod.0[0];
    for c in &p.u.0 {
        // U_i − P_0·U_i = 0
        let r = b.arithmetic(F::NEG_ONE, F::ONE, nonzero, *c, *c);
        b.assert_zero(r);
    }
    let w = p.t.mul(b, &inv);
    GFp5Target(w.0.map(|c| b.mul(nonzero, c)))
}
