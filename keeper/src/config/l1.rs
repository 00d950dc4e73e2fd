//! Where the suite is: the L1 RPC URL and the contracts' addresses, from flags ([`L1Args`], shared
//! by `janus node`, `janus prover` and `janus escape`) or the deployment file ([`Deployment`]).

use std::path::PathBuf;

use alloy::primitives::Address;
use clap::Args;
use serde::Deserialize;

use super::{ConfigError, UrlProblem};
use crate::l1::Contracts;

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

/// How a node follows L1 and which L2 it derives: the flags `janus node` and `janus prover`
/// share (same names, defaults and variables).
#[derive(Debug, Clone, Args)]
pub struct FollowArgs {
    /// Where the suite is.
    #[command(flatten)]
    pub l1: L1Args,
    /// L2 chain id (covered by L2 signatures).
    #[arg(long, env = "JANUS_L2_CHAIN_ID", default_value_t = janus_l2::DEFAULT_CHAIN_ID)]
    pub l2_chain_id: u64,
    /// Follow L1 this many blocks behind the head.
    #[arg(long, env = "JANUS_CONFIRMATIONS", default_value_t = 2)]
    pub confirmations: u64,
    /// First L1 block to read (the deployment block).
    #[arg(long, env = "JANUS_START_BLOCK", default_value_t = 0)]
    pub start_block: u64,
    /// L1 poll interval in milliseconds.
    #[arg(long, env = "JANUS_POLL_MS", default_value_t = 2_000)]
    pub poll_ms: u64,
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
    let err = |why: UrlProblem| ConfigError::Url {
        url: l1_rpc.to_string(),
        why,
    };
    let url = l1_rpc
        .parse::<alloy::transports::http::reqwest::Url>()
        .map_err(|e| err(UrlProblem::Parse(e)))?;
    if url.scheme() != "http" {
        return Err(err(UrlProblem::Scheme(url.scheme().to_string())));
    }
    Ok(url)
}
