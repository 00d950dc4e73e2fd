//! The finalizer: `Rollup.finalizeBatch` for the next batch to finalize (height
//! `lastFinalizedHeight + 1`) once it is proven or its challenge window is over. Anyone may call
//! it; a node runs it by policy (`FinalizerConfig::enabled`), and it stops at the first batch that
//! is not finalizable yet (finalization advances one height at a time).

use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::{Address, U256};
use alloy::providers::Provider;
use tokio_util::sync::CancellationToken;

use super::{l1_now, send_call, ChallengerError};
use crate::l1::bindings::Rollup;
use crate::l1::rpc;
use crate::l1::{next_height_to_finalize, on_each_head, BatchStatus, HeadStep, L1Head};
use crate::txmgr::{TxError, TxManager};

/// Policy of a [`Finalizer`].
#[derive(Clone, Debug)]
pub struct FinalizerConfig {
    /// Send `finalizeBatch` at all (off: [`Finalizer::run`] returns at once).
    pub enabled: bool,
    /// Most batches finalized per step.
    pub max_per_step: usize,
    /// After a failed step (or one that finalized `max_per_step` batches: more may be ready),
    /// [`Finalizer::run`] steps again after this delay, or at the next L1 head if it comes first.
    pub retry_interval: Duration,
}

impl Default for FinalizerConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            max_per_step: 16,
            retry_interval: Duration::from_secs(12),
        }
    }
}

/// The finalizer (see the module docs).
pub struct Finalizer<P> {
    provider: P,
    rollup: Address,
    txmgr: Arc<TxManager<P>>,
    cfg: FinalizerConfig,
}

impl<P> std::fmt::Debug for Finalizer<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Finalizer")
            .field("rollup", &self.rollup)
            .field("cfg", &self.cfg)
            .finish_non_exhaustive()
    }
}

impl<P: Provider + Clone> Finalizer<P> {
    /// A finalizer for `rollup`, sending with `txmgr`.
    pub fn new(
        provider: P,
        rollup: Address,
        txmgr: Arc<TxManager<P>>,
        cfg: FinalizerConfig,
    ) -> Self {
        Self {
            provider,
            rollup,
            txmgr,
            cfg,
        }
    }

    /// The next batch to finalize, if it is finalizable now.
    pub async fn next_finalizable(&self) -> Result<Option<u64>, ChallengerError> {
        let rollup = Rollup::new(self.rollup, &self.provider);
        let next = next_height_to_finalize(&rollup).await?;
        let tip = rollup.tipHeight().call().await.map_err(rpc("tipHeight"))?;
        if next > tip {
            return Ok(None);
        }
        let id = rollup
            .idAtHeight(next)
            .call()
            .await
            .map_err(rpc("idAtHeight"))?;
        let b = rollup.getBatch(id).call().await.map_err(rpc("getBatch"))?;
        let ready = match b.batch_status() {
            Ok(BatchStatus::Proven) => true,
            Ok(BatchStatus::Pending) => {
                let window = rollup
                    .params()
                    .call()
                    .await
                    .map_err(rpc("params"))?
                    .challengeWindow;
                l1_now(&self.provider).await? >= b.submittedAt.to::<u64>() + window
            }
            _ => false,
        };
        Ok(ready.then_some(id))
    }

    /// Finalize every batch that is finalizable now (at most `max_per_step` tries); returns the
    /// ids this node finalized. When our transaction reverts because another keeper's
    /// `finalizeBatch` for the same batch was mined first (both passed the pre-flight in the same
    /// block), that is logged at info level and the step goes on with the next batch.
    pub async fn step(&self) -> Result<Vec<u64>, ChallengerError> {
        let mut done = Vec::new();
        for _ in 0..self.cfg.max_per_step {
            let Some(id) = self.next_finalizable().await? else {
                break;
            };
            let sent = send_call(
                &self.txmgr,
                self.rollup,
                format!("finalizeBatch {id}"),
                Rollup::finalizeBatchCall { batchId: id },
                U256::ZERO,
            )
            .await;
            match sent {
                Ok(_) => {
                    tracing::info!(target: "janus::finalizer", batch = id, "batch finalized");
                    done.push(id);
                }
                Err(ChallengerError::Tx(TxError::Reverted { .. }))
                    if self.finalized(id).await? =>
                {
                    tracing::info!(target: "janus::finalizer", batch = id, "finalized by another keeper in the same block (ours reverted)");
                }
                Err(e) => return Err(e),
            }
        }
        Ok(done)
    }

    async fn finalized(&self, id: u64) -> Result<bool, ChallengerError> {
        let b = Rollup::new(self.rollup, &self.provider)
            .getBatch(id)
            .call()
            .await
            .map_err(rpc("getBatch"))?;
        Ok(b.batch_status() == Ok(BatchStatus::Finalized))
    }

    /// Step at every new L1 head until `cancel` fires or the watcher stops: a batch becomes
    /// finalizable only with a block (its window ends in L1 time, its proof lands in a block).
    /// A failed step is logged and retried after `retry_interval`.
    pub async fn run(
        self,
        heads: L1Head,
        cancel: CancellationToken,
    ) -> Result<(), ChallengerError> {
        if !self.cfg.enabled {
            return Ok(());
        }
        on_each_head(heads, self.cfg.retry_interval, &cancel, |_| async {
            match self.step().await {
                // A full step: more batches may be ready now.
                Ok(done) if done.len() >= self.cfg.max_per_step => HeadStep::Retry,
                other => ChallengerError::head_step(other, "finalizer", "finalize step"),
            }
        })
        .await;
        Ok(())
    }
}
