//! The permutation argument's partial products and the quotient polynomial, re-implemented
//! from plonky2 1.1's crate-private `prover::{wires_permutation_partial_products_and_zs,
//! compute_quotient_polys}` and `vanishing_poly::eval_vanishing_poly_base_batch` (circuits
//! without lookups). Same arithmetic, same order: the results are the same field elements.
//! This is the CPU reference the GPU quotient kernels will be checked against.

use plonky2::field::polynomial::{PolynomialCoeffs, PolynomialValues};
use plonky2::field::types::{Field, Field64};
use plonky2::field::zero_poly_coset::ZeroPolyOnCoset;
use plonky2::fri::oracle::PolynomialBatch;
use plonky2::hash::hash_types::HashOut;
use plonky2::iop::witness::MatrixWitness;
use plonky2::plonk::circuit_data::{CircuitData, CommonCircuitData};
use plonky2::plonk::config::GenericConfig;
use plonky2::plonk::vars::EvaluationVarsBaseBatch;
use plonky2::util::serialization::{Buffer, Read, Write};
use plonky2::util::{log2_ceil, transpose};

use rayon::prelude::*;

use crate::prover::{D, F};

/// Points per batch of the quotient evaluation (plonky2's `BATCH_SIZE`).
const BATCH_SIZE: usize = 32;

/// plonky2's `wires_permutation_partial_products_and_zs`: the partial products of one
/// challenge, then Z as the last polynomial.
pub fn wires_permutation_partial_products_and_zs<Cf: GenericConfig<D, F = F>>(
    witness: &MatrixWitness<F>,
    beta: F,
    gamma: F,
    data: &CircuitData<F, Cf, D>,
) -> Vec<PolynomialValues<F>> {
    let (prover, common) = (&data.prover_only, &data.common);
    let degree = common.quotient_degree_factor;
    let num_prods = common.num_partial_products;
    let routed = common.config.num_routed_wires;
    let all_chunk_products: Vec<Vec<F>> = prover
        .subgroup
        .par_iter()
        .enumerate()
        .map(|(i, &x)| {
            let s_sigmas = &prover.sigmas[i];
            let numerators =
                (0..routed).map(|j| witness.get_wire(i, j) + beta * common.k_is[j] * x + gamma);
            let denominators: Vec<F> = (0..routed)
                .map(|j| witness.get_wire(i, j) + beta * s_sigmas[j] + gamma)
                .collect();
            let inv = F::batch_multiplicative_inverse(&denominators);
            let quotients: Vec<F> = numerators.zip(inv).map(|(n, d)| n * d).collect();
            quotients
                .chunks(degree)
                .map(|c| c.iter().copied().product())
                .collect()
        })
        .collect();
    let mut z_x = F::ONE;
    let mut rows = Vec::with_capacity(all_chunk_products.len());
    for chunk_products in all_chunk_products {
        let mut acc = z_x;
        let mut row: Vec<F> = chunk_products
            .iter()
            .map(|&p| {
                acc *= p;
                acc
            })
            .collect();
        // The last term is Z(gx); replace it with Z(x) so that Z is not shifted.
        std::mem::swap(&mut z_x, &mut row[num_prods]);
        rows.push(row);
    }
    transpose(&rows)
        .into_par_iter()
        .map(PolynomialValues::new)
        .collect()
}

/// plonky2's `check_partial_products`.
fn check_partial_products(
    num: &[F],
    den: &[F],
    partials: &[F],
    z_x: F,
    z_gx: F,
    max_degree: usize,
) -> Vec<F> {
    let accs: Vec<F> = std::iter::once(z_x)
        .chain(partials.iter().copied())
        .chain(std::iter::once(z_gx))
        .collect();
    num.chunks(max_degree)
        .zip(den.chunks(max_degree))
        .zip(accs.windows(2))
        .map(|((n, d), w)| {
            let np: F = n.iter().copied().product();
            let dp: F = d.iter().copied().product();
            w[0] * np - w[1] * dp
        })
        .collect()
}

