//! A node's L2 JSON-RPC as the traffic generator and the scenario call it: the client jsonrpsee
//! generates from [`JanusApi`](crate::rpc::api::JanusApi), with the node's URL in every error.

use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::{Bytes, B256};
use jsonrpsee::core::ClientError;
use jsonrpsee::http_client::{HttpClient, HttpClientBuilder};

use super::error::DevnetError;
use crate::rpc::{JanusApiClient, RpcAccount, RpcReceipt};

/// One node's L2 RPC endpoint.
#[derive(Clone, Debug)]
pub struct L2Client {
    url: String,
    rpc: Result<HttpClient, Arc<ClientError>>,
}

impl L2Client {
    /// A client of `url` (a malformed URL fails at the first call, with the URL in the error).
    pub fn new(url: impl Into<String>) -> Self {
        let url = url.into();
        let rpc = HttpClientBuilder::default()
            .request_timeout(Duration::from_secs(5))
            .build(&url)
            .map_err(Arc::new);
        Self { url, rpc }
    }

    /// The endpoint.
    pub fn url(&self) -> &str {
        &self.url
    }

    fn err(
        &self,
        method: &str,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> DevnetError {
        DevnetError::L2 {
            method: method.to_string(),
            url: self.url.clone(),
            source: Box::new(source),
        }
    }

    /// The client, or the reason it could not be built.
    fn rpc(&self, method: &str) -> Result<&HttpClient, DevnetError> {
        self.rpc.as_ref().map_err(|e| self.err(method, e.clone()))
    }

    /// A call's outcome, with the method and this node's URL on its error.
    fn answer<T>(&self, method: &str, r: Result<T, ClientError>) -> Result<T, DevnetError> {
        r.map_err(|e| self.err(method, e))
    }

    /// `janus_sendTransaction`: the transaction's hash.
    pub async fn send(&self, tx: &[u8], chain_id: u64) -> Result<B256, DevnetError> {
        const M: &str = "janus_sendTransaction";
        let record = Bytes::copy_from_slice(tx);
        let r = self
            .rpc(M)?
            .send_transaction(record, Some(chain_id), None)
            .await;
        self.answer(M, r)
    }

    /// `janus_getAccount` (None: no such account yet).
    pub async fn account(&self, index: u32) -> Result<Option<RpcAccount>, DevnetError> {
        const M: &str = "janus_getAccount";
        let r = self.rpc(M)?.get_account(index).await;
        self.answer(M, r)
    }

    /// `janus_getTransactionReceipt`: where the transaction stands, if the node knows it.
    pub async fn receipt(&self, hash: B256) -> Result<Option<RpcReceipt>, DevnetError> {
        const M: &str = "janus_getTransactionReceipt";
        let r = self.rpc(M)?.get_transaction_receipt(hash).await;
        self.answer(M, r)
    }
}
