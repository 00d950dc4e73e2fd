//! Transcript vectors for the Solidity transcript and FRI verifier (`test/verifier/Fri.t.sol`).
//!
//! From the first fixture batch of the target circuit (`test/fixtures/verifier/batches/00.wrapped`,
//! plonky2's serialization, proven by `make verifier-fixtures`) it builds
//! `test/fixtures/verifier/wrapped-proof.json`: the encoded proof, public inputs, public-inputs
//! hash, every challenge of plonky2's `get_challenges`, the circuit digest. With
//! `JANUS_WRITE_VECTORS=1` it writes it; otherwise it fails unless the committed file is
//! byte-identical, so a changed circuit cannot leave stale vectors behind
//! (`contracts/verifier/generated/WrapperParams.sol` is checked by `verifier_generated.rs`).

use std::path::PathBuf;

use janus_prover::verifier::encode::{encode_proof, ProofLayout};
use janus_prover::verifier::generate::{target_prover, FIXTURE_DIR};
use plonky2::plonk::proof::ProofWithPublicInputs;
use plonky2::field::extension::FieldExtension;
use plonky2::field::types::PrimeField64;

const FIXTURE_PATH: &str = "test/fixtures/verifier/wrapped-proof.json";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn ext<E: FieldExtension<2>>(x: &E) -> String
where
    E::BaseField: PrimeField64,
{
    let [c0, c1] = x.to_basefield_array();
    // Packed as one EVM word: c0 | c1 << 128.
    format!(
        "\"0x{:032x}{:032x}\"",
        c1.to_canonical_u64(),
        c0.to_canonical_u64()
    )
}

fn list(items: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", items.into_iter().collect::<Vec<_>>().join(", "))
}

fn num(x: u64) -> String {
    format!("\"{x}\"")
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn check_or_write(rel: &str, content: &str, write: bool) {
    let path = root().join(rel);
    if write {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        eprintln!("wrote {rel}");
    } else {
        let old = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{rel}: {e}; regenerate with JANUS_WRITE_VECTORS=1"));
        assert!(
            old == content,
            "{rel} is stale (circuit or encoding changed); regenerate with JANUS_WRITE_VECTORS=1"
        );
    }
}

#[test]
fn wrapped_proof_vectors() -> Result<(), Box<dyn std::error::Error>> {
    let write = std::env::var("JANUS_WRITE_VECTORS").is_ok_and(|v| v == "1");
    // The first fixture batch of the target circuit, wrapped for the prover 0x11…11 (plonky2's
    // serialization; `make verifier-fixtures` proves it).
    let prover = target_prover()?;
    let w = prover.wrapper()?;
    let bytes = std::fs::read(root().join(FIXTURE_DIR).join("00.wrapped"))?;
    let wp = ProofWithPublicInputs::from_bytes(bytes, &w.data.common)?;
    w.verify(&wp)?;
    let common = &w.data.common;
    let vo = &w.data.verifier_only;

    let layout = ProofLayout::new(common)?;
    let enc = encode_proof(&wp, common)?;
    assert_eq!(enc.len(), layout.total);
    eprintln!(
        "encoded proof: {} bytes (plonky2 serialization {})",
        enc.len(),
        wp.to_bytes().len()
    );

    let pih = wp.get_public_inputs_hash();
    let ch = wp.get_challenges(pih, &vo.circuit_digest, common)?;
    let f = &ch.fri_challenges;
    let base = |v: &[plonky2::field::goldilocks_field::GoldilocksField]| {
        list(v.iter().map(|x| num(x.to_canonical_u64())))
    };
    let json = format!(
        "{{\n  \"circuitDigest\": \"0x{}\",\n  \"proofBytes\": {},\n  \"publicInputs\": {},\n  \"publicInputsHash\": {},\n  \"betas\": {},\n  \"gammas\": {},\n  \"alphas\": {},\n  \"zeta\": {},\n  \"friAlpha\": {},\n  \"friBetas\": {},\n  \"powResponse\": {},\n  \"queryIndices\": {},\n  \"proof\": \"0x{}\"\n}}\n",
        hex(&vo.circuit_digest.0),
        enc.len(),
        base(&wp.public_inputs),
        base(&pih.elements),
        base(&ch.plonk_betas),
        base(&ch.plonk_gammas),
        base(&ch.plonk_alphas),
        ext(&ch.plonk_zeta),
        ext(&f.fri_alpha),
        list(f.fri_betas.iter().map(ext)),
        num(f.fri_pow_response.to_canonical_u64()),
        list(f.fri_query_indices.iter().map(|&i| num(i as u64))),
        hex(&enc),
    );
    check_or_write(FIXTURE_PATH, &json, write);
    Ok(())
}
