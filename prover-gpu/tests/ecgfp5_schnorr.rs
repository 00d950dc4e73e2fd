//! Schnorr verification in the circuit against `janus_l2::schnorr`: a valid signature proves
//! and verifies; a tampered message, a wrong key, `s ≥ n` (`s + n`, same point), a wrong
//! challenge and non-zero padding bytes all make `prove` fail, exactly where the native
//! verifier rejects. A second circuit checks big-endian signature words (the batch data's
//! packing) and the enable flag of `verify_schnorr_if`. A differential test flips single bits of
//! signatures and keys and checks the circuit accepts exactly what the native verifier accepts.

use std::sync::LazyLock;

use janus_l2::curve::scalar::N;
use janus_l2::hash::TAG_TX;
use janus_l2::keys::SecretKey;
use janus_l2::schnorr::{sign, verify_bytes};
use janus_prover::gadgets::ecgfp5::schnorr::{set_key_words, KEY_WORDS};
use janus_prover::gadgets::ecgfp5::{
    verify_schnorr, verify_schnorr_if, Builder, SignatureTarget, WordOrder, F,
};
use plonky2::field::types::Field;
use plonky2::iop::generator::generate_partial_witness;
use plonky2::iop::target::Target;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_data::{CircuitConfig, CircuitData};
use plonky2::plonk::config::PoseidonGoldilocksConfig;

type C = PoseidonGoldilocksConfig;
const MSG_LEN: usize = 14;

struct Circuit {
    data: CircuitData<F, C, 2>,
    pk: [Target; KEY_WORDS],
    msg: Vec<Target>,
    sig: SignatureTarget,
}

static CIRCUIT: LazyLock<Circuit> = LazyLock::new(|| {
    let mut b = Builder::new(CircuitConfig::standard_recursion_config());
    let pk: [Target; KEY_WORDS] = core::array::from_fn(|_| b.add_virtual_target());
    let msg: Vec<Target> = (0..MSG_LEN).map(|_| b.add_virtual_target()).collect();
    let sig = SignatureTarget::new_virtual(&mut b, WordOrder::LittleEndian);
    verify_schnorr(&mut b, &pk, &msg, &sig);
    Circuit {
        data: b.build::<C>(),
        pk,
        msg,
        sig,
    }
});

fn message(v: u64) -> Vec<F> {
    let mut m = vec![
        F::from_canonical_u64(TAG_TX),
        F::from_canonical_u64(424_242),
    ];
    m.extend((2..MSG_LEN as u64).map(|i| F::from_canonical_u64(i * 1_000_003 + v)));
    m
}

fn witness(pk: &[u8; 40], msg: &[F], sig: &[u8; 80]) -> PartialWitness<F> {
    let c = &*CIRCUIT;
    let mut pw = PartialWitness::new();
    set_key_words(&mut pw, &c.pk, pk).expect("set key");
    c.sig.set(&mut pw, sig).expect("set signature");
    for (t, v) in c.msg.iter().zip(msg) {
        pw.set_target(*t, *v).expect("set message");
    }
    pw
}

/// Whether the circuit's witness generation (all copy constraints) succeeds.
fn satisfiable(pk: &[u8; 40], msg: &[F], sig: &[u8; 80]) -> bool {
    let c = &*CIRCUIT;
    generate_partial_witness(witness(pk, msg, sig), &c.data.prover_only, &c.data.common).is_ok()
}

fn signed(seed: u8, v: u64) -> ([u8; 40], Vec<F>, [u8; 80]) {
    let sk = SecretKey::from_seed(&[seed; 32]);
    let m = message(v);
    let sig = sign(&sk, &m).to_bytes();
    (sk.public_key().to_bytes(), m, sig)
}

