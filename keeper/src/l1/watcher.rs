//! The [`L1Watcher`], which follows L1 from a block `confirmations` behind the head and reports
//! [`L1Event`]s in order.
//!
//! The watcher remembers the block refs (number, hash) at the end of each range it delivered. Each
//! step first checks that the next block's parent hash is the remembered tip (or, with nothing new,
//! that the tip is still canonical); on a mismatch it walks the remembered refs back to the newest
//! one still on the chain and emits [`L1Event::Reorg`] with it, then re-reads from there (the
//! rollback granularity is one delivered range: small when following the head). Logs are
//! fetched with `eth_getLogs` over bounded ranges, so after an outage or a gap the watcher simply
//! backfills from its cursor.
//!
//! Every head it reads is published once for every role ([`L1Head`], a `watch` channel): the
//! leader schedule and the liveness reporter wake on a new L1 head instead of polling it on timers
//! of their own.

use std::collections::VecDeque;
use std::time::Duration;

use alloy::eips::BlockNumberOrTag;
use alloy::providers::Provider;
use alloy::rpc::types::Filter;
use tokio::sync::{mpsc, watch};
use tokio_util::sync::CancellationToken;

use super::events::{self, BlockRef, Contracts, JanusLog};
use super::{rpc, L1Error};
use crate::ops::Health;
use crate::retry::Backoff;

/// The newest L1 head the watcher read (`None` before its first read), published at every step
/// ([`L1Watcher::heads`]). The latest block, not the confirmed one the watcher follows: roles that
/// send transactions act on the block their transaction lands in.
pub type L1Head = watch::Receiver<Option<u64>>;

/// What a step run by [`on_each_head`] asks for next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadStep {
    /// Done at this head: wait for the next one.
    Done,
    /// Failed: run again after the retry delay, or at the next head if it comes first.
    Retry,
    /// Stop the loop (its consumer is gone).
    Stop,
}

/// Run `step` at every new L1 head (once one is known) until `cancel` fires, `step` asks to stop,
/// or the watcher is gone (the node is stopping): the loop of every role that wakes on the head.
pub async fn on_each_head<F, Fut>(
    mut heads: L1Head,
    retry: Duration,
    cancel: &CancellationToken,
    mut step: F,
) where
    F: FnMut(u64) -> Fut,
    Fut: std::future::Future<Output = HeadStep>,
{
    loop {
        let head = *heads.borrow_and_update();
        let again = match head {
            Some(head) => match step(head).await {
                HeadStep::Done => false,
                HeadStep::Retry => true,
                HeadStep::Stop => return,
            },
            None => false,
        };
        let wait_retry = async {
            if again {
                tokio::time::sleep(retry).await
            } else {
                std::future::pending().await
            }
        };
        tokio::select! {
            _ = cancel.cancelled() => return,
            changed = heads.changed() => if changed.is_err() {
                return;
            },
            _ = wait_retry => {}
        }
    }
}

/// What the watcher reports, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum L1Event {
    /// Blocks up to and including `to` are processed; `logs` are their Janus events in order.
    Logs {
        /// First block of the range.
        from: u64,
        /// Last block of the range.
        to: BlockRef,
        /// Decoded events.
        logs: Vec<JanusLog>,
    },
    /// L1 reorganized: everything derived from blocks `>= resume_from` must be rolled back; the
    /// watcher continues from `resume_from`.
    Reorg {
        /// First block to read again.
        resume_from: u64,
        /// Newest remembered block still canonical (`None`: nothing since the start block is).
        ancestor: Option<BlockRef>,
    },
}

/// Tunables of the watcher.
#[derive(Clone, Debug)]
pub struct WatcherConfig {
    /// Follow the head minus this many blocks.
    pub confirmations: u64,
    /// Largest `eth_getLogs` range.
    pub max_range: u64,
    /// First block to read (the deployment block).
    pub start_block: u64,
    /// Sleep between steps when caught up.
    pub poll_interval: Duration,
    /// Remembered range ends (reorg depth the watcher can recover from by itself).
    pub history: usize,
    /// Backoff after a transient error: first delay, doubling up to `backoff_max`.
    pub backoff_min: Duration,
    /// Longest backoff delay.
    pub backoff_max: Duration,
}

