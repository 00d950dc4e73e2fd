//! Prover client: proves posted batches with the Plonky2 batch circuit
//! ([`janus_prover::prover::batch::BatchProver`]) and submits the proofs with `Rollup.proveBatch`,
//! or a run of consecutive batches with one range proof and `Rollup.proveBatches`
//! (docs/l2-spec.md §12.6).
//!
//! Pipeline for one [`ProveJob`] (the pre-state and the batch data, from derivation, with the
//! valid batches that follow it on the canonical chain):
//! 1. **Decide** ([`ProverClient::decide`]): a canonical batch that is challenged and was posted
//!    by one of our operators is always proven (defence: losing costs a slash). With the `bounty`
//!    policy flag also any other challenged canonical batch (the proof earns the challenger's
//!    bond), and a pending one only when the proof would be paid: it is the next batch to
//!    finalize (`Rollup.proveBatch` pays the bounty only for a proof that finalizes at once), the
//!    bounty pool holds something, and its challenge window stays open longer than our proving
//!    time (else an optimistic `finalizeBatch` wins the race and the work is lost). The node
//!    offers a batch again when it becomes the next to finalize (`News::Finalized`).
//!    **Runs** ([`ProverClient::run_length`]): a bounty proof of the next batch to finalize also
//!    covers the canonical batches after it that are still pending, up to the prover's
//!    `max_batches` (every one of them then finalizes at once and earns the bounty, for one L1
//!    verification). A challenged batch is proven alone, the fastest answer to its prove window
//!    (a late range would fail as a whole).
//! 2. **Prove** ([`ProverClient::prove_run`]) on a blocking thread: decode, prove each batch (the
//!    prover first re-checks it with `janus_l2::apply_batch`, in sequence from the pre-state),
//!    verify each proof and its data binding off-chain.
//! 3. **Submit** ([`ProverClient::submit_run`]): read `Rollup.verifier()` first; with none
//!    deployed return [`ProverClientError::VerifierNotSet`] and send nothing. Otherwise check each
//!    batch on L1 (status, data hash, roots), fold the proofs into one range proof and wrap it
//!    (Keccak wrapper) for our sending account (the proof is bound to the address the rollup
//!    pays), verify the wrapped proof and send `proveBatch(batchId, data, proof)` (one batch) or
//!    `proveBatches(firstBatchId, data[], proof)` through the [`TxManager`]. The proof bytes are
//!    `BatchProver::l1_proof`: the generated Solidity verifier's encoding (docs/verifier.md).

mod cache;
mod error;

use crate::l1::rpc;
pub use cache::ProverCacheArgs;
pub use error::ProverClientError;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use alloy::primitives::{keccak256, Address, Bytes, U256};
use alloy::providers::Provider;
use janus_l2::batch::Batch;
use janus_l2::state::State;
use janus_prover::prover::batch::{check_data_binding, BatchProof, BatchProver};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::convert::b256;
use crate::l1::bindings::Rollup;
use crate::l1::BatchStatus;
use crate::ops::metrics;
use crate::store::TxIntent;
use crate::txmgr::{TxManager, TxOutcome};
use alloy::sol_types::SolEvent;

/// Policy of a [`ProverClient`].
#[derive(Clone, Debug)]
pub struct ProverClientConfig {
    /// Operators whose challenged batches we defend (always proven).
    pub own_operators: Vec<Address>,
    /// Also prove other canonical batches, challenged (for the bond) or pending (for the bounty,
    /// when it would be paid: see the module docs).
    pub bounty: bool,
    /// How long proving and wrapping a batch is expected to take until the client has measured
    /// it (then the last measured time is used): a pending batch is only proven for the bounty
    /// when its challenge window stays open at least this long.
    pub prove_estimate: Duration,
}

impl Default for ProverClientConfig {
    fn default() -> Self {
        Self {
            own_operators: Vec::new(),
            bounty: false,
            // The devnet circuit (16 slots) proves and wraps in about 80 s on a 2-core machine
            // (docs/BENCHMARKS.md); a faster machine measures itself after its first proof.
            prove_estimate: Duration::from_secs(120),
        }
    }
}

/// Why a batch is proven.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProveReason {
    /// Ours and challenged.
    Defend,
    /// Someone else's (or unchallenged): bounty or challenger's bond.
    Bounty,
}

/// One batch to prove: its id, the state before it and its data (as posted), with the valid
/// canonical batches that follow it (a bounty proof may cover them too).
#[derive(Clone, Debug)]
pub struct ProveJob {
    /// Batch id on L1.
    pub batch_id: u64,
    /// L2 state after the parent batch.
    pub pre_state: Arc<State>,
    /// The batch data (docs/l2-spec.md §4), exactly as posted.
    pub data: Vec<u8>,
    /// The batches after it on the canonical chain, in height order, each valid (its posted
    /// root is the re-executed one) and not final.
    pub then: Vec<NextBatch>,
}

