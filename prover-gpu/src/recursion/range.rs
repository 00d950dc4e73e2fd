//! The range tree: up to `2^L` consecutive batch proofs folded 2-to-1 into one proof that L1
//! checks against the whole run of batches at once (spec `docs/l2-spec.md` §12.6).
//!
//! A batch's **link** is its public inputs after the old root: `new_root (4) ‖ data_hash (8) ‖
//! z (2) ‖ y (2)`. The links of a range are hashed in order into a Poseidon chain
//! `c_0 = 0`, `c_i = hash_no_pad(c_{i−1} ‖ link_i)` ([`link_chain`]), which L1 recomputes from the
//! roots it stores, the data it is given and `y = P(z)`. The root's public inputs are
//! `old_root ‖ new_root ‖ c_k` ([`RangePublicInputs`], 12 elements) for every `k`, so one wrapper
//! and one Solidity verifier take ranges of any length up to `2^L`.
//!
//! The tree has a fixed depth `L ≥ 1`, one circuit per level ([`RangeNodeCircuit`]). A node
//! exposes `old_root ‖ new_root ‖ chain_in ‖ chain_out`: its run of batches starts at `old_root`
//! and at chain value `chain_in`. At level 1 the node verifies two batch proofs and hashes their
//! links onto `chain_in` (a witness there); above, it verifies two nodes of the level below. With
//! its flag `has_right` set it requires the right run to continue the left one (`left.new_root =
//! right.old_root` and, above level 1, `left.chain_out = right.chain_in`) and ends where the right
//! one ends; without it, the right proof (the left one passed again) is ignored. The root also
//! requires `chain_in = 0`, the start of every chain.
//!
//! Soundness: whatever proofs and flags a prover uses, the root attests some sequence of batch
//! proofs, each starting at the root the previous one ended at, from `old_root` to `new_root`,
//! whose links hash to the exposed chain. L1 hashes the links of its own batches; equal chains
//! mean the same links (Poseidon's collision resistance), so each of L1's batches is the
//! transition to its stored root of a batch proof bound (by `data_hash`, `z` and `y = P(z)`) to
//! its data.

use plonky2::field::types::{Field, PrimeField64};
use plonky2::hash::hash_types::{HashOut, HashOutTarget};
use plonky2::hash::poseidon::PoseidonHash;
use plonky2::iop::target::{BoolTarget, Target};
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CircuitData, CommonCircuitData, VerifierOnlyCircuitData};
use plonky2::plonk::config::Hasher;
use plonky2::plonk::proof::{ProofWithPublicInputs, ProofWithPublicInputsTarget};

use super::{verify_pair, ROOTS};
use crate::cache::{build_or_load, Origin, ProverCache};
use crate::circuit::{batch_config, BATCH_PUBLIC_INPUTS};
use crate::error::ProverError;
use crate::gpu::device::GpuDevice;
use crate::gpu::prove::prove_with_gpu;
use crate::prover::{C, D, F};
use janus_l2::hash::Digest;

type Proof = ProofWithPublicInputs<F, C, D>;

/// Elements of a batch's link: its public inputs after the old root.
pub const LINK_ELEMENTS: usize = BATCH_PUBLIC_INPUTS - 4;
/// Elements of a chain value (a Poseidon digest).
pub const CHAIN_ELEMENTS: usize = 4;
/// Public inputs of an inner node: `old_root ‖ new_root ‖ chain_in ‖ chain_out`.
pub const NODE_PUBLIC_INPUTS: usize = ROOTS + 2 * CHAIN_ELEMENTS;
/// Public inputs of the root: `old_root ‖ new_root ‖ chain`.
pub const RANGE_PUBLIC_INPUTS: usize = ROOTS + CHAIN_ELEMENTS;

const CHAIN_IN: usize = ROOTS;
const CHAIN_OUT: usize = ROOTS + CHAIN_ELEMENTS;

/// The public inputs of a range proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RangePublicInputs {
    /// State root before the first batch.
    pub old_root: Digest,
    /// State root after the last batch.
    pub new_root: Digest,
    /// The Poseidon chain of the batches' links ([`link_chain`]).
    pub chain: HashOut<F>,
}

