//! Validator / challenger role, plus the two other watchdog roles that only read L1 and send
//! one kind of transaction each: the finalizer and the reporters.
//!
//! - [`Challenger`]: consumes the derivation's [`DerivedBatch`]es. A canonical, non-finalized
//!   batch whose posted root is wrong (or whose data does not apply) is challenged once on L1
//!   (`Rollup.challenge` with `params().challengeBond`), the reason is recorded in the
//!   `challenges` table ([`records`]); after the prove window with no proof it calls
//!   `resolveChallenge` (reverts the batch and descendants, slashes the operator, credits the
//!   bond back) and it `claim`s credits.
//! - [`Finalizer`] ([`finalizer`]): `finalizeBatch` for the next batch once its challenge window
//!   is over (or it is proven); anyone may call it, so it runs by policy.
//! - [`LivenessReporter`] and [`report_equivocation`] ([`reporter`]): `SequencerSet.reportLiveness`
//!   when the leader posted nothing for the timeout; `EquivocationSlasher.reportEquivocation` for two
//!   conflicting signed soft confirmations.
//!
//! Every transaction goes through the signer's [`TxManager`]. Every step reads L1 first, so
//! a restart (or another keeper acting first) never makes a step send a transaction that would
//! revert or repeat. Policy and errors: `docs/keeper-roles.md`.

pub(crate) mod error;
pub mod finalizer;
pub mod records;
pub mod reporter;

pub use error::ChallengerError;
pub use finalizer::{Finalizer, FinalizerConfig};
pub use records::{ChallengeReason, ChallengeRecord, ChallengeRecords, ChallengeState};
pub use reporter::{report_equivocation, LivenessReporter, SignedConfirmation};

use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::{Address, B256, U256};
use alloy::providers::Provider;
use alloy::sol_types::{SolCall, SolEvent};
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

use crate::derive::DerivedBatch;
use crate::l1::bindings::{IRollup, Rollup};
use crate::l1::{rpc, BatchStatus, HeadStep, L1Head, L1ReadError, ReadFailure};
use crate::store::{Store, TxIntent};
use crate::txmgr::{TxManager, TxOutcome};

/// Policy of a [`Challenger`].
#[derive(Clone, Debug)]
pub struct ChallengerConfig {
    /// Challenge wrong batches (off: only record and warn).
    pub challenge: bool,
    /// Resolve our challenges once their prove window is over.
    pub resolve: bool,
    /// Claim credited ETH (returned bonds, rewards) on every sweep.
    pub claim: bool,
    /// After a failed sweep, [`Challenger::run`] sweeps again after this delay, or at the next
    /// L1 head if it comes first.
    pub retry_interval: Duration,
}

impl Default for ChallengerConfig {
    fn default() -> Self {
        Self {
            challenge: true,
            resolve: true,
            claim: true,
            retry_interval: Duration::from_secs(12),
        }
    }
}

/// What [`Challenger::on_batch`] did with a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChallengeAction {
    /// The batch re-executes to its root (or is final, or not canonical): nothing to do.
    None,
    /// We challenged it in this transaction.
    Challenged(B256),
    /// Our challenge was already open (found in the store or on L1): nothing sent.
    AlreadyChallenged,
    /// Wrong, but challenging is off, someone else challenged, or the window is closed.
    Recorded(ChallengeState),
}

/// What one [`Challenger::sweep`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Batches whose challenge we resolved (won).
    pub resolved: Vec<u64>,
    /// Batches proven despite our challenge (bond lost).
    pub lost: Vec<u64>,
    /// Wei claimed.
    pub claimed: U256,
}

/// The challenger (see the module docs).
pub struct Challenger<P> {
    provider: P,
    rollup: Address,
    txmgr: Arc<TxManager<P>>,
    records: ChallengeRecords,
    cfg: ChallengerConfig,
}

impl<P> std::fmt::Debug for Challenger<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Challenger")
            .field("rollup", &self.rollup)
            .field("cfg", &self.cfg)
            .finish_non_exhaustive()
    }
}

/// Timestamp of the latest L1 block (the next block's is at least this).
pub(crate) async fn l1_now(p: &impl Provider) -> Result<u64, L1ReadError> {
    let block = p
        .get_block_by_number(alloy::eips::BlockNumberOrTag::Latest)
        .await
        .map_err(rpc("latest block"))?
        .ok_or_else(|| rpc("latest block")(ReadFailure::Missing("no block")))?;
    Ok(block.header.timestamp)
}

/// Send a call to `to` through `txmgr`.
pub(crate) async fn send_call<P: Provider + Clone, C: SolCall>(
    txmgr: &TxManager<P>,
    to: Address,
    label: String,
    call: C,
    value: U256,
) -> Result<TxOutcome, ChallengerError> {
    Ok(txmgr
        .send(TxIntent {
            label,
            to,
            input: call.abi_encode().into(),
            value,
        })
        .await?)
}

