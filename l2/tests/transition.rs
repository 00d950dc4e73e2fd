//! Scenario tests of the state transition: every validity rule, atomicity, outputs.

mod common;

use common::{transfer, withdraw, Queue};
use janus_l2::batch::{
    apply_batch, apply_batch_data, apply_tx, apply_tx_with, verify_withdrawal_proof, Batch,
    WithdrawalTree,
};
use janus_l2::error::{BatchError, DecodeError, SignatureError, TxError};
use janus_l2::state::{empty_root, State};
use janus_l2::tx::{Transfer, Tx};
use janus_l2::{DEFAULT_CHAIN_ID, MAX_AMOUNT, NUM_ASSETS};

/// Genesis with accounts 1 (fee account, seed 1), 2 (seed 2, 1000 of asset 0), 3 (seed 3, 50 of
/// asset 1).
fn genesis() -> (State, Queue) {
    let mut q = Queue::new();
    let mut s = State::new();
    q.new_account(1, 0, 0);
    q.new_account(2, 0, 1000);
    q.new_account(3, 1, 50);
    let (messages, ctx) = q.take();
    let out = apply_batch(
        &mut s,
        &Batch {
            fee_account: 1,
            messages,
            txs: vec![],
        },
        &ctx,
    )
    .expect("genesis");
    assert_eq!(out.prev_root, empty_root());
    assert_eq!(out.withdrawal_root, [0u8; 32]);
    (s, q)
}

fn tx_error(s: &mut State, q: &mut Queue, make: impl FnOnce(&Queue) -> Vec<Tx>) -> TxError {
    let before = s.root();
    let txs = make(q);
    let (messages, ctx) = q.take();
    let err = apply_batch(
        s,
        &Batch {
            fee_account: 1,
            messages,
            txs,
        },
        &ctx,
    )
    .expect_err("invalid batch");
    assert_eq!(s.root(), before, "failed batch leaves the state unchanged");
    match err {
        BatchError::InvalidTx { error, .. } => error,
        e => panic!("unexpected {e:?}"),
    }
}

#[test]
fn deposits_create_and_credit() {
    let (s, _) = genesis();
    assert_eq!(s.get(2).map(|a| a.balances[0]), Some(1000));
    assert_eq!(s.get(3).map(|a| a.balances[1]), Some(50));
    assert_eq!(s.get(1).map(|a| a.nonce), Some(0));
    assert!(s.get(0).is_none());
    assert_eq!(s.root(), s.recompute_root());
}

#[test]
fn transfer_and_withdraw_happy_path() {
    let (mut s, mut q) = genesis();
    q.deposit(3, 0, 7);
    let txs = vec![
        transfer(&q, 2, 3, 0, 100, 2, 0),
        Tx::Noop,
        withdraw(&q, 2, [0xAB; 20], 0, 300, 1, 1),
        withdraw(&q, 3, [0xCD; 20], 1, 20, 0, 0),
    ];
    let (messages, ctx) = q.take();
    let batch = Batch {
        fee_account: 1,
        messages,
        txs,
    };
    let data = batch.encode().expect("encode");
    let out = apply_batch_data(&mut s, &data, &ctx).expect("valid");
    assert_eq!(
        s.get(2).map(|a| (a.balances[0], a.nonce)),
        Some((1000 - 100 - 2 - 300 - 1, 2))
    );
    assert_eq!(
        s.get(3).map(|a| (a.balances[0], a.balances[1], a.nonce)),
        Some((107, 30, 1))
    );
    assert_eq!(s.get(1).map(|a| a.balances[0]), Some(3));
    assert_eq!(out.withdrawals.len(), 2);
    assert_eq!(out.receipts.len(), 4);
    assert_eq!(out.receipts[3].state_root, out.new_root);
    assert_eq!(out.msg_end, 4);
    assert_eq!(out.data_hash, janus_l2::hash::keccak256(&data));
    let tree = WithdrawalTree::new(&out.withdrawals);
    assert_eq!(tree.root(), out.withdrawal_root);
    for (i, w) in out.withdrawals.iter().enumerate() {
        let proof = tree.proof(i).expect("proof");
        assert!(verify_withdrawal_proof(
            &out.withdrawal_root,
            &w.leaf(),
            i,
            2,
            &proof
        ));
    }
    assert_eq!(s.root(), s.recompute_root());
}

