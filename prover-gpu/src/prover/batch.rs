//! The batch prover API the keeper calls: [`BatchProver::prove_batch`] turns a state and a batch
//! into a [`BatchProof`]; [`BatchProver::verify`] checks one; [`BatchProver::l1_proof`] folds a
//! run of consecutive batch proofs into one range proof and wraps it for L1;
//! [`check_data_binding`] is the L1 side of the data binding (what the Solidity verifier does
//! with calldata).
//!
//! A prover has a [`ProverShape`]: one batch circuit of `slots` slots (`depth = 0`), or segments
//! of `slots` slots folded by a segment tree of `depth` levels (spec §12.5), which proves batches
//! of up to `slots · 2^depth` records; and a range tree of `range_depth` levels (spec §12.6) that
//! folds up to `2^range_depth` batch proofs into the one proof the wrapper and L1 take.

use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::hash::keccak256;
use janus_l2::state::State;
use janus_l2::DEFAULT_CHAIN_ID;
use plonky2::plonk::proof::ProofWithPublicInputs;

use std::sync::OnceLock;

use super::progress::Stage;
use super::{C, D, F};
use crate::cache::ProverCache;
use crate::circuit::packing::{evaluate, PackedBatch};
use crate::circuit::witness::BatchWitness;
use crate::circuit::{BatchCircuit, BatchPublicInputs};
use crate::error::ProverError;
use crate::gpu::device::GpuDevice;
use crate::gpu::prove::prove_with_gpu;
use crate::recursion::{RangePublicInputs, RangeTree, SegmentTree, WrapC, WrapperCircuit};
use crate::verifier::encode::encode_proof;
use plonky2::plonk::circuit_data::CircuitData;

/// A proof of one batch with its decoded public inputs.
#[derive(Clone, Debug)]
pub struct BatchProof {
    /// The plonky2 proof (its public inputs are `public.to_elements()`).
    pub proof: ProofWithPublicInputs<F, C, D>,
    /// Decoded public inputs.
    pub public: BatchPublicInputs,
}

/// A range proof of consecutive batches (spec §12.6), with what L1 needs besides it.
#[derive(Clone, Debug)]
pub struct RangeProof {
    /// The plonky2 proof of the range tree's root.
    pub proof: ProofWithPublicInputs<F, C, D>,
    /// Decoded public inputs.
    pub public: RangePublicInputs,
    /// Each batch's evaluation point `z`, in order (L1 evaluates `P(z)` from the data).
    pub z: Vec<[u64; 2]>,
}

/// A wrapped (Keccak transcript) proof, what L1 verifies.
pub type WrappedProof = ProofWithPublicInputs<F, WrapC, D>;

/// How a prover proves a batch, and how many batches one L1 proof covers (module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProverShape {
    /// Slots of the batch circuit, or of each segment.
    pub slots: usize,
    /// Levels of the segment tree; 0: one batch circuit, no segments.
    pub depth: usize,
    /// Levels of the range tree (at least 1): one L1 proof covers up to `2^range_depth` batches.
    pub range_depth: usize,
}

impl ProverShape {
    /// One batch circuit of `slots` slots, ranges of up to 2 batches.
    pub fn single(slots: usize) -> Self {
        Self {
            slots,
            depth: 0,
            range_depth: 1,
        }
    }

    /// Segments of `slots` slots under a tree of `depth ≥ 1` levels, ranges of up to 2 batches.
    pub fn segmented(slots: usize, depth: usize) -> Self {
        Self {
            slots,
            depth,
            range_depth: 1,
        }
    }

    /// The same shape with a range tree of `range_depth` levels.
    pub const fn with_range_depth(self, range_depth: usize) -> Self {
        Self {
            range_depth,
            ..self
        }
    }

    /// The most records of a batch this shape proves: `slots · 2^depth`.
    pub const fn max_records(&self) -> usize {
        self.slots << self.depth
    }

    /// The most batches one L1 proof covers: `2^range_depth`.
    pub const fn max_batches(&self) -> usize {
        1 << self.range_depth
    }
}

/// The circuits a batch proof comes from.
enum BatchCircuits {
    Single(BatchCircuit),
    Segmented(SegmentTree),
}

