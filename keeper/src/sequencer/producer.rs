//! The sequencer's synchronous core: the working L2 state on top of the derived L1 tip, the queue of
//! unconsumed L1 messages, the mempool, block production with soft confirmations, the blocks not
//! yet posted, and every transaction's status. [`super::Sequencer`] drives it on a timer and
//! [`super::SequencerHandle`] shares it with the JSON-RPC.

use std::collections::{BTreeMap, HashMap};

use alloy::primitives::{Address, B256};
use janus_l2::batch::{apply_deposit, apply_tx, Batch};
use janus_l2::state::State;
use janus_l2::tx::message::{chain_next, L1Message};

use super::block::{anchor_hash, pack_batch, Block, StoredBlock};
use super::error::{MempoolError, SequencerError};
use super::mempool::{Mempool, PooledTx};
use super::softconf::SoftConfirmer;
use super::{DerivedTip, SequencerConfig, TxStatus};
use crate::convert::b256;
use crate::store::Store;

mod produce;

/// Blocks packed for posting.
#[derive(Clone, Debug)]
pub struct PreparedBatch {
    /// Parent batch id on L1.
    pub parent_id: u64,
    /// State root before (the parent's).
    pub prev_root: B256,
    /// State root after (the last block's).
    pub new_root: B256,
    /// The batch.
    pub batch: Batch,
    /// Numbers of the packed blocks.
    pub blocks: Vec<u64>,
}

/// A batch being posted: the number of its last block (none: an empty heartbeat batch).
#[derive(Clone, Copy, Debug)]
struct InFlight {
    last_block: Option<u64>,
}

/// What the core builds on: the derived tip, or the last batch this node posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Base {
    batch_id: u64,
    state_root: B256,
    msg_end: u64,
    chain: [u8; 32],
}

/// See the module docs.
#[derive(Debug)]
pub struct Core {
    cfg: SequencerConfig,
    store: Store,
    confirmer: SoftConfirmer,
    base: Base,
    /// Id of the last derived tip seen.
    derived_seen: u64,
    /// Batches this node posted that derivation has not reported yet.
    awaiting: Vec<u64>,
    state: State,
    msg_next: u64,
    chain: [u8; 32],
    head: B256,
    head_number: Option<u64>,
    queue: BTreeMap<u64, L1Message>,
    unposted: Vec<Block>,
    /// The batch being posted.
    in_flight: Option<InFlight>,
    pub(crate) mempool: Mempool,
    status: HashMap<B256, TxStatus>,
    recent: BTreeMap<u64, Block>,
    /// Most records (L1 messages + transactions) a batch may hold on L1 (`Rollup.batchRecordLimit`);
    /// `None`: no bound known (a core without L1).
    record_limit: Option<usize>,
}

impl Core {
    /// Start on `tip`: replays this node's stored blocks that continue it, then restores the mempool.
    pub fn new(
        cfg: SequencerConfig,
        store: Store,
        confirmer: SoftConfirmer,
        tip: &DerivedTip,
    ) -> Result<Self, SequencerError> {
        let mempool = Mempool::new(cfg.mempool.clone(), Some(store.clone()));
        let mut core = Self {
            cfg,
            store,
            confirmer,
            base: Base {
                batch_id: tip.batch_id,
                state_root: tip.state_root,
                msg_end: tip.msg_end,
                chain: tip.chain_after,
            },
            derived_seen: tip.batch_id,
            awaiting: Vec::new(),
            state: (*tip.state).clone(),
            msg_next: tip.msg_end,
            chain: tip.chain_after,
            head: anchor_hash(tip.batch_id, tip.state_root),
            head_number: None,
            queue: BTreeMap::new(),
            unposted: Vec::new(),
            in_flight: None,
            mempool,
            status: HashMap::new(),
            recent: BTreeMap::new(),
            record_limit: None,
        };
        core.replay_stored()?;
        let restored = core.mempool.restore(&core.state)?;
        tracing::info!(target: "janus::sequencer", base = tip.batch_id, replayed = core.unposted.len(), restored, "sequencer core ready");
        Ok(core)
    }

