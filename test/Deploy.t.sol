// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Deploy} from "../script/Deploy.s.sol";
import {Staking} from "../contracts/Staking.sol";
import {Rollup} from "../contracts/Rollup.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";

/// @notice Runs the real deploy script and checks the wiring: timelock owns everything, slashers
///         authorised, no verifier (proving reverts VerifierNotSet), parameters as documented.
contract DeployScriptTest is Test {
    Deploy.Deployment internal d;

    function setUp() public {
        // A real timestamp: TimelockController treats timestamp 1 as "done".
        vm.warp(1_700_000_000);
        vm.setEnv("DEPLOY_NAME", "forge-test");
        vm.setEnv("DEPLOYER_KEY", vm.toString(uint256(0xD3)));
        d = new Deploy().run();
    }

    function test_run_timelockOwnsEverything_succeeds() public view {
        assertEq(Ownable(d.staking).owner(), d.timelock);
        assertEq(Ownable(d.sequencerSet).owner(), d.timelock);
        assertEq(Ownable(d.bridge).owner(), d.timelock);
        assertEq(Ownable(d.rollup).owner(), d.timelock);
        TimelockController t = TimelockController(payable(d.timelock));
        assertEq(t.getMinDelay(), 2 days, "documented timelock delay");
        assertFalse(t.hasRole(t.DEFAULT_ADMIN_ROLE(), vm.addr(0xD3)), "deployer is not timelock admin");
    }

    function test_run_noVerifierAndDocumentedDefaults_succeeds() public view {
        Rollup rollup = Rollup(d.rollup);
        assertEq(address(rollup.verifier()), address(0), "never a stand-in verifier");
        IRollup.Params memory p = rollup.params();
        assertEq(p.challengeWindow, 3 days);
        assertEq(p.proveWindow, 2 days);
        assertGe(Staking(d.staking).unbondingDelay(), p.challengeWindow + p.proveWindow);
    }

    function test_run_ownerActionsNeedTheTimelock_reverts() public {
        vm.prank(vm.addr(0xD3));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, vm.addr(0xD3)));
        Rollup(d.rollup).setVerifier(address(1));
    }
}
