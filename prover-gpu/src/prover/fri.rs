//! The opening part of a proof on all cores: plonky2 1.1's `OpeningSet::new` and
//! `PolynomialBatch::prove_openings` (with `fri_proof`: commit phase, proof of work, query
//! rounds; no `final_poly_coeff_len` / `max_num_query_steps`) re-done on its public API, with
//! the same transcript and the same bytes.
//!
//! Why the bytes cannot change: every value is an exact element of the Goldilocks field or its
//! quadratic extension, so two correct computations of the same expression give the same
//! element, whatever their order (sums of `alpha^i · p_i` split by coefficient ranges,
//! extension-field FFTs done as two base-field FFTs, since the roots and the coset shift are in
//! the base field). The transcript is driven in plonky2's order from one thread; only pure work
//! between two transcript operations is spread over rayon's threads, collected in order. The
//! proof of work returns plonky2's **smallest** nonce: candidates are searched in consecutive
//! windows, each window with rayon's `find_first` (the lowest hit in the window); the first
//! window with a hit holds the smallest one.

use plonky2::field::extension::{flatten, unflatten, Extendable, FieldExtension};
use plonky2::field::polynomial::PolynomialCoeffs;
use plonky2::field::types::{Field, Field64, PrimeField64};
use plonky2::fri::oracle::PolynomialBatch;
use plonky2::fri::proof::{FriInitialTreeProof, FriProof, FriQueryRound, FriQueryStep};
use plonky2::fri::structure::{FriBatchInfo, FriInstanceInfo};
use plonky2::fri::FriParams;
use plonky2::hash::merkle_tree::MerkleTree;
use plonky2::iop::challenger::Challenger;
use plonky2::plonk::circuit_data::CommonCircuitData;
use plonky2::plonk::config::GenericConfig;
use plonky2::plonk::plonk_common::reduce_with_powers;
use plonky2::plonk::proof::OpeningSet;
use plonky2::util::reverse_index_bits_in_place;
use rayon::prelude::*;

use super::commit::merkle_tree;
use super::{D, F};

type FE = <F as Extendable<D>>::Extension;

/// Coefficients per task when combining polynomials.
const CHUNK: usize = 1 << 12;
/// Proof-of-work candidates per search window.
const POW_WINDOW: u64 = 1 << 14;

/// `p(z)` for a base-field polynomial (plonky2's `p.to_extension().eval(z)`).
fn eval(p: &PolynomialCoeffs<F>, z: FE) -> FE {
    p.coeffs.iter().rev().fold(FE::ZERO, |acc, &c| {
        acc * z + <FE as FieldExtension<D>>::from_basefield(c)
    })
}

/// plonky2's `OpeningSet::new`, each polynomial evaluated on its own task.
pub fn opening_set<Cf: GenericConfig<D, F = F>>(
    zeta: FE,
    g: FE,
    constants_sigmas: &PolynomialBatch<F, Cf, D>,
    wires: &PolynomialBatch<F, Cf, D>,
    zs_partial_products: &PolynomialBatch<F, Cf, D>,
    quotient: &PolynomialBatch<F, Cf, D>,
    common: &CommonCircuitData<F, D>,
) -> OpeningSet<F, D> {
    let at = |z: FE, c: &PolynomialBatch<F, Cf, D>| -> Vec<FE> {
        c.polynomials.par_iter().map(|p| eval(p, z)).collect()
    };
    let cs = at(zeta, constants_sigmas);
    let zpp = at(zeta, zs_partial_products);
    let zpp_next = at(g * zeta, zs_partial_products);
    OpeningSet {
        constants: cs[common.constants_range()].to_vec(),
        plonk_sigmas: cs[common.sigmas_range()].to_vec(),
        wires: at(zeta, wires),
        plonk_zs: zpp[common.zs_range()].to_vec(),
        plonk_zs_next: zpp_next[common.zs_range()].to_vec(),
        partial_products: zpp[common.partial_products_range()].to_vec(),
        quotient_polys: at(zeta, quotient),
        lookup_zs: zpp[common.lookup_range()].to_vec(),
        lookup_zs_next: zpp_next[common.lookup_range()].to_vec(),
    }
}

