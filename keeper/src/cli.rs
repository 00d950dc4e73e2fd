//! The `janus` command line: its subcommands, the flag they share (`--log`) and the tracing
//! setup. Each subcommand's own flags live with what they configure: [`NodeArgs`] and
//! [`ProverArgs`] in [`crate::config`], [`DevnetArgs`] and [`EscapeArgs`] in their modules;
//! `main.rs` parses this and runs the subcommand.

use clap::{Parser, Subcommand};

use crate::config::{ConfigError, NodeArgs, ProverArgs};
use crate::devnet::DevnetArgs;
use crate::escape::EscapeArgs;

/// `janus`: the Janus operator's node.
#[derive(Debug, Parser)]
#[command(name = "janus", version, about)]
pub struct Cli {
    /// What to run.
    #[command(subcommand)]
    pub command: Command,
    /// Log filter (tracing `EnvFilter` syntax, e.g. `info,janus::l1=debug`).
    #[arg(long, env = "JANUS_LOG", default_value = "info", global = true)]
    pub log: String,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Follow L1 and derive the L2 state (validator mode); with a signer, every operator role.
    Node(NodeArgs),
    /// Run the devnet's nodes (one per operator), a traffic generator and a live view against a
    /// deployed suite; `--scenario full --exit` plays the scripted scenario and prints its report.
    Devnet(DevnetArgs),
    /// Post a batch with its validity proof through the escape hatch (when every sequencer is
    /// gone): derive the L2 state from L1, include the queued L1 messages and the given signed
    /// transactions, prove, finalize what can be, submit; prints a one-line JSON outcome.
    Escape(EscapeArgs),
    /// A prover node anyone can run, with no stake: follow L1, prove challenged batches and
    /// the pending ones a bounty pays for, submit the proofs (`janus node` with only the prover
    /// role).
    Prover(ProverArgs),
}

/// Install the tracing subscriber (targets shown, so `janus::l1` etc. can be filtered).
pub fn init_tracing(filter: &str) -> Result<(), ConfigError> {
    let filter = tracing_subscriber::EnvFilter::try_new(filter).map_err(ConfigError::LogFilter)?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(true)
        .try_init()
        .map_err(ConfigError::LogInit)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use alloy::primitives::Address;

    use super::*;
    use crate::config::ConfigError;

    #[test]
    fn flags_parse_and_reject_small_bumps() {
        let cli = Cli::try_parse_from([
            "janus",
            "node",
            "--confirmations",
            "5",
            "--rollup",
            "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
            "--bridge",
            "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
        ])
        .expect("parse");
        let Command::Node(args) = cli.command else {
            panic!("parsed as another command")
        };
        assert_eq!(args.watcher().confirmations, 5);
        let c = args.contracts().expect("addresses from flags");
        assert_eq!(
            c.rollup,
            "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707"
                .parse::<Address>()
                .expect("addr")
        );
        assert!(Cli::try_parse_from(["janus", "node", "--fee-bump-percent", "5"]).is_err());
        let devnet = Cli::try_parse_from(["janus", "devnet", "--scenario", "full", "--exit"])
            .expect("devnet flags");
        assert!(matches!(devnet.command, Command::Devnet(ref d) if d.exit && d.scenario == "full"));
        assert!(Cli::try_parse_from(["janus", "devnet", "--scenario", "nope"]).is_err());
        assert_eq!(args.l1_url().expect("default url").port(), Some(8545));
        let mut tls = args.clone();
        tls.follow.l1.l1_rpc = "https://rpc.example".into();
        assert!(matches!(tls.l1_url(), Err(ConfigError::Url { .. })));
        let mut junk = args;
        junk.follow.l1.l1_rpc = "not a url".into();
        assert!(matches!(junk.l1_url(), Err(ConfigError::Url { .. })));
    }

    #[test]
    fn committed_devnet_fixture_deployment_parses() {
        let mut args = Cli::try_parse_from(["janus", "node"])
            .ok()
            .and_then(|c| match c.command {
                Command::Node(a) => Some(a),
                _ => None,
            })
            .expect("defaults");
        args.follow.l1.deployment = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/devnet-deployment.json"
        ));
        let d = args.read_deployment().expect("devnet-deployment.json");
        assert_eq!(d.chain_id, 31337);
        assert_eq!(args.contracts().expect("contracts").bridge, d.bridge);
    }
}
