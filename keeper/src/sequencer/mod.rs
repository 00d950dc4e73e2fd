//! The sequencer: mempool, L2 blocks with signed soft confirmations, batch posting.
//!
//! | module | owns |
//! | --- | --- |
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

pub mod batcher;
pub mod block;
pub mod error;
pub mod handoff;
pub mod mempool;
pub mod producer;
pub mod softconf;

pub use crate::l1::LeaderInfo;
pub use batcher::Batcher;
pub use block::{anchor_hash, Block, BlockHeader};
pub use error::{MempoolError, SequencerError};
pub use handoff::{ForwardError, ForwardFuture, LeaderClient};
pub use mempool::{Mempool, MempoolConfig};
pub use producer::{Core, PreparedBatch};
pub use softconf::SoftConfirmer;

use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::{Duration, Instant};

use alloy::primitives::{Address, B256};
use alloy::providers::Provider;
use janus_l2::state::{Account, State};
use janus_l2::tx::message::L1Message;
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::clock::now_ms;
use crate::convert::b256;
use crate::derive::Derivation;

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

/// The derived L1 tip the sequencer builds on.
#[derive(Clone, Debug)]
pub struct DerivedTip {
    /// Batch id of the canonical tip.
    pub batch_id: u64,
    /// Its (re-executed) state root.
    pub state_root: B256,
    /// Its state.
    pub state: Arc<State>,
    /// Queue index after it.
    pub msg_end: u64,
    /// Message chain after it.
    pub chain_after: [u8; 32],
}

impl DerivedTip {
    /// The canonical tip of `d`.
    pub fn of(d: &Derivation) -> Self {
        let tip = d.tip();
        Self {
            batch_id: tip.id,
            state_root: tip.computed_root,
            state: d.state(),
            msg_end: tip.msg_end,
            chain_after: tip.chain_after,
        }
    }

    /// Genesis (empty state, no messages).
    pub fn genesis() -> Self {
        let state = State::new();
        Self {
            batch_id: 0,
            state_root: b256(&state.root()),
            state: Arc::new(state),
            msg_end: 0,
            chain_after: [0; 32],
        }
    }
}

/// Where a transaction stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "camelCase")]
pub enum TxStatus {
    /// In the mempool.
    Pending,
    /// In an L2 block (soft-confirmed), not yet posted.
    Included {
        /// L2 block number.
        block: u64,
    },
    /// Posted to L1 in a batch.
    Batched {
        /// L2 block number.
        block: u64,
        /// L1 batch id.
        #[serde(rename = "batchId")]
        batch_id: u64,
    },
    /// Dropped by the block producer.
    Dropped {
        /// Why.
        reason: String,
    },
    /// Handed to the leader's node (this node stopped leading before including it).
    Forwarded {
        /// The leader's RPC URL.
        leader: String,
    },
}

/// Inputs the node feeds the sequencer.
#[derive(Clone, Debug)]
pub enum SequencerInput {
    /// The derivation's canonical tip changed.
    Derived(DerivedTip),
    /// A bridge message was enqueued on L1.
    Message(L1Message),
    /// The leader schedule at a new L1 head.
    Leader(LeaderInfo),
}

/// Shared access to the sequencer for the JSON-RPC (cheap to clone).
#[derive(Clone, Debug)]
pub struct SequencerHandle {
    core: Arc<Mutex<Core>>,
    leader: Arc<RwLock<LeaderInfo>>,
    /// This node's operator address.
    operator: Address,
    chain_id: u64,
}

impl SequencerHandle {
    /// Wrap a core; `operator` is this node's operator (compared with the leader).
    pub fn new(core: Core, operator: Address) -> Self {
        let chain_id = core.chain_id();
        Self {
            core: Arc::new(Mutex::new(core)),
            leader: Arc::new(RwLock::new(LeaderInfo::default())),
            operator,
            chain_id,
        }
    }

    /// Lock the core (poisoning is ignored: the core has no invariant a panic can half-break that
    /// the store does not also guard).
    pub fn lock(&self) -> MutexGuard<'_, Core> {
        self.core.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// L2 chain id.
    pub fn chain_id(&self) -> u64 {
        self.chain_id
    }

    /// Submit a transaction record: screened under the lock, its signature checked outside it
    /// (the costly step; other submissions and block production go on meanwhile), then inserted
    /// under the lock again, re-checking what may have moved in between.
    pub fn submit(&self, bytes: &[u8]) -> Result<B256, MempoolError> {
        let (mut p, key) = self.lock().screen(bytes)?;
        mempool::check_signature(&mut p, &key, self.chain_id)?;
        self.lock().insert_checked(p)
    }

