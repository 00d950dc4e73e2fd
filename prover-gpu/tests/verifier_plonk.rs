//! The generated PLONK check (`contracts/verifier/generated/WrapperPlonk.sol`, emitted by
//! `janus_prover::verifier::plonk`) against plonky2 on a real wrapped proof.
//!
//! The wrapped proof is the first fixture batch (`test/fixtures/verifier/batches/00.wrapped`,
//! plonky2's serialization, written by `make verifier-fixtures`); it must verify with the
//! current wrapper circuit, so a circuit change fails here until the fixtures are regenerated.
//! From it this test derives what `test/verifier/WrapperPlonk.t.sol` feeds the Solidity check
//! (the openings at ζ, plonky2's own challenges, the public-inputs hash) and requires
//! `test/fixtures/verifier/plonk.json` to be exactly that (regenerate it with
//! `JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test verifier_plonk`). The generated
//! Solidity itself is checked by `verifier_generated.rs`.

use janus_prover::prover::batch::WrappedProof;
use janus_prover::verifier::generate::{target_prover, FIXTURE_DIR};
use janus_prover::verifier::plonk::OpeningLayout;
use plonky2::field::extension::FieldExtension;
use plonky2::field::types::PrimeField64;
use plonky2::plonk::proof::ProofWithPublicInputs;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

fn path(rel: &str) -> String {
    format!("{DIR}/{rel}")
}

type Ext = <janus_prover::prover::F as plonky2::field::extension::Extendable<2>>::Extension;

fn packed(e: &Ext) -> String {
    let [c0, c1] = e.to_basefield_array();
    format!(
        "\"0x{:032x}{:032x}\"",
        c1.to_canonical_u64(),
        c0.to_canonical_u64()
    )
}

fn base(x: u64) -> String {
    format!("\"0x{x:x}\"")
}

#[test]
fn generated_plonk_check_matches_plonky2_on_the_committed_proof() {
    let write = std::env::var("JANUS_WRITE_VECTORS").is_ok();
    let prover = target_prover().expect("builds");
    let wrapper = prover.wrapper().expect("wrapper");
    let common = &wrapper.data.common;
    let bytes = std::fs::read(path(&format!("{FIXTURE_DIR}/00.wrapped"))).expect("fixture");
    let proof: WrappedProof = ProofWithPublicInputs::from_bytes(bytes, common)
        .expect("fixture proof does not decode for the current wrapper: `make verifier-fixtures`");
    wrapper.verify(&proof).expect(
        "fixture proof does not verify with the current wrapper circuit: `make verifier-fixtures`",
    );

    let pih = proof.get_public_inputs_hash();
    let ch = proof
        .get_challenges(pih, &wrapper.data.verifier_only.circuit_digest, common)
        .expect("challenges");
    let o = &proof.proof.openings;
    let l = OpeningLayout::of(common);
    let openings: Vec<String> = [
        &o.constants,
        &o.plonk_sigmas,
        &o.wires,
        &o.plonk_zs,
        &o.plonk_zs_next,
        &o.partial_products,
        &o.quotient_polys,
    ]
    .iter()
    .flat_map(|v| v.iter().map(packed))
    .collect();
    assert_eq!(openings.len(), l.len, "layout covers the opening set");
    let mut challenges: Vec<String> = Vec::new();
    for v in [&ch.plonk_betas, &ch.plonk_gammas, &ch.plonk_alphas] {
        challenges.extend(v.iter().map(|x| base(x.to_canonical_u64())));
    }
    challenges.push(packed(&ch.plonk_zeta));
    let pih: Vec<String> = pih
        .elements
        .iter()
        .map(|x| base(x.to_canonical_u64()))
        .collect();
    let json = format!(
        "{{\n  \"openings\": [{}],\n  \"challenges\": [{}],\n  \"pih\": [{}],\n  \"layout\": [{}, {}, {}, {}, {}, {}, {}]\n}}\n",
        openings.join(", "),
        challenges.join(", "),
        pih.join(", "),
        l.constants,
        l.sigmas,
        l.wires,
        l.zs,
        l.zs_next,
        l.partial_products,
        l.quotient
    );
    let json_path = path("test/fixtures/verifier/plonk.json");
    if write {
        std::fs::write(&json_path, &json).expect("write json");
    }
    assert_eq!(
        std::fs::read_to_string(&json_path).expect("committed plonk.json"),
        json,
        "test/fixtures/verifier/plonk.json is stale: regenerate"
    );
}
