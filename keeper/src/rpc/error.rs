//! JSON-RPC error codes (stable; documented in `docs/keeper-rpc.md`) and the RPC server's own
//! error type.

use jsonrpsee::types::ErrorObjectOwned;

use crate::sequencer::{MempoolError, SequencerError};

/// Invalid method parameters (JSON-RPC standard), including bad hex.
pub const INVALID_PARAMS: i32 = -32602;
/// Internal error (store).
pub const INTERNAL: i32 = -32603;
/// The bytes are not a well-formed transaction record.
pub const MALFORMED_TX: i32 = -39001;
/// More bytes than a record.
pub const OVERSIZE: i32 = -39002;
/// A no-op was submitted.
pub const NOOP: i32 = -39003;
/// The declared chain id is not this node's.
pub const WRONG_CHAIN: i32 = -39004;
/// The signature does not verify for this chain id.
pub const BAD_SIGNATURE: i32 = -39005;
/// A field is out of range.
pub const INVALID_TX: i32 = -39006;
/// The sender account does not exist.
pub const UNKNOWN_SENDER: i32 = -39007;
/// The nonce was used already.
pub const NONCE_TOO_LOW: i32 = -39008;
/// The nonce is too far ahead.
pub const NONCE_GAP: i32 = -39009;
/// Another transaction holds this nonce.
pub const NONCE_IN_USE: i32 = -39010;
/// The transaction is already pooled.
pub const DUPLICATE: i32 = -39011;
/// The sender has too many pooled transactions.
pub const ACCOUNT_FULL: i32 = -39012;
/// The mempool is full.
pub const POOL_FULL: i32 = -39013;
/// This node is not the leader and could not forward (no leader known, no URL, or it failed).
pub const FORWARD_FAILED: i32 = -39040;
/// A forwarded request reached a node that is not the leader either.
pub const NOT_LEADER: i32 = -39041;

/// The JSON-RPC error of a mempool refusal.
pub fn mempool_error(e: &MempoolError) -> ErrorObjectOwned {
    let code = match e {
        MempoolError::Malformed(_) => MALFORMED_TX,
        MempoolError::Oversize { .. } => OVERSIZE,
        MempoolError::Noop => NOOP,
        MempoolError::WrongChain { .. } => WRONG_CHAIN,
        MempoolError::BadSignature { .. } => BAD_SIGNATURE,
        MempoolError::Invalid(_) => INVALID_TX,
        MempoolError::UnknownSender(_) => UNKNOWN_SENDER,
        MempoolError::NonceTooLow { .. } => NONCE_TOO_LOW,
        MempoolError::NonceGap { .. } => NONCE_GAP,
        MempoolError::NonceInUse { .. } => NONCE_IN_USE,
        MempoolError::Duplicate(_) => DUPLICATE,
        MempoolError::AccountFull { .. } => ACCOUNT_FULL,
        MempoolError::PoolFull { .. } => POOL_FULL,
        MempoolError::Store(_) => INTERNAL,
    };
    err(code, e.to_string())
}

/// The JSON-RPC error of a sequencer failure.
pub fn sequencer_error(e: &SequencerError) -> ErrorObjectOwned {
    err(INTERNAL, e.to_string())
}

/// An error object without data.
pub fn err(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
    ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

/// The RPC server could not start.
#[derive(Debug, thiserror::Error)]
pub enum RpcError {
    /// Binding the address failed.
    #[error("binding the JSON-RPC server: {0}")]
    Bind(#[from] std::io::Error),
    /// A method could not be registered (a bug: duplicate name).
    #[error("registering a JSON-RPC method: {0}")]
    Register(#[from] jsonrpsee::core::RegisterMethodError),
}
