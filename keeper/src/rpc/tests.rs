//! JSON-RPC over real http: every kind of bad request gets its error code and the server keeps
//! answering; a valid transaction is pooled, included, and served; a non-leader forwards.

use std::sync::Arc;

use alloy::primitives::{hex, Address};
use serde_json::{json, Value};

use super::error::*;
use super::{ForwardClient, RpcServer};
use crate::sequencer::tests::{funded, store, transfer};
use crate::sequencer::{handoff, LeaderInfo, SequencerHandle, TxStatus};

const CHAIN: u64 = janus_l2::DEFAULT_CHAIN_ID;

fn leader_client() -> std::sync::Arc<dyn crate::sequencer::LeaderClient> {
    std::sync::Arc::new(super::ForwardClient::new())
}

async fn call_raw(url: &str, body: String) -> Value {
    reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .expect("http")
        .json()
        .await
        .expect("json answer")
}

async fn call(url: &str, method: &str, params: Value) -> Value {
    call_raw(
        url,
        json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).to_string(),
    )
    .await
}

fn code(v: &Value) -> i64 {
    v.pointer("/error/code")
        .and_then(Value::as_i64)
        .unwrap_or_else(|| panic!("expected an error, got {v}"))
}

async fn assert_alive(url: &str) {
    let v = call(url, "janus_chainId", json!([])).await;
    assert_eq!(v["result"], json!(CHAIN), "server still answers: {v}");
}

fn leader_handle(s: &crate::store::Store, operator: Address, rpc_url: &str) -> SequencerHandle {
    let h = SequencerHandle::new(funded(s, 2), operator);
    h.set_leader(LeaderInfo {
        operator: Address::repeat_byte(1),
        rpc_url: rpc_url.into(),
        l1_block: 10,
        epoch_end_block: 100,
        next_operator: Address::repeat_byte(3),
        eligible: true,
        ..Default::default()
    });
    h
}

#[tokio::test]
async fn bad_requests_get_stable_errors_and_the_server_keeps_answering() {
    let (_d, s) = store();
    let h = leader_handle(&s, Address::repeat_byte(1), "");
    let srv = RpcServer::start(
        "127.0.0.1:0".parse().expect("addr"),
        h.clone(),
        Arc::new(ForwardClient::new()),
    )
    .await
    .expect("start");
    let url = srv.url();
    let good = transfer(1, 2, 5, 0, CHAIN).encode();
    let mut bad_sig = good;
    bad_sig[136] ^= 1;
    let mut long = good.to_vec();
    long.push(0);

    let v = call_raw(
        &url,
        "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": ".into(),
    )
    .await;
    assert_eq!(code(&v), -32700, "parse error");
    assert_alive(&url).await;
    let cases = [
        (json!(["0xzz"]), INVALID_PARAMS),
        (json!([42]), INVALID_PARAMS),
        (json!([hex::encode_prefixed(&good[..50])]), MALFORMED_TX),
        (json!([hex::encode_prefixed(&long)]), OVERSIZE),
        (json!([hex::encode_prefixed(bad_sig)]), BAD_SIGNATURE),
        (
            json!([hex::encode_prefixed(transfer(1, 2, 5, 0, 7).encode())]),
            BAD_SIGNATURE,
        ),
        (json!([hex::encode_prefixed(good), 7]), WRONG_CHAIN),
        (
            json!([hex::encode_prefixed(transfer(1, 2, 5, 9, CHAIN).encode())]),
            NONCE_GAP,
        ),
        (
            json!([hex::encode_prefixed(transfer(9, 2, 5, 0, CHAIN).encode())]),
            UNKNOWN_SENDER,
        ),
    ];
    for (params, want) in cases {
        let v = call(&url, "janus_sendTransaction", params.clone()).await;
        assert_eq!(code(&v), i64::from(want), "{params} → {v}");
        assert_alive(&url).await;
    }
    let huge = format!("\"0x{}\"", "00".repeat(100_000));
    let resp = reqwest::Client::new()
        .post(&url)
        .header("content-type", "application/json")
        .body(format!(
            "{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"janus_sendTransaction\",\"params\":[{huge}]}}"
        ))
        .send()
        .await
        .expect("http");
    let status = resp.status();
    let body = resp.text().await.unwrap_or_default();
    assert!(
        status.as_u16() == 413 || body.contains("-32007"),
        "oversize body refused: {status} {body}"
    );
    assert_alive(&url).await;

    // A valid transaction: pooled, then included in a block with a signature.
    let v = call(
        &url,
        "janus_sendTransaction",
        json!([hex::encode_prefixed(good), CHAIN]),
    )
    .await;
    let hash = v["result"].as_str().expect("hash").to_string();
    let r = call(&url, "janus_getTransactionReceipt", json!([hash])).await;
    assert_eq!(r["result"]["status"], "pending");
    let b = h
        .lock()
        .produce_block(5 * 250)
        .expect("produce")
        .expect("block");
    let r = call(&url, "janus_getTransactionReceipt", json!([hash])).await;
    assert_eq!(r["result"]["status"], "included");
    assert_eq!(r["result"]["block"], 5);
    let blk = call(&url, "janus_getBlockByNumber", json!([5])).await;
    assert_eq!(blk["result"]["transactions"], json!([hash]));
    assert_eq!(blk["result"]["hash"], json!(b.hash));
    assert_eq!(
        blk["result"]["header"]["stateRoot"],
        json!(b.header.state_root)
    );
    assert_eq!(
        blk["result"]["signature"].as_str().map(str::len),
        Some(2 + 130),
        "65-byte soft confirmation"
    );
    let acct = call(&url, "janus_getAccount", json!([1])).await;
    assert_eq!(acct["result"]["nonce"], 1);
    assert_eq!(
        acct["result"]["balances"][0], "995",
        "1000 - 5 - 1 + 1 (own fee)"
    );
    assert_eq!(
        call(&url, "janus_getAccount", json!([77])).await["result"],
        Value::Null
    );
    let l = call(&url, "janus_leader", json!([])).await;
    assert_eq!(l["result"]["isSelf"], true);
    assert_eq!(l["result"]["epochEndBlock"], 100);
    assert_eq!(
        l["result"]["nextOperator"],
        json!(Address::repeat_byte(3)),
        "who leads from epochEndBlock"
    );
    srv.stop();
}

