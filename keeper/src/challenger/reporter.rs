//! Reporters: liveness ([`LivenessReporter`]: `SequencerSet.reportLiveness` once the leader has
//! posted nothing for `livenessTimeout` blocks) and equivocation ([`report_equivocation`]:
//! `EquivocationSlasher.reportEquivocation` with two conflicting signed soft confirmations; how
//! they are gossiped is not this module's concern).

use std::sync::Arc;
use std::time::Duration;

use alloy::primitives::{Address, Bytes, Signature, U256};
use alloy::providers::Provider;
use tokio_util::sync::CancellationToken;

use super::{send_call, ChallengerError};
use crate::l1::bindings::{EquivocationSlasher, IEquivocationSlasher, SequencerSet};
use crate::l1::{on_each_head, rpc, L1Head, LeaderView};
use crate::txmgr::{TxError, TxManager, TxOutcome};

/// Reports the sequencer set's leader when it is late (see the module docs).
pub struct LivenessReporter<P> {
    provider: P,
    sequencer_set: Address,
    txmgr: Arc<TxManager<P>>,
    /// Our own operator: never reported by us (it is the sequencer's job to post).
    own_operator: Option<Address>,
    poll_interval: Duration,
    /// `SequencerSet.staking()` (immutable): read on the first step that needs it.
    staking: std::sync::OnceLock<Address>,
}

impl<P> std::fmt::Debug for LivenessReporter<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LivenessReporter")
            .field("sequencer_set", &self.sequencer_set)
            .finish_non_exhaustive()
    }
}

impl<P: Provider + Clone> LivenessReporter<P> {
    /// A reporter for `sequencer_set`, sending with `txmgr`; a failed step is retried after
    /// `poll_interval`.
    pub fn new(
        provider: P,
        sequencer_set: Address,
        txmgr: Arc<TxManager<P>>,
        own_operator: Option<Address>,
        poll_interval: Duration,
    ) -> Self {
        Self {
            provider,
            sequencer_set,
            txmgr,
            own_operator,
            poll_interval,
            staking: std::sync::OnceLock::new(),
        }
    }

    /// The current leader if it may be reported in the next block (it has been silent since
    /// `lastActivityBlock` for `livenessTimeout` blocks, or it is not eligible any more — jailed
    /// or below the minimum stake —, which the contract takes over at once and without a slash;
    /// then even our own operator is reported, so the set moves on), else `None`.
    pub async fn late_leader(&self) -> Result<Option<Address>, ChallengerError> {
        let view = self.view().await?;
        let head = self
            .provider
            .get_block_number()
            .await
            .map_err(rpc("block number"))?;
        // A new epoch starts its leader's clock afresh: only report inside the head's epoch.
        let epoch = view.epoch_of(head).await?;
        if view.epoch_of(head + 1).await? != epoch {
            return Ok(None);
        }
        let leader = view.leader_at(head + 1).await?;
        if leader == Address::ZERO {
            return Ok(None);
        }
        if !view.is_eligible(leader).await? {
            return Ok(Some(leader));
        }
        if Some(leader) == self.own_operator {
            return Ok(None);
        }
        let (last, timeout) = view.liveness().await?;
        Ok((head + 1 >= last + timeout).then_some(leader))
    }

