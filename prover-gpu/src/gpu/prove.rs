//! A plonky2 prover on plonky2 1.1's public API whose three commitments (wires, Z + partial
//! products, quotient chunks) go through [`super::pipeline`] — on the GPU when one is given,
//! else on the CPU. It follows plonky2's `prove_with_partition_witness` step for step (same
//! transcript), so its proofs equal [`crate::prover::prove_deterministic`]'s byte for byte.
//!
//! plonky2 keeps the quotient computation (`compute_quotient_polys`,
//! `eval_vanishing_poly_base_batch`) and the partial-products helpers `pub(crate)`; they are
//! re-implemented in [`super::quotient`]. Circuits with lookup tables and zero-knowledge
//! circuits are not supported (Janus has neither): they get [`ProverError::Proving`].

use plonky2::field::extension::Extendable;
use plonky2::field::polynomial::{PolynomialCoeffs, PolynomialValues};
use plonky2::field::types::Field;
use plonky2::fri::oracle::PolynomialBatch;
use plonky2::fri::structure::{
    FriBatchInfo, FriInstanceInfo, FriOpeningBatch, FriOpenings, FriOracleInfo, FriPolynomialInfo,
};
use plonky2::iop::challenger::Challenger;
use plonky2::iop::generator::generate_partial_witness;
use plonky2::iop::witness::{PartialWitness, PartitionWitness, Witness};
use plonky2::plonk::circuit_data::{CircuitData, CommonCircuitData};
use plonky2::plonk::config::{GenericConfig, Hasher};
use plonky2::plonk::proof::{OpeningSet, Proof, ProofWithPublicInputs};
use plonky2::util::timing::TimingTree;

use super::device::GpuDevice;
use super::pipeline::{commit_coeffs, commit_values};
use super::quotient::{compute_quotient_polys, wires_permutation_partial_products_and_zs};
use crate::error::ProverError;
use crate::prover::{C, D, F};

type InnerHasher = <C as GenericConfig<D>>::InnerHasher;
type Hash = <C as GenericConfig<D>>::Hasher;

fn err(e: impl std::fmt::Display) -> ProverError {
    ProverError::Proving(e.to_string())
}

/// Prove `witness` for `data` with the commitments on `gpu` (`None`: on the CPU). `data` must
/// be deterministic (built with [`crate::prover::build_deterministic`]).
pub fn prove_with_gpu(
    gpu: Option<&GpuDevice>,
    data: &CircuitData<F, C, D>,
    witness: PartialWitness<F>,
) -> Result<ProofWithPublicInputs<F, C, D>, ProverError> {
    let (prover, common) = (&data.prover_only, &data.common);
    if common.config.zero_knowledge || !common.luts.is_empty() {
        return Err(err(
            "GPU prover: zero-knowledge and lookup circuits are not supported",
        ));
    }
    let partition = generate_partial_witness(witness, prover, common).map_err(err)?;
    prove_partition(gpu, data, partition)
}