/// Proves batches of up to [`ProverShape::max_records`] records, folds runs of up to
/// [`ProverShape::max_batches`] batch proofs into a range proof and wraps it for L1. The range
/// tree and the wrapper are built on first use.
pub struct BatchProver {
    circuits: BatchCircuits,
    shape: ProverShape,
    chain_id: u64,
    cache: Option<ProverCache>,
    gpu: Option<GpuDevice>,
    range: OnceLock<RangeTree>,
    wrapper: OnceLock<WrapperCircuit>,
}

fn once<T>(
    cell: &OnceLock<T>,
    make: impl FnOnce() -> Result<T, ProverError>,
) -> Result<&T, ProverError> {
    if let Some(v) = cell.get() {
        return Ok(v);
    }
    let v = make()?;
    Ok(cell.get_or_init(|| v))
}

impl BatchProver {
    /// Build the circuit for `slots` records per batch on chain `DEFAULT_CHAIN_ID`.
    pub fn new(slots: usize) -> Result<Self, ProverError> {
        Self::with_chain_id(slots, DEFAULT_CHAIN_ID)
    }

    /// Build the circuit for `slots` records per batch on L2 chain `chain_id`: signatures are
    /// checked for that chain, natively before proving and in the circuit.
    pub fn with_chain_id(slots: usize, chain_id: u64) -> Result<Self, ProverError> {
        Self::with_cache(slots, chain_id, None)
    }

    /// [`Self::with_chain_id`] with its circuits (batch now, range tree and wrapper on first
    /// use) loaded from `cache` when there, built and saved there otherwise (`crate::cache`).
    /// Batch and range proofs run their commitments on the GPU when
    /// [`GpuDevice::detect`] finds one (`JANUS_FORCE_CPU=1` forces the CPU): the same bytes
    /// either way; the Keccak wrapper always proves on the CPU.
    pub fn with_cache(
        slots: usize,
        chain_id: u64,
        cache: Option<ProverCache>,
    ) -> Result<Self, ProverError> {
        Self::with_shape(ProverShape::single(slots), chain_id, cache)
    }

    /// [`Self::with_cache`] for any [`ProverShape`]: the segment circuit and the whole tree are
    /// built (or loaded) now when `shape.depth ≥ 1`.
    pub fn with_shape(
        shape: ProverShape,
        chain_id: u64,
        cache: Option<ProverCache>,
    ) -> Result<Self, ProverError> {
        let circuits = match shape.depth {
            0 => BatchCircuits::Single(BatchCircuit::with_cache(
                shape.slots,
                chain_id,
                cache.as_ref(),
            )?),
            depth => BatchCircuits::Segmented(SegmentTree::new(
                shape.slots,
                chain_id,
                depth,
                cache.as_ref(),
            )?),
        };
        Ok(Self {
            circuits,
            shape,
            chain_id,
            cache,
            gpu: GpuDevice::detect(),
            range: OnceLock::new(),
            wrapper: OnceLock::new(),
        })
    }

    /// The L2 chain id the circuit is built for.
    pub fn chain_id(&self) -> u64 {
        self.chain_id
    }

    /// Its shape.
    pub fn shape(&self) -> ProverShape {
        self.shape
    }

    /// The most records of a batch it proves.
    pub fn max_records(&self) -> usize {
        self.shape.max_records()
    }

    /// The most batches one range proof (one L1 proof) covers.
    pub fn max_batches(&self) -> usize {
        self.shape.max_batches()
    }

    /// The one batch circuit (`depth = 0`), if that is the shape.
    pub fn single(&self) -> Option<&BatchCircuit> {
        match &self.circuits {
            BatchCircuits::Single(c) => Some(c),
            BatchCircuits::Segmented(_) => None,
        }
    }

    /// The segment tree (`depth ≥ 1`), if that is the shape.
    pub fn tree(&self) -> Option<&SegmentTree> {
        match &self.circuits {
            BatchCircuits::Single(_) => None,
            BatchCircuits::Segmented(t) => Some(t),
        }
    }

    /// The circuit batch proofs are proofs of: the batch circuit, or the segment tree's root.
    pub fn batch_data(&self) -> &CircuitData<F, C, D> {
        match &self.circuits {
            BatchCircuits::Single(c) => &c.data,
            BatchCircuits::Segmented(t) => &t.root().data,
        }
    }

    /// The GPU its batch and range proofs use, if any.
    pub fn gpu(&self) -> Option<&GpuDevice> {
        self.gpu.as_ref()
    }

