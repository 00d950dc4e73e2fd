// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {console} from "forge-std/console.sol";
import {WrapperGates} from "../../contracts/verifier/generated/WrapperGates.sol";
import {GateVariants} from "./generated/GateVariants.sol";

/// @notice A generated gate library against plonky2: the fixture holds, for every gate, random
///         wires, constants and public-inputs hash and plonky2's `Gate::eval_unfiltered` on them
///         (pinned, with the library, by prover-gpu/tests/verifier_gates.rs). Gas per gate
///         evaluation is printed with -vv.
abstract contract GateCasesTest is Test {
    uint256 internal constant P = 0xffffffff00000001;

    /// @dev The fixture's path.
    function _fixture() internal pure virtual returns (string memory);

    /// @dev The library's `evalGate`, `numConstraints`, `NUM_GATES` and `UnknownGate` selector.
    function _evalGate(uint256 index, uint256 wires, uint256 consts, uint256 pih, uint256 out)
        internal
        pure
        virtual;
    function _numConstraints(uint256 index) internal pure virtual returns (uint256);
    function _numGates() internal pure virtual returns (uint256);
    function _unknownGate() internal pure virtual returns (bytes4);

    struct Case {
        uint256 index;
        string name;
        uint256[] wires;
        uint256[] consts;
        uint256[] pih;
        uint256[] expected;
        uint256[] mutWire;
        uint256[] mutConst;
    }

    string internal json;

    function setUp() public {
        json = vm.readFile(_fixture());
    }

    function _numCases() internal view returns (uint256) {
        return vm.parseJsonUint(json, ".numCases");
    }

    function _case(uint256 i) internal view returns (Case memory c) {
        string memory p = string.concat(".cases[", vm.toString(i), "]");
        c.index = vm.parseJsonUint(json, string.concat(p, ".index"));
        c.name = vm.parseJsonString(json, string.concat(p, ".name"));
        c.wires = vm.parseJsonUintArray(json, string.concat(p, ".wires"));
        c.consts = vm.parseJsonUintArray(json, string.concat(p, ".consts"));
        c.pih = vm.parseJsonUintArray(json, string.concat(p, ".pih"));
        c.expected = vm.parseJsonUintArray(json, string.concat(p, ".expected"));
        c.mutWire = vm.parseJsonUintArray(json, string.concat(p, ".mutWire"));
        c.mutConst = vm.parseJsonUintArray(json, string.concat(p, ".mutConst"));
    }

    /// @dev Run gate `c.index` on the case's inputs (memory arrays, one word per element); returns
    ///      its outputs and the gas of the evaluation alone.
    function _eval(Case memory c) internal view returns (uint256[] memory out, uint256 used) {
        out = new uint256[](_numConstraints(c.index));
        uint256[] memory wires = c.wires;
        uint256[] memory consts = c.consts;
        uint256[] memory pih = c.pih;
        uint256 w;
        uint256 k;
        uint256 h;
        uint256 o;
        assembly ("memory-safe") {
            w := add(wires, 32)
            k := add(consts, 32)
            h := add(pih, 32)
            o := add(out, 32)
        }
        used = gasleft();
        _evalGate(c.index, w, k, h, o);
        used -= gasleft();
    }

    /// @dev `x + 1` in GF(p^2) (c0 + 1 mod p), as the Rust side perturbs.
    function _plusOne(uint256 x) internal pure returns (uint256) {
        uint256 c0 = x & type(uint128).max;
        return (x - c0) | addmod(c0, 1, P);
    }

    function _differs(uint256[] memory a, uint256[] memory b) internal pure returns (bool) {
        for (uint256 j = 0; j < a.length; j++) {
            if (a[j] != b[j]) return true;
        }
        return false;
    }

    function test_gatesMatchPlonky2() public view {
        uint256 n = _numCases();
        assertGt(n, 0, "no cases");
        for (uint256 i = 0; i < n; i++) {
            Case memory c = _case(i);
            assertEq(_numConstraints(c.index), c.expected.length, string.concat(c.name, ": numConstraints"));
            (uint256[] memory out, uint256 used) = _eval(c);
            for (uint256 j = 0; j < out.length; j++) {
                assertEq(out[j], c.expected[j], string.concat(c.name, ": constraint ", vm.toString(j)));
            }
            console.log(string.concat("gate ", vm.toString(c.index), " ", c.name, " gas"), used);
        }
    }

    /// @notice Negative: changing a wire that a constraint depends on (per plonky2) changes the output.
    function test_wireChangeChangesOutput() public view {
        uint256 n = _numCases();
        uint256 checked;
        for (uint256 i = 0; i < n; i++) {
            Case memory c = _case(i);
            if (c.mutWire.length == 0) continue;
            c.wires[c.mutWire[0]] = _plusOne(c.wires[c.mutWire[0]]);
            (uint256[] memory out,) = _eval(c);
            assertTrue(_differs(out, c.expected), string.concat(c.name, ": wire change not seen"));
            checked++;
        }
        assertGt(checked, 0);
    }

    /// @notice Negative: changing a gate constant that a constraint depends on changes the output.
    function test_constChangeChangesOutput() public view {
        uint256 n = _numCases();
        uint256 checked;
        for (uint256 i = 0; i < n; i++) {
            Case memory c = _case(i);
            if (c.mutConst.length == 0) continue;
            c.consts[c.mutConst[0]] = _plusOne(c.consts[c.mutConst[0]]);
            (uint256[] memory out,) = _eval(c);
            assertTrue(_differs(out, c.expected), string.concat(c.name, ": constant change not seen"));
            checked++;
        }
        assertGt(checked, 0);
    }

    /// @notice Negative: changing the public-inputs hash changes PublicInputGate's output (and only
    ///         the gates that read it).
    function test_pihChangeChangesPublicInputGate() public view {
        uint256 n = _numCases();
        uint256 checked;
        for (uint256 i = 0; i < n; i++) {
            Case memory c = _case(i);
            c.pih[i % 4] = addmod(c.pih[i % 4], 1, P);
            (uint256[] memory out,) = _eval(c);
            bool isPi = keccak256(bytes(c.name)) == keccak256("PublicInputGate");
            assertEq(_differs(out, c.expected), isPi, string.concat(c.name, ": public-inputs hash"));
            if (isPi) checked++;
        }
        assertGt(checked, 0);
    }

    /// @notice An index past the gate set reverts.
    function test_unknownGateReverts() public {
        uint256[] memory buf = new uint256[](256);
        uint256 p;
        assembly ("memory-safe") {
            p := add(buf, 32)
        }
        uint256 bad = _numGates();
        vm.expectRevert(abi.encodeWithSelector(_unknownGate(), bad));
        this.evalExternal(bad, p);
    }

    function evalExternal(uint256 index, uint256 p) external pure {
        _evalGate(index, p, p, p, p);
    }
}