impl Default for WatcherConfig {
    fn default() -> Self {
        Self {
            confirmations: 2,
            max_range: 1_000,
            start_block: 0,
            poll_interval: Duration::from_secs(2),
            history: 256,
            backoff_min: crate::retry::L1_BACKOFF_MIN,
            backoff_max: crate::retry::L1_BACKOFF_MAX,
        }
    }
}

/// Follows the Janus contracts on L1 (see the module docs).
#[derive(Debug)]
pub struct L1Watcher<P> {
    provider: P,
    contracts: Contracts,
    cfg: WatcherConfig,
    refs: VecDeque<BlockRef>,
    /// Whether old refs were dropped (then a reorg below the oldest is unrecoverable).
    trimmed: bool,
    next: u64,
    /// Where progress is reported for `/health` (optional).
    health: Option<Health>,
    /// Where every head read is published ([`L1Head`]).
    head: watch::Sender<Option<u64>>,
}

impl<P: Provider> L1Watcher<P> {
    /// A watcher starting at `cfg.start_block`.
    pub fn new(provider: P, contracts: Contracts, cfg: WatcherConfig) -> Self {
        let next = cfg.start_block;
        Self {
            provider,
            contracts,
            cfg,
            refs: VecDeque::new(),
            trimmed: false,
            next,
            health: None,
            head: watch::Sender::new(None),
        }
    }

    /// A receiver of every new L1 head this watcher reads.
    pub fn heads(&self) -> L1Head {
        self.head.subscribe()
    }

    /// Report progress (head, processed block) to `health` at every step.
    pub fn with_health(mut self, health: Health) -> Self {
        self.health = Some(health);
        self
    }

    /// The last processed block, if any.
    pub fn tip(&self) -> Option<BlockRef> {
        self.refs.back().copied()
    }

    /// The next block to read.
    pub fn next_block(&self) -> u64 {
        self.next
    }

    async fn header(&self, n: u64) -> Result<Option<(BlockRef, alloy::primitives::B256)>, L1Error> {
        let b = self
            .provider
            .get_block_by_number(BlockNumberOrTag::Number(n))
            .await
            .map_err(rpc("block"))?;
        Ok(b.map(|b| {
            (
                BlockRef {
                    number: n,
                    hash: b.header.hash,
                },
                b.header.parent_hash,
            )
        }))
    }

    /// Walk the remembered refs back to the newest one still canonical.
    async fn rewind(&mut self) -> Result<L1Event, L1Error> {
        ::metrics::counter!(crate::ops::metrics::L1_REORGS).increment(1);
        while let Some(r) = self.refs.back().copied() {
            if let Some((now, _)) = self.header(r.number).await? {
                if now.hash == r.hash {
                    self.next = r.number + 1;
                    tracing::warn!(target: "janus::l1", ancestor = r.number, "L1 reorg: rolling back");
                    return Ok(L1Event::Reorg {
                        resume_from: self.next,
                        ancestor: Some(r),
                    });
                }
            }
            self.refs.pop_back();
        }
        if self.trimmed {
            return Err(L1Error::DeepReorg {
                kept: self.cfg.history,
                oldest: self.cfg.start_block,
            });
        }
        // Every range since the start block is void: read everything again.
        self.next = self.cfg.start_block;
        tracing::warn!(target: "janus::l1", from = self.next, "L1 reorg below every remembered block: re-reading");
        Ok(L1Event::Reorg {
            resume_from: self.next,
            ancestor: None,
        })
    }