/// The selector index of every gate and the gate range of every selector group. plonky2 keeps
/// `SelectorsInfo`'s fields crate-private; its serialization (`write_selectors_info`: a usize
/// vector, then (start, end) pairs) is public, so they are read back from it.
pub struct Selectors {
    /// Selector polynomial of gate `i`.
    pub selector_indices: Vec<usize>,
    /// Gates `groups[s]` share selector `s`.
    pub groups: Vec<std::ops::Range<usize>>,
}

impl Selectors {
    /// Read them from `common`'s selectors info.
    pub fn of(common: &CommonCircuitData<F, D>) -> Result<Self, String> {
        let mut bytes = Vec::new();
        bytes
            .write_selectors_info(&common.selectors_info)
            .map_err(|e| format!("{e:?}"))?;
        let mut buf = Buffer::new(&bytes);
        let e = |e| format!("{e:?}");
        let selector_indices = buf.read_usize_vec().map_err(e)?;
        let groups_len = buf.read_usize().map_err(e)?;
        let groups = (0..groups_len)
            .map(|_| Ok(buf.read_usize().map_err(e)?..buf.read_usize().map_err(e)?))
            .collect::<Result<_, String>>()?;
        Ok(Self {
            selector_indices,
            groups,
        })
    }
}

/// Gate constraints of a batch of points (plonky2's `evaluate_gate_constraints_base_batch`):
/// constraint `j` of point `k` at `j * n + k`.
fn gate_constraints_batch(
    common: &CommonCircuitData<F, D>,
    selectors: &Selectors,
    vars: EvaluationVarsBaseBatch<F>,
) -> Vec<F> {
    let mut out = vec![F::ZERO; common.num_gate_constraints * vars.len()];
    for (i, gate) in common.gates.iter().enumerate() {
        let selector_index = selectors.selector_indices[i];
        let terms = gate.0.eval_filtered_base_batch(
            vars,
            i,
            selector_index,
            selectors.groups[selector_index].clone(),
            common.selectors_info.num_selectors(),
            common.num_lookup_selectors,
        );
        for (o, t) in out.iter_mut().zip(terms) {
            *o += t;
        }
    }
    out
}