/// A batch following a [`ProveJob`]'s on the canonical chain.
#[derive(Clone, Debug)]
pub struct NextBatch {
    /// Batch id on L1.
    pub batch_id: u64,
    /// The batch data, exactly as posted.
    pub data: Vec<u8>,
}

/// A proof that passed the off-chain checks.
#[derive(Clone, Debug)]
pub struct ProvenBatch {
    /// Batch id on L1.
    pub batch_id: u64,
    /// The batch data.
    pub data: Vec<u8>,
    /// The batch proof (verified, bound to `data`).
    pub proof: BatchProof,
    /// How long proving (and verifying off-chain) took.
    pub elapsed: Duration,
    /// Records in the batch (L1 messages and transactions).
    pub records: usize,
}

/// The prover client (see the module docs).
pub struct ProverClient<P> {
    provider: P,
    rollup: Address,
    prover: Arc<BatchProver>,
    txmgr: Arc<TxManager<P>>,
    cfg: ProverClientConfig,
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

/// The rewards `proveBatch` / `proveBatches` credited (the sum over its `BatchProven` events).
fn proof_reward(out: &TxOutcome) -> U256 {
    out.receipt
        .inner
        .logs()
        .iter()
        .filter_map(|l| Rollup::BatchProven::decode_log_data(&l.inner.data).ok())
        .fold(U256::ZERO, |sum, e| sum + e.reward)
}

async fn blocking<T: Send + 'static>(
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

    fn record_prove_time(&self, d: Duration) {
        if let Ok(mut m) = self.measured.lock() {
            *m = Some(d);
        }
    }

