//! The transaction manager: one per L1 signer. It owns the signer's nonce and is the only path by
//! which the keeper sends L1 transactions.
//!
//! Guarantees:
//! - **One transaction per nonce.** A nonce is assigned once; the only other transaction ever
//!   signed with it is a deliberate fee-bump replacement of the same call. If the node says the
//!   nonce was consumed by something else, the call moves to a fresh nonce.
//! - **Persistence first.** Every signed attempt is written to the [`Store`] before it is
//!   broadcast, so after a crash [`TxManager::recover`] rebroadcasts exactly those attempts:
//!   nothing is lost and nothing is re-signed under another nonce.
//! - **Fee bumps.** With no receipt after `bump_after`, fees rise by `bump_percent` (≥ 10%) or to
//!   the node's current estimate, whichever is higher, and the replacement is broadcast.
//! - **Resync.** After any send error the next nonce is re-read from the node (never below the
//!   highest in-flight nonce + 1, so a dropped in-flight transaction is rebroadcast, not replaced).
//! - **Dropped transactions** (unknown to the node, nonce not consumed) are rebroadcast.
//! - **Backoff.** Transport errors (connection refused, timeouts, HTTP 5xx) are retried with
//!   exponential backoff until they succeed or the manager is cancelled.
//!
//! alloy's own nonce manager neither resyncs nor bumps fees (see TOOLCHAIN.md), hence this module.

mod error;
mod rpc;

pub use error::TxError;

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use alloy::consensus::TxEnvelope;
use alloy::eips::eip2718::Encodable2718;
use alloy::network::{EthereumWallet, NetworkTransactionBuilder, TransactionBuilder};
use alloy::primitives::{Address, Bytes};
use alloy::providers::Provider;
use alloy::rpc::types::{TransactionReceipt, TransactionRequest};
use alloy::signers::local::PrivateKeySigner;
use tokio::sync::Mutex;
use tokio_util::sync::CancellationToken;

use crate::clock::now_ms;
use crate::l1::describe_rpc_error;
use crate::store::{PendingTx, Store, TxIntent};
use rpc::{is_nonce_error, Rpc};

/// Receipt re-checks before a used nonce is taken as consumed by another transaction.
const RECEIPT_RECHECKS: u32 = 3;
/// Delay unit of those re-checks (100, 200, 300 ms).
const RECEIPT_RECHECK_DELAY: Duration = Duration::from_millis(100);

/// Tunables of a [`TxManager`].
#[derive(Clone, Debug)]
pub struct TxManagerConfig {
    /// How often receipts are polled.
    pub poll_interval: Duration,
    /// Without a receipt for this long, the fees are bumped.
    pub bump_after: Duration,
    /// Minimum fee increase of a replacement, in percent (clamped to ≥ 10).
    pub bump_percent: u64,
    /// Blocks on top of the receipt's block (inclusive) before a submission counts as done.
    pub confirmations: u64,
    /// Gas limit = estimate × (100 + this) / 100.
    pub gas_margin_percent: u64,
    /// First backoff delay after a transport error; doubles up to `backoff_max`.
    pub backoff_min: Duration,
    /// Longest backoff delay.
    pub backoff_max: Duration,
}

impl Default for TxManagerConfig {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(2),
            bump_after: Duration::from_secs(36),
            bump_percent: 15,
            confirmations: 1,
            gas_margin_percent: 25,
            backoff_min: Duration::from_millis(250),
            backoff_max: Duration::from_secs(30),
        }
    }
}

/// Counters exported as metrics (and asserted by the tests).
#[derive(Debug, Default)]
pub struct TxMetrics {
    /// Transactions (first attempts) broadcast.
    pub sent: AtomicU64,
    /// Fee-bump replacements broadcast.
    pub fee_bumps: AtomicU64,
    /// Attempts rebroadcast because the node had dropped them (or after a restart).
    pub rebroadcasts: AtomicU64,
    /// Nonce resyncs after send errors.
    pub resyncs: AtomicU64,
    /// Calls moved to a fresh nonce because theirs was consumed by another transaction.
    pub reassigned: AtomicU64,
}