    /// One step: a reorg, the next range of logs, or `None` when caught up.
    pub async fn step(&mut self) -> Result<Option<L1Event>, L1Error> {
        let head = self
            .provider
            .get_block_number()
            .await
            .map_err(rpc("head"))?;
        self.head.send_if_modified(|h| {
            let new = *h != Some(head);
            *h = Some(head);
            new
        });
        let target = head.saturating_sub(self.cfg.confirmations);
        let tip = self.tip();
        let processed = tip.map(|t| t.number).unwrap_or(0);
        ::metrics::gauge!(crate::ops::metrics::L1_HEAD).set(head as f64);
        ::metrics::gauge!(crate::ops::metrics::L1_HEAD_LAG)
            .set(head.saturating_sub(processed) as f64);
        if let Some(h) = &self.health {
            h.l1_progress(head, processed);
        }
        if self.next > target {
            // Nothing new: still check that the tip is canonical (a reorg may shorten the chain).
            if let Some(tip) = tip {
                match self.header(tip.number).await? {
                    Some((now, _)) if now.hash == tip.hash => {}
                    _ => return self.rewind().await.map(Some),
                }
            }
            return Ok(None);
        }
        let from = self.next;
        let to_n = target.min(from + self.cfg.max_range.max(1) - 1);
        let Some((first, parent)) = self.header(from).await? else {
            return Err(L1Error::Inconsistent(format!(
                "block {from} missing below head {head}"
            )));
        };
        if let Some(tip) = tip {
            if parent != tip.hash {
                return self.rewind().await.map(Some);
            }
        }
        let filter = Filter::new()
            .address(vec![self.contracts.rollup, self.contracts.bridge])
            .from_block(from)
            .to_block(to_n);
        let raw = self.provider.get_logs(&filter).await.map_err(rpc("logs"))?;
        let Some((to, _)) = self.header(to_n).await? else {
            return Err(L1Error::Inconsistent(format!("block {to_n} vanished")));
        };
        // The range must not have changed under us: same first block, logs on the same chain.
        match self.header(from).await? {
            Some((again, _)) if again.hash == first.hash => {}
            _ => {
                return Err(L1Error::Inconsistent(format!(
                    "block {from} changed during the step"
                )))
            }
        }
        let mut logs = Vec::new();
        for l in &raw {
            if l.removed {
                return Err(L1Error::Inconsistent("removed log in range".into()));
            }
            if let Some(j) = events::decode(&self.contracts, l)? {
                let bad = (j.pos.block.number == to.number && j.pos.block.hash != to.hash)
                    || (j.pos.block.number == from && j.pos.block.hash != first.hash);
                if bad {
                    return Err(L1Error::Inconsistent("logs from another fork".into()));
                }
                logs.push(j);
            }
        }
        self.refs.push_back(to);
        while self.refs.len() > self.cfg.history.max(1) {
            self.refs.pop_front();
            self.trimmed = true;
        }
        self.next = to.number + 1;
        tracing::debug!(target: "janus::l1", from, to = to.number, logs = logs.len(), "l1 range");
        Ok(Some(L1Event::Logs { from, to, logs }))
    }

    /// Run until cancelled, sending events to `out`. Transient errors (RPC down, inconsistent
    /// answers) back off and retry from the cursor, which backfills whatever was missed.
    pub async fn run(
        mut self,
        out: mpsc::Sender<L1Event>,
        cancel: CancellationToken,
    ) -> Result<(), L1Error> {
        let mut backoff = Backoff::new(self.cfg.backoff_min, self.cfg.backoff_max);
        loop {
            let wait = match self.step().await {
                Ok(Some(ev)) => {
                    if out.send(ev).await.is_err() {
                        // The consumer stopped first during a shutdown: not a failure.
                        if cancel.is_cancelled() {
                            return Ok(());
                        }
                        return Err(L1Error::ChannelClosed);
                    }
                    backoff.reset();
                    continue;
                }
                Ok(None) => self.cfg.poll_interval,
                Err(e) if e.is_transient() => {
                    let delay = backoff.next_delay();
                    tracing::warn!(target: "janus::l1", error = %e, ?delay, "l1 step failed; backing off");
                    delay
                }
                Err(e) => return Err(e),
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = cancel.cancelled() => return Ok(()),
            }
        }
    }
}