impl RangePublicInputs {
    /// Parse the 12 public inputs of a range root proof.
    pub fn from_elements(pis: &[F]) -> Result<Self, ProverError> {
        if pis.len() != RANGE_PUBLIC_INPUTS {
            return Err(ProverError::Decode(format!(
                "expected {RANGE_PUBLIC_INPUTS} public inputs of a range proof, got {}",
                pis.len()
            )));
        }
        let digest = |s: &[F]| HashOut {
            elements: [s[0], s[1], s[2], s[3]],
        };
        Ok(Self {
            old_root: digest(&pis[0..4]),
            new_root: digest(&pis[4..8]),
            chain: digest(&pis[8..12]),
        })
    }
}

/// The chain values `c_0 = 0, c_1, …, c_k` of batch public inputs `batches` (each
/// [`BATCH_PUBLIC_INPUTS`] elements): `c_i = hash_no_pad(c_{i−1} ‖ link_i)`.
pub fn chain_prefixes(batches: &[&[F]]) -> Result<Vec<HashOut<F>>, ProverError> {
    let mut out = vec![chain_start()];
    for pis in batches {
        if pis.len() != BATCH_PUBLIC_INPUTS {
            return Err(ProverError::Decode("not a batch proof".into()));
        }
        let prev = out.last().expect("c_0").elements;
        let input: Vec<F> = prev.iter().chain(&pis[4..]).copied().collect();
        out.push(PoseidonHash::hash_no_pad(&input));
    }
    Ok(out)
}

/// The chain `c_k` of batch public inputs `batches` (see [`chain_prefixes`]).
pub fn link_chain(batches: &[&[F]]) -> Result<HashOut<F>, ProverError> {
    Ok(*chain_prefixes(batches)?.last().expect("c_0"))
}

fn root_at(pis: &[F], at: usize) -> Result<[u64; 4], ProverError> {
    let s = pis
        .get(at..at + 4)
        .ok_or_else(|| ProverError::Decode("proof has no roots".into()))?;
    Ok([0, 1, 2, 3].map(|i| s[i].to_canonical_u64()))
}

/// Natively check that `right` starts at the root `left` ends at (batch or node proofs).
pub fn check_continuity(left: &Proof, right: &Proof) -> Result<(), ProverError> {
    let (left_new, right_old) = (
        root_at(&left.public_inputs, 4)?,
        root_at(&right.public_inputs, 0)?,
    );
    if left_new != right_old {
        return Err(ProverError::Discontinuity {
            left_new,
            right_old,
        });
    }
    Ok(())
}

/// `has_right · (a − c) = 0` for each pair: equal when the node has a right child.
fn connect_if(b: &mut CircuitBuilder<F, D>, on: BoolTarget, a: &[Target], c: &[Target]) {
    for (x, y) in a.iter().zip(c) {
        let d = b.sub(*x, *y);
        let off = b.mul(on.target, d);
        b.assert_zero(off);
    }
}

fn select_all(
    b: &mut CircuitBuilder<F, D>,
    on: BoolTarget,
    x: &[Target],
    y: &[Target],
) -> Vec<Target> {
    x.iter().zip(y).map(|(x, y)| b.select(on, *x, *y)).collect()
}

fn hash_link(b: &mut CircuitBuilder<F, D>, chain: &[Target], batch: &[Target]) -> HashOutTarget {
    let input: Vec<Target> = chain.iter().chain(&batch[4..]).copied().collect();
    b.hash_n_to_hash_no_pad::<PoseidonHash>(input)
}

/// One level of the range tree.
pub struct RangeNodeCircuit {
    /// The circuit.
    pub data: CircuitData<F, C, D>,
    /// Whether the circuit data was built or loaded from a prover-data cache.
    pub origin: Origin,
    /// Level (1: over batch proofs).
    pub level: usize,
    /// Whether this is the root (range public inputs, `chain_in = 0`).
    pub is_root: bool,
    left: ProofWithPublicInputsTarget<D>,
    right: ProofWithPublicInputsTarget<D>,
    has_right: BoolTarget,
    /// The chain value before the node's first batch: a witness at level 1 below the root.
    chain_in: Option<HashOutTarget>,
}

