// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Deploy} from "../script/Deploy.s.sol";
import {Staking} from "../contracts/Staking.sol";
import {SequencerSet} from "../contracts/SequencerSet.sol";
import {Bridge} from "../contracts/Bridge.sol";
import {JanusVerifier} from "../contracts/verifier/JanusVerifier.sol";
import {PlonkCheck} from "../contracts/verifier/PlonkCheck.sol";
import {Rollup} from "../contracts/Rollup.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";

/// @notice Shared checks of a deployment made by the real deploy script.
abstract contract DeployedSuite is Test {
    uint256 internal constant DEPLOYER_KEY = 0xD3;
    Deploy internal script;
    Deploy.Deployment internal d;
    address internal deployer = vm.addr(DEPLOYER_KEY);

    function _deploy(address governor) internal {
        // A real timestamp: TimelockController treats timestamp 1 as "done".
        vm.warp(1_700_000_000);
        vm.setEnv("DEPLOY_NAME", "forge-test");
        vm.setEnv("DEPLOYER_KEY", vm.toString(DEPLOYER_KEY));
        script = new Deploy();
        d = script.runWith(governor);
    }

    function _owned() internal view returns (address[4] memory) {
        return [d.staking, d.sequencerSet, d.bridge, d.rollup];
    }

    function _timelock() internal view returns (TimelockController) {
        return TimelockController(payable(d.timelock));
    }

    function _assertOwnedBy(address owner) internal view {
        address[4] memory owned = _owned();
        for (uint256 i; i < 4; ++i) {
            assertEq(Ownable(owned[i]).owner(), owner, "owner");
        }
    }

    function _handover(address governor) internal {
        (address[] memory t, uint256[] memory v, bytes[] memory p) = script.handoverCalls(d);
        bytes32 salt = script.HANDOVER_SALT();
        vm.warp(block.timestamp + _timelock().getMinDelay());
        vm.prank(governor);
        _timelock().executeBatch(t, v, p, bytes32(0), salt);
    }

    /// @dev Nobody but the timelock can exercise ownership: not the deployer, not the Wiring (it has
    ///      no function), not any other caller.
    function _assertNobodyElseOwns(address caller) internal {
        vm.assume(caller != d.timelock);
        // The Wiring is the owner until the hand-over, but it has no function to call with
        // (test_run_wiringHasNoFunction_succeeds); a prank would impersonate a call it can never make.
        vm.assume(caller != d.wiring || Ownable(d.rollup).owner() != d.wiring);
        vm.startPrank(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        Rollup(d.rollup).setVerifier(address(this));
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        Staking(d.staking).setSlasher(caller, true);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        Bridge(payable(d.bridge)).setGuardian(caller);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        SequencerSet(d.sequencerSet).setParams(1, 1);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, caller));
        Ownable2Step(d.rollup).acceptOwnership();
        vm.stopPrank();
    }

    function _assertWiring() internal view {
        Staking staking = Staking(d.staking);
        assertTrue(staking.isSlasher(d.rollup));
        assertTrue(staking.isSlasher(d.sequencerSet));
        assertTrue(staking.isSlasher(d.equivocationSlasher));
        assertEq(SequencerSet(d.sequencerSet).rollup(), d.rollup);
        assertEq(Bridge(payable(d.bridge)).rollup(), d.rollup);
        assertEq(staking.params().treasury, d.timelock, "slashes go to governance");
        // The rollup starts with the generated verifier (issue 10), wired to its PLONK check.
        assertEq(address(Rollup(d.rollup).verifier()), d.verifier, "rollup starts with the verifier");
        assertEq(address(JanusVerifier(d.verifier).plonk()), d.plonkCheck);
        assertGt(d.plonkCheck.code.length, 0);
    }
}

