//! Unit tests of the mempool, block production, packing, soft confirmations and restarts (no L1).

use crate::testutil::signed_transfer_with;
use alloy::primitives::{Address, B256};
use alloy::signers::local::PrivateKeySigner;
use janus_l2::batch::{apply_batch, BatchContext, BatchOutput};
use janus_l2::hash::digest_to_bytes32;
use janus_l2::keys::SecretKey;
use janus_l2::tx::message::{L1Message, MessageKind};
use janus_l2::tx::record::{Tx, TX_BYTES};

use std::time::Duration;

use super::actor::{heartbeat_due, Unposted};
use super::block::{anchor_hash, BlockHeader, HEADER_BYTES};
use super::*;
use crate::store::{SoftConfirmation, Store};

const CHAIN: u64 = janus_l2::DEFAULT_CHAIN_ID;
const SLOT: u64 = 250;

pub(crate) fn user(i: u8) -> SecretKey {
    SecretKey::from_seed(&[i; 32])
}

pub(crate) fn new_account(nonce: u64, account: u32, amount: u64) -> L1Message {
    L1Message {
        nonce,
        kind: MessageKind::NewAccount,
        l1_sender: [0xaa; 20],
        account,
        l2_key: user(account as u8).public_key().to_bytes(),
        asset: 0,
        amount,
    }
}

pub(crate) fn transfer(from: u32, to: u32, amount: u64, nonce: u64, chain: u64) -> Tx {
    signed_transfer_with(&user(from as u8), from, to, amount, 1, nonce, chain)
}

fn confirmer() -> SoftConfirmer {
    let key = PrivateKeySigner::from_bytes(&B256::repeat_byte(0x11)).expect("key");
    SoftConfirmer::new(key, 31337, Address::repeat_byte(7), CHAIN)
}

fn cfg() -> SequencerConfig {
    SequencerConfig {
        fee_account: 1,
        mempool: MempoolConfig {
            max_per_account: 2,
            max_total: 3,
            max_nonce_gap: 2,
        },
        ..Default::default()
    }
}

/// A core on genesis whose first block (slot 4) created accounts 1..=n with 1000 units each.
pub(crate) fn funded(store: &Store, n: u32) -> Core {
    let mut core =
        Core::new(cfg(), store.clone(), confirmer(), &DerivedTip::genesis()).expect("core");
    for i in 1..=n {
        core.on_message(new_account(u64::from(i - 1), i, 1000));
    }
    let b = core
        .produce_block(4 * SLOT)
        .expect("produce")
        .expect("block");
    assert_eq!(b.messages.len(), n as usize);
    core
}

/// Apply `batch` to the empty state as the first batch.
fn from_genesis(batch: &janus_l2::batch::Batch) -> (janus_l2::state::State, BatchOutput) {
    let mut state = janus_l2::state::State::new();
    let ctx = BatchContext {
        chain_id: CHAIN,
        msg_start: 0,
        chain_before: [0; 32],
    };
    let out = apply_batch(&mut state, batch, &ctx).expect("apply_batch accepts");
    (state, out)
}

pub(crate) fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = Store::open(dir.path().join("db")).expect("store");
    (dir, s)
}

