//! On a real anvil with the devnet fixture (`keeper/fixtures/devnet-state.json`): our EIP-712
//! digest equals the deployed slasher's `hashSoftConfirmation`, two of our signatures at one number
//! slash the operator, and the leader posts its blocks as one batch (once, even when asked twice)
//! that a fresh derivation re-executes to the same root.

use alloy::network::EthereumWallet;
use alloy::primitives::B256;
use std::sync::Arc;

use alloy::providers::ext::AnvilApi;
use alloy::providers::{Provider, ProviderBuilder};
use alloy::sol_types::{SolCall, SolError, SolEvent};
use janus_l2::keys::SecretKey;

use super::block::BlockHeader;
use super::softconf::typed;
use super::*;
use crate::derive::Verdict;
use crate::l1::bindings::{EquivocationSlasher, Rollup, Staking};
use crate::l1::LeaderView;
use crate::store::Store;
use crate::testutil::devnet::{signed_transfer, Devnet};
use crate::testutil::key;
use tokio_util::sync::CancellationToken;

fn header(number: u64, root: u8) -> BlockHeader {
    BlockHeader {
        number,
        parent_hash: B256::repeat_byte(1),
        state_root: B256::repeat_byte(root),
        tx_root: B256::repeat_byte(3),
        msg_end: 0,
        msg_chain: B256::ZERO,
        fee_account: 1,
        timestamp_ms: 5,
        tx_count: 0,
    }
}

/// Operator `idx`'s soft confirmer on the devnet's chains.
fn confirmer(net: &Devnet, idx: usize) -> SoftConfirmer {
    SoftConfirmer::new(
        key(&net.node, idx),
        31337,
        net.at.equivocation_slasher,
        janus_l2::DEFAULT_CHAIN_ID,
    )
}

#[tokio::test]
async fn soft_confirmation_digest_matches_the_slasher_and_equivocation_slashes() {
    let net = Devnet::start().await;
    let (node, d, p) = (&net.node, &net.at, &net.p);
    let (operator, idx) = net.next_leader().await;
    let slasher = EquivocationSlasher::new(d.equivocation_slasher, &p);
    let l2_chain: u64 = slasher.l2ChainId().call().await.expect("l2ChainId").to();
    let l1_chain = p.get_chain_id().await.expect("chain id");
    let conf = SoftConfirmer::new(key(node, idx), l1_chain, d.equivocation_slasher, l2_chain);
    let (a, b) = (header(77, 2), header(77, 9));
    let on_chain = slasher
        .hashSoftConfirmation(typed(&a, l2_chain))
        .call()
        .await
        .expect("hashSoftConfirmation");
    assert_eq!(
        on_chain,
        conf.digest(&a),
        "our EIP-712 digest is the slasher's"
    );
    let (_, sig_a) = conf.sign(&a).expect("sign");
    let (_, sig_b) = conf.sign(&b).expect("sign");

    let staking = Staking::new(d.staking, &p);
    let before = staking.operatorStake(operator).call().await.expect("stake");
    let reporter = ProviderBuilder::new()
        .wallet(EthereumWallet::from(key(node, 9)))
        .connect_http(node.endpoint_url());
    let r = EquivocationSlasher::new(d.equivocation_slasher, &reporter)
        .reportEquivocation(typed(&a, l2_chain), sig_a, typed(&b, l2_chain), sig_b)
        .send()
        .await
        .expect("report sent")
        .get_receipt()
        .await
        .expect("mined");
    assert!(r.status(), "reportEquivocation succeeded");
    let ev = r
        .inner
        .logs()
        .iter()
        .find_map(|l| EquivocationSlasher::EquivocationReported::decode_log_data(l.data()).ok())
        .expect("EquivocationReported");
    assert_eq!(ev.operator, operator);
    let after = staking.operatorStake(operator).call().await.expect("stake");
    assert!(after < before, "slashed: {before} → {after}");
}

