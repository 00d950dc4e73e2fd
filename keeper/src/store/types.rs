//! Rows of the store's tables.

use alloy::primitives::{Address, Bytes, B256, U256};
use serde::{Deserialize, Serialize};

/// One L1 transaction the transaction manager has signed and not yet seen mined: written before the
/// first broadcast, rewritten on every fee bump, removed once a receipt is final. After a restart
/// these rows are rebroadcast (never re-signed with another nonce), so a submission is neither lost
/// nor duplicated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingTx {
    /// Signer (sender) address.
    pub signer: Address,
    /// Nonce owned by this submission.
    pub nonce: u64,
    /// What the caller asked for.
    pub request: TxIntent,
    /// Gas limit of every attempt.
    pub gas_limit: u64,
    /// `maxFeePerGas` of the latest attempt.
    pub max_fee_per_gas: u128,
    /// `maxPriorityFeePerGas` of the latest attempt.
    pub max_priority_fee_per_gas: u128,
    /// Hashes of every attempt (the original first, each fee bump after it).
    pub hashes: Vec<B256>,
    /// The latest attempt's signed EIP-2718 envelope, for rebroadcasting.
    pub raw: Bytes,
    /// Unix time (ms) of the latest broadcast.
    pub sent_at_ms: u64,
}

/// A call the transaction manager must get mined: the part of a transaction that does not change
/// between attempts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxIntent {
    /// Caller's label for logs and restarts (e.g. `submitBatch h=12`).
    pub label: String,
    /// Target contract.
    pub to: Address,
    /// Calldata.
    pub input: Bytes,
    /// Wei sent along.
    pub value: U256,
}

/// A soft confirmation this node signed for an L2 block. At most one per height is ever recorded;
/// signing a second, different one would be equivocation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoftConfirmation {
    /// L2 block height.
    pub height: u64,
    /// EIP-712 digest (`hashSoftConfirmation`) of the signed header: equal digests ⇔ equal headers.
    pub header_hash: B256,
    /// 65-byte signature.
    pub signature: Bytes,
}
