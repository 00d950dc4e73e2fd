//! End to end on a real anvil with the suite deployed by the real scripts (loaded from
//! `keeper/fixtures/devnet-state.json`, see `keeper/fixtures/regen.sh`): two deposits, a signed
//! L2 transfer, the batch posted by the epoch leader's signer through the transaction manager with
//! the root janus-l2 computes, then a fresh node derives the same root from L1 alone; an L1 reorg
//! under the posted batch rolls the derived state back to genesis.

use std::path::PathBuf;
use std::time::Duration;

use alloy::network::EthereumWallet;
use alloy::node_bindings::{Anvil, AnvilInstance};
use alloy::primitives::{Address, B256, U256};
use alloy::providers::ext::AnvilApi;
use alloy::providers::{Provider, ProviderBuilder, RootProvider};
use alloy::rpc::types::anvil::ReorgOptions;
use alloy::sol_types::{SolCall, SolEvent};
use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::hash::digest_to_bytes32;
use janus_l2::keys::SecretKey;
use janus_l2::state::State;
use janus_l2::tx::message::L1Message;
use janus_l2::tx::record::{Transfer, Tx};
use janus_l2::tx::signing::sign_tx;
use serde::Deserialize;
use tokio_util::sync::CancellationToken;

use super::{Pipeline, Verdict};
use crate::l1::bindings::{Bridge, Rollup, SequencerSet, Staking};
use crate::l1::{Contracts, L1Event, L1Watcher, WatcherConfig};
use crate::store::{Store, TxIntent};
use crate::testutil::{anvil_path, key};
use crate::txmgr::{TxManager, TxManagerConfig};

const L2_CHAIN_ID: u64 = janus_l2::DEFAULT_CHAIN_ID;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Deployment {
    rollup: Address,
    bridge: Address,
    sequencer_set: Address,
    staking: Address,
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn devnet() -> (AnvilInstance, Deployment) {
    assert_fixture_is_current();
    let state = fixtures().join("devnet-state.json");
    let node = Anvil::at(anvil_path())
        .arg("--load-state")
        .arg(&state)
        .spawn();
    let text = std::fs::read_to_string(fixtures().join("devnet-deployment.json"))
        .expect("fixture deployment");
    (node, serde_json::from_str(&text).expect("deployment json"))
}

/// The fixture records a digest of contracts/ and script/; fail when they changed since.
fn assert_fixture_is_current() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["contracts", "script"] {
        collect_sol(&root.join(dir), &mut files);
    }
    files.sort();
    let mut all = Vec::new();
    for f in &files {
        all.extend(std::fs::read(f).unwrap_or_default());
    }
    let digest = alloy::hex::encode(sha256(&all));
    let recorded = std::fs::read_to_string(fixtures().join("sources.sha256")).unwrap_or_default();
    // A stale fixture would test old bytecode: fail, and say how to refresh it.
    assert_eq!(
        recorded.trim(),
        digest,
        "keeper/fixtures/devnet-state.json was built from other contracts/script sources; run `make abi`"
    );
}

fn collect_sol(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_sol(&p, out);
        } else if p.extension().is_some_and(|x| x == "sol") {
            out.push(p);
        }
    }
}

fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

async fn deposit(p: &impl Provider, bridge: Address, sk: &SecretKey) -> L1Message {
    let b = Bridge::new(bridge, p);
    let r = b
        .depositETHNewAccount(sk.public_key().to_bytes().to_vec().into())
        .value(U256::from(10u64).pow(U256::from(18)))
        .send()
        .await
        .expect("deposit sent")
        .get_receipt()
        .await
        .expect("deposit mined");
    assert!(r.status(), "deposit succeeded");
    let ev = r
        .inner
        .logs()
        .iter()
        .find_map(|l| Bridge::MessageEnqueued::decode_log_data(l.data()).ok())
        .expect("MessageEnqueued");
    L1Message::decode(&ev.record).expect("85-byte record")
}

async fn derive_all(
    p: &RootProvider,
    c: Contracts,
    pipe: &mut Pipeline<RootProvider>,
    w: &mut L1Watcher<RootProvider>,
) -> usize {
    let _ = (p, c);
    let mut reorgs = 0;
    while let Some(ev) = w.step().await.expect("watch") {
        reorgs += usize::from(matches!(ev, L1Event::Reorg { .. }));
        pipe.handle(&ev).await.expect("derive");
    }
    reorgs
}

