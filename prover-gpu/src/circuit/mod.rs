//! The batch circuit: proves `old root → new root` for a batch of at most `slots` records
//! (deposits first, then transactions, then padding) and binds the proof to the posted data.
//!
//! All of spec §9-§10 is enforced: framing of the records, **signatures** (every transfer and
//! withdrawal slot verifies its Schnorr signature over the §7.3 signing message with the
//! circuit's chain id, [`slot::verify_signature`]), nonces, 63-bit balances (no underflow, no
//! overflow), the fee to the batch's fee account, account creation and crediting by deposits,
//! and the Merkle updates. The chain id is a parameter of [`BatchCircuit::new`]: a circuit built
//! for one chain rejects transactions signed for another. The circuit is concrete on Goldilocks
//! (`D = 2`, the field of the EcGFp5 gadgets); a signature costs ≈ 5 000 rows per slot.
//!
//! Public inputs ([`BatchPublicInputs`], 20 elements): `old_root (4) ‖ new_root (4) ‖
//! data_hash (8 big-endian u32 words of keccak256(data)) ‖ z (2) ‖ y (2)` where `z ∈ GF(p^2)` is
//! a Poseidon challenge over the data hash and the processed records and `y = P(z)` for the
//! packing of [`packing`]. L1 checks `data_hash` against its stored hash and recomputes `P(z)`
//! from calldata (spec *Data binding*). Withdrawals and consumed messages are bound through the
//! data: L1 derives both from it.

pub mod packing;
pub mod records;
pub mod segment;
pub mod slot;
pub mod witness;

use janus_l2::hash::Digest;
use janus_l2::MAX_AMOUNT;
use plonky2::field::types::{Field, PrimeField64};
use plonky2::hash::hash_types::{HashOut, HashOutTarget};
use plonky2::iop::ext_target::ExtensionTarget;
use plonky2::iop::target::Target;
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CircuitConfig, CircuitData};

use self::packing::{DATA_HASH_WORDS, HEADER_WORDS};
use self::records::{
    absorb_header, absorb_record, assert_follows, count_record, horner, horner_record,
};
use self::slot::{add_slot, SlotTarget};
use crate::cache::{build_or_load, Origin, ProverCache};
use crate::error::ProverError;
use crate::gadgets::range::assert_u32;
use crate::prover::{C, D, F};

/// Number of public inputs of a batch proof.
pub const BATCH_PUBLIC_INPUTS: usize = 4 + 4 + DATA_HASH_WORDS + 2 + 2;

/// The public inputs of a batch proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BatchPublicInputs {
    /// State root before the batch.
    pub old_root: Digest,
    /// State root after the batch.
    pub new_root: Digest,
    /// `keccak256(data)` as L1 stores it.
    pub data_hash: [u8; 32],
    /// The evaluation point (GF(p^2) coordinates).
    pub z: [u64; 2],
    /// `P(z)`.
    pub y: [u64; 2],
}

impl BatchPublicInputs {
    /// Parse the 20 public inputs of a batch proof.
    pub fn from_elements(pis: &[F]) -> Result<Self, ProverError> {
        if pis.len() != BATCH_PUBLIC_INPUTS {
            return Err(ProverError::Decode(format!(
                "expected {BATCH_PUBLIC_INPUTS} public inputs, got {}",
                pis.len()
            )));
        }
        let digest = |s: &[F]| HashOut {
            elements: [s[0], s[1], s[2], s[3]],
        };
        let mut data_hash = [0u8; 32];
        for (i, w) in pis[8..16].iter().enumerate() {
            let v = u32::try_from(w.to_canonical_u64())
                .map_err(|_| ProverError::Decode("data hash word is not a u32".into()))?;
            data_hash[4 * i..4 * i + 4].copy_from_slice(&v.to_be_bytes());
        }
        Ok(Self {
            old_root: digest(&pis[0..4]),
            new_root: digest(&pis[4..8]),
            data_hash,
            z: [pis[16].to_canonical_u64(), pis[17].to_canonical_u64()],
            y: [pis[18].to_canonical_u64(), pis[19].to_canonical_u64()],
        })
    }

    /// The public inputs as field elements.
    pub fn to_elements(&self) -> Vec<F> {
        let mut v: Vec<F> = self.old_root.elements.to_vec();
        v.extend_from_slice(&self.new_root.elements);
        v.extend(
            packing::data_hash_words(&self.data_hash)
                .iter()
                .map(|w| F::from_canonical_u64(*w)),
        );
        v.extend(
            self.z
                .iter()
                .chain(self.y.iter())
                .map(|x| F::from_canonical_u64(*x)),
        );
        v
    }
}

/// Targets of the whole batch circuit.
#[derive(Clone, Debug)]
pub struct BatchTargets {
    /// State root before the batch (public).
    pub old_root: HashOutTarget,
    /// Header `feeAccount`.
    pub fee_account: Target,
    /// keccak256 of the data, 8 big-endian u32 words (public).
    pub data_hash: [Target; DATA_HASH_WORDS],
    /// The slots.
    pub slots: Vec<SlotTarget>,
}

