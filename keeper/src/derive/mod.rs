//! Derivation: the L2 state as a pure function of L1 data.
//!
//! [`Derivation`] consumes the watcher's events. For each `BatchSubmitted` the batch data is read
//! from the posting transaction's calldata (`submitBatch(parentId, prevRoot, newRoot, data)`),
//! checked against the event's `dataHash`, and applied with `janus_l2::batch::apply_batch_data` on
//! the parent's state; the computed root is compared with the posted one ([`Verdict`]). Each
//! batch keeps a snapshot of the state after it (until finalized), so `BatchesReverted` and L1
//! reorgs roll back by switching snapshots, without re-execution. An L1 reorg replays the cheap
//! event journal up to the common ancestor.

mod error;
mod pipeline;

pub use error::DeriveError;
pub use pipeline::{batch_data_from_calldata, derive_to_head, News, Pipeline};

use std::collections::BTreeMap;
use std::sync::Arc;

use alloy::primitives::B256;
use janus_l2::batch::{apply_batch_data, BatchContext};
use janus_l2::state::{empty_root, State};

use crate::convert::b256;
use crate::l1::bindings::Rollup;

/// How a posted batch compares with its re-execution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The posted root is the computed one.
    Valid,
    /// The data applies but yields another root (challengeable).
    RootMismatch {
        /// Posted.
        claimed: B256,
        /// Computed.
        computed: B256,
    },
    /// The data does not apply (bad signature, nonce, balance, …): the state stays the parent's.
    Invalid(String),
}

/// A batch as derived from L1.
#[derive(Clone, Debug)]
pub struct DerivedBatch {
    /// Batch id.
    pub id: u64,
    /// Parent id.
    pub parent_id: u64,
    /// Height.
    pub height: u64,
    /// L1 block of the `BatchSubmitted` log.
    pub l1_block: u64,
    /// Posted new state root.
    pub claimed_root: B256,
    /// Root of `state` (the re-execution).
    pub computed_root: B256,
    /// Comparison.
    pub verdict: Verdict,
    /// Queue index after the batch.
    pub msg_end: u64,
    /// Message chain after the batch.
    pub chain_after: [u8; 32],
    /// Posted withdrawal root.
    pub withdrawal_root: B256,
    /// Finalized on L1.
    pub finalized: bool,
    /// State after the batch (dropped for finalized ancestors of a newer finalized batch).
    pub state: Option<Arc<State>>,
}

/// Journal entry of an L1 event that changes the canonical chain.
#[derive(Clone, Debug)]
enum Step {
    Submitted { id: u64, height: u64 },
    Reverted { from_height: u64 },
    Finalized { id: u64 },
}

/// The derived L2 chain (see the module docs).
#[derive(Debug)]
pub struct Derivation {
    chain_id: u64,
    /// Every batch seen (id 0: genesis).
    batches: BTreeMap<u64, DerivedBatch>,
    /// `canonical[h]`: batch id at height `h` (`canonical[0] = 0`, genesis).
    canonical: Vec<u64>,
    journal: Vec<(u64, Step)>,
}

impl Derivation {
    /// Genesis: the empty L2 state (root checked by [`Self::check_genesis`]).
    pub fn new(chain_id: u64) -> Self {
        let state = State::new();
        let root = b256(&empty_root());
        let genesis = DerivedBatch {
            id: 0,
            parent_id: 0,
            height: 0,
            l1_block: 0,
            claimed_root: root,
            computed_root: root,
            verdict: Verdict::Valid,
            msg_end: 0,
            chain_after: [0; 32],
            withdrawal_root: B256::ZERO,
            finalized: true,
            state: Some(Arc::new(state)),
        };
        Self {
            chain_id,
            batches: BTreeMap::from([(0, genesis)]),
            canonical: vec![0],
            journal: Vec::new(),
        }
    }

    /// Check L1's genesis root (`Rollup.getBatch(0).stateRoot`) against the empty L2 state.
    pub fn check_genesis(&self, l1: B256) -> Result<(), DeriveError> {
        let local = self.batches[&0].computed_root;
        if l1 == local {
            Ok(())
        } else {
            Err(DeriveError::Genesis { l1, local })
        }
    }

    /// The canonical tip batch.
    pub fn tip(&self) -> &DerivedBatch {
        let id = self.canonical.last().copied().unwrap_or(0);
        &self.batches[&id]
    }

    /// The L2 state after the canonical tip.
    pub fn state(&self) -> Arc<State> {
        self.state_of(self.tip().id).unwrap_or_default()
    }

    /// Root of the canonical tip's re-executed state.
    pub fn state_root(&self) -> B256 {
        self.tip().computed_root
    }

    /// A batch by id.
    pub fn batch(&self, id: u64) -> Option<&DerivedBatch> {
        self.batches.get(&id)
    }

