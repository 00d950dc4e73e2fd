//! Hash functions and domain tags: Poseidon over Goldilocks (plonky2's `PoseidonHash`) for
//! everything the circuit recomputes, Keccak-256 for what L1 recomputes.
//!
//! * `poseidon(xs)` is plonky2's `hash_no_pad`: overwrite-mode sponge, width 12, rate 8, no
//!   padding, output the first 4 state elements. Every use in this crate hashes a fixed number of
//!   elements that starts with a domain tag, so the lack of padding is unambiguous.
//! * `compress(l, r)` is plonky2's `two_to_one`: one permutation of `l ‖ r ‖ 0,0,0,0`, first 4
//!   elements.
//! * Domain tags are 8 ASCII bytes read as a big-endian u64 (all `< p`).

use plonky2::hash::hash_types::HashOut;
use plonky2::hash::hashing::hash_n_to_m_no_pad;
use plonky2::hash::poseidon::{PoseidonHash, PoseidonPermutation};
use plonky2::plonk::config::Hasher;
use plonky2_field::types::{Field, PrimeField64};
use tiny_keccak::{Hasher as _, Keccak};

use crate::curve::Fp;

/// A Poseidon digest: 4 Goldilocks elements.
pub type Digest = HashOut<Fp>;

/// Domain tag of secret-key derivation: `"JANUS/SK"`.
pub const TAG_SECRET_KEY: u64 = u64::from_be_bytes(*b"JANUS/SK");
/// Domain tag of deterministic Schnorr nonces: `"JANUS/NC"`.
pub const TAG_NONCE: u64 = u64::from_be_bytes(*b"JANUS/NC");
/// Domain tag of transaction signing messages: `"JANUS/TX"`.
pub const TAG_TX: u64 = u64::from_be_bytes(*b"JANUS/TX");

/// A field element from a tag or other value known to be `< p`.
pub(crate) fn fe(v: u64) -> Fp {
    debug_assert!(v < 0xFFFF_FFFF_0000_0001);
    Fp::from_canonical_u64(v)
}

/// Poseidon `hash_no_pad` of `xs`.
pub fn poseidon(xs: &[Fp]) -> Digest {
    PoseidonHash::hash_no_pad(xs)
}

/// Poseidon `two_to_one(l, r)` (Merkle node).
pub fn compress(l: Digest, r: Digest) -> Digest {
    PoseidonHash::two_to_one(l, r)
}

/// Eight output elements of the Poseidon sponge over `xs` (one squeeze of the full rate), used
/// where 512 bits are reduced to a scalar.
pub fn poseidon_wide(xs: &[Fp]) -> [u64; 8] {
    let out = hash_n_to_m_no_pad::<Fp, PoseidonPermutation<Fp>>(xs, 8);
    let mut r = [0u64; 8];
    for (slot, v) in r.iter_mut().zip(out) {
        *slot = v.to_canonical_u64();
    }
    r
}

/// The all-zero digest.
pub const ZERO_DIGEST: Digest = HashOut {
    elements: [Fp::ZERO; 4],
};

/// L1 form of a digest (§6): `e0 ‖ e1 ‖ e2 ‖ e3`, each 8 bytes big-endian.
pub fn digest_to_bytes32(d: &Digest) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, e) in d.elements.iter().enumerate() {
        out[8 * i..8 * i + 8].copy_from_slice(&e.to_canonical_u64().to_be_bytes());
    }
    out
}

/// Inverse of [`digest_to_bytes32`]; `None` if an element is not canonical.
pub fn digest_from_bytes32(b: &[u8; 32]) -> Option<Digest> {
    let mut elements = [Fp::ZERO; 4];
    for (i, e) in elements.iter_mut().enumerate() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[8 * i..8 * i + 8]);
        let v = u64::from_be_bytes(w);
        if v >= 0xFFFF_FFFF_0000_0001 {
            return None;
        }
        *e = Fp::from_canonical_u64(v);
    }
    Some(HashOut { elements })
}

/// Keccak-256.
pub fn keccak256(data: &[u8]) -> [u8; 32] {
    let mut k = Keccak::v256();
    k.update(data);
    let mut out = [0u8; 32];
    k.finalize(&mut out);
    out
}

/// Keccak-256 of the concatenation of `parts`.
pub fn keccak256_concat(parts: &[&[u8]]) -> [u8; 32] {
    let mut k = Keccak::v256();
    for p in parts {
        k.update(p);
    }
    let mut out = [0u8; 32];
    k.finalize(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keccak_empty() {
        assert_eq!(
            keccak256(&[]),
            [
                0xc5, 0xd2, 0x46, 0x01, 0x86, 0xf7, 0x23, 0x3c, 0x92, 0x7e, 0x7d, 0xb2, 0xdc, 0xc7,
                0x03, 0xc0, 0xe5, 0x00, 0xb6, 0x53, 0xca, 0x82, 0x27, 0x3b, 0x7b, 0xfa, 0xd8, 0x04,
                0x5d, 0x85, 0xa4, 0x70
            ]
        );
    }

    #[test]
    fn tags_are_field_elements() {
        for t in [TAG_SECRET_KEY, TAG_NONCE, TAG_TX] {
            assert!(t < 0xFFFF_FFFF_0000_0001);
        }
        assert_eq!(TAG_TX, 0x4A41_4E55_532F_5458);
    }

    #[test]
    fn digest_bytes_roundtrip() {
        let d = poseidon(&[fe(1), fe(2), fe(3)]);
        assert_eq!(digest_from_bytes32(&digest_to_bytes32(&d)), Some(d));
        assert_eq!(digest_from_bytes32(&[0xFF; 32]), None);
        // compress is hash of l ‖ r with a zero capacity: not equal to poseidon of 8 elements
        // only by construction detail; check determinism at least.
        assert_eq!(compress(d, d), compress(d, d));
    }
}