/// A built batch circuit for a fixed number of slots.
pub struct BatchCircuit {
    /// Number of slots (records per batch).
    pub slots: usize,
    /// The L2 chain id that transaction signatures must cover (spec §7.3).
    pub chain_id: u64,
    /// The circuit (deterministic generators).
    pub data: CircuitData<F, C, D>,
    /// Its targets.
    pub targets: BatchTargets,
    /// Gates used before padding to a power of two.
    pub num_gates: usize,
    /// Whether the circuit data was built or loaded from a prover-data cache.
    pub origin: Origin,
}

/// The standard config of batch and recursive circuits: plonky2's recursion config
/// (zero knowledge off, 100-bit conjectured security).
pub fn batch_config() -> CircuitConfig {
    CircuitConfig::standard_recursion_config()
}

/// A circuit of `slots ≥ 1` slots for L2 chain `chain_id ≤ 2^63 − 1` (the signing message holds
/// it as a 63-bit value).
pub(crate) fn check_shape(slots: usize, chain_id: u64) -> Result<(), ProverError> {
    if slots == 0 {
        return Err(ProverError::TooManyRecords {
            records: 0,
            slots: 0,
        });
    }
    if chain_id > MAX_AMOUNT {
        return Err(ProverError::InvalidChainId(chain_id));
    }
    Ok(())
}

/// `slots` slots run one after the other from `root`; returns them and the root after the last.
pub(crate) fn add_slots(
    b: &mut CircuitBuilder<F, D>,
    mut root: HashOutTarget,
    fee_account: Target,
    chain_id: Target,
    slots: usize,
) -> (Vec<SlotTarget>, HashOutTarget) {
    let mut out = Vec::with_capacity(slots);
    for _ in 0..slots {
        let (s, r) = add_slot(b, root, fee_account, chain_id);
        out.push(s);
        root = r;
    }
    (out, root)
}

impl BatchCircuit {
    /// Build the circuit for `slots` slots (`slots ≥ 1`) on L2 chain `chain_id`
    /// (`≤ 2^63 − 1`, as the signing message requires).
    pub fn new(slots: usize, chain_id: u64) -> Result<Self, ProverError> {
        Self::with_cache(slots, chain_id, None)
    }

    /// [`Self::new`], loading the circuit data from `cache` when it holds this circuit and
    /// saving it there after a build otherwise (`crate::cache`).
    pub fn with_cache(
        slots: usize,
        chain_id: u64,
        cache: Option<&ProverCache>,
    ) -> Result<Self, ProverError> {
        check_shape(slots, chain_id)?;
        let mut b = CircuitBuilder::<F, D>::new(batch_config());
        let chain = b.constant(F::from_canonical_u64(chain_id));
        let old_root = b.add_virtual_hash();
        let fee_account = b.add_virtual_target();
        assert_u32(&mut b, fee_account);
        let data_hash: [Target; DATA_HASH_WORDS] = core::array::from_fn(|_| b.add_virtual_target());

        let (slot_targets, root) = add_slots(&mut b, old_root, fee_account, chain, slots);

        // Order: deposits, then transaction records, then padding; count them for the header.
        let zero = b.zero();
        let (mut messages, mut txs) = (zero, zero);
        for (i, s) in slot_targets.iter().enumerate() {
            (messages, txs) = count_record(&mut b, messages, txs, s);
            if i > 0 {
                let prev = &slot_targets[i - 1];
                assert_follows(&mut b, prev.is_deposit, prev.is_padding, s);
            }
        }
        let one = b.one();
        let header: [Target; HEADER_WORDS] = [one, fee_account, messages, txs];

        // Data binding: z from a Poseidon chain, y = P(z) by Horner.
        let mut acc = absorb_header(&mut b, &data_hash, &header);
        for s in &slot_targets {
            acc = absorb_record(&mut b, acc, s);
        }
        let z = ExtensionTarget([acc.elements[0], acc.elements[1]]);
        let mut y = b.zero_extension();
        for h in header {
            y = horner(&mut b, y, z, h);
        }
        for s in &slot_targets {
            y = horner_record(&mut b, y, z, s);
        }

        b.register_public_inputs(&old_root.elements);
        b.register_public_inputs(&root.elements);
        b.register_public_inputs(&data_hash);
        b.register_public_inputs(&z.0);
        b.register_public_inputs(&y.0);

        let num_gates = b.num_gates();
        let (data, origin) =
            build_or_load::<C>(cache, "batch", &[slots as u64, chain_id], None, b)?;
        Ok(Self {
            slots,
            chain_id,
            data,
            num_gates,
            origin,
            targets: BatchTargets {
                old_root,
                fee_account,
                data_hash,
                slots: slot_targets,
            },
        })
    }

    /// log2 of the circuit's rows (gates padded to a power of two).
    pub fn degree_bits(&self) -> usize {
        self.data.common.degree_bits()
    }
}
