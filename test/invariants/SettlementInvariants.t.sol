// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {SettlementInvariantBase} from "./base/SettlementInvariantBase.sol";
import {IRollup} from "../../contracts/interfaces/IRollup.sol";
import {ISequencerSet} from "../../contracts/interfaces/ISequencerSet.sol";

// Invariants over the whole suite driven by SettlementHandler, one contract each: (c) finalized
// batches form one parent chain and a reverted batch is never finalized, an honest batch is never
// reverted, (d) bridge solvency per asset and no withdrawal paid twice, (e) one leader (or none) per
// block, a member of that epoch's set, stable once the block is past, (f) a slash (lost challenge,
// liveness, equivocation) only touches the operator at fault, (a) staking-token conservation through
// real slashes, and the rollup's ETH accounting (bounty pool, credits, bonds).

/// @title FinalizedBatchesFormOneChainInvariant
contract FinalizedBatchesFormOneChainInvariant is SettlementInvariantBase {
    /// @notice (c) Genesis (id 0) is at height 0, the tip height is at least lastFinalizedHeight, and
    ///         lastFinalizedId is the batch at lastFinalizedHeight; every height 1..lastFinalizedHeight
    ///         holds a finalized batch of that height whose parent is the batch at the height below;
    ///         every finalized batch is canonical and at or below lastFinalizedHeight; and a batch once
    ///         finalized stays finalized.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_finalizedBatchesFormOneChain() public view {
        uint64 lf = rollup.lastFinalizedHeight();
        assertLe(lf, rollup.tipHeight(), "finalized height <= tip height");
        assertEq(rollup.idAtHeight(0), 0, "genesis at height 0");
        assertEq(rollup.lastFinalizedId(), rollup.idAtHeight(lf), "lastFinalizedId at lastFinalizedHeight");
        for (uint64 hgt = 1; hgt <= lf; ++hgt) {
            uint64 id = rollup.idAtHeight(hgt);
            IRollup.Batch memory b = rollup.getBatch(id);
            assertTrue(rollup.isFinalized(id), "finalized height holds a finalized batch");
            assertEq(b.height, hgt, "height");
            assertEq(b.parentId, rollup.idAtHeight(hgt - 1), "parent of idAtHeight(h) == idAtHeight(h-1)");
        }
        uint64 n = h.batchCount();
        for (uint64 id = 1; id <= n; ++id) {
            if (rollup.isFinalized(id)) {
                assertTrue(rollup.isCanonical(id), "finalized => canonical");
                assertLe(rollup.getBatch(id).height, lf, "finalized => at or below the finalized height");
            }
        }
        uint64[] memory fin = h.finalized();
        for (uint256 i; i < fin.length; ++i) {
            assertTrue(rollup.isFinalized(fin[i]), "finality is never undone");
        }
    }
}

/// @title RevertedNeverFinalizedInvariant
contract RevertedNeverFinalizedInvariant is SettlementInvariantBase {
    /// @notice (c) Every batch reverted by a lost challenge (with its descendants) keeps status
    ///         Reverted, is never canonical again and is never finalized.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_revertedNeverFinalized() public view {
        uint64[] memory rev = h.reverted();
        for (uint256 i; i < rev.length; ++i) {
            assertFalse(rollup.isFinalized(rev[i]), "reverted batch finalized");
            assertFalse(rollup.isCanonical(rev[i]), "reverted batch canonical again");
            assertEq(
                uint8(rollup.getBatch(rev[i]).status), uint8(IRollup.BatchStatus.Reverted), "status Reverted"
            );
        }
    }
}

