//! The cheap L1 checks made before any derivation or proving work ([`preflight`]: hatch open,
//! verifier set, circuit size), the L1 facts the batch plan needs ([`queue_facts`]), and the
//! decoding of the rollup's custom errors by name ([`decode_revert`]).

use alloy::primitives::Address;
use alloy::providers::Provider;

use super::EscapeError;
use crate::challenger::l1_now;
use crate::l1::bindings::{Bridge, Rollup};
use crate::l1::rpc;
use crate::l1::Contracts;
use janus_prover::prover::batch::ProverShape;
use janus_prover::verifier::generate::VERIFIER_SHAPE;

alloy::sol! {
    /// The part of `IBatchVerifier` the escape hatch reads (contracts/interfaces/IBatchVerifier.sol).
    #[sol(rpc)]
    interface IBatchVerifier {
        /// Largest batch (L1 messages + transactions) the verifier's circuit proves.
        function maxRecords() external view returns (uint256);
    }
}

/// Messages that become overdue within this many seconds count as overdue when the batch cannot
/// take every queued message: the batch lands after proving (minutes), and leaving out a message
/// that is overdue by then makes L1 revert `OverdueMessagesNotConsumed`.
pub const OVERDUE_MARGIN_SECS: u64 = 600;

/// What [`preflight`] found on L1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preflight {
    /// `Rollup.verifier()` (non-zero).
    pub verifier: Address,
    /// `verifier.maxRecords()`: the slots a proof must be made with.
    pub max_records: u64,
}

/// The checks that cost nothing, in this order: the escape hatch is open
/// ([`EscapeError::HatchClosed`] with when it opens), a verifier is set
/// ([`EscapeError::NoVerifier`]), and, with `shape`, the prover proves batches of exactly the
/// verifier's `maxRecords` records ([`EscapeError::ProverMismatch`]). Nothing is sent.
pub async fn preflight<P: Provider>(
    provider: &P,
    contracts: Contracts,
    shape: Option<ProverShape>,
) -> Result<Preflight, EscapeError> {
    let rollup = Rollup::new(contracts.rollup, provider);
    let open = rollup
        .escapeHatchOpen()
        .call()
        .await
        .map_err(rpc("escapeHatchOpen"))?;
    if !open {
        let now = l1_now(provider).await?;
        let opens_at = hatch_opens_at(provider, contracts).await.ok();
        return Err(EscapeError::HatchClosed { opens_at, now });
    }
    let verifier = rollup.verifier().call().await.map_err(rpc("verifier"))?;
    if verifier == Address::ZERO {
        return Err(EscapeError::NoVerifier);
    }
    let max_records: u64 = IBatchVerifier::new(verifier, provider)
        .maxRecords()
        .call()
        .await
        .map_err(rpc("verifier maxRecords"))?
        .saturating_to();
    if let Some(shape) = shape {
        if shape.max_records() as u64 != max_records {
            let (slots, depth) = (shape.slots, shape.depth);
            let fix = if max_records == VERIFIER_SHAPE.max_records() as u64 {
                format!(
                    "use --prover-slots {} --prover-depth {} (the defaults: the shape the \
                     repository's verifier is generated for)",
                    VERIFIER_SHAPE.slots, VERIFIER_SHAPE.depth
                )
            } else {
                format!(
                    "use the shape the verifier was generated for (--prover-slots s \
                     --prover-depth d with s·2^d = {max_records})"
                )
            };
            return Err(EscapeError::ProverMismatch(format!(
                "the prover proves batches of up to {} records (--prover-slots {slots} \
                 --prover-depth {depth}) but the deployed verifier ({verifier}) checks proofs of \
                 {max_records} (maxRecords): {fix}",
                shape.max_records()
            )));
        }
    }
    Ok(Preflight {
        verifier,
        max_records,
    })
}

