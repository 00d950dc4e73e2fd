//! The Merkle gadget computes exactly `janus_l2::state`'s roots and updates.

use janus_l2::hash::ZERO_DIGEST;
use janus_l2::state::{Account, State};
use janus_prover::gadgets::merkle::{add_path, root_from_leaf, set_path, update};
use janus_prover::prover::{build_deterministic, prove_deterministic, C, D, F};
use plonky2::field::types::Field;
use plonky2::iop::witness::{PartialWitness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::CircuitConfig;

fn account(k: u8, bal: u64) -> Account {
    let mut a = Account::new([k; 40]);
    a.balances[2] = bal;
    a
}

#[test]
fn merkle_gadget_matches_janus_l2_state() {
    let mut b = CircuitBuilder::<F, D>::new(CircuitConfig::standard_recursion_config());
    let index = b.add_virtual_target();
    let root = b.add_virtual_hash();
    let old_leaf = b.add_virtual_hash();
    let new_leaf = b.add_virtual_hash();
    let enabled = b.add_virtual_bool_target_safe();
    let path = add_path(&mut b, index);
    let computed = root_from_leaf(&mut b, old_leaf, &path);
    let updated = update(&mut b, root, &path, old_leaf, new_leaf, enabled);
    b.register_public_inputs(&computed.elements);
    b.register_public_inputs(&updated.elements);
    let data = build_deterministic::<F, C, D>(b).expect("builds");

    let state = State::from_accounts([
        (1, account(1, 10)),
        (2, account(2, 20)),
        (0xFFFF_FFFF, account(3, 30)),
        (1 << 17, account(4, 40)),
    ]);
    // (slot, new account): an existing slot (updated) and an empty one (created).
    for (slot, new) in [(2u32, account(9, 99)), (0x8000_0002, account(7, 1))] {
        let old = state
            .get(slot)
            .map(|a| a.leaf_hash())
            .unwrap_or(ZERO_DIGEST);
        let mut after = state.clone();
        after.update(slot, new.clone());
        let mut pw = PartialWitness::new();
        pw.set_target(index, F::from_canonical_u32(slot))
            .expect("set");
        pw.set_hash_target(root, state.root()).expect("set");
        pw.set_hash_target(old_leaf, old).expect("set");
        pw.set_hash_target(new_leaf, new.leaf_hash()).expect("set");
        pw.set_bool_target(enabled, true).expect("set");
        set_path(&mut pw, &path, &state.proof(slot)).expect("set");
        let proof = prove_deterministic(&data, pw).expect("proves");
        data.verify(proof.clone()).expect("verifies");
        assert_eq!(&proof.public_inputs[0..4], &state.root().elements);
        assert_eq!(&proof.public_inputs[4..8], &after.root().elements);
    }

    // A wrong sibling: the update's old-root check fails.
    let slot = 1u32;
    let mut bad = state.proof(slot);
    bad.siblings[5] = state.root();
    let mut pw = PartialWitness::new();
    pw.set_target(index, F::from_canonical_u32(slot))
        .expect("set");
    pw.set_hash_target(root, state.root()).expect("set");
    pw.set_hash_target(old_leaf, state.leaf(slot)).expect("set");
    pw.set_hash_target(new_leaf, ZERO_DIGEST).expect("set");
    pw.set_bool_target(enabled, true).expect("set");
    set_path(&mut pw, &path, &bad).expect("set");
    let rejected = match prove_deterministic(&data, pw) {
        Err(_) => true,
        Ok(p) => data.verify(p).is_err(),
    };
    assert!(rejected, "a wrong Merkle path must not prove");
}
