//! Range checks and word composition for the batch circuit.
//!
//! Amounts, fees, balances and nonces are `< 2^63` (spec §1); in the posted data they appear as
//! two big-endian u32 words (see the *Data binding* section of `docs/l2-spec.md`). A value
//! range-checked to 63 bits can never be a wrapped subtraction: a negative difference lies in
//! `[p − 2^63, p)`, which no 63-bit value reaches (spec §9 rule 4).

use plonky2::field::extension::Extendable;
use plonky2::hash::hash_types::RichField;
use plonky2::iop::target::{BoolTarget, Target};
use plonky2::plonk::circuit_builder::CircuitBuilder;

/// Bits of every amount, fee, balance and nonce.
pub const AMOUNT_BITS: usize = 63;

/// Constrain `x < 2^63`.
pub fn assert_u63<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    x: Target,
) {
    b.range_check(x, AMOUNT_BITS);
}

/// Constrain `x < 2^32`.
pub fn assert_u32<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    x: Target,
) {
    b.range_check(x, 32);
}

/// `hi · 2^32 + lo` with `hi < 2^31` and `lo < 2^32`, i.e. a value `< 2^63`.
pub fn u63_from_words<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    hi: Target,
    lo: Target,
) -> Target {
    b.range_check(hi, 31);
    b.range_check(lo, 32);
    let base = b.constant(F::from_canonical_u64(1 << 32));
    b.mul_add(hi, base, lo)
}

/// Byte-swap a u32 word (big-endian ↔ little-endian); also constrains `x < 2^32`.
pub fn bswap32<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    x: Target,
) -> Target {
    let bits = b.split_le(x, 32);
    let mut swapped: Vec<BoolTarget> = Vec::with_capacity(32);
    for byte in (0..4).rev() {
        swapped.extend_from_slice(&bits[8 * byte..8 * byte + 8]);
    }
    b.le_sum(swapped.into_iter())
}

/// `cond ? x : y` for a boolean `cond` given as a plain target (already constrained boolean).
pub fn select_t<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    cond: Target,
    x: Target,
    y: Target,
) -> Target {
    // y + cond·(x − y)
    let d = b.sub(x, y);
    b.mul_add(cond, d, y)
}

/// Constrain `cond · (x − y) = 0`.
pub fn assert_eq_if<F: RichField + Extendable<D>, const D: usize>(
    b: &mut CircuitBuilder<F, D>,
    cond: Target,
    x: Target,
    y: Target,
) {
    let d = b.sub(x, y);
    let z = b.mul(cond, d);
    b.assert_zero(z);
}
