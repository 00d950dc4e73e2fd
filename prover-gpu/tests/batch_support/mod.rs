//! Shared helpers of the batch/recursion tests: keys, states and batches signed for [`CHAIN_ID`].
#![allow(dead_code)]

use janus_l2::batch::Batch;
use janus_l2::keys::SecretKey;
use janus_l2::state::{Account, State};
use janus_l2::tx::{sign_tx, L1Message, MessageKind, Transfer, Tx, Withdraw};
use janus_l2::DEFAULT_CHAIN_ID;
use rand::Rng;

/// The L2 chain id the helpers sign for and the tests build their circuits for. Deliberately not
/// `DEFAULT_CHAIN_ID`, so that a circuit ignoring its chain id parameter fails the tests.
pub const CHAIN_ID: u64 = DEFAULT_CHAIN_ID + 1;

pub fn key(i: u8) -> SecretKey {
    SecretKey::from_seed(&[i; 32])
}

/// Accounts 1..=n with key `key(i)`, balances `[1000·i, 50, 0, 7]`, nonce `i`.
pub fn genesis(n: u8) -> State {
    State::from_accounts((1..=n).map(|i| {
        let mut a = Account::new(key(i).public_key().to_bytes());
        a.balances = [1000 * i as u64, 50, 0, 7];
        a.nonce = i as u64;
        (i as u32, a)
    }))
}

fn nonce_of(state: &State, from: u32) -> u64 {
    state.get(from).map(|a| a.nonce).unwrap_or(0)
}

fn signed(tx: Tx, from: u32) -> Tx {
    sign_with(tx, &key(from as u8), CHAIN_ID)
}

/// `tx` (re)signed with `sk` for `chain_id`.
pub fn sign_with(mut tx: Tx, sk: &SecretKey, chain_id: u64) -> Tx {
    sign_tx(&mut tx, sk, chain_id).expect("signs");
    tx
}

/// A signed transfer with the sender's current nonce.
pub fn transfer(state: &State, from: u32, to: u32, asset: u32, amount: u64, fee: u64) -> Tx {
    let nonce = nonce_of(state, from);
    let signature = [0; 80];
    signed(
        Tx::Transfer(Transfer {
            from,
            to,
            asset,
            amount,
            fee,
            nonce,
            signature,
        }),
        from,
    )
}

/// A signed withdrawal (to `0xAB…AB`) with the sender's current nonce.
pub fn withdraw(state: &State, from: u32, asset: u32, amount: u64, fee: u64) -> Tx {
    let (nonce, l1_recipient, signature) = (nonce_of(state, from), [0xAB; 20], [0; 80]);
    signed(
        Tx::Withdraw(Withdraw {
            from,
            l1_recipient,
            asset,
            amount,
            fee,
            nonce,
            signature,
        }),
        from,
    )
}

pub fn deposit_new(nonce: u64, account: u32, asset: u32, amount: u64) -> L1Message {
    L1Message {
        nonce,
        kind: MessageKind::NewAccount,
        l1_sender: [1; 20],
        account,
        l2_key: key(account as u8).public_key().to_bytes(),
        asset,
        amount,
    }
}

pub fn deposit_existing(nonce: u64, account: u32, asset: u32, amount: u64) -> L1Message {
    L1Message {
        nonce,
        kind: MessageKind::ExistingAccount,
        l1_sender: [2; 20],
        account,
        l2_key: [0; 40],
        asset,
        amount,
    }
}

/// A random valid batch of at most `slots` records against `genesis(4)`-like states
/// (accounts 1..=4 exist, 9 does not).
pub fn random_batch(rng: &mut impl Rng, state: &State, slots: usize) -> Batch {
    let mut work = state.clone();
    let mut batch = Batch {
        fee_account: rng.gen_range(1..=4),
        messages: vec![],
        txs: vec![],
    };
    let records = rng.gen_range(1..=slots);
    for r in 0..records {
        let choice = if batch.txs.is_empty() {
            rng.gen_range(0..5)
        } else {
            rng.gen_range(1..5)
        };
        match choice {
            0 => {
                let msg = if work.get(9).is_none() && rng.gen_bool(0.5) {
                    deposit_new(r as u64, 9, rng.gen_range(0..5), rng.gen_range(0..100))
                } else {
                    deposit_existing(r as u64, rng.gen_range(1..=4), rng.gen_range(0..4), 5)
                };
                janus_l2::batch::apply_deposit(&mut work, &msg).expect("deposit applies");
                batch.messages.push(msg);
            }
            1 | 2 => {
                let from = rng.gen_range(1..=4);
                let to = rng.gen_range(1..=4);
                let tx = transfer(
                    &work,
                    from,
                    to,
                    0,
                    rng.gen_range(0..500),
                    rng.gen_range(0..3),
                );
                janus_l2::batch::apply_tx(&mut work, batch.fee_account, &tx, CHAIN_ID)
                    .expect("transfer applies");
                batch.txs.push(tx);
            }
            3 => {
                let from = rng.gen_range(1..=4);
                let tx = withdraw(&work, from, 1, rng.gen_range(0..50), 0);
                janus_l2::batch::apply_tx(&mut work, batch.fee_account, &tx, CHAIN_ID)
                    .expect("withdraw applies");
                batch.txs.push(tx);
            }
            _ => batch.txs.push(Tx::Noop),
        }
    }
    batch
}
