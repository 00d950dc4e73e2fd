//! Errors of the embedded store.

/// A store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file could not be created or opened (or is locked by another process).
    #[error("opening the store: {0}")]
    Open(#[from] redb::DatabaseError),
    /// A transaction could not be started.
    #[error("store transaction: {0}")]
    Transaction(Box<redb::TransactionError>),
    /// A table could not be opened.
    #[error("store table: {0}")]
    Table(#[from] redb::TableError),
    /// Reading or writing a row failed.
    #[error("store access: {0}")]
    Storage(#[from] redb::StorageError),
    /// Committing failed (nothing of the transaction was written).
    #[error("store commit: {0}")]
    Commit(#[from] redb::CommitError),
    /// A row could not be encoded or decoded.
    #[error("store row encoding: {0}")]
    Codec(#[from] serde_json::Error),
}

impl From<redb::TransactionError> for StoreError {
    fn from(e: redb::TransactionError) -> Self {
        Self::Transaction(Box::new(e))
    }
}
