// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {StakingHandler} from "./handlers/StakingHandler.sol";
import {Staking} from "../../contracts/Staking.sol";
import {JanusToken} from "../../contracts/JanusToken.sol";
import {IStaking} from "../../contracts/interfaces/IStaking.sol";

/// @title StakingInvariantsTest
/// @notice Invariants (a) token conservation, (b) no delegator gains more than it put in plus its
///         rewards, (f) a slash touches only the slashed operator's pools, plus share bookkeeping
///         and ranking consistency, over random sequences of StakingHandler actions. The handler
///         never reverts on an expected condition, so any revert is a finding (fail-on-revert).
contract StakingInvariantsTest is Test {
    StakingHandler internal h;
    Staking internal staking;
    JanusToken internal token;

    function setUp() public {
        h = new StakingHandler();
        h.setUp();
        staking = h.stakingContract();
        token = h.tokenContract();

        bytes4[] memory sel = new bytes4[](10);
        sel[0] = StakingHandler.delegate.selector;
        sel[1] = StakingHandler.undelegate.selector;
        sel[2] = StakingHandler.withdraw.selector;
        sel[3] = StakingHandler.distributeRewards.selector;
        sel[4] = StakingHandler.claimCommission.selector;
        sel[5] = StakingHandler.setCommission.selector;
        sel[6] = StakingHandler.slash.selector;
        sel[7] = StakingHandler.unjail.selector;
        sel[8] = StakingHandler.warp.selector;
        sel[9] = StakingHandler.updateRanking.selector;
        targetContract(address(h));
        targetSelector(StdInvariant.FuzzSelector({addr: address(h), selectors: sel}));
    }

    /// @notice (a) The staking balance is exactly the two pools of every operator plus unclaimed
    ///         commission (rounding stays inside the pools' `stake`, so there is no dust term).
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

    /// @notice (a) Flows: everything pulled in minus everything paid out (withdrawals, commission
    ///         claims, slashes) is the balance.
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

    /// @notice (f) Every slash changed only the slashed operator's pools, by exactly its fraction.
    /// forge-config: default.invariant.fail-on-revert = true
    /// forge-config: ci.invariant.fail-on-revert = true
    function invariant_slashOnlyTouchesOperator() public view {
        assertEq(h.ghost_slashTouchedOther(), 0, "a slash changed another operator's pool");
        assertEq(h.ghost_slashWrongAmount(), 0, "a slash removed a wrong amount or changed shares");
    }

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

    function afterInvariant() external view {
        h.logSummary();
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
