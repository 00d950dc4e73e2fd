//! The batch prover API the keeper calls: [`BatchProver::prove_batch`] turns a state and a batch
//! into a [`BatchProof`]; [`BatchProver::verify`] checks one; [`check_data_binding`] is the L1
//! side of the data binding (what the Solidity verifier does with calldata).
//!
//! A prover has a [`ProverShape`]: one batch circuit of `slots` slots (`depth = 0`), or segments
//! of `slots` slots folded by a segment tree of `depth` levels (spec §12.5), which proves batches
//! of up to `slots · 2^depth` records. Either way a batch proof has the same public inputs, and
//! aggregation and the wrapper take it alike.

use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::hash::keccak256;
use janus_l2::state::State;
use janus_l2::DEFAULT_CHAIN_ID;
use plonky2::plonk::proof::ProofWithPublicInputs;

use std::sync::OnceLock;

use super::progress::Stage;
use super::{C, D, F};
use crate::circuit::packing::{evaluate, PackedBatch};
use crate::circuit::witness::BatchWitness;
use crate::cache::ProverCache;
use crate::circuit::{BatchCircuit, BatchPublicInputs};
use crate::recursion::SegmentTree;
use plonky2::plonk::circuit_data::CircuitData;
use crate::error::ProverError;
use crate::gpu::device::GpuDevice;
use crate::gpu::prove::prove_with_gpu;
use crate::recursion::{AggregationCircuit, WrapC, WrapperCircuit};
use crate::verifier::encode::encode_proof;

/// A proof of one batch with its decoded public inputs.
#[derive(Clone, Debug)]
pub struct BatchProof {
    /// The plonky2 proof (its public inputs are `public.to_elements()`).
    pub proof: ProofWithPublicInputs<F, C, D>,
    /// Decoded public inputs.
    pub public: BatchPublicInputs,
}

/// An aggregation proof of consecutive batches (public inputs: see [`crate::recursion`]).
pub type AggregateProof = ProofWithPublicInputs<F, C, D>;

/// A wrapped (Keccak transcript) proof, what L1 verifies.
pub type WrappedProof = ProofWithPublicInputs<F, WrapC, D>;

/// What [`BatchProver::wrap`] wraps.
pub enum Inner<'a> {
    /// A single batch proof.
    Batch(&'a BatchProof),
    /// A first-level aggregation proof (two batches).
    Aggregate(&'a AggregateProof),
}

/// How a prover proves a batch (module docs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProverShape {
    /// Slots of the batch circuit, or of each segment.
    pub slots: usize,
    /// Levels of the segment tree; 0: one batch circuit, no segments.
    pub depth: usize,
}

impl ProverShape {
    /// One batch circuit of `slots` slots.
    pub fn single(slots: usize) -> Self {
        Self { slots, depth: 0 }
    }

    /// Segments of `slots` slots under a tree of `depth ≥ 1` levels.
    pub fn segmented(slots: usize, depth: usize) -> Self {
        Self { slots, depth }
    }

    /// The most records of a batch this shape proves: `slots · 2^depth`.
    pub const fn max_records(&self) -> usize {
        self.slots << self.depth
    }
}

/// The circuits a batch proof comes from.
enum BatchCircuits {
    Single(BatchCircuit),
    Segmented(SegmentTree),
}

/// Proves batches of up to [`ProverShape::max_records`] records, aggregates two batch proofs and
/// wraps a proof for L1. The recursive circuits are built on first use.
pub struct BatchProver {
    circuits: BatchCircuits,
    shape: ProverShape,
    chain_id: u64,
    cache: Option<ProverCache>,
    gpu: Option<GpuDevice>,
    aggregation: OnceLock<AggregationCircuit>,
    wrap_batch: OnceLock<WrapperCircuit>,
    wrap_aggregate: OnceLock<WrapperCircuit>,
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

    /// [`Self::with_chain_id`] with its circuits (batch now, aggregation and wrappers on first
    /// use) loaded from `cache` when there, built and saved there otherwise (`crate::cache`).
    /// Batch and aggregation proofs run their commitments on the GPU when
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
            aggregation: OnceLock::new(),
            wrap_batch: OnceLock::new(),
            wrap_aggregate: OnceLock::new(),
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

