//! The Rust side of the verifier differential test (`docs/verifier.md`, "Differential tests").
//!
//! On the first fixture batch of the target circuit (`test/fixtures/verifier/batches/00.wrapped`),
//! plonky2's own `verify` must accept the valid proof and reject one mutation of every class of
//! field of the proof: the three Merkle caps, one element of each opening group, for every FRI
//! query round one leaf value and one Merkle sibling of each of the 4 initial trees and one
//! evaluation and one Merkle sibling of each reduction step, each commit-phase cap, a final
//! polynomial coefficient, the PoW witness and every public input (the 4 prover-address limbs
//! included). The Solidity verifier rejects the same classes (`test/verifier/Fri.t.sol`,
//! `test/verifier/JanusVerifier.t.sol`), so both give the same answer on the valid proof and on
//! every mutated one.
//!
//! Each mutation is also encoded ([`encode_proof`]): the L1 bytes must change exactly inside the
//! range [`ProofLayout`] gives for that field (the public inputs are not part of the encoding:
//! they must leave it unchanged), and the valid proof's encoding must be the `proof` bytes of
//! `test/fixtures/verifier/wrapped-proof.json` (what `Fri.t.sol` mutates) and, after the 16-byte
//! evaluation point, of `batches/00.proof` (what `JanusVerifier.t.sol` flips bytes of). So a
//! mutated plonky2 field and a mutated calldata byte range are the same change.
//!
//! `cargo test -p janus-prover --test verifier_differential -- --nocapture`

use std::collections::BTreeMap;
use std::ops::Range;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use janus_prover::prover::{D, F};
use janus_prover::recursion::{WrapC, WrapperCircuit};
use janus_prover::verifier::encode::{
    encode_proof, ProofLayout, BASE_BYTES, EXT_BYTES, HASH_BYTES,
};
use janus_prover::verifier::generate::{target_prover, FIXTURE_DIR};
use plonky2::field::extension::Extendable;
use plonky2::field::types::Field;
use plonky2::hash::hash_types::BytesHash;
use plonky2::plonk::proof::ProofWithPublicInputs;

type P = ProofWithPublicInputs<F, WrapC, D>;
type Ext = <F as Extendable<D>>::Extension;

/// Public inputs the wrapper appends: the prover's address limbs.
const PROVER_LIMBS: usize = janus_prover::recursion::PROVER_LIMBS;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn flip(h: &mut BytesHash<HASH_BYTES>, byte: usize) {
    h.0[byte] ^= 0x01;
}

fn bump(x: &mut F) {
    *x += F::ONE;
}

fn bump_ext(x: &mut Ext) {
    *x += Ext::ONE;
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

/// The `proof` bytes of `wrapped-proof.json` (what `Fri.t.sol` mutates).
fn solidity_fixture_proof() -> Vec<u8> {
    let path = root().join("test/fixtures/verifier/wrapped-proof.json");
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let key = "\"proof\": \"0x";
    let start = json.find(key).expect("wrapped-proof.json has \"proof\"") + key.len();
    let len = json[start..].find('"').expect("closing quote");
    unhex(&json[start..start + len])
}

struct Harness<'a> {
    wrapper: &'a WrapperCircuit,
    valid: P,
    encoded: Vec<u8>,
    /// Mutations run, per class.
    counts: BTreeMap<&'static str, usize>,
    /// Mutations whose encoding was checked against the layout.
    l1_checked: usize,
    /// Rejections that were a panic rather than an error (reported, still a rejection).
    panics: usize,
    /// plonky2's error for the first mutation of each class.
    first_error: BTreeMap<&'static str, String>,
}

impl Harness<'_> {
    /// Apply `mutate` to a copy of the valid proof; plonky2 must reject it, and its encoding
    /// must differ from the valid one exactly inside `l1` (`None`: not part of the encoding, so
    /// no byte may change).
    fn reject(
        &mut self,
        class: &'static str,
        what: String,
        l1: Option<Range<usize>>,
        mutate: impl FnOnce(&mut P),
    ) {
        let mut m = self.valid.clone();
        mutate(&mut m);
        assert!(
            m != self.valid,
            "{class} {what}: the mutation changed nothing"
        );

        let common = &self.wrapper.data.common;
        let enc = encode_proof(&m, common).expect("a mutated value keeps the proof's shape");
        assert_eq!(enc.len(), self.encoded.len());
        let changed: Vec<usize> = (0..enc.len())
            .filter(|&i| enc[i] != self.encoded[i])
            .collect();
        match &l1 {
            Some(r) => {
                assert!(
                    !changed.is_empty(),
                    "{class} {what}: the L1 encoding did not change"
                );
                assert!(
                    changed.iter().all(|i| r.contains(i)),
                    "{class} {what}: L1 bytes {:?}..={:?} changed, ProofLayout says {r:?}",
                    changed.first(),
                    changed.last()
                );
                self.l1_checked += 1;
            }
            None => assert!(
                changed.is_empty(),
                "{class} {what}: not in the encoding, yet L1 bytes changed"
            ),
        }

        let w = self.wrapper;
        match catch_unwind(AssertUnwindSafe(|| w.verify(&m))) {
            Ok(Ok(())) => panic!("{class} {what}: plonky2 accepted the mutated proof"),
            Ok(Err(e)) => {
                self.first_error
                    .entry(class)
                    .or_insert_with(|| format!("{what}: {e}"));
            }
            Err(_) => {
                eprintln!("{class} {what}: plonky2's verify panicked (counted as a rejection)");
                self.panics += 1;
            }
        }
        *self.counts.entry(class).or_default() += 1;
    }
}

