//! Schnorr verification (spec §7.2) in the circuit: [`verify_schnorr`] constrains that a
//! signature, given as its 80 bytes in u32 words, is valid for a public key given as the ten
//! u32 words of its 40-byte encoding (as account leaves store it, §8.1) and a message of field
//! elements — exactly the inputs `janus_l2::schnorr::verify_bytes` accepts:
//!
//! * key words `< 2^32`, each `w_i < p`, `w` decodes to a non-neutral point;
//! * signature words `< 2^32`, each `h_i < p`, bytes `[32, 40)` zero, `s < n`;
//! * `R' = s·G − e·PK` with `e = Σ h_i 2^(64 i)` and
//!   `Poseidon(w_R' ‖ w_PK ‖ m) = (h_0, h_1, h_2, h_3)`.
//!
//! An invalid signature has no satisfying witness: `prove` fails. [`verify_schnorr_if`] enforces
//! the same only when a flag is set (batch slots that carry no signature): the 32-bit range
//! checks stay unconditional, every other check is multiplied by the flag, and a disabled slot
//! decodes the generator in place of its key so that the witness always exists.
//!
//! Signature words come in either byte order ([`WordOrder`]): the batch data packs the 80 bytes
//! as big-endian words; the 4-bit digits of the little-endian limbs are then a permutation of the
//! words' digits, so the byte swap costs only the recombination of each word.

use plonky2::field::types::Field;
use plonky2::hash::poseidon::PoseidonHash;
use plonky2::iop::target::{BoolTarget, Target};
use plonky2::iop::witness::WitnessWrite;

use super::curve::{mul_double_base, AffinePointTarget, CHALLENGE_DIGITS, SCALAR_DIGITS};
use super::encoding::{
    assert_words_lt_const_if, assert_zero_if, canonical_from_words_if, decode_point, encode_point,
    limbs_to_words, word_digits,
};
use super::gfp5::GFp5Target;
use super::native::words_of;
use super::{Builder, F};
use janus_l2::curve::scalar::N;
use janus_l2::curve::Point;

/// Number of u32 words of an encoded signature (80 bytes).
pub const SIGNATURE_WORDS: usize = 20;
/// Number of u32 words of an encoded public key (40 bytes).
pub const KEY_WORDS: usize = 10;

/// How 4 signature bytes `[4j, 4j+4)` form word `j`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordOrder {
    /// Read little-endian (word `2i` is the low half of the 64-bit limb `i`).
    LittleEndian,
    /// Read big-endian (as the batch data packs records, spec §4).
    BigEndian,
}

/// A signature as the 20 u32 words of its 80-byte encoding: bytes `[0, 32)` are `h_0..h_3` (8
/// bytes little-endian each), bytes `[32, 40)` are zero, bytes `[40, 80)` are `s`.
#[derive(Clone, Copy, Debug)]
pub struct SignatureTarget {
    /// The words (range-checked by [`verify_schnorr`]).
    pub words: [Target; SIGNATURE_WORDS],
    /// Their byte order.
    pub order: WordOrder,
}

impl SignatureTarget {
    /// Fresh virtual words.
    pub fn new_virtual(b: &mut Builder, order: WordOrder) -> Self {
        Self {
            words: core::array::from_fn(|_| b.add_virtual_target()),
            order,
        }
    }

    /// Set the words from an encoded signature.
    pub fn set(&self, pw: &mut impl WitnessWrite<F>, sig: &[u8; 80]) -> anyhow::Result<()> {
        for (j, t) in self.words.iter().enumerate() {
            let bytes = [sig[4 * j], sig[4 * j + 1], sig[4 * j + 2], sig[4 * j + 3]];
            let v = match self.order {
                WordOrder::LittleEndian => u32::from_le_bytes(bytes),
                WordOrder::BigEndian => u32::from_be_bytes(bytes),
            };
            pw.set_target(*t, F::from_canonical_u32(v))?;
        }
        Ok(())
    }

    /// The eight little-endian 4-bit digits of word `j` read little-endian, and that value
    /// (range-checks the word to 32 bits).
    fn le_word(&self, b: &mut Builder, j: usize) -> ([Target; 8], Target) {
        let digits = word_digits(b, self.words[j]);
        match self.order {
            WordOrder::LittleEndian => (digits, self.words[j]),
            WordOrder::BigEndian => {
                // Byte k of the big-endian value is byte 3 − k of the little-endian one.
                let le: [Target; 8] = core::array::from_fn(|i| digits[2 * (3 - i / 2) + i % 2]);
                let sixteen = F::from_canonical_u64(16);
                let mut v = le[7];
                for d in le[..7].iter().rev() {
                    v = b.mul_const_add(sixteen, v, *d);
                }
                (le, v)
            }
        }
    }
}

