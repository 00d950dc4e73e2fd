//! `janus node`'s flags ([`NodeArgs`], each also read from a `JANUS_…` environment variable) and
//! every role's settings derived from them: the one place where a flag becomes a setting.

use std::path::PathBuf;
use std::time::Duration;

use alloy::primitives::Address;
use alloy::signers::local::PrivateKeySigner;
use clap::{Args, ValueEnum};

use super::{read_deployment, ConfigError, Deployment, FollowArgs};
use crate::challenger::finalizer::FinalizerConfig;
use crate::challenger::ChallengerConfig;
use crate::l1::{Contracts, WatcherConfig};
use crate::prover::{ProverCacheArgs, ProverClientConfig};
use crate::sequencer::SequencerConfig;
use crate::txmgr::TxManagerConfig;

/// Flags of `janus node`.
#[derive(Debug, Clone, Args)]
pub struct NodeArgs {
    /// How the node follows L1.
    #[command(flatten)]
    pub follow: FollowArgs,
    /// Directory of the node's store.
    #[arg(long, env = "JANUS_DATA_DIR", default_value = ".janus")]
    pub data_dir: PathBuf,
    /// Largest eth_getLogs range.
    #[arg(long, env = "JANUS_LOG_RANGE", default_value_t = 1_000)]
    pub log_range: u64,
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
    /// next one, so the last batch is mined in time (docs/keeper-rpc.md, "Closing").
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
    #[arg(long, env = "JANUS_PROVE", value_enum, default_value_t = ProvePolicy::Defend)]
    pub prove: ProvePolicy,
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
    pub prover_cache: ProverCacheArgs,
}

/// What a node proves (`--prove`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProvePolicy {
    /// Nothing: the prover role does not run.
    None,
    /// The challenged batches of `--operator` (a defence against a wrong challenge).
    Defend,
    /// Every challenged batch, and the pending ones a bounty pays for.
    Bounty,
}

impl ProvePolicy {
    /// A parser of the policies of a node whose purpose is proving (`janus prover`, the devnet's
    /// proving node): `defend` or `bounty`, never `none`.
    pub fn proving_parser() -> impl clap::builder::TypedValueParser<Value = Self> {
        use clap::builder::TypedValueParser;
        clap::builder::PossibleValuesParser::new(["defend", "bounty"]).map(|s| match s.as_str() {
            "defend" => Self::Defend,
            _ => Self::Bounty,
        })
    }
}

impl NodeArgs {
    /// The contracts to follow: flags first, the deployment file for what they leave out.
    pub fn contracts(&self) -> Result<Contracts, ConfigError> {
        self.follow.l1.contracts()
    }

    /// The L1 RPC URL (http only, see [`parse_l1_url`]).
    pub fn l1_url(&self) -> Result<alloy::transports::http::reqwest::Url, ConfigError> {
        self.follow.l1.l1_url()
    }

    /// Parse the deployment file.
    pub fn read_deployment(&self) -> Result<Deployment, ConfigError> {
        read_deployment(&self.follow.l1.deployment)
    }

    /// Watcher settings.
    pub fn watcher(&self) -> WatcherConfig {
        WatcherConfig {
            confirmations: self.follow.confirmations,
            max_range: self.log_range.max(1),
            start_block: self.follow.start_block,
            poll_interval: Duration::from_millis(self.follow.poll_ms),
            ..Default::default()
        }
    }

    /// Transaction manager settings.
    pub fn txmgr(&self) -> TxManagerConfig {
        TxManagerConfig {
            poll_interval: Duration::from_millis(self.follow.poll_ms),
            bump_after: Duration::from_secs(self.fee_bump_secs),
            bump_percent: self.fee_bump_percent,
            ..Default::default()
        }
    }

    /// How long without L1 progress before `/health` reports the node stuck.
    pub fn health_timeout(&self) -> Duration {
        Duration::from_millis(self.follow.poll_ms * 10 + 30_000)
    }

    /// The operator's L1 signer (`--signer-key`), if any.
    pub fn signer(&self) -> Result<Option<PrivateKeySigner>, ConfigError> {
        self.signer_key
            .as_deref()
            .map(|k| {
                k.trim().parse().map_err(|e| ConfigError::Flag {
                    flag: "--signer-key",
                    why: format!("{e}"),
                })
            })
            .transpose()
    }

    /// How soon the challenger and the finalizer try a failed step again (they step at every new
    /// L1 head; a few L1 polls: they act on windows of minutes).
    fn checker_retry(&self) -> Duration {
        Duration::from_millis((self.follow.poll_ms * 6).clamp(500, 12_000))
    }

