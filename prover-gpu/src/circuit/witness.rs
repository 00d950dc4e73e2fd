//! Witness of the batch circuit: computed natively from the state before the batch and the
//! batch ([`BatchWitness::new`], plain data that tests may alter), then written into a plonky2
//! `PartialWitness` ([`BatchWitness::assign`]).
//!
//! The witness mirrors the circuit's updates U1-U3 on a copy of the state (it needs the
//! intermediate roots inside a transaction, which `janus_l2::batch::apply_tx` does not expose).
//! It does not judge validity: arithmetic wraps, so an invalid batch yields a witness that the
//! circuit rejects. Validity is checked with `janus_l2::batch::apply_batch` by the caller
//! ([`crate::prover::batch`]).

use janus_l2::batch::Batch;
use janus_l2::hash::Digest;
use janus_l2::state::{Account, MerkleProof, State};
use janus_l2::tx::{L1Message, MessageKind, Tx};
use janus_l2::NUM_ASSETS;
use plonky2::field::types::Field;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};

use super::packing::{
    data_hash_words, message_words, tx_words, Fp2, PackedBatch, MESSAGE_WORDS, TX_WORDS,
};
use super::records::{absorb_header_native, absorb_record_native, fp2, fp2_words, horner_native};
use super::segment::{ChainState, SegmentCircuit, SegmentPublicInputs, SegmentShared};
use super::slot::{AccountTarget, SlotTarget, UpdateTarget};
use super::{BatchCircuit, BatchPublicInputs};
use crate::error::ProverError;
use crate::gadgets::merkle::set_path;
use crate::prover::F;

/// What a slot holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// An L1 message (deposit).
    Deposit,
    /// A transfer record.
    Transfer,
    /// A withdraw record.
    Withdraw,
    /// A no-op record.
    Noop,
    /// Padding (beyond the batch's records).
    Padding,
}

/// Witness of one account update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdateWitness {
    /// Whether the slot held an account.
    pub exists: bool,
    /// The account before (default when empty).
    pub account: Account,
    /// The Merkle proof of the slot against the running root.
    pub proof: MerkleProof,
}

impl UpdateWitness {
    fn disabled() -> Self {
        Self {
            exists: false,
            account: Account::new([0; 40]),
            proof: MerkleProof {
                index: 0,
                siblings: [janus_l2::hash::ZERO_DIGEST; janus_l2::state::TREE_DEPTH],
            },
        }
    }

    fn of(state: &State, index: u32) -> Self {
        let account = state.get(index).cloned();
        Self {
            exists: account.is_some(),
            account: account.unwrap_or_else(|| Account::new([0; 40])),
            proof: state.proof(index),
        }
    }
}

/// Witness of one slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SlotWitness {
    /// Kind.
    pub kind: SlotKind,
    /// Record words (zero-extended to 35).
    pub words: [u64; TX_WORDS],
    /// Asset one-hot selector.
    pub asset_select: [bool; NUM_ASSETS],
    /// U1, U2, U3.
    pub updates: [UpdateWitness; 3],
}

/// Witness of a whole batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchWitness {
    /// Root before the batch.
    pub old_root: Digest,
    /// Header fee account.
    pub fee_account: u32,
    /// `keccak256(data)`.
    pub data_hash: [u8; 32],
    /// One per circuit slot.
    pub slots: Vec<SlotWitness>,
    /// The public inputs an honest proof of this witness has.
    pub expected: BatchPublicInputs,
}

fn select_for(asset: u32) -> [bool; NUM_ASSETS] {
    core::array::from_fn(|j| j as u32 == asset)
}

fn credit(state: &mut State, index: u32, asset: u32, amount: u64) -> UpdateWitness {
    let u = UpdateWitness::of(state, index);
    let mut a = u.account.clone();
    if let Some(b) = a.balances.get_mut(asset as usize) {
        *b = b.wrapping_add(amount);
    }
    state.update(index, a);
    u
}

fn deposit_slot(state: &mut State, msg: &L1Message) -> SlotWitness {
    let mw = message_words(&msg.encode());
    let mut words = [0u64; TX_WORDS];
    words[..mw.len()].copy_from_slice(&mw);
    let u1 = UpdateWitness::of(state, msg.account);
    let mut a = match msg.kind {
        MessageKind::NewAccount => Account::new(msg.l2_key),
        MessageKind::ExistingAccount => u1.account.clone(),
    };
    if let Some(b) = a.balances.get_mut(msg.asset as usize) {
        *b = b.wrapping_add(msg.amount);
    }
    state.update(msg.account, a);
    SlotWitness {
        kind: SlotKind::Deposit,
        words,
        asset_select: select_for(msg.asset),
        updates: [u1, UpdateWitness::disabled(), UpdateWitness::disabled()],
    }
}

