//! The embedded store (redb, crash-safe: every write is one ACID transaction, fsynced on commit)
//! for what cannot be re-read from L1: the transaction manager's in-flight submissions, the soft
//! confirmations this node has signed, and the L2 mempool. Everything else (batches, messages,
//! L2 state) is derived from L1 again after a restart.

mod error;
mod types;

pub use error::StoreError;
pub use types::{PendingTx, SoftConfirmation, TxIntent};

use std::path::Path;
use std::sync::Arc;

use alloy::primitives::Address;
use redb::{Database, ReadableTable, TableDefinition};

/// In-flight L1 transactions: (signer, nonce) → JSON [`PendingTx`].
const PENDING: TableDefinition<(&[u8; 20], u64), &[u8]> = TableDefinition::new("pending_tx");
/// Soft confirmations given: L2 height → JSON [`SoftConfirmation`].
const SOFT_CONF: TableDefinition<u64, &[u8]> = TableDefinition::new("soft_confirmations");
/// Mempool: (L2 account, nonce) → 137-byte transaction record.
const MEMPOOL: TableDefinition<(u32, u64), &[u8]> = TableDefinition::new("mempool");
/// L2 blocks this node produced: number → JSON row (the sequencer's `StoredBlock`).
const BLOCKS: TableDefinition<u64, &[u8]> = TableDefinition::new("l2_blocks");

