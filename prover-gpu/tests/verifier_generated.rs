//! The committed generated verifier (`contracts/verifier/generated/`) is exactly what the
//! generator emits for the target circuit (`janus_prover::verifier::generate`: the devnet's
//! batch circuit), and the proof fixtures (`test/fixtures/verifier/batches/`) are proofs of that
//! circuit: a circuit change fails here until `make verifier` / `make verifier-fixtures` are run,
//! so the contracts can never drift from the circuits.

use janus_prover::verifier::encode::encode_proof;
use janus_prover::verifier::generate::{generated_files, target_prover, FIXTURE_DIR};
use plonky2::plonk::proof::ProofWithPublicInputs;

fn path(rel: &str) -> String {
    format!("{}/../{rel}", env!("CARGO_MANIFEST_DIR"))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn generated_verifier_and_fixtures_match_the_target_circuit() {
    let prover = target_prover().expect("builds");
    for (file, text) in generated_files(&prover).expect("generates") {
        let committed = std::fs::read_to_string(path(&file))
            .unwrap_or_else(|e| panic!("{file}: {e} (run `make verifier`)"));
        assert!(
            committed == text,
            "{file} differs from what the generator emits for the current circuits: run `make verifier`"
        );
    }

    let wrapper = prover.wrapper().expect("wrapper");
    let digest = hex(&wrapper.data.verifier_only.circuit_digest.0);
    let cases = std::fs::read_to_string(path(&format!("{FIXTURE_DIR}/cases.json"))).expect("fixtures");
    assert!(
        cases.contains(&format!("\"circuitDigest\": \"0x{digest}\"")),
        "the proof fixtures are for another circuit: run `make verifier-fixtures`"
    );
    // The first case, in plonky2's serialization, verifies with plonky2 and encodes to exactly
    // the committed L1 proof (after its 16-byte z header).
    let bytes = std::fs::read(path(&format!("{FIXTURE_DIR}/00.wrapped"))).expect("00.wrapped");
    let proof = ProofWithPublicInputs::from_bytes(bytes, &wrapper.data.common).expect("decodes");
    wrapper.verify(&proof).expect("plonky2 verifies the fixture");
    let l1 = std::fs::read(path(&format!("{FIXTURE_DIR}/00.proof"))).expect("00.proof");
    assert_eq!(
        encode_proof(&proof, &wrapper.data.common).expect("encodes"),
        l1[16..].to_vec()
    );
}
