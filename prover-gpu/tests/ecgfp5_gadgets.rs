//! The GF(p^5), point and encoding gadgets against `janus_l2`'s native implementation, on
//! random values: small circuits proved and verified with the standard recursion config, and
//! invalid inputs that must make `prove` fail.

use janus_l2::curve::gfp5::fp5_to_bytes;
use janus_l2::curve::{Fp5, Point, Scalar};
use janus_prover::gadgets::ecgfp5::curve::{
    digits_from_bits, mul_double_base, mul_generator, mul_variable_base, CHALLENGE_DIGITS,
    SCALAR_DIGITS,
};
use janus_prover::gadgets::ecgfp5::encoding::{
    assert_words_lt_const, canonical_from_words, encode_point,
};
use janus_prover::gadgets::ecgfp5::native::affine;
use janus_prover::gadgets::ecgfp5::schnorr::{decode_public_key, set_key_words, KEY_WORDS};
use janus_prover::gadgets::ecgfp5::{AffinePointTarget, Builder, GFp5Target, F};
use plonky2::field::extension::quintic::QuinticExtension;
use plonky2::field::types::Field;
use plonky2::iop::generator::generate_partial_witness;
use plonky2::iop::target::Target;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_data::{CircuitConfig, CircuitData};
use plonky2::plonk::config::PoseidonGoldilocksConfig;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

type C = PoseidonGoldilocksConfig;

fn builder() -> Builder {
    Builder::new(CircuitConfig::standard_recursion_config())
}

fn rng() -> ChaCha8Rng {
    ChaCha8Rng::seed_from_u64(0x6a616e7573)
}

fn rand_fp5(r: &mut ChaCha8Rng) -> Fp5 {
    QuinticExtension(core::array::from_fn(|_| F::from_noncanonical_u64(r.gen())))
}

fn rand_scalar(r: &mut ChaCha8Rng) -> Scalar {
    let limbs: [u64; 8] = core::array::from_fn(|_| r.gen());
    Scalar::from_wide_limbs(&limbs)
}

fn set5(pw: &mut PartialWitness<F>, t: &GFp5Target, v: Fp5) {
    for (x, c) in t.0.iter().zip(v.0) {
        pw.set_target(*x, c).expect("fresh target");
    }
}

fn set_point(pw: &mut PartialWitness<F>, t: &AffinePointTarget, p: &Point) {
    let (x, u) = affine(p).expect("group element");
    set5(pw, &t.x, x);
    set5(pw, &t.u, u);
}

fn prove_and_verify(data: &CircuitData<F, C, 2>, pw: PartialWitness<F>) {
    let proof = data.prove(pw).expect("prove");
    data.verify(proof).expect("verify");
}

#[test]
fn gfp5_arithmetic_matches_native() {
    let mut r = rng();
    let mut b = builder();
    let x = GFp5Target::new_virtual(&mut b);
    let y = GFp5Target::new_virtual(&mut b);
    let (a, c) = (rand_fp5(&mut r), rand_fp5(&mut r));
    let expected = [
        a + c,
        a - c,
        a * c,
        a * a,
        a * c + a,
        a - a * c,
        a.inverse(),
        a / c,
        janus_l2::curve::gfp5::mul_small_z(&a, 263),
        -a,
    ];
    let outs = [
        x.add(&mut b, &y),
        x.sub(&mut b, &y),
        x.mul(&mut b, &y),
        x.square(&mut b),
        x.mul_add(&mut b, &y, &x),
        x.neg_mul_add(&mut b, &y, &x),
        x.inverse(&mut b),
        x.div(&mut b, &y),
        x.mul_z(&mut b, 263),
        x.neg(&mut b),
    ];
    for (o, e) in outs.iter().zip(expected) {
        let k = GFp5Target::constant(&mut b, e);
        o.connect(&mut b, &k);
    }
    let eq_self = x.is_equal(&mut b, &x);
    let eq_other = x.is_equal(&mut b, &y);
    b.assert_one(eq_self.target);
    b.assert_zero(eq_other.target);
    let picked = x.select(&mut b, eq_other, &y);
    picked.connect(&mut b, &y);
    let data = b.build::<C>();
    let mut pw = PartialWitness::new();
    set5(&mut pw, &x, a);
    set5(&mut pw, &y, c);
    prove_and_verify(&data, pw);

    // A wrong expected value is caught.
    let mut pw = PartialWitness::new();
    set5(&mut pw, &x, a);
    set5(&mut pw, &y, a + Fp5::ONE);
    assert!(data.prove(pw).is_err());
}

#[test]
fn inverse_of_zero_fails() {
    let mut b = builder();
    let x = GFp5Target::new_virtual(&mut b);
    x.inverse(&mut b);
    let data = b.build::<C>();
    let mut pw = PartialWitness::new();
    set5(&mut pw, &x, Fp5::ZERO);
    assert!(data.prove(pw).is_err());
}

