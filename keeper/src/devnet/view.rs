//! The devnet's live view and its counters: follows the suite's events on L1 (all five contracts,
//! every block), prints one readable line per event and per leader change, counts what the
//! scenario report needs, records each epoch's set (`SequencerSet.snapshot()`, a keeper duty), and
//! relays the withdrawals of every finalized batch (`Bridge.finalizeWithdrawal`: anyone may).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alloy::primitives::{Address, Log, U256};
use alloy::providers::{Provider, RootProvider};
use alloy::rpc::types::Filter;
use alloy::sol_types::{SolCall, SolEvent};
use janus_l2::batch::withdrawal::{Withdrawal, WithdrawalTree};
use janus_l2::batch::Batch;
use janus_l2::tx::record::Tx;
use tokio_util::sync::CancellationToken;

use super::error::{l1, DevnetError};
use super::report::Report;
use crate::config::Deployment;
use crate::derive::batch_data_from_calldata;
use crate::l1::bindings::{Bridge, EquivocationSlasher, Rollup, SequencerSet, Staking};
use crate::l1::LeaderView;
use crate::store::TxIntent;
use crate::txmgr::TxManager;

/// Counters shared by the view, the traffic generator and the scenario.
#[derive(Debug, Default)]
pub struct Counts {
    /// The report's counters (`state_root_agreement` is set by the scenario; `l2_transfers` is
    /// derived from [`Self::batches`] by [`Self::report`]).
    pub report: Report,
    /// Canonical posted batches: id → (height, transfers, withdrawals).
    pub batches: BTreeMap<u64, (u64, u64, Vec<Withdrawal>)>,
    /// Latest L2 block a receipt named.
    pub l2_block: u64,
    /// The leader at the last head seen.
    pub leader: Address,
    /// The epoch at the last head seen.
    pub epoch: u64,
    /// The L1 head last processed.
    pub head: u64,
    /// Batches reverted (`BatchesReverted` count).
    pub reverts: u64,
    /// Milliseconds from sending an L2 transaction to its batch's L1 inclusion.
    pub inclusion_ms: Vec<u64>,
    /// Transactions not seen in a posted batch within the tracking window (2 min).
    pub untracked: u64,
    /// Transactions the block producer dropped (their receipts say why).
    pub dropped: u64,
    /// Open challenges: batch id → challenger (a resolution won by anyone else is a defence).
    pub challengers: BTreeMap<u64, Address>,
}

impl Counts {
    /// Transfers in the canonical posted batches.
    pub fn transfers(&self) -> u64 {
        self.batches.values().map(|b| b.1).sum()
    }

    /// The report, with its derived counts filled in.
    pub fn report(&self) -> Report {
        Report {
            l2_transfers: self.transfers(),
            ..self.report.clone()
        }
    }

    /// `(count, p50, p99)` of [`Self::inclusion_ms`].
    pub fn inclusion_percentiles(&self) -> (usize, u64, u64) {
        let mut v = self.inclusion_ms.clone();
        v.sort_unstable();
        let at = |p: f64| {
            v.get(((v.len().saturating_sub(1)) as f64 * p).round() as usize)
                .copied()
                .unwrap_or(0)
        };
        (v.len(), at(0.5), at(0.99))
    }
}

/// Shared counters.
pub type SharedCounts = Arc<Mutex<Counts>>;

/// Lock the counters (a poisoned lock still holds valid counters).
pub fn lock(c: &SharedCounts) -> std::sync::MutexGuard<'_, Counts> {
    c.lock().unwrap_or_else(|p| p.into_inner())
}

fn short(a: Address) -> String {
    let s = a.to_string();
    format!("{}…{}", &s[..6], &s[s.len() - 4..])
}

/// The view (see the module docs).
pub struct View {
    provider: RootProvider,
    d: Deployment,
    slasher: Address,
    keeper: Arc<TxManager<RootProvider>>,
    counts: SharedCounts,
    print: bool,
    names: BTreeMap<Address, String>,
}

impl View {
    /// A view of deployment `d`; `keeper` pays for snapshots and withdrawal relays; `names`
    /// labels operators in the output.
    pub fn new(
        provider: RootProvider,
        d: Deployment,
        keeper: Arc<TxManager<RootProvider>>,
        counts: SharedCounts,
        print: bool,
        names: BTreeMap<Address, String>,
    ) -> Result<Self, DevnetError> {
        let slasher = d
            .equivocation_slasher
            .ok_or_else(|| DevnetError::Config("deployment has no equivocationSlasher".into()))?;
        Ok(Self {
            provider,
            d,
            slasher,
            keeper,
            counts,
            print,
            names,
        })
    }

