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

use alloy::primitives::B256;
use alloy::providers::RootProvider;
use alloy::signers::local::PrivateKeySigner;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::challenger::finalizer::Finalizer;
use crate::challenger::reporter::LivenessReporter;
use crate::challenger::Challenger;
use crate::config::{ConfigError, Deployment, NodeArgs};
use crate::derive::{DerivedBatch, Pipeline};
use crate::error::NodeError;
use crate::l1::{bindings::Rollup, Contracts, L1Head, L1Watcher, LeaderView};
use crate::ops::{self, http::OpsServer, Health};
use crate::prover::{ProveJob, ProverClient, ProverClientError};
use crate::rpc::{ForwardClient, RpcServer};
use crate::sequencer::{
    Batcher, Core, DerivedTip, LeaderClient, Sequencer, SequencerHandle, SequencerInput,
    SoftConfirmer,
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
    sequencer: Option<mpsc::Sender<SequencerInput>>,
}

/// What a node ended with.
#[derive(Clone, Debug)]
pub struct NodeSummary {
    /// Canonical tip batch id derived.
    pub tip_id: u64,
    /// Its state root.
    pub state_root: B256,
}

/// `--sequence` cannot run without `what`.
fn sequence_needs(what: &str) -> NodeError {
    ConfigError::Flag {
        flag: "--sequence",
        why: format!("needs {what}"),
    }
    .into()
}

/// What every role's wiring shares: the flags, the suite, the L1 provider and store, the task set
/// and the node's cancellation token.
struct Wiring<'a> {
    args: &'a NodeArgs,
    contracts: Contracts,
    deployment: Option<Deployment>,
    provider: RootProvider,
    store: Store,
    /// Every L1 head the watcher reads.
    heads: L1Head,
    tasks: &'a mut Tasks,
    cancel: &'a CancellationToken,
}