    /// An account in the working state.
    pub fn account(&self, index: u32) -> Option<Account> {
        self.lock().state().get(index).cloned()
    }

    /// Status of a transaction.
    pub fn status(&self, hash: &B256) -> Option<TxStatus> {
        self.lock().status(hash)
    }

    /// A block this node produced.
    pub fn block(&self, number: u64) -> Result<Option<Block>, SequencerError> {
        self.lock().block(number)
    }

    /// The current leader.
    pub fn leader(&self) -> LeaderInfo {
        self.leader.read().map(|l| l.clone()).unwrap_or_default()
    }

    /// Set the leader schedule.
    pub fn set_leader(&self, info: LeaderInfo) {
        if let Ok(mut l) = self.leader.write() {
            *l = info;
        }
    }

    /// Whether this node's operator leads now and may post (read in place: this runs on every
    /// `janus_sendTransaction`).
    pub fn is_leader(&self) -> bool {
        self.leader.read().is_ok_and(|l| l.led_by(self.operator))
    }

    /// This node's operator.
    pub fn operator(&self) -> Address {
        self.operator
    }
}

/// How often the sequencer re-reads L1's batch record limit (it also does after every post).
pub const RECORD_LIMIT_REFRESH: Duration = Duration::from_secs(30);

/// Read `Rollup.batchRecordLimit` in the background and send it to the run loop; a failed read is
/// logged and the last known value stays in force.
fn spawn_record_limit_read<P: Provider + Clone + Send + Sync + 'static>(
    batcher: Arc<Batcher<P>>,
    limit_tx: mpsc::Sender<usize>,
) {
    tokio::spawn(async move {
        match batcher.record_limit().await {
            Ok(limit) => {
                let _ = limit_tx.send(limit).await;
            }
            Err(e) => {
                tracing::warn!(target: "janus::sequencer", %e, "reading the batch record limit failed; keeping the last known one")
            }
        }
    });
}

/// Post a heartbeat this many L1 blocks before the liveness deadline.
pub const HEARTBEAT_MARGIN_BLOCKS: u64 = 3;

/// Whether the leader's last post is about to be `livenessTimeout` blocks old.
fn heartbeat_due(leader: &LeaderInfo) -> bool {
    leader.liveness_deadline > 0
        && leader.l1_block + HEARTBEAT_MARGIN_BLOCKS >= leader.liveness_deadline
}

/// The unposted blocks, as the posting policy sees them.
#[derive(Clone, Copy, Debug, Default)]
struct Unposted {
    /// Transactions in them.
    txs: usize,
    /// L1 messages they consume.
    messages: usize,
    /// Time since the oldest was produced (`None`: there are none).
    age: Option<Duration>,
    /// This node started leading and has not posted since.
    new_term: bool,
    /// They hold a whole batch: at least L1's record limit.
    full: bool,
}

impl SequencerConfig {
    /// Whether `leader` stops producing: its epoch ends within `epoch_margin_blocks` and another
    /// operator leads the next one (an operator that keeps leading goes on producing).
    fn closing(&self, leader: &LeaderInfo) -> bool {
        leader.l1_block + self.epoch_margin_blocks >= leader.epoch_end_block
            && leader.next_operator != leader.operator
    }

    /// Whether the unposted blocks are due by size (transactions, a backlog of L1 messages that
    /// fills a batch, or as many records as L1 takes in one batch), by age, or as the first transactions of a leadership term (they waited
    /// through the hand-over already).
    fn post_due(&self, u: &Unposted) -> bool {
        u.txs >= self.max_batch_txs
            || u.messages >= self.max_block_messages
            || u.age.is_some_and(|a| a >= self.batch_interval)
            || (u.new_term && u.txs > 0)
            || u.full
    }
}

/// The sequencer role (see the module docs).
#[derive(Debug)]
pub struct Sequencer<P> {
    handle: SequencerHandle,
    batcher: Option<Arc<Batcher<P>>>,
    cfg: SequencerConfig,
    leader_client: Arc<dyn LeaderClient>,
}