    /// Re-execute the stored blocks that continue the base (a restart with unposted blocks).
    fn replay_stored(&mut self) -> Result<(), SequencerError> {
        let rows = self.store.blocks_from(0)?;
        let blocks: Vec<Block> = rows
            .iter()
            .filter_map(|(_, r)| serde_json::from_slice::<StoredBlock>(r).ok())
            .filter_map(|r| r.to_block())
            .collect();
        if let Some(n) = blocks.last().map(|b| b.header.number) {
            self.head_number = Some(n);
        }
        // The last block of the batch the base is (if this node built it) links the chain.
        if let Some(b) = blocks.iter().rev().find(|b| {
            b.header.state_root == self.base.state_root && b.header.msg_end == self.base.msg_end
        }) {
            self.head = b.hash;
        }
        for b in blocks {
            if b.header.parent_hash != self.head {
                continue;
            }
            let mut scratch = self.state.clone();
            let ok = b
                .messages
                .iter()
                .all(|m| apply_deposit(&mut scratch, m).is_ok())
                && b.txs.iter().all(|t| {
                    apply_tx(&mut scratch, b.header.fee_account, t, self.cfg.l2_chain_id).is_ok()
                })
                && b256(&scratch.root()) == b.header.state_root;
            if !ok {
                tracing::warn!(target: "janus::sequencer", block = b.header.number, "stored block no longer applies; not replayed");
                break;
            }
            self.state = scratch;
            for m in &b.messages {
                self.chain = chain_next(&self.chain, &m.encode());
            }
            self.msg_next = b.header.msg_end;
            self.head = b.hash;
            for h in b.tx_hashes() {
                self.status.insert(
                    h,
                    TxStatus::Included {
                        block: b.header.number,
                    },
                );
            }
            self.recent.insert(b.header.number, b.clone());
            self.unposted.push(b);
        }
        Ok(())
    }

    /// Bound blocks and batches to `limit` records (L1 messages + transactions), L1's
    /// `batchRecordLimit()`: every block holds at most that many, and a batch packs whole blocks up
    /// to it, so no batch L1 would refuse as `BatchTooLarge` is ever prepared.
    pub fn set_record_limit(&mut self, limit: usize) {
        if self.record_limit != Some(limit) {
            tracing::info!(target: "janus::sequencer", limit, "batch record limit");
        }
        self.record_limit = Some(limit);
    }

    /// The record bound in force (`None`: none known).
    pub fn record_limit(&self) -> Option<usize> {
        self.record_limit
    }

    /// The mempool.
    pub fn mempool(&self) -> &Mempool {
        &self.mempool
    }

    /// The working state (after this node's blocks).
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The L2 chain id.
    pub fn chain_id(&self) -> u64 {
        self.cfg.l2_chain_id
    }

    /// Blocks produced and not yet posted.
    pub fn unposted(&self) -> &[Block] {
        &self.unposted
    }

    /// Hash of the newest block (or the anchor).
    pub fn head(&self) -> B256 {
        self.head
    }

    /// Status of a transaction.
    pub fn status(&self, hash: &B256) -> Option<TxStatus> {
        if self.mempool.get(hash).is_some() {
            return Some(TxStatus::Pending);
        }
        self.status.get(hash).cloned()
    }

    /// A block this node produced (memory first, then the store).
    pub fn block(&self, number: u64) -> Result<Option<Block>, SequencerError> {
        if let Some(b) = self.recent.get(&number) {
            return Ok(Some(b.clone()));
        }
        Ok(self
            .store
            .block(number)?
            .and_then(|r| serde_json::from_slice::<StoredBlock>(&r).ok())
            .and_then(|r| r.to_block()))
    }

    /// The address that signed `block`'s soft confirmation, recovered from its signature over
    /// this node's EIP-712 digest (`None`: unsigned or not a valid signature). Not
    /// [`Self::signer`]: a block signed before a key rotation keeps its own signer.
    pub fn block_signer(&self, block: &Block) -> Option<Address> {
        let sig = block.signature.as_ref()?;
        alloy::primitives::Signature::try_from(sig.as_ref())
            .ok()?
            .recover_address_from_prehash(&self.confirmer.digest(&block.header))
            .ok()
    }

    /// The signer address of the soft confirmations.
    pub fn signer(&self) -> Address {
        self.confirmer.address()
    }

