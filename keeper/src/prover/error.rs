//! Errors of the prover client.

use alloy::primitives::B256;

use crate::l1::L1ReadError;
use crate::txmgr::TxError;

/// Proving or submitting a batch proof failed.
#[derive(Debug, thiserror::Error)]
pub enum ProverClientError {
    /// `Rollup.verifier()` is the zero address: no on-chain verifier is deployed, so
    /// `proveBatch` would revert. Nothing was sent; the proof exists and passed off-chain checks.
    #[error(
        "batch {batch_id}: no on-chain verifier is deployed (Rollup.verifier() is the zero \
         address); the proof was verified off-chain only and was not submitted"
    )]
    VerifierNotSet {
        /// The proven batch.
        batch_id: u64,
    },
    /// Proving, verifying or wrapping failed (an invalid batch is reported here before any
    /// proving work: `janus_prover::ProverError::InvalidBatch`).
    #[error("batch {batch_id}: {source}")]
    Prover {
        /// The batch.
        batch_id: u64,
        /// The prover's error.
        #[source]
        source: janus_prover::ProverError,
    },
    /// The job's data is not what L1 stores for the batch (`keccak256(data) != dataHash`).
    #[error("batch {batch_id}: data hash {given} differs from L1's {expected}")]
    DataMismatch {
        /// The batch.
        batch_id: u64,
        /// `keccak256` of the job's data.
        given: B256,
        /// L1's `dataHash`.
        expected: B256,
    },
    /// The proven transition is not the one L1 holds for the batch (its posted root, or its
    /// parent's, differs): the batch is wrong and must be challenged, not proven.
    #[error("batch {batch_id}: proven roots differ from L1's (posted {posted}, proven {proven})")]
    RootMismatch {
        /// The batch.
        batch_id: u64,
        /// L1's new state root.
        posted: B256,
        /// The proof's new state root.
        proven: B256,
    },
    /// The batch cannot be proven on L1 now (not canonical, already proven or final, or its
    /// prove window closed).
    #[error("batch {batch_id}: not provable on L1 ({why})")]
    NotProvable {
        /// The batch.
        batch_id: u64,
        /// Why.
        why: String,
    },
    /// An L1 read failed.
    #[error(transparent)]
    Rpc(#[from] L1ReadError),
    /// The transaction manager could not get `proveBatch` mined.
    #[error(transparent)]
    Tx(#[from] TxError),
    /// The batch circuit could not be built (the client never started).
    #[error("building the batch circuit: {0}")]
    Circuit(#[source] janus_prover::ProverError),
    /// The blocking proving task panicked or was cancelled.
    #[error("proving task: {0}")]
    Task(#[source] tokio::task::JoinError),
    /// A run of no batch was proven or submitted (a caller's bug: a run has at least one).
    #[error("an empty run of batches")]
    EmptyRun,
}
