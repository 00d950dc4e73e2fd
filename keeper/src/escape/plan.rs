//! The escape batch, built and applied natively before any proving ([`plan`], pure: no L1).
//!
//! Contents: the unconsumed L1 messages from the tip's `msgEnd` in queue order — all of those
//! derived when they fit next to the given transactions, else at least every message that L1 will
//! count as overdue (forced inclusion) and as many more as fit — then the given transactions in
//! the given order. The batch is applied with `janus_l2::batch::apply_batch` on the tip's state;
//! a transaction that does not apply is an error ([`EscapeError::TxRejected`]), never dropped.

use std::collections::BTreeMap;

use alloy::primitives::B256;
use janus_l2::batch::{apply_batch, Batch, BatchContext, BatchOutput};
use janus_l2::state::State;
use janus_l2::tx::message::L1Message;
use janus_l2::tx::record::Tx;
use janus_l2::BatchError;

use super::EscapeError;
use crate::convert::b256;
use crate::derive::DerivedBatch;

/// What the batch is built on and with.
#[derive(Debug)]
pub struct PlanInput<'a> {
    /// The canonical tip (derived), with its state.
    pub tip: &'a DerivedBatch,
    /// The L1 messages derived (nonce → message); those from `tip.msg_end` on are unconsumed.
    pub messages: &'a BTreeMap<u64, L1Message>,
    /// Messages from `tip.msg_end` that the batch must consume (overdue, forced inclusion).
    pub must_consume: u64,
    /// The batch's fee account.
    pub fee_account: u32,
    /// The user transactions, in order.
    pub txs: &'a [Tx],
    /// Slots of the circuit (most records a batch may hold).
    pub slots: usize,
    /// L2 chain id (signatures).
    pub chain_id: u64,
}

/// The escape batch, applied.
#[derive(Debug)]
pub struct Plan {
    /// The batch.
    pub batch: Batch,
    /// Its encoded data (docs/l2-spec.md §4), what is posted.
    pub data: Vec<u8>,
    /// The native application's output (new root, message chain, withdrawals).
    pub output: BatchOutput,
    /// The new state root in L1 form.
    pub new_root: B256,
}

/// Choose the messages, build the batch and apply it on the tip's state (see the module docs).
pub fn plan(input: &PlanInput<'_>) -> Result<Plan, EscapeError> {
    let tip = input.tip;
    let (computed, claimed) = (tip.computed_root, tip.claimed_root);
    if computed != claimed {
        return Err(EscapeError::WrongTip {
            batch_id: tip.id,
            claimed,
            computed,
        });
    }
    let Some(state) = tip.state.as_ref() else {
        return Err(EscapeError::Stale(format!(
            "the state after the tip batch {} was not kept",
            tip.id
        )));
    };
    let txs = input.txs.len();
    let must = input.must_consume as usize;
    if must + txs > input.slots {
        return Err(EscapeError::TooManyRecords {
            messages: must,
            txs,
            slots: input.slots,
        });
    }
    // The derived unconsumed messages, contiguous from the tip's msgEnd.
    let mut queued = Vec::new();
    for (i, (nonce, m)) in input.messages.range(tip.msg_end..).enumerate() {
        if *nonce != tip.msg_end + i as u64 {
            break;
        }
        queued.push(m.clone());
    }
    if queued.len() < must {
        return Err(EscapeError::Stale(format!(
            "{must} overdue L1 message(s) from {} must be consumed but only {} were derived",
            tip.msg_end,
            queued.len()
        )));
    }
    queued.truncate(input.slots - txs);
    if queued.is_empty() && txs == 0 {
        return Err(EscapeError::NothingToPost);
    }
    let batch = Batch {
        fee_account: input.fee_account,
        messages: queued,
        txs: input.txs.to_vec(),
    };
    let data = batch.encode().map_err(|e| EscapeError::Batch(e.into()))?;
    let ctx = BatchContext {
        chain_id: input.chain_id,
        msg_start: tip.msg_end,
        chain_before: tip.chain_after,
    };
    let mut after: State = (**state).clone();
    let output = apply_batch(&mut after, &batch, &ctx).map_err(|e| match e {
        BatchError::InvalidTx { index, error } => EscapeError::TxRejected {
            index,
            tip: tip.id,
            source: error,
        },
        other => EscapeError::Batch(other),
    })?;
    let new_root = b256(&output.new_root);
    Ok(Plan {
        batch,
        data,
        output,
        new_root,
    })
}