/// Handle on the store; cheap to clone and shared by every role.
#[derive(Clone)]
pub struct Store {
    db: Arc<Database>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Open (or create) the database file at `path` and its tables.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let db = Database::create(path)?;
        let tx = db.begin_write()?;
        tx.open_table(PENDING)?;
        tx.open_table(SOFT_CONF)?;
        tx.open_table(MEMPOOL)?;
        tx.open_table(BLOCKS)?;
        tx.commit()?;
        Ok(Self { db: Arc::new(db) })
    }

    /// The database, for roles that keep a table of their own in their own module (e.g. the
    /// challenger's `challenges`); each such table is owned by that module.
    pub fn db(&self) -> &Database {
        &self.db
    }

    /// Insert or overwrite the in-flight submission `(p.signer, p.nonce)`.
    pub fn put_pending(&self, p: &PendingTx) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(p)?;
        let tx = self.db.begin_write()?;
        tx.open_table(PENDING)?
            .insert((&p.signer.into_array(), p.nonce), bytes.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    /// Forget an in-flight submission (mined, or handed over to another nonce).
    pub fn remove_pending(&self, signer: Address, nonce: u64) -> Result<(), StoreError> {
        let tx = self.db.begin_write()?;
        tx.open_table(PENDING)?
            .remove((&signer.into_array(), nonce))?;
        tx.commit()?;
        Ok(())
    }

    /// Every in-flight submission of `signer`, by nonce.
    pub fn pending_for(&self, signer: Address) -> Result<Vec<PendingTx>, StoreError> {
        let key = signer.into_array();
        let tx = self.db.begin_read()?;
        let table = tx.open_table(PENDING)?;
        let mut out = Vec::new();
        for row in table.range((&key, 0u64)..=(&key, u64::MAX))? {
            let (_, v) = row?;
            out.push(serde_json::from_slice(v.value())?);
        }
        Ok(out)
    }

    /// Record a soft confirmation unless one already exists at its height; returns the existing
    /// one in that case (and writes nothing), so a caller can never sign two for one height.
    pub fn insert_soft_confirmation(
        &self,
        sc: &SoftConfirmation,
    ) -> Result<Option<SoftConfirmation>, StoreError> {
        self.with_new_soft_confirmation(sc, |_| Ok(()))
    }

    /// In one write transaction: if a soft confirmation exists at `sc.height`, return it and write
    /// nothing; else insert `sc`, run `also` in the same transaction, and commit durably.
    fn with_new_soft_confirmation(
        &self,
        sc: &SoftConfirmation,
        also: impl FnOnce(&redb::WriteTransaction) -> Result<(), StoreError>,
    ) -> Result<Option<SoftConfirmation>, StoreError> {
        let tx = self.db.begin_write()?;
        let existing = {
            let mut table = tx.open_table(SOFT_CONF)?;
            let existing = match table.get(sc.height)? {
                Some(v) => Some(serde_json::from_slice::<SoftConfirmation>(v.value())?),
                None => None,
            };
            if existing.is_none() {
                table.insert(sc.height, serde_json::to_vec(sc)?.as_slice())?;
            }
            existing
        };
        if existing.is_some() {
            tx.abort()?;
            return Ok(existing);
        }
        also(&tx)?;
        tx.commit()?;
        Ok(None)
    }

    /// The soft confirmation given at `height`, if any.
    pub fn soft_confirmation(&self, height: u64) -> Result<Option<SoftConfirmation>, StoreError> {
        let tx = self.db.begin_read()?;
        let table = tx.open_table(SOFT_CONF)?;
        Ok(match table.get(height)? {
            Some(v) => Some(serde_json::from_slice(v.value())?),
            None => None,
        })
    }

    /// Add (or replace) the mempool transaction of `account` at `nonce`.
    pub fn mempool_insert(
        &self,
        account: u32,
        nonce: u64,
        record: &[u8],
    ) -> Result<(), StoreError> {
        let tx = self.db.begin_write()?;
        tx.open_table(MEMPOOL)?.insert((account, nonce), record)?;
        tx.commit()?;
        Ok(())
    }

    /// Add a mempool transaction without waiting for the disk: the write is visible at once and
    /// becomes durable with the next durable commit (every [`Self::commit_block`]), so a crash loses
    /// at most the transactions admitted since the last block (their senders resubmit).
    pub fn mempool_insert_fast(
        &self,
        account: u32,
        nonce: u64,
        record: &[u8],
    ) -> Result<(), StoreError> {
        let mut tx = self.db.begin_write()?;
        tx.set_durability(redb::Durability::None);
        tx.open_table(MEMPOOL)?.insert((account, nonce), record)?;
        tx.commit()?;
        Ok(())
    }

    /// Commit a produced L2 block in one durable transaction: unless a soft confirmation exists at
    /// `sc.height`, record `sc`, the block row, and remove the block's mempool keys. If one exists,
    /// nothing is written and it is returned (equal to `sc`: the same header was committed before;
    /// different: the caller must not publish its signature).
    pub fn commit_block(
        &self,
        sc: &SoftConfirmation,
        block_row: &[u8],
        mempool_keys: &[(u32, u64)],
    ) -> Result<Option<SoftConfirmation>, StoreError> {
        self.with_new_soft_confirmation(sc, |tx| {
            tx.open_table(BLOCKS)?.insert(sc.height, block_row)?;
            let mut pool = tx.open_table(MEMPOOL)?;
            for k in mempool_keys {
                pool.remove(*k)?;
            }
            Ok(())
        })
    }

    /// The block row at `number`, if this node produced one.
    pub fn block(&self, number: u64) -> Result<Option<Vec<u8>>, StoreError> {
        let tx = self.db.begin_read()?;
        let table = tx.open_table(BLOCKS)?;
        Ok(table.get(number)?.map(|v| v.value().to_vec()))
    }

    /// Block rows with number `>= from`, ascending.
    pub fn blocks_from(&self, from: u64) -> Result<Vec<(u64, Vec<u8>)>, StoreError> {
        let tx = self.db.begin_read()?;
        let table = tx.open_table(BLOCKS)?;
        let mut out = Vec::new();
        for row in table.range(from..)? {
            let (k, v) = row?;
            out.push((k.value(), v.value().to_vec()));
        }
        Ok(out)
    }

    /// Remove mempool transactions (included in a block, or evicted), in one transaction.
    pub fn mempool_remove(&self, keys: &[(u32, u64)]) -> Result<(), StoreError> {
        let tx = self.db.begin_write()?;
        {
            let mut table = tx.open_table(MEMPOOL)?;
            for k in keys {
                table.remove(*k)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The whole mempool, ordered by (account, nonce).
    pub fn mempool(&self) -> Result<Vec<(u32, u64, Vec<u8>)>, StoreError> {
        let tx = self.db.begin_read()?;
        let table = tx.open_table(MEMPOOL)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (k, v) = row?;
            let (account, nonce) = k.value();
            out.push((account, nonce, v.value().to_vec()));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests;
