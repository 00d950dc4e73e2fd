//! `kill -9` of a sequencing `janus node` while its batch submission is in flight, then a restart
//! on the same store: the batch lands exactly once (its blocks are never posted again, and the
//! signer sends one transaction per batch), nothing the node had soft-confirmed is lost, and the
//! node keeps serving.
//!
//! anvil is loaded with the committed devnet fixture (`keeper/fixtures`, the suite deployed by the
//! real scripts) and stops mining once the node is the leader of a fresh epoch, so the submission
//! stays pending in anvil's pool until the test mines it — after the crash.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alloy::node_bindings::{Anvil, AnvilInstance};
use alloy::primitives::{keccak256, Address, U256};
use alloy::providers::ext::AnvilApi;
use alloy::providers::{Provider, RootProvider};
use alloy::signers::local::PrivateKeySigner;
use janus_keeper::config::Deployment;
use janus_keeper::devnet::traffic::deposit_new_account;
use janus_keeper::l1::bindings::{Rollup, SequencerSet, Staking};
use janus_keeper::testutil::{anvil_path, free_port};
use janus_l2::keys::SecretKey;

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Deposit 1 ETH from anvil account 0 into a new L2 account for `key`; returns its index.
async fn deposit(anvil: &AnvilInstance, bridge: Address, key: &SecretKey) -> u32 {
    let payer = PrivateKeySigner::from(anvil.keys()[0].clone());
    deposit_new_account(&anvil.endpoint_url(), bridge, &payer, key)
        .await
        .expect("deposit")
}

struct Node {
    child: Child,
}

impl Node {
    fn start(
        anvil: &AnvilInstance,
        data: &std::path::Path,
        signer: &PrivateKeySigner,
        operator: Address,
        fee_account: u32,
    ) -> Self {
        let child = Command::new(env!("CARGO_BIN_EXE_janus"))
            .arg("node")
            .env("JANUS_L1_RPC", anvil.endpoint())
            .env(
                "JANUS_DEPLOYMENT",
                manifest().join("fixtures/devnet-deployment.json"),
            )
            .env("JANUS_DATA_DIR", data)
            .env("JANUS_SIGNER_KEY", alloy::hex::encode(signer.to_bytes()))
            .env("JANUS_OPERATOR", operator.to_string())
            .env("JANUS_SEQUENCE", "true")
            .env("JANUS_FEE_ACCOUNT", fee_account.to_string())
            .env("JANUS_CONFIRMATIONS", "0")
            .env("JANUS_POLL_MS", "100")
            .env("JANUS_BLOCK_MS", "100")
            .env("JANUS_BATCH_SECS", "1")
            .env("JANUS_PROVE", "none")
            .env("JANUS_NO_LIVENESS_REPORTS", "true")
            .env("JANUS_NO_FINALIZE", "true")
            .env("JANUS_RPC_ADDR", format!("127.0.0.1:{}", free_port()))
            .env("JANUS_OPS_ADDR", format!("127.0.0.1:{}", free_port()))
            .env("JANUS_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn janus");
        Self { child }
    }

    fn kill9(&mut self) {
        let pid = self.child.id().to_string();
        let ok = Command::new("kill")
            .args(["-9", &pid])
            .status()
            .expect("kill");
        assert!(ok.success());
        self.child.wait().expect("reaped");
    }

