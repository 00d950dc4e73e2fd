//! Batch data (spec §4): the exact bytes posted to L1.
//!
//! `version u8 (= 1) ‖ feeAccount u32 ‖ messageCount u32 ‖ txCount u32` (13 bytes), then
//! `messageCount` 85-byte L1 message records, then `txCount` 137-byte transaction records.
//! Decoding is strict (every record decodes strictly), so `encode(decode(b)) == b`.

use crate::error::DecodeError;
use crate::hash::keccak256;
use crate::tx::message::{be_u32, L1Message, MESSAGE_BYTES};
use crate::tx::record::{Tx, TX_BYTES};

/// The batch data version.
pub const BATCH_VERSION: u8 = 1;
/// Length of the header.
pub const HEADER_BYTES: usize = 13;

/// A decoded batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    /// Account credited with every fee of the batch.
    pub fee_account: u32,
    /// The L1 messages consumed, in queue order.
    pub messages: Vec<L1Message>,
    /// The transactions, in execution order.
    pub txs: Vec<Tx>,
}

impl Batch {
    /// The batch data bytes.
    pub fn encode(&self) -> Result<Vec<u8>, DecodeError> {
        let m = u32::try_from(self.messages.len()).map_err(|_| DecodeError::TooManyRecords)?;
        let t = u32::try_from(self.txs.len()).map_err(|_| DecodeError::TooManyRecords)?;
        let mut out = Vec::with_capacity(
            HEADER_BYTES + MESSAGE_BYTES * self.messages.len() + TX_BYTES * self.txs.len(),
        );
        out.push(BATCH_VERSION);
        out.extend_from_slice(&self.fee_account.to_be_bytes());
        out.extend_from_slice(&m.to_be_bytes());
        out.extend_from_slice(&t.to_be_bytes());
        for msg in &self.messages {
            out.extend_from_slice(&msg.encode());
        }
        for tx in &self.txs {
            out.extend_from_slice(&tx.encode());
        }
        Ok(out)
    }

    /// Decode batch data strictly (framing, then every record).
    pub fn decode(data: &[u8]) -> Result<Self, DecodeError> {
        if data.len() < HEADER_BYTES {
            return Err(DecodeError::ShortHeader);
        }
        if data[0] != BATCH_VERSION {
            return Err(DecodeError::Version(data[0]));
        }
        let fee_account = be_u32(&data[1..5]);
        let m = be_u32(&data[5..9]) as usize;
        let t = be_u32(&data[9..13]) as usize;
        // u32 counts: no overflow in u128 (nor in u64).
        let expected =
            HEADER_BYTES as u128 + MESSAGE_BYTES as u128 * m as u128 + TX_BYTES as u128 * t as u128;
        if data.len() as u128 != expected {
            return Err(DecodeError::Length {
                what: "batch data",
                expected: usize::try_from(expected).unwrap_or(usize::MAX),
                got: data.len(),
            });
        }
        let msg_area = &data[HEADER_BYTES..HEADER_BYTES + MESSAGE_BYTES * m];
        let tx_area = &data[HEADER_BYTES + MESSAGE_BYTES * m..];
        let messages = msg_area
            .chunks_exact(MESSAGE_BYTES)
            .map(L1Message::decode)
            .collect::<Result<Vec<_>, _>>()?;
        let txs = tx_area
            .chunks_exact(TX_BYTES)
            .map(Tx::decode)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            fee_account,
            messages,
            txs,
        })
    }

    /// Check that the messages are exactly queue entries `msg_start, msg_start + 1, …`.
    pub fn check_message_nonces(&self, msg_start: u64) -> Result<(), DecodeError> {
        for (i, m) in self.messages.iter().enumerate() {
            let expected = msg_start.wrapping_add(i as u64);
            if m.nonce != expected {
                return Err(DecodeError::MessageNonce {
                    position: i,
                    expected,
                    got: m.nonce,
                });
            }
        }
        Ok(())
    }

    /// `keccak256` of the batch data (what L1 stores as `dataHash`).
    pub fn data_hash(&self) -> Result<[u8; 32], DecodeError> {
        Ok(keccak256(&self.encode()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tx::message::MessageKind;

    fn batch() -> Batch {
        Batch {
            fee_account: 9,
            messages: vec![L1Message {
                nonce: 4,
                kind: MessageKind::ExistingAccount,
                l1_sender: [1; 20],
                account: 3,
                l2_key: [0; 40],
                asset: 0,
                amount: 10,
            }],
            txs: vec![Tx::Noop, Tx::Noop],
        }
    }

    #[test]
    fn roundtrip() {
        let b = batch();
        let data = b.encode().expect("encodes");
        assert_eq!(data.len(), 13 + 85 + 2 * 137);
        assert_eq!(&data[..13], &[1, 0, 0, 0, 9, 0, 0, 0, 1, 0, 0, 0, 2]);
        assert_eq!(Batch::decode(&data), Ok(b.clone()));
        assert_eq!(b.check_message_nonces(4), Ok(()));
        assert!(matches!(
            b.check_message_nonces(5),
            Err(DecodeError::MessageNonce { .. })
        ));
    }

    #[test]
    fn malformed() {
        let data = batch().encode().expect("encodes");
        assert_eq!(Batch::decode(&data[..12]), Err(DecodeError::ShortHeader));
        let mut v = data.clone();
        v[0] = 2;
        assert_eq!(Batch::decode(&v), Err(DecodeError::Version(2)));
        assert!(matches!(
            Batch::decode(&data[..data.len() - 1]),
            Err(DecodeError::Length { .. })
        ));
        let mut t = data.clone();
        let last = t.len() - 137;
        t[last] = 7;
        assert_eq!(Batch::decode(&t), Err(DecodeError::TxType(7)));
        let mut huge = data;
        huge[9..13].copy_from_slice(&u32::MAX.to_be_bytes());
        assert!(matches!(
            Batch::decode(&huge),
            Err(DecodeError::Length { .. })
        ));
    }
}
