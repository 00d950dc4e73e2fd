//! `janus escape`: the escape hatch in one command. When every sequencer is gone
//! (`Rollup.escapeHatchOpen()`: `escapeDelay` passed since the last batch, or the oldest
//! unconsumed L1 message is overdue), anyone may post a batch together with its validity proof
//! (`Rollup.submitBatchWithProof`); [`escape`] builds, proves and posts one from L1 data alone.
//!
//! | file | owns |
//! | --- | --- |
//! | `mod.rs` | [`escape`], its [`EscapeRequest`] and [`EscapeOutcome`] |
//! | `checks.rs` | the cheap L1 checks made first ([`preflight`]), the queue facts, revert decoding |
//! | `plan.rs` | the batch: which L1 messages, the given transactions, applied natively ([`plan()`]) |
//! | `cli.rs` | the `janus escape` flags ([`EscapeArgs`]) and [`run`], which prints the outcome |
//! | `error.rs` | [`EscapeError`] |
//!
//! Order of [`escape`] (each step only when the previous ones passed; docs/escape.md):
//! 1. **Cheap checks**: hatch open, verifier set, the prover's batch capacity equals the verifier's
//!    `maxRecords`, the prover's chain id is the L2's. Nothing is derived, proven or sent otherwise.
//! 2. **Derive** the L2 chain from L1 alone (genesis to the head, [`crate::derive::derive_to_head`]).
//! 3. **Plan** the batch on the canonical tip: the unconsumed L1 messages (all that fit; at least
//!    the overdue ones), then the given transactions; applied natively, and any transaction that
//!    does not apply is an error naming it. The message chain is checked against the bridge.
//! 4. **Prove** on a blocking thread (`prove_batch`, verify, data binding, then `l1_proof` bound to
//!    the sender, `TxManager::address`).
//! 5. **Finalize first**: `finalizeBatch` for each pending canonical batch whose challenge window
//!    has passed, in height order (anyone may), so that the escape batch, proven, is final at once
//!    when its parent is. Done after proving, so batches whose window closed meanwhile count too,
//!    and nothing is sent when planning or proving fails.
//! 6. **Submit**: simulate `submitBatchWithProof` (a revert is reported by its custom error's name;
//!    nothing sent), then send it through the [`TxManager`].

mod checks;
mod cli;
mod error;
mod plan;

pub use checks::{decode_revert, preflight, Preflight, OVERDUE_MARGIN_SECS};
pub use cli::{run, EscapeArgs};
pub use error::EscapeError;
pub use plan::{plan, Plan, PlanInput};

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use alloy::primitives::{Bytes, B256, U256};
use alloy::providers::Provider;
use alloy::sol_types::SolEvent;
use janus_l2::tx::message::{fold_chain, L1Message};
use janus_l2::tx::record::Tx;
use janus_prover::prover::batch::{check_data_binding, BatchProver};
use serde::Serialize;

use crate::challenger::{Finalizer, FinalizerConfig};
use crate::derive::{derive_to_head, News};
use crate::l1::bindings::{Bridge, Rollup};
use crate::l1::{rpc, Contracts, ReadFailure};
use crate::store::TxIntent;
use crate::txmgr::TxManager;

/// What to post through the escape hatch.
#[derive(Clone, Debug)]
pub struct EscapeRequest {
    /// The L2 account credited with the batch's fees (must exist when a transaction pays one).
    pub fee_account: u32,
    /// Signed L2 transactions, applied in this order after the batch's L1 messages.
    pub txs: Vec<Tx>,
}

/// The posted escape batch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EscapeOutcome {
    /// Its batch id.
    pub batch_id: u64,
    /// Its parent (the canonical tip it was built on).
    pub parent_id: u64,
    /// Its new state root.
    pub new_root: B256,
    /// Whether it is final (its parent was final, so the proof finalized it at once).
    pub finalized: bool,
    /// L1 messages it consumed.
    pub messages: usize,
    /// Transactions it holds.
    pub txs: usize,
    /// The `submitBatchWithProof` transaction.
    pub tx_hash: B256,
    /// Batches this command finalized first (`finalizeBatch`), in height order.
    pub finalized_first: Vec<u64>,
}

