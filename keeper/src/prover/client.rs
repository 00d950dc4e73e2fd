//! [`ProverClient`]: decides which batches to prove under the policy, proves them on a blocking
//! thread, and runs the role's loop over the jobs derivation sends (the submission is in
//! `submit.rs`).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use alloy::primitives::Address;
use alloy::providers::Provider;
use janus_l2::batch::Batch;
use janus_prover::prover::batch::{check_data_binding, BatchProver};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::l1::bindings::Rollup;
use crate::l1::{next_height_to_finalize, rpc, BatchStatus};
use crate::ops::metrics;
use crate::txmgr::{TxManager, TxOutcome};

use super::{
    merge_jobs, ProveJob, ProveReason, ProvenBatch, ProverClientConfig, ProverClientError,
};

/// The prover client (see the module docs).
pub struct ProverClient<P> {
    pub(super) provider: P,
    pub(super) rollup: Address,
    pub(super) prover: Arc<BatchProver>,
    pub(super) txmgr: Arc<TxManager<P>>,
    pub(super) cfg: ProverClientConfig,
    /// Last measured time to prove and wrap a batch (`cfg.prove_estimate` until measured).
    measured: Mutex<Option<Duration>>,
}

impl<P> std::fmt::Debug for ProverClient<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProverClient")
            .field("rollup", &self.rollup)
            .field("cfg", &self.cfg)
            .finish_non_exhaustive()
    }
}

pub(super) async fn blocking<T: Send + 'static>(
    batch_id: u64,
    f: impl FnOnce() -> Result<T, janus_prover::ProverError> + Send + 'static,
) -> Result<T, ProverClientError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(ProverClientError::Task)?
        .map_err(|source| ProverClientError::Prover { batch_id, source })
}

impl<P: Provider + Clone> ProverClient<P> {
    /// A client proving with `prover` (built for the L2 chain id and a slot count:
    /// `BatchProver::with_chain_id`) and submitting to `rollup` with `txmgr`.
    pub fn new(
        provider: P,
        rollup: Address,
        prover: Arc<BatchProver>,
        txmgr: Arc<TxManager<P>>,
        cfg: ProverClientConfig,
    ) -> Self {
        Self {
            provider,
            rollup,
            prover,
            txmgr,
            cfg,
            measured: Mutex::new(None),
        }
    }

    /// Expected time to prove and wrap a batch: the last measured one, else the configured
    /// estimate.
    pub fn prove_time(&self) -> Duration {
        self.measured
            .lock()
            .ok()
            .and_then(|m| *m)
            .unwrap_or(self.cfg.prove_estimate)
    }

    pub(super) fn record_prove_time(&self, d: Duration) {
        if let Ok(mut m) = self.measured.lock() {
            *m = Some(d);
        }
    }

    pub(super) fn contract(&self) -> Rollup::RollupInstance<&P> {
        Rollup::new(self.rollup, &self.provider)
    }

    /// Whether (and why) to prove `batch_id` under the policy.
    pub async fn decide(&self, batch_id: u64) -> Result<Option<ProveReason>, ProverClientError> {
        let rollup = self.contract();
        if !rollup
            .isCanonical(batch_id)
            .call()
            .await
            .map_err(rpc("isCanonical"))?
        {
            return Ok(None);
        }
        let b = rollup
            .getBatch(batch_id)
            .call()
            .await
            .map_err(rpc("getBatch"))?;
        let ours = self.cfg.own_operators.contains(&b.operator);
        Ok(match b.batch_status() {
            Ok(BatchStatus::Challenged) if ours => Some(ProveReason::Defend),
            Ok(BatchStatus::Challenged) if self.cfg.bounty => Some(ProveReason::Bounty),
            Ok(BatchStatus::Pending)
                if self.cfg.bounty && self.bounty_pays(batch_id, &b).await? =>
            {
                Some(ProveReason::Bounty)
            }
            _ => None,
        })
    }

    /// Whether a proof of the pending batch `b` would earn the bounty (see the module docs).
    async fn bounty_pays(
        &self,
        id: u64,
        b: &crate::l1::bindings::IRollup::Batch,
    ) -> Result<bool, ProverClientError> {
        let rollup = self.contract();
        let next = next_height_to_finalize(&rollup).await?;
        if b.height != next {
            tracing::debug!(target: "janus::prover", batch = id, height = b.height, next, "not the next batch to finalize: a proof earns no bounty");
            return Ok(false);
        }
        let params = rollup.params().call().await.map_err(rpc("params"))?;
        let pool = rollup
            .bountyPool()
            .call()
            .await
            .map_err(rpc("bountyPool"))?;
        if params.proverBounty == 0 || pool.is_zero() {
            tracing::debug!(target: "janus::prover", batch = id, %pool, "no bounty to earn");
            return Ok(false);
        }
        let closes = b
            .submittedAt
            .to::<u64>()
            .saturating_add(params.challengeWindow);
        let now = crate::challenger::l1_now(&self.provider).await?;
        let need = self.prove_time().as_secs();
        if now.saturating_add(need) >= closes {
            tracing::info!(target: "janus::prover", batch = id, left_s = closes.saturating_sub(now), need_s = need, "challenge window closes before a proof would land: left to optimistic finality");
            return Ok(false);
        }
        Ok(true)
    }

    /// Prove a job's batch alone ([`Self::prove_run`] of length 1).
    pub async fn prove(&self, job: ProveJob) -> Result<ProvenBatch, ProverClientError> {
        let mut run = self.prove_run(job, 1).await?;
        run.pop().ok_or(ProverClientError::EmptyRun)
    }

