//! The prover client's policy and the jobs it takes: [`ProverClientConfig`], [`ProveJob`] (a
//! batch to prove with the batches that follow it), [`ProvenBatch`], and [`merge_jobs`], which
//! folds a queue of jobs into one per batch.

use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::Address;
use janus_l2::state::State;
use janus_prover::prover::batch::BatchProof;

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
