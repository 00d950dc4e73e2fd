//! `janus escape`: its flags ([`EscapeArgs`], each also a `JANUS_…` environment variable) and
//! [`run`]: the cheap L1 checks first (before the circuit is built, which takes a while), then the
//! signer's transaction manager, the prover for the verifier's circuit, and [`super::escape`].

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use alloy::providers::RootProvider;
use alloy::signers::local::PrivateKeySigner;
use clap::Args;
use janus_l2::tx::record::Tx;
use tokio_util::sync::CancellationToken;

use super::{escape, preflight, EscapeError, EscapeOutcome, EscapeRequest};
use crate::config::L1Args;
use crate::store::Store;
use crate::txmgr::{TxManager, TxManagerConfig};

/// Flags of `janus escape`.
#[derive(Debug, Clone, Args)]
pub struct EscapeArgs {
    /// L1 RPC and contracts.
    #[command(flatten)]
    pub l1: L1Args,
    /// Hex private key of the L1 account that sends the batch (and any `finalizeBatch` first); the
    /// proof is bound to its address.
    #[arg(long, env = "JANUS_SIGNER_KEY", hide_env_values = true)]
    pub signer_key: String,
    /// L2 chain id (covered by L2 signatures and by the circuit).
    #[arg(long, env = "JANUS_L2_CHAIN_ID", default_value_t = janus_l2::DEFAULT_CHAIN_ID)]
    pub l2_chain_id: u64,
    /// The L2 account credited with the batch's fees (it must exist when the batch has
    /// transactions, even with zero fees).
    #[arg(long, env = "JANUS_FEE_ACCOUNT")]
    pub fee_account: u32,
    /// A signed L2 transaction to include, as the hex of its 137-byte record
    /// (docs/l2-spec.md §4); repeat for several, applied in the given order.
    #[arg(long = "tx", value_name = "HEX", value_parser = parse_tx)]
    pub txs: Vec<Tx>,
    /// Slots of the batch circuit, or of each segment (`--prover-depth`); slots·2^depth must
    /// equal the deployed verifier's `maxRecords()`.
    #[arg(long, env = "JANUS_PROVER_SLOTS", default_value_t = janus_prover::verifier::generate::VERIFIER_SHAPE.slots)]
    pub prover_slots: usize,
    /// Directory of the transaction manager's store (in-flight transactions survive a crash).
    #[arg(long, env = "JANUS_ESCAPE_DATA_DIR", default_value = ".janus-escape")]
    pub data_dir: PathBuf,
    /// L1 poll interval in milliseconds (receipts).
    #[arg(long, env = "JANUS_POLL_MS", default_value_t = 2_000)]
    pub poll_ms: u64,
    /// Where the circuits are kept between runs.
    #[command(flatten)]
    pub prover_cache: crate::prover::ProverCacheArgs,
}

/// Decode a `--tx` value: hex (with or without `0x`) of one transaction record.
pub(crate) fn parse_tx(s: &str) -> Result<Tx, String> {
    let bytes = alloy::hex::decode(s.trim()).map_err(|e| format!("not hex: {e}"))?;
    Tx::decode(&bytes).map_err(|e| format!("not a transaction record: {e}"))
}

/// Run `janus escape` (see the module docs); the outcome is what `main` prints.
pub async fn run(
    args: EscapeArgs,
    cancel: CancellationToken,
) -> Result<EscapeOutcome, EscapeError> {
    let url = args.l1.l1_url()?;
    let contracts = args.l1.contracts()?;
    let signer: PrivateKeySigner = args
        .signer_key
        .trim()
        .parse()
        .map_err(EscapeError::SignerKey)?;
    let provider = RootProvider::new_http(url);
    // Before the circuit is built (tens of seconds) or anything is opened.
    let shape = args.prover_cache.shape(args.prover_slots);
    preflight(&provider, contracts, Some(shape)).await?;

    std::fs::create_dir_all(&args.data_dir).map_err(|source| EscapeError::DataDir {
        path: args.data_dir.clone(),
        source,
    })?;
    let store = Store::open(args.data_dir.join("escape.redb")).map_err(EscapeError::Store)?;
    let cfg = TxManagerConfig {
        poll_interval: Duration::from_millis(args.poll_ms),
        ..Default::default()
    };
    let txmgr = Arc::new(TxManager::new(provider.clone(), signer, store, cfg, cancel).await?);
    // A crash of an earlier run may have left a submission in flight: finish it first (the
    // hatch check of `escape` then sees its batch).
    for pending in txmgr.recover()? {
        tracing::info!(target: "janus::escape", nonce = pending.nonce, label = %pending.request.label, "finishing a submission left by an earlier run");
        txmgr.wait(pending).await?;
    }
    let (slots, chain) = (args.prover_slots, args.l2_chain_id);
    tracing::info!(target: "janus::escape", slots, "loading or building the batch circuit");
    let cache = args.prover_cache.clone();
    let prover = tokio::task::spawn_blocking(move || cache.batch_prover(slots, chain))
        .await
        .map_err(EscapeError::Task)??;
    escape(
        provider,
        contracts,
        args.l2_chain_id,
        txmgr,
        Arc::new(prover),
        EscapeRequest {
            fee_account: args.fee_account,
            txs: args.txs,
        },
    )
    .await
}
