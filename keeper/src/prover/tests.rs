//! The prover client on a real anvil (the devnet fixture, which deploys the generated verifier):
//! a real 2-slot proof of a posted batch with a signed transfer verifies off-chain, and with the
//! verifier removed submission stops with `VerifierNotSet` without sending a transaction; a real
//! proof of the devnet circuit is accepted by the deployed verifier and finalizes its batch.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use alloy::primitives::{Address, U256};
use alloy::providers::{Provider, RootProvider};
use alloy::sol_types::SolEvent;
use janus_l2::batch::Batch;
use janus_l2::keys::SecretKey;
use janus_prover::prover::batch::{check_data_binding, BatchProver};

use super::submit::proof_reward;
use super::*;
use crate::convert::b256;
use crate::l1::bindings::Rollup;
use crate::l1::BatchStatus;
use crate::store::{Store, TxIntent};
use crate::testutil::devnet::{apply, signed_transfer, Devnet, Posted, L2_CHAIN_ID};
use crate::txmgr::TxManager;

const SLOTS: usize = 2;
const PROVER_KEY: usize = 8;

fn batch_prover() -> Arc<BatchProver> {
    static P: OnceLock<Arc<BatchProver>> = OnceLock::new();
    P.get_or_init(|| {
        Arc::new(BatchProver::with_chain_id(SLOTS, L2_CHAIN_ID).expect("circuit builds"))
    })
    .clone()
}

/// Post a deposits-only batch (two new accounts), derive it, then post a 2-slot batch with a
/// signed transfer. Returns the second batch's job (pre-state from derivation) and its operator.
async fn posted_transfer(net: &Devnet, store: &Store) -> (ProveJob, Address) {
    let (alice, bob) = (
        SecretKey::from_seed(&[21; 32]),
        SecretKey::from_seed(&[22; 32]),
    );
    let m0 = net.deposit(&alice).await;
    let m1 = net.deposit(&bob).await;
    let deposits = Batch {
        fee_account: m0.account,
        messages: vec![m0.clone(), m1.clone()],
        txs: vec![],
    };
    let mut state = janus_l2::state::State::new();
    let (root, chain) = apply(&mut state, &deposits, 0, [0; 32]);
    net.post(&deposits, root, store).await;

    let transfer = Batch {
        fee_account: m1.account,
        messages: vec![],
        txs: vec![signed_transfer(&alice, m0.account, m1.account, 700, 3)],
    };
    let (root, _) = apply(&mut state, &transfer, 2, chain);
    let Posted { id, operator, .. } = net.post(&transfer, root, store).await;

    let pipe = net.derive().await;
    let derived = pipe.derivation.batch(id).expect("derived");
    assert_eq!(derived.verdict, crate::derive::Verdict::Valid);
    let parent = pipe.derivation.batch(derived.parent_id).expect("parent");
    let job = ProveJob {
        batch_id: id,
        pre_state: parent.state.clone().expect("parent state kept"),
        data: transfer.encode().expect("encodes"),
        then: vec![],
    };
    (job, operator)
}

/// A bounty policy whose proofs are expected to land within a second (the fixture's challenge
/// window is 60 s).
fn bounty_hunter() -> ProverClientConfig {
    ProverClientConfig {
        own_operators: vec![],
        bounty: true,
        prove_estimate: Duration::from_secs(1),
    }
}

/// Put `wei` in the rollup's bounty pool (anvil key 0).
async fn fund_bounty(net: &Devnet, store: &Store, wei: u128) {
    let funder = net.txmgr(0, store).await;
    let out = funder
        .send(TxIntent {
            label: "fundBounty".into(),
            to: net.at.rollup,
            input: alloy::sol_types::SolCall::abi_encode(&Rollup::fundBountyCall {}).into(),
            value: U256::from(wei),
        })
        .await
        .expect("fundBounty");
    assert!(out.receipt.status());
}

fn client(
    net: &Devnet,
    mgr: Arc<TxManager<RootProvider>>,
    cfg: ProverClientConfig,
) -> ProverClient<RootProvider> {
    ProverClient::new(net.p.clone(), net.at.rollup, batch_prover(), mgr, cfg)
}

