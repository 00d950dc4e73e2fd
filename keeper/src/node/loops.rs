//! The node's two glue loops: derivation (apply each watcher event, then feed the roles what it
//! brought) and the leader schedule (read who leads at every new L1 head for the sequencer).

use std::time::Duration;

use alloy::primitives::B256;
use alloy::providers::RootProvider;
use janus_l2::tx::message::L1Message;
use tokio::sync::{mpsc, watch};
use tokio_util::sync::CancellationToken;

use super::Feeds;
use crate::derive::{DerivedBatch, News, Pipeline};
use crate::error::NodeError;
use crate::l1::{on_each_head, HeadStep, L1Event, L1Head, LeaderView};
use crate::ops::{self, Health};
use crate::prover::{NextBatch, ProveJob};
use crate::sequencer::{DerivedTip, SequencerInput};

/// What a running node has derived, published after every L1 event (for embedders such as
/// `janus devnet`, and for tests).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeView {
    /// Canonical tip batch id.
    pub tip_id: u64,
    /// Its re-executed state root.
    pub state_root: B256,
    /// Canonical batches derived (genesis excluded).
    pub batches: usize,
}

/// Derivation: apply each watcher event, then feed the roles what it brought.
pub(super) async fn derive_loop(
    mut pipeline: Pipeline<RootProvider>,
    mut events: mpsc::Receiver<L1Event>,
    feeds: Feeds,
    health: Health,
    view: watch::Sender<NodeView>,
    cancel: CancellationToken,
) -> Result<Pipeline<RootProvider>, NodeError> {
    let mut progress = super::progress::SyncProgress::default();
    loop {
        let ev = tokio::select! {
            ev = events.recv() => match ev { Some(ev) => ev, None => return Ok(pipeline) },
            _ = cancel.cancelled() => return Ok(pipeline),
        };
        let Some(news) = pipeline.handle_retrying(&ev, &cancel).await? else {
            return Ok(pipeline);
        };
        let tip = pipeline.derivation.tip().id;
        let batches = pipeline.derivation.canonical().len().saturating_sub(1);
        health.derived_tip(tip);
        let h = health.report();
        progress.update(h.l1_head, h.l1_processed, batches);
        ::metrics::gauge!(ops::metrics::DERIVED_BATCHES).set(batches as f64);
        view.send_replace(NodeView {
            tip_id: tip,
            state_root: pipeline.derivation.state_root(),
            batches,
        });
        for n in &news {
            match n {
                News::Submitted(id) | News::Challenged(id) => {
                    let Some(b) = pipeline.derivation.batch(*id).cloned() else {
                        continue;
                    };
                    if let (News::Submitted(_), Some(tx)) = (n, &feeds.challenger) {
                        tx.send(b.clone()).await.ok();
                    }
                    feed_prover(&pipeline, &feeds, &b, *id);
                }
                News::Message(record) => {
                    if let Some(tx) = &feeds.sequencer {
                        match L1Message::decode(record) {
                            Ok(m) => {
                                tx.send(SequencerInput::Message(m)).await.ok();
                            }
                            Err(e) => {
                                tracing::error!(target: "janus", error = %e, "undecodable L1 message record")
                            }
                        }
                    }
                }
                News::Finalized(id) => {
                    // The batch after it is now the next to finalize: a proof of it would
                    // finalize it at once and earn the bounty.
                    let d = &pipeline.derivation;
                    let next = d
                        .batch(*id)
                        .and_then(|f| d.canonical().get(f.height as usize + 1))
                        .and_then(|n| d.batch(*n))
                        .filter(|n| !n.finalized)
                        .cloned();
                    if let Some(b) = next {
                        feed_prover(&pipeline, &feeds, &b, b.id);
                    }
                }
                News::Rollback => {}
            }
        }
        if let (Some(tx), false) = (&feeds.sequencer, news.is_empty()) {
            tx.send(SequencerInput::Derived(DerivedTip::of(
                &pipeline.derivation,
            )))
            .await
            .ok();
        }
    }
}

/// Offer batch `id` to the prover client (when the node proves). Only a batch whose posted root
/// is the re-executed one can be proven: a wrong one is the challenger's.
fn feed_prover(pipeline: &Pipeline<RootProvider>, feeds: &Feeds, b: &DerivedBatch, id: u64) {
    if b.verdict != crate::derive::Verdict::Valid {
        return;
    }
    let pre = pipeline
        .derivation
        .batch(b.parent_id)
        .and_then(|p| p.state.clone());
    if let (Some(tx), Some(pre_state), Some(data)) = (&feeds.prover, pre, pipeline.batch_data(id)) {
        // The valid batches after it, in height order: a bounty proof may cover them too.
        let d = &pipeline.derivation;
        let canonical = d.canonical().get(b.height as usize) == Some(&id);
        let then = d
            .canonical()
            .iter()
            .take(if canonical { usize::MAX } else { 0 })
            .skip(b.height as usize + 1)
            .take(feeds.prover_then)
            .map_while(|n| {
                let next = d.batch(*n)?;
                let data = pipeline.batch_data(*n)?;
                (next.verdict == crate::derive::Verdict::Valid && !next.finalized).then(|| {
                    NextBatch {
                        batch_id: *n,
                        data: data.to_vec(),
                    }
                })
            })
            .collect();
        let job = ProveJob {
            batch_id: id,
            pre_state,
            data: data.to_vec(),
            then,
        };
        // A busy prover skips the job; the challenge event brings it back.
        if tx.try_send(job).is_err() {
            tracing::warn!(target: "janus", batch = id, "prover busy; job skipped");
        }
    }
}

/// Send the leader schedule at every new L1 head (from the watcher) to the sequencer; a failed
/// read is tried again after `retry` (or at the next head).
pub(super) async fn leader_schedule(
    view: LeaderView<RootProvider>,
    heads: L1Head,
    out: mpsc::Sender<SequencerInput>,
    retry: Duration,
    cancel: CancellationToken,
) -> Result<(), NodeError> {
    let (view, out) = (&view, &out);
    on_each_head(heads, retry, &cancel, |head| async move {
        match view.at(head + 1).await {
            Ok(info) => match out.send(SequencerInput::Leader(info)).await {
                Ok(()) => HeadStep::Done,
                Err(_) => HeadStep::Stop,
            },
            Err(e) => {
                tracing::warn!(target: "janus", error = %e, "reading the leader");
                HeadStep::Retry
            }
        }
    })
    .await;
    Ok(())
}
