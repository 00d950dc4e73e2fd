//! `janus devnet`: the rollup running on a local L1 that already holds the deployed suite
//! (`script/devnet.sh` starts anvil and runs the deploy scripts first).
//!
//! | module | owns |
//! | --- | --- |
//! | [`view`] | the live view and the counters (L1 events), epoch snapshots, withdrawal relays |
//! | [`traffic`] | L2 users with real keys: deposits, transfers, withdrawals through the L2 RPC |
//! | [`client`] | the L2 JSON-RPC client |
//! | [`scenario`] | the scripted scenario (`--scenario short|full`) and its checks |
//! | [`report`] | the scenario's JSON report |
//! | [`error`] | [`DevnetError`] |
//!
//! [`run`] starts one full node ([`crate::node::run`], the code behind `janus node`) per registered
//! operator, each with its own store under `--dir`, its operator's signer key from the devnet
//! mnemonic, and its L2 RPC on the URL the operator registered on L1 (so forwarding to the leader
//! works as on a real network); then the traffic generator and the live view. Without
//! `--scenario` it runs until Ctrl-C.

pub mod client;
pub mod error;
pub mod report;
pub mod scenario;
pub mod traffic;
pub mod view;

pub use error::DevnetError;
pub use report::Report;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::{Address, U256};
use alloy::providers::{Provider, RootProvider};
use alloy::signers::local::{coins_bip39::English, MnemonicBuilder, PrivateKeySigner};
use clap::Args;
use tokio::sync::watch;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::config::{Deployment, NodeArgs, ProvePolicy};
use crate::error::NodeError;
use crate::l1::bindings::{SequencerSet, Staking};
use crate::node::{self, NodeSummary, NodeView};
use crate::prover::ProverCacheArgs;
use crate::store::Store;
use crate::txmgr::{TxManager, TxManagerConfig};
use error::{failed, l1};
use view::{Counts, SharedCounts};

