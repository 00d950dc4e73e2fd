// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test, console2} from "forge-std/Test.sol";
import {IBatchVerifier} from "../../contracts/interfaces/IBatchVerifier.sol";
import {IRollup} from "../../contracts/interfaces/IRollup.sol";
import {IStaking} from "../../contracts/interfaces/IStaking.sol";
import {ISequencerSet} from "../../contracts/interfaces/ISequencerSet.sol";
import {IBridge} from "../../contracts/interfaces/IBridge.sol";
import {Rollup} from "../../contracts/Rollup.sol";
import {JanusVerifier} from "../../contracts/verifier/JanusVerifier.sol";
import {PlonkCheck} from "../../contracts/verifier/PlonkCheck.sol";
import {PoseidonHasher} from "../../contracts/verifier/PoseidonHasher.sol";
import {WrapperGateEvaluator} from "../../contracts/verifier/generated/WrapperGateEvaluator.sol";
import {RollupStakingDouble, RollupSetDouble, RollupBridgeDouble} from "../mocks/RollupTestDoubles.sol";

/// @notice Fixture cases of the generated verifier (test/fixtures/verifier/batches, written by
///         `make verifier-fixtures`, tied to the circuit digest by prover-gpu/tests/verifier_generated.rs).
abstract contract VerifierFixture is Test {
    struct Case {
        string name;
        bytes32 prevStateRoot;
        bytes32 newStateRoot;
        bytes32 dataHash;
        address prover;
        bytes data;
        bytes proof;
    }

    string internal constant DIR = "test/fixtures/verifier/batches/";
    JanusVerifier internal verifier;
    string internal json;
    uint256 internal numCases;

    function setUp() public virtual {
        verifier = _deployVerifier();
        json = vm.readFile(string.concat(DIR, "cases.json"));
        numCases = abi.decode(vm.parseJson(json, ".cases"), (bytes[])).length;
    }

    function _deployVerifier() internal returns (JanusVerifier) {
        PlonkCheck plonk = new PlonkCheck(address(new WrapperGateEvaluator()));
        return new JanusVerifier(plonk, new PoseidonHasher());
    }

    function _case(uint256 i) internal view returns (Case memory c) {
        string memory k = string.concat(".cases[", vm.toString(i), "]");
        c.name = vm.parseJsonString(json, string.concat(k, ".name"));
        c.prevStateRoot = vm.parseJsonBytes32(json, string.concat(k, ".prevStateRoot"));
        c.newStateRoot = vm.parseJsonBytes32(json, string.concat(k, ".newStateRoot"));
        c.dataHash = vm.parseJsonBytes32(json, string.concat(k, ".dataHash"));
        c.prover = vm.parseJsonAddress(json, string.concat(k, ".prover"));
        c.data = vm.parseJsonBytes(json, string.concat(k, ".data"));
        c.proof =
            vm.readFileBinary(string.concat(DIR, vm.parseJsonString(json, string.concat(k, ".proofFile"))));
    }

    function _inputs(Case memory c) internal pure returns (IBatchVerifier.PublicInputs memory pi) {
        pi.prevStateRoot = c.prevStateRoot;
        pi.newStateRoot = c.newStateRoot;
        pi.dataHash = c.dataHash;
    }

    function _verifies(Case memory c) internal view returns (bool) {
        try verifier.verifyBatch(_inputs(c), c.prover, c.data, c.proof) returns (bool ok) {
            return ok;
        } catch {
            return false;
        }
    }
}

/// @notice The generated verifier on real proofs: every fixture batch verifies, and nothing else
///         does (other roots, data, prover, a proof of another batch, any changed byte).
contract JanusVerifierTest is VerifierFixture {
    function test_verifyBatch_everyFixture_succeeds() public view {
        assertGe(numCases, 8, "at least eight fixture batches");
        for (uint256 i; i < numCases; ++i) {
            Case memory c = _case(i);
            assertEq(keccak256(c.data), c.dataHash);
            uint256 g = gasleft();
            bool ok = verifier.verifyBatch(_inputs(c), c.prover, c.data, c.proof);
            console2.log(c.name, "verifyBatch gas", g - gasleft(), c.proof.length);
            assertTrue(ok, c.name);
        }
    }

    function test_verifyBatch_otherProver_reverts() public view {
        Case memory c = _case(0);
        c.prover = address(uint160(c.prover) ^ 1);
        assertFalse(_verifies(c), "a copied proof pays nobody else");
    }

    function test_verifyBatch_wrongRootsOrData_reverts() public view {
        Case memory c = _case(2);
        Case memory w = _case(2);
        w.prevStateRoot = bytes32(uint256(c.prevStateRoot) ^ 1);
        assertFalse(_verifies(w), "wrong parent root");
        w = _case(2);
        w.newStateRoot = bytes32(uint256(c.newStateRoot) ^ (1 << 200));
        assertFalse(_verifies(w), "wrong new root");
        // Data of another batch (with its own, consistent hash): P(z) and the hash differ.
        Case memory o = _case(3);
        w = _case(2);
        (w.data, w.dataHash) = (o.data, o.dataHash);
        assertFalse(_verifies(w), "other data");
        // A valid proof of another batch, for this batch's inputs.
        w = _case(2);
        w.proof = o.proof;
        assertFalse(_verifies(w), "proof of another batch");
        // The data hash must be the data's.
        w = _case(2);
        w.dataHash = keccak256("other");
        assertFalse(_verifies(w), "data hash of other bytes");
    }

    function test_verifyBatch_nonCanonicalRoot_reverts() public {
        Case memory c = _case(0);
        c.prevStateRoot = bytes32(type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(JanusVerifier.NonCanonicalRoot.selector, c.prevStateRoot));
        verifier.verifyBatch(_inputs(c), c.prover, c.data, c.proof);
    }

    function test_verifyBatch_truncatedOrExtended_reverts() public view {
        Case memory c = _case(1);
        bytes memory p = c.proof;
        c.proof = new bytes(p.length - 1);
        for (uint256 i; i < c.proof.length; ++i) {
            c.proof[i] = p[i];
        }
        assertFalse(_verifies(c), "truncated");
        c.proof = bytes.concat(p, hex"00");
        assertFalse(_verifies(c), "extended");
        c.proof = new bytes(0);
        assertFalse(_verifies(c), "empty");
    }

    /// @dev One byte anywhere in the proof (header z, caps, openings, FRI queries, final
    ///      polynomial, PoW witness), changed by any nonzero xor, is rejected.
    function testFuzz_verifyBatch_flippedByte_reverts(uint256 at, uint8 mask) public view {
        Case memory c = _case(0);
        at = bound(at, 0, c.proof.length - 1);
        mask = uint8(bound(mask, 1, 255));
        c.proof[at] = c.proof[at] ^ bytes1(mask);
        assertFalse(_verifies(c));
    }
}

