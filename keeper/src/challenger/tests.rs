//! Challenger, finalizer and reporters on a real anvil (the devnet fixture): a wrong root is
//! challenged exactly once (also across restarts), resolved after the prove window (reverted,
//! operator slashed, bond claimed back); a correct batch is finalized after the challenge
//! window (also when another keeper's finalization lands first in the same block); a silent
//! leader is reported; two conflicting soft confirmations are reported.

use alloy::primitives::{Address, B256, U256};
use alloy::providers::ext::AnvilApi;
use alloy::providers::Provider;
use alloy::signers::SignerSync;
use janus_l2::batch::Batch;
use janus_l2::keys::SecretKey;
use janus_l2::state::State;

use super::*;
use crate::derive::Verdict;
use crate::l1::bindings::{EquivocationSlasher, IEquivocationSlasher, SequencerSet, Staking};
use crate::testutil::devnet::{apply, signed_transfer, Devnet, Posted};

/// Anvil key of the challenger (a funded account that is neither operator nor signer).
const CHALLENGER_KEY: usize = 8;

/// Two deposits and a signed transfer between the new accounts, with the root it yields.
async fn transfer_batch(net: &Devnet) -> (Batch, B256) {
    let (alice, bob) = (
        SecretKey::from_seed(&[11; 32]),
        SecretKey::from_seed(&[12; 32]),
    );
    let m0 = net.deposit(&alice).await;
    let m1 = net.deposit(&bob).await;
    let tx = signed_transfer(&alice, m0.account, m1.account, 500, 5);
    let batch = Batch {
        fee_account: m0.account,
        messages: vec![m0, m1],
        txs: vec![tx],
    };
    let (root, _) = apply(&mut State::new(), &batch, 0, [0; 32]);
    (batch, root)
}

/// Move L1 time past the rollup's challenge window.
async fn warp_past_challenge_window(net: &Devnet) {
    let window = Rollup::new(net.at.rollup, &net.p)
        .params()
        .call()
        .await
        .expect("params")
        .challengeWindow;
    net.warp(window + 1).await;
}

fn challenger(
    net: &Devnet,
    mgr: Arc<TxManager<alloy::providers::RootProvider>>,
    store: &Store,
) -> Challenger<alloy::providers::RootProvider> {
    Challenger::new(
        net.p.clone(),
        net.at.rollup,
        mgr,
        store.clone(),
        ChallengerConfig::default(),
    )
    .expect("challenger")
}

