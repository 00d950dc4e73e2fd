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

import {SettlementHandler} from "../handlers/SettlementHandler.sol";
import {Staking} from "../../../contracts/Staking.sol";
import {SequencerSet} from "../../../contracts/SequencerSet.sol";
import {Bridge} from "../../../contracts/Bridge.sol";
import {Rollup} from "../../../contracts/Rollup.sol";
import {JanusToken} from "../../../contracts/JanusToken.sol";

/// @title SettlementInvariantBase
/// @notice Shared setup of the settlement invariants: deploys the whole suite through
///         SettlementHandler (real contracts, four operators) and targets its deposits, batch posts,
///         escape-hatch batches, challenges, proofs (one batch or a range), challenge timeouts,
///         finalization, withdrawals, claims, snapshots, liveness and equivocation reports, unjails,
///         guardian pauses, verifier changes and time warps. Each invariant is its own contract in
///         SettlementInvariants.t.sol; the handler never reverts on an expected condition, so they
///         run with fail-on-revert.
abstract contract SettlementInvariantBase is Test {
    SettlementHandler internal h;
    Staking internal staking;
    SequencerSet internal set;
    Bridge internal bridge;
    Rollup internal rollup;
    JanusToken internal token;
    JanusToken internal usd;

    function setUp() public {
        h = new SettlementHandler();
        h.setUp();
        (staking, set, bridge, rollup, token, usd) = h.contracts();

        bytes4[] memory sel = new bytes4[](18);
        sel[0] = SettlementHandler.depositETH.selector;
        sel[1] = SettlementHandler.depositUSD.selector;
        sel[2] = SettlementHandler.post.selector;
        sel[3] = SettlementHandler.escape.selector;
        sel[4] = SettlementHandler.challenge.selector;
        sel[5] = SettlementHandler.prove.selector;
        sel[6] = SettlementHandler.resolve.selector;
        sel[7] = SettlementHandler.finalize.selector;
        sel[8] = SettlementHandler.withdraw.selector;
        sel[9] = SettlementHandler.claim.selector;
        sel[10] = SettlementHandler.snapshot.selector;
        sel[11] = SettlementHandler.reportLiveness.selector;
        sel[12] = SettlementHandler.unjail.selector;
        sel[13] = SettlementHandler.pause.selector;
        sel[14] = SettlementHandler.warp.selector;
        sel[15] = SettlementHandler.equivocate.selector;
        sel[16] = SettlementHandler.setVerifier.selector;
        sel[17] = SettlementHandler.proveRange.selector;
        targetContract(address(h));
        targetSelector(StdInvariant.FuzzSelector({addr: address(h), selectors: sel}));
    }

    function afterInvariant() external view {
        h.logSummary();
    }
}
