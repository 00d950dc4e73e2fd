//! `janus escape` on a real anvil (the devnet fixture, which deploys the generated verifier). The
//! refusals come before any proving (a closed hatch, no verifier, a circuit of the wrong size,
//! too many records, a transaction that does not apply) and send nothing; one real run posts a
//! withdrawal through the hatch with a proof of the devnet circuit, final at once, and the bridge
//! pays it.

use std::sync::OnceLock;

use alloy::network::EthereumWallet;
use alloy::primitives::{Address, U256};
use alloy::providers::{Provider, ProviderBuilder, RootProvider};
use janus_l2::batch::withdrawal::WithdrawalTree;
use janus_l2::batch::Batch;
use janus_l2::keys::SecretKey;

use super::*;
use crate::derive::Verdict;
use crate::store::Store;
use crate::testutil::devnet::{apply, signed_transfer, Devnet, Posted, L2_CHAIN_ID};
use crate::testutil::{key, signed_withdrawal};

/// Anvil key of the account that escapes.
const ESCAPER: usize = 8;
/// Slots of the small circuit of the refusal tests (never used to prove).
const SMALL: usize = 2;

fn small_prover() -> Arc<BatchProver> {
    static P: OnceLock<Arc<BatchProver>> = OnceLock::new();
    P.get_or_init(|| {
        Arc::new(BatchProver::with_chain_id(SMALL, L2_CHAIN_ID).expect("circuit builds"))
    })
    .clone()
}

/// A signed asset-0 withdrawal of `amount` gwei to `to`.
fn withdrawal(sk: &SecretKey, from: u32, to: Address, amount: u64, fee: u64, nonce: u64) -> Tx {
    signed_withdrawal(sk, from, to.0 .0, amount, fee, nonce, L2_CHAIN_ID)
}

/// A devnet where the key of `seed` has an L2 account (1 ETH) opened by a deposit that an honest
/// batch consumed. Returns the devnet, its store, the key, the account and the batch.
async fn net_with_account(seed: u8) -> (Devnet, Store, SecretKey, u32, Posted) {
    net_with_account_on(Devnet::start().await, seed).await
}

/// [`net_with_account`] on a devnet prepared by the caller (e.g. with a smaller circuit set).
async fn net_with_account_on(net: Devnet, seed: u8) -> (Devnet, Store, SecretKey, u32, Posted) {
    let store = Store::open(net.store_path("keeper")).expect("store");
    let sk = SecretKey::from_seed(&[seed; 32]);
    let m = net.deposit(&sk).await;
    let batch = Batch {
        fee_account: m.account,
        messages: vec![m.clone()],
        txs: vec![],
    };
    let mut state = janus_l2::state::State::new();
    let (root, _) = apply(&mut state, &batch, 0, [0; 32]);
    let posted = net.post(&batch, root, &store).await;
    (net, store, sk, m.account, posted)
}

async fn run_escape(
    net: &Devnet,
    mgr: &Arc<TxManager<RootProvider>>,
    prover: Arc<BatchProver>,
    req: EscapeRequest,
) -> Result<EscapeOutcome, EscapeError> {
    escape(
        net.p.clone(),
        net.contracts(),
        L2_CHAIN_ID,
        mgr.clone(),
        prover,
        req,
    )
    .await
}

/// Nothing left the escaper's account since its manager started.
async fn assert_nothing_sent(net: &Devnet, mgr: &TxManager<RootProvider>) {
    assert_eq!(mgr.metrics().snapshot()[0], 0, "no transaction sent");
    let nonce = net
        .p
        .get_transaction_count(mgr.address())
        .await
        .expect("nonce");
    assert_eq!(
        nonce,
        mgr.next_nonce().await,
        "the escaper's L1 nonce is unchanged"
    );
}

#[tokio::test]
async fn a_closed_hatch_is_refused_with_when_it_opens_and_nothing_is_sent() {
    let (net, store, alice, acct, _) = net_with_account(31).await;
    let rollup = Rollup::new(net.at.rollup, &net.p);
    assert!(!rollup.escapeHatchOpen().call().await.expect("hatch"));
    let mgr = net.txmgr(ESCAPER, &store).await;
    let req = EscapeRequest {
        fee_account: acct,
        txs: vec![signed_transfer(&alice, acct, acct, 1, 0)],
    };
    let err = run_escape(&net, &mgr, small_prover(), req)
        .await
        .expect_err("hatch closed");
    let EscapeError::HatchClosed { opens_at, now } = &err else {
        panic!("expected HatchClosed, got {err:?}");
    };
    let (opens_at, now) = (*opens_at, *now);
    let last = rollup.lastSubmittedAt().call().await.expect("last");
    let delay = rollup.params().call().await.expect("params").escapeDelay;
    assert_eq!(
        opens_at,
        Some(last + delay),
        "no message waits: the delay decides"
    );
    assert!(now < last + delay);
    let msg = err.to_string();
    assert!(
        msg.contains("escape hatch is closed")
            && msg.contains(&format!("in {} s", last + delay - now)),
        "{msg}"
    );
    assert_nothing_sent(&net, &mgr).await;
    // What the submission's simulation would report, by the rollup's error name.
    let tip = rollup.tipId().call().await.expect("tipId");
    let root = rollup.getBatch(tip).call().await.expect("tip").stateRoot;
    let refused = rollup
        .submitBatchWithProof(tip, root, root, Default::default(), Default::default())
        .from(mgr.address())
        .call()
        .await
        .expect_err("hatch closed");
    assert_eq!(decode_revert(&refused), "EscapeHatchClosed");
}

