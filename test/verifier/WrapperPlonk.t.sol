// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test, console2} from "forge-std/Test.sol";
import {WrapperPlonk} from "../../contracts/verifier/generated/WrapperPlonk.sol";
import {WrapperGateEvaluator} from "../../contracts/verifier/generated/WrapperGateEvaluator.sol";

/// @notice The generated PLONK check at zeta on a real wrapped proof
///         (test/fixtures/verifier/plonk.json, written and pinned by
///         prover-gpu/tests/verifier_plonk.rs from plonky2's own openings and challenges): it accepts
///         the proof's openings, and rejects them when any opening family, challenge or
///         public-inputs-hash word is changed.
contract WrapperPlonkTest is Test {
    uint256 internal constant P = 0xffffffff00000001;

    uint256[] internal openings;
    uint256[] internal challenges;
    uint256[] internal pih;
    uint256[] internal layout;
    address internal evaluator;

    function setUp() public {
        evaluator = address(new WrapperGateEvaluator());
        string memory json = vm.readFile("test/fixtures/verifier/plonk.json");
        openings = vm.parseJsonUintArray(json, ".openings");
        challenges = vm.parseJsonUintArray(json, ".challenges");
        pih = vm.parseJsonUintArray(json, ".pih");
        layout = vm.parseJsonUintArray(json, ".layout");
    }

    function _check(uint256[] memory o, uint256[] memory c, uint256[] memory h)
        internal
        view
        returns (bool ok)
    {
        uint256 op;
        uint256 ch;
        uint256 hp;
        assembly ("memory-safe") {
            op := add(o, 32)
            ch := add(c, 32)
            hp := add(h, 32)
        }
        ok = WrapperPlonk.check(op, ch, hp, evaluator);
    }

    /// @dev Adds one to the low (c0) component of a packed extension word, staying canonical.
    function _bump(uint256 w) internal pure returns (uint256) {
        uint256 c0 = w & type(uint128).max;
        return (w - c0) | ((c0 + 1) % P);
    }

    function test_check_realProof_succeeds() public view {
        assertEq(openings.length, WrapperPlonk.NUM_OPENINGS);
        assertEq(challenges.length, WrapperPlonk.NUM_CHALLENGE_WORDS);
        uint256 g = gasleft();
        bool ok = _check(openings, challenges, pih);
        console2.log("WrapperPlonk.check gas", g - gasleft());
        assertTrue(ok);
    }

    /// @dev The first and last opening of every family (constants, sigmas, wires, Z, Z(g zeta),
    ///      partial products, quotient), changed one at a time, break the identity.
    function test_check_mutatedOpening_fails() public view {
        uint256 runs;
        for (uint256 f; f < layout.length; ++f) {
            uint256 end = f + 1 < layout.length ? layout[f + 1] : openings.length;
            uint256[2] memory at = [layout[f], end - 1];
            for (uint256 k; k < 2; ++k) {
                uint256[] memory o = openings;
                uint256 saved = o[at[k]];
                o[at[k]] = _bump(saved);
                assertFalse(_check(o, challenges, pih), "mutated opening accepted");
                o[at[k]] = saved;
                ++runs;
            }
        }
        assertEq(runs, 2 * layout.length);
    }

    /// @dev Any opening, chosen by the fuzzer, changed by any nonzero amount.
    function testFuzz_check_mutatedOpening_fails(uint256 index, uint64 delta) public view {
        index = bound(index, 0, openings.length - 1);
        delta = uint64(bound(delta, 1, P - 1));
        uint256[] memory o = openings;
        uint256 w = o[index];
        uint256 c1 = w >> 128;
        o[index] = (w & type(uint128).max) | (((c1 + delta) % P) << 128);
        assertFalse(_check(o, challenges, pih));
    }

    function test_check_mutatedChallengeOrHash_fails() public view {
        for (uint256 i; i < challenges.length; ++i) {
            uint256[] memory c = challenges;
            uint256 saved = c[i];
            c[i] = _bump(saved);
            assertFalse(_check(openings, c, pih), "mutated challenge accepted");
            c[i] = saved;
        }
        for (uint256 i; i < pih.length; ++i) {
            uint256[] memory h = pih;
            uint256 saved = h[i];
            h[i] = (saved + 1) % P;
            assertFalse(_check(openings, challenges, h), "mutated public-inputs hash accepted");
            h[i] = saved;
        }
    }
}
