//! The generated PLONK check (`contracts/verifier/generated/WrapperPlonk.sol`, emitted by
//! `janus_prover::verifier::plonk`) against plonky2 on a real wrapped proof.
//!
//! The committed proof `test/fixtures/verifier/wrapped-batch.proof` (plonky2 bytes of a wrapped
//! 2-slot batch proof) must verify with the current wrapper circuit: a circuit change makes this
//! test fail until the fixtures are regenerated. From it, this test derives what
//! `test/verifier/WrapperPlonk.t.sol` feeds the Solidity check (the openings at ζ, plonky2's own
//! challenges, the public-inputs hash) and requires `test/fixtures/verifier/plonk.json` and the
//! generated library to be exactly that. Regenerate (proves a batch and wraps it) with:
//! `JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test verifier_plonk`.

use janus_l2::batch::Batch;
use janus_l2::state::{Account, State};
use janus_prover::prover::batch::{BatchProver, Inner, WrappedProof};
use janus_prover::verifier::plonk::{emit_plonk_library, OpeningLayout};
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

/// The wrapped proof the fixtures are made of: an empty batch on a 2-account state, proven by
/// the 2-slot circuit and wrapped for the prover address `0x11…11`.
fn prove_fixture(prover: &BatchProver) -> WrappedProof {
    let state = State::from_accounts((1..=2u32).map(|i| (i, Account::new([i as u8; 40]))));
    let batch = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![],
    };
    let p = prover.prove_batch(&state, &batch).expect("proves");
    prover
        .wrap(Inner::Batch(&p), &[0x11; 20])
        .expect("wraps")
}

#[test]
fn generated_plonk_check_matches_plonky2_on_the_committed_proof() {
    let write = std::env::var("JANUS_WRITE_VECTORS").is_ok();
    let prover = BatchProver::new(2).expect("builds");
    let wrapper = prover.wrapper(false).expect("wrapper");
    let common = &wrapper.data.common;
    let proof_path = path("test/fixtures/verifier/wrapped-batch.proof");
    let proof: WrappedProof = if write {
        let p = prove_fixture(&prover);
        std::fs::create_dir_all(path("test/fixtures/verifier")).expect("mkdir");
        std::fs::write(&proof_path, p.to_bytes()).expect("write proof");
        p
    } else {
        let bytes = std::fs::read(&proof_path).expect("committed proof fixture");
        ProofWithPublicInputs::from_bytes(bytes, common).expect(
            "fixture proof does not decode for the current wrapper: regenerate the fixtures",
        )
    };
    wrapper.verify(&proof).expect(
        "fixture proof does not verify with the current wrapper circuit: regenerate the fixtures",
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
    let sol = emit_plonk_library(common).expect("emits");
    let sol_path = path("contracts/verifier/generated/WrapperPlonk.sol");
    if write {
        std::fs::create_dir_all(path("contracts/verifier/generated")).expect("mkdir");
        std::fs::write(&sol_path, &sol).expect("write sol");
    }
    assert_eq!(
        std::fs::read_to_string(&json_path).expect("committed plonk.json"),
        json,
        "test/fixtures/verifier/plonk.json is stale: regenerate"
    );
    assert_eq!(
        std::fs::read_to_string(&sol_path).expect("committed WrapperPlonk.sol"),
        sol,
        "contracts/verifier/generated/WrapperPlonk.sol differs from the generator: `make verifier`"
    );
}