#[tokio::test]
async fn a_wrong_circuit_or_no_verifier_is_refused_before_deriving() {
    let net = Devnet::start().await;
    net.warp(601).await; // past escapeDelay: the hatch is open
    let store = Store::open(net.store_path("keeper")).expect("store");
    let mgr = net.txmgr(ESCAPER, &store).await;
    let req = EscapeRequest {
        fee_account: 1,
        txs: vec![],
    };
    // The deployed verifier checks 16-slot segments under a tree of depth 2 (64 records).
    let err = run_escape(&net, &mgr, small_prover(), req.clone())
        .await
        .expect_err("wrong circuit");
    assert!(
        matches!(err, EscapeError::ProverMismatch(ref m) if m.contains("--prover-slots 16 --prover-depth 2") && m.contains("of 64")),
        "{err:?}"
    );
    net.set_verifier(Address::ZERO).await;
    let err = run_escape(&net, &mgr, small_prover(), req)
        .await
        .expect_err("no verifier");
    assert!(matches!(err, EscapeError::NoVerifier), "{err:?}");
    assert!(err.to_string().contains("no verifier is set"), "{err}");
    assert_nothing_sent(&net, &mgr).await;
}

/// A backlog of overdue messages larger than the batch bound: the batch must consume only the
/// forced-inclusion quota (`min(256, batchRecordLimit)`), as L1 checks it, so an escape batch can
/// drain a backlog one full batch at a time instead of being refused as too large.
#[tokio::test]
async fn an_overdue_backlog_beyond_the_bound_must_be_consumed_only_up_to_the_quota() {
    let net = Devnet::start().await;
    net.set_max_batch_records(SMALL as u32).await;
    let v = net.reject_all_verifier_with(Some(SMALL as u8)).await;
    net.set_verifier(v).await;
    for seed in 40..43u8 {
        net.deposit(&SecretKey::from_seed(&[seed; 32])).await;
    }
    // The fixture's forced-inclusion delay (120 s) is within the proving margin
    // (OVERDUE_MARGIN_SECS): the three deposits count as overdue already; past it, for sure.
    net.warp(121).await;
    let facts = checks::queue_facts(&net.p, net.contracts(), 0)
        .await
        .expect("queue");
    assert_eq!(facts.count, 3);
    assert_eq!(
        facts.must_consume, SMALL as u64,
        "3 overdue, but a batch of the bound ({SMALL}) meets the quota"
    );
    let facts = checks::queue_facts(&net.p, net.contracts(), 2)
        .await
        .expect("queue");
    assert_eq!(facts.must_consume, 1, "the rest of the backlog");
}

