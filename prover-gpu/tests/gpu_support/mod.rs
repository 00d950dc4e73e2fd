//! Helpers shared by the GPU test binaries: the shared device (or a visible skip), random
//! canonical field elements, conversions. Each binary uses a subset.
#![allow(dead_code)]

use std::io::Write as _;
use std::sync::OnceLock;

use janus_prover::gpu::device::driver_present;
use janus_prover::gpu::GpuDevice;

use janus_prover::prover::F;
use plonky2::field::types::{Field, Field64, PrimeField64};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// `n` uniformly random canonical Goldilocks elements as u64.
pub fn rand_canon(r: &mut ChaCha8Rng, n: usize) -> Vec<u64> {
    (0..n).map(|_| r.gen::<u64>() % F::ORDER).collect()
}

/// u64 (canonical) to field elements.
pub fn to_f(v: &[u64]) -> Vec<F> {
    v.iter().map(|&x| F::from_canonical_u64(x)).collect()
}

/// Field elements to canonical u64.
pub fn canon(v: &[F]) -> Vec<u64> {
    v.iter().map(|x| x.to_canonical_u64()).collect()
}

/// Report a skipped test on stderr (visible under `cargo test`), or fail with
/// `JANUS_REQUIRE_GPU=1`.
pub fn skip(test: &str, why: &str) {
    if std::env::var("JANUS_REQUIRE_GPU").is_ok_and(|v| v == "1") {
        panic!("{test}: JANUS_REQUIRE_GPU=1 but {why}");
    }
    let _ = writeln!(std::io::stderr(), "SKIPPED: {test}: {why}");
}

/// The device shared by the tests of this binary (one context, kernels compiled once),
/// with poisoned output buffers; `None` (after a skip line) without a driver.
pub fn gpu(test: &str) -> Option<&'static GpuDevice> {
    static DEV: OnceLock<Result<GpuDevice, String>> = OnceLock::new();
    if !driver_present() {
        skip(
            test,
            "no CUDA driver (libcuda not loadable on this machine)",
        );
        return None;
    }
    match DEV.get_or_init(|| GpuDevice::open().map_err(|e| e.to_string())) {
        Ok(dev) => {
            dev.set_poison(true);
            Some(dev)
        }
        Err(e) => panic!("{test}: a CUDA driver is present but the device failed: {e}"),
    }
}
