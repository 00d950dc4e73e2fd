//! Command-line configuration: every flag also reads a `JANUS_…` environment variable (and a
//! `.env` file through dotenvy, loaded by `main` before parsing), plus the tracing setup.

use std::path::PathBuf;
use std::time::Duration;

use alloy::primitives::Address;
use clap::{Args, Parser, Subcommand};
use serde::Deserialize;

use crate::l1::{Contracts, WatcherConfig};
use crate::txmgr::TxManagerConfig;

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
    Devnet(crate::devnet::DevnetArgs),
    /// Post a batch with its validity proof through the escape hatch (when every sequencer is
    /// gone): derive the L2 state from L1, include the queued L1 messages and the given signed
    /// transactions, prove, finalize what can be, submit; prints a one-line JSON outcome.
    Escape(crate::escape::EscapeArgs),
    /// A prover node anyone can run, with no stake: follow L1, prove challenged batches and
    /// the pending ones a bounty pays for, submit the proofs (`janus node` with only the prover
    /// role).
    Prover(crate::prover::ProverArgs),
}

/// Flags of `janus node`.
#[derive(Debug, Clone, Args)]
pub struct NodeArgs {
    /// Where the suite is.
    #[command(flatten)]
    pub l1: L1Args,
    /// Directory of the node's store.
    #[arg(long, env = "JANUS_DATA_DIR", default_value = ".janus")]
    pub data_dir: PathBuf,
    /// L2 chain id (covered by L2 signatures).
    #[arg(long, env = "JANUS_L2_CHAIN_ID", default_value_t = janus_l2::DEFAULT_CHAIN_ID)]
    pub l2_chain_id: u64,
    /// Follow L1 this many blocks behind the head.
    #[arg(long, env = "JANUS_CONFIRMATIONS", default_value_t = 2)]
    pub confirmations: u64,
    /// First L1 block to read (the deployment block).
    #[arg(long, env = "JANUS_START_BLOCK", default_value_t = 0)]
    pub start_block: u64,
    /// Largest eth_getLogs range.
    #[arg(long, env = "JANUS_LOG_RANGE", default_value_t = 1_000)]
    pub log_range: u64,
    /// L1 poll interval in milliseconds.
    #[arg(long, env = "JANUS_POLL_MS", default_value_t = 2_000)]
    pub poll_ms: u64,
    /// Seconds without a receipt before an L1 transaction's fees are bumped.
    #[arg(long, env = "JANUS_FEE_BUMP_SECS", default_value_t = 36)]
    pub fee_bump_secs: u64,
    /// Fee increase of a replacement, percent (at least 10).
    #[arg(long, env = "JANUS_FEE_BUMP_PERCENT", default_value_t = 15, value_parser = clap::value_parser!(u64).range(10..))]
    pub fee_bump_percent: u64,
    /// Hex private key of the operator's L1 signer (batches, soft confirmations, challenges).
    /// Without it the node only follows L1 and validates.
    #[arg(long, env = "JANUS_SIGNER_KEY", hide_env_values = true)]
    pub signer_key: Option<String>,
    /// The operator this node runs (its leadership turns on block production and posting).
    #[arg(long, env = "JANUS_OPERATOR")]
    pub operator: Option<Address>,
    /// Produce L2 blocks and post batches while the operator leads (needs the signer).
    #[arg(long, env = "JANUS_SEQUENCE", default_value_t = false)]
    pub sequence: bool,
    /// The operator's L2 account, credited with the fees of its batches.
    #[arg(long, env = "JANUS_FEE_ACCOUNT", default_value_t = 0)]
    pub fee_account: u32,
    /// L2 block interval (slot length) in milliseconds.
    #[arg(long, env = "JANUS_BLOCK_MS", default_value_t = 250)]
    pub block_ms: u64,
    /// Post the unposted blocks once the oldest is this many seconds old.
    #[arg(long, env = "JANUS_BATCH_SECS", default_value_t = 60)]
    pub batch_secs: u64,
    /// Stop producing this many L1 blocks before the epoch ends when another operator leads the
    /// next one, so the last batch is mined in time (docs/keeper.md).
    #[arg(long, env = "JANUS_EPOCH_MARGIN_BLOCKS", default_value_t = 4)]
    pub epoch_margin_blocks: u64,
    /// L2 JSON-RPC listen address (with `--sequence`).
    #[arg(long, env = "JANUS_RPC_ADDR", default_value = "127.0.0.1:8645")]
    pub rpc_addr: std::net::SocketAddr,
    /// `/metrics` + `/health` listen address.
    #[arg(long, env = "JANUS_OPS_ADDR", default_value = "127.0.0.1:9645")]
    pub ops_addr: std::net::SocketAddr,
    /// Do not challenge wrong batches (only record and warn).
    #[arg(long, env = "JANUS_NO_CHALLENGE", default_value_t = false)]
    pub no_challenge: bool,
    /// Do not send `finalizeBatch` for batches past their window.
    #[arg(long, env = "JANUS_NO_FINALIZE", default_value_t = false)]
    pub no_finalize: bool,
    /// Do not report silent leaders.
    #[arg(long, env = "JANUS_NO_LIVENESS_REPORTS", default_value_t = false)]
    pub no_liveness_reports: bool,
    /// Proving policy: `none`, `defend` (our challenged batches) or `bounty` (also others').
    #[arg(long, env = "JANUS_PROVE", default_value = "defend", value_parser = ["none", "defend", "bounty"])]
    pub prove: String,
    /// Slots of the batch circuit the prover client builds, or of each segment with
    /// `--prover-depth` ≥ 1 (batches of up to slots·2^depth records); the generated verifier's.
    #[arg(long, env = "JANUS_PROVER_SLOTS", default_value_t = janus_prover::verifier::generate::VERIFIER_SHAPE.slots)]
    pub prover_slots: usize,
    /// Expected seconds to prove and wrap a batch until the prover has measured it: with
    /// `bounty`, a pending batch is proven only if its challenge window stays open this long.
    #[arg(long, env = "JANUS_PROVE_ESTIMATE_SECS", default_value_t = 120)]
    pub prove_estimate_secs: u64,
    /// Where the prover's circuits are kept between runs.
    #[command(flatten)]
    pub prover_cache: crate::prover::ProverCacheArgs,
}