impl<P: Provider + Clone> Challenger<P> {
    /// A challenger for `rollup`, sending with `txmgr` (its signer posts the bonds and receives
    /// the payouts), recording in `store`'s `challenges` table.
    pub fn new(
        provider: P,
        rollup: Address,
        txmgr: Arc<TxManager<P>>,
        store: Store,
        cfg: ChallengerConfig,
    ) -> Result<Self, ChallengerError> {
        Ok(Self {
            provider,
            rollup,
            txmgr,
            records: ChallengeRecords::new(store)?,
            cfg,
        })
    }

    /// The challenge records.
    pub fn records(&self) -> &ChallengeRecords {
        &self.records
    }

    fn contract(&self) -> Rollup::RollupInstance<&P> {
        Rollup::new(self.rollup, &self.provider)
    }

    /// The effective deadline of the open challenge on `id` (`Rollup.challengeDeadline`: never
    /// before a verifier has been set for a whole prove window; 0 when none is open).
    async fn deadline(&self, id: u64) -> Result<u64, ChallengerError> {
        let d = self
            .contract()
            .challengeDeadline(id)
            .call()
            .await
            .map_err(rpc("challengeDeadline"))?;
        Ok(d.to::<u64>())
    }

    /// Consider one derived batch: challenge it if it is wrong, canonical, not final, still
    /// inside its challenge window and not challenged yet (checked on L1, so this is idempotent
    /// across restarts and other challengers).
    pub async fn on_batch(&self, b: &DerivedBatch) -> Result<ChallengeAction, ChallengerError> {
        let Some(reason) = ChallengeReason::from_verdict(&b.verdict) else {
            return Ok(ChallengeAction::None);
        };
        if b.finalized {
            return Ok(ChallengeAction::None);
        }
        let id = b.id;
        if let Some(r) = self.records.get(id)? {
            if r.state == ChallengeState::Open {
                return Ok(ChallengeAction::AlreadyChallenged);
            }
        }
        let rollup = self.contract();
        let onchain: IRollup::Batch = rollup.getBatch(id).call().await.map_err(rpc("getBatch"))?;
        let canonical = rollup
            .isCanonical(id)
            .call()
            .await
            .map_err(rpc("isCanonical"))?;
        // Not the batch we derived (an L1 reorg since), or no longer live: nothing to do.
        if !canonical || onchain.stateRoot != b.claimed_root {
            return Ok(ChallengeAction::None);
        }
        let c = rollup
            .getChallenge(id)
            .call()
            .await
            .map_err(rpc("getChallenge"))?;
        let me = self.txmgr.address();
        let mut record = ChallengeRecord {
            batch_id: id,
            reason,
            state: ChallengeState::Open,
            challenge_tx: None,
            resolve_tx: None,
            deadline: self.deadline(id).await?,
        };
        if c.challenger == me {
            // Ours from before a restart (the record was not written yet).
            self.records.put(&record)?;
            return Ok(ChallengeAction::AlreadyChallenged);
        }
        if c.challenger != Address::ZERO {
            return self.record_not_ours(record, ChallengeState::ChallengedByOther);
        }
        if onchain.batch_status() != Ok(BatchStatus::Pending) {
            // Proven or finalized: the proof (or the window) decided; nothing to challenge.
            return Ok(ChallengeAction::None);
        }
        let params = rollup.params().call().await.map_err(rpc("params"))?;
        let closes = onchain.submittedAt.to::<u64>() + params.challengeWindow;
        if l1_now(&self.provider).await? >= closes {
            return self.record_not_ours(record, ChallengeState::WindowClosed);
        }
        if !self.cfg.challenge {
            tracing::warn!(target: "janus::challenger", batch = id, reason = ?record.reason, "wrong batch (challenging is off)");
            return Ok(ChallengeAction::None);
        }
        if !rollup
            .isProvable(id)
            .call()
            .await
            .map_err(rpc("isProvable"))?
        {
            // The rollup refuses challenges that no proof could answer (docs/protocol.md): no
            // verifier, or one that cannot prove a batch this large.
            tracing::error!(target: "janus::challenger", batch = id, reason = ?record.reason, "wrong batch, but no verifier can prove it and the rollup refuses its challenge: it finalizes unless such a verifier is set inside its challenge window");
            return self.record_not_ours(record, ChallengeState::NoVerifier);
        }
        tracing::warn!(target: "janus::challenger", batch = id, reason = ?record.reason, "challenging");
        let out = send_call(
            &self.txmgr,
            self.rollup,
            format!("challenge batch {id}"),
            Rollup::challengeCall { batchId: id },
            U256::from(params.challengeBond),
        )
        .await?;
        let hash = out.receipt.transaction_hash;
        record.challenge_tx = Some(hash);
        record.deadline = self.deadline(id).await?;
        self.records.put(&record)?;
        Ok(ChallengeAction::Challenged(hash))
    }

