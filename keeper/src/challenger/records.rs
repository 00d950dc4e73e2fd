//! The challenger's own store table, `challenges`: batch id → JSON [`ChallengeRecord`]. It keeps
//! why a batch was challenged and where the challenge stands, so a restarted node neither
//! challenges twice nor forgets to resolve (the L1 check in [`super::Challenger`] guards the
//! same thing from the chain's side).

use alloy::primitives::B256;
use redb::{ReadableTable, TableDefinition};
use serde::{Deserialize, Serialize};

use crate::derive::Verdict;
use crate::store::{Store, StoreError};

/// Challenge records: batch id → JSON [`ChallengeRecord`].
const CHALLENGES: TableDefinition<u64, &[u8]> = TableDefinition::new("challenges");

/// Why a batch is wrong (the derivation's verdict, in a stable JSON form).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChallengeReason {
    /// The data applies but yields another root.
    RootMismatch {
        /// Root the operator posted.
        claimed: B256,
        /// Root of our re-execution.
        computed: B256,
    },
    /// The data does not apply (the first failing rule, as `janus_l2` reports it).
    Unapplicable {
        /// The error.
        error: String,
    },
}

impl ChallengeReason {
    /// The reason to challenge a batch with this verdict (`None` for a valid one).
    pub fn from_verdict(v: &Verdict) -> Option<Self> {
        match v {
            Verdict::Valid => None,
            Verdict::RootMismatch { claimed, computed } => Some(Self::RootMismatch {
                claimed: *claimed,
                computed: *computed,
            }),
            Verdict::Invalid(error) => Some(Self::Unapplicable {
                error: error.clone(),
            }),
        }
    }
}

/// Where a challenge stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChallengeState {
    /// Our challenge is open on L1 (waiting for a proof or the deadline).
    Open,
    /// Someone else challenged first; nothing for us to do.
    ChallengedByOther,
    /// The challenge window had closed when we saw the batch (it will finalize: an alarm).
    WindowClosed,
    /// Resolved in our favour: the batch (and descendants) reverted, our bond credited back.
    Won,
    /// The batch was proven after all: our bond paid the prover.
    Lost,
    /// The verifier was removed while our challenge was open, so no proof could answer it: the
    /// rollup voided it (bond credited back, batch pending again, nobody slashed).
    Voided,
    /// Wrong, but no verifier could prove it (none set, or the batch holds more records than the
    /// verifier's circuit) and the rollup refused the challenge (`Rollup.isProvable`): the batch
    /// finalizes unless such a verifier is set inside its challenge window (an alarm).
    NoVerifier,
}

/// One row of the `challenges` table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChallengeRecord {
    /// Batch id.
    pub batch_id: u64,
    /// Why it is wrong.
    pub reason: ChallengeReason,
    /// Where the challenge stands.
    pub state: ChallengeState,
    /// Our `challenge` transaction (none when adopted after a restart or not ours).
    pub challenge_tx: Option<B256>,
    /// Our `resolveChallenge` transaction.
    pub resolve_tx: Option<B256>,
    /// L1 timestamp before which a proof is due (`Rollup.challengeDeadline`: extended when the
    /// verifier changed during the challenge).
    pub deadline: u64,
}

/// Access to the `challenges` table of a [`Store`].
#[derive(Clone, Debug)]
pub struct ChallengeRecords {
    store: Store,
}

impl ChallengeRecords {
    /// Open (create) the table.
    pub fn new(store: Store) -> Result<Self, StoreError> {
        let tx = store.db().begin_write()?;
        tx.open_table(CHALLENGES)?;
        tx.commit()?;
        Ok(Self { store })
    }

    /// Insert or overwrite the record of `r.batch_id`.
    pub fn put(&self, r: &ChallengeRecord) -> Result<(), StoreError> {
        let bytes = serde_json::to_vec(r)?;
        let tx = self.store.db().begin_write()?;
        tx.open_table(CHALLENGES)?
            .insert(r.batch_id, bytes.as_slice())?;
        tx.commit()?;
        Ok(())
    }

    /// The record of `batch_id`, if any.
    pub fn get(&self, batch_id: u64) -> Result<Option<ChallengeRecord>, StoreError> {
        let tx = self.store.db().begin_read()?;
        let table = tx.open_table(CHALLENGES)?;
        Ok(match table.get(batch_id)? {
            Some(v) => Some(serde_json::from_slice(v.value())?),
            None => None,
        })
    }

    /// Every record in `state`, by batch id.
    pub fn in_state(&self, state: ChallengeState) -> Result<Vec<ChallengeRecord>, StoreError> {
        let tx = self.store.db().begin_read()?;
        let table = tx.open_table(CHALLENGES)?;
        let mut out = Vec::new();
        for row in table.iter()? {
            let (_, v) = row?;
            let r: ChallengeRecord = serde_json::from_slice(v.value())?;
            if r.state == state {
                out.push(r);
            }
        }
        Ok(out)
    }
}
