//! End to end on a real anvil with the suite deployed by the real scripts (the devnet fixture,
//! see [`crate::testutil::devnet`]): two deposits, a signed L2 transfer, the batch posted by the
//! epoch leader's signer through the transaction manager with the root janus-l2 computes, then a
//! fresh node derives the same root from L1 alone; an L1 reorg under the posted batch rolls the
//! derived state back to genesis.

use alloy::providers::ext::AnvilApi;
use alloy::providers::{Provider, RootProvider};
use alloy::rpc::types::anvil::ReorgOptions;
use janus_l2::batch::Batch;
use janus_l2::keys::SecretKey;
use janus_l2::state::State;

use super::{News, Pipeline, Verdict};
use crate::l1::bindings::Rollup;
use crate::l1::{L1Event, L1Watcher};
use crate::store::Store;
use crate::testutil::devnet::{apply, signed_transfer, Devnet, Posted, L2_CHAIN_ID};

/// Run the watcher to the head, feeding the pipeline; returns how many reorgs it reported and
/// what the events brought.
async fn derive_all(
    pipe: &mut Pipeline<RootProvider>,
    w: &mut L1Watcher<RootProvider>,
) -> (usize, Vec<News>) {
    let (mut reorgs, mut news) = (0, Vec::new());
    while let Some(ev) = w.step().await.expect("watch") {
        reorgs += usize::from(matches!(ev, L1Event::Reorg { .. }));
        news.extend(pipe.handle(&ev).await.expect("derive"));
    }
    (reorgs, news)
}

/// L1 and the crate enforce one forced-inclusion rule (docs/l2-spec.md §4.1): the deployed
/// rollup's quota is the one the sequencer packs batches by.
#[tokio::test]
async fn deployed_rollup_has_the_crates_forced_inclusion_quota() {
    let net = Devnet::start().await;
    let quota = Rollup::new(net.at.rollup, &net.p)
        .FORCED_INCLUSION_QUOTA()
        .call()
        .await
        .expect("FORCED_INCLUSION_QUOTA");
    assert_eq!(quota, janus_l2::FORCED_INCLUSION_QUOTA);
}

#[tokio::test]
async fn fresh_node_derives_the_posted_root_and_rolls_back_on_reorg() {
    // The fixture is current and the first sequencer set is in force.
    let net = Devnet::start().await;
    let p = net.p.clone();

    // L1: two deposits creating accounts; L2: a signed transfer between them.
    let (alice, bob) = (
        SecretKey::from_seed(&[1; 32]),
        SecretKey::from_seed(&[2; 32]),
    );
    let m0 = net.deposit(&alice).await;
    let m1 = net.deposit(&bob).await;
    let batch = Batch {
        fee_account: m0.account,
        txs: vec![signed_transfer(&alice, m0.account, m1.account, 1_000, 10)],
        messages: vec![m0, m1.clone()],
    };
    let mut state = State::new();
    let genesis = crate::convert::b256(&state.root());
    let (new_root, _) = apply(&mut state, &batch, 0, [0; 32]);

    // The leader of the next block posts it through its transaction manager.
    let rollup = Rollup::new(net.at.rollup, &p);
    let tip = rollup.tipId().call().await.expect("tip");
    let parent = rollup.getBatch(tip).call().await.expect("tip batch");
    assert_eq!(parent.stateRoot, genesis, "the batch is posted on genesis");
    let store = Store::open(net.store_path("db")).expect("store");
    let Posted { id, l1_block, .. } = net.post(&batch, new_root, &store).await;
    assert_eq!(id, tip + 1);
    let stored = rollup.getBatch(tip + 1).call().await.expect("getBatch");
    assert_eq!(stored.stateRoot, new_root);

    // A fresh node: L1 only, from block 0.
    let mut w = net.watcher();
    let mut pipe = Pipeline::new(p.clone(), L2_CHAIN_ID);
    pipe.derivation
        .check_genesis(rollup.getBatch(0).call().await.expect("genesis").stateRoot)
        .expect("genesis");
    let (_, news) = derive_all(&mut pipe, &mut w).await;
    assert_eq!(
        pipe.derivation.state_root(),
        new_root,
        "derived root = sequencer's root"
    );
    // What derivation brought, in order: the batch's deposits entered the queue before the
    // batch that consumed them was posted.
    let submitted = news.iter().position(|n| *n == News::Submitted(id));
    let first_message = news.iter().position(|n| matches!(n, News::Message(_)));
    assert!(
        matches!((first_message, submitted), (Some(m), Some(b)) if m < b),
        "{news:?}"
    );
    assert_eq!(pipe.derivation.tip().id, tip + 1);
    assert_eq!(pipe.derivation.tip().verdict, Verdict::Valid);
    assert_eq!(
        pipe.derivation
            .state()
            .get(m1.account)
            .expect("bob")
            .balances[0],
        m1.amount + 1_000
    );

    // Reorg under the posted batch: the new fork does not contain it.
    let head = p.get_block_number().await.expect("head");
    let depth = head - l1_block + 1;
    p.anvil_reorg(ReorgOptions {
        depth,
        tx_block_pairs: vec![],
    })
    .await
    .expect("reorg");
    assert_eq!(
        rollup.tipId().call().await.expect("tip"),
        tip,
        "the batch is gone from L1"
    );
    let (reorgs, news) = derive_all(&mut pipe, &mut w).await;
    assert!(reorgs >= 1, "the watcher reported the reorg");
    assert!(news.contains(&News::Rollback), "{news:?}");
    assert_eq!(pipe.derivation.tip().id, 0);
    assert_eq!(
        pipe.derivation.state_root(),
        genesis,
        "derived state rolled back"
    );
}
