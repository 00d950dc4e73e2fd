//! Block production on the working state, in three named steps: the slot
//! ([`Core::new_slot`]), what goes in it ([`Core::fill`]: L1 messages, then mempool transactions)
//! and the sealed block ([`Core::seal`]: header, soft confirmation, store commit, or undone when
//! the store refuses it).

use std::collections::HashSet;

use alloy::primitives::B256;
use janus_l2::batch::{apply_deposit, apply_tx_with};
use janus_l2::tx::message::{chain_next, L1Message};
use janus_l2::tx::signing::verify_tx;

use super::super::block::{tx_root, Block, BlockHeader, Dropped, StoredBlock};
use super::super::error::SequencerError;
use super::super::TxStatus;
use super::Core;
use crate::convert::b256;
use crate::store::SoftConfirmation;

impl Core {
    /// Produce the block of slot `now_ms / block_interval` if there is anything to include and the
    /// slot is new. Signs it and commits it to the store before returning it.
    pub fn produce_block(&mut self, now_ms: u64) -> Result<Option<Block>, SequencerError> {
        // The block's transfers update the tree with deferred hashing: each touched path is
        // re-hashed once, at the header (the fee account's path once per block, not per transfer).
        self.state.defer_hashing();
        let out = self.produce_block_deferred(now_ms);
        self.state.commit();
        out
    }

    /// Block production in three named steps: the slot ([`Self::new_slot`]), what goes in it
    /// ([`Self::fill`]: L1 messages, then mempool transactions, applied to the working state) and
    /// the sealed, signed, stored block ([`Self::seal`]).
    fn produce_block_deferred(&mut self, now_ms: u64) -> Result<Option<Block>, SequencerError> {
        let Some(number) = self.new_slot(now_ms)? else {
            return Ok(None);
        };
        let filled = self.fill();
        if filled.messages.is_empty() && filled.txs.is_empty() && filled.dropped.is_empty() {
            return Ok(None);
        }
        self.seal(number, now_ms, filled).map(Some)
    }

    /// The block number of the slot at `now_ms`, if no block was produced (or signed in an
    /// earlier run) at it yet.
    fn new_slot(&mut self, now_ms: u64) -> Result<Option<u64>, SequencerError> {
        let interval = self.cfg.block_interval.as_millis().max(1) as u64;
        let number = now_ms / interval;
        if self.head_number.is_some_and(|h| h >= number) {
            return Ok(None);
        }
        if self.store.soft_confirmation(number)?.is_some() {
            // Signed in an earlier run (clock went back): never sign again at this number.
            self.head_number = Some(number);
            return Ok(None);
        }
        Ok(Some(number))
    }

    /// What the next block holds, applied to the working state: L1 messages first, then mempool
    /// transactions, within the record bound. The journal can undo it ([`Self::seal`]).
    fn fill(&mut self) -> Filled {
        let mut f = Filled {
            journal: Vec::new(),
            messages: Vec::new(),
            msg_next: self.msg_next,
            chain: self.chain,
            txs: Vec::new(),
            dropped: Vec::new(),
            keys: Vec::new(),
        };
        // A block never holds more records than a batch may (a batch packs whole blocks).
        let records = self.record_limit.unwrap_or(usize::MAX);
        self.fill_messages(&mut f, records);
        self.fill_txs(&mut f, records);
        f
    }

    /// L1 messages in queue order (the oldest, so the overdue ones, first), at most
    /// `max_block_messages`: a backlog is spread over blocks, and so over batches.
    fn fill_messages(&mut self, f: &mut Filled, records: usize) {
        let max_messages = self.cfg.max_block_messages.min(records);
        while let Some(m) = self
            .queue
            .get(&f.msg_next)
            .filter(|_| f.messages.len() < max_messages)
        {
            f.journal
                .push((m.account, self.state.get(m.account).cloned()));
            if let Err(e) = apply_deposit(&mut self.state, m) {
                tracing::error!(target: "janus::sequencer", nonce = f.msg_next, %e, "L1 message does not apply: state and queue disagree");
                f.journal.pop();
                break;
            }
            f.chain = chain_next(&f.chain, &m.encode());
            f.messages.push(m.clone());
            f.msg_next += 1;
        }
    }