#[test]
fn mempool_rejects_each_invalid_submission_with_its_error() {
    let (_d, s) = store();
    let mut core = funded(&s, 2);
    let good = transfer(1, 2, 5, 0, CHAIN).encode();
    let mut long = good.to_vec();
    long.push(0);
    let mut bad_type = good;
    bad_type[0] = 9;
    let mut bad_sig = good;
    bad_sig[TX_BYTES - 1] ^= 1;
    let cases: Vec<(Vec<u8>, fn(&MempoolError) -> bool)> = vec![
        (good[..100].to_vec(), |e| {
            matches!(e, MempoolError::Malformed(_))
        }),
        (bad_type.to_vec(), |e| {
            matches!(e, MempoolError::Malformed(_))
        }),
        (long, |e| {
            matches!(e, MempoolError::Oversize { len: 138, .. })
        }),
        (Tx::Noop.encode().to_vec(), |e| *e == MempoolError::Noop),
        (bad_sig.to_vec(), |e| {
            matches!(e, MempoolError::BadSignature { .. })
        }),
        (transfer(1, 2, 5, 0, 1).encode().to_vec(), |e| {
            matches!(
                e,
                MempoolError::BadSignature {
                    chain_id: CHAIN,
                    ..
                }
            )
        }),
        (transfer(7, 2, 5, 0, CHAIN).encode().to_vec(), |e| {
            *e == MempoolError::UnknownSender(7)
        }),
        (transfer(1, 2, 5, 3, CHAIN).encode().to_vec(), |e| {
            matches!(
                e,
                MempoolError::NonceGap {
                    next: 0,
                    got: 3,
                    max_gap: 2,
                    ..
                }
            )
        }),
    ];
    for (bytes, ok) in cases {
        let e = core.admit(&bytes).expect_err("rejected");
        assert!(ok(&e), "unexpected error {e:?}");
    }
    assert!(core.mempool.is_empty(), "nothing admitted");
    let h = core.admit(&good).expect("valid transfer admitted");
    assert_eq!(core.admit(&good), Err(MempoolError::Duplicate(h)));
    let other = transfer(1, 2, 6, 0, CHAIN).encode();
    assert!(matches!(
        core.admit(&other),
        Err(MempoolError::NonceInUse {
            account: 1,
            nonce: 0
        })
    ));
    core.admit(&transfer(1, 2, 5, 1, CHAIN).encode())
        .expect("nonce 1");
    let e = core
        .admit(&transfer(1, 2, 5, 2, CHAIN).encode())
        .expect_err("full");
    assert!(matches!(
        e,
        MempoolError::AccountFull {
            account: 1,
            limit: 2
        }
    ));
    core.produce_block(5 * SLOT)
        .expect("produce")
        .expect("block");
    let e = core
        .admit(&transfer(1, 2, 5, 1, CHAIN).encode())
        .expect_err("used");
    assert!(matches!(
        e,
        MempoolError::NonceTooLow {
            next: 2,
            got: 1,
            ..
        }
    ));
    let e = core
        .admit(&transfer(1, 2, 5, 5, CHAIN).encode())
        .expect_err("gap");
    assert!(matches!(
        e,
        MempoolError::NonceGap {
            next: 2,
            got: 5,
            ..
        }
    ));
    core.admit(&transfer(1, 2, 1, 2, CHAIN).encode())
        .expect("refill");
    core.admit(&transfer(1, 2, 1, 3, CHAIN).encode())
        .expect("refill");
    core.admit(&transfer(2, 1, 1, 0, CHAIN).encode())
        .expect("account 2");
    let e = core
        .admit(&transfer(2, 1, 1, 1, CHAIN).encode())
        .expect_err("pool full");
    assert_eq!(e, MempoolError::PoolFull { limit: 3 });
}

#[test]
fn block_executes_in_nonce_order_and_drops_invalid_with_reason() {
    let (_d, s) = store();
    let mut core = funded(&s, 2);
    let n1 = core
        .admit(&transfer(1, 2, 10, 1, CHAIN).encode())
        .expect("n1");
    let n0 = core
        .admit(&transfer(1, 2, 10, 0, CHAIN).encode())
        .expect("n0");
    let poor = core
        .admit(&transfer(2, 1, 5000, 0, CHAIN).encode())
        .expect("admitted");
    assert_eq!(core.status(&n0), Some(TxStatus::Pending));
    let b = core
        .produce_block(5 * SLOT)
        .expect("produce")
        .expect("block");
    assert_eq!(
        b.tx_hashes(),
        vec![n0, n1],
        "nonce order although n1 arrived first"
    );
    assert_eq!(b.header.tx_count, 2);
    assert_eq!(core.status(&n1), Some(TxStatus::Included { block: 5 }));
    match core.status(&poor) {
        Some(TxStatus::Dropped { reason }) => assert!(reason.contains("insufficient"), "{reason}"),
        other => panic!("expected dropped, got {other:?}"),
    }
    assert!(core.mempool.is_empty());
    let a1 = core.state().get(1).expect("acct 1");
    assert_eq!((a1.nonce, a1.balances[0]), (2, 1000 - 20 - 2 + 2));
    // Nothing pending: the next slot is skipped (no empty blocks).
    assert!(core.produce_block(6 * SLOT).expect("produce").is_none());
}

