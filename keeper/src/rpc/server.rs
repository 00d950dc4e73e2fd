//! The L2 JSON-RPC server: [`RpcServer`] serves [`JanusApiServer`] over http (CORS open, bodies up
//! to [`MAX_REQUEST_BYTES`]) from the sequencer's handle. A node that does not lead forwards
//! `janus_sendTransaction` to the leader ([`ForwardClient`]) and returns its answer unchanged.

use std::net::SocketAddr;
use std::sync::Arc;

use alloy::primitives::{Address, Bytes, B256};
use axum::http::{header, Method};
use jsonrpsee::core::{async_trait, RpcResult};
use jsonrpsee::server::{Server, ServerConfig, ServerHandle};
use tower_http::cors::{Any, CorsLayer};

use super::api::JanusApiServer;
use super::error::{err, mempool_error, sequencer_error, RpcError, FORWARD_FAILED, NOT_LEADER};
use super::types::{RpcAccount, RpcBlock, RpcLeader, RpcReceipt};
use crate::sequencer::{ForwardError, LeaderClient, MempoolError, SequencerHandle};

/// Largest request body accepted (a transaction is 137 bytes; this leaves room for batches).
pub const MAX_REQUEST_BYTES: u32 = 64 * 1024;

/// The methods' implementation over the sequencer.
#[derive(Debug)]
struct Janus {
    seq: SequencerHandle,
    forward: Arc<dyn LeaderClient>,
}

#[async_trait]
impl JanusApiServer for Janus {
    fn chain_id(&self) -> RpcResult<u64> {
        Ok(self.seq.chain_id())
    }

    async fn send_transaction(
        &self,
        record: Bytes,
        chain_id: Option<u64>,
        forwarded: Option<bool>,
    ) -> RpcResult<B256> {
        let expected = self.seq.chain_id();
        if let Some(got) = chain_id.filter(|c| *c != expected) {
            return Err(mempool_error(&MempoolError::WrongChain { got, expected }));
        }
        if !self.seq.is_leader() {
            if forwarded == Some(true) {
                return Err(err(
                    NOT_LEADER,
                    "forwarded transaction reached a node that does not lead",
                ));
            }
            let leader = self.seq.leader();
            if leader.operator != Address::ZERO && !leader.eligible {
                return Err(err(
                    FORWARD_FAILED,
                    format!(
                        "the leader {} may not post (jailed or under the minimum stake) until a keeper hands its epoch to the next member; retry shortly",
                        leader.operator
                    ),
                ));
            }
            return self
                .forward
                .forward(&leader.rpc_url, &record, expected)
                .await
                .map_err(|e| match e {
                    ForwardError::Unavailable(m) => err(FORWARD_FAILED, m),
                    ForwardError::Refused { code, message } => err(code, message),
                });
        }
        self.seq.submit(&record).map_err(|e| mempool_error(&e))
    }

    fn get_account(&self, index: u32) -> RpcResult<Option<RpcAccount>> {
        Ok(self.seq.account(index).map(|a| RpcAccount {
            index,
            key: Bytes::copy_from_slice(&a.key),
            nonce: a.nonce,
            balances: a.balances.to_vec(),
        }))
    }

    fn get_transaction_receipt(&self, hash: B256) -> RpcResult<Option<RpcReceipt>> {
        Ok(self
            .seq
            .status(&hash)
            .map(|status| RpcReceipt { hash, status }))
    }

    fn get_block_by_number(&self, number: u64) -> RpcResult<Option<RpcBlock>> {
        let block = self.seq.block(number).map_err(|e| sequencer_error(&e))?;
        Ok(block.map(|b| RpcBlock {
            hash: b.hash,
            signer: self.seq.lock().block_signer(&b),
            transactions: b.tx_hashes(),
            messages: b.messages.len(),
            header: b.header,
            signature: b.signature,
        }))
    }

    fn leader(&self) -> RpcResult<RpcLeader> {
        Ok(RpcLeader {
            leader: self.seq.leader(),
            is_self: self.seq.is_leader(),
        })
    }
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

/// A running JSON-RPC server.
#[derive(Debug)]
pub struct RpcServer {
    addr: SocketAddr,
    handle: ServerHandle,
}

impl RpcServer {
    /// Bind `addr` (port 0: any free port) and serve `seq` over http until [`Self::stop`];
    /// a transaction sent while this node does not lead goes to the leader through `forward`
    /// (the client the sequencer's hand-off uses too).
    pub async fn start(
        addr: SocketAddr,
        seq: SequencerHandle,
        forward: Arc<dyn LeaderClient>,
    ) -> Result<Self, RpcError> {
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
        let janus = Janus { seq, forward };
        let handle = server.start(janus.into_rpc());
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
