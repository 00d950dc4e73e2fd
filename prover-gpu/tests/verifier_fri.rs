//! The wrapper's proof encoding, circuit parameters and transcript vectors for the Solidity
//! transcript and FRI verifier (`test/verifier/Fri.t.sol`).
//!
//! Proves an empty batch, wraps it, and builds `test/fixtures/verifier/wrapped-proof.json` (the
//! encoded proof, public inputs, public-inputs hash, every challenge of plonky2's
//! `get_challenges`, the circuit digest) and `contracts/verifier/generated/WrapperParams.sol`.
//! With `JANUS_WRITE_VECTORS=1` it writes them; otherwise it fails unless the committed files
//! are byte-identical (proofs are deterministic), so a changed circuit cannot leave stale
//! vectors behind. About a minute in release (`cargo test --release -p janus-prover --test
//! verifier_fri`).

use std::path::PathBuf;

use janus_l2::batch::Batch;
use janus_l2::state::{Account, State};
use janus_prover::prover::batch::{BatchProver, Inner};
use janus_prover::verifier::encode::{encode_proof, ProofLayout};
use janus_prover::verifier::params::{emit_wrapper_params, WRAPPER_PARAMS_PATH};
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
    let state = State::from_accounts((1..=2u32).map(|i| (i, Account::new([i as u8; 40]))));
    let prover = BatchProver::new(2)?;
    let p = prover.prove_batch(
        &state,
        &Batch {
            fee_account: 1,
            messages: vec![],
            txs: vec![],
        },
    )?;
    // The prover (L1 sender) the wrapper binds the proof to.
    let wp = prover.wrap(Inner::Batch(&p), &[0x11; 20])?;
    let w = prover.wrapper(false)?;
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
    check_or_write(
        WRAPPER_PARAMS_PATH,
        &emit_wrapper_params(common, vo)?,
        write,
    );
    Ok(())
}
