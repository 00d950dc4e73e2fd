//! `janus`: the operator's node. `janus node` follows L1 and derives the L2 state (validator);
//! with a signer it also challenges wrong batches, finalizes, reports silent leaders and proves
//! (policy `--prove`); with `--sequence` and `--operator` it produces L2 blocks with soft
//! confirmations, serves the L2 JSON-RPC and posts batches while its operator leads. Every role
//! runs on one tokio runtime and stops on SIGTERM / Ctrl-C through one cancellation token.

use std::sync::Arc;
use std::time::Duration;

use alloy::providers::{Provider, RootProvider};
use alloy::signers::local::PrivateKeySigner;
use clap::Parser;
use eyre::{eyre, WrapErr};
use janus_keeper::challenger::finalizer::{Finalizer, FinalizerConfig};
use janus_keeper::challenger::reporter::LivenessReporter;
use janus_keeper::challenger::{Challenger, ChallengerConfig};
use janus_keeper::config::{init_tracing, Cli, Command, Deployment, NodeArgs};
use janus_keeper::derive::{News, Pipeline};
use janus_keeper::l1::{bindings::Rollup, L1Watcher};
use janus_keeper::ops::{self, http::OpsServer, Health};
use janus_keeper::prover::{ProveJob, ProverClient, ProverClientConfig};
use janus_keeper::rpc::RpcServer;
use janus_keeper::sequencer::{
    Batcher, Core, DerivedTip, LeaderView, Sequencer, SequencerConfig, SequencerHandle,
    SequencerInput, SoftConfirmer,
};
use janus_keeper::store::Store;
use janus_keeper::txmgr::TxManager;
use janus_l2::tx::message::L1Message;
use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