    /// Prove `batch` against `state` (not modified). The batch is first checked with
    /// `janus_l2::batch::apply_batch`, so an invalid batch is reported as
    /// [`ProverError::InvalidBatch`] before any proving work.
    pub fn prove_batch(&self, state: &State, batch: &Batch) -> Result<BatchProof, ProverError> {
        let mut check = state.clone();
        let ctx = BatchContext {
            chain_id: self.chain_id,
            msg_start: batch.messages.first().map(|m| m.nonce).unwrap_or(0),
            chain_before: [0; 32],
        };
        let out = apply_batch(&mut check, batch, &ctx)?;
        let records = batch.messages.len() + batch.txs.len();
        if records > self.max_records() {
            return Err(ProverError::TooManyRecords {
                records,
                slots: self.max_records(),
            });
        }
        // The witness's final root is checked against apply_batch before any proving work.
        let root_differs =
            || ProverError::Witness("witness root differs from janus_l2::apply_batch".into());
        match &self.circuits {
            BatchCircuits::Single(circuit) => {
                let witness = BatchWitness::new(state, batch, circuit.slots)?;
                if witness.expected.new_root != out.new_root {
                    return Err(root_differs());
                }
                self.prove_witness(&witness)
            }
            BatchCircuits::Segmented(tree) => {
                let witnesses = tree.witnesses(state, batch)?;
                if witnesses.last().map(|w| w.public.output.root) != Some(out.new_root) {
                    return Err(root_differs());
                }
                let _stage = Stage::start("proving batch segments");
                let (proof, public) = tree.prove_witnesses(&witnesses, self.gpu.as_ref())?;
                Ok(BatchProof { proof, public })
            }
        }
    }

    /// Prove a witness of the one batch circuit as is, without the native validity check (used
    /// by tests to show that the circuit itself rejects bad witnesses).
    pub fn prove_witness(&self, witness: &BatchWitness) -> Result<BatchProof, ProverError> {
        let circuit = self.single().ok_or_else(|| {
            ProverError::Proving("a segmented prover proves batches, not batch witnesses".into())
        })?;
        let pw = witness.assign(circuit)?;
        let _stage = Stage::start("proving batch");
        let proof = prove_with_gpu(self.gpu.as_ref(), &circuit.data, pw)?;
        let public = BatchPublicInputs::from_elements(&proof.public_inputs)?;
        Ok(BatchProof { proof, public })
    }

    /// Verify a batch proof (plonky2 verification; the public inputs are those in the proof).
    pub fn verify(&self, proof: &BatchProof) -> Result<(), ProverError> {
        if BatchPublicInputs::from_elements(&proof.proof.public_inputs)? != proof.public {
            return Err(ProverError::Verification(
                "decoded public inputs do not match the proof".into(),
            ));
        }
        self.batch_data()
            .verify(proof.proof.clone())
            .map_err(|e| ProverError::Verification(e.to_string()))
    }

    /// The range tree over batch proofs (built on first use).
    pub fn range_tree(&self) -> Result<&RangeTree, ProverError> {
        once(&self.range, || {
            RangeTree::new(
                self.batch_data(),
                self.shape.range_depth,
                self.cache.as_ref(),
            )
        })
    }

    /// Fold consecutive batch proofs (1 to [`Self::max_batches`], each starting at the root the
    /// previous one ends at) into one range proof.
    pub fn prove_range(&self, batches: &[BatchProof]) -> Result<RangeProof, ProverError> {
        let tree = self.range_tree()?;
        let inner: Vec<&ProofWithPublicInputs<F, C, D>> =
            batches.iter().map(|b| &b.proof).collect();
        let _stage = Stage::start("folding the range of batch proofs");
        let (proof, public) = tree.prove(&inner, self.gpu.as_ref())?;
        Ok(RangeProof {
            proof,
            public,
            z: batches.iter().map(|b| b.public.z).collect(),
        })
    }

    /// The wrapper circuit of range proofs (built on first use, with the range tree).
    pub fn wrapper(&self) -> Result<&WrapperCircuit, ProverError> {
        let root = &self.range_tree()?.root().data;
        once(&self.wrapper, || {
            WrapperCircuit::new(&root.common, &root.verifier_only, self.cache.as_ref())
        })
    }

    /// Wrap a range proof into the final Keccak proof for L1, bound to the payout address
    /// `prover` (the account that will send `proveBatch` / `proveBatches`).
    pub fn wrap(&self, range: &RangeProof, prover: &[u8; 20]) -> Result<WrappedProof, ProverError> {
        let wrapper = self.wrapper()?;
        let _stage = Stage::start("wrapping (Keccak) proof");
        wrapper.prove(&range.proof, prover)
    }

