//! Prover client: proves posted batches with the Plonky2 batch circuit
//! ([`janus_prover::prover::batch::BatchProver`]) and submits the proofs with `Rollup.proveBatch`.
//!
//! Pipeline for one [`ProveJob`] (the pre-state and the batch data, from derivation):
//! 1. **Decide** ([`ProverClient::decide`]): a canonical batch that is challenged and was posted
//!    by one of our operators is always proven (defence: losing costs a slash). With the `bounty`
//!    policy flag also any other challenged canonical batch (the proof earns the challenger's
//!    bond), and a pending one only when the proof would be paid: it is the next batch to
//!    finalize (`Rollup.proveBatch` pays the bounty only for a proof that finalizes at once), the
//!    bounty pool holds something, and its challenge window stays open longer than our proving
//!    time (else an optimistic `finalizeBatch` wins the race and the work is lost). The node
//!    offers a batch again when it becomes the next to finalize (`News::Finalized`).
//! 2. **Prove** ([`ProverClient::prove`]) on a blocking thread: decode, prove (the prover first
//!    re-checks the batch with `janus_l2::apply_batch`), verify the proof and its data binding
//!    off-chain.
//! 3. **Submit** ([`ProverClient::submit`]): read `Rollup.verifier()` first; with none deployed
//!    return [`ProverClientError::VerifierNotSet`] and send nothing. Otherwise check the batch on
//!    L1 (status, data hash, roots), wrap the proof (Keccak wrapper) for our sending account (the
//!    proof is bound to the address the rollup pays), verify the wrapped proof and send
//!    `proveBatch(batchId, data, proof)` through the [`TxManager`]. The proof bytes are
//!    `BatchProver::l1_proof`: the generated Solidity verifier's encoding (docs/verifier.md).

mod cache;
mod cli;
mod error;

use crate::challenger::error::rpc;
pub use cache::ProverCacheArgs;
pub use cli::ProverArgs;
pub use error::ProverClientError;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use alloy::primitives::{keccak256, Address, Bytes, B256, U256};
use alloy::providers::Provider;
use janus_l2::batch::Batch;
use janus_l2::hash::digest_to_bytes32;
use janus_l2::state::State;
use janus_prover::prover::batch::{check_data_binding, BatchProof, BatchProver};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::challenger::status;
use crate::l1::bindings::Rollup;
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