/// Every answer, read back through the client generated from the one declaration: the typed
/// shapes (the receipt's flattened status, the leader's flattened schedule, balances as decimal
/// strings) decode what the server sends.
#[tokio::test]
async fn the_generated_client_reads_every_answer() {
    use super::JanusApiClient;
    let (_d, s) = store();
    let h = leader_handle(&s, Address::repeat_byte(1), "");
    let srv = serve(&h).await;
    let c = jsonrpsee::http_client::HttpClientBuilder::default()
        .build(srv.url())
        .expect("client");
    assert_eq!(c.chain_id().await.expect("chainId"), CHAIN);
    let record = transfer(1, 2, 5, 0, CHAIN).encode();
    let hash = c
        .send_transaction(record.to_vec().into(), Some(CHAIN), None)
        .await
        .expect("pooled");
    assert_eq!(hash, alloy::primitives::keccak256(record));
    let r = c
        .get_transaction_receipt(hash)
        .await
        .expect("receipt")
        .expect("known");
    assert_eq!((r.hash, r.status), (hash, TxStatus::Pending));
    let b = h
        .lock()
        .produce_block(5 * 250)
        .expect("produce")
        .expect("block");
    let r = c.get_transaction_receipt(hash).await.expect("receipt");
    assert_eq!(r.map(|r| r.status), Some(TxStatus::Included { block: 5 }));
    let blk = c
        .get_block_by_number(5)
        .await
        .expect("block")
        .expect("produced");
    assert_eq!(
        (blk.hash, blk.header, blk.transactions),
        (b.hash, b.header.clone(), vec![hash])
    );
    assert_eq!(blk.signer, h.lock().block_signer(&b));
    assert!(blk.signer.is_some(), "signed");
    assert!(c.get_block_by_number(6).await.expect("block").is_none());
    let a = c.get_account(1).await.expect("account").expect("exists");
    assert_eq!((a.index, a.nonce, a.balances[0]), (1, 1, 995));
    assert!(c.get_account(77).await.expect("account").is_none());
    let l = c.leader().await.expect("leader");
    assert!(l.is_self);
    assert_eq!(l.leader, h.leader(), "every field of the schedule");
    // A refusal keeps its code through the client.
    match c
        .send_transaction(record.to_vec().into(), Some(7), None)
        .await
    {
        Err(jsonrpsee::core::ClientError::Call(e)) => assert_eq!(e.code(), WRONG_CHAIN),
        other => panic!("expected the wrong-chain error, got {other:?}"),
    }
    srv.stop();
}

async fn serve(h: &SequencerHandle) -> RpcServer {
    RpcServer::start(
        "127.0.0.1:0".parse().expect("addr"),
        h.clone(),
        Arc::new(ForwardClient::new()),
    )
    .await
    .expect("rpc server")
}

#[tokio::test]
async fn a_follower_forwards_transactions_to_the_leader() {
    let (_d1, s1) = store();
    let (_d2, s2) = store();
    let leader = leader_handle(&s1, Address::repeat_byte(1), "");
    let srv = serve(&leader).await;
    let follower = leader_handle(&s2, Address::repeat_byte(2), &srv.url());
    let fsrv = serve(&follower).await;
    let tx = hex::encode_prefixed(transfer(1, 2, 5, 0, CHAIN).encode());
    let v = call(&fsrv.url(), "janus_sendTransaction", json!([tx])).await;
    let hash = v["result"]
        .as_str()
        .unwrap_or_else(|| panic!("{v}"))
        .to_string();
    assert_eq!(
        call(&srv.url(), "janus_getTransactionReceipt", json!([hash])).await["result"]["status"],
        "pending",
        "the leader pooled it"
    );
    assert_eq!(follower.lock().mempool.len(), 0, "the follower did not");
    // The leader's error comes back unchanged.
    let v = call(&fsrv.url(), "janus_sendTransaction", json!([tx])).await;
    assert_eq!(code(&v), i64::from(DUPLICATE));
    // A forwarded request never hops again.
    let v = call(
        &fsrv.url(),
        "janus_sendTransaction",
        json!([tx, CHAIN, true]),
    )
    .await;
    assert_eq!(code(&v), i64::from(NOT_LEADER));
    srv.stop();
    fsrv.stop();
}