/// `Σ alpha^i · polys[i]` (plonky2's `ReducingFactor::reduce_polys_base` from a fresh count),
/// by ranges of coefficients.
fn combine(alpha: FE, polys: &[&PolynomialCoeffs<F>]) -> PolynomialCoeffs<FE> {
    let len = polys.iter().map(|p| p.len()).max().unwrap_or(0);
    let powers: Vec<FE> = alpha.powers().take(polys.len()).collect();
    let mut out = vec![FE::ZERO; len];
    out.par_chunks_mut(CHUNK)
        .enumerate()
        .for_each(|(k, chunk)| {
            let start = k * CHUNK;
            for (p, &a) in polys.iter().zip(&powers) {
                let end = (start + chunk.len()).min(p.len());
                if start >= end {
                    continue;
                }
                for (o, &c) in chunk.iter_mut().zip(&p.coeffs[start..end]) {
                    *o += <FE as FieldExtension<D>>::scalar_mul(&a, c);
                }
            }
        });
    PolynomialCoeffs::new(out)
}

/// `coeffs.coset_fft(shift)` for extension coefficients and a base-field shift: the two base
/// components transformed side by side.
fn coset_fft_ext(coeffs: &PolynomialCoeffs<FE>, shift: F) -> Vec<FE> {
    let part = |i: usize| {
        PolynomialCoeffs::new(
            coeffs
                .coeffs
                .iter()
                .map(|c| <FE as FieldExtension<D>>::to_basefield_array(c)[i])
                .collect(),
        )
        .coset_fft(shift)
        .values
    };
    let (a, b) = rayon::join(|| part(0), || part(1));
    a.into_iter()
        .zip(b)
        .map(|(x, y)| <FE as FieldExtension<D>>::from_basefield_array([x, y]))
        .collect()
}

/// plonky2's `PolynomialBatch::prove_openings(instance, oracles, challenger, fri_params, None,
/// None, ..)`.
pub fn prove_openings<Cf: GenericConfig<D, F = F>>(
    instance: &FriInstanceInfo<F, D>,
    oracles: &[&PolynomialBatch<F, Cf, D>],
    challenger: &mut Challenger<F, Cf::Hasher>,
    fri_params: &FriParams,
) -> FriProof<F, Cf::Hasher, D> {
    let alpha = challenger.get_extension_challenge::<D>();
    // final = Σ_batches alpha^(k_b) (F_b(X) - F_b(z_b)) / (X - z_b), built as plonky2 does:
    // before adding a batch, the sum so far is shifted by alpha^(that batch's size).
    let mut final_poly = PolynomialCoeffs::<FE>::empty();
    for FriBatchInfo { point, polynomials } in &instance.batches {
        let polys: Vec<&PolynomialCoeffs<F>> = polynomials
            .iter()
            .map(|p| &oracles[p.oracle_index].polynomials[p.polynomial_index])
            .collect();
        let composition = combine(alpha, &polys);
        let mut quotient = composition.divide_by_linear(*point);
        quotient.coeffs.push(FE::ZERO);
        final_poly *= alpha.exp_u64(polys.len() as u64);
        final_poly += quotient;
    }
    let rate_bits = fri_params.config.rate_bits;
    let lde_coeffs = final_poly.lde(rate_bits);
    let lde_values = coset_fft_ext(&lde_coeffs, F::coset_shift());
    let initial_trees: Vec<&MerkleTree<F, Cf::Hasher>> =
        oracles.iter().map(|o| &o.merkle_tree).collect();
    fri_proof::<Cf>(
        &initial_trees,
        lde_coeffs,
        lde_values,
        challenger,
        fri_params,
    )
}

