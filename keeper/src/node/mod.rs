//! One operator's node, as a library call: [`run`] wires every role of `janus node` on one
//! cancellation token and returns when the token is cancelled (graceful stop) or a role fails.
//! The `janus` binary calls it once per process; `janus devnet` runs one per operator.
//!
//! Roles: the ops endpoint, the L1 watcher and derivation (always); with a signer the challenger,
//! finalizer, liveness reporter and prover client; with `--sequence` the sequencer, its batcher, the
//! leader schedule and the L2 JSON-RPC.

mod loops;
pub mod progress;

pub use loops::NodeView;

use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::B256;
use alloy::providers::RootProvider;
use alloy::signers::local::PrivateKeySigner;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::challenger::finalizer::{Finalizer, FinalizerConfig};
use crate::challenger::reporter::LivenessReporter;
use crate::challenger::{Challenger, ChallengerConfig};
use crate::config::{Deployment, NodeArgs};
use crate::derive::{DerivedBatch, Pipeline};
use crate::error::NodeError;
use crate::l1::{bindings::Rollup, Contracts, L1Watcher, LeaderView};
use crate::ops::{self, http::OpsServer, Health};
use crate::prover::{ProveJob, ProverClient, ProverClientConfig, ProverClientError};
use crate::rpc::{ForwardClient, RpcServer};
use crate::sequencer::{
    Batcher, Core, DerivedTip, Sequencer, SequencerConfig, SequencerHandle, SoftConfirmer,
};
use crate::store::Store;
use crate::txmgr::TxManager;

