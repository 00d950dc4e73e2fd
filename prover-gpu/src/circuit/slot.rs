//! One slot of the batch circuit: a deposit, a transfer, a withdrawal, a no-op record, or
//! padding (spec §4, §9, §10), as up to three sparse-Merkle account updates against the running
//! state root.
//!
//! | update | deposit | transfer | withdraw | no-op / padding |
//! | --- | --- | --- | --- | --- |
//! | U1 | target account (created or credited) | sender | sender | — |
//! | U2 | — | recipient | — | — |
//! | U3 | — | fee account | fee account | — |
//!
//! Each update proves the account's current leaf (zero for an empty slot) under the running
//! root and replaces it; aliases (`to = from`, fee account = sender …) work because every update
//! starts from the root the previous one produced.
//!
//! A transfer or withdrawal slot also verifies the record's Schnorr signature (spec §7.2-§7.3)
//! with [`verify_signature`]: against the sender's key as stored in its leaf (U1's preimage), over
//! the signing message `[TAG_TX, chainId, type, from, to, r_0..r_4, asset, amount, fee, nonce]`
//! with the circuit's chain id, exactly as `janus_l2::tx::verify_tx`. Deposit, no-op and padding
//! slots run the same gadget with its flag off. This makes the slot concrete on Goldilocks
//! (`D = 2`), the field of the EcGFp5 gadgets.

use janus_l2::hash::TAG_TX;
use janus_l2::NUM_ASSETS;
use plonky2::field::types::Field;
use plonky2::hash::hash_types::{HashOutTarget, NUM_HASH_OUT_ELTS};
use plonky2::hash::poseidon::PoseidonHash;
use plonky2::iop::target::{BoolTarget, Target};
use plonky2::plonk::circuit_builder::CircuitBuilder;

use super::packing::TX_WORDS;
use crate::gadgets::ecgfp5::schnorr::KEY_WORDS;
use crate::gadgets::ecgfp5::{verify_schnorr_if, SignatureTarget, WordOrder, SIGNATURE_WORDS};
use crate::gadgets::merkle::{self, MerklePathTarget};
use crate::gadgets::range::{
    assert_eq_if, assert_u32, assert_u63, bswap32, select_t, u63_from_words,
};
use crate::prover::{D, F};

/// Word positions in a transaction record (see [`super::packing`]).
pub mod tx_word {
    /// `type`.
    pub const TYPE: usize = 0;
    /// `from`.
    pub const FROM: usize = 1;
    /// `to`.
    pub const TO: usize = 2;
    /// First of the 5 `l1Recipient` words.
    pub const RECIPIENT: usize = 3;
    /// `asset`.
    pub const ASSET: usize = 8;
    /// `amount` high word (low word follows).
    pub const AMOUNT: usize = 9;
    /// `fee` high word.
    pub const FEE: usize = 11;
    /// `nonce` high word.
    pub const NONCE: usize = 13;
    /// First of the 20 signature words.
    pub const SIGNATURE: usize = 15;
}

/// Word positions in an L1 message record.
pub mod msg_word {
    /// `kind` (0 = new account, 1 = existing).
    pub const KIND: usize = 2;
    /// `account`.
    pub const ACCOUNT: usize = 8;
    /// First of the 10 `l2Key` words (big-endian words of the key bytes).
    pub const KEY: usize = 9;
    /// `asset`.
    pub const ASSET: usize = 19;
    /// `amount` high word.
    pub const AMOUNT: usize = 20;
}

/// An account's leaf preimage in the circuit (spec §8.1).
#[derive(Clone, Debug)]
pub struct AccountTarget {
    /// Key words `k_0..k_9` (little-endian u32 of the key bytes).
    pub key: [Target; 10],
    /// Nonce.
    pub nonce: Target,
    /// Balances of assets `0..NUM_ASSETS`.
    pub balances: [Target; NUM_ASSETS],
}

impl AccountTarget {
    fn new_virtual(b: &mut CircuitBuilder<F, D>) -> Self {
        Self {
            key: core::array::from_fn(|_| b.add_virtual_target()),
            nonce: b.add_virtual_target(),
            balances: core::array::from_fn(|_| b.add_virtual_target()),
        }
    }

    fn leaf(&self, b: &mut CircuitBuilder<F, D>) -> HashOutTarget {
        let mut inputs = self.key.to_vec();
        inputs.push(self.nonce);
        inputs.extend_from_slice(&self.balances);
        b.hash_n_to_hash_no_pad::<PoseidonHash>(inputs)
    }