/// plonky2's `compute_quotient_polys` (no lookups): the quotient polynomials' coefficients,
/// one per challenge, of degree < quotient_degree_factor · n (before trimming).
#[allow(clippy::too_many_arguments)]
pub fn compute_quotient_polys<Cf: GenericConfig<D, F = F>>(
    data: &CircuitData<F, Cf, D>,
    public_inputs_hash: &HashOut<F>,
    wires: &PolynomialBatch<F, Cf, D>,
    zs: &PolynomialBatch<F, Cf, D>,
    betas: &[F],
    gammas: &[F],
    alphas: &[F],
) -> Result<Vec<PolynomialCoeffs<F>>, String> {
    let (prover, common) = (&data.prover_only, &data.common);
    let selectors = Selectors::of(common)?;
    let num_challenges = common.config.num_challenges;
    let quotient_degree_bits = log2_ceil(common.quotient_degree_factor);
    let step = 1 << (common.config.fri_config.rate_bits - quotient_degree_bits);
    let next_step = 1 << quotient_degree_bits;
    let points = F::two_adic_subgroup(common.degree_bits() + quotient_degree_bits);
    let lde_size = points.len();
    let z_h = ZeroPolyOnCoset::new(common.degree_bits(), quotient_degree_bits);
    let max_degree = common.quotient_degree_factor;
    let num_prods = common.num_partial_products;
    let routed = common.config.num_routed_wires;

    // One batch of points -> their quotient values (one per challenge). Batches are independent
    // and collected in order, so running them on rayon's threads changes no result.
    let batch = |(batch_i, xs): (usize, &[F])| -> Vec<Vec<F>> {
        let mut out = Vec::with_capacity(xs.len());
        let indices: Vec<usize> = (BATCH_SIZE * batch_i..BATCH_SIZE * batch_i + xs.len()).collect();
        let n = xs.len();
        let mut consts_refs = Vec::with_capacity(n);
        let mut wires_refs = Vec::with_capacity(n);
        for &i in &indices {
            let cs = prover.constants_sigmas_commitment.get_lde_values(i, step);
            consts_refs.push(&cs[common.constants_range()]);
            wires_refs.push(wires.get_lde_values(i, step));
        }
        let mut local_constants = vec![F::ZERO; n * consts_refs[0].len()];
        for i in 0..consts_refs[0].len() {
            for (j, c) in consts_refs.iter().enumerate() {
                local_constants[i * n + j] = c[i];
            }
        }
        let mut local_wires = vec![F::ZERO; n * wires_refs[0].len()];
        for i in 0..wires_refs[0].len() {
            for (j, w) in wires_refs.iter().enumerate() {
                local_wires[i * n + j] = w[i];
            }
        }
        let vars =
            EvaluationVarsBaseBatch::new(n, &local_constants, &local_wires, public_inputs_hash);
        let constraints = gate_constraints_batch(common, &selectors, vars);

        for (k, (&index, &x)) in indices.iter().zip(xs).enumerate() {
            let x = F::coset_shift() * x;
            let i_next = (index + next_step) % lde_size;
            let cs = prover
                .constants_sigmas_commitment
                .get_lde_values(index, step);
            let s_sigmas = &cs[common.sigmas_range()];
            let local_zpp = zs.get_lde_values(index, step);
            let next_zpp = zs.get_lde_values(i_next, step);
            let local_zs = &local_zpp[common.zs_range()];
            let next_zs = &next_zpp[common.zs_range()];
            let partial_products = &local_zpp[common.partial_products_range()];
            let local_wires = wires.get_lde_values(index, step);

            let l_0_x = z_h.eval_l_0(index, x);
            let mut z_1_terms = Vec::with_capacity(num_challenges);
            let mut pp_terms = Vec::new();
            for i in 0..num_challenges {
                let (z_x, z_gx) = (local_zs[i], next_zs[i]);
                z_1_terms.push(l_0_x * z_x.sub_one());
                let num: Vec<F> = (0..routed)
                    .map(|j| local_wires[j] + betas[i] * (common.k_is[j] * x) + gammas[i])
                    .collect();
                let den: Vec<F> = (0..routed)
                    .map(|j| local_wires[j] + betas[i] * s_sigmas[j] + gammas[i])
                    .collect();
                let current = &partial_products[i * num_prods..(i + 1) * num_prods];
                pp_terms.extend(check_partial_products(
                    &num, &den, current, z_x, z_gx, max_degree,
                ));
            }
            let gate_terms = (0..common.num_gate_constraints).map(|j| constraints[j * n + k]);
            let terms: Vec<F> = z_1_terms
                .into_iter()
                .chain(pp_terms)
                .chain(gate_terms)
                .collect();
            // plonky2's reduce_with_powers_multi, then the division by Z_H.
            let inv = z_h.eval_inverse(index);
            let values = alphas
                .iter()
                .map(|&alpha| {
                    let mut acc = F::ZERO;
                    for &t in terms.iter().rev() {
                        acc = t.multiply_accumulate(acc, alpha);
                    }
                    acc * inv
                })
                .collect();
            out.push(values);
        }
        out
    };
    let quotient_values: Vec<Vec<F>> = points
        .par_chunks(BATCH_SIZE)
        .enumerate()
        .map(batch)
        .collect::<Vec<_>>()
        .concat();
    Ok(transpose(&quotient_values)
        .into_par_iter()
        .map(|v| PolynomialValues::new(v).coset_ifft(F::coset_shift()))
        .collect())
}
