//! Mempool hand-off: a node that does not lead (its epoch ended, it was taken over, or it
//! restarted as a follower) forwards the transactions left in its mempool to the leader's RPC, so
//! a user's transaction is never stranded on a node that will not include it. Each transaction
//! leaves the mempool once the leader answered (accepted, or refused for good: its verdict is the
//! leader's to give, e.g. a nonce already used); it stays when the leader could not be reached, and
//! the next tick tries again. Its status becomes `forwarded` with the leader's URL.

use alloy::primitives::Address;

use super::{LeaderInfo, SequencerHandle};
use crate::rpc::error::FORWARD_FAILED;
use crate::rpc::forward::forward_send;

/// Start a hand-off of the mempool to `leader` when there is something to hand and someone to
/// hand it to; returns the task.
pub fn spawn(
    handle: &SequencerHandle,
    http: &reqwest::Client,
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
    let (handle, http, url) = (handle.clone(), http.clone(), leader.rpc_url.clone());
    Some(tokio::spawn(async move {
        let chain = handle.chain_id();
        let mut handed = 0usize;
        for (hash, key, bytes) in pending {
            let hex = alloy::hex::encode_prefixed(&bytes);
            match forward_send(&http, &url, &hex, chain).await {
                Err(e) if e.code() == FORWARD_FAILED => {
                    tracing::debug!(target: "janus::sequencer", leader = %url, error = %e.message(), "hand-off: leader unreachable; retrying later");
                    break;
                }
                Err(e) if !handle.is_leader() => {
                    tracing::debug!(target: "janus::sequencer", %hash, error = %e.message(), "hand-off: the leader refused it");
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
