//! The mempool: signed transaction records waiting for a block, per account in nonce order.
//!
//! Admission ([`Mempool::admit`], or [`decode_submission`] + [`check_signature`] +
//! [`Mempool::insert`] when the signature is checked outside a lock) rejects, with a typed
//! [`MempoolError`]: malformed or oversize bytes, no-ops, a bad signature for this node's L2 chain
//! id (`janus_l2::tx::verify_tx`), an unknown sender, a nonce below the account's, a nonce more than
//! `max_nonce_gap` ahead, a second transaction at a pooled nonce, duplicates, and the per-account and
//! global limits. Accounts and nonces are read from the sequencer's working state (after its own
//! blocks). Every admitted record is written to the store's mempool table (made durable by the next
//! block commit), so the pool survives a restart ([`Mempool::restore`]).

use std::collections::{BTreeMap, HashMap};
use std::time::Instant;

use alloy::primitives::B256;
use janus_l2::state::State;
use janus_l2::tx::record::{Tx, TX_BYTES};
use janus_l2::tx::signing::verify_tx;
use janus_l2::TxError;

use super::block::tx_hash;
use super::error::MempoolError;
use crate::store::Store;

/// Limits of the mempool.
#[derive(Clone, Debug)]
pub struct MempoolConfig {
    /// Most pooled transactions per account.
    pub max_per_account: usize,
    /// Most pooled transactions in total.
    pub max_total: usize,
    /// Largest accepted `tx.nonce - account.nonce`.
    pub max_nonce_gap: u64,
}

impl Default for MempoolConfig {
    fn default() -> Self {
        Self {
            max_per_account: 256,
            max_total: 200_000,
            max_nonce_gap: 64,
        }
    }
}

/// A transaction in the pool.
#[derive(Clone, Debug)]
pub struct PooledTx {
    /// `keccak256(record)`.
    pub hash: B256,
    /// The decoded record.
    pub tx: Tx,
    /// Sender.
    pub from: u32,
    /// Nonce.
    pub nonce: u64,
    /// When it was admitted (this process).
    pub received: Instant,
    /// The sender key the signature was verified against (for the node's chain id) at
    /// admission; `None` when not verified here (restored after a restart). Block production
    /// skips the second verification only when the sender's key is still this one.
    pub verified_key: Option<[u8; 40]>,
}

/// Sender and nonce of a transfer or withdrawal (`None` for a no-op).
pub fn sender_nonce(tx: &Tx) -> Option<(u32, u64)> {
    match tx {
        Tx::Noop => None,
        Tx::Transfer(t) => Some((t.from, t.nonce)),
        Tx::Withdraw(w) => Some((w.from, w.nonce)),
    }
}

/// Stateless checks of submitted bytes: size, strict decoding, not a no-op.
pub fn decode_submission(bytes: &[u8]) -> Result<PooledTx, MempoolError> {
    if bytes.len() > TX_BYTES {
        return Err(MempoolError::Oversize {
            len: bytes.len(),
            max: TX_BYTES,
        });
    }
    let tx = Tx::decode(bytes).map_err(MempoolError::Malformed)?;
    let (from, nonce) = sender_nonce(&tx).ok_or(MempoolError::Noop)?;
    Ok(PooledTx {
        hash: tx_hash(&tx.encode()),
        tx,
        from,
        nonce,
        received: Instant::now(),
        verified_key: None,
    })
}

/// Check the signature under the sender's stored key for `chain_id`, and remember that key as
/// the one it was verified against.
pub fn check_signature(
    p: &mut PooledTx,
    key: &[u8; 40],
    chain_id: u64,
) -> Result<(), MempoolError> {
    verify_tx(&p.tx, key, chain_id).map_err(|e| match e {
        TxError::BadSignature(reason) => MempoolError::BadSignature { chain_id, reason },
        other => MempoolError::Invalid(other),
    })?;
    p.verified_key = Some(*key);
    Ok(())
}

/// The pool (see the module docs).
#[derive(Debug)]
pub struct Mempool {
    cfg: MempoolConfig,
    by_account: HashMap<u32, BTreeMap<u64, PooledTx>>,
    by_hash: HashMap<B256, (u32, u64)>,
    /// Admission order: sequence number → (account, nonce).
    arrival: BTreeMap<u64, (u32, u64)>,
    seq_of: HashMap<(u32, u64), u64>,
    next_seq: u64,
    store: Option<Store>,
}

impl Mempool {
    /// An empty pool persisting to `store` (none: memory only, for benchmarks and tests).
    pub fn new(cfg: MempoolConfig, store: Option<Store>) -> Self {
        Self {
            cfg,
            by_account: HashMap::new(),
            by_hash: HashMap::new(),
            arrival: BTreeMap::new(),
            seq_of: HashMap::new(),
            next_seq: 0,
            store,
        }
    }

    /// Reload the persisted rows (after a restart). Rows that no longer decode, or whose nonce the
    /// state has passed, are removed from the store. Returns how many were restored.
    pub fn restore(&mut self, state: &State) -> Result<usize, MempoolError> {
        let Some(store) = self.store.clone() else {
            return Ok(0);
        };
        let mut stale = Vec::new();
        let mut restored = 0;
        for (account, nonce, record) in store.mempool()? {
            match decode_submission(&record) {
                Ok(p) if p.from == account && p.nonce == nonce => {
                    let next = state.get(account).map(|a| a.nonce);
                    if next.is_some_and(|n| nonce >= n) {
                        self.put(p);
                        restored += 1;
                        continue;
                    }
                    stale.push((account, nonce));
                }
                _ => stale.push((account, nonce)),
            }
        }
        store.mempool_remove(&stale)?;
        Ok(restored)
    }