    /// Mempool transactions in admission order, each at its sender's next nonce, filling what
    /// the messages left of the record bound; the ones that cannot apply are dropped with the
    /// reason.
    fn fill_txs(&mut self, f: &mut Filled, records: usize) {
        let fee_account = self.cfg.fee_account;
        let mut done: HashSet<(u32, u64)> = HashSet::new();
        let candidates: Vec<(u32, u64, B256, janus_l2::tx::record::Tx, Option<[u8; 40]>)> = self
            .mempool
            .in_arrival_order()
            .map(|p| (p.from, p.nonce, p.hash, p.tx.clone(), p.verified_key))
            .collect();
        let max_txs = self.cfg.max_block_txs.min(records - f.messages.len());
        let mut progress = true;
        while progress && f.txs.len() < max_txs {
            progress = false;
            for (from, nonce, hash, tx, verified_key) in &candidates {
                if f.txs.len() >= max_txs {
                    break;
                }
                if done.contains(&(*from, *nonce)) {
                    continue;
                }
                let next = self.state.get(*from).map(|a| a.nonce);
                match next {
                    Some(n) if n > *nonce => {
                        f.dropped.push(Dropped {
                            hash: *hash,
                            reason: format!("nonce too low: account is at {n}"),
                        });
                    }
                    Some(n) if n < *nonce => continue,
                    _ => {
                        let touched = [*from, fee_account, recipient(tx)];
                        let before: Vec<_> = touched
                            .iter()
                            .map(|i| (*i, self.state.get(*i).cloned()))
                            .collect();
                        // Verified at admission against this very key: not verified again.
                        let chain_id = self.cfg.l2_chain_id;
                        let check = |key: &[u8; 40]| match verified_key {
                            Some(v) if v == key => Ok(()),
                            _ => verify_tx(tx, key, chain_id),
                        };
                        match apply_tx_with(&mut self.state, fee_account, tx, check) {
                            Ok(_) => {
                                f.journal.extend(before);
                                f.txs.push(tx.clone());
                                progress = true;
                            }
                            Err(e) => f.dropped.push(Dropped {
                                hash: *hash,
                                reason: e.to_string(),
                            }),
                        }
                    }
                }
                done.insert((*from, *nonce));
                f.keys.push((*from, *nonce));
            }
        }
    }

    /// Header, soft confirmation, store commit: the block becomes this node's head. A commit the
    /// store refuses (a block already signed at this number, a store error) undoes the block's
    /// effects on the working state.
    fn seal(&mut self, number: u64, now_ms: u64, f: Filled) -> Result<Block, SequencerError> {
        let Filled {
            journal,
            messages,
            msg_next,
            chain,
            txs,
            dropped,
            keys,
        } = f;
        let header = BlockHeader {
            number,
            parent_hash: self.head,
            state_root: b256(&self.state.commit()),
            tx_root: tx_root(&txs),
            msg_end: msg_next,
            msg_chain: B256::from(chain),
            fee_account: self.cfg.fee_account,
            timestamp_ms: now_ms,
            tx_count: txs.len() as u32,
        };
        let (digest, signature) = self.confirmer.sign(&header)?;
        let mut block = Block {
            hash: header.hash(),
            header,
            messages,
            txs,
            dropped,
            signature: Some(signature.clone()),
        };
        let row = serde_json::to_vec(&StoredBlock::of(&block, self.base.batch_id))
            .map_err(crate::store::StoreError::from)?;
        let sc = SoftConfirmation {
            height: number,
            header_hash: digest,
            signature,
        };
        let committed = self.store.commit_block(&sc, &row, &keys);
        let refused = match committed {
            Ok(None) => None,
            Ok(Some(_)) => Some(SequencerError::AlreadySigned { number }),
            Err(e) => Some(e.into()),
        };
        if let Some(err) = refused {
            // Undo the block's effects on the working state (newest first).
            for (i, old) in journal.into_iter().rev() {
                self.state.set(i, old);
            }
            self.head_number = Some(number);
            return Err(err);
        }
        self.mempool.remove(&keys);
        for h in block.tx_hashes() {
            self.status.insert(h, TxStatus::Included { block: number });
        }
        for d in &block.dropped {
            self.status.insert(
                d.hash,
                TxStatus::Dropped {
                    reason: d.reason.clone(),
                },
            );
        }
        self.msg_next = msg_next;
        self.chain = chain;
        self.head = block.hash;
        self.head_number = Some(number);
        block.signature = Some(sc.signature);
        self.recent.insert(number, block.clone());
        while self.recent.len() > self.cfg.recent_blocks {
            self.recent.pop_first();
        }
        self.unposted.push(block.clone());
        Ok(block)
    }
}

/// What [`Core::fill`] put in the next block, with the journal that undoes it.
struct Filled {
    /// Accounts as they were before the block touched them, oldest first.
    journal: Vec<(u32, Option<janus_l2::state::Account>)>,
    messages: Vec<L1Message>,
    /// The queue position and message chain after the block's messages.
    msg_next: u64,
    chain: [u8; 32],
    txs: Vec<janus_l2::tx::record::Tx>,
    dropped: Vec<Dropped>,
    /// Mempool keys (account, nonce) the block consumed, included or dropped.
    keys: Vec<(u32, u64)>,
}

fn recipient(tx: &janus_l2::tx::record::Tx) -> u32 {
    match tx {
        janus_l2::tx::record::Tx::Transfer(t) => t.to,
        _ => 0,
    }
}
