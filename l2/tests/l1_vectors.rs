//! Cross-language vectors: the L1 contracts (test/L2Vectors.t.sol) and this crate must agree on the
//! message records, the message chain, the batch data, its hash and the withdrawal tree. This test
//! builds a real batch (real keys and signatures, applied with `apply_batch`) and checks that
//! `test/fixtures/l2-vectors.json` is exactly what the crate produces today; the Solidity test reads
//! the same file and checks the Bridge, BatchData and WithdrawalTree against it.
//! It also lists malformed batch data (the vector batch with one framing rule broken, spec §4 and
//! §10 step 1), each rejected here by `apply_batch_data` with the `DecodeError` that maps to the
//! `BatchData.ERR_*` code written next to it; test/L2Vectors.t.sol checks that BatchData rejects
//! each with that code.
//! Regenerate after a deliberate format change with:
//! `JANUS_WRITE_VECTORS=1 cargo test -p janus-l2 --test l1_vectors`.

use janus_l2::batch::{apply_batch, apply_batch_data, Batch, BatchContext, WithdrawalTree};
use janus_l2::error::{BatchError, DecodeError};
use janus_l2::hash::digest_to_bytes32;
use janus_l2::keys::SecretKey;
use janus_l2::state::State;
use janus_l2::tx::{sign_tx, L1Message, MessageKind, Transfer, Tx, Withdraw};

