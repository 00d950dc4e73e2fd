//! Errors of derivation.

use alloy::primitives::B256;

use crate::l1::L1ReadError;

/// Derivation could not process L1 data.
#[derive(Debug, thiserror::Error)]
pub enum DeriveError {
    /// An RPC call failed (transient; the driver retries).
    #[error(transparent)]
    Rpc(#[from] L1ReadError),
    /// A `BatchSubmitted` transaction is unknown to the node.
    #[error("transaction {0} of a BatchSubmitted log not found")]
    MissingTx(B256),
    /// The batch was posted through another contract (not a direct `submitBatch` /
    /// `submitBatchWithProof` call), so its data is not in the transaction's calldata.
    #[error("transaction {0} is not a direct submitBatch call; its batch data cannot be read from calldata")]
    NotDirectCall(B256),
    /// The calldata's data does not hash to the event's `dataHash`.
    #[error("batch {batch_id}: calldata hashes to {computed}, the event says {expected}")]
    DataHash {
        /// Batch id.
        batch_id: u64,
        /// From the event.
        expected: B256,
        /// From calldata.
        computed: B256,
    },
    /// L1 reported a batch whose parent this node never saw (events out of order or missing).
    #[error("batch {batch_id}: unknown parent {parent_id}")]
    UnknownParent {
        /// Batch id.
        batch_id: u64,
        /// Parent id.
        parent_id: u64,
    },
    /// The L1 genesis root differs from the empty L2 state root.
    #[error("genesis state root mismatch: L1 has {l1}, the empty L2 state is {local}")]
    Genesis {
        /// From L1.
        l1: B256,
        /// Local.
        local: B256,
    },
    /// The L1 watcher failed while catching up ([`super::Pipeline::catch_up`]).
    #[error("following L1: {0}")]
    Watch(#[from] crate::l1::L1Error),
}