    /// Canonical batch ids by height (index 0: genesis).
    pub fn canonical(&self) -> &[u64] {
        &self.canonical
    }

    fn state_of(&self, id: u64) -> Option<Arc<State>> {
        self.batches.get(&id).and_then(|b| b.state.clone())
    }

    /// Apply a posted batch (from its `BatchSubmitted` log at `l1_block` and its calldata).
    pub fn on_submitted(
        &mut self,
        ev: &Rollup::BatchSubmitted,
        l1_block: u64,
        data: &[u8],
    ) -> Result<&DerivedBatch, DeriveError> {
        let (id, parent_id) = (ev.batchId, ev.parentId);
        let Some(parent) = self.batches.get(&parent_id) else {
            return Err(DeriveError::UnknownParent {
                batch_id: id,
                parent_id,
            });
        };
        let Some(parent_state) = parent.state.clone() else {
            return Err(DeriveError::UnknownParent {
                batch_id: id,
                parent_id,
            });
        };
        let ctx = BatchContext {
            chain_id: self.chain_id,
            msg_start: ev.msgStart,
            chain_before: parent.chain_after,
        };
        let mut state = (*parent_state).clone();
        let (verdict, chain_after, msg_end) = match apply_batch_data(&mut state, data, &ctx) {
            Ok(out) => {
                let computed = b256(&out.new_root);
                let v = if computed == ev.newStateRoot {
                    Verdict::Valid
                } else {
                    Verdict::RootMismatch {
                        claimed: ev.newStateRoot,
                        computed,
                    }
                };
                (v, out.chain_after, out.msg_end)
            }
            // L1 accepted the framing and messages, so the parent's message chain still advances
            // by the posted range; the state does not change.
            Err(e) => (
                Verdict::Invalid(e.to_string()),
                parent.chain_after,
                ev.msgEnd,
            ),
        };
        if verdict != Verdict::Valid {
            tracing::warn!(target: "janus::derive", batch = id, ?verdict, "posted batch does not re-execute to its root");
        }
        let computed_root = b256(&state.root());
        let height = ev.height;
        let batch = DerivedBatch {
            id,
            parent_id,
            height,
            l1_block,
            claimed_root: ev.newStateRoot,
            computed_root,
            verdict,
            msg_end,
            chain_after,
            withdrawal_root: ev.withdrawalRoot,
            finalized: false,
            state: Some(Arc::new(state)),
        };
        self.batches.insert(id, batch);
        self.journal
            .push((l1_block, Step::Submitted { id, height }));
        self.replay_step(&Step::Submitted { id, height });
        tracing::info!(target: "janus::derive", batch = id, height, root = %computed_root, "batch derived");
        Ok(&self.batches[&id])
    }

    /// `BatchesReverted`: the canonical chain drops to below `from_height`.
    pub fn on_reverted(&mut self, from_height: u64, l1_block: u64) {
        self.journal
            .push((l1_block, Step::Reverted { from_height }));
        self.replay_step(&Step::Reverted { from_height });
    }

    /// `BatchFinalized`: mark it; snapshots of older finalized batches are dropped.
    pub fn on_finalized(&mut self, id: u64, l1_block: u64) {
        self.journal.push((l1_block, Step::Finalized { id }));
        self.replay_step(&Step::Finalized { id });
        // Keep the newest finalized snapshot (the base of everything pending), drop older ones.
        let older: Vec<u64> = self
            .batches
            .values()
            .filter(|b| {
                b.finalized
                    && b.id != id
                    && b.height < self.batches.get(&id).map_or(0, |x| x.height)
            })
            .map(|b| b.id)
            .collect();
        for o in older {
            if let Some(b) = self.batches.get_mut(&o) {
                b.state = None;
            }
        }
    }

    fn replay_step(&mut self, step: &Step) {
        match *step {
            Step::Submitted { id, height } => {
                self.canonical.truncate(height as usize);
                self.canonical.push(id);
            }
            Step::Reverted { from_height } => {
                self.canonical.truncate((from_height as usize).max(1))
            }
            Step::Finalized { id } => {
                if let Some(b) = self.batches.get_mut(&id) {
                    b.finalized = true;
                }
            }
        }
    }

    /// L1 reorg: forget everything from blocks `>= resume_from` and replay the journal.
    pub fn rollback_l1(&mut self, resume_from: u64) {
        self.journal.retain(|(b, _)| *b < resume_from);
        self.batches
            .retain(|id, b| *id == 0 || b.l1_block < resume_from);
        for b in self.batches.values_mut() {
            b.finalized = b.id == 0;
        }
        self.canonical = vec![0];
        let journal = self.journal.clone();
        for (_, s) in &journal {
            self.replay_step(s);
        }
        tracing::warn!(target: "janus::derive", resume_from, tip = self.tip().id, "rolled back for an L1 reorg");
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod e2e;