/// Flags of `janus devnet`.
#[derive(Debug, Clone, Args)]
pub struct DevnetArgs {
    /// L1 JSON-RPC URL (anvil with the suite deployed).
    #[arg(long, env = "JANUS_L1_RPC", default_value = "http://127.0.0.1:8545")]
    pub l1_rpc: String,
    /// Deployment file written by script/Deploy.s.sol.
    #[arg(
        long,
        env = "JANUS_DEPLOYMENT",
        default_value = "deployments/devnet.json"
    )]
    pub deployment: PathBuf,
    /// Where the nodes keep their stores (one folder per operator).
    #[arg(long, env = "JANUS_DEVNET_DIR", default_value = ".devnet")]
    pub dir: PathBuf,
    /// Mnemonic of the devnet accounts (anvil's): 0 deployer, 1-3 operators, 4-6 their signers,
    /// 10+ the L2 users' L1 wallets.
    #[arg(
        long,
        env = "DEVNET_MNEMONIC",
        default_value = "test test test test test test test test test test test junk",
        hide_env_values = true
    )]
    pub mnemonic: String,
    /// Scripted scenario to play (`none`: run until Ctrl-C).
    #[arg(long, env = "JANUS_DEVNET_SCENARIO", default_value = "none", value_parser = ["none", "short", "full"])]
    pub scenario: String,
    /// Exit once the scenario is over (printing its JSON report last); else keep running.
    #[arg(long, default_value_t = false)]
    pub exit: bool,
    /// L2 users of the traffic generator.
    #[arg(long, env = "JANUS_DEVNET_USERS", default_value_t = 4)]
    pub users: usize,
    /// Milliseconds between two generated transactions.
    #[arg(long, env = "JANUS_DEVNET_TX_MS", default_value_t = 400)]
    pub tx_ms: u64,
    /// L2 block interval of the nodes, ms.
    #[arg(long, env = "JANUS_BLOCK_MS", default_value_t = 250)]
    pub block_ms: u64,
    /// Batch interval of the nodes, s.
    #[arg(long, env = "JANUS_BATCH_SECS", default_value_t = 2)]
    pub batch_secs: u64,
    /// The nodes stop producing this many L1 blocks before an epoch that another operator leads
    /// (3 with anvil's 1 s blocks: the last batch is sent at head E-4 and has two blocks to spare).
    #[arg(long, env = "JANUS_EPOCH_MARGIN_BLOCKS", default_value_t = 3)]
    pub epoch_margin_blocks: u64,
    /// L1 polling interval of the nodes, ms.
    #[arg(long, env = "JANUS_POLL_MS", default_value_t = 500)]
    pub poll_ms: u64,
    /// Confirmations the nodes wait for.
    #[arg(long, env = "JANUS_CONFIRMATIONS", default_value_t = 1)]
    pub confirmations: u64,
    /// First port of the nodes' ops endpoints (operator i gets base + i).
    #[arg(long, env = "JANUS_DEVNET_OPS_PORT", default_value_t = 9700)]
    pub ops_port: u16,
    /// Give up on a scenario step after this many seconds.
    #[arg(long, default_value_t = 180)]
    pub step_timeout_secs: u64,
    /// L2 chain id.
    #[arg(long, env = "JANUS_L2_CHAIN_ID", default_value_t = janus_l2::DEFAULT_CHAIN_ID)]
    pub l2_chain_id: u64,
    /// Who proves: `standalone` (a `janus prover` node with its own L1 account, mnemonic account
    /// 27, no stake), an operator's node (`1`-`3`), or `none` (the full scenario's ZK steps are
    /// then skipped). One prover only: its 16-slot circuit makes the devnet process hold about
    /// 4.5 GB, and proving takes every core.
    #[arg(long, env = "JANUS_DEVNET_PROVER", default_value = "standalone", value_parser = ["standalone", "none", "1", "2", "3"])]
    pub prover: String,
    /// The proving node's policy (`janus node --prove`).
    #[arg(long, env = "JANUS_DEVNET_PROVE", default_value = "bounty", value_parser = ProvePolicy::proving_parser())]
    pub prove: ProvePolicy,
    /// Give up on a step that waits on a proof (circuit build, proving, wrapping) after this
    /// many seconds.
    #[arg(long, default_value_t = 600)]
    pub proof_timeout_secs: u64,
    /// Slots of the proving node's circuit, or of each segment (`--prover-depth`): the deployed
    /// verifier's shape (`make verifier`).
    #[arg(long, env = "JANUS_PROVER_SLOTS", default_value_t = janus_prover::verifier::generate::VERIFIER_SHAPE.slots)]
    pub prover_slots: usize,
    /// Where the proving node keeps its circuits between runs (not under `--dir`, which
    /// `make devnet` clears at every start).
    #[command(flatten)]
    pub prover_cache: ProverCacheArgs,
}

impl DevnetArgs {
    /// How the devnet's nodes follow L1 (from block 0: the devnet's L1 starts with the suite).
    pub fn follow(&self) -> crate::config::FollowArgs {
        crate::config::FollowArgs {
            l1: self.l1(),
            l2_chain_id: self.l2_chain_id,
            confirmations: self.confirmations,
            start_block: 0,
            poll_ms: self.poll_ms,
        }
    }

    /// The L1 flags of the nodes it starts (contracts from the deployment file).
    pub fn l1(&self) -> crate::config::L1Args {
        crate::config::L1Args {
            l1_rpc: self.l1_rpc.clone(),
            deployment: self.deployment.clone(),
            rollup: None,
            bridge: None,
        }
    }
}

/// A devnet operator and its node.
pub struct Operator {
    /// 1-based devnet index (mnemonic account of the owner).
    pub index: u32,
    /// Operator (owner) address.
    pub address: Address,
    /// Its signer key (soft confirmations, batches, reports).
    pub signer: PrivateKeySigner,
    /// L2 RPC URL it registered.
    pub rpc_url: String,
    /// Its L2 fee account.
    pub fee_account: u32,
    running: Option<Running>,
}

