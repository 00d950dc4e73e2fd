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
import {Wiring} from "./Wiring.sol";
import {JanusVerifier} from "../contracts/verifier/JanusVerifier.sol";
import {PlonkCheck} from "../contracts/verifier/PlonkCheck.sol";
import {PoseidonHasher} from "../contracts/verifier/PoseidonHasher.sol";
import {WrapperGateEvaluator} from "../contracts/verifier/generated/WrapperGateEvaluator.sol";

/// @title Deploy
/// @notice Deploys the whole Janus suite, wires it, and offers every contract to a TimelockController.
/// @dev Parameters come from environment variables with the defaults of docs/parameters.md; the
///      devnet overrides them in script/devnet.sh. The generated Plonky2 verifier (`JanusVerifier`
///      and its `PlonkCheck`, docs/verifier.md) is deployed first and the rollup starts with it.
///
///      Hand-over (docs/protocol.md, "Governance and deployment"). The deployer never holds a role:
///      the timelock has its configured delay from its constructor, `GOVERNOR` as its only proposer
///      and executor, and no admin; Staking, SequencerSet, Bridge and Rollup are born owned by the
///      `Wiring` contract (script/Wiring.sol), whose constructor wires them and offers their
///      ownership to the timelock, and which can never make another call. The timelock accepts
///      through one scheduled batch (`handoverCalls`, salt `HANDOVER_SALT`) after its delay: this
///      script schedules it when the deployer is the governor (devnets), otherwise the governor
///      does (`script/Handover.s.sol`).
///      Writes the addresses to `deployments/<DEPLOY_NAME>.json` (default `devnet`).
contract Deploy is Script {
    /// @notice Root of the empty L2 state (docs/l2-spec.md §11; pinned by l2/tests/spec_vectors.rs).
    bytes32 public constant EMPTY_L2_STATE_ROOT =
        0xe479b9bb36c3fc43b1e4dac93c0cde8e29332a714327ba72d65af5933a094e83;
    /// @notice Salt of the timelock batch that accepts ownership of the four owned contracts.
    bytes32 public constant HANDOVER_SALT = keccak256("janus.handover");

    struct Deployment {
        address token;
        address timelock;
        address staking;
        address sequencerSet;
        address bridge;
        address rollup;
        address equivocationSlasher;
        address wiring;
        address verifier;
        address plonkCheck;
    }

    /// @notice Deploy with `GOVERNOR` (default: the deployer) as governor and write the addresses.
    function run() external returns (Deployment memory d) {
        uint256 deployerKey = vm.envOr("DEPLOYER_KEY", uint256(0));
        address deployer = deployerKey == 0 ? msg.sender : vm.addr(deployerKey);
        return runWith(vm.envOr("GOVERNOR", deployer));
    }

    /// @notice Deploy with an explicit governor (the deploy tests use it with a governor that is not
    ///         the deployer) and write the addresses.
    function runWith(address governor) public returns (Deployment memory d) {
        uint256 deployerKey = vm.envOr("DEPLOYER_KEY", uint256(0));
        address deployer = deployerKey == 0 ? msg.sender : vm.addr(deployerKey);

        if (deployerKey == 0) vm.startBroadcast();
        else vm.startBroadcast(deployerKey);
        d = _deploy(deployer, governor);
        if (governor == deployer) _scheduleHandover(d);
        vm.stopBroadcast();
        if (governor != deployer) {
            console2.log(
                "ownership offered to the timelock; the governor accepts it with script/Handover.s.sol"
            );
        }

        _write(d);
    }

    /// @notice The calls of the hand-over batch: `acceptOwnership()` on each owned contract.
    function handoverCalls(Deployment memory d)
        public
        pure
        returns (address[] memory targets, uint256[] memory values, bytes[] memory payloads)
    {
        targets = new address[](4);
        (targets[0], targets[1], targets[2], targets[3]) = (d.staking, d.sequencerSet, d.bridge, d.rollup);
        values = new uint256[](4);
        payloads = new bytes[](4);
        for (uint256 i; i < 4; ++i) {
            payloads[i] = abi.encodeCall(Ownable2Step.acceptOwnership, ());
        }
    }

    /// @dev Token (existing or fresh), timelock, the five contracts and the Wiring that owns them.
    function _deploy(address deployer, address governor) internal returns (Deployment memory d) {
        address guardian = vm.envOr("GUARDIAN", governor);
        // Staking token: an existing ERC-20, or a fresh JanusToken (ERC-20 + permit) for devnets.
        d.token = vm.envOr("STAKING_TOKEN", address(0));
        if (d.token == address(0)) {
            d.token = address(
                new JanusToken("Janus", "JNS", deployer, vm.envOr("TOKEN_SUPPLY", uint256(100_000_000 ether)))
            );
        }
        // Governance: the timelock has its delay from the start, GOVERNOR as only proposer and
        // executor (a multisig in production), and no admin (nobody can grant roles).
        address[] memory roles = new address[](1);
        roles[0] = governor;
        d.timelock = address(
            new TimelockController(vm.envOr("TIMELOCK_DELAY", uint256(2 days)), roles, roles, address(0))
        );

        // The generated verifier (four contracts for the code size limit): no owner, no parameters.
        d.plonkCheck = address(new PlonkCheck(address(new WrapperGateEvaluator())));
        d.verifier = address(new JanusVerifier(PlonkCheck(d.plonkCheck), new PoseidonHasher()));

        // The four owned contracts are born owned by the Wiring contract created right after them
        // (five creations later: staking, set, bridge, rollup, slasher).
        address wiring = vm.computeCreateAddress(deployer, vm.getNonce(deployer) + 5);
        Staking staking = new Staking(IERC20(d.token), _stakingParams(d.timelock), wiring);
        d.staking = address(staking);
        SequencerSet set = new SequencerSet(
            staking,
            uint64(vm.envOr("ACTIVATION_DELAY", uint256(1))),
            uint64(vm.envOr("LIVENESS_TIMEOUT", uint256(50))),
            wiring
        );
        d.sequencerSet = address(set);
        Bridge bridge = new Bridge(
            wiring,
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
                wiring,
                guardian
            )
        );
        d.equivocationSlasher =
            address(new EquivocationSlasher(staking, vm.envOr("L2_CHAIN_ID", uint256(424242))));
        d.wiring = address(
            new Wiring(staking, set, bridge, d.rollup, d.equivocationSlasher, d.timelock, d.verifier)
        );
        require(d.wiring == wiring, "Deploy: Wiring not at its precomputed address");
    }

    /// @dev The governor (here the deployer) schedules the timelock's acceptance of ownership; it can
    ///      be executed by the governor once the timelock delay has passed.
    function _scheduleHandover(Deployment memory d) internal {
        TimelockController timelock = TimelockController(payable(d.timelock));
        (address[] memory targets, uint256[] memory values, bytes[] memory payloads) = handoverCalls(d);
        timelock.scheduleBatch(targets, values, payloads, bytes32(0), HANDOVER_SALT, timelock.getMinDelay());
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
        // The generated verifier's WrapperParams.MAX_RECORDS (docs/parameters.md).
        p.maxBatchRecords = uint32(vm.envOr("MAX_BATCH_RECORDS", uint256(64)));
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
        vm.serializeAddress(k, "wiring", d.wiring);
        vm.serializeAddress(k, "verifier", d.verifier);
        vm.serializeAddress(k, "plonkCheck", d.plonkCheck);
        string memory json = vm.serializeAddress(k, "equivocationSlasher", d.equivocationSlasher);
        string memory path = string.concat("deployments/", vm.envOr("DEPLOY_NAME", string("devnet")), ".json");
        vm.writeJson(json, path);
        console2.log("deployment written to", path);
    }
}
