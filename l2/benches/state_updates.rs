//! State-tree and signature throughput (no criterion: `harness = false`).
//!
//! `cargo bench -p janus-l2 --bench state_updates` (release profile). Prints updates/s for
//! inserting fresh accounts and for updating existing ones in a tree of `N` accounts, Merkle
//! proofs/s, and Schnorr sign / verify per second.

use std::hint::black_box;
use std::time::Instant;

use janus_l2::keys::SecretKey;
use janus_l2::schnorr::{sign, verify};
use janus_l2::state::{Account, State};
use janus_l2::tx::{signing_message, Transfer, Tx};
use janus_l2::DEFAULT_CHAIN_ID;

fn lcg(x: &mut u64) -> u64 {
    *x = x
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *x >> 16
}

fn main() {
    let n: u32 = std::env::var("JANUS_BENCH_ACCOUNTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let mut s = State::new();
    let t = Instant::now();
    for i in 1..=n {
        let mut a = Account::new([(i % 251) as u8; 40]);
        a.balances[0] = i as u64;
        s.update(i, a);
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "insert {n} accounts: {:.2} s, {:.0} updates/s",
        dt,
        n as f64 / dt
    );

    let mut x = 1u64;
    let m = n.min(100_000);
    let t = Instant::now();
    for _ in 0..m {
        let i = (lcg(&mut x) % n as u64) as u32 + 1;
        let mut a = s.get(i).cloned().unwrap_or_else(|| Account::new([0; 40]));
        a.nonce += 1;
        s.update(i, a);
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "update {m} random existing accounts: {:.2} s, {:.0} updates/s",
        dt,
        m as f64 / dt
    );

    let t = Instant::now();
    let mut ok = 0usize;
    for _ in 0..m {
        let i = (lcg(&mut x) % n as u64) as u32 + 1;
        ok += black_box(s.proof(i)).siblings.len();
    }
    let dt = t.elapsed().as_secs_f64();
    println!("proofs: {:.0} proofs/s ({ok} siblings)", m as f64 / dt);

    let sk = SecretKey::from_seed(&[1; 32]);
    let pk = sk.public_key();
    let tx = Tx::Transfer(Transfer {
        from: 1,
        to: 2,
        asset: 0,
        amount: 5,
        fee: 1,
        nonce: 0,
        signature: [0; 80],
    });
    let msg = signing_message(&tx, DEFAULT_CHAIN_ID)
        .ok()
        .flatten()
        .unwrap_or_default();
    let k = 200;
    let t = Instant::now();
    let mut sig = sign(&sk, &msg);
    for _ in 1..k {
        sig = black_box(sign(&sk, &msg));
    }
    let dt = t.elapsed().as_secs_f64();
    println!("schnorr sign: {:.0} signatures/s", k as f64 / dt);
    let t = Instant::now();
    for _ in 0..k {
        assert!(verify(&pk, &msg, black_box(&sig)).is_ok());
    }
    let dt = t.elapsed().as_secs_f64();
    println!("schnorr verify: {:.0} verifications/s", k as f64 / dt);
}
