//! A plonky2 prover on plonky2 1.1's public API whose three commitments (wires, Z + partial
//! products, quotient chunks) go through [`super::pipeline`] — on the GPU when one is given,
//! else on all CPU cores ([`crate::prover::commit`]). It follows plonky2's
//! `prove_with_partition_witness` step for step (same transcript), so its proofs equal
//! [`crate::prover::prove_deterministic`]'s byte for byte, whatever the number of threads:
//! every parallel step (commitments, partial products, quotient, openings and FRI in
//! [`crate::prover::fri`]) is an order-preserving map or fills fixed slots, and the FRI
//! proof of work returns the smallest nonce as plonky2's sequential search does (plonky2's
//! `parallel` feature stays off).
//!
//! [`prove_cpu`] is the same prover for any config (the Keccak wrapper's included), on the CPU;
//! [`prove_with_gpu`] takes the Poseidon config and an optional GPU.
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

use super::device::GpuDevice;
use super::pipeline;
use super::quotient::{compute_quotient_polys, wires_permutation_partial_products_and_zs};
use crate::error::ProverError;
use crate::prover::{catch_panic, check_deterministic, commit, fri, C, D, F};

fn err(e: impl std::fmt::Display) -> ProverError {
    ProverError::Proving(e.to_string())
}

/// Where the three commitments of a proof are computed.
trait Commit<Cf: GenericConfig<D, F = F>> {
    fn values(
        &self,
        values: Vec<PolynomialValues<F>>,
        rate_bits: usize,
        cap_height: usize,
    ) -> Result<PolynomialBatch<F, Cf, D>, ProverError>;
    fn coeffs(
        &self,
        coeffs: Vec<PolynomialCoeffs<F>>,
        rate_bits: usize,
        cap_height: usize,
    ) -> Result<PolynomialBatch<F, Cf, D>, ProverError>;
}

/// All CPU cores, any config.
struct Cpu;

impl<Cf: GenericConfig<D, F = F>> Commit<Cf> for Cpu {
    fn values(
        &self,
        values: Vec<PolynomialValues<F>>,
        rate_bits: usize,
        cap_height: usize,
    ) -> Result<PolynomialBatch<F, Cf, D>, ProverError> {
        Ok(commit::commit_values(values, rate_bits, cap_height))
    }

    fn coeffs(
        &self,
        coeffs: Vec<PolynomialCoeffs<F>>,
        rate_bits: usize,
        cap_height: usize,
    ) -> Result<PolynomialBatch<F, Cf, D>, ProverError> {
        Ok(commit::commit_coeffs(coeffs, rate_bits, cap_height))
    }
}

/// The GPU pipeline (Poseidon trees).
struct Gpu<'a>(&'a GpuDevice);

fn gpu_err(e: super::GpuError) -> ProverError {
    ProverError::Proving(format!("GPU: {e}"))
}

impl Commit<C> for Gpu<'_> {
    fn values(
        &self,
        values: Vec<PolynomialValues<F>>,
        rate_bits: usize,
        cap_height: usize,
    ) -> Result<PolynomialBatch<F, C, D>, ProverError> {
        pipeline::commit_values(Some(self.0), values, rate_bits, cap_height).map_err(gpu_err)
    }

    fn coeffs(
        &self,
        coeffs: Vec<PolynomialCoeffs<F>>,
        rate_bits: usize,
        cap_height: usize,
    ) -> Result<PolynomialBatch<F, C, D>, ProverError> {
        pipeline::commit_coeffs(Some(self.0), coeffs, rate_bits, cap_height).map_err(gpu_err)
    }
}

/// Prove `witness` for `data` with the commitments on `gpu` (`None`: on all CPU cores, i.e.
/// [`prove_cpu`]). `data` must be deterministic (built with
/// [`crate::prover::build_deterministic`]).
pub fn prove_with_gpu(
    gpu: Option<&GpuDevice>,
    data: &CircuitData<F, C, D>,
    witness: PartialWitness<F>,
) -> Result<ProofWithPublicInputs<F, C, D>, ProverError> {
    match gpu {
        Some(gpu) => prove_on(&Gpu(gpu), data, witness),
        None => prove_cpu(data, witness),
    }
}

