//! The traffic generator: L2 users with real EcGFp5 keys (derived from a per-user seed) and real L1
//! wallets (devnet mnemonic accounts). Each user deposits ETH from L1 into a new L2 account, then
//! the generator sends signed transfers between them, every `withdraw_every`-th transaction a
//! withdrawal to the sender's L1 address, through the nodes' L2 RPC (a node that does not lead
//! forwards to the leader), and every `deposit_every`-th a further L1 deposit (0.01 ETH) to an
//! existing account. Nonces are tracked locally and re-read from the RPC after any refusal; a
//! transaction the block producer drops (its receipt says `dropped`) leaves a nonce gap that holds
//! back the user's later transactions, so the user's next transaction re-uses that nonce, as a
//! wallet re-sends a replacement. Sending starts once every node knows every user's account, so
//! that no transfer is dropped for an unknown recipient while the first deposits are derived.

use std::time::{Duration, Instant};

use alloy::network::EthereumWallet;
use alloy::primitives::{keccak256, Address, B256, U256};
use alloy::providers::ProviderBuilder;
use alloy::signers::local::PrivateKeySigner;
use alloy::sol_types::SolEvent;
use janus_l2::keys::SecretKey;
use janus_l2::tx::record::{Transfer, Tx, Withdraw};
use janus_l2::tx::signing::sign_tx;
use tokio_util::sync::CancellationToken;

use super::client::L2Client;
use super::error::{failed, l1, DevnetError};
use super::view::{lock, SharedCounts};
use crate::l1::bindings::Bridge;
use crate::sequencer::TxStatus;

/// One L2 user.
#[derive(Debug)]
pub struct User {
    /// Its L2 key.
    pub key: SecretKey,
    /// Its L1 wallet (deposits come from it, withdrawals go to it).
    pub wallet: PrivateKeySigner,
    /// Its L2 account index (after the deposit).
    pub account: u32,
    /// Next nonce as far as the generator knows.
    pub nonce: u64,
    /// Nonces of dropped transactions, to be filled before `nonce` is used again.
    pub gaps: Vec<u64>,
}

/// A sent transaction, waiting for its batch to be mined on L1.
#[derive(Debug)]
struct Sent {
    hash: B256,
    at: Instant,
    /// Index of the sending user.
    from: usize,
    nonce: u64,
}

/// The L2 key of devnet user `i` (deterministic, so a restarted devnet finds its users).
pub fn user_key(i: usize) -> SecretKey {
    let seed = keccak256(format!("janus devnet user {i}"));
    SecretKey::from_seed(&seed.0)
}

/// Deposit 1 ETH from `wallet` into a new L2 account for `key`; returns the account index.
pub async fn deposit_new_account(
    l1_url: &alloy::transports::http::reqwest::Url,
    bridge: Address,
    wallet: &PrivateKeySigner,
    key: &SecretKey,
) -> Result<u32, DevnetError> {
    let p = ProviderBuilder::new()
        .wallet(EthereumWallet::from(wallet.clone()))
        .connect_http(l1_url.clone());
    let receipt = Bridge::new(bridge, &p)
        .depositETHNewAccount(key.public_key().to_bytes().to_vec().into())
        .value(U256::from(10u64).pow(U256::from(18)))
        .send()
        .await
        .map_err(l1("depositETHNewAccount"))?
        .get_receipt()
        .await
        .map_err(l1("deposit receipt"))?;
    receipt
        .inner
        .logs()
        .iter()
        .find_map(|l| Bridge::AccountRegistered::decode_log_data(l.data()).ok())
        .map(|e| e.account)
        .ok_or_else(|| DevnetError::Unexpected {
            what: "deposit".into(),
            message: "no AccountRegistered event".into(),
        })
}

/// The generator (see the module docs).
pub struct Traffic {
    users: Vec<User>,
    nodes: Vec<L2Client>,
    chain_id: u64,
    counts: SharedCounts,
    /// Send a withdrawal every this many transactions (0: never).
    pub withdraw_every: u64,
    /// Deposit on L1 to an existing account every this many transactions (0: never).
    pub deposit_every: u64,
    /// L1 RPC and bridge for those deposits.
    l1: Option<(alloy::transports::http::reqwest::Url, Address)>,
    sent: u64,
    rng: u64,
    /// Sent and not yet seen in a posted batch, oldest first.
    in_flight: std::collections::VecDeque<Sent>,
}

