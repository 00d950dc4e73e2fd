//! Benchmark of the batch circuit: `cargo run --release -p janus-prover --example bench_batch --
//! <slots> [--recursion]`. Prints gates per slot, prove time and proof size for a full batch of
//! transfers; with `--recursion` also a range of two batches and the wrapper.

mod support;

use std::time::Instant;

use janus_l2::DEFAULT_CHAIN_ID;
use janus_prover::prover::batch::BatchProver;
use janus_prover::recursion::wrap::wrapper_security_bits;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let slots: usize = args.get(1).map(|s| s.parse()).transpose()?.unwrap_or(2);
    let recursion = args.iter().any(|a| a == "--recursion");

    let (keys, state) = support::funded_state();

    let t = Instant::now();
    let prover = BatchProver::new(slots)?;
    let c = prover.single().ok_or("one circuit")?;
    println!(
        "slots {slots}: {} gates ({:.0} per slot), 2^{} rows, build {:.2?}",
        c.num_gates,
        c.num_gates as f64 / slots as f64,
        c.degree_bits(),
        t.elapsed()
    );
    let b1 = support::transfers(&keys, 0, slots)?;
    let t = Instant::now();
    let p1 = prover.prove_batch(&state, &b1)?;
    let proved = t.elapsed();
    println!(
        "batch proof: prove {proved:.2?}, {} bytes",
        BatchProver::proof_to_bytes(&p1).len()
    );
    let t = Instant::now();
    prover.verify(&p1)?;
    println!("batch verify {:.2?}", t.elapsed());
    // What L1 takes for this batch (`proveBatch`): the batch proof folded into a range of one,
    // wrapped (Keccak), verified and encoded; the range tree and the wrapper circuit are built
    // first and not counted (a node builds them at start).
    prover.wrapper()?;
    let t = Instant::now();
    let l1 = prover.l1_proof(std::slice::from_ref(&p1), &[0x11; 20])?;
    let wrapped = t.elapsed();
    println!(
        "L1 proof (range + wrap + verify + encode) {wrapped:.2?}, {} bytes; end to end {:.2?} = {:.2} proven tx/s",
        l1.len(),
        proved + wrapped,
        slots as f64 / (proved + wrapped).as_secs_f64()
    );
    // Peak resident memory so far (Linux), for machines without /usr/bin/time.
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM")) {
            println!("peak RSS: {}", line.trim_start_matches("VmHWM:").trim());
        }
    }
    if !recursion {
        return Ok(());
    }
    let mut mid = state.clone();
    janus_l2::batch::apply_batch(
        &mut mid,
        &b1,
        &janus_l2::batch::BatchContext {
            chain_id: DEFAULT_CHAIN_ID,
            msg_start: 0,
            chain_before: [0; 32],
        },
    )?;
    let p2 = prover.prove_batch(&mid, &support::transfers(&keys, slots, slots)?)?;
    let root = &prover.range_tree()?.root().data;
    println!("range root: 2^{} rows", root.common.degree_bits());
    let t = Instant::now();
    let a = prover.prove_range(&[p1, p2])?;
    println!(
        "range of two batches: prove {:.2?}, {} bytes",
        t.elapsed(),
        a.proof.to_bytes().len()
    );
    let w = prover.wrapper()?;
    println!(
        "wrapper: 2^{} rows, {} bits conjectured, gates {:?}",
        w.data.common.degree_bits(),
        wrapper_security_bits(),
        w.gate_ids()
    );
    let t = Instant::now();
    let wrapped = prover.wrap(&a, &[0x11; 20])?;
    println!(
        "wrap prove {:.2?}, {} bytes",
        t.elapsed(),
        wrapped.to_bytes().len()
    );
    let t = Instant::now();
    prover.verify_wrapped(&wrapped)?;
    println!("wrapped verify {:.2?}", t.elapsed());
    Ok(())
}
