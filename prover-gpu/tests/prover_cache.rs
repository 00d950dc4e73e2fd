//! The prover-data cache (`janus_prover::cache`): a circuit saved at its first build is loaded at
//! the next, equal to the built one and proving the same bytes; a damaged file is rebuilt; keys
//! separate every input that changes a circuit.

mod batch_support;

use batch_support::*;
use janus_l2::batch::Batch;
use janus_prover::cache::{CacheKey, Origin, ProverCache};
use janus_prover::circuit::BatchCircuit;
use janus_prover::prover::batch::BatchProver;
use plonky2::field::types::Field;
use plonky2::hash::hash_types::HashOut;

const SLOTS: usize = 1;

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("janus-prover-cache-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

#[test]
fn cached_circuits_load_equal_and_prove_the_same_bytes() {
    let dir = temp_dir("roundtrip");
    let cache = ProverCache::new(&dir);
    let built = BatchProver::with_cache(SLOTS, CHAIN_ID, Some(cache.clone())).expect("builds");
    assert_eq!(built.single().expect("one circuit").origin, Origin::Built);
    assert_eq!(built.wrapper().expect("wrapper").origin, Origin::Built);
    assert_eq!(
        built.range_tree().expect("range tree").root().origin,
        Origin::Built
    );
    let saved = files(&dir);
    assert_eq!(saved.len(), 3, "batch, range root and wrapper saved: {saved:?}");
    for kind in ["batch-", "range-root-", "wrapper-"] {
        assert!(saved.iter().any(|f| f.starts_with(kind)), "{kind}: {saved:?}");
    }

    let loaded = BatchProver::with_cache(SLOTS, CHAIN_ID, Some(cache)).expect("loads");
    assert_eq!(loaded.single().expect("one circuit").origin, Origin::Loaded);
    assert_eq!(loaded.wrapper().expect("wrapper").origin, Origin::Loaded);
    assert_eq!(
        loaded.range_tree().expect("range tree").root().origin,
        Origin::Loaded
    );
    assert!(
        loaded.single().expect("one circuit").data == built.single().expect("one circuit").data,
        "batch circuit data differs"
    );
    assert!(
        loaded.wrapper().unwrap().data == built.wrapper().unwrap().data,
        "wrapper data differs"
    );

    // The same batch proven with the built and with the loaded circuits: identical bytes, at
    // both levels, and each verifies with the other's data.
    let state = genesis(2);
    let batch = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![transfer(&state, 1, 2, 0, 10, 1)],
    };
    let (a, b) = (
        built.prove_batch(&state, &batch).expect("proves"),
        loaded.prove_batch(&state, &batch).expect("proves"),
    );
    assert_eq!(
        BatchProver::proof_to_bytes(&a),
        BatchProver::proof_to_bytes(&b)
    );
    built
        .verify(&b)
        .expect("loaded proof verifies with built data");
    let payee = [7u8; 20];
    let (wa, wb) = (
        built
            .wrap(
                &built.prove_range(std::slice::from_ref(&a)).expect("folds"),
                &payee,
            )
            .expect("wraps"),
        loaded
            .wrap(
                &loaded.prove_range(std::slice::from_ref(&b)).expect("folds"),
                &payee,
            )
            .expect("wraps"),
    );
    assert_eq!(wa.to_bytes(), wb.to_bytes());
    built.verify_wrapped(&wb).expect("verifies");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn damaged_cache_file_is_rebuilt_and_replaced() {
    let dir = temp_dir("damaged");
    let cache = ProverCache::new(&dir);
    let first = BatchCircuit::with_cache(SLOTS, CHAIN_ID, Some(&cache)).expect("builds");
    let name = files(&dir).pop().expect("saved");
    let path = dir.join(&name);
    let len = std::fs::metadata(&path).unwrap().len();

    // Truncated (a crash mid-copy, a full disk): rebuilt, and the file written anew.
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let again = BatchCircuit::with_cache(SLOTS, CHAIN_ID, Some(&cache)).expect("rebuilds");
    assert_eq!(again.origin, Origin::Built);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), len);

    // One flipped payload byte that still decodes into other data must not pass either: here it
    // hits the digest check or the decoder; either way the circuit is rebuilt.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[48] ^= 0xff; // inside the recorded digest
    std::fs::write(&path, &bytes).unwrap();
    let again = BatchCircuit::with_cache(SLOTS, CHAIN_ID, Some(&cache)).expect("rebuilds");
    assert_eq!(again.origin, Origin::Built);

    // Garbage under the name: rebuilt.
    std::fs::write(&path, b"not a circuit").unwrap();
    let again = BatchCircuit::with_cache(SLOTS, CHAIN_ID, Some(&cache)).expect("rebuilds");
    assert_eq!(again.origin, Origin::Built);
    assert!(again.data == first.data);

    // And the rewritten file loads.
    let last = BatchCircuit::with_cache(SLOTS, CHAIN_ID, Some(&cache)).expect("loads");
    assert_eq!(last.origin, Origin::Loaded);
    assert_eq!(files(&dir), vec![name], "no temporary file left behind");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_circuit_for_other_parameters_has_its_own_file() {
    let dir = temp_dir("params");
    let cache = ProverCache::new(&dir);
    let a = BatchCircuit::with_cache(SLOTS, CHAIN_ID, Some(&cache)).expect("builds");
    let b = BatchCircuit::with_cache(SLOTS, CHAIN_ID + 1, Some(&cache)).expect("builds");
    assert_eq!((a.origin, b.origin), (Origin::Built, Origin::Built));
    assert_ne!(
        a.data.verifier_only.circuit_digest,
        b.data.verifier_only.circuit_digest
    );
    assert_eq!(files(&dir).len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_key_input_changes_the_key() {
    let h = |x: u64| HashOut {
        elements: [plonky2::field::goldilocks_field::GoldilocksField::from_canonical_u64(x); 4],
    };
    let base = CacheKey::new("batch", &[16, 7], 1000, 20, None);
    let variants = [
        CacheKey::new("wrapper", &[16, 7], 1000, 20, None),
        CacheKey::new("batch", &[17, 7], 1000, 20, None),
        CacheKey::new("batch", &[16, 8], 1000, 20, None),
        CacheKey::new("batch", &[16, 7, 0], 1000, 20, None),
        CacheKey::new("batch", &[16, 7], 1001, 20, None),
        CacheKey::new("batch", &[16, 7], 1000, 21, None),
        CacheKey::new("batch", &[16, 7], 1000, 20, Some(h(0))),
        CacheKey::new("batch", &[16, 7], 1000, 20, Some(h(1))),
    ];
    assert_eq!(base, CacheKey::new("batch", &[16, 7], 1000, 20, None));
    for (i, v) in variants.iter().enumerate() {
        assert_ne!(v.hash, base.hash, "variant {i} has the base key");
        for w in &variants[i + 1..] {
            assert_ne!(v.hash, w.hash);
        }
    }
    assert!(base.file_name().starts_with("batch-") && base.file_name().ends_with(".plonky2"));
    assert_eq!(janus_prover::cache::CIRCUIT_FINGERPRINT.len(), 64);
}