/// When the hatch opens at the latest with nothing posted meanwhile: the earlier of
/// `lastSubmittedAt + escapeDelay` and the first unconsumed message's overdue time.
async fn hatch_opens_at<P: Provider>(
    provider: &P,
    contracts: Contracts,
) -> Result<u64, EscapeError> {
    let rollup = Rollup::new(contracts.rollup, provider);
    let last = rollup
        .lastSubmittedAt()
        .call()
        .await
        .map_err(rpc("lastSubmittedAt"))?;
    let delay = rollup
        .params()
        .call()
        .await
        .map_err(rpc("params"))?
        .escapeDelay;
    let mut at = last.saturating_add(delay);
    let tip = rollup.tipId().call().await.map_err(rpc("tipId"))?;
    let first = rollup
        .getBatch(tip)
        .call()
        .await
        .map_err(rpc("getBatch"))?
        .msgEnd;
    let bridge = Bridge::new(contracts.bridge, provider);
    let (count, overdue_after) = queue_length_and_delay(&bridge).await?;
    if first < count {
        let enqueued = bridge
            .enqueuedAt(first)
            .call()
            .await
            .map_err(rpc("enqueuedAt"))?;
        at = at.min(enqueued.saturating_add(overdue_after));
    }
    Ok(at)
}

/// `Bridge.messageCount()` and `Bridge.forcedInclusionDelay()`.
async fn queue_length_and_delay<P: Provider>(
    bridge: &Bridge::BridgeInstance<&P>,
) -> Result<(u64, u64), EscapeError> {
    let count = bridge
        .messageCount()
        .call()
        .await
        .map_err(rpc("messageCount"))?;
    let delay = bridge
        .forcedInclusionDelay()
        .call()
        .await
        .map_err(rpc("forcedInclusionDelay"))?;
    Ok((count, delay))
}

/// The queue as L1 sees it now, for the batch plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct QueueFacts {
    /// `Bridge.messageCount()`.
    pub count: u64,
    /// How many messages from `from` on the batch must consume: those overdue within
    /// [`OVERDUE_MARGIN_SECS`], at most the forced-inclusion quota (`min(256,
    /// batchRecordLimit)`: a batch that consumes the quota may leave overdue ones to the next,
    /// so a backlog drains one full batch at a time).
    pub must_consume: u64,
}

/// Read the queue length and count the overdue messages from `from` (the tip's `msgEnd`), at
/// most the forced-inclusion quota (`Rollup.FORCED_INCLUSION_QUOTA` capped by
/// `Rollup.batchRecordLimit()`, as `submitBatchWithProof` checks it). Overdue messages are a
/// prefix of the unconsumed ones (enqueue times never decrease), so the count stops at the first
/// that is not.
pub(crate) async fn queue_facts<P: Provider>(
    provider: &P,
    contracts: Contracts,
    from: u64,
) -> Result<QueueFacts, EscapeError> {
    let bridge = Bridge::new(contracts.bridge, provider);
    let rollup = Rollup::new(contracts.rollup, provider);
    let (count, delay) = queue_length_and_delay(&bridge).await?;
    let quota = rollup
        .FORCED_INCLUSION_QUOTA()
        .call()
        .await
        .map_err(rpc("FORCED_INCLUSION_QUOTA"))?
        .min(
            rollup
                .batchRecordLimit()
                .call()
                .await
                .map_err(rpc("batchRecordLimit"))?
                .saturating_to::<u64>(),
        );
    let horizon = l1_now(provider).await? + OVERDUE_MARGIN_SECS;
    let mut must = 0;
    let mut n = from;
    while n < count && must < quota {
        let at = bridge
            .enqueuedAt(n)
            .call()
            .await
            .map_err(rpc("enqueuedAt"))?;
        if at.saturating_add(delay) > horizon {
            break;
        }
        must += 1;
        n += 1;
    }
    Ok(QueueFacts {
        count,
        must_consume: must,
    })
}

/// A revert of a rollup call in words: the custom error by name (and its arguments) when the
/// revert data decodes with a bound contract's ABI ([`crate::l1::describe_revert`]), else the
/// node's message.
pub fn decode_revert(e: &alloy::contract::Error) -> String {
    crate::l1::contract_revert(e).unwrap_or_else(|| e.to_string())
}