/// plonky2's `fri_proof` (no final-poly padding, no extra query steps).
fn fri_proof<Cf: GenericConfig<D, F = F>>(
    initial_trees: &[&MerkleTree<F, Cf::Hasher>],
    mut coeffs: PolynomialCoeffs<FE>,
    mut values: Vec<FE>,
    challenger: &mut Challenger<F, Cf::Hasher>,
    fri_params: &FriParams,
) -> FriProof<F, Cf::Hasher, D> {
    let n = values.len();
    assert_eq!(coeffs.len(), n);
    let cap_height = fri_params.config.cap_height;

    // Commit phase.
    let mut trees: Vec<MerkleTree<F, Cf::Hasher>> = Vec::new();
    let mut shift = F::MULTIPLICATIVE_GROUP_GENERATOR;
    for &arity_bits in &fri_params.reduction_arity_bits {
        let arity = 1 << arity_bits;
        reverse_index_bits_in_place(&mut values);
        let leaves: Vec<Vec<F>> = values.par_chunks(arity).map(flatten::<F, D>).collect();
        let tree = merkle_tree::<F, Cf::Hasher>(leaves, cap_height);
        challenger.observe_cap(&tree.cap);
        trees.push(tree);
        let beta = challenger.get_extension_challenge::<D>();
        coeffs = PolynomialCoeffs::new(
            coeffs
                .coeffs
                .par_chunks_exact(arity)
                .map(|chunk| reduce_with_powers(chunk, beta))
                .collect(),
        );
        shift = shift.exp_u64(arity as u64);
        values = coset_fft_ext(&coeffs, shift);
    }
    coeffs
        .coeffs
        .truncate(coeffs.len() >> fri_params.config.rate_bits);
    challenger.observe_extension_elements::<D>(&coeffs.coeffs);

    // Proof of work.
    let pow_witness = proof_of_work::<Cf>(challenger, fri_params.config.proof_of_work_bits);

    // Query phase.
    let query_round_proofs = challenger
        .get_n_challenges(fri_params.config.num_query_rounds)
        .into_par_iter()
        .map(|r| {
            let mut x_index = r.to_canonical_u64() as usize % n;
            let initial = initial_trees
                .iter()
                .map(|t| (t.get(x_index).to_vec(), t.prove(x_index)))
                .collect();
            let mut steps = Vec::with_capacity(trees.len());
            for (tree, &arity_bits) in trees.iter().zip(&fri_params.reduction_arity_bits) {
                steps.push(FriQueryStep {
                    evals: unflatten::<F, D>(tree.get(x_index >> arity_bits)),
                    merkle_proof: tree.prove(x_index >> arity_bits),
                });
                x_index >>= arity_bits;
            }
            FriQueryRound {
                initial_trees_proof: FriInitialTreeProof {
                    evals_proofs: initial,
                },
                steps,
            }
        })
        .collect();

    FriProof {
        commit_phase_merkle_caps: trees.iter().map(|t| t.cap.clone()).collect(),
        query_round_proofs,
        final_poly: coeffs,
        pow_witness,
    }
}

/// The smallest nonce whose transcript response has `pow_bits` leading zeros (plonky2's
/// `fri_proof_of_work` without its `parallel` feature), found window by window; leaves
/// `challenger` having observed it and drawn the response, as plonky2 does.
fn proof_of_work<Cf: GenericConfig<D, F = F>>(
    challenger: &mut Challenger<F, Cf::Hasher>,
    pow_bits: u32,
) -> F {
    // Goldilocks' order has 64 bits: no extra leading zeros (plonky2's `64 - order bits`).
    let min_leading_zeros = pow_bits + (64 - F::order().bits()) as u32;
    let hits = |candidate: u64| {
        let mut c = challenger.clone();
        c.observe_element(F::from_canonical_u64(candidate));
        c.get_challenge().to_canonical_u64().leading_zeros() >= min_leading_zeros
    };
    // Candidates 0..p, as plonky2's `0..=F::NEG_ONE`.
    let order = F::ORDER;
    let mut start = 0u64;
    let witness = loop {
        let end = start.saturating_add(POW_WINDOW).min(order);
        let found = (0..(end - start) as usize)
            .into_par_iter()
            .with_min_len(256)
            .find_first(|&i| hits(start + i as u64))
            .map(|i| start + i as u64);
        if let Some(w) = found {
            break w;
        }
        assert!(
            end < order,
            "Proof of work failed. This is highly unlikely!"
        );
        start = end;
    };
    let witness = F::from_canonical_u64(witness);
    challenger.observe_element(witness);
    let response = challenger.get_challenge();
    assert!(response.to_canonical_u64().leading_zeros() >= min_leading_zeros);
    witness
}