fn tx_slot(state: &mut State, fee_account: u32, tx: &Tx) -> SlotWitness {
    let words = tx_words(&tx.encode());
    let (kind, from, to, asset, amount, fee) = match tx {
        Tx::Noop => {
            return SlotWitness {
                kind: SlotKind::Noop,
                words,
                asset_select: select_for(0),
                updates: core::array::from_fn(|_| UpdateWitness::disabled()),
            }
        }
        Tx::Transfer(t) => (
            SlotKind::Transfer,
            t.from,
            Some(t.to),
            t.asset,
            t.amount,
            t.fee,
        ),
        Tx::Withdraw(w) => (SlotKind::Withdraw, w.from, None, w.asset, w.amount, w.fee),
    };
    let u1 = UpdateWitness::of(state, from);
    let mut sender = u1.account.clone();
    sender.nonce = sender.nonce.wrapping_add(1);
    if let Some(b) = sender.balances.get_mut(asset as usize) {
        *b = b.wrapping_sub(amount).wrapping_sub(fee);
    }
    state.update(from, sender);
    let u2 = match to {
        Some(to) => credit(state, to, asset, amount),
        None => UpdateWitness::disabled(),
    };
    let u3 = credit(state, fee_account, asset, fee);
    SlotWitness {
        kind,
        words,
        asset_select: select_for(asset),
        updates: [u1, u2, u3],
    }
}

/// The witnesses of `batch`'s records applied to `state`, then padding up to `slots`, with the
/// state root after each slot.
fn slot_witnesses(state: &State, batch: &Batch, slots: usize) -> (Vec<SlotWitness>, Vec<Digest>) {
    let mut work = state.clone();
    let mut out = Vec::with_capacity(slots);
    let mut roots = Vec::with_capacity(slots);
    for msg in &batch.messages {
        out.push(deposit_slot(&mut work, msg));
        roots.push(work.root());
    }
    for tx in &batch.txs {
        out.push(tx_slot(&mut work, batch.fee_account, tx));
        roots.push(work.root());
    }
    while out.len() < slots {
        out.push(SlotWitness::padding());
        roots.push(work.root());
    }
    (out, roots)
}

impl SlotWitness {
    fn padding() -> Self {
        Self {
            kind: SlotKind::Padding,
            words: [0; TX_WORDS],
            asset_select: select_for(0),
            updates: core::array::from_fn(|_| UpdateWitness::disabled()),
        }
    }
}

impl BatchWitness {
    /// The witness of `batch` applied to `state` for a circuit of `slots` slots. The state is
    /// not modified.
    pub fn new(state: &State, batch: &Batch, slots: usize) -> Result<Self, ProverError> {
        let records = batch.messages.len() + batch.txs.len();
        if records > slots {
            return Err(ProverError::TooManyRecords { records, slots });
        }
        let packed = PackedBatch::from_batch(batch).map_err(janus_l2::BatchError::from)?;
        let old_root = state.root();
        let (out, roots) = slot_witnesses(state, batch, slots);
        let new_root = roots.last().copied().unwrap_or(old_root);
        let (z, y) = packed.binding();
        Ok(Self {
            old_root,
            fee_account: batch.fee_account,
            data_hash: packed.data_hash,
            slots: out,
            expected: BatchPublicInputs {
                old_root,
                new_root,
                data_hash: packed.data_hash,
                z,
                y,
            },
        })
    }

    /// Write the witness into a fresh `PartialWitness` for `circuit`.
    pub fn assign(&self, circuit: &BatchCircuit) -> Result<PartialWitness<F>, ProverError> {
        let t = &circuit.targets;
        check_slot_count(self.slots.len(), t.slots.len())?;
        let mut pw = PartialWitness::new();
        let e = ProverError::witness;
        pw.set_hash_target(t.old_root, self.old_root).map_err(e)?;
        set_u64(&mut pw, t.fee_account, self.fee_account as u64)?;
        for (target, w) in t
            .data_hash
            .iter()
            .zip(super::packing::data_hash_words(&self.data_hash))
        {
            set_u64(&mut pw, *target, w)?;
        }
        for (st, sw) in t.slots.iter().zip(&self.slots) {
            assign_slot(&mut pw, st, sw)?;
        }
        Ok(pw)
    }
}

fn assign_slot(
    pw: &mut PartialWitness<F>,
    st: &SlotTarget,
    sw: &SlotWitness,
) -> Result<(), ProverError> {
    let e = ProverError::witness;
    let flags = [
        (st.is_deposit, SlotKind::Deposit),
        (st.is_transfer, SlotKind::Transfer),
        (st.is_withdraw, SlotKind::Withdraw),
        (st.is_noop, SlotKind::Noop),
        (st.is_padding, SlotKind::Padding),
    ];
    for (target, kind) in flags {
        pw.set_bool_target(target, sw.kind == kind).map_err(e)?;
    }
    for (target, w) in st.words.iter().zip(sw.words) {
        set_u64(pw, *target, w)?;
    }
    for (target, s) in st.asset_select.iter().zip(sw.asset_select) {
        pw.set_bool_target(*target, s).map_err(e)?;
    }
    for (ut, uw) in st.updates.iter().zip(&sw.updates) {
        assign_update(pw, ut, uw)?;
    }
    Ok(())
}

fn check_slot_count(witness: usize, circuit: usize) -> Result<(), ProverError> {
    if witness != circuit {
        return Err(ProverError::TooManyRecords {
            records: witness,
            slots: circuit,
        });
    }
    Ok(())
}

