//! Schnorr signatures over EcGFp5 with a Poseidon challenge (spec §7.2).
//!
//! For a message `m` (a fixed-length sequence of Goldilocks elements that starts with a domain
//! tag) and public key `PK` (encoding `w_PK`):
//!
//! * **Challenge**: `h = Poseidon(w_R ‖ w_PK ‖ m)` (`hash_no_pad`; `w_R`, `w_PK` are 5 elements
//!   each), and the challenge scalar is the integer `e = h0 + h1·2^64 + h2·2^128 + h3·2^192`
//!   (`< 2^256 < n`, no reduction).
//! * **Signing**: deterministic nonce `k` (below), `R = k·G`, `h` as above, `s = k + e·sk mod n`.
//! * **Signature (80 bytes)**: `h0 ‖ h1 ‖ h2 ‖ h3 ‖ 0^8 ‖ s`, i.e. the 40-byte little-endian
//!   encoding of `e` (each `h_i` 8 bytes LE, `< p`, top 8 bytes zero) followed by the 40-byte
//!   little-endian encoding of `s` (`< n`).
//! * **Verification**: decode (canonical `h_i < p`, zero top bytes, `s < n`), compute
//!   `R' = s·G - e·PK` and accept iff `Poseidon(w_R' ‖ w_PK ‖ m) = h`.
//!
//! The `(e, s)` form is the cheapest to verify in a Plonky2 circuit: no point decoding for `R`
//! (only the encoding of `R'`, one GF(p^5) division), a 256-bit variable-base multiplication plus
//! a fixed-base one, and the challenge comparison is a 4-element equality.
//!
//! **Nonce**: with `sk` split into ten u32 words (little-endian limb order, low half first) and a
//! counter `c = 0, 1, …`, `k = Σ o_i·2^(64 i) mod n` for the 8 elements `o_i` squeezed from
//! `Poseidon-sponge([TAG_NONCE, c, sk words (10), w_PK (5), m])`; retry with `c + 1` if `k = 0`.

use plonky2_field::types::{Field, Field64, PrimeField64};

use crate::curve::gfp5::Fp5;
use crate::curve::{Fp, Point, Scalar};
use crate::error::SignatureError;
use crate::hash::{fe, poseidon, poseidon_wide, Digest, TAG_NONCE};
use crate::keys::{PublicKey, SecretKey};

/// Length of an encoded signature.
pub const SIGNATURE_BYTES: usize = 80;

/// A Schnorr signature `(h, s)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The challenge digest `h`.
    pub challenge: Digest,
    /// The response `s`.
    pub response: Scalar,
}

fn challenge_scalar(h: &Digest) -> Scalar {
    let mut limbs = [0u64; 5];
    for (l, e) in limbs.iter_mut().zip(h.elements.iter()) {
        *l = e.to_canonical_u64();
    }
    // < 2^256 < n: always canonical.
    Scalar::from_wide_limbs(&limbs)
}

fn challenge(r: &Fp5, pk: &Fp5, msg: &[Fp]) -> Digest {
    let mut input = Vec::with_capacity(10 + msg.len());
    input.extend_from_slice(&r.0);
    input.extend_from_slice(&pk.0);
    input.extend_from_slice(msg);
    poseidon(&input)
}

impl Signature {
    /// The 80-byte encoding.
    pub fn to_bytes(&self) -> [u8; SIGNATURE_BYTES] {
        let mut out = [0u8; SIGNATURE_BYTES];
        for (i, e) in self.challenge.elements.iter().enumerate() {
            out[8 * i..8 * i + 8].copy_from_slice(&e.to_canonical_u64().to_le_bytes());
        }
        out[40..80].copy_from_slice(&self.response.to_bytes());
        out
    }

    /// Decode 80 bytes, rejecting any non-canonical field.
    pub fn from_bytes(bytes: &[u8; SIGNATURE_BYTES]) -> Result<Self, SignatureError> {
        let mut elements = [Fp::ZERO; 4];
        for (i, e) in elements.iter_mut().enumerate() {
            let mut w = [0u8; 8];
            w.copy_from_slice(&bytes[8 * i..8 * i + 8]);
            let v = u64::from_le_bytes(w);
            if v >= Fp::ORDER {
                return Err(SignatureError::NonCanonicalChallenge);
            }
            *e = Fp::from_canonical_u64(v);
        }
        if bytes[32..40].iter().any(|b| *b != 0) {
            return Err(SignatureError::NonCanonicalChallenge);
        }
        let mut s = [0u8; 40];
        s.copy_from_slice(&bytes[40..80]);
        let response = Scalar::from_bytes(&s).ok_or(SignatureError::NonCanonicalResponse)?;
        Ok(Self {
            challenge: Digest { elements },
            response,
        })
    }
}

