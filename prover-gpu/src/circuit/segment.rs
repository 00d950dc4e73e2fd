//! The segment circuit: `slots` consecutive records of a batch (spec `docs/l2-spec.md` §12.5).
//! A batch of `R` records is proven as `⌈R / slots⌉` segment proofs, chained and checked by the
//! segment tree ([`crate::recursion::segments`]), whose root exposes exactly the public inputs of
//! a batch proof ([`super::BatchPublicInputs`]).
//!
//! A segment runs the batch circuit's slots ([`super::slot::add_slot`]) and per-record steps
//! ([`super::records`]) from a **chain state** it takes as public input and exposes the state
//! it ends in. What every segment of a batch shares (the data hash, the header, `z`) is public
//! too; the tree connects it across segments.
//!
//! Public inputs ([`SEGMENT_PUBLIC_INPUTS`] = 41): `shared (13) ‖ in (14) ‖ out (14)` with
//! - shared: `data_hash (8) ‖ fee_account ‖ message_count ‖ tx_count ‖ z (2)`;
//! - a chain state: `root (4) ‖ h (4) ‖ y (2) ‖ prev_deposit ‖ prev_padding ‖ messages ‖ txs`:
//!   the state root, the Poseidon chain that yields `z`, the Horner value, the kind of the last
//!   record so far (the first slot must be allowed to follow it), and the records counted so far.
//!
//! `z` is an input of every segment, not computed by it: Horner needs `z` at the first record,
//! and `z` is the Poseidon chain's value after the last one. The tree's root checks that the
//! chain's final value is the `z` all segments used.

use janus_l2::hash::Digest;
use plonky2::field::types::{Field, PrimeField64};
use plonky2::hash::hash_types::{HashOut, HashOutTarget};
use plonky2::iop::ext_target::ExtensionTarget;
use plonky2::iop::target::{BoolTarget, Target};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::CircuitData;

use super::packing::{data_hash_words, DATA_HASH_WORDS};
use super::records::{absorb_record, assert_follows, count_record, horner_record};
use super::slot::SlotTarget;
use super::{add_slots, batch_config, check_shape};
use crate::cache::{build_or_load, Origin, ProverCache};
use crate::error::ProverError;
use crate::gadgets::range::assert_u32;
use crate::prover::{C, D, F};

/// Elements of the shared part: `data_hash (8) ‖ fee_account ‖ message_count ‖ tx_count ‖ z (2)`.
pub const SHARED_ELEMENTS: usize = DATA_HASH_WORDS + 3 + 2;
/// Elements of a chain state: `root (4) ‖ h (4) ‖ y (2) ‖ prev_deposit ‖ prev_padding ‖ messages ‖ txs`.
pub const STATE_ELEMENTS: usize = 4 + 4 + 2 + 4;
/// Public inputs of a segment proof (and of every node of the segment tree below its root).
pub const SEGMENT_PUBLIC_INPUTS: usize = SHARED_ELEMENTS + 2 * STATE_ELEMENTS;
/// Where the input state starts in the public inputs.
pub const IN_AT: usize = SHARED_ELEMENTS;
/// Where the output state starts.
pub const OUT_AT: usize = SHARED_ELEMENTS + STATE_ELEMENTS;

/// What every segment of one batch shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentShared {
    /// `keccak256(data)`.
    pub data_hash: [u8; 32],
    /// Header `feeAccount`.
    pub fee_account: u32,
    /// Header `messageCount`.
    pub message_count: u32,
    /// Header `txCount`.
    pub tx_count: u32,
    /// The evaluation point.
    pub z: [u64; 2],
}

/// The chain state between two segments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainState {
    /// State root.
    pub root: Digest,
    /// The Poseidon chain's value.
    pub h: Digest,
    /// Horner's value.
    pub y: [u64; 2],
    /// The last record so far is an L1 message (true before the first record).
    pub prev_deposit: bool,
    /// The last slot so far is padding.
    pub prev_padding: bool,
    /// L1 messages so far.
    pub messages: u32,
    /// Transaction records so far.
    pub txs: u32,
}

/// The public inputs of a segment proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentPublicInputs {
    /// Shared by every segment of the batch.
    pub shared: SegmentShared,
    /// The state the segment starts from.
    pub input: ChainState,
    /// The state it ends in.
    pub output: ChainState,
}

fn digest(s: &[F]) -> Digest {
    HashOut {
        elements: [s[0], s[1], s[2], s[3]],
    }
}

fn canon(x: F) -> u64 {
    x.to_canonical_u64()
}

