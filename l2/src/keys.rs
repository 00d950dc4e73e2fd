//! L2 keys: secret scalars derived deterministically from a 32-byte seed, and 40-byte public keys.
//!
//! **Derivation** (spec §7.1): with the seed read as eight big-endian u32 words `w0..w7` and a
//! counter `c` starting at 0, compute the Poseidon sponge over
//! `[TAG_SECRET_KEY, c, w0, …, w7]` (10 elements) and squeeze 8 elements `o0..o7`; the secret key
//! is `Σ o_i · 2^(64 i) mod n`. If that is zero (probability ≈ 2^-319), increment `c` and retry.
//! A wallet obtains the seed as `keccak256` of its signature over a fixed text (the keeper's
//! wallet flow), so the L2 key is recoverable from the L1 wallet alone.
//!
//! **Public key**: `pk = sk · G`, encoded as the 40-byte EcGFp5 point encoding. The neutral point
//! is never a valid public key.

use core::fmt;

use crate::curve::gfp5::Fp5;
use crate::curve::{Point, Scalar};
use crate::error::KeyError;
use crate::hash::{fe, poseidon_wide, TAG_SECRET_KEY};

/// Length of an encoded public key.
pub const PUBLIC_KEY_BYTES: usize = 40;

/// A secret signing key (a non-zero scalar).
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey {
    s: Scalar,
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

impl SecretKey {
    /// Derive the secret key of a 32-byte seed (see the module documentation).
    pub fn from_seed(seed: &[u8; 32]) -> Self {
        let mut input = [fe(0); 10];
        input[0] = fe(TAG_SECRET_KEY);
        for i in 0..8 {
            let mut w = [0u8; 4];
            w.copy_from_slice(&seed[4 * i..4 * i + 4]);
            input[2 + i] = fe(u32::from_be_bytes(w) as u64);
        }
        let mut counter = 0u64;
        loop {
            input[1] = fe(counter);
            let s = Scalar::from_wide_limbs(&poseidon_wide(&input));
            if !s.is_zero() {
                return Self { s };
            }
            counter += 1;
        }
    }

    /// A secret key from its canonical 40-byte scalar encoding.
    pub fn from_bytes(bytes: &[u8; 40]) -> Result<Self, KeyError> {
        match Scalar::from_bytes(bytes) {
            Some(s) if !s.is_zero() => Ok(Self { s }),
            _ => Err(KeyError::InvalidSecretKey),
        }
    }

    /// The canonical 40-byte scalar encoding.
    pub fn to_bytes(&self) -> [u8; 40] {
        self.s.to_bytes()
    }

    /// The secret scalar.
    pub fn scalar(&self) -> &Scalar {
        &self.s
    }

    /// The matching public key `sk · G`.
    pub fn public_key(&self) -> PublicKey {
        let point = Point::mul_generator(&self.s);
        PublicKey {
            w: point.encode(),
            point,
        }
    }
}

/// A validated public key: a non-neutral group element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicKey {
    point: Point,
    w: Fp5,
}

impl PublicKey {
    /// Decode and validate 40 bytes (canonical, on the curve, not the neutral).
    pub fn from_bytes(bytes: &[u8; PUBLIC_KEY_BYTES]) -> Result<Self, KeyError> {
        let point = Point::from_bytes(bytes)?;
        if point.is_neutral() {
            return Err(KeyError::NeutralKey);
        }
        Ok(Self {
            w: point.encode(),
            point,
        })
    }

    /// The 40-byte encoding.
    pub fn to_bytes(&self) -> [u8; PUBLIC_KEY_BYTES] {
        crate::curve::gfp5::fp5_to_bytes(&self.w)
    }

    /// The group element.
    pub fn point(&self) -> &Point {
        &self.point
    }

    /// The encoding as a field element `w` (what signatures hash).
    pub fn w(&self) -> &Fp5 {
        &self.w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivation_is_deterministic_and_seed_sensitive() {
        let a = SecretKey::from_seed(&[7u8; 32]);
        let b = SecretKey::from_seed(&[7u8; 32]);
        let mut seed = [7u8; 32];
        seed[31] ^= 1;
        let c = SecretKey::from_seed(&seed);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.public_key(), b.public_key());
        assert_ne!(a.public_key(), c.public_key());
        assert_eq!(SecretKey::from_bytes(&a.to_bytes()), Ok(a.clone()));
    }

    #[test]
    fn public_key_roundtrip_and_rejections() {
        let pk = SecretKey::from_seed(&[1u8; 32]).public_key();
        assert_eq!(PublicKey::from_bytes(&pk.to_bytes()), Ok(pk));
        assert_eq!(PublicKey::from_bytes(&[0u8; 40]), Err(KeyError::NeutralKey));
        assert!(matches!(
            PublicKey::from_bytes(&[0xFF; 40]),
            Err(KeyError::InvalidPoint(_))
        ));
        assert_eq!(
            SecretKey::from_bytes(&[0u8; 40]),
            Err(KeyError::InvalidSecretKey)
        );
    }
}
