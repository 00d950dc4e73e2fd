//! `janus-l2` for the browser: thin wasm-bindgen wrappers around the crate's own functions, so the
//! web app never re-implements an L2 format (docs/app.md, docs/l2-spec.md). Bytes cross as
//! `Uint8Array`, u64 values as `BigInt`, u32 as numbers; structured results are JSON strings
//! (u64 values as decimal strings, bytes as 0x-hex) that `web/src/l2.ts` parses. Every failure is
//! thrown as an `Error` carrying the crate's own message.

#![warn(missing_docs, unreachable_pub)]

use janus_l2::batch::{apply_batch_data, Batch, BatchContext, Withdrawal, WithdrawalTree};
use janus_l2::block::BlockHeader;
use janus_l2::hash::digest_to_bytes32;
use janus_l2::keys::{wallet_key_message, PublicKey, SecretKey};
use janus_l2::state::{empty_root, State};
use janus_l2::tx::{sign_tx, verify_tx, L1Message, MessageKind, Transfer, Tx, Withdraw};
use janus_l2::tx::{MESSAGE_BYTES, TX_BYTES};
use wasm_bindgen::prelude::*;

fn hex(b: &[u8]) -> String {
    let mut s = String::with_capacity(2 + 2 * b.len());
    s.push_str("0x");
    for x in b {
        s.push_str(&format!("{x:02x}"));
    }
    s
}

fn err(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

fn fixed<const N: usize>(what: &str, b: &[u8]) -> Result<[u8; N], JsError> {
    b.try_into()
        .map_err(|_| JsError::new(&format!("{what}: expected {N} bytes, got {}", b.len())))
}

fn secret(sk: &[u8]) -> Result<SecretKey, JsError> {
    SecretKey::from_bytes(&fixed::<40>("secret key", sk)?).map_err(err)
}

/// A JSON string literal (messages of our own errors only need quotes and backslashes escaped).
fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON object from `(key, already-encoded value)` pairs.
fn obj(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}:{v}", q(k)))
        .collect();
    format!("{{{}}}", body.join(","))
}

fn arr(items: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", items.into_iter().collect::<Vec<_>>().join(","))
}

fn u64s(v: u64) -> String {
    q(&v.to_string())
}

/// The text a wallet signs (EIP-191 `personal_sign`) to derive its L2 key (spec §14).
#[wasm_bindgen(js_name = walletKeyMessage)]
pub fn wallet_key_message_js(chain_id: u64, l1_address: &[u8]) -> Result<String, JsError> {
    Ok(wallet_key_message(
        chain_id,
        &fixed::<20>("L1 address", l1_address)?,
    ))
}

/// The 40-byte L2 secret key of a wallet's 65-byte signature of `walletKeyMessage` (spec §14).
#[wasm_bindgen(js_name = secretKeyFromWalletSignature)]
pub fn secret_key_from_wallet_signature(signature: &[u8]) -> Result<Vec<u8>, JsError> {
    Ok(SecretKey::from_wallet_signature(signature)
        .map_err(err)?
        .to_bytes()
        .to_vec())
}

/// The secret key of a 32-byte seed (spec §7.1).
#[wasm_bindgen(js_name = secretKeyFromSeed)]
pub fn secret_key_from_seed(seed: &[u8]) -> Result<Vec<u8>, JsError> {
    Ok(SecretKey::from_seed(&fixed::<32>("seed", seed)?)
        .to_bytes()
        .to_vec())
}

/// The 40-byte public key (the `l2Key` of a deposit) of a 40-byte secret key.
#[wasm_bindgen(js_name = publicKey)]
pub fn public_key(sk: &[u8]) -> Result<Vec<u8>, JsError> {
    Ok(secret(sk)?.public_key().to_bytes().to_vec())
}

/// Throws unless `pk` is a valid, non-neutral public key encoding (a deposit to any other key
/// locks its funds for good, spec §8.1).
#[wasm_bindgen(js_name = checkPublicKey)]
pub fn check_public_key(pk: &[u8]) -> Result<(), JsError> {
    PublicKey::from_bytes(&fixed::<40>("public key", pk)?).map_err(err)?;
    Ok(())
}

