//! The scenario's report: what happened on L1, counted from the contracts' events, printed as the
//! last line of `janus devnet --scenario … --exit`.

use serde::Serialize;

/// Slashes by kind (`IStaking.SlashKind`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Slashes {
    /// Silent leaders reported.
    pub liveness: u64,
    /// Wrong roots resolved against their poster.
    pub invalid_root: u64,
    /// Double-signed soft confirmations.
    pub equivocation: u64,
}

/// The report (field order is the JSON's).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Leader changes seen at the L1 head (epoch draws and takeovers).
    pub rotations: u64,
    /// `BatchSubmitted` events.
    pub batches_posted: u64,
    /// `BatchFinalized` with `proven = false`.
    pub batches_finalized_optimistic: u64,
    /// `BatchFinalized` with `proven = true` (0 until the on-chain verifier is set).
    pub batches_finalized_zk: u64,
    /// `RangeProven` events covering two batches or more: runs of batches proven, and finalized,
    /// by one range proof (`proveBatches`, docs/l2-spec.md §12.6).
    pub ranges_proven: u64,
    /// `BatchChallenged` events.
    pub challenges: u64,
    /// Challenges answered by a proof (`ChallengeResolved` won by someone else than the
    /// challenger: the prover).
    pub challenges_defended: u64,
    /// Challenges of an honest batch the rollup refused because no verifier is set, so no proof
    /// could answer them (`VerifierNotSet`; docs/protocol.md, "Challenge").
    pub challenges_refused: u64,
    /// `Slashed` events by kind.
    pub slashes: Slashes,
    /// Bridge messages enqueued (deposits).
    pub deposits: u64,
    /// `WithdrawalFinalized` events.
    pub withdrawals_paid: u64,
    /// Batches posted through the escape hatch (`submitBatchWithProof`, by no registered
    /// operator).
    pub escape_batches: u64,
    /// Transfers in canonical posted batches.
    pub l2_transfers: u64,
    /// A fresh node synced from L1 reached the running nodes' root and L1's.
    pub state_root_agreement: bool,
    /// The rollup has a verifier. Without one the contracts refuse every challenge (it could not
    /// be answered by a proof), so the wrong-root step is replaced by a refused challenge.
    pub verifier_set: bool,
    /// The scenario played the ZK steps (full scenario, a verifier and a proving node): their
    /// four counters are goals then. Not part of the JSON.
    #[serde(skip)]
    pub zk_steps: bool,
}

impl Report {
    /// The goals not reached (a challenge and its invalid-root slash only when a verifier is set,
    /// a refused challenge only when none is; ZK finality, a range proof, a defended challenge
    /// and an escape batch only when the ZK steps were played).
    pub fn missing(&self) -> Vec<&'static str> {
        let v = self.verifier_set;
        let zk = self.zk_steps;
        let goals = [
            (self.rotations > 0, "rotations"),
            (self.batches_posted > 0, "batches_posted"),
            (
                self.batches_finalized_optimistic > 0,
                "batches_finalized_optimistic",
            ),
            (!zk || self.batches_finalized_zk > 0, "batches_finalized_zk"),
            (!zk || self.ranges_proven > 0, "ranges_proven"),
            (!v || self.challenges > 0, "challenges"),
            (!zk || self.challenges_defended > 0, "challenges_defended"),
            (v || self.challenges_refused > 0, "challenges_refused"),
            (self.slashes.liveness > 0, "slashes.liveness"),
            (!v || self.slashes.invalid_root > 0, "slashes.invalid_root"),
            (self.slashes.equivocation > 0, "slashes.equivocation"),
            (self.deposits > 0, "deposits"),
            (self.withdrawals_paid > 0, "withdrawals_paid"),
            (!zk || self.escape_batches > 0, "escape_batches"),
            (self.l2_transfers > 0, "l2_transfers"),
            (self.state_root_agreement, "state_root_agreement"),
        ];
        goals
            .into_iter()
            .filter(|(ok, _)| !ok)
            .map(|(_, name)| name)
            .collect()
    }

    /// Every goal reached.
    pub fn passed(&self) -> bool {
        self.missing().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_the_issue_s_shape_and_every_goal_is_checked() {
        let mut r = Report::default();
        // The struct serializes in field order (a `Value` would sort its keys).
        let text = serde_json::to_string(&r).expect("json");
        let keys = [
            "rotations",
            "batches_posted",
            "batches_finalized_optimistic",
            "batches_finalized_zk",
            "ranges_proven",
            "challenges",
            "challenges_defended",
            "challenges_refused",
            "slashes",
            "deposits",
            "withdrawals_paid",
            "escape_batches",
            "l2_transfers",
            "state_root_agreement",
            "verifier_set",
        ];
        let at: Vec<usize> = keys
            .iter()
            .map(|k| text.find(&format!("\"{k}\":")).expect(k))
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "order: {text}");
        assert!(text.contains(r#""slashes":{"liveness":0,"invalid_root":0,"equivocation":0}"#));
        assert!(!text.contains("zk_steps"), "{text}");
        assert_eq!(r.missing().len(), 10, "{:?}", r.missing());
        r.verifier_set = true;
        assert_eq!(r.missing().len(), 11, "{:?}", r.missing());
        r = Report {
            rotations: 2,
            batches_posted: 5,
            batches_finalized_optimistic: 3,
            batches_finalized_zk: 0,
            ranges_proven: 0,
            challenges: 1,
            challenges_defended: 0,
            challenges_refused: 0,
            slashes: Slashes {
                liveness: 1,
                invalid_root: 1,
                equivocation: 1,
            },
            deposits: 3,
            withdrawals_paid: 1,
            escape_batches: 0,
            l2_transfers: 10,
            state_root_agreement: true,
            verifier_set: true,
            zk_steps: false,
        };
        assert!(r.passed(), "{:?}", r.missing());
        // With the ZK steps played, each of their four counters is a goal.
        r.zk_steps = true;
        assert_eq!(
            r.missing(),
            [
                "batches_finalized_zk",
                "ranges_proven",
                "challenges_defended",
                "escape_batches"
            ]
        );
        r.batches_finalized_zk = 1;
        r.ranges_proven = 1;
        r.challenges_defended = 1;
        r.escape_batches = 1;
        assert!(r.passed(), "{:?}", r.missing());
        r.zk_steps = false;
        r.slashes.equivocation = 0;
        assert_eq!(r.missing(), ["slashes.equivocation"]);
        r.slashes.equivocation = 1;
        // Without a verifier no challenge can be opened: a refused one is the goal instead.
        r.verifier_set = false;
        assert_eq!(r.missing(), ["challenges_refused"]);
        r.challenges_refused = 1;
        r.challenges = 0;
        r.slashes.invalid_root = 0;
        assert!(r.passed(), "{:?}", r.missing());
    }
}
