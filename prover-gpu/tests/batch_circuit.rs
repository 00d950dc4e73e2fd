//! The batch circuit (2 slots) against `janus_l2::batch::apply_batch`, and its negative cases.

mod batch_support;

use std::sync::OnceLock;

use batch_support::*;
use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::tx::Tx;
use janus_l2::{DEFAULT_CHAIN_ID, MAX_AMOUNT};
use janus_prover::circuit::witness::BatchWitness;
use janus_prover::prover::batch::{check_data_binding, BatchProver};
use janus_prover::ProverError;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

const SLOTS: usize = 2;

fn prover() -> &'static BatchProver {
    static P: OnceLock<BatchProver> = OnceLock::new();
    P.get_or_init(|| BatchProver::new(SLOTS).expect("circuit builds"))
}

fn ctx(batch: &Batch) -> BatchContext {
    BatchContext {
        chain_id: DEFAULT_CHAIN_ID,
        msg_start: batch.messages.first().map(|m| m.nonce).unwrap_or(0),
        chain_before: [0; 32],
    }
}

/// A bad witness must fail to prove or to verify.
fn rejected(w: &BatchWitness) -> bool {
    match prover().prove_witness(w) {
        Err(_) => true,
        Ok(p) => prover().verify(&p).is_err(),
    }
}

#[test]
fn random_batches_match_apply_batch() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let state = genesis(4);
    for round in 0..2 {
        let batch = random_batch(&mut rng, &state, SLOTS);
        let mut expected = state.clone();
        let out = apply_batch(&mut expected, &batch, &ctx(&batch)).expect("valid batch");
        let proof = prover().prove_batch(&state, &batch).expect("proves");
        prover().verify(&proof).expect("verifies");
        assert_eq!(proof.public.old_root, state.root());
        assert_eq!(proof.public.new_root, out.new_root);
        assert_eq!(proof.public.data_hash, out.data_hash);
        let data = batch.encode().expect("encodes");
        check_data_binding(&proof.public, &data).expect("bound to its data");
        // Serialization round trip, and determinism of the whole pipeline.
        let bytes = BatchProver::proof_to_bytes(&proof);
        if round == 0 {
            let again = prover().prove_batch(&state, &batch).expect("proves");
            assert_eq!(bytes, BatchProver::proof_to_bytes(&again));
        }
        let decoded = prover().proof_from_bytes(&bytes).expect("decodes");
        prover().verify(&decoded).expect("verifies");
    }
}

#[test]
fn deposits_create_and_credit_accounts() {
    let state = genesis(2);
    let batch = Batch {
        fee_account: 1,
        messages: vec![deposit_new(0, 5, 2, 77), deposit_existing(1, 1, 0, 3)],
        txs: vec![],
    };
    let mut expected = state.clone();
    let out = apply_batch(&mut expected, &batch, &ctx(&batch)).expect("valid");
    let proof = prover().prove_batch(&state, &batch).expect("proves");
    assert_eq!(proof.public.new_root, out.new_root);
    assert_eq!(expected.get(5).map(|a| a.balances[2]), Some(77));
}

#[test]
fn data_binding_rejects_other_data() {
    let state = genesis(3);
    let batch = Batch {
        fee_account: 3,
        messages: vec![],
        txs: vec![transfer(&state, 1, 2, 0, 100, 1), Tx::Noop],
    };
    let proof = prover().prove_batch(&state, &batch).expect("proves");
    let data = batch.encode().expect("encodes");
    check_data_binding(&proof.public, &data).expect("bound");
    // Other data (one amount byte changed) with the same stored hash fails the evaluation.
    let mut other = data.clone();
    other[13 + 40] ^= 1;
    let mut public = proof.public.clone();
    public.data_hash = janus_l2::hash::keccak256(&other);
    assert!(check_data_binding(&public, &other).is_err());
    assert!(check_data_binding(&proof.public, &other).is_err());
    // Tampered public inputs do not verify.
    let mut tampered = proof.clone();
    tampered.proof.public_inputs[18] += janus_prover::prover::F::from_canonical_u64(1);
    tampered.public =
        janus_prover::circuit::BatchPublicInputs::from_elements(&tampered.proof.public_inputs)
            .expect("decodes");
    assert!(prover().verify(&tampered).is_err());
    // A witness whose words differ from the hashed data changes y: the binding check fails.
    let mut w = BatchWitness::new(&state, &batch, SLOTS).expect("witness");
    w.slots[0].words[34] ^= 1; // last signature word: no state effect
    let p = prover()
        .prove_witness(&w)
        .expect("still a valid transition");
    assert!(check_data_binding(&p.public, &data).is_err());
}

use plonky2::field::types::Field;

#[test]
fn bad_nonce_balance_overflow_fee_and_path_are_rejected() {
    let state = genesis(3);
    let good = Batch {
        fee_account: 3,
        messages: vec![],
        txs: vec![transfer(&state, 1, 2, 0, 100, 1)],
    };
    let base = BatchWitness::new(&state, &good, SLOTS).expect("witness");
    assert!(!rejected(&base), "the honest witness proves");

    // Nonce: the record's nonce differs from the account's (the native check refuses it too).
    let mut tx = transfer(&state, 1, 2, 0, 100, 1);
    if let Tx::Transfer(t) = &mut tx {
        t.nonce += 1;
    }
    let bad = Batch {
        txs: vec![tx],
        ..good.clone()
    };
    assert!(matches!(
        prover().prove_batch(&state, &bad),
        Err(ProverError::InvalidBatch(_))
    ));
    assert!(rejected(
        &BatchWitness::new(&state, &bad, SLOTS).expect("witness")
    ));

    // Balance: spend more than the balance (1000).
    let bad = Batch {
        txs: vec![transfer(&state, 1, 2, 0, 1000, 1)],
        ..good.clone()
    };
    assert!(rejected(
        &BatchWitness::new(&state, &bad, SLOTS).expect("witness")
    ));

    // Overflow: the recipient's balance would exceed 2^63 - 1.
    let mut rich = state.clone();
    let mut a = rich.get(2).expect("exists").clone();
    a.balances[0] = MAX_AMOUNT - 10;
    rich.update(2, a);
    let bad = Batch {
        txs: vec![transfer(&rich, 1, 2, 0, 11, 0)],
        ..good.clone()
    };
    assert!(rejected(
        &BatchWitness::new(&rich, &bad, SLOTS).expect("witness")
    ));

    // Fee: the fee account does not exist.
    let bad = Batch {
        fee_account: 9,
        ..good.clone()
    };
    assert!(rejected(
        &BatchWitness::new(&state, &bad, SLOTS).expect("witness")
    ));
    // Fee: credited to another account than the header's.
    let mut w = base.clone();
    w.slots[0].updates[2] = BatchWitness::new(
        &state,
        &Batch {
            fee_account: 2,
            ..good.clone()
        },
        SLOTS,
    )
    .expect("witness")
    .slots[0]
        .updates[2]
        .clone();
    assert!(rejected(&w));

    // Merkle path: a wrong sibling in the recipient's proof.
    let mut w = base.clone();
    w.slots[0].updates[1].proof.siblings[3] = state.root();
    assert!(rejected(&w));

    // Ordering: a deposit after a transaction is not a valid layout.
    let mut w = base.clone();
    w.slots.swap(0, 1);
    assert!(rejected(&w));
}
