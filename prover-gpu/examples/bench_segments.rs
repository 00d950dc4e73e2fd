//! Benchmark of segmented proofs (docs/l2-spec.md §12.5): `cargo run --release -p janus-prover
//! --example bench_segments -- <segment slots> <depth> [records] [--baseline]`. Builds the segment
//! tree, proves a batch of `records` transfers (default: the bound, `slots · 2^depth`) as
//! segments folded to the root, wraps the root for L1, and prints each step's time; with
//! `--baseline`, also the one-circuit batch prover for the same batch, in the same run.

use std::time::{Duration, Instant};

mod support;

use janus_l2::DEFAULT_CHAIN_ID;
use janus_prover::circuit::witness::segment_witnesses;
use janus_prover::prover::batch::BatchProver;
use janus_prover::recursion::{SegmentTree, WrapperCircuit};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let slots: usize = args.get(1).map(|s| s.parse()).transpose()?.unwrap_or(16);
    let depth: usize = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(2);
    let records: usize = match args.get(3).filter(|a| !a.starts_with("--")) {
        Some(r) => r.parse()?,
        None => slots << depth,
    };
    let baseline = args.iter().any(|a| a == "--baseline");

    let (keys, state) = support::funded_state();
    let batch = support::transfers(&keys, 0, records)?;

    let t = Instant::now();
    let tree = SegmentTree::new(slots, DEFAULT_CHAIN_ID, depth, None)?;
    let root = tree.root();
    let wrapper = WrapperCircuit::new(&root.data.common, &root.data.verifier_only, None)?;
    print!(
        "segment tree {slots} slots x 2^{depth} (bound {}): segment 2^{} rows",
        tree.max_records(),
        tree.segment.data.common.degree_bits()
    );
    for (i, l) in tree.levels.iter().enumerate() {
        print!(", level {} 2^{}", i + 1, l.data.common.degree_bits());
    }
    println!(
        ", wrapper 2^{}; built in {:.2?}",
        wrapper.data.common.degree_bits(),
        t.elapsed()
    );

    let witnesses = segment_witnesses(&state, &batch, slots)?;
    let mut total = Duration::ZERO;
    let t = Instant::now();
    let mut proofs = witnesses
        .iter()
        .map(|w| tree.prove_segment(w, None))
        .collect::<Result<Vec<_>, _>>()?;
    let seg = t.elapsed();
    total += seg;
    println!(
        "{records} records: {} segment proofs in {seg:.2?} ({:.2?} each)",
        proofs.len(),
        seg / proofs.len() as u32
    );
    for level in 1..=depth {
        let t = Instant::now();
        proofs = tree.fold_level(level, &proofs, None)?;
        let d = t.elapsed();
        total += d;
        println!("level {level}: {} proofs in {d:.2?}", proofs.len());
    }
    root.verify(&proofs[0])?;
    let t = Instant::now();
    let wrapped = wrapper.prove(&proofs[0], &[0x11; 20])?;
    wrapper.verify(&wrapped)?;
    let w = t.elapsed();
    total += w;
    println!(
        "wrap + verify {w:.2?}; end to end {total:.2?} = {:.2} proven tx/s",
        records as f64 / total.as_secs_f64()
    );

    if baseline {
        let t = Instant::now();
        let prover = BatchProver::new(records)?;
        prover.wrapper()?;
        println!(
            "baseline: one circuit of {records} slots, 2^{} rows, built in {:.2?}",
            prover.batch_data().common.degree_bits(),
            t.elapsed()
        );
        let t = Instant::now();
        let p = prover.prove_batch(&state, &batch)?;
        let proved = t.elapsed();
        let t = Instant::now();
        prover.l1_proof(std::slice::from_ref(&p), &[0x11; 20])?;
        let wrapped = t.elapsed();
        println!(
            "baseline: prove {proved:.2?} + L1 proof {wrapped:.2?} = {:.2?} = {:.2} proven tx/s",
            proved + wrapped,
            records as f64 / (proved + wrapped).as_secs_f64()
        );
    }
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM")) {
            println!("peak RSS: {}", line.trim_start_matches("VmHWM:").trim());
        }
    }
    Ok(())
}
