use crate::testutil::signed_transfer_with;
use alloy::primitives::{Address, B256};
use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::hash::digest_to_bytes32;
use janus_l2::keys::SecretKey;
use janus_l2::state::State;
use janus_l2::tx::message::{fold_chain, L1Message, MessageKind};
use janus_l2::tx::record::Tx;

use super::*;

const CHAIN: u64 = janus_l2::DEFAULT_CHAIN_ID;

fn sk(i: u8) -> SecretKey {
    SecretKey::from_seed(&[i; 32])
}

fn deposit(nonce: u64, account: u32, amount: u64) -> L1Message {
    L1Message {
        nonce,
        kind: MessageKind::NewAccount,
        l1_sender: [7; 20],
        account,
        l2_key: sk(account as u8 + 1).public_key().to_bytes(),
        asset: 0,
        amount,
    }
}

fn transfer(from: u32, to: u32, amount: u64, nonce: u64) -> Tx {
    signed_transfer_with(&sk(from as u8 + 1), from, to, amount, 1, nonce, CHAIN)
}

/// A posted batch as its `BatchSubmitted` event and data, with the root the spec computes on
/// `state` (advanced in place), unless `claim` overrides it.
fn post(
    state: &mut State,
    chain: &mut [u8; 32],
    (id, parent, height): (u64, u64, u64),
    msg_start: u64,
    batch: &Batch,
    claim: Option<B256>,
) -> (Rollup::BatchSubmitted, Vec<u8>) {
    let data = batch.encode().expect("encode");
    let prev = B256::from(digest_to_bytes32(&state.root()));
    let ctx = BatchContext {
        chain_id: CHAIN,
        msg_start,
        chain_before: *chain,
    };
    let out = apply_batch(state, batch, &ctx).expect("valid batch");
    *chain = fold_chain(*chain, &batch.messages);
    let ev = Rollup::BatchSubmitted {
        batchId: id,
        parentId: parent,
        operator: Address::ZERO,
        height,
        prevStateRoot: prev,
        newStateRoot: claim.unwrap_or(B256::from(digest_to_bytes32(&out.new_root))),
        dataHash: B256::from(out.data_hash),
        withdrawalRoot: B256::from(out.withdrawal_root),
        msgStart: msg_start,
        msgEnd: out.msg_end,
    };
    (ev, data)
}

fn two_deposits() -> Batch {
    Batch {
        fee_account: 1,
        messages: vec![deposit(0, 1, 100), deposit(1, 2, 50)],
        txs: vec![],
    }
}

#[test]
fn genesis_is_the_empty_l2_root() {
    let d = Derivation::new(CHAIN);
    // Deploy.s.sol's EMPTY_L2_STATE_ROOT.
    let l1: B256 = "0xe479b9bb36c3fc43b1e4dac93c0cde8e29332a714327ba72d65af5933a094e83"
        .parse()
        .expect("hex");
    d.check_genesis(l1).expect("same genesis");
    assert!(d.check_genesis(B256::ZERO).is_err());
}

#[test]
fn valid_batches_reach_the_spec_root() {
    let (mut s, mut c) = (State::new(), [0u8; 32]);
    let mut d = Derivation::new(CHAIN);
    let (e1, d1) = post(&mut s, &mut c, (1, 0, 1), 0, &two_deposits(), None);
    assert_eq!(
        d.on_submitted(&e1, 10, &d1).expect("apply").verdict,
        Verdict::Valid
    );
    let b2 = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![transfer(1, 2, 30, 0)],
    };
    let (e2, d2) = post(&mut s, &mut c, (2, 1, 2), 2, &b2, None);
    assert_eq!(
        d.on_submitted(&e2, 11, &d2).expect("apply").verdict,
        Verdict::Valid
    );
    assert_eq!(d.state_root(), B256::from(digest_to_bytes32(&s.root())));
    assert_eq!(d.state().get(2).expect("account 2").balances[0], 80);
    assert_eq!(d.canonical(), &[0, 1, 2]);
}