type Tasks = JoinSet<(&'static str, eyre::Result<()>)>;

#[tokio::main]
async fn main() -> eyre::Result<()> {
    // A missing .env is fine; a malformed one is reported.
    if let Err(e) = dotenvy::dotenv() {
        if !e.not_found() {
            return Err(e).wrap_err("reading .env");
        }
    }
    let cli = Cli::parse();
    init_tracing(&cli.log)?;
    match cli.command {
        Command::Node(args) => node(args).await,
    }
}

fn spawn<F, E>(tasks: &mut Tasks, name: &'static str, f: F)
where
    F: std::future::Future<Output = Result<(), E>> + Send + 'static,
    E: Into<eyre::Report>,
{
    tasks.spawn(async move { (name, f.await.map_err(Into::into)) });
}

/// Channels from derivation to the roles it feeds.
struct Feeds {
    challenger: Option<mpsc::Sender<janus_keeper::derive::DerivedBatch>>,
    prover: Option<mpsc::Sender<ProveJob>>,
    sequencer: Option<mpsc::Sender<SequencerInput>>,
}

async fn node(args: NodeArgs) -> eyre::Result<()> {
    let contracts = args.contracts()?;
    let deployment: Option<Deployment> = args.read_deployment().ok();
    let url = args.l1_url()?;
    let provider = RootProvider::new_http(url);
    std::fs::create_dir_all(&args.data_dir).wrap_err("creating the data dir")?;
    let store = Store::open(args.data_dir.join("janus.redb"))?;
    let cancel = CancellationToken::new();
    let health = Health::new(Duration::from_millis(args.poll_ms * 10 + 30_000));
    let metrics = ops::metrics::install()?;
    let mut tasks = Tasks::new();

    let ops_server = OpsServer::bind(args.ops_addr, Some(metrics), health.clone()).await?;
    tracing::info!(target: "janus", addr = %ops_server.local_addr()?, "ops endpoint (/metrics, /health)");
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
        .map(|k| k.trim().parse().map_err(|e| eyre!("--signer-key: {e}")))
        .transpose()?;
    let mut feeds = Feeds {
        challenger: None,
        prover: None,
        sequencer: None,
    };

    if let Some(signer) = signer {
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
        spawn(&mut tasks, "txmgr-metrics", {
            let (t, c) = (txmgr.clone(), cancel.clone());
            async move {
                loop {
                    ops::metrics::record_txmgr(t.metrics(), t.next_nonce().await);
                    tokio::select! {
                        _ = c.cancelled() => return Ok::<(), eyre::Report>(()),
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
                ..ChallengerConfig::default()
            },
        )?;
        let (tx, rx) = mpsc::channel(256);
        feeds.challenger = Some(tx);
        spawn(&mut tasks, "challenger", challenger.run(rx, cancel.clone()));

        let finalizer = Finalizer::new(
            provider.clone(),
            contracts.rollup,
            txmgr.clone(),
            FinalizerConfig {
                enabled: !args.no_finalize,
                ..FinalizerConfig::default()
            },
        );
        spawn(&mut tasks, "finalizer", finalizer.run(cancel.clone()));

        if let (false, Some(d)) = (args.no_liveness_reports, &deployment) {
            let reporter = LivenessReporter::new(
                provider.clone(),
                d.sequencer_set,
                txmgr.clone(),
                args.operator,
                Duration::from_millis(args.poll_ms.max(1_000)),
            );
            spawn(&mut tasks, "liveness", reporter.run(cancel.clone()));
        }

        if args.prove != "none" {
            let prover = Arc::new(
                janus_prover::prover::batch::BatchProver::with_chain_id(
                    args.prover_slots,
                    args.l2_chain_id,
                )
                .map_err(|e| eyre!("building the batch circuit: {e}"))?,
            );
            let client = ProverClient::new(
                provider.clone(),
                contracts.rollup,
                prover,
                txmgr.clone(),
                ProverClientConfig {
                    own_operators: args.operator.into_iter().collect(),
                    bounty: args.prove == "bounty",
                },
            );
            let (tx, rx) = mpsc::channel(64);
            feeds.prover = Some(tx);
            spawn(&mut tasks, "prover", client.run(rx, cancel.clone()));
        }

        if args.sequence {
            let d = deployment.as_ref().ok_or_else(|| {
                eyre!("--sequence needs the deployment file (sequencer set, staking, slasher)")
            })?;
            let operator = args
                .operator
                .ok_or_else(|| eyre!("--sequence needs --operator"))?;
            let slasher = d
                .equivocation_slasher
                .ok_or_else(|| eyre!("the deployment file has no equivocationSlasher"))?;
            let cfg = SequencerConfig {
                l2_chain_id: args.l2_chain_id,
                block_interval: Duration::from_millis(args.block_ms.max(1)),
                fee_account: args.fee_account,
                batch_interval: Duration::from_secs(args.batch_secs.max(1)),
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
            let rpc = RpcServer::start(args.rpc_addr, handle.clone()).await?;
            tracing::info!(target: "janus", url = %rpc.url(), "L2 JSON-RPC");
            let batcher = Batcher::new(provider.clone(), contracts.rollup, txmgr.clone());
            let (tx, rx) = mpsc::channel(1024);
            feeds.sequencer = Some(tx.clone());
            spawn(
                &mut tasks,
                "sequencer",
                Sequencer::new(handle, Some(batcher), cfg).run(rx, cancel.clone()),
            );
            spawn(
                &mut tasks,
                "leader-schedule",
                leader_schedule(
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
        }
    } else {
        tracing::info!(target: "janus", "no --signer-key: validator mode (follow and derive only)");
    }

    let (tx, rx) = mpsc::channel(64);
    let watcher =
        L1Watcher::new(provider.clone(), contracts, args.watcher()).with_health(health.clone());
    spawn(&mut tasks, "l1-watcher", watcher.run(tx, cancel.clone()));
    let derive_task = tokio::spawn(derive_loop(
        pipeline,
        rx,
        feeds,
        health.clone(),
        cancel.clone(),
    ));

    let stop = cancel.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!(target: "janus", "shutdown requested: draining");
        stop.cancel();
    });

    // The first role to fail stops the node (the others drain on the token).
    let mut failure = None;
    while let Some(joined) = tasks.join_next().await {
        let (name, res) = joined.wrap_err("role task panicked")?;
        if let Err(e) = res {
            tracing::error!(target: "janus", role = name, error = %e, "role failed; stopping the node");
            health.role_failed();
            failure.get_or_insert(e.wrap_err(format!("role {name}")));
            cancel.cancel();
        }
    }
    cancel.cancel();
    let p = derive_task.await.wrap_err("derivation task")??;
    tracing::info!(target: "janus", root = %p.derivation.state_root(), tip = p.derivation.tip().id, "stopped");
    failure.map_or(Ok(()), Err)
}

/// Derivation: apply each watcher event, then feed the roles what it brought.
async fn derive_loop(
    mut pipeline: Pipeline<RootProvider>,
    mut events: mpsc::Receiver<janus_keeper::l1::L1Event>,
    feeds: Feeds,
    health: Health,
    cancel: CancellationToken,
) -> eyre::Result<Pipeline<RootProvider>> {
    loop {
        let ev = tokio::select! {
            ev = events.recv() => match ev { Some(ev) => ev, None => return Ok(pipeline) },
            _ = cancel.cancelled() => return Ok(pipeline),
        };
        if !pipeline.handle_retrying(&ev, &cancel).await? {
            return Ok(pipeline);
        }
        let news = pipeline.take_news();
        let tip = pipeline.derivation.tip().id;
        health.derived_tip(tip);
        ::metrics::gauge!(ops::metrics::DERIVED_BATCHES)
            .set(pipeline.derivation.canonical().len().saturating_sub(1) as f64);
        for n in &news {
            match n {
                News::Submitted(id) | News::Challenged(id) => {
                    let Some(b) = pipeline.derivation.batch(*id).cloned() else {
                        continue;
                    };
                    if let (News::Submitted(_), Some(tx)) = (n, &feeds.challenger) {
                        tx.send(b.clone()).await.ok();
                    }
                    let pre = pipeline
                        .derivation
                        .batch(b.parent_id)
                        .and_then(|p| p.state.clone());
                    if let (Some(tx), Some(pre_state), Some(data)) =
                        (&feeds.prover, pre, pipeline.batch_data(*id))
                    {
                        let job = ProveJob {
                            batch_id: *id,
                            pre_state,
                            data: data.to_vec(),
                        };
                        // A busy prover skips the job; the challenge event brings it back.
                        if tx.try_send(job).is_err() {
                            tracing::warn!(target: "janus", batch = id, "prover busy; job skipped");
                        }
                    }
                }
                News::Message(record) => {
                    if let Some(tx) = &feeds.sequencer {
                        match L1Message::decode(record) {
                            Ok(m) => {
                                tx.send(SequencerInput::Message(m)).await.ok();
                            }
                            Err(e) => {
                                tracing::error!(target: "janus", error = %e, "undecodable L1 message record")
                            }
                        }
                    }
                }
                News::Rollback => {}
            }
        }
        if let (Some(tx), false) = (&feeds.sequencer, news.is_empty()) {
            tx.send(SequencerInput::Derived(DerivedTip::of(
                &pipeline.derivation,
            )))
            .await
            .ok();
        }
    }
}

/// Send the leader schedule at every new L1 head to the sequencer.
async fn leader_schedule(
    provider: RootProvider,
    view: LeaderView<RootProvider>,
    out: mpsc::Sender<SequencerInput>,
    every: Duration,
    cancel: CancellationToken,
) -> eyre::Result<()> {
    let mut last = None;
    loop {
        match provider.get_block_number().await {
            Ok(head) if last != Some(head) => match view.at(head + 1).await {
                Ok(info) => {
                    last = Some(head);
                    if out.send(SequencerInput::Leader(info)).await.is_err() {
                        return Ok(());
                    }
                }
                Err(e) => tracing::warn!(target: "janus", error = %e, "reading the leader"),
            },
            Ok(_) => {}
            Err(e) => tracing::warn!(target: "janus", error = %e, "reading the L1 head"),
        }
        tokio::select! {
            _ = cancel.cancelled() => return Ok(()),
            _ = tokio::time::sleep(every) => {}
        }
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {}
                    _ = tokio::signal::ctrl_c() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