    fn name(&self, a: Address) -> String {
        self.names.get(&a).cloned().unwrap_or_else(|| short(a))
    }

    fn say(&self, line: String) {
        if self.print {
            let head = lock(&self.counts).head;
            println!("[L1 {head:>5}] {line}");
        }
    }

    /// Follow L1 from block 0 until `cancel`.
    pub async fn run(self, cancel: CancellationToken) -> Result<(), DevnetError> {
        let mut next = 0u64;
        let mut last_summary = std::time::Instant::now();
        loop {
            match self.step(next).await {
                Ok(n) => next = n,
                Err(e) => tracing::warn!(target: "janus::devnet", error = %e, "view step"),
            }
            if last_summary.elapsed() >= Duration::from_secs(10) {
                last_summary = std::time::Instant::now();
                self.say(self.summary());
            }
            tokio::select! {
                _ = cancel.cancelled() => return Ok(()),
                _ = tokio::time::sleep(Duration::from_millis(400)) => {}
            }
        }
    }

    /// One status line: epoch, leader, L2 head, settlement and slashing totals.
    fn summary(&self) -> String {
        let c = lock(&self.counts);
        let r = &c.report;
        let (n, p50, p99) = c.inclusion_percentiles();
        format!(
            "epoch {} leader {} | L2 block {} | tx→L1 n {} p50 {} ms p99 {} ms (dropped {}, lost {}) | batches {} posted, {} final (optimistic), {} final (zk) | challenges {} | slashes liveness {} invalid-root {} equivocation {} | deposits {} withdrawals paid {} | transfers {}",
            c.epoch,
            self.name(c.leader),
            c.l2_block,
            n,
            p50,
            p99,
            c.dropped,
            c.untracked,
            r.batches_posted,
            r.batches_finalized_optimistic,
            r.batches_finalized_zk,
            r.challenges,
            r.slashes.liveness,
            r.slashes.invalid_root,
            r.slashes.equivocation,
            r.deposits,
            r.withdrawals_paid,
            c.transfers()
        )
    }

    /// Process blocks `from..=head`; returns the next block to read.
    async fn step(&self, from: u64) -> Result<u64, DevnetError> {
        let head = self.provider.get_block_number().await.map_err(l1("head"))?;
        if head < from {
            return Ok(from);
        }
        let filter = Filter::new()
            .address(vec![
                self.d.rollup,
                self.d.bridge,
                self.d.sequencer_set,
                self.d.staking,
                self.slasher,
            ])
            .from_block(from)
            .to_block(head);
        let logs = self.provider.get_logs(&filter).await.map_err(l1("logs"))?;
        lock(&self.counts).head = head;
        for log in &logs {
            self.on_log(log).await;
        }
        self.on_head(head).await?;
        Ok(head + 1)
    }

    async fn on_head(&self, head: u64) -> Result<(), DevnetError> {
        let schedule = LeaderView::new(&self.provider, self.d.sequencer_set, self.d.staking);
        let leader = schedule.leader_at(head).await?;
        let epoch = schedule.epoch_of(head).await?;
        let (old_leader, old_epoch) = {
            let mut c = lock(&self.counts);
            let old = (c.leader, c.epoch);
            if leader != c.leader && c.leader != Address::ZERO && leader != Address::ZERO {
                c.report.rotations += 1;
            }
            c.leader = leader;
            c.epoch = epoch;
            old
        };
        if epoch != old_epoch {
            self.say(format!("epoch {epoch}: leader {}", self.name(leader)));
            // Record the set for a later epoch (first call per epoch wins; a refusal is fine).
            let call = SequencerSet::snapshotCall {}.abi_encode();
            let keeper = self.keeper.clone();
            let to = self.d.sequencer_set;
            tokio::spawn(async move {
                let intent = TxIntent {
                    label: "snapshot".into(),
                    to,
                    input: call.into(),
                    value: U256::ZERO,
                };
                if let Err(e) = keeper.send(intent).await {
                    tracing::debug!(target: "janus::devnet", error = %e, "snapshot not recorded");
                }
            });
        } else if leader != old_leader && old_leader != Address::ZERO {
            self.say(format!(
                "leader {} → {} (takeover)",
                self.name(old_leader),
                self.name(leader)
            ));
        }
        Ok(())
    }