    /// The `proof` bytes of `Rollup.proveBatches` (and, for one batch, `proveBatch` /
    /// `submitBatchWithProof`) for the consecutive `batches`, bound to `payee` (the account that
    /// will send the transaction): their range proof, wrapped, verified, in the generated
    /// Solidity verifier's encoding after each batch's evaluation point `z0 ‖ z1` (8 bytes each,
    /// big-endian; `JanusVerifier`, docs/verifier.md).
    pub fn l1_proof(
        &self,
        batches: &[BatchProof],
        payee: &[u8; 20],
    ) -> Result<Vec<u8>, ProverError> {
        let range = self.prove_range(batches)?;
        let wrapped = self.wrap(&range, payee)?;
        self.verify_wrapped(&wrapped)?;
        self.encode_l1(&range, &wrapped)
    }

    /// The L1 encoding of `wrapped`, a wrapped proof of `range` (see [`Self::l1_proof`]).
    pub fn encode_l1(
        &self,
        range: &RangeProof,
        wrapped: &WrappedProof,
    ) -> Result<Vec<u8>, ProverError> {
        let common = &self.wrapper()?.data.common;
        let encoded =
            encode_proof(wrapped, common).map_err(|e| ProverError::Encode(e.to_string()))?;
        let mut out = Vec::with_capacity(16 * range.z.len() + encoded.len());
        for z in &range.z {
            out.extend_from_slice(&z[0].to_be_bytes());
            out.extend_from_slice(&z[1].to_be_bytes());
        }
        out.extend(encoded);
        Ok(out)
    }

    /// Verify a wrapped range proof.
    pub fn verify_wrapped(&self, proof: &WrappedProof) -> Result<(), ProverError> {
        self.wrapper()?.verify(proof)
    }

    /// Prove several batches applied in sequence from `state`; with the `parallel` feature the
    /// proofs run on separate threads (each also uses rayon's pool; proofs stay deterministic).
    pub fn prove_batches(
        &self,
        state: &State,
        batches: &[Batch],
    ) -> Result<Vec<BatchProof>, ProverError> {
        let mut states = Vec::with_capacity(batches.len());
        let mut cur = state.clone();
        for batch in batches {
            states.push(cur.clone());
            let ctx = BatchContext {
                chain_id: self.chain_id,
                msg_start: batch.messages.first().map(|m| m.nonce).unwrap_or(0),
                chain_before: [0; 32],
            };
            apply_batch(&mut cur, batch, &ctx)?;
        }
        #[cfg(feature = "parallel")]
        {
            std::thread::scope(|s| {
                let handles: Vec<_> = states
                    .iter()
                    .zip(batches)
                    .map(|(st, b)| s.spawn(move || self.prove_batch(st, b)))
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join().unwrap_or_else(|_| {
                            Err(ProverError::Proving("prover thread panicked".into()))
                        })
                    })
                    .collect()
            })
        }
        #[cfg(not(feature = "parallel"))]
        {
            states
                .iter()
                .zip(batches)
                .map(|(st, b)| self.prove_batch(st, b))
                .collect()
        }
    }

    /// Serialize a proof (plonky2's `to_bytes`).
    pub fn proof_to_bytes(proof: &BatchProof) -> Vec<u8> {
        proof.proof.to_bytes()
    }

    /// Deserialize a proof for this circuit.
    pub fn proof_from_bytes(&self, bytes: &[u8]) -> Result<BatchProof, ProverError> {
        let proof =
            ProofWithPublicInputs::<F, C, D>::from_bytes(bytes.to_vec(), &self.batch_data().common)
                .map_err(|e| ProverError::Decode(e.to_string()))?;
        let public = BatchPublicInputs::from_elements(&proof.public_inputs)?;
        Ok(BatchProof { proof, public })
    }
}

/// The L1 check of the data binding: `data_hash = keccak256(data)` and `y = P_data(z)`.
pub fn check_data_binding(public: &BatchPublicInputs, data: &[u8]) -> Result<(), ProverError> {
    if keccak256(data) != public.data_hash {
        return Err(ProverError::Verification("data hash mismatch".into()));
    }
    let packed = PackedBatch::from_data(data).map_err(janus_l2::BatchError::from)?;
    if evaluate(&packed.coefficients(), public.z) != public.y {
        return Err(ProverError::Verification(
            "P(z) != y: proof is for other data".into(),
        ));
    }
    Ok(())
}
