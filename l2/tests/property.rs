//! Property-style tests with seeded random batches: conservation of value, incremental root ==
//! root from scratch, atomicity of invalid batches, Merkle proofs, data round trips.

mod common;

use common::{transfer, withdraw, Queue};
use janus_l2::batch::{apply_batch, apply_batch_data, Batch};
use janus_l2::state::{verify_proof, State};
use janus_l2::tx::Tx;
use janus_l2::NUM_ASSETS;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Shadow model: balances and nonces per account, to generate valid transactions.
struct Model {
    balances: Vec<[u64; NUM_ASSETS]>,
    nonces: Vec<u64>,
}

fn totals(s: &State) -> [u128; NUM_ASSETS] {
    let mut t = [0u128; NUM_ASSETS];
    for (_, a) in s.accounts() {
        for (i, b) in a.balances.iter().enumerate() {
            t[i] += *b as u128;
        }
    }
    t
}

#[test]
fn random_batches_preserve_invariants() {
    let mut rng = ChaCha8Rng::seed_from_u64(0x4A41_4E55);
    let mut q = Queue::new();
    let mut s = State::new();
    let mut model = Model {
        balances: vec![[0; NUM_ASSETS]],
        nonces: vec![0],
    };
    let mut deposited = [0u128; NUM_ASSETS];
    let mut withdrawn = [0u128; NUM_ASSETS];
    let fee_account = q.new_account(200, 0, 0);
    model.balances.push([0; NUM_ASSETS]);
    model.nonces.push(0);

    for round in 0..12 {
        // Deposits: a few new accounts and top-ups.
        for _ in 0..rng.gen_range(0..4) {
            let asset = rng.gen_range(0..NUM_ASSETS as u32);
            let amount = rng.gen_range(0..1_000_000u64);
            let seed = model.balances.len() as u8;
            let acct = q.new_account(seed, asset, amount);
            assert_eq!(acct as usize, model.balances.len());
            let mut b = [0; NUM_ASSETS];
            b[asset as usize] = amount;
            model.balances.push(b);
            model.nonces.push(0);
            deposited[asset as usize] += amount as u128;
        }
        if model.balances.len() > 2 {
            for _ in 0..rng.gen_range(0..3) {
                let acct = rng.gen_range(1..model.balances.len()) as u32;
                let asset = rng.gen_range(0..NUM_ASSETS as u32);
                let amount = rng.gen_range(1..10_000u64);
                q.deposit(acct, asset, amount);
                model.balances[acct as usize][asset as usize] += amount;
                deposited[asset as usize] += amount as u128;
            }
        }
        // Transactions that the model says are valid (deposits apply first, so the model
        // already includes them).
        let mut txs = Vec::new();
        let n = model.balances.len() as u32;
        for _ in 0..rng.gen_range(0..6) {
            if n < 3 {
                break;
            }
            let from = rng.gen_range(2..n);
            let asset = rng.gen_range(0..NUM_ASSETS);
            let bal = model.balances[from as usize][asset];
            if bal == 0 {
                txs.push(Tx::Noop);
                continue;
            }
            let amount = rng.gen_range(0..=bal);
            let fee = rng.gen_range(0..=(bal - amount).min(50));
            let nonce = model.nonces[from as usize];
            model.balances[from as usize][asset] -= amount + fee;
            model.nonces[from as usize] += 1;
            model.balances[fee_account as usize][asset] += fee;
            if rng.gen_bool(0.7) {
                let to = rng.gen_range(1..n);
                model.balances[to as usize][asset] += amount;
                txs.push(transfer(&q, from, to, asset as u32, amount, fee, nonce));
            } else {
                withdrawn[asset] += amount as u128;
                txs.push(withdraw(
                    &q,
                    from,
                    [round as u8 + 1; 20],
                    asset as u32,
                    amount,
                    fee,
                    nonce,
                ));
            }
        }
        let (messages, ctx) = q.take();
        let batch = Batch {
            fee_account,
            messages,
            txs,
        };
        let data = batch.encode().expect("encode");
        assert_eq!(Batch::decode(&data).as_ref(), Ok(&batch));

        // Appending an invalid transaction (replayed nonce) must fail the whole batch and leave
        // the state untouched.
        if let Some(Tx::Transfer(t)) = batch.txs.iter().find(|t| matches!(t, Tx::Transfer(_))) {
            let mut bad = batch.clone();
            bad.txs.push(Tx::Transfer(t.clone()));
            let before = s.root();
            assert!(apply_batch(&mut s, &bad, &ctx).is_err());
            assert_eq!(s.root(), before);
            assert_eq!(s.root(), s.recompute_root());
        }

        let out = apply_batch_data(&mut s, &data, &ctx).expect("model-valid batch applies");
        assert_eq!(out.new_root, s.root());
        assert_eq!(
            s.root(),
            s.recompute_root(),
            "incremental root == root from scratch"
        );
        let t = totals(&s);
        for i in 0..NUM_ASSETS {
            assert_eq!(t[i], deposited[i] - withdrawn[i], "asset {i} conserved");
        }
        for (i, b) in model.balances.iter().enumerate().skip(1) {
            let a = s.get(i as u32).expect("account exists");
            assert_eq!(&a.balances, b);
            assert_eq!(a.nonce, model.nonces[i]);
            assert!(verify_proof(&s.root(), &a.leaf_hash(), &s.proof(i as u32)));
        }
    }
    assert!(
        withdrawn.iter().sum::<u128>() > 0,
        "the run exercised withdrawals"
    );
    assert!(
        s.get(fee_account)
            .map_or(0, |a| a.balances.iter().sum::<u64>())
            > 0,
        "fees were paid"
    );
}

#[test]
fn random_tree_operations_match_rebuild() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut s = State::new();
    let mut present: Vec<u32> = Vec::new();
    for step in 0..300 {
        if !present.is_empty() && rng.gen_bool(0.25) {
            let i = present.swap_remove(rng.gen_range(0..present.len()));
            assert!(s.remove(i).is_some());
        } else {
            let i: u32 = if rng.gen_bool(0.5) {
                rng.gen_range(0..64)
            } else {
                rng.gen()
            };
            let mut a = janus_l2::state::Account::new([rng.gen(); 40]);
            a.nonce = rng.gen_range(0..1000);
            a.balances[rng.gen_range(0..NUM_ASSETS)] = rng.gen_range(0..1 << 62);
            if !present.contains(&i) {
                present.push(i);
            }
            s.update(i, a);
        }
        if step % 50 == 0 {
            assert_eq!(s.root(), s.recompute_root());
        }
    }
    assert_eq!(s.root(), s.recompute_root());
    assert_eq!(s.len(), present.len());
}