#[test]
fn valid_signature_proves_and_verifies() {
    let (pk, m, sig) = signed(1, 7);
    assert_eq!(verify_bytes(&pk, &m, &sig), Ok(()));
    let c = &*CIRCUIT;
    assert!(
        c.data.common.degree_bits() <= 13,
        "verification fits 2^13 rows"
    );
    let proof = c
        .data
        .prove(witness(&pk, &m, &sig))
        .expect("valid signature proves");
    c.data.verify(proof).expect("proof verifies");
}

#[test]
fn other_valid_signatures_are_accepted() {
    for seed in 2..5u8 {
        let (pk, m, sig) = signed(seed, u64::from(seed));
        assert_eq!(verify_bytes(&pk, &m, &sig), Ok(()));
        assert!(satisfiable(&pk, &m, &sig), "seed {seed}");
    }
}

#[test]
fn tampered_message_fails() {
    let (pk, _, sig) = signed(1, 7);
    let other = message(8);
    assert!(verify_bytes(&pk, &other, &sig).is_err());
    assert!(!satisfiable(&pk, &other, &sig));
    assert!(CIRCUIT.data.prove(witness(&pk, &other, &sig)).is_err());
}

#[test]
fn wrong_key_fails() {
    let (_, m, sig) = signed(1, 7);
    let (other_pk, _, _) = signed(2, 7);
    assert!(verify_bytes(&other_pk, &m, &sig).is_err());
    assert!(!satisfiable(&other_pk, &m, &sig));
    assert!(CIRCUIT.data.prove(witness(&other_pk, &m, &sig)).is_err());
}

/// `s + n` multiplies to the same point, so only the range check `s < n` rejects it.
#[test]
fn response_not_below_n_fails() {
    let (pk, m, sig) = signed(1, 7);
    let mut limbs = [0u64; 5];
    for (i, l) in limbs.iter_mut().enumerate() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&sig[40 + 8 * i..48 + 8 * i]);
        *l = u64::from_le_bytes(w);
    }
    let mut carry = false;
    for (l, n) in limbs.iter_mut().zip(N) {
        let (s1, c1) = l.overflowing_add(n);
        let (s2, c2) = s1.overflowing_add(u64::from(carry));
        *l = s2;
        carry = c1 || c2;
    }
    assert!(!carry, "s + n < 2^320");
    let mut big = sig;
    for (i, l) in limbs.iter().enumerate() {
        big[40 + 8 * i..48 + 8 * i].copy_from_slice(&l.to_le_bytes());
    }
    assert!(verify_bytes(&pk, &m, &big).is_err());
    assert!(!satisfiable(&pk, &m, &big));
    // s = n exactly.
    let mut n_sig = sig;
    for (i, l) in N.iter().enumerate() {
        n_sig[40 + 8 * i..48 + 8 * i].copy_from_slice(&l.to_le_bytes());
    }
    assert!(!satisfiable(&pk, &m, &n_sig));
    assert!(CIRCUIT.data.prove(witness(&pk, &m, &big)).is_err());
}

#[test]
fn wrong_challenge_fails() {
    let (pk, m, sig) = signed(1, 7);
    let mut bad = sig;
    bad[3] ^= 1;
    assert!(verify_bytes(&pk, &m, &bad).is_err());
    assert!(!satisfiable(&pk, &m, &bad));
    // Non-zero bytes [32, 40) are rejected even though e would be unchanged.
    let mut pad = sig;
    pad[35] = 1;
    assert!(verify_bytes(&pk, &m, &pad).is_err());
    assert!(!satisfiable(&pk, &m, &pad));
    // A modified response.
    let mut s = sig;
    s[40] ^= 1;
    assert!(verify_bytes(&pk, &m, &s).is_err());
    assert!(!satisfiable(&pk, &m, &s));
    assert!(CIRCUIT.data.prove(witness(&pk, &m, &bad)).is_err());
}

/// Big-endian words, behind an enable flag (as a batch slot uses the gadget).
struct FlaggedCircuit {
    data: CircuitData<F, C, 2>,
    enabled: plonky2::iop::target::BoolTarget,
    pk: [Target; KEY_WORDS],
    msg: Vec<Target>,
    sig: SignatureTarget,
}