/// @notice The rollup with the real generated verifier: a batch finalized early by its proof (the
///         bounty to the bound prover), a challenge of an honest batch answered by proof (the bond to
///         the prover, nobody slashed), and the escape hatch used by a non-operator.
contract RollupZkTest is VerifierFixture {
    RollupStakingDouble internal staking;
    RollupSetDouble internal set;
    RollupBridgeDouble internal bridge;
    Rollup internal rollup;
    Case internal c0;

    address internal owner = makeAddr("owner");
    address internal opA = makeAddr("operatorA");
    address internal signerA = makeAddr("signerA");
    address internal challenger = makeAddr("challenger");

    uint64 internal constant T0 = 1_700_000_000;
    uint96 internal constant BOND = 1 ether;
    uint96 internal constant BOUNTY = 0.01 ether;

    function setUp() public override {
        super.setUp();
        vm.warp(T0);
        c0 = _case(0);
        staking = new RollupStakingDouble();
        set = new RollupSetDouble();
        bridge = new RollupBridgeDouble();
        bridge.setForcedInclusionDelay(6 hours);
        staking.setSigner(opA, signerA);
        set.setLeader(opA);
        IRollup.Params memory p;
        p.challengeWindow = 1 hours;
        p.proveWindow = 2 hours;
        p.escapeDelay = 1 days;
        p.challengeBond = BOND;
        p.proverBounty = BOUNTY;
        p.maxPauseDuration = 3 days;
        p.maxBatchRecords = 64; // the generated verifier's MAX_RECORDS;
        rollup = new Rollup(
            IStaking(address(staking)),
            ISequencerSet(address(set)),
            IBridge(address(bridge)),
            c0.prevStateRoot,
            p,
            owner,
            owner
        );
        vm.prank(owner);
        rollup.setVerifier(address(verifier));
        rollup.fundBounty{value: 1 ether}();
    }

    function _postHonest() internal returns (uint64 id) {
        vm.prank(signerA);
        id = rollup.submitBatch(0, c0.prevStateRoot, c0.newStateRoot, c0.data);
    }

    function test_proveBatch_realProof_finalizesEarlyAndPaysBounty_succeeds() public {
        uint64 id = _postHonest();
        // Copied by someone else: rejected.
        vm.prank(makeAddr("copier"));
        vm.expectRevert();
        rollup.proveBatch(id, c0.data, c0.proof);

        uint256 g = gasleft();
        vm.prank(c0.prover);
        rollup.proveBatch(id, c0.data, c0.proof);
        console2.log("proveBatch (real proof) gas, execution", g - gasleft());
        assertTrue(rollup.isFinalized(id), "final before its challenge window");
        assertEq(rollup.credits(c0.prover), BOUNTY);
    }

    function test_proveBatch_challengedHonestBatch_bondToProver_succeeds() public {
        uint64 id = _postHonest();
        vm.deal(challenger, BOND);
        vm.prank(challenger);
        rollup.challenge{value: BOND}(id);
        vm.warp(T0 + 1 hours);
        vm.prank(c0.prover);
        rollup.proveBatch(id, c0.data, c0.proof);
        assertTrue(rollup.isFinalized(id));
        assertEq(rollup.credits(c0.prover), BOND, "the challenger's bond goes to the prover");
        assertEq(staking.slashCount(), 0, "nobody slashed");
    }

    function test_submitBatchWithProof_escapeHatchRealProof_succeeds() public {
        vm.warp(T0 + 1 days);
        assertTrue(rollup.escapeHatchOpen());
        vm.prank(c0.prover);
        uint64 id = rollup.submitBatchWithProof(0, c0.prevStateRoot, c0.newStateRoot, c0.data, c0.proof);
        assertTrue(rollup.isFinalized(id));
        assertEq(rollup.getBatch(id).operator, c0.prover);
    }
}
