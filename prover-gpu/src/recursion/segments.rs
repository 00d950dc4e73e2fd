//! The segment tree: a batch's segment proofs ([`crate::circuit::segment`]) folded 2-to-1 into
//! one proof with the public inputs of a batch proof (spec `docs/l2-spec.md` §12.5).
//!
//! The tree has a fixed depth `L ≥ 1`, one circuit per level ([`SegmentNodeCircuit`]), so it
//! folds up to `2^L` segments: a batch of at most `slots · 2^L` records. Each node verifies two
//! proofs of the level below and, when its flag `has_right` is set, checks that they are
//! consecutive: the same shared part (data hash, header, `z`) and `left.out = right.in`; it
//! exposes `shared ‖ left.in ‖ out`, where `out` is the right proof's output state, or the left
//! one's when `has_right` is off. A node with one child still verifies a second proof (the prover
//! passes the left one again) whose public inputs it ignores, which keeps every level one circuit
//! without a dummy circuit.
//!
//! The last level is the **root**: besides folding, it checks that the chain starts where a
//! batch starts (the Poseidon chain and Horner's value after the header, no record yet, "after a
//! deposit"), that the records counted are the header's counts, and that the chain's final value
//! is the `z` every segment used; it exposes `old_root ‖ new_root ‖ data_hash ‖ z ‖ y`, exactly a
//! batch proof's public inputs ([`BatchPublicInputs`]), so the wrapper and L1 treat it as one.
//!
//! Soundness does not need the nodes to see every segment: a prover that drops, repeats or
//! reorders segments (or clears `has_right` on a real child) proves *some* sequence of records
//! `D'`, chained root to root; the root makes `D'` a well-formed batch for its header, and the
//! data binding then makes `D' = D` except with negligible probability (§12.3).

use plonky2::hash::hash_types::HashOutTarget;
use plonky2::iop::ext_target::ExtensionTarget;
use plonky2::iop::target::{BoolTarget, Target};
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CircuitData, CommonCircuitData, VerifierOnlyCircuitData};
use plonky2::plonk::proof::{ProofWithPublicInputs, ProofWithPublicInputsTarget};

use super::verify_pair;
use crate::cache::{build_or_load, Origin, ProverCache};
use crate::circuit::batch_config;
use crate::circuit::records::{absorb_header, horner};
use crate::circuit::segment::{
    ChainStateTarget, SegmentCircuit, SegmentPublicInputs, SharedTarget, IN_AT, OUT_AT,
    SEGMENT_PUBLIC_INPUTS, SHARED_ELEMENTS, STATE_ELEMENTS,
};
use crate::circuit::witness::{segment_witnesses, SegmentWitness};
use crate::circuit::{BatchPublicInputs, BATCH_PUBLIC_INPUTS};
use crate::error::ProverError;
use crate::gadgets::range::assert_u32;
use crate::gpu::device::GpuDevice;
use crate::gpu::prove::prove_with_gpu;
use crate::prover::{C, D, F};
use janus_l2::batch::Batch;
use janus_l2::state::State;

type Proof = ProofWithPublicInputs<F, C, D>;

/// One level of the segment tree.
pub struct SegmentNodeCircuit {
    /// The circuit.
    pub data: CircuitData<F, C, D>,
    /// Whether the circuit data was built or loaded from a prover-data cache.
    pub origin: Origin,
    /// Whether this is the root (batch public inputs) or an inner level (segment public inputs).
    pub is_root: bool,
    left: ProofWithPublicInputsTarget<D>,
    right: ProofWithPublicInputsTarget<D>,
    has_right: BoolTarget,
}

impl SegmentNodeCircuit {
    /// Build (or load) the node over two proofs of the circuit (`common`, `verifier`), whose
    /// public inputs are a segment's; `level` (1 for the level over segment proofs) keys the cache.
    pub fn new(
        common: &CommonCircuitData<F, D>,
        verifier: &VerifierOnlyCircuitData<C, D>,
        level: usize,
        is_root: bool,
        cache: Option<&ProverCache>,
    ) -> Result<Self, ProverError> {
        if common.num_public_inputs != SEGMENT_PUBLIC_INPUTS {
            return Err(ProverError::Decode(format!(
                "inner circuit has {} public inputs, a segment {SEGMENT_PUBLIC_INPUTS}",
                common.num_public_inputs
            )));
        }
        let mut b = CircuitBuilder::<F, D>::new(batch_config());
        let (left, right) = verify_pair(&mut b, common, verifier);
        let has_right = b.add_virtual_bool_target_safe();
        let (l, r) = (&left.public_inputs, &right.public_inputs);
        // With a right child: the same batch, and the right one starts where the left one ends.
        let shared = l[..SHARED_ELEMENTS].iter().zip(&r[..SHARED_ELEMENTS]);
        let chained = l[OUT_AT..].iter().zip(&r[IN_AT..OUT_AT]);
        for (a, c) in shared.chain(chained) {
            let d = b.sub(*a, *c);
            let off = b.mul(has_right.target, d);
            b.assert_zero(off);
        }
        let out: Vec<Target> = (0..STATE_ELEMENTS)
            .map(|i| b.select(has_right, r[OUT_AT + i], l[OUT_AT + i]))
            .collect();
        if is_root {
            close_batch(&mut b, &l[..OUT_AT], &out);
        } else {
            b.register_public_inputs(&l[..OUT_AT]);
            b.register_public_inputs(&out);
        }
        let kind = if is_root {
            "segment-root"
        } else {
            "segment-node"
        };
        let inner = Some(verifier.circuit_digest);
        let (data, origin) = build_or_load::<C>(cache, kind, &[level as u64], inner, b)?;
        Ok(Self {
            data,
            origin,
            is_root,
            left,
            right,
            has_right,
        })
    }