    /// The checks of a submission before its signature, against the working state
    /// ([`super::Mempool::screen`]): the transaction and the key to verify it under.
    pub fn screen(&self, bytes: &[u8]) -> Result<(PooledTx, [u8; 40]), MempoolError> {
        self.mempool.screen(bytes, &self.state)
    }

    /// Admit a transaction whose signature the caller checked after [`Self::screen`].
    pub fn insert_checked(&mut self, p: PooledTx) -> Result<B256, MempoolError> {
        let next = self.state.get(p.from).map(|a| a.nonce);
        self.mempool.insert(p, next)
    }

    /// Admit raw bytes (every check, signature included, under the caller's lock).
    pub fn admit(&mut self, bytes: &[u8]) -> Result<B256, MempoolError> {
        self.mempool.admit(bytes, &self.state, self.cfg.l2_chain_id)
    }

    /// An L1 message from the bridge (deposits); older than the base are ignored.
    pub fn on_message(&mut self, msg: L1Message) {
        if msg.nonce >= self.base.msg_end {
            self.queue.insert(msg.nonce, msg);
        }
    }

    /// Pack the oldest unposted blocks into a batch, up to `max_batch_messages` L1 messages and the
    /// record limit (at least one block; the rest waits for the next batch). None while a batch is in flight. With
    /// nothing unposted: an empty batch when `heartbeat` (it keeps the state and proves the leader
    /// is alive), else none.
    pub fn prepare_batch(&mut self, heartbeat: bool) -> Option<PreparedBatch> {
        if self.in_flight.is_some() || (self.unposted.is_empty() && !heartbeat) {
            return None;
        }
        let blocks = &self.unposted[..self.batch_len()];
        let prepared = PreparedBatch {
            parent_id: self.base.batch_id,
            prev_root: self.base.state_root,
            new_root: blocks
                .last()
                .map_or(self.base.state_root, |b| b.header.state_root),
            batch: pack_batch(self.cfg.fee_account, blocks),
            blocks: blocks.iter().map(|b| b.header.number).collect(),
        };
        self.in_flight = Some(InFlight {
            last_block: blocks.last().map(|b| b.header.number),
        });
        Some(prepared)
    }

    /// How many of the oldest unposted blocks the next batch takes: as many as fit in
    /// `max_batch_messages` messages and the record limit, at least one (a block never holds more
    /// records than the limit it was produced under).
    ///
    /// Forced inclusion still holds under the limit: a block takes the queue's messages (oldest
    /// first) before any transaction, so a block that leaves a known message unconsumed holds
    /// min(`max_block_messages`, limit) messages: with the default `max_block_messages` (the quota)
    /// at least the min(FORCED_INCLUSION_QUOTA, limit) that L1 then asks of its batch.
    fn batch_len(&self) -> usize {
        let limit = self.record_limit.unwrap_or(usize::MAX);
        let (mut messages, mut records) = (0, 0);
        let mut n = 0;
        for b in &self.unposted {
            messages += b.messages.len();
            records += b.messages.len() + b.txs.len();
            if n > 0 && (messages > self.cfg.max_batch_messages || records > limit) {
                break;
            }
            n += 1;
        }
        if let Some(b) = self.unposted.first() {
            if b.messages.len() + b.txs.len() > limit {
                tracing::error!(target: "janus::sequencer", limit, block = b.header.number, "an unposted block holds more records than the batch limit (lowered after it was produced): L1 refuses its batch");
            }
        }
        n
    }

    /// The pooled transactions in admission order, as (hash, (account, nonce), record): what a
    /// node that stopped leading hands to the leader ([`super::handoff`]).
    pub fn pending_records(&self) -> Vec<(B256, (u32, u64), Vec<u8>)> {
        self.mempool
            .in_arrival_order()
            .map(|p| (p.hash, (p.from, p.nonce), p.tx.encode().to_vec()))
            .collect()
    }

    /// Transaction `key` was handed to the leader at `leader`: it leaves the mempool.
    pub fn forwarded(&mut self, hash: B256, key: (u32, u64), leader: &str) {
        self.mempool.remove(&[key]);
        self.status.insert(
            hash,
            TxStatus::Forwarded {
                leader: leader.to_string(),
            },
        );
    }

