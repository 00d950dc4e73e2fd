//! The async side of derivation: turns the watcher's [`L1Event`]s into [`Derivation`] calls,
//! fetching each posted batch's calldata from L1.

use alloy::primitives::{keccak256, B256};
use alloy::providers::Provider;
use alloy::sol_types::SolCall;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::{Derivation, DeriveError};
use crate::l1::bindings::Rollup;
use crate::l1::{JanusEvent, L1Event};

/// Extract the batch data from a `submitBatch` / `submitBatchWithProof` calldata.
pub fn batch_data_from_calldata(input: &[u8]) -> Option<Vec<u8>> {
    if let Ok(c) = Rollup::submitBatchCall::abi_decode(input) {
        return Some(c.data.to_vec());
    }
    if let Ok(c) = Rollup::submitBatchWithProofCall::abi_decode(input) {
        return Some(c.data.to_vec());
    }
    None
}

/// Feeds a [`Derivation`] from L1 events.
#[derive(Debug)]
pub struct Pipeline<P> {
    provider: P,
    /// The derived chain.
    pub derivation: Derivation,
}

impl<P: Provider> Pipeline<P> {
    /// A pipeline from genesis.
    pub fn new(provider: P, l2_chain_id: u64) -> Self {
        Self {
            provider,
            derivation: Derivation::new(l2_chain_id),
        }
    }

    async fn calldata(&self, tx: B256) -> Result<Vec<u8>, DeriveError> {
        let t = self
            .provider
            .get_transaction_by_hash(tx)
            .await
            .map_err(|e| DeriveError::Rpc {
                what: "transaction",
                message: e.to_string(),
            })?
            .ok_or(DeriveError::MissingTx(tx))?;
        use alloy::consensus::Transaction as _;
        batch_data_from_calldata(t.input()).ok_or(DeriveError::NotDirectCall(tx))
    }

    /// Apply one watcher event.
    pub async fn handle(&mut self, ev: &L1Event) -> Result<(), DeriveError> {
        match ev {
            L1Event::Reorg { resume_from, .. } => self.derivation.rollback_l1(*resume_from),
            L1Event::Logs { logs, .. } => {
                for l in logs {
                    let block = l.pos.block.number;
                    match &l.event {
                        JanusEvent::BatchSubmitted(b) => {
                            let data = self.calldata(l.pos.tx_hash).await?;
                            let computed = keccak256(&data);
                            if computed != b.dataHash {
                                return Err(DeriveError::DataHash {
                                    batch_id: b.batchId,
                                    expected: b.dataHash,
                                    computed,
                                });
                            }
                            self.derivation.on_submitted(b, block, &data)?;
                        }
                        JanusEvent::BatchesReverted(r) => {
                            self.derivation.on_reverted(r.fromHeight, block)
                        }
                        JanusEvent::BatchFinalized(f) => {
                            self.derivation.on_finalized(f.batchId, block)
                        }
                        JanusEvent::MessageEnqueued(_)
                        | JanusEvent::BatchChallenged(_)
                        | JanusEvent::BatchProven(_) => {}
                    }
                }
            }
        }
        Ok(())
    }

    /// Consume events until the stream ends or `cancel` fires. Transient RPC errors retry the
    /// same event with backoff.
    pub async fn run(
        mut self,
        mut events: mpsc::Receiver<L1Event>,
        cancel: CancellationToken,
    ) -> Result<Self, DeriveError> {
        loop {
            let ev = tokio::select! {
                ev = events.recv() => match ev { Some(ev) => ev, None => return Ok(self) },
                _ = cancel.cancelled() => return Ok(self),
            };
            let mut delay = std::time::Duration::from_millis(250);
            loop {
                match self.handle(&ev).await {
                    Ok(()) => break,
                    Err(e @ DeriveError::Rpc { .. }) => {
                        tracing::warn!(target: "janus::derive", error = %e, ?delay, "retrying");
                        tokio::select! {
                            _ = tokio::time::sleep(delay) => {}
                            _ = cancel.cancelled() => return Ok(self),
                        }
                        delay = (delay * 2).min(std::time::Duration::from_secs(30));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    }
}
