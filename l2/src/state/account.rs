//! L2 accounts and their Merkle leaves (spec §8.1).
//!
//! An account holds the 40 key bytes that L1 recorded for it (exactly as deposited: the L2 never
//! rewrites them; a key that does not decode simply can never sign), a nonce and one balance per
//! asset `0..NUM_ASSETS`.
//!
//! **Leaf** of a non-empty slot: `Poseidon(k0, …, k9, nonce, bal0, …, bal{NUM_ASSETS-1})`
//! (`hash_no_pad`, 15 elements for `NUM_ASSETS = 4`), where `kj` is the u32 read
//! **little-endian** from key bytes `[4j, 4j+4)` — so that the EcGFp5 coordinate
//! `w_i = k(2i) + 2^32·k(2i+1)` (the reference encoding is 8-byte little-endian limbs). An empty
//! slot's leaf is the zero digest `(0, 0, 0, 0)`.

use plonky2_field::types::Field;

use crate::curve::Fp;
use crate::hash::{poseidon, Digest};
use crate::keys::PUBLIC_KEY_BYTES;
use crate::NUM_ASSETS;

/// Number of field elements hashed into a leaf.
pub const LEAF_INPUTS: usize = 10 + 1 + NUM_ASSETS;

/// An L2 account. Invariant kept by the state transition: `nonce` and every balance are
/// `≤ MAX_AMOUNT = 2^63 - 1`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Account {
    /// The L2 public key bytes as recorded by L1 (not necessarily a valid encoding).
    pub key: [u8; PUBLIC_KEY_BYTES],
    /// Number of transactions sent so far.
    pub nonce: u64,
    /// Balance per asset id, in L2 units.
    pub balances: [u64; NUM_ASSETS],
}

impl Account {
    /// A fresh account (nonce 0, zero balances) for `key`.
    pub fn new(key: [u8; PUBLIC_KEY_BYTES]) -> Self {
        Self {
            key,
            nonce: 0,
            balances: [0; NUM_ASSETS],
        }
    }

    /// The key as ten u32 words (little-endian each), as hashed into the leaf.
    pub fn key_words(&self) -> [u32; 10] {
        let mut w = [0u32; 10];
        for (j, slot) in w.iter_mut().enumerate() {
            let mut b = [0u8; 4];
            b.copy_from_slice(&self.key[4 * j..4 * j + 4]);
            *slot = u32::from_le_bytes(b);
        }
        w
    }

    /// The leaf preimage `[k0..k9, nonce, balances…]`.
    pub fn leaf_inputs(&self) -> [Fp; LEAF_INPUTS] {
        let mut out = [Fp::ZERO; LEAF_INPUTS];
        for (slot, w) in out.iter_mut().zip(self.key_words()) {
            *slot = Fp::from_canonical_u32(w);
        }
        out[10] = Fp::from_noncanonical_u64(self.nonce);
        for (i, b) in self.balances.iter().enumerate() {
            out[11 + i] = Fp::from_noncanonical_u64(*b);
        }
        out
    }

    /// The Merkle leaf of this account.
    pub fn leaf_hash(&self) -> Digest {
        poseidon(&self.leaf_inputs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::ZERO_DIGEST;

    #[test]
    fn leaf_depends_on_every_field() {
        let a = Account::new([3u8; 40]);
        let h = a.leaf_hash();
        assert_ne!(h, ZERO_DIGEST);
        let mut b = a.clone();
        b.nonce = 1;
        assert_ne!(b.leaf_hash(), h);
        let mut c = a.clone();
        c.balances[NUM_ASSETS - 1] = 1;
        assert_ne!(c.leaf_hash(), h);
        let mut d = a.clone();
        d.key[39] = 4;
        assert_ne!(d.leaf_hash(), h);
        assert_ne!(Account::new([0u8; 40]).leaf_hash(), ZERO_DIGEST);
    }

    #[test]
    fn key_words_are_little_endian() {
        let mut key = [0u8; 40];
        key[0] = 1;
        key[7] = 0x80;
        let w = Account::new(key).key_words();
        assert_eq!(w[0], 1);
        assert_eq!(w[1], 0x8000_0000);
    }
}
