use std::time::Duration;

use alloy::providers::ext::AnvilApi;
use alloy::providers::Provider;
use alloy::rpc::types::anvil::ReorgOptions;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::*;
use crate::testutil::{anvil, anvil_on, provider};

fn contracts() -> Contracts {
    Contracts {
        rollup: alloy::primitives::address!("0x00000000000000000000000000000000000000a1"),
        bridge: alloy::primitives::address!("0x00000000000000000000000000000000000000b2"),
    }
}

async fn drain<P: Provider>(w: &mut L1Watcher<P>) -> Vec<L1Event> {
    let mut out = Vec::new();
    while let Some(ev) = w.step().await.expect("step") {
        out.push(ev);
        assert!(out.len() < 1000, "watcher does not converge");
    }
    out
}

#[tokio::test]
async fn follows_confirmed_head_in_bounded_ranges() {
    let node = anvil();
    let p = provider(&node);
    p.anvil_mine(Some(10), None).await.expect("mine");
    let cfg = WatcherConfig {
        confirmations: 2,
        max_range: 4,
        ..Default::default()
    };
    let mut w = L1Watcher::new(p.clone(), contracts(), cfg);
    let evs = drain(&mut w).await;
    let ranges: Vec<_> = evs
        .iter()
        .map(|e| match e {
            L1Event::Logs { from, to, .. } => (*from, to.number),
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(
        ranges,
        vec![(0, 3), (4, 7), (8, 8)],
        "head 10 minus 2 confirmations"
    );
    p.anvil_mine(Some(1), None).await.expect("mine");
    assert_eq!(drain(&mut w).await.len(), 1);
    assert_eq!(w.tip().map(|t| t.number), Some(9));
}

/// Every head the watcher reads is published once, to every subscriber, before its first read
/// as `None`; a step that reads the same head again wakes nobody.
#[tokio::test]
async fn publishes_each_new_head_to_every_role() {
    let node = anvil();
    let p = provider(&node);
    p.anvil_mine(Some(5), None).await.expect("mine");
    let mut w = L1Watcher::new(p.clone(), contracts(), WatcherConfig::default());
    let (mut a, mut b) = (w.heads(), w.heads());
    assert_eq!(*a.borrow_and_update(), None, "nothing read yet");
    b.borrow_and_update();
    drain(&mut w).await;
    assert!(a.has_changed().expect("open") && b.has_changed().expect("open"));
    assert_eq!(*a.borrow_and_update(), Some(5));
    assert_eq!(*b.borrow_and_update(), Some(5));
    drain(&mut w).await;
    assert!(!a.has_changed().expect("open"), "same head: no wake-up");
    p.anvil_mine(Some(2), None).await.expect("mine");
    drain(&mut w).await;
    assert_eq!(*a.borrow_and_update(), Some(7));
    drop(w);
    assert!(
        a.changed().await.is_err(),
        "the watcher gone: subscribers see it"
    );
}

#[tokio::test]
async fn detects_a_reorg_by_parent_hash_and_rereads() {
    let node = anvil();
    let p = provider(&node);
    p.anvil_mine(Some(10), None).await.expect("mine");
    let cfg = WatcherConfig {
        confirmations: 0,
        max_range: 4,
        ..Default::default()
    };
    let mut w = L1Watcher::new(p.clone(), contracts(), cfg);
    drain(&mut w).await;
    let old_tip = w.tip().expect("tip");
    assert_eq!(old_tip.number, 10);
    // Replace blocks 6..=10 with a different fork of the same length.
    p.anvil_reorg(ReorgOptions {
        depth: 5,
        tx_block_pairs: vec![],
    })
    .await
    .expect("reorg");
    p.anvil_mine(Some(1), None).await.expect("mine");
    let ev = w.step().await.expect("step").expect("event");
    let L1Event::Reorg {
        ancestor: Some(ancestor),
        resume_from,
    } = ev
    else {
        panic!("expected a reorg with an ancestor, got {ev:?}")
    };
    assert_eq!(resume_from, ancestor.number + 1);
    assert!(
        ancestor.number <= 5,
        "ancestor {ancestor:?} is below the fork point"
    );
    let canon = p
        .get_block_by_number(ancestor.number.into())
        .await
        .expect("rpc")
        .expect("block");
    assert_eq!(
        canon.header.hash, ancestor.hash,
        "the ancestor is on the new chain"
    );
    drain(&mut w).await;
    let tip = w.tip().expect("tip");
    assert_eq!(tip.number, 11);
    let head = p
        .get_block_by_number(11.into())
        .await
        .expect("rpc")
        .expect("block");
    assert_eq!(tip.hash, head.header.hash);
}

#[tokio::test]
async fn shortened_chain_is_detected_without_new_blocks() {
    let node = anvil();
    let p = provider(&node);
    p.anvil_mine(Some(6), None).await.expect("mine");
    let cfg = WatcherConfig {
        confirmations: 0,
        max_range: 2,
        ..Default::default()
    };
    let mut w = L1Watcher::new(p.clone(), contracts(), cfg);
    drain(&mut w).await;
    p.anvil_rollback(Some(3)).await.expect("rollback");
    let ev = w.step().await.expect("step").expect("event");
    assert!(
        matches!(ev, L1Event::Reorg { resume_from, .. } if resume_from <= 4),
        "{ev:?}"
    );
}

#[tokio::test]
async fn run_backfills_after_the_node_comes_back() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        l.local_addr().expect("addr").port()
    };
    let url: alloy::transports::http::reqwest::Url =
        format!("http://127.0.0.1:{port}").parse().expect("url");
    let p = alloy::providers::RootProvider::new_http(url);
    let cfg = WatcherConfig {
        confirmations: 0,
        max_range: 100,
        poll_interval: Duration::from_millis(50),
        backoff_min: Duration::from_millis(50),
        backoff_max: Duration::from_millis(200),
        ..Default::default()
    };
    let (tx, mut rx) = mpsc::channel(16);
    let cancel = CancellationToken::new();
    let task = tokio::spawn(L1Watcher::new(p, contracts(), cfg).run(tx, cancel.clone()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    let node = anvil_on(port);
    provider(&node)
        .anvil_mine(Some(5), None)
        .await
        .expect("mine");
    let mut last = 0;
    while last < 5 {
        match tokio::time::timeout(Duration::from_secs(10), rx.recv()).await {
            Ok(Some(L1Event::Logs { to, .. })) => last = to.number,
            other => panic!("unexpected {other:?}"),
        }
    }
    cancel.cancel();
    task.await.expect("join").expect("clean stop");
}

/// The loop of the roles that wake on the head: nothing before a head is known, one step per new
/// head, a failed step again after the retry delay, and the end when the watcher goes away.
#[tokio::test]
async fn a_role_steps_once_per_head_and_retries_a_failed_step() {
    let (tx, heads) = tokio::sync::watch::channel(None);
    let (seen_tx, mut seen) = mpsc::unbounded_channel();
    let cancel = CancellationToken::new();
    let mut failed_once = false;
    let run = tokio::spawn(async move {
        on_each_head(heads, Duration::from_millis(20), &cancel, |head| {
            let step = if head == 2 && !failed_once {
                failed_once = true;
                HeadStep::Retry
            } else {
                HeadStep::Done
            };
            seen_tx.send(head).expect("seen");
            async move { step }
        })
        .await
    });
    tokio::time::sleep(Duration::from_millis(30)).await;
    tx.send_replace(Some(1));
    tokio::time::sleep(Duration::from_millis(30)).await;
    tx.send_replace(Some(2));
    tokio::time::sleep(Duration::from_millis(80)).await;
    drop(tx);
    tokio::time::timeout(Duration::from_secs(5), run)
        .await
        .expect("the loop ends with the watcher")
        .expect("join");
    let mut steps = Vec::new();
    while let Ok(h) = seen.try_recv() {
        steps.push(h);
    }
    assert_eq!(steps, vec![1, 2, 2], "head 2 failed once, then was retried");
}