fn prove_partition(
    gpu: Option<&GpuDevice>,
    data: &CircuitData<F, C, D>,
    partition: PartitionWitness<F>,
) -> Result<ProofWithPublicInputs<F, C, D>, ProverError> {
    let (prover, common) = (&data.prover_only, &data.common);
    let config = &common.config;
    let num_challenges = config.num_challenges;
    let (rate_bits, cap_height) = (config.fri_config.rate_bits, config.fri_config.cap_height);
    let gpu_err = |e: super::GpuError| ProverError::Proving(format!("GPU: {e}"));

    let public_inputs = partition.get_targets(&prover.public_inputs);
    let public_inputs_hash = InnerHasher::hash_no_pad(&public_inputs);
    let witness = partition.full_witness();
    let degree = common.degree();
    let wires_values: Vec<PolynomialValues<F>> = (0..config.num_wires)
        .map(|j| PolynomialValues::new((0..degree).map(|i| witness.get_wire(i, j)).collect()))
        .collect();
    let wires_commitment =
        commit_values(gpu, wires_values, rate_bits, cap_height).map_err(gpu_err)?;

    let mut challenger = Challenger::<F, Hash>::new();
    common.fri_params.observe(&mut challenger);
    challenger.observe_hash::<Hash>(prover.circuit_digest);
    challenger.observe_hash::<InnerHasher>(public_inputs_hash);
    challenger.observe_cap::<Hash>(&wires_commitment.merkle_tree.cap);
    let betas = challenger.get_n_challenges(num_challenges);
    let gammas = challenger.get_n_challenges(num_challenges);

    let mut partial_products_and_zs: Vec<Vec<PolynomialValues<F>>> = (0..num_challenges)
        .map(|i| wires_permutation_partial_products_and_zs(&witness, betas[i], gammas[i], data))
        .collect();
    let plonk_z_vecs: Vec<PolynomialValues<F>> = partial_products_and_zs
        .iter_mut()
        .map(|v| v.pop().ok_or_else(|| err("no Z polynomial")))
        .collect::<Result<_, _>>()?;
    let zs_partial_products = [plonk_z_vecs, partial_products_and_zs.concat()].concat();
    let zs_commitment =
        commit_values(gpu, zs_partial_products, rate_bits, cap_height).map_err(gpu_err)?;
    challenger.observe_cap::<Hash>(&zs_commitment.merkle_tree.cap);
    let alphas = challenger.get_n_challenges(num_challenges);

    let quotient_polys = compute_quotient_polys(
        data,
        &public_inputs_hash,
        &wires_commitment,
        &zs_commitment,
        &betas,
        &gammas,
        &alphas,
    )
    .map_err(err)?;
    let quotient_degree = common.quotient_degree();
    let mut chunks: Vec<PolynomialCoeffs<F>> = Vec::new();
    for mut q in quotient_polys {
        q.trim_to_len(quotient_degree).map_err(|_| {
            err("quotient has failed: the vanishing polynomial is not divisible by Z_H")
        })?;
        chunks.extend(q.chunks(degree));
    }
    let quotient_commitment = commit_coeffs(gpu, chunks, rate_bits, cap_height).map_err(gpu_err)?;
    challenger.observe_cap::<Hash>(&quotient_commitment.merkle_tree.cap);

    let zeta = challenger.get_extension_challenge::<D>();
    let g = <F as Extendable<D>>::Extension::primitive_root_of_unity(common.degree_bits());
    if zeta.exp_power_of_2(common.degree_bits()) == <F as Extendable<D>>::Extension::ONE {
        return Err(err("opening point is in the subgroup"));
    }
    let openings = OpeningSet::new(
        zeta,
        g,
        &prover.constants_sigmas_commitment,
        &wires_commitment,
        &zs_commitment,
        &quotient_commitment,
        common,
    );
    challenger.observe_openings(&fri_openings(&openings));
    let instance = fri_instance(common, zeta);
    let opening_proof = PolynomialBatch::<F, C, D>::prove_openings(
        &instance,
        &[
            &prover.constants_sigmas_commitment,
            &wires_commitment,
            &zs_commitment,
            &quotient_commitment,
        ],
        &mut challenger,
        &common.fri_params,
        None,
        None,
        &mut TimingTree::default(),
    );
    Ok(ProofWithPublicInputs {
        proof: Proof {
            wires_cap: wires_commitment.merkle_tree.cap,
            plonk_zs_partial_products_cap: zs_commitment.merkle_tree.cap,
            quotient_polys_cap: quotient_commitment.merkle_tree.cap,
            openings,
            opening_proof,
        },
        public_inputs,
    })
}

/// plonky2's crate-private `OpeningSet::to_fri_openings` (no lookups).
fn fri_openings(o: &OpeningSet<F, D>) -> FriOpenings<F, D> {
    FriOpenings {
        batches: vec![
            FriOpeningBatch {
                values: [
                    o.constants.as_slice(),
                    o.plonk_sigmas.as_slice(),
                    o.wires.as_slice(),
                    o.plonk_zs.as_slice(),
                    o.partial_products.as_slice(),
                    o.quotient_polys.as_slice(),
                ]
                .concat(),
            },
            FriOpeningBatch {
                values: o.plonk_zs_next.clone(),
            },
        ],
    }
}

/// plonky2's `CommonCircuitData::get_fri_instance` (crate-private there) for circuits without
/// lookups: oracles constants+sigmas (0), wires (1), Zs + partial products (2), quotient (3).
fn fri_instance(
    common: &CommonCircuitData<F, D>,
    zeta: <F as Extendable<D>>::Extension,
) -> FriInstanceInfo<F, D> {
    let num_preprocessed = common.sigmas_range().end;
    let num_zs_pp = common.config.num_challenges * (1 + common.num_partial_products);
    let num_quotient = common.config.num_challenges * common.quotient_degree_factor;
    let polys = |oracle_index: usize, range: std::ops::Range<usize>| -> Vec<FriPolynomialInfo> {
        range
            .map(|polynomial_index| FriPolynomialInfo {
                oracle_index,
                polynomial_index,
            })
            .collect()
    };
    let all = [
        polys(0, 0..num_preprocessed),
        polys(1, 0..common.config.num_wires),
        polys(2, 0..num_zs_pp),
        polys(3, 0..num_quotient),
    ]
    .concat();
    let g = <F as Extendable<D>>::Extension::primitive_root_of_unity(common.degree_bits());
    let oracle = |num_polys| FriOracleInfo {
        num_polys,
        blinding: false,
    };
    FriInstanceInfo {
        oracles: vec![
            oracle(num_preprocessed),
            oracle(common.config.num_wires),
            oracle(num_zs_pp),
            oracle(num_quotient),
        ],
        batches: vec![
            FriBatchInfo {
                point: zeta,
                polynomials: all,
            },
            FriBatchInfo {
                point: g * zeta,
                polynomials: polys(2, common.zs_range()),
            },
        ],
    }
}