struct Running {
    cancel: CancellationToken,
    join: JoinHandle<Result<NodeSummary, NodeError>>,
    view: watch::Receiver<NodeView>,
}

impl Operator {
    /// Whether its node runs.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// What its node derived last (None: not running).
    pub fn view(&self) -> Option<NodeView> {
        self.running.as_ref().map(|r| r.view.borrow().clone())
    }

    /// A short label for the live view.
    pub fn label(&self) -> String {
        format!("op{}", self.index)
    }
}

/// The running devnet.
pub struct Devnet {
    /// Flags.
    pub args: DevnetArgs,
    /// L1.
    pub provider: RootProvider,
    /// The suite.
    pub deployment: Deployment,
    /// Operators, in registration order.
    pub operators: Vec<Operator>,
    /// Counters of the live view.
    pub counts: SharedCounts,
    /// Deployer account's manager (snapshots, relays, reports).
    pub keeper: Arc<TxManager<RootProvider>>,
    /// Stops the view and the traffic.
    pub cancel: CancellationToken,
    /// The standalone prover node, when it runs.
    prover_node: Option<Running>,
}

/// Devnet mnemonic account of the standalone prover's L1 key.
pub const PROVER_ACCOUNT: u32 = 27;

/// A transaction manager for `signer` with its own store at `path`, polling every 200 ms (the
/// devnet mines a block per second).
pub async fn tx_manager(
    provider: &RootProvider,
    signer: PrivateKeySigner,
    path: &std::path::Path,
    cancel: CancellationToken,
) -> Result<TxManager<RootProvider>, DevnetError> {
    let store = Store::open(path).map_err(failed(format!("store {}", path.display())))?;
    let cfg = TxManagerConfig {
        poll_interval: Duration::from_millis(200),
        confirmations: 1,
        ..Default::default()
    };
    TxManager::new(provider.clone(), signer, store, cfg, cancel)
        .await
        .map_err(l1("transaction manager"))
}

/// Devnet account `i` of `mnemonic`.
pub fn account(mnemonic: &str, i: u32) -> Result<PrivateKeySigner, DevnetError> {
    MnemonicBuilder::<English>::default()
        .phrase(mnemonic)
        .index(i)
        .and_then(|b| b.build())
        .map_err(failed(format!("mnemonic account {i}")))
}

impl Devnet {
    /// Connect to L1, find the registered operators and set up the deployer's manager.
    pub async fn connect(args: DevnetArgs, cancel: CancellationToken) -> Result<Self, DevnetError> {
        let deployment: Deployment = crate::config::read_deployment(&args.deployment)
            .map_err(failed("the deployment file"))?;
        let url = args.l1_rpc.parse().map_err(failed("--l1-rpc"))?;
        let provider = RootProvider::new_http(url);
        std::fs::create_dir_all(&args.dir)
            .map_err(failed(format!("creating {}", args.dir.display())))?;
        let staking = Staking::new(deployment.staking, &provider);
        let mut operators = Vec::new();
        for index in 1..=3u32 {
            let owner = account(&args.mnemonic, index)?;
            let op = staking
                .getOperator(owner.address())
                .call()
                .await
                .map_err(l1("getOperator"))?;
            if op.signer == Address::ZERO {
                continue;
            }
            let signer = account(&args.mnemonic, index + 3)?;
            if signer.address() != op.signer {
                return Err(DevnetError::Config(format!(
                    "operator {index}'s signer on L1 is {}, not mnemonic account {}",
                    op.signer,
                    index + 3
                )));
            }
            operators.push(Operator {
                index,
                address: owner.address(),
                signer,
                rpc_url: op.metadata,
                fee_account: 0,
                running: None,
            });
        }
        if operators.is_empty() {
            return Err(DevnetError::Config(
                "no devnet operator is registered (run script/DevnetSetup.s.sol)".into(),
            ));
        }
        let keeper = Arc::new(
            tx_manager(
                &provider,
                account(&args.mnemonic, 0)?,
                &args.dir.join("devnet.redb"),
                cancel.clone(),
            )
            .await?,
        );
        Ok(Self {
            args,
            provider,
            deployment,
            operators,
            counts: Arc::new(std::sync::Mutex::new(Counts::default())),
            keeper,
            cancel,
            prover_node: None,
        })
    }