/// @notice contracts/verifier/generated/WrapperGates.sol (the wrapper circuit's gates) against
///         test/fixtures/verifier/gates.json.
contract WrapperGatesTest is GateCasesTest {
    function _fixture() internal pure override returns (string memory) {
        return "test/fixtures/verifier/gates.json";
    }

    function _evalGate(uint256 index, uint256 wires, uint256 consts, uint256 pih, uint256 out)
        internal
        pure
        override
    {
        WrapperGates.evalGate(index, wires, consts, pih, out);
    }

    function _numConstraints(uint256 index) internal pure override returns (uint256) {
        return WrapperGates.numConstraints(index);
    }

    function _numGates() internal pure override returns (uint256) {
        return WrapperGates.NUM_GATES;
    }

    function _unknownGate() internal pure override returns (bytes4) {
        return WrapperGates.UnknownGate.selector;
    }
}

/// @notice test/verifier/generated/GateVariants.sol (the same gate types with other parameters: a
///         re-tuned circuit regenerates correctly) against test/fixtures/verifier/gate-variants.json.
contract GateVariantsTest is GateCasesTest {
    function _fixture() internal pure override returns (string memory) {
        return "test/fixtures/verifier/gate-variants.json";
    }

    function _evalGate(uint256 index, uint256 wires, uint256 consts, uint256 pih, uint256 out)
        internal
        pure
        override
    {
        GateVariants.evalGate(index, wires, consts, pih, out);
    }

    function _numConstraints(uint256 index) internal pure override returns (uint256) {
        return GateVariants.numConstraints(index);
    }

    function _numGates() internal pure override returns (uint256) {
        return GateVariants.NUM_GATES;
    }

    function _unknownGate() internal pure override returns (bytes4) {
        return GateVariants.UnknownGate.selector;
    }
}

/// @notice Deploys the whole library (every gate evaluator) behind one external function, for its
///         bytecode size (`forge build --sizes`).
contract WrapperGatesHarness {
    function evalGate(uint256 index, uint256[] memory wires, uint256[] memory consts, uint256[] memory pih)
        external
        pure
        returns (uint256[] memory out)
    {
        out = new uint256[](WrapperGates.numConstraints(index));
        uint256 w;
        uint256 k;
        uint256 h;
        uint256 o;
        assembly ("memory-safe") {
            w := add(wires, 32)
            k := add(consts, 32)
            h := add(pih, 32)
            o := add(out, 32)
        }
        WrapperGates.evalGate(index, w, k, h, o);
    }
}