#[test]
fn point_ops_and_encoding_match_native() {
    let mut r = rng();
    let g = Point::generator();
    let p = g.mul(&rand_scalar(&mut r));
    let q = g.mul(&rand_scalar(&mut r));
    let mut b = builder();
    let pt = AffinePointTarget::new_virtual(&mut b);
    let qt = AffinePointTarget::new_virtual(&mut b);
    let pp = pt.to_projective(&mut b);
    let qp = qt.to_projective(&mut b);
    let neg_p = pt.neg(&mut b);
    let neutral = janus_prover::gadgets::ecgfp5::PointTarget::neutral(&mut b);
    let cases = [
        (pp.add(&mut b, &qp), p.add(&q)),
        (pp.add_affine(&mut b, &qt), p.add(&q)),
        (pp.double(&mut b), p.double()),
        (
            pp.double(&mut b).double(&mut b).add(&mut b, &qp),
            p.double().double().add(&q),
        ),
        (pp.add_affine(&mut b, &neg_p), Point::NEUTRAL),
        (neutral.double(&mut b), Point::NEUTRAL),
        (neutral.add_affine(&mut b, &qt), q),
        (pp, p),
    ];
    for (t, native) in cases {
        let w = encode_point(&mut b, &t);
        let k = GFp5Target::constant(&mut b, native.encode());
        w.connect(&mut b, &k);
    }
    let back = pp.add(&mut b, &qp).to_affine(&mut b);
    let (bx, bu) = affine(&p.add(&q)).expect("group element");
    let kx = GFp5Target::constant(&mut b, bx);
    let ku = GFp5Target::constant(&mut b, bu);
    back.x.connect(&mut b, &kx);
    back.u.connect(&mut b, &ku);
    let data = b.build::<C>();
    let mut pw = PartialWitness::new();
    set_point(&mut pw, &pt, &p);
    set_point(&mut pw, &qt, &q);
    prove_and_verify(&data, pw);
}

#[test]
fn double_base_multiplication_matches_native() {
    let mut r = rng();
    let g = Point::generator();
    let mut b = builder();
    let words: [Target; KEY_WORDS] = core::array::from_fn(|_| b.add_virtual_target());
    let (_, q) = decode_public_key(&mut b, &words);
    let s: [Target; SCALAR_DIGITS] = core::array::from_fn(|_| b.add_virtual_target());
    let e: [Target; CHALLENGE_DIGITS] = core::array::from_fn(|_| b.add_virtual_target());
    let out = mul_double_base(&mut b, &s, &e, &q);
    let w = encode_point(&mut b, &out);
    let expected = GFp5Target::new_virtual(&mut b);
    w.connect(&mut b, &expected);
    // s·G alone, and e·Q alone from e's bits.
    let sg = mul_generator(&mut b, &s);
    let w_sg = encode_point(&mut b, &sg);
    let expected_sg = GFp5Target::new_virtual(&mut b);
    w_sg.connect(&mut b, &expected_sg);
    let e_bits: Vec<_> = (0..256).map(|_| b.add_virtual_bool_target_safe()).collect();
    let e_from_bits = digits_from_bits(&mut b, &e_bits);
    let eq = mul_variable_base(&mut b, &e_from_bits, &q);
    let w_eq = encode_point(&mut b, &eq);
    let expected_eq = GFp5Target::new_virtual(&mut b);
    w_eq.connect(&mut b, &expected_eq);
    let data = b.build::<C>();
    // Witness generation (every copy constraint checked) for several random inputs, including
    // the extremes of the digit ranges; the full prove path is exercised by ecgfp5_schnorr.
    for case in 0..4 {
        let qn = g.mul(&rand_scalar(&mut r));
        let sv = match case {
            0 => Scalar::ZERO,
            1 => Scalar::ZERO - Scalar::ONE,
            _ => rand_scalar(&mut r),
        };
        let mut e_limbs: [u64; 5] = core::array::from_fn(|i| if i < 4 { r.gen() } else { 0 });
        if case == 1 {
            e_limbs = [u64::MAX, u64::MAX, u64::MAX, u64::MAX, 0];
        }
        let ev = Scalar::from_limbs(e_limbs).expect("< 2^256 < n");
        let mut pw = PartialWitness::new();
        set_key_words(&mut pw, &words, &qn.to_bytes()).expect("set");
        for (i, t) in s.iter().enumerate() {
            pw.set_target(*t, F::from_canonical_usize(sv.nibble(i)))
                .expect("set");
        }
        for (i, t) in e.iter().enumerate() {
            pw.set_target(*t, F::from_canonical_usize(ev.nibble(i)))
                .expect("set");
        }
        set5(&mut pw, &expected, g.mul(&sv).add(&qn.mul(&ev)).encode());
        set5(&mut pw, &expected_sg, g.mul(&sv).encode());
        set5(&mut pw, &expected_eq, qn.mul(&ev).encode());
        for (i, t) in e_bits.iter().enumerate() {
            pw.set_bool_target(*t, ev.bit(i)).expect("set");
        }
        generate_partial_witness(pw, &data.prover_only, &data.common).expect("consistent witness");
    }
}

