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
import {WrapperParams} from "../../contracts/verifier/generated/WrapperParams.sol";
import {PoseidonGoldilocks} from "../../contracts/verifier/generated/PoseidonGoldilocks.sol";
import {DataBinding} from "../../contracts/libraries/DataBinding.sol";
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

/// @notice Range fixtures (`ranges` of cases.json): `cases[first .. first + count)`, consecutive on
///         state, proven by one wrapped proof for `prover` (`proofFile`). Read by the range tests.
abstract contract RangeFixture is VerifierFixture {
    struct Range {
        string name;
        uint256 first;
        uint256 count;
        address prover;
        bytes32 prev;
        bytes32[] roots;
        bytes[] data;
        bytes proof;
    }

    /// @dev 0 while cases.json has no `ranges` (before the fixtures are regenerated for ranges).
    function _numRanges() internal view returns (uint256) {
        if (!vm.keyExistsJson(json, ".ranges")) return 0;
        return abi.decode(vm.parseJson(json, ".ranges"), (bytes[])).length;
    }

    function _range(uint256 r) internal view returns (Range memory g) {
        string memory k = string.concat(".ranges[", vm.toString(r), "]");
        g.name = vm.parseJsonString(json, string.concat(k, ".name"));
        g.first = vm.parseJsonUint(json, string.concat(k, ".first"));
        g.count = vm.parseJsonUint(json, string.concat(k, ".count"));
        g.prover = vm.parseJsonAddress(json, string.concat(k, ".prover"));
        g.proof =
            vm.readFileBinary(string.concat(DIR, vm.parseJsonString(json, string.concat(k, ".proofFile"))));
        g.roots = new bytes32[](g.count);
        g.data = new bytes[](g.count);
        for (uint256 i; i < g.count; ++i) {
            Case memory c = _case(g.first + i);
            if (i == 0) g.prev = c.prevStateRoot;
            else assertEq(c.prevStateRoot, g.roots[i - 1], "range cases are consecutive on state");
            g.roots[i] = c.newStateRoot;
            g.data[i] = c.data;
        }
    }

    /// @dev The first range of `count` batches (the largest one if none has that many).
    function _rangeOf(uint256 count) internal view returns (Range memory best) {
        uint256 n = _numRanges();
        assertGt(n, 0, "cases.json has no ranges (regenerate the verifier fixtures)");
        for (uint256 r; r < n; ++r) {
            Range memory g = _range(r);
            if (g.count == count) return g;
            if (g.count > best.count) best = g;
        }
    }

    function _verifiesRange(Range memory g) internal view returns (bool) {
        try verifier.verifyBatches(g.prev, g.roots, g.data, g.prover, g.proof) returns (bool ok) {
            return ok;
        } catch {
            return false;
        }
    }
}

