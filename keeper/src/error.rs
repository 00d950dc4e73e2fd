//! The node-level error: what can stop the `janus` node, wrapping each role's own error.

use crate::{
    challenger::ChallengerError, derive::DeriveError, l1::L1Error, sequencer::SequencerError,
    store::StoreError, txmgr::TxError,
};

/// A role of the node failed for good.
#[derive(Debug, thiserror::Error)]
pub enum NodeError {
    /// Configuration is invalid (bad address, unreadable deployment file, a flag that needs
    /// another, …).
    #[error("config: {0}")]
    Config(#[from] crate::config::ConfigError),
    /// The data directory could not be created.
    #[error("creating {}: {source}", .path.display())]
    DataDir {
        /// The directory.
        path: std::path::PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The operations endpoint (metrics, health) could not start.
    #[error(transparent)]
    Ops(#[from] crate::ops::OpsError),
    /// The L2 JSON-RPC could not start.
    #[error(transparent)]
    Rpc(#[from] crate::rpc::RpcError),
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
    /// The challenger could not start.
    #[error(transparent)]
    Challenger(#[from] ChallengerError),
    /// The sequencer could not start.
    #[error(transparent)]
    Sequencer(#[from] SequencerError),
    /// A running role failed (its own error inside).
    #[error("role {role}: {source}")]
    Role {
        /// The role's name.
        role: &'static str,
        /// Its error.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}