    /// Transactions waiting for the next batch (in unposted blocks).
    pub fn unposted_txs(&self) -> usize {
        self.unposted.iter().map(|b| b.txs.len()).sum()
    }

    /// L1 messages the unposted blocks consume.
    pub fn unposted_messages(&self) -> usize {
        self.unposted.iter().map(|b| b.messages.len()).sum()
    }

    /// The prepared batch was posted as `batch_id` (`None`: posting failed; it is retried later).
    pub fn on_posted(&mut self, batch_id: Option<u64>) {
        let Some(flight) = self.in_flight.take() else {
            return;
        };
        let Some(batch_id) = batch_id else {
            return;
        };
        if self.base.batch_id != batch_id {
            match flight.last_block {
                Some(last) => self.settle(last, batch_id),
                // A heartbeat: the state is unchanged, the next batch builds on it.
                None => self.base.batch_id = batch_id,
            }
        }
        self.awaiting.push(batch_id);
    }

    /// Blocks numbered up to `last` are L1 batch `batch_id`: they leave `unposted` and the base
    /// moves to the state after them.
    fn settle(&mut self, last: u64, batch_id: u64) {
        let k = self
            .unposted
            .iter()
            .take_while(|b| b.header.number <= last)
            .count();
        let posted: Vec<Block> = self.unposted.drain(..k).collect();
        if let Some(b) = posted.last() {
            self.base = Base {
                batch_id,
                state_root: b.header.state_root,
                msg_end: b.header.msg_end,
                chain: b.header.msg_chain.0,
            };
        }
        for b in &posted {
            for h in b.tx_hashes() {
                let block = b.header.number;
                self.status.insert(h, TxStatus::Batched { block, batch_id });
            }
        }
        let msg_end = self.base.msg_end;
        self.queue.retain(|n, _| *n >= msg_end);
    }

    /// A new derived tip. Our own batches keep the working chain: those this run posted, and a
    /// batch whose root and message cursor are those after one of our unposted blocks (posted by an
    /// earlier run, or before its receipt arrived). A lagging derivation changes nothing. Anything
    /// else (another leader's batch, a revert) rebases on `tip`: unposted blocks are abandoned and
    /// their transactions go back to the mempool when still admissible.
    pub fn on_derived(&mut self, tip: &DerivedTip) {
        if tip.batch_id == self.derived_seen {
            return;
        }
        self.derived_seen = tip.batch_id;
        if let Some(pos) = self.awaiting.iter().position(|id| *id == tip.batch_id) {
            self.awaiting.drain(..=pos);
            return;
        }
        if tip.batch_id == self.base.batch_id {
            return;
        }
        let own = self
            .unposted
            .iter()
            .find(|b| b.header.state_root == tip.state_root && b.header.msg_end == tip.msg_end);
        if let Some(last) = own.map(|b| b.header.number) {
            self.settle(last, tip.batch_id);
            return;
        }
        self.rebase(tip);
    }

    fn rebase(&mut self, tip: &DerivedTip) {
        if self.unposted.is_empty() {
            tracing::debug!(target: "janus::sequencer", batch = tip.batch_id, "following the derived tip");
        } else {
            tracing::warn!(target: "janus::sequencer", batch = tip.batch_id, abandoned = self.unposted.len(), "rebasing on the derived tip: unposted blocks abandoned");
        }
        let abandoned: Vec<Block> = std::mem::take(&mut self.unposted);
        self.base = Base {
            batch_id: tip.batch_id,
            state_root: tip.state_root,
            msg_end: tip.msg_end,
            chain: tip.chain_after,
        };
        self.awaiting.clear();
        self.in_flight = None;
        self.state = (*tip.state).clone();
        self.msg_next = tip.msg_end;
        self.chain = tip.chain_after;
        self.head = anchor_hash(tip.batch_id, tip.state_root);
        self.queue.retain(|n, _| *n >= tip.msg_end);
        for b in abandoned {
            for tx in b.txs {
                let bytes = tx.encode();
                let hash = super::block::tx_hash(&bytes);
                let status = match self.admit(&bytes) {
                    Ok(_) => TxStatus::Pending,
                    Err(e) => TxStatus::Dropped {
                        reason: format!("block abandoned on rebase: {e}"),
                    },
                };
                self.status.insert(hash, status);
            }
        }
    }
}