    /// Every field multiplied by `m` (zero when the slot is empty).
    fn masked(&self, b: &mut CircuitBuilder<F, D>, m: Target) -> Self {
        Self {
            key: self.key.map(|k| b.mul(m, k)),
            nonce: b.mul(m, self.nonce),
            balances: self.balances.map(|x| b.mul(m, x)),
        }
    }
}

/// Witness targets of one account update.
#[derive(Clone, Debug)]
pub struct UpdateTarget {
    /// Whether the slot held an account before the update.
    pub exists: BoolTarget,
    /// The account before the update (ignored when `exists` is false).
    pub old: AccountTarget,
    /// The Merkle path of the slot.
    pub path: MerklePathTarget,
}

/// The targets of one slot.
#[derive(Clone, Debug)]
pub struct SlotTarget {
    /// Deposit (an L1 message record).
    pub is_deposit: BoolTarget,
    /// Transfer record.
    pub is_transfer: BoolTarget,
    /// Withdraw record.
    pub is_withdraw: BoolTarget,
    /// No-op record (137 zero bytes in the data).
    pub is_noop: BoolTarget,
    /// Padding (no record in the data).
    pub is_padding: BoolTarget,
    /// The record's words (a message uses the first 22, the rest are zero).
    pub words: [Target; TX_WORDS],
    /// One-hot asset selector; all zero only for a deposit of an asset `≥ NUM_ASSETS`.
    pub asset_select: [BoolTarget; NUM_ASSETS],
    /// U1, U2, U3 (see the module docs).
    pub updates: [UpdateTarget; 3],
}

// The signature is the last field of a transaction record.
const _: () = assert!(tx_word::SIGNATURE + SIGNATURE_WORDS == TX_WORDS);

/// Inputs of the signature check of one slot.
pub struct SignatureInputs<'a> {
    /// 1 for a transfer or withdrawal, 0 otherwise (boolean by construction).
    pub enabled: BoolTarget,
    /// The sender's stored key words `k_0..k_9` (leaf preimage, little-endian u32 words).
    pub key: &'a [Target; KEY_WORDS],
    /// The L2 chain id (a constant of the circuit, `≤ 2^63 − 1`).
    pub chain_id: Target,
    /// The 14 elements of the signing message (spec §7.3) except `TAG_TX` and `chainId`:
    /// `type, from, to, r_0..r_4, asset, amount, fee, nonce` (12 elements).
    pub message: [Target; 12],
    /// The 20 signature words (big-endian u32 words of the 80 signature bytes).
    pub signature: [Target; SIGNATURE_WORDS],
}

/// Constrain, when `inputs.enabled`, that the slot's signature is valid (spec §7.2) for the
/// signing message `[TAG_TX, chainId] ‖ inputs.message` under the sender's stored key: the
/// in-circuit form of `janus_l2::tx::verify_tx` (714 rows, `gadgets::ecgfp5::schnorr`). When
/// disabled only the 32-bit range checks of the key and signature words remain.
pub fn verify_signature(b: &mut CircuitBuilder<F, D>, inputs: &SignatureInputs<'_>) {
    let tag = b.constant(F::from_canonical_u64(TAG_TX));
    let mut msg = Vec::with_capacity(2 + inputs.message.len());
    msg.push(tag);
    msg.push(inputs.chain_id);
    msg.extend_from_slice(&inputs.message);
    let sig = SignatureTarget {
        words: inputs.signature,
        order: WordOrder::BigEndian,
    };
    verify_schnorr_if(b, inputs.enabled, inputs.key, &msg, &sig);
}

fn add_update(b: &mut CircuitBuilder<F, D>, index: Target) -> UpdateTarget {
    UpdateTarget {
        exists: b.add_virtual_bool_target_safe(),
        old: AccountTarget::new_virtual(b),
        path: merkle::add_path(b, index),
    }
}

/// Leaf of a possibly empty slot: `exists ? H(account) : 0`.
fn old_leaf(b: &mut CircuitBuilder<F, D>, u: &UpdateTarget) -> HashOutTarget {
    let h = u.old.leaf(b);
    HashOutTarget {
        elements: core::array::from_fn(|i| b.mul(u.exists.target, h.elements[i])),
    }
}

/// Credit `amount` to the selected asset of the account of update `u` (U2, U3): the account must
/// exist and the new balance stay `< 2^63`.
fn credit(
    b: &mut CircuitBuilder<F, D>,
    root: HashOutTarget,
    u: &UpdateTarget,
    select: &[BoolTarget; NUM_ASSETS],
    amount: Target,
    enabled: BoolTarget,
) -> HashOutTarget {
    let one = b.one();
    assert_eq_if(b, enabled.target, u.exists.target, one);
    let before = old_leaf(b, u);
    let base = u.old.masked(b, u.exists.target);
    let mut new = base.clone();
    let mut cur = b.zero();
    for (j, s) in select.iter().enumerate() {
        let credited = b.mul_add(s.target, amount, base.balances[j]);
        new.balances[j] = credited;
        cur = b.mul_add(s.target, credited, cur);
    }
    let checked = b.mul(enabled.target, cur);
    assert_u63(b, checked);
    let after = new.leaf(b);
    merkle::update(b, root, &u.path, before, after, enabled)
}