#[tokio::test]
async fn real_proof_verifies_off_chain_and_submission_reports_verifier_not_set() {
    let net = Devnet::start().await;
    // The devnet deploys the generated verifier; governance removes it here.
    net.set_verifier(Address::ZERO).await;
    let store = Store::open(net.store_path("keeper")).expect("store");
    let (job, operator) = posted_transfer(&net, &store).await;
    let mgr = net.txmgr(PROVER_KEY, &store).await;

    // Policy: an unchallenged batch of someone else only with the bounty flag.
    let cautious = client(&net, mgr.clone(), ProverClientConfig::default());
    assert_eq!(cautious.decide(job.batch_id).await.expect("decide"), None);
    assert_eq!(
        cautious
            .handle(job.clone())
            .await
            .expect("skipped")
            .map(|o| o.nonce),
        None
    );
    let own_unchallenged = ProverClientConfig {
        own_operators: vec![operator],
        ..ProverClientConfig::default()
    };
    assert_eq!(
        client(&net, mgr.clone(), own_unchallenged)
            .decide(job.batch_id)
            .await
            .expect("decide"),
        None,
        "our own batch is only defended once challenged"
    );
    let hunter = client(&net, mgr.clone(), bounty_hunter());
    assert_eq!(
        hunter.decide(job.batch_id).await.expect("decide"),
        None,
        "not the next batch to finalize, and no bounty in the pool: a proof would earn nothing"
    );

    let proven = hunter.prove(job.clone()).await.expect("proves");
    batch_prover()
        .verify(&proven.proof)
        .expect("verifies off-chain");
    check_data_binding(&proven.proof.public, &job.data).expect("bound to the posted data");
    let rollup = Rollup::new(net.at.rollup, &net.p);
    let posted = rollup
        .getBatch(job.batch_id)
        .call()
        .await
        .expect("getBatch");
    assert_eq!(b256(&proven.proof.public.new_root), posted.stateRoot);

    let nonce_before = net
        .p
        .get_transaction_count(mgr.address())
        .await
        .expect("nonce");
    let err = hunter
        .submit(&proven)
        .await
        .expect_err("no verifier on the devnet");
    assert!(
        matches!(err, ProverClientError::VerifierNotSet { batch_id } if batch_id == job.batch_id),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(
        msg.contains("no on-chain verifier") && msg.contains("off-chain only"),
        "{msg}"
    );
    assert_eq!(mgr.metrics().snapshot()[0], 0, "no transaction sent");
    assert_eq!(
        net.p
            .get_transaction_count(mgr.address())
            .await
            .expect("nonce"),
        nonce_before
    );
    assert!(mgr.recover().expect("pending").is_empty());
}

#[tokio::test]
async fn invalid_job_fails_before_proving() {
    let net = Devnet::start().await;
    let store = Store::open(net.store_path("keeper")).expect("store");
    let mgr = net.txmgr(PROVER_KEY, &store).await;
    let c = client(&net, mgr, ProverClientConfig::default());
    // A transfer from an account that does not exist in the (empty) pre-state.
    let tx = signed_transfer(&SecretKey::from_seed(&[5; 32]), 1, 2, 1, 0);
    let data = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![tx],
    }
    .encode()
    .expect("encodes");
    let job = ProveJob {
        batch_id: 1,
        pre_state: Arc::new(janus_l2::state::State::new()),
        data,
        then: vec![],
    };
    let err = c.prove(job).await.expect_err("invalid batch");
    assert!(
        matches!(
            err,
            ProverClientError::Prover {
                source: janus_prover::ProverError::InvalidBatch(_),
                ..
            }
        ),
        "{err:?}"
    );
}

/// The bounty policy proves a pending batch only when the proof would be paid and land in time:
/// it must be the next to finalize, the pool must hold something, and its challenge window must
/// stay open for the expected proving time; a challenged batch is worth its bond.
#[tokio::test]
async fn bounty_policy_proves_only_what_a_proof_would_be_paid_for() {
    let net = Devnet::start().await;
    let store = Store::open(net.store_path("keeper")).expect("store");
    let (job, _) = posted_transfer(&net, &store).await;
    let (first, second) = (job.batch_id - 1, job.batch_id);
    let mgr = net.txmgr(PROVER_KEY, &store).await;
    let hunter = client(&net, mgr.clone(), bounty_hunter());
    assert_eq!(
        hunter.decide(first).await.expect("decide"),
        None,
        "empty pool"
    );

    fund_bounty(&net, &store, 10u128.pow(16)).await;
    assert_eq!(
        hunter.decide(first).await.expect("decide"),
        Some(ProveReason::Bounty),
        "next to finalize, bounty funded, window open"
    );
    assert_eq!(
        hunter.decide(second).await.expect("decide"),
        None,
        "its parent is not final: a proof would not finalize it, so no bounty"
    );
    let slow = client(
        &net,
        mgr.clone(),
        ProverClientConfig {
            prove_estimate: Duration::from_secs(3_600),
            ..bounty_hunter()
        },
    );
    assert_eq!(
        slow.decide(first).await.expect("decide"),
        None,
        "the window closes before the proof would land: optimistic finality wins"
    );
    assert_eq!(slow.prove_time(), Duration::from_secs(3_600));

    // A challenge makes the second batch worth its bond, next to finalize or not.
    let rollup = Rollup::new(net.at.rollup, &net.p);
    let bond = rollup.params().call().await.expect("params").challengeBond;
    let challenger = net.txmgr(9, &store).await;
    let out = challenger
        .send(TxIntent {
            label: "challenge".into(),
            to: net.at.rollup,
            input: alloy::sol_types::SolCall::abi_encode(&Rollup::challengeCall {
                batchId: second,
            })
            .into(),
            value: U256::from(bond),
        })
        .await
        .expect("challenge");
    assert!(out.receipt.status());
    assert_eq!(
        hunter.decide(second).await.expect("decide"),
        Some(ProveReason::Bounty)
    );
    assert_eq!(
        client(&net, mgr, ProverClientConfig::default())
            .decide(second)
            .await
            .expect("decide"),
        None,
        "no bounty flag, not ours"
    );
}

