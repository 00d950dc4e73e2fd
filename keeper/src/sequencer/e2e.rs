//! On a real anvil with the devnet fixture (`keeper/fixtures/devnet-state.json`): our EIP-712
//! digest equals the deployed slasher's `hashSoftConfirmation`, two of our signatures at one number
//! slash the operator, and the leader posts its blocks as one batch (once, even when asked twice)
//! that a fresh derivation re-executes to the same root.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use alloy::network::EthereumWallet;
use alloy::node_bindings::{Anvil, AnvilInstance};
use alloy::primitives::{Address, B256, U256};
use alloy::providers::ext::AnvilApi;
use alloy::providers::{Provider, ProviderBuilder, RootProvider};
use alloy::sol_types::SolEvent;
use janus_l2::keys::SecretKey;
use janus_l2::tx::message::L1Message;
use janus_l2::tx::record::{Transfer, Tx};
use janus_l2::tx::signing::sign_tx;
use serde::Deserialize;
use tokio_util::sync::CancellationToken;

use super::block::BlockHeader;
use super::softconf::typed;
use super::*;
use crate::derive::{Pipeline, Verdict};
use crate::l1::bindings::{Bridge, EquivocationSlasher, SequencerSet, Staking};
use crate::l1::{Contracts, L1Watcher, WatcherConfig};
use crate::store::Store;
use crate::testutil::{anvil_path, key};
use crate::txmgr::{TxManager, TxManagerConfig};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Deployment {
    rollup: Address,
    bridge: Address,
    sequencer_set: Address,
    staking: Address,
    equivocation_slasher: Address,
}

/// Anvil with the committed devnet state (freshness of the fixture is asserted by `derive::e2e`).
fn devnet() -> (AnvilInstance, Deployment) {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let node = Anvil::at(anvil_path())
        .arg("--load-state")
        .arg(fixtures.join("devnet-state.json"))
        .spawn();
    let text = std::fs::read_to_string(fixtures.join("devnet-deployment.json")).expect("fixture");
    (node, serde_json::from_str(&text).expect("deployment json"))
}

/// Mine until a leader is in force; returns it and the anvil index of its signer.
async fn leader(node: &AnvilInstance, p: &RootProvider, d: &Deployment) -> (Address, usize) {
    let set = SequencerSet::new(d.sequencer_set, p);
    for _ in 0..40 {
        let head = p.get_block_number().await.expect("head");
        let l = set
            .leaderAt(U256::from(head + 1))
            .call()
            .await
            .expect("leaderAt");
        if l != Address::ZERO {
            let signer = Staking::new(d.staking, p)
                .signerOf(l)
                .call()
                .await
                .expect("signerOf");
            let idx = node
                .addresses()
                .iter()
                .position(|a| *a == signer)
                .expect("anvil key");
            return (l, idx);
        }
        p.anvil_mine(Some(1), None).await.expect("mine");
    }
    panic!("no leader elected");
}

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

#[tokio::test]
async fn soft_confirmation_digest_matches_the_slasher_and_equivocation_slashes() {
    let (node, d) = devnet();
    let p = RootProvider::new_http(node.endpoint_url());
    let (operator, idx) = leader(&node, &p, &d).await;
    let slasher = EquivocationSlasher::new(d.equivocation_slasher, &p);
    let l2_chain: u64 = slasher.l2ChainId().call().await.expect("l2ChainId").to();
    let l1_chain = p.get_chain_id().await.expect("chain id");
    let conf = SoftConfirmer::new(key(&node, idx), l1_chain, d.equivocation_slasher, l2_chain);
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
        .wallet(EthereumWallet::from(key(&node, 9)))
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

async fn deposit(p: &impl Provider, bridge: Address, sk: &SecretKey) -> L1Message {
    let r = Bridge::new(bridge, p)
        .depositETHNewAccount(sk.public_key().to_bytes().to_vec().into())
        .value(U256::from(10u64).pow(U256::from(18)))
        .send()
        .await
        .expect("deposit sent")
        .get_receipt()
        .await
        .expect("deposit mined");
    let ev = r
        .inner
        .logs()
        .iter()
        .find_map(|l| Bridge::MessageEnqueued::decode_log_data(l.data()).ok())
        .expect("MessageEnqueued");
    L1Message::decode(&ev.record).expect("record")
}

#[tokio::test]
async fn leader_posts_its_blocks_once_and_derivation_agrees() {
    let (node, d) = devnet();
    let p = RootProvider::new_http(node.endpoint_url());
    let user = ProviderBuilder::new()
        .wallet(EthereumWallet::from(key(&node, 0)))
        .connect_http(node.endpoint_url());
    let (alice, bob) = (
        SecretKey::from_seed(&[1; 32]),
        SecretKey::from_seed(&[2; 32]),
    );
    let m0 = deposit(&user, d.bridge, &alice).await;
    let m1 = deposit(&user, d.bridge, &bob).await;
    // The leader of the next L1 block (where the batch lands: nothing is mined before it).
    let (operator, idx) = leader(&node, &p, &d).await;

    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path().join("db")).expect("store");
    let l2_chain = janus_l2::DEFAULT_CHAIN_ID;
    let cfg = SequencerConfig {
        fee_account: m0.account,
        ..Default::default()
    };
    let conf = SoftConfirmer::new(key(&node, idx), 31337, d.equivocation_slasher, l2_chain);
    let mut core = Core::new(cfg, store.clone(), conf, &DerivedTip::genesis()).expect("core");
    core.on_message(m0.clone());
    core.on_message(m1.clone());
    core.produce_block(1_000)
        .expect("p")
        .expect("deposit block");
    let mut tx = Tx::Transfer(Transfer {
        from: m0.account,
        to: m1.account,
        asset: 0,
        amount: 1_000,
        fee: 10,
        nonce: 0,
        signature: [0; 80],
    });
    sign_tx(&mut tx, &alice, l2_chain).expect("sign");
    let h = core.admit(&tx.encode()).expect("admitted");
    core.produce_block(2_000).expect("p").expect("tx block");
    let prepared = core.prepare_batch().expect("batch");

    let txmgr = TxManager::new(
        p.clone(),
        key(&node, idx),
        store,
        TxManagerConfig {
            poll_interval: Duration::from_millis(50),
            ..Default::default()
        },
        CancellationToken::new(),
    )
    .await
    .expect("txmgr");
    let batcher = Batcher::new(p.clone(), d.rollup, Arc::new(txmgr));
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
    let contracts = Contracts {
        rollup: d.rollup,
        bridge: d.bridge,
    };
    let mut w = L1Watcher::new(
        p.clone(),
        contracts,
        WatcherConfig {
            confirmations: 0,
            max_range: 50,
            ..Default::default()
        },
    );
    let mut pipe = Pipeline::new(p.clone(), l2_chain);
    while let Some(ev) = w.step().await.expect("watch") {
        pipe.handle(&ev).await.expect("derive");
    }
    assert_eq!(pipe.derivation.tip().id, id);
    assert_eq!(pipe.derivation.tip().verdict, Verdict::Valid);
    assert_eq!(pipe.derivation.state_root(), prepared.new_root);
    let head = core.head();
    core.on_derived(&DerivedTip::of(&pipe.derivation));
    assert_eq!(core.head(), head, "own batch: the chain continues");
}
