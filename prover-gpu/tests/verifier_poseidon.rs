//! The native Solidity Poseidon (`contracts/verifier/generated/PoseidonGoldilocks.sol`, emitted by
//! `janus_prover::verifier::poseidon`) against plonky2: this test writes permutation and
//! `hash_no_pad` vectors computed by plonky2's `PoseidonHash` to
//! `test/fixtures/verifier/poseidon.json` (checked by `test/verifier/PoseidonGoldilocks.t.sol`),
//! and checks that the committed vectors and the committed generated library are byte-identical to
//! what it would write now.
//! Regenerate after a deliberate change with:
//! `JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test verifier_poseidon`.

mod vector_support;

use vector_support::{splitmix64, P};
use plonky2::field::goldilocks_field::GoldilocksField;
use plonky2::field::types::{Field, PrimeField64};
use plonky2::hash::poseidon::PoseidonHash;
use plonky2::plonk::config::Hasher;

use janus_prover::verifier::poseidon::{permute, poseidon_library_sol, LIBRARY_PATH};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../test/fixtures/verifier/poseidon.json"
);


/// The fixed pseudo-random stream of [`splitmix64`].
struct Stream(u64);

impl Stream {
    fn next(&mut self) -> u64 {
        splitmix64(&mut self.0)
    }

    /// A canonical element, biased towards the edges (0, 1, p−1, p−2, 2^32, 2^63) one time in four.
    fn elem(&mut self) -> u64 {
        let r = self.next();
        if r % 4 == 0 {
            [0, 1, P - 1, P - 2, 1 << 32, 1 << 63, P - (1 << 32)][(r >> 8) as usize % 7]
        } else {
            self.next() % P
        }
    }
}

fn arr(v: &[u64]) -> String {
    let items: Vec<String> = v.iter().map(|x| format!("\"{x}\"")).collect();
    format!("[{}]", items.join(", "))
}

fn hash_no_pad(input: &[u64]) -> [u64; 4] {
    let els: Vec<GoldilocksField> = input
        .iter()
        .map(|&x| GoldilocksField::from_canonical_u64(x))
        .collect();
    let h = PoseidonHash::hash_no_pad(&els);
    h.elements.map(|x| x.to_canonical_u64())
}

fn vectors() -> String {
    let mut s = Stream(0x504f_5345_4944_4f4e); // "POSEIDON"
    let mut perms: Vec<[u64; 12]> = vec![
        [0; 12],
        [P - 1; 12],
        core::array::from_fn(|i| i as u64),
        core::array::from_fn(|i| if i % 2 == 0 { 0 } else { P - 1 }),
        core::array::from_fn(|i| if i == 0 { P - 1 } else { 0 }),
        core::array::from_fn(|i| if i == 11 { 1 } else { 0 }),
    ];
    for _ in 0..10 {
        perms.push(core::array::from_fn(|_| s.elem()));
    }
    let mut out = String::from("{\n  \"permutations\": [\n");
    for (i, inp) in perms.iter().enumerate() {
        let o = permute(*inp);
        let sep = if i + 1 == perms.len() { "" } else { "," };
        out.push_str(&format!(
            "    {{\"input\": {}, \"output\": {}}}{sep}\n",
            arr(inp),
            arr(&o)
        ));
    }
    out.push_str("  ],\n  \"hashes\": [\n");
    let lens = [0usize, 1, 7, 8, 9, 16, 24, 36, 36];
    for (i, &n) in lens.iter().enumerate() {
        let inp: Vec<u64> = if i + 1 == lens.len() {
            vec![P - 1; n]
        } else {
            (0..n).map(|_| s.elem()).collect()
        };
        let h = hash_no_pad(&inp);
        let sep = if i + 1 == lens.len() { "" } else { "," };
        out.push_str(&format!(
            "    {{\"input\": {}, \"output\": {}}}{sep}\n",
            arr(&inp),
            arr(&h)
        ));
    }
    out.push_str(&format!(
        "  ],\n  \"permutationCount\": {},\n  \"hashCount\": {}\n}}\n",
        perms.len(),
        lens.len()
    ));
    out
}

#[test]
fn poseidon_vectors_and_library_are_current() {
    // The vectors' own sanity: plonky2's hash_no_pad of nothing is the zero state's prefix, and of
    // <= 8 elements is one permutation of the overwritten zero state.
    assert_eq!(hash_no_pad(&[]), [0; 4]);
    let one = permute(core::array::from_fn(|i| if i == 0 { 5 } else { 0 }));
    assert_eq!(hash_no_pad(&[5]), [one[0], one[1], one[2], one[3]]);

    let json = vectors();
    let sol = poseidon_library_sol();
    let lib = concat!(env!("CARGO_MANIFEST_DIR"), "/..").to_string() + "/" + LIBRARY_PATH;
    if std::env::var_os("JANUS_WRITE_VECTORS").is_some() {
        for (path, text) in [(FIXTURE.to_string(), &json), (lib.clone(), &sol)] {
            std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
            std::fs::write(&path, text).unwrap();
        }
    }
    let committed = std::fs::read_to_string(FIXTURE).unwrap_or_default();
    assert!(
        committed == json,
        "test/fixtures/verifier/poseidon.json is stale: regenerate with JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test verifier_poseidon"
    );
    let committed = std::fs::read_to_string(&lib).unwrap_or_default();
    assert!(
        committed == sol,
        "{LIBRARY_PATH} is stale: regenerate with JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test verifier_poseidon"
    );
}

/// The generator's constants come from plonky2's tables: the emitted round-constant table is
/// `ALL_ROUND_CONSTANTS`, and the fast partial rounds agree with plonky2's naive permutation
/// (plonky2's own consistency property, re-checked on our vectors' inputs).
#[test]
fn generator_uses_plonky2_tables() {
    use plonky2::hash::poseidon::{Poseidon, ALL_ROUND_CONSTANTS};
    let sol = poseidon_library_sol();
    let hex: String = ALL_ROUND_CONSTANTS
        .iter()
        .map(|c| format!("{c:016x}"))
        .collect();
    assert!(sol.contains(&hex));
    let mut s = Stream(7);
    for _ in 0..4 {
        let inp: [GoldilocksField; 12] =
            core::array::from_fn(|_| GoldilocksField::from_canonical_u64(s.elem()));
        assert_eq!(
            <GoldilocksField as Poseidon>::poseidon(inp),
            <GoldilocksField as Poseidon>::poseidon_naive(inp)
        );
    }
    let _ = GoldilocksField::ZERO;
}