/// @notice The default devnet deployment: the deployer is the governor. Ownership is offered to the
///         timelock, the acceptance is scheduled, and it takes effect after the timelock delay.
contract DeployScriptTest is DeployedSuite {
    function setUp() public {
        _deploy(deployer);
    }

    function test_run_wiringAndHandoverScheduled_succeeds() public view {
        _assertWiring();
        _assertOwnedBy(d.wiring);
        address[4] memory owned = _owned();
        for (uint256 i; i < 4; ++i) {
            assertEq(Ownable2Step(owned[i]).pendingOwner(), d.timelock, "offered to the timelock");
        }
        TimelockController t = _timelock();
        assertEq(t.getMinDelay(), 2 days, "documented delay, from the start");
        assertFalse(t.hasRole(t.DEFAULT_ADMIN_ROLE(), deployer), "deployer is not timelock admin");
        (address[] memory targets, uint256[] memory v, bytes[] memory p) = script.handoverCalls(d);
        bytes32 id = t.hashOperationBatch(targets, v, p, bytes32(0), script.HANDOVER_SALT());
        assertTrue(t.isOperationPending(id), "acceptance scheduled");
        assertFalse(t.isOperationReady(id), "not before the delay");
    }

    function test_run_handoverAfterDelay_succeeds() public {
        _handover(deployer);
        _assertOwnedBy(d.timelock);
    }

    function test_run_handoverBeforeDelay_reverts() public {
        (address[] memory t, uint256[] memory v, bytes[] memory p) = script.handoverCalls(d);
        bytes32 salt = script.HANDOVER_SALT();
        bytes32 id = _timelock().hashOperationBatch(t, v, p, bytes32(0), salt);
        // Expected state: Ready (bit 1 << uint8(OperationState.Ready)).
        vm.expectRevert(
            abi.encodeWithSelector(
                TimelockController.TimelockUnexpectedOperationState.selector, id, bytes32(uint256(4))
            )
        );
        vm.prank(deployer);
        _timelock().executeBatch(t, v, p, bytes32(0), salt);
    }

    function test_run_wiringHasNoFunction_succeeds() public {
        assertGt(d.wiring.code.length, 0);
        (bool ok,) = d.wiring.call(abi.encodeCall(Ownable2Step.acceptOwnership, ()));
        assertFalse(ok, "no function");
        (ok,) = d.wiring.call{value: 1}("");
        assertFalse(ok, "no receive");
    }

    function test_run_generatedVerifierAndDocumentedDefaults_succeeds() public view {
        Rollup rollup = Rollup(d.rollup);
        // The generated verifier, never a stand-in: its PLONK check runs the generated gates.
        assertEq(address(rollup.verifier()), d.verifier, "the generated verifier");
        assertEq(address(JanusVerifier(d.verifier).plonk()), d.plonkCheck);
        assertGt(PlonkCheck(d.plonkCheck).evaluator().code.length, 0);
        assertGt(address(JanusVerifier(d.verifier).hasher()).code.length, 0);
        IRollup.Params memory p = rollup.params();
        assertEq(p.challengeWindow, 3 days);
        assertEq(p.proveWindow, 2 days);
        assertGe(Staking(d.staking).unbondingDelay(), p.challengeWindow + p.proveWindow);
    }

    function test_run_ownerActionsNeedTheTimelock_reverts() public {
        _assertNobodyElseOwns(deployer);
        _handover(deployer);
        _assertNobodyElseOwns(deployer);
    }
}

/// @notice Production hand-over: the governor is a multisig, not the deployer. Property: after the
///         deploy script the deployer holds no role anywhere, the timelock has its configured delay
///         from the start, and ownership is either the timelock's or cannot be exercised by anyone.
contract DeployGovernorTest is DeployedSuite {
    address internal governor = makeAddr("multisig");

    function setUp() public {
        _deploy(governor);
    }

    function test_runWith_deployerHoldsNoRole_succeeds() public view {
        _assertWiring();
        TimelockController t = _timelock();
        assertEq(t.getMinDelay(), 2 days, "configured delay from the start");
        bytes32[4] memory roles =
            [t.DEFAULT_ADMIN_ROLE(), t.PROPOSER_ROLE(), t.EXECUTOR_ROLE(), t.CANCELLER_ROLE()];
        for (uint256 i; i < 4; ++i) {
            assertFalse(t.hasRole(roles[i], deployer), "deployer has a timelock role");
        }
        assertTrue(t.hasRole(t.PROPOSER_ROLE(), governor));
        assertTrue(t.hasRole(t.EXECUTOR_ROLE(), governor));
        address[4] memory owned = _owned();
        for (uint256 i; i < 4; ++i) {
            assertTrue(Ownable(owned[i]).owner() != deployer, "deployer owns a contract");
            assertEq(Ownable2Step(owned[i]).pendingOwner(), d.timelock);
        }
        assertFalse(Staking(d.staking).isSlasher(deployer));
        assertEq(Rollup(d.rollup).guardian(), governor, "guardian defaults to the governor");
        assertEq(Bridge(payable(d.bridge)).guardian(), governor);
    }

    function testFuzz_runWith_nobodyButTimelockOwns_reverts(address caller) public {
        _assertNobodyElseOwns(caller);
    }

    function test_runWith_governorAcceptsAfterDelay_succeeds() public {
        (address[] memory t, uint256[] memory v, bytes[] memory p) = script.handoverCalls(d);
        bytes32 salt = script.HANDOVER_SALT();
        // The deployer can neither schedule nor execute.
        vm.startPrank(deployer);
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessControl.AccessControlUnauthorizedAccount.selector,
                deployer,
                _timelock().PROPOSER_ROLE()
            )
        );
        _timelock().scheduleBatch(t, v, p, bytes32(0), salt, 2 days);
        vm.stopPrank();
        vm.prank(governor);
        _timelock().scheduleBatch(t, v, p, bytes32(0), salt, 2 days);
        _handover(governor);
        _assertOwnedBy(d.timelock);
        _assertNobodyElseOwns(deployer);
    }
}