#[tokio::test]
async fn a_transaction_that_does_not_apply_is_refused_before_proving() {
    // A verifier of the small circuit's size (that would reject any proof): the checks pass and
    // the batch is planned; the refusal must come before proving. Governance lowers the batch
    // bound first (L1 refuses a verifier smaller than what a pending batch may hold).
    let net = Devnet::start().await;
    net.set_max_batch_records(SMALL as u32).await;
    let v = net.reject_all_verifier_with(Some(SMALL as u8)).await;
    net.set_verifier(v).await;
    let (net, store, alice, acct, _) = net_with_account_on(net, 32).await;
    net.warp(601).await;
    let mgr = net.txmgr(ESCAPER, &store).await;
    let to = Address::repeat_byte(0x51);
    let good = withdrawal(&alice, acct, to, 1_000, 1, 0);
    // Nonce 5 where the account's is 0 (after the good one, 1).
    let stale = withdrawal(&alice, acct, to, 1_000, 1, 5);
    let req = EscapeRequest {
        fee_account: acct,
        txs: vec![good.clone(), stale],
    };
    let err = run_escape(&net, &mgr, small_prover(), req)
        .await
        .expect_err("the second tx does not apply");
    assert!(
        matches!(
            err,
            EscapeError::TxRejected {
                index: 1,
                source: janus_l2::TxError::WrongNonce { .. },
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string().contains("transaction 1 does not apply"),
        "{err}"
    );
    // More transactions than slots: refused before deriving.
    let req = EscapeRequest {
        fee_account: acct,
        txs: vec![good.clone(), good.clone(), good],
    };
    let err = run_escape(&net, &mgr, small_prover(), req)
        .await
        .expect_err("too many");
    assert!(
        matches!(
            err,
            EscapeError::TooManyRecords {
                txs: 3,
                slots: SMALL,
                ..
            }
        ),
        "{err:?}"
    );
    assert_nothing_sent(&net, &mgr).await;
}

/// The whole path: alice's account is opened by a deposit, an honest batch consumes it, the
/// challenge window passes and no sequencer posts again; bob deposits meanwhile. Past the escape
/// delay, `escape` with alice's signed withdrawal finalizes the honest batch first, posts the
/// escape batch (bob's deposit + the withdrawal) with a proof of the devnet circuit, and the batch
/// is final at once; the bridge then pays the withdrawal.
#[tokio::test]
async fn an_escape_withdrawal_is_final_at_once_and_paid_on_l1() {
    let (net, store, alice, acct, honest) = net_with_account(33).await;
    let bob = net.deposit(&SecretKey::from_seed(&[34; 32])).await;
    let rollup = Rollup::new(net.at.rollup, &net.p);
    let params = rollup.params().call().await.expect("params");
    net.warp(params.challengeWindow + 1).await;
    assert!(!rollup.isFinalized(honest.id).call().await.expect("final"));
    net.warp(params.escapeDelay).await;
    assert!(rollup.escapeHatchOpen().call().await.expect("hatch"));

    let recipient = Address::repeat_byte(0x77);
    let amount = 250_000_000u64; // gwei: 0.25 ETH
    let tx = withdrawal(&alice, acct, recipient, amount, 1_000, 0);
    let mgr = net.txmgr(ESCAPER, &store).await;
    let prover = crate::testutil::devnet::target_prover();
    let out = run_escape(
        &net,
        &mgr,
        prover,
        EscapeRequest {
            fee_account: acct,
            txs: vec![tx],
        },
    )
    .await
    .expect("escape batch accepted");

    assert_eq!(out.parent_id, honest.id);
    assert_eq!(
        out.finalized_first,
        vec![honest.id],
        "the parent finalized first"
    );
    assert!(out.finalized, "final at once");
    assert_eq!(
        (out.messages, out.txs),
        (1, 1),
        "bob's deposit and the withdrawal"
    );
    let b = rollup
        .getBatch(out.batch_id)
        .call()
        .await
        .expect("getBatch");
    assert_eq!(b.stateRoot, out.new_root);
    assert_eq!(
        b.operator,
        mgr.address(),
        "the escaper is recorded as the poster"
    );
    assert_eq!(b.msgEnd, bob.nonce + 1);
    let (root, count) = rollup
        .finalizedWithdrawals(out.batch_id)
        .call()
        .await
        .map(|r| (r.root, r.count))
        .expect("finalizedWithdrawals");
    assert_eq!(count, 1);

    // A fresh derivation agrees with the posted root.
    let pipe = net.derive().await;
    let tip = pipe.derivation.tip();
    assert_eq!(
        (tip.id, tip.computed_root, &tip.verdict),
        (out.batch_id, out.new_root, &Verdict::Valid)
    );

    // The bridge pays the withdrawal (anyone relays it; a single leaf has no siblings).
    let w = janus_l2::batch::withdrawal::Withdrawal {
        recipient: recipient.0 .0,
        asset: 0,
        amount,
    };
    assert_eq!(WithdrawalTree::new(std::slice::from_ref(&w)).root(), root.0);
    let relayer = ProviderBuilder::new()
        .wallet(EthereumWallet::from(key(&net.node, 0)))
        .connect_http(net.node.endpoint_url());
    let receipt = Bridge::new(net.at.bridge, &relayer)
        .finalizeWithdrawal(out.batch_id, 0, recipient, 0, amount, vec![])
        .send()
        .await
        .expect("finalizeWithdrawal sent")
        .get_receipt()
        .await
        .expect("mined");
    assert!(receipt.status());
    assert_eq!(
        net.p.get_balance(recipient).await.expect("balance"),
        U256::from(amount) * U256::from(1_000_000_000u64),
        "paid in wei"
    );
}

#[test]
fn the_escape_flags_parse_and_a_tx_is_decoded_strictly() {
    use crate::cli::{Cli, Command};
    use clap::Parser;
    let sk = SecretKey::from_seed(&[35; 32]);
    let tx = withdrawal(&sk, 3, Address::repeat_byte(0x11), 10, 1, 0);
    let hex = alloy::hex::encode_prefixed(tx.encode());
    let parse = |txs: &[&str]| {
        let mut argv = vec![
            "janus",
            "escape",
            "--signer-key",
            "0x01",
            "--fee-account",
            "3",
        ];
        for t in txs {
            argv.extend(["--tx", t]);
        }
        Cli::try_parse_from(argv)
    };
    let cli = parse(&[&hex, hex.trim_start_matches("0x")]).expect("parse");
    let Command::Escape(args) = cli.command else {
        panic!("parsed as another command")
    };
    assert_eq!(args.txs, vec![tx.clone(), tx]);
    assert_eq!((args.fee_account, args.prover_slots), (3, 16));
    // The fee account is required; a record must be exactly one valid transaction.
    assert!(Cli::try_parse_from(["janus", "escape", "--signer-key", "0x01"]).is_err());
    let e = parse(&[&hex[..hex.len() - 2]]).expect_err("136 bytes");
    assert!(e.to_string().contains("not a transaction record"), "{e}");
}
