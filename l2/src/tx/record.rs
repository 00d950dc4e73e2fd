//! Transaction records (spec §4, 137 bytes) with strict decoding.
//!
//! | offset | size | field |
//! | --- | --- | --- |
//! | 0 | 1 | `type`: 0 no-op, 1 transfer, 2 withdraw |
//! | 1 | 4 | `from` (u32 BE) |
//! | 5 | 4 | `to` (u32 BE; transfer only) |
//! | 9 | 20 | `l1Recipient` (withdraw only) |
//! | 29 | 4 | `asset` (u32 BE) |
//! | 33 | 8 | `amount` (u64 BE) |
//! | 41 | 8 | `fee` (u64 BE) |
//! | 49 | 8 | `nonce` (u64 BE) |
//! | 57 | 80 | `signature` |
//!
//! Decoding rejects a wrong length, an unknown type, and non-zero bytes in the fields the type
//! does not use (a no-op is 137 zero bytes).

use super::message::{be_u32, be_u64};
use crate::error::DecodeError;
use crate::schnorr::SIGNATURE_BYTES;

/// Length of a transaction record.
pub const TX_BYTES: usize = 137;

/// Type byte of a no-op.
pub const TX_NOOP: u8 = 0;
/// Type byte of a transfer.
pub const TX_TRANSFER: u8 = 1;
/// Type byte of a withdrawal.
pub const TX_WITHDRAW: u8 = 2;

/// An L2 → L2 transfer.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Transfer {
    /// Sender account.
    pub from: u32,
    /// Recipient account.
    pub to: u32,
    /// Asset id (the fee is paid in the same asset).
    pub asset: u32,
    /// Amount in L2 units.
    pub amount: u64,
    /// Fee in L2 units, credited to the batch's fee account.
    pub fee: u64,
    /// The sender's nonce before the transaction.
    pub nonce: u64,
    /// Schnorr signature (see [`crate::schnorr`]).
    pub signature: [u8; SIGNATURE_BYTES],
}

/// An L2 → L1 withdrawal.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Withdraw {
    /// Sender account.
    pub from: u32,
    /// L1 address paid by the bridge.
    pub l1_recipient: [u8; 20],
    /// Asset id (the fee is paid in the same asset).
    pub asset: u32,
    /// Amount the recipient receives, in L2 units.
    pub amount: u64,
    /// Fee in L2 units.
    pub fee: u64,
    /// The sender's nonce before the transaction.
    pub nonce: u64,
    /// Schnorr signature.
    pub signature: [u8; SIGNATURE_BYTES],
}

/// A transaction record.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Tx {
    /// Padding: changes nothing.
    Noop,
    /// Transfer.
    Transfer(Transfer),
    /// Withdrawal.
    Withdraw(Withdraw),
}

impl Tx {
    /// The type byte.
    pub fn type_byte(&self) -> u8 {
        match self {
            Tx::Noop => TX_NOOP,
            Tx::Transfer(_) => TX_TRANSFER,
            Tx::Withdraw(_) => TX_WITHDRAW,
        }
    }

    /// The 137-byte record.
    pub fn encode(&self) -> [u8; TX_BYTES] {
        let mut r = [0u8; TX_BYTES];
        r[0] = self.type_byte();
        let (from, asset, amount, fee, nonce, sig) = match self {
            Tx::Noop => return r,
            Tx::Transfer(t) => {
                r[5..9].copy_from_slice(&t.to.to_be_bytes());
                (t.from, t.asset, t.amount, t.fee, t.nonce, &t.signature)
            }
            Tx::Withdraw(w) => {
                r[9..29].copy_from_slice(&w.l1_recipient);
                (w.from, w.asset, w.amount, w.fee, w.nonce, &w.signature)
            }
        };
        r[1..5].copy_from_slice(&from.to_be_bytes());
        r[29..33].copy_from_slice(&asset.to_be_bytes());
        r[33..41].copy_from_slice(&amount.to_be_bytes());
        r[41..49].copy_from_slice(&fee.to_be_bytes());
        r[49..57].copy_from_slice(&nonce.to_be_bytes());
        r[57..137].copy_from_slice(sig);
        r
    }

