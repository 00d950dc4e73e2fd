// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Script, console2} from "forge-std/Script.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

import {Deploy} from "./Deploy.s.sol";

/// @title Handover
/// @notice Run by the governor (a proposer and executor of the timelock): schedules the timelock's
///         acceptance of ownership of Staking, SequencerSet, Bridge and Rollup if it is not scheduled
///         yet, or executes it once the timelock delay has passed. Reads `deployments/<DEPLOY_NAME>.json`;
///         broadcasts with `GOVERNOR_KEY` (or the default sender).
contract Handover is Script {
    function run() external {
        string memory json =
            vm.readFile(string.concat("deployments/", vm.envOr("DEPLOY_NAME", string("devnet")), ".json"));
        Deploy.Deployment memory d;
        d.timelock = vm.parseJsonAddress(json, ".timelock");
        d.staking = vm.parseJsonAddress(json, ".staking");
        d.sequencerSet = vm.parseJsonAddress(json, ".sequencerSet");
        d.bridge = vm.parseJsonAddress(json, ".bridge");
        d.rollup = vm.parseJsonAddress(json, ".rollup");
        Deploy deploy = new Deploy();
        (address[] memory targets, uint256[] memory values, bytes[] memory payloads) = deploy.handoverCalls(d);
        bytes32 salt = deploy.HANDOVER_SALT();
        TimelockController timelock = TimelockController(payable(d.timelock));
        bytes32 id = timelock.hashOperationBatch(targets, values, payloads, bytes32(0), salt);

        uint256 key = vm.envOr("GOVERNOR_KEY", uint256(0));
        if (key == 0) vm.startBroadcast();
        else vm.startBroadcast(key);
        if (!timelock.isOperation(id)) {
            timelock.scheduleBatch(targets, values, payloads, bytes32(0), salt, timelock.getMinDelay());
            console2.log(
                "hand-over scheduled; run this script again after the delay (s):", timelock.getMinDelay()
            );
        } else if (timelock.isOperationReady(id)) {
            timelock.executeBatch(targets, values, payloads, bytes32(0), salt);
            console2.log("hand-over executed: the timelock owns the suite");
        } else if (timelock.isOperationDone(id)) {
            console2.log("hand-over already executed");
        } else {
            console2.log("hand-over scheduled, ready at timestamp", timelock.getTimestamp(id));
        }
        vm.stopBroadcast();
    }
}
