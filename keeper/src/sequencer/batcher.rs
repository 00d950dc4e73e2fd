//! Batch posting and the leader schedule.
//!
//! [`Batcher`] posts a [`PreparedBatch`] as `Rollup.submitBatch(parentId, prevRoot, newRoot, data)`
//! through the operator's [`TxManager`]. Posting is idempotent across restarts: the transaction
//! manager persists the in-flight transaction (and [`Batcher::recover`] waits for it after a
//! restart), and before sending, the L1 tip is read — if it already is this batch (same parent, root
//! and data hash) its id is returned instead of posting the same blocks twice.
//!
//! [`LeaderView`] reads who leads at an L1 block from `SequencerSet` and `Staking`: the operator,
//! its signer, the RPC URL in its metadata, where the epoch ends, and from which block the leader
//! can be reported for liveness.

use std::sync::Arc;

use alloy::primitives::{keccak256, Address, U256};
use alloy::providers::Provider;
use alloy::sol_types::{SolCall, SolEvent};

use super::error::SequencerError;
use super::producer::PreparedBatch;
use super::LeaderInfo;
use crate::l1::bindings::{Rollup, SequencerSet, Staking};
use crate::store::TxIntent;
use crate::txmgr::TxManager;

fn l1<E: std::fmt::Display>(what: &str) -> impl FnOnce(E) -> SequencerError + '_ {
    move |e| SequencerError::L1(format!("{what}: {e}"))
}

/// Posts batches for one operator (see the module docs).
#[derive(Debug)]
pub struct Batcher<P> {
    provider: P,
    rollup: Address,
    txmgr: Arc<TxManager<P>>,
}

impl<P: Provider + Clone> Batcher<P> {
    /// A batcher posting to `rollup` with `txmgr` (the operator's signer).
    pub fn new(provider: P, rollup: Address, txmgr: Arc<TxManager<P>>) -> Self {
        Self {
            provider,
            rollup,
            txmgr,
        }
    }

    /// After a restart: wait for the submissions the transaction manager persisted (they are
    /// rebroadcast if L1 lost them), so a batch in flight is never signed twice.
    pub async fn recover(&self) -> Result<usize, SequencerError> {
        let rows = self.txmgr.recover()?;
        let n = rows.len();
        for row in rows {
            self.txmgr.wait(row).await?;
        }
        Ok(n)
    }

    /// The most records (L1 messages + transactions) L1 accepts in one batch now
    /// (`Rollup.batchRecordLimit`: min(maxBatchRecords, the verifier's capacity)).
    pub async fn record_limit(&self) -> Result<usize, SequencerError> {
        let rollup = Rollup::new(self.rollup, &self.provider);
        let limit = rollup
            .batchRecordLimit()
            .call()
            .await
            .map_err(l1("batchRecordLimit"))?;
        Ok(limit.saturating_to::<usize>())
    }

    /// Post `b`; returns its L1 batch id.
    pub async fn post(&self, b: &PreparedBatch) -> Result<u64, SequencerError> {
        let rollup = Rollup::new(self.rollup, &self.provider);
        let data = b
            .batch
            .encode()
            .map_err(|e| SequencerError::Batch(e.to_string()))?;
        let data_hash = keccak256(&data);
        let tip = rollup.tipId().call().await.map_err(l1("tipId"))?;
        if tip != b.parent_id {
            let stored = rollup.getBatch(tip).call().await.map_err(l1("getBatch"))?;
            if stored.parentId == b.parent_id
                && stored.stateRoot == b.new_root
                && stored.dataHash == data_hash
            {
                tracing::info!(target: "janus::sequencer", batch = tip, "batch already on L1; not posting again");
                return Ok(tip);
            }
            return Err(SequencerError::L1(format!(
                "L1 tip is batch {tip}, not the parent {}",
                b.parent_id
            )));
        }
        let call = Rollup::submitBatchCall {
            parentId: b.parent_id,
            prevStateRoot: b.prev_root,
            newStateRoot: b.new_root,
            data: data.into(),
        };
        let out = self
            .txmgr
            .send(TxIntent {
                label: format!(
                    "submitBatch blocks {}..={}",
                    b.blocks.first().copied().unwrap_or_default(),
                    b.blocks.last().copied().unwrap_or_default()
                ),
                to: self.rollup,
                input: call.abi_encode().into(),
                value: U256::ZERO,
            })
            .await?;
        if !out.receipt.status() {
            return Err(SequencerError::L1("submitBatch reverted".into()));
        }
        out.receipt
            .inner
            .logs()
            .iter()
            .find_map(|l| Rollup::BatchSubmitted::decode_log_data(l.data()).ok())
            .map(|ev| ev.batchId)
            .ok_or_else(|| SequencerError::L1("no BatchSubmitted log".into()))
    }
}

/// Reads the leader schedule from L1 (see the module docs).
#[derive(Clone, Debug)]
pub struct LeaderView<P> {
    provider: P,
    sequencer_set: Address,
    staking: Address,
}

impl<P: Provider + Clone> LeaderView<P> {
    /// A view over the deployed `SequencerSet` and `Staking`.
    pub fn new(provider: P, sequencer_set: Address, staking: Address) -> Self {
        Self {
            provider,
            sequencer_set,
            staking,
        }
    }

    /// Who leads at L1 block `block` (the operator is zero before the first set is in force).
    pub async fn at(&self, block: u64) -> Result<LeaderInfo, SequencerError> {
        let set = SequencerSet::new(self.sequencer_set, &self.provider);
        let operator = set
            .leaderAt(U256::from(block))
            .call()
            .await
            .map_err(l1("leaderAt"))?;
        let epoch = set
            .epochOf(U256::from(block))
            .call()
            .await
            .map_err(l1("epochOf"))?;
        let next = set
            .epochStartBlock(epoch + 1)
            .call()
            .await
            .map_err(l1("epochStartBlock"))?;
        let last_activity = set
            .lastActivityBlock()
            .call()
            .await
            .map_err(l1("lastActivityBlock"))?;
        let timeout = set
            .livenessTimeout()
            .call()
            .await
            .map_err(l1("livenessTimeout"))?;
        let next_operator = set.leaderAt(next).call().await.map_err(l1("leaderAt"))?;
        let mut info = LeaderInfo {
            l1_block: block,
            operator,
            next_operator,
            epoch_end_block: next.saturating_to::<u64>(),
            liveness_deadline: last_activity + timeout,
            ..Default::default()
        };
        if operator != Address::ZERO {
            let staking = Staking::new(self.staking, &self.provider);
            let op = staking
                .getOperator(operator)
                .call()
                .await
                .map_err(l1("getOperator"))?;
            info.signer = op.signer;
            info.rpc_url = op.metadata;
            info.eligible = staking
                .isEligible(operator)
                .call()
                .await
                .map_err(l1("isEligible"))?;
        }
        Ok(info)
    }
}
