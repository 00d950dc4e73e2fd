//! L2 keys: secret scalars derived deterministically from a 32-byte seed, and 40-byte public keys.
//!
//! **Derivation** (spec §7.1): with the seed read as eight big-endian u32 words `w0..w7` and a
//! counter `c` starting at 0, compute the Poseidon sponge over
//! `[TAG_SECRET_KEY, c, w0, …, w7]` (10 elements) and squeeze 8 elements `o0..o7`; the secret key
//! is `Σ o_i · 2^(64 i) mod n`. If that is zero (probability ≈ 2^-319), increment `c` and retry.
//! A wallet obtains the seed from its signature over a fixed text ([`wallet_key_message`],
//! [`SecretKey::from_wallet_signature`], spec §14), so the L2 key is recoverable from the L1 wallet
//! alone.
//!
//! **Public key**: `pk = sk · G`, encoded as the 40-byte EcGFp5 point encoding. The neutral point
//! is never a valid public key.

use core::fmt;

use crate::curve::gfp5::Fp5;
use crate::curve::{Point, Scalar};
use crate::error::KeyError;
use crate::hash::{fe, keccak256_concat, poseidon_wide, TAG_SECRET_KEY};

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

    /// The L2 key of an L1 wallet (spec §14): `from_seed(wallet_key_seed(signature))`, where
    /// `signature` is the wallet's EIP-191 `personal_sign` signature of
    /// [`wallet_key_message`]`(chain_id, l1_address)`. The caller checks that the signature is
    /// the wallet's (ECDSA recovery) before using the key.
    pub fn from_wallet_signature(signature: &[u8]) -> Result<Self, WalletSignatureError> {
        Ok(Self::from_seed(&wallet_key_seed(signature)?))
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

/// Why 65 bytes are not a usable wallet signature for [`SecretKey::from_wallet_signature`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WalletSignatureError {
    /// Not 65 bytes `r ‖ s ‖ v`.
    #[error("wallet signature: expected 65 bytes (r ‖ s ‖ v), got {0}")]
    Length(usize),
    /// `v` is none of 0, 1, 27, 28.
    #[error("wallet signature: v = {0} (expected 0, 1, 27 or 28)")]
    RecoveryId(u8),
    /// `r` or `s` is zero or not below the secp256k1 group order.
    #[error("wallet signature: r or s out of range")]
    OutOfRange,
}

/// The secp256k1 group order, big-endian.
const SECP256K1_N: [u8; 32] = [
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
    0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48, 0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41,
];

/// `floor(n / 2)` of secp256k1, big-endian: `s` above it is the "high" form.
const SECP256K1_HALF_N: [u8; 32] = [
    0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0x5D, 0x57, 0x6E, 0x73, 0x57, 0xA4, 0x50, 0x1D, 0xDF, 0xE9, 0x2F, 0x46, 0x68, 0x1B, 0x20, 0xA0,
];

/// Big-endian `a - b` for `a >= b`.
fn sub_be(a: &[u8; 32], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let mut d = a[i] as i16 - b[i] as i16 - borrow;
        borrow = 0;
        if d < 0 {
            d += 256;
            borrow = 1;
        }
        out[i] = d as u8;
    }
    out
}

/// The text an L1 wallet signs (EIP-191 `personal_sign`) to derive its L2 key (spec §14): it names
/// Janus, the L2 chain id and the L1 address (lowercase hex), so that a signature made for another
/// chain, another address or another application never yields this key.
pub fn wallet_key_message(chain_id: u64, l1_address: &[u8; 20]) -> String {
    let addr: String = l1_address.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "Janus L2 key\n\n\
         Sign this message to derive your Janus L2 account key.\n\
         L2 chain id: {chain_id}\n\
         L1 address: 0x{addr}\n\n\
         Anyone who sees this signature controls that L2 key: sign it only in a Janus app."
    )
}

