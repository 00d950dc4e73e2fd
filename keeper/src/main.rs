//! `janus`: the operator's node. Today: `janus node` follows L1 and derives the L2 state
//! (validator mode); the sequencer, challenger and prover client land next (issue 4).

use clap::Parser;
use eyre::WrapErr;
use janus_keeper::config::{init_tracing, Cli, Command, NodeArgs};
use janus_keeper::derive::Pipeline;
use janus_keeper::l1::{bindings::Rollup, L1Watcher};
use janus_keeper::store::Store;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;

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

async fn node(args: NodeArgs) -> eyre::Result<()> {
    let contracts = args.contracts()?;
    let url = args.l1_url()?;
    let provider = alloy::providers::RootProvider::new_http(url);
    std::fs::create_dir_all(&args.data_dir).wrap_err("creating the data dir")?;
    let _store = Store::open(args.data_dir.join("janus.redb"))?;

    let cancel = CancellationToken::new();
    let pipeline = Pipeline::new(provider.clone(), args.l2_chain_id);
    let genesis = Rollup::new(contracts.rollup, provider.clone())
        .getBatch(0)
        .call()
        .await;
    match genesis {
        Ok(b) => pipeline.derivation.check_genesis(b.stateRoot)?,
        Err(e) => {
            tracing::warn!(target: "janus", error = %e, "could not read the genesis batch; continuing")
        }
    }

    let (tx, rx) = mpsc::channel(64);
    let watcher = tokio::spawn(
        L1Watcher::new(provider.clone(), contracts, args.watcher()).run(tx, cancel.clone()),
    );
    let derive = tokio::spawn(pipeline.run(rx, cancel.clone()));

    let stop = cancel.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!(target: "janus", "shutdown requested");
        stop.cancel();
    });

    watcher.await.wrap_err("watcher task")??;
    let p = derive.await.wrap_err("derivation task")??;
    tracing::info!(target: "janus", root = %p.derivation.state_root(), tip = p.derivation.tip().id, "stopped");
    Ok(())
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