/// The deployed generated verifier accepts the keeper's proof: a deposits-only batch (height 1,
/// its parent final) proven with the devnet's circuits (`target_prover`: 16-slot segments under a
/// tree of depth 2, the shape the verifier is generated for) and submitted by a bounty client is final at once, the proof bound
/// to the client's account.
#[tokio::test]
async fn the_deployed_verifier_accepts_a_real_proof_and_the_batch_is_final_at_once() {
    let net = Devnet::start().await;
    let store = Store::open(net.store_path("keeper")).expect("store");
    let alice = SecretKey::from_seed(&[23; 32]);
    let m0 = net.deposit(&alice).await;
    let deposits = Batch {
        fee_account: m0.account,
        messages: vec![m0.clone()],
        txs: vec![],
    };
    let mut state = janus_l2::state::State::new();
    let (root, _) = apply(&mut state, &deposits, 0, [0; 32]);
    let Posted { id, .. } = net.post(&deposits, root, &store).await;
    let mgr = net.txmgr(PROVER_KEY, &store).await;
    let bounty = 10u128.pow(16);
    fund_bounty(&net, &store, bounty).await;
    let prover = crate::testutil::devnet::target_prover();
    let hunter = ProverClient::new(
        net.p.clone(),
        net.at.rollup,
        prover,
        mgr.clone(),
        bounty_hunter(),
    );
    assert_eq!(
        hunter.decide(id).await.expect("decide"),
        Some(ProveReason::Bounty)
    );
    let job = ProveJob {
        batch_id: id,
        pre_state: Arc::new(janus_l2::state::State::new()),
        data: deposits.encode().expect("encodes"),
        then: vec![],
    };
    let proven = hunter.prove(job).await.expect("proves");
    let out = hunter.submit(&proven).await.expect("accepted on L1");
    assert!(out.receipt.status());
    assert_eq!(
        proof_reward(&out),
        U256::from(bounty),
        "the reward metric's source"
    );
    let rollup = Rollup::new(net.at.rollup, &net.p);
    let b = rollup.getBatch(id).call().await.expect("getBatch");
    assert_eq!(
        b.status,
        u8::from(BatchStatus::Finalized),
        "final at once, by proof"
    );
    assert_eq!(
        rollup.lastFinalizedHeight().call().await.expect("height"),
        1
    );
    assert_eq!(
        rollup.credits(mgr.address()).call().await.expect("credits"),
        U256::from(bounty),
        "the bounty is credited to the account the proof is bound to"
    );
    assert!(
        hunter.prove_time() > Duration::from_secs(1),
        "the measured proving time replaces the 1 s estimate"
    );
}