/// A signed 137-byte transfer record (spec §4, §7.3).
#[wasm_bindgen(js_name = signTransfer)]
#[allow(clippy::too_many_arguments)]
pub fn sign_transfer(
    sk: &[u8],
    chain_id: u64,
    from: u32,
    to: u32,
    asset: u32,
    amount: u64,
    fee: u64,
    nonce: u64,
) -> Result<Vec<u8>, JsError> {
    let tx = Tx::Transfer(Transfer {
        from,
        to,
        asset,
        amount,
        fee,
        nonce,
        signature: [0; 80],
    });
    signed_record(tx, sk, chain_id)
}

/// `tx` signed with the 40-byte secret key `sk` for `chain_id`, as its 137-byte record.
fn signed_record(mut tx: Tx, sk: &[u8], chain_id: u64) -> Result<Vec<u8>, JsError> {
    sign_tx(&mut tx, &secret(sk)?, chain_id).map_err(err)?;
    Ok(tx.encode().to_vec())
}

/// A signed 137-byte withdrawal record (spec §4, §7.3).
#[wasm_bindgen(js_name = signWithdraw)]
#[allow(clippy::too_many_arguments)]
pub fn sign_withdraw(
    sk: &[u8],
    chain_id: u64,
    from: u32,
    l1_recipient: &[u8],
    asset: u32,
    amount: u64,
    fee: u64,
    nonce: u64,
) -> Result<Vec<u8>, JsError> {
    let tx = Tx::Withdraw(Withdraw {
        from,
        l1_recipient: fixed::<20>("L1 recipient", l1_recipient)?,
        asset,
        amount,
        fee,
        nonce,
        signature: [0; 80],
    });
    signed_record(tx, sk, chain_id)
}

/// Throws unless the record's signature verifies under `key` on `chainId`.
#[wasm_bindgen(js_name = verifyTx)]
pub fn verify_tx_js(record: &[u8], key: &[u8], chain_id: u64) -> Result<(), JsError> {
    let tx = Tx::decode(record).map_err(err)?;
    verify_tx(&tx, &fixed::<40>("public key", key)?, chain_id).map_err(err)
}

fn tx_json(tx: &Tx) -> String {
    match tx {
        Tx::Noop => obj(&[("type", q("noop"))]),
        Tx::Transfer(t) => obj(&[
            ("type", q("transfer")),
            ("from", t.from.to_string()),
            ("to", t.to.to_string()),
            ("asset", t.asset.to_string()),
            ("amount", u64s(t.amount)),
            ("fee", u64s(t.fee)),
            ("nonce", u64s(t.nonce)),
            ("signature", q(&hex(&t.signature))),
        ]),
        Tx::Withdraw(w) => obj(&[
            ("type", q("withdraw")),
            ("from", w.from.to_string()),
            ("l1Recipient", q(&hex(&w.l1_recipient))),
            ("asset", w.asset.to_string()),
            ("amount", u64s(w.amount)),
            ("fee", u64s(w.fee)),
            ("nonce", u64s(w.nonce)),
            ("signature", q(&hex(&w.signature))),
        ]),
    }
}

fn message_json(m: &L1Message) -> String {
    obj(&[
        ("nonce", u64s(m.nonce)),
        (
            "kind",
            q(match m.kind {
                MessageKind::NewAccount => "newAccount",
                MessageKind::ExistingAccount => "existingAccount",
            }),
        ),
        ("l1Sender", q(&hex(&m.l1_sender))),
        ("account", m.account.to_string()),
        ("l2Key", q(&hex(&m.l2_key))),
        ("asset", m.asset.to_string()),
        ("amount", u64s(m.amount)),
    ])
}

/// A 137-byte transaction record as JSON (strict decoding, spec §4).
#[wasm_bindgen(js_name = decodeTx)]
pub fn decode_tx(record: &[u8]) -> Result<String, JsError> {
    Ok(tx_json(&Tx::decode(record).map_err(err)?))
}