/// One batch to prove: its id, the state before it and its data (as posted).
#[derive(Clone, Debug)]
pub struct ProveJob {
    /// Batch id on L1.
    pub batch_id: u64,
    /// L2 state after the parent batch.
    pub pre_state: Arc<State>,
    /// The batch data (docs/l2-spec.md §4), exactly as posted.
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

/// The reward `proveBatch` credited (its `BatchProven` event; 0 if none is found).
fn proof_reward(out: &TxOutcome) -> U256 {
    out.receipt
        .inner
        .logs()
        .iter()
        .find_map(|l| Rollup::BatchProven::decode_log_data(&l.inner.data).ok())
        .map_or(U256::ZERO, |e| e.reward)
}

fn b256(d: &janus_l2::hash::Digest) -> B256 {
    B256::from(digest_to_bytes32(d))
}

async fn blocking<T: Send + 'static>(
    batch_id: u64,
    f: impl FnOnce() -> Result<T, janus_prover::ProverError> + Send + 'static,
) -> Result<T, ProverClientError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ProverClientError::Task(e.to_string()))?
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
        Ok(match b.status {
            status::CHALLENGED if ours => Some(ProveReason::Defend),
            status::CHALLENGED if self.cfg.bounty => Some(ProveReason::Bounty),
            status::PENDING if self.cfg.bounty && self.bounty_pays(batch_id, &b).await? => {
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

    /// Prove a job on a blocking thread and verify the proof and its data binding off-chain.
    pub async fn prove(&self, job: ProveJob) -> Result<ProvenBatch, ProverClientError> {
        let ProveJob {
            batch_id,
            pre_state,
            data,
        } = job;
        let prover = self.prover.clone();
        let started = Instant::now();
        tracing::info!(target: "janus::prover", batch = batch_id, records = prover.max_records(), "proving batch");
        let (proof, data, records) = blocking(batch_id, move || {
            let batch = Batch::decode(&data).map_err(janus_l2::BatchError::from)?;
            let proof = prover.prove_batch(&pre_state, &batch)?;
            prover.verify(&proof)?;
            check_data_binding(&proof.public, &data)?;
            Ok((proof, data, batch.messages.len() + batch.txs.len()))
        })
        .await?;
        tracing::info!(target: "janus::prover", batch = batch_id, elapsed = ?started.elapsed(), new_root = %b256(&proof.public.new_root), "batch proven and verified off-chain");
        Ok(ProvenBatch {
            batch_id,
            data,
            proof,
            elapsed: started.elapsed(),
            records,
        })
    }

    /// Submit a proven batch with `proveBatch` (see the module docs for the checks made first;
    /// [`ProverClientError::VerifierNotSet`] when no verifier is deployed, with nothing sent).
    pub async fn submit(&self, proven: &ProvenBatch) -> Result<TxOutcome, ProverClientError> {
        let id = proven.batch_id;
        let rollup = self.contract();
        let verifier = rollup.verifier().call().await.map_err(rpc("verifier"))?;
        if verifier == Address::ZERO {
            tracing::warn!(target: "janus::prover", batch = id, "no on-chain verifier: proof checked off-chain only, not submitted");
            return Err(ProverClientError::VerifierNotSet { batch_id: id });
        }
        self.check_on_l1(proven).await?;
        let prover = self.prover.clone();
        let inner = proven.proof.clone();
        // The proof is bound to the account that sends `proveBatch` (it is paid the reward).
        let payee: [u8; 20] = self.txmgr.address().into();
        let started = Instant::now();
        let wrapped = blocking(id, move || Ok(prover.l1_proof(std::slice::from_ref(&inner), &payee)?)).await?;
        tracing::info!(target: "janus::prover", batch = id, elapsed = ?started.elapsed(), bytes = wrapped.len(), "proof wrapped");
        let total = proven.elapsed + started.elapsed();
        self.record_prove_time(total);
        ::metrics::gauge!(metrics::PROOF_SECONDS).set(total.as_secs_f64());
        ::metrics::gauge!(metrics::PROOF_SECONDS_PER_RECORD)
            .set(total.as_secs_f64() / proven.records.max(1) as f64);
        let call = Rollup::proveBatchCall {
            batchId: id,
            data: Bytes::from(proven.data.clone()),
            proof: Bytes::from(wrapped),
        };
        let out = self
            .txmgr
            .send(TxIntent {
                label: format!("proveBatch {id}"),
                to: self.rollup,
                input: alloy::sol_types::SolCall::abi_encode(&call).into(),
                value: U256::ZERO,
            })
            .await?;
        let reward = proof_reward(&out);
        ::metrics::counter!(metrics::PROOFS).increment(1);
        ::metrics::counter!(metrics::PROVER_REWARDS_GWEI)
            .increment((reward / U256::from(1_000_000_000u64)).saturating_to());
        tracing::info!(target: "janus::prover", batch = id, tx = %out.receipt.transaction_hash, reward_wei = %reward, "proof accepted on L1");
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
        match b.status {
            status::PENDING => {}
            status::CHALLENGED => {
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
            s => return Err(not(&format!("status {s}"))),
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
        tracing::info!(target: "janus::prover", batch = job.batch_id, ?reason, "batch selected for proving");
        let proven = self.prove(job).await?;
        match self.submit(&proven).await {
            Err(e @ ProverClientError::NotProvable { .. }) => {
                // Someone else's proof, optimistic finality or a revert got there first.
                ::metrics::counter!(metrics::PROOFS_LOST).increment(1);
                tracing::warn!(target: "janus::prover", batch = proven.batch_id, error = %e, "proof lost");
                Err(e)
            }
            r => r.map(Some),
        }
    }

    /// Handle the jobs arriving on `jobs` one at a time until `cancel` fires or the channel
    /// closes (a failed job is logged; derivation sends it again if still relevant).
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

#[cfg(test)]
mod tests;