static FLAGGED: LazyLock<FlaggedCircuit> = LazyLock::new(|| {
    let mut b = Builder::new(CircuitConfig::standard_recursion_config());
    let enabled = b.add_virtual_bool_target_safe();
    let pk: [Target; KEY_WORDS] = core::array::from_fn(|_| b.add_virtual_target());
    let msg: Vec<Target> = (0..MSG_LEN).map(|_| b.add_virtual_target()).collect();
    let sig = SignatureTarget::new_virtual(&mut b, WordOrder::BigEndian);
    verify_schnorr_if(&mut b, enabled, &pk, &msg, &sig);
    FlaggedCircuit {
        data: b.build::<C>(),
        enabled,
        pk,
        msg,
        sig,
    }
});

fn flagged_ok(enabled: bool, pk: &[u8; 40], msg: &[F], sig: &[u8; 80]) -> bool {
    let c = &*FLAGGED;
    let mut pw = PartialWitness::new();
    pw.set_bool_target(c.enabled, enabled).expect("set flag");
    set_key_words(&mut pw, &c.pk, pk).expect("set key");
    c.sig.set(&mut pw, sig).expect("set signature");
    for (t, v) in c.msg.iter().zip(msg) {
        pw.set_target(*t, *v).expect("set message");
    }
    generate_partial_witness(pw, &c.data.prover_only, &c.data.common).is_ok()
}

#[test]
fn big_endian_words_and_enable_flag() {
    let (pk, m, sig) = signed(3, 11);
    assert!(flagged_ok(true, &pk, &m, &sig), "valid, big-endian words");
    let mut bad = sig;
    bad[41] ^= 0x80;
    assert!(
        !flagged_ok(true, &pk, &m, &bad),
        "tampered s, big-endian words"
    );
    assert!(!flagged_ok(true, &pk, &message(12), &sig), "other message");

    // Disabled: garbage that fails every check when enabled is accepted.
    let mut garbage = [0u8; 80];
    garbage[0..8].copy_from_slice(&u64::MAX.to_le_bytes()); // h_0 >= p
    garbage[32] = 1; // padding byte
    garbage[40..80].copy_from_slice(&[0xFF; 40]); // s >= n
    let off_curve = [0xFFu8; 40]; // non-canonical key
    for (key, s) in [([0u8; 40], [0u8; 80]), (off_curve, garbage), (pk, bad)] {
        assert!(flagged_ok(false, &key, &m, &s));
        assert!(!flagged_ok(true, &key, &m, &s));
    }
}

/// Differential: over valid signatures and single-bit flips of the signature and of the key
/// (wrong `e`, wrong `s`, other points, non-canonical encodings), the circuit is satisfiable
/// exactly when `janus_l2::schnorr::verify_bytes` accepts.
#[test]
fn circuit_accepts_exactly_what_the_native_verifier_accepts() {
    let mut checked = (0, 0);
    for seed in 5..7u8 {
        let (pk, m, sig) = signed(seed, u64::from(seed) * 3);
        for bit in (0..80 * 8).step_by(37) {
            let mut s = sig;
            s[bit / 8] ^= 1 << (bit % 8);
            let native = verify_bytes(&pk, &m, &s).is_ok();
            assert_eq!(satisfiable(&pk, &m, &s), native, "seed {seed}, signature bit {bit}");
            checked.0 += 1;
        }
        for bit in (0..40 * 8).step_by(29) {
            let mut k = pk;
            k[bit / 8] ^= 1 << (bit % 8);
            let native = verify_bytes(&k, &m, &sig).is_ok();
            assert_eq!(satisfiable(&k, &m, &sig), native, "seed {seed}, key bit {bit}");
            checked.1 += 1;
        }
        assert!(satisfiable(&pk, &m, &sig) && verify_bytes(&pk, &m, &sig).is_ok());
    }
    assert!(checked.0 >= 30 && checked.1 >= 20, "{checked:?}");
}