/// Post `req` through the escape hatch: check, derive, plan, prove, finalize what can be,
/// submit (the module docs give the order and why). `prover` must be built for the deployed
/// verifier's circuit (slots = `maxRecords`, chain id `l2_chain_id`); the proof is bound to
/// `txmgr.address()`, which sends every transaction.
pub async fn escape<P: Provider + Clone>(
    provider: P,
    contracts: Contracts,
    l2_chain_id: u64,
    txmgr: Arc<TxManager<P>>,
    prover: Arc<BatchProver>,
    req: EscapeRequest,
) -> Result<EscapeOutcome, EscapeError> {
    preflight(&provider, contracts, Some(prover.shape())).await?;
    let slots = prover.max_records();
    if prover.chain_id() != l2_chain_id {
        return Err(EscapeError::ProverMismatch(format!(
            "the circuit checks signatures of L2 chain {}, the L2 is chain {l2_chain_id}",
            prover.chain_id()
        )));
    }
    if req.txs.len() > slots {
        return Err(EscapeError::TooManyRecords {
            messages: 0,
            txs: req.txs.len(),
            slots,
        });
    }

    let started = Instant::now();
    let (_, pipe, news) = derive_to_head(provider.clone(), contracts, l2_chain_id).await?;
    let messages = derived_messages(news)?;
    let tip = pipe.derivation.tip().clone();
    tracing::info!(target: "janus::escape", tip = tip.id, height = tip.height, root = %tip.computed_root,
        messages = messages.len(), elapsed = ?started.elapsed(), "L2 state derived from L1");
    let facts = checks::queue_facts(&provider, contracts, tip.msg_end).await?;
    let planned = plan(&PlanInput {
        tip: &tip,
        messages: &messages,
        must_consume: facts.must_consume,
        fee_account: req.fee_account,
        txs: &req.txs,
        slots,
        chain_id: l2_chain_id,
    })?;
    let msg_count = planned.batch.messages.len();
    check_queue(&provider, contracts, &tip, &planned, facts.count).await?;
    tracing::info!(target: "janus::escape", parent = tip.id, messages = msg_count, txs = req.txs.len(),
        new_root = %planned.new_root, "escape batch planned and applied natively");

    let payee: [u8; 20] = txmgr.address().into();
    let proof = prove(prover, &tip, &planned, payee).await?;

    let finalizer = Finalizer::new(
        provider.clone(),
        contracts.rollup,
        txmgr.clone(),
        FinalizerConfig {
            max_per_step: usize::MAX,
            ..Default::default()
        },
    );
    let finalized_first = finalizer.step().await.map_err(EscapeError::Finalize)?;
    if !finalized_first.is_empty() {
        tracing::info!(target: "janus::escape", batches = ?finalized_first, "finalized the pending batches first");
    }

    let rollup = Rollup::new(contracts.rollup, &provider);
    let call = rollup
        .submitBatchWithProof(
            tip.id,
            tip.claimed_root,
            planned.new_root,
            Bytes::from(planned.data.clone()),
            Bytes::from(proof),
        )
        .from(txmgr.address());
    // Simulate first: a revert is reported by the rollup's error name, and nothing is sent.
    call.call().await.map_err(EscapeError::Rejected)?;
    let out = txmgr
        .send(TxIntent {
            label: format!("submitBatchWithProof on batch {}", tip.id),
            to: contracts.rollup,
            input: call.calldata().clone(),
            value: U256::ZERO,
        })
        .await?;
    let batch_id = out
        .receipt
        .inner
        .logs()
        .iter()
        .find_map(|l| Rollup::BatchSubmitted::decode_log_data(l.data()).ok())
        .map(|e| e.batchId)
        .ok_or_else(|| {
            rpc("BatchSubmitted log")(ReadFailure::Missing(
                "no BatchSubmitted event in the receipt",
            ))
        })?;
    let finalized = rollup
        .isFinalized(batch_id)
        .call()
        .await
        .map_err(rpc("isFinalized"))?;
    let outcome = EscapeOutcome {
        batch_id,
        parent_id: tip.id,
        new_root: planned.new_root,
        finalized,
        messages: msg_count,
        txs: req.txs.len(),
        tx_hash: out.receipt.transaction_hash,
        finalized_first,
    };
    tracing::info!(target: "janus::escape", batch = batch_id, finalized, elapsed = ?started.elapsed(), "escape batch accepted on L1");
    Ok(outcome)
}

