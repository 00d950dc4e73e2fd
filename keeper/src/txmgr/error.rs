//! Errors of the transaction manager.

use alloy::network::{Ethereum, TransactionBuilderError};
use alloy::primitives::B256;
use alloy::transports::{RpcError, TransportErrorKind};

use crate::l1::describe_rpc_error;

use crate::store::StoreError;

/// A submission failed for good (transient RPC errors are retried, never returned).
#[derive(Debug, thiserror::Error)]
pub enum TxError {
    /// The node rejected the transaction for a reason a retry cannot fix (e.g. it reverts in gas
    /// estimation, or the signer lacks funds).
    #[error("{label}: rejected by the node: {}", describe_rpc_error(source))]
    Rejected {
        /// The submission's label.
        label: String,
        /// The node's answer (a revert's custom error is named in the message).
        #[source]
        source: RpcError<TransportErrorKind>,
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
    Sign(#[source] TransactionBuilderError<Ethereum>),
    /// The in-flight record could not be persisted or read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Shutdown was requested; the submission stays in the store and resumes after a restart.
    #[error("cancelled (the submission resumes after restart)")]
    Cancelled,
    /// An unexpected RPC answer (e.g. a malformed response) that is not retried.
    #[error("rpc {what}: {}", describe_rpc_error(source))]
    Rpc {
        /// The call.
        what: &'static str,
        /// What the provider returned.
        #[source]
        source: RpcError<TransportErrorKind>,
    },
}