/// Prove `witness` for `data` on all CPU cores (rayon's current pool), any config: the proof
/// equals [`crate::prover::prove_deterministic`]'s byte for byte whatever the number of
/// threads. `data` must be deterministic (built with [`crate::prover::build_deterministic`]).
pub fn prove_cpu<Cf: GenericConfig<D, F = F>>(
    data: &CircuitData<F, Cf, D>,
    witness: PartialWitness<F>,
) -> Result<ProofWithPublicInputs<F, Cf, D>, ProverError> {
    prove_on(&Cpu, data, witness)
}

fn prove_on<Cf: GenericConfig<D, F = F>>(
    commit: &impl Commit<Cf>,
    data: &CircuitData<F, Cf, D>,
    witness: PartialWitness<F>,
) -> Result<ProofWithPublicInputs<F, Cf, D>, ProverError> {
    let (prover, common) = (&data.prover_only, &data.common);
    check_deterministic(data)?;
    if !common.luts.is_empty() {
        return Err(err("this prover does not support lookup tables"));
    }
    catch_panic(|| {
        let partition = generate_partial_witness(witness, prover, common).map_err(err)?;
        prove_partition(commit, data, partition)
    })
}

/// Prove an already generated (possibly tampered) witness on the CPU: the soundness tests of
/// custom gates change one wire after witness generation and check that no valid proof results.
#[cfg(test)]
pub(crate) fn prove_partition_cpu(
    data: &CircuitData<F, C, D>,
    partition: PartitionWitness<F>,
) -> Result<ProofWithPublicInputs<F, C, D>, ProverError> {
    catch_panic(|| prove_partition(&Cpu, data, partition))
}

fn prove_partition<Cf: GenericConfig<D, F = F>>(
    commit: &impl Commit<Cf>,
    data: &CircuitData<F, Cf, D>,
    partition: PartitionWitness<F>,
) -> Result<ProofWithPublicInputs<F, Cf, D>, ProverError> {
    let (prover, common) = (&data.prover_only, &data.common);
    let config = &common.config;
    let num_challenges = config.num_challenges;
    let (rate_bits, cap_height) = (config.fri_config.rate_bits, config.fri_config.cap_height);

    let public_inputs = partition.get_targets(&prover.public_inputs);
    let public_inputs_hash = Cf::InnerHasher::hash_no_pad(&public_inputs);
    let witness = partition.full_witness();
    let degree = common.degree();
    let wires_values: Vec<PolynomialValues<F>> = (0..config.num_wires)
        .map(|j| PolynomialValues::new((0..degree).map(|i| witness.get_wire(i, j)).collect()))
        .collect();
    let wires_commitment = commit.values(wires_values, rate_bits, cap_height)?;

    let mut challenger = Challenger::<F, Cf::Hasher>::new();
    common.fri_params.observe(&mut challenger);
    challenger.observe_hash::<Cf::Hasher>(prover.circuit_digest);
    challenger.observe_hash::<Cf::InnerHasher>(public_inputs_hash);
    challenger.observe_cap::<Cf::Hasher>(&wires_commitment.merkle_tree.cap);
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
    let zs_commitment = commit.values(zs_partial_products, rate_bits, cap_height)?;
    challenger.observe_cap::<Cf::Hasher>(&zs_commitment.merkle_tree.cap);
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
    let quotient_commitment = commit.coeffs(chunks, rate_bits, cap_height)?;
    challenger.observe_cap::<Cf::Hasher>(&quotient_commitment.merkle_tree.cap);

    let zeta = challenger.get_extension_challenge::<D>();
    let g = <F as Extendable<D>>::Extension::primitive_root_of_unity(common.degree_bits());
    if zeta.exp_power_of_2(common.degree_bits()) == <F as Extendable<D>>::Extension::ONE {
        return Err(err("opening point is in the subgroup"));
    }
    let openings = fri::opening_set(
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
    let opening_proof = fri::prove_openings(
        &instance,
        &[
            &prover.constants_sigmas_commitment,
            &wires_commitment,
            &zs_commitment,
            &quotient_commitment,
        ],
        &mut challenger,
        &common.fri_params,
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
