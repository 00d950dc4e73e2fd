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
use crate::retry::Backoff;

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
}

/// Derive the L2 chain from L1 alone, from genesis up to L1's head (no confirmations): a fresh
/// [`L1Watcher`] and [`Pipeline`], caught up ([`Pipeline::catch_up`]), with everything the events
/// brought ([`News`], L1 messages included); step both again to follow L1 further. Used by
/// `janus escape` and a fresh node's sync (the devnet scenario).
pub async fn derive_to_head<P: Provider + Clone>(
    provider: P,
    contracts: Contracts,
    l2_chain_id: u64,
) -> Result<(L1Watcher<P>, Pipeline<P>, Vec<News>), DeriveError> {
    let cfg = WatcherConfig {
        confirmations: 0,
        max_range: 1_000,
        ..Default::default()
    };
    let mut watcher = L1Watcher::new(provider.clone(), contracts, cfg);
    let mut pipe = Pipeline::new(provider, l2_chain_id);
    let news = pipe.catch_up(&mut watcher).await?;
    Ok((watcher, pipe, news))
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
        }
    }

    /// The posted data of batch `id`, if it is among the most recent ones.
    pub fn batch_data(&self, id: u64) -> Option<&[u8]> {
        self.data.get(&id).map(Vec::as_slice)
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

    /// Apply one watcher event; returns what it brought, oldest first.
    pub async fn handle(&mut self, ev: &L1Event) -> Result<Vec<News>, DeriveError> {
        let mut news = Vec::new();
        self.apply(ev, &mut news).await?;
        Ok(news)
    }

    /// Apply one watcher event, adding what it brought to `news` as it goes (so a retry after a
    /// failure part-way keeps what the first attempt already applied and reported).
    async fn apply(&mut self, ev: &L1Event, news: &mut Vec<News>) -> Result<(), DeriveError> {
        match ev {
            L1Event::Reorg { resume_from, .. } => {
                self.derivation.rollback_l1(*resume_from);
                news.push(News::Rollback);
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
                            news.push(News::Submitted(b.batchId));
                        }
                        JanusEvent::BatchesReverted(r) => {
                            self.derivation.on_reverted(r.fromHeight, block);
                            news.push(News::Rollback);
                        }
                        JanusEvent::BatchFinalized(f) => {
                            self.derivation.on_finalized(f.batchId, block);
                            news.push(News::Finalized(f.batchId));
                        }
                        JanusEvent::MessageEnqueued(m) => {
                            news.push(News::Message(m.record.to_vec()))
                        }
                        JanusEvent::BatchChallenged(c) => news.push(News::Challenged(c.batchId)),
                        JanusEvent::BatchProven(_) => {}
                    }
                }
            }
        }
        Ok(())
    }

    /// Step `watcher` until it is caught up with its head, applying every event (one pass: new
    /// blocks mined meanwhile are read too, until a step finds nothing new); returns what the
    /// events brought, oldest first.
    pub async fn catch_up<Q: Provider>(
        &mut self,
        watcher: &mut L1Watcher<Q>,
    ) -> Result<Vec<News>, DeriveError> {
        let mut news = Vec::new();
        while let Some(ev) = watcher.step().await? {
            self.apply(&ev, &mut news).await?;
        }
        Ok(news)
    }

    /// Apply `ev`, retrying transient RPC errors with backoff; what it brought, or `None` when
    /// `cancel` fired first.
    pub async fn handle_retrying(
        &mut self,
        ev: &L1Event,
        cancel: &CancellationToken,
    ) -> Result<Option<Vec<News>>, DeriveError> {
        let mut backoff = Backoff::l1_reads();
        let mut news = Vec::new();
        loop {
            match self.apply(ev, &mut news).await {
                Ok(()) => return Ok(Some(news)),
                Err(e @ DeriveError::Rpc(_)) => {
                    let delay = backoff.next_delay();
                    tracing::warn!(target: "janus::derive", error = %e, ?delay, "retrying");
                    tokio::select! {
                        _ = tokio::time::sleep(delay) => {}
                        _ = cancel.cancelled() => return Ok(None),
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }
}