/// @title HonestBatchNeverRevertedInvariant
contract HonestBatchNeverRevertedInvariant is SettlementInvariantBase {
    /// @notice An honest batch is never Reverted and no honest operator is slashed for it, whatever
    ///         governance does with the verifier (given an honest prover that answers a challenge
    ///         within a prove window of a working verifier); a challenge is accepted only while a
    ///         verifier is set, a challenge voided by a missing verifier slashes and reverts nothing,
    ///         the guardian cannot pause during its cooldown, and proveBatches proves every batch of its
    ///         range and credits the prover exactly the expected reward.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_honestBatchNeverReverted() public view {
        uint64 n = h.batchCount();
        for (uint64 id = 1; id <= n; ++id) {
            if (h.isTrueBatch(id)) {
                assertTrue(
                    rollup.getBatch(id).status != IRollup.BatchStatus.Reverted, "honest batch Reverted"
                );
            }
        }
        assertEq(h.ghost_honestReverted(), 0, "an honest batch was reverted and its operator slashed");
        assertEq(h.ghost_challengeWithoutVerifier(), 0, "a challenge was accepted without a verifier");
        assertEq(h.ghost_voidWrong(), 0, "a voided challenge slashed or reverted");
        assertEq(h.ghost_pauseInCooldown(), 0, "a pause was accepted inside the cooldown");
        assertEq(h.ghost_rangeWrong(), 0, "proveBatches left a batch unproven or paid a wrong reward");
    }
}

/// @title BridgeSolvencyInvariant
contract BridgeSolvencyInvariant is SettlementInvariantBase {
    /// @notice (d) The bridge holds exactly outstanding * 1 gwei of ETH (no dust) and at least
    ///         outstanding * 1e9 of the ERC-20; each asset's outstanding amount is exactly its deposits
    ///         minus its withdrawals paid; and every withdrawal paid its recipient exactly amount * scale.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_bridgeSolvency() public view {
        uint64 ethOut = bridge.getAsset(0).outstanding;
        uint64 usdOut = bridge.getAsset(1).outstanding;
        assertGe(address(bridge).balance, uint256(ethOut) * 1 gwei, "ETH solvency");
        assertGe(usd.balanceOf(address(bridge)), uint256(usdOut) * 1e9, "ERC-20 solvency");
        assertEq(ethOut, h.ghost_depEth() - h.ghost_wdEth(), "ETH outstanding == deposited - withdrawn");
        assertEq(usdOut, h.ghost_depUsd() - h.ghost_wdUsd(), "ERC-20 outstanding == deposited - withdrawn");
        assertEq(address(bridge).balance, uint256(ethOut) * 1 gwei, "no ETH dust in the bridge");
        assertEq(h.ghost_badPayout(), 0, "a withdrawal paid a wrong amount");
    }
}

/// @title NoWithdrawalPaidTwiceInvariant
contract NoWithdrawalPaidTwiceInvariant is SettlementInvariantBase {
    /// @notice (d) No withdrawal is paid twice and every paid one is marked withdrawn; no withdrawal
    ///         beyond the outstanding amount is paid, and the only rejected withdrawals are replays
    ///         (AlreadyWithdrawn) and such overdraws (WithdrawalExceedsOutstanding).
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_noWithdrawalPaidTwice() public view {
        assertEq(h.ghost_doublePaid(), 0, "a withdrawal was paid twice");
        assertEq(h.ghost_unexpectedError(), 0, "a withdrawal succeeded or failed unexpectedly");
        uint256 n = h.paidCount();
        for (uint256 i; i < n; ++i) {
            (uint64 batchId, uint32 index) = h.paidAt(i);
            assertTrue(bridge.isWithdrawn(batchId, index), "paid => marked withdrawn");
        }
    }
}

/// @title OneLeaderInActiveSetInvariant
contract OneLeaderInActiveSetInvariant is SettlementInvariantBase {
    /// @notice (e) The leader of the current block is none or a member of its epoch's set; every past
    ///         block's leader is what it was when that block was current, and a member of its set; a
    ///         liveness report hands leadership to the expected member; and no jailed or exited leader
    ///         ever posts a batch.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_oneLeaderInActiveSet() public view {
        uint64 now_ = h.blockNow();
        _assertMember(set.leaderAt(now_), now_);
        uint64[] memory blocks = h.samples();
        for (uint256 i; i < blocks.length; ++i) {
            if (blocks[i] >= now_) continue;
            address leader = set.leaderAt(blocks[i]);
            assertEq(leader, h.sampleLeader(blocks[i]), "leaderAt of a past block changed");
            _assertMember(leader, blocks[i]);
        }
        assertEq(h.ghost_wrongTakeover(), 0, "liveness report handed over to the wrong member");
        assertEq(h.ghost_ineligiblePosted(), 0, "a jailed/exited leader posted a batch");
    }

    function _assertMember(address leader, uint64 blockNumber) internal view {
        if (leader == address(0)) return;
        ISequencerSet.SetSnapshot memory s = set.setFor(set.epochOf(blockNumber));
        bool found;
        for (uint256 i; i < s.operators.length; ++i) {
            if (s.operators[i] == leader) found = true;
        }
        assertTrue(found, "leader is a member of its epoch's set");
    }
}