#[test]
fn wrong_root_is_flagged_and_a_revert_restores_the_parent_state() {
    let (mut s, mut c) = (State::new(), [0u8; 32]);
    let mut d = Derivation::new(CHAIN);
    let (e1, d1) = post(&mut s, &mut c, (1, 0, 1), 0, &two_deposits(), None);
    d.on_submitted(&e1, 10, &d1).expect("apply");
    let root1 = d.state_root();
    let b2 = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![transfer(1, 2, 30, 0)],
    };
    let bogus = B256::repeat_byte(0x42);
    let (e2, d2) = post(&mut s, &mut c, (2, 1, 2), 2, &b2, Some(bogus));
    let v = d.on_submitted(&e2, 11, &d2).expect("apply").verdict.clone();
    assert!(
        matches!(v, Verdict::RootMismatch { claimed, .. } if claimed == bogus),
        "{v:?}"
    );
    d.on_reverted(2, 12);
    assert_eq!(d.tip().id, 1);
    assert_eq!(d.state_root(), root1);
    assert_eq!(
        d.state().get(2).expect("account 2").balances[0],
        50,
        "transfer undone"
    );
}

#[test]
fn unapplicable_data_is_invalid_and_keeps_the_parent_state() {
    let (mut s, mut c) = (State::new(), [0u8; 32]);
    let mut d = Derivation::new(CHAIN);
    let (e1, d1) = post(&mut s, &mut c, (1, 0, 1), 0, &two_deposits(), None);
    d.on_submitted(&e1, 10, &d1).expect("apply");
    let root1 = d.state_root();
    // Signed by the wrong key.
    let tx = signed_transfer_with(&sk(9), 1, 2, 5, 1, 0, CHAIN);
    let data = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![tx],
    }
    .encode()
    .expect("encode");
    let ev = Rollup::BatchSubmitted {
        batchId: 2,
        parentId: 1,
        height: 2,
        msgStart: 2,
        msgEnd: 2,
        ..e1
    };
    let b = d.on_submitted(&ev, 11, &data).expect("recorded");
    assert!(matches!(b.verdict, Verdict::Invalid(_)), "{:?}", b.verdict);
    assert_eq!(b.computed_root, root1);
}

#[test]
fn l1_reorg_undoes_batches_and_reverts_after_the_ancestor() {
    let (mut s, mut c) = (State::new(), [0u8; 32]);
    let mut d = Derivation::new(CHAIN);
    let (e1, d1) = post(&mut s, &mut c, (1, 0, 1), 0, &two_deposits(), None);
    d.on_submitted(&e1, 10, &d1).expect("apply");
    let root1 = d.state_root();
    let b2 = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![transfer(1, 2, 30, 0)],
    };
    let (e2, d2) = post(&mut s, &mut c, (2, 1, 2), 2, &b2, None);
    d.on_submitted(&e2, 20, &d2).expect("apply");
    let root2 = d.state_root();
    d.on_reverted(2, 30);
    assert_eq!(d.state_root(), root1);
    d.rollback_l1(26); // the revert is gone
    assert_eq!((d.tip().id, d.state_root()), (2, root2));
    d.rollback_l1(16); // batch 2 is gone
    assert_eq!((d.tip().id, d.state_root()), (1, root1));
    assert!(d.batch(2).is_none());
    // The new fork posts a different batch 2.
    let mut s1 = (*d.state()).clone();
    let mut c1 = d.tip().chain_after;
    let b2b = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![transfer(2, 1, 10, 0)],
    };
    let (e2b, d2b) = post(&mut s1, &mut c1, (2, 1, 2), 2, &b2b, None);
    assert_eq!(
        d.on_submitted(&e2b, 16, &d2b).expect("apply").verdict,
        Verdict::Valid
    );
    assert_eq!(d.state().get(1).expect("account 1").balances[0], 111);
}

#[test]
fn calldata_decoding_extracts_the_batch_data() {
    use alloy::sol_types::SolCall;
    let call = Rollup::submitBatchCall {
        parentId: 3,
        prevStateRoot: B256::ZERO,
        newStateRoot: B256::ZERO,
        data: vec![1, 2, 3].into(),
    };
    assert_eq!(
        batch_data_from_calldata(&call.abi_encode()),
        Some(vec![1, 2, 3])
    );
    assert_eq!(batch_data_from_calldata(&[0xde, 0xad, 0xbe, 0xef]), None);
}
