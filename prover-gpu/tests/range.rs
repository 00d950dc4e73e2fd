//! Range proofs (spec `docs/l2-spec.md` §12.6): consecutive batch proofs of a 2-slot circuit
//! folded by a range tree of depth 2 (at most 4 batches) give one proof whose public inputs are
//! `old_root ‖ new_root ‖ chain of the links`; runs that break the root chain or the link chain,
//! or do not start at the chain's zero, do not prove.

mod batch_support;

use std::sync::OnceLock;

use batch_support::*;
use janus_l2::batch::{apply_batch, Batch, BatchContext};
use janus_l2::tx::Tx;
use janus_prover::prover::batch::{check_data_binding, BatchProof, BatchProver, ProverShape};
use janus_prover::prover::F;
use janus_prover::recursion::range::{chain_prefixes, chain_start, link_chain};
use janus_prover::ProverError;

const SLOTS: usize = 2;
const RANGE_DEPTH: usize = 2;

struct Fixture {
    prover: BatchProver,
    /// Four consecutive batch proofs from genesis, with their data.
    proofs: Vec<BatchProof>,
    data: Vec<Vec<u8>>,
}

/// Four consecutive batches: a deposit and a transfer, a withdrawal, an empty batch, no-ops.
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let shape = ProverShape::single(SLOTS).with_range_depth(RANGE_DEPTH);
        let prover = BatchProver::with_shape(shape, CHAIN_ID, None).expect("builds");
        let ctx = BatchContext {
            chain_id: CHAIN_ID,
            msg_start: 0,
            chain_before: [0; 32],
        };
        let mut s = genesis(3);
        let mut batches = vec![Batch {
            fee_account: 3,
            messages: vec![deposit_existing(0, 2, 0, 40)],
            txs: vec![transfer(&s, 1, 2, 0, 100, 1)],
        }];
        let mut states = vec![s.clone()];
        apply_batch(&mut s, &batches[0], &ctx).expect("valid");
        states.push(s.clone());
        batches.push(Batch {
            fee_account: 1,
            messages: vec![],
            txs: vec![withdraw(&s, 2, 1, 5, 0)],
        });
        apply_batch(&mut s, &batches[1], &ctx).expect("valid");
        states.push(s.clone());
        batches.push(Batch {
            fee_account: 2,
            messages: vec![],
            txs: vec![],
        });
        apply_batch(&mut s, &batches[2], &ctx).expect("valid");
        states.push(s.clone());
        batches.push(Batch {
            fee_account: 2,
            messages: vec![],
            txs: vec![Tx::Noop, Tx::Noop],
        });
        let proofs = states
            .iter()
            .zip(&batches)
            .map(|(st, b)| prover.prove_batch(st, b).expect("proves"))
            .collect();
        let data = batches
            .iter()
            .map(|b| b.encode().expect("encodes"))
            .collect();
        Fixture {
            prover,
            proofs,
            data,
        }
    })
}

fn pis(proofs: &[BatchProof]) -> Vec<&[F]> {
    proofs
        .iter()
        .map(|p| p.proof.public_inputs.as_slice())
        .collect()
}

#[test]
fn a_range_of_three_proves_its_roots_and_link_chain_and_wraps_for_l1() {
    let f = fixture();
    let run = &f.proofs[0..3];
    let range = f.prover.prove_range(run).expect("folds");
    f.prover
        .range_tree()
        .unwrap()
        .root()
        .verify(&range.proof)
        .expect("verifies");
    assert_eq!(range.public.old_root, run[0].public.old_root);
    assert_eq!(range.public.new_root, run[2].public.new_root);
    assert_eq!(range.public.chain, link_chain(&pis(run)).unwrap());
    // The chain is the hash of each link on the previous value, from zero.
    let prefixes = chain_prefixes(&pis(run)).unwrap();
    assert_eq!(prefixes[0], chain_start());
    assert_ne!(prefixes[2], prefixes[3], "every link moves the chain");
    for (p, d) in run.iter().zip(&f.data) {
        check_data_binding(&p.public, d).expect("each batch binds its own data");
    }
    // What L1 takes: the three evaluation points, then the wrapped proof.
    let l1 = f.prover.l1_proof(run, &[0x11; 20]).expect("L1 proof");
    for (i, p) in run.iter().enumerate() {
        assert_eq!(&l1[16 * i..16 * i + 8], &p.public.z[0].to_be_bytes());
        assert_eq!(&l1[16 * i + 8..16 * i + 16], &p.public.z[1].to_be_bytes());
    }
}