impl RangeNodeCircuit {
    /// Build (or load) level `level` over two proofs of the circuit (`common`, `verifier`):
    /// batch proofs at level 1, nodes of level `level − 1` above.
    pub fn new(
        common: &CommonCircuitData<F, D>,
        verifier: &VerifierOnlyCircuitData<C, D>,
        level: usize,
        is_root: bool,
        cache: Option<&ProverCache>,
    ) -> Result<Self, ProverError> {
        let want = if level == 1 {
            BATCH_PUBLIC_INPUTS
        } else {
            NODE_PUBLIC_INPUTS
        };
        if common.num_public_inputs != want {
            return Err(ProverError::Decode(format!(
                "inner circuit of range level {level} has {} public inputs, expected {want}",
                common.num_public_inputs
            )));
        }
        let mut b = CircuitBuilder::<F, D>::new(batch_config());
        let (left, right) = verify_pair(&mut b, common, verifier);
        let has_right = b.add_virtual_bool_target_safe();
        let (l, r) = (left.public_inputs.clone(), right.public_inputs.clone());
        // The right run starts at the root the left one ends at.
        connect_if(&mut b, has_right, &l[4..8], &r[0..4]);
        let new_root = select_all(&mut b, has_right, &r[4..8], &l[4..8]);
        let (chain_in, witness_in, chain_out) = if level == 1 {
            let (start, witness_in) = if is_root {
                let z = b.zero();
                ([z; CHAIN_ELEMENTS].to_vec(), None)
            } else {
                let t = b.add_virtual_hash();
                (t.elements.to_vec(), Some(t))
            };
            let mid = hash_link(&mut b, &start, &l);
            let both = hash_link(&mut b, &mid.elements, &r);
            let out = select_all(&mut b, has_right, &both.elements, &mid.elements);
            (start, witness_in, out)
        } else {
            connect_if(&mut b, has_right, &l[CHAIN_OUT..], &r[CHAIN_IN..CHAIN_OUT]);
            let out = select_all(&mut b, has_right, &r[CHAIN_OUT..], &l[CHAIN_OUT..]);
            let start = l[CHAIN_IN..CHAIN_OUT].to_vec();
            if is_root {
                // Every chain starts at zero.
                for t in &start {
                    b.assert_zero(*t);
                }
            }
            (start, None, out)
        };
        b.register_public_inputs(&l[0..4]);
        b.register_public_inputs(&new_root);
        if !is_root {
            b.register_public_inputs(&chain_in);
        }
        b.register_public_inputs(&chain_out);
        let kind = if is_root { "range-root" } else { "range-node" };
        let inner = Some(verifier.circuit_digest);
        let (data, origin) = build_or_load::<C>(cache, kind, &[level as u64], inner, b)?;
        Ok(Self {
            data,
            origin,
            level,
            is_root,
            left,
            right,
            has_right,
            chain_in: witness_in,
        })
    }

    /// Fold `left` and `right` (consecutive, checked natively first), or `left` alone;
    /// `chain_in` is the chain value before the node's first batch (level 1 below the root).
    pub fn prove(
        &self,
        left: &Proof,
        right: Option<&Proof>,
        chain_in: HashOut<F>,
        gpu: Option<&GpuDevice>,
    ) -> Result<Proof, ProverError> {
        if let Some(right) = right {
            self.check_inner(left)?;
            self.check_inner(right)?;
            check_continuity(left, right)?;
            if self.level > 1
                && left.public_inputs[CHAIN_OUT..] != right.public_inputs[CHAIN_IN..CHAIN_OUT]
            {
                return Err(ProverError::NotConsecutive(
                    "the right range does not continue the left one's chain".into(),
                ));
            }
        }
        self.prove_unchecked(left, right.unwrap_or(left), right.is_some(), chain_in, gpu)
    }

    /// [`Self::prove`] with any two proofs, flag and chain start, without the native checks
    /// (tests show the circuit's own).
    pub fn prove_unchecked(
        &self,
        left: &Proof,
        right: &Proof,
        has_right: bool,
        chain_in: HashOut<F>,
        gpu: Option<&GpuDevice>,
    ) -> Result<Proof, ProverError> {
        self.check_inner(left)?;
        self.check_inner(right)?;
        let mut pw = PartialWitness::new();
        let e = ProverError::witness;
        pw.set_proof_with_pis_target(&self.left, left).map_err(e)?;
        pw.set_proof_with_pis_target(&self.right, right)
            .map_err(e)?;
        pw.set_bool_target(self.has_right, has_right).map_err(e)?;
        if let Some(t) = self.chain_in {
            pw.set_hash_target(t, chain_in).map_err(e)?;
        }
        prove_with_gpu(gpu, &self.data, pw)
    }

