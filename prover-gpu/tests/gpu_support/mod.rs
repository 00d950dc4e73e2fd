//! Helpers shared by the prover's test binaries: the shared device (or a visible skip), random
//! canonical field elements, conversions, and a small circuit with every common gate kind and its
//! seeded witness. Each binary uses a subset.
#![allow(dead_code)]

use std::io::Write as _;
use std::sync::OnceLock;

use janus_prover::gpu::device::driver_present;
use janus_prover::gpu::GpuDevice;

use janus_prover::prover::{build_deterministic, D, F};
use plonky2::field::types::{Field, Field64, PrimeField64};
use plonky2::hash::poseidon::PoseidonHash;
use plonky2::iop::target::Target;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CircuitConfig, CircuitData};
use plonky2::plonk::config::GenericConfig;
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

/// A circuit with arithmetic, Poseidon, constant, public-input, random-access and base-sum gates
/// (several selector groups), 2^9 to 2^10 rows, built deterministically with `config`; returns its
/// four input targets.
pub fn mixed_gate_circuit<Cf: GenericConfig<D, F = F>>(
    config: CircuitConfig,
) -> (CircuitData<F, Cf, D>, Vec<Target>) {
    let mut b = CircuitBuilder::<F, D>::new(config);
    let xs = b.add_virtual_targets(4);
    let mut acc = xs[0];
    for i in 0..300 {
        acc = b.mul_add(acc, xs[i % 4], xs[(i + 1) % 4]);
    }
    let mut h = b.hash_n_to_hash_no_pad::<PoseidonHash>(xs.clone());
    for _ in 0..20 {
        h = b.hash_n_to_hash_no_pad::<PoseidonHash>([h.elements.to_vec(), vec![acc]].concat());
    }
    let idx = b.constant(F::from_canonical_u64(3));
    let picked = b.random_access(idx, xs.clone());
    let bits = b.split_le(xs[1], 32);
    let back = b.le_sum(bits.into_iter());
    b.connect(back, xs[1]);
    b.register_public_input(acc);
    b.register_public_input(picked);
    b.register_public_inputs(&h.elements);
    (build_deterministic::<F, Cf, D>(b).expect("builds"), xs)
}

/// The inputs of [`mixed_gate_circuit`] set from `seed`.
pub fn seeded_witness(xs: &[Target], seed: u64) -> PartialWitness<F> {
    let mut pw = PartialWitness::new();
    for (i, t) in xs.iter().enumerate() {
        pw.set_target(*t, F::from_canonical_u64(seed * 1000 + i as u64 * 7919))
            .expect("set");
    }
    pw
}
