//! The devnet harness of the tests that need the real suite on L1 (derivation, sequencer,
//! challenger, finalizer, reporters, prover client): an anvil loaded with the committed devnet
//! fixture (`keeper/fixtures/devnet-state.json`, refreshed by `make abi`; [`Devnet::start`] fails
//! when it is older than `contracts/` + `script/`), deposits, batches posted by the current
//! leader's signer through its transaction manager, derivation up to the head, and time travel.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use alloy::network::EthereumWallet;
use alloy::node_bindings::{Anvil, AnvilInstance};
use alloy::primitives::{Address, B256, U256};
use alloy::providers::ext::AnvilApi;
use alloy::providers::{Provider, ProviderBuilder, RootProvider};
use alloy::sol_types::{SolCall, SolEvent};
use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::keys::SecretKey;
use janus_l2::state::State;
use janus_l2::tx::message::L1Message;
use janus_l2::tx::record::Tx;
use serde::Deserialize;
use tokio_util::sync::CancellationToken;

use super::{anvil_path, key, signed_transfer_with};
use crate::derive::Pipeline;
use crate::l1::bindings::{Bridge, Rollup, SequencerSet, Staking};
use crate::l1::{Contracts, L1Watcher, WatcherConfig};
use crate::store::{Store, TxIntent};
use crate::txmgr::{TxManager, TxManagerConfig};

/// The L2 chain id of the fixture.
pub const L2_CHAIN_ID: u64 = janus_l2::DEFAULT_CHAIN_ID;

/// An ETH transfer with nonce 0 signed by `sk` for [`L2_CHAIN_ID`].
pub fn signed_transfer(sk: &SecretKey, from: u32, to: u32, amount: u64, fee: u64) -> Tx {
    signed_transfer_with(sk, from, to, amount, fee, 0, L2_CHAIN_ID)
}

/// Apply `batch` (consuming messages from `msg_start`, chain `chain_before`); returns the new
/// root in L1 form and the message chain after it.
pub fn apply(
    state: &mut State,
    batch: &Batch,
    msg_start: u64,
    chain_before: [u8; 32],
) -> (B256, [u8; 32]) {
    let ctx = BatchContext {
        chain_id: L2_CHAIN_ID,
        msg_start,
        chain_before,
    };
    let out = apply_batch(state, batch, &ctx).expect("batch applies");
    (
        crate::convert::b256(&out.new_root),
        out.chain_after,
    )
}

/// Addresses of `keeper/fixtures/devnet-deployment.json`.
#[derive(Deserialize, Clone, Copy, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Addresses {
    /// Rollup.
    pub rollup: Address,
    /// Bridge.
    pub bridge: Address,
    /// SequencerSet.
    pub sequencer_set: Address,
    /// Staking.
    pub staking: Address,
    /// EquivocationSlasher.
    pub equivocation_slasher: Address,
    /// The governance timelock.
    pub timelock: Address,
}

/// A batch [`Devnet::post`] put on L1.
#[derive(Clone, Copy, Debug)]
pub struct Posted {
    /// Its batch id.
    pub id: u64,
    /// The operator that posted it.
    pub operator: Address,
    /// The L1 block it landed in.
    pub l1_block: u64,
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The fixture records a digest of contracts/ and script/; fail when they changed since.
fn assert_fixture_is_current() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["contracts", "script"] {
        collect_sol(&root.join(dir), &mut files);
    }
    files.sort();
    let mut all = Vec::new();
    for f in &files {
        all.extend(std::fs::read(f).unwrap_or_default());
    }
    let digest = alloy::hex::encode(sha256(&all));
    let recorded = std::fs::read_to_string(fixtures().join("sources.sha256")).unwrap_or_default();
    // A stale fixture would test old bytecode: fail, and say how to refresh it.
    assert_eq!(
        recorded.trim(),
        digest,
        "keeper/fixtures/devnet-state.json was built from other contracts/script sources; run `make abi`"
    );
}

fn collect_sol(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_sol(&p, out);
        } else if p.extension().is_some_and(|x| x == "sol") {
            out.push(p);
        }
    }
}

fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

/// A running devnet.
pub struct Devnet {
    /// The anvil, loaded with the fixture.
    pub node: AnvilInstance,
    /// The suite's addresses.
    pub at: Addresses,
    /// A plain provider of it.
    pub p: RootProvider,
    /// A temporary folder for the test's stores.
    pub dir: tempfile::TempDir,
}