#[tokio::test]
async fn wrong_root_is_challenged_once_and_resolved_after_the_prove_window() {
    let net = Devnet::start().await;
    let (batch, good_root) = transfer_batch(&net).await;
    let bad_root = B256::repeat_byte(0x11);
    let posting = Store::open(net.store_path("leader")).expect("store");
    let Posted { id, operator, .. } = net.post(&batch, bad_root, &posting).await;

    let pipe = net.derive().await;
    let derived = pipe.derivation.batch(id).expect("derived").clone();
    assert_eq!(
        derived.verdict,
        Verdict::RootMismatch {
            claimed: bad_root,
            computed: good_root
        }
    );

    let path = net.store_path("challenger");
    let store = Store::open(&path).expect("store");
    let mgr = net.txmgr(CHALLENGER_KEY, &store).await;
    let me = mgr.address();
    let ch = challenger(&net, mgr.clone(), &store);
    let rollup = Rollup::new(net.at.rollup, &net.p);
    let bond = U256::from(rollup.params().call().await.expect("params").challengeBond);
    // A challenge must be answerable by a proof: the rollup accepts one only with a verifier.
    net.set_verifier(net.reject_all_verifier().await).await;

    let action = ch.on_batch(&derived).await.expect("challenge");
    assert!(
        matches!(action, ChallengeAction::Challenged(_)),
        "{action:?}"
    );
    let c = rollup.getChallenge(id).call().await.expect("getChallenge");
    assert_eq!(c.challenger, me);
    assert_eq!(U256::from(c.bond), bond);
    let rec = ch.records().get(id).expect("read").expect("recorded");
    assert_eq!(rec.state, ChallengeState::Open);
    assert_eq!(
        rec.reason,
        ChallengeReason::RootMismatch {
            claimed: bad_root,
            computed: good_root
        }
    );
    // Seen again: nothing sent.
    assert_eq!(
        ch.on_batch(&derived).await.expect("again"),
        ChallengeAction::AlreadyChallenged
    );
    assert_eq!(mgr.metrics().snapshot()[0], 1, "one transaction sent");

    // Restart with the same store: the record says it is open.
    drop((ch, mgr, store));
    let store = Store::open(&path).expect("reopen");
    let mgr = net.txmgr(CHALLENGER_KEY, &store).await;
    let ch = challenger(&net, mgr.clone(), &store);
    assert_eq!(
        ch.on_batch(&derived).await.expect("restart"),
        ChallengeAction::AlreadyChallenged
    );
    // Restart with the store lost: L1's open challenge (ours) is adopted, not repeated.
    let fresh = Store::open(net.store_path("challenger-fresh")).expect("store");
    let mgr2 = net.txmgr(CHALLENGER_KEY, &fresh).await;
    let ch2 = challenger(&net, mgr2.clone(), &fresh);
    assert_eq!(
        ch2.on_batch(&derived).await.expect("fresh"),
        ChallengeAction::AlreadyChallenged
    );
    assert_eq!(
        ch2.records().get(id).expect("read").map(|r| r.state),
        Some(ChallengeState::Open)
    );
    assert_eq!(
        mgr.metrics().snapshot()[0] + mgr2.metrics().snapshot()[0],
        0,
        "nothing re-sent"
    );
    drop((ch2, mgr2, fresh));

    // Inside the prove window nothing is resolved.
    let early = ch.sweep().await.expect("sweep");
    assert!(early.resolved.is_empty(), "{early:?}");
    assert!(rollup.isCanonical(id).call().await.expect("canonical"));

    let staking = Staking::new(net.at.staking, &net.p);
    let stake_before = staking.operatorStake(operator).call().await.expect("stake");
    let window = rollup.params().call().await.expect("params").proveWindow;
    net.warp(window + 1).await;
    let balance_before = net.p.get_balance(me).await.expect("balance");
    let report = ch.sweep().await.expect("sweep");
    assert_eq!(report.resolved, vec![id]);
    assert_eq!(report.claimed, bond, "bond credited back and claimed");
    assert!(net.p.get_balance(me).await.expect("balance") > balance_before - bond / U256::from(10));
    assert!(
        !rollup.isCanonical(id).call().await.expect("canonical"),
        "batch reverted"
    );
    let stake_after = staking.operatorStake(operator).call().await.expect("stake");
    assert!(
        stake_after < stake_before,
        "operator slashed: {stake_before} -> {stake_after}"
    );
    assert_eq!(
        ch.records().get(id).expect("read").map(|r| r.state),
        Some(ChallengeState::Won)
    );
    // Nothing left to do.
    assert_eq!(ch.sweep().await.expect("sweep"), SweepReport::default());
}

