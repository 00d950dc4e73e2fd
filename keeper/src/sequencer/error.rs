//! Errors of the sequencer: why the mempool refuses a transaction ([`MempoolError`], each with a
//! stable JSON-RPC code, see `docs/keeper-rpc.md`) and why block production, signing or batch
//! posting failed ([`SequencerError`]).

use std::sync::Arc;

use alloy::primitives::B256;
use janus_l2::{DecodeError, SignatureError, TxError};

use crate::store::StoreError;

/// Why a transaction was not admitted to the mempool.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MempoolError {
    /// The bytes are not a well-formed transaction record.
    #[error("malformed transaction record: {0}")]
    Malformed(#[source] DecodeError),
    /// More bytes than one record.
    #[error("oversize transaction: {len} bytes, a record has {max}")]
    Oversize {
        /// Bytes received.
        len: usize,
        /// Record size.
        max: usize,
    },
    /// A no-op cannot be submitted (the sequencer pads batches itself).
    #[error("no-op records cannot be submitted")]
    Noop,
    /// The caller declared another L2 chain id.
    #[error("wrong chain id {got}: this node serves L2 chain {expected}")]
    WrongChain {
        /// Declared chain id.
        got: u64,
        /// This node's chain id.
        expected: u64,
    },
    /// The signature does not verify under the sender's key for this chain id.
    #[error(
        "bad signature for L2 chain {chain_id} (wrong key or signed for another chain): {reason}"
    )]
    BadSignature {
        /// The chain id the signature was checked for.
        chain_id: u64,
        /// What failed.
        #[source]
        reason: SignatureError,
    },
    /// A field is out of range (amount, fee, asset, zero recipient).
    #[error("invalid transaction: {0}")]
    Invalid(#[source] TxError),
    /// The sender slot holds no account.
    #[error("unknown sender account {0}")]
    UnknownSender(u32),
    /// The nonce was already used.
    #[error("nonce too low: account {account} is at nonce {next}, transaction has {got}")]
    NonceTooLow {
        /// Sender.
        account: u32,
        /// The account's next nonce.
        next: u64,
        /// The transaction's nonce.
        got: u64,
    },
    /// The nonce is too far ahead of the account's nonce.
    #[error("nonce gap: account {account} is at nonce {next}, transaction has {got} (max gap {max_gap})")]
    NonceGap {
        /// Sender.
        account: u32,
        /// The account's next nonce.
        next: u64,
        /// The transaction's nonce.
        got: u64,
        /// Largest accepted `got - next`.
        max_gap: u64,
    },
    /// Another transaction of the sender already holds this nonce.
    #[error("account {account} already has a pooled transaction at nonce {nonce}")]
    NonceInUse {
        /// Sender.
        account: u32,
        /// Nonce.
        nonce: u64,
    },
    /// The very same transaction is already pooled.
    #[error("duplicate transaction {0}")]
    Duplicate(B256),
    /// The sender has too many pooled transactions.
    #[error("account {account} has {limit} pooled transactions (the limit)")]
    AccountFull {
        /// Sender.
        account: u32,
        /// Limit.
        limit: usize,
    },
    /// The pool is full.
    #[error("mempool full ({limit} transactions)")]
    PoolFull {
        /// Limit.
        limit: usize,
    },
    /// The store could not persist the transaction.
    #[error("store: {0}")]
    Store(#[source] SharedStoreError),
}

impl From<StoreError> for MempoolError {
    fn from(e: StoreError) -> Self {
        Self::Store(SharedStoreError(Arc::new(e)))
    }
}

/// A store failure inside a [`MempoolError`], which is cloned and compared as a verdict: clones
/// share the one failure, and two are equal when they are the same failure.
#[derive(Clone, Debug, thiserror::Error)]
#[error(transparent)]
pub struct SharedStoreError(Arc<StoreError>);

impl PartialEq for SharedStoreError {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedStoreError {}

/// Why block production, signing, or batch posting failed.
#[derive(Debug, thiserror::Error)]
pub enum SequencerError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A soft confirmation for another header already exists at this number: signing refused.
    #[error("refusing to sign block {number}: a different header was already signed at it")]
    AlreadySigned {
        /// The L2 block number.
        number: u64,
    },
    /// The signer failed.
    #[error("signing: {0}")]
    Sign(#[source] alloy::signers::Error),
    /// The produced blocks do not encode as a batch (more records than the format holds: a bug).
    #[error("packed batch does not encode: {0}")]
    Batch(#[source] DecodeError),
    /// An L1 read failed.
    #[error(transparent)]
    L1Read(#[from] crate::l1::L1ReadError),
    /// L1's tip moved under the batch: its parent is not the tip any more (and the tip is not
    /// this very batch, posted already).
    #[error("L1 tip is batch {tip}, not the parent {parent}")]
    TipMoved {
        /// L1's tip.
        tip: u64,
        /// The batch's parent.
        parent: u64,
    },
    /// `submitBatch` was mined but reverted.
    #[error("submitBatch reverted on chain in {tx}")]
    SubmitReverted {
        /// The mined transaction.
        tx: alloy::primitives::B256,
    },
    /// `submitBatch` was mined without a `BatchSubmitted` log (a contract that is not Janus's
    /// Rollup).
    #[error("submitBatch in {tx} emitted no BatchSubmitted log")]
    NoSubmittedLog {
        /// The mined transaction.
        tx: alloy::primitives::B256,
    },
    /// The mempool could not be restored from the store.
    #[error("restoring the mempool: {0}")]
    Mempool(#[from] MempoolError),
    /// The transaction manager failed.
    #[error(transparent)]
    TxManager(#[from] crate::txmgr::TxError),
}
