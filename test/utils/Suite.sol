// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {JanusToken} from "../../contracts/JanusToken.sol";
import {Staking} from "../../contracts/Staking.sol";
import {SequencerSet} from "../../contracts/SequencerSet.sol";
import {Bridge} from "../../contracts/Bridge.sol";
import {Rollup} from "../../contracts/Rollup.sol";
import {EquivocationSlasher} from "../../contracts/EquivocationSlasher.sol";
import {IStaking} from "../../contracts/interfaces/IStaking.sol";
import {IRollup} from "../../contracts/interfaces/IRollup.sol";
import {IBatchVerifier} from "../../contracts/interfaces/IBatchVerifier.sol";
import {TruthVerifierDouble} from "../mocks/TruthVerifierDouble.sol";
import {BatchBuilder} from "./BatchBuilder.sol";
import {SignerBinding} from "./SignerBinding.sol";

/// @title Suite
/// @notice The whole Janus suite deployed with real contracts (the test contract is the owner so
///         tests can change parameters directly; the timelock hand-over is tested on the deploy
///         script). Keeps an independent mirror of the L1 message queue for building batches.
abstract contract Suite is Test {
    JanusToken internal token;
    Staking internal staking;
    SequencerSet internal set;
    Bridge internal bridge;
    Rollup internal rollup;
    EquivocationSlasher internal slasher;
    TruthVerifierDouble internal verifier;

    address internal treasury = makeAddr("treasury");
    address internal guardian = makeAddr("guardian");

    uint256 internal constant L2_CHAIN_ID = 424242;
    uint64 internal constant EPOCH = 20;
    uint64 internal constant LIVENESS_TIMEOUT = 8;
    uint256 internal constant MIN_BOND = 1_000 ether;
    uint64 internal constant CHALLENGE_WINDOW = 1 hours;
    uint64 internal constant PROVE_WINDOW = 1 hours;
    uint64 internal constant UNBONDING = 3 hours;
    uint64 internal constant ESCAPE_DELAY = 1 days;
    uint64 internal constant FORCED_INCLUSION = 2 hours;
    uint96 internal constant BOND = 1 ether;
    uint96 internal constant BOUNTY = 0.01 ether;
    bytes32 internal constant GENESIS_ROOT = keccak256("janus genesis");

    address[] internal operators;
    uint256[] internal signerKeys;
    uint256 internal rotations;

    /// @dev Mirror of the bridge queue: records[i] and chains[i] = chain after i messages.
    bytes[] internal records;
    bytes32[] internal chains;

    function setUp() public virtual {
        vm.roll(1_000);
        vm.warp(1_700_000_000);
        token = new JanusToken("Janus", "JNS", address(this), 1e27);
        staking = new Staking(IERC20(address(token)), _stakingParams(), address(this));
        set = new SequencerSet(staking, 1, LIVENESS_TIMEOUT, address(this));
        bridge = new Bridge(address(this), guardian, FORCED_INCLUSION, 7 days);
        rollup = new Rollup(staking, set, bridge, GENESIS_ROOT, _rollupParams(), address(this), guardian);
        slasher = new EquivocationSlasher(staking, L2_CHAIN_ID);
        staking.setSlasher(address(rollup), true);
        staking.setSlasher(address(set), true);
        staking.setSlasher(address(slasher), true);
        set.setRollup(address(rollup));
        bridge.initialize(address(rollup));
        verifier = new TruthVerifierDouble();
        chains.push(bytes32(0));
    }

    function _stakingParams() internal view returns (IStaking.Params memory p) {
        p.minSelfBond = MIN_BOND;
        p.unbondingDelay = UNBONDING;
        p.epochLength = EPOCH;
        p.jailDuration = 1 days;
        p.maxCommissionStepBps = 100;
        p.slashLivenessBps = 100;
        p.slashInvalidRootBps = 2_000;
        p.slashEquivocationBps = 5_000;
        p.reporterRewardBps = 1_000;
        p.activeSetSize = 8;
        p.treasury = treasury;
    }

    function _rollupParams() internal pure returns (IRollup.Params memory p) {
        p.challengeWindow = CHALLENGE_WINDOW;
        p.proveWindow = PROVE_WINDOW;
        p.escapeDelay = ESCAPE_DELAY;
        p.challengeBond = BOND;
        p.proverBounty = BOUNTY;
        p.maxPauseDuration = 7 days;
        p.maxBatchRecords = 1024;
    }

    // ------------------------------------------------------------------ operators
    /// @notice Register `n` operators with self-bonds MIN_BOND * (i + 1); signer keys 0x5160 + i.
    function _addOperators(uint256 n) internal {
        for (uint256 i; i < n; ++i) {
            address owner = makeAddr(string.concat("operator", vm.toString(i)));
            uint256 key = 0x5160 + operators.length;
            uint256 bond = MIN_BOND * (i + 1);
            token.transfer(owner, bond);
            vm.startPrank(owner);
            token.approve(address(staking), bond);
            staking.registerOperator(vm.addr(key), _signerSig(owner, key), 500, "http://127.0.0.1:8600", bond);
            vm.stopPrank();
            operators.push(owner);
            signerKeys.push(key);
        }
    }

    /// @notice The signer binding signature: key `signerKey` proves possession for operator `op`
    ///         (the `signerSig` of `registerOperator` and `setSigner`).
    function _signerSig(address op, uint256 signerKey) internal view returns (bytes memory) {
        return SignerBinding.sign(address(staking), op, signerKey);
    }

    /// @notice Rotate operator `op` (one of `operators`) to a fresh signer key, kept for `_keyOf`.
    function _rotateSigner(address op) internal returns (uint256 key) {
        for (uint256 i; i < operators.length; ++i) {
            if (operators[i] != op) continue;
            key = 0xA0000 + (++rotations);
            vm.prank(op);
            staking.setSigner(vm.addr(key), _signerSig(op, key));
            signerKeys[i] = key;
            return key;
        }
        revert("unknown operator");
    }

    /// @notice Record the set and move to the first block of the epoch it applies to.
    function _activateSet() internal returns (uint64 epoch) {
        epoch = set.snapshot();
        vm.roll(set.epochStartBlock(epoch));
    }

    function _signerOf(address op) internal view returns (address) {
        return staking.signerOf(op);
    }

    function _keyOf(address op) internal view returns (uint256) {
        for (uint256 i; i < operators.length; ++i) {
            if (operators[i] == op) return signerKeys[i];
        }
        revert("unknown operator");
    }

    // ------------------------------------------------------------------ bridge mirror
    /// @notice Deposit ETH to a new account as `from`; mirrors the record.
    function _depositNew(address from, uint256 amountWei) internal returns (uint32 account) {
        bytes memory key =
            abi.encodePacked(keccak256(abi.encode(from, records.length)), bytes8(0x0102030405060708));
        vm.deal(from, from.balance + amountWei);
        uint64 nonce = uint64(records.length);
        vm.prank(from);
        account = bridge.depositETHNewAccount{value: amountWei}(key);
        _mirror(
            BatchBuilder.record(
                nonce, BatchBuilder.KIND_NEW_ACCOUNT, from, account, key, 0, uint64(amountWei / 1 gwei)
            )
        );
    }

    function _mirror(bytes memory rec) internal {
        records.push(rec);
        chains.push(BatchBuilder.chain(chains[chains.length - 1], rec));
    }

    /// @notice Records [from, to) of the mirrored queue.
    function _records(uint256 from, uint256 to) internal view returns (bytes[] memory out) {
        out = new bytes[](to - from);
        for (uint256 i = from; i < to; ++i) {
            out[i - from] = records[i];
        }
    }

    // ------------------------------------------------------------------ batches
    /// @notice Post a batch as the current leader consuming messages up to `msgEnd`.
    function _post(bytes32 newRoot, uint64 msgEnd, bytes[] memory txs)
        internal
        returns (uint64 id, bytes memory data)
    {
        uint64 parent = rollup.tipId();
        IRollup.Batch memory p = rollup.getBatch(parent);
        data = BatchBuilder.data(1, _records(p.msgEnd, msgEnd), txs);
        address leader = set.currentLeader();
        vm.prank(_signerOf(leader));
        id = rollup.submitBatch(parent, p.stateRoot, newRoot, data);
    }

    function _postEmpty(bytes32 newRoot) internal returns (uint64 id, bytes memory data) {
        IRollup.Batch memory p = rollup.getBatch(rollup.tipId());
        return _post(newRoot, p.msgEnd, new bytes[](0));
    }

    /// @notice Public inputs of a stored batch, as the rollup builds them.
    function _inputs(uint64 id) internal view returns (IBatchVerifier.PublicInputs memory pi) {
        IRollup.Batch memory b = rollup.getBatch(id);
        IRollup.Batch memory p = rollup.getBatch(b.parentId);
        pi = IBatchVerifier.PublicInputs({
            prevStateRoot: p.stateRoot,
            newStateRoot: b.stateRoot,
            messageChainBefore: chains[b.msgStart],
            messageChainAfter: chains[b.msgEnd],
            withdrawalRoot: b.withdrawalRoot,
            dataHash: b.dataHash
        });
    }

    /// @notice Declare batch `id` a true transition and return the proof the double accepts.
    function _truthAndProof(uint64 id, bytes memory data) internal returns (bytes memory) {
        IBatchVerifier.PublicInputs memory pi = _inputs(id);
        verifier.setTrue(pi);
        return verifier.proofFor(pi, data);
    }

    function _useVerifier() internal {
        rollup.setVerifier(address(verifier));
    }
}
