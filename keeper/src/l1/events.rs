//! The Janus L1 events the keeper follows, decoded from raw logs.

use alloy::primitives::{Address, B256};
use alloy::rpc::types::Log;
use alloy::sol_types::SolEvent;

use super::bindings::{Bridge, Rollup};
use super::L1Error;

/// A block by number and hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockRef {
    /// Block number.
    pub number: u64,
    /// Block hash.
    pub hash: B256,
}

/// Where a log was emitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogPos {
    /// Block.
    pub block: BlockRef,
    /// Transaction hash.
    pub tx_hash: B256,
    /// Log index in the block.
    pub log_index: u64,
}

/// A decoded Janus event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JanusEvent {
    /// Bridge: an L1 message (deposit / key registration) entered the queue.
    MessageEnqueued(Bridge::MessageEnqueued),
    /// Rollup: a batch was posted.
    BatchSubmitted(Rollup::BatchSubmitted),
    /// Rollup: a batch was challenged.
    BatchChallenged(Rollup::BatchChallenged),
    /// Rollup: a batch was proven.
    BatchProven(Rollup::BatchProven),
    /// Rollup: a batch finalized.
    BatchFinalized(Rollup::BatchFinalized),
    /// Rollup: a batch and its descendants were reverted.
    BatchesReverted(Rollup::BatchesReverted),
}

/// A decoded event and where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JanusLog {
    /// Position.
    pub pos: LogPos,
    /// The event.
    pub event: JanusEvent,
}

/// The Janus contracts the watcher follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Contracts {
    /// Rollup address.
    pub rollup: Address,
    /// Bridge address.
    pub bridge: Address,
}

fn dec<E: SolEvent>(log: &Log, block: u64) -> Result<E, L1Error> {
    E::decode_log_data(log.data()).map_err(|source| L1Error::Decode {
        event: E::SIGNATURE,
        block,
        source,
    })
}

/// Decode one log of a Janus contract; `None` for events the keeper does not follow.
pub fn decode(contracts: &Contracts, log: &Log) -> Result<Option<JanusLog>, L1Error> {
    let (Some(number), Some(hash), Some(tx_hash), Some(log_index)) = (
        log.block_number,
        log.block_hash,
        log.transaction_hash,
        log.log_index,
    ) else {
        return Err(L1Error::Inconsistent(
            "log without block position (pending?)".into(),
        ));
    };
    let Some(&topic0) = log.topic0() else {
        return Ok(None);
    };
    let addr = log.address();
    let event = if addr == contracts.bridge {
        match topic0 {
            Bridge::MessageEnqueued::SIGNATURE_HASH => {
                JanusEvent::MessageEnqueued(dec(log, number)?)
            }
            _ => return Ok(None),
        }
    } else if addr == contracts.rollup {
        match topic0 {
            Rollup::BatchSubmitted::SIGNATURE_HASH => JanusEvent::BatchSubmitted(dec(log, number)?),
            Rollup::BatchChallenged::SIGNATURE_HASH => {
                JanusEvent::BatchChallenged(dec(log, number)?)
            }
            Rollup::BatchProven::SIGNATURE_HASH => JanusEvent::BatchProven(dec(log, number)?),
            Rollup::BatchFinalized::SIGNATURE_HASH => JanusEvent::BatchFinalized(dec(log, number)?),
            Rollup::BatchesReverted::SIGNATURE_HASH => {
                JanusEvent::BatchesReverted(dec(log, number)?)
            }
            _ => return Ok(None),
        }
    } else {
        return Ok(None);
    };
    Ok(Some(JanusLog {
        pos: LogPos {
            block: BlockRef { number, hash },
            tx_hash,
            log_index,
        },
        event,
    }))
}