#[test]
fn a_range_of_one_and_a_full_range_prove() {
    let f = fixture();
    for run in [&f.proofs[1..2], &f.proofs[..]] {
        let range = f.prover.prove_range(run).expect("folds");
        assert_eq!(range.public.old_root, run[0].public.old_root);
        assert_eq!(range.public.new_root, run[run.len() - 1].public.new_root);
        assert_eq!(range.public.chain, link_chain(&pis(run)).unwrap());
        assert_eq!(range.z.len(), run.len());
    }
}

#[test]
fn ranges_that_are_empty_too_long_or_not_consecutive_are_refused_before_proving() {
    let f = fixture();
    assert!(matches!(
        f.prover.prove_range(&[]),
        Err(ProverError::RangeSize { batches: 0, max: 4 })
    ));
    let five: Vec<BatchProof> = f.proofs.iter().chain(&f.proofs[..1]).cloned().collect();
    assert!(matches!(
        f.prover.prove_range(&five),
        Err(ProverError::RangeSize { batches: 5, max: 4 })
    ));
    let skipped = [f.proofs[0].clone(), f.proofs[2].clone()];
    assert!(matches!(
        f.prover.prove_range(&skipped),
        Err(ProverError::Discontinuity { .. })
    ));
    let swapped = [f.proofs[1].clone(), f.proofs[0].clone()];
    assert!(matches!(
        f.prover.prove_range(&swapped),
        Err(ProverError::Discontinuity { .. })
    ));
}

/// A level-1 node joins two batches only when the right one starts where the left one ends.
#[test]
fn a_node_refuses_a_skipped_batch() {
    let f = fixture();
    let level1 = &f.prover.range_tree().unwrap().levels[0];
    let (a, c) = (&f.proofs[0].proof, &f.proofs[2].proof);
    assert!(level1
        .prove_unchecked(a, c, true, chain_start(), None)
        .is_err());
    // The same pair with the right child switched off proves the left batch alone.
    let alone = level1
        .prove_unchecked(a, c, false, chain_start(), None)
        .expect("left alone");
    assert_eq!(
        &alone.public_inputs[12..16],
        &link_chain(&pis(&f.proofs[..1])).unwrap().elements
    );
}

/// The root joins two runs only when the right run's chain starts at the left run's end, and
/// only runs whose chain starts at zero.
#[test]
fn the_root_refuses_a_broken_link_chain_and_a_chain_not_starting_at_zero() {
    let f = fixture();
    let tree = f.prover.range_tree().unwrap();
    let (level1, root) = (&tree.levels[0], &tree.levels[1]);
    let c = chain_prefixes(&pis(&f.proofs)).unwrap();
    let p = |i: usize| &f.proofs[i].proof;
    let left = level1
        .prove(p(0), Some(p(1)), c[0], None)
        .expect("batches 1-2");
    // Batches 3-4 hashed onto the wrong chain value (zero instead of c_2): the roots continue,
    // the chain does not.
    let wrong = level1
        .prove(p(2), Some(p(3)), chain_start(), None)
        .expect("a node proves any chain start");
    assert!(matches!(
        root.prove(&left, Some(&wrong), chain_start(), None),
        Err(ProverError::NotConsecutive(_))
    ));
    assert!(root
        .prove_unchecked(&left, &wrong, true, chain_start(), None)
        .is_err());
    let right = level1
        .prove(p(2), Some(p(3)), c[2], None)
        .expect("batches 3-4");
    let whole = root
        .prove(&left, Some(&right), chain_start(), None)
        .expect("batches 1-4");
    assert_eq!(&whole.public_inputs[8..12], &c[4].elements);
    // A run of batches 3-4 alone on chain value c_2: its links are right, but its chain would
    // claim the first two batches too. The root refuses it.
    assert!(root
        .prove_unchecked(&right, &right, false, chain_start(), None)
        .is_err());
    // Roots: a right run that starts elsewhere than the left one ends.
    let again = level1
        .prove(p(0), Some(p(1)), c[2], None)
        .expect("batches 1-2 on c_2");
    assert!(root
        .prove_unchecked(&left, &again, true, chain_start(), None)
        .is_err());
}
