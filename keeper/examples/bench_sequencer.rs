//! Sequencer throughput and soft-confirmation latency.
//!
//! `cargo run --release -p janus-keeper --example bench_sequencer -- [N] [RATE] [INTERVAL_MS] [THREADS]`
//!
//! N signed transfers (default 20000, from 500 accounts) are submitted through
//! `SequencerHandle::submit` (decode, admission checks, Schnorr verification outside the core lock,
//! mempool, store) by THREADS submitting threads (default 1; each owns a set of accounts, as
//! concurrent JSON-RPC requests would) — at RATE per second in all, or as fast as possible with
//! RATE = 0 — while another thread
//! produces a block every INTERVAL_MS (default 10) with `Core::produce_block` (apply_tx, state root,
//! EIP-712 signature, one durable store commit). Prints transfers/s and p50/p99 latency from
//! submission to the signed block, then the cost of the pieces (signature verification, apply_tx).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use alloy::primitives::{Address, B256};
use alloy::signers::local::PrivateKeySigner;
use janus_keeper::sequencer::{
    Core, DerivedTip, MempoolConfig, SequencerConfig, SequencerHandle, SoftConfirmer,
};
use janus_keeper::store::Store;
use janus_l2::batch::apply_tx;
use janus_l2::keys::SecretKey;
use janus_l2::tx::message::{L1Message, MessageKind};
use janus_l2::tx::record::{Transfer, Tx};
use janus_l2::tx::signing::{sign_tx, verify_tx};

const CHAIN: u64 = janus_l2::DEFAULT_CHAIN_ID;
const ACCOUNTS: u32 = 500;

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

fn key(i: u32) -> SecretKey {
    let mut seed = [0u8; 32];
    seed[..4].copy_from_slice(&i.to_be_bytes());
    SecretKey::from_seed(&seed)
}

