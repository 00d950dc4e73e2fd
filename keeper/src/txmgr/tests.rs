use std::time::{Duration, Instant};

use alloy::network::{EthereumWallet, TransactionBuilder};
use alloy::primitives::{address, Address, Bytes, U256};
use alloy::providers::ext::AnvilApi;
use alloy::providers::{Provider, ProviderBuilder};
use alloy::rpc::types::TransactionRequest;
use tokio_util::sync::CancellationToken;

use super::*;
use crate::testutil::{anvil, anvil_on, key, provider};

const TO: Address = address!("0x00000000000000000000000000000000000000e1");

fn fast() -> TxManagerConfig {
    TxManagerConfig {
        poll_interval: Duration::from_millis(40),
        bump_after: Duration::from_secs(60),
        backoff_min: Duration::from_millis(50),
        backoff_max: Duration::from_millis(200),
        ..Default::default()
    }
}

fn intent(label: &str) -> TxIntent {
    TxIntent {
        label: label.into(),
        to: TO,
        input: Bytes::new(),
        value: U256::from(1),
    }
}

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = Store::open(dir.path().join("db")).expect("store");
    (dir, s)
}

async fn until(what: &str, mut f: impl FnMut() -> bool) {
    let start = Instant::now();
    while !f() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "timed out waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test]
async fn sends_and_waits_for_the_receipt() {
    // Metrics are recorded where things happen (this test's thread has its own recorder).
    let recorder = metrics_exporter_prometheus::PrometheusBuilder::new().build_recorder();
    let prometheus = recorder.handle();
    let _recording = ::metrics::set_default_local_recorder(&recorder);
    let node = anvil();
    let (_d, store) = store();
    let mgr = TxManager::new(
        provider(&node),
        key(&node, 1),
        store.clone(),
        fast(),
        CancellationToken::new(),
    )
    .await
    .expect("mgr");
    let a = mgr.send(intent("a")).await.expect("a");
    let b = mgr.send(intent("b")).await.expect("b");
    assert_eq!((a.nonce, b.nonce), (0, 1));
    assert!(a.receipt.status() && b.receipt.status());
    assert_eq!(a.attempts, 1);
    assert_eq!(mgr.next_nonce().await, 2);
    let text = prometheus.render();
    assert!(text.contains("janus_l1_txs_sent_total 2"), "{text}");
    assert!(text.contains("janus_l1_nonce 2"), "{text}");
    assert!(
        store.pending_for(mgr.address()).expect("rows").is_empty(),
        "rows removed once mined"
    );
    assert_eq!(
        provider(&node).get_balance(TO).await.expect("bal"),
        U256::from(2)
    );
}

#[tokio::test]
async fn stuck_transaction_is_replaced_with_higher_fees() {
    let node = anvil();
    let p = provider(&node);
    p.anvil_set_auto_mine(false).await.expect("automine off");
    let (_d, store) = store();
    let cfg = TxManagerConfig {
        bump_after: Duration::from_millis(300),
        ..fast()
    };
    let mgr = std::sync::Arc::new(
        TxManager::new(
            p.clone(),
            key(&node, 1),
            store.clone(),
            cfg,
            CancellationToken::new(),
        )
        .await
        .expect("mgr"),
    );
    let m = mgr.clone();
    let task = tokio::spawn(async move { m.send(intent("stuck")).await });
    until("a fee bump", || get(&mgr.metrics().fee_bumps) >= 1).await;
    let row = store
        .pending_for(mgr.address())
        .expect("rows")
        .pop()
        .expect("in flight");
    assert!(
        row.hashes.len() >= 2,
        "replacement recorded before broadcast"
    );
    let first = row.hashes[0];
    p.evm_mine(None).await.expect("mine");
    let out = task.await.expect("join").expect("mined");
    assert_eq!(out.nonce, 0);
    assert_ne!(
        out.receipt.transaction_hash, first,
        "the replacement was mined, not the original"
    );
    assert!(out.attempts >= 2);
    // Exactly one transaction of ours exists for nonce 0, and the value moved once.
    assert_eq!(
        p.get_transaction_count(mgr.address()).await.expect("nonce"),
        1
    );
    assert_eq!(p.get_balance(TO).await.expect("bal"), U256::from(1));
    assert!(p
        .get_transaction_receipt(first)
        .await
        .expect("rpc")
        .is_none());
}

#[tokio::test]
async fn dropped_transaction_is_rebroadcast() {
    let node = anvil();
    let p = provider(&node);
    p.anvil_set_auto_mine(false).await.expect("automine off");
    let (_d, store) = store();
    let mgr = std::sync::Arc::new(
        TxManager::new(
            p.clone(),
            key(&node, 1),
            store.clone(),
            fast(),
            CancellationToken::new(),
        )
        .await
        .expect("mgr"),
    );
    let m = mgr.clone();
    let task = tokio::spawn(async move { m.send(intent("dropped")).await });
    until("the first broadcast", || get(&mgr.metrics().sent) == 1).await;
    let hash = store.pending_for(mgr.address()).expect("rows")[0].hashes[0];
    assert_eq!(
        p.anvil_drop_transaction(hash).await.expect("drop"),
        Some(hash)
    );
    until("a rebroadcast", || get(&mgr.metrics().rebroadcasts) >= 1).await;
    p.evm_mine(None).await.expect("mine");
    let out = task.await.expect("join").expect("mined");
    assert_eq!(
        out.receipt.transaction_hash, hash,
        "the same signed transaction, not a new one"
    );
    assert_eq!(out.nonce, 0);
}

#[tokio::test]
async fn nonce_resyncs_after_an_external_transaction() {
    let node = anvil();
    let (_d, store) = store();
    let mgr = TxManager::new(
        provider(&node),
        key(&node, 1),
        store,
        fast(),
        CancellationToken::new(),
    )
    .await
    .expect("mgr");
    assert_eq!(mgr.next_nonce().await, 0);
    // Another process uses the same key behind the manager's back.
    let wallet = EthereumWallet::from(key(&node, 1));
    let other = ProviderBuilder::new()
        .wallet(wallet)
        .connect_http(node.endpoint_url());
    let req = TransactionRequest::default()
        .with_to(TO)
        .with_value(U256::from(5));
    other
        .send_transaction(req)
        .await
        .expect("send")
        .get_receipt()
        .await
        .expect("receipt");
    let out = mgr.send(intent("after external")).await.expect("sent");
    assert_eq!(out.nonce, 1, "nonce 0 was taken: resynced to 1");
    assert!(get(&mgr.metrics().resyncs) >= 1);
    assert_eq!(mgr.next_nonce().await, 2);
}

#[tokio::test]
async fn restart_rebroadcasts_the_persisted_submission_without_duplicating_it() {
    let node = anvil();
    let p = provider(&node);
    p.anvil_set_auto_mine(false).await.expect("automine off");
    let (_d, store) = store();
    let signer = key(&node, 2);
    let hash = {
        let mgr = TxManager::new(
            p.clone(),
            signer.clone(),
            store.clone(),
            fast(),
            CancellationToken::new(),
        )
        .await
        .expect("mgr");
        let row = mgr.submit(intent("before crash")).await.expect("submitted");
        row.hashes[0]
    }; // "crash": the manager is gone, the row stays in the store
       // The node lost it too (e.g. restarted with an empty pool).
    p.anvil_drop_transaction(hash).await.expect("drop");
    assert_eq!(
        p.get_transaction_count(signer.address())
            .pending()
            .await
            .expect("nonce"),
        0
    );
    let mgr = TxManager::new(
        p.clone(),
        signer,
        store.clone(),
        fast(),
        CancellationToken::new(),
    )
    .await
    .expect("restarted");
    assert_eq!(
        mgr.next_nonce().await,
        1,
        "nonce 0 still belongs to the persisted submission"
    );
    let rows = mgr.recover().expect("recover");
    assert_eq!(rows.len(), 1);
    let mgr = std::sync::Arc::new(mgr);
    let m = mgr.clone();
    let task = tokio::spawn(async move { m.wait(rows.into_iter().next().expect("row")).await });
    until("the rebroadcast", || get(&mgr.metrics().rebroadcasts) >= 1).await;
    p.evm_mine(None).await.expect("mine");
    let out = task.await.expect("join").expect("mined");
    assert_eq!((out.nonce, out.receipt.transaction_hash), (0, hash));
    assert_eq!(
        p.get_balance(TO).await.expect("bal"),
        U256::from(1),
        "paid once"
    );
    assert!(store.pending_for(mgr.address()).expect("rows").is_empty());
}

#[tokio::test]
async fn survives_the_node_being_unreachable_at_start() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let url: alloy::transports::http::reqwest::Url =
        format!("http://127.0.0.1:{port}").parse().expect("url");
    let p = alloy::providers::RootProvider::new_http(url);
    let (_d, store) = store();
    let starting = tokio::spawn(async move {
        // Key 1 of anvil's default mnemonic.
        let signer: alloy::signers::local::PrivateKeySigner =
            "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"
                .parse()
                .expect("key");
        let mgr = TxManager::new(p, signer, store, fast(), CancellationToken::new()).await?;
        let retries = mgr.rpc_retries();
        mgr.send(intent("after outage")).await.map(|o| (o, retries))
    });
    tokio::time::sleep(Duration::from_millis(400)).await;
    let _node = anvil_on(port);
    let (out, retries) = tokio::time::timeout(Duration::from_secs(20), starting)
        .await
        .expect("finished")
        .expect("join")
        .expect("sent once the node is up");
    assert!(retries >= 1, "connection errors were retried");
    assert_eq!(out.nonce, 0);
}