/// The L1 messages among derivation news (nonce → message).
fn derived_messages(news: Vec<News>) -> Result<BTreeMap<u64, L1Message>, EscapeError> {
    let mut out = BTreeMap::new();
    for n in news {
        if let News::Message(record) = n {
            let m = L1Message::decode(&record).map_err(|e| EscapeError::Batch(e.into()))?;
            out.insert(m.nonce, m);
        }
    }
    Ok(out)
}

/// L1 must hold what the plan assumes: the tip is still L1's tip, and the batch's messages hash
/// from the tip's message chain to the bridge's chain at their end.
async fn check_queue<P: Provider>(
    provider: &P,
    contracts: Contracts,
    tip: &crate::derive::DerivedBatch,
    planned: &Plan,
    queue_len: u64,
) -> Result<(), EscapeError> {
    let l1_tip = Rollup::new(contracts.rollup, provider)
        .tipId()
        .call()
        .await
        .map_err(rpc("tipId"))?;
    if l1_tip != tip.id {
        return Err(EscapeError::Stale(format!(
            "L1's tip is batch {l1_tip}, the derived tip batch {}",
            tip.id
        )));
    }
    let end = planned.output.msg_end;
    if end > queue_len {
        return Err(EscapeError::Stale(format!(
            "the batch would consume messages up to {end}, the queue holds {queue_len}"
        )));
    }
    let chain = fold_chain(tip.chain_after, &planned.batch.messages);
    let expected = Bridge::new(contracts.bridge, provider)
        .messageChain(end)
        .call()
        .await
        .map_err(rpc("messageChain"))?;
    if B256::from(chain) != expected {
        return Err(EscapeError::Stale(format!(
            "the derived messages hash to {} at {end}, the bridge's chain is {expected}",
            B256::from(chain)
        )));
    }
    Ok(())
}

/// Prove the planned batch on a blocking thread, check the proof and its data binding, and wrap
/// it for L1 bound to `payee`.
async fn prove(
    prover: Arc<BatchProver>,
    tip: &crate::derive::DerivedBatch,
    planned: &Plan,
    payee: [u8; 20],
) -> Result<Vec<u8>, EscapeError> {
    let state = tip
        .state
        .clone()
        .ok_or_else(|| EscapeError::Stale(format!("no state kept for batch {}", tip.id)))?;
    let (batch, data, new_root) = (
        planned.batch.clone(),
        planned.data.clone(),
        planned.output.new_root,
    );
    let started = Instant::now();
    tracing::info!(target: "janus::escape", records = prover.max_records(), "proving the escape batch");
    let proof = tokio::task::spawn_blocking(move || {
        let proof = prover.prove_batch(&state, &batch)?;
        prover.verify(&proof)?;
        check_data_binding(&proof.public, &data)?;
        if proof.public.new_root != new_root {
            return Err(janus_prover::ProverError::Witness(
                "the proven root differs from the native application's".into(),
            ));
        }
        prover.l1_proof(std::slice::from_ref(&proof), &payee)
    })
    .await
    .map_err(EscapeError::Task)??;
    tracing::info!(target: "janus::escape", elapsed = ?started.elapsed(), bytes = proof.len(), "escape batch proven and wrapped");
    Ok(proof)
}

#[cfg(test)]
mod tests;