#[test]
fn every_validity_rule() {
    let (mut s, mut q) = genesis();
    let e = tx_error(&mut s, &mut q, |q| vec![transfer(q, 2, 3, 0, 1, 0, 5)]);
    assert_eq!(
        e,
        TxError::WrongNonce {
            expected: 0,
            got: 5
        }
    );
    let e = tx_error(&mut s, &mut q, |q| vec![transfer(q, 2, 3, 0, 1000, 1, 0)]);
    assert!(matches!(
        e,
        TxError::InsufficientBalance { balance: 1000, .. }
    ));
    let e = tx_error(&mut s, &mut q, |q| vec![transfer(q, 2, 77, 0, 1, 0, 0)]);
    assert_eq!(e, TxError::UnknownRecipient(77));
    let e = tx_error(&mut s, &mut q, |q| {
        vec![transfer(q, 2, 3, NUM_ASSETS as u32, 1, 0, 0)]
    });
    assert_eq!(e, TxError::UnknownAsset(NUM_ASSETS as u32));
    let e = tx_error(&mut s, &mut q, |q| {
        vec![withdraw(q, 2, [0; 20], 0, 1, 0, 0)]
    });
    assert_eq!(e, TxError::ZeroRecipient);
    // Signed by the wrong key (account 3's key for account 2's transaction).
    let mut forged = transfer(&q, 3, 2, 0, 1, 0, 0);
    if let Tx::Transfer(t) = &mut forged {
        t.from = 2;
    }
    let e = tx_error(&mut s, &mut q, |_| vec![forged]);
    assert_eq!(e, TxError::BadSignature(SignatureError::Mismatch));
    // Unknown sender: no account at 9 (signature checks come later).
    let mut ghost = transfer(&q, 2, 3, 0, 1, 0, 0);
    if let Tx::Transfer(t) = &mut ghost {
        t.from = 9;
    }
    assert_eq!(
        tx_error(&mut s, &mut q, |_| vec![ghost]),
        TxError::UnknownSender(9)
    );
    // Value out of range.
    let big = Tx::Transfer(Transfer {
        from: 2,
        to: 3,
        asset: 0,
        amount: 1 << 63,
        fee: 0,
        nonce: 0,
        signature: [0; 80],
    });
    assert!(matches!(
        tx_error(&mut s, &mut q, |_| vec![big]),
        TxError::ValueTooLarge {
            field: "amount",
            ..
        }
    ));
    // A later invalid transaction rolls back the earlier valid ones.
    let e = tx_error(&mut s, &mut q, |q| {
        vec![
            transfer(q, 2, 3, 0, 10, 0, 0),
            transfer(q, 2, 3, 0, 10, 0, 0),
        ]
    });
    assert_eq!(
        e,
        TxError::WrongNonce {
            expected: 1,
            got: 0
        }
    );
    assert_eq!(s.get(2).map(|a| a.nonce), Some(0));
}

#[test]
fn fee_account_must_exist() {
    let (mut s, q) = genesis();
    let before = s.root();
    let tx = transfer(&q, 2, 3, 0, 1, 1, 0);
    assert_eq!(
        apply_tx(&mut s, 42, &tx, DEFAULT_CHAIN_ID),
        Err(TxError::UnknownFeeAccount(42))
    );
    assert_eq!(s.root(), before);
    assert_eq!(apply_tx(&mut s, 3, &tx, DEFAULT_CHAIN_ID), Ok(None));
    assert_eq!(s.get(3).map(|a| a.balances[0]), Some(2));
}

#[test]
fn overflow_is_rejected() {
    let mut q = Queue::new();
    let mut s = State::new();
    q.new_account(1, 0, 0);
    q.new_account(2, 0, MAX_AMOUNT);
    q.new_account(3, 0, 10);
    let (messages, ctx) = q.take();
    apply_batch(
        &mut s,
        &Batch {
            fee_account: 1,
            messages,
            txs: vec![],
        },
        &ctx,
    )
    .expect("genesis");
    let e = tx_error(&mut s, &mut q, |q| vec![transfer(q, 3, 2, 0, 1, 0, 0)]);
    assert_eq!(e, TxError::Overflow(2));
    // A deposit that would overflow means the state disagrees with L1.
    q.deposit(2, 0, 1);
    let (messages, ctx) = q.take();
    let err = apply_batch(
        &mut s,
        &Batch {
            fee_account: 1,
            messages,
            txs: vec![],
        },
        &ctx,
    );
    assert!(matches!(
        err,
        Err(BatchError::DepositOverflow { account: 2, .. })
    ));
}

