//! [`Sequencer`], the role's actor: it owns the run loop that applies the inputs, produces a
//! block every slot while its operator leads, posts batches (and heartbeats) and hands the mempool
//! over when it stops leading.

use std::sync::Arc;
use std::time::{Duration, Instant};

use alloy::providers::Provider;
use tokio::sync::mpsc;
use tokio::task::{JoinHandle, JoinSet};
use tokio_util::sync::CancellationToken;

use super::{
    handoff, Batcher, LeaderClient, LeaderInfo, PreparedBatch, SequencerConfig, SequencerError,
    SequencerHandle, SequencerInput,
};
use crate::clock::now_ms;
use crate::txmgr::TxError;

/// How often the sequencer re-reads L1's batch record limit (it also does after every post).
pub const RECORD_LIMIT_REFRESH: Duration = Duration::from_secs(30);

/// The run loop's background work. Every task is owned here, so none outlives the loop: when it
/// ends they are aborted and awaited, and a node that stopped sends nothing more to L1 (a post cut
/// short is persisted by the transaction manager and resumes after a restart).
struct Background {
    /// The batch being posted (at most one): its L1 batch id, `None` when it failed.
    posts: JoinSet<Option<u64>>,
    /// Reads of `Rollup.batchRecordLimit`.
    limit_reads: JoinSet<Result<usize, SequencerError>>,
    /// The mempool hand-off to the leader.
    handing_off: Option<JoinHandle<()>>,
}

impl Background {
    fn new() -> Self {
        Self {
            posts: JoinSet::new(),
            limit_reads: JoinSet::new(),
            handing_off: None,
        }
    }

    /// Read the record limit in the background (the result arrives through `limit_reads`).
    fn read_record_limit<P: Provider + Clone + Send + Sync + 'static>(
        &mut self,
        batcher: &Arc<Batcher<P>>,
    ) {
        let batcher = batcher.clone();
        self.limit_reads
            .spawn(async move { batcher.record_limit().await });
    }

    /// Post `prepared` in the background (the id arrives through `posts`).
    fn post<P: Provider + Clone + Send + Sync + 'static>(
        &mut self,
        batcher: &Arc<Batcher<P>>,
        prepared: PreparedBatch,
    ) {
        let batcher = batcher.clone();
        self.posts.spawn(async move {
            match batcher.post(&prepared).await {
                Ok(id) => Some(id),
                // Shutdown: `stop` says so.
                Err(SequencerError::TxManager(TxError::Cancelled)) => None,
                Err(e) => {
                    tracing::error!(target: "janus::sequencer", %e, "batch posting failed");
                    None
                }
            }
        });
    }

    /// Abort every task and wait until each has ended.
    async fn stop(mut self) {
        if !self.posts.is_empty() {
            tracing::info!(target: "janus::sequencer", "batch posting stopped by shutdown (it resumes after restart)");
        }
        self.posts.shutdown().await;
        self.limit_reads.shutdown().await;
        if let Some(h) = self.handing_off.take() {
            h.abort();
            let _ = h.await;
        }
    }
}

/// Post a heartbeat this many L1 blocks before the liveness deadline.
pub const HEARTBEAT_MARGIN_BLOCKS: u64 = 3;

/// Whether the leader's last post is about to be `livenessTimeout` blocks old.
pub(super) fn heartbeat_due(leader: &LeaderInfo) -> bool {
    leader.liveness_deadline > 0
        && leader.l1_block + HEARTBEAT_MARGIN_BLOCKS >= leader.liveness_deadline
}

/// The unposted blocks, as the posting policy sees them.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Unposted {
    /// Transactions in them.
    pub(super) txs: usize,
    /// L1 messages they consume.
    pub(super) messages: usize,
    /// Time since the oldest was produced (`None`: there are none).
    pub(super) age: Option<Duration>,
    /// This node started leading and has not posted since.
    pub(super) new_term: bool,
    /// They hold a whole batch: at least L1's record limit.
    pub(super) full: bool,
}