    /// The GPU its batch and aggregation proofs use, if any.
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
        let root_differs = || ProverError::Witness("witness root differs from janus_l2::apply_batch".into());
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

    /// The aggregation circuit of two batch proofs (built on first use).
    pub fn aggregation(&self) -> Result<&AggregationCircuit, ProverError> {
        once(&self.aggregation, || {
            let data = self.batch_data();
            AggregationCircuit::new(&data.common, &data.verifier_only, self.cache.as_ref())
        })
    }

    /// Aggregate two consecutive batch proofs (`left.new_root = right.old_root`). With the
    /// `parallel` feature nothing changes here; see [`Self::prove_batches`].
    pub fn aggregate(
        &self,
        left: &BatchProof,
        right: &BatchProof,
    ) -> Result<AggregateProof, ProverError> {
        let agg = self.aggregation()?;
        let _stage = Stage::start("aggregating two batch proofs");
        agg.prove(&left.proof, &right.proof, self.gpu.as_ref())
    }

    /// The wrapper circuit for `inner`'s kind (built on first use).
    pub fn wrapper(&self, aggregate: bool) -> Result<&WrapperCircuit, ProverError> {
        if aggregate {
            let agg = self.aggregation()?;
            once(&self.wrap_aggregate, || {
                WrapperCircuit::new(&agg.data.common, &agg.data.verifier_only, self.cache.as_ref())
            })
        } else {
            once(&self.wrap_batch, || {
                let data = self.batch_data();
                WrapperCircuit::new(&data.common, &data.verifier_only, self.cache.as_ref())
            })
        }
    }

    /// Wrap a batch or aggregation proof into the final Keccak proof for L1, bound to the
    /// payout address `prover` (the account that will send `proveBatch`).
    pub fn wrap(&self, inner: Inner<'_>, prover: &[u8; 20]) -> Result<WrappedProof, ProverError> {
        let (wrapper, proof) = match inner {
            Inner::Batch(p) => (self.wrapper(false)?, &p.proof),
            Inner::Aggregate(p) => (self.wrapper(true)?, p),
        };
        let _stage = Stage::start("wrapping (Keccak) proof");
        wrapper.prove(proof, prover)
    }

    /// The `proof` bytes of `Rollup.proveBatch` / `submitBatchWithProof` for `proof`, bound to
    /// `payee` (the account that will send the transaction): the wrapped proof, verified, in the
    /// generated Solidity verifier's encoding after the evaluation point
    /// `z0 ‖ z1` (8 bytes each, big-endian; `JanusVerifier`, docs/verifier.md).
    pub fn l1_proof(&self, proof: &BatchProof, payee: &[u8; 20]) -> Result<Vec<u8>, ProverError> {
        let wrapped = self.wrap(Inner::Batch(proof), payee)?;
        self.verify_wrapped(&wrapped, false)?;
        self.encode_l1(proof, &wrapped)
    }

    /// The L1 encoding of `wrapped`, a wrapped proof of `proof` (see [`Self::l1_proof`]).
    pub fn encode_l1(&self, proof: &BatchProof, wrapped: &WrappedProof) -> Result<Vec<u8>, ProverError> {
        let common = &self.wrapper(false)?.data.common;
        let encoded =
            encode_proof(wrapped, common).map_err(|e| ProverError::Encode(e.to_string()))?;
        let mut out = Vec::with_capacity(16 + encoded.len());
        out.extend_from_slice(&proof.public.z[0].to_be_bytes());
        out.extend_from_slice(&proof.public.z[1].to_be_bytes());
        out.extend(encoded);
        Ok(out)
    }

    /// Verify a wrapped proof of a batch (`aggregate = false`) or of an aggregation.
    pub fn verify_wrapped(&self, proof: &WrappedProof, aggregate: bool) -> Result<(), ProverError> {
        self.wrapper(aggregate)?.verify(proof)
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
