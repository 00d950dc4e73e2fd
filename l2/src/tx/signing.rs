//! What a transaction signature covers (spec §7.3), and signing / verifying transactions.
//!
//! The signing message is 14 Goldilocks elements:
//! `[TAG_TX, chainId, type, from, to, r0, r1, r2, r3, r4, asset, amount, fee, nonce]`
//! where `r_i` is the u32 read big-endian from `l1Recipient[4i .. 4i+4]` (zero for a transfer),
//! `to` is zero for a withdrawal, and `chainId`, `amount`, `fee`, `nonce` must be `≤ 2^63 - 1`
//! (so each is one canonical element). The signature is [`crate::schnorr`] over this message with
//! the sender's key, so the challenge hashes `w_R ‖ w_PK ‖ message` = 24 elements (3 Poseidon
//! permutations).

use plonky2_field::types::Field;

use super::record::{Tx, TX_TRANSFER, TX_WITHDRAW};
use crate::curve::Fp;
use crate::error::TxError;
use crate::hash::{fe, TAG_TX};
use crate::keys::SecretKey;
use crate::schnorr::{sign, verify_bytes};
use crate::MAX_AMOUNT;

/// Number of elements of a signing message.
pub const SIGNING_MESSAGE_LEN: usize = 14;

fn checked(field: &'static str, value: u64) -> Result<Fp, TxError> {
    if value > MAX_AMOUNT {
        return Err(TxError::ValueTooLarge { field, value });
    }
    Ok(fe(value))
}

/// The signing message of `tx` on chain `chain_id`; `None` for a no-op (never signed).
pub fn signing_message(
    tx: &Tx,
    chain_id: u64,
) -> Result<Option<[Fp; SIGNING_MESSAGE_LEN]>, TxError> {
    let (ty, from, to, recipient, asset, amount, fee, nonce) = match tx {
        Tx::Noop => return Ok(None),
        Tx::Transfer(t) => (
            TX_TRANSFER,
            t.from,
            t.to,
            [0u8; 20],
            t.asset,
            t.amount,
            t.fee,
            t.nonce,
        ),
        Tx::Withdraw(w) => (
            TX_WITHDRAW,
            w.from,
            0,
            w.l1_recipient,
            w.asset,
            w.amount,
            w.fee,
            w.nonce,
        ),
    };
    let mut m = [Fp::ZERO; SIGNING_MESSAGE_LEN];
    m[0] = fe(TAG_TX);
    m[1] = checked("chain id", chain_id)?;
    m[2] = fe(ty as u64);
    m[3] = fe(from as u64);
    m[4] = fe(to as u64);
    for i in 0..5 {
        let mut w = [0u8; 4];
        w.copy_from_slice(&recipient[4 * i..4 * i + 4]);
        m[5 + i] = fe(u32::from_be_bytes(w) as u64);
    }
    m[10] = fe(asset as u64);
    m[11] = checked("amount", amount)?;
    m[12] = checked("fee", fee)?;
    m[13] = checked("nonce", nonce)?;
    Ok(Some(m))
}

/// Sign `tx` in place with `sk` (a no-op is left unsigned).
pub fn sign_tx(tx: &mut Tx, sk: &SecretKey, chain_id: u64) -> Result<(), TxError> {
    let Some(m) = signing_message(tx, chain_id)? else {
        return Ok(());
    };
    let sig = sign(sk, &m).to_bytes();
    match tx {
        Tx::Noop => {}
        Tx::Transfer(t) => t.signature = sig,
        Tx::Withdraw(w) => w.signature = sig,
    }
    Ok(())
}

/// Verify the signature of `tx` against the sender's key bytes (as stored in its account).
pub fn verify_tx(tx: &Tx, key: &[u8; 40], chain_id: u64) -> Result<(), TxError> {
    let Some(m) = signing_message(tx, chain_id)? else {
        return Ok(());
    };
    let sig = match tx {
        Tx::Noop => return Ok(()),
        Tx::Transfer(t) => &t.signature,
        Tx::Withdraw(w) => &w.signature,
    };
    verify_bytes(key, &m, sig).map_err(TxError::BadSignature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tx::record::{Transfer, Withdraw};
    use crate::DEFAULT_CHAIN_ID;

    fn transfer() -> Tx {
        Tx::Transfer(Transfer {
            from: 1,
            to: 2,
            asset: 0,
            amount: 5,
            fee: 1,
            nonce: 0,
            signature: [0; 80],
        })
    }

    #[test]
    fn sign_and_verify() {
        let sk = SecretKey::from_seed(&[5u8; 32]);
        let key = sk.public_key().to_bytes();
        let mut tx = transfer();
        sign_tx(&mut tx, &sk, DEFAULT_CHAIN_ID).expect("sign");
        assert_eq!(verify_tx(&tx, &key, DEFAULT_CHAIN_ID), Ok(()));
        // Another chain id, or any changed field, breaks the signature.
        assert!(verify_tx(&tx, &key, DEFAULT_CHAIN_ID + 1).is_err());
        if let Tx::Transfer(t) = &mut tx {
            t.amount += 1;
        }
        assert!(matches!(
            verify_tx(&tx, &key, DEFAULT_CHAIN_ID),
            Err(TxError::BadSignature(_))
        ));
    }

    #[test]
    fn withdraw_binds_recipient_and_type() {
        let sk = SecretKey::from_seed(&[6u8; 32]);
        let key = sk.public_key().to_bytes();
        let mut w = Tx::Withdraw(Withdraw {
            from: 1,
            l1_recipient: [0x11; 20],
            asset: 0,
            amount: 5,
            fee: 1,
            nonce: 0,
            signature: [0; 80],
        });
        sign_tx(&mut w, &sk, DEFAULT_CHAIN_ID).expect("sign");
        assert_eq!(verify_tx(&w, &key, DEFAULT_CHAIN_ID), Ok(()));
        let mut w2 = w.clone();
        if let Tx::Withdraw(x) = &mut w2 {
            x.l1_recipient[19] = 0x12;
        }
        assert!(verify_tx(&w2, &key, DEFAULT_CHAIN_ID).is_err());
        let m = signing_message(&w, DEFAULT_CHAIN_ID)
            .expect("ok")
            .expect("signed type");
        assert_eq!(m[2], fe(2));
        assert_eq!(m[5], fe(0x1111_1111));
    }

    #[test]
    fn values_out_of_range() {
        let mut tx = transfer();
        if let Tx::Transfer(t) = &mut tx {
            t.fee = 1 << 63;
        }
        assert!(matches!(
            signing_message(&tx, 1),
            Err(TxError::ValueTooLarge { field: "fee", .. })
        ));
        assert_eq!(signing_message(&Tx::Noop, 1), Ok(None));
    }
}