    /// Fold `left` and `right` (consecutive, checked natively first), or `left` alone.
    pub fn prove(
        &self,
        left: &Proof,
        right: Option<&Proof>,
        gpu: Option<&GpuDevice>,
    ) -> Result<Proof, ProverError> {
        if let Some(right) = right {
            check_consecutive(left, right)?;
        }
        self.prove_unchecked(left, right.unwrap_or(left), right.is_some(), gpu)
    }

    /// [`Self::prove`] with any two proofs and flag, without the native check (tests show the
    /// circuit's own).
    pub fn prove_unchecked(
        &self,
        left: &Proof,
        right: &Proof,
        has_right: bool,
        gpu: Option<&GpuDevice>,
    ) -> Result<Proof, ProverError> {
        for p in [left, right] {
            if p.public_inputs.len() != SEGMENT_PUBLIC_INPUTS {
                return Err(ProverError::Decode("inner proof of another circuit".into()));
            }
        }
        let mut pw = PartialWitness::new();
        let e = ProverError::witness;
        pw.set_proof_with_pis_target(&self.left, left).map_err(e)?;
        pw.set_proof_with_pis_target(&self.right, right)
            .map_err(e)?;
        pw.set_bool_target(self.has_right, has_right).map_err(e)?;
        prove_with_gpu(gpu, &self.data, pw)
    }

    /// Verify a proof of this node.
    pub fn verify(&self, proof: &Proof) -> Result<(), ProverError> {
        self.data
            .verify(proof.clone())
            .map_err(|e| ProverError::Verification(e.to_string()))
    }
}

/// The root's checks (module docs) on the chain `start ‖ out` (shared part and input state of
/// the leftmost segment, output state of the rightmost), and its public inputs.
fn close_batch(b: &mut CircuitBuilder<F, D>, start: &[Target], out: &[Target]) {
    let shared = SharedTarget::from_targets(&start[..SHARED_ELEMENTS]);
    let input = ChainStateTarget::from_targets(&start[IN_AT..]);
    let output = ChainStateTarget::from_targets(out);
    // Header words are < 2^32 (the packing's injectivity; the fee account is checked by every
    // segment).
    assert_u32(b, shared.message_count);
    assert_u32(b, shared.tx_count);
    let (zero, one) = (b.zero(), b.one());
    let header = [
        one,
        shared.fee_account,
        shared.message_count,
        shared.tx_count,
    ];
    let h = absorb_header(b, &shared.data_hash, &header);
    b.connect_hashes(h, input.h);
    let mut y = b.zero_extension();
    for w in header {
        y = horner(b, y, shared.z, w);
    }
    b.connect_extension(y, input.y);
    b.connect(input.prev_deposit.target, one);
    b.connect(input.prev_padding.target, zero);
    b.connect(input.messages, zero);
    b.connect(input.txs, zero);
    b.connect(output.messages, shared.message_count);
    b.connect(output.txs, shared.tx_count);
    b.connect(output.h.elements[0], shared.z.0[0]);
    b.connect(output.h.elements[1], shared.z.0[1]);
    let roots: [HashOutTarget; 2] = [input.root, output.root];
    for r in roots {
        b.register_public_inputs(&r.elements);
    }
    b.register_public_inputs(&shared.data_hash);
    let ExtensionTarget(z) = shared.z;
    b.register_public_inputs(&z);
    b.register_public_inputs(&output.y.0);
    debug_assert_eq!(b.num_public_inputs(), BATCH_PUBLIC_INPUTS);
}

