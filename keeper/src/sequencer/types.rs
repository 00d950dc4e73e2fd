//! What the sequencer is fed and what it reports: the derived tip it builds on ([`DerivedTip`]),
//! its inputs ([`SequencerInput`]) and a transaction's status ([`TxStatus`]).

use std::sync::Arc;

use alloy::primitives::B256;
use janus_l2::state::State;
use janus_l2::tx::message::L1Message;
use serde::{Deserialize, Serialize};

use super::LeaderInfo;
use crate::convert::b256;
use crate::derive::Derivation;

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