const CHAIN_ID: u64 = 424242;
const FIXTURE: &str = concat!(
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

fn sender(i: u8) -> [u8; 20] {
    let mut a = [0u8; 20];
    a[0] = 0xa0;
    a[19] = i;
    a
}

/// The `BatchData.ERR_*` code (contracts/libraries/BatchData.sol) of a framing error.
fn l1_code(e: &BatchError) -> u8 {
    match e {
        BatchError::Malformed(d) => match d {
            DecodeError::ShortHeader => 1,
            DecodeError::Version(_) => 2,
            DecodeError::Length { .. } => 3,
            DecodeError::MessageNonce { .. } => 4,
            DecodeError::TxType(_) => 5,
            DecodeError::MessageKind(_) => 6,
            DecodeError::MessageKeyNotZero => 7,
            DecodeError::NonZeroPadding { tx_type: 0, .. } => 8,
            DecodeError::NonZeroPadding { tx_type: 1, .. } => 9,
            DecodeError::NonZeroPadding { tx_type: 2, .. } => 10,
            other => panic!("no L1 code for {other:?}"),
        },
        other => panic!("not a framing error: {other:?}"),
    }
}

/// The vector batch (4 messages, then a transfer, a withdrawal, a no-op and two withdrawals) with one
/// framing rule broken: (reason, expected L1 code, bytes). Each is checked to be rejected by
/// `apply_batch_data` with an error of that code.
fn malformed(data: &[u8], ctx: &BatchContext) -> Vec<(&'static str, u8, Vec<u8>)> {
    const MSG: usize = 13; // first message record
    let tx = MSG + 4 * 85; // first transaction record
    let set = |i: usize, v: u8| {
        let mut d = data.to_vec();
        d[i] = v;
        d
    };
    let mut extra = data.to_vec();
    extra.push(0);
    let cases = vec![
        ("shorter than the header", 1, data[..12].to_vec()),
        ("version 2", 2, set(0, 2)),
        ("one byte too long", 3, extra),
        ("one byte too short", 3, data[..data.len() - 1].to_vec()),
        ("message 1 has nonce 5", 4, set(MSG + 85 + 7, 5)),
        ("transaction 2 has type 3", 5, set(tx + 2 * 137, 3)),
        ("message 0 has kind 2", 6, set(MSG + 8, 2)),
        (
            "EXISTING_ACCOUNT message 3: key byte 0 non-zero",
            7,
            set(MSG + 3 * 85 + 33, 1),
        ),
        (
            "EXISTING_ACCOUNT message 3: key byte 39 non-zero",
            7,
            set(MSG + 3 * 85 + 72, 0x80),
        ),
        (
            "no-op transaction 2: byte 1 non-zero",
            8,
            set(tx + 2 * 137 + 1, 1),
        ),
        (
            "no-op transaction 2: byte 136 (last) non-zero",
            8,
            set(tx + 2 * 137 + 136, 1),
        ),
        (
            "no-op transaction 2: signature byte non-zero",
            8,
            set(tx + 2 * 137 + 100, 0xff),
        ),
        ("transfer 0: l1Recipient byte 0 non-zero", 9, set(tx + 9, 1)),
        (
            "transfer 0: l1Recipient byte 19 non-zero",
            9,
            set(tx + 28, 1),
        ),
        ("withdrawal 1: to byte 0 non-zero", 10, set(tx + 137 + 5, 1)),
        ("withdrawal 1: to byte 3 non-zero", 10, set(tx + 137 + 8, 1)),
    ];
    for (reason, code, bytes) in &cases {
        let err = apply_batch_data(&mut State::new(), bytes, ctx)
            .expect_err(&format!("janus-l2 accepts the malformed batch '{reason}'"));
        assert_eq!(l1_code(&err), *code, "{reason}: {err}");
    }
    cases
}

fn vectors() -> String {
    let keys: Vec<SecretKey> = (0u8..3)
        .map(|i| SecretKey::from_seed(&[i + 1; 32]))
        .collect();
    // Three new accounts (1, 2, 3), then a top-up of account 2 (ETH, L2 units of 1 gwei).
    let mut messages = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        messages.push(L1Message {
            nonce: i as u64,
            kind: MessageKind::NewAccount,
            l1_sender: sender(i as u8),
            account: i as u32 + 1,
            l2_key: k.public_key().to_bytes(),
            asset: 0,
            amount: 5_000_000_000 * (i as u64 + 1),
        });
    }
    messages.push(L1Message {
        nonce: 3,
        kind: MessageKind::ExistingAccount,
        l1_sender: sender(9),
        account: 2,
        l2_key: [0u8; 40],
        asset: 0,
        amount: 123_456_789,
    });

    let mut txs = vec![
        Tx::Transfer(Transfer {
            from: 1,
            to: 2,
            asset: 0,
            amount: 1_000_000,
            fee: 10,
            nonce: 0,
            signature: [0; 80],
        }),
        Tx::Withdraw(Withdraw {
            from: 2,
            l1_recipient: sender(0x21),
            asset: 0,
            amount: 2_000_000_000,
            fee: 20,
            nonce: 0,
            signature: [0; 80],
        }),
        Tx::Noop,
        Tx::Withdraw(Withdraw {
            from: 3,
            l1_recipient: sender(0x22),
            asset: 0,
            amount: 7,
            fee: 0,
            nonce: 0,
            signature: [0; 80],
        }),
        Tx::Withdraw(Withdraw {
            from: 1,
            l1_recipient: sender(0x23),
            asset: 0,
            amount: 1_000,
            fee: 1,
            nonce: 1,
            signature: [0; 80],
        }),
    ];
    let signer = [0usize, 1, usize::MAX, 2, 0];
    for (tx, &k) in txs.iter_mut().zip(signer.iter()) {
        if k != usize::MAX {
            sign_tx(tx, &keys[k], CHAIN_ID).expect("sign");
        }
    }
    let batch = Batch {
        fee_account: 1,
        messages: messages.clone(),
        txs,
    };
    let data = batch.encode().expect("encode");
    let mut state = State::new();
    let ctx = BatchContext {
        chain_id: CHAIN_ID,
        msg_start: 0,
        chain_before: [0u8; 32],
    };
    let out = apply_batch(&mut state, &batch, &ctx).expect("the vector batch is valid");
    let tree = WithdrawalTree::new(&out.withdrawals);
    let bad: Vec<String> = malformed(&data, &ctx)
        .iter()
        .map(|(reason, code, bytes)| {
            format!(
                "    {{\"reason\": \"{reason}\", \"code\": {code}, \"data\": \"{}\"}}",
                hex(bytes)
            )
        })
        .collect();
    assert_eq!(tree.root(), out.withdrawal_root);

    let mut chain = [0u8; 32];
    let mut msgs = Vec::new();
    for m in &messages {
        let rec = m.encode();
        chain = janus_l2::tx::chain_next(&chain, &rec);
        msgs.push(format!(
            "    {{\"kind\": {}, \"sender\": \"{}\", \"account\": {}, \"key\": \"{}\", \"amount\": {}, \"record\": \"{}\", \"chain\": \"{}\"}}",
            m.kind as u8,
            hex(&m.l1_sender),
            m.account,
            hex(&m.l2_key),
            m.amount,
            hex(&rec),
            hex(&chain)
        ));
    }
    let mut ws = Vec::new();
    for (i, w) in out.withdrawals.iter().enumerate() {
        let proof: Vec<String> = tree
            .proof(i)
            .expect("index in range")
            .iter()
            .map(|p| format!("\"{}\"", hex(p)))
            .collect();
        ws.push(format!(
            "    {{\"recipient\": \"{}\", \"asset\": {}, \"amount\": {}, \"proof\": [{}]}}",
            hex(&w.recipient),
            w.asset,
            w.amount,
            proof.join(", ")
        ));
    }
    format!(
        "{{\n  \"messageCount\": {},\n  \"messages\": [\n{}\n  ],\n  \"data\": \"{}\",\n  \"dataHash\": \"{}\",\n  \"chainAfter\": \"{}\",\n  \"prevStateRoot\": \"{}\",\n  \"newStateRoot\": \"{}\",\n  \"withdrawalRoot\": \"{}\",\n  \"withdrawalCount\": {},\n  \"withdrawals\": [\n{}\n  ],\n  \"malformedCount\": {},\n  \"malformed\": [\n{}\n  ]\n}}\n",
        messages.len(),
        msgs.join(",\n"),
        hex(&data),
        hex(&out.data_hash),
        hex(&out.chain_after),
        hex(&digest_to_bytes32(&out.prev_root)),
        hex(&digest_to_bytes32(&out.new_root)),
        hex(&out.withdrawal_root),
        out.withdrawals.len(),
        ws.join(",\n"),
        bad.len(),
        bad.join(",\n")
    )
}

#[test]
fn l1_vectors_fixture_is_current() {
    let fresh = vectors();
    if std::env::var_os("JANUS_WRITE_VECTORS").is_some() {
        std::fs::write(FIXTURE, &fresh).expect("write fixture");
    }
    let committed = std::fs::read_to_string(FIXTURE).expect("test/fixtures/l2-vectors.json exists");
    assert_eq!(
        committed, fresh,
        "test/fixtures/l2-vectors.json is stale: regenerate with JANUS_WRITE_VECTORS=1 cargo test -p janus-l2 --test l1_vectors"
    );
}
