//! Batches: the data framing ([`data`]), the withdrawal tree ([`withdrawal`]) and the state
//! transition ([`transition`]).

pub mod data;
pub mod transition;
pub mod withdrawal;

pub use data::{Batch, BATCH_VERSION, HEADER_BYTES};
pub use transition::{
    apply_batch, apply_batch_data, apply_deposit, apply_tx, apply_tx_with, BatchContext,
    BatchOutput, Receipt,
};
pub use withdrawal::{verify_withdrawal_proof, withdrawal_root, Withdrawal, WithdrawalTree};
