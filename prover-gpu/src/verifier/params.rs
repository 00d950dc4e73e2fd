//! Emits `contracts/verifier/generated/WrapperParams.sol`: the constants of the wrapper circuit
//! (shape, FRI parameters, circuit digest, constants-sigmas cap, field constants and the byte
//! layout of the proof encoding, [`super::encode::ProofLayout`]) that the hand-written Solidity
//! transcript and FRI verifier (`contracts/verifier/lib/FriVerifier.sol`) reads. A re-tuned
//! circuit regenerates this file and nothing else.

use std::fmt::Write as _;

use plonky2::field::types::{Field, PrimeField64};
use plonky2::iop::challenger::Challenger;
use plonky2::plonk::circuit_data::{CommonCircuitData, VerifierOnlyCircuitData};
use plonky2::plonk::config::{GenericConfig, KeccakGoldilocksConfig};

use super::encode::{ProofLayout, HASH_BYTES};
use super::VerifierGenError;
use crate::prover::{D, F};

/// Path of the emitted file, relative to the repository root.
pub const WRAPPER_PARAMS_PATH: &str = "contracts/verifier/generated/WrapperParams.sol";

type H = <KeccakGoldilocksConfig as GenericConfig<D>>::Hasher;

/// Base elements the transcript observes before the circuit digest (plonky2's
/// `FriParams::observe`).
pub fn transcript_prefix(common: &CommonCircuitData<F, D>) -> Vec<u64> {
    // plonky2's challenger exposes no record of what it observed: rebuild the list (checked
    // against plonky2 by `prefix_matches_plonky2`).
    let fri = &common.fri_params;
    let c = &fri.config;
    let mut v = vec![
        c.rate_bits as u64,
        c.cap_height as u64,
        c.proof_of_work_bits as u64,
    ];
    v.extend(
        c.reduction_strategy
            .serialize::<F>()
            .iter()
            .map(|x| x.to_canonical_u64()),
    );
    v.push(c.num_query_rounds as u64);
    v.push(fri.hiding as u64);
    v.push(fri.degree_bits as u64);
    v.extend(fri.reduction_arity_bits.iter().map(|&a| a as u64));
    v
}