impl SequencerConfig {
    /// Whether `leader` stops producing: its epoch ends within `epoch_margin_blocks` and another
    /// operator leads the next one (an operator that keeps leading goes on producing).
    pub(super) fn closing(&self, leader: &LeaderInfo) -> bool {
        leader.l1_block + self.epoch_margin_blocks >= leader.epoch_end_block
            && leader.next_operator != leader.operator
    }

    /// Whether the unposted blocks are due by size (transactions, a backlog of L1 messages that
    /// fills a batch, or as many records as L1 takes in one batch), by age, or as the first transactions of a leadership term (they waited
    /// through the hand-over already).
    pub(super) fn post_due(&self, u: &Unposted) -> bool {
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

    /// Run until `cancel` (or until the inputs close): apply inputs, produce blocks on every tick
    /// while leading, post batches. Returns once its background work has ended too.
    pub async fn run(
        self,
        mut inputs: mpsc::Receiver<SequencerInput>,
        cancel: CancellationToken,
    ) -> Result<(), SequencerError> {
        if let Some(b) = &self.batcher {
            // Submissions persisted before a restart land (or fail) before anything new is posted.
            tokio::select! {
                recovered = b.recover() => match recovered {
                    Err(SequencerError::TxManager(TxError::Cancelled)) => return Ok(()),
                    other => other?,
                },
                _ = cancel.cancelled() => return Ok(()),
            };
        }
        let mut background = Background::new();
        let result = self.run_loop(&mut inputs, &cancel, &mut background).await;
        background.stop().await;
        result
    }

    async fn run_loop(
        &self,
        inputs: &mut mpsc::Receiver<SequencerInput>,
        cancel: &CancellationToken,
        bg: &mut Background,
    ) -> Result<(), SequencerError> {
        let mut tick = tokio::time::interval(self.cfg.block_interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
        // L1's record bound: read now, after every post and every RECORD_LIMIT_REFRESH (a failed read
        // keeps the last value). A posting node produces no block before it knows the bound.
        let mut refresh = tokio::time::interval(RECORD_LIMIT_REFRESH);
        refresh.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut oldest_unposted: Option<Instant> = None;
        // Set when this node starts leading; cleared by its first batch.
        let mut new_term = false;
        let mut was_leading = false;
        loop {
            tokio::select! {
                _ = cancel.cancelled() => return Ok(()),
                input = inputs.recv() => match input {
                    None => return Ok(()),
                    Some(SequencerInput::Derived(tip)) => self.handle.lock().on_derived(&tip),
                    Some(SequencerInput::Message(m)) => self.handle.lock().on_message(m),
                    Some(SequencerInput::Leader(info)) => self.handle.set_leader(info),
                },
                Some(posted) = bg.posts.join_next() => {
                    self.handle.lock().on_posted(posted.ok().flatten());
                    // Governance may have changed the bound (or the verifier) meanwhile.
                    if let Some(b) = &self.batcher {
                        bg.read_record_limit(b);
                    }
                }
                Some(read) = bg.limit_reads.join_next() => match read {
                    Ok(Ok(limit)) => self.handle.lock().set_record_limit(limit),
                    Ok(Err(e)) => tracing::warn!(target: "janus::sequencer", %e, "reading the batch record limit failed; keeping the last known one"),
                    Err(e) => tracing::warn!(target: "janus::sequencer", %e, "the batch record limit read ended abnormally"),
                },
                _ = refresh.tick() => {
                    if let Some(b) = &self.batcher {
                        bg.read_record_limit(b);
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
                    if !leading && bg.handing_off.as_ref().is_none_or(|h| h.is_finished()) {
                        bg.handing_off = handoff::spawn(&self.handle, &self.leader_client, &leader);
                    }
                    if let (true, true, Some(batcher)) = (leading, due, &self.batcher) {
                        if let Some(prepared) = self.handle.lock().prepare_batch(heartbeat) {
                            oldest_unposted = None;
                            new_term = false;
                            bg.post(batcher, prepared);
                        }
                    }
                }
            }
        }
    }
}
