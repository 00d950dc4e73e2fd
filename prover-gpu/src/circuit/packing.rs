//! The data binding's packing of batch data into field elements, and its native evaluation
//! (spec `docs/l2-spec.md`, section *Data binding*).
//!
//! Every part of the batch data is read as a sequence of **words**, each `< 2^32`: a 1-byte
//! field is one word, every other field is cut into 4-byte big-endian words.
//!
//! | part | words |
//! | --- | --- |
//! | header | `version`, `feeAccount`, `messageCount`, `txCount` (4) |
//! | L1 message (85 B) | `nonce` (2), `kind` (1), then bytes `[9, 85)` as 19 words (22) |
//! | transaction (137 B) | `type` (1), then bytes `[1, 137)` as 34 words (35) |
//!
//! The coefficient sequence `c_0 … c_{N−1}` is the header's words followed by every record's
//! words in data order, and `P(X) = Σ c_j X^{N−1−j}` (Horner in data order). Because every field
//! boundary of both record layouts falls on a word boundary, the circuit never splits bytes.

use janus_l2::batch::{Batch, HEADER_BYTES};
use janus_l2::hash::keccak256;
use janus_l2::tx::{MESSAGE_BYTES, TX_BYTES};
use janus_l2::DecodeError;
use plonky2::field::extension::quadratic::QuadraticExtension;
use plonky2::field::types::{Field, PrimeField64};

use super::records::{absorb_header_native, absorb_record_native, fp2, fp2_words, horner_native};
use crate::prover::F;

/// Words of the header.
pub const HEADER_WORDS: usize = 4;
/// Words of an L1 message record.
pub const MESSAGE_WORDS: usize = 22;
/// Words of a transaction record (also the width of a circuit slot).
pub const TX_WORDS: usize = 35;
/// Words of a keccak-256 data hash as public inputs (8 big-endian u32).
pub const DATA_HASH_WORDS: usize = 8;

/// `GF(p^2) = GF(p)[X]/(X^2 − 7)`, plonky2's `QuadraticExtension<GoldilocksField>`.
pub type Fp2 = QuadraticExtension<F>;

fn be_words(bytes: &[u8], out: &mut Vec<u64>) {
    for w in bytes.chunks_exact(4) {
        out.push(u32::from_be_bytes([w[0], w[1], w[2], w[3]]) as u64);
    }
}

/// The 4 header words.
pub fn header_words(fee_account: u32, messages: u32, txs: u32) -> [u64; HEADER_WORDS] {
    [1, fee_account as u64, messages as u64, txs as u64]
}

/// The 22 words of an 85-byte L1 message record.
pub fn message_words(record: &[u8; MESSAGE_BYTES]) -> [u64; MESSAGE_WORDS] {
    let mut v = Vec::with_capacity(MESSAGE_WORDS);
    be_words(&record[0..8], &mut v);
    v.push(record[8] as u64);
    be_words(&record[9..MESSAGE_BYTES], &mut v);
    let mut out = [0u64; MESSAGE_WORDS];
    out.copy_from_slice(&v);
    out
}

/// The 35 words of a 137-byte transaction record.
pub fn tx_words(record: &[u8; TX_BYTES]) -> [u64; TX_WORDS] {
    let mut v = Vec::with_capacity(TX_WORDS);
    v.push(record[0] as u64);
    be_words(&record[1..TX_BYTES], &mut v);
    let mut out = [0u64; TX_WORDS];
    out.copy_from_slice(&v);
    out
}

/// The data hash as 8 big-endian u32 words.
pub fn data_hash_words(hash: &[u8; 32]) -> [u64; DATA_HASH_WORDS] {
    let mut v = Vec::with_capacity(DATA_HASH_WORDS);
    be_words(hash, &mut v);
    let mut out = [0u64; DATA_HASH_WORDS];
    out.copy_from_slice(&v);
    out
}

/// One record of a batch as the circuit sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordWords {
    /// An L1 message (deposit).
    Message([u64; MESSAGE_WORDS]),
    /// A transaction record.
    Tx([u64; TX_WORDS]),
}

/// A batch in the packing's terms: header words and records in data order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackedBatch {
    /// `keccak256(data)`.
    pub data_hash: [u8; 32],
    /// The header words.
    pub header: [u64; HEADER_WORDS],
    /// Records in data order (messages first).
    pub records: Vec<RecordWords>,
}

impl PackedBatch {
    /// Pack batch data bytes (decoded strictly first).
    pub fn from_data(data: &[u8]) -> Result<Self, DecodeError> {
        let batch = Batch::decode(data)?;
        let m = batch.messages.len();
        let mut records = Vec::with_capacity(m + batch.txs.len());
        for msg in &batch.messages {
            records.push(RecordWords::Message(message_words(&msg.encode())));
        }
        for tx in &batch.txs {
            records.push(RecordWords::Tx(tx_words(&tx.encode())));
        }
        debug_assert_eq!(
            data.len(),
            HEADER_BYTES + m * MESSAGE_BYTES + batch.txs.len() * TX_BYTES
        );
        Ok(Self {
            data_hash: keccak256(data),
            header: header_words(batch.fee_account, m as u32, batch.txs.len() as u32),
            records,
        })
    }

    /// Pack a decoded batch.
    pub fn from_batch(batch: &Batch) -> Result<Self, DecodeError> {
        Self::from_data(&batch.encode()?)
    }

    /// The coefficient sequence `c_0 … c_{N−1}`.
    pub fn coefficients(&self) -> Vec<u64> {
        let mut c = self.header.to_vec();
        for r in &self.records {
            match r {
                RecordWords::Message(w) => c.extend_from_slice(w),
                RecordWords::Tx(w) => c.extend_from_slice(w),
            }
        }
        c
    }

    /// The evaluation point `z` (what the circuit derives; see the spec): a Poseidon chain over
    /// the data hash, the header and every record.
    pub fn challenge(&self) -> [u64; 2] {
        let mut acc = absorb_header_native(&data_hash_words(&self.data_hash), &self.header);
        for r in &self.records {
            acc = match r {
                RecordWords::Message(w) => absorb_record_native(acc, true, w),
                RecordWords::Tx(w) => absorb_record_native(acc, false, w),
            };
        }
        [
            acc.elements[0].to_canonical_u64(),
            acc.elements[1].to_canonical_u64(),
        ]
    }

    /// `(z, P(z))`: the binding the circuit exposes for this data.
    pub fn binding(&self) -> ([u64; 2], [u64; 2]) {
        let z = self.challenge();
        (z, evaluate(&self.coefficients(), z))
    }
}

/// `P(z) = Σ c_j z^{N−1−j}` by Horner's rule (what L1 computes from calldata).
pub fn evaluate(coefficients: &[u64], z: [u64; 2]) -> [u64; 2] {
    fp2_words(horner_native(Fp2::ZERO, fp2(z), coefficients))
}
