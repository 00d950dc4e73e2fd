//! Benchmark of range proofs (docs/l2-spec.md §12.6): `cargo run --release -p janus-prover
//! --example bench_range -- [records per batch]`. Builds the generated verifier's prover
//! (`generate::VERIFIER_SHAPE`), proves as many consecutive batches of `records` transfers
//! (default 16) as one range holds, then, for every run length `k`, times folding the first `k`
//! batch proofs into a range proof and wrapping it for L1 (what each L1 proof costs on top of its
//! batch proofs).

use std::time::Instant;

mod support;

use janus_l2::batch::{apply_batch, BatchContext};
use janus_l2::DEFAULT_CHAIN_ID;
use janus_prover::verifier::generate::target_prover;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let records: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(16);
    let (keys, mut state) = support::funded_state();

    let t = Instant::now();
    let prover = target_prover()?;
    let tree = prover.range_tree()?;
    let wrapper = prover.wrapper()?;
    print!(
        "prover {:?}: batch proof 2^{} rows",
        prover.shape(),
        prover.batch_data().common.degree_bits()
    );
    for (i, l) in tree.levels.iter().enumerate() {
        print!(", range level {} 2^{}", i + 1, l.data.common.degree_bits());
    }
    println!(
        ", wrapper 2^{}; built in {:.2?}",
        wrapper.data.common.degree_bits(),
        t.elapsed()
    );

    let ctx = BatchContext {
        chain_id: DEFAULT_CHAIN_ID,
        msg_start: 0,
        chain_before: [0; 32],
    };
    let mut proofs = Vec::new();
    for i in 0..prover.max_batches() {
        let batch = support::transfers(&keys, i * records, records)?;
        let t = Instant::now();
        proofs.push(prover.prove_batch(&state, &batch)?);
        println!("batch {} ({records} transfers) proven in {:.2?}", i + 1, t.elapsed());
        apply_batch(&mut state, &batch, &ctx)?;
    }
    for k in 1..=prover.max_batches() {
        let t = Instant::now();
        let range = prover.prove_range(&proofs[..k])?;
        let folded = t.elapsed();
        let t = Instant::now();
        let wrapped = prover.wrap(&range, &[0x11; 20])?;
        let l1 = prover.encode_l1(&range, &wrapped)?;
        let wrap = t.elapsed();
        println!(
            "range of {k}: fold {folded:.2?}, wrap + encode {wrap:.2?}, total {:.2?} ({:.2?} per batch); L1 proof {} bytes",
            folded + wrap,
            (folded + wrap) / k as u32,
            l1.len()
        );
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM")) {
            println!("peak RSS: {}", line.trim_start_matches("VmHWM:").trim());
        }
    }
    Ok(())
}
