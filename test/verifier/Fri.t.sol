// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test, console2} from "forge-std/Test.sol";
import {FriVerifier} from "../../contracts/verifier/lib/FriVerifier.sol";
import {WrapperParams as W} from "../../contracts/verifier/generated/WrapperParams.sol";
import {FriHarness, FriPlonkHarness} from "./FriHarness.t.sol";
import {WrapperGateEvaluator} from "../../contracts/verifier/generated/WrapperGateEvaluator.sol";
import {WrapperPlonk} from "../../contracts/verifier/generated/WrapperPlonk.sol";
import {PoseidonGoldilocks} from "../../contracts/verifier/generated/PoseidonGoldilocks.sol";

/// @notice The transcript and FRI verifier against a real wrapped proof
/// (test/fixtures/verifier/wrapped-proof.json, written by prover-gpu/tests/verifier_fri.rs with
/// plonky2's own challenges).
contract FriTest is Test {
    FriHarness internal h;
    FriPlonkHarness internal hp;
    address internal evaluator;
    bytes internal proof;
    uint256[4] internal pih;
    string internal json;
    uint256 internal mutations;

    function setUp() public {
        h = new FriHarness();
        evaluator = address(new WrapperGateEvaluator());
        hp = new FriPlonkHarness(evaluator);
        json = vm.readFile("test/fixtures/verifier/wrapped-proof.json");
        proof = vm.parseJsonBytes(json, ".proof");
        uint256[] memory p = vm.parseJsonUintArray(json, ".publicInputsHash");
        for (uint256 i = 0; i < 4; i++) {
            pih[i] = p[i];
        }
    }

    function _eq(uint256[] memory a, string memory key) internal view {
        uint256[] memory want = vm.parseJsonUintArray(json, key);
        assertEq(a.length, want.length, key);
        for (uint256 i = 0; i < a.length; i++) {
            assertEq(a[i], want[i], key);
        }
    }

    function test_fixtureMatchesParams() public view {
        assertEq(proof.length, W.PROOF_BYTES);
        assertEq(vm.parseJsonUint(json, ".proofBytes"), W.PROOF_BYTES);
        assertEq(
            bytes32(vm.parseJsonBytes(json, ".circuitDigest")), bytes32(W.CIRCUIT_DIGEST), "circuit digest"
        );
        assertEq(vm.parseJsonUintArray(json, ".publicInputs").length, W.NUM_PUBLIC_INPUTS);
    }

    function test_challengesEqualPlonky2() public view {
        (, FriVerifier.Challenges memory c) = h.transcript(proof, pih);
        _eq(c.betas, ".betas");
        _eq(c.gammas, ".gammas");
        _eq(c.alphas, ".alphas");
        assertEq(c.zeta, vm.parseJsonUint(json, ".zeta"), "zeta");
        assertEq(c.friAlpha, vm.parseJsonUint(json, ".friAlpha"), "fri alpha");
        _eq(c.friBetas, ".friBetas");
        assertEq(c.powResponse, vm.parseJsonUint(json, ".powResponse"), "pow response");
        _eq(c.queryIndices, ".queryIndices");
    }

    function test_validProofPasses() public view {
        (FriVerifier.Openings memory o, FriVerifier.Challenges memory c) = h.verify(proof, pih);
        assertEq(o.constants.length, W.NUM_OPEN_CONSTANTS);
        assertEq(o.sigmas.length, W.NUM_OPEN_SIGMAS);
        assertEq(o.wires.length, W.NUM_OPEN_WIRES);
        assertEq(o.zs.length, W.NUM_OPEN_ZS);
        assertEq(o.zsNext.length, W.NUM_OPEN_ZS_NEXT);
        assertEq(o.partialProducts.length, W.NUM_OPEN_PARTIAL_PRODUCTS);
        assertEq(o.quotient.length, W.NUM_OPEN_QUOTIENT);
        assertEq(c.zeta, vm.parseJsonUint(json, ".zeta"));
        // The first wire opening, straight from the encoding.
        uint256 off = W.OFF_OPENINGS + 16 * (W.NUM_OPEN_CONSTANTS + W.NUM_OPEN_SIGMAS);
        uint256 c0 = uint64(bytes8(this.slice(proof, off, 8)));
        uint256 c1 = uint64(bytes8(this.slice(proof, off + 8, 8)));
        assertEq(o.wires[0], c0 | (c1 << 128));
    }

    function slice(bytes calldata b, uint256 from, uint256 len) external pure returns (bytes memory) {
        return b[from:from + len];
    }

    /// End to end with the PLONK identity (WrapperPlonk) on what this library decodes.
    function test_plonkIdentityHoldsOnDecodedProof() public view {
        assertEq(W.NUM_OPENINGS, WrapperPlonk.NUM_OPENINGS);
        assertEq(W.NUM_OPEN_CONSTANTS + W.NUM_OPEN_SIGMAS, WrapperPlonk.OFF_WIRES);
        assertEq(W.NUM_OPENINGS - W.NUM_OPEN_QUOTIENT, WrapperPlonk.OFF_QUOTIENT);
        assertTrue(hp.verifyWithPlonk(proof, pih));
        // The PLONK check is live: a public-inputs hash that still passes the transcript checks
        // cannot exist, so tamper the hash inside the identity only.
        (FriVerifier.Openings memory o, FriVerifier.Challenges memory c) = h.verify(proof, pih);
        uint256[] memory flat = FriVerifier.flatOpenings(o);
        uint256[] memory ch = FriVerifier.plonkChallenges(c);
        assertEq(flat[WrapperPlonk.OFF_WIRES], o.wires[0]);
        assertEq(flat[WrapperPlonk.OFF_QUOTIENT], o.quotient[0]);
        assertEq(ch[6], c.zeta);
        uint256[4] memory other = pih;
        other[1] = (other[1] + 1) % FriVerifier.P;
        uint256 op;
        uint256 chp;
        assembly {
            op := add(flat, 0x20)
            chp := add(ch, 0x20)
        }
        assertTrue(WrapperPlonk.check(op, chp, _ptr(pih), evaluator));
        assertFalse(WrapperPlonk.check(op, chp, _ptr(other), evaluator));
    }

    /// The fixture's public-inputs hash is Poseidon's hash of its public inputs (the native
    /// library the caller uses to build `pih`).
    function test_publicInputsHashIsPoseidon() public view {
        uint256[4] memory got = PoseidonGoldilocks.hashNoPad(vm.parseJsonUintArray(json, ".publicInputs"));
        for (uint256 i = 0; i < 4; i++) {
            assertEq(got[i], pih[i]);
        }
    }

    function _ptr(uint256[4] memory a) internal pure returns (uint256 p) {
        assembly {
            p := a
        }
    }

    function test_gas() public view {
        (uint256 t, uint256 k, uint256 m, uint256 f) = h.gasBreakdown(proof, pih);
        console2.log("transcript (decode, challenges, PoW)", t);
        console2.log("FRI context (caps, alpha powers, reduced openings)", k);
        console2.log("Merkle openings (initial + commit phase)", m);
        console2.log("folding (combine, interpolation, final poly)", f);
        uint256 g = gasleft();
        h.verify(proof, pih);
        console2.log("external verify call, total", g - gasleft());
        g = gasleft();
        hp.verifyWithPlonk(proof, pih);
        console2.log("external verify call with WrapperPlonk, total", g - gasleft());
    }

    // ---- Mutations of the proof bytes ----

    function _flip(uint256 at) internal view returns (bytes memory p) {
        p = bytes.concat(proof);
        p[at] = bytes1(uint8(p[at]) ^ 0x01);
    }

    /// A mutation that changes the transcript: rejected (by the PoW check, with probability
    /// 1 - 2^-POW_BITS, else by FRI).
    function _rejected(uint256 at) internal {
        mutations++;
        vm.expectRevert();
        h.verify(_flip(at), pih);
    }

    function _rejectedWith(uint256 at, bytes memory err) internal {
        mutations++;
        vm.expectRevert(err);
        h.verify(_flip(at), pih);
    }

    function _queryOff(uint256 q) internal pure returns (uint256) {
        return W.OFF_QUERIES + q * W.QUERY_BYTES;
    }

    function _oracleOff(uint256 q, uint256 j) internal pure returns (uint256 off) {
        uint256[4] memory n = [W.ORACLE_POLYS_0, W.ORACLE_POLYS_1, W.ORACLE_POLYS_2, W.ORACLE_POLYS_3];
        off = _queryOff(q);
        for (uint256 i = 0; i < j; i++) {
            off += 8 * n[i] + 25 * W.INITIAL_SIBLINGS;
        }
    }

    function _stepOff(uint256 q, uint256 s) internal pure returns (uint256 off) {
        off = _oracleOff(q, 4);
        for (uint256 i = 0; i < s; i++) {
            uint256 ab = (W.REDUCTION_ARITY_BITS >> (8 * i)) & 0xff;
            off += (16 << ab) + 25 * ((W.STEP_SIBLINGS >> (8 * i)) & 0xff);
        }
    }

    function test_mutationsRejected() public {
        // Caps (transcript).
        _rejected(W.OFF_WIRES_CAP + 3);
        _rejected(W.OFF_ZS_CAP + 25 * 5 + 24);
        _rejected(W.OFF_QUOTIENT_CAP + 25 * (W.CAP_LEN - 1));
        for (uint256 s = 0; s < W.NUM_REDUCTIONS; s++) {
            _rejected(W.OFF_COMMIT_CAPS + s * 25 * W.CAP_LEN + 7);
        }
        // Openings: a constant, a sigma, a wire (c0 and c1), a Z, a Z at g·zeta, a partial
        // product, a quotient chunk.
        uint256 o = W.OFF_OPENINGS;
        _rejected(o + 7);
        o += 16 * W.NUM_OPEN_CONSTANTS;
        _rejected(o + 16 * 3 + 7);
        o += 16 * W.NUM_OPEN_SIGMAS;
        _rejected(o + 16 * 10 + 7);
        _rejected(o + 16 * 10 + 15);
        o += 16 * W.NUM_OPEN_WIRES;
        _rejected(o + 7);
        o += 16 * W.NUM_OPEN_ZS;
        _rejected(o + 15);
        o += 16 * W.NUM_OPEN_ZS_NEXT;
        _rejected(o + 16 * 5 + 7);
        o += 16 * W.NUM_OPEN_PARTIAL_PRODUCTS;
        _rejected(o + 16 * (W.NUM_OPEN_QUOTIENT - 1) + 7);
        // Final polynomial, PoW witness (the top byte makes it non-canonical).
        _rejected(W.OFF_FINAL_POLY + 7);
        _rejected(W.OFF_FINAL_POLY + 16 * (W.FINAL_POLY_LEN - 1) + 15);
        _rejected(W.OFF_POW + 7);
        _rejectedWith(W.OFF_POW, abi.encodeWithSelector(FriVerifier.ProofOfWork.selector));
        // Query rounds: each initial oracle's leaf value and a sibling, in a few queries.
        uint256[3] memory qs = [uint256(0), 6, W.NUM_QUERIES - 1];
        for (uint256 i = 0; i < 3; i++) {
            uint256 q = qs[i];
            for (uint256 j = 0; j < 4; j++) {
                bytes memory err = abi.encodeWithSelector(FriVerifier.InitialMerkle.selector, q, j);
                _rejectedWith(_oracleOff(q, j) + 7, err); // first leaf value
                _rejectedWith(_oracleOff(q, j) + 8 * _polys(j) - 1, err); // last leaf value
                _rejectedWith(_oracleOff(q, j) + 8 * _polys(j) + 25 * 3 + 24, err); // a sibling
            }
            for (uint256 s = 0; s < W.NUM_REDUCTIONS; s++) {
                bytes memory err = abi.encodeWithSelector(FriVerifier.StepMerkle.selector, q, s);
                uint256 ab = (W.REDUCTION_ARITY_BITS >> (8 * s)) & 0xff;
                _rejectedWith(_stepOff(q, s) + 7, err); // an evaluation (c0)
                _rejectedWith(_stepOff(q, s) + (16 << ab) - 1, err); // an evaluation (c1)
                _rejectedWith(_stepOff(q, s) + (16 << ab) + 1, err); // a sibling
            }
        }
        // Truncated and extended.
        mutations++;
        bytes memory truncated = this.slice(proof, 0, proof.length - 1);
        vm.expectRevert(
            abi.encodeWithSelector(FriVerifier.ProofLength.selector, proof.length - 1, W.PROOF_BYTES)
        );
        h.verify(truncated, pih);
        mutations++;
        vm.expectRevert(
            abi.encodeWithSelector(FriVerifier.ProofLength.selector, proof.length + 1, W.PROOF_BYTES)
        );
        h.verify(bytes.concat(proof, hex"00"), pih);
        // The public-inputs hash (transcript) and a non-canonical one.
        mutations++;
        uint256[4] memory bad = pih;
        bad[2] ^= 1;
        vm.expectRevert();
        h.verify(proof, bad);
        mutations++;
        bad = pih;
        bad[0] += FriVerifier.P;
        vm.expectRevert(FriVerifier.NonCanonical.selector);
        h.verify(proof, bad);
        console2.log("byte and input mutations rejected", mutations);
    }

    function _polys(uint256 j) internal pure returns (uint256) {
        return [W.ORACLE_POLYS_0, W.ORACLE_POLYS_1, W.ORACLE_POLYS_2, W.ORACLE_POLYS_3][j];
    }

    /// A non-canonical opening is rejected before the transcript.
    function test_nonCanonicalOpening() public {
        bytes memory p = bytes.concat(proof);
        for (uint256 i = 0; i < 8; i++) {
            p[W.OFF_OPENINGS + i] = 0xff;
        }
        vm.expectRevert(FriVerifier.NonCanonical.selector);
        h.verify(p, pih);
    }

    /// Each FRI check downstream of the transcript rejects a change that keeps the transcript.
    function test_checksAfterTranscript() public {
        uint256 n;
        for (uint256 i = 0; i < W.FINAL_POLY_LEN; i += W.FINAL_POLY_LEN - 1) {
            vm.expectRevert(abi.encodeWithSelector(FriVerifier.FinalPolynomial.selector, 0));
            h.verifyTampered(proof, pih, 0, i);
            n++;
        }
        for (uint256 s = 0; s < W.NUM_REDUCTIONS; s++) {
            vm.expectRevert(abi.encodeWithSelector(FriVerifier.StepMerkle.selector, 0, s));
            h.verifyTampered(proof, pih, 1, s);
            n++;
        }
        for (uint256 j = 0; j < 4; j++) {
            vm.expectRevert(abi.encodeWithSelector(FriVerifier.InitialMerkle.selector, 0, j));
            h.verifyTampered(proof, pih, 2, j);
            n++;
        }
        vm.expectRevert(abi.encodeWithSelector(FriVerifier.FoldMismatch.selector, 0, 0));
        h.verifyTampered(proof, pih, 3, 0);
        vm.expectRevert(abi.encodeWithSelector(FriVerifier.FoldMismatch.selector, 0, 0));
        h.verifyTampered(proof, pih, 4, 0);
        n += 2;
        for (uint256 s = 0; s < W.NUM_REDUCTIONS; s++) {
            // A wrong beta at the last step is caught by the final polynomial.
            bytes memory err = s + 1 < W.NUM_REDUCTIONS
                ? abi.encodeWithSelector(FriVerifier.FoldMismatch.selector, 0, s + 1)
                : abi.encodeWithSelector(FriVerifier.FinalPolynomial.selector, 0);
            vm.expectRevert(err);
            h.verifyTampered(proof, pih, 5, s);
            n++;
        }
        h.verifyTampered(proof, pih, 99, 0); // no change: passes
        console2.log("post-transcript tamperings rejected", n);
    }

    /// forge-config: default.fuzz.runs = 64
    function testFuzz_flipAnyByte(uint256 at, uint8 mask) public {
        at = bound(at, 0, proof.length - 1);
        vm.assume(mask != 0);
        bytes memory p = bytes.concat(proof);
        p[at] = bytes1(uint8(p[at]) ^ mask);
        vm.expectRevert();
        h.verify(p, pih);
    }
}
