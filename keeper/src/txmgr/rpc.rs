//! RPC calls with the manager's retry policy: transport errors (connection refused, timeouts,
//! HTTP errors, garbled responses) are retried with exponential backoff until cancelled; an error
//! *response* from the node is an answer and is returned to the caller.

use std::future::Future;

use alloy::primitives::Bytes;
use alloy::providers::Provider;
use alloy::transports::{RpcError, TransportErrorKind};
use tokio_util::sync::CancellationToken;

use super::{TxError, TxManagerConfig};
use crate::retry::{Backoff, RetryPolicy, TransportOnly};

/// Why a call did not return a value: the node's error response, an error the policy does not
/// retry, or (cancelled while retrying) the last transport error.
pub(super) type CallError = RpcError<TransportErrorKind>;

pub(super) struct Rpc<P> {
    provider: P,
    cfg: TxManagerConfig,
    pub(super) cancel: CancellationToken,
    /// Transport errors retried so far.
    pub(super) retries: std::sync::atomic::AtomicU64,
}

/// The node's own message (an error response), or the provider's wording of anything else.
fn message_of(e: &CallError) -> String {
    match e {
        RpcError::ErrorResp(payload) => payload.message.to_ascii_lowercase(),
        other => other.to_string().to_ascii_lowercase(),
    }
}

/// Whether a node's rejection means the nonce is already used (by us or someone else).
pub(super) fn is_nonce_error(e: &CallError) -> bool {
    let m = message_of(e);
    m.contains("nonce too low")
        || m.contains("nonce is too low")
        || m.contains("already known")
        || m.contains("replacement transaction underpriced")
        || m.contains("already imported")
}

impl<P: Provider + Clone> Rpc<P> {
    pub(super) fn new(provider: P, cfg: TxManagerConfig, cancel: CancellationToken) -> Self {
        Self {
            provider,
            cfg,
            cancel,
            retries: Default::default(),
        }
    }

    pub(super) fn cancelled(&self) -> bool {
        self.cancel.is_cancelled()
    }

    /// Run `f` until it returns anything but a transport error (or the manager is cancelled).
    pub(super) async fn call<T, F, Fut>(&self, what: &'static str, f: F) -> Result<T, CallError>
    where
        F: Fn(P) -> Fut,
        Fut: Future<Output = Result<T, RpcError<TransportErrorKind>>>,
    {
        let mut backoff = Backoff::new(self.cfg.backoff_min, self.cfg.backoff_max);
        loop {
            match f(self.provider.clone()).await {
                Ok(v) => return Ok(v),
                Err(e) if !TransportOnly.should_retry(&e) => return Err(e),
                Err(e) => {
                    if self.cancel.is_cancelled() {
                        return Err(e);
                    }
                    self.retries
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let delay = backoff.next_delay();
                    tracing::warn!(target: "janus::txmgr", %what, error = %e, ?delay,
                        "rpc transport error; backing off");
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = self.cancel.cancelled() => return Err(e),
                    }
                }
            }
        }
    }

    /// Like [`Self::call`] for reads: an error response is unexpected and fails the submission.
    pub(super) async fn retry<T, F, Fut>(&self, what: &'static str, f: F) -> Result<T, TxError>
    where
        F: Fn(P) -> Fut,
        Fut: Future<Output = Result<T, RpcError<TransportErrorKind>>>,
    {
        match self.call(what, f).await {
            Ok(v) => Ok(v),
            Err(_) if self.cancel.is_cancelled() => Err(TxError::Cancelled),
            Err(source) => Err(TxError::Rpc { what, source }),
        }
    }

    /// Broadcast a signed envelope. `Ok(Err(answer))`: the node refused it.
    pub(super) async fn broadcast(&self, raw: &Bytes) -> Result<Result<(), CallError>, TxError> {
        let r = self
            .call("send raw tx", |p| {
                let raw = raw.clone();
                async move { p.send_raw_transaction(&raw).await.map(|_| ()) }
            })
            .await;
        match r {
            Err(_) if self.cancel.is_cancelled() => Err(TxError::Cancelled),
            Err(e) if message_of(&e).contains("already known") => Ok(Ok(())),
            other => Ok(other),
        }
    }
}
