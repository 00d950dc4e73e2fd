//! Mempool hand-off: a node that does not lead (its epoch ended, it was taken over, or it
//! restarted as a follower) forwards the transactions left in its mempool to the leader's RPC, so
//! a user's transaction is never stranded on a node that will not include it. Each transaction
//! leaves the mempool once the leader answered (accepted, or refused for good: its verdict is the
//! leader's to give, e.g. a nonce already used); it stays when the leader could not take it now,
//! and the next tick tries again. Its status becomes `forwarded` with the leader's URL.
//!
//! The sequencer reaches the leader through [`LeaderClient`], a trait it owns: the JSON-RPC
//! (`rpc::ForwardClient`) implements it, so the sequencer does not depend on the RPC's codes.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use alloy::primitives::{Address, B256};

use super::{LeaderInfo, SequencerHandle};

/// Why the leader did not take a forwarded transaction.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ForwardError {
    /// The leader could not take it now (unreachable, a bad answer, or it said so itself): the
    /// transaction stays and is forwarded again later.
    #[error("the leader is unavailable: {0}")]
    Unavailable(String),
    /// The leader answered with a verdict on the transaction (its JSON-RPC error): final.
    #[error("the leader refused it ({code}): {message}")]
    Refused {
        /// The leader's JSON-RPC error code (docs/keeper-rpc.md).
        code: i32,
        /// The leader's message.
        message: String,
    },
}

/// A boxed future of a forwarded transaction's outcome.
pub type ForwardFuture<'a> = Pin<Box<dyn Future<Output = Result<B256, ForwardError>> + Send + 'a>>;

/// Sends a transaction record to the leader's node, marked as forwarded so it is never forwarded
/// again; resolves to the leader's hash of it.
pub trait LeaderClient: Send + Sync + std::fmt::Debug {
    /// Forward `record` (chain `chain_id`) to the leader's L2 RPC at `url`.
    fn forward<'a>(&'a self, url: &'a str, record: &'a [u8], chain_id: u64) -> ForwardFuture<'a>;
}

/// Start a hand-off of the mempool to `leader` when there is something to hand and someone to
/// hand it to; returns the task.
pub fn spawn(
    handle: &SequencerHandle,
    client: &Arc<dyn LeaderClient>,
    leader: &LeaderInfo,
) -> Option<tokio::task::JoinHandle<()>> {
    // Nobody to hand to: no leader, no URL, a leader that may not post (jailed: its node does
    // not sequence), or this node's own operator (leading but not eligible).
    if leader.operator == Address::ZERO
        || leader.rpc_url.is_empty()
        || !leader.eligible
        || leader.operator == handle.operator()
    {
        return None;
    }
    let pending = handle.lock().pending_records();
    if pending.is_empty() {
        return None;
    }
    let (handle, client, url) = (handle.clone(), client.clone(), leader.rpc_url.clone());
    Some(tokio::spawn(async move {
        let chain = handle.chain_id();
        let mut handed = 0usize;
        for (hash, key, bytes) in pending {
            match client.forward(&url, &bytes, chain).await {
                Err(ForwardError::Unavailable(e)) => {
                    tracing::debug!(target: "janus::sequencer", leader = %url, error = %e, "hand-off: leader unavailable; retrying later");
                    break;
                }
                Err(e) if !handle.is_leader() => {
                    tracing::debug!(target: "janus::sequencer", %hash, error = %e, "hand-off: the leader refused it");
                    handle.lock().forwarded(hash, key, &url);
                }
                Err(_) => break,
                Ok(_) if !handle.is_leader() => {
                    handed += 1;
                    handle.lock().forwarded(hash, key, &url);
                }
                Ok(_) => break,
            }
        }
        if handed > 0 {
            tracing::info!(target: "janus::sequencer", handed, leader = %url, "mempool handed to the leader");
        }
    }))
}