/// Set ten key words from a 40-byte public-key encoding.
pub fn set_key_words(
    pw: &mut impl WitnessWrite<F>,
    words: &[Target; KEY_WORDS],
    key: &[u8; 40],
) -> anyhow::Result<()> {
    for (t, v) in words.iter().zip(words_of(key)) {
        pw.set_target(*t, v)?;
    }
    Ok(())
}

/// Range-check the ten key words and recombine them into the encoding `w` (asserting each
/// coefficient `< p`), then decode it, asserting a valid non-neutral point.
pub fn decode_public_key(
    b: &mut Builder,
    words: &[Target; KEY_WORDS],
) -> (GFp5Target, AffinePointTarget) {
    let yes = b._true();
    decode_public_key_if(b, yes, words)
}

/// [`decode_public_key`] enforced only when `enabled`; otherwise the generator is decoded.
pub fn decode_public_key_if(
    b: &mut Builder,
    enabled: BoolTarget,
    words: &[Target; KEY_WORDS],
) -> (GFp5Target, AffinePointTarget) {
    for w in words {
        b.range_check(*w, 32);
    }
    let w = GFp5Target(core::array::from_fn(|i| {
        canonical_from_words_if(b, enabled, words[2 * i], words[2 * i + 1])
    }));
    let w = match b.target_as_constant(enabled.target) {
        Some(c) if c == F::ONE => w,
        _ => {
            let g = GFp5Target::constant(b, Point::generator().encode());
            w.select(b, enabled, &g)
        }
    };
    let point = decode_point(b, &w);
    (w, point)
}

/// Constrain that `sig` is a valid signature of `msg` under the key with words `pk_words`.
pub fn verify_schnorr(
    b: &mut Builder,
    pk_words: &[Target; KEY_WORDS],
    msg: &[Target],
    sig: &SignatureTarget,
) {
    let yes = b._true();
    verify_schnorr_if(b, yes, pk_words, msg, sig);
}

/// [`verify_schnorr`] when `enabled`; when not, only the 32-bit range checks of the key and
/// signature words remain.
pub fn verify_schnorr_if(
    b: &mut Builder,
    enabled: BoolTarget,
    pk_words: &[Target; KEY_WORDS],
    msg: &[Target],
    sig: &SignatureTarget,
) {
    let (w_pk, pk) = decode_public_key_if(b, enabled, pk_words);
    let neg_pk = pk.neg(b);

    // Challenge h (words 0..8, canonical) and its 64 digits; bytes [32, 40) zero.
    let mut e_digits = Vec::with_capacity(CHALLENGE_DIGITS);
    let mut h_words = Vec::with_capacity(8);
    for j in 0..8 {
        let (digits, word) = sig.le_word(b, j);
        e_digits.extend(digits);
        h_words.push(word);
    }
    assert_zero_if(b, enabled, sig.words[8]);
    assert_zero_if(b, enabled, sig.words[9]);
    let h: [Target; 4] = core::array::from_fn(|i| {
        canonical_from_words_if(b, enabled, h_words[2 * i], h_words[2 * i + 1])
    });

    // Response s (words 10..20): digits, s < n.
    let mut s_digits = Vec::with_capacity(SCALAR_DIGITS);
    let mut s_words = Vec::with_capacity(10);
    for j in 10..20 {
        let (digits, word) = sig.le_word(b, j);
        s_digits.extend(digits);
        s_words.push(word);
    }
    assert_words_lt_const_if(b, enabled, &s_words, &limbs_to_words(&N));

    let (Ok(s_digits), Ok(e_digits)) = (
        <[Target; SCALAR_DIGITS]>::try_from(s_digits),
        <[Target; CHALLENGE_DIGITS]>::try_from(e_digits),
    ) else {
        unreachable!("10 words give 80 digits, 8 words give 64");
    };
    let r = mul_double_base(b, &s_digits, &e_digits, &neg_pk);
    let w_r = encode_point(b, &r);

    let mut input = Vec::with_capacity(10 + msg.len());
    input.extend_from_slice(&w_r.0);
    input.extend_from_slice(&w_pk.0);
    input.extend_from_slice(msg);
    let digest = b.hash_n_to_hash_no_pad::<PoseidonHash>(input);
    for (x, y) in digest.elements.iter().zip(h.iter()) {
        let d = b.sub(*x, *y);
        assert_zero_if(b, enabled, d);
    }
}
