//! The batch circuit (2 slots, chain `CHAIN_ID`) against `janus_l2::batch::apply_batch`, and its
//! negative cases: state-transition errors and bad signatures (tampered, signed for another
//! chain, signed by another key) fail to prove. One circuit is built and shared by all tests.

mod batch_support;

use std::sync::OnceLock;

use batch_support::*;
use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::state::State;
use janus_l2::tx::{verify_tx, Tx};
use janus_l2::{BatchError, TxError, DEFAULT_CHAIN_ID, MAX_AMOUNT};
use janus_prover::circuit::witness::BatchWitness;
use janus_prover::prover::batch::{check_data_binding, BatchProof, BatchProver};
use janus_prover::ProverError;
use plonky2::iop::generator::generate_partial_witness;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

const SLOTS: usize = 2;

fn prover() -> &'static BatchProver {
    static P: OnceLock<BatchProver> = OnceLock::new();
    P.get_or_init(|| BatchProver::with_chain_id(SLOTS, CHAIN_ID).expect("circuit builds"))
}

fn ctx(batch: &Batch) -> BatchContext {
    BatchContext {
        chain_id: CHAIN_ID,
        msg_start: batch.messages.first().map(|m| m.nonce).unwrap_or(0),
        chain_before: [0; 32],
    }
}

/// Whether witness generation (every copy constraint) succeeds, without proving.
fn satisfiable(w: &BatchWitness) -> bool {
    let data = &prover().single().expect("one circuit").data;
    let pw = w.assign(prover().single().expect("one circuit")).expect("assigns");
    generate_partial_witness(pw, &data.prover_only, &data.common).is_ok()
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

/// The proof of a batch of two deposits (a new account, an existing one) from `genesis(2)`,
/// shared by the deposit and data-binding tests (one proof instead of two).
fn deposits_proof() -> &'static (State, Batch, BatchProof) {
    static P: OnceLock<(State, Batch, BatchProof)> = OnceLock::new();
    P.get_or_init(|| {
        let state = genesis(2);
        let batch = Batch {
            fee_account: 1,
            messages: vec![deposit_new(0, 5, 2, 77), deposit_existing(1, 1, 0, 3)],
            txs: vec![],
        };
        let proof = prover().prove_batch(&state, &batch).expect("proves");
        (state, batch, proof)
    })
}

#[test]
fn deposits_create_and_credit_accounts() {
    let (state, batch, proof) = deposits_proof();
    let mut expected = state.clone();
    let out = apply_batch(&mut expected, batch, &ctx(batch)).expect("valid");
    prover().verify(proof).expect("verifies");
    assert_eq!(proof.public.new_root, out.new_root);
    assert_eq!(expected.get(5).map(|a| a.balances[2]), Some(77));
}