    /// Challenger settings.
    pub fn challenger(&self) -> ChallengerConfig {
        ChallengerConfig {
            challenge: !self.no_challenge,
            retry_interval: self.checker_retry(),
            ..ChallengerConfig::default()
        }
    }

    /// Finalizer settings.
    pub fn finalizer(&self) -> FinalizerConfig {
        FinalizerConfig {
            enabled: !self.no_finalize,
            retry_interval: self.checker_retry(),
            ..FinalizerConfig::default()
        }
    }

    /// The liveness reporter's poll interval (`None`: `--no-liveness-reports`).
    pub fn liveness_poll(&self) -> Option<Duration> {
        (!self.no_liveness_reports).then(|| Duration::from_millis(self.follow.poll_ms.max(1_000)))
    }

    /// Prover client settings (`None`: `--prove none`).
    pub fn prover_client(&self) -> Option<ProverClientConfig> {
        (self.prove != ProvePolicy::None).then(|| ProverClientConfig {
            own_operators: self.operator.into_iter().collect(),
            bounty: self.prove == ProvePolicy::Bounty,
            prove_estimate: Duration::from_secs(self.prove_estimate_secs),
        })
    }

    /// Sequencer settings.
    pub fn sequencer(&self) -> SequencerConfig {
        SequencerConfig {
            l2_chain_id: self.follow.l2_chain_id,
            block_interval: Duration::from_millis(self.block_ms.max(1)),
            fee_account: self.fee_account,
            batch_interval: Duration::from_secs(self.batch_secs.max(1)),
            epoch_margin_blocks: self.epoch_margin_blocks,
            ..SequencerConfig::default()
        }
    }

    /// How often the leader schedule is read.
    pub fn leader_poll(&self) -> Duration {
        Duration::from_millis(self.follow.poll_ms)
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    #[derive(Parser)]
    struct Flags {
        #[command(flatten)]
        node: NodeArgs,
    }

    fn parse(extra: &[&str]) -> NodeArgs {
        let mut argv = vec!["janus"];
        argv.extend_from_slice(extra);
        Flags::try_parse_from(argv).expect("parses").node
    }

    #[test]
    fn every_role_setting_comes_from_its_flags() {
        let op: Address = "0x0000000000000000000000000000000000000001"
            .parse()
            .expect("address");
        let defaults = parse(&[]);
        assert_eq!(defaults.prove, ProvePolicy::Defend);
        let defend = defaults.prover_client().expect("defend proves");
        assert!(!defend.bounty && defend.own_operators.is_empty());
        assert!(defaults.challenger().challenge && defaults.finalizer().enabled);
        assert_eq!(defaults.liveness_poll(), Some(Duration::from_secs(2)));

        let bounty = parse(&["--prove", "bounty", "--operator", &op.to_string()]);
        let cfg = bounty.prover_client().expect("bounty proves");
        assert!(cfg.bounty && cfg.own_operators.contains(&op));
        assert!(parse(&["--prove", "none"]).prover_client().is_none());
        assert!(Flags::try_parse_from(["janus", "--prove", "sometimes"]).is_err());

        let quiet = parse(&[
            "--no-challenge",
            "--no-finalize",
            "--no-liveness-reports",
            "--poll-ms",
            "100",
        ]);
        assert!(!quiet.challenger().challenge && !quiet.finalizer().enabled);
        assert_eq!(quiet.liveness_poll(), None);
        // The checkers retry a failed step after a few L1 polls, within bounds.
        assert_eq!(
            quiet.challenger().retry_interval,
            Duration::from_millis(600)
        );
        let slow = parse(&["--poll-ms", "100000"]);
        assert_eq!(slow.finalizer().retry_interval, Duration::from_secs(12));

        let seq = parse(&["--block-ms", "0", "--batch-secs", "7", "--fee-account", "3"]);
        let s = seq.sequencer();
        assert_eq!(
            s.block_interval,
            Duration::from_millis(1),
            "never a zero slot"
        );
        assert_eq!(
            (s.batch_interval, s.fee_account),
            (Duration::from_secs(7), 3)
        );

        assert!(defaults.signer().expect("no key").is_none());
        let key = "0x0000000000000000000000000000000000000000000000000000000000000001";
        let padded = format!(" {key}\n");
        assert!(parse(&["--signer-key", &padded])
            .signer()
            .expect("key")
            .is_some());
        assert!(matches!(
            parse(&["--signer-key", "nope"]).signer(),
            Err(ConfigError::Flag {
                flag: "--signer-key",
                ..
            })
        ));
    }
}
