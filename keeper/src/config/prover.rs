//! `janus prover`: a prover node anyone can run ("proof mining"). It needs no stake and no
//! operator, only an L1 key that pays for `proveBatch`: it follows L1, derives the L2 state, and
//! proves challenged batches (for the challenger's bond) and pending ones a bounty would pay for
//! (docs/keeper-roles.md, "Prover client"). It is `janus node` with the signer and only the
//! prover role: no sequencing, no challenges, no finalization, no liveness reports.

use std::path::PathBuf;

use alloy::primitives::Address;
use clap::Args;

use super::{FollowArgs, NodeArgs, ProvePolicy};
use crate::prover::ProverCacheArgs;

/// Flags of `janus prover`.
#[derive(Debug, Clone, Args)]
pub struct ProverArgs {
    /// How the prover follows L1.
    #[command(flatten)]
    pub follow: FollowArgs,
    /// Hex private key of the prover's L1 account (it sends `proveBatch`, the proofs are bound
    /// to it, and it is credited the rewards).
    #[arg(long, env = "JANUS_SIGNER_KEY", hide_env_values = true)]
    pub signer_key: String,
    /// Directory of the prover's store.
    #[arg(long, env = "JANUS_DATA_DIR", default_value = ".janus-prover")]
    pub data_dir: PathBuf,
    /// Proving policy: `bounty` (challenged batches and paying pending ones) or `defend` (only
    /// `--operator`'s challenged batches).
    #[arg(long, env = "JANUS_PROVE", default_value = "bounty", value_parser = ProvePolicy::proving_parser())]
    pub prove: ProvePolicy,
    /// An operator whose challenged batches are always proven (its own prover).
    #[arg(long, env = "JANUS_OPERATOR")]
    pub operator: Option<Address>,
    /// Slots of the batch circuit, or of each segment (`--prover-depth`): the deployed
    /// verifier's shape (`maxRecords` = slots·2^depth).
    #[arg(long, env = "JANUS_PROVER_SLOTS", default_value_t = janus_prover::verifier::generate::VERIFIER_SHAPE.slots)]
    pub prover_slots: usize,
    /// Expected seconds to prove and wrap a batch until measured (see `janus node`).
    #[arg(long, env = "JANUS_PROVE_ESTIMATE_SECS", default_value_t = 120)]
    pub prove_estimate_secs: u64,
    /// `/metrics` + `/health` listen address (the prover's metrics: `janus_prover_*`).
    #[arg(long, env = "JANUS_OPS_ADDR", default_value = "127.0.0.1:9646")]
    pub ops_addr: std::net::SocketAddr,
    /// Where the circuits are kept between runs.
    #[command(flatten)]
    pub prover_cache: ProverCacheArgs,
}

impl ProverArgs {
    /// The node flags that run only the prover role.
    pub fn node_args(&self) -> NodeArgs {
        NodeArgs {
            follow: self.follow.clone(),
            data_dir: self.data_dir.clone(),
            log_range: 1_000,
            fee_bump_secs: 36,
            fee_bump_percent: 15,
            signer_key: Some(self.signer_key.clone()),
            operator: self.operator,
            sequence: false,
            fee_account: 0,
            block_ms: 250,
            batch_secs: 60,
            epoch_margin_blocks: 4,
            // Unused without `sequence`.
            rpc_addr: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            ops_addr: self.ops_addr,
            no_challenge: true,
            no_finalize: true,
            no_liveness_reports: true,
            prove: self.prove,
            prover_slots: self.prover_slots,
            prove_estimate_secs: self.prove_estimate_secs,
            prover_cache: self.prover_cache.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        p: ProverArgs,
    }

    #[test]
    fn a_prover_node_runs_only_the_prover_role_with_the_bounty_policy() {
        let cli = Cli::try_parse_from(["janus", "--signer-key", "0x01"]).expect("parses");
        let n = cli.p.node_args();
        assert_eq!(n.prove, ProvePolicy::Bounty);
        assert_eq!(n.signer_key.as_deref(), Some("0x01"));
        assert!(!n.sequence && n.no_challenge && n.no_finalize && n.no_liveness_reports);
        assert!(n.operator.is_none(), "no stake, no operator");
        assert!(
            Cli::try_parse_from(["janus"]).is_err(),
            "a prover needs an L1 key"
        );
        assert!(
            Cli::try_parse_from(["janus", "--signer-key", "0x01", "--prove", "none"]).is_err(),
            "a prover that does not prove is a validator: `janus node`"
        );
    }

    #[test]
    fn the_prover_cache_flags_reach_the_node() {
        let parse = |extra: &[&str]| {
            let mut argv = vec!["janus", "--signer-key", "0x01"];
            argv.extend_from_slice(extra);
            Cli::try_parse_from(argv).expect("parses").p.node_args()
        };
        let n = parse(&["--prover-cache", "/var/cache/janus"]);
        let dir = n.prover_cache.cache().map(|c| c.dir().to_path_buf());
        assert_eq!(dir, Some(std::path::PathBuf::from("/var/cache/janus")));
        let n = parse(&["--prover-cache", "/var/cache/janus", "--no-prover-cache"]);
        assert!(n.prover_cache.cache().is_none(), "--no-prover-cache wins");
        // No flag: a per-user folder (HOME is set wherever the tests run).
        let dir = parse(&[])
            .prover_cache
            .cache()
            .map(|c| c.dir().to_path_buf());
        assert!(
            dir.as_ref().is_some_and(|d| d.ends_with("janus/prover")),
            "{dir:?}"
        );
    }
}
