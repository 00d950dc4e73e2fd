//! Segmented proofs (spec `docs/l2-spec.md` §12.5): a batch proven as segments of 2 slots folded
//! by a tree of depth 2 (at most 8 records) gives one proof with exactly the batch proof's public
//! inputs; segments that skip, repeat or reorder records, start at another root, another batch
//! start or another `z`, or a tree that drops the last records, do not prove.

mod batch_support;

use std::sync::OnceLock;

use batch_support::*;
use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::state::{Account, State};
use janus_l2::tx::Tx;
use janus_prover::circuit::packing::{Fp2, MESSAGE_WORDS};
use janus_prover::circuit::records::{fp2, fp2_words, horner_native};
use janus_prover::circuit::witness::{segment_witnesses, BatchWitness, SegmentWitness, SlotKind};
use janus_prover::prover::batch::{check_data_binding, BatchProver, ProverShape};
use janus_prover::prover::{C, D, F};
use janus_prover::recursion::SegmentTree;
use janus_prover::ProverError;
use plonky2::field::types::{Field, PrimeField64};
use plonky2::plonk::proof::ProofWithPublicInputs;

type Proof = ProofWithPublicInputs<F, C, D>;

const SLOTS: usize = 2;
const DEPTH: usize = 2;

fn tree() -> &'static SegmentTree {
    static TREE: OnceLock<SegmentTree> = OnceLock::new();
    TREE.get_or_init(|| SegmentTree::new(SLOTS, CHAIN_ID, DEPTH, None).expect("builds"))
}

fn ctx() -> BatchContext {
    BatchContext {
        chain_id: CHAIN_ID,
        msg_start: 0,
        chain_before: [0; 32],
    }
}

/// 2 deposits, 3 transactions: segments `[dep, dep] [tx, tx] [tx, padding]`.
fn five_records() -> (State, Batch) {
    let s0 = genesis(4);
    let batch = Batch {
        fee_account: 3,
        messages: vec![deposit_new(0, 5, 0, 900), deposit_existing(1, 2, 1, 40)],
        txs: vec![
            transfer(&s0, 1, 5, 0, 100, 2),
            withdraw(&s0, 2, 1, 30, 1),
            transfer(&s0, 4, 1, 3, 5, 0),
        ],
    };
    (s0, batch)
}

struct Fixture {
    state: State,
    batch: Batch,
    witnesses: Vec<SegmentWitness>,
    segments: Vec<Proof>,
}

/// The five-record batch's segment witnesses and proofs (proven once for all tests).
fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let (state, batch) = five_records();
        let witnesses = segment_witnesses(&state, &batch, SLOTS).expect("witnesses");
        assert_eq!(witnesses.len(), 3);
        let segments = witnesses
            .iter()
            .map(|w| tree().prove_segment(w, None).expect("segment proves"))
            .collect::<Vec<_>>();
        for (w, p) in witnesses.iter().zip(&segments) {
            tree()
                .segment
                .data
                .verify(p.clone())
                .expect("segment verifies");
            assert_eq!(p.public_inputs, w.public.to_elements());
        }
        Fixture {
            state,
            batch,
            witnesses,
            segments,
        }
    })
}

/// Re-run the Horner chain of consecutive segments `ws` (from the batch's start) at `z`.
fn rechain(ws: &mut [SegmentWitness], z: Fp2, batch: &Batch) {
    let header = [
        1,
        batch.fee_account as u64,
        batch.messages.len() as u64,
        batch.txs.len() as u64,
    ];
    let mut y = fp2_words(horner_native(Fp2::ZERO, z, &header));
    for w in ws {
        w.public.shared.z = fp2_words(z);
        w.public.input.y = y;
        for slot in &w.slots {
            let words = match slot.kind {
                SlotKind::Padding => continue,
                SlotKind::Deposit => &slot.words[..MESSAGE_WORDS],
                _ => &slot.words[..],
            };
            y = fp2_words(horner_native(fp2(y), z, words));
        }
        w.public.output.y = y;
    }
}

fn rejected(result: Result<Proof, ProverError>, verify: impl Fn(&Proof) -> bool) -> bool {
    match result {
        Err(_) => true,
        Ok(p) => !verify(&p),
    }
}

fn node_rejects(level: usize, left: &Proof, right: &Proof, has_right: bool) -> bool {
    let node = &tree().levels[level - 1];
    rejected(node.prove_unchecked(left, right, has_right, None), |p| {
        node.verify(p).is_ok()
    })
}

fn segment_rejects(w: &SegmentWitness) -> bool {
    let seg = &tree().segment;
    let proof = w
        .assign(seg)
        .and_then(|pw| janus_prover::gpu::prove::prove_cpu(&seg.data, pw));
    rejected(proof, |p| seg.data.verify(p.clone()).is_ok())
}

