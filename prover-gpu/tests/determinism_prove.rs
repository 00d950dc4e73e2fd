//! Deterministic proving: byte-identical proofs, accepted by stock plonky2.

use janus_prover::prover::{build_deterministic, make_deterministic, prove_deterministic, C, D, F};
use plonky2::field::types::Field;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::CircuitConfig;

fn builder() -> (CircuitBuilder<F, D>, plonky2::iop::target::Target) {
    let mut b = CircuitBuilder::<F, D>::new(CircuitConfig::standard_recursion_config());
    let x = b.add_virtual_target();
    let mut acc = x;
    for _ in 0..500 {
        acc = b.mul_add(acc, acc, x);
    }
    b.register_public_input(x);
    b.register_public_input(acc);
    (b, x)
}

#[test]
fn stock_build_is_randomized_and_we_replace_it() {
    let (b, _) = builder();
    let mut data = b.build::<C>();
    let replaced = make_deterministic(&mut data).expect("no zk");
    assert!(replaced > 0, "plonky2 1.1 adds RandomValueGenerators");
    assert_eq!(make_deterministic(&mut data).expect("idempotent"), 0);
}

#[test]
fn same_witness_gives_identical_bytes_on_any_thread() {
    let (b, x) = builder();
    let data = build_deterministic::<F, C, D>(b).expect("builds");
    let witness = || {
        let mut pw = PartialWitness::new();
        pw.set_target(x, F::from_canonical_u64(12345)).expect("set");
        pw
    };
    let p1 = prove_deterministic(&data, witness()).expect("proves");
    let p2 = prove_deterministic(&data, witness()).expect("proves");
    let p3 = std::thread::scope(|s| {
        s.spawn(|| prove_deterministic(&data, witness()).expect("proves"))
            .join()
            .expect("thread")
    });
    assert_eq!(p1.to_bytes(), p2.to_bytes());
    assert_eq!(p1.to_bytes(), p3.to_bytes());
    data.verify(p1.clone()).expect("stock verify accepts");
    // A different witness gives a different proof.
    let mut pw = PartialWitness::new();
    pw.set_target(x, F::from_canonical_u64(54321)).expect("set");
    let p4 = prove_deterministic(&data, pw).expect("proves");
    assert_ne!(p1.to_bytes(), p4.to_bytes());
}

#[test]
fn undeterministic_data_is_refused() {
    let (b, x) = builder();
    let data = b.build::<C>();
    let mut pw = PartialWitness::new();
    pw.set_target(x, F::ONE).expect("set");
    assert!(prove_deterministic(&data, pw).is_err());
}