impl Devnet {
    /// Anvil from the (current) fixture, mined until a sequencer set is in force.
    pub async fn start() -> Self {
        assert_fixture_is_current();
        let node = Anvil::at(anvil_path())
            .arg("--load-state")
            .arg(fixtures().join("devnet-state.json"))
            .spawn();
        let text = std::fs::read_to_string(fixtures().join("devnet-deployment.json"))
            .expect("fixture deployment");
        let at: Addresses = serde_json::from_str(&text).expect("deployment json");
        let p = RootProvider::new_http(node.endpoint_url());
        let set = SequencerSet::new(at.sequencer_set, &p);
        let mut elected = false;
        for _ in 0..40 {
            let next = p.get_block_number().await.expect("head") + 1;
            if set
                .leaderAt(U256::from(next))
                .call()
                .await
                .expect("leaderAt")
                != Address::ZERO
            {
                elected = true;
                break;
            }
            p.anvil_mine(Some(1), None).await.expect("mine");
        }
        assert!(elected, "a sequencer set comes into force");
        let dir = tempfile::tempdir().expect("tempdir");
        Self { node, at, p, dir }
    }

    /// Path of a store file in this devnet's temp dir.
    pub fn store_path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A transaction manager for anvil key `i` (polling fast).
    pub async fn txmgr(&self, i: usize, store: &Store) -> Arc<TxManager<RootProvider>> {
        let cfg = TxManagerConfig {
            poll_interval: Duration::from_millis(20),
            confirmations: 1,
            ..Default::default()
        };
        let mgr = TxManager::new(
            self.p.clone(),
            key(&self.node, i),
            store.clone(),
            cfg,
            CancellationToken::new(),
        )
        .await
        .expect("txmgr");
        Arc::new(mgr)
    }

    /// Deposit 1 ETH to a new L2 account with `sk`'s key (from anvil account 0).
    pub async fn deposit(&self, sk: &SecretKey) -> L1Message {
        let wallet = ProviderBuilder::new()
            .wallet(EthereumWallet::from(key(&self.node, 0)))
            .connect_http(self.node.endpoint_url());
        let receipt = Bridge::new(self.at.bridge, &wallet)
            .depositETHNewAccount(sk.public_key().to_bytes().to_vec().into())
            .value(U256::from(10u64).pow(U256::from(18)))
            .send()
            .await
            .expect("deposit sent")
            .get_receipt()
            .await
            .expect("deposit mined");
        let ev = receipt
            .inner
            .logs()
            .iter()
            .find_map(|l| Bridge::MessageEnqueued::decode_log_data(l.data()).ok())
            .expect("MessageEnqueued");
        L1Message::decode(&ev.record).expect("85-byte record")
    }

    /// The operator leading the next block and the anvil index of its signer.
    pub async fn next_leader(&self) -> (Address, usize) {
        let next = self.p.get_block_number().await.expect("head") + 1;
        let leader = SequencerSet::new(self.at.sequencer_set, &self.p)
            .leaderAt(U256::from(next))
            .call()
            .await
            .expect("leaderAt");
        let signer = Staking::new(self.at.staking, &self.p)
            .signerOf(leader)
            .call()
            .await
            .expect("signerOf");
        let i = self
            .node
            .addresses()
            .iter()
            .position(|a| *a == signer)
            .expect("signer is an anvil key");
        (leader, i)
    }

    /// Post `batch` on the tip claiming `new_root`, from the next block's leader.
    pub async fn post(&self, batch: &Batch, new_root: B256, store: &Store) -> Posted {
        let rollup = Rollup::new(self.at.rollup, &self.p);
        let tip = rollup.tipId().call().await.expect("tipId");
        let prev = rollup
            .getBatch(tip)
            .call()
            .await
            .expect("tip batch")
            .stateRoot;
        let call = Rollup::submitBatchCall {
            parentId: tip,
            prevStateRoot: prev,
            newStateRoot: new_root,
            data: batch.encode().expect("encodes").into(),
        };
        let (operator, i) = self.next_leader().await;
        let mgr = self.txmgr(i, store).await;
        // The manager's setup reads only: the next block is still the leader's.
        let outcome = mgr
            .send(TxIntent {
                label: "submitBatch".into(),
                to: self.at.rollup,
                input: call.abi_encode().into(),
                value: U256::ZERO,
            })
            .await
            .expect("batch posted");
        let id = rollup.tipId().call().await.expect("tipId");
        assert_eq!(id, tip + 1, "posted on the tip");
        Posted {
            id,
            operator,
            l1_block: outcome.receipt.block_number.expect("mined in a block"),
        }
    }

    /// The contracts the watcher follows.
    pub fn contracts(&self) -> Contracts {
        Contracts {
            rollup: self.at.rollup,
            bridge: self.at.bridge,
        }
    }

    /// A watcher from block 0 at the head (no confirmations).
    pub fn watcher(&self) -> L1Watcher<RootProvider> {
        let cfg = WatcherConfig {
            confirmations: 0,
            max_range: 100,
            ..Default::default()
        };
        L1Watcher::new(self.p.clone(), self.contracts(), cfg)
    }

    /// A pipeline derived from genesis up to the head.
    pub async fn derive(&self) -> Pipeline<RootProvider> {
        crate::derive::derive_to_head(self.p.clone(), self.contracts(), L2_CHAIN_ID)
            .await
            .expect("derive to the head")
            .1
    }

