//! [`Sequencer`], the role's actor: it owns the run loop that applies the inputs, produces a
//! block every slot while its operator leads, posts batches (and heartbeats) and hands the mempool
//! over when it stops leading.

use std::sync::Arc;
use std::time::{Duration, Instant};

use alloy::providers::Provider;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use super::{
    handoff, Batcher, LeaderClient, LeaderInfo, SequencerConfig, SequencerError, SequencerHandle,
    SequencerInput,
};
use crate::clock::now_ms;

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
