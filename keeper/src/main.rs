//! `janus`: the operator's node. `janus node` follows L1 and derives the L2 state (validator);
//! with a signer it also challenges wrong batches, finalizes, reports silent leaders and proves
//! (policy `--prove`); with `--sequence` and `--operator` it produces L2 blocks with soft
//! confirmations, serves the L2 JSON-RPC and posts batches while its operator leads (the wiring is
//! `janus_keeper::node::run`). `janus devnet` runs one node per devnet operator, a traffic
//! generator and a live view (`janus_keeper::devnet`). Both stop on SIGTERM / Ctrl-C. `janus escape`
//! posts a proven batch through the escape hatch (`janus_keeper::escape`) and prints its outcome.

use clap::Parser;
use eyre::WrapErr;
use janus_keeper::cli::{init_tracing, Cli, Command};
use janus_keeper::{devnet, escape, node};
use tokio::sync::watch;
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
    let cancel = CancellationToken::new();
    let stop = cancel.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!(target: "janus", "shutdown requested: draining");
        stop.cancel();
    });
    match cli.command {
        Command::Node(args) => {
            let (view, _) = watch::channel(node::NodeView::default());
            node::run(args, cancel, view).await?;
            Ok(())
        }
        Command::Prover(args) => {
            let (view, _) = watch::channel(node::NodeView::default());
            node::run(args.node_args(), cancel, view).await?;
            Ok(())
        }
        Command::Devnet(args) => {
            let report = devnet::run(args, cancel).await?;
            if let Some(report) = report {
                // The last line of output: the scenario's JSON report.
                println!("{}", serde_json::to_string(&report)?);
                if !report.passed() {
                    eyre::bail!(
                        "the scenario did not reach every goal: {}",
                        report.missing().join(", ")
                    );
                }
            }
            Ok(())
        }
        Command::Escape(args) => {
            let outcome = escape::run(args, cancel).await?;
            // The last line of output: the outcome as JSON.
            println!("{}", serde_json::to_string(&outcome)?);
            Ok(())
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