/// The deterministic nonce for `sk`, `pk` and `msg`.
fn nonce(sk: &SecretKey, pk: &PublicKey, msg: &[Fp]) -> Scalar {
    let mut input = Vec::with_capacity(17 + msg.len());
    input.push(fe(TAG_NONCE));
    input.push(fe(0));
    for limb in sk.scalar().limbs() {
        input.push(fe(limb & 0xFFFF_FFFF));
        input.push(fe(limb >> 32));
    }
    input.extend_from_slice(&pk.w().0);
    input.extend_from_slice(msg);
    let mut counter = 0u64;
    loop {
        input[1] = fe(counter);
        let k = Scalar::from_wide_limbs(&poseidon_wide(&input));
        if !k.is_zero() {
            return k;
        }
        counter += 1;
    }
}

/// Sign `msg` (field elements, starting with a domain tag) with `sk`.
pub fn sign(sk: &SecretKey, msg: &[Fp]) -> Signature {
    let pk = sk.public_key();
    let k = nonce(sk, &pk, msg);
    let r = Point::mul_generator(&k);
    let h = challenge(&r.encode(), pk.w(), msg);
    let e = challenge_scalar(&h);
    Signature {
        challenge: h,
        response: k + e * *sk.scalar(),
    }
}

/// Verify `sig` on `msg` under `pk`.
pub fn verify(pk: &PublicKey, msg: &[Fp], sig: &Signature) -> Result<(), SignatureError> {
    let e = challenge_scalar(&sig.challenge);
    let r = Point::mul_generator(&sig.response).sub(&pk.point().mul(&e));
    if challenge(&r.encode(), pk.w(), msg) == sig.challenge {
        Ok(())
    } else {
        Err(SignatureError::Mismatch)
    }
}

/// Verify an encoded signature under an encoded public key.
pub fn verify_bytes(
    pk: &[u8; 40],
    msg: &[Fp],
    sig: &[u8; SIGNATURE_BYTES],
) -> Result<(), SignatureError> {
    let pk = PublicKey::from_bytes(pk)?;
    let sig = Signature::from_bytes(sig)?;
    verify(&pk, msg, &sig)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::TAG_TX;

    fn msg(v: u64) -> Vec<Fp> {
        vec![fe(TAG_TX), fe(424242), fe(v), fe(3)]
    }

    #[test]
    fn sign_verify_roundtrip_and_determinism() {
        let sk = SecretKey::from_seed(&[42u8; 32]);
        let pk = sk.public_key();
        let sig = sign(&sk, &msg(1));
        assert_eq!(verify(&pk, &msg(1), &sig), Ok(()));
        assert_eq!(sign(&sk, &msg(1)), sig, "deterministic");
        let bytes = sig.to_bytes();
        assert_eq!(Signature::from_bytes(&bytes), Ok(sig));
        assert_eq!(verify_bytes(&pk.to_bytes(), &msg(1), &bytes), Ok(()));
        assert_ne!(sign(&sk, &msg(2)), sig);
    }

    #[test]
    fn tampering_is_rejected() {
        let sk = SecretKey::from_seed(&[42u8; 32]);
        let other = SecretKey::from_seed(&[43u8; 32]).public_key();
        let pk = sk.public_key();
        let sig = sign(&sk, &msg(1));
        assert_eq!(verify(&pk, &msg(2), &sig), Err(SignatureError::Mismatch));
        assert_eq!(verify(&other, &msg(1), &sig), Err(SignatureError::Mismatch));
        let bad_s = Signature {
            response: sig.response + Scalar::ONE,
            ..sig
        };
        assert_eq!(verify(&pk, &msg(1), &bad_s), Err(SignatureError::Mismatch));
        let mut bytes = sig.to_bytes();
        bytes[3] ^= 1;
        assert!(verify_bytes(&pk.to_bytes(), &msg(1), &bytes).is_err());
        let mut top = sig.to_bytes();
        top[35] = 1;
        assert_eq!(
            Signature::from_bytes(&top),
            Err(SignatureError::NonCanonicalChallenge)
        );
        let mut big_s = sig.to_bytes();
        big_s[40..80].copy_from_slice(&[0xFF; 40]);
        assert_eq!(
            Signature::from_bytes(&big_s),
            Err(SignatureError::NonCanonicalResponse)
        );
        let mut big_h = sig.to_bytes();
        big_h[0..8].copy_from_slice(&[0xFF; 8]);
        assert_eq!(
            Signature::from_bytes(&big_h),
            Err(SignatureError::NonCanonicalChallenge)
        );
    }
}