/// Where the suite is: the L1 RPC and the contracts (flattened into the flags of `janus escape`;
/// the same flags, with the same defaults and variables, as `janus node`'s).
#[derive(Debug, Clone, Args)]
pub struct L1Args {
    /// L1 JSON-RPC URL.
    #[arg(long, env = "JANUS_L1_RPC", default_value = "http://127.0.0.1:8545")]
    pub l1_rpc: String,
    /// Deployment file written by script/Deploy.s.sol (addresses of the suite).
    #[arg(
        long,
        env = "JANUS_DEPLOYMENT",
        default_value = "deployments/devnet.json"
    )]
    pub deployment: PathBuf,
    /// Rollup address (overrides the deployment file).
    #[arg(long, env = "JANUS_ROLLUP")]
    pub rollup: Option<Address>,
    /// Bridge address (overrides the deployment file).
    #[arg(long, env = "JANUS_BRIDGE")]
    pub bridge: Option<Address>,
}

impl L1Args {
    /// The contracts: flags first, the deployment file for what they leave out.
    pub fn contracts(&self) -> Result<Contracts, ConfigError> {
        contracts_from(self.rollup, self.bridge, &self.deployment)
    }

    /// The L1 RPC URL (http only, see [`parse_l1_url`]).
    pub fn l1_url(&self) -> Result<alloy::transports::http::reqwest::Url, ConfigError> {
        parse_l1_url(&self.l1_rpc)
    }
}

/// Addresses in `deployments/<name>.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deployment {
    /// Rollup.
    pub rollup: Address,
    /// Bridge.
    pub bridge: Address,
    /// Sequencer set.
    pub sequencer_set: Address,
    /// Staking.
    pub staking: Address,
    /// L1 chain id.
    pub chain_id: u64,
    /// Equivocation slasher (the EIP-712 verifying contract of soft confirmations).
    #[serde(default)]
    pub equivocation_slasher: Option<Address>,
}