    /// Record a wrong batch that we do not (or can no longer) challenge.
    fn record_not_ours(
        &self,
        mut record: ChallengeRecord,
        state: ChallengeState,
    ) -> Result<ChallengeAction, ChallengerError> {
        tracing::warn!(target: "janus::challenger", batch = record.batch_id, ?state, reason = ?record.reason, "wrong batch not challenged by us");
        record.state = state;
        self.records.put(&record)?;
        Ok(ChallengeAction::Recorded(state))
    }

    /// Resolve our open challenges whose prove window is over (or whose batch was reverted
    /// through an ancestor), note the ones that were proven, and claim credits.
    pub async fn sweep(&self) -> Result<SweepReport, ChallengerError> {
        let mut report = SweepReport::default();
        let rollup = self.contract();
        let me = self.txmgr.address();
        for mut r in self.records.in_state(ChallengeState::Open)? {
            let id = r.batch_id;
            let c = rollup
                .getChallenge(id)
                .call()
                .await
                .map_err(rpc("getChallenge"))?;
            let b = rollup.getBatch(id).call().await.map_err(rpc("getBatch"))?;
            if c.challenger != me {
                // Closed without us: proven (bond lost) or resolved by someone else (won).
                r.state = match b.batch_status() {
                    Ok(BatchStatus::Proven | BatchStatus::Finalized) => ChallengeState::Lost,
                    // Back to pending: voided (the verifier was removed), bond credited back.
                    Ok(BatchStatus::Pending) => ChallengeState::Voided,
                    _ => ChallengeState::Won,
                };
                if r.state == ChallengeState::Lost {
                    tracing::warn!(target: "janus::challenger", batch = id, "challenged batch was proven: bond lost");
                    report.lost.push(id);
                }
                self.records.put(&r)?;
                continue;
            }
            let canonical = rollup
                .isCanonical(id)
                .call()
                .await
                .map_err(rpc("isCanonical"))?;
            // The effective deadline: a verifier set during the challenge extends it.
            let due = !canonical || l1_now(&self.provider).await? >= self.deadline(id).await?;
            if !(due && self.cfg.resolve) {
                continue;
            }
            let out = send_call(
                &self.txmgr,
                self.rollup,
                format!("resolveChallenge batch {id}"),
                Rollup::resolveChallengeCall { batchId: id },
                U256::ZERO,
            )
            .await?;
            let voided = out
                .receipt
                .inner
                .logs()
                .iter()
                .any(|l| Rollup::ChallengeVoided::decode_log_data(l.data()).is_ok());
            if voided {
                tracing::warn!(target: "janus::challenger", batch = id, tx = %out.receipt.transaction_hash, "challenge voided: the rollup has no verifier any more (bond credited back, batch pending again)");
                r.state = ChallengeState::Voided;
            } else {
                tracing::info!(target: "janus::challenger", batch = id, tx = %out.receipt.transaction_hash, "challenge resolved: batch reverted");
                r.state = ChallengeState::Won;
            }
            r.resolve_tx = Some(out.receipt.transaction_hash);
            self.records.put(&r)?;
            report.resolved.push(id);
        }
        if self.cfg.claim {
            let credit = rollup.credits(me).call().await.map_err(rpc("credits"))?;
            if !credit.is_zero() {
                send_call(
                    &self.txmgr,
                    self.rollup,
                    "claim".into(),
                    Rollup::claimCall {},
                    U256::ZERO,
                )
                .await?;
                tracing::info!(target: "janus::challenger", wei = %credit, "credits claimed");
                report.claimed = credit;
            }
        }
        Ok(report)
    }

    /// Challenge what arrives on `batches` (the derivation's results) and sweep open challenges
    /// and credits at every new L1 head (a prove window ends in L1 time, a credit lands in a
    /// block), until `cancel` fires, the channel closes or the watcher stops. Step errors are
    /// logged and retried (a batch whose step failed is considered again on the next sweep's
    /// records, or when the derivation sends it again; a failed sweep after `retry_interval`).
    pub async fn run(
        self,
        mut batches: mpsc::Receiver<DerivedBatch>,
        mut heads: L1Head,
        cancel: CancellationToken,
    ) -> Result<(), ChallengerError> {
        // Sweep at once when a head is known already.
        let mut sweep_now = heads.borrow_and_update().is_some();
        let mut retry_at: Option<tokio::time::Instant> = None;
        loop {
            if std::mem::take(&mut sweep_now) {
                let step = ChallengerError::head_step(self.sweep().await, "challenger", "sweep");
                retry_at = (step == HeadStep::Retry)
                    .then(|| tokio::time::Instant::now() + self.cfg.retry_interval);
            }
            let retry = async {
                match retry_at {
                    Some(at) => tokio::time::sleep_until(at).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                _ = cancel.cancelled() => return Ok(()),
                b = batches.recv() => match b {
                    Some(b) => if let Err(e) = self.on_batch(&b).await {
                        e.log("challenger", "challenge step");
                    },
                    None => return Ok(()),
                },
                changed = heads.changed() => match changed {
                    Ok(()) => sweep_now = true,
                    Err(_) => return Ok(()),
                },
                _ = retry => sweep_now = true,
            }
        }
    }
}

#[cfg(test)]
mod tests;