/// @notice The generated verifier on real range proofs: every fixture range verifies, and no
///         altered range does (a batch dropped or swapped, another root, data or prover, another
///         range's or a single batch's proof). The layout and length checks run without fixtures.
contract JanusVerifierRangeTest is RangeFixture {
    function test_verifyBatches_everyRange_succeeds() public view {
        uint256 n = _numRanges();
        assertGt(n, 0, "cases.json has no ranges (regenerate the verifier fixtures)");
        uint256 maxBatches = vm.parseJsonUint(json, ".maxBatches");
        assertEq(verifier.maxBatches(), maxBatches, "maxBatches of the circuit");
        for (uint256 r; r < n; ++r) {
            Range memory g = _range(r);
            assertLe(g.count, maxBatches);
            uint256 gas = gasleft();
            bool ok = verifier.verifyBatches(g.prev, g.roots, g.data, g.prover, g.proof);
            gas -= gasleft();
            console2.log(g.name, "verifyBatches gas, batches", gas, g.count);
            console2.log("  gas per batch, proof bytes", gas / g.count, g.proof.length);
            assertTrue(ok, g.name);
        }
    }

    /// @dev A single batch's proof is a range of one: each case verifies through `verifyBatches`.
    function test_verifyBatches_singleCaseAsRangeOfOne_succeeds() public view {
        for (uint256 i; i < numCases; ++i) {
            Case memory c = _case(i);
            bytes32[] memory roots = new bytes32[](1);
            bytes[] memory data = new bytes[](1);
            (roots[0], data[0]) = (c.newStateRoot, c.data);
            assertTrue(verifier.verifyBatches(c.prevStateRoot, roots, data, c.prover, c.proof), c.name);
        }
    }

    function test_verifyBatches_alteredRange_reverts() public view {
        Range memory g = _rangeOf(4);
        assertGe(g.count, 2, "a range of at least two batches");
        uint256 k = g.count;

        Range memory w = _copy(g, 0, k - 1);
        assertFalse(_verifiesRange(w), "last batch dropped");
        w = _copy(g, 1, k);
        assertFalse(_verifiesRange(w), "first batch dropped");

        w = _copy(g, 0, k);
        (w.roots[0], w.roots[1]) = (w.roots[1], w.roots[0]);
        (w.data[0], w.data[1]) = (w.data[1], w.data[0]);
        assertFalse(_verifiesRange(w), "two batches swapped");

        w = _copy(g, 0, k);
        w.roots[k - 1] = bytes32(uint256(w.roots[k - 1]) ^ 1);
        assertFalse(_verifiesRange(w), "another final root");
        w = _copy(g, 0, k);
        w.roots[0] = bytes32(uint256(w.roots[0]) ^ (1 << 130));
        assertFalse(_verifiesRange(w), "another intermediate root");
        w = _copy(g, 0, k);
        w.prev = bytes32(uint256(w.prev) ^ 1);
        assertFalse(_verifiesRange(w), "another parent root");

        w = _copy(g, 0, k);
        Case memory o = _case((g.first + k) % numCases);
        w.data[k - 1] = o.data;
        assertFalse(_verifiesRange(w), "other data");

        w = _copy(g, 0, k);
        w.prover = address(uint160(g.prover) ^ 1);
        assertFalse(_verifiesRange(w), "another prover");

        w = _copy(g, 0, k);
        w.proof = _case(g.first).proof;
        assertFalse(_verifiesRange(w), "a single batch's proof");
        if (_numRanges() > 1) {
            Range memory g2 = _range(0);
            if (keccak256(g2.proof) == keccak256(g.proof)) g2 = _range(1);
            w = _copy(g, 0, k);
            w.proof = g2.proof;
            assertFalse(_verifiesRange(w), "another range's proof");
        }
    }

    /// @dev `g` restricted to its batches [from, to) (the parent root follows).
    function _copy(Range memory g, uint256 from, uint256 to) internal pure returns (Range memory w) {
        w.name = g.name;
        w.prover = g.prover;
        w.prev = from == 0 ? g.prev : g.roots[from - 1];
        w.proof = g.proof;
        w.roots = new bytes32[](to - from);
        w.data = new bytes[](to - from);
        for (uint256 i = from; i < to; ++i) {
            w.roots[i - from] = g.roots[i];
            w.data[i - from] = g.data[i];
        }
    }

    // ------------------------------------------------------------------ without fixtures
    function _synthetic(uint256 k)
        internal
        pure
        returns (bytes32[] memory roots, bytes[] memory data, bytes memory proof)
    {
        roots = new bytes32[](k);
        data = new bytes[](k);
        for (uint256 i; i < k; ++i) {
            roots[i] = bytes32(uint256(keccak256(abi.encode("root", i))) & MASK63);
            // Header only: version 1, fee account i, no messages, no transactions.
            data[i] = abi.encodePacked(uint8(1), uint32(i), uint32(0), uint32(0));
            proof = bytes.concat(proof, bytes8(uint64(1000 + i)), bytes8(uint64(7 * i + 3)));
        }
        proof = bytes.concat(proof, hex"abcdef");
    }

    /// @dev Clears the top bit of each 64-bit limb: canonical Goldilocks limbs.
    uint256 internal constant MASK63 = 0x7fffffffffffffff7fffffffffffffff7fffffffffffffff7fffffffffffffff;

    /// @notice The 16 public inputs of a range: oldRoot ‖ newRoot ‖ chain ‖ prover limbs, the chain
    ///         being hashNoPad(c_{i-1} ‖ r_i ‖ keccak words ‖ z_i ‖ y_i) from zero (docs/verifier.md).
    function test_publicInputs_rangeLayout_succeeds() public view {
        for (uint256 k = 1; k <= 4; ++k) {
            (bytes32[] memory roots, bytes[] memory data, bytes memory proof) = _synthetic(k);
            bytes32 prev = bytes32(uint256(keccak256("prev")) & MASK63);
            address who = address(0x1234567890AbcdEF1234567890aBcdef12345678);
            uint256[] memory l = verifier.links(roots, data, proof);
            assertEq(l.length, 16 * k);
            uint256[4] memory c;
            for (uint256 i; i < k; ++i) {
                uint256[] memory link = new uint256[](16);
                for (uint256 j; j < 4; ++j) {
                    link[j] = uint64(uint256(roots[i]) >> (192 - 64 * j));
                }
                bytes32 h = keccak256(data[i]);
                for (uint256 j; j < 8; ++j) {
                    link[4 + j] = uint32(uint256(h) >> (224 - 32 * j));
                }
                (link[12], link[13]) = (1000 + i, 7 * i + 3);
                (uint64 y0, uint64 y1) = this.evaluate(data[i], uint64(1000 + i), uint64(7 * i + 3));
                (link[14], link[15]) = (y0, y1);
                uint256[] memory input = new uint256[](20);
                for (uint256 j; j < 4; ++j) {
                    input[j] = c[j];
                }
                for (uint256 j; j < 16; ++j) {
                    input[4 + j] = link[j];
                    assertEq(l[16 * i + j], link[j], "link element");
                }
                c = PoseidonGoldilocks.hashNoPad(input);
            }
            uint256[] memory pis = verifier.publicInputs(prev, roots, data, who, proof);
            assertEq(pis.length, WrapperParams.NUM_PUBLIC_INPUTS);
            for (uint256 j; j < 4; ++j) {
                assertEq(pis[j], uint64(uint256(prev) >> (192 - 64 * j)), "old root");
                assertEq(pis[4 + j], uint64(uint256(roots[k - 1]) >> (192 - 64 * j)), "new root");
                assertEq(pis[8 + j], c[j], "chain");
                assertEq(pis[12 + j], (uint256(uint160(who)) >> (120 - 40 * j)) & 0xffffffffff, "prover");
            }
        }
    }

    function evaluate(bytes calldata data, uint64 z0, uint64 z1) external pure returns (uint64, uint64) {
        return DataBinding.evaluate(data, z0, z1);
    }

    function test_verifyBatches_lengths_reverts() public {
        (bytes32[] memory roots, bytes[] memory data, bytes memory proof) = _synthetic(5);
        vm.expectRevert(abi.encodeWithSelector(IBatchVerifier.RangeLength.selector, 5, 4));
        verifier.verifyBatches(bytes32(0), roots, data, address(1), proof);
        vm.expectRevert(abi.encodeWithSelector(IBatchVerifier.RangeLength.selector, 0, 4));
        verifier.verifyBatches(bytes32(0), new bytes32[](0), new bytes[](0), address(1), proof);
        (roots, data, proof) = _synthetic(2);
        vm.expectRevert(abi.encodeWithSelector(IBatchVerifier.RangeLength.selector, 2, 4));
        verifier.verifyBatches(bytes32(0), new bytes32[](1), data, address(1), proof);
        bytes memory short = new bytes(31);
        vm.expectRevert(abi.encodeWithSelector(JanusVerifier.ProofTooShort.selector, 31));
        verifier.verifyBatches(bytes32(0), roots, data, address(1), short);
        roots[1] = bytes32(type(uint256).max);
        vm.expectRevert(abi.encodeWithSelector(JanusVerifier.NonCanonicalRoot.selector, roots[1]));
        verifier.verifyBatches(bytes32(0), roots, data, address(1), proof);
        vm.expectRevert(abi.encodeWithSelector(JanusVerifier.NonCanonicalRoot.selector, roots[1]));
        verifier.verifyBatches(roots[1], new bytes32[](2), data, address(1), proof);
    }
}

