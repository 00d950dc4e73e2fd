//! The leader schedule as L1 gives it: [`LeaderView`] reads `SequencerSet` (who leads at a block,
//! the epoch, the liveness clock) and `Staking` (the leader's signer, URL and eligibility), and
//! [`LeaderInfo`] is its snapshot at one block. The sequencer, the liveness reporter and the devnet
//! view all read the schedule through it.

use alloy::primitives::{Address, U256};
use alloy::providers::Provider;
use serde::{Deserialize, Serialize};

use super::bindings::{SequencerSet, Staking};
use super::{rpc, L1ReadError};

/// The leader at an L1 block.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LeaderInfo {
    /// L1 block it was read at.
    pub l1_block: u64,
    /// Leading operator (zero: none yet).
    pub operator: Address,
    /// Its signer key's address.
    pub signer: Address,
    /// Its metadata (the node's L2 RPC URL).
    pub rpc_url: String,
    /// First L1 block of the next epoch.
    pub epoch_end_block: u64,
    /// Whether the leader may post (`Staking.isEligible`: not jailed, enough stake). An ineligible
    /// leader's node does not sequence; any keeper can hand its epoch to the next member at once.
    #[serde(default)]
    pub eligible: bool,
    /// Who leads from `epoch_end_block` as the sequencer set stands now (zero: unknown). A snapshot
    /// taken before the epoch ends can still change it; the sequencer re-reads it at every head.
    #[serde(default)]
    pub next_operator: Address,
    /// First L1 block at which the leader can be reported for liveness
    /// (`lastActivityBlock + livenessTimeout`; 0: unknown).
    #[serde(default)]
    pub liveness_deadline: u64,
}

impl LeaderInfo {
    /// Whether `operator` leads and may post.
    pub fn led_by(&self, operator: Address) -> bool {
        self.operator != Address::ZERO && self.operator == operator && self.eligible
    }
}

/// Reads the leader schedule from L1 (see the module docs).
#[derive(Clone, Debug)]
pub struct LeaderView<P> {
    provider: P,
    sequencer_set: Address,
    staking: Address,
}

impl<P: Provider> LeaderView<P> {
    /// A view over the deployed `SequencerSet` and `Staking`.
    pub fn new(provider: P, sequencer_set: Address, staking: Address) -> Self {
        Self {
            provider,
            sequencer_set,
            staking,
        }
    }

    fn set(&self) -> SequencerSet::SequencerSetInstance<&P> {
        SequencerSet::new(self.sequencer_set, &self.provider)
    }

    /// The operator leading at L1 block `block` (zero before the first set is in force).
    pub async fn leader_at(&self, block: u64) -> Result<Address, L1ReadError> {
        self.set()
            .leaderAt(U256::from(block))
            .call()
            .await
            .map_err(rpc("leaderAt"))
    }

    /// The epoch of L1 block `block`.
    pub async fn epoch_of(&self, block: u64) -> Result<u64, L1ReadError> {
        self.set()
            .epochOf(U256::from(block))
            .call()
            .await
            .map_err(rpc("epochOf"))
    }

    /// `SequencerSet.lastActivityBlock` and `livenessTimeout`.
    pub async fn liveness(&self) -> Result<(u64, u64), L1ReadError> {
        let set = self.set();
        let last = set
            .lastActivityBlock()
            .call()
            .await
            .map_err(rpc("lastActivityBlock"))?;
        let timeout = set
            .livenessTimeout()
            .call()
            .await
            .map_err(rpc("livenessTimeout"))?;
        Ok((last, timeout))
    }

    /// Whether `operator` may post (`Staking.isEligible`).
    pub async fn is_eligible(&self, operator: Address) -> Result<bool, L1ReadError> {
        Staking::new(self.staking, &self.provider)
            .isEligible(operator)
            .call()
            .await
            .map_err(rpc("isEligible"))
    }

    /// Who leads at L1 block `block` (the operator is zero before the first set is in force).
    pub async fn at(&self, block: u64) -> Result<LeaderInfo, L1ReadError> {
        let set = self.set();
        let operator = self.leader_at(block).await?;
        let epoch = self.epoch_of(block).await?;
        let next = set
            .epochStartBlock(epoch + 1)
            .call()
            .await
            .map_err(rpc("epochStartBlock"))?;
        let (last_activity, timeout) = self.liveness().await?;
        let next_operator = set.leaderAt(next).call().await.map_err(rpc("leaderAt"))?;
        let mut info = LeaderInfo {
            l1_block: block,
            operator,
            next_operator,
            epoch_end_block: next.saturating_to::<u64>(),
            liveness_deadline: last_activity + timeout,
            ..Default::default()
        };
        if operator != Address::ZERO {
            let op = Staking::new(self.staking, &self.provider)
                .getOperator(operator)
                .call()
                .await
                .map_err(rpc("getOperator"))?;
            info.signer = op.signer;
            info.rpc_url = op.metadata;
            info.eligible = self.is_eligible(operator).await?;
        }
        Ok(info)
    }
}