    fn check_inner(&self, p: &Proof) -> Result<(), ProverError> {
        let inner = if self.level == 1 {
            BATCH_PUBLIC_INPUTS
        } else {
            NODE_PUBLIC_INPUTS
        };
        if p.public_inputs.len() != inner {
            return Err(ProverError::Decode(format!(
                "range level {} takes proofs of {inner} public inputs, got {}",
                self.level,
                p.public_inputs.len()
            )));
        }
        Ok(())
    }

    /// Verify a proof of this node.
    pub fn verify(&self, proof: &Proof) -> Result<(), ProverError> {
        self.data
            .verify(proof.clone())
            .map_err(|e| ProverError::Verification(e.to_string()))
    }
}

/// The levels of a range tree over one batch circuit: proves runs of up to
/// [`RangeTree::max_batches`] consecutive batches as one proof.
pub struct RangeTree {
    /// Levels `1..=L`; the last is the root.
    pub levels: Vec<RangeNodeCircuit>,
}

impl RangeTree {
    /// Build (or load) a tree of `depth ≥ 1` levels over proofs of the batch circuit `batch`.
    pub fn new(
        batch: &CircuitData<F, C, D>,
        depth: usize,
        cache: Option<&ProverCache>,
    ) -> Result<Self, ProverError> {
        if depth == 0 {
            return Err(ProverError::Decode(
                "a range tree needs at least its root".into(),
            ));
        }
        let mut levels: Vec<RangeNodeCircuit> = Vec::with_capacity(depth);
        for level in 1..=depth {
            let inner = levels.last().map_or(batch, |n| &n.data);
            let node = RangeNodeCircuit::new(
                &inner.common,
                &inner.verifier_only,
                level,
                level == depth,
                cache,
            )?;
            levels.push(node);
        }
        Ok(Self { levels })
    }

    /// The most batches one range proof covers: `2^depth`.
    pub fn max_batches(&self) -> usize {
        1 << self.levels.len()
    }

    /// The root circuit.
    pub fn root(&self) -> &RangeNodeCircuit {
        self.levels.last().expect("depth >= 1")
    }

    /// Prove the run of consecutive batch proofs `batches` (1 to [`Self::max_batches`], each
    /// starting where the previous one ends) as one range proof.
    pub fn prove(
        &self,
        batches: &[&Proof],
        gpu: Option<&GpuDevice>,
    ) -> Result<(Proof, RangePublicInputs), ProverError> {
        if batches.is_empty() || batches.len() > self.max_batches() {
            return Err(ProverError::RangeSize {
                batches: batches.len(),
                max: self.max_batches(),
            });
        }
        for pair in batches.windows(2) {
            check_continuity(pair[0], pair[1])?;
        }
        let pis: Vec<&[F]> = batches.iter().map(|p| p.public_inputs.as_slice()).collect();
        let chain = chain_prefixes(&pis)?;
        let mut proofs: Vec<Proof> = batches
            .chunks(2)
            .enumerate()
            .map(|(i, pair)| self.levels[0].prove(pair[0], pair.get(1).copied(), chain[2 * i], gpu))
            .collect::<Result<_, _>>()?;
        for node in &self.levels[1..] {
            proofs = proofs
                .chunks(2)
                .map(|pair| node.prove(&pair[0], pair.get(1), chain_start(), gpu))
                .collect::<Result<_, _>>()?;
        }
        let root = proofs
            .pop()
            .ok_or_else(|| ProverError::Proving("no range proof".into()))?;
        let public = RangePublicInputs::from_elements(&root.public_inputs)?;
        if public.chain != chain[batches.len()] {
            return Err(ProverError::Proving(
                "range chain differs from the native one".into(),
            ));
        }
        Ok((root, public))
    }
}

/// The zero chain value `c_0` (for tests and callers that build level-1 nodes by hand).
pub fn chain_start() -> HashOut<F> {
    HashOut {
        elements: [F::ZERO; CHAIN_ELEMENTS],
    }
}