fn get(c: &AtomicU64) -> u64 {
    c.load(Ordering::Relaxed)
}

impl TxMetrics {
    /// A first attempt was broadcast (also recorded for Prometheus, at the event).
    fn record_sent(&self) {
        self.sent.fetch_add(1, Ordering::Relaxed);
        ::metrics::counter!(crate::ops::metrics::L1_TXS_SENT).increment(1);
    }

    /// A fee-bump replacement was broadcast (also recorded for Prometheus).
    fn record_fee_bump(&self) {
        self.fee_bumps.fetch_add(1, Ordering::Relaxed);
        ::metrics::counter!(crate::ops::metrics::L1_FEE_BUMPS).increment(1);
    }

    /// The signer's next nonce changed (recorded for Prometheus).
    fn record_nonce(next: u64) {
        ::metrics::gauge!(crate::ops::metrics::L1_NONCE).set(next as f64);
    }

    /// Snapshot `(sent, fee_bumps, rebroadcasts, resyncs, reassigned)`.
    pub fn snapshot(&self) -> [u64; 5] {
        [
            get(&self.sent),
            get(&self.fee_bumps),
            get(&self.rebroadcasts),
            get(&self.resyncs),
            get(&self.reassigned),
        ]
    }
}

/// A submission that is mined (with its receipt).
#[derive(Debug, Clone)]
pub struct TxOutcome {
    /// Nonce it was mined with.
    pub nonce: u64,
    /// The mined attempt's receipt.
    pub receipt: TransactionReceipt,
    /// How many attempts were signed for the nonce (1 + fee bumps).
    pub attempts: usize,
}

/// The transaction manager of one signer (see the module docs).
pub struct TxManager<P> {
    rpc: Rpc<P>,
    wallet: EthereumWallet,
    address: Address,
    chain_id: u64,
    store: Store,
    cfg: TxManagerConfig,
    /// The next nonce to assign; the lock also serializes assignment + first broadcast.
    next_nonce: Mutex<u64>,
    metrics: TxMetrics,
}

impl<P> std::fmt::Debug for TxManager<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TxManager")
            .field("address", &self.address)
            .finish_non_exhaustive()
    }
}

impl<P: Provider + Clone> TxManager<P> {
    /// Start a manager for `signer`: reads the chain id and the signer's pending nonce from the
    /// node (retrying transport errors), and takes the store's in-flight rows into account.
    pub async fn new(
        provider: P,
        signer: PrivateKeySigner,
        store: Store,
        cfg: TxManagerConfig,
        cancel: CancellationToken,
    ) -> Result<Self, TxError> {
        let address = signer.address();
        let rpc = Rpc::new(provider, cfg.clone(), cancel);
        let chain_id = rpc
            .retry("chain id", |p| async move { p.get_chain_id().await })
            .await?;
        let mgr = Self {
            rpc,
            wallet: EthereumWallet::from(signer),
            address,
            chain_id,
            store,
            cfg,
            next_nonce: Mutex::new(0),
            metrics: TxMetrics::default(),
        };
        let n = mgr.synced_nonce().await?;
        *mgr.next_nonce.lock().await = n;
        tracing::info!(target: "janus::txmgr", signer = %address, nonce = n, "transaction manager ready");
        Ok(mgr)
    }

    /// The signer's address.
    pub fn address(&self) -> Address {
        self.address
    }

    /// Counters.
    pub fn metrics(&self) -> &TxMetrics {
        &self.metrics
    }

    /// Transport errors retried so far (connection refused, timeouts, …).
    pub fn rpc_retries(&self) -> u64 {
        get(&self.rpc.retries)
    }

    /// The next nonce this manager will assign.
    pub async fn next_nonce(&self) -> u64 {
        *self.next_nonce.lock().await
    }

