//! Setup of the running devnet, and the scripted scenario of `janus devnet --scenario short|full`.
//!
//! Setup (every mode): each operator's L2 fee account and each user's L2 account are opened with a
//! 1 ETH deposit from their L1 wallets; the live view, one node per operator and the traffic
//! generator start. The scenario then plays, each step waiting (at most `--step-timeout-secs`)
//! for its effect to show in the contracts' events:
//! 1. **traffic**: batches posted with transfers and a withdrawal;
//! 2. **stopped leader**: the leader's node is stopped mid-epoch; the other nodes report it
//!    (liveness slash, takeover); its node restarts as a follower;
//! 3. **double sign**: that operator's signer signs two different headers for one L2 height; the
//!    pair is reported to `EquivocationSlasher` (equivocation slash);
//! 4. **finality**: L1 time moves past the challenge window; the nodes finalize; the view relays
//!    the withdrawal of the finalized batch and the bridge pays it on L1 (with the ZK steps, one
//!    prover bounty is funded first);
//! 4b. **early finality by proof** (ZK steps): the proving node proves the first batch that becomes
//!    the next to finalize with its window open; the proof finalizes it at once (bounty paid);
//!    the batches posted meanwhile are then proven together by one range proof
//!    (`proveBatches`), all final at once;
//! 5. **wrong root** (when the rollup has a verifier): the next leader's signer posts a batch
//!    claiming a wrong state root (its node stopped meanwhile, so one process owns the nonce); the
//!    nodes challenge it; L1 time moves past the prove window; the challenge is resolved by
//!    timeout: revert and slash. **Without a verifier** no proof could answer a challenge, so the
//!    contracts refuse every challenge (an honest batch could otherwise be reverted for profit,
//!    docs/protocol.md): an adversary's challenge of the honest tip is refused with
//!    `VerifierNotSet` instead, and nobody is slashed;
//! 6. **recovery** (after a wrong root): an honest batch is posted on the reverted tip;
//! 6b. **defended challenge** (ZK steps): an adversary challenges an honest batch with the bond;
//!    the proving node answers with a proof in the prove window; the bond goes to the prover and
//!    nobody is slashed;
//! 8. **escape hatch** (ZK steps): every node stops; L1 time passes the escape delay; a user
//!    posts a batch with its withdrawal and a proof (`janus escape`'s code); it is final at once
//!    and the withdrawal is paid; the nodes restart;
//! 9. **fresh sync**: a new node derives from L1 alone and must reach the running nodes' root and
//!    L1's (`state_root_agreement`).
//!
//! The ZK steps run in the `full` scenario when a verifier is set and a node proves
//! (`--prover`).
//!
//! The adversarial steps (2, 3, 5) use the operators' devnet keys the way a misbehaving operator
//! would; the nodes themselves run unmodified.

use std::time::{Duration, Instant};

use alloy::primitives::{keccak256, B256, U256};
use alloy::providers::ext::AnvilApi;
use alloy::providers::Provider;
use alloy::sol_types::SolCall;
use janus_l2::batch::Batch;
use janus_l2::keys::SecretKey;
use tokio_util::sync::CancellationToken;

use super::client::L2Client;
use super::error::{failed, l1, DevnetError};
use super::report::Report;
use super::traffic::{deposit_new_account, user_key, Traffic, User};
use super::view::{lock, Counts, View};
use super::{account, tx_manager, Devnet};
use crate::challenger::reporter::{report_equivocation, SignedConfirmation};
use crate::clock::now_ms;
use crate::derive::derive_to_head;
use crate::escape::{escape, EscapeRequest};
use crate::l1::bindings::{Rollup, SequencerSet};
use crate::l1::BatchStatus;
use crate::sequencer::{BlockHeader, SoftConfirmer};
use crate::store::TxIntent;
use janus_l2::tx::record::{Tx, Withdraw};
use janus_l2::tx::signing::sign_tx;
use std::sync::Arc;

/// The L2 key of operator `index`'s fee account.
fn operator_key(index: u32) -> SecretKey {
    SecretKey::from_seed(&keccak256(format!("janus devnet operator {index}")).0)
}

/// Devnet mnemonic account of the adversary that challenges honest batches.
const ADVERSARY: u32 = 29;
/// Devnet mnemonic account (and L2 key index) of the user who posts through the escape hatch.
const ESCAPE_USER: u32 = 28;