    /// The suite's rollup and bridge.
    pub fn contracts(&self) -> crate::l1::Contracts {
        crate::l1::Contracts {
            rollup: self.deployment.rollup,
            bridge: self.deployment.bridge,
        }
    }

    /// Who proves, for the live view (None: nobody).
    pub fn prover_label(&self) -> Option<String> {
        match self.args.prover.as_str() {
            "none" => None,
            "standalone" => Some("the prover node".into()),
            i => self
                .operators
                .iter()
                .find(|o| o.index.to_string() == i)
                .map(|o| format!("{}'s node", o.label())),
        }
    }

    /// Start the standalone prover node (`janus prover`'s code) when `--prover standalone`.
    pub fn start_prover(&mut self) -> Result<(), DevnetError> {
        if self.args.prover != "standalone" || self.prover_node.is_some() {
            return Ok(());
        }
        let a = &self.args;
        let key = account(&a.mnemonic, PROVER_ACCOUNT)?;
        let args = crate::config::ProverArgs {
            follow: a.follow(),
            signer_key: alloy::hex::encode(key.to_bytes()),
            data_dir: a.dir.join("prover"),
            prove: a.prove,
            operator: None,
            prover_slots: a.prover_slots,
            prove_estimate_secs: 120,
            prover_cache: a.prover_cache.clone(),
            ops_addr: std::net::SocketAddr::from(([127, 0, 0, 1], a.ops_port + 4)),
        };
        let cancel = self.cancel.child_token();
        let (tx, view) = watch::channel(NodeView::default());
        let join = tokio::spawn(node::run(args.node_args(), cancel.clone(), tx));
        self.prover_node = Some(Running { cancel, join, view });
        Ok(())
    }

    /// Labels of the operators for the view.
    pub fn names(&self) -> BTreeMap<Address, String> {
        self.operators
            .iter()
            .map(|o| (o.address, o.label()))
            .collect()
    }