#[test]
fn run_of_blocks_packs_into_one_batch_that_apply_batch_accepts() {
    let (_d, s) = store();
    let mut core = funded(&s, 2);
    let first = core.block(4).expect("read").expect("block 4");
    assert_eq!(
        first.header.parent_hash,
        anchor_hash(0, DerivedTip::genesis().state_root)
    );
    core.admit(&transfer(1, 2, 100, 0, CHAIN).encode())
        .expect("t1");
    let b5 = core.produce_block(5 * SLOT).expect("p").expect("b5");
    // A deposit after transactions: in the batch it moves ahead of them.
    core.on_message(new_account(2, 3, 50));
    core.admit(&transfer(2, 3, 30, 0, CHAIN).encode())
        .expect("t2");
    let b7 = core.produce_block(7 * SLOT).expect("p").expect("b7");
    assert_eq!(b5.header.parent_hash, first.hash);
    assert_eq!(b7.header.parent_hash, b5.hash);
    assert_eq!(b7.header.msg_end, 3);
    let prepared = core.prepare_batch(false).expect("batch");
    assert!(
        core.prepare_batch(false).is_none(),
        "one batch in flight at a time"
    );
    assert_eq!(prepared.blocks, vec![4, 5, 7]);
    assert_eq!(
        (prepared.batch.messages.len(), prepared.batch.txs.len()),
        (3, 2)
    );
    let (_, out) = from_genesis(&prepared.batch);
    assert_eq!(
        B256::from(digest_to_bytes32(&out.new_root)),
        prepared.new_root
    );
    assert_eq!(prepared.new_root, b7.header.state_root);
    assert_eq!(B256::from(out.chain_after), b7.header.msg_chain);
    assert_eq!(prepared.prev_root, DerivedTip::genesis().state_root);
}

#[test]
fn header_hash_is_keccak_of_the_fixed_encoding() {
    let h = BlockHeader {
        number: 0x0102030405060708,
        parent_hash: B256::repeat_byte(1),
        state_root: B256::repeat_byte(2),
        tx_root: B256::repeat_byte(3),
        msg_end: 9,
        msg_chain: B256::repeat_byte(4),
        fee_account: 5,
        timestamp_ms: 6,
        tx_count: 7,
    };
    let e = h.encode();
    assert_eq!(e.len(), HEADER_BYTES);
    assert_eq!(&e[..8], &[1, 2, 3, 4, 5, 6, 7, 8]);
    assert_eq!(&e[8..40], B256::repeat_byte(1).as_slice());
    assert_eq!(&e[104..112], &9u64.to_be_bytes());
    assert_eq!(&e[144..148], &5u32.to_be_bytes());
    assert_eq!(&e[156..160], &7u32.to_be_bytes());
    assert_eq!(h.hash(), alloy::primitives::keccak256(e));
    let mut h2 = h.clone();
    h2.tx_count = 8;
    assert_ne!(h.hash(), h2.hash());
    let mut pre = b"janus.anchor".to_vec();
    pre.extend_from_slice(&3u64.to_be_bytes());
    pre.extend_from_slice(B256::repeat_byte(9).as_slice());
    assert_eq!(
        anchor_hash(3, B256::repeat_byte(9)),
        alloy::primitives::keccak256(pre)
    );
}