fn small(x: F, what: &str) -> Result<u32, ProverError> {
    u32::try_from(canon(x)).map_err(|_| ProverError::Decode(format!("{what} is not a u32")))
}

fn flag(x: F, what: &str) -> Result<bool, ProverError> {
    match canon(x) {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(ProverError::Decode(format!("{what} is not a bit"))),
    }
}

impl SegmentShared {
    fn to_elements(&self, out: &mut Vec<F>) {
        out.extend(data_hash_words(&self.data_hash).map(F::from_canonical_u64));
        out.extend(
            [self.fee_account, self.message_count, self.tx_count].map(F::from_canonical_u32),
        );
        out.extend(self.z.map(F::from_canonical_u64));
    }

    fn from_elements(s: &[F]) -> Result<Self, ProverError> {
        let mut data_hash = [0u8; 32];
        for (i, w) in s[..DATA_HASH_WORDS].iter().enumerate() {
            data_hash[4 * i..4 * i + 4]
                .copy_from_slice(&small(*w, "data hash word")?.to_be_bytes());
        }
        Ok(Self {
            data_hash,
            fee_account: small(s[8], "fee account")?,
            message_count: small(s[9], "message count")?,
            tx_count: small(s[10], "tx count")?,
            z: [canon(s[11]), canon(s[12])],
        })
    }
}

impl ChainState {
    fn to_elements(&self, out: &mut Vec<F>) {
        out.extend_from_slice(&self.root.elements);
        out.extend_from_slice(&self.h.elements);
        out.extend(self.y.map(F::from_canonical_u64));
        out.push(F::from_bool(self.prev_deposit));
        out.push(F::from_bool(self.prev_padding));
        out.push(F::from_canonical_u32(self.messages));
        out.push(F::from_canonical_u32(self.txs));
    }

    fn from_elements(s: &[F]) -> Result<Self, ProverError> {
        Ok(Self {
            root: digest(&s[0..4]),
            h: digest(&s[4..8]),
            y: [canon(s[8]), canon(s[9])],
            prev_deposit: flag(s[10], "prev_deposit")?,
            prev_padding: flag(s[11], "prev_padding")?,
            messages: small(s[12], "message count so far")?,
            txs: small(s[13], "tx count so far")?,
        })
    }
}

impl SegmentPublicInputs {
    /// Parse the public inputs of a segment proof or a segment-tree node below the root.
    pub fn from_elements(pis: &[F]) -> Result<Self, ProverError> {
        if pis.len() != SEGMENT_PUBLIC_INPUTS {
            return Err(ProverError::Decode(format!(
                "expected {SEGMENT_PUBLIC_INPUTS} segment public inputs, got {}",
                pis.len()
            )));
        }
        Ok(Self {
            shared: SegmentShared::from_elements(&pis[..IN_AT])?,
            input: ChainState::from_elements(&pis[IN_AT..OUT_AT])?,
            output: ChainState::from_elements(&pis[OUT_AT..])?,
        })
    }

    /// The public inputs as field elements.
    pub fn to_elements(&self) -> Vec<F> {
        let mut v = Vec::with_capacity(SEGMENT_PUBLIC_INPUTS);
        self.shared.to_elements(&mut v);
        self.input.to_elements(&mut v);
        self.output.to_elements(&mut v);
        v
    }
}

/// The shared part in circuit.
#[derive(Clone, Debug)]
pub struct SharedTarget {
    /// 8 big-endian u32 words of `keccak256(data)`.
    pub data_hash: [Target; DATA_HASH_WORDS],
    /// Header `feeAccount`.
    pub fee_account: Target,
    /// Header `messageCount`.
    pub message_count: Target,
    /// Header `txCount`.
    pub tx_count: Target,
    /// `z`.
    pub z: ExtensionTarget<D>,
}

impl SharedTarget {
    /// View `pis[..SHARED_ELEMENTS]` as the shared part.
    pub fn from_targets(pis: &[Target]) -> Self {
        Self {
            data_hash: core::array::from_fn(|i| pis[i]),
            fee_account: pis[8],
            message_count: pis[9],
            tx_count: pis[10],
            z: ExtensionTarget([pis[11], pis[12]]),
        }
    }

    /// The targets in public-input order.
    pub fn targets(&self) -> Vec<Target> {
        let mut v = self.data_hash.to_vec();
        v.extend([self.fee_account, self.message_count, self.tx_count]);
        v.extend(self.z.0);
        v
    }
}

