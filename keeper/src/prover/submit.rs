//! Submitting proofs: [`ProverClient::submit_run`] checks each batch on L1, folds the proofs into
//! one range proof, wraps it for the sending account and sends `proveBatch` / `proveBatches`.

use std::time::Instant;

use alloy::primitives::{keccak256, Address, Bytes, U256};
use alloy::providers::Provider;
use alloy::sol_types::SolEvent;
use janus_prover::prover::batch::BatchProof;

use crate::convert::b256;
use crate::l1::bindings::Rollup;
use crate::l1::{rpc, BatchStatus};
use crate::ops::metrics;
use crate::store::TxIntent;
use crate::txmgr::TxOutcome;

use super::client::blocking;
use super::{ProvenBatch, ProverClient, ProverClientError};

/// The rewards `proveBatch` / `proveBatches` credited (the sum over its `BatchProven` events).
pub(super) fn proof_reward(out: &TxOutcome) -> U256 {
    out.receipt
        .inner
        .logs()
        .iter()
        .filter_map(|l| Rollup::BatchProven::decode_log_data(&l.inner.data).ok())
        .fold(U256::ZERO, |sum, e| sum + e.reward)
}

impl<P: Provider + Clone> ProverClient<P> {
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
}