    /// Wait until a sequencer set is in force (mining is anvil's: `--block-time`).
    pub async fn wait_for_leader(&self) -> Result<Address, DevnetError> {
        let set = SequencerSet::new(self.deployment.sequencer_set, &self.provider);
        for _ in 0..(self.args.step_timeout_secs * 4) {
            let head = self.provider.get_block_number().await.map_err(l1("head"))?;
            let leader = set
                .leaderAt(U256::from(head + 1))
                .call()
                .await
                .map_err(l1("leaderAt"))?;
            if leader != Address::ZERO {
                return Ok(leader);
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
        Err(DevnetError::Timeout {
            step: "sequencer set in force",
            secs: self.args.step_timeout_secs,
            detail: "leaderAt is still zero".into(),
        })
    }

    /// Start operator `i`'s node (index into [`Self::operators`]).
    pub fn start_node(&mut self, i: usize) -> Result<(), DevnetError> {
        let a = &self.args;
        let op = &self.operators[i];
        if op.running.is_some() {
            return Ok(());
        }
        let rpc_addr = op
            .rpc_url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .parse()
            .map_err(failed(format!("operator RPC URL {}", op.rpc_url)))?;
        let args = NodeArgs {
            follow: a.follow(),
            data_dir: a.dir.join(format!("node-{}", op.index)),
            log_range: 1_000,
            fee_bump_secs: 12,
            fee_bump_percent: 15,
            signer_key: Some(alloy::hex::encode(op.signer.to_bytes())),
            operator: Some(op.address),
            sequence: true,
            fee_account: op.fee_account,
            block_ms: a.block_ms,
            batch_secs: a.batch_secs,
            epoch_margin_blocks: a.epoch_margin_blocks,
            rpc_addr,
            ops_addr: std::net::SocketAddr::from(([127, 0, 0, 1], a.ops_port + op.index as u16)),
            no_challenge: false,
            no_finalize: false,
            no_liveness_reports: false,
            prove: if a.prover == op.index.to_string() {
                a.prove
            } else {
                ProvePolicy::None
            },
            prover_slots: a.prover_slots,
            prove_estimate_secs: 120,
            prover_cache: a.prover_cache.clone(),
        };
        let cancel = self.cancel.child_token();
        let (tx, view) = watch::channel(NodeView::default());
        let join = tokio::spawn(node::run(args, cancel.clone(), tx));
        self.operators[i].running = Some(Running { cancel, join, view });
        Ok(())
    }

    /// Stop operator `i`'s node (graceful: drains like SIGTERM) and wait for it.
    pub async fn stop_node(&mut self, i: usize) -> Result<(), DevnetError> {
        let Some(r) = self.operators[i].running.take() else {
            return Ok(());
        };
        r.cancel.cancel();
        match r.join.await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(source)) => Err(DevnetError::Node {
                operator: self.operators[i].label(),
                source: Box::new(source),
            }),
            Err(e) => Err(failed("node task")(e)),
        }
    }

    /// A node that stopped by itself (a failed role) is an error of the devnet.
    pub fn check_nodes(&self) -> Result<(), DevnetError> {
        if self
            .prover_node
            .as_ref()
            .is_some_and(|r| r.join.is_finished())
        {
            return Err(DevnetError::Config(
                "the prover node stopped by itself (see its log)".into(),
            ));
        }
        for op in &self.operators {
            if op.running.as_ref().is_some_and(|r| r.join.is_finished()) {
                return Err(DevnetError::Config(format!(
                    "the node of {} stopped by itself (see its log)",
                    op.label()
                )));
            }
        }
        Ok(())
    }

    /// Stop every operator's node (the standalone prover node goes on).
    pub async fn stop_all(&mut self) -> Result<(), DevnetError> {
        let mut first = Ok(());
        for i in 0..self.operators.len() {
            if let Err(e) = self.stop_node(i).await {
                tracing::error!(target: "janus::devnet", error = %e, "stopping a node");
                if first.is_ok() {
                    first = Err(e);
                }
            }
        }
        first
    }
}

/// Run `janus devnet` (see the module docs): `Some(report)` when a scenario was played.
pub async fn run(
    args: DevnetArgs,
    cancel: CancellationToken,
) -> Result<Option<Report>, DevnetError> {
    let scenario = args.scenario.clone();
    let exit = args.exit;
    let mut net = Devnet::connect(args, cancel.clone()).await?;
    let report = scenario::play(&mut net, &scenario).await;
    if let Err(e) = &report {
        tracing::error!(target: "janus::devnet", error = %e, "devnet setup failed");
    }
    if report.is_ok() && (!exit || scenario == "none") {
        println!("devnet running (Ctrl-C to stop)");
        while !cancel.is_cancelled() {
            tokio::select! {
                _ = cancel.cancelled() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => net.check_nodes()?,
            }
        }
    }
    net.cancel.cancel();
    if let Some(p) = net.prover_node.take() {
        p.cancel.cancel();
        if let Ok(Err(e)) = p.join.await {
            tracing::error!(target: "janus::devnet", error = %e, "stopping the prover node");
        }
    }
    net.stop_all().await?;
    report.map(|r| (scenario != "none").then_some(r))
}
