//! [`L1ReadError`]: the one error of a failed L1 read (a view call, a block, a log, a
//! transaction), shared by every role. It names what was read, keeps the provider's error as its
//! source and says whether a retry may help ([`L1ReadError::is_transient`]); [`rpc`] builds it in
//! a `map_err`.

use alloy::transports::{RpcError, TransportError};

use super::{describe_contract_error, describe_rpc_error};

/// An L1 read (a view call, a block) failed.
#[derive(Debug, thiserror::Error)]
#[error("L1 read ({what}): {source}")]
pub struct L1ReadError {
    /// What was being read.
    pub what: &'static str,
    /// Why it failed.
    #[source]
    pub source: ReadFailure,
}

/// Why an L1 read failed.
#[derive(Debug, thiserror::Error)]
pub enum ReadFailure {
    /// The provider call failed (node unreachable, error response, undecodable answer).
    #[error("{}", describe_rpc_error(.0))]
    Transport(#[from] TransportError),
    /// The contract call failed (a revert, named when a bound contract declares it; its
    /// transport; or the ABI decoding of the answer).
    #[error("{}", describe_contract_error(.0))]
    Contract(#[from] alloy::contract::Error),
    /// The node answered, without the thing asked for (no such block, no such log).
    #[error("{0}")]
    Missing(&'static str),
}

impl L1ReadError {
    /// Whether retrying the same read later may succeed: the node was unreachable, busy or rate
    /// limiting, or did not have the answer yet. An answer it gave (an error response such as a
    /// revert, data the bindings cannot decode) comes back the same.
    pub fn is_transient(&self) -> bool {
        match &self.source {
            ReadFailure::Transport(e) => transport_transient(e),
            ReadFailure::Contract(alloy::contract::Error::TransportError(e)) => {
                transport_transient(e)
            }
            ReadFailure::Contract(_) => false,
            ReadFailure::Missing(_) => true,
        }
    }
}

fn transport_transient(e: &TransportError) -> bool {
    match e {
        RpcError::Transport(_) | RpcError::NullResp => true,
        RpcError::ErrorResp(p) => p.is_retry_err(),
        _ => false,
    }
}

/// `map_err` adapter: an [`L1ReadError`] about `what` (`?` converts it to the caller's error).
/// `rpc(what)(ReadFailure::Missing(..))` reports an answer without the thing asked for.
pub fn rpc<E: Into<ReadFailure>>(what: &'static str) -> impl FnOnce(E) -> L1ReadError {
    move |e| L1ReadError {
        what,
        source: e.into(),
    }
}

#[cfg(test)]
mod tests {
    use alloy::transports::TransportErrorKind;

    use super::*;

    #[test]
    fn transport_failures_are_transient_answers_are_not() {
        let down = rpc("head")(TransportErrorKind::backend_gone());
        assert!(down.is_transient());
        assert_eq!(down.what, "head");
        assert!(
            std::error::Error::source(&down).is_some(),
            "keeps its source"
        );
        let missing = rpc("latest block")(ReadFailure::Missing("no block"));
        assert!(missing.is_transient());
        assert_eq!(missing.to_string(), "L1 read (latest block): no block");
        let undecodable: L1ReadError =
            rpc("getBatch")(alloy::contract::Error::UnknownFunction("getBatch".into()));
        assert!(!undecodable.is_transient());
    }

    #[test]
    fn a_reverted_view_call_names_the_custom_error() {
        use alloy::sol_types::SolError;
        let data = crate::l1::bindings::Rollup::UnknownBatch { batchId: 999 }.abi_encode();
        let payload: alloy::rpc::json_rpc::ErrorPayload =
            serde_json::from_value(serde_json::json!({
                "code": 3,
                "message": "execution reverted",
                "data": alloy::primitives::Bytes::from(data),
            }))
            .expect("payload");
        let reverted = rpc("getBatch")(alloy::contract::Error::TransportError(
            RpcError::ErrorResp(payload.clone()),
        ));
        assert_eq!(
            reverted.to_string(),
            "L1 read (getBatch): execution reverted: UnknownBatch { batchId: 999 }"
        );
        let raw = rpc("getBatch")(TransportError::ErrorResp(payload));
        assert!(
            raw.to_string().ends_with("UnknownBatch { batchId: 999 }"),
            "{raw}"
        );
    }
}