/// @notice The rollup with the real verifier and a real range proof: the batches before the range
///         are posted and finalized optimistically, the range's batches posted, and one
///         `proveBatches` finalizes them all (a bounty each); a copy by another sender reverts.
contract RollupZkRangeTest is RangeFixture {
    RollupStakingDouble internal staking;
    RollupSetDouble internal set;
    RollupBridgeDouble internal bridge;
    Rollup internal rollup;

    address internal owner = makeAddr("owner");
    address internal opA = makeAddr("operatorA");
    address internal signerA = makeAddr("signerA");

    uint64 internal constant T0 = 1_700_000_000;
    uint96 internal constant BOUNTY = 0.01 ether;

    function setUp() public override {
        super.setUp();
        vm.warp(T0);
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
        p.challengeBond = 1 ether;
        p.proverBounty = BOUNTY;
        p.maxPauseDuration = 3 days;
        p.maxBatchRecords = 64;
        rollup = new Rollup(
            IStaking(address(staking)),
            ISequencerSet(address(set)),
            IBridge(address(bridge)),
            _case(0).prevStateRoot,
            p,
            owner,
            owner
        );
        vm.prank(owner);
        rollup.setVerifier(address(verifier));
        rollup.fundBounty{value: 1 ether}();
    }

    /// @dev Enqueues the case's L1 messages (the records in its data) and posts it on the tip.
    function _postCase(uint256 i) internal returns (uint64 id) {
        Case memory c = _case(i);
        uint256 messages = uint32(bytes4(_slice(c.data, 5, 4)));
        for (uint256 j; j < messages; ++j) {
            bridge.enqueue(_slice(c.data, 13 + 85 * j, 85));
        }
        // The tip is read first: a prank applies to the next call, which would be `tipId()`.
        uint64 tip = rollup.tipId();
        vm.prank(signerA);
        id = rollup.submitBatch(tip, c.prevStateRoot, c.newStateRoot, c.data);
    }

    function _slice(bytes memory b, uint256 from, uint256 len) internal pure returns (bytes memory out) {
        out = new bytes(len);
        for (uint256 i; i < len; ++i) {
            out[i] = b[from + i];
        }
    }

    function test_proveBatches_realRangeProof_finalizesAll_succeeds() public {
        Range memory g = _rangeOf(4);
        for (uint256 i; i < g.first; ++i) {
            _postCase(i);
        }
        vm.warp(block.timestamp + 1 hours);
        for (uint64 h = 1; h <= g.first; ++h) {
            rollup.finalizeBatch(rollup.idAtHeight(h));
        }
        uint64 firstId;
        for (uint256 i; i < g.count; ++i) {
            uint64 id = _postCase(g.first + i);
            if (i == 0) firstId = id;
        }

        vm.prank(makeAddr("copier"));
        vm.expectRevert();
        rollup.proveBatches(firstId, g.data, g.proof);

        uint256 gas = gasleft();
        vm.prank(g.prover);
        rollup.proveBatches(firstId, g.data, g.proof);
        gas -= gasleft();
        console2.log(g.name, "proveBatches gas (execution), batches", gas, g.count);
        console2.log("  per batch", gas / g.count);
        for (uint256 i; i < g.count; ++i) {
            assertTrue(rollup.isFinalized(firstId + uint64(i)));
        }
        assertEq(rollup.lastFinalizedHeight(), g.first + g.count);
        assertEq(rollup.credits(g.prover), g.count * uint256(BOUNTY), "a bounty per batch");
    }
}
