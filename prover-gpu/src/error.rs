//! Errors of the prover crate: building witnesses, proving, verifying, (de)serializing proofs.

use janus_l2::BatchError;

/// Everything that can go wrong when proving or verifying a Janus batch.
#[derive(Debug, thiserror::Error)]
pub enum ProverError {
    /// A chain id the signing message cannot hold (`> 2^63 − 1`, spec §7.3).
    #[error("chain id {0} exceeds 2^63 - 1")]
    InvalidChainId(u64),
    /// The batch does not fit the circuit (more records than slots, or an unencodable batch).
    #[error("batch has {records} records but the circuit has {slots} slots")]
    TooManyRecords {
        /// Messages + transactions in the batch.
        records: usize,
        /// Slots of the circuit.
        slots: usize,
    },
    /// The batch is not a valid state transition from the given state (spec §9-§10).
    #[error("invalid batch: {0}")]
    InvalidBatch(#[from] BatchError),
    /// The witness could not be assigned (a value conflicts with the circuit's constraints).
    #[error("witness assignment failed: {0}")]
    Witness(String),
    /// Plonky2 failed to produce a proof (unsatisfiable witness or internal failure).
    #[error("proving failed: {0}")]
    Proving(String),
    /// The proof does not verify.
    #[error("proof does not verify: {0}")]
    Verification(String),
    /// Two proofs cannot be folded into a range (the left run's new root is not the right's
    /// old root).
    #[error("root discontinuity: left new root {left_new:?} != right old root {right_old:?}")]
    Discontinuity {
        /// New root of the left proof (4 field elements).
        left_new: [u64; 4],
        /// Old root of the right proof.
        right_old: [u64; 4],
    },
    /// Two segment proofs cannot be folded: they belong to different batches, or the right one
    /// does not start where the left one ends (state root, binding chain, counts or order).
    #[error("segments are not consecutive: {0}")]
    NotConsecutive(String),
    /// A range proof covers 1 to `max` batches.
    #[error("a range proof covers 1 to {max} batches, not {batches}")]
    RangeSize {
        /// Batches asked for.
        batches: usize,
        /// The range tree's capacity.
        max: usize,
    },
    /// A wrapped proof cannot be encoded for the generated Solidity verifier (its shape is not
    /// the one the wrapper circuit fixes).
    #[error("encoding the proof for L1: {0}")]
    Encode(String),
    /// A proof's bytes do not decode for this circuit.
    #[error("proof decoding failed: {0}")]
    Decode(String),
}

impl ProverError {
    pub(crate) fn witness(e: impl core::fmt::Display) -> Self {
        Self::Witness(e.to_string())
    }
}
