//! Errors of the challenger, the finalizer and the reporters.

use alloy::primitives::Address;

use crate::l1::{HeadStep, L1ReadError};
use crate::store::StoreError;
use crate::txmgr::TxError;

/// A challenger, finalizer or reporter step failed.
#[derive(Debug, thiserror::Error)]
pub enum ChallengerError {
    /// An L1 read failed (the `run` loops retry on their next step).
    #[error(transparent)]
    Rpc(#[from] L1ReadError),
    /// The transaction manager could not get a transaction mined.
    #[error(transparent)]
    Tx(#[from] TxError),
    /// The challenge records could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Two soft confirmations that are not an equivocation (same header, other heights, other
    /// L2 chains): reporting them would revert, so nothing is sent.
    #[error("not an equivocation: {0}")]
    NotEquivocation(&'static str),
    /// A soft confirmation's signature does not recover to an address.
    #[error("soft confirmation signature: {0}")]
    BadSignature(#[source] alloy::primitives::SignatureError),
    /// The two soft confirmations were signed by different keys.
    #[error("soft confirmations signed by different keys ({a} and {b})")]
    SignersDiffer {
        /// Signer of the first one.
        a: Address,
        /// Signer of the second one.
        b: Address,
    },
}

impl ChallengerError {
    /// The transaction would revert: usually another keeper acted first (finalized, challenged
    /// or reported the same thing a moment earlier), which is expected with several keepers.
    pub fn is_rejected(&self) -> bool {
        matches!(self, Self::Tx(TxError::Rejected { .. }))
    }

    /// Log a failed step of a role loop: a rejection (a lost race) or a shutdown at info level,
    /// anything else at error level.
    pub(crate) fn log(&self, target_role: &'static str, what: &'static str) {
        if matches!(self, Self::Tx(TxError::Cancelled)) {
            tracing::info!(target: "janus::challenger", role = target_role, "{what}: stopped by shutdown (the submission resumes after restart)");
        } else if self.is_rejected() {
            tracing::info!(target: "janus::challenger", role = target_role, error = %self, "{what}: not sent (another keeper was first, or it no longer applies)");
        } else {
            tracing::error!(target: "janus::challenger", role = target_role, error = %self, "{what} failed");
        }
    }

    /// A role's step run by [`crate::l1::on_each_head`]: done at this head, or logged (see
    /// [`Self::log`]) and retried.
    pub(crate) fn head_step<T>(
        step: Result<T, Self>,
        target_role: &'static str,
        what: &'static str,
    ) -> HeadStep {
        match step {
            Ok(_) => HeadStep::Done,
            Err(e) => {
                e.log(target_role, what);
                HeadStep::Retry
            }
        }
    }
}