/// An 85-byte L1 message record as JSON (spec §3).
#[wasm_bindgen(js_name = decodeMessage)]
pub fn decode_message(record: &[u8]) -> Result<String, JsError> {
    Ok(message_json(&L1Message::decode(record).map_err(err)?))
}

/// Batch data (spec §4) from a fee account, concatenated 85-byte message records and concatenated
/// 137-byte transaction records (each record decoded strictly first).
#[wasm_bindgen(js_name = encodeBatch)]
pub fn encode_batch(fee_account: u32, messages: &[u8], txs: &[u8]) -> Result<Vec<u8>, JsError> {
    if !messages.len().is_multiple_of(MESSAGE_BYTES) || !txs.len().is_multiple_of(TX_BYTES) {
        return Err(JsError::new(
            "encodeBatch: records must be whole 85-byte messages and 137-byte transactions",
        ));
    }
    let batch = Batch {
        fee_account,
        messages: messages
            .chunks_exact(MESSAGE_BYTES)
            .map(L1Message::decode)
            .collect::<Result<_, _>>()
            .map_err(err)?,
        txs: txs
            .chunks_exact(TX_BYTES)
            .map(Tx::decode)
            .collect::<Result<_, _>>()
            .map_err(err)?,
    };
    batch.encode().map_err(err)
}

fn withdrawals_of(batch: &Batch) -> Vec<(usize, &Withdraw, Withdrawal)> {
    batch
        .txs
        .iter()
        .enumerate()
        .filter_map(|(i, tx)| match tx {
            Tx::Withdraw(w) => Some((
                i,
                w,
                Withdrawal {
                    recipient: w.l1_recipient,
                    asset: w.asset,
                    amount: w.amount,
                },
            )),
            _ => None,
        })
        .collect()
}

/// Batch data decoded (spec §4), with its withdrawals in tree order (spec §5), their leaves, the
/// withdrawal root and `keccak256(data)`.
#[wasm_bindgen(js_name = decodeBatch)]
pub fn decode_batch(data: &[u8]) -> Result<String, JsError> {
    let batch = Batch::decode(data).map_err(err)?;
    let ws = withdrawals_of(&batch);
    let tree = WithdrawalTree::new(&ws.iter().map(|(_, _, w)| w.clone()).collect::<Vec<_>>());
    let withdrawals = ws.iter().enumerate().map(|(index, (tx_index, w, leaf))| {
        obj(&[
            ("index", index.to_string()),
            ("txIndex", tx_index.to_string()),
            ("from", w.from.to_string()),
            ("recipient", q(&hex(&w.l1_recipient))),
            ("asset", w.asset.to_string()),
            ("amount", u64s(w.amount)),
            ("fee", u64s(w.fee)),
            ("nonce", u64s(w.nonce)),
            ("leaf", q(&hex(&leaf.leaf()))),
        ])
    });
    Ok(obj(&[
        ("feeAccount", batch.fee_account.to_string()),
        ("messages", arr(batch.messages.iter().map(message_json))),
        ("txs", arr(batch.txs.iter().map(tx_json))),
        ("withdrawals", arr(withdrawals)),
        ("withdrawalRoot", q(&hex(&tree.root()))),
        ("withdrawalCount", tree.len().to_string()),
        ("dataHash", q(&hex(&janus_l2::hash::keccak256(data)))),
    ]))
}

/// The Merkle proof of withdrawal `index` of a batch (spec §5), from the batch data alone:
/// `{index, count, leaf, root, proof: [0x…]}` as `Bridge.finalizeWithdrawal` takes it.
#[wasm_bindgen(js_name = withdrawalProof)]
pub fn withdrawal_proof(data: &[u8], index: u32) -> Result<String, JsError> {
    let batch = Batch::decode(data).map_err(err)?;
    let ws: Vec<Withdrawal> = withdrawals_of(&batch)
        .into_iter()
        .map(|(_, _, w)| w)
        .collect();
    let tree = WithdrawalTree::new(&ws);
    let proof = tree.proof(index as usize).ok_or_else(|| {
        JsError::new(&format!(
            "withdrawal {index} out of range: the batch has {} withdrawals",
            ws.len()
        ))
    })?;
    Ok(obj(&[
        ("index", index.to_string()),
        ("count", tree.len().to_string()),
        ("leaf", q(&hex(&ws[index as usize].leaf()))),
        ("root", q(&hex(&tree.root()))),
        ("proof", arr(proof.iter().map(|p| q(&hex(p))))),
    ]))
}

