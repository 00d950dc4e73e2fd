//! Errors of `janus devnet`.

use crate::error::NodeError;

/// What can stop the devnet or its scenario.
#[derive(Debug, thiserror::Error)]
pub enum DevnetError {
    /// The devnet's setup does not fit (a missing contract, too few operators, …).
    #[error("config: {0}")]
    Config(String),
    /// A step of the devnet's own failed (reading the deployment, opening a store, signing, …).
    #[error("{what}: {source}")]
    Failed {
        /// The step.
        what: String,
        /// Its error, kept.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// An L1 call failed (a revert is named by its custom error).
    #[error("L1 {what}: {}", in_words(source.as_ref()))]
    L1 {
        /// The call.
        what: String,
        /// Its error, kept.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// L1 did not do what the scenario expects of it (a check of the outcome, not a failed call).
    #[error("L1 {what}: {message}")]
    Unexpected {
        /// The check.
        what: String,
        /// What happened instead.
        message: String,
    },
    /// An L2 JSON-RPC call failed.
    #[error("L2 RPC {method} at {url}: {source}")]
    L2 {
        /// The method.
        method: String,
        /// The node's URL.
        url: String,
        /// Its error, kept.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A node failed.
    #[error("node of operator {operator}: {source}")]
    Node {
        /// The operator.
        operator: String,
        /// Its error.
        source: Box<NodeError>,
    },
    /// A scenario step did not happen in time.
    #[error("scenario step `{step}` timed out after {secs} s: {detail}")]
    Timeout {
        /// The step.
        step: &'static str,
        /// Seconds waited.
        secs: u64,
        /// What was still missing.
        detail: String,
    },
    /// The devnet was stopped (Ctrl-C) during the scenario.
    #[error("stopped")]
    Stopped,
}

/// An L1 read failed: `L1 { what, source }` with the read's name and the provider's error.
impl From<crate::l1::L1ReadError> for DevnetError {
    fn from(e: crate::l1::L1ReadError) -> Self {
        Self::L1 {
            what: e.what.to_string(),
            source: Box::new(e.source),
        }
    }
}

/// An L1 error in words: a contract call's revert or a node's error response with the custom
/// error named ([`crate::l1::describe_contract_error`]), anything else as it words itself.
fn in_words(e: &(dyn std::error::Error + Send + Sync + 'static)) -> String {
    if let Some(e) = e.downcast_ref::<alloy::contract::Error>() {
        crate::l1::describe_contract_error(e)
    } else if let Some(e) = e.downcast_ref::<alloy::transports::TransportError>() {
        crate::l1::describe_rpc_error(e)
    } else {
        e.to_string()
    }
}

/// Map a failed step of the devnet's own to [`DevnetError::Failed`] with `what`.
pub(crate) fn failed<E: std::error::Error + Send + Sync + 'static>(
    what: impl Into<String>,
) -> impl FnOnce(E) -> DevnetError {
    let what = what.into();
    move |e| DevnetError::Failed {
        what,
        source: Box::new(e),
    }
}

/// Map an L1 error with a label, keeping it as the source.
pub(crate) fn l1<E: std::error::Error + Send + Sync + 'static>(
    what: &str,
) -> impl FnOnce(E) -> DevnetError + '_ {
    move |e| DevnetError::L1 {
        what: what.to_string(),
        source: Box::new(e),
    }
}

#[cfg(test)]
mod tests {
    use alloy::sol_types::SolError;

    use super::*;

    #[test]
    fn a_reverted_l1_call_is_named_by_its_custom_error() {
        let data = crate::l1::bindings::Rollup::UnknownBatch { batchId: 7 }.abi_encode();
        let payload: alloy::rpc::json_rpc::ErrorPayload = serde_json::from_value(
            serde_json::json!({"code": 3, "message": "execution reverted", "data": alloy::primitives::Bytes::from(data)}),
        )
        .expect("payload");
        let e = l1("getBatch")(alloy::contract::Error::TransportError(
            alloy::transports::RpcError::ErrorResp(payload),
        ));
        assert_eq!(
            e.to_string(),
            "L1 getBatch: execution reverted: UnknownBatch { batchId: 7 }"
        );
        assert!(std::error::Error::source(&e).is_some(), "keeps its source");
    }
}