/// Without a verifier the rollup refuses challenges (none could be answered by a proof): the
/// challenger records the wrong batch as an alarm and sends nothing. A challenge opened with a
/// verifier that governance then removes is voided on resolution: bond back, batch pending again,
/// nobody slashed.
#[tokio::test]
async fn wrong_root_without_a_verifier_is_an_alarm_and_a_removed_verifier_voids_the_challenge() {
    let net = Devnet::start().await;
    // The devnet deploys the generated verifier; governance removes it here.
    net.set_verifier(Address::ZERO).await;
    let (batch, _) = transfer_batch(&net).await;
    let posting = Store::open(net.store_path("leader")).expect("store");
    let Posted { id, operator, .. } = net.post(&batch, B256::repeat_byte(0x22), &posting).await;
    let derived = net
        .derive()
        .await
        .derivation
        .batch(id)
        .expect("derived")
        .clone();

    let store = Store::open(net.store_path("challenger")).expect("store");
    let mgr = net.txmgr(CHALLENGER_KEY, &store).await;
    let ch = challenger(&net, mgr.clone(), &store);
    assert_eq!(
        ch.on_batch(&derived).await.expect("no verifier"),
        ChallengeAction::Recorded(ChallengeState::NoVerifier)
    );
    assert_eq!(mgr.metrics().snapshot()[0], 0, "no transaction sent");

    // With a verifier the challenge opens; governance then removes the verifier.
    net.set_verifier(net.reject_all_verifier().await).await;
    let store = Store::open(net.store_path("challenger-2")).expect("store");
    let ch = challenger(&net, mgr.clone(), &store);
    assert!(matches!(
        ch.on_batch(&derived).await.expect("challenge"),
        ChallengeAction::Challenged(_)
    ));
    net.set_verifier(Address::ZERO).await;
    let rollup = Rollup::new(net.at.rollup, &net.p);
    let staking = Staking::new(net.at.staking, &net.p);
    let stake_before = staking.operatorStake(operator).call().await.expect("stake");
    let window = rollup.params().call().await.expect("params").proveWindow;
    net.warp(window + 1).await;
    let report = ch.sweep().await.expect("sweep");
    assert_eq!(report.resolved, vec![id]);
    assert_eq!(
        ch.records().get(id).expect("read").map(|r| r.state),
        Some(ChallengeState::Voided)
    );
    assert!(
        rollup.isCanonical(id).call().await.expect("canonical"),
        "not reverted"
    );
    assert_eq!(
        staking.operatorStake(operator).call().await.expect("stake"),
        stake_before,
        "nobody slashed"
    );
}

#[tokio::test]
async fn correct_batch_is_not_challenged_and_is_finalized_after_the_window() {
    let net = Devnet::start().await;
    let (batch, root) = transfer_batch(&net).await;
    let posting = Store::open(net.store_path("leader")).expect("store");
    let Posted { id, .. } = net.post(&batch, root, &posting).await;
    let pipe = net.derive().await;
    let derived = pipe.derivation.batch(id).expect("derived").clone();
    assert_eq!(derived.verdict, Verdict::Valid);

    let store = Store::open(net.store_path("keeper")).expect("store");
    let mgr = net.txmgr(CHALLENGER_KEY, &store).await;
    let ch = challenger(&net, mgr.clone(), &store);
    assert_eq!(
        ch.on_batch(&derived).await.expect("step"),
        ChallengeAction::None
    );

    let fin = Finalizer::new(
        net.p.clone(),
        net.at.rollup,
        mgr.clone(),
        FinalizerConfig::default(),
    );
    assert_eq!(
        fin.step().await.expect("early"),
        Vec::<u64>::new(),
        "window still open"
    );
    let rollup = Rollup::new(net.at.rollup, &net.p);
    warp_past_challenge_window(&net).await;
    assert_eq!(fin.step().await.expect("finalize"), vec![id]);
    assert!(rollup.isFinalized(id).call().await.expect("isFinalized"));
    assert_eq!(fin.step().await.expect("again"), Vec::<u64>::new());
    assert_eq!(
        mgr.metrics().snapshot()[0],
        1,
        "only finalizeBatch was sent"
    );
}

