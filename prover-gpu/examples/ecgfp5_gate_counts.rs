//! Gate counts (and one timed proof) of the EcGFp5 / Schnorr gadgets under plonky2's standard
//! recursion configuration: `cargo run --release -p janus-prover --example ecgfp5_gate_counts`.

use std::time::Instant;

use janus_l2::hash::TAG_TX;
use janus_l2::keys::SecretKey;
use janus_l2::schnorr::sign;
use janus_prover::gadgets::ecgfp5::curve::{mul_double_base, CHALLENGE_DIGITS, SCALAR_DIGITS};
use janus_prover::gadgets::ecgfp5::schnorr::{decode_public_key, set_key_words, KEY_WORDS};
use janus_prover::gadgets::ecgfp5::{
    verify_schnorr, verify_schnorr_if, Builder, GFp5Target, SignatureTarget, WordOrder, F,
};
use plonky2::field::types::Field;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_data::CircuitConfig;
use plonky2::plonk::config::PoseidonGoldilocksConfig;

type C = PoseidonGoldilocksConfig;

/// Prints plonky2's build log lines that carry the gate statistics (total rows before
/// blinding and padding, instances per gate type).
struct GateLog;

impl log::Log for GateLog {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        let line = record.args().to_string();
        if line.contains("Degree") || line.contains("instances of") {
            println!("  plonky2: {line}");
        }
    }
    fn flush(&self) {}
}
const MSG_LEN: usize = 14;

fn count(name: &str, f: impl FnOnce(&mut Builder)) {
    let mut b = Builder::new(CircuitConfig::standard_recursion_config());
    f(&mut b);
    println!("{name:<44} {:>6} gates", b.num_gates());
}

fn main() -> anyhow::Result<()> {
    log::set_logger(&GateLog).map_err(|e| anyhow::anyhow!("logger: {e}"))?;
    log::set_max_level(log::LevelFilter::Debug);
    count("GF(p^5) mul x100", |b| {
        let x = GFp5Target::new_virtual(b);
        let mut acc = x;
        for _ in 0..100 {
            acc = acc.mul(b, &x);
        }
    });
    count("public key decode (words -> point)", |b| {
        let words: [_; KEY_WORDS] = core::array::from_fn(|_| b.add_virtual_target());
        decode_public_key(b, &words);
    });
    count("s*G + e*Q (319-bit s, 256-bit e)", |b| {
        let words: [_; KEY_WORDS] = core::array::from_fn(|_| b.add_virtual_target());
        let (_, q) = decode_public_key(b, &words);
        let s: [_; SCALAR_DIGITS] = core::array::from_fn(|_| b.add_virtual_target());
        let e: [_; CHALLENGE_DIGITS] = core::array::from_fn(|_| b.add_virtual_target());
        mul_double_base(b, &s, &e, &q);
    });

    count("verify_schnorr_if (flag, big-endian words)", |b| {
        let enabled = b.add_virtual_bool_target_safe();
        let pk: [_; KEY_WORDS] = core::array::from_fn(|_| b.add_virtual_target());
        let msg: Vec<_> = (0..MSG_LEN).map(|_| b.add_virtual_target()).collect();
        let sig = SignatureTarget::new_virtual(b, WordOrder::BigEndian);
        verify_schnorr_if(b, enabled, &pk, &msg, &sig);
    });

    // Full verification of a transaction-sized message (14 elements), then one proof.
    let mut b = Builder::new(CircuitConfig::standard_recursion_config());
    let pk_words: [_; KEY_WORDS] = core::array::from_fn(|_| b.add_virtual_target());
    let msg: Vec<_> = (0..MSG_LEN).map(|_| b.add_virtual_target()).collect();
    let sig = SignatureTarget::new_virtual(&mut b, WordOrder::LittleEndian);
    verify_schnorr(&mut b, &pk_words, &msg, &sig);
    let gates = b.num_gates();
    println!(
        "{:<44} {gates:>6} gates",
        "verify_schnorr (14-element message)"
    );
    b.print_gate_counts(0);
    let t = Instant::now();
    let data = b.build::<C>();
    println!(
        "built: degree 2^{} in {:.2?}",
        data.common.degree_bits(),
        t.elapsed()
    );

    let sk = SecretKey::from_seed(&[9u8; 32]);
    let m: Vec<F> = (0..MSG_LEN as u64)
        .map(|i| F::from_canonical_u64(if i == 0 { TAG_TX } else { i }))
        .collect();
    let signature = sign(&sk, &m);
    let mut pw = PartialWitness::new();
    set_key_words(&mut pw, &pk_words, &sk.public_key().to_bytes())?;
    sig.set(&mut pw, &signature.to_bytes())?;
    for (t, v) in msg.iter().zip(&m) {
        pw.set_target(*t, *v)?;
    }
    let t = Instant::now();
    let proof = data.prove(pw)?;
    println!("proved in {:.2?}", t.elapsed());
    data.verify(proof)?;
    println!("verified");
    Ok(())
}
