//! Aggregation of two consecutive batch proofs, its continuity check, and the Keccak wrapper.

mod batch_support;

use batch_support::*;
use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::tx::Tx;
use janus_prover::circuit::{BatchPublicInputs, BATCH_PUBLIC_INPUTS};
use janus_prover::prover::batch::{BatchProver, Inner};
use janus_prover::recursion::prover_limbs;
use janus_prover::recursion::wrap::wrapper_security_bits;
use plonky2::field::types::PrimeField64;
use janus_prover::ProverError;

#[test]
fn aggregate_two_batches_reject_discontinuity_and_wrap() {
    let prover = BatchProver::with_chain_id(2, CHAIN_ID).expect("builds");
    let s0 = genesis(3);
    let b1 = Batch {
        fee_account: 3,
        messages: vec![deposit_existing(0, 2, 0, 40)],
        txs: vec![transfer(&s0, 1, 2, 0, 100, 1)],
    };
    let mut s1 = s0.clone();
    let ctx = BatchContext {
        chain_id: CHAIN_ID,
        msg_start: 0,
        chain_before: [0; 32],
    };
    apply_batch(&mut s1, &b1, &ctx).expect("valid");
    let b2 = Batch {
        fee_account: 1,
        messages: vec![],
        txs: vec![withdraw(&s1, 2, 1, 5, 0), Tx::Noop],
    };
    let proofs = prover.prove_batches(&s0, &[b1, b2]).expect("proves");
    let (p1, p2) = (&proofs[0], &proofs[1]);
    assert_eq!(p1.public.new_root, p2.public.old_root);

    let agg = prover.aggregate(p1, p2).expect("aggregates");
    prover
        .aggregation()
        .expect("built")
        .verify(&agg)
        .expect("verifies");
    let pis = &agg.public_inputs;
    assert_eq!(pis.len(), 8 + 2 * (BATCH_PUBLIC_INPUTS - 8));
    assert_eq!(&pis[0..4], &p1.public.old_root.elements);
    assert_eq!(&pis[4..8], &p2.public.new_root.elements);
    // Both data bindings are exposed, left then right.
    let left: Vec<_> = p1.public.to_elements()[8..].to_vec();
    let right: Vec<_> = p2.public.to_elements()[8..].to_vec();
    assert_eq!(&pis[8..20], &left[..]);
    assert_eq!(&pis[20..32], &right[..]);
    let _ = BatchPublicInputs::from_elements(&p1.proof.public_inputs).expect("batch pis");

    // Discontinuity: right before left. Refused natively, and the circuit cannot prove it.
    assert!(matches!(
        prover.aggregate(p2, p1),
        Err(ProverError::Discontinuity { .. })
    ));
    let agg_circuit = prover.aggregation().expect("built");
    let forged = agg_circuit.prove_unchecked(&p2.proof, &p1.proof, prover.gpu());
    assert!(match forged {
        Err(_) => true,
        Ok(p) => agg_circuit.verify(&p).is_err(),
    });

    // Wrapper: Keccak transcript, ≥ 100 bits, the inner public inputs then the prover's
    // address, stock verification.
    assert!(wrapper_security_bits() >= 100);
    let mut who = [0u8; 20];
    who[0] = 0xab;
    who[19] = 0x01;
    let wrapped = prover
        .wrap(Inner::Aggregate(&agg), &who)
        .expect("wraps");
    prover.verify_wrapped(&wrapped, true).expect("verifies");
    let n = agg.public_inputs.len();
    assert_eq!(&wrapped.public_inputs[..n], &agg.public_inputs[..]);
    assert_eq!(&wrapped.public_inputs[n..], &prover_limbs(&who)[..]);
    assert_eq!(
        prover_limbs(&who).map(|l| l.to_canonical_u64()),
        [0xab_0000_0000, 0, 0, 1]
    );
    // A copied proof claimed for another address does not verify.
    let mut copied = wrapped.clone();
    copied.public_inputs[n + 3] = prover_limbs(&[0x22; 20])[3];
    assert!(prover.verify_wrapped(&copied, true).is_err());
}