#[test]
fn segmented_batch_has_the_batch_proof_public_inputs() {
    let f = fixture();
    let t = tree();
    assert_eq!(t.max_records(), 8);
    let (root, public) = t.prove_batch(&f.state, &f.batch, None).expect("proves");
    t.root().verify(&root).expect("verifies");

    // Exactly what one batch circuit of 6 slots would expose, and what L1 checks.
    let expected = BatchWitness::new(&f.state, &f.batch, 6)
        .expect("witness")
        .expected;
    assert_eq!(public, expected);
    let mut after = f.state.clone();
    apply_batch(&mut after, &f.batch, &ctx()).expect("valid");
    assert_eq!(public.new_root, after.root());
    check_data_binding(&public, &f.batch.encode().expect("encodes")).expect("binds the data");

    // The tree folded the fixture's segment proofs (deterministic proofs: same bytes).
    let level1 = t.fold_level(1, &f.segments, None).expect("level 1");
    assert_eq!(level1.len(), 2);
    let top = t.fold_level(2, &level1, None).expect("root");
    assert_eq!(top[0].public_inputs, root.public_inputs);
}

#[test]
fn the_bound_proves_and_one_more_record_is_refused() {
    let t = tree();
    let s0 = genesis(4);
    let mut work = s0.clone();
    let mut txs = Vec::new();
    for i in 0..8u32 {
        let from = 1 + i % 4;
        let tx = transfer(&work, from, 1 + (i + 1) % 4, 0, 10 + i as u64, 1);
        let one = Batch {
            fee_account: 1,
            messages: vec![],
            txs: vec![tx.clone()],
        };
        apply_batch(&mut work, &one, &ctx()).expect("valid");
        txs.push(tx);
    }
    let full = Batch {
        fee_account: 1,
        messages: vec![],
        txs: txs.clone(),
    };
    let (root, public) = t.prove_batch(&s0, &full, None).expect("8 records prove");
    t.root().verify(&root).expect("verifies");
    assert_eq!(public.new_root, work.root());
    check_data_binding(&public, &full.encode().expect("encodes")).expect("binds");

    let mut over = full;
    over.txs.push(Tx::Noop);
    assert!(matches!(
        t.prove_batch(&s0, &over, None),
        Err(ProverError::TooManyRecords {
            records: 9,
            slots: 8
        })
    ));
}

#[test]
fn folding_refuses_skipped_repeated_reordered_and_discontinuous_segments() {
    let f = fixture();
    let s = &f.segments;
    let node = &tree().levels[0];
    // Honest order folds.
    node.prove(&s[0], Some(&s[1]), None).expect("consecutive");
    for (l, r, what) in [
        (0, 2, "skip"),
        (0, 0, "repeat"),
        (1, 0, "reorder"),
        (2, 1, "reorder"),
    ] {
        assert!(
            matches!(
                node.prove(&s[l], Some(&s[r]), None),
                Err(ProverError::NotConsecutive(_))
            ),
            "{what} refused natively"
        );
        assert!(
            node_rejects(1, &s[l], &s[r], true),
            "{what}: the circuit proves it"
        );
    }

    // A segment with the same records, binding chain and counts, but run from another state
    // root (an extra account in the state): a valid segment proof that does not continue s[0].
    let mut other = f.state.clone();
    let mut extra = Account::new(key(8).public_key().to_bytes());
    extra.balances = [1, 0, 0, 0];
    other.update(8, extra);
    let moved = segment_witnesses(&other, &f.batch, SLOTS).expect("witnesses");
    assert_eq!(moved[1].public.input.h, f.witnesses[1].public.input.h);
    assert_ne!(moved[1].public.input.root, f.witnesses[1].public.input.root);
    let moved1 = tree()
        .prove_segment(&moved[1], None)
        .expect("proves on its own");
    assert!(matches!(
        node.prove(&s[0], Some(&moved1), None),
        Err(ProverError::NotConsecutive(_))
    ));
    assert!(
        node_rejects(1, &s[0], &moved1, true),
        "root discontinuity proves"
    );
}