    async fn on_log(&self, log: &alloy::rpc::types::Log) {
        let Some(topic) = log.topic0().copied() else {
            return;
        };
        let inner: &Log = &log.inner;
        macro_rules! decode {
            ($ev:ty) => {
                match <$ev>::decode_log_data(&inner.data) {
                    Ok(e) => e,
                    Err(_) => return,
                }
            };
        }
        if topic == Rollup::BatchSubmitted::SIGNATURE_HASH {
            let e = decode!(Rollup::BatchSubmitted);
            let (transfers, withdrawals) = match log.transaction_hash {
                Some(h) => self.batch_contents(h).await,
                None => (0, Vec::new()),
            };
            // Only the escape hatch (`submitBatchWithProof`) records a poster that is no
            // registered operator.
            let escape = !self.names.contains_key(&e.operator);
            {
                let mut c = lock(&self.counts);
                c.report.batches_posted += 1;
                if escape {
                    c.report.escape_batches += 1;
                }
                c.batches
                    .insert(e.batchId, (e.height, transfers, withdrawals.clone()));
            }
            self.say(format!(
                "batch {} posted by {} ({}; height {}, {} transfers, {} withdrawals, messages {}..{})",
                e.batchId,
                self.name(e.operator),
                if escape { "escape hatch, with a proof" } else { "optimistic" },
                e.height,
                transfers,
                withdrawals.len(),
                e.msgStart,
                e.msgEnd
            ));
        } else if topic == Rollup::BatchChallenged::SIGNATURE_HASH {
            let e = decode!(Rollup::BatchChallenged);
            {
                let mut c = lock(&self.counts);
                c.report.challenges += 1;
                c.challengers.insert(e.batchId, e.challenger);
            }
            self.say(format!(
                "batch {} challenged by {}",
                e.batchId,
                short(e.challenger)
            ));
        } else if topic == Rollup::BatchProven::SIGNATURE_HASH {
            let e = decode!(Rollup::BatchProven);
            self.say(format!(
                "batch {} proven (zk) by {}",
                e.batchId,
                short(e.prover)
            ));
        } else if topic == Rollup::RangeProven::SIGNATURE_HASH {
            let e = decode!(Rollup::RangeProven);
            if e.lastBatchId > e.firstBatchId {
                lock(&self.counts).report.ranges_proven += 1;
            }
            self.say(format!(
                "batches {}..={} proven by one range proof (zk) by {}",
                e.firstBatchId,
                e.lastBatchId,
                short(e.prover)
            ));
        } else if topic == Rollup::BatchFinalized::SIGNATURE_HASH {
            let e = decode!(Rollup::BatchFinalized);
            let withdrawals = {
                let mut c = lock(&self.counts);
                if e.proven {
                    c.report.batches_finalized_zk += 1;
                } else {
                    c.report.batches_finalized_optimistic += 1;
                }
                c.batches
                    .get(&e.batchId)
                    .map(|b| b.2.clone())
                    .unwrap_or_default()
            };
            let mode = if e.proven { "zk" } else { "optimistic" };
            self.say(format!("batch {} finalized ({mode})", e.batchId));
            if !withdrawals.is_empty() {
                self.relay(e.batchId, withdrawals);
            }
        } else if topic == Rollup::BatchesReverted::SIGNATURE_HASH {
            let e = decode!(Rollup::BatchesReverted);
            {
                let mut c = lock(&self.counts);
                c.reverts += 1;
                let gone: Vec<u64> = c
                    .batches
                    .iter()
                    .filter(|(_, b)| b.0 >= e.fromHeight && b.0 <= e.toHeight)
                    .map(|(id, _)| *id)
                    .collect();
                for id in gone {
                    c.batches.remove(&id);
                }
            }
            self.say(format!(
                "batches at heights {}..={} reverted (from batch {})",
                e.fromHeight, e.toHeight, e.batchId
            ));
        } else if topic == Rollup::ChallengeResolved::SIGNATURE_HASH {
            let e = decode!(Rollup::ChallengeResolved);
            let defended = {
                let mut c = lock(&self.counts);
                let challenger = c.challengers.remove(&e.batchId);
                let defended = challenger.is_some_and(|ch| ch != e.winner);
                if defended {
                    c.report.challenges_defended += 1;
                }
                defended
            };
            self.say(format!(
                "challenge on batch {} resolved: winner {}{}",
                e.batchId,
                short(e.winner),
                if defended {
                    " (answered by a proof: the bond goes to the prover)"
                } else {
                    ""
                }
            ));
        } else if topic == Staking::Slashed::SIGNATURE_HASH {
            let e = decode!(Staking::Slashed);
            let kind = match e.kind {
                0 => "liveness",
                1 => "invalid root",
                _ => "equivocation",
            };
            {
                let mut c = lock(&self.counts);
                match e.kind {
                    0 => c.report.slashes.liveness += 1,
                    1 => c.report.slashes.invalid_root += 1,
                    _ => c.report.slashes.equivocation += 1,
                }
            }
            self.say(format!(
                "SLASH {} for {kind}: {} wei",
                self.name(e.operator),
                e.amount
            ));
        } else if topic == Staking::Jailed::SIGNATURE_HASH {
            let e = decode!(Staking::Jailed);
            self.say(format!(
                "{} jailed until {}",
                self.name(e.operator),
                e.until
            ));
        } else if topic == SequencerSet::LivenessReported::SIGNATURE_HASH {
            let e = decode!(SequencerSet::LivenessReported);
            self.say(format!(
                "liveness: {} silent in epoch {}; {} leads from block {}",
                self.name(e.operator),
                e.epoch,
                self.name(e.newLeader),
                e.fromBlock
            ));
        } else if topic == Bridge::MessageEnqueued::SIGNATURE_HASH {
            let e = decode!(Bridge::MessageEnqueued);
            lock(&self.counts).report.deposits += 1;
            self.say(format!("deposit #{} to L2 account {}", e.nonce, e.account));
        } else if topic == Bridge::WithdrawalFinalized::SIGNATURE_HASH {
            let e = decode!(Bridge::WithdrawalFinalized);
            lock(&self.counts).report.withdrawals_paid += 1;
            self.say(format!(
                "withdrawal {}#{} paid on L1: {} wei to {}",
                e.batchId,
                e.index,
                e.amount,
                short(e.recipient)
            ));
        } else if topic == EquivocationSlasher::EquivocationReported::SIGNATURE_HASH {
            let e = decode!(EquivocationSlasher::EquivocationReported);
            self.say(format!(
                "equivocation: {} signed two headers at L2 block {}",
                self.name(e.operator),
                e.l2BlockNumber
            ));
        }
    }