    /// Prove a job's batch and the next `len − 1` batches after it, in sequence from its
    /// pre-state, on a blocking thread; verify each proof and its data binding off-chain.
    pub async fn prove_run(
        &self,
        job: ProveJob,
        len: usize,
    ) -> Result<Vec<ProvenBatch>, ProverClientError> {
        let ProveJob {
            batch_id,
            pre_state,
            data,
            then,
        } = job;
        let mut run: Vec<(u64, Vec<u8>)> = vec![(batch_id, data)];
        run.extend(
            then.into_iter()
                .take(len.saturating_sub(1))
                .map(|n| (n.batch_id, n.data)),
        );
        let prover = self.prover.clone();
        let started = Instant::now();
        let ids: Vec<u64> = run.iter().map(|(id, _)| *id).collect();
        tracing::info!(target: "janus::prover", batch = batch_id, batches = run.len(), records = prover.max_records(), "proving");
        let proofs = blocking(batch_id, move || {
            let mut batches = Vec::with_capacity(run.len());
            for (_, data) in &run {
                batches.push(Batch::decode(data).map_err(janus_l2::BatchError::from)?);
            }
            let proofs = prover.prove_batches(&pre_state, &batches)?;
            let mut out = Vec::with_capacity(run.len());
            for ((proof, batch), (id, data)) in proofs.into_iter().zip(&batches).zip(run) {
                prover.verify(&proof)?;
                check_data_binding(&proof.public, &data)?;
                out.push((id, data, proof, batch.messages.len() + batch.txs.len()));
            }
            Ok(out)
        })
        .await?;
        let elapsed = started.elapsed();
        tracing::info!(target: "janus::prover", batches = ?ids, elapsed = ?elapsed, "batches proven and verified off-chain");
        Ok(proofs
            .into_iter()
            .map(|(batch_id, data, proof, records)| ProvenBatch {
                batch_id,
                data,
                proof,
                elapsed,
                records,
            })
            .collect())
    }

    /// How many batches a proof of `job` covers for `reason`: 1, or for a bounty proof of the
    /// pending next batch to finalize, also the batches after it (`job.then`) that are canonical
    /// and pending on L1, up to the prover's `max_batches` (see the module docs). Challenged
    /// batches are proven alone, the fastest answer to their prove window.
    pub async fn run_length(
        &self,
        job: &ProveJob,
        reason: ProveReason,
    ) -> Result<usize, ProverClientError> {
        if reason != ProveReason::Bounty || job.then.is_empty() {
            return Ok(1);
        }
        let rollup = self.contract();
        let first = rollup
            .getBatch(job.batch_id)
            .call()
            .await
            .map_err(rpc("getBatch"))?;
        let next = next_height_to_finalize(&rollup).await?;
        // A challenged batch is answered alone: a longer run would bring its proof closer to
        // the prove window's end, and a late range fails as a whole.
        if first.height != next || first.batch_status() != Ok(BatchStatus::Pending) {
            return Ok(1);
        }
        let mut len = 1;
        for n in job
            .then
            .iter()
            .take(self.prover.max_batches().saturating_sub(1))
        {
            let canonical = rollup
                .isCanonical(n.batch_id)
                .call()
                .await
                .map_err(rpc("isCanonical"))?;
            let b = rollup
                .getBatch(n.batch_id)
                .call()
                .await
                .map_err(rpc("getBatch"))?;
            if !canonical
                || b.height != first.height + len as u64
                || b.batch_status() != Ok(BatchStatus::Pending)
            {
                break;
            }
            len += 1;
        }
        Ok(len)
    }

    /// Decide, prove and submit one job; `Ok(None)` when the policy skips it.
    pub async fn handle(&self, job: ProveJob) -> Result<Option<TxOutcome>, ProverClientError> {
        let Some(reason) = self.decide(job.batch_id).await? else {
            return Ok(None);
        };
        let len = self.run_length(&job, reason).await?;
        tracing::info!(target: "janus::prover", batch = job.batch_id, batches = len, ?reason, "batch selected for proving");
        let id = job.batch_id;
        let run = self.prove_run(job, len).await?;
        match self.submit_run(&run).await {
            Err(e @ ProverClientError::NotProvable { .. }) => {
                // Someone else's proof, optimistic finality or a revert got there first.
                ::metrics::counter!(metrics::PROOFS_LOST).increment(1);
                tracing::warn!(target: "janus::prover", batch = id, error = %e, "proof lost");
                Err(e)
            }
            r => r.map(Some),
        }
    }

    /// Handle the jobs arriving on `jobs` until `cancel` fires or the channel closes (a failed
    /// job is logged; derivation sends it again if still relevant). Jobs that queued up while
    /// the client was proving are taken together ([`merge_jobs`]): in batch order, each knowing
    /// the batches of the later ones, so a bounty proof can cover the run they form.
    pub async fn run(
        self,
        mut jobs: mpsc::Receiver<ProveJob>,
        cancel: CancellationToken,
    ) -> Result<(), ProverClientError> {
        loop {
            let job = tokio::select! {
                _ = cancel.cancelled() => return Ok(()),
                j = jobs.recv() => match j { Some(j) => j, None => return Ok(()) },
            };
            let mut queued = vec![job];
            while let Ok(j) = jobs.try_recv() {
                queued.push(j);
            }
            let max_then = self.prover.max_batches().saturating_sub(1);
            for job in merge_jobs(queued, max_then) {
                let id = job.batch_id;
                tokio::select! {
                    _ = cancel.cancelled() => return Ok(()),
                    r = self.handle(job) => if let Err(e) = r {
                        tracing::error!(target: "janus::prover", batch = id, error = %e, "prover job failed");
                    },
                }
            }
        }
    }
}
