//! [`BatchStatus`]: the keeper's copy of `IRollup.BatchStatus` (the bindings give the enum as a
//! `u8`), with [`TryFrom<u8>`] for the value a `getBatch` call returns and [`IRollup::Batch::batch_status`]
//! to convert it once where a batch is read; [`next_height_to_finalize`].

use std::fmt;

use alloy::providers::Provider;

use super::bindings::{IRollup, Rollup};
use super::{rpc, L1ReadError};

/// The life cycle of a posted batch, in the order of `IRollup.BatchStatus` (the discriminants are
/// the on-chain values).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BatchStatus {
    /// No batch with this id.
    None = 0,
    /// Posted, inside or past its challenge window, not challenged.
    Pending = 1,
    /// An open challenge waits for a proof.
    Challenged = 2,
    /// A valid proof was accepted; final once its parent is final.
    Proven = 3,
    /// Final.
    Finalized = 4,
    /// Lost a challenge, or descends from a batch that did.
    Reverted = 5,
}

/// A `BatchStatus` value the keeper does not know (the contract's enum grew).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown batch status {0}")]
pub struct UnknownBatchStatus(pub u8);

impl TryFrom<u8> for BatchStatus {
    type Error = UnknownBatchStatus;

    fn try_from(v: u8) -> Result<Self, Self::Error> {
        Ok(match v {
            0 => Self::None,
            1 => Self::Pending,
            2 => Self::Challenged,
            3 => Self::Proven,
            4 => Self::Finalized,
            5 => Self::Reverted,
            v => return Err(UnknownBatchStatus(v)),
        })
    }
}

impl From<BatchStatus> for u8 {
    fn from(s: BatchStatus) -> u8 {
        s as u8
    }
}

impl fmt::Display for BatchStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::None => "none",
            Self::Pending => "pending",
            Self::Challenged => "challenged",
            Self::Proven => "proven",
            Self::Finalized => "finalized",
            Self::Reverted => "reverted",
        })
    }
}

impl IRollup::Batch {
    /// This batch's status (`Err` for a value the keeper does not know).
    pub fn batch_status(&self) -> Result<BatchStatus, UnknownBatchStatus> {
        BatchStatus::try_from(self.status)
    }
}

/// The height `Rollup.finalizeBatch` finalizes next (`lastFinalizedHeight + 1`): the finalizer's
/// next step, and the only batch whose proof is paid the bounty.
pub async fn next_height_to_finalize<P: Provider>(
    rollup: &Rollup::RollupInstance<P>,
) -> Result<u64, L1ReadError> {
    let last = rollup
        .lastFinalizedHeight()
        .call()
        .await
        .map_err(rpc("lastFinalizedHeight"))?;
    Ok(last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_value() {
        for v in 0..=5u8 {
            let s = BatchStatus::try_from(v).expect("known");
            assert_eq!(u8::from(s), v);
        }
        assert_eq!(BatchStatus::try_from(6), Err(UnknownBatchStatus(6)));
        assert_eq!(BatchStatus::Finalized.to_string(), "finalized");
    }
}