/// Add one slot's constraints; returns its targets and the root after it. `chain_id` is the
/// circuit's L2 chain id (a constant target) that signatures cover.
pub fn add_slot(
    b: &mut CircuitBuilder<F, D>,
    root: HashOutTarget,
    fee_account: Target,
    chain_id: Target,
) -> (SlotTarget, HashOutTarget) {
    let is_deposit = b.add_virtual_bool_target_safe();
    let is_transfer = b.add_virtual_bool_target_safe();
    let is_withdraw = b.add_virtual_bool_target_safe();
    let is_noop = b.add_virtual_bool_target_safe();
    let is_padding = b.add_virtual_bool_target_safe();
    let (dep, tr, wd, nop, pad) = (
        is_deposit.target,
        is_transfer.target,
        is_withdraw.target,
        is_noop.target,
        is_padding.target,
    );
    let one = b.one();
    let zero = b.zero();
    let kinds = b.add_many([dep, tr, wd, nop, pad]);
    b.connect(kinds, one);
    let txish_t = b.add(tr, wd);
    let txish = BoolTarget::new_unsafe(txish_t);
    let words: [Target; TX_WORDS] = core::array::from_fn(|_| b.add_virtual_target());
    let w = |j: usize| words[j];

    // --- Framing (spec §4, §10.1) -----------------------------------------------------------
    // Type word of a transaction record.
    let records = b.add(txish_t, nop);
    let two = b.two();
    let expected_type = b.mul_add(two, wd, tr);
    assert_eq_if(b, records, w(tx_word::TYPE), expected_type);
    // Words a record does not have (or a no-op's / padding's) are zero.
    let empty = b.add(pad, nop);
    let beyond_message = b.add(empty, dep);
    for j in 1..TX_WORDS {
        let m = if j < super::packing::MESSAGE_WORDS {
            empty
        } else {
            beyond_message
        };
        let z = b.mul(m, w(j));
        b.assert_zero(z);
    }
    let z0 = b.mul(pad, w(0));
    b.assert_zero(z0);
    // Transfer: zero l1Recipient. Withdraw: zero `to`, non-zero l1Recipient.
    let mut recipient_sum = zero;
    for i in 0..5 {
        let r = w(tx_word::RECIPIENT + i);
        let masked = b.mul(txish_t, r);
        assert_u32(b, masked);
        let z = b.mul(tr, r);
        b.assert_zero(z);
        recipient_sum = b.add(recipient_sum, masked);
    }
    let z_to = b.mul(wd, w(tx_word::TO));
    b.assert_zero(z_to);
    let not_wd = b.sub(one, wd);
    let must_be_nonzero = b.mul_add(wd, recipient_sum, not_wd);
    b.inverse(must_be_nonzero);
    // Deposit: kind is 0 or 1; kind 1 has an all-zero key field.
    let kind = b.mul(dep, w(msg_word::KIND));
    let kind_m1 = b.sub(kind, one);
    let kind_bool = b.mul(kind, kind_m1);
    b.assert_zero(kind_bool);
    for i in 0..10 {
        let z = b.mul(kind, w(msg_word::KEY + i));
        b.assert_zero(z);
    }
    let is_new = b.sub(dep, kind);

    // --- Fields -----------------------------------------------------------------------------
    let index1 = select_t(b, dep, w(msg_word::ACCOUNT), w(tx_word::FROM));
    let asset = select_t(b, dep, w(msg_word::ASSET), w(tx_word::ASSET));
    let amount_hi = select_t(b, dep, w(msg_word::AMOUNT), w(tx_word::AMOUNT));
    let amount_lo = select_t(b, dep, w(msg_word::AMOUNT + 1), w(tx_word::AMOUNT + 1));
    let amount = u63_from_words(b, amount_hi, amount_lo);
    let fee_hi = b.mul(txish_t, w(tx_word::FEE));
    let fee_lo = b.mul(txish_t, w(tx_word::FEE + 1));
    let fee = u63_from_words(b, fee_hi, fee_lo);
    let nonce_hi = b.mul(txish_t, w(tx_word::NONCE));
    let nonce_lo = b.mul(txish_t, w(tx_word::NONCE + 1));
    let tx_nonce = u63_from_words(b, nonce_hi, nonce_lo);
    let to = b.mul(txish_t, w(tx_word::TO));

    // Asset selector: one-hot with `asset` for a transaction; for a deposit either one-hot or
    // all zero with `asset ≥ NUM_ASSETS` (credits nothing, spec §10.2).
    let asset_select: [BoolTarget; NUM_ASSETS] =
        core::array::from_fn(|_| b.add_virtual_bool_target_safe());
    let selected = b.add_many(asset_select.iter().map(|s| s.target));
    let selected_m1 = b.sub(selected, one);
    let at_most_one = b.mul(selected, selected_m1);
    b.assert_zero(at_most_one);
    let mut weighted = zero;
    for (j, s) in asset_select.iter().enumerate() {
        weighted = b.mul_const_add(F::from_canonical_usize(j), s.target, weighted);
    }
    assert_eq_if(b, selected, asset, weighted);
    assert_eq_if(b, txish_t, selected, one);
    let none_selected = b.sub(one, selected);
    let n = b.constant(F::from_canonical_usize(NUM_ASSETS));
    let asset_minus_n = b.sub(asset, n);
    let large = b.mul(none_selected, asset_minus_n);
    assert_u32(b, large);

    // --- U1: deposit target or sender --------------------------------------------------------
    let u1 = add_update(b, index1);
    let enabled1_t = b.add(dep, txish_t);
    let enabled1 = BoolTarget::new_unsafe(enabled1_t);
    // The account must exist, except for a NEW_ACCOUNT deposit, whose slot must be empty.
    let must_exist = b.add(txish_t, kind);
    assert_eq_if(b, enabled1_t, u1.exists.target, must_exist);
    // A deposit never targets slot 0 (spec §2).
    let not_dep = b.sub(one, dep);
    let nonzero_index = b.mul_add(dep, index1, not_dep);
    b.inverse(nonzero_index);
    let before1 = old_leaf(b, &u1);
    let base1 = u1.old.masked(b, u1.exists.target);
    assert_eq_if(b, txish_t, tx_nonce, base1.nonce);
    let mut new1 = base1.clone();
    new1.nonce = b.add(base1.nonce, txish_t);
    let nonce_checked = b.mul(enabled1_t, new1.nonce);
    assert_u63(b, nonce_checked);
    let mut cur = zero;
    for (j, s) in asset_select.iter().enumerate() {
        cur = b.mul_add(s.target, base1.balances[j], cur);
    }
    let after_amount = b.sub(cur, amount);
    let checked = b.mul(txish_t, after_amount);
    assert_u63(b, checked);
    let after_fee = b.sub(after_amount, fee);
    let deposited = b.add(cur, amount);
    let new_cur = select_t(b, dep, deposited, after_fee);
    let checked = b.mul(enabled1_t, new_cur);
    assert_u63(b, checked);
    let delta = b.sub(new_cur, cur);
    for (j, s) in asset_select.iter().enumerate() {
        new1.balances[j] = b.mul_add(s.target, delta, base1.balances[j]);
    }
    for i in 0..10 {
        let masked = b.mul(is_new, w(msg_word::KEY + i));
        let le = bswap32(b, masked);
        new1.key[i] = select_t(b, is_new, le, base1.key[i]);
    }
    let after1 = new1.leaf(b);
    let root1 = merkle::update(b, root, &u1.path, before1, after1, enabled1);

    let mut recipient_words = [zero; 5];
    for (i, r) in recipient_words.iter_mut().enumerate() {
        *r = w(tx_word::RECIPIENT + i);
    }
    verify_signature(
        b,
        &SignatureInputs {
            enabled: txish,
            key: &u1.old.key,
            chain_id,
            message: [
                w(tx_word::TYPE),
                w(tx_word::FROM),
                to,
                recipient_words[0],
                recipient_words[1],
                recipient_words[2],
                recipient_words[3],
                recipient_words[4],
                asset,
                amount,
                fee,
                tx_nonce,
            ],
            signature: core::array::from_fn(|i| words[tx_word::SIGNATURE + i]),
        },
    );

    // --- U2: transfer recipient; U3: fee account ---------------------------------------------
    let u2 = add_update(b, to);
    let root2 = credit(b, root1, &u2, &asset_select, amount, is_transfer);
    let u3 = add_update(b, fee_account);
    let root3 = credit(b, root2, &u3, &asset_select, fee, txish);

    debug_assert_eq!(root3.elements.len(), NUM_HASH_OUT_ELTS);
    (
        SlotTarget {
            is_deposit,
            is_transfer,
            is_withdraw,
            is_noop,
            is_padding,
            words,
            asset_select,
            updates: [u1, u2, u3],
        },
        root3,
    )
}