    /// The in-flight submissions left by an earlier run; pass each to [`Self::wait`] (which
    /// rebroadcasts it if the node does not know it).
    pub fn recover(&self) -> Result<Vec<PendingTx>, TxError> {
        Ok(self.store.pending_for(self.address)?)
    }

    /// Send `intent` and wait until it is mined with `confirmations`.
    pub async fn send(&self, intent: TxIntent) -> Result<TxOutcome, TxError> {
        let pending = self.submit(intent).await?;
        self.wait(pending).await
    }

    /// Node's pending nonce, but never below the highest in-flight nonce + 1.
    async fn synced_nonce(&self) -> Result<u64, TxError> {
        let addr = self.address;
        let node = self
            .rpc
            .retry("nonce", |p| async move {
                p.get_transaction_count(addr).pending().await
            })
            .await?;
        let stored = self
            .store
            .pending_for(addr)?
            .iter()
            .map(|p| p.nonce + 1)
            .max();
        Ok(node.max(stored.unwrap_or(0)))
    }

    async fn resync(&self, next: &mut u64) -> Result<(), TxError> {
        let n = self.synced_nonce().await?;
        if n != *next {
            tracing::warn!(target: "janus::txmgr", from = *next, to = n, "nonce resynced");
        }
        *next = n;
        TxMetrics::record_nonce(n);
        self.metrics.resyncs.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// Assign a nonce, sign, persist, broadcast. Returns the persisted in-flight row.
    pub async fn submit(&self, intent: TxIntent) -> Result<PendingTx, TxError> {
        let mut next = self.next_nonce.lock().await;
        let base = TransactionRequest::default()
            .with_from(self.address)
            .with_to(intent.to)
            .with_input(intent.input.clone())
            .with_value(intent.value);
        let estimate = {
            let req = base.clone();
            self.rpc
                .call("estimate gas", |p| {
                    let req = req.clone();
                    async move { p.estimate_gas(req).await }
                })
                .await
        };
        let gas = match estimate {
            Ok(g) => g,
            Err(_) if self.rpc.cancelled() => return Err(TxError::Cancelled),
            Err(source) => {
                return Err(TxError::Rejected {
                    label: intent.label,
                    source,
                });
            }
        };
        let gas_limit = gas.saturating_mul(100 + self.cfg.gas_margin_percent) / 100;
        const MAX_NONCE_TRIES: u32 = 5;
        for _ in 0..MAX_NONCE_TRIES {
            // A manager that was cancelled starts no new broadcast (what it persisted resumes
            // after a restart).
            if self.rpc.cancelled() {
                return Err(TxError::Cancelled);
            }
            let fees = self
                .rpc
                .retry("fees", |p| async move { p.estimate_eip1559_fees().await })
                .await?;
            let nonce = *next;
            let (env, raw) = self
                .sign(
                    &base,
                    nonce,
                    gas_limit,
                    fees.max_fee_per_gas,
                    fees.max_priority_fee_per_gas,
                )
                .await?;
            let row = PendingTx {
                signer: self.address,
                nonce,
                request: intent.clone(),
                gas_limit,
                max_fee_per_gas: fees.max_fee_per_gas,
                max_priority_fee_per_gas: fees.max_priority_fee_per_gas,
                hashes: vec![*env.tx_hash()],
                raw: raw.clone(),
                sent_at_ms: now_ms(),
            };
            self.store.put_pending(&row)?;
            match self.rpc.broadcast(&raw).await? {
                Ok(()) => {
                    *next = nonce + 1;
                    TxMetrics::record_nonce(*next);
                    self.metrics.record_sent();
                    tracing::info!(target: "janus::txmgr", label = %intent.label, nonce,
                        hash = %env.tx_hash(), "sent");
                    return Ok(row);
                }
                Err(source) => {
                    // Never broadcast: this nonce holds nothing of ours.
                    self.store.remove_pending(self.address, nonce)?;
                    self.resync(&mut next).await?;
                    if is_nonce_error(&source) {
                        continue;
                    }
                    return Err(TxError::Rejected {
                        label: intent.label,
                        source,
                    });
                }
            }
        }
        Err(TxError::NonceContention {
            label: intent.label,
            attempts: MAX_NONCE_TRIES,
        })
    }

    async fn sign(
        &self,
        base: &TransactionRequest,
        nonce: u64,
        gas_limit: u64,
        max_fee: u128,
        max_priority: u128,
    ) -> Result<(TxEnvelope, Bytes), TxError> {
        let req = base
            .clone()
            .with_nonce(nonce)
            .with_chain_id(self.chain_id)
            .with_gas_limit(gas_limit)
            .with_max_fee_per_gas(max_fee)
            .with_max_priority_fee_per_gas(max_priority);
        let env: TxEnvelope = req.build(&self.wallet).await.map_err(TxError::Sign)?;
        let raw = Bytes::from(env.encoded_2718());
        Ok((env, raw))
    }

    /// Wait for an in-flight submission: poll receipts of every attempt; rebroadcast if the node
    /// dropped it; bump fees after `bump_after`; move to a fresh nonce if another transaction
    /// consumed this one. Removes the row once mined with enough confirmations.
    pub async fn wait(&self, mut row: PendingTx) -> Result<TxOutcome, TxError> {
        let mut reassignments = 0u32;
        loop {
            if self.rpc.cancelled() {
                return Err(TxError::Cancelled);
            }
            // Nonce first, receipts second: a receipt that appears in between is still seen.
            let addr = self.address;
            let mined_nonce = self
                .rpc
                .retry("nonce", |p| async move {
                    p.get_transaction_count(addr).latest().await
                })
                .await?;
            if let Some(receipt) = self.find_receipt(&row).await? {
                let block = receipt.block_number.unwrap_or(0);
                let head = self
                    .rpc
                    .retry("head", |p| async move { p.get_block_number().await })
                    .await?;
                if head + 1 >= block + self.cfg.confirmations {
                    self.store.remove_pending(self.address, row.nonce)?;
                    let hash = receipt.transaction_hash;
                    if !receipt.status() {
                        return Err(TxError::Reverted {
                            label: row.request.label,
                            hash,
                        });
                    }
                    tracing::info!(target: "janus::txmgr", label = %row.request.label,
                        nonce = row.nonce, %hash, block, "mined");
                    return Ok(TxOutcome {
                        nonce: row.nonce,
                        receipt,
                        attempts: row.hashes.len(),
                    });
                }
            } else if mined_nonce > row.nonce {
                // The nonce is used but no receipt of ours is visible. A node may report the
                // account's nonce before it serves the receipt of the block that used it: look
                // again a few times before deciding another transaction took the nonce (moving
                // the call then would send it twice).
                if self.receipt_appears(&row).await? {
                    continue;
                }
                // Consumed by a transaction that is none of our attempts.
                reassignments += 1;
                if reassignments > 5 {
                    return Err(TxError::NonceContention {
                        label: row.request.label,
                        attempts: reassignments,
                    });
                }
                tracing::warn!(target: "janus::txmgr", label = %row.request.label,
                    nonce = row.nonce, "nonce consumed by another transaction; moving the call");
                self.store.remove_pending(self.address, row.nonce)?;
                self.metrics.reassigned.fetch_add(1, Ordering::Relaxed);
                {
                    let mut next = self.next_nonce.lock().await;
                    self.resync(&mut next).await?;
                }
                row = self.submit(row.request).await?;
                continue;
            } else {
                self.ensure_known(&mut row).await?;
                if now_ms().saturating_sub(row.sent_at_ms) >= self.cfg.bump_after.as_millis() as u64
                {
                    self.bump(&mut row).await?;
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(self.cfg.poll_interval) => {}
                _ = self.rpc.cancel.cancelled() => return Err(TxError::Cancelled),
            }
        }
    }

    /// Whether a receipt of one of `row`'s attempts shows up within a few short polls.
    async fn receipt_appears(&self, row: &PendingTx) -> Result<bool, TxError> {
        for i in 1..=RECEIPT_RECHECKS {
            tokio::select! {
                _ = tokio::time::sleep(RECEIPT_RECHECK_DELAY * i) => {}
                _ = self.rpc.cancel.cancelled() => return Err(TxError::Cancelled),
            }
            if self.find_receipt(row).await?.is_some() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    async fn find_receipt(&self, row: &PendingTx) -> Result<Option<TransactionReceipt>, TxError> {
        for h in row.hashes.iter().rev() {
            let h = *h;
            let r = self
                .rpc
                .retry(
                    "receipt",
                    |p| async move { p.get_transaction_receipt(h).await },
                )
                .await?;
            if r.is_some() {
                return Ok(r);
            }
        }
        Ok(None)
    }

    /// Rebroadcast the latest attempt if the node knows none of them (dropped, or a restart).
    async fn ensure_known(&self, row: &mut PendingTx) -> Result<(), TxError> {
        let Some(&latest) = row.hashes.last() else {
            return Ok(());
        };
        // Any attempt in the pool will do (a refused replacement leaves the previous one there).
        for &h in row.hashes.iter().rev() {
            let known = self
                .rpc
                .retry("tx by hash", |p| async move {
                    p.get_transaction_by_hash(h).await
                })
                .await?;
            if known.is_some() {
                return Ok(());
            }
        }
        tracing::warn!(target: "janus::txmgr", label = %row.request.label, nonce = row.nonce,
            hash = %latest, "attempt unknown to the node; rebroadcasting");
        self.metrics.rebroadcasts.fetch_add(1, Ordering::Relaxed);
        if let Err(e) = self.rpc.broadcast(&row.raw).await? {
            tracing::warn!(target: "janus::txmgr", error = %describe_rpc_error(&e), "rebroadcast refused");
            let mut next = self.next_nonce.lock().await;
            self.resync(&mut next).await?;
        }
        row.sent_at_ms = now_ms();
        self.store.put_pending(row)?;
        Ok(())
    }

    /// Replace the latest attempt with the same call at higher fees (same nonce).
    async fn bump(&self, row: &mut PendingTx) -> Result<(), TxError> {
        let pct = u128::from(self.cfg.bump_percent.max(10));
        let fees = self
            .rpc
            .retry("fees", |p| async move { p.estimate_eip1559_fees().await })
            .await?;
        let up = |old: u128| old + (old * pct).div_ceil(100).max(1);
        let priority = up(row.max_priority_fee_per_gas).max(fees.max_priority_fee_per_gas);
        let max_fee = up(row.max_fee_per_gas)
            .max(fees.max_fee_per_gas)
            .max(priority);
        let base = TransactionRequest::default()
            .with_from(self.address)
            .with_to(row.request.to)
            .with_input(row.request.input.clone())
            .with_value(row.request.value);
        let (env, raw) = self
            .sign(&base, row.nonce, row.gas_limit, max_fee, priority)
            .await?;
        row.max_fee_per_gas = max_fee;
        row.max_priority_fee_per_gas = priority;
        row.hashes.push(*env.tx_hash());
        row.raw = raw.clone();
        row.sent_at_ms = now_ms();
        // Persist before broadcasting: after a crash the replacement is what gets rebroadcast.
        self.store.put_pending(row)?;
        self.metrics.record_fee_bump();
        tracing::info!(target: "janus::txmgr", label = %row.request.label, nonce = row.nonce,
            max_fee, priority, hash = %env.tx_hash(), "fee bump");
        if let Err(e) = self.rpc.broadcast(&raw).await? {
            // E.g. "replacement underpriced" or the nonce just got mined: the next poll decides.
            tracing::warn!(target: "janus::txmgr", error = %describe_rpc_error(&e), "replacement refused");
            let mut next = self.next_nonce.lock().await;
            self.resync(&mut next).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
