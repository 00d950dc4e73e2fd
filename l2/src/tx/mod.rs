//! L1 message records and their chain ([`message`]), transaction records ([`record`]) and what
//! their signatures cover ([`signing`]).

pub mod message;
pub mod record;
pub mod signing;

pub use message::{chain_next, fold_chain, L1Message, MessageKind, MESSAGE_BYTES};
pub use record::{Transfer, Tx, Withdraw, TX_BYTES, TX_NOOP, TX_TRANSFER, TX_WITHDRAW};
pub use signing::{sign_tx, signing_message, verify_tx, SIGNING_MESSAGE_LEN};
