//! Calldata encoding of a wrapped proof for the Solidity verifier (`docs/verifier.md`, "Proof
//! encoding").
//!
//! Every length is fixed by the circuit's [`CommonCircuitData`], so the encoding has no length
//! prefixes and no padding: base elements are 8 bytes big-endian, extension elements `c0 ‖ c1`
//! (16 bytes), Keccak hashes their 25 bytes. The public inputs are not part of it (L1 rebuilds
//! them). [`ProofLayout`] gives the byte offset of every section; the parameters emitter
//! ([`super::params`]) writes the same numbers into `WrapperParams.sol`.

use plonky2::field::extension::FieldExtension;
use plonky2::field::types::PrimeField64;
use plonky2::hash::hash_types::BytesHash;
use plonky2::hash::merkle_tree::MerkleCap;
use plonky2::plonk::circuit_data::CommonCircuitData;
use plonky2::plonk::config::{GenericConfig, KeccakGoldilocksConfig};
use plonky2::plonk::proof::ProofWithPublicInputs;

use super::VerifierGenError;
use crate::prover::{D, F};

/// Bytes of a Keccak hash of the wrapper (`BytesHash<25>`).
pub const HASH_BYTES: usize = 25;
/// Bytes of a base element.
pub const BASE_BYTES: usize = 8;
/// Bytes of an extension element.
pub const EXT_BYTES: usize = 16;

type H = <KeccakGoldilocksConfig as GenericConfig<D>>::Hasher;
type Ext = <F as plonky2::field::extension::Extendable<D>>::Extension;

/// Sizes and byte offsets of the encoding of a proof of one circuit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofLayout {
    /// Hashes per Merkle cap (`2^cap_height`).
    pub cap_len: usize,
    /// Opened values in `OpeningSet` order: constants, plonk_sigmas, wires, plonk_zs,
    /// plonk_zs_next, partial_products, quotient_polys.
    pub openings: [usize; 7],
    /// Polynomials of the 4 initial oracles (constants-sigmas, wires, zs-partial-products,
    /// quotient): the base elements of each oracle's leaf.
    pub oracle_polys: [usize; 4],
    /// `log2` of the LDE size.
    pub lde_bits: usize,
    /// Siblings of an initial-oracle Merkle proof (`lde_bits - cap_height`).
    pub initial_siblings: usize,
    /// Arity bits of each FRI reduction.
    pub arity_bits: Vec<usize>,
    /// Siblings of each commit-phase Merkle proof.
    pub step_siblings: Vec<usize>,
    /// Coefficients of the final polynomial.
    pub final_poly_len: usize,
    /// Query rounds.
    pub num_queries: usize,
    /// Offset of the wires cap (0).
    pub off_wires_cap: usize,
    /// Offset of the zs-partial-products cap.
    pub off_zs_cap: usize,
    /// Offset of the quotient cap.
    pub off_quotient_cap: usize,
    /// Offset of the openings.
    pub off_openings: usize,
    /// Offset of the commit-phase caps (one after another).
    pub off_commit_caps: usize,
    /// Offset of the final polynomial.
    pub off_final_poly: usize,
    /// Offset of the PoW witness.
    pub off_pow: usize,
    /// Offset of the first query round.
    pub off_queries: usize,
    /// Bytes of one query round.
    pub query_bytes: usize,
    /// Total bytes.
    pub total: usize,
}