/// Give up timing a transaction after this long (its batch was reverted, or it was lost).
const TRACK_FOR: Duration = Duration::from_secs(120);

/// Start sending after this long even if some node does not know every user's account yet.
const ACCOUNTS_WAIT: Duration = Duration::from_secs(60);

impl Traffic {
    /// A generator for `users` sending through `nodes`.
    pub fn new(
        users: Vec<User>,
        nodes: Vec<L2Client>,
        chain_id: u64,
        counts: SharedCounts,
    ) -> Self {
        Self {
            users,
            nodes,
            chain_id,
            counts,
            withdraw_every: 10,
            deposit_every: 25,
            l1: None,
            sent: 0,
            rng: 0x9E37_79B9_7F4A_7C15,
            in_flight: Default::default(),
        }
    }

    /// Also deposit on L1 through `bridge` at `l1_url` (every `deposit_every` transactions).
    pub fn with_deposits(
        mut self,
        l1_url: alloy::transports::http::reqwest::Url,
        bridge: Address,
    ) -> Self {
        self.l1 = Some((l1_url, bridge));
        self
    }

    /// Deposit 0.01 ETH from a random user's wallet to its L2 account (in the background).
    fn deposit_one(&mut self) {
        let Some((url, bridge)) = self.l1.clone() else {
            return;
        };
        let u = (self.next_rand() % self.users.len() as u64) as usize;
        let (wallet, account) = (self.users[u].wallet.clone(), self.users[u].account);
        tokio::spawn(async move {
            let p = ProviderBuilder::new()
                .wallet(EthereumWallet::from(wallet))
                .connect_http(url);
            let sent = Bridge::new(bridge, &p)
                .depositETH(account)
                .value(U256::from(10u64).pow(U256::from(16)))
                .send()
                .await;
            if let Err(e) = sent {
                tracing::debug!(target: "janus::devnet", error = %e, "traffic deposit");
            }
        });
    }

    fn next_rand(&mut self) -> u64 {
        // xorshift64: reproducible traffic without a dependency.
        self.rng ^= self.rng << 13;
        self.rng ^= self.rng >> 7;
        self.rng ^= self.rng << 17;
        self.rng
    }

    /// Once every node knows every user's account (or after `ACCOUNTS_WAIT`), send one
    /// transaction every `every` until `cancel`.
    pub async fn run(mut self, every: Duration, cancel: CancellationToken) {
        let started = Instant::now();
        while !self.accounts_known().await && started.elapsed() < ACCOUNTS_WAIT {
            tokio::select! {
                _ = cancel.cancelled() => return,
                _ = tokio::time::sleep(Duration::from_millis(250)) => {}
            }
        }
        loop {
            match self.send_one().await {
                Ok(_) if self.deposit_every > 0 && self.sent.is_multiple_of(self.deposit_every) => {
                    self.deposit_one()
                }
                Ok(_) => {}
                Err(e) => tracing::debug!(target: "janus::devnet", error = %e, "traffic"),
            }
            self.track_blocks().await;
            tokio::select! {
                _ = cancel.cancelled() => return,
                _ = tokio::time::sleep(every) => {}
            }
        }
    }

