//! Metric names (one place, so dashboards and the code agree) and the recorder install.
//!
//! | name | kind | meaning |
//! | --- | --- | --- |
//! | `janus_l1_head` | gauge | latest L1 block number seen |
//! | `janus_l1_head_lag_blocks` | gauge | L1 head minus the last block the watcher processed |
//! | `janus_l1_reorgs_total` | counter | L1 reorgs detected (derived state rolled back) |
//! | `janus_derived_batches` | gauge | canonical batches derived from L1 |
//! | `janus_mempool_size` | gauge | transactions waiting in the mempool |
//! | `janus_l2_blocks_total` | counter | L2 blocks produced and soft-confirmed |
//! | `janus_batches_posted_total` | counter | batches this node posted to L1 |
//! | `janus_challenges_total` | counter | challenges this node opened |
//! | `janus_l1_nonce` | gauge | next nonce of the node's L1 signer |
//! | `janus_l1_txs_sent_total` | counter | L1 transactions broadcast (first attempts) |
//! | `janus_l1_fee_bumps_total` | counter | fee-bump replacements broadcast |
//! | `janus_prover_proofs_total` | counter | proofs this node's prover got accepted on L1 |
//! | `janus_prover_proofs_lost_total` | counter | proofs made for nothing: the batch was proven, finalized or reverted by others first |
//! | `janus_prover_proof_seconds` | gauge | last batch: seconds to prove and wrap |
//! | `janus_prover_seconds_per_record` | gauge | the same per record (transaction or L1 message; 1 for an empty batch) |
//! | `janus_prover_rewards_gwei_total` | counter | bounties and challengers' bonds credited to this prover (gwei) |

use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

use super::OpsError;

/// Latest L1 block number seen.
pub const L1_HEAD: &str = "janus_l1_head";
/// L1 head minus the last processed block.
pub const L1_HEAD_LAG: &str = "janus_l1_head_lag_blocks";
/// L1 reorgs detected.
pub const L1_REORGS: &str = "janus_l1_reorgs_total";
/// Canonical batches derived.
pub const DERIVED_BATCHES: &str = "janus_derived_batches";
/// Mempool size.
pub const MEMPOOL_SIZE: &str = "janus_mempool_size";
/// L2 blocks produced.
pub const L2_BLOCKS: &str = "janus_l2_blocks_total";
/// Batches posted by this node.
pub const BATCHES_POSTED: &str = "janus_batches_posted_total";
/// Challenges opened by this node.
pub const CHALLENGES: &str = "janus_challenges_total";
/// Next L1 nonce of the node's signer.
pub const L1_NONCE: &str = "janus_l1_nonce";
/// L1 transactions sent.
pub const L1_TXS_SENT: &str = "janus_l1_txs_sent_total";
/// Fee bumps.
pub const L1_FEE_BUMPS: &str = "janus_l1_fee_bumps_total";

/// Proofs accepted on L1.
pub const PROOFS: &str = "janus_prover_proofs_total";
/// Proofs lost to someone faster (or to optimistic finality, or to a revert).
pub const PROOFS_LOST: &str = "janus_prover_proofs_lost_total";
/// Seconds to prove and wrap the last batch.
pub const PROOF_SECONDS: &str = "janus_prover_proof_seconds";
/// The same per record.
pub const PROOF_SECONDS_PER_RECORD: &str = "janus_prover_seconds_per_record";
/// Rewards credited to the prover, gwei.
pub const PROVER_REWARDS_GWEI: &str = "janus_prover_rewards_gwei_total";

/// Install the process-wide Prometheus recorder (once: nodes embedded in one process, as in
/// `janus devnet`, share it); render with the returned handle.
pub fn install() -> Result<PrometheusHandle, OpsError> {
    static HANDLE: std::sync::Mutex<Option<PrometheusHandle>> = std::sync::Mutex::new(None);
    let mut slot = HANDLE.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(h) = slot.as_ref() {
        return Ok(h.clone());
    }
    let handle = PrometheusBuilder::new()
        .install_recorder()
        .map_err(OpsError::Recorder)?;
    *slot = Some(handle.clone());
    Ok(handle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use metrics_exporter_prometheus::PrometheusBuilder;

    #[test]
    fn recorded_values_render_under_their_names() {
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        ::metrics::with_local_recorder(&recorder, || {
            ::metrics::counter!(L1_TXS_SENT).increment(3);
            ::metrics::counter!(L1_FEE_BUMPS).increment(1);
            ::metrics::gauge!(L1_NONCE).set(7.0);
            ::metrics::counter!(L1_REORGS).increment(2);
        });
        let text = handle.render();
        assert!(text.contains("janus_l1_txs_sent_total 3"), "{text}");
        assert!(text.contains("janus_l1_fee_bumps_total 1"), "{text}");
        assert!(text.contains("janus_l1_nonce 7"), "{text}");
        assert!(text.contains("janus_l1_reorgs_total 2"), "{text}");
    }
}
