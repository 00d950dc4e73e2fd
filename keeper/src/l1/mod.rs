//! L1: contract bindings ([`bindings`]), the Janus events ([`events`]), the reads every role
//! shares ([`BatchStatus`], [`L1ReadError`], the leader schedule [`LeaderView`]) and the
//! [`L1Watcher`], which follows L1 from a block `confirmations` behind the head.

pub mod bindings;
mod error;
pub mod events;
mod leader;
mod read;
mod revert;
mod status;
mod watcher;

pub use error::L1Error;
pub use events::{BlockRef, Contracts, JanusEvent, JanusLog, LogPos};
pub use leader::{LeaderInfo, LeaderView};
pub use read::{rpc, L1ReadError, ReadFailure};
pub use revert::{
    contract_revert, describe_contract_error, describe_error_payload, describe_revert,
    describe_rpc_error,
};
pub use status::{next_height_to_finalize, BatchStatus, UnknownBatchStatus};
pub use watcher::{on_each_head, HeadStep, L1Event, L1Head, L1Watcher, WatcherConfig};

#[cfg(test)]
mod tests;