    /// Sign and send one transaction from a random user through a random node.
    pub async fn send_one(&mut self) -> Result<B256, DevnetError> {
        if self.users.len() < 2 || self.nodes.is_empty() {
            return Err(DevnetError::Config(
                "traffic needs 2 users and a node".into(),
            ));
        }
        let from = (self.next_rand() % self.users.len() as u64) as usize;
        let mut to = (self.next_rand() % self.users.len() as u64) as usize;
        if to == from {
            to = (to + 1) % self.users.len();
        }
        let pick = (self.next_rand() % self.nodes.len() as u64) as usize;
        let node = self.nodes[pick].clone();
        let withdrawal =
            self.withdraw_every > 0 && (self.sent + 1).is_multiple_of(self.withdraw_every);
        let amount = 1_000 + self.next_rand() % 10_000; // gwei
        let u = &self.users[from];
        let (nonce, refill) = match u.gaps.iter().min() {
            Some(n) => (*n, true),
            None => (u.nonce, false),
        };
        let mut tx = if withdrawal {
            Tx::Withdraw(Withdraw {
                from: u.account,
                l1_recipient: u.wallet.address().0 .0,
                asset: 0,
                amount,
                fee: 1,
                nonce,
                signature: [0; 80],
            })
        } else {
            Tx::Transfer(Transfer {
                from: u.account,
                to: self.users[to].account,
                asset: 0,
                amount,
                fee: 1,
                nonce,
                signature: [0; 80],
            })
        };
        sign_tx(&mut tx, &u.key, self.chain_id).map_err(failed("signing"))?;
        match node.send(&tx.encode(), self.chain_id).await {
            Ok(hash) => {
                let u = &mut self.users[from];
                if refill {
                    u.gaps.retain(|n| *n != nonce);
                } else {
                    u.nonce += 1;
                }
                self.sent += 1;
                self.in_flight.push_back(Sent {
                    hash,
                    at: Instant::now(),
                    from,
                    nonce,
                });
                Ok(hash)
            }
            Err(e) => {
                // Refused (nonce, leader change, node down): re-read the nonce for next time.
                if let Ok(Some(a)) = node.account(self.users[from].account).await {
                    let u = &mut self.users[from];
                    u.nonce = a.nonce;
                    u.gaps.retain(|n| *n < a.nonce);
                }
                Err(e)
            }
        }
    }

    /// Time the oldest in-flight transactions to their batch's L1 inclusion (the receipt status
    /// turns `batched` once the batch transaction is mined; any node that knows it answers), note
    /// the newest L2 block for the live view, and give a dropped transaction's nonce back to its
    /// user (see the module docs).
    async fn track_blocks(&mut self) {
        let mut keep = std::collections::VecDeque::new();
        let mut checked = 0;
        while let Some(sent) = self.in_flight.pop_front() {
            if checked == 16 {
                keep.push_back(sent);
                continue;
            }
            checked += 1;
            let (mut batched, mut dropped) = (false, None);
            for node in &self.nodes {
                if let Ok(Some(r)) = node.receipt(sent.hash).await {
                    let block = match &r.status {
                        TxStatus::Included { block } | TxStatus::Batched { block, .. } => {
                            Some(*block)
                        }
                        _ => None,
                    };
                    if let Some(b) = block {
                        let mut c = lock(&self.counts);
                        c.l2_block = c.l2_block.max(b);
                    }
                    match r.status {
                        TxStatus::Batched { .. } => {
                            batched = true;
                            break;
                        }
                        TxStatus::Dropped { .. } => dropped = Some(r),
                        _ => {}
                    }
                }
            }
            if batched {
                let ms = sent.at.elapsed().as_millis() as u64;
                tracing::debug!(target: "janus::devnet", hash = %sent.hash, ms, "included on L1");
                lock(&self.counts).inclusion_ms.push(ms);
            } else if let Some(r) = dropped {
                tracing::debug!(target: "janus::devnet", hash = %sent.hash, receipt = ?r.status, "dropped; its nonce will be re-used");
                lock(&self.counts).dropped += 1;
                let u = &mut self.users[sent.from];
                if sent.nonce < u.nonce && !u.gaps.contains(&sent.nonce) {
                    u.gaps.push(sent.nonce);
                }
            } else if sent.at.elapsed() < TRACK_FOR {
                keep.push_back(sent);
            } else {
                lock(&self.counts).untracked += 1;
            }
        }
        self.in_flight = keep;
    }

    /// Whether every node knows every user's account.
    async fn accounts_known(&self) -> bool {
        for node in &self.nodes {
            for u in &self.users {
                if !matches!(node.account(u.account).await, Ok(Some(_))) {
                    return false;
                }
            }
        }
        true
    }
}