/// @title SlashesIsolatedAndTokensConservedInvariant
contract SlashesIsolatedAndTokensConservedInvariant is SettlementInvariantBase {
    /// @notice (f) Lost challenges, liveness reports and equivocation reports slash only the
    ///         operator at fault, by exactly its fraction; (a) through these real slashes the staking
    ///         balance stays exactly every operator's pools plus unclaimed commission, and that balance
    ///         plus what the slash recipients hold is exactly the tokens staking pulled in.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_slashesIsolatedAndTokensConserved() public view {
        assertEq(h.ghost_slashTouchedOther(), 0, "a slash changed another operator's pool");
        assertEq(h.ghost_slashWrongAmount(), 0, "a slash removed a wrong amount");
        address[] memory ops = h.operatorList();
        uint256 sum;
        for (uint256 i; i < ops.length; ++i) {
            sum += staking.pool(ops[i]).stake + staking.unbondingPool(ops[i]).stake
            + staking.commissionOf(ops[i]);
        }
        uint256 held = token.balanceOf(address(staking));
        assertEq(held, sum, "staking balance == pools + unbonding + commission");
        address[] memory sinks = h.slashSinks();
        uint256 out;
        for (uint256 i; i < sinks.length; ++i) {
            out += token.balanceOf(sinks[i]);
        }
        assertEq(held + out, h.ghost_tokensIn(), "tokens in == held + slashed out");
    }
}

/// @title RollupEthAccountingInvariant
contract RollupEthAccountingInvariant is SettlementInvariantBase {
    /// @notice The rollup's ETH is exactly the bounty pool, the unclaimed credits and the bonds of
    ///         open challenges; every claim pays exactly the claimer's credit; and escapeHatchOpen
    ///         always agrees with the queue and the post times.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_rollupEthAccounting() public view {
        uint256 owed = rollup.bountyPool();
        address[] memory a = h.ethActors();
        for (uint256 i; i < a.length; ++i) {
            owed += rollup.credits(a[i]);
        }
        uint64 n = h.batchCount();
        for (uint64 id = 1; id <= n; ++id) {
            owed += rollup.getChallenge(id).bond;
        }
        assertEq(address(rollup).balance, owed, "rollup ETH == bounty pool + credits + open bonds");
        assertEq(h.ghost_claimMismatch(), 0, "claim paid a wrong amount");
        assertEq(h.ghost_escapeMismatch(), 0, "escapeHatchOpen disagrees with the queue and post times");
    }
}

/// @title SettlementHandlerRangeTest
/// @notice Not an invariant: checks that the handler's range action does prove runs, so the
///         invariants above cover `proveBatches`.
contract SettlementHandlerRangeTest is SettlementInvariantBase {
    /// @notice The handler's range action does prove runs (so the invariants above cover
    ///         `proveBatches`): three honest batches, then one proof for all of them.
    function test_proveRange_handlerProvesARun_succeeds() public {
        for (uint256 i; i < 3; ++i) {
            h.post(1, 1, 0);
        }
        assertEq(rollup.tipHeight(), 3, "three batches posted");
        h.proveRange(0, 3);
        assertEq(h.calls("proveRange.many"), 1, "one range of three");
        assertEq(rollup.lastFinalizedHeight(), 3, "all final");
        assertEq(h.ghost_rangeWrong(), 0);
        h.proveRange(0, 3);
        assertEq(h.calls("proveRange.nothing"), 1, "nothing left to prove");
    }
}