fn bytes32(name: &str, b: &[u8]) -> Result<[u8; 32], JsError> {
    b.try_into()
        .map_err(|_| JsError::new(&format!("{name}: {} bytes, not 32", b.len())))
}

/// The L2 block header's hash (spec §13.3: keccak256 of its 160-byte encoding), from its fields
/// in encoding order; what a soft confirmation signs (§13.4).
#[wasm_bindgen(js_name = blockHeaderHash)]
#[allow(clippy::too_many_arguments)]
pub fn block_header_hash(
    number: u64,
    parent_hash: &[u8],
    state_root: &[u8],
    tx_root: &[u8],
    msg_end: u64,
    msg_chain: &[u8],
    fee_account: u32,
    timestamp_ms: u64,
    tx_count: u32,
) -> Result<Vec<u8>, JsError> {
    let h = BlockHeader {
        number,
        parent_hash: bytes32("parentHash", parent_hash)?,
        state_root: bytes32("stateRoot", state_root)?,
        tx_root: bytes32("txRoot", tx_root)?,
        msg_end,
        msg_chain: bytes32("msgChain", msg_chain)?,
        fee_account,
        timestamp_ms,
        tx_count,
    };
    Ok(h.hash().to_vec())
}

/// The genesis (empty) state root in its L1 form (spec §6, §8.2).
#[wasm_bindgen(js_name = emptyStateRoot)]
pub fn empty_state_root() -> String {
    hex(&digest_to_bytes32(&empty_root()))
}

/// An L2 state replayed from batch data (spec §10): what L1 batches imply, with no keeper.
#[wasm_bindgen]
pub struct L2State {
    state: State,
}

#[wasm_bindgen]
impl L2State {
    /// The empty (genesis) state.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> L2State {
        L2State {
            state: State::new(),
        }
    }

    /// Apply one batch (`apply_batch_data`): `msgStart` and `chainBefore` (32 bytes) are where the
    /// parent batch left the L1 queue. Atomic: on error the state is unchanged and the error thrown.
    /// Returns `{prevRoot, newRoot, chainAfter, msgEnd, withdrawalRoot, withdrawalCount, dataHash}`.
    #[wasm_bindgen(js_name = applyBatch)]
    pub fn apply_batch(
        &mut self,
        data: &[u8],
        chain_id: u64,
        msg_start: u64,
        chain_before: &[u8],
    ) -> Result<String, JsError> {
        let ctx = BatchContext {
            chain_id,
            msg_start,
            chain_before: fixed::<32>("chain before", chain_before)?,
        };
        let out = apply_batch_data(&mut self.state, data, &ctx).map_err(err)?;
        Ok(obj(&[
            ("prevRoot", q(&hex(&digest_to_bytes32(&out.prev_root)))),
            ("newRoot", q(&hex(&digest_to_bytes32(&out.new_root)))),
            ("chainAfter", q(&hex(&out.chain_after))),
            ("msgEnd", u64s(out.msg_end)),
            ("withdrawalRoot", q(&hex(&out.withdrawal_root))),
            ("withdrawalCount", out.withdrawals.len().to_string()),
            ("dataHash", q(&hex(&out.data_hash))),
        ]))
    }

    /// The state root (L1 form).
    pub fn root(&self) -> String {
        hex(&digest_to_bytes32(&self.state.root()))
    }

    /// Account `index` as `{index, key, nonce, balances: [4 decimal strings]}`, or `undefined`.
    pub fn account(&self, index: u32) -> Option<String> {
        self.state.get(index).map(|a| {
            obj(&[
                ("index", index.to_string()),
                ("key", q(&hex(&a.key))),
                ("nonce", u64s(a.nonce)),
                ("balances", arr(a.balances.iter().map(|b| u64s(*b)))),
            ])
        })
    }
}
