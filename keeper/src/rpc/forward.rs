//! Forwarding a transaction to the leader's node over its L2 JSON-RPC (http only), with the
//! client jsonrpsee generates from [`super::JanusApi`]: the RPC forwards `janus_sendTransaction`
//! from a node that does not lead, and the sequencer's hand-off forwards its mempool
//! ([`LeaderClient`]).

use std::sync::Mutex;
use std::time::Duration;

use alloy::primitives::{Bytes, B256};
use jsonrpsee::core::ClientError;
use jsonrpsee::http_client::{HttpClient, HttpClientBuilder};

use super::api::JanusApiClient;
use super::error::FORWARD_FAILED;
use crate::sequencer::{ForwardError, ForwardFuture, LeaderClient};

/// How long the leader has to answer.
const TIMEOUT: Duration = Duration::from_secs(5);

/// A client of the leader's RPC, kept for the last URL used (the leader changes once an epoch).
#[derive(Debug, Default)]
pub struct ForwardClient {
    last: Mutex<Option<(String, HttpClient)>>,
}

impl ForwardClient {
    /// A client with no connection yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn client_for(&self, url: &str) -> Result<HttpClient, ForwardError> {
        if !url.starts_with("http://") {
            return Err(ForwardError::Unavailable(format!(
                "leader RPC URL {url:?} is not an http:// URL"
            )));
        }
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((_, c)) = last.as_ref().filter(|(u, _)| u == url) {
            return Ok(c.clone());
        }
        let client = HttpClientBuilder::default()
            .request_timeout(TIMEOUT)
            .build(url)
            .map_err(|e| ForwardError::Unavailable(format!("leader RPC URL {url}: {e}")))?;
        *last = Some((url.to_string(), client.clone()));
        Ok(client)
    }

    /// Send `record` to the leader at `url`, marked forwarded.
    pub async fn send(
        &self,
        url: &str,
        record: &[u8],
        chain_id: u64,
    ) -> Result<B256, ForwardError> {
        let client = self.client_for(url)?;
        client
            .send_transaction(Bytes::copy_from_slice(record), Some(chain_id), Some(true))
            .await
            .map_err(|e| match e {
                // The leader itself could not take it now (it forwards too, or may not post).
                ClientError::Call(e) if e.code() == FORWARD_FAILED => {
                    ForwardError::Unavailable(e.message().to_string())
                }
                ClientError::Call(e) => ForwardError::Refused {
                    code: e.code(),
                    message: e.message().to_string(),
                },
                e => ForwardError::Unavailable(format!("forwarding to the leader at {url}: {e}")),
            })
    }
}

impl LeaderClient for ForwardClient {
    fn forward<'a>(&'a self, url: &'a str, record: &'a [u8], chain_id: u64) -> ForwardFuture<'a> {
        Box::pin(self.send(url, record, chain_id))
    }
}
