// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {StakingInvariantBase} from "./base/StakingInvariantBase.sol";
import {IStaking} from "../../contracts/interfaces/IStaking.sol";

// Staking invariants over random sequences of StakingHandler actions, one contract each: (a) token
// conservation, (b) no delegator gains more than it put in plus its rewards, (f) a slash touches only
// the slashed operator's pools, plus share bookkeeping and ranking consistency.

/// @title TokenConservationInvariant
contract TokenConservationInvariant is StakingInvariantBase {
    /// @notice (a) The staking contract's token balance is exactly the sum, over every operator, of its
    ///         active pool's stake, its unbonding pool's stake and its unclaimed commission (rounding
    ///         stays inside the pools' `stake`, so there is no dust term).
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_tokenConservation() public view {
        address[] memory ops = h.operatorList();
        uint256 sum;
        for (uint256 i; i < ops.length; ++i) {
            sum += staking.pool(ops[i]).stake + staking.unbondingPool(ops[i]).stake
            + staking.commissionOf(ops[i]);
        }
        assertEq(token.balanceOf(address(staking)), sum, "balance == pools + unbonding + commission");
    }
}

/// @title TokenFlowsInvariant
contract TokenFlowsInvariant is StakingInvariantBase {
    /// @notice (a) Flows: everything pulled in minus everything paid out (withdrawals, commission
    ///         claims, slashes) is the balance; every slash paid the reporter and the treasury exactly
    ///         the slashed amount, and every withdrawal or commission claim paid exactly the amount it
    ///         returned.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_tokenFlows() public view {
        assertEq(
            h.ghost_in() - h.ghost_withdrawn() - h.ghost_commissionClaimed() - h.ghost_slashed(),
            token.balanceOf(address(staking)),
            "in - withdrawn - claimed - slashed == balance"
        );
        assertEq(
            h.ghost_slashPayoutMismatch(), 0, "slash paid reporter + treasury exactly the slashed amount"
        );
        assertEq(h.ghost_withdrawPayoutMismatch(), 0, "withdraw/claim paid exactly the returned amount");
    }
}

/// @title NoDelegatorProfitsBeyondRewardsInvariant
contract NoDelegatorProfitsBeyondRewardsInvariant is StakingInvariantBase {
    /// @notice (b) No actor withdraws, nor could withdraw (active value + pending unbonds), more than
    ///         it deposited plus its pro-rata part of rewards distributed while it held shares, up to
    ///         1 wei of rounding per pool operation.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_noDelegatorProfitsBeyondRewards() public view {
        address[] memory actors = h.actorList();
        address[] memory ops = h.operatorList();
        uint256 tol = h.ghost_poolOps() + 1;
        uint256[] memory pendingValue = _pendingValueByActor(actors);
        for (uint256 i; i < actors.length; ++i) {
            address a = actors[i];
            uint256 cap = h.ghost_deposited(a) + h.ghost_rewardsOf(a) + tol;
            uint256 withdrawn = h.ghost_withdrawnBy(a);
            assertLe(withdrawn, cap, "withdrawn <= deposited + rewards");
            uint256 claimable = withdrawn + pendingValue[i];
            for (uint256 j; j < ops.length; ++j) {
                claimable += staking.valueOf(ops[j], a);
            }
            assertLe(claimable, cap, "withdrawn + claimable <= deposited + rewards");
        }
    }

    /// @dev Current value of each actor's pending unbonds (floor, as the contract pays).
    function _pendingValueByActor(address[] memory actors) internal view returns (uint256[] memory v) {
        v = new uint256[](actors.length);
        uint256[] memory pending = h.pendingUnbonds();
        for (uint256 k; k < pending.length; ++k) {
            IStaking.Unbond memory ub = staking.unbond(pending[k]);
            IStaking.Pool memory u = staking.unbondingPool(ub.operator);
            uint256 value =
                Math.min(Math.mulDiv(ub.shares, uint256(u.stake) + 1, uint256(u.shares) + 1e6), u.stake);
            for (uint256 i; i < actors.length; ++i) {
                if (actors[i] == ub.delegator) v[i] += value;
            }
        }
    }
}

/// @title SlashOnlyTouchesOperatorInvariant
contract SlashOnlyTouchesOperatorInvariant is StakingInvariantBase {
    /// @notice (f) Every slash changed only the slashed operator's two pools, removing exactly its
    ///         fraction of each pool's stake (the slashed amount is their sum) and leaving their
    ///         shares unchanged.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_slashOnlyTouchesOperator() public view {
        assertEq(h.ghost_slashTouchedOther(), 0, "a slash changed another operator's pool");
        assertEq(h.ghost_slashWrongAmount(), 0, "a slash removed a wrong amount or changed shares");
    }
}

/// @title SharesAddUpInvariant
contract SharesAddUpInvariant is StakingInvariantBase {
    /// @notice Share bookkeeping: each active pool's shares are exactly its holders' shares, and each
    ///         unbonding pool's shares exactly its pending unbonds' shares.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_sharesAddUp() public view {
        address[] memory actors = h.actorList();
        address[] memory ops = h.operatorList();
        uint256[] memory pending = h.pendingUnbonds();
        for (uint256 j; j < ops.length; ++j) {
            uint256 active;
            for (uint256 i; i < actors.length; ++i) {
                active += staking.sharesOf(ops[j], actors[i]);
            }
            assertEq(active, staking.pool(ops[j]).shares, "active shares == sum of holders");
            uint256 unbonding;
            for (uint256 k; k < pending.length; ++k) {
                IStaking.Unbond memory ub = staking.unbond(pending[k]);
                if (ub.operator == ops[j]) unbonding += ub.shares;
            }
            assertEq(unbonding, staking.unbondingPool(ops[j]).shares, "unbonding shares == sum of unbonds");
        }
    }
}

/// @title RankingConsistentInvariant
contract RankingConsistentInvariant is StakingInvariantBase {
    /// @notice The ranking (K = 3 of 4 operators) holds at most K distinct eligible operators, sorted
    ///         by stake descending, ties by lower address; updateRanking always did what the rule says.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_rankingConsistent() public view {
        (address[] memory ranked, uint256[] memory stakes) = staking.ranking();
        assertLe(ranked.length, staking.params().activeSetSize, "ranking bounded by K");
        for (uint256 i; i < ranked.length; ++i) {
            assertTrue(staking.isEligible(ranked[i]), "ranked => eligible");
            for (uint256 j; j < i; ++j) {
                assertTrue(ranked[i] != ranked[j], "no duplicates");
            }
            if (i != 0) {
                assertTrue(
                    stakes[i - 1] > stakes[i] || (stakes[i - 1] == stakes[i] && ranked[i - 1] < ranked[i]),
                    "ranking sorted"
                );
            }
        }
        assertEq(h.ghost_rankingMispredicted(), 0, "updateRanking broke the ranking rule");
    }
}