fn set_u64(
    pw: &mut PartialWitness<F>,
    t: plonky2::iop::target::Target,
    v: u64,
) -> Result<(), ProverError> {
    pw.set_target(t, F::from_noncanonical_u64(v))
        .map_err(ProverError::witness)
}

fn assign_account(
    pw: &mut PartialWitness<F>,
    t: &AccountTarget,
    a: &Account,
) -> Result<(), ProverError> {
    for (target, w) in t.key.iter().zip(a.key_words()) {
        set_u64(pw, *target, w as u64)?;
    }
    set_u64(pw, t.nonce, a.nonce)?;
    for (target, b) in t.balances.iter().zip(a.balances) {
        set_u64(pw, *target, b)?;
    }
    Ok(())
}

fn assign_update(
    pw: &mut PartialWitness<F>,
    t: &UpdateTarget,
    w: &UpdateWitness,
) -> Result<(), ProverError> {
    pw.set_bool_target(t.exists, w.exists)
        .map_err(ProverError::witness)?;
    assign_account(pw, &t.old, &w.account)?;
    set_path(pw, &t.path, &w.proof)
}

/// Witness of one segment of a batch ([`super::segment`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentWitness {
    /// The public inputs an honest proof of this segment has (tests may alter them: the
    /// circuit must then reject the witness).
    pub public: SegmentPublicInputs,
    /// One per circuit slot.
    pub slots: Vec<SlotWitness>,
}

/// The chain state before the first record of a batch (spec §12.5): the state root, the
/// Poseidon chain and Horner's value after the header, "after a deposit" (the first record may
/// be of any kind), nothing counted.
pub fn initial_chain_state(old_root: Digest, packed: &PackedBatch, z: [u64; 2]) -> ChainState {
    ChainState {
        root: old_root,
        h: absorb_header_native(&data_hash_words(&packed.data_hash), &packed.header),
        y: fp2_words(horner_native(Fp2::ZERO, fp2(z), &packed.header)),
        prev_deposit: true,
        prev_padding: false,
        messages: 0,
        txs: 0,
    }
}

/// The witnesses of `batch` applied to `state`, cut into segments of `slots` slots: one
/// segment per `slots` records (at least one; the last one padded). The state is not modified.
pub fn segment_witnesses(
    state: &State,
    batch: &Batch,
    slots: usize,
) -> Result<Vec<SegmentWitness>, ProverError> {
    if slots == 0 {
        return Err(ProverError::TooManyRecords {
            records: batch.messages.len() + batch.txs.len(),
            slots,
        });
    }
    let packed = PackedBatch::from_batch(batch).map_err(janus_l2::BatchError::from)?;
    // Only z: y is computed segment by segment below (packed.binding() would evaluate P(z) too).
    let z = packed.challenge();
    let shared = SegmentShared {
        data_hash: packed.data_hash,
        fee_account: batch.fee_account,
        message_count: packed.header[2] as u32,
        tx_count: packed.header[3] as u32,
        z,
    };
    let records = batch.messages.len() + batch.txs.len();
    let segments = records.div_ceil(slots).max(1);
    let (all, roots) = slot_witnesses(state, batch, segments * slots);
    let zz = fp2(z);
    let mut chain = initial_chain_state(state.root(), &packed, z);
    let mut out = Vec::with_capacity(segments);
    for (seg, roots) in all.chunks(slots).zip(roots.chunks(slots)) {
        let input = chain.clone();
        for (w, root) in seg.iter().zip(roots) {
            chain.root = *root;
            chain.prev_deposit = w.kind == SlotKind::Deposit;
            chain.prev_padding = w.kind == SlotKind::Padding;
            let words = match w.kind {
                SlotKind::Padding => continue,
                SlotKind::Deposit => {
                    chain.messages += 1;
                    &w.words[..MESSAGE_WORDS]
                }
                _ => {
                    chain.txs += 1;
                    &w.words[..]
                }
            };
            chain.h = absorb_record_native(chain.h, w.kind == SlotKind::Deposit, &w.words);
            chain.y = fp2_words(horner_native(fp2(chain.y), zz, words));
        }
        out.push(SegmentWitness {
            public: SegmentPublicInputs {
                shared: shared.clone(),
                input,
                output: chain.clone(),
            },
            slots: seg.to_vec(),
        });
    }
    Ok(out)
}

impl SegmentWitness {
    /// Write the witness into a fresh `PartialWitness` for `circuit`.
    pub fn assign(&self, circuit: &SegmentCircuit) -> Result<PartialWitness<F>, ProverError> {
        let t = &circuit.targets;
        check_slot_count(self.slots.len(), t.slots.len())?;
        let mut pw = PartialWitness::new();
        let e = ProverError::witness;
        let elements = self.public.to_elements();
        let shared = t.shared.targets();
        let input = t.input.targets();
        for (target, v) in shared.iter().chain(&input).zip(&elements) {
            pw.set_target(*target, *v).map_err(e)?;
        }
        for (st, sw) in t.slots.iter().zip(&self.slots) {
            assign_slot(&mut pw, st, sw)?;
        }
        Ok(pw)
    }
}