/// The 32-byte seed of a wallet signature `r ‖ s ‖ v` (spec §14):
/// `keccak256("JANUS/WALLET-KEY" ‖ r ‖ low(s))`, where `low(s) = min(s, n − s)` for the secp256k1
/// order `n`. `v` is left out, so the seed does not depend on how a wallet writes `v` (0/1 or
/// 27/28) nor on whether it returns the high-`s` twin of the same signature.
pub fn wallet_key_seed(signature: &[u8]) -> Result<[u8; 32], WalletSignatureError> {
    if signature.len() != 65 {
        return Err(WalletSignatureError::Length(signature.len()));
    }
    let v = signature[64];
    if !matches!(v, 0 | 1 | 27 | 28) {
        return Err(WalletSignatureError::RecoveryId(v));
    }
    let mut r = [0u8; 32];
    let mut s = [0u8; 32];
    r.copy_from_slice(&signature[..32]);
    s.copy_from_slice(&signature[32..64]);
    let zero = [0u8; 32];
    if r == zero || s == zero || r >= SECP256K1_N || s >= SECP256K1_N {
        return Err(WalletSignatureError::OutOfRange);
    }
    if s > SECP256K1_HALF_N {
        s = sub_be(&SECP256K1_N, &s);
    }
    Ok(keccak256_concat(&[b"JANUS/WALLET-KEY", &r, &s]))
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

    fn sig(r: u8, s: [u8; 32], v: u8) -> Vec<u8> {
        let mut out = vec![r; 32];
        out.extend_from_slice(&s);
        out.push(v);
        out
    }

    #[test]
    fn wallet_key_ignores_v_encoding_and_s_malleability() {
        let mut s = [0u8; 32];
        s[31] = 5;
        let base = wallet_key_seed(&sig(3, s, 27)).expect("valid");
        assert_eq!(wallet_key_seed(&sig(3, s, 0)), Ok(base));
        // The high-s twin (n - s) derives the same seed.
        assert_eq!(
            wallet_key_seed(&sig(3, sub_be(&SECP256K1_N, &s), 28)),
            Ok(base)
        );
        // A different r or s is a different key.
        assert_ne!(wallet_key_seed(&sig(4, s, 27)), Ok(base));
        s[31] = 6;
        assert_ne!(wallet_key_seed(&sig(3, s, 27)), Ok(base));
        // The seed is keccak256(tag ‖ r ‖ low s).
        let mut pre = b"JANUS/WALLET-KEY".to_vec();
        pre.extend_from_slice(&[3u8; 32]);
        let mut low = [0u8; 32];
        low[31] = 5;
        pre.extend_from_slice(&low);
        assert_eq!(base, crate::hash::keccak256(&pre));
        assert_eq!(
            SecretKey::from_wallet_signature(&sig(3, low, 1)),
            Ok(SecretKey::from_seed(&base))
        );
        // floor(n / 2) is the largest low s: it is kept; one above it is flipped.
        assert_eq!(sub_be(&SECP256K1_N, &SECP256K1_HALF_N)[31], 0xA1);
    }

    #[test]
    fn wallet_signature_rejections() {
        let mut s = [0u8; 32];
        s[31] = 1;
        assert_eq!(
            wallet_key_seed(&sig(1, s, 27)[..64]),
            Err(WalletSignatureError::Length(64))
        );
        assert_eq!(
            wallet_key_seed(&sig(1, s, 29)),
            Err(WalletSignatureError::RecoveryId(29))
        );
        assert_eq!(
            wallet_key_seed(&sig(0, s, 27)),
            Err(WalletSignatureError::OutOfRange)
        );
        assert_eq!(
            wallet_key_seed(&sig(1, [0u8; 32], 27)),
            Err(WalletSignatureError::OutOfRange)
        );
        assert_eq!(
            wallet_key_seed(&sig(1, SECP256K1_N, 27)),
            Err(WalletSignatureError::OutOfRange)
        );
        assert_eq!(
            wallet_key_seed(&sig(0xFF, s, 27)),
            Err(WalletSignatureError::OutOfRange)
        );
    }

    #[test]
    fn wallet_key_message_names_chain_and_address() {
        let m = wallet_key_message(424242, &[0xAB; 20]);
        assert!(m.starts_with("Janus L2 key\n\n"));
        assert!(m.contains("\nL2 chain id: 424242\n"));
        assert!(m.contains(&format!("\nL1 address: 0x{}\n", "ab".repeat(20))));
        assert_ne!(m, wallet_key_message(424243, &[0xAB; 20]));
    }
}