type BoxError = Box<dyn std::error::Error + Send + Sync>;
type Tasks = JoinSet<(&'static str, Result<(), BoxError>)>;

fn spawn<F, E>(tasks: &mut Tasks, name: &'static str, f: F)
where
    F: std::future::Future<Output = Result<(), E>> + Send + 'static,
    E: Into<BoxError>,
{
    tasks.spawn(async move { (name, f.await.map_err(Into::into)) });
}

/// Channels from derivation to the roles it feeds.
pub(crate) struct Feeds {
    challenger: Option<mpsc::Sender<DerivedBatch>>,
    prover: Option<mpsc::Sender<ProveJob>>,
    /// Batches after a job's that one proof may also cover (the prover's `max_batches − 1`).
    prover_then: usize,
    sequencer: Option<mpsc::Sender<crate::sequencer::SequencerInput>>,
}

/// What a node ended with.
#[derive(Clone, Debug)]
pub struct NodeSummary {
    /// Canonical tip batch id derived.
    pub tip_id: u64,
    /// Its state root.
    pub state_root: B256,
}

fn cfg_err(e: impl std::fmt::Display) -> NodeError {
    NodeError::Config(e.to_string())
}

/// Run a node until `cancel` (or until a role fails: the others then drain on the token). `view`
/// receives the derived tip after every L1 event.
pub async fn run(
    args: NodeArgs,
    cancel: CancellationToken,
    view: watch::Sender<NodeView>,
) -> Result<NodeSummary, NodeError> {
    let contracts = args.contracts().map_err(cfg_err)?;
    let deployment: Option<Deployment> = args.read_deployment().ok();
    let provider = RootProvider::new_http(args.l1_url().map_err(cfg_err)?);
    std::fs::create_dir_all(&args.data_dir)
        .map_err(|e| cfg_err(format!("creating {}: {e}", args.data_dir.display())))?;
    let store = Store::open(args.data_dir.join("janus.redb"))?;
    let health = Health::new(Duration::from_millis(args.poll_ms * 10 + 30_000));
    let metrics = ops::metrics::install().map_err(cfg_err)?;
    let mut tasks = Tasks::new();

    let ops_server = OpsServer::bind(args.ops_addr, Some(metrics), health.clone())
        .await
        .map_err(cfg_err)?;
    let ops_addr = ops_server.local_addr().map_err(cfg_err)?;
    tracing::info!(target: "janus", addr = %ops_addr, "ops endpoint (/metrics, /health)");
    spawn(&mut tasks, "ops", ops_server.serve(cancel.clone()));

    let pipeline = Pipeline::new(provider.clone(), args.l2_chain_id);
    match Rollup::new(contracts.rollup, provider.clone())
        .getBatch(0)
        .call()
        .await
    {
        Ok(b) => pipeline.derivation.check_genesis(b.stateRoot)?,
        Err(e) => {
            tracing::warn!(target: "janus", error = %e, "could not read the genesis batch; continuing")
        }
    }

    let signer: Option<PrivateKeySigner> = args
        .signer_key
        .as_deref()
        .map(|k| {
            k.trim()
                .parse()
                .map_err(|e| cfg_err(format!("--signer-key: {e}")))
        })
        .transpose()?;
    let mut feeds = Feeds {
        challenger: None,
        prover: None,
        prover_then: 0,
        sequencer: None,
    };
    if let Some(signer) = signer {
        signed_roles(
            &args,
            contracts,
            &deployment,
            &provider,
            &store,
            &pipeline,
            signer,
            &mut feeds,
            &mut tasks,
            &cancel,
        )
        .await?;
    } else {
        tracing::info!(target: "janus", "no --signer-key: validator mode (follow and derive only)");
    }

    let (tx, rx) = mpsc::channel(64);
    let watcher =
        L1Watcher::new(provider.clone(), contracts, args.watcher()).with_health(health.clone());
    spawn(&mut tasks, "l1-watcher", watcher.run(tx, cancel.clone()));
    let derive_task = tokio::spawn(loops::derive_loop(
        pipeline,
        rx,
        feeds,
        health.clone(),
        view,
        cancel.clone(),
    ));

    // The first role to fail stops the node (the others drain on the token).
    let mut failure = None;
    while let Some(joined) = tasks.join_next().await {
        let (name, res) = joined.map_err(|e| NodeError::Role {
            role: "task",
            source: Box::new(e),
        })?;
        if let Err(source) = res {
            tracing::error!(target: "janus", role = name, error = %source, "role failed; stopping the node");
            health.role_failed();
            failure.get_or_insert(NodeError::Role { role: name, source });
            cancel.cancel();
        }
    }
    cancel.cancel();
    let p = derive_task.await.map_err(|e| NodeError::Role {
        role: "derivation",
        source: Box::new(e),
    })??;
    let summary = NodeSummary {
        tip_id: p.derivation.tip().id,
        state_root: p.derivation.state_root(),
    };
    tracing::info!(target: "janus", root = %summary.state_root, tip = summary.tip_id, "stopped");
    failure.map_or(Ok(summary), Err)
}

/// The roles that need the L1 signer: challenger, finalizer, liveness reporter, prover client and
/// (with `--sequence`) the sequencer with its RPC and leader schedule.
#[allow(clippy::too_many_arguments)]
async fn signed_roles(
    args: &NodeArgs,
    contracts: Contracts,
    deployment: &Option<Deployment>,
    provider: &RootProvider,
    store: &Store,
    pipeline: &Pipeline<RootProvider>,
    signer: PrivateKeySigner,
    feeds: &mut Feeds,
    tasks: &mut Tasks,
    cancel: &CancellationToken,
) -> Result<(), NodeError> {
    let txmgr = Arc::new(
        TxManager::new(
            provider.clone(),
            signer.clone(),
            store.clone(),
            args.txmgr(),
            cancel.clone(),
        )
        .await?,
    );
    tracing::info!(target: "janus", signer = %txmgr.address(), "L1 signer ready");
    spawn(tasks, "txmgr-metrics", {
        let (t, c) = (txmgr.clone(), cancel.clone());
        async move {
            loop {
                ops::metrics::record_txmgr(t.metrics(), t.next_nonce().await);
                tokio::select! {
                    _ = c.cancelled() => return Ok::<(), NodeError>(()),
                    _ = tokio::time::sleep(Duration::from_secs(5)) => {}
                }
            }
        }
    });

    let challenger = Challenger::new(
        provider.clone(),
        contracts.rollup,
        txmgr.clone(),
        store.clone(),
        ChallengerConfig {
            challenge: !args.no_challenge,
            poll_interval: Duration::from_millis((args.poll_ms * 6).clamp(500, 12_000)),
            ..ChallengerConfig::default()
        },
    )?;
    let (tx, rx) = mpsc::channel(256);
    feeds.challenger = Some(tx);
    spawn(tasks, "challenger", challenger.run(rx, cancel.clone()));

    let finalizer = Finalizer::new(
        provider.clone(),
        contracts.rollup,
        txmgr.clone(),
        FinalizerConfig {
            enabled: !args.no_finalize,
            poll_interval: Duration::from_millis((args.poll_ms * 6).clamp(500, 12_000)),
            ..FinalizerConfig::default()
        },
    );
    spawn(tasks, "finalizer", finalizer.run(cancel.clone()));

    if let (false, Some(d)) = (args.no_liveness_reports, deployment) {
        let reporter = LivenessReporter::new(
            provider.clone(),
            d.sequencer_set,
            txmgr.clone(),
            args.operator,
            Duration::from_millis(args.poll_ms.max(1_000)),
        );
        spawn(tasks, "liveness", reporter.run(cancel.clone()));
    }

    if args.prove != "none" {
        let (slots, chain_id) = (args.prover_slots, args.l2_chain_id);
        let prover_cache = args.prover_cache.clone();
        let (provider, rollup, txmgr) = (provider.clone(), contracts.rollup, txmgr.clone());
        let cfg = ProverClientConfig {
            own_operators: args.operator.into_iter().collect(),
            bounty: args.prove == "bounty",
            prove_estimate: Duration::from_secs(args.prove_estimate_secs),
        };
        let (tx, rx) = mpsc::channel(64);
        feeds.prover = Some(tx);
        feeds.prover_then = prover_cache.shape(slots).max_batches() - 1;
        let cancel = cancel.clone();
        // The circuit takes a while to build: the other roles start meanwhile (a sequencer must
        // not miss its first slot) and jobs wait in the channel.
        spawn(tasks, "prover", async move {
            let prover =
                tokio::task::spawn_blocking(move || prover_cache.batch_prover(slots, chain_id))
                    .await
                    .map_err(|e| ProverClientError::Task(e.to_string()))?
                    .map_err(ProverClientError::Circuit)?;
            tracing::info!(target: "janus::prover", slots, "batch circuit and wrapper ready; proving");
            ProverClient::new(provider, rollup, Arc::new(prover), txmgr, cfg)
                .run(rx, cancel)
                .await
        });
    }

    if !args.sequence {
        return Ok(());
    }
    let d = deployment.as_ref().ok_or_else(|| {
        cfg_err("--sequence needs the deployment file (sequencer set, staking, slasher)")
    })?;
    let operator = args
        .operator
        .ok_or_else(|| cfg_err("--sequence needs --operator"))?;
    let slasher = d
        .equivocation_slasher
        .ok_or_else(|| cfg_err("the deployment file has no equivocationSlasher"))?;
    let cfg = SequencerConfig {
        l2_chain_id: args.l2_chain_id,
        block_interval: Duration::from_millis(args.block_ms.max(1)),
        fee_account: args.fee_account,
        batch_interval: Duration::from_secs(args.batch_secs.max(1)),
        epoch_margin_blocks: args.epoch_margin_blocks,
        ..SequencerConfig::default()
    };
    let confirmer = SoftConfirmer::new(signer, d.chain_id, slasher, args.l2_chain_id);
    let core = Core::new(
        cfg.clone(),
        store.clone(),
        confirmer,
        &DerivedTip::of(&pipeline.derivation),
    )?;
    let handle = SequencerHandle::new(core, operator);
    let rpc = RpcServer::start(args.rpc_addr, handle.clone())
        .await
        .map_err(cfg_err)?;
    tracing::info!(target: "janus", url = %rpc.url(), "L2 JSON-RPC");
    let batcher = Batcher::new(provider.clone(), contracts.rollup, txmgr.clone());
    let (tx, rx) = mpsc::channel(1024);
    feeds.sequencer = Some(tx.clone());
    spawn(
        tasks,
        "sequencer",
        Sequencer::new(handle, Some(batcher), cfg, Arc::new(ForwardClient::new()))
            .run(rx, cancel.clone()),
    );
    spawn(
        tasks,
        "leader-schedule",
        loops::leader_schedule(
            provider.clone(),
            LeaderView::new(provider.clone(), d.sequencer_set, d.staking),
            tx,
            Duration::from_millis(args.poll_ms),
            cancel.clone(),
        ),
    );
    let c = cancel.clone();
    tasks.spawn(async move {
        c.cancelled().await;
        rpc.stop();
        ("rpc", Ok(()))
    });
    Ok(())
}