/// Whether [`transcript_prefix`] is what plonky2 observes: the challenger states after
/// observing either must agree.
pub fn prefix_matches_plonky2(common: &CommonCircuitData<F, D>) -> bool {
    let mut a = Challenger::<F, H>::new();
    common.fri_params.observe(&mut a);
    let mut b = Challenger::<F, H>::new();
    b.observe_elements(
        &transcript_prefix(common)
            .into_iter()
            .map(F::from_canonical_u64)
            .collect::<Vec<_>>(),
    );
    a.get_n_challenges(8) == b.get_n_challenges(8)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn packed8(xs: &[usize]) -> Result<String, VerifierGenError> {
    if xs.len() > 32 || xs.iter().any(|&x| x > 255) {
        return Err(VerifierGenError::Unsupported(
            "more than 32 FRI reductions".into(),
        ));
    }
    let mut w = [0u8; 32];
    for (i, &x) in xs.iter().enumerate() {
        w[31 - i] = x as u8;
    }
    Ok(format!("0x{}", hex(&w)))
}

/// The Solidity source of `WrapperParams.sol` for the wrapper's verifier data, whose batch
/// proofs hold up to `max_records` records (what the verifier reports as `maxRecords`) and whose
/// range proofs cover up to `max_batches` batches (`maxBatches`).
pub fn emit_wrapper_params(
    common: &CommonCircuitData<F, D>,
    verifier: &VerifierOnlyCircuitData<KeccakGoldilocksConfig, D>,
    max_records: usize,
    max_batches: usize,
) -> Result<String, VerifierGenError> {
    let l = ProofLayout::new(common)?;
    let fri = &common.fri_params;
    let prefix = transcript_prefix(common);
    if !prefix_matches_plonky2(common) {
        return Err(VerifierGenError::Unsupported(
            "FRI parameter observation changed".into(),
        ));
    }
    let mut digest = [0u8; 32];
    digest[..HASH_BYTES].copy_from_slice(&verifier.circuit_digest.0);
    let cap: Vec<u8> = verifier
        .constants_sigmas_cap
        .0
        .iter()
        .flat_map(|h| h.0)
        .collect();
    if verifier.constants_sigmas_cap.0.len() != l.cap_len {
        return Err(VerifierGenError::Unsupported(
            "constants-sigmas cap length".into(),
        ));
    }
    let prefix_hex: String = prefix.iter().map(|x| format!("{x:016x}")).collect();
    let root = |bits: usize| F::primitive_root_of_unity(bits).to_canonical_u64();

    let mut s = String::new();
    let mut c = |name: &str, doc: &str, value: String| {
        writeln!(s, "    /// {doc}").unwrap();
        writeln!(s, "    uint256 internal constant {name} = {value};").unwrap();
    };
    c(
        "DEGREE_BITS",
        "log2 of the trace length.",
        common.degree_bits().to_string(),
    );
    c(
        "NUM_WIRES",
        "Wires per row.",
        common.config.num_wires.to_string(),
    );
    c(
        "NUM_ROUTED_WIRES",
        "Routed wires (sigma polynomials).",
        common.config.num_routed_wires.to_string(),
    );
    c(
        "NUM_CONSTANTS",
        "Constant polynomials (selectors and gate constants).",
        common.num_constants.to_string(),
    );
    c(
        "NUM_CHALLENGES",
        "Permutation challenges per kind (betas, gammas, alphas).",
        common.config.num_challenges.to_string(),
    );
    c(
        "NUM_PARTIAL_PRODUCTS",
        "Partial products per challenge.",
        common.num_partial_products.to_string(),
    );
    c(
        "QUOTIENT_DEGREE_FACTOR",
        "Quotient chunks per challenge.",
        common.quotient_degree_factor.to_string(),
    );
    c(
        "NUM_PUBLIC_INPUTS",
        "Public inputs of the wrapper.",
        common.num_public_inputs.to_string(),
    );
    c(
        "MAX_RECORDS",
        "The most records (L1 messages + transactions) of a proven batch.",
        max_records.to_string(),
    );
    c(
        "MAX_BATCHES",
        "The most consecutive batches one range proof covers.",
        max_batches.to_string(),
    );
    c(
        "NUM_GATE_CONSTRAINTS",
        "Constraints of the widest gate.",
        common.num_gate_constraints.to_string(),
    );
    c(
        "RATE_BITS",
        "FRI blowup bits.",
        fri.config.rate_bits.to_string(),
    );
    c(
        "CAP_HEIGHT",
        "Merkle cap height.",
        fri.config.cap_height.to_string(),
    );
    c("CAP_LEN", "Hashes per Merkle cap.", l.cap_len.to_string());
    c(
        "LDE_BITS",
        "log2 of the LDE domain size.",
        l.lde_bits.to_string(),
    );
    c(
        "NUM_QUERIES",
        "FRI query rounds.",
        l.num_queries.to_string(),
    );
    c(
        "POW_BITS",
        "FRI proof-of-work bits.",
        fri.config.proof_of_work_bits.to_string(),
    );
    c(
        "NUM_REDUCTIONS",
        "FRI reduction steps.",
        l.arity_bits.len().to_string(),
    );
    c(
        "REDUCTION_ARITY_BITS",
        "Arity bits of reduction i in byte i (from the least significant).",
        packed8(&l.arity_bits)?,
    );
    c(
        "STEP_SIBLINGS",
        "Merkle siblings of commit-phase step i in byte i.",
        packed8(&l.step_siblings)?,
    );
    c(
        "INITIAL_SIBLINGS",
        "Merkle siblings of an initial-oracle opening.",
        l.initial_siblings.to_string(),
    );
    c(
        "FINAL_POLY_LEN",
        "Coefficients of the final polynomial.",
        l.final_poly_len.to_string(),
    );
    for (i, n) in l.oracle_polys.iter().enumerate() {
        c(&format!("ORACLE_POLYS_{i}"), "Polynomials of initial oracle i (constants-sigmas, wires, zs-partial-products, quotient).", n.to_string());
    }
    let names = [
        "CONSTANTS",
        "SIGMAS",
        "WIRES",
        "ZS",
        "ZS_NEXT",
        "PARTIAL_PRODUCTS",
        "QUOTIENT",
    ];
    for (n, v) in names.iter().zip(&l.openings) {
        c(
            &format!("NUM_OPEN_{n}"),
            "Opened values of this OpeningSet group.",
            v.to_string(),
        );
    }
    c(
        "NUM_OPENINGS",
        "All opened values.",
        l.openings.iter().sum::<usize>().to_string(),
    );
    c(
        "OFF_WIRES_CAP",
        "Proof encoding: offset of the wires cap.",
        l.off_wires_cap.to_string(),
    );
    c(
        "OFF_ZS_CAP",
        "Proof encoding: offset of the zs-partial-products cap.",
        l.off_zs_cap.to_string(),
    );
    c(
        "OFF_QUOTIENT_CAP",
        "Proof encoding: offset of the quotient cap.",
        l.off_quotient_cap.to_string(),
    );
    c(
        "OFF_OPENINGS",
        "Proof encoding: offset of the openings.",
        l.off_openings.to_string(),
    );
    c(
        "OFF_COMMIT_CAPS",
        "Proof encoding: offset of the commit-phase caps.",
        l.off_commit_caps.to_string(),
    );
    c(
        "OFF_FINAL_POLY",
        "Proof encoding: offset of the final polynomial.",
        l.off_final_poly.to_string(),
    );
    c(
        "OFF_POW",
        "Proof encoding: offset of the PoW witness.",
        l.off_pow.to_string(),
    );
    c(
        "OFF_QUERIES",
        "Proof encoding: offset of the first query round.",
        l.off_queries.to_string(),
    );
    c(
        "QUERY_BYTES",
        "Proof encoding: bytes of one query round.",
        l.query_bytes.to_string(),
    );
    c(
        "PROOF_BYTES",
        "Proof encoding: total bytes.",
        l.total.to_string(),
    );
    c(
        "MULTIPLICATIVE_GENERATOR",
        "Goldilocks multiplicative group generator (coset shift of the LDE).",
        F::MULTIPLICATIVE_GROUP_GENERATOR
            .to_canonical_u64()
            .to_string(),
    );
    c(
        "TWO_ADIC_ROOT",
        "Primitive 2^32-th root of unity (power-of-two generator).",
        F::POWER_OF_TWO_GENERATOR.to_canonical_u64().to_string(),
    );
    c(
        "LDE_ROOT",
        "Primitive 2^LDE_BITS-th root of unity.",
        root(l.lde_bits).to_string(),
    );
    c(
        "DEGREE_ROOT",
        "Primitive 2^DEGREE_BITS-th root of unity (zeta_next = DEGREE_ROOT * zeta).",
        root(common.degree_bits()).to_string(),
    );
    c(
        "TRANSCRIPT_PREFIX_LEN",
        "Base elements of TRANSCRIPT_PREFIX.",
        prefix.len().to_string(),
    );
    c(
        "CIRCUIT_DIGEST",
        "Circuit digest (25 bytes, left-aligned).",
        format!("0x{}", hex(&digest)),
    );

    Ok(format!(
        "// SPDX-License-Identifier: MIT\n\
         // GENERATED by prover-gpu/src/verifier/params.rs from the wrapper circuit's verifier data;\n\
         // do not edit (regenerate: `make verifier`).\n\
         pragma solidity 0.8.37;\n\n\
         /// @title WrapperParams\n\
         /// @notice Constants of the wrapper circuit read by the transcript and FRI verifier.\n\
         library WrapperParams {{\n{s}\
         \x20   /// What plonky2's `FriParams::observe` feeds the transcript first, 8 bytes big-endian each.\n\
         \x20   bytes internal constant TRANSCRIPT_PREFIX = hex\"{prefix_hex}\";\n\
         \x20   /// Merkle cap of the constants and sigma polynomials, CAP_LEN hashes of 25 bytes.\n\
         \x20   bytes internal constant CONSTANTS_SIGMAS_CAP = hex\"{}\";\n\
         }}\n",
        hex(&cap)
    ))
}