    /// Decode a 137-byte record strictly.
    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        if bytes.len() != TX_BYTES {
            return Err(DecodeError::Length {
                what: "transaction record",
                expected: TX_BYTES,
                got: bytes.len(),
            });
        }
        let zero = |range: core::ops::Range<usize>| bytes[range].iter().all(|b| *b == 0);
        let tx_type = bytes[0];
        let pad = |field| Err(DecodeError::NonZeroPadding { tx_type, field });
        let mut signature = [0u8; SIGNATURE_BYTES];
        signature.copy_from_slice(&bytes[57..137]);
        let (from, asset, amount, fee, nonce) = (
            be_u32(&bytes[1..5]),
            be_u32(&bytes[29..33]),
            be_u64(&bytes[33..41]),
            be_u64(&bytes[41..49]),
            be_u64(&bytes[49..57]),
        );
        match tx_type {
            TX_NOOP => {
                if !zero(1..TX_BYTES) {
                    return pad("no-op body");
                }
                Ok(Tx::Noop)
            }
            TX_TRANSFER => {
                if !zero(9..29) {
                    return pad("l1Recipient");
                }
                let to = be_u32(&bytes[5..9]);
                Ok(Tx::Transfer(Transfer {
                    from,
                    to,
                    asset,
                    amount,
                    fee,
                    nonce,
                    signature,
                }))
            }
            TX_WITHDRAW => {
                if !zero(5..9) {
                    return pad("to");
                }
                let mut l1_recipient = [0u8; 20];
                l1_recipient.copy_from_slice(&bytes[9..29]);
                Ok(Tx::Withdraw(Withdraw {
                    from,
                    l1_recipient,
                    asset,
                    amount,
                    fee,
                    nonce,
                    signature,
                }))
            }
            t => Err(DecodeError::TxType(t)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transfer() -> Tx {
        Tx::Transfer(Transfer {
            from: 1,
            to: 2,
            asset: 0,
            amount: 5,
            fee: 1,
            nonce: 7,
            signature: [9u8; 80],
        })
    }

    fn withdraw() -> Tx {
        Tx::Withdraw(Withdraw {
            from: 3,
            l1_recipient: [0xEE; 20],
            asset: 1,
            amount: 50,
            fee: 2,
            nonce: 0,
            signature: [8u8; 80],
        })
    }

    #[test]
    fn roundtrip_and_layout() {
        for tx in [Tx::Noop, transfer(), withdraw()] {
            let r = tx.encode();
            assert_eq!(Tx::decode(&r), Ok(tx));
        }
        assert_eq!(Tx::Noop.encode(), [0u8; TX_BYTES]);
        let w = withdraw().encode();
        // Bytes [9, 41) are the withdrawal leaf preimage recipient ‖ asset ‖ amount.
        assert_eq!(&w[9..29], &[0xEE; 20]);
        assert_eq!(&w[29..33], &[0, 0, 0, 1]);
        assert_eq!(&w[33..41], &50u64.to_be_bytes());
    }

    #[test]
    fn malformed() {
        assert!(matches!(
            Tx::decode(&[0u8; 136]),
            Err(DecodeError::Length { .. })
        ));
        let mut r = [0u8; TX_BYTES];
        r[0] = 3;
        assert_eq!(Tx::decode(&r), Err(DecodeError::TxType(3)));
        let mut n = [0u8; TX_BYTES];
        n[100] = 1;
        assert!(matches!(
            Tx::decode(&n),
            Err(DecodeError::NonZeroPadding { tx_type: 0, .. })
        ));
        let mut t = transfer().encode();
        t[20] = 1;
        assert!(matches!(
            Tx::decode(&t),
            Err(DecodeError::NonZeroPadding {
                field: "l1Recipient",
                ..
            })
        ));
        let mut w = withdraw().encode();
        w[6] = 1;
        assert!(matches!(
            Tx::decode(&w),
            Err(DecodeError::NonZeroPadding { field: "to", .. })
        ));
    }
}
