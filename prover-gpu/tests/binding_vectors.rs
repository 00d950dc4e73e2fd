//! Cross-language vectors for the data binding `y = P(z)` (spec `docs/l2-spec.md` §12): L1's
//! `contracts/libraries/DataBinding.sol` (checked by `test/DataBinding.t.sol`) must compute the
//! same `P(z)` from batch data calldata as `circuit::packing::evaluate` does here. This test builds
//! several batch datas (the real batch of `test/fixtures/l2-vectors.json`, an empty batch, a
//! deposits-only batch, a large batch of 256 messages and 200 transactions, and framing-valid data
//! whose records are 0xff everywhere, a byte counter, or pseudo-random bytes), evaluates each at
//! several points (0, 1, X, (p−1, p−1), a fixed pseudo-random point and the data's Fiat–Shamir
//! `challenge()`), and checks that `test/fixtures/binding-vectors.json` is exactly that.
//! Regenerate after a deliberate change with:
//! `JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test binding_vectors`.

mod vector_support;

use vector_support::{splitmix64, P};
use janus_l2::batch::{Batch, HEADER_BYTES};
use janus_l2::hash::keccak256;
use janus_l2::tx::{L1Message, MessageKind, Transfer, Tx, Withdraw, MESSAGE_BYTES, TX_BYTES};
use janus_prover::circuit::packing::{
    evaluate, header_words, message_words, tx_words, PackedBatch, RecordWords,
};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../test/fixtures/binding-vectors.json"
);
const L2_VECTORS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../test/fixtures/l2-vectors.json"
);


fn hex(b: &[u8]) -> String {
    let mut s = String::from("0x");
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

fn unhex(s: &str) -> Vec<u8> {
    let s = s.strip_prefix("0x").expect("0x prefix");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

/// The fixed pseudo-random stream of [`splitmix64`].
struct Stream(u64);

impl Stream {
    fn next(&mut self) -> u64 {
        splitmix64(&mut self.0)
    }

    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for b in out.iter_mut() {
            *b = self.next() as u8;
        }
        out
    }
}

/// The real batch of `test/fixtures/l2-vectors.json` (pinned by janus-l2's `l1_vectors` test).
fn real_batch_data() -> Vec<u8> {
    let json = std::fs::read_to_string(L2_VECTORS).expect("test/fixtures/l2-vectors.json exists");
    let start = json.find("\"data\": \"").expect("a data field") + "\"data\": \"".len();
    let end = start + json[start..].find('"').expect("closing quote");
    unhex(&json[start..end])
}

/// Framing-valid data (header of version 1 and the right length) whose records are arbitrary bytes.
fn raw_data(fee_account: u32, messages: &[[u8; MESSAGE_BYTES]], txs: &[[u8; TX_BYTES]]) -> Vec<u8> {
    let mut d = vec![1u8];
    d.extend_from_slice(&fee_account.to_be_bytes());
    d.extend_from_slice(&(messages.len() as u32).to_be_bytes());
    d.extend_from_slice(&(txs.len() as u32).to_be_bytes());
    for m in messages {
        d.extend_from_slice(m);
    }
    for t in txs {
        d.extend_from_slice(t);
    }
    d
}

/// A deterministic well-formed batch of 256 messages and 200 transactions (transfers,
/// withdrawals and no-ops; signatures are arbitrary bytes: decoding does not verify them).
fn large_batch() -> Batch {
    let mut s = Stream(0x4a41_4e55_5301);
    let messages = (0..256u64)
        .map(|i| {
            let kind = if i % 3 == 2 {
                MessageKind::ExistingAccount
            } else {
                MessageKind::NewAccount
            };
            L1Message {
                nonce: 1_000 + i,
                kind,
                l1_sender: s.bytes(),
                account: s.next() as u32,
                l2_key: if kind == MessageKind::NewAccount {
                    s.bytes()
                } else {
                    [0; 40]
                },
                asset: (s.next() % 4) as u32,
                amount: s.next() >> 1,
            }
        })
        .collect();
    let txs = (0..200u64)
        .map(|i| match i % 5 {
            0 => Tx::Noop,
            1..=3 => Tx::Transfer(Transfer {
                from: s.next() as u32,
                to: s.next() as u32,
                asset: s.next() as u32,
                amount: s.next(),
                fee: s.next(),
                nonce: s.next(),
                signature: s.bytes(),
            }),
            _ => Tx::Withdraw(Withdraw {
                from: s.next() as u32,
                l1_recipient: s.bytes(),
                asset: s.next() as u32,
                amount: s.next(),
                fee: s.next(),
                nonce: s.next(),
                signature: s.bytes(),
            }),
        })
        .collect();
    Batch {
        fee_account: 0xfee,
        messages,
        txs,
    }
}

/// The packing of framing-valid data, read straight from the bytes (no record decoding), the way
/// L1 reads calldata. For well-formed data it must equal `PackedBatch::from_data`.
fn pack_raw(data: &[u8]) -> PackedBatch {
    let be = |i: usize| u32::from_be_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]);
    assert_eq!(data[0], 1, "version");
    let (fee, m, t) = (be(1), be(5) as usize, be(9) as usize);
    assert_eq!(data.len(), HEADER_BYTES + MESSAGE_BYTES * m + TX_BYTES * t);
    let mut records = Vec::new();
    let mut off = HEADER_BYTES;
    for _ in 0..m {
        let r: [u8; MESSAGE_BYTES] = data[off..off + MESSAGE_BYTES].try_into().unwrap();
        records.push(RecordWords::Message(message_words(&r)));
        off += MESSAGE_BYTES;
    }
    for _ in 0..t {
        let r: [u8; TX_BYTES] = data[off..off + TX_BYTES].try_into().unwrap();
        records.push(RecordWords::Tx(tx_words(&r)));
        off += TX_BYTES;
    }
    PackedBatch {
        data_hash: keccak256(data),
        header: header_words(fee, m as u32, t as u32),
        records,
    }
}

