// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Script, console2} from "forge-std/Script.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {JanusToken} from "../contracts/JanusToken.sol";
import {Staking} from "../contracts/Staking.sol";
import {SequencerSet} from "../contracts/SequencerSet.sol";
import {Bridge} from "../contracts/Bridge.sol";
import {Rollup} from "../contracts/Rollup.sol";
import {EquivocationSlasher} from "../contracts/EquivocationSlasher.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";

/// @title Deploy
/// @notice Deploys the whole Janus suite, wires it, and hands every contract to a TimelockController.
/// @dev Parameters come from environment variables with the defaults of docs/parameters.md; the
///      devnet overrides them in script/devnet.sh. No verifier is deployed: proving reverts with
///      `VerifierNotSet` until governance sets the generated Plonky2 verifier.
///      Writes the addresses to `deployments/<DEPLOY_NAME>.json` (default `devnet`).
contract Deploy is Script {
    /// @notice Root of the empty L2 state (docs/l2-spec.md §11; pinned by l2/tests/spec_vectors.rs).
    bytes32 public constant EMPTY_L2_STATE_ROOT =
        0xe479b9bb36c3fc43b1e4dac93c0cde8e29332a714327ba72d65af5933a094e83;

    struct Deployment {
        address token;
        address timelock;
        address staking;
        address sequencerSet;
        address bridge;
        address rollup;
        address equivocationSlasher;
    }

    function run() external returns (Deployment memory d) {
        uint256 deployerKey = vm.envOr("DEPLOYER_KEY", uint256(0));
        address deployer = deployerKey == 0 ? msg.sender : vm.addr(deployerKey);

        if (deployerKey == 0) vm.startBroadcast();
        else vm.startBroadcast(deployerKey);
        d = _deploy(deployer);
        _wire(d);
        _handOver(d, deployer);
        vm.stopBroadcast();

        _write(d);
    }

    /// @dev Token (existing or fresh), timelock and the five contracts.
    function _deploy(address deployer) internal returns (Deployment memory d) {
        address guardian = vm.envOr("GUARDIAN", deployer);
        // Staking token: an existing ERC-20, or a fresh JanusToken (ERC-20 + permit) for devnets.
        d.token = vm.envOr("STAKING_TOKEN", address(0));
        if (d.token == address(0)) {
            d.token = address(
                new JanusToken("Janus", "JNS", deployer, vm.envOr("TOKEN_SUPPLY", uint256(100_000_000 ether)))
            );
        }
        // Governance: a timelock whose proposer/executor is GOVERNOR (the deployer on a devnet).
        // Delay 0 while wiring; raised to TIMELOCK_DELAY through the timelock itself in _handOver.
        address[] memory roles = new address[](1);
        roles[0] = vm.envOr("GOVERNOR", deployer);
        d.timelock = address(new TimelockController(0, roles, roles, deployer));

        Staking staking = new Staking(IERC20(d.token), _stakingParams(d.timelock), deployer);
        d.staking = address(staking);
        SequencerSet set = new SequencerSet(
            staking,
            uint64(vm.envOr("ACTIVATION_DELAY", uint256(1))),
            uint64(vm.envOr("LIVENESS_TIMEOUT", uint256(50))),
            deployer
        );
        d.sequencerSet = address(set);
        Bridge bridge = new Bridge(
            deployer,
            guardian,
            uint64(vm.envOr("FORCED_INCLUSION_DELAY", uint256(1 days))),
            uint64(vm.envOr("MAX_PAUSE", uint256(7 days)))
        );
        d.bridge = address(bridge);
        d.rollup = address(
            new Rollup(
                staking,
                set,
                bridge,
                vm.envOr("GENESIS_STATE_ROOT", EMPTY_L2_STATE_ROOT),
                _rollupParams(),
                deployer,
                guardian
            )
        );
        d.equivocationSlasher =
            address(new EquivocationSlasher(staking, vm.envOr("L2_CHAIN_ID", uint256(424242))));
    }

    /// @dev One-time setters, deployer-only before the hand-over.
    function _wire(Deployment memory d) internal {
        Staking(d.staking).setSlasher(d.rollup, true);
        Staking(d.staking).setSlasher(d.sequencerSet, true);
        Staking(d.staking).setSlasher(d.equivocationSlasher, true);
        SequencerSet(d.sequencerSet).setRollup(d.rollup);
        Bridge(payable(d.bridge)).initialize(d.rollup);
    }

    /// @dev Hand every contract to the timelock (two-step: transfer, then accept through the timelock),
    ///      raise the timelock delay, and drop the deployer's timelock admin role.
    function _handOver(Deployment memory d, address deployer) internal {
        TimelockController timelock = TimelockController(payable(d.timelock));
        address[4] memory owned = [d.staking, d.sequencerSet, d.bridge, d.rollup];
        for (uint256 i; i < owned.length; ++i) {
            Ownable2Step(owned[i]).transferOwnership(d.timelock);
        }
        if (timelock.hasRole(timelock.PROPOSER_ROLE(), deployer)) {
            bytes memory call = abi.encodeCall(Ownable2Step.acceptOwnership, ());
            for (uint256 i; i < owned.length; ++i) {
                timelock.schedule(owned[i], 0, call, bytes32(0), bytes32(i), 0);
                timelock.execute(owned[i], 0, call, bytes32(0), bytes32(i));
            }
            uint256 delay = vm.envOr("TIMELOCK_DELAY", uint256(2 days));
            bytes memory upd = abi.encodeCall(TimelockController.updateDelay, (delay));
            timelock.schedule(d.timelock, 0, upd, bytes32(0), bytes32("delay"), 0);
            timelock.execute(d.timelock, 0, upd, bytes32(0), bytes32("delay"));
        }
        // Otherwise the governor accepts ownership through the timelock itself.
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), deployer);
    }

    function _stakingParams(address treasury) internal view returns (IStaking.Params memory p) {
        p.minSelfBond = vm.envOr("MIN_SELF_BOND", uint256(10_000 ether));
        p.unbondingDelay = uint64(vm.envOr("UNBONDING_DELAY", uint256(7 days)));
        p.epochLength = uint64(vm.envOr("EPOCH_LENGTH", uint256(300)));
        p.jailDuration = uint64(vm.envOr("JAIL_DURATION", uint256(3 days)));
        p.maxCommissionStepBps = uint16(vm.envOr("MAX_COMMISSION_STEP_BPS", uint256(100)));
        p.slashLivenessBps = uint16(vm.envOr("SLASH_LIVENESS_BPS", uint256(100)));
        p.slashInvalidRootBps = uint16(vm.envOr("SLASH_INVALID_ROOT_BPS", uint256(2000)));
        p.slashEquivocationBps = uint16(vm.envOr("SLASH_EQUIVOCATION_BPS", uint256(5000)));
        p.reporterRewardBps = uint16(vm.envOr("REPORTER_REWARD_BPS", uint256(1000)));
        p.activeSetSize = uint8(vm.envOr("ACTIVE_SET_SIZE", uint256(16)));
        p.treasury = vm.envOr("TREASURY", treasury);
    }

    function _rollupParams() internal view returns (IRollup.Params memory p) {
        p.challengeWindow = uint64(vm.envOr("CHALLENGE_WINDOW", uint256(3 days)));
        p.proveWindow = uint64(vm.envOr("PROVE_WINDOW", uint256(2 days)));
        p.escapeDelay = uint64(vm.envOr("ESCAPE_DELAY", uint256(7 days)));
        p.challengeBond = uint96(vm.envOr("CHALLENGE_BOND", uint256(1 ether)));
        p.proverBounty = uint96(vm.envOr("PROVER_BOUNTY", uint256(0.01 ether)));
        p.maxPauseDuration = uint64(vm.envOr("MAX_PAUSE", uint256(7 days)));
    }

    function _write(Deployment memory d) internal {
        string memory k = "deployment";
        vm.serializeAddress(k, "token", d.token);
        vm.serializeAddress(k, "timelock", d.timelock);
        vm.serializeAddress(k, "staking", d.staking);
        vm.serializeAddress(k, "sequencerSet", d.sequencerSet);
        vm.serializeAddress(k, "bridge", d.bridge);
        vm.serializeAddress(k, "rollup", d.rollup);
        vm.serializeUint(k, "chainId", block.chainid);
        string memory json = vm.serializeAddress(k, "equivocationSlasher", d.equivocationSlasher);
        string memory path = string.concat("deployments/", vm.envOr("DEPLOY_NAME", string("devnet")), ".json");
        vm.writeJson(json, path);
        console2.log("deployment written to", path);
    }
}
