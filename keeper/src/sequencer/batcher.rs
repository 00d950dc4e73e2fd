//! Batch posting.
//!
//! [`Batcher`] posts a [`PreparedBatch`] as `Rollup.submitBatch(parentId, prevRoot, newRoot, data)`
//! through the operator's [`TxManager`]. Posting is idempotent across restarts: the transaction
//! manager persists the in-flight transaction (and [`Batcher::recover`] waits for it after a
//! restart), and before sending, the L1 tip is read — if it already is this batch (same parent, root
//! and data hash) its id is returned instead of posting the same blocks twice.
//!
//! The leader schedule is read by [`crate::l1::LeaderView`].

use std::sync::Arc;

use alloy::primitives::{keccak256, Address, U256};
use alloy::providers::Provider;
use alloy::sol_types::{SolCall, SolEvent};

use super::error::SequencerError;
use super::producer::PreparedBatch;
use crate::l1::bindings::Rollup;
use crate::l1::rpc;
use crate::store::TxIntent;
use crate::txmgr::{TxError, TxManager};

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
    /// rebroadcast if L1 lost them), so a batch in flight is never signed twice. The manager is
    /// the node's: the rows may be any role's (a `finalizeBatch`, a challenge). One that reverted
    /// on chain is final and is logged, not an error: L1 moved on meanwhile (another keeper
    /// finalized the same batch in the same block; a batch's parent changed), and each role acts
    /// again from what L1 says now (unposted blocks stay unposted and are posted again). Failing
    /// here would stop the whole node for another keeper's win.
    pub async fn recover(&self) -> Result<usize, SequencerError> {
        let rows = self.txmgr.recover()?;
        let n = rows.len();
        for row in rows {
            match self.txmgr.wait(row).await {
                Ok(_) => {}
                Err(TxError::Reverted { label, hash }) => {
                    tracing::warn!(target: "janus::sequencer", %label, %hash, "a submission persisted before the restart reverted on chain; carrying on from L1's state");
                }
                Err(e) => return Err(e.into()),
            }
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
            .map_err(rpc("batchRecordLimit"))?;
        Ok(limit.saturating_to::<usize>())
    }

    /// Post `b`; returns its L1 batch id.
    pub async fn post(&self, b: &PreparedBatch) -> Result<u64, SequencerError> {
        let rollup = Rollup::new(self.rollup, &self.provider);
        let data = b.batch.encode().map_err(SequencerError::Batch)?;
        let data_hash = keccak256(&data);
        let tip = rollup.tipId().call().await.map_err(rpc("tipId"))?;
        if tip != b.parent_id {
            let stored = rollup.getBatch(tip).call().await.map_err(rpc("getBatch"))?;
            if stored.parentId == b.parent_id
                && stored.stateRoot == b.new_root
                && stored.dataHash == data_hash
            {
                tracing::info!(target: "janus::sequencer", batch = tip, "batch already on L1; not posting again");
                return Ok(tip);
            }
            return Err(SequencerError::TipMoved {
                tip,
                parent: b.parent_id,
            });
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
        let tx = out.receipt.transaction_hash;
        if !out.receipt.status() {
            return Err(SequencerError::SubmitReverted { tx });
        }
        out.receipt
            .inner
            .logs()
            .iter()
            .find_map(|l| Rollup::BatchSubmitted::decode_log_data(l.data()).ok())
            .map(|ev| ev.batchId)
            .ok_or(SequencerError::NoSubmittedLog { tx })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use alloy::primitives::{Address, Bytes, U256};
    use alloy::providers::ext::AnvilApi;
    use alloy::providers::Provider;
    use tokio_util::sync::CancellationToken;

    use super::*;
    use crate::store::{Store, TxIntent};
    use crate::testutil::{anvil, key, provider};
    use crate::txmgr::TxManagerConfig;

    /// A node restarts with another role's submission persisted (its `finalizeBatch`, say) that
    /// then reverts on chain because L1 moved on: the sequencer's recovery logs it and goes on
    /// instead of stopping the node (a devnet run stopped on exactly this).
    #[tokio::test]
    async fn a_persisted_submission_that_reverts_does_not_stop_the_recovery() {
        let node = anvil();
        let p = provider(&node);
        p.anvil_set_auto_mine(false).await.expect("automine off");
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(dir.path().join("db")).expect("store");
        let cfg = TxManagerConfig {
            poll_interval: Duration::from_millis(40),
            ..Default::default()
        };
        let target = Address::repeat_byte(0x77);
        {
            let mgr = TxManager::new(
                p.clone(),
                key(&node, 3),
                store.clone(),
                cfg.clone(),
                CancellationToken::new(),
            )
            .await
            .expect("mgr");
            mgr.submit(TxIntent {
                label: "finalizeBatch 7".into(),
                to: target,
                input: Bytes::new(),
                value: U256::ZERO,
            })
            .await
            .expect("submitted");
        } // the node stops with the submission persisted
          // L1 moves on: the call now reverts (PUSH1 0 PUSH1 0 REVERT).
        p.anvil_set_code(target, vec![0x60, 0x00, 0x60, 0x00, 0xfd].into())
            .await
            .expect("code");
        let mgr = Arc::new(
            TxManager::new(
                p.clone(),
                key(&node, 3),
                store,
                cfg,
                CancellationToken::new(),
            )
            .await
            .expect("restarted"),
        );
        let batcher = Batcher::new(p.clone(), Address::repeat_byte(0x11), mgr.clone());
        let mining = tokio::spawn({
            let p = p.clone();
            async move {
                for _ in 0..50 {
                    let _ = p.anvil_mine(Some(1), None).await;
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
            }
        });
        let recovered = tokio::time::timeout(Duration::from_secs(20), batcher.recover())
            .await
            .expect("recovery finished");
        mining.abort();
        assert_eq!(recovered.expect("a revert is not fatal"), 1);
        assert!(
            mgr.recover().expect("rows").is_empty(),
            "the row is settled"
        );
        let receipt_nonce = p
            .get_transaction_count(key(&node, 3).address())
            .await
            .expect("nonce");
        assert_eq!(receipt_nonce, 1, "the reverted transaction was mined once");
    }
}
