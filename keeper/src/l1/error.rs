//! Errors of the L1 watcher.

use super::L1ReadError;

/// The watcher could not make progress.
#[derive(Debug, thiserror::Error)]
pub enum L1Error {
    /// An RPC call failed (transport or node error): retried with backoff (whether or not
    /// [`L1ReadError::is_transient`]: the watcher cannot tell a misconfigured node from one that
    /// is down).
    #[error(transparent)]
    Rpc(#[from] L1ReadError),
    /// The node answered inconsistently (a block vanished or changed between two calls):
    /// transient, the step is retried.
    #[error("l1 node answered inconsistently: {0}")]
    Inconsistent(String),
    /// A reorg went deeper than the remembered history: the node must resync from scratch.
    #[error("reorg deeper than the {kept} remembered block refs (below block {oldest})")]
    DeepReorg {
        /// Remembered refs.
        kept: usize,
        /// Oldest remembered block number.
        oldest: u64,
    },
    /// A log from a Janus contract did not decode with the bindings (ABI drift).
    #[error("undecodable {event} log in block {block}: {source}")]
    Decode {
        /// Event name.
        event: &'static str,
        /// Block number.
        block: u64,
        /// The decoder's error.
        #[source]
        source: alloy::sol_types::Error,
    },
    /// The event consumer went away.
    #[error("event channel closed")]
    ChannelClosed,
}

impl L1Error {
    /// Whether retrying the same step later can succeed.
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Rpc(_) | Self::Inconsistent(_))
    }
}