#[test]
fn the_root_refuses_a_truncated_chain_or_one_not_starting_at_the_batch() {
    let f = fixture();
    let s = &f.segments;
    let t = tree();
    let n01 = t.levels[0].prove(&s[0], Some(&s[1]), None).expect("folds");
    let n2 = t.levels[0].prove(&s[2], None, None).expect("folds");
    // Honest: both children.
    t.root().prove(&n01, Some(&n2), None).expect("root proves");
    assert!(
        node_rejects(2, &n01, &n2, false),
        "a dropped last segment proves"
    );

    // The first four records only, under the five-record header, at the z their own chain gives
    // (so the chain and z agree): only the counts tell the header's fifth record is missing.
    let mut ws = f.witnesses[..2].to_vec();
    let h = ws[1].public.output.h.elements;
    rechain(
        &mut ws,
        fp2([h[0], h[1]].map(|x| x.to_canonical_u64())),
        &f.batch,
    );
    let proofs: Vec<Proof> = ws
        .iter()
        .map(|w| t.prove_segment(w, None).expect("segment proves"))
        .collect();
    let n = t.levels[0]
        .prove(&proofs[0], Some(&proofs[1]), None)
        .expect("folds");
    assert!(
        node_rejects(2, &n, &n, false),
        "a batch missing its last record proves"
    );

    // A chain that starts at the second segment.
    let n12 = t.levels[0].prove(&s[1], Some(&s[2]), None).expect("folds");
    assert!(
        node_rejects(2, &n12, &n12, false),
        "chain from segment 1 proves"
    );
}

#[test]
fn a_segment_checks_the_order_of_records_across_its_start() {
    let f = fixture();
    // Segment 0 holds deposits: it cannot follow a transaction or padding.
    let mut w = f.witnesses[0].clone();
    w.public.input.prev_deposit = false;
    assert!(segment_rejects(&w), "deposit after a transaction proves");
    let mut w = f.witnesses[0].clone();
    w.public.input.prev_padding = true;
    w.public.input.prev_deposit = false;
    assert!(segment_rejects(&w), "deposit after padding proves");
    // Segment 1 holds transactions: after padding it cannot.
    let mut w = f.witnesses[1].clone();
    w.public.input.prev_padding = true;
    w.public.input.prev_deposit = false;
    assert!(segment_rejects(&w), "record after padding proves");
    // The honest witness of segment 1 with a deposit flag before it proves (tx after deposit).
    assert_eq!(f.witnesses[1].slots[0].kind, SlotKind::Transfer);
    assert!(f.witnesses[1].public.input.prev_deposit);
}

#[test]
fn the_root_refuses_segments_evaluated_at_another_z() {
    let f = fixture();
    let t = tree();
    // Every segment re-run at z + 1 (so they chain with each other): y changes, the Poseidon
    // chain does not, and its final value is not the z the segments used.
    let mut ws = f.witnesses.clone();
    let other_z = fp2(ws[0].public.shared.z) + Fp2::ONE;
    rechain(&mut ws, other_z, &f.batch);
    let proofs: Vec<Proof> = ws
        .iter()
        .map(|w| t.prove_segment(w, None).expect("a segment proves at any z"))
        .collect();
    let level1 = t.fold_level(1, &proofs, None).expect("they chain");
    assert!(
        node_rejects(2, &level1[0], &level1[1], true),
        "root accepts a z that is not the chain's"
    );
}

#[test]
fn a_segmented_batch_prover_proves_for_l1_up_to_its_bound() {
    let prover =
        BatchProver::with_shape(ProverShape::segmented(2, 1), CHAIN_ID, None).expect("builds");
    assert_eq!(prover.max_records(), 4);
    assert!(prover.single().is_none() && prover.tree().is_some());
    let s0 = genesis(3);
    let batch = Batch {
        fee_account: 2,
        messages: vec![deposit_existing(0, 3, 0, 70)],
        txs: vec![transfer(&s0, 1, 3, 0, 25, 1), withdraw(&s0, 2, 1, 9, 0)],
    };
    let proof = prover.prove_batch(&s0, &batch).expect("proves");
    prover.verify(&proof).expect("verifies");
    let expected = BatchWitness::new(&s0, &batch, 4).expect("witness").expected;
    assert_eq!(proof.public, expected, "a batch proof's public inputs");
    let data = batch.encode().expect("encodes");
    check_data_binding(&proof.public, &data).expect("binds");
    let back = prover
        .proof_from_bytes(&BatchProver::proof_to_bytes(&proof))
        .expect("decodes");
    assert_eq!(back.public, proof.public);
    // What L1 takes: the root wrapped (Keccak), verified and encoded after z.
    let l1 = prover.l1_proof(std::slice::from_ref(&proof), &[0x11; 20]).expect("L1 proof");
    assert_eq!(&l1[..8], &proof.public.z[0].to_be_bytes());
    assert_eq!(&l1[8..16], &proof.public.z[1].to_be_bytes());

    let mut over = batch.clone();
    over.txs.extend([Tx::Noop, Tx::Noop]);
    assert!(matches!(
        prover.prove_batch(&s0, &over),
        Err(ProverError::TooManyRecords {
            records: 5,
            slots: 4
        })
    ));
    let mut bad = batch;
    bad.txs[0] = transfer(&s0, 1, 3, 0, 1_000_000, 1);
    assert!(matches!(
        prover.prove_batch(&s0, &bad),
        Err(ProverError::InvalidBatch(_))
    ));
}
