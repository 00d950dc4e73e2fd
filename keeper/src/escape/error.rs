//! Errors of `janus escape`: every refusal says what is wrong in words, and the checks that need
//! no proving come first (see the module docs for the order).

use alloy::primitives::B256;

use super::decode_revert;
use crate::challenger::ChallengerError;
use crate::derive::DeriveError;
use crate::l1::L1ReadError;
use crate::txmgr::TxError;

/// The escape batch was not posted.
#[derive(Debug, thiserror::Error)]
pub enum EscapeError {
    /// `Rollup.escapeHatchOpen()` is false: a sequencer posted recently and no L1 message is
    /// overdue. Nothing was sent.
    #[error(
        "the escape hatch is closed (a batch was posted less than escapeDelay ago and no L1 \
         message is overdue){}",
        opens_in_words(*.opens_at, *.now)
    )]
    HatchClosed {
        /// L1 time (unix seconds) at which it opens at the latest, if nothing is posted meanwhile:
        /// the earlier of `lastSubmittedAt + escapeDelay` and the first unconsumed message's
        /// `enqueuedAt + forcedInclusionDelay`.
        opens_at: Option<u64>,
        /// The latest L1 block's timestamp.
        now: u64,
    },
    /// `Rollup.verifier()` is the zero address: no proof can be checked, so
    /// `submitBatchWithProof` would revert `VerifierNotSet`. Nothing was sent.
    #[error(
        "no verifier is set on the rollup (Rollup.verifier() is the zero address): an escape \
         batch needs a validity proof that L1 can check; nothing was sent"
    )]
    NoVerifier,
    /// The prover's circuit is not the one the deployed verifier checks (its slot count differs
    /// from `verifier.maxRecords()`, or its L2 chain id from the one given).
    #[error("the prover does not match the deployment: {0}")]
    ProverMismatch(String),
    /// The batch would hold more records (L1 messages that must be consumed + the given
    /// transactions) than the circuit has slots.
    #[error(
        "the escape batch needs {messages} L1 message(s) (the overdue ones must be consumed) and \
         {txs} transaction(s): {} records, more than the circuit's {slots} slots",
        .messages + .txs
    )]
    TooManyRecords {
        /// L1 messages the batch must consume.
        messages: usize,
        /// Transactions given.
        txs: usize,
        /// Slots of the circuit (= `verifier.maxRecords()`).
        slots: usize,
    },
    /// Nothing to post: no given transaction and no unconsumed L1 message.
    #[error("nothing to post: no transaction was given and no L1 message waits in the queue")]
    NothingToPost,
    /// A given transaction does not apply on the canonical tip (after the batch's deposits and
    /// the transactions before it): the batch would be invalid, so nothing was proven or sent.
    #[error("transaction {index} does not apply on the tip (batch {tip}): {source}")]
    TxRejected {
        /// Position of the transaction in the request.
        index: usize,
        /// The canonical tip the batch builds on.
        tip: u64,
        /// Why (`janus_l2` transaction validity, docs/l2-spec.md §9).
        #[source]
        source: janus_l2::TxError,
    },
    /// The canonical tip claims a root that its data does not produce: no proof can follow it
    /// until it is challenged and reverted.
    #[error(
        "the canonical tip batch {batch_id} claims state root {claimed} but re-executes to \
         {computed}: it must be challenged and reverted before an escape batch can follow it"
    )]
    WrongTip {
        /// The tip batch.
        batch_id: u64,
        /// Its posted root.
        claimed: B256,
        /// The re-executed root.
        computed: B256,
    },
    /// The derived state and L1 disagree (message chain, queue, tip): L1 changed during the
    /// derivation (a reorg, a new batch); running the command again derives afresh.
    #[error("the state derived from L1 is out of date: {0}; run the command again")]
    Stale(String),
    /// The batch did not apply natively for another reason than a transaction (the derived state
    /// and the L1 queue disagree).
    #[error("the escape batch does not apply natively: {0}")]
    Batch(#[source] janus_l2::BatchError),
    /// Deriving the L2 state from L1 failed.
    #[error("deriving the L2 state from L1: {0}")]
    Derive(#[from] DeriveError),
    /// An L1 read failed.
    #[error(transparent)]
    Rpc(#[from] L1ReadError),
    /// Finalizing the pending batches before the escape batch failed.
    #[error("finalizing the pending batches first: {0}")]
    Finalize(#[source] ChallengerError),
    /// Proving, verifying or wrapping the batch proof failed.
    #[error("proving the escape batch: {0}")]
    Prover(#[from] janus_prover::ProverError),
    /// The blocking proving task panicked or was cancelled.
    #[error("proving task: {0}")]
    Task(#[source] tokio::task::JoinError),
    /// The rollup refuses the batch: its custom error, decoded by name, from a simulation of the
    /// call (nothing was sent).
    #[error("Rollup.submitBatchWithProof would revert: {}", decode_revert(.0))]
    Rejected(#[source] alloy::contract::Error),
    /// The transaction manager could not get `submitBatchWithProof` mined.
    #[error(transparent)]
    Tx(#[from] TxError),
    /// A flag or the deployment file is unusable.
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    /// `--signer-key` is not a private key.
    #[error("--signer-key: {0}")]
    SignerKey(#[source] alloy::signers::local::LocalSignerError),
    /// The data directory could not be created.
    #[error("creating {}: {source}", .path.display())]
    DataDir {
        /// The directory.
        path: std::path::PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
    /// The store could not be opened.
    #[error("opening the store: {0}")]
    Store(#[source] crate::store::StoreError),
}

fn opens_in_words(opens_at: Option<u64>, now: u64) -> String {
    match opens_at {
        Some(t) if t > now => format!(
            "; it opens at L1 time {t} (in {} s) unless a batch is posted meanwhile",
            t - now
        ),
        Some(t) => format!("; it should open at L1 time {t}"),
        None => String::new(),
    }
}
