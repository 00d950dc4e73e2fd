//! The node-level error: what can stop the `janus` node, wrapping each role's own error.

use crate::{derive::DeriveError, l1::L1Error, store::StoreError, txmgr::TxError};

/// A role of the node failed for good.
#[derive(Debug, thiserror::Error)]
pub enum NodeError {
    /// Configuration is invalid (bad address, unreadable deployment file, …).
    #[error("config: {0}")]
    Config(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The L1 watcher failed.
    #[error(transparent)]
    L1(#[from] L1Error),
    /// Derivation failed.
    #[error(transparent)]
    Derive(#[from] DeriveError),
    /// A transaction manager failed.
    #[error(transparent)]
    Tx(#[from] TxError),
}