#[test]
fn soft_confirmation_recovers_to_the_signer_and_is_committed_once_per_number() {
    let (_d, s) = store();
    let mut core = funded(&s, 2);
    let b4 = core.block(4).expect("read").expect("block");
    let c = confirmer();
    let sig =
        alloy::primitives::Signature::try_from(b4.signature.as_ref().expect("signed").as_ref())
            .expect("65 bytes");
    let signer = sig
        .recover_address_from_prehash(&c.digest(&b4.header))
        .expect("recover");
    assert_eq!(signer, c.address());
    assert_eq!(
        s.soft_confirmation(4)
            .expect("read")
            .expect("stored")
            .header_hash,
        c.digest(&b4.header)
    );
    // The same slot again: nothing is produced.
    core.admit(&transfer(1, 2, 1, 0, CHAIN).encode())
        .expect("tx");
    assert!(core.produce_block(4 * SLOT + 10).expect("p").is_none());
    // A slot already signed in an earlier run (clock went back) is never signed again.
    let other = SoftConfirmation {
        height: 9,
        header_hash: B256::repeat_byte(0xee),
        signature: vec![1u8; 65].into(),
    };
    assert_eq!(s.insert_soft_confirmation(&other).expect("insert"), None);
    assert!(core.produce_block(9 * SLOT).expect("p").is_none());
    assert_eq!(s.soft_confirmation(9).expect("read"), Some(other));
    assert_eq!(
        core.mempool.len(),
        1,
        "the transaction waits for the next slot"
    );
    let b10 = core.produce_block(10 * SLOT).expect("p").expect("block 10");
    assert_eq!(b10.txs.len(), 1);
}

#[test]
fn a_block_keeps_its_own_signer_after_the_node_rotates_its_key() {
    let (_d, s) = store();
    let first = confirmer();
    let b4 = {
        let core = funded(&s, 2);
        let b4 = core.block(4).expect("read").expect("block");
        assert_eq!(core.block_signer(&b4), Some(first.address()));
        b4
    };
    // The operator rotates its signer (SequencerSet.setSigner) and restarts with the new key.
    let rotated = SoftConfirmer::new(
        PrivateKeySigner::from_bytes(&B256::repeat_byte(0x22)).expect("key"),
        31337,
        Address::repeat_byte(7),
        CHAIN,
    );
    assert_ne!(rotated.address(), first.address());
    let mut core =
        Core::new(cfg(), s.clone(), rotated.clone(), &DerivedTip::genesis()).expect("restart");
    let old = core
        .block(4)
        .expect("read")
        .expect("block 4 from the store");
    assert_eq!(old, b4);
    assert_eq!(core.signer(), rotated.address());
    assert_eq!(
        core.block_signer(&old),
        Some(first.address()),
        "the block's own signer, not the node's current one"
    );
    core.admit(&transfer(1, 2, 1, 0, CHAIN).encode())
        .expect("tx");
    let b5 = core.produce_block(5 * SLOT).expect("p").expect("block 5");
    assert_eq!(core.block_signer(&b5), Some(rotated.address()));
    let mut unsigned = b5;
    unsigned.signature = None;
    assert_eq!(core.block_signer(&unsigned), None);
}