#[tokio::test]
async fn a_node_that_stops_leading_hands_its_mempool_to_the_leader() {
    let (_d1, s1) = store();
    let (_d2, s2) = store();
    let leader = leader_handle(&s1, Address::repeat_byte(1), "");
    let srv = serve(&leader).await;
    // The old leader pooled two transfers of account 1 while it led.
    let old = leader_handle(&s2, Address::repeat_byte(2), &srv.url());
    let mut hashes = Vec::new();
    for nonce in 0..2 {
        let tx = transfer(1, 2, 5, nonce, CHAIN).encode();
        hashes.push(old.lock().admit(&tx).expect("admitted"));
    }
    // Nobody to hand to: nothing happens. Nor to a jailed leader (its node does not sequence),
    // nor to this node's own operator leading while jailed (it does not sequence either).
    let nobody = LeaderInfo::default();
    assert!(handoff::spawn(&old, &leader_client(), &nobody).is_none());
    let jailed = LeaderInfo {
        eligible: false,
        ..old.leader()
    };
    assert!(handoff::spawn(&old, &leader_client(), &jailed).is_none());
    let own_jailed = LeaderInfo {
        operator: Address::repeat_byte(2),
        eligible: false,
        ..old.leader()
    };
    old.set_leader(own_jailed.clone());
    assert!(!old.is_leader(), "a jailed leader's node does not sequence");
    let osrv = serve(&old).await;
    let tx = hex::encode_prefixed(transfer(1, 2, 5, 9, CHAIN).encode());
    let v = call(&osrv.url(), "janus_sendTransaction", json!([tx])).await;
    assert_eq!(code(&v), i64::from(FORWARD_FAILED), "{v}");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("may not post")),
        "{v}"
    );
    osrv.stop();
    assert!(handoff::spawn(&old, &leader_client(), &own_jailed).is_none());
    old.set_leader(LeaderInfo {
        eligible: true,
        ..own_jailed
    });
    assert!(old.is_leader());
    old.set_leader(LeaderInfo {
        operator: Address::repeat_byte(1),
        ..old.leader()
    });
    // Operator 1 leads now: the hand-off forwards both, in nonce order.
    let task = handoff::spawn(&old, &leader_client(), &old.leader()).expect("task");
    task.await.expect("hand-off");
    assert_eq!(old.lock().mempool.len(), 0, "handed off");
    for h in &hashes {
        assert_eq!(
            old.status(h),
            Some(TxStatus::Forwarded { leader: srv.url() })
        );
        assert_eq!(
            leader.status(h),
            Some(TxStatus::Pending),
            "the leader has it"
        );
    }
    assert!(
        handoff::spawn(&old, &leader_client(), &old.leader()).is_none(),
        "nothing left"
    );
    // An unreachable leader leaves the mempool as it is.
    let tx = transfer(1, 2, 5, 2, CHAIN).encode();
    let h = old.lock().admit(&tx).expect("admitted");
    srv.stop();
    let task = handoff::spawn(&old, &leader_client(), &old.leader()).expect("task");
    task.await.expect("hand-off");
    assert_eq!(old.status(&h), Some(TxStatus::Pending), "kept for a retry");
}

#[tokio::test]
async fn a_web_page_on_any_origin_may_call_the_rpc() {
    let (_d, s) = store();
    let h = leader_handle(&s, Address::repeat_byte(1), "");
    let srv = serve(&h).await;
    let url = srv.url();
    let origin = "http://127.0.0.1:5173";
    // The browser's preflight for a JSON POST.
    let pre = reqwest::Client::new()
        .request(reqwest::Method::OPTIONS, &url)
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .send()
        .await
        .expect("http");
    assert!(
        pre.status().is_success(),
        "preflight refused: {}",
        pre.status()
    );
    let allowed = |r: &reqwest::Response, name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase)
    };
    assert_eq!(
        allowed(&pre, "access-control-allow-origin").as_deref(),
        Some("*")
    );
    assert!(allowed(&pre, "access-control-allow-methods").is_some_and(|m| m.contains("post")));
    assert!(
        allowed(&pre, "access-control-allow-headers").is_some_and(|m| m.contains("content-type"))
    );
    // The call itself carries the header the browser checks before handing the answer over.
    let resp = reqwest::Client::new()
        .post(&url)
        .header("origin", origin)
        .header("content-type", "application/json")
        .body(
            json!({"jsonrpc": "2.0", "id": 1, "method": "janus_chainId", "params": []}).to_string(),
        )
        .send()
        .await
        .expect("http");
    assert_eq!(
        allowed(&resp, "access-control-allow-origin").as_deref(),
        Some("*")
    );
    let v: Value = resp.json().await.expect("json");
    assert_eq!(v["result"], json!(CHAIN));
    srv.stop();
}