/// A correct batch posted and past its challenge window, and a finalizer with the keeper's
/// transaction manager.
async fn finalizable_batch(
    net: &Devnet,
) -> (
    u64,
    Finalizer<alloy::providers::RootProvider>,
    Arc<crate::txmgr::TxManager<alloy::providers::RootProvider>>,
) {
    let (batch, root) = transfer_batch(net).await;
    let posting = Store::open(net.store_path("leader")).expect("store");
    let Posted { id, .. } = net.post(&batch, root, &posting).await;
    warp_past_challenge_window(net).await;
    let store = Store::open(net.store_path("keeper")).expect("store");
    let mgr = net.txmgr(CHALLENGER_KEY, &store).await;
    let fin = Finalizer::new(
        net.p.clone(),
        net.at.rollup,
        mgr.clone(),
        FinalizerConfig::default(),
    );
    (id, fin, mgr)
}

/// The finalizer steps at each new L1 head the watcher publishes (a batch becomes finalizable
/// only with a block): a finalizable batch waits while no head is known, and is finalized once
/// one arrives; the loop ends when the watcher goes.
#[tokio::test]
async fn the_finalizer_steps_at_each_new_l1_head() {
    let net = Devnet::start().await;
    let (id, fin, _) = finalizable_batch(&net).await;
    let (head_tx, heads) = tokio::sync::watch::channel(None);
    let run = tokio::spawn(fin.run(heads, CancellationToken::new()));
    let rollup = Rollup::new(net.at.rollup, &net.p);
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(
        !rollup.isFinalized(id).call().await.expect("isFinalized"),
        "no L1 head yet: no step"
    );
    let head = net.p.get_block_number().await.expect("head");
    head_tx.send(Some(head)).expect("send");
    let start = std::time::Instant::now();
    while !rollup.isFinalized(id).call().await.expect("isFinalized") {
        assert!(start.elapsed().as_secs() < 20, "finalized at the head");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    drop(head_tx);
    tokio::time::timeout(std::time::Duration::from_secs(10), run)
        .await
        .expect("the loop ends with the watcher")
        .expect("task")
        .expect("ok");
}

/// Pending transactions in anvil's pool.
async fn pending_count(net: &Devnet) -> u64 {
    let n: alloy::primitives::U64 = net
        .p
        .raw_request("eth_getBlockTransactionCountByNumber".into(), ("pending",))
        .await
        .expect("pending count");
    n.to()
}

/// Another keeper's `finalizeBatch` for the same batch is mined first, in the same block as ours
/// (both passed the pre-flight): ours reverts on chain, and the step still succeeds, finalizing
/// nothing itself. Anvil orders a block by tip, so the other keeper's transaction, sent after ours
/// with a higher tip, goes first.
#[tokio::test]
async fn finalize_reverted_by_another_keeper_in_the_same_block_is_not_an_error() {
    let net = Devnet::start().await;
    let (id, fin, mgr) = finalizable_batch(&net).await;
    let rollup = Rollup::new(net.at.rollup, &net.p);
    net.p
        .anvil_set_auto_mine(false)
        .await
        .expect("automine off");
    let their_hash = std::sync::OnceLock::new();
    // Once our transaction waits in the pool, the other keeper sends its own with a higher tip;
    // then blocks are mined until our step ends.
    let other_keeper_and_miner = async {
        while pending_count(&net).await < 1 {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let other = alloy::providers::ProviderBuilder::new()
            .wallet(alloy::network::EthereumWallet::from(crate::testutil::key(
                &net.node, 9,
            )))
            .connect_http(net.node.endpoint_url());
        let gwei = 1_000_000_000u128;
        let sent = Rollup::new(net.at.rollup, &other)
            .finalizeBatch(id)
            .gas(500_000)
            .max_priority_fee_per_gas(100 * gwei)
            .max_fee_per_gas(200 * gwei)
            .send()
            .await
            .expect("other keeper's finalizeBatch sent");
        their_hash.set(*sent.tx_hash()).expect("set once");
        while pending_count(&net).await < 2 {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        loop {
            net.p.anvil_mine(Some(1), None).await.expect("mine");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    };
    let ours = tokio::select! {
        r = fin.step() => r,
        _ = other_keeper_and_miner => unreachable!("mines until our step ends"),
    };
    let theirs = net
        .p
        .get_transaction_receipt(*their_hash.get().expect("the other keeper sent"))
        .await
        .expect("receipt")
        .expect("mined");
    assert!(
        theirs.status(),
        "the other keeper's finalizeBatch went first"
    );
    assert_eq!(
        ours.expect("our step succeeds"),
        Vec::<u64>::new(),
        "the batch was finalized by the other keeper, not by us"
    );
    assert!(rollup.isFinalized(id).call().await.expect("isFinalized"));
    assert_eq!(mgr.metrics().snapshot()[0], 1, "we sent finalizeBatch once");
}

#[tokio::test]
async fn silent_leader_is_reported_for_liveness() {
    let net = Devnet::start().await;
    let store = Store::open(net.store_path("keeper")).expect("store");
    let mgr = net.txmgr(CHALLENGER_KEY, &store).await;
    let rep = LivenessReporter::new(
        net.p.clone(),
        net.at.sequencer_set,
        mgr.clone(),
        None,
        Duration::from_secs(1),
    );
    let set = SequencerSet::new(net.at.sequencer_set, &net.p);
    // Mine until the leader is late (nobody posts on this devnet).
    let mut late = None;
    for _ in 0..20 {
        late = rep.late_leader().await.expect("late_leader");
        if late.is_some() {
            break;
        }
        net.p.anvil_mine(Some(1), None).await.expect("mine");
    }
    let leader = late.expect("the silent leader becomes late");
    assert_eq!(rep.step().await.expect("report"), Some(leader));
    let head = net.p.get_block_number().await.expect("head");
    let after = set.leaderAt(U256::from(head)).call().await.expect("leader");
    assert_ne!(after, leader, "leadership moved on");
    assert_eq!(mgr.metrics().snapshot()[0], 1);
    // Our own operator is never reported.
    let own = LivenessReporter::new(
        net.p.clone(),
        net.at.sequencer_set,
        mgr,
        Some(after),
        Duration::from_secs(1),
    );
    assert_eq!(own.late_leader().await.expect("late"), None);
}

#[tokio::test]
async fn conflicting_soft_confirmations_are_reported() {
    let net = Devnet::start().await;
    let (operator, signer_index) = net.next_leader().await;
    let signer = crate::testutil::key(&net.node, signer_index);
    let slasher = EquivocationSlasher::new(net.at.equivocation_slasher, &net.p);
    let chain = slasher.l2ChainId().call().await.expect("l2ChainId");
    let header = |hash: u8| IEquivocationSlasher::SoftConfirmation {
        l2BlockNumber: 7,
        l2BlockHash: B256::repeat_byte(hash),
        parentHash: B256::repeat_byte(1),
        chainId: chain,
    };
    let mut signed = Vec::new();
    for h in [header(0xaa), header(0xbb)] {
        let digest = slasher
            .hashSoftConfirmation(h.clone())
            .call()
            .await
            .expect("digest");
        let sig = signer.sign_hash_sync(&digest).expect("sign");
        signed.push(SignedConfirmation {
            header: h,
            signature: sig.as_bytes().to_vec().into(),
        });
    }
    let store = Store::open(net.store_path("keeper")).expect("store");
    let mgr = net.txmgr(CHALLENGER_KEY, &store).await;
    // Not equivocations: nothing sent.
    let same = report_equivocation(
        &net.p,
        net.at.equivocation_slasher,
        &mgr,
        &signed[0],
        &signed[0],
    )
    .await;
    assert!(
        matches!(same, Err(ChallengerError::NotEquivocation(_))),
        "{same:?}"
    );
    let mut other = signed[1].clone();
    other.signature = crate::testutil::key(&net.node, 9)
        .sign_hash_sync(
            &slasher
                .hashSoftConfirmation(other.header.clone())
                .call()
                .await
                .expect("digest"),
        )
        .expect("sign")
        .as_bytes()
        .to_vec()
        .into();
    let differ = report_equivocation(
        &net.p,
        net.at.equivocation_slasher,
        &mgr,
        &signed[0],
        &other,
    )
    .await;
    assert!(
        matches!(differ, Err(ChallengerError::SignersDiffer { .. })),
        "{differ:?}"
    );
    assert_eq!(mgr.metrics().snapshot()[0], 0);

    let staking = Staking::new(net.at.staking, &net.p);
    let before = staking.operatorStake(operator).call().await.expect("stake");
    let out = report_equivocation(
        &net.p,
        net.at.equivocation_slasher,
        &mgr,
        &signed[0],
        &signed[1],
    )
    .await
    .expect("reported");
    assert!(out.receipt.status());
    let after = staking.operatorStake(operator).call().await.expect("stake");
    assert!(after < before, "operator slashed: {before} -> {after}");
    assert_ne!(operator, Address::ZERO);

    // Jailed, the leader is handed over at once, without waiting for `livenessTimeout` and
    // without a second slash; even its own node's reporter does it.
    assert!(!staking
        .isEligible(operator)
        .call()
        .await
        .expect("isEligible"));
    let rep = LivenessReporter::new(
        net.p.clone(),
        net.at.sequencer_set,
        mgr,
        Some(operator),
        Duration::from_secs(1),
    );
    assert_eq!(
        rep.leader_next_block().await.expect("leaderAt"),
        operator,
        "still the drawn leader"
    );
    assert_eq!(rep.step().await.expect("report"), Some(operator));
    assert_ne!(
        rep.leader_next_block().await.expect("leaderAt"),
        operator,
        "leadership moved on"
    );
    assert_eq!(
        staking.operatorStake(operator).call().await.expect("stake"),
        after,
        "no liveness slash of a jailed operator"
    );
}

#[test]
fn reasons_and_records_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let records =
        ChallengeRecords::new(Store::open(dir.path().join("db")).expect("store")).expect("table");
    assert_eq!(ChallengeReason::from_verdict(&Verdict::Valid), None);
    let reason =
        ChallengeReason::from_verdict(&Verdict::Invalid("bad signature".into())).expect("wrong");
    let r = ChallengeRecord {
        batch_id: 3,
        reason: reason.clone(),
        state: ChallengeState::Open,
        challenge_tx: Some(B256::repeat_byte(3)),
        resolve_tx: None,
        deadline: 99,
    };
    records.put(&r).expect("put");
    assert_eq!(records.get(3).expect("get"), Some(r.clone()));
    assert_eq!(records.get(4).expect("get"), None);
    assert_eq!(
        records.in_state(ChallengeState::Open).expect("open"),
        vec![r.clone()]
    );
    assert!(records
        .in_state(ChallengeState::Won)
        .expect("won")
        .is_empty());
    let json = serde_json::to_string(&reason).expect("json");
    assert_eq!(json, r#"{"kind":"unapplicable","error":"bad signature"}"#);
}

/// A call the rollup refuses fails before it is sent, and the refusal names the custom error
/// with its arguments (decoded from the node's revert data), not its selector.
#[tokio::test]
async fn a_refused_call_names_the_custom_error() {
    let net = Devnet::start().await;
    let store = Store::open(net.store_path("keeper")).expect("store");
    let mgr = net.txmgr(CHALLENGER_KEY, &store).await;
    let err = super::send_call(
        &mgr,
        net.at.rollup,
        "finalizeBatch 999".into(),
        crate::l1::bindings::Rollup::finalizeBatchCall { batchId: 999 },
        U256::ZERO,
    )
    .await
    .expect_err("no batch 999");
    let text = err.to_string();
    assert!(text.contains("UnknownBatch { batchId: 999 }"), "{text}");
    assert!(!text.contains("custom error 0x"), "{text}");
    assert_eq!(mgr.metrics().snapshot()[0], 0, "nothing was sent");
}