#[tokio::test]
async fn leader_posts_its_blocks_once_and_derivation_agrees() {
    let net = Devnet::start().await;
    let (node, d, p) = (&net.node, &net.at, &net.p);
    let (alice, bob) = (
        SecretKey::from_seed(&[1; 32]),
        SecretKey::from_seed(&[2; 32]),
    );
    let m0 = net.deposit(&alice).await;
    let m1 = net.deposit(&bob).await;
    // The leader of the next L1 block (where the batch lands: nothing is mined before it).
    let (operator, idx) = net.next_leader().await;

    let store = Store::open(net.store_path("db")).expect("store");
    let l2_chain = janus_l2::DEFAULT_CHAIN_ID;
    let cfg = SequencerConfig {
        fee_account: m0.account,
        ..Default::default()
    };
    let conf = SoftConfirmer::new(key(node, idx), 31337, d.equivocation_slasher, l2_chain);
    let mut core = Core::new(cfg, store.clone(), conf, &DerivedTip::genesis()).expect("core");
    core.on_message(m0.clone());
    core.on_message(m1.clone());
    core.produce_block(1_000)
        .expect("p")
        .expect("deposit block");
    let tx = signed_transfer(&alice, m0.account, m1.account, 1_000, 10);
    let h = core.admit(&tx.encode()).expect("admitted");
    core.produce_block(2_000).expect("p").expect("tx block");
    let prepared = core.prepare_batch(false).expect("batch");

    let txmgr = net.txmgr(idx, &store).await;
    let batcher = Batcher::new(p.clone(), d.rollup, txmgr);
    assert_eq!(batcher.recover().await.expect("recover"), 0);
    let id = batcher.post(&prepared).await.expect("posted");
    let again = batcher.post(&prepared).await.expect("idempotent");
    assert_eq!(again, id, "the same blocks are not posted twice");
    core.on_posted(Some(id));
    assert_eq!(
        core.status(&h),
        Some(TxStatus::Batched {
            block: 2_000 / 250,
            batch_id: id
        })
    );

    let info = LeaderView::new(p.clone(), d.sequencer_set, d.staking)
        .at(p.get_block_number().await.expect("head"))
        .await
        .expect("leader view");
    assert_eq!(info.operator, operator);
    assert_eq!(info.signer, node.addresses()[idx]);
    assert!(
        info.rpc_url.starts_with("http://"),
        "metadata is the RPC URL: {}",
        info.rpc_url
    );
    assert!(info.epoch_end_block > info.l1_block);

    // A fresh derivation from L1 reaches the root the sequencer signed.
    let pipe = net.derive().await;
    assert_eq!(pipe.derivation.tip().id, id);
    assert_eq!(pipe.derivation.tip().verdict, Verdict::Valid);
    assert_eq!(pipe.derivation.state_root(), prepared.new_root);
    let head = core.head();
    core.on_derived(&DerivedTip::of(&pipe.derivation));
    assert_eq!(core.head(), head, "own batch: the chain continues");
}

/// L1 takes at most `batchRecordLimit()` records in a batch (min of `maxBatchRecords` and
/// the verifier's capacity; governance lowers the fixture's 64 to 16 here, so that few records fill
/// several batches). 18 deposits and 6 transfers arrive at once: the leader's batches each hold at
/// most the limit (L1 accepts every one), L1 still refuses a larger batch, and a fresh derivation
/// reaches the last root with every message consumed.
#[tokio::test]
async fn batches_respect_the_l1_record_limit_and_lose_nothing() {
    let net = Devnet::start().await;
    net.set_max_batch_records(16).await;
    let (d, p) = (&net.at, &net.p);
    let keys: Vec<SecretKey> = (1..=18u8).map(|i| SecretKey::from_seed(&[i; 32])).collect();
    let mut messages = vec![];
    for k in &keys {
        messages.push(net.deposit(k).await);
    }
    let store = Store::open(net.store_path("db")).expect("store");
    let (_, idx) = net.next_leader().await;
    let txmgr = net.txmgr(idx, &store).await;
    let batcher = Batcher::new(p.clone(), d.rollup, txmgr);
    let limit = batcher.record_limit().await.expect("batchRecordLimit");
    assert_eq!(limit, 16, "maxBatchRecords, below the verifier's 64");

    let cfg = SequencerConfig {
        fee_account: messages[0].account,
        ..Default::default()
    };
    let conf = confirmer(&net, idx);
    let mut core = Core::new(cfg, store.clone(), conf, &DerivedTip::genesis()).expect("core");
    core.set_record_limit(limit);
    messages.iter().for_each(|m| core.on_message(m.clone()));
    let mut slot = 4;
    core.produce_block(slot * 250).expect("p").expect("a block");
    slot += 1;
    core.produce_block(slot * 250)
        .expect("p")
        .expect("the rest of the deposits");
    let mut hashes = vec![];
    for i in 0..6 {
        let tx = signed_transfer(
            &keys[i],
            messages[i].account,
            messages[i + 1].account,
            1_000,
            10,
        );
        hashes.push(core.admit(&tx.encode()).expect("admitted"));
    }
    loop {
        slot += 1;
        if core.produce_block(slot * 250).expect("p").is_none() {
            break;
        }
    }

    // One record over the limit: L1 refuses it (BatchTooLarge), whoever leads.
    let over = janus_l2::batch::Batch {
        fee_account: messages[0].account,
        messages: messages[..17].to_vec(),
        txs: vec![],
    };
    let refused = Rollup::submitBatchCall {
        parentId: 0,
        prevStateRoot: DerivedTip::genesis().state_root,
        newStateRoot: B256::repeat_byte(9),
        data: over.encode().expect("encode").into(),
    };
    let (_, i) = net.next_leader().await;
    let err = p
        .call(
            alloy::rpc::types::TransactionRequest::default()
                .from(net.node.addresses()[i])
                .to(d.rollup)
                .input(refused.abi_encode().into()),
        )
        .await
        .expect_err("17 records are refused");
    assert!(
        err.to_string()
            .contains(&alloy::hex::encode(Rollup::BatchTooLarge::SELECTOR)),
        "BatchTooLarge: {err}"
    );

    let (mut posted, mut records) = (vec![], 0);
    while let Some(prepared) = core.prepare_batch(false) {
        let n = prepared.batch.messages.len() + prepared.batch.txs.len();
        assert!(n <= limit, "{n} records");
        // Each batch from the leader of the block it lands in.
        let (_, i) = net.next_leader().await;
        let batcher = Batcher::new(p.clone(), d.rollup, net.txmgr(i, &store).await);
        let id = batcher.post(&prepared).await.expect("L1 accepts it");
        core.on_posted(Some(id));
        posted.push(id);
        records += n;
    }
    assert!(posted.len() >= 2, "more records than one batch takes");
    assert_eq!(records, 18 + 6, "every deposit and transfer posted");
    for h in hashes {
        assert!(matches!(core.status(&h), Some(TxStatus::Batched { .. })));
    }
    let pipe = net.derive().await;
    assert_eq!(pipe.derivation.tip().id, *posted.last().expect("posted"));
    assert_eq!(pipe.derivation.tip().verdict, Verdict::Valid);
    assert_eq!(pipe.derivation.tip().msg_end, 18, "every message consumed");
}