#[test]
fn restart_replays_unposted_blocks_and_restores_the_mempool() {
    let (_d, s) = store();
    let (head, root, pooled) = {
        let mut core = funded(&s, 2);
        core.admit(&transfer(1, 2, 10, 0, CHAIN).encode())
            .expect("t");
        core.produce_block(5 * SLOT).expect("p").expect("b5");
        let pooled = core
            .admit(&transfer(1, 2, 10, 1, CHAIN).encode())
            .expect("t");
        let verified: Vec<_> = core
            .mempool()
            .in_arrival_order()
            .map(|p| p.verified_key)
            .collect();
        assert_eq!(verified, vec![Some(user(1).public_key().to_bytes())]);
        (core.head(), core.state().root(), pooled)
    };
    let mut core =
        Core::new(cfg(), s.clone(), confirmer(), &DerivedTip::genesis()).expect("restart");
    assert_eq!(
        core.head(),
        head,
        "chain continues from the last stored block"
    );
    assert_eq!(core.state().root(), root);
    assert_eq!(core.unposted().len(), 2);
    assert_eq!(
        core.status(&pooled),
        Some(TxStatus::Pending),
        "mempool restored"
    );
    assert!(
        core.mempool()
            .in_arrival_order()
            .all(|p| p.verified_key.is_none()),
        "restored rows were not verified in this run: block production verifies them"
    );
    assert!(
        core.produce_block(5 * SLOT).expect("p").is_none(),
        "slot 5 is used"
    );
    let b = core.produce_block(6 * SLOT).expect("p").expect("b6");
    assert_eq!(b.header.parent_hash, head);
    assert_eq!(b.tx_hashes(), vec![pooled]);
}

#[test]
fn derived_tips_keep_own_batches_and_rebase_on_foreign_ones() {
    let (_d, s) = store();
    let mut core = funded(&s, 2);
    let prepared = core.prepare_batch(false).expect("batch");
    core.on_posted(Some(1));
    let t = core
        .admit(&transfer(1, 2, 10, 0, CHAIN).encode())
        .expect("t");
    core.produce_block(5 * SLOT).expect("p").expect("b5");
    let (state, out) = from_genesis(&prepared.batch);
    let ours = DerivedTip {
        batch_id: 1,
        state_root: prepared.new_root,
        state: std::sync::Arc::new(state.clone()),
        msg_end: out.msg_end,
        chain_after: out.chain_after,
    };
    let head = core.head();
    core.on_derived(&ours);
    assert_eq!(core.head(), head, "own batch derived: chain unchanged");
    assert_eq!(core.unposted().len(), 1);
    // Another leader's batch 2 (empty) replaces ours: rebase, the transaction returns to the pool.
    let foreign = DerivedTip {
        batch_id: 2,
        ..ours
    };
    core.on_derived(&foreign);
    assert_eq!(core.head(), anchor_hash(2, foreign.state_root));
    assert!(core.unposted().is_empty());
    assert_eq!(core.status(&t), Some(TxStatus::Pending));
    assert_eq!(core.state().get(1).map(|a| a.nonce), Some(0));
}

#[test]
fn batch_posted_by_an_earlier_run_is_recognised_not_rebased() {
    let (_d, s) = store();
    let (prepared, t) = {
        let mut core = funded(&s, 2);
        let prepared = core.prepare_batch(false).expect("batch of block 4");
        // Crash before the receipt; a later block is still unposted.
        let t = core
            .admit(&transfer(1, 2, 10, 0, CHAIN).encode())
            .expect("t");
        core.produce_block(5 * SLOT).expect("p").expect("b5");
        (prepared, t)
    };
    let mut core =
        Core::new(cfg(), s.clone(), confirmer(), &DerivedTip::genesis()).expect("restart");
    assert_eq!(core.unposted().len(), 2);
    let head = core.head();
    let (state, out) = from_genesis(&prepared.batch);
    core.on_derived(&DerivedTip {
        batch_id: 1,
        state_root: prepared.new_root,
        state: std::sync::Arc::new(state),
        msg_end: out.msg_end,
        chain_after: out.chain_after,
    });
    assert_eq!(core.head(), head, "no rebase: block 5 stays on top");
    assert_eq!(core.unposted().len(), 1);
    assert_eq!(core.status(&t), Some(TxStatus::Included { block: 5 }));
    let next = core.prepare_batch(false).expect("next batch");
    assert_eq!((next.parent_id, next.blocks.clone()), (1, vec![5]));
    assert_eq!(next.prev_root, prepared.new_root);
}

