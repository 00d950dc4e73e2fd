//! Errors of the transaction manager.

use alloy::primitives::B256;

use crate::store::StoreError;

/// A submission failed for good (transient RPC errors are retried, never returned).
#[derive(Debug, thiserror::Error)]
pub enum TxError {
    /// The node rejected the transaction for a reason a retry cannot fix (e.g. it reverts in gas
    /// estimation, or the signer lacks funds).
    #[error("{label}: rejected by the node: {message}")]
    Rejected {
        /// The submission's label.
        label: String,
        /// The node's error message.
        message: String,
    },
    /// The transaction was mined but reverted (its nonce is consumed).
    #[error("{label}: reverted on chain in {hash}")]
    Reverted {
        /// The submission's label.
        label: String,
        /// Hash of the mined attempt.
        hash: B256,
    },
    /// The nonce was taken by other transactions too many times in a row.
    #[error("{label}: nonce taken by other transactions {attempts} times")]
    NonceContention {
        /// The submission's label.
        label: String,
        /// How many nonces were tried.
        attempts: u32,
    },
    /// Signing failed.
    #[error("signing: {0}")]
    Sign(String),
    /// The in-flight record could not be persisted or read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Shutdown was requested; the submission stays in the store and resumes after a restart.
    #[error("cancelled (the submission resumes after restart)")]
    Cancelled,
    /// An unexpected RPC answer (e.g. a malformed response) that is not retried.
    #[error("rpc: {0}")]
    Rpc(String),
}
