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

import {BridgeHandler} from "../handlers/BridgeHandler.sol";
import {Bridge} from "../../../contracts/Bridge.sol";

/// @title BridgeInvariantBase
/// @notice Shared setup of the bridge invariants: deploys a bridge (with a withdrawals double as its
///         rollup) through BridgeHandler, and targets the handler's deposits (ETH, USDC, a hook token
///         whose transfer hook re-enters the bridge) and ETH withdrawals. Each invariant is its own
///         contract in BridgeInvariants.t.sol; the handler never reverts on an expected condition, so
///         they run with fail-on-revert.
abstract contract BridgeInvariantBase is Test {
    BridgeHandler internal h;
    Bridge internal bridge;

    function setUp() public {
        h = new BridgeHandler();
        bridge = h.bridge();
        bytes4[] memory sel = new bytes4[](5);
        sel[0] = BridgeHandler.depositETH.selector;
        sel[1] = BridgeHandler.depositETHNewAccount.selector;
        sel[2] = BridgeHandler.depositHook.selector;
        sel[3] = BridgeHandler.depositUSDC.selector;
        sel[4] = BridgeHandler.withdrawETH.selector;
        targetContract(address(h));
        targetSelector(StdInvariant.FuzzSelector({addr: address(h), selectors: sel}));
    }
}