fn say(line: impl AsRef<str>) {
    println!("==> {}", line.as_ref());
}

/// Set the devnet up, then play `name` (`none`: set up only). The report holds what happened even
/// when a step timed out (the error is logged and the remaining steps are skipped).
pub async fn play(net: &mut Devnet, name: &str) -> Result<Report, DevnetError> {
    let l1_url: alloy::transports::http::reqwest::Url = net
        .args
        .l1_rpc
        .parse()
        .map_err(|e| DevnetError::Config(format!("--l1-rpc: {e}")))?;
    let leader = net.wait_for_leader().await?;
    say(format!("sequencer set in force; first leader {leader}"));
    let view = View::new(
        net.provider.clone(),
        net.deployment.clone(),
        net.keeper.clone(),
        net.counts.clone(),
        true,
        net.names(),
    )?;
    tokio::spawn(view.run(net.cancel.child_token()));

    for op in net.operators.iter_mut() {
        let owner = account(&net.args.mnemonic, op.index)?;
        op.fee_account = deposit_new_account(
            &l1_url,
            net.deployment.bridge,
            &owner,
            &operator_key(op.index),
        )
        .await?;
        say(format!(
            "{} ({}) fee account: L2 account {}, RPC {}",
            op.label(),
            op.address,
            op.fee_account,
            op.rpc_url
        ));
    }
    for i in 0..net.operators.len() {
        net.start_node(i)?;
    }
    net.start_prover()?;
    let mut users = Vec::new();
    for u in 0..net.args.users.max(2) {
        let wallet = account(&net.args.mnemonic, 10 + u as u32)?;
        let key = user_key(u);
        let acct = deposit_new_account(&l1_url, net.deployment.bridge, &wallet, &key).await?;
        say(format!(
            "user {u}: L2 account {acct}, L1 wallet {}",
            wallet.address()
        ));
        users.push(User {
            key,
            wallet,
            account: acct,
            nonce: 0,
            gaps: Vec::new(),
        });
    }
    let clients: Vec<L2Client> = net
        .operators
        .iter()
        .map(|o| L2Client::new(o.rpc_url.clone()))
        .collect();
    let traffic = Traffic::new(users, clients, net.args.l2_chain_id, net.counts.clone())
        .with_deposits(l1_url.clone(), net.deployment.bridge);
    tokio::spawn(traffic.run(
        Duration::from_millis(net.args.tx_ms.max(10)),
        net.cancel.child_token(),
    ));
    if name == "none" {
        return Ok(Report::default());
    }
    let mut s = Scenario {
        full: name == "full",
        stopped: None,
    };
    if let Err(e) = s.steps(net).await {
        tracing::error!(target: "janus::devnet", error = %e, "scenario stopped early");
        say(format!("scenario stopped early: {e}"));
    }
    Ok(lock(&net.counts).report())
}

struct Scenario {
    full: bool,
    /// The operator whose node was stopped (index into `operators`).
    stopped: Option<usize>,
}

impl Scenario {
    async fn steps(&mut self, net: &mut Devnet) -> Result<(), DevnetError> {
        let transfers = if self.full { 20 } else { 3 };
        say(format!(
            "step 1: traffic (≥ 2 batches, ≥ {transfers} transfers, a withdrawal batched)"
        ));
        wait(net, "traffic", |c| {
            c.report.batches_posted >= 2
                && c.transfers() >= transfers
                && c.batches.values().any(|b| !b.2.is_empty())
        })
        .await?;
        self.stop_leader(net).await?;
        self.double_sign(net).await?;
        let rollup = Rollup::new(net.deployment.rollup, net.provider.clone());
        let verifier = rollup.verifier().call().await.map_err(l1("verifier"))?;
        let zk = self.full && !verifier.is_zero() && net.prover_label().is_some();
        {
            let mut c = lock(&net.counts);
            c.report.verifier_set = !verifier.is_zero();
            c.report.zk_steps = zk;
        }
        if zk {
            fund_bounty(net).await?;
        }
        self.finality(net).await?;
        if zk {
            self.early_finality(net).await?;
        }
        if verifier.is_zero() {
            self.refused_challenge(net).await?;
        } else {
            self.wrong_root(net).await?;
            let posted = lock(&net.counts).report.batches_posted;
            say("step 6: an honest batch on the reverted tip");
            wait(net, "recovery", |c| c.report.batches_posted > posted).await?;
        }
        if zk {
            self.defended_challenge(net).await?;
            self.escape_hatch(net).await?;
        }
        let agree = fresh_sync(net).await?;
        let (n, p50, p99) = {
            let mut c = lock(&net.counts);
            c.report.state_root_agreement = agree;
            c.inclusion_percentiles()
        };
        say(format!(
            "L2 transaction → L1 batch inclusion: {n} timed, p50 {p50} ms, p99 {p99} ms"
        ));
        Ok(())
    }