    fn contract(&self) -> Rollup::RollupInstance<&P> {
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
        let next = rollup
            .lastFinalizedHeight()
            .call()
            .await
            .map_err(rpc("lastFinalizedHeight"))?
            + 1;
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
        let next = rollup
            .lastFinalizedHeight()
            .call()
            .await
            .map_err(rpc("lastFinalizedHeight"))?
            + 1;
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

    /// Submit a proven batch with `proveBatch` ([`Self::submit_run`] of one batch).
    pub async fn submit(&self, proven: &ProvenBatch) -> Result<TxOutcome, ProverClientError> {
        self.submit_run(std::slice::from_ref(proven)).await
    }

    /// Submit consecutive proven batches with one range proof: `proveBatch` for one batch,
    /// `proveBatches` for more (see the module docs for the checks made first;
    /// [`ProverClientError::VerifierNotSet`] when no verifier is deployed, with nothing sent).
    pub async fn submit_run(&self, run: &[ProvenBatch]) -> Result<TxOutcome, ProverClientError> {
        let first = run.first().ok_or(ProverClientError::EmptyRun)?;
        let id = first.batch_id;
        let rollup = self.contract();
        let verifier = rollup.verifier().call().await.map_err(rpc("verifier"))?;
        if verifier == Address::ZERO {
            tracing::warn!(target: "janus::prover", batch = id, "no on-chain verifier: proof checked off-chain only, not submitted");
            return Err(ProverClientError::VerifierNotSet { batch_id: id });
        }
        for proven in run {
            self.check_on_l1(proven).await?;
        }
        let prover = self.prover.clone();
        let inner: Vec<BatchProof> = run.iter().map(|p| p.proof.clone()).collect();
        // The proof is bound to the account that sends the transaction (it is paid the reward).
        let payee: [u8; 20] = self.txmgr.address().into();
        let started = Instant::now();
        let wrapped = blocking(id, move || Ok(prover.l1_proof(&inner, &payee)?)).await?;
        tracing::info!(target: "janus::prover", batch = id, batches = run.len(), elapsed = ?started.elapsed(), bytes = wrapped.len(), "proof wrapped");
        let total = first.elapsed + started.elapsed();
        self.record_prove_time(total);
        let records: usize = run.iter().map(|p| p.records).sum();
        ::metrics::gauge!(metrics::PROOF_SECONDS).set(total.as_secs_f64());
        ::metrics::gauge!(metrics::PROOF_SECONDS_PER_RECORD)
            .set(total.as_secs_f64() / records.max(1) as f64);
        let (label, input) = if run.len() == 1 {
            let call = Rollup::proveBatchCall {
                batchId: id,
                data: Bytes::from(first.data.clone()),
                proof: Bytes::from(wrapped),
            };
            (
                format!("proveBatch {id}"),
                alloy::sol_types::SolCall::abi_encode(&call),
            )
        } else {
            let call = Rollup::proveBatchesCall {
                firstBatchId: id,
                data: run.iter().map(|p| Bytes::from(p.data.clone())).collect(),
                proof: Bytes::from(wrapped),
            };
            let last = run[run.len() - 1].batch_id;
            (
                format!("proveBatches {id}..={last}"),
                alloy::sol_types::SolCall::abi_encode(&call),
            )
        };
        let out = self
            .txmgr
            .send(TxIntent {
                label,
                to: self.rollup,
                input: input.into(),
                value: U256::ZERO,
            })
            .await?;
        let reward = proof_reward(&out);
        ::metrics::counter!(metrics::PROOFS).increment(1);
        ::metrics::counter!(metrics::PROVER_REWARDS_GWEI)
            .increment((reward / U256::from(1_000_000_000u64)).saturating_to());
        tracing::info!(target: "janus::prover", batch = id, batches = run.len(), tx = %out.receipt.transaction_hash, reward_wei = %reward, "proof accepted on L1");
        Ok(out)
    }

    /// The batch on L1 must be canonical, pending or challenged within its prove window, and
    /// hold exactly the proven data and roots.
    async fn check_on_l1(&self, proven: &ProvenBatch) -> Result<(), ProverClientError> {
        let id = proven.batch_id;
        let rollup = self.contract();
        let not = |why: &str| ProverClientError::NotProvable {
            batch_id: id,
            why: why.into(),
        };
        if !rollup
            .isCanonical(id)
            .call()
            .await
            .map_err(rpc("isCanonical"))?
        {
            return Err(not("not canonical"));
        }
        let b = rollup.getBatch(id).call().await.map_err(rpc("getBatch"))?;
        match b.batch_status() {
            Ok(BatchStatus::Pending) => {}
            Ok(BatchStatus::Challenged) => {
                // The effective deadline (extended when the verifier changed meanwhile).
                let deadline = rollup
                    .challengeDeadline(id)
                    .call()
                    .await
                    .map_err(rpc("challengeDeadline"))?;
                let now = crate::challenger::l1_now(&self.provider).await?;
                if now >= deadline.to::<u64>() {
                    return Err(not("prove window closed"));
                }
            }
            _ => return Err(not(&format!("status {}", b.status))),
        }
        let given = keccak256(&proven.data);
        if given != b.dataHash {
            return Err(ProverClientError::DataMismatch {
                batch_id: id,
                given,
                expected: b.dataHash,
            });
        }
        let parent = rollup
            .getBatch(b.parentId)
            .call()
            .await
            .map_err(rpc("getBatch parent"))?;
        let (old, new) = (
            b256(&proven.proof.public.old_root),
            b256(&proven.proof.public.new_root),
        );
        if new != b.stateRoot || old != parent.stateRoot {
            return Err(ProverClientError::RootMismatch {
                batch_id: id,
                posted: b.stateRoot,
                proven: new,
            });
        }
        Ok(())
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

/// Jobs in batch order, one per batch (the one that knows the most following batches), each
/// knowing the next `max_then` later batches of all of them (`ProverClient::run_length` checks
/// on L1 which of them really follow it). At most `max_then` batches are copied per job: a long
/// queue does not copy every batch's data into every job.
pub fn merge_jobs(mut jobs: Vec<ProveJob>, max_then: usize) -> Vec<ProveJob> {
    jobs.sort_by(|a, b| {
        a.batch_id
            .cmp(&b.batch_id)
            .then(b.then.len().cmp(&a.then.len()))
    });
    jobs.dedup_by_key(|j| j.batch_id);
    let mut known: Vec<NextBatch> = jobs
        .iter()
        .flat_map(|j| {
            std::iter::once(NextBatch {
                batch_id: j.batch_id,
                data: j.data.clone(),
            })
            .chain(j.then.iter().cloned())
        })
        .collect();
    known.sort_by_key(|n| n.batch_id);
    known.dedup_by_key(|n| n.batch_id);
    for job in &mut jobs {
        let mut then = std::mem::take(&mut job.then);
        // The `max_then` smallest later ids are among the first `max_then` of each source.
        let later = known.iter().filter(|n| n.batch_id > job.batch_id);
        for n in later.take(max_then) {
            if !then.iter().any(|t| t.batch_id == n.batch_id) {
                then.push(n.clone());
            }
        }
        then.sort_by_key(|n| n.batch_id);
        then.truncate(max_then);
        job.then = then;
    }
    jobs
}

#[cfg(test)]
mod tests;
