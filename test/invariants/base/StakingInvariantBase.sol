// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// Campaign budget: forge runs one campaign (runs x depth handler calls from the state after setUp)
// per `invariant_*` function, whichever contract holds it, so one contract per invariant runs as many
// campaigns as the former one-contract-per-family layout did; only setUp runs once more per contract
// (`forge test --match-path 'test/invariants/*'`: about 7.0 s wall before the split, 6.6 s after).
// The invariants therefore keep foundry.toml's budgets (default: runs 16, depth 32; ci: runs 512,
// depth 256) and set no inline runs/depth. To trim one campaign in the fast profile only, put both
// `/// forge-config: default.invariant.runs = N` and `/// forge-config: ci.invariant.runs = 512` on its
// function: in forge 1.7.1 an inline `default.` value also applies under FOUNDRY_PROFILE=ci unless the
// ci line overrides it (checked with the run counts forge prints).

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";

import {StakingHandler} from "../handlers/StakingHandler.sol";
import {Staking} from "../../../contracts/Staking.sol";
import {JanusToken} from "../../../contracts/JanusToken.sol";

/// @title StakingInvariantBase
/// @notice Shared setup of the staking invariants: deploys the suite through StakingHandler (four
///         operators, four plain delegators) and targets its delegations, undelegations, withdrawals,
///         rewards, commission changes and claims, slashes, unjails, time warps and ranking updates.
///         Each invariant is its own contract in StakingInvariants.t.sol; the handler never reverts on
///         an expected condition, so any revert is a finding (fail-on-revert).
abstract contract StakingInvariantBase is Test {
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

    function afterInvariant() external view {
        h.logSummary();
    }
}