/// A bounty proof of the next batch to finalize also covers the valid pending batch after it:
/// one range proof (`proveBatches`), both final at once, a bounty for each.
#[tokio::test]
async fn a_bounty_proof_covers_the_pending_batches_after_the_next_to_finalize() {
    let net = Devnet::start().await;
    let store = Store::open(net.store_path("keeper")).expect("store");
    let alice = SecretKey::from_seed(&[24; 32]);
    let m0 = net.deposit(&alice).await;
    let first = Batch {
        fee_account: m0.account,
        messages: vec![m0.clone()],
        txs: vec![],
    };
    let second = Batch {
        fee_account: m0.account,
        messages: vec![],
        txs: vec![],
    };
    let mut state = janus_l2::state::State::new();
    let (root1, chain) = apply(&mut state, &first, 0, [0; 32]);
    let Posted { id, .. } = net.post(&first, root1, &store).await;
    let (root2, chain) = apply(&mut state, &second, 1, chain);
    let Posted { id: id2, .. } = net.post(&second, root2, &store).await;
    // A third batch, challenged: it is answered alone, never in a run.
    let (root3, _) = apply(&mut state, &second, 1, chain);
    let Posted { id: id3, .. } = net.post(&second, root3, &store).await;
    let rollup = Rollup::new(net.at.rollup, &net.p);
    let bond = rollup.params().call().await.expect("params").challengeBond;
    let out = net
        .txmgr(9, &store)
        .await
        .send(TxIntent {
            label: "challenge".into(),
            to: net.at.rollup,
            input: alloy::sol_types::SolCall::abi_encode(&Rollup::challengeCall { batchId: id3 })
                .into(),
            value: U256::from(bond),
        })
        .await
        .expect("challenge");
    assert!(out.receipt.status());
    let mgr = net.txmgr(PROVER_KEY, &store).await;
    let bounty = 10u128.pow(16);
    fund_bounty(&net, &store, 2 * bounty).await;
    let hunter = ProverClient::new(
        net.p.clone(),
        net.at.rollup,
        crate::testutil::devnet::target_prover(),
        mgr.clone(),
        bounty_hunter(),
    );
    let job = ProveJob {
        batch_id: id,
        pre_state: Arc::new(janus_l2::state::State::new()),
        data: first.encode().expect("encodes"),
        then: [id2, id3]
            .map(|batch_id| NextBatch {
                batch_id,
                data: second.encode().expect("encodes"),
            })
            .to_vec(),
    };
    assert_eq!(
        hunter
            .run_length(&job, ProveReason::Bounty)
            .await
            .expect("reads L1"),
        2,
        "the pending batch after it, not the challenged one"
    );
    assert_eq!(
        hunter
            .run_length(&job, ProveReason::Defend)
            .await
            .expect("reads L1"),
        1,
        "a defence proves its batch alone"
    );

    let out = hunter.handle(job).await.expect("proven").expect("selected");
    assert!(out.receipt.status());
    assert!(
        out.receipt
            .inner
            .logs()
            .iter()
            .any(|l| Rollup::RangeProven::decode_log_data(&l.inner.data).is_ok()),
        "one proveBatches transaction"
    );
    assert_eq!(
        proof_reward(&out),
        U256::from(2 * bounty),
        "a bounty per batch"
    );
    for b in [id, id2] {
        let s = rollup.getBatch(b).call().await.expect("getBatch").status;
        assert_eq!(
            s,
            u8::from(BatchStatus::Finalized),
            "batch {b} final at once, by proof"
        );
    }
    assert_eq!(
        rollup.credits(mgr.address()).call().await.expect("credits"),
        U256::from(2 * bounty)
    );
}

fn job(id: u64, then: &[u64]) -> ProveJob {
    ProveJob {
        batch_id: id,
        pre_state: Arc::new(janus_l2::state::State::new()),
        data: vec![id as u8],
        then: then
            .iter()
            .map(|&n| NextBatch {
                batch_id: n,
                data: vec![n as u8],
            })
            .collect(),
    }
}

/// Jobs queued while proving: one per batch, in batch order, each knowing every later batch (so
/// the next to finalize can be proven with the batches posted meanwhile).
#[test]
fn queued_jobs_merge_into_one_per_batch_knowing_the_later_batches() {
    let merged = merge_jobs(vec![job(7, &[]), job(5, &[]), job(6, &[]), job(5, &[6])], 3);
    let ids: Vec<u64> = merged.iter().map(|j| j.batch_id).collect();
    assert_eq!(ids, [5, 6, 7]);
    let then = |j: &ProveJob| j.then.iter().map(|n| n.batch_id).collect::<Vec<_>>();
    assert_eq!(then(&merged[0]), [6, 7]);
    assert_eq!(then(&merged[1]), [7]);
    assert!(merged[2].then.is_empty());
    assert_eq!(
        merged[0].then[1].data,
        vec![7u8],
        "each batch keeps its own data"
    );
    // No job knows more than the run can hold.
    let capped = merge_jobs(vec![job(5, &[6, 7]), job(8, &[]), job(9, &[])], 1);
    assert_eq!(then(&capped[0]), [6]);
    assert_eq!(then(&capped[1]), [9]);
}