/// A configuration problem.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The deployment file could not be read.
    #[error("reading {path}: {source}")]
    Read {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The deployment file is not the expected JSON.
    #[error("parsing {path}: {source}")]
    Parse {
        /// File.
        path: PathBuf,
        /// Cause.
        source: serde_json::Error,
    },
    /// The L1 RPC URL is unusable.
    #[error("--l1-rpc {url}: {why}")]
    Url {
        /// The flag's value.
        url: String,
        /// Why.
        why: String,
    },
    /// The log filter is invalid.
    #[error("log filter: {0}")]
    Log(String),
}

/// The contracts: `rollup` / `bridge` when both are given, the deployment file for what they
/// leave out (shared by `janus node` and `janus escape`).
pub fn contracts_from(
    rollup: Option<Address>,
    bridge: Option<Address>,
    deployment: &std::path::Path,
) -> Result<Contracts, ConfigError> {
    if let (Some(rollup), Some(bridge)) = (rollup, bridge) {
        return Ok(Contracts { rollup, bridge });
    }
    let d = read_deployment(deployment)?;
    Ok(Contracts {
        rollup: rollup.unwrap_or(d.rollup),
        bridge: bridge.unwrap_or(d.bridge),
    })
}

/// Parse a deployment file.
pub fn read_deployment(path: &std::path::Path) -> Result<Deployment, ConfigError> {
    let path = path.to_path_buf();
    let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
        path: path.clone(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| ConfigError::Parse { path, source })
}

/// An L1 RPC URL. Only `http` for now: the build leaves TLS out to keep alloy lean, and an
/// `https` URL would otherwise fail on every request while looking like an outage.
pub fn parse_l1_url(l1_rpc: &str) -> Result<alloy::transports::http::reqwest::Url, ConfigError> {
    let err = |why: String| ConfigError::Url {
        url: l1_rpc.to_string(),
        why,
    };
    let url = l1_rpc
        .parse::<alloy::transports::http::reqwest::Url>()
        .map_err(|e| err(e.to_string()))?;
    if url.scheme() != "http" {
        return Err(err(format!(
            "scheme {} is not supported (http only; TLS is not built in yet)",
            url.scheme()
        )));
    }
    Ok(url)
}

impl NodeArgs {
    /// The contracts to follow: flags first, the deployment file for what they leave out.
    pub fn contracts(&self) -> Result<Contracts, ConfigError> {
        self.l1.contracts()
    }

    /// The L1 RPC URL (http only, see [`parse_l1_url`]).
    pub fn l1_url(&self) -> Result<alloy::transports::http::reqwest::Url, ConfigError> {
        self.l1.l1_url()
    }

    /// Parse the deployment file.
    pub fn read_deployment(&self) -> Result<Deployment, ConfigError> {
        read_deployment(&self.l1.deployment)
    }

    /// Watcher settings.
    pub fn watcher(&self) -> WatcherConfig {
        WatcherConfig {
            confirmations: self.confirmations,
            max_range: self.log_range.max(1),
            start_block: self.start_block,
            poll_interval: Duration::from_millis(self.poll_ms),
            ..Default::default()
        }
    }

    /// Transaction manager settings.
    pub fn txmgr(&self) -> TxManagerConfig {
        TxManagerConfig {
            poll_interval: Duration::from_millis(self.poll_ms),
            bump_after: Duration::from_secs(self.fee_bump_secs),
            bump_percent: self.fee_bump_percent,
            ..Default::default()
        }
    }
}

/// Install the tracing subscriber (targets shown, so `janus::l1` etc. can be filtered).
pub fn init_tracing(filter: &str) -> Result<(), ConfigError> {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .map_err(|e| ConfigError::Log(e.to_string()))?;
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(true)
        .try_init()
        .map_err(|e| ConfigError::Log(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        tls.l1.l1_rpc = "https://rpc.example".into();
        assert!(matches!(tls.l1_url(), Err(ConfigError::Url { .. })));
        let mut junk = args;
        junk.l1.l1_rpc = "not a url".into();
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
        args.l1.deployment = PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/devnet-deployment.json"
        ));
        let d = args.read_deployment().expect("devnet-deployment.json");
        assert_eq!(d.chain_id, 31337);
        assert_eq!(args.contracts().expect("contracts").bridge, d.bridge);
    }
}