    fn assert_running(&mut self) {
        assert!(
            self.child.try_wait().expect("poll").is_none(),
            "the node exited"
        );
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn until<F, Fut>(what: &str, secs: u64, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while !f().await {
        assert!(
            start.elapsed() < Duration::from_secs(secs),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_during_submission_then_restart_posts_the_batch_exactly_once() {
    let anvil = Anvil::at(anvil_path())
        .arg("--load-state")
        .arg(manifest().join("fixtures/devnet-state.json"))
        .spawn();
    let d: Deployment = serde_json::from_str(
        &std::fs::read_to_string(manifest().join("fixtures/devnet-deployment.json"))
            .expect("fixture"),
    )
    .expect("deployment");
    let p: RootProvider = RootProvider::new_http(anvil.endpoint_url());
    let set = SequencerSet::new(d.sequencer_set, &p);
    let fee_key = SecretKey::from_seed(&keccak256(b"crash test fee account").0);
    let user = SecretKey::from_seed(&keccak256(b"crash test user").0);
    let fee_account = deposit(&anvil, d.bridge, &fee_key).await;
    deposit(&anvil, d.bridge, &user).await;

    // Mine to the last block of an epoch whose successor has a leader, then stop mining: the node
    // leads the next block's whole epoch, and the block stays the next one until the test mines.
    let leader = loop {
        let head = p.get_block_number().await.expect("head");
        let n = U256::from(head + 1);
        let (e_head, e_next) = (
            set.epochOf(U256::from(head)).call().await.expect("epoch"),
            set.epochOf(n).call().await.expect("epoch"),
        );
        let leader = set.leaderAt(n).call().await.expect("leaderAt");
        if e_head != e_next && leader != Address::ZERO {
            break leader;
        }
        p.anvil_mine(Some(1), None).await.expect("mine");
    };
    p.anvil_set_auto_mine(false).await.expect("automine off");
    let signer_addr = Staking::new(d.staking, &p)
        .signerOf(leader)
        .call()
        .await
        .expect("signerOf");
    let i = anvil
        .addresses()
        .iter()
        .position(|a| *a == signer_addr)
        .expect("signer is an anvil key");
    let signer = PrivateKeySigner::from(anvil.keys()[i].clone());
    let rollup = Rollup::new(d.rollup, &p);
    assert_eq!(rollup.tipId().call().await.expect("tip"), 0);

    let dir = tempfile::tempdir().expect("tempdir");
    let mut node = Node::start(&anvil, dir.path(), &signer, leader, fee_account);
    // The node soft-confirms the deposits in an L2 block and broadcasts submitBatch: it waits in
    // anvil's pool (no mining), so the signer's pending nonce moves while the mined one does not.
    until("the batch submission in the pool", 60, || async {
        p.get_transaction_count(signer_addr)
            .pending()
            .await
            .expect("nonce")
            == 1
    })
    .await;
    node.assert_running();
    node.kill9();

    let mut node = Node::start(&anvil, dir.path(), &signer, leader, fee_account);
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    node.assert_running();
    p.anvil_mine(Some(1), None)
        .await
        .expect("mine the pending batch");
    p.anvil_set_auto_mine(true).await.expect("automine on");
    until("batch 1 on L1", 30, || async {
        rollup.tipId().call().await.expect("tip") == 1
    })
    .await;
    // Give the restarted node time to (wrongly) post the same blocks again. It may post empty
    // heartbeat batches meanwhile (the fixture's liveness timeout is 3 blocks).
    for _ in 0..5 {
        tokio::time::sleep(Duration::from_millis(500)).await;
        p.anvil_mine(Some(1), None).await.expect("mine");
    }
    node.assert_running();
    let tip = rollup.tipId().call().await.expect("tip");
    let first = rollup.getBatch(1).call().await.expect("batch 1");
    assert_eq!(
        (first.msgStart, first.msgEnd),
        (0, 2),
        "both deposits the node confirmed are in the batch it was posting"
    );
    let empty = janus_l2::batch::Batch {
        fee_account,
        messages: vec![],
        txs: vec![],
    }
    .encode()
    .expect("empty batch");
    for id in 2..=tip {
        let b = rollup.getBatch(id).call().await.expect("batch");
        assert_eq!(
            (b.msgStart, b.msgEnd, b.dataHash),
            (2, 2, keccak256(&empty)),
            "batch {id} posts nothing again (an empty heartbeat at most)"
        );
    }
    assert_eq!(
        p.get_transaction_count(signer_addr)
            .pending()
            .await
            .expect("nonce"),
        tip,
        "one L1 transaction per batch: the in-flight submission was not sent twice"
    );
}