fn pct(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let n = args.first().copied().unwrap_or(20_000) as usize;
    let rate = args.get(1).copied().unwrap_or(0);
    let interval_ms = args.get(2).copied().unwrap_or(10).max(1);
    let threads = args.get(3).copied().unwrap_or(1).max(1) as usize;

    // Keys and signed transfers (not timed): account i+1 sends to account i+2 (mod ACCOUNTS).
    let t = Instant::now();
    let keys: Vec<SecretKey> = (1..=ACCOUNTS).map(key).collect();
    let per = n.div_ceil(ACCOUNTS as usize) as u64;
    let mut txs = Vec::with_capacity(n);
    'outer: for nonce in 0..per {
        for a in 1..=ACCOUNTS {
            if txs.len() == n {
                break 'outer;
            }
            let mut tx = Tx::Transfer(Transfer {
                from: a,
                to: a % ACCOUNTS + 1,
                asset: 0,
                amount: 1,
                fee: 1,
                nonce,
                signature: [0; 80],
            });
            sign_tx(&mut tx, &keys[(a - 1) as usize], CHAIN).expect("sign");
            txs.push(tx.encode());
        }
    }
    println!(
        "setup: {} accounts, {} signed transfers in {:.1?}",
        ACCOUNTS,
        txs.len(),
        t.elapsed()
    );

    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path().join("db")).expect("store");
    let cfg = SequencerConfig {
        block_interval: Duration::from_millis(interval_ms),
        fee_account: 1,
        max_block_txs: 100_000,
        mempool: MempoolConfig {
            max_per_account: 1 << 20,
            max_total: 1 << 22,
            max_nonce_gap: 1 << 20,
        },
        ..Default::default()
    };
    let signer = PrivateKeySigner::from_bytes(&B256::repeat_byte(0x42)).expect("key");
    let confirmer = SoftConfirmer::new(signer, 31337, Address::repeat_byte(7), CHAIN);
    let mut core = Core::new(cfg, store, confirmer, &DerivedTip::genesis()).expect("core");
    for a in 1..=ACCOUNTS {
        core.on_message(L1Message {
            nonce: u64::from(a - 1),
            kind: MessageKind::NewAccount,
            l1_sender: [1; 20],
            account: a,
            l2_key: keys[(a - 1) as usize].public_key().to_bytes(),
            asset: 0,
            amount: 1_000_000_000,
        });
    }
    core.produce_block(now_ms())
        .expect("deposits")
        .expect("block");
    let handle = SequencerHandle::new(core, Address::ZERO);

    // Producer thread.
    let submitted: Arc<Mutex<HashMap<B256, Instant>>> = Arc::default();
    let done = Arc::new(AtomicBool::new(false));
    let producer = {
        let (handle, submitted, done) = (handle.clone(), submitted.clone(), done.clone());
        std::thread::spawn(move || {
            let mut lat = Vec::new();
            let (mut blocks, mut busy) = (0usize, Duration::ZERO);
            while !done.load(Ordering::Relaxed) || !handle.lock().mempool().is_empty() {
                std::thread::sleep(Duration::from_millis(interval_ms));
                let t = Instant::now();
                let b = handle.lock().produce_block(now_ms()).expect("produce");
                let Some(b) = b else { continue };
                busy += t.elapsed();
                blocks += 1;
                let at = Instant::now();
                let sub = submitted.lock().expect("lock");
                for h in b.tx_hashes() {
                    if let Some(s) = sub.get(&h) {
                        lat.push(at - *s);
                    }
                }
            }
            (lat, blocks, busy)
        })
    };

    let start = Instant::now();
    // Thread t submits the transfers of the accounts a with a % threads == t, in nonce order.
    let refused: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let (handle, submitted, txs) = (handle.clone(), submitted.clone(), &txs);
                scope.spawn(move || {
                    let mut refused = 0usize;
                    for (i, tx) in txs.iter().enumerate() {
                        if i % ACCOUNTS as usize % threads != t {
                            continue;
                        }
                        if rate > 0 {
                            let due = start + Duration::from_secs_f64(i as f64 / rate as f64);
                            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                                std::thread::sleep(wait);
                            }
                        }
                        let at = Instant::now();
                        match handle.submit(tx) {
                            Ok(h) => {
                                submitted.lock().expect("lock").insert(h, at);
                            }
                            Err(_) => refused += 1,
                        }
                    }
                    refused
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("worker")).sum()
    });
    let submit_time = start.elapsed();
    done.store(true, Ordering::Relaxed);
    let (mut lat, blocks, busy) = producer.join().expect("producer");
    let total = start.elapsed();
    lat.sort();
    println!(
        "N={} rate={} interval={}ms threads={}: {} confirmed in {:.2?} ({} blocks), refused {}",
        txs.len(),
        if rate == 0 {
            "max".to_string()
        } else {
            rate.to_string()
        },
        interval_ms,
        threads,
        lat.len(),
        total,
        blocks,
        refused
    );
    println!(
        "throughput: {:.0} transfers/s end to end (submission alone {:.0}/s; block production busy {:.2?})",
        lat.len() as f64 / total.as_secs_f64(),
        txs.len() as f64 / submit_time.as_secs_f64(),
        busy
    );
    println!(
        "latency submit → signed block: p50 {:.1?}  p99 {:.1?}  max {:.1?}",
        pct(&lat, 0.5),
        pct(&lat, 0.99),
        lat.last().copied().unwrap_or_default()
    );

    // The pieces, single-threaded.
    let state = handle.lock().state().clone();
    let sample: Vec<Tx> = txs
        .iter()
        .take(2000)
        .map(|r| Tx::decode(r).expect("decode"))
        .collect();
    let t = Instant::now();
    for tx in &sample {
        let Tx::Transfer(tr) = tx else { continue };
        let k = state.get(tr.from).expect("sender").key;
        let _ = verify_tx(tx, &k, CHAIN);
    }
    let verify = t.elapsed() / sample.len() as u32;
    let mut fresh = janus_l2::state::State::new();
    for a in 1..=ACCOUNTS {
        let mut acct =
            janus_l2::state::Account::new(keys[(a - 1) as usize].public_key().to_bytes());
        acct.balances[0] = 1_000_000_000;
        fresh.update(a, acct);
    }
    let t = Instant::now();
    for tx in sample.iter().take(ACCOUNTS as usize) {
        apply_tx(&mut fresh, 1, tx, CHAIN).expect("apply");
    }
    let apply = t.elapsed() / ACCOUNTS;
    let db_dir = tempfile::tempdir().expect("tempdir");
    let db = Store::open(db_dir.path().join("db")).expect("store");
    let t = Instant::now();
    for (i, r) in txs.iter().take(2000).enumerate() {
        db.mempool_insert_fast(i as u32, 0, r).expect("insert");
    }
    let row = t.elapsed() / 2000;
    println!(
        "per transfer: Schnorr verify {:.1?}, apply_tx (verify + 3 leaf updates, depth-32 Poseidon paths) {:.1?}, mempool row write {:.1?}",
        verify, apply, row
    );
}