    /// Number of pooled transactions.
    pub fn len(&self) -> usize {
        self.by_hash.len()
    }

    /// Whether the pool is empty.
    pub fn is_empty(&self) -> bool {
        self.by_hash.is_empty()
    }

    /// A pooled transaction by hash.
    pub fn get(&self, hash: &B256) -> Option<&PooledTx> {
        let (a, n) = self.by_hash.get(hash)?;
        self.by_account.get(a)?.get(n)
    }

    /// The checks that need the sender's account but not the signature. `next` is the sender's
    /// nonce in the working state (`None`: no account).
    pub fn precheck(&self, p: &PooledTx, next: Option<u64>) -> Result<(), MempoolError> {
        let account = p.from;
        let next = next.ok_or(MempoolError::UnknownSender(account))?;
        if self.by_hash.contains_key(&p.hash) {
            return Err(MempoolError::Duplicate(p.hash));
        }
        if p.nonce < next {
            return Err(MempoolError::NonceTooLow {
                account,
                next,
                got: p.nonce,
            });
        }
        let max_gap = self.cfg.max_nonce_gap;
        if p.nonce - next > max_gap {
            return Err(MempoolError::NonceGap {
                account,
                next,
                got: p.nonce,
                max_gap,
            });
        }
        let pooled = self.by_account.get(&account);
        if pooled.is_some_and(|m| m.contains_key(&p.nonce)) {
            return Err(MempoolError::NonceInUse {
                account,
                nonce: p.nonce,
            });
        }
        if pooled.map_or(0, |m| m.len()) >= self.cfg.max_per_account {
            return Err(MempoolError::AccountFull {
                account,
                limit: self.cfg.max_per_account,
            });
        }
        if self.len() >= self.cfg.max_total {
            return Err(MempoolError::PoolFull {
                limit: self.cfg.max_total,
            });
        }
        Ok(())
    }

    /// The checks before the signature: the stateless ones ([`decode_submission`]) and the
    /// account's ([`Self::precheck`]) against `state`. Returns the decoded transaction and the
    /// key its signature must verify under ([`check_signature`], the costly step, which the RPC
    /// runs outside the sequencer's lock).
    pub fn screen(
        &self,
        bytes: &[u8],
        state: &State,
    ) -> Result<(PooledTx, [u8; 40]), MempoolError> {
        let p = decode_submission(bytes)?;
        let account = state.get(p.from);
        self.precheck(&p, account.map(|a| a.nonce))?;
        let key = account.ok_or(MempoolError::UnknownSender(p.from))?.key;
        Ok((p, key))
    }

    /// Insert a transaction whose signature was checked after [`Self::screen`] with the lock
    /// released in between: re-runs [`Self::precheck`] (the state or the pool may have moved
    /// meanwhile) and persists.
    pub fn insert(&mut self, p: PooledTx, next: Option<u64>) -> Result<B256, MempoolError> {
        self.precheck(&p, next)?;
        self.commit(p)
    }

    /// Every admission check against `state` in one go (screen, signature, insert), for callers
    /// that hold the pool throughout (a rebase re-admitting abandoned transactions, tests).
    /// Returns the transaction hash.
    pub fn admit(
        &mut self,
        bytes: &[u8],
        state: &State,
        chain_id: u64,
    ) -> Result<B256, MempoolError> {
        let (mut p, key) = self.screen(bytes, state)?;
        check_signature(&mut p, &key, chain_id)?;
        self.commit(p)
    }

    /// Persist and pool a transaction that passed every check.
    fn commit(&mut self, p: PooledTx) -> Result<B256, MempoolError> {
        if let Some(store) = &self.store {
            store.mempool_insert_fast(p.from, p.nonce, &p.tx.encode())?;
        }
        let hash = p.hash;
        self.put(p);
        Ok(hash)
    }

    fn put(&mut self, p: PooledTx) {
        let key = (p.from, p.nonce);
        let seq = self.next_seq;
        self.next_seq += 1;
        self.by_hash.insert(p.hash, key);
        self.arrival.insert(seq, key);
        self.seq_of.insert(key, seq);
        self.by_account
            .entry(p.from)
            .or_default()
            .insert(p.nonce, p);
    }

    /// Pooled transactions in admission order.
    pub fn in_arrival_order(&self) -> impl Iterator<Item = &PooledTx> + '_ {
        self.arrival
            .values()
            .filter_map(|(a, n)| self.by_account.get(a)?.get(n))
    }

    /// Forget transactions (in memory; the caller removes the store rows in its block commit).
    pub fn remove(&mut self, keys: &[(u32, u64)]) {
        for key in keys {
            let Some(m) = self.by_account.get_mut(&key.0) else {
                continue;
            };
            if let Some(p) = m.remove(&key.1) {
                self.by_hash.remove(&p.hash);
            }
            if m.is_empty() {
                self.by_account.remove(&key.0);
            }
            if let Some(seq) = self.seq_of.remove(key) {
                self.arrival.remove(&seq);
            }
        }
    }
}