#[test]
fn block_production_verifies_again_unless_admission_verified_the_same_key() {
    let (_d, s) = store();
    let mut core = funded(&s, 2);
    // A record whose signature does not verify, inserted as if admission had checked it.
    let mut bad = transfer(1, 2, 10, 0, CHAIN);
    if let Tx::Transfer(t) = &mut bad {
        t.amount = 11;
    }
    let pooled = |verified_key| {
        let mut p = mempool::decode_submission(&bad.encode()).expect("decodes");
        p.verified_key = verified_key;
        p
    };
    // Verified against another key: verified again, and dropped.
    let h = core
        .insert_checked(pooled(Some(user(9).public_key().to_bytes())))
        .expect("pooled");
    core.produce_block(5 * SLOT).expect("p").expect("block");
    assert!(
        matches!(core.status(&h), Some(TxStatus::Dropped { .. })),
        "{:?}",
        core.status(&h)
    );
    // Verified against the sender's key: not verified a second time.
    let h = core
        .insert_checked(pooled(Some(user(1).public_key().to_bytes())))
        .expect("pooled");
    let b = core.produce_block(6 * SLOT).expect("p").expect("block");
    assert_eq!(b.tx_hashes(), vec![h]);
}

#[test]
fn heartbeat_posts_an_empty_batch_that_keeps_the_state_and_moves_the_base() {
    let (_d, s) = store();
    let mut core = funded(&s, 2);
    let posted = core.prepare_batch(false).expect("deposits batch");
    core.on_posted(Some(1));
    assert!(
        core.prepare_batch(false).is_none(),
        "nothing unposted, no heartbeat: nothing to post"
    );
    let beat = core.prepare_batch(true).expect("heartbeat");
    assert!(beat.blocks.is_empty());
    assert!(beat.batch.messages.is_empty() && beat.batch.txs.is_empty());
    assert_eq!((beat.parent_id, beat.prev_root), (1, posted.new_root));
    assert_eq!(beat.new_root, posted.new_root, "the state does not change");
    let (_, out) = from_genesis(&posted.batch);
    let mut state = janus_l2::state::State::new();
    let ctx = janus_l2::batch::BatchContext {
        chain_id: CHAIN,
        msg_start: out.msg_end,
        chain_before: out.chain_after,
    };
    for (b, c) in [
        (
            &posted.batch,
            janus_l2::batch::BatchContext {
                chain_id: CHAIN,
                msg_start: 0,
                chain_before: [0; 32],
            },
        ),
        (&beat.batch, ctx),
    ] {
        janus_l2::batch::apply_batch(&mut state, b, &c).expect("applies");
    }
    assert_eq!(B256::from(digest_to_bytes32(&state.root())), beat.new_root);
    assert!(
        core.prepare_batch(true).is_none(),
        "one in flight at a time"
    );
    core.on_posted(Some(2));
    // The next batch builds on the heartbeat.
    core.admit(&transfer(1, 2, 10, 0, CHAIN).encode())
        .expect("t");
    core.produce_block(9 * SLOT).expect("p").expect("block");
    let next = core.prepare_batch(false).expect("next");
    assert_eq!((next.parent_id, next.prev_root), (2, posted.new_root));
}

fn leader_at(l1_block: u64, operator: u8, next_operator: u8) -> LeaderInfo {
    LeaderInfo {
        l1_block,
        operator: Address::repeat_byte(operator),
        next_operator: Address::repeat_byte(next_operator),
        epoch_end_block: 100,
        ..Default::default()
    }
}

#[test]
fn leader_closes_before_handing_over_but_not_when_it_keeps_leading() {
    let cfg = SequencerConfig {
        epoch_margin_blocks: 4,
        ..Default::default()
    };
    assert!(
        !cfg.closing(&leader_at(95, 1, 2)),
        "5 blocks left: producing"
    );
    assert!(
        cfg.closing(&leader_at(96, 1, 2)),
        "4 blocks left, another leader next"
    );
    assert!(cfg.closing(&leader_at(99, 1, 2)));
    assert!(
        !cfg.closing(&leader_at(99, 1, 1)),
        "the same operator leads the next epoch: no gap"
    );
}

