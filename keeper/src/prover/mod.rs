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
mod client;
mod error;
mod submit;
mod types;

pub use cache::ProverCacheArgs;
pub use client::ProverClient;
pub use error::ProverClientError;
pub use types::{merge_jobs, NextBatch, ProveJob, ProveReason, ProvenBatch, ProverClientConfig};

#[cfg(test)]
mod tests;
