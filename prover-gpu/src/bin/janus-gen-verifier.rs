//! `make verifier`: writes the generated Solidity verifier of the devnet's batch circuit
//! (`janus_prover::verifier::generate`); with `--fixtures` also proves the fixture batches and
//! writes `test/fixtures/verifier/batches/` (slow: about a minute per batch in release).
//!
//! Usage: `janus-gen-verifier [--fixtures] [--root <repository root>]`.

use std::path::PathBuf;
use std::time::Instant;

use janus_l2::hash::keccak256;
use janus_prover::verifier::generate::{
    fixture_cases, generated_files, target_prover, FixtureCase, FixtureRange, FIXTURE_DIR,
    VERIFIER_MAX_BATCHES, VERIFIER_MAX_RECORDS, VERIFIER_SHAPE,
};

fn hex(b: &[u8]) -> String {
    let mut s = String::from("0x");
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

fn cases_json(digest: &[u8], cases: &[FixtureCase], ranges: &[FixtureRange]) -> String {
    let items: Vec<String> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| {
            format!(
                "    {{\n      \"name\": \"{}\",\n      \"prevStateRoot\": \"{}\",\n      \"newStateRoot\": \"{}\",\n      \"dataHash\": \"{}\",\n      \"prover\": \"{}\",\n      \"proofFile\": \"{i:02}.proof\",\n      \"data\": \"{}\"\n    }}",
                c.name,
                hex(&c.prev_root),
                hex(&c.new_root),
                hex(&keccak256(&c.data)),
                hex(&c.prover),
                hex(&c.data)
            )
        })
        .collect();
    let range_items: Vec<String> = ranges
        .iter()
        .enumerate()
        .map(|(i, r)| {
            format!(
                "    {{\n      \"name\": \"{}\",\n      \"first\": {},\n      \"count\": {},\n      \"prover\": \"{}\",\n      \"proofFile\": \"r{i}.proof\"\n    }}",
                r.name,
                r.first,
                r.count,
                hex(&r.prover)
            )
        })
        .collect();
    format!(
        "{{\n  \"circuitDigest\": \"{}\",\n  \"maxRecords\": {VERIFIER_MAX_RECORDS},\n  \"maxBatches\": {VERIFIER_MAX_BATCHES},\n  \"segmentSlots\": {},\n  \"treeDepth\": {},\n  \"rangeDepth\": {},\n  \"cases\": [\n{}\n  ],\n  \"ranges\": [\n{}\n  ]\n}}\n",
        hex(digest),
        VERIFIER_SHAPE.slots,
        VERIFIER_SHAPE.depth,
        VERIFIER_SHAPE.range_depth,
        items.join(",\n"),
        range_items.join(",\n")
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let fixtures = args.iter().any(|a| a == "--fixtures");
    let root = args
        .iter()
        .position(|a| a == "--root")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."));
    let t = Instant::now();
    let prover = target_prover()?;
    eprintln!(
        "circuits ({} slots x 2^{}: {VERIFIER_MAX_RECORDS} records; ranges of {VERIFIER_MAX_BATCHES}) built in {:.1?}",
        VERIFIER_SHAPE.slots,
        VERIFIER_SHAPE.depth,
        t.elapsed()
    );
    for (path, text) in generated_files(&prover)? {
        std::fs::write(root.join(&path), text)?;
        eprintln!("wrote {path}");
    }
    if fixtures {
        let dir = root.join(FIXTURE_DIR);
        std::fs::create_dir_all(&dir)?;
        let t = Instant::now();
        let fixtures = fixture_cases(&prover)?;
        let cases = &fixtures.cases;
        for (i, c) in cases.iter().enumerate() {
            std::fs::write(dir.join(format!("{i:02}.proof")), &c.proof)?;
        }
        for (i, r) in fixtures.ranges.iter().enumerate() {
            std::fs::write(dir.join(format!("r{i}.proof")), &r.proof)?;
        }
        // The first case in plonky2's own serialization, for the Rust-side checks
        // (prover-gpu/tests/verifier_plonk.rs).
        std::fs::write(dir.join("00.wrapped"), &cases[0].wrapped)?;
        let digest = prover.wrapper()?.data.verifier_only.circuit_digest.0;
        std::fs::write(
            dir.join("cases.json"),
            cases_json(&digest, cases, &fixtures.ranges),
        )?;
        eprintln!(
            "{} fixture batches and {} ranges proven in {:.1?} → {FIXTURE_DIR}",
            cases.len(),
            fixtures.ranges.len(),
            t.elapsed()
        );
    }
    Ok(())
}