impl<P: Provider + Clone + Send + Sync + 'static> Sequencer<P> {
    /// A sequencer over `handle`, posting with `batcher` (none: produce blocks only), handing its
    /// mempool to the leader through `leader_client` while it does not lead.
    pub fn new(
        handle: SequencerHandle,
        batcher: Option<Batcher<P>>,
        cfg: SequencerConfig,
        leader_client: Arc<dyn LeaderClient>,
    ) -> Self {
        Self {
            handle,
            batcher: batcher.map(Arc::new),
            cfg,
            leader_client,
        }
    }

    /// The handle for the JSON-RPC.
    pub fn handle(&self) -> SequencerHandle {
        self.handle.clone()
    }

    /// Run until `cancel`: apply inputs, produce blocks on every tick while leading, post batches.
    pub async fn run(
        self,
        mut inputs: mpsc::Receiver<SequencerInput>,
        cancel: CancellationToken,
    ) -> Result<(), SequencerError> {
        if let Some(b) = &self.batcher {
            b.recover().await?;
        }
        let mut tick = tokio::time::interval(self.cfg.block_interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        // L1's record bound: read now, after every post and every RECORD_LIMIT_REFRESH (a failed read
        // keeps the last value). A posting node produces no block before it knows the bound.
        let mut refresh = tokio::time::interval(RECORD_LIMIT_REFRESH);
        refresh.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let (limit_tx, mut limit_rx) = mpsc::channel::<usize>(4);
        let (post_tx, mut post_rx) = mpsc::channel::<Option<u64>>(1);
        let mut oldest_unposted: Option<Instant> = None;
        let mut handing_off: Option<tokio::task::JoinHandle<()>> = None;
        // Set when this node starts leading; cleared by its first batch.
        let mut new_term = false;
        let mut was_leading = false;
        loop {
            tokio::select! {
                _ = cancel.cancelled() => break,
                input = inputs.recv() => match input {
                    None => break,
                    Some(SequencerInput::Derived(tip)) => self.handle.lock().on_derived(&tip),
                    Some(SequencerInput::Message(m)) => self.handle.lock().on_message(m),
                    Some(SequencerInput::Leader(info)) => self.handle.set_leader(info),
                },
                posted = post_rx.recv() => {
                    self.handle.lock().on_posted(posted.flatten());
                }
                Some(limit) = limit_rx.recv() => self.handle.lock().set_record_limit(limit),
                _ = refresh.tick() => {
                    if let Some(b) = &self.batcher {
                        spawn_record_limit_read(b.clone(), limit_tx.clone());
                    }
                }
                _ = tick.tick() => {
                    let leader = self.handle.leader();
                    let closing = self.cfg.closing(&leader);
                    let leading = leader.led_by(self.handle.operator());
                    new_term |= leading && !was_leading;
                    was_leading = leading;
                    let bound_known = self.batcher.is_none() || self.handle.lock().record_limit().is_some();
                    if leading && !closing && bound_known {
                        match self.handle.lock().produce_block(now_ms()) {
                            Ok(Some(b)) => tracing::debug!(target: "janus::sequencer", number = b.header.number, txs = b.txs.len(), "block"),
                            Ok(None) => {}
                            Err(e) => tracing::error!(target: "janus::sequencer", %e, "block production failed"),
                        }
                    }
                    let (unposted_txs, unposted_messages, has_blocks, full) = {
                        let core = self.handle.lock();
                        let (txs, messages) = (core.unposted_txs(), core.unposted_messages());
                        let full = core.record_limit().is_some_and(|l| txs + messages >= l);
                        (txs, messages, !core.unposted().is_empty(), full)
                    };
                    if has_blocks && oldest_unposted.is_none() {
                        oldest_unposted = Some(Instant::now());
                    }
                    let heartbeat = heartbeat_due(&leader);
                    let due = self.cfg.post_due(&Unposted {
                        txs: unposted_txs,
                        messages: unposted_messages,
                        age: oldest_unposted.map(|t| t.elapsed()),
                        new_term,
                        full,
                    }) || closing
                        || heartbeat;
                    if !leading && handing_off.as_ref().is_none_or(|h| h.is_finished()) {
                        handing_off = handoff::spawn(&self.handle, &self.leader_client, &leader);
                    }
                    if let (true, true, Some(batcher)) = (leading, due, &self.batcher) {
                        if let Some(prepared) = self.handle.lock().prepare_batch(heartbeat) {
                            oldest_unposted = None;
                            new_term = false;
                            let (batcher, post_tx) = (batcher.clone(), post_tx.clone());
                            let limit_tx = limit_tx.clone();
                            tokio::spawn(async move {
                                let id = match batcher.post(&prepared).await {
                                    Ok(id) => Some(id),
                                    Err(SequencerError::TxManager(crate::txmgr::TxError::Cancelled)) => {
                                        tracing::info!(target: "janus::sequencer", "batch posting stopped by shutdown (it resumes after restart)");
                                        None
                                    }
                                    Err(e) => {
                                        tracing::error!(target: "janus::sequencer", %e, "batch posting failed");
                                        None
                                    }
                                };
                                let _ = post_tx.send(id).await;
                                // Governance may have changed the bound (or the verifier) meanwhile.
                                spawn_record_limit_read(batcher, limit_tx);
                            });
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests;

#[cfg(test)]
mod e2e;