#[test]
fn plonky2_rejects_every_mutation_class() -> Result<(), Box<dyn std::error::Error>> {
    let t0 = std::time::Instant::now();
    let prover = target_prover()?;
    let wrapper = prover.wrapper()?;
    let common = &wrapper.data.common;
    eprintln!("wrapper circuit built in {:.1?}", t0.elapsed());

    let path = root().join(FIXTURE_DIR).join("00.wrapped");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let valid = P::from_bytes(bytes, common)?;
    wrapper.verify(&valid)?;

    let l = ProofLayout::new(common)?;
    let encoded = encode_proof(&valid, common)?;
    assert_eq!(encoded.len(), l.total);
    assert!(
        encoded == solidity_fixture_proof(),
        "the encoding of 00.wrapped is not the proof of wrapped-proof.json (the Solidity \
         mutation tests' proof): regenerate it (verifier_fri)"
    );

    // `00.proof` (what `JanusVerifier.t.sol` flips bytes of) is `z0 ‖ z1` (16 bytes) followed
    // by the same encoding.
    let l1 = std::fs::read(root().join(FIXTURE_DIR).join("00.proof"))?;
    assert!(
        l1.len() == 16 + encoded.len() && l1[16..] == encoded[..],
        "00.proof is not z ‖ encode_proof(00.wrapped)"
    );

    let n_pis = valid.public_inputs.len();
    let n_steps = l.arity_bits.len();
    assert!(n_pis > PROVER_LIMBS, "public inputs: {n_pis}");
    assert!(n_steps > 0 && l.initial_siblings > 0 && l.final_poly_len > 0);

    let mut h = Harness {
        wrapper,
        valid,
        encoded,
        counts: BTreeMap::new(),
        l1_checked: 0,
        panics: 0,
        first_error: BTreeMap::new(),
    };
    let hash_at = |off: usize, i: usize, byte: usize| {
        let at = off + i * HASH_BYTES + byte;
        at..at + 1
    };

    // The three Merkle caps: one byte of one hash each.
    let caps = [
        ("wires", l.off_wires_cap),
        ("zs-partial-products", l.off_zs_cap),
        ("quotient", l.off_quotient_cap),
    ];
    for (k, (name, off)) in caps.into_iter().enumerate() {
        let (i, byte) = ((5 * k + 1) % l.cap_len, (7 * k + 3) % HASH_BYTES);
        h.reject(
            "cap",
            format!("{name} cap[{i}] byte {byte}"),
            Some(hash_at(off, i, byte)),
            |p| {
                let pr = &mut p.proof;
                let cap = match k {
                    0 => &mut pr.wires_cap,
                    1 => &mut pr.plonk_zs_partial_products_cap,
                    _ => &mut pr.quotient_polys_cap,
                };
                flip(&mut cap.0[i], byte);
            },
        );
    }

    // Openings: one element of each group.
    let groups = [
        "constants",
        "plonk_sigmas",
        "wires",
        "plonk_zs",
        "plonk_zs_next",
        "partial_products",
        "quotient_polys",
    ];
    let mut before = 0;
    for (g, name) in groups.into_iter().enumerate() {
        let n = l.openings[g];
        assert!(n > 0, "opening group {name} is empty");
        let i = (3 * g + n / 2) % n;
        let at = l.off_openings + (before + i) * EXT_BYTES;
        h.reject(
            "opening",
            format!("{name}[{i}]"),
            Some(at..at + EXT_BYTES),
            |p| {
                let o = &mut p.proof.openings;
                let v = match g {
                    0 => &mut o.constants,
                    1 => &mut o.plonk_sigmas,
                    2 => &mut o.wires,
                    3 => &mut o.plonk_zs,
                    4 => &mut o.plonk_zs_next,
                    5 => &mut o.partial_products,
                    _ => &mut o.quotient_polys,
                };
                bump_ext(&mut v[i]);
            },
        );
        before += n;
    }

    // Commit-phase caps: one byte of one hash of each.
    for s in 0..n_steps {
        let (i, byte) = ((3 * s + 2) % l.cap_len, (11 * s + 5) % HASH_BYTES);
        let off = l.off_commit_caps + s * l.cap_len * HASH_BYTES;
        h.reject(
            "commit-phase cap",
            format!("step {s} cap[{i}] byte {byte}"),
            Some(hash_at(off, i, byte)),
            |p| {
                flip(
                    &mut p.proof.opening_proof.commit_phase_merkle_caps[s].0[i],
                    byte,
                )
            },
        );
    }

    // Final polynomial: one coefficient.
    let c = l.final_poly_len / 2;
    let at = l.off_final_poly + c * EXT_BYTES;
    h.reject(
        "final polynomial",
        format!("coeff {c}"),
        Some(at..at + EXT_BYTES),
        |p| bump_ext(&mut p.proof.opening_proof.final_poly.coeffs[c]),
    );

    // PoW witness.
    h.reject(
        "pow witness",
        "pow_witness + 1".to_string(),
        Some(l.off_pow..l.off_pow + BASE_BYTES),
        |p| bump(&mut p.proof.opening_proof.pow_witness),
    );

    // Every query round: each initial tree's leaf and sibling, each step's evaluation and sibling.
    for r in 0..l.num_queries {
        let mut at = l.off_queries + r * l.query_bytes;
        for o in 0..4 {
            let n = l.oracle_polys[o];
            let k = (7 * r + 3 * o) % n;
            let leaf = at + k * BASE_BYTES;
            h.reject(
                "initial leaf",
                format!("round {r} oracle {o} value {k}"),
                Some(leaf..leaf + BASE_BYTES),
                |p| {
                    let q = &mut p.proof.opening_proof.query_round_proofs[r];
                    bump(&mut q.initial_trees_proof.evals_proofs[o].0[k]);
                },
            );
            at += n * BASE_BYTES;
            let (s, byte) = ((r + o) % l.initial_siblings, (r * 4 + o) % HASH_BYTES);
            h.reject(
                "initial sibling",
                format!("round {r} oracle {o} sibling {s} byte {byte}"),
                Some(hash_at(at, s, byte)),
                |p| {
                    let q = &mut p.proof.opening_proof.query_round_proofs[r];
                    flip(
                        &mut q.initial_trees_proof.evals_proofs[o].1.siblings[s],
                        byte,
                    );
                },
            );
            at += l.initial_siblings * HASH_BYTES;
        }
        for t in 0..n_steps {
            let arity = 1usize << l.arity_bits[t];
            let e = (5 * r + t) % arity;
            let ev = at + e * EXT_BYTES;
            h.reject(
                "step evaluation",
                format!("round {r} step {t} eval {e}"),
                Some(ev..ev + EXT_BYTES),
                |p| {
                    let q = &mut p.proof.opening_proof.query_round_proofs[r];
                    bump_ext(&mut q.steps[t].evals[e]);
                },
            );
            at += arity * EXT_BYTES;
            let ns = l.step_siblings[t];
            if ns > 0 {
                let (s, byte) = ((r + t) % ns, (3 * r + t) % HASH_BYTES);
                h.reject(
                    "step sibling",
                    format!("round {r} step {t} sibling {s} byte {byte}"),
                    Some(hash_at(at, s, byte)),
                    |p| {
                        let q = &mut p.proof.opening_proof.query_round_proofs[r];
                        flip(&mut q.steps[t].merkle_proof.siblings[s], byte);
                    },
                );
            }
            at += ns * HASH_BYTES;
        }
        assert_eq!(at, l.off_queries + (r + 1) * l.query_bytes);
    }

    // Every public input (L1 rebuilds them: not in the encoding); the last 4 are the prover's
    // address limbs.
    for i in 0..n_pis {
        let class = if i >= n_pis - PROVER_LIMBS {
            "public input (prover limb)"
        } else {
            "public input"
        };
        h.reject(class, format!("[{i}]"), None, |p| {
            bump(&mut p.public_inputs[i])
        });
    }

    // The count each class must reach, from the layout alone.
    let step_sibling_steps = l.step_siblings.iter().filter(|&&s| s > 0).count();
    let expected: BTreeMap<&str, usize> = [
        ("cap", 3),
        ("opening", 7),
        ("commit-phase cap", n_steps),
        ("final polynomial", 1),
        ("pow witness", 1),
        ("initial leaf", 4 * l.num_queries),
        ("initial sibling", 4 * l.num_queries),
        ("step evaluation", n_steps * l.num_queries),
        ("step sibling", step_sibling_steps * l.num_queries),
        ("public input", n_pis - PROVER_LIMBS),
        ("public input (prover limb)", PROVER_LIMBS),
    ]
    .into_iter()
    .collect();
    assert_eq!(
        h.counts, expected,
        "mutations run per class differ from what the layout implies"
    );
    let total: usize = h.counts.values().sum();
    let expected_total: usize = expected.values().sum();
    assert_eq!(total, expected_total);
    assert!(
        step_sibling_steps > 0,
        "no reduction step has Merkle siblings"
    );

    for (class, n) in &h.counts {
        let e = h
            .first_error
            .get(class)
            .map(String::as_str)
            .unwrap_or("(panic)");
        eprintln!("  {class}: {n} (first: {e})");
    }
    eprintln!(
        "plonky2 rejected {total} mutations ({} of them panics); {} L1 encodings changed exactly \
         at the ProofLayout offsets, {} public-input mutations left the encoding unchanged; \
         {:.1?} in all",
        h.panics,
        h.l1_checked,
        n_pis,
        t0.elapsed()
    );
    assert_eq!(h.l1_checked + n_pis, total);
    Ok(())
}
