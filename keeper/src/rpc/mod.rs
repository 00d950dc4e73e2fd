//! The L2 JSON-RPC (http, jsonrpsee): `janus_sendTransaction`, `janus_getAccount`,
//! `janus_getTransactionReceipt`, `janus_getBlockByNumber`, `janus_leader`, `janus_chainId`.
//! Methods, shapes and the stable error codes are documented in `docs/keeper-rpc.md`.
//! A node that does not lead forwards `janus_sendTransaction` to the leader's RPC URL ([`forward`]).
//!
//! | module | owns |
//! | --- | --- |
//! | [`error`] | error codes, mapping of sequencer errors, [`RpcError`] |
//! | [`forward`] | forwarding to the leader with reqwest |

pub mod error;
pub mod forward;

pub use error::RpcError;

use std::net::SocketAddr;

use alloy::primitives::{hex, B256};
use axum::http::{header, Method};
use jsonrpsee::server::{Server, ServerConfig, ServerHandle};
use jsonrpsee::types::{ErrorObjectOwned, Params};
use jsonrpsee::RpcModule;
use serde_json::{json, Value};
use tower_http::cors::{Any, CorsLayer};

use crate::sequencer::{MempoolError, SequencerHandle};
use error::{err, mempool_error, sequencer_error, FORWARD_FAILED, INVALID_PARAMS, NOT_LEADER};

/// Largest request body accepted (a transaction is 137 bytes; this leaves room for batches).
pub const MAX_REQUEST_BYTES: u32 = 64 * 1024;

/// State shared by the methods.
#[derive(Debug)]
struct Ctx {
    seq: SequencerHandle,
    client: reqwest::Client,
}

/// A running JSON-RPC server.
#[derive(Debug)]
pub struct RpcServer {
    addr: SocketAddr,
    handle: ServerHandle,
}

fn parse_hex(s: &str) -> Result<Vec<u8>, ErrorObjectOwned> {
    hex::decode(s).map_err(|e| err(INVALID_PARAMS, format!("bad hex: {e}")))
}

async fn send_transaction(params: Params<'static>, ctx: &Ctx) -> Result<Value, ErrorObjectOwned> {
    let mut seq = params.sequence();
    let tx_hex: String = seq.next()?;
    let chain_id: Option<u64> = seq.optional_next()?;
    let forwarded: Option<bool> = seq.optional_next()?;
    let bytes = parse_hex(&tx_hex)?;
    let expected = ctx.seq.chain_id();
    if let Some(got) = chain_id.filter(|c| *c != expected) {
        return Err(mempool_error(&MempoolError::WrongChain { got, expected }));
    }
    if !ctx.seq.is_leader() {
        if forwarded == Some(true) {
            return Err(err(
                NOT_LEADER,
                "forwarded transaction reached a node that does not lead",
            ));
        }
        let leader = ctx.seq.leader();
        if leader.operator != alloy::primitives::Address::ZERO && !leader.eligible {
            return Err(err(
                FORWARD_FAILED,
                format!(
                    "the leader {} may not post (jailed or under the minimum stake) until a keeper hands its epoch to the next member; retry shortly",
                    leader.operator
                ),
            ));
        }
        return forward::forward_send(&ctx.client, &leader.rpc_url, &tx_hex, expected).await;
    }
    let hash = ctx.seq.submit(&bytes).map_err(|e| mempool_error(&e))?;
    Ok(json!(hash))
}

fn get_account(params: Params<'_>, ctx: &Ctx) -> Result<Value, ErrorObjectOwned> {
    let index: u32 = params.one()?;
    Ok(match ctx.seq.account(index) {
        None => Value::Null,
        Some(a) => json!({
            "index": index,
            "key": hex::encode_prefixed(a.key),
            "nonce": a.nonce,
            "balances": a.balances.iter().map(|b| b.to_string()).collect::<Vec<_>>(),
        }),
    })
}

fn get_receipt(params: Params<'_>, ctx: &Ctx) -> Result<Value, ErrorObjectOwned> {
    let hash: B256 = params.one()?;
    Ok(match ctx.seq.status(&hash) {
        None => Value::Null,
        Some(s) => {
            let mut v = json!(s);
            v["hash"] = json!(hash);
            v
        }
    })
}

fn get_block(params: Params<'_>, ctx: &Ctx) -> Result<Value, ErrorObjectOwned> {
    let number: u64 = params.one()?;
    let block = ctx.seq.block(number).map_err(|e| sequencer_error(&e))?;
    Ok(match block {
        None => Value::Null,
        Some(b) => json!({
            "hash": b.hash,
            "header": b.header,
            "transactions": b.tx_hashes(),
            "messages": b.messages.len(),
            "signature": b.signature,
            "signer": ctx.seq.lock().block_signer(&b),
        }),
    })
}

/// Any origin may call the RPC from a browser (docs/keeper-rpc.md): it is public and
/// unauthenticated, the same methods answer anyone with curl, and no cookie or credential is
/// involved; without these headers a web page (web/, the app) cannot call a keeper at all.
fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::POST])
        .allow_headers([header::CONTENT_TYPE])
}

impl RpcServer {
    /// Bind `addr` (port 0: any free port) and serve `seq` over http until [`Self::stop`].
    pub async fn start(addr: SocketAddr, seq: SequencerHandle) -> Result<Self, RpcError> {
        let cfg = ServerConfig::builder()
            .http_only()
            .max_request_body_size(MAX_REQUEST_BYTES)
            .build();
        let server = Server::builder()
            .set_config(cfg)
            .set_http_middleware(tower::ServiceBuilder::new().layer(cors()))
            .build(addr)
            .await?;
        let addr = server.local_addr()?;
        let ctx = Ctx {
            seq,
            client: reqwest::Client::new(),
        };
        let mut m = RpcModule::new(ctx);
        m.register_async_method("janus_sendTransaction", |p, ctx, _| async move {
            send_transaction(p, &ctx).await
        })?;
        m.register_method("janus_getAccount", |p, ctx, _| get_account(p, ctx))?;
        m.register_method("janus_getTransactionReceipt", |p, ctx, _| {
            get_receipt(p, ctx)
        })?;
        m.register_method("janus_getBlockByNumber", |p, ctx, _| get_block(p, ctx))?;
        m.register_method("janus_leader", |_, ctx, _| {
            let l = ctx.seq.leader();
            Ok::<_, ErrorObjectOwned>(json!({
                "operator": l.operator,
                "signer": l.signer,
                "rpcUrl": l.rpc_url,
                "l1Block": l.l1_block,
                "epochEndBlock": l.epoch_end_block,
                "nextOperator": l.next_operator,
                "isSelf": ctx.seq.is_leader(),
            }))
        })?;
        m.register_method("janus_chainId", |_, ctx, _| {
            Ok::<_, ErrorObjectOwned>(ctx.seq.chain_id())
        })?;
        let handle = server.start(m);
        tracing::info!(target: "janus::rpc", %addr, "JSON-RPC listening");
        Ok(Self { addr, handle })
    }

    /// The bound address.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://` URL of the server.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A handle to stop the server or wait for it.
    pub fn handle(&self) -> ServerHandle {
        self.handle.clone()
    }

    /// Stop serving.
    pub fn stop(&self) {
        let _ = self.handle.stop();
    }
}

#[cfg(test)]
mod tests;
