//! `--prover-depth`, `--prover-range-depth`, `--prover-cache` / `--no-prover-cache`: how the
//! prover proves a batch (one circuit, or segments folded by a tree, docs/l2-spec.md §12.5), how
//! many batches one L1 proof covers (§12.6) and where its circuits are kept
//! between runs (`janus_prover::cache`), shared by `janus node`, `janus prover` and `janus
//! escape`, and the one place that builds a [`BatchProver`] for them.

use std::path::PathBuf;

use clap::Args;
use janus_prover::cache::ProverCache;
use janus_prover::prover::batch::{BatchProver, ProverShape};
use janus_prover::verifier::generate::VERIFIER_SHAPE;
use janus_prover::ProverError;

/// The prover's shape and prover-data cache flags.
#[derive(Debug, Clone, Default, Args)]
pub struct ProverCacheArgs {
    /// Levels of the segment tree (docs/l2-spec.md §12.5): 0 proves a batch in one circuit of
    /// `--prover-slots` slots; d ≥ 1 proves it as segments of `--prover-slots` slots folded by d
    /// levels, batches of up to slots·2^d records. The shape must be the deployed verifier's
    /// (its `maxRecords` is slots·2^d); the default is the generated verifier's.
    #[arg(long, env = "JANUS_PROVER_DEPTH", default_value_t = VERIFIER_SHAPE.depth)]
    pub prover_depth: usize,
    /// Levels of the range tree (docs/l2-spec.md §12.6, at least 1): one L1 proof covers up to
    /// 2^d consecutive batches. Must be the deployed verifier's (its `maxBatches` is 2^d); the
    /// default is the generated verifier's.
    #[arg(long, env = "JANUS_PROVER_RANGE_DEPTH", default_value_t = VERIFIER_SHAPE.range_depth,
          value_parser = positive)]
    pub prover_range_depth: usize,
    /// Folder of built circuits: loaded at start when built by this code for these parameters,
    /// built and saved there otherwise (about 0.6 GB for 16 slots) [default:
    /// $XDG_CACHE_HOME/janus/prover, else ~/.cache/janus/prover].
    #[arg(long, env = "JANUS_PROVER_CACHE")]
    pub prover_cache: Option<PathBuf>,
    /// Build the circuits at every start; never read or write the cache.
    #[arg(long, env = "JANUS_NO_PROVER_CACHE", default_value_t = false)]
    pub no_prover_cache: bool,
}

impl ProverCacheArgs {
    /// The cache these flags select (`None`: none, or no home folder to put it in).
    pub fn cache(&self) -> Option<ProverCache> {
        if self.no_prover_cache {
            return None;
        }
        self.prover_cache
            .clone()
            .or_else(default_dir)
            .map(ProverCache::new)
    }

    /// The shape of `slots` slots (per segment with `--prover-depth` ≥ 1).
    pub fn shape(&self, slots: usize) -> ProverShape {
        ProverShape {
            slots,
            depth: self.prover_depth,
            range_depth: self.prover_range_depth,
        }
    }

    /// The batch prover of [`Self::shape`] for L2 chain `chain_id`, ready to prove for L1: its
    /// circuits and wrapper loaded from the cache or built (blocking: call it from a blocking
    /// thread).
    pub fn batch_prover(&self, slots: usize, chain_id: u64) -> Result<BatchProver, ProverError> {
        let prover = BatchProver::with_shape(self.shape(slots), chain_id, self.cache())?;
        prover.wrapper()?;
        Ok(prover)
    }
}

fn positive(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("a range tree has at least one level".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

fn default_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("janus").join("prover"))
}