impl ProofLayout {
    /// The layout for proofs of `common`. Fails on shapes the verifier does not support
    /// (lookups, zero knowledge, a cap taller than a tree).
    pub fn new(common: &CommonCircuitData<F, D>) -> Result<Self, VerifierGenError> {
        let unsupported = |m: &str| Err(VerifierGenError::Unsupported(m.to_string()));
        if common.num_lookup_polys != 0 {
            return unsupported("lookups");
        }
        if common.fri_params.hiding || common.config.zero_knowledge {
            return unsupported("zero knowledge (salted leaves)");
        }
        let nc = common.config.num_challenges;
        let fri = &common.fri_params;
        let cap_height = fri.config.cap_height;
        let cap_len = 1usize << cap_height;
        let lde_bits = fri.lde_bits();
        let openings = [
            common.num_constants,
            common.config.num_routed_wires,
            common.config.num_wires,
            nc,
            nc,
            nc * common.num_partial_products,
            nc * common.quotient_degree_factor,
        ];
        let oracle_polys = [
            common.num_constants + common.config.num_routed_wires,
            common.config.num_wires,
            nc * (1 + common.num_partial_products),
            nc * common.quotient_degree_factor,
        ];
        if lde_bits < cap_height {
            return unsupported("cap taller than the LDE tree");
        }
        let mut step_siblings = vec![];
        let mut bits = lde_bits;
        for &a in &fri.reduction_arity_bits {
            bits -= a;
            if bits < cap_height {
                return unsupported("cap taller than a commit-phase tree");
            }
            step_siblings.push(bits - cap_height);
        }
        let cap_bytes = cap_len * HASH_BYTES;
        let off_wires_cap = 0;
        let off_zs_cap = off_wires_cap + cap_bytes;
        let off_quotient_cap = off_zs_cap + cap_bytes;
        let off_openings = off_quotient_cap + cap_bytes;
        let off_commit_caps = off_openings + openings.iter().sum::<usize>() * EXT_BYTES;
        let off_final_poly = off_commit_caps + fri.reduction_arity_bits.len() * cap_bytes;
        let final_poly_len = fri.final_poly_len();
        let off_pow = off_final_poly + final_poly_len * EXT_BYTES;
        let off_queries = off_pow + BASE_BYTES;
        let initial_siblings = lde_bits - cap_height;
        let mut query_bytes = 0;
        for &n in &oracle_polys {
            query_bytes += n * BASE_BYTES + initial_siblings * HASH_BYTES;
        }
        for (&a, &s) in fri.reduction_arity_bits.iter().zip(&step_siblings) {
            query_bytes += (1 << a) * EXT_BYTES + s * HASH_BYTES;
        }
        let num_queries = fri.config.num_query_rounds;
        Ok(Self {
            cap_len,
            openings,
            oracle_polys,
            lde_bits,
            initial_siblings,
            arity_bits: fri.reduction_arity_bits.clone(),
            step_siblings,
            final_poly_len,
            num_queries,
            off_wires_cap,
            off_zs_cap,
            off_quotient_cap,
            off_openings,
            off_commit_caps,
            off_final_poly,
            off_pow,
            off_queries,
            query_bytes,
            total: off_queries + num_queries * query_bytes,
        })
    }
}

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn base(&mut self, x: F) {
        self.out
            .extend_from_slice(&x.to_canonical_u64().to_be_bytes());
    }
    fn ext(&mut self, x: Ext) {
        let cs: [F; D] = FieldExtension::<D>::to_basefield_array(&x);
        for c in cs {
            self.base(c);
        }
    }
    fn hash(&mut self, h: &BytesHash<HASH_BYTES>) {
        self.out.extend_from_slice(&h.0);
    }
    fn cap(&mut self, c: &MerkleCap<F, H>, len: usize) -> Result<(), VerifierGenError> {
        check("cap", c.0.len(), len)?;
        c.0.iter().for_each(|h| self.hash(h));
        Ok(())
    }
}

fn check(what: &str, got: usize, want: usize) -> Result<(), VerifierGenError> {
    if got != want {
        return Err(VerifierGenError::Unsupported(format!(
            "proof shape: {what} has {got} items, the circuit fixes {want}"
        )));
    }
    Ok(())
}

/// Encode a wrapped proof of the circuit `common` (public inputs excluded). Fails if the proof's
/// shape is not the one `common` fixes.
pub fn encode_proof(
    proof: &ProofWithPublicInputs<F, KeccakGoldilocksConfig, D>,
    common: &CommonCircuitData<F, D>,
) -> Result<Vec<u8>, VerifierGenError> {
    let l = ProofLayout::new(common)?;
    let p = &proof.proof;
    let mut w = Writer {
        out: Vec::with_capacity(l.total),
    };
    w.cap(&p.wires_cap, l.cap_len)?;
    w.cap(&p.plonk_zs_partial_products_cap, l.cap_len)?;
    w.cap(&p.quotient_polys_cap, l.cap_len)?;
    let o = &p.openings;
    let groups = [
        &o.constants,
        &o.plonk_sigmas,
        &o.wires,
        &o.plonk_zs,
        &o.plonk_zs_next,
        &o.partial_products,
        &o.quotient_polys,
    ];
    for (g, &n) in groups.iter().zip(&l.openings) {
        check("opening group", g.len(), n)?;
        g.iter().for_each(|&x| w.ext(x));
    }
    check(
        "lookup openings",
        o.lookup_zs.len() + o.lookup_zs_next.len(),
        0,
    )?;
    let fp = &p.opening_proof;
    check(
        "commit-phase caps",
        fp.commit_phase_merkle_caps.len(),
        l.arity_bits.len(),
    )?;
    for c in &fp.commit_phase_merkle_caps {
        w.cap(c, l.cap_len)?;
    }
    check(
        "final polynomial",
        fp.final_poly.coeffs.len(),
        l.final_poly_len,
    )?;
    fp.final_poly.coeffs.iter().for_each(|&c| w.ext(c));
    w.base(fp.pow_witness);
    check("query rounds", fp.query_round_proofs.len(), l.num_queries)?;
    for q in &fp.query_round_proofs {
        let ep = &q.initial_trees_proof.evals_proofs;
        check("initial oracles", ep.len(), 4)?;
        for ((evals, mp), &n) in ep.iter().zip(&l.oracle_polys) {
            check("initial leaf", evals.len(), n)?;
            evals.iter().for_each(|&x| w.base(x));
            check("initial siblings", mp.siblings.len(), l.initial_siblings)?;
            mp.siblings.iter().for_each(|h| w.hash(h));
        }
        check("query steps", q.steps.len(), l.arity_bits.len())?;
        for ((s, &a), &ns) in q.steps.iter().zip(&l.arity_bits).zip(&l.step_siblings) {
            check("step evaluations", s.evals.len(), 1 << a)?;
            s.evals.iter().for_each(|&x| w.ext(x));
            check("step siblings", s.merkle_proof.siblings.len(), ns)?;
            s.merkle_proof.siblings.iter().for_each(|h| w.hash(h));
        }
    }
    debug_assert_eq!(w.out.len(), l.total);
    Ok(w.out)
}