/// (name, data) of every vector batch.
fn datas() -> Vec<(&'static str, Vec<u8>)> {
    let real = real_batch_data();
    let real_batch = Batch::decode(&real).expect("the l2-vectors batch decodes");
    assert!(!real_batch.messages.is_empty() && !real_batch.txs.is_empty());
    let deposits = Batch {
        fee_account: 7,
        messages: real_batch.messages.clone(),
        txs: vec![],
    };
    let txs_only = Batch {
        fee_account: 0,
        messages: vec![],
        txs: real_batch.txs.clone(),
    };
    let mut s = Stream(0xb1d);
    let random_m: Vec<[u8; MESSAGE_BYTES]> = (0..5).map(|_| s.bytes()).collect();
    let random_t: Vec<[u8; TX_BYTES]> = (0..6).map(|_| s.bytes()).collect();
    let mut k = 0u8;
    let mut counter = || {
        k = k.wrapping_add(1);
        k
    };
    let count_m: Vec<[u8; MESSAGE_BYTES]> =
        (0..3).map(|_| std::array::from_fn(|_| counter())).collect();
    let count_t: Vec<[u8; TX_BYTES]> = (0..2).map(|_| std::array::from_fn(|_| counter())).collect();
    vec![
        ("l2-vectors batch", real),
        ("empty", Batch::default().encode().unwrap()),
        (
            "empty, fee account 0xffffffff",
            raw_data(u32::MAX, &[], &[]),
        ),
        ("deposits only", deposits.encode().unwrap()),
        ("transactions only", txs_only.encode().unwrap()),
        (
            "256 messages and 200 transactions",
            large_batch().encode().unwrap(),
        ),
        (
            "0xff everywhere (3 messages, 2 transactions)",
            raw_data(
                u32::MAX,
                &[[0xff; MESSAGE_BYTES]; 3],
                &[[0xff; TX_BYTES]; 2],
            ),
        ),
        (
            "counting bytes (3 messages, 2 transactions)",
            raw_data(0x0102_0304, &count_m, &count_t),
        ),
        (
            "random bytes (5 messages, 6 transactions)",
            raw_data(s.next() as u32, &random_m, &random_t),
        ),
    ]
}

fn vectors() -> String {
    let mut s = Stream(0x7a);
    let fixed = [s.next() % P, s.next() % P];
    let mut data_json = Vec::new();
    let mut cases = Vec::new();
    for (i, (name, data)) in datas().iter().enumerate() {
        let packed = pack_raw(data);
        if let Ok(strict) = PackedBatch::from_data(data) {
            assert_eq!(
                strict, packed,
                "{name}: raw packing differs from the strict one"
            );
        }
        let coefficients = packed.coefficients();
        let m = packed
            .records
            .iter()
            .filter(|r| matches!(r, RecordWords::Message(_)))
            .count();
        let t = packed.records.len() - m;
        assert_eq!(coefficients.len(), 4 + 22 * m + 35 * t);
        let (challenge, y_challenge) = packed.binding();
        let points = [
            ("0", [0, 0]),
            ("1", [1, 0]),
            ("X", [0, 1]),
            ("(p-1, p-1)", [P - 1, P - 1]),
            ("fixed", fixed),
            ("challenge", challenge),
        ];
        for (label, z) in points {
            let y = evaluate(&coefficients, z);
            if label == "challenge" {
                assert_eq!(y, y_challenge);
            }
            if label == "0" {
                assert_eq!(
                    y,
                    [*coefficients.last().unwrap(), 0],
                    "P(0) is the last word"
                );
            }
            if label == "1" {
                let sum = coefficients.iter().map(|c| *c as u128).sum::<u128>() % P as u128;
                assert_eq!(y, [sum as u64, 0], "P(1) is the sum of the words");
            }
            cases.push(format!(
                "    {{\"data\": {i}, \"point\": \"{label}\", \"z0\": \"{}\", \"z1\": \"{}\", \"y0\": \"{}\", \"y1\": \"{}\"}}",
                z[0], z[1], y[0], y[1]
            ));
        }
        data_json.push(format!(
            "    {{\"name\": \"{name}\", \"messageCount\": {m}, \"txCount\": {t}, \"words\": {}, \"data\": \"{}\"}}",
            coefficients.len(),
            hex(data)
        ));
    }
    format!(
        "{{\n  \"dataCount\": {},\n  \"datas\": [\n{}\n  ],\n  \"caseCount\": {},\n  \"cases\": [\n{}\n  ]\n}}\n",
        data_json.len(),
        data_json.join(",\n"),
        cases.len(),
        cases.join(",\n")
    )
}

#[test]
fn binding_vectors_fixture_is_current() {
    let fresh = vectors();
    if std::env::var_os("JANUS_WRITE_VECTORS").is_some() {
        std::fs::write(FIXTURE, &fresh).expect("write fixture");
    }
    let committed =
        std::fs::read_to_string(FIXTURE).expect("test/fixtures/binding-vectors.json exists");
    assert_eq!(
        committed, fresh,
        "test/fixtures/binding-vectors.json is stale: regenerate with JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test binding_vectors"
    );
}