/// A chain state in circuit.
#[derive(Clone, Debug)]
pub struct ChainStateTarget {
    /// State root.
    pub root: HashOutTarget,
    /// Poseidon chain.
    pub h: HashOutTarget,
    /// Horner value.
    pub y: ExtensionTarget<D>,
    /// The last record so far is an L1 message.
    pub prev_deposit: BoolTarget,
    /// The last slot so far is padding.
    pub prev_padding: BoolTarget,
    /// L1 messages so far.
    pub messages: Target,
    /// Transaction records so far.
    pub txs: Target,
}

impl ChainStateTarget {
    /// View `pis[..STATE_ELEMENTS]` as a chain state. The flags are booleans wherever a state
    /// comes from a segment proof (the segment constrains them); see [`SegmentCircuit`].
    pub fn from_targets(pis: &[Target]) -> Self {
        Self {
            root: HashOutTarget {
                elements: core::array::from_fn(|i| pis[i]),
            },
            h: HashOutTarget {
                elements: core::array::from_fn(|i| pis[4 + i]),
            },
            y: ExtensionTarget([pis[8], pis[9]]),
            prev_deposit: BoolTarget::new_unsafe(pis[10]),
            prev_padding: BoolTarget::new_unsafe(pis[11]),
            messages: pis[12],
            txs: pis[13],
        }
    }

    /// The targets in public-input order.
    pub fn targets(&self) -> Vec<Target> {
        let mut v = self.root.elements.to_vec();
        v.extend(self.h.elements);
        v.extend(self.y.0);
        v.extend([
            self.prev_deposit.target,
            self.prev_padding.target,
            self.messages,
            self.txs,
        ]);
        v
    }
}

/// Targets of the segment circuit.
#[derive(Clone, Debug)]
pub struct SegmentTargets {
    /// Shared by the batch's segments.
    pub shared: SharedTarget,
    /// The state the segment starts from.
    pub input: ChainStateTarget,
    /// The slots.
    pub slots: Vec<SlotTarget>,
}

/// A built segment circuit.
pub struct SegmentCircuit {
    /// Slots per segment.
    pub slots: usize,
    /// The L2 chain id that transaction signatures must cover.
    pub chain_id: u64,
    /// The circuit.
    pub data: CircuitData<F, C, D>,
    /// Its targets.
    pub targets: SegmentTargets,
    /// Whether the circuit data was built or loaded from a prover-data cache.
    pub origin: Origin,
}

impl SegmentCircuit {
    /// Build (or load from `cache`) the circuit of `slots ≥ 1` slots for L2 chain `chain_id`.
    pub fn new(
        slots: usize,
        chain_id: u64,
        cache: Option<&ProverCache>,
    ) -> Result<Self, ProverError> {
        check_shape(slots, chain_id)?;
        let mut b = CircuitBuilder::<F, D>::new(batch_config());
        let chain = b.constant(F::from_canonical_u64(chain_id));
        let shared = SharedTarget::from_targets(&b.add_virtual_targets(SHARED_ELEMENTS));
        let input = ChainStateTarget::from_targets(&b.add_virtual_targets(STATE_ELEMENTS));
        // The input flags are booleans: the first segment's are fixed by the tree's root, the
        // others are an earlier segment's output flags, which are slot flags (booleans).
        b.assert_bool(input.prev_deposit);
        b.assert_bool(input.prev_padding);
        // The fee account indexes Merkle paths; the header words are range-checked by the root.
        assert_u32(&mut b, shared.fee_account);

        let (slot_targets, root) = add_slots(&mut b, input.root, shared.fee_account, chain, slots);
        let (mut messages, mut txs) = (input.messages, input.txs);
        let (mut prev_deposit, mut prev_padding) = (input.prev_deposit, input.prev_padding);
        let (mut h, mut y) = (input.h, input.y);
        for s in &slot_targets {
            assert_follows(&mut b, prev_deposit, prev_padding, s);
            (messages, txs) = count_record(&mut b, messages, txs, s);
            h = absorb_record(&mut b, h, s);
            y = horner_record(&mut b, y, shared.z, s);
            (prev_deposit, prev_padding) = (s.is_deposit, s.is_padding);
        }
        let output = ChainStateTarget {
            root,
            h,
            y,
            prev_deposit,
            prev_padding,
            messages,
            txs,
        };
        b.register_public_inputs(&shared.targets());
        b.register_public_inputs(&input.targets());
        b.register_public_inputs(&output.targets());
        let (data, origin) =
            build_or_load::<C>(cache, "segment", &[slots as u64, chain_id], None, b)?;
        Ok(Self {
            slots,
            chain_id,
            data,
            origin,
            targets: SegmentTargets {
                shared,
                input,
                slots: slot_targets,
            },
        })
    }
}