#[test]
fn data_binding_rejects_other_data() {
    let (state, batch, proof) = deposits_proof();
    let data = batch.encode().expect("encodes");
    check_data_binding(&proof.public, &data).expect("bound");
    // Other data (one byte of the first record changed) with the same stored hash fails the
    // evaluation.
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
    // A proof of other records (a valid, signed transition) claiming this data's hash: y
    // differs, the binding check fails.
    let other_batch = Batch {
        fee_account: 2,
        messages: vec![],
        txs: vec![transfer(state, 1, 2, 0, 100, 1), Tx::Noop],
    };
    let mut w = BatchWitness::new(state, &other_batch, SLOTS).expect("witness");
    w.data_hash = proof.public.data_hash;
    let p = prover()
        .prove_witness(&w)
        .expect("still a valid transition");
    assert_eq!(p.public.data_hash, janus_l2::hash::keccak256(&data));
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
    // The honest witness satisfies every copy constraint (the bad ones below fail right there;
    // `random_batches_match_apply_batch` proves honest witnesses end to end).
    assert!(satisfiable(&base), "the honest witness is consistent");

    // Nonce: the record's nonce differs from the account's (the native check refuses it too).
    let mut tx = transfer(&state, 1, 2, 0, 100, 1);
    if let Tx::Transfer(t) = &mut tx {
        t.nonce += 1;
    }
    let tx = sign_with(tx, &key(1), CHAIN_ID); // a valid signature: only the nonce is wrong
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

/// `batch` is refused natively (bad signature) and its witness has no proof.
fn assert_signature_rejected(state: &State, batch: &Batch) {
    assert!(!satisfiable(
        &BatchWitness::new(state, batch, SLOTS).expect("witness")
    ));
    assert!(matches!(
        prover().prove_batch(state, batch),
        Err(ProverError::InvalidBatch(BatchError::InvalidTx {
            error: TxError::BadSignature(_),
            ..
        }))
    ));
    let w = BatchWitness::new(state, batch, SLOTS).expect("witness");
    assert!(rejected(&w), "the circuit accepted a bad signature");
}

fn one_tx(tx: Tx) -> Batch {
    Batch {
        fee_account: 3,
        messages: vec![],
        txs: vec![tx],
    }
}

fn signature_mut(tx: &mut Tx) -> &mut [u8; 80] {
    match tx {
        Tx::Transfer(t) => &mut t.signature,
        Tx::Withdraw(w) => &mut w.signature,
        Tx::Noop => panic!("a no-op has no signature"),
    }
}

#[test]
fn tampered_signature_is_rejected() {
    let state = genesis(3);
    let good = transfer(&state, 1, 2, 0, 100, 1);
    let w = BatchWitness::new(&state, &one_tx(good.clone()), SLOTS).expect("witness");
    assert!(
        satisfiable(&w),
        "control: the untampered batch is consistent"
    );
    let w =
        BatchWitness::new(&state, &one_tx(withdraw(&state, 2, 1, 5, 0)), SLOTS).expect("witness");
    assert!(
        satisfiable(&w),
        "control: the untampered withdrawal is consistent"
    );
    // One bit of the challenge h, one of the response s.
    for byte in [0, 45] {
        let mut tx = good.clone();
        signature_mut(&mut tx)[byte] ^= 1;
        assert_signature_rejected(&state, &one_tx(tx));
    }
    // A signed field changed after signing: the amount of a transfer, the L1 recipient of a
    // withdrawal (the signature itself is untouched).
    let mut tx = good.clone();
    if let Tx::Transfer(t) = &mut tx {
        t.amount -= 1;
    }
    assert_signature_rejected(&state, &one_tx(tx));
    let mut tx = withdraw(&state, 2, 1, 5, 0);
    if let Tx::Withdraw(w) = &mut tx {
        w.l1_recipient[19] ^= 1;
    }
    assert_signature_rejected(&state, &one_tx(tx));
    // Behind a valid deposit (the flag is per slot).
    let mut tx = good.clone();
    signature_mut(&mut tx)[79] ^= 0x80;
    let batch = Batch {
        messages: vec![deposit_existing(0, 1, 0, 5)],
        ..one_tx(tx)
    };
    assert_signature_rejected(&state, &batch);
}

#[test]
fn signature_for_another_chain_is_rejected() {
    let state = genesis(3);
    let tx = sign_with(transfer(&state, 1, 2, 0, 100, 1), &key(1), DEFAULT_CHAIN_ID);
    let sender_key = state.get(1).expect("exists").key;
    assert_eq!(verify_tx(&tx, &sender_key, DEFAULT_CHAIN_ID), Ok(()));
    assert_ne!(DEFAULT_CHAIN_ID, CHAIN_ID);
    assert_signature_rejected(&state, &one_tx(tx));
    let tx = sign_with(withdraw(&state, 2, 1, 5, 0), &key(2), CHAIN_ID + 1);
    assert_signature_rejected(&state, &one_tx(tx));
}

#[test]
fn signature_by_another_key_is_rejected() {
    let state = genesis(3);
    // Account 1's transfer signed by account 2's key (valid for key 2, not for the sender).
    let tx = sign_with(transfer(&state, 1, 2, 0, 100, 1), &key(2), CHAIN_ID);
    let key2 = state.get(2).expect("exists").key;
    assert_eq!(verify_tx(&tx, &key2, CHAIN_ID), Ok(()));
    assert_signature_rejected(&state, &one_tx(tx));
    // And a withdrawal signed by a key no account holds.
    let tx = sign_with(withdraw(&state, 2, 1, 5, 0), &key(77), CHAIN_ID);
    assert_signature_rejected(&state, &one_tx(tx));
}