/// Run a node until `cancel` (or until a role fails: the others then drain on the token). `view`
/// receives the derived tip after every L1 event.
pub async fn run(
    args: NodeArgs,
    cancel: CancellationToken,
    view: watch::Sender<NodeView>,
) -> Result<NodeSummary, NodeError> {
    let contracts = args.contracts()?;
    let provider = RootProvider::new_http(args.l1_url()?);
    std::fs::create_dir_all(&args.data_dir).map_err(|source| NodeError::DataDir {
        path: args.data_dir.clone(),
        source,
    })?;
    let store = Store::open(args.data_dir.join("janus.redb"))?;
    let health = Health::new(args.health_timeout());
    let metrics = ops::metrics::install()?;
    let mut tasks = Tasks::new();

    let ops_server = OpsServer::bind(args.ops_addr, Some(metrics), health.clone()).await?;
    let ops_addr = ops_server.local_addr()?;
    tracing::info!(target: "janus", addr = %ops_addr, "ops endpoint (/metrics, /health)");
    spawn(&mut tasks, "ops", ops_server.serve(cancel.clone()));

    let pipeline = Pipeline::new(provider.clone(), args.follow.l2_chain_id);
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

    let mut feeds = Feeds {
        challenger: None,
        prover: None,
        prover_then: 0,
        sequencer: None,
    };
    let watcher =
        L1Watcher::new(provider.clone(), contracts, args.watcher()).with_health(health.clone());
    let mut w = Wiring {
        args: &args,
        contracts,
        deployment: args.read_deployment().ok(),
        provider: provider.clone(),
        store,
        heads: watcher.heads(),
        tasks: &mut tasks,
        cancel: &cancel,
    };
    if let Some(signer) = args.signer()? {
        w.signed_roles(signer, &pipeline, &mut feeds).await?;
    } else {
        tracing::info!(target: "janus", "no --signer-key: validator mode (follow and derive only)");
    }

    let (tx, rx) = mpsc::channel(64);
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

impl Wiring<'_> {
    /// The roles that need the L1 signer: challenger, finalizer, liveness reporter, prover client
    /// and (with `--sequence`) the sequencer with its RPC and leader schedule.
    async fn signed_roles(
        &mut self,
        signer: PrivateKeySigner,
        pipeline: &Pipeline<RootProvider>,
        feeds: &mut Feeds,
    ) -> Result<(), NodeError> {
        let txmgr = Arc::new(
            TxManager::new(
                self.provider.clone(),
                signer.clone(),
                self.store.clone(),
                self.args.txmgr(),
                self.cancel.clone(),
            )
            .await?,
        );
        tracing::info!(target: "janus", signer = %txmgr.address(), "L1 signer ready");
        feeds.challenger = Some(self.checkers(&txmgr)?);
        if let Some((tx, then)) = self.prover(&txmgr) {
            feeds.prover = Some(tx);
            feeds.prover_then = then;
        }
        if self.args.sequence {
            feeds.sequencer = Some(self.sequencer(signer, &txmgr, pipeline).await?);
        }
        Ok(())
    }

    /// The challenger, the finalizer and the liveness reporter; the challenger's feed.
    fn checkers(
        &mut self,
        txmgr: &Arc<TxManager<RootProvider>>,
    ) -> Result<mpsc::Sender<DerivedBatch>, NodeError> {
        let (args, provider, rollup) = (self.args, &self.provider, self.contracts.rollup);
        let challenger = Challenger::new(
            provider.clone(),
            rollup,
            txmgr.clone(),
            self.store.clone(),
            args.challenger(),
        )?;
        let (tx, rx) = mpsc::channel(256);
        spawn(
            self.tasks,
            "challenger",
            challenger.run(rx, self.heads.clone(), self.cancel.clone()),
        );
        let finalizer = Finalizer::new(provider.clone(), rollup, txmgr.clone(), args.finalizer());
        spawn(
            self.tasks,
            "finalizer",
            finalizer.run(self.heads.clone(), self.cancel.clone()),
        );
        if let (Some(poll), Some(d)) = (args.liveness_poll(), &self.deployment) {
            let reporter = LivenessReporter::new(
                provider.clone(),
                d.sequencer_set,
                txmgr.clone(),
                args.operator,
                poll,
            );
            let heads = self.heads.clone();
            spawn(
                self.tasks,
                "liveness",
                reporter.run(heads, self.cancel.clone()),
            );
        }
        Ok(tx)
    }

    /// The prover client (unless `--prove none`): its feed, and how many batches after a job's
    /// one proof may also cover.
    fn prover(
        &mut self,
        txmgr: &Arc<TxManager<RootProvider>>,
    ) -> Option<(mpsc::Sender<ProveJob>, usize)> {
        let cfg = self.args.prover_client()?;
        let (slots, chain_id) = (self.args.prover_slots, self.args.follow.l2_chain_id);
        let prover_cache = self.args.prover_cache.clone();
        let then = prover_cache.shape(slots).max_batches() - 1;
        let (provider, rollup, txmgr) =
            (self.provider.clone(), self.contracts.rollup, txmgr.clone());
        let (tx, rx) = mpsc::channel(64);
        let cancel = self.cancel.clone();
        // The circuit takes a while to build: the other roles start meanwhile (a sequencer must
        // not miss its first slot) and jobs wait in the channel.
        spawn(self.tasks, "prover", async move {
            let prover =
                tokio::task::spawn_blocking(move || prover_cache.batch_prover(slots, chain_id))
                    .await
                    .map_err(ProverClientError::Task)?
                    .map_err(ProverClientError::Circuit)?;
            tracing::info!(target: "janus::prover", slots, "batch circuit and wrapper ready; proving");
            ProverClient::new(provider, rollup, Arc::new(prover), txmgr, cfg)
                .run(rx, cancel)
                .await
        });
        Some((tx, then))
    }

    /// The sequencer (`--sequence`), its L2 JSON-RPC and the leader schedule; the sequencer's
    /// feed.
    async fn sequencer(
        &mut self,
        signer: PrivateKeySigner,
        txmgr: &Arc<TxManager<RootProvider>>,
        pipeline: &Pipeline<RootProvider>,
    ) -> Result<mpsc::Sender<SequencerInput>, NodeError> {
        let args = self.args;
        let d = self.deployment.as_ref().ok_or_else(|| {
            sequence_needs("the deployment file (sequencer set, staking, slasher)")
        })?;
        let operator = args.operator.ok_or_else(|| sequence_needs("--operator"))?;
        let slasher = d
            .equivocation_slasher
            .ok_or_else(|| sequence_needs("an equivocationSlasher in the deployment file"))?;
        let cfg = args.sequencer();
        let confirmer = SoftConfirmer::new(signer, d.chain_id, slasher, args.follow.l2_chain_id);
        let core = Core::new(
            cfg.clone(),
            self.store.clone(),
            confirmer,
            &DerivedTip::of(&pipeline.derivation),
        )?;
        let handle = SequencerHandle::new(core, operator);
        let forward: Arc<dyn LeaderClient> = Arc::new(ForwardClient::new());
        let rpc = RpcServer::start(args.rpc_addr, handle.clone(), forward.clone()).await?;
        tracing::info!(target: "janus", url = %rpc.url(), "L2 JSON-RPC");
        let batcher = Batcher::new(self.provider.clone(), self.contracts.rollup, txmgr.clone());
        let (tx, rx) = mpsc::channel(1024);
        let sequencer = Sequencer::new(handle, Some(batcher), cfg, forward);
        spawn(
            self.tasks,
            "sequencer",
            sequencer.run(rx, self.cancel.clone()),
        );
        let leaders = LeaderView::new(self.provider.clone(), d.sequencer_set, d.staking);
        spawn(
            self.tasks,
            "leader-schedule",
            loops::leader_schedule(
                leaders,
                self.heads.clone(),
                tx.clone(),
                args.leader_poll(),
                self.cancel.clone(),
            ),
        );
        let c = self.cancel.clone();
        self.tasks.spawn(async move {
            c.cancelled().await;
            rpc.stop();
            ("rpc", Ok(()))
        });
        Ok(tx)
    }
}