    /// The leader at the next block with at least `margin` blocks left in its epoch, when its
    /// node runs and it is not `except`.
    async fn leader_with_room(
        net: &Devnet,
        margin: u64,
        except: Option<usize>,
        step: &'static str,
    ) -> Result<usize, DevnetError> {
        let set = SequencerSet::new(net.deployment.sequencer_set, &net.provider);
        let start = Instant::now();
        loop {
            let head = net.provider.get_block_number().await.map_err(l1("head"))?;
            let n = U256::from(head + 1);
            let leader = set.leaderAt(n).call().await.map_err(l1("leaderAt"))?;
            let epoch = set.epochOf(n).call().await.map_err(l1("epochOf"))?;
            let end: u64 = set
                .epochStartBlock(epoch + 1)
                .call()
                .await
                .map_err(l1("epochStartBlock"))?
                .saturating_to();
            let i = net.operators.iter().position(|o| o.address == leader);
            if let Some(i) = i.filter(|i| Some(*i) != except && net.operators[*i].is_running()) {
                if end > head + 1 + margin {
                    return Ok(i);
                }
            }
            timeout_check(net, step, start, "no suitable leader yet")?;
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    }

    async fn stop_leader(&mut self, net: &mut Devnet) -> Result<(), DevnetError> {
        let set = SequencerSet::new(net.deployment.sequencer_set, &net.provider);
        let timeout: u64 = set
            .livenessTimeout()
            .call()
            .await
            .map_err(l1("livenessTimeout"))?;
        let i = Self::leader_with_room(net, timeout + 3, None, "stop leader").await?;
        let before = lock(&net.counts).report.slashes.liveness;
        say(format!(
            "step 2: stopping the leader {}'s node mid-epoch",
            net.operators[i].label()
        ));
        net.stop_node(i).await?;
        self.stopped = Some(i);
        wait(net, "liveness report", |c| {
            c.report.slashes.liveness > before && c.report.rotations > 0
        })
        .await?;
        say(format!(
            "restarting {}'s node (jailed, it follows)",
            net.operators[i].label()
        ));
        net.start_node(i)
    }

    async fn double_sign(&mut self, net: &mut Devnet) -> Result<(), DevnetError> {
        let i = self.stopped.unwrap_or(0);
        let op = &net.operators[i];
        let slasher = net
            .deployment
            .equivocation_slasher
            .ok_or_else(|| DevnetError::Config("no equivocationSlasher".into()))?;
        say(format!(
            "step 3: {}'s signer signs two headers for one L2 height",
            op.label()
        ));
        let confirmer = SoftConfirmer::new(
            op.signer.clone(),
            net.deployment.chain_id,
            slasher,
            net.args.l2_chain_id,
        );
        let number = now_ms() / net.args.block_ms.max(1);
        let mut signed = Vec::new();
        for root in [1u8, 2] {
            let header = BlockHeader {
                number,
                parent_hash: B256::repeat_byte(7),
                state_root: B256::repeat_byte(root),
                tx_root: B256::ZERO,
                msg_end: 0,
                msg_chain: B256::ZERO,
                fee_account: op.fee_account,
                timestamp_ms: now_ms(),
                tx_count: 0,
            };
            let (_, signature) = confirmer
                .sign(&header)
                .map_err(failed("encoding the wrong batch"))?;
            signed.push(SignedConfirmation {
                header: crate::sequencer::softconf::typed(&header, net.args.l2_chain_id),
                signature,
            });
        }
        let before = lock(&net.counts).report.slashes.equivocation;
        report_equivocation(&net.provider, slasher, &net.keeper, &signed[0], &signed[1])
            .await
            .map_err(l1("reportEquivocation"))?;
        wait(net, "equivocation slash", |c| {
            c.report.slashes.equivocation > before
        })
        .await
    }

    async fn finality(&mut self, net: &mut Devnet) -> Result<(), DevnetError> {
        let params = Rollup::new(net.deployment.rollup, &net.provider)
            .params()
            .call()
            .await
            .map_err(l1("params"))?;
        say(format!(
            "step 4: L1 time +{} s (the challenge window); finalize; pay the withdrawal on L1",
            params.challengeWindow + 1
        ));
        warp(net, params.challengeWindow + 1).await?;
        wait(net, "finality and withdrawal", |c| {
            c.report.batches_finalized_optimistic > 0 && c.report.withdrawals_paid > 0
        })
        .await
    }

    /// Step 5 without a verifier: a funded adversary challenges the honest tip with the bond; the
    /// rollup refuses (`VerifierNotSet`), so no honest batch can be reverted while proofs cannot
    /// be checked.
    async fn refused_challenge(&mut self, net: &mut Devnet) -> Result<(), DevnetError> {
        say("step 5: no verifier is set, so no proof could answer a challenge: an adversary challenges the honest tip");
        let rollup = Rollup::new(net.deployment.rollup, net.provider.clone());
        let tip = rollup.tipId().call().await.map_err(l1("tipId"))?;
        let bond = rollup
            .params()
            .call()
            .await
            .map_err(l1("params"))?
            .challengeBond;
        let adversary = account(&net.args.mnemonic, ADVERSARY)?.address();
        let refused = rollup
            .challenge(tip)
            .from(adversary)
            .value(U256::from(bond))
            .call()
            .await;
        match refused {
            Err(e) => match e.as_decoded_interface_error::<Rollup::RollupErrors>() {
                Some(Rollup::RollupErrors::VerifierNotSet(_)) => {
                    say(format!(
                        "challenge of batch {tip} refused: VerifierNotSet (the wrong-root step runs once a verifier is set)"
                    ));
                    lock(&net.counts).report.challenges_refused += 1;
                    Ok(())
                }
                other => Err(DevnetError::Unexpected {
                    what: "challenge without a verifier".into(),
                    message: format!(
                        "refused for another reason than VerifierNotSet: {other:?} ({e})"
                    ),
                }),
            },
            Ok(_) => Err(DevnetError::Unexpected {
                what: "challenge without a verifier".into(),
                message: format!(
                    "the rollup accepted a challenge of batch {tip} with no verifier set"
                ),
            }),
        }
    }

    /// Step 4b: the proving node (bounty policy) proves the next batch to finalize, posted after
    /// step 4's time jump (its challenge window is still open), and the proof finalizes it at once
    /// and earns the bounty [`fund_bounty`] put in the pool; then the batches posted while it
    /// proved, with one range proof.
    async fn early_finality(&mut self, net: &mut Devnet) -> Result<(), DevnetError> {
        let prover = net.prover_label().unwrap_or_default();
        say(format!(
            "step 4b: {prover} proves the next batch to finalize: final at once, by proof (bounty)"
        ));
        wait_long(net, "early finality by proof", |c| {
            c.report.batches_finalized_zk > 0
        })
        .await?;
        say(format!(
            "step 4b: {prover} proves the batches posted meanwhile with one range proof"
        ));
        wait_long(net, "a range of batches final by one proof", |c| {
            c.report.ranges_proven > 0
        })
        .await
    }

    /// Step 6b: an adversary challenges an honest pending batch with the bond; the proving node
    /// answers with a proof within the prove window: the bond goes to the prover, nobody is
    /// slashed, the batch stays.
    async fn defended_challenge(&mut self, net: &mut Devnet) -> Result<(), DevnetError> {
        let rollup = Rollup::new(net.deployment.rollup, net.provider.clone());
        let params = rollup.params().call().await.map_err(l1("params"))?;
        let start = Instant::now();
        // The newest canonical batch that is pending, provable and challengeable for a while.
        let target = loop {
            let tip = rollup.tipId().call().await.map_err(l1("tipId"))?;
            let now = net
                .provider
                .get_block_by_number(alloy::eips::BlockNumberOrTag::Latest)
                .await
                .map_err(l1("head"))?
                .map(|b| b.header.timestamp)
                .unwrap_or(0);
            let b = rollup.getBatch(tip).call().await.map_err(l1("getBatch"))?;
            let open = b.submittedAt.to::<u64>() + params.challengeWindow > now + 10;
            if tip != 0
                && b.batch_status() == Ok(BatchStatus::Pending)
                && open
                && rollup
                    .isProvable(tip)
                    .call()
                    .await
                    .map_err(l1("isProvable"))?
            {
                break tip;
            }
            timeout_check(net, "defended challenge", start, "no provable pending tip")?;
            tokio::time::sleep(Duration::from_millis(500)).await;
        };
        let slashes = lock(&net.counts).report.slashes;
        let before = lock(&net.counts).report.challenges_defended;
        say(format!(
            "step 6b: an adversary challenges the honest batch {target}; the prover must answer within {} s",
            params.proveWindow
        ));
        let adversary = tx_manager(
            &net.provider,
            account(&net.args.mnemonic, ADVERSARY)?,
            &net.args.dir.join("adversary-challenger.redb"),
            net.cancel.child_token(),
        )
        .await?;
        adversary
            .send(TxIntent {
                label: format!("challenge {target} (honest batch)"),
                to: net.deployment.rollup,
                input: Rollup::challengeCall { batchId: target }
                    .abi_encode()
                    .into(),
                value: U256::from(params.challengeBond),
            })
            .await
            .map_err(l1("challenge of an honest batch"))?;
        wait_long(net, "defended challenge", |c| {
            c.report.challenges_defended > before
        })
        .await?;
        let after = lock(&net.counts).report.slashes;
        if after != slashes {
            return Err(DevnetError::Unexpected {
                what: "defended challenge".into(),
                message: format!(
                    "an honest batch's operator was slashed: {slashes:?} -> {after:?}"
                ),
            });
        }
        let status = rollup
            .getBatch(target)
            .call()
            .await
            .map_err(l1("getBatch"))?
            .batch_status();
        let state = match status {
            Ok(BatchStatus::Finalized) => "proven and final",
            Ok(BatchStatus::Proven) => "proven (final once its parent is)",
            _ => "not proven",
        };
        say(format!(
            "batch {target} {state}: the challenger's bond went to the prover, nobody slashed"
        ));
        Ok(())
    }

    /// Step 8: every sequencer stops; L1 time passes the escape delay; a user who is no operator
    /// (a new L2 account, its deposit still queued) posts a batch with its withdrawal and a proof
    /// through the escape hatch (`janus escape`'s code); the batch is final at once and the
    /// withdrawal is paid on L1. The nodes then restart and derive it.
    async fn escape_hatch(&mut self, net: &mut Devnet) -> Result<(), DevnetError> {
        let rollup = Rollup::new(net.deployment.rollup, net.provider.clone());
        let delay = rollup
            .params()
            .call()
            .await
            .map_err(l1("params"))?
            .escapeDelay;
        say(format!(
            "step 8: every sequencer stops; L1 time +{} s (the escape delay); a user posts a batch with a proof",
            delay + 1
        ));
        net.stop_all().await?;
        let wallet = account(&net.args.mnemonic, ESCAPE_USER)?;
        let key = user_key(ESCAPE_USER as usize);
        let l1_url = net
            .args
            .l1_rpc
            .parse()
            .map_err(|e| DevnetError::Config(format!("--l1-rpc: {e}")))?;
        let acct = deposit_new_account(&l1_url, net.deployment.bridge, &wallet, &key).await?;
        warp(net, delay + 1).await?;
        // Half of the 1 ETH deposit (amounts in gwei), to the user's own L1 wallet.
        let mut tx = Tx::Withdraw(Withdraw {
            from: acct,
            l1_recipient: wallet.address().0 .0,
            asset: 0,
            amount: 500_000_000,
            fee: 1,
            nonce: 0,
            signature: [0; 80],
        });
        sign_tx(&mut tx, &key, net.args.l2_chain_id).map_err(failed("signing"))?;
        let (slots, chain) = (net.args.prover_slots, net.args.l2_chain_id);
        let cache = net.args.prover_cache.clone();
        let prover = tokio::task::spawn_blocking(move || cache.batch_prover(slots, chain))
            .await
            .map_err(failed("circuit task"))?
            .map_err(failed("building the batch circuit"))?;
        let sender = tx_manager(
            &net.provider,
            wallet.clone(),
            &net.args.dir.join("escape-user.redb"),
            net.cancel.child_token(),
        )
        .await?;
        let (escapes, paid) = {
            let c = lock(&net.counts);
            (c.report.escape_batches, c.report.withdrawals_paid)
        };
        let out = escape(
            net.provider.clone(),
            net.contracts(),
            net.args.l2_chain_id,
            Arc::new(sender),
            Arc::new(prover),
            EscapeRequest {
                fee_account: acct,
                txs: vec![tx],
            },
        )
        .await
        .map_err(l1("janus escape"))?;
        say(format!(
            "escape batch {} on batch {} ({} L1 messages, {} transactions; {} finalized first), final at once: {}",
            out.batch_id,
            out.parent_id,
            out.messages,
            out.txs,
            out.finalized_first.len(),
            out.finalized
        ));
        wait_long(net, "escape withdrawal paid", |c| {
            c.report.escape_batches > escapes && c.report.withdrawals_paid > paid
        })
        .await?;
        say("the escape withdrawal is paid on L1; the nodes restart and derive the escape batch");
        for i in 0..net.operators.len() {
            net.start_node(i)?;
        }
        Ok(())
    }

    async fn wrong_root(&mut self, net: &mut Devnet) -> Result<(), DevnetError> {
        let i = Self::leader_with_room(net, 6, self.stopped, "wrong root").await?;
        let label = net.operators[i].label();
        say(format!(
            "step 5: {label} posts a batch with a wrong state root"
        ));
        net.stop_node(i).await?;
        // A batch the stopped node had already broadcast must land first: the wrong batch is
        // built on the tip after it.
        let signer = net.operators[i].signer.address();
        let start = Instant::now();
        loop {
            let pending = net.provider.get_transaction_count(signer).pending();
            let latest = net.provider.get_transaction_count(signer);
            if pending.await.map_err(l1("nonce"))? == latest.await.map_err(l1("nonce"))? {
                break;
            }
            timeout_check(
                net,
                "wrong root",
                start,
                "the stopped node's submission is pending",
            )?;
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        let mgr = tx_manager(
            &net.provider,
            net.operators[i].signer.clone(),
            &net.args.dir.join(format!("adversary-{label}.redb")),
            CancellationToken::new(),
        )
        .await?;
        let rollup = Rollup::new(net.deployment.rollup, net.provider.clone());
        let tip = rollup.tipId().call().await.map_err(l1("tipId"))?;
        let prev = rollup
            .getBatch(tip)
            .call()
            .await
            .map_err(l1("getBatch"))?
            .stateRoot;
        let data = Batch {
            fee_account: net.operators[i].fee_account,
            messages: Vec::new(),
            txs: Vec::new(),
        }
        .encode()
        .map_err(failed("encoding the wrong batch"))?;
        let call = Rollup::submitBatchCall {
            parentId: tip,
            prevStateRoot: prev,
            newStateRoot: keccak256(b"not the state root"),
            data: data.into(),
        };
        let before = lock(&net.counts).report.challenges;
        let sent = mgr
            .send(TxIntent {
                label: "submitBatch (wrong root)".into(),
                to: net.deployment.rollup,
                input: call.abi_encode().into(),
                value: U256::ZERO,
            })
            .await;
        drop(mgr);
        net.start_node(i)?;
        sent.map_err(l1("submitBatch (wrong root)"))?;
        wait(net, "challenge", |c| c.report.challenges > before).await?;
        let params = rollup.params().call().await.map_err(l1("params"))?;
        say(format!(
            "L1 time +{} s (the prove window): no proof, the challenge resolves by timeout",
            params.proveWindow + 1
        ));
        warp(net, params.proveWindow + 1).await?;
        wait(net, "invalid-root slash", |c| {
            c.report.slashes.invalid_root > 0 && c.reverts > 0
        })
        .await
    }
}

/// Step 7: derive from genesis with a fresh pipeline; compare with L1 and the running nodes.
async fn fresh_sync(net: &Devnet) -> Result<bool, DevnetError> {
    say("step 9: a fresh node syncs from L1 alone");
    let start = Instant::now();
    let (mut watcher, mut pipe, _) =
        derive_to_head(net.provider.clone(), net.contracts(), net.args.l2_chain_id)
            .await
            .map_err(l1("fresh derivation"))?;
    let mut first = None;
    loop {
        pipe.catch_up(&mut watcher)
            .await
            .map_err(l1("fresh derivation"))?;
        let batches = pipe.derivation.canonical().len().saturating_sub(1);
        if first.is_none() {
            let secs = start.elapsed().as_secs_f64();
            say(format!(
                "fresh node: {batches} batches derived in {secs:.2} s ({:.1} batches/s)",
                batches as f64 / secs.max(1e-9)
            ));
            first = Some(batches);
        }
        let tip = pipe.derivation.tip().id;
        let root = pipe.derivation.state_root();
        let views: Vec<_> = net.operators.iter().filter_map(|o| o.view()).collect();
        if !views.is_empty() && views.iter().all(|v| v.tip_id == tip) {
            let onchain = Rollup::new(net.deployment.rollup, &net.provider)
                .getBatch(tip)
                .call()
                .await
                .map_err(l1("getBatch"))?
                .stateRoot;
            let agree = onchain == root && views.iter().all(|v| v.state_root == root);
            say(format!(
                "batch {tip}: fresh root {root}, L1 {onchain}, {} running nodes {}",
                views.len(),
                if agree { "agree" } else { "DISAGREE" }
            ));
            return Ok(agree);
        }
        timeout_check(net, "fresh sync", start, &format!("fresh tip {tip}"))?;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
}

/// Move L1 time forward by `secs` and mine a block.
async fn warp(net: &Devnet, secs: u64) -> Result<(), DevnetError> {
    net.provider
        .anvil_increase_time(secs)
        .await
        .map_err(l1("anvil_increaseTime"))?;
    net.provider
        .anvil_mine(Some(1), None)
        .await
        .map_err(l1("anvil_mine"))
}

fn timeout_check(
    net: &Devnet,
    step: &'static str,
    start: Instant,
    detail: &str,
) -> Result<(), DevnetError> {
    timeout_check_within(net, step, start, net.args.step_timeout_secs, detail)
}

/// [`timeout_check`] with its own limit (a step that waits on a proof).
fn timeout_check_within(
    net: &Devnet,
    step: &'static str,
    start: Instant,
    secs: u64,
    detail: &str,
) -> Result<(), DevnetError> {
    if net.cancel.is_cancelled() {
        return Err(DevnetError::Stopped);
    }
    net.check_nodes()?;
    if start.elapsed() > Duration::from_secs(secs) {
        return Err(DevnetError::Timeout {
            step,
            secs,
            detail: detail.to_string(),
        });
    }
    Ok(())
}

/// Wait until `done(counts)` (at most `--step-timeout-secs`).
async fn wait(
    net: &Devnet,
    step: &'static str,
    done: impl Fn(&Counts) -> bool,
) -> Result<(), DevnetError> {
    wait_within(net, step, net.args.step_timeout_secs, done).await
}

/// [`wait`] for a step that waits on a proof (`--proof-timeout-secs`, at least the step timeout).
async fn wait_long(
    net: &Devnet,
    step: &'static str,
    done: impl Fn(&Counts) -> bool,
) -> Result<(), DevnetError> {
    let secs = net.args.proof_timeout_secs.max(net.args.step_timeout_secs);
    wait_within(net, step, secs, done).await
}

async fn wait_within(
    net: &Devnet,
    step: &'static str,
    secs: u64,
    done: impl Fn(&Counts) -> bool,
) -> Result<(), DevnetError> {
    let start = Instant::now();
    loop {
        if done(&lock(&net.counts)) {
            return Ok(());
        }
        let detail = format!("{:?}", lock(&net.counts).report());
        timeout_check_within(net, step, start, secs, &detail)?;
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// Bounties [`fund_bounty`] puts in the pool: one for step 4b's first proof, four for its range
/// proof (the devnet verifier's `maxBatches`).
const BOUNTIES: u64 = 5;

/// Put [`BOUNTIES`] prover bounties in the pool (deployer account), before step 4's time jump:
/// after it, the first batch that becomes the next to finalize with its challenge window open is
/// worth proving, and so are the batches posted while it is proven (step 4b).
async fn fund_bounty(net: &Devnet) -> Result<(), DevnetError> {
    let rollup = Rollup::new(net.deployment.rollup, net.provider.clone());
    let bounty = rollup
        .params()
        .call()
        .await
        .map_err(l1("params"))?
        .proverBounty;
    say(format!(
        "the deployer funds {BOUNTIES} prover bounties ({bounty} wei each)"
    ));
    net.keeper
        .send(TxIntent {
            label: "fundBounty".into(),
            to: net.deployment.rollup,
            input: Rollup::fundBountyCall {}.abi_encode().into(),
            value: U256::from(bounty) * U256::from(BOUNTIES),
        })
        .await
        .map_err(l1("fundBounty"))?;
    Ok(())
}