fn key_circuit() -> (CircuitData<F, C, 2>, [Target; KEY_WORDS], GFp5Target) {
    let mut b = builder();
    let words: [Target; KEY_WORDS] = core::array::from_fn(|_| b.add_virtual_target());
    let (w, p) = decode_public_key(&mut b, &words);
    // Re-encoding the decoded point gives back w.
    let pp = p.to_projective(&mut b);
    let w2 = encode_point(&mut b, &pp);
    w2.connect(&mut b, &w);
    let expected_x = GFp5Target::new_virtual(&mut b);
    p.x.connect(&mut b, &expected_x);
    (b.build::<C>(), words, expected_x)
}

#[test]
fn public_key_decoding_matches_native() {
    let mut r = rng();
    let (data, words, ex) = key_circuit();
    let p = Point::generator().mul(&rand_scalar(&mut r));
    let mut pw = PartialWitness::new();
    set_key_words(&mut pw, &words, &p.to_bytes()).expect("set");
    set5(&mut pw, &ex, affine(&p).expect("group element").0);
    prove_and_verify(&data, pw);

    // Invalid encodings, all rejected natively too: neutral, non-canonical, off the curve.
    let mut off_curve = None;
    while off_curve.is_none() {
        let w = rand_fp5(&mut r);
        if !Point::validate(&w) {
            off_curve = Some(fp5_to_bytes(&w));
        }
    }
    let mut non_canonical = p.to_bytes();
    non_canonical[8..16].copy_from_slice(&(0xFFFF_FFFF_0000_0001u64 + 5).to_le_bytes());
    for bad in [[0u8; 40], non_canonical, off_curve.expect("found")] {
        assert!(janus_l2::keys::PublicKey::from_bytes(&bad).is_err());
        let mut pw = PartialWitness::new();
        set_key_words(&mut pw, &words, &bad).expect("set");
        assert!(
            data.prove(pw).is_err(),
            "invalid key encoding must not prove"
        );
    }
    // A word >= 2^32 (the same w as a valid key, split differently) is rejected.
    let good = p.to_bytes();
    let mut pw = PartialWitness::new();
    let mut ws = janus_prover::gadgets::ecgfp5::native::words_of(&good);
    ws[0] += F::from_canonical_u64(1 << 32);
    ws[1] -= F::ONE;
    for (t, v) in words.iter().zip(ws) {
        pw.set_target(*t, v).expect("set");
    }
    set5(&mut pw, &ex, affine(&p).expect("group element").0);
    assert!(data.prove(pw).is_err(), "a 33-bit word must not prove");
}

#[test]
fn word_comparisons_and_canonicity() {
    let c = [5u32, 0, 7];
    let mut b = builder();
    let x: [Target; 3] = core::array::from_fn(|_| b.add_virtual_target());
    for t in &x {
        b.range_check(*t, 32);
    }
    assert_words_lt_const(&mut b, &x, &c);
    let lo = b.add_virtual_target();
    let hi = b.add_virtual_target();
    b.range_check(lo, 32);
    b.range_check(hi, 32);
    canonical_from_words(&mut b, lo, hi);
    let data = b.build::<C>();
    let run = |xv: [u32; 3], (l, h): (u32, u32)| {
        let mut pw = PartialWitness::new();
        for (t, v) in x.iter().zip(xv) {
            pw.set_target(*t, F::from_canonical_u32(v)).expect("set");
        }
        pw.set_target(lo, F::from_canonical_u32(l)).expect("set");
        pw.set_target(hi, F::from_canonical_u32(h)).expect("set");
        generate_partial_witness(pw, &data.prover_only, &data.common).is_ok()
    };
    let ok = (0, u32::MAX); // p − 1 + 1 = 2^64 − 2^32: lo = 0 is the largest canonical
    assert!(run([4, 0, 7], ok)); // below in the lowest word
    assert!(run([u32::MAX, u32::MAX, 6], ok)); // below in the top word
    assert!(!run([5, 0, 7], ok)); // equal
    assert!(!run([6, 0, 7], ok)); // above in the lowest word
    assert!(!run([0, 1, 7], ok)); // above in a middle word
    assert!(!run([0, 0, 8], ok)); // above in the top word
    assert!(run([4, 0, 7], (u32::MAX, u32::MAX - 1)));
    assert!(!run([4, 0, 7], (1, u32::MAX))); // = p
                                             // One full proof of the valid case.
    let mut pw = PartialWitness::new();
    for (t, v) in x.iter().zip([4u32, 0, 7]) {
        pw.set_target(*t, F::from_canonical_u32(v)).expect("set");
    }
    pw.set_target(lo, F::ZERO).expect("set");
    pw.set_target(hi, F::from_canonical_u32(u32::MAX))
        .expect("set");
    prove_and_verify(&data, pw);
}