    /// Report the leader if it is late; returns the reported leader. A report another keeper
    /// sent first makes the node reject ours in gas estimation ([`crate::txmgr::TxError::Rejected`]);
    /// one mined first in the same block makes ours revert on chain, which is logged at info
    /// level when the leadership did move on, and the step returns `None`.
    pub async fn step(&self) -> Result<Option<Address>, ChallengerError> {
        let Some(leader) = self.late_leader().await? else {
            return Ok(None);
        };
        let sent = send_call(
            &self.txmgr,
            self.sequencer_set,
            format!("reportLiveness {leader}"),
            SequencerSet::reportLivenessCall {},
            U256::ZERO,
        )
        .await;
        match sent {
            Ok(_) => {
                tracing::warn!(target: "janus::reporter", %leader, "leader reported for liveness");
                Ok(Some(leader))
            }
            Err(ChallengerError::Tx(TxError::Reverted { .. }))
                if self.leader_next_block().await? != leader =>
            {
                tracing::info!(target: "janus::reporter", %leader, "reported by another keeper in the same block (ours reverted)");
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Who leads the next L1 block (the block a report would land in).
    pub(crate) async fn leader_next_block(&self) -> Result<Address, ChallengerError> {
        let head = self
            .provider
            .get_block_number()
            .await
            .map_err(rpc("block number"))?;
        Ok(self.view().await?.leader_at(head + 1).await?)
    }

    /// The leader schedule (`SequencerSet.staking()`, immutable, is read on the first call).
    async fn view(&self) -> Result<LeaderView<&P>, ChallengerError> {
        let staking = match self.staking.get() {
            Some(a) => *a,
            None => {
                let a = SequencerSet::new(self.sequencer_set, &self.provider)
                    .staking()
                    .call()
                    .await
                    .map_err(rpc("staking"))?;
                *self.staking.get_or_init(|| a)
            }
        };
        Ok(LeaderView::new(&self.provider, self.sequencer_set, staking))
    }

    /// Step at every new L1 head until `cancel` fires; a failed step is logged and tried again
    /// after the poll interval (or at the next head, whichever comes first).
    pub async fn run(
        self,
        heads: L1Head,
        cancel: CancellationToken,
    ) -> Result<(), ChallengerError> {
        let this = &self;
        on_each_head(heads, self.poll_interval, &cancel, |_| async move {
            ChallengerError::head_step(this.step().await, "liveness reporter", "liveness step")
        })
        .await;
        Ok(())
    }
}

/// A soft confirmation as signed by an operator's signer (EIP-712, see
/// `IEquivocationSlasher`): the header and its 65-byte signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedConfirmation {
    /// The signed header.
    pub header: IEquivocationSlasher::SoftConfirmation,
    /// 65-byte `r ‖ s ‖ v` signature.
    pub signature: Bytes,
}

/// Report two conflicting soft confirmations of one signer to the `EquivocationSlasher` at
/// `slasher`. Checked before sending (so a report that would revert is never sent): same L2
/// height, different headers, the slasher's L2 chain id, and one signer for both (recovered from
/// the slasher's own EIP-712 digests).
pub async fn report_equivocation<P: Provider + Clone>(
    provider: &P,
    slasher: Address,
    txmgr: &TxManager<P>,
    a: &SignedConfirmation,
    b: &SignedConfirmation,
) -> Result<TxOutcome, ChallengerError> {
    let (ha, hb) = (&a.header, &b.header);
    if ha.l2BlockNumber != hb.l2BlockNumber {
        return Err(ChallengerError::NotEquivocation("different L2 heights"));
    }
    if ha == hb {
        return Err(ChallengerError::NotEquivocation("same header"));
    }
    let s = EquivocationSlasher::new(slasher, provider);
    let chain = s.l2ChainId().call().await.map_err(rpc("l2ChainId"))?;
    if ha.chainId != chain || hb.chainId != chain {
        return Err(ChallengerError::NotEquivocation("other L2 chain id"));
    }
    let mut signers = [Address::ZERO; 2];
    for (i, c) in [a, b].into_iter().enumerate() {
        let digest = s
            .hashSoftConfirmation(c.header.clone())
            .call()
            .await
            .map_err(rpc("hashSoftConfirmation"))?;
        let sig =
            Signature::try_from(c.signature.as_ref()).map_err(ChallengerError::BadSignature)?;
        signers[i] = sig
            .recover_address_from_prehash(&digest)
            .map_err(ChallengerError::BadSignature)?;
    }
    if signers[0] != signers[1] {
        return Err(ChallengerError::SignersDiffer {
            a: signers[0],
            b: signers[1],
        });
    }
    let out = send_call(
        txmgr,
        slasher,
        format!("reportEquivocation height {}", ha.l2BlockNumber),
        EquivocationSlasher::reportEquivocationCall {
            a: ha.clone(),
            sigA: a.signature.clone(),
            b: hb.clone(),
            sigB: b.signature.clone(),
        },
        U256::ZERO,
    )
    .await?;
    tracing::warn!(target: "janus::reporter", signer = %signers[0], height = ha.l2BlockNumber, "equivocation reported");
    Ok(out)
}
