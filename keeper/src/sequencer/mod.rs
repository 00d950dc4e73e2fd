//! The sequencer: mempool, L2 blocks with signed soft confirmations, batch posting.
//!
//! | module | owns |
//! | --- | --- |
//! | [`actor`] | [`Sequencer`]: the run loop (slots, posting, heartbeats, hand-off) |
//! | [`handle`] | [`SequencerHandle`]: shared access for the JSON-RPC and the hand-off |
//! | [`config`] | [`SequencerConfig`] |
//! | [`types`] | [`DerivedTip`], [`SequencerInput`], [`TxStatus`] |
//! | [`mempool`] | admission checks and per-account nonce order, persisted in the store |
//! | [`block`] | the L2 block header (spec §13), its hash, anchors, packing blocks into a batch |
//! | [`softconf`] | EIP-712 soft confirmations exactly as `EquivocationSlasher` checks them |
//! | [`producer`] | working state on the derived tip, block production, unposted blocks, tx statuses |
//! | [`batcher`] | `Rollup.submitBatch` through the tx manager (idempotent), the leader schedule |
//! | [`handoff`] | a follower hands its leftover mempool to the leader |
//! | [`error`] | [`MempoolError`], [`SequencerError`] |
//!
//! Every block and batch holds at most L1's record limit (`Rollup.batchRecordLimit()`: L1 messages
//! + transactions, what the verifier can prove), read at start, after every post and every
//! [`RECORD_LIMIT_REFRESH`]; what does not fit waits for the next block or batch.
//!
//! [`Sequencer::run`] produces a block every `block_interval` while this node's operator leads
//! (and the epoch is not within `epoch_margin_blocks` of its end, unless the same operator leads
//! the next epoch too), and posts the unposted blocks as one batch when they hold `max_batch_txs`
//! transactions, are `batch_interval` old, or the epoch is about to end, or when they hold the
//! first transactions of a leadership term (those waited through the hand-over already), or when its last
//! post is about to be `livenessTimeout` blocks old — with
//! nothing to post it then posts an empty batch (a heartbeat), so a quiet network never gets an
//! honest leader slashed. A node that does not lead hands what is left in its mempool to the
//! leader ([`handoff`]). Its inputs (derived tips, L1 messages, the leader schedule) arrive on a channel
//! that the node wires from the watcher and the derivation. [`SequencerHandle`] is what the
//! JSON-RPC uses.

pub mod actor;
pub mod batcher;
pub mod block;
pub mod config;
pub mod error;
pub mod handle;
pub mod handoff;
pub mod mempool;
pub mod producer;
pub mod softconf;
pub mod types;

pub use crate::l1::LeaderInfo;
pub use actor::{Sequencer, HEARTBEAT_MARGIN_BLOCKS, RECORD_LIMIT_REFRESH};
pub use batcher::Batcher;
pub use block::{anchor_hash, Block, BlockHeader};
pub use config::SequencerConfig;
pub use error::{MempoolError, SequencerError};
pub use handle::SequencerHandle;
pub use handoff::{ForwardError, ForwardFuture, LeaderClient};
pub use mempool::{Mempool, MempoolConfig};
pub use producer::{Core, PreparedBatch};
pub use softconf::SoftConfirmer;
pub use types::{DerivedTip, SequencerInput, TxStatus};

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
mod e2e;
