//! L2 blocks (spec §13): the header as the keeper stores and serves it (its encoding, hash, anchor
//! and transaction root are `janus_l2::block`'s, the one implementation the browser shares), and
//! packing a run of blocks into one `janus_l2::batch::Batch`.
//!
//! A block consumes L1 messages (deposits, in queue order) and then transactions; a run of blocks
//! packs into a batch as *every block's messages, then every block's transactions*. Deposits only
//! credit balances and create accounts at slots no transaction can have touched before, and the
//! bridge caps every asset's outstanding L2 units at `2^63 - 1`, so moving a run's deposits ahead of
//! its transactions leaves every transaction valid and the final root unchanged: the last header's
//! `stateRoot` equals `apply_batch`'s `new_root` (pinned by the test
//! `run_of_blocks_packs_into_one_batch_that_apply_batch_accepts`).

use alloy::primitives::{keccak256, B256};
use janus_l2::batch::Batch;
use janus_l2::tx::message::L1Message;
use janus_l2::tx::record::{Tx, TX_BYTES};
use serde::{Deserialize, Serialize};

pub use janus_l2::block::{ANCHOR_DOMAIN, HEADER_BYTES};

/// An L2 block header (spec §13).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BlockHeader {
    /// Slot index `floor(unix_ms / block_interval_ms)` at production time.
    pub number: u64,
    /// Hash of the previous block of this chain, or the anchor of the L1 batch it builds on.
    pub parent_hash: B256,
    /// L2 state root after the block (§6 form).
    pub state_root: B256,
    /// `keccak256` of the block's transaction records concatenated (zero-length input: no txs).
    pub tx_root: B256,
    /// Queue index after the last L1 message the block consumed.
    pub msg_end: u64,
    /// Message chain value after `msg_end` messages (§3).
    pub msg_chain: B256,
    /// The account credited with the block's fees (the batch's `feeAccount`).
    pub fee_account: u32,
    /// Unix time of production, in ms.
    pub timestamp_ms: u64,
    /// Number of transaction records.
    pub tx_count: u32,
}

impl BlockHeader {
    /// The §13.3 fields as janus-l2 encodes them.
    pub fn fields(&self) -> janus_l2::block::BlockHeader {
        janus_l2::block::BlockHeader {
            number: self.number,
            parent_hash: self.parent_hash.0,
            state_root: self.state_root.0,
            tx_root: self.tx_root.0,
            msg_end: self.msg_end,
            msg_chain: self.msg_chain.0,
            fee_account: self.fee_account,
            timestamp_ms: self.timestamp_ms,
            tx_count: self.tx_count,
        }
    }

    /// The fixed 160-byte encoding (`janus_l2::block::BlockHeader::encode`).
    pub fn encode(&self) -> [u8; HEADER_BYTES] {
        self.fields().encode()
    }

    /// `keccak256(encode())`.
    pub fn hash(&self) -> B256 {
        B256::from(self.fields().hash())
    }
}

/// `keccak256("janus.anchor" ‖ batchId u64 ‖ stateRoot)`: the parent of the first block a node
/// builds on top of L1-derived state.
pub fn anchor_hash(batch_id: u64, state_root: B256) -> B256 {
    B256::from(janus_l2::block::anchor_hash(batch_id, &state_root.0))
}

/// The transaction hash: `keccak256` of the 137-byte record.
pub fn tx_hash(record: &[u8; TX_BYTES]) -> B256 {
    keccak256(record)
}

/// `keccak256` of the records concatenated, in block order.
pub fn tx_root(txs: &[Tx]) -> B256 {
    B256::from(janus_l2::block::tx_root(txs))
}

/// A transaction the block producer dropped, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dropped {
    /// Transaction hash.
    pub hash: B256,
    /// The reason (a `janus_l2::TxError` or a stale nonce).
    pub reason: String,
}

/// A produced block with its body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Header.
    pub header: BlockHeader,
    /// `header.hash()`.
    pub hash: B256,
    /// L1 messages consumed, in queue order.
    pub messages: Vec<L1Message>,
    /// Transactions, in execution order.
    pub txs: Vec<Tx>,
    /// Transactions dropped while building it.
    pub dropped: Vec<Dropped>,
    /// Soft confirmation signature (65 bytes) once signed.
    pub signature: Option<alloy::primitives::Bytes>,
}

impl Block {
    /// Hashes of the included transactions.
    pub fn tx_hashes(&self) -> Vec<B256> {
        self.txs.iter().map(|t| tx_hash(&t.encode())).collect()
    }
}

/// What the store keeps of a block (JSON row): enough to serve it and to re-execute it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StoredBlock {
    /// Header.
    pub header: BlockHeader,
    /// Id of the L1 batch the block's chain builds on.
    pub base_batch: u64,
    /// Message records (hex).
    pub messages: Vec<alloy::primitives::Bytes>,
    /// Transaction records (hex).
    pub txs: Vec<alloy::primitives::Bytes>,
    /// Dropped transactions.
    pub dropped: Vec<Dropped>,
    /// Soft confirmation signature.
    pub signature: alloy::primitives::Bytes,
}

impl StoredBlock {
    /// The row of a signed `block` built on `base_batch`.
    pub fn of(block: &Block, base_batch: u64) -> Self {
        Self {
            header: block.header.clone(),
            base_batch,
            messages: block
                .messages
                .iter()
                .map(|m| m.encode().to_vec().into())
                .collect(),
            txs: block
                .txs
                .iter()
                .map(|t| t.encode().to_vec().into())
                .collect(),
            dropped: block.dropped.clone(),
            signature: block.signature.clone().unwrap_or_default(),
        }
    }

    /// Decode the body back into a [`Block`] (`None` if a record is malformed: a corrupt row).
    pub fn to_block(&self) -> Option<Block> {
        let messages = self
            .messages
            .iter()
            .map(|m| L1Message::decode(m).ok())
            .collect::<Option<Vec<_>>>()?;
        let txs = self
            .txs
            .iter()
            .map(|t| Tx::decode(t).ok())
            .collect::<Option<Vec<_>>>()?;
        Some(Block {
            hash: self.header.hash(),
            header: self.header.clone(),
            messages,
            txs,
            dropped: self.dropped.clone(),
            signature: Some(self.signature.clone()),
        })
    }
}

/// Pack a run of consecutive blocks (one fee account) into one batch: all messages, then all
/// transactions (see the module docs for why the root is unchanged).
pub fn pack_batch(fee_account: u32, blocks: &[Block]) -> Batch {
    Batch {
        fee_account,
        messages: blocks.iter().flat_map(|b| b.messages.clone()).collect(),
        txs: blocks.iter().flat_map(|b| b.txs.clone()).collect(),
    }
}
