//! Prover-data cache: time to build the batch circuit and its wrapper with an empty cache
//! (and save them) against the time to load them at the next start; file sizes; peak memory
//! under `/usr/bin/time -v`.
//!
//! `cargo run --release -p janus-prover --example bench_cache -- <slots> <cache dir>`

use std::time::Instant;

use janus_l2::DEFAULT_CHAIN_ID;
use janus_prover::cache::ProverCache;
use janus_prover::prover::batch::BatchProver;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let slots: usize = args.first().map(|s| s.parse()).transpose()?.unwrap_or(16);
    let dir = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "/tmp/janus-bench-cache".into());
    let _ = std::fs::remove_dir_all(&dir);
    let cache = ProverCache::new(&dir);
    for round in ["empty cache (build + save)", "warm cache (load)"] {
        let t = Instant::now();
        let prover = BatchProver::with_cache(slots, DEFAULT_CHAIN_ID, Some(cache.clone()))?;
        let batch = t.elapsed();
        let t = Instant::now();
        let wrapper = prover.wrapper()?;
        let wrap = t.elapsed();
        println!(
            "{slots} slots, {round}: batch circuit {:?} in {batch:.2?}, wrapper {:?} in {wrap:.2?}, ready in {:.2?}",
            prover.single().ok_or("one circuit")?.origin,
            wrapper.origin,
            batch + wrap
        );
    }
    for e in std::fs::read_dir(&dir)?.flatten() {
        println!(
            "  {} {} MB",
            e.file_name().to_string_lossy(),
            e.metadata()?.len() / 1_000_000
        );
    }
    Ok(())
}