#[tokio::test]
async fn fresh_node_derives_the_posted_root_and_rolls_back_on_reorg() {
    let (node, d) = devnet();
    let contracts = Contracts {
        rollup: d.rollup,
        bridge: d.bridge,
    };
    let p = RootProvider::new_http(node.endpoint_url());
    let user = ProviderBuilder::new()
        .wallet(EthereumWallet::from(key(&node, 0)))
        .connect_http(node.endpoint_url());

    // Wait for the first sequencer set to be in force.
    let set = SequencerSet::new(d.sequencer_set, &p);
    for _ in 0..40 {
        let head = p.get_block_number().await.expect("head");
        if set
            .leaderAt(U256::from(head + 1))
            .call()
            .await
            .expect("leaderAt")
            != Address::ZERO
        {
            break;
        }
        p.anvil_mine(Some(1), None).await.expect("mine");
    }

    // L1: two deposits creating accounts; L2: a signed transfer between them.
    let (alice, bob) = (
        SecretKey::from_seed(&[1; 32]),
        SecretKey::from_seed(&[2; 32]),
    );
    let m0 = deposit(&user, d.bridge, &alice).await;
    let m1 = deposit(&user, d.bridge, &bob).await;
    let mut tx = Tx::Transfer(Transfer {
        from: m0.account,
        to: m1.account,
        asset: 0,
        amount: 1_000,
        fee: 10,
        nonce: 0,
        signature: [0; 80],
    });
    sign_tx(&mut tx, &alice, L2_CHAIN_ID).expect("sign");
    let batch = Batch {
        fee_account: m0.account,
        messages: vec![m0, m1.clone()],
        txs: vec![tx],
    };
    let mut state = State::new();
    let genesis = B256::from(digest_to_bytes32(&state.root()));
    let ctx = BatchContext {
        chain_id: L2_CHAIN_ID,
        msg_start: 0,
        chain_before: [0; 32],
    };
    let out = apply_batch(&mut state, &batch, &ctx).expect("batch applies");
    let new_root = B256::from(digest_to_bytes32(&out.new_root));

    // The leader of the next block posts it through its transaction manager.
    let head = p.get_block_number().await.expect("head");
    let leader = set
        .leaderAt(U256::from(head + 1))
        .call()
        .await
        .expect("leader");
    assert_ne!(leader, Address::ZERO, "a leader is elected");
    let signer_addr = Staking::new(d.staking, &p)
        .signerOf(leader)
        .call()
        .await
        .expect("signerOf");
    let idx = node
        .addresses()
        .iter()
        .position(|a| *a == signer_addr)
        .expect("signer is an anvil key");
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path().join("db")).expect("store");
    let cfg = TxManagerConfig {
        poll_interval: Duration::from_millis(50),
        ..Default::default()
    };
    let mgr = TxManager::new(
        p.clone(),
        key(&node, idx),
        store,
        cfg,
        CancellationToken::new(),
    )
    .await
    .expect("txmgr");
    let rollup = Rollup::new(d.rollup, &p);
    let tip = rollup.tipId().call().await.expect("tip");
    let call = Rollup::submitBatchCall {
        parentId: tip,
        prevStateRoot: genesis,
        newStateRoot: new_root,
        data: batch.encode().expect("encode").into(),
    };
    let posted = mgr
        .send(TxIntent {
            label: "submitBatch".into(),
            to: d.rollup,
            input: call.abi_encode().into(),
            value: U256::ZERO,
        })
        .await
        .expect("batch posted");
    let batch_block = posted.receipt.block_number.expect("block");
    let stored = rollup.getBatch(tip + 1).call().await.expect("getBatch");
    assert_eq!(stored.stateRoot, new_root);

    // A fresh node: L1 only, from block 0.
    let mut w = L1Watcher::new(
        p.clone(),
        contracts,
        WatcherConfig {
            confirmations: 0,
            max_range: 50,
            ..Default::default()
        },
    );
    let mut pipe = Pipeline::new(p.clone(), L2_CHAIN_ID);
    pipe.derivation
        .check_genesis(rollup.getBatch(0).call().await.expect("genesis").stateRoot)
        .expect("genesis");
    derive_all(&p, contracts, &mut pipe, &mut w).await;
    assert_eq!(
        pipe.derivation.state_root(),
        new_root,
        "derived root = sequencer's root"
    );
    assert_eq!(pipe.derivation.tip().id, tip + 1);
    assert_eq!(pipe.derivation.tip().verdict, Verdict::Valid);
    assert_eq!(
        pipe.derivation
            .state()
            .get(m1.account)
            .expect("bob")
            .balances[0],
        m1.amount + 1_000
    );

    // Reorg under the posted batch: the new fork does not contain it.
    let head = p.get_block_number().await.expect("head");
    let depth = head - batch_block + 1;
    p.anvil_reorg(ReorgOptions {
        depth,
        tx_block_pairs: vec![],
    })
    .await
    .expect("reorg");
    assert_eq!(
        rollup.tipId().call().await.expect("tip"),
        tip,
        "the batch is gone from L1"
    );
    let reorgs = derive_all(&p, contracts, &mut pipe, &mut w).await;
    assert!(reorgs >= 1, "the watcher reported the reorg");
    assert_eq!(pipe.derivation.tip().id, 0);
    assert_eq!(
        pipe.derivation.state_root(),
        genesis,
        "derived state rolled back"
    );
}