#[test]
fn self_transfer_and_sender_as_fee_account() {
    let (mut s, q) = genesis();
    let tx = transfer(&q, 2, 2, 0, 500, 7, 0);
    apply_tx(&mut s, 2, &tx, DEFAULT_CHAIN_ID).expect("valid");
    assert_eq!(s.get(2).map(|a| (a.balances[0], a.nonce)), Some((1000, 1)));
    assert_eq!(s.root(), s.recompute_root());
}

#[test]
fn invalid_keys_and_unlisted_assets_never_fail_deposits() {
    let mut q = Queue::new();
    let mut s = State::new();
    let bad = q.new_account_raw([0xFF; 40], 0, 5);
    let odd = q.new_account_raw([0u8; 40], NUM_ASSETS as u32 + 3, 9);
    let (messages, ctx) = q.take();
    apply_batch(
        &mut s,
        &Batch {
            fee_account: 0,
            messages,
            txs: vec![],
        },
        &ctx,
    )
    .expect("deposits never fail");
    assert_eq!(s.get(bad).map(|a| a.balances[0]), Some(5));
    assert_eq!(s.get(odd).map(|a| a.balances), Some([0; NUM_ASSETS]));
}

#[test]
fn malformed_data_and_inconsistent_queue() {
    let (mut s, mut q) = genesis();
    let mut data = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![Tx::Noop],
    }
    .encode()
    .expect("encode");
    let last = data.len() - 1;
    data[last] = 1;
    let (_, ctx) = q.take();
    assert!(matches!(
        apply_batch_data(&mut s, &data, &ctx),
        Err(BatchError::Malformed(DecodeError::NonZeroPadding {
            tx_type: 0,
            ..
        }))
    ));
    // A message with the wrong nonce for msg_start.
    q.deposit(2, 0, 1);
    let (messages, mut ctx) = q.take();
    ctx.msg_start += 1;
    let r = apply_batch(
        &mut s,
        &Batch {
            fee_account: 1,
            messages,
            txs: vec![],
        },
        &ctx,
    );
    assert!(matches!(
        r,
        Err(BatchError::Malformed(DecodeError::MessageNonce { .. }))
    ));
    // A NEW_ACCOUNT deposit to an occupied slot.
    let mut q2 = Queue::new();
    q2.new_account(1, 0, 0);
    let (messages, ctx) = q2.take();
    let r = apply_batch(
        &mut s,
        &Batch {
            fee_account: 1,
            messages,
            txs: vec![],
        },
        &ctx,
    );
    assert!(matches!(
        r,
        Err(BatchError::AccountExists { account: 1, .. })
    ));
}

#[test]
fn caller_supplied_signature_check_gets_the_sender_key_and_is_atomic() {
    let (mut s, q) = genesis();
    let sender_key = s.get(2).expect("account 2").key;
    // A refusing check: the error comes back and nothing is written.
    let tx = transfer(&q, 2, 3, 0, 100, 2, 0);
    let before = s.root();
    let err = apply_tx_with(&mut s, 1, &tx, |key| {
        assert_eq!(*key, sender_key, "the check sees the sender's stored key");
        Err(TxError::UnknownSender(99))
    })
    .expect_err("refused");
    assert_eq!(err, TxError::UnknownSender(99));
    assert_eq!(s.root(), before);
    // The check runs after the nonce rule: a wrong nonce never reaches it.
    let stale = transfer(&q, 2, 3, 0, 100, 2, 5);
    let err = apply_tx_with(&mut s, 1, &stale, |_| panic!("not reached")).expect_err("nonce");
    assert!(matches!(err, TxError::WrongNonce { .. }));
    // An accepting check applies exactly as `apply_tx` does.
    let mut reference = s.clone();
    apply_tx(&mut reference, 1, &tx, DEFAULT_CHAIN_ID).expect("valid");
    apply_tx_with(&mut s, 1, &tx, |_| Ok(())).expect("applies");
    assert_eq!(s.root(), reference.root());
}