#[test]
fn first_transactions_of_a_term_are_posted_at_once() {
    let cfg = SequencerConfig {
        max_batch_txs: 100,
        batch_interval: Duration::from_secs(2),
        ..Default::default()
    };
    let young = Unposted {
        txs: 10,
        messages: 0,
        age: Some(Duration::from_millis(300)),
        new_term: false,
        full: false,
    };
    assert!(!cfg.post_due(&young), "young and small: wait");
    assert!(cfg.post_due(&Unposted {
        new_term: true,
        ..young
    }));
    assert!(
        !cfg.post_due(&Unposted {
            txs: 0,
            new_term: true,
            ..young
        }),
        "a term's first blocks with only L1 messages wait for the handed-over transactions"
    );
    assert!(cfg.post_due(&Unposted {
        age: Some(Duration::from_secs(2)),
        ..young
    }));
    assert!(cfg.post_due(&Unposted { txs: 100, ..young }));
    assert!(
        cfg.post_due(&Unposted {
            messages: cfg.max_block_messages,
            ..young
        }),
        "a block full of L1 messages (a backlog) is posted at once"
    );
    assert!(
        cfg.post_due(&Unposted {
            full: true,
            ..young
        }),
        "as many records as L1 takes in a batch are posted at once"
    );
    assert!(!cfg.post_due(&Unposted::default()));
}

/// A deposit of 1 unit to account 1 (kind EXISTING_ACCOUNT).
fn top_up(nonce: u64) -> L1Message {
    L1Message {
        nonce,
        kind: MessageKind::ExistingAccount,
        l1_sender: [0xaa; 20],
        account: 1,
        l2_key: [0; 40],
        asset: 0,
        amount: 1,
    }
}

#[test]
fn a_message_backlog_drains_in_batches_that_each_meet_the_forced_inclusion_quota() {
    let quota = janus_l2::FORCED_INCLUSION_QUOTA as usize;
    let (_d, s) = store();
    let mut core = Core::new(cfg(), s.clone(), confirmer(), &DerivedTip::genesis()).expect("core");
    // 100 messages in one block, then a backlog of 3 quotas + 17 more (an outage, a spam of
    // deposits): blocks take at most one quota each.
    core.on_message(new_account(0, 1, 1));
    (1..100).for_each(|n| core.on_message(top_up(n)));
    let mut slot = 4;
    let mut sizes = vec![core
        .produce_block(slot * SLOT)
        .expect("p")
        .expect("b")
        .messages
        .len()];
    let total = 100 + 3 * quota + 17;
    (100..total as u64).for_each(|n| core.on_message(top_up(n)));
    loop {
        slot += 1;
        match core.produce_block(slot * SLOT).expect("produce") {
            Some(b) => sizes.push(b.messages.len()),
            None => break,
        }
    }
    assert_eq!(sizes, [100, quota, quota, quota, 17]);

    // Batches take the oldest blocks up to two quotas of messages; each one that leaves messages
    // behind holds at least a quota (L1 accepts it even when everything left is overdue), and
    // each applies on the previous one.
    let mut state = janus_l2::state::State::new();
    let (mut msg_start, mut chain) = (0u64, [0u8; 32]);
    let mut batches = vec![];
    for id in 1.. {
        let Some(p) = core.prepare_batch(false) else {
            break;
        };
        let n = p.batch.messages.len();
        let data = p.batch.encode().expect("encode");
        assert!(data.len() <= 128 * 1024, "fits an L1 transaction");
        let out = apply_prepared(&mut state, &p, msg_start, chain);
        (msg_start, chain) = (out.msg_end, out.chain_after);
        batches.push(n);
        core.on_posted(Some(id));
    }
    assert_eq!(batches, [100 + quota, 2 * quota, 17]);
    assert_eq!(msg_start as usize, total, "the whole backlog drained");
    for n in &batches[..batches.len() - 1] {
        assert!(*n >= quota, "a batch leaving messages behind holds a quota");
    }
}