    /// Governance as the tests need it: the timelock (impersonated on anvil) accepts ownership of
    /// the rollup if it has not yet, then sends `call` (its input) to the rollup. Test-only: a
    /// deployment changes the rollup through scheduled timelock operations.
    async fn as_governance(&self, what: &str, input: alloy::primitives::Bytes) {
        let tl = self.at.timelock;
        self.p
            .anvil_impersonate_account(tl)
            .await
            .expect("impersonate");
        self.p
            .anvil_set_balance(tl, U256::from(10u128.pow(18)))
            .await
            .expect("fund");
        let rollup = Rollup::new(self.at.rollup, &self.p);
        if rollup.owner().call().await.expect("owner") != tl {
            rollup
                .acceptOwnership()
                .from(tl)
                .send()
                .await
                .expect("acceptOwnership")
                .get_receipt()
                .await
                .expect("receipt");
        }
        let tx = alloy::rpc::types::TransactionRequest::default()
            .from(tl)
            .to(self.at.rollup)
            .input(input.into());
        let r = self
            .p
            .send_transaction(tx)
            .await
            .unwrap_or_else(|e| panic!("{what}: {e}"))
            .get_receipt()
            .await
            .expect("receipt");
        assert!(r.status(), "{what}");
        self.p
            .anvil_stop_impersonating_account(tl)
            .await
            .expect("stop impersonating");
    }

    /// Set the rollup's verifier as governance (`Address::ZERO` unsets it).
    pub async fn set_verifier(&self, verifier: Address) {
        let call = Rollup::setVerifierCall {
            verifier_: verifier,
        };
        self.as_governance("setVerifier", call.abi_encode().into())
            .await;
    }

    /// Lower (or raise) the rollup's `maxBatchRecords` as governance; a smaller verifier can be
    /// set once no batch posted under the old bound is pending (`Rollup.setVerifier`).
    pub async fn set_max_batch_records(&self, records: u32) {
        let rollup = Rollup::new(self.at.rollup, &self.p);
        let mut params = rollup.params().call().await.expect("params");
        params.maxBatchRecords = records;
        self.as_governance(
            "setParams",
            Rollup::setParamsCall { params_: params }
                .abi_encode()
                .into(),
        )
        .await;
    }

    /// A verifier that rejects every proof (code set with `anvil_setCode`; test-only): challenges
    /// can be opened, and none can be answered by a proof.
    pub async fn reject_all_verifier(&self) -> Address {
        self.reject_all_verifier_with(None).await
    }

    /// [`Self::reject_all_verifier`] whose `maxRecords()` is `max_records` (`None`: 2^256 - 1).
    pub async fn reject_all_verifier_with(&self, max_records: Option<u8>) -> Address {
        let at = Address::repeat_byte(0x7e);
        // `maxRecords()` (0x7b0a3a8d) returns 2^256 - 1 (it could prove any batch, so challenges
        // can be opened) or `max_records`; every other call returns abi-encoded `false`.
        let capacity = match max_records {
            None => [0x60, 0x00, 0x19], // PUSH1 0, NOT
            Some(n) => [0x60, n, 0x5b], // PUSH1 n, JUMPDEST (a no-op of the same length)
        };
        let mut code = vec![
            0x60, 0x00, 0x35, 0x60, 0xe0, 0x1c, // selector
            0x63, 0x7b, 0x0a, 0x3a, 0x8d, 0x14, 0x60, 0x19, 0x57, // == maxRecords → 0x19
            0x60, 0x00, 0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3, // return false
            0x5b, // 0x19
        ];
        code.extend(capacity);
        code.extend([0x60, 0x00, 0x52, 0x60, 0x20, 0x60, 0x00, 0xf3]); // return it
        self.p
            .anvil_set_code(at, code.into())
            .await
            .expect("setCode");
        at
    }

    /// Advance L1 time by `secs` and mine a block.
    pub async fn warp(&self, secs: u64) {
        self.p
            .anvil_increase_time(secs)
            .await
            .expect("increase time");
        self.p.anvil_mine(Some(1), None).await.expect("mine");
    }
}

/// The prover of the circuit the fixture's generated verifier checks
/// (`janus_prover::verifier::generate::target_prover`), built once for all tests of the binary:
/// building it (the segment circuit, the tree, the wrapper) takes tens of seconds.
pub fn target_prover() -> Arc<janus_prover::prover::batch::BatchProver> {
    static PROVER: std::sync::OnceLock<Arc<janus_prover::prover::batch::BatchProver>> =
        std::sync::OnceLock::new();
    PROVER
        .get_or_init(|| {
            Arc::new(
                janus_prover::verifier::generate::target_prover()
                    .expect("the devnet circuit builds"),
            )
        })
        .clone()
}
