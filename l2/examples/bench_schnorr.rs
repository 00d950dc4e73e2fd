//! Timing of the EcGFp5 operations behind L2 transfer admission: Schnorr `verify` and `sign`,
//! `Point::mul_generator` and the variable-base `Point::mul`, in µs per call (release build):
//!
//! ```text
//! cargo run --release -p janus-l2 --example bench_schnorr [-- CALLS]
//! ```
//!
//! Inputs cycle over 64 keys, messages and scalars derived from fixed seeds; the first call of
//! each operation (which builds any lazily initialised table) is not timed.

use std::hint::black_box;
use std::time::Instant;

use plonky2_field::types::Field;

use janus_l2::curve::{Fp, Point, Scalar};
use janus_l2::hash::TAG_TX;
use janus_l2::keys::SecretKey;
use janus_l2::schnorr::{sign, verify};

const INPUTS: usize = 64;

fn fe(v: u64) -> Fp {
    Fp::from_noncanonical_u64(v)
}

/// Run `f(i)` for `i = 0..calls` (after one untimed call) and return µs per call.
fn time_per_call(calls: usize, mut f: impl FnMut(usize)) -> f64 {
    f(0);
    let start = Instant::now();
    for i in 0..calls {
        f(i % INPUTS);
    }
    start.elapsed().as_secs_f64() * 1e6 / calls as f64
}

fn main() {
    let calls: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let sks: Vec<SecretKey> = (0..INPUTS)
        .map(|i| SecretKey::from_seed(&[i as u8 + 1; 32]))
        .collect();
    let pks: Vec<_> = sks.iter().map(SecretKey::public_key).collect();
    let msgs: Vec<_> = (0..INPUTS as u64)
        .map(|i| vec![fe(TAG_TX), fe(424_242), fe(i), fe(3 * i + 1)])
        .collect();
    let sigs: Vec<_> = sks.iter().zip(&msgs).map(|(sk, m)| sign(sk, m)).collect();
    let scalars: Vec<Scalar> = (0..INPUTS)
        .map(|i| Scalar::from_bytes_reduce(&[i as u8 ^ 0x5A; 48]))
        .collect();
    let points: Vec<Point> = pks.iter().map(|pk| *pk.point()).collect();

    let verify_us = time_per_call(calls, |i| {
        let ok = verify(black_box(&pks[i]), &msgs[i], &sigs[i]);
        assert!(ok.is_ok(), "benchmark signature must verify");
    });
    let sign_us = time_per_call(calls, |i| {
        black_box(sign(black_box(&sks[i]), &msgs[i]));
    });
    let mulgen_us = time_per_call(calls, |i| {
        black_box(Point::mul_generator(black_box(&scalars[i])));
    });
    let mul_us = time_per_call(calls, |i| {
        black_box(black_box(&points[i]).mul(&scalars[(i + 1) % INPUTS]));
    });
    println!("calls per operation: {calls}");
    println!("schnorr::verify       {verify_us:8.1} µs");
    println!("schnorr::sign         {sign_us:8.1} µs");
    println!("Point::mul_generator  {mulgen_us:8.1} µs");
    println!("Point::mul            {mul_us:8.1} µs");
}