/// Apply a prepared batch after `msg_start` messages (chain value `chain`); it reaches its root.
fn apply_prepared(
    state: &mut janus_l2::state::State,
    p: &PreparedBatch,
    msg_start: u64,
    chain: [u8; 32],
) -> BatchOutput {
    let ctx = BatchContext {
        chain_id: CHAIN,
        msg_start,
        chain_before: chain,
    };
    let out = apply_batch(state, &p.batch, &ctx).expect("applies");
    assert_eq!(B256::from(digest_to_bytes32(&out.new_root)), p.new_root);
    out
}

#[test]
fn heartbeat_is_due_three_blocks_before_the_liveness_deadline() {
    let mut l = leader_at(10, 1, 1);
    assert!(!heartbeat_due(&l), "unknown deadline");
    l.liveness_deadline = 14;
    assert!(!heartbeat_due(&l));
    l.l1_block = 11;
    assert!(heartbeat_due(&l));
}

/// More records arrive than L1's record limit. Every block and every batch holds at most
/// the limit, the queue's messages go first (oldest first: a block that leaves messages behind is
/// all messages, so a batch leaving messages behind holds min(quota, limit) of them), each batch
/// applies on the previous one, and every message and transaction ends up in a batch.
#[test]
fn a_record_limit_bounds_every_block_and_batch_and_loses_nothing() {
    let limit = 5;
    let (_d, s) = store();
    let cfg = SequencerConfig {
        fee_account: 1,
        ..Default::default()
    };
    let mut core = Core::new(cfg, s.clone(), confirmer(), &DerivedTip::genesis()).expect("core");
    core.set_record_limit(limit);
    for i in 1..=3u32 {
        core.on_message(new_account(u64::from(i - 1), i, 1000));
    }
    (3..12).for_each(|n| core.on_message(top_up(n)));
    let first = core.produce_block(4 * SLOT).expect("p").expect("b");
    assert_eq!((first.messages.len(), first.txs.len()), (limit, 0));
    let mut hashes = vec![];
    for nonce in 0..4 {
        for from in [2u32, 3] {
            hashes.push(
                core.admit(&transfer(from, 1, 10, nonce, CHAIN).encode())
                    .expect("admitted"),
            );
        }
    }
    let mut blocks = vec![(first.messages.len(), first.txs.len())];
    for slot in 5.. {
        match core.produce_block(slot * SLOT).expect("produce") {
            Some(b) => blocks.push((b.messages.len(), b.txs.len())),
            None => break,
        }
    }
    assert_eq!(
        blocks,
        [(5, 0), (5, 0), (2, 3), (0, 5)],
        "messages first, the rest waits"
    );

    let mut state = janus_l2::state::State::new();
    let (mut msg_start, mut chain) = (0u64, [0u8; 32]);
    let (mut messages, mut txs) = (0, 0);
    for id in 1.. {
        let Some(p) = core.prepare_batch(false) else {
            break;
        };
        let (m, t) = (p.batch.messages.len(), p.batch.txs.len());
        assert!(
            m + t <= limit,
            "batch {id}: {m} messages + {t} transactions"
        );
        let out = apply_prepared(&mut state, &p, msg_start, chain);
        if (out.msg_end as usize) < 12 {
            assert_eq!(m, limit, "a batch leaving messages behind is all messages");
        }
        (msg_start, chain) = (out.msg_end, out.chain_after);
        (messages, txs) = (messages + m, txs + t);
        core.on_posted(Some(id));
    }
    assert_eq!((messages, txs), (12, 8), "nothing lost");
    assert_eq!(msg_start, 12);
    for h in hashes {
        assert!(matches!(core.status(&h), Some(TxStatus::Batched { .. })));
    }
}