/// Natively check that `right` continues `left` (same batch, `left.out = right.in`).
pub fn check_consecutive(left: &Proof, right: &Proof) -> Result<(), ProverError> {
    let (l, r) = (&left.public_inputs, &right.public_inputs);
    if l.len() != SEGMENT_PUBLIC_INPUTS || r.len() != SEGMENT_PUBLIC_INPUTS {
        return Err(ProverError::Decode("not a segment proof".into()));
    }
    if l[..SHARED_ELEMENTS] != r[..SHARED_ELEMENTS] {
        return Err(ProverError::NotConsecutive(
            "segments of different batches".into(),
        ));
    }
    if l[OUT_AT..] != r[IN_AT..OUT_AT] {
        let (lo, ri) = (
            SegmentPublicInputs::from_elements(l)?.output,
            SegmentPublicInputs::from_elements(r)?.input,
        );
        return Err(ProverError::NotConsecutive(format!(
            "left ends at {lo:?}, right starts at {ri:?}"
        )));
    }
    Ok(())
}

/// The segment circuit and the tree's levels: proves batches of up to
/// [`SegmentTree::max_records`] records as one proof with a batch proof's public inputs.
pub struct SegmentTree {
    /// The segment circuit.
    pub segment: SegmentCircuit,
    /// Levels `1..=L`; the last is the root.
    pub levels: Vec<SegmentNodeCircuit>,
}

impl SegmentTree {
    /// Build (or load) the segment circuit of `slots` slots for chain `chain_id` and a tree of
    /// `depth ≥ 1` levels over it.
    pub fn new(
        slots: usize,
        chain_id: u64,
        depth: usize,
        cache: Option<&ProverCache>,
    ) -> Result<Self, ProverError> {
        if depth == 0 {
            return Err(ProverError::Decode(
                "a segment tree needs at least its root".into(),
            ));
        }
        let segment = SegmentCircuit::new(slots, chain_id, cache)?;
        let mut levels: Vec<SegmentNodeCircuit> = Vec::with_capacity(depth);
        for level in 1..=depth {
            let inner = levels.last().map_or(&segment.data, |n| &n.data);
            let node = SegmentNodeCircuit::new(
                &inner.common,
                &inner.verifier_only,
                level,
                level == depth,
                cache,
            )?;
            levels.push(node);
        }
        Ok(Self { segment, levels })
    }

    /// The most records a batch proven by this tree may hold: `slots · 2^depth`.
    pub fn max_records(&self) -> usize {
        self.segment.slots << self.levels.len()
    }

    /// The root circuit.
    pub fn root(&self) -> &SegmentNodeCircuit {
        self.levels.last().expect("depth >= 1")
    }

    /// Prove one segment.
    pub fn prove_segment(
        &self,
        witness: &SegmentWitness,
        gpu: Option<&GpuDevice>,
    ) -> Result<Proof, ProverError> {
        prove_with_gpu(gpu, &self.segment.data, witness.assign(&self.segment)?)
    }

    /// Fold proofs of level `level - 1` (segment proofs for `level = 1`) pairwise, in order.
    pub fn fold_level(
        &self,
        level: usize,
        proofs: &[Proof],
        gpu: Option<&GpuDevice>,
    ) -> Result<Vec<Proof>, ProverError> {
        let node = &self.levels[level - 1];
        proofs
            .chunks(2)
            .map(|pair| node.prove(&pair[0], pair.get(1), gpu))
            .collect()
    }

    /// The segment witnesses of `batch` applied to `state`, refused before any proving work
    /// when the batch holds more than [`Self::max_records`] records.
    pub fn witnesses(
        &self,
        state: &State,
        batch: &Batch,
    ) -> Result<Vec<SegmentWitness>, ProverError> {
        let records = batch.messages.len() + batch.txs.len();
        if records > self.max_records() {
            return Err(ProverError::TooManyRecords {
                records,
                slots: self.max_records(),
            });
        }
        segment_witnesses(state, batch, self.segment.slots)
    }

    /// Prove the segments of [`Self::witnesses`], then fold them up the tree. Returns the root
    /// proof and its public inputs.
    pub fn prove_witnesses(
        &self,
        witnesses: &[SegmentWitness],
        gpu: Option<&GpuDevice>,
    ) -> Result<(Proof, BatchPublicInputs), ProverError> {
        let mut proofs = witnesses
            .iter()
            .map(|w| self.prove_segment(w, gpu))
            .collect::<Result<Vec<_>, _>>()?;
        for level in 1..=self.levels.len() {
            proofs = self.fold_level(level, &proofs, gpu)?;
        }
        let root = proofs
            .pop()
            .ok_or_else(|| ProverError::Proving("no segment".into()))?;
        let public = BatchPublicInputs::from_elements(&root.public_inputs)?;
        Ok((root, public))
    }

    /// Prove `batch` applied to `state` (a valid transition: the caller checks it with
    /// `janus_l2::batch::apply_batch`): [`Self::witnesses`] then [`Self::prove_witnesses`].
    pub fn prove_batch(
        &self,
        state: &State,
        batch: &Batch,
        gpu: Option<&GpuDevice>,
    ) -> Result<(Proof, BatchPublicInputs), ProverError> {
        self.prove_witnesses(&self.witnesses(state, batch)?, gpu)
    }
}