    /// Transfers and withdrawals of the batch posted by transaction `hash`.
    async fn batch_contents(&self, hash: alloy::primitives::B256) -> (u64, Vec<Withdrawal>) {
        let Ok(Some(tx)) = self.provider.get_transaction_by_hash(hash).await else {
            return (0, Vec::new());
        };
        use alloy::consensus::Transaction as _;
        let Some(batch) =
            batch_data_from_calldata(tx.inner.input()).and_then(|data| Batch::decode(&data).ok())
        else {
            return (0, Vec::new());
        };
        let mut transfers = 0;
        let mut withdrawals = Vec::new();
        for t in &batch.txs {
            match t {
                Tx::Transfer(_) => transfers += 1,
                Tx::Withdraw(w) => withdrawals.push(Withdrawal {
                    recipient: w.l1_recipient,
                    asset: w.asset,
                    amount: w.amount,
                }),
                Tx::Noop => {}
            }
        }
        (transfers, withdrawals)
    }

    /// Pay every withdrawal of finalized batch `id` (skipping those already paid).
    fn relay(&self, id: u64, withdrawals: Vec<Withdrawal>) {
        let (provider, bridge, keeper) =
            (self.provider.clone(), self.d.bridge, self.keeper.clone());
        tokio::spawn(async move {
            let tree = WithdrawalTree::new(&withdrawals);
            for (i, w) in withdrawals.iter().enumerate() {
                let index = i as u32;
                let paid = Bridge::new(bridge, &provider)
                    .isWithdrawn(id, index)
                    .call()
                    .await
                    .unwrap_or(false);
                let Some(proof) = tree.proof(i) else { continue };
                if paid {
                    continue;
                }
                let call = Bridge::finalizeWithdrawalCall {
                    batchId: id,
                    index,
                    recipient: Address::from(w.recipient),
                    asset: w.asset,
                    amount: w.amount,
                    proof: proof.into_iter().map(Into::into).collect(),
                };
                let intent = TxIntent {
                    label: format!("finalizeWithdrawal {id}#{index}"),
                    to: bridge,
                    input: call.abi_encode().into(),
                    value: U256::ZERO,
                };
                match keeper.send(intent).await {
                    Ok(_) => {}
                    Err(crate::txmgr::TxError::Cancelled) => return,
                    Err(e) => {
                        tracing::warn!(target: "janus::devnet", batch = id, index, error = %e, "withdrawal relay failed");
                    }
                }
            }
        });
    }
}
