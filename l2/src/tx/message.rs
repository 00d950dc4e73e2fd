//! L1 message records (spec §3, 85 bytes) and the Keccak message chain.
//!
//! | offset | size | field |
//! | --- | --- | --- |
//! | 0 | 8 | `nonce` (u64 BE) |
//! | 8 | 1 | `kind`: 0 `NEW_ACCOUNT`, 1 `EXISTING_ACCOUNT` |
//! | 9 | 20 | `l1Sender` |
//! | 29 | 4 | `account` (u32 BE) |
//! | 33 | 40 | `l2Key` (zero for kind 1) |
//! | 73 | 4 | `asset` (u32 BE) |
//! | 77 | 8 | `amount` (u64 BE) |
//!
//! `chain_0 = 0^32`, `chain_{n+1} = keccak256(chain_n ‖ record_n)`.

use crate::error::DecodeError;
use crate::hash::keccak256_concat;

/// Length of an L1 message record.
pub const MESSAGE_BYTES: usize = 85;

/// Kind of an L1 message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum MessageKind {
    /// Deposit that creates account `account` with key `l2Key`.
    NewAccount = 0,
    /// Deposit to the existing account `account`.
    ExistingAccount = 1,
}

/// An L1 message (a deposit from the bridge's queue).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct L1Message {
    /// Index in the L1 queue.
    pub nonce: u64,
    /// Kind.
    pub kind: MessageKind,
    /// The L1 account that sent the deposit.
    pub l1_sender: [u8; 20],
    /// Target L2 account.
    pub account: u32,
    /// The L2 key of a new account (all zero for `ExistingAccount`).
    pub l2_key: [u8; 40],
    /// Asset id.
    pub asset: u32,
    /// Amount in L2 units.
    pub amount: u64,
}

impl L1Message {
    /// The 85-byte record.
    pub fn encode(&self) -> [u8; MESSAGE_BYTES] {
        let mut r = [0u8; MESSAGE_BYTES];
        r[0..8].copy_from_slice(&self.nonce.to_be_bytes());
        r[8] = self.kind as u8;
        r[9..29].copy_from_slice(&self.l1_sender);
        r[29..33].copy_from_slice(&self.account.to_be_bytes());
        r[33..73].copy_from_slice(&self.l2_key);
        r[73..77].copy_from_slice(&self.asset.to_be_bytes());
        r[77..85].copy_from_slice(&self.amount.to_be_bytes());
        r
    }

    /// Decode an 85-byte record (rejects unknown kinds and a non-zero key on kind 1).
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        if bytes.len() != MESSAGE_BYTES {
            return Err(DecodeError::Length {
                what: "L1 message record",
                expected: MESSAGE_BYTES,
                got: bytes.len(),
            });
        }
        let kind = match bytes[8] {
            0 => MessageKind::NewAccount,
            1 => MessageKind::ExistingAccount,
            k => return Err(DecodeError::MessageKind(k)),
        };
        let mut l2_key = [0u8; 40];
        l2_key.copy_from_slice(&bytes[33..73]);
        if kind == MessageKind::ExistingAccount && l2_key.iter().any(|b| *b != 0) {
            return Err(DecodeError::MessageKeyNotZero);
        }
        let mut l1_sender = [0u8; 20];
        l1_sender.copy_from_slice(&bytes[9..29]);
        Ok(Self {
            nonce: be_u64(&bytes[0..8]),
            kind,
            l1_sender,
            account: be_u32(&bytes[29..33]),
            l2_key,
            asset: be_u32(&bytes[73..77]),
            amount: be_u64(&bytes[77..85]),
        })
    }
}

pub(crate) fn be_u64(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[..8]);
    u64::from_be_bytes(w)
}

pub(crate) fn be_u32(b: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[..4]);
    u32::from_be_bytes(w)
}

/// One step of the message chain: `keccak256(chain ‖ record)`.
pub fn chain_next(chain: &[u8; 32], record: &[u8; MESSAGE_BYTES]) -> [u8; 32] {
    keccak256_concat(&[chain, record])
}

/// Fold `messages` into `chain`.
pub fn fold_chain<'a>(
    chain: [u8; 32],
    messages: impl IntoIterator<Item = &'a L1Message>,
) -> [u8; 32] {
    messages
        .into_iter()
        .fold(chain, |c, m| chain_next(&c, &m.encode()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> L1Message {
        L1Message {
            nonce: 0x0102_0304_0506_0708,
            kind: MessageKind::NewAccount,
            l1_sender: [0xAA; 20],
            account: 0x1122_3344,
            l2_key: [0x55; 40],
            asset: 2,
            amount: 1_000_000_000,
        }
    }

    #[test]
    fn layout_and_roundtrip() {
        let m = sample();
        let r = m.encode();
        assert_eq!(&r[0..8], &[1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(r[8], 0);
        assert_eq!(&r[29..33], &[0x11, 0x22, 0x33, 0x44]);
        assert_eq!(&r[73..77], &[0, 0, 0, 2]);
        assert_eq!(L1Message::decode(&r), Ok(m));
    }

    #[test]
    fn malformed_records() {
        let mut r = sample().encode();
        assert!(matches!(
            L1Message::decode(&r[..84]),
            Err(DecodeError::Length { .. })
        ));
        r[8] = 2;
        assert_eq!(L1Message::decode(&r), Err(DecodeError::MessageKind(2)));
        r[8] = 1;
        assert_eq!(L1Message::decode(&r), Err(DecodeError::MessageKeyNotZero));
    }

    #[test]
    fn chain_matches_definition() {
        let m = sample();
        let c1 = fold_chain([0u8; 32], [&m]);
        let mut pre = vec![0u8; 32];
        pre.extend_from_slice(&m.encode());
        assert_eq!(c1, crate::hash::keccak256(&pre));
        assert_eq!(fold_chain(c1, []), c1);
    }
}
