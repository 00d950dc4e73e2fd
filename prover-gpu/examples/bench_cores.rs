//! CPU prover benchmark (issue 11, item 4): one batch proof of a full `<slots>`-slot batch of
//! signed transfers, proven by each requested prover in turn on the same circuit and witness:
//!
//! - `ours`: `prove_with_gpu(None, ..)`, what `BatchProver` uses — all cores through rayon,
//!   deterministic;
//! - `reference`: `prove_deterministic` (plonky2's `CircuitData::prove` with plonky2's
//!   `parallel` feature off: one core);
//! - `stock`: plonky2's `CircuitData::prove` with its `parallel` feature **on** (the baseline;
//!   needs `--features bench-stock-parallel`, which makes proofs non-deterministic and is why
//!   `ours`/`reference` are refused in such a build).
//!
//! `bench_cores <slots> <prover>... [--repeat N]`, e.g. `bench_cores 16 ours reference`.
//! Prints the load average before and after, threads, prove time, proven tx/s (slots over
//! prove time), proof size and a verify check, one table row per prover.

mod support;

use std::time::Instant;

use janus_prover::circuit::witness::BatchWitness;
use janus_prover::gpu::prove::prove_with_gpu;
use janus_prover::prover::batch::BatchProver;
use janus_prover::prover::prove_deterministic;

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let slots: usize = args.first().map(|s| s.parse()).transpose()?.unwrap_or(16);
    let repeat: usize = args
        .iter()
        .position(|a| a == "--repeat")
        .and_then(|i| args.get(i + 1))
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(1);
    let modes: Vec<&str> = args
        .iter()
        .skip(1)
        .map(String::as_str)
        .filter(|a| matches!(*a, "ours" | "reference" | "stock"))
        .collect();
    let stock_build = cfg!(feature = "bench-stock-parallel");
    for m in &modes {
        if (*m == "stock") != stock_build {
            return Err(format!(
                "`{m}` needs a build {} --features bench-stock-parallel",
                if stock_build { "without" } else { "with" }
            )
            .into());
        }
    }
    println!(
        "load average {} | {} CPUs, rayon threads {} | plonky2/parallel {}",
        loadavg(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        rayon::current_num_threads(),
        if stock_build { "on" } else { "off" }
    );

    let (keys, state) = support::funded_state();
    let batch = support::transfers(&keys, 0, slots)?;

    let t = Instant::now();
    let prover = BatchProver::new(slots)?;
    let circuit = prover.single().ok_or("one circuit")?;
    println!(
        "slots {slots}: 2^{} rows, circuit build {:.1?}",
        circuit.degree_bits(),
        t.elapsed()
    );
    let witness = BatchWitness::new(&state, &batch, slots)?;
    println!("\n| prover | threads | prove s | proven tx/s | proof bytes | verifies |");
    println!("| --- | ---: | ---: | ---: | ---: | --- |");
    let mut bytes: Vec<(String, Vec<u8>)> = Vec::new();
    for _ in 0..repeat {
        for &mode in &modes {
            let pw = witness.assign(circuit)?;
            let t = Instant::now();
            let proof = match mode {
                "ours" => prove_with_gpu(None, &circuit.data, pw)?,
                "reference" => prove_deterministic(&circuit.data, pw)?,
                _ => circuit
                    .data
                    .prove(pw)
                    .map_err(|e| format!("stock prove: {e}"))?,
            };
            let secs = t.elapsed().as_secs_f64();
            let b = proof.to_bytes();
            let ok = circuit.data.verify(proof).is_ok();
            let threads = if mode == "reference" {
                1
            } else {
                rayon::current_num_threads()
            };
            println!(
                "| {mode} | {threads} | {secs:.2} | {:.3} | {} | {ok} |",
                slots as f64 / secs,
                b.len()
            );
            bytes.push((mode.to_string(), b));
        }
    }
    // Deterministic provers must agree byte for byte (stock's PoW nonce may differ).
    let det: Vec<&Vec<u8>> = bytes
        .iter()
        .filter(|(m, _)| m != "stock")
        .map(|(_, b)| b)
        .collect();
    if det.len() > 1 {
        let same = det.windows(2).all(|w| w[0] == w[1]);
        println!("\ndeterministic proofs byte-identical: {same}");
        if !same {
            return Err("ours and reference proofs differ".into());
        }
    }
    println!("load average {}", loadavg());
    Ok(())
}