/// A node that stops while a batch is being posted sends nothing to L1 afterwards: the sequencer
/// owns its posting task, aborts it and waits for it before `run` returns, and the submission it
/// persisted resumes after a restart. L1 mines nothing here, so the post is still waiting for its
/// receipt when the node stops (and its transaction manager is never cancelled: only the
/// sequencer can end the task).
#[tokio::test]
async fn a_stopped_sequencer_leaves_no_post_running() {
    let net = Devnet::start().await;
    let (d, p) = (&net.at, &net.p);
    let m0 = net.deposit(&SecretKey::from_seed(&[1; 32])).await;
    let (operator, idx) = net.next_leader().await;
    p.anvil_set_auto_mine(false).await.expect("automine off");
    let leader = LeaderView::new(p.clone(), d.sequencer_set, d.staking)
        .at(p.get_block_number().await.expect("head") + 1)
        .await
        .expect("leader view");
    assert!(leader.led_by(operator), "{leader:?}");

    let store = Store::open(net.store_path("db")).expect("store");
    let cfg = SequencerConfig {
        fee_account: m0.account,
        block_interval: std::time::Duration::from_millis(50),
        batch_interval: std::time::Duration::ZERO,
        epoch_margin_blocks: 0,
        ..Default::default()
    };
    let conf = confirmer(&net, idx);
    let core = Core::new(cfg.clone(), store.clone(), conf, &DerivedTip::genesis()).expect("core");
    let handle = SequencerHandle::new(core, operator);
    handle.set_leader(leader);
    let txmgr = net.txmgr(idx, &store).await;
    let batcher = Batcher::new(p.clone(), d.rollup, txmgr.clone());
    let sequencer = Sequencer::new(
        handle,
        Some(batcher),
        cfg,
        Arc::new(crate::rpc::ForwardClient::new()),
    );
    let (inputs, rx) = tokio::sync::mpsc::channel(8);
    inputs
        .send(SequencerInput::Message(m0))
        .await
        .expect("input");
    let cancel = CancellationToken::new();
    let run = tokio::spawn(sequencer.run(rx, cancel.clone()));

    // The batch is broadcast: the signer's pending nonce moves past its mined one.
    let signer = net.node.addresses()[idx];
    let start = std::time::Instant::now();
    loop {
        let pending = p.get_transaction_count(signer).pending().await.expect("n");
        if pending > p.get_transaction_count(signer).await.expect("n") {
            break;
        }
        assert!(
            start.elapsed().as_secs() < 30,
            "the batch was never broadcast"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    cancel.cancel();
    tokio::time::timeout(std::time::Duration::from_secs(10), run)
        .await
        .expect("the sequencer stops")
        .expect("task")
        .expect("a clean stop");
    assert_eq!(
        Arc::strong_count(&txmgr),
        1,
        "no task of the stopped sequencer still holds the L1 signer"
    );
    assert_eq!(
        txmgr.recover().expect("rows").len(),
        1,
        "the submission is persisted and resumes after a restart"
    );
}
