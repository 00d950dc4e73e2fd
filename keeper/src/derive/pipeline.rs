//! The async side of derivation: turns the watcher's [`L1Event`]s into [`Derivation`] calls,
//! fetching each posted batch's calldata from L1.

use std::collections::BTreeMap;

use alloy::primitives::{keccak256, B256};
use alloy::providers::Provider;
use alloy::sol_types::SolCall;
use tokio_util::sync::CancellationToken;

use super::{Derivation, DeriveError};
use crate::l1::bindings::Rollup;
use crate::l1::{rpc, Contracts, JanusEvent, L1Event, L1Watcher, WatcherConfig};

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
    /// Posted data of the most recent batches (id → bytes), for the prover client.
    data: BTreeMap<u64, Vec<u8>>,
    /// What the last [`Pipeline::handle`] saw, for the roles fed from derivation.
    news: Vec<News>,
}

/// Derive the L2 chain from L1 alone, from genesis up to L1's head (no confirmations): a fresh
/// [`L1Watcher`] and [`Pipeline`], caught up ([`Pipeline::catch_up`]); step both again to follow
/// L1 further. The pipeline's news ([`Pipeline::take_news`]) hold everything seen, L1 messages
/// included. Used by `janus escape` and a fresh node's sync (the devnet scenario).
pub async fn derive_to_head<P: Provider + Clone>(
    provider: P,
    contracts: Contracts,
    l2_chain_id: u64,
) -> Result<(L1Watcher<P>, Pipeline<P>), DeriveError> {
    let cfg = WatcherConfig {
        confirmations: 0,
        max_range: 1_000,
        ..Default::default()
    };
    let mut watcher = L1Watcher::new(provider.clone(), contracts, cfg);
    let mut pipe = Pipeline::new(provider, l2_chain_id);
    pipe.catch_up(&mut watcher).await?;
    Ok((watcher, pipe))
}

/// Batches kept in [`Pipeline::batch_data`].
const KEPT_DATA: usize = 256;

/// Something a handled event brought that other roles react to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum News {
    /// A batch was posted (and derived).
    Submitted(u64),
    /// A batch was challenged.
    Challenged(u64),
    /// A batch was finalized (the next canonical one, if any, is now the next to finalize).
    Finalized(u64),
    /// An L1 message entered the queue (its 85-byte record).
    Message(Vec<u8>),
    /// The canonical chain was rolled back (L1 reorg or reverted batches).
    Rollback,
}

impl<P: Provider> Pipeline<P> {
    /// A pipeline from genesis.
    pub fn new(provider: P, l2_chain_id: u64) -> Self {
        Self {
            provider,
            derivation: Derivation::new(l2_chain_id),
            data: BTreeMap::new(),
            news: Vec::new(),
        }
    }

    /// The posted data of batch `id`, if it is among the most recent ones.
    pub fn batch_data(&self, id: u64) -> Option<&[u8]> {
        self.data.get(&id).map(Vec::as_slice)
    }

    /// What the events handled since the last call brought (oldest first).
    pub fn take_news(&mut self) -> Vec<News> {
        std::mem::take(&mut self.news)
    }

    async fn calldata(&self, tx: B256) -> Result<Vec<u8>, DeriveError> {
        let t = self
            .provider
            .get_transaction_by_hash(tx)
            .await
            .map_err(rpc("transaction"))?
            .ok_or(DeriveError::MissingTx(tx))?;
        use alloy::consensus::Transaction as _;
        batch_data_from_calldata(t.input()).ok_or(DeriveError::NotDirectCall(tx))
    }

    /// Apply one watcher event.
    pub async fn handle(&mut self, ev: &L1Event) -> Result<(), DeriveError> {
        match ev {
            L1Event::Reorg { resume_from, .. } => {
                self.derivation.rollback_l1(*resume_from);
                self.news.push(News::Rollback);
            }
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
                            self.data.insert(b.batchId, data);
                            while self.data.len() > KEPT_DATA {
                                self.data.pop_first();
                            }
                            self.news.push(News::Submitted(b.batchId));
                        }
                        JanusEvent::BatchesReverted(r) => {
                            self.derivation.on_reverted(r.fromHeight, block);
                            self.news.push(News::Rollback);
                        }
                        JanusEvent::BatchFinalized(f) => {
                            self.derivation.on_finalized(f.batchId, block);
                            self.news.push(News::Finalized(f.batchId));
                        }
                        JanusEvent::MessageEnqueued(m) => {
                            self.news.push(News::Message(m.record.to_vec()))
                        }
                        JanusEvent::BatchChallenged(c) => {
                            self.news.push(News::Challenged(c.batchId))
                        }
                        JanusEvent::BatchProven(_) => {}
                    }
                }
            }
        }
        Ok(())
    }

    /// Step `watcher` until it is caught up with its head, applying every event (one pass: new
    /// blocks mined meanwhile are read too, until a step finds nothing new).
    pub async fn catch_up<Q: Provider>(
        &mut self,
        watcher: &mut L1Watcher<Q>,
    ) -> Result<(), DeriveError> {
        while let Some(ev) = watcher.step().await? {
            self.handle(&ev).await?;
        }
        Ok(())
    }

    /// Apply `ev`, retrying transient RPC errors with backoff; `Ok(false)` when `cancel` fired
    /// first.
    pub async fn handle_retrying(
        &mut self,
        ev: &L1Event,
        cancel: &CancellationToken,
    ) -> Result<bool, DeriveError> {
        let mut delay = std::time::Duration::from_millis(250);
        loop {
            match self.handle(ev).await {
                Ok(()) => return Ok(true),
                Err(e @ DeriveError::Rpc(_)) => {
                    tracing::warn!(target: "janus::derive", error = %e, ?delay, "retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = cancel.cancelled() => return Ok(false),
                    }
                    delay = (delay * 2).min(std::time::Duration::from_secs(30));
                }
                Err(e) => return Err(e),
            }
        }
    }
}
