//! The sequencer's tunables ([`SequencerConfig`]): slot length, batch size and age, the epoch's
//! closing margin, the mempool's limits.

use std::time::Duration;

use super::MempoolConfig;

/// Tunables of the sequencer.
#[derive(Clone, Debug)]
pub struct SequencerConfig {
    /// L2 chain id.
    pub l2_chain_id: u64,
    /// Slot length; the block number is `unix_ms / block_interval_ms`.
    pub block_interval: Duration,
    /// Most transactions per block.
    pub max_block_txs: usize,
    /// Most L1 messages a block consumes.
    pub max_block_messages: usize,
    /// The operator's L2 account, credited with every fee (the batches' `feeAccount`).
    pub fee_account: u32,
    /// Mempool limits.
    pub mempool: MempoolConfig,
    /// Post once the unposted blocks hold this many transactions.
    pub max_batch_txs: usize,
    /// Most L1 messages a batch consumes: a batch takes the oldest unposted blocks up to this many
    /// messages (at least one block). With `max_batch_messages - max_block_messages >=
    /// FORCED_INCLUSION_QUOTA - 1`, a batch that leaves blocks behind holds at least the quota, so
    /// L1's forced-inclusion rule (docs/l2-spec.md §4.1) never rejects it.
    pub max_batch_messages: usize,
    /// Post once the oldest unposted block is this old.
    pub batch_interval: Duration,
    /// Stop producing this many L1 blocks before the epoch ends (and post what is left) when
    /// another operator leads the next epoch: the last batch must be mined before the epoch ends.
    pub epoch_margin_blocks: u64,
    /// Blocks kept in memory for the RPC (older ones are read from the store).
    pub recent_blocks: usize,
}

impl Default for SequencerConfig {
    fn default() -> Self {
        Self {
            l2_chain_id: janus_l2::DEFAULT_CHAIN_ID,
            block_interval: Duration::from_millis(250),
            max_block_txs: 4096,
            max_block_messages: janus_l2::FORCED_INCLUSION_QUOTA as usize,
            fee_account: 0,
            mempool: MempoolConfig::default(),
            max_batch_txs: 1024,
            max_batch_messages: 2 * janus_l2::FORCED_INCLUSION_QUOTA as usize,
            batch_interval: Duration::from_secs(60),
            epoch_margin_blocks: 4,
            recent_blocks: 4096,
        }
    }
}
