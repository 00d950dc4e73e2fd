// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {DataBinding} from "../contracts/libraries/DataBinding.sol";
import {BatchData} from "../contracts/libraries/BatchData.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";

/// @dev Exposes the calldata library to the test.
contract DataBindingHarness {
    function evaluate(bytes calldata data, uint64 z0, uint64 z1) external pure returns (uint64, uint64) {
        return DataBinding.evaluate(data, z0, z1);
    }

    /// @dev Gas of the library call alone (no calldata, call or ABI overhead).
    function evaluateGas(bytes calldata data, uint64 z0, uint64 z1)
        external
        view
        returns (uint64 y0, uint64 y1, uint256 used)
    {
        used = gasleft();
        (y0, y1) = DataBinding.evaluate(data, z0, z1);
        used -= gasleft();
    }
}

/// @notice DataBinding (docs/l2-spec.md §12) against the Rust reference: the vectors in
///         test/fixtures/binding-vectors.json are `janus_prover::circuit::packing::evaluate` of several
///         batch datas at several points (pinned by prover-gpu/tests/binding_vectors.rs), and a plain
///         per-word Solidity reference here for random data.
contract DataBindingTest is Test {
    uint256 internal constant P = 0xffffffff00000001;
    /// @dev A fixed pseudo-random point (both components < p).
    uint64 internal constant FZ0 = 0x1d4b_7a26_93c0_5e81;
    uint64 internal constant FZ1 = 0x8e6f_0b3d_c4a2_1f97;

    DataBindingHarness internal h;

    function setUp() public {
        h = new DataBindingHarness();
    }

    // ---------------------------------------------------------------- plain reference

    function _be32(bytes memory d, uint256 i) internal pure returns (uint256) {
        return (uint256(uint8(d[i])) << 24) | (uint256(uint8(d[i + 1])) << 16)
            | (uint256(uint8(d[i + 2])) << 8) | uint256(uint8(d[i + 3]));
    }

    /// @dev The §12.1 coefficients, one word at a time.
    function _words(bytes memory d) internal pure returns (uint256[] memory c) {
        uint256 m = _be32(d, 5);
        uint256 t = _be32(d, 9);
        c = new uint256[](4 + 22 * m + 35 * t);
        c[0] = uint8(d[0]);
        c[1] = _be32(d, 1);
        c[2] = m;
        c[3] = t;
        uint256 n = 4;
        uint256 off = 13;
        for (uint256 i; i < m; ++i) {
            c[n++] = _be32(d, off);
            c[n++] = _be32(d, off + 4);
            c[n++] = uint8(d[off + 8]);
            for (uint256 k; k < 19; ++k) {
                c[n++] = _be32(d, off + 9 + 4 * k);
            }
            off += 85;
        }
        for (uint256 i; i < t; ++i) {
            c[n++] = uint8(d[off]);
            for (uint256 k; k < 34; ++k) {
                c[n++] = _be32(d, off + 1 + 4 * k);
            }
            off += 137;
        }
        assertEq(n, c.length);
        assertEq(off, d.length);
    }

    /// @dev Horner in GF(p^2) = GF(p)[X]/(X^2 - 7), fully reduced at every step.
    function _reference(bytes memory d, uint256 z0, uint256 z1) internal pure returns (uint64, uint64) {
        uint256[] memory c = _words(d);
        uint256 a0;
        uint256 a1;
        for (uint256 j; j < c.length; ++j) {
            uint256 b0 = addmod(addmod(mulmod(a0, z0, P), mulmod(7, mulmod(a1, z1, P), P), P), c[j], P);
            a1 = addmod(mulmod(a0, z1, P), mulmod(a1, z0, P), P);
            a0 = b0;
        }
        return (uint64(a0), uint64(a1));
    }

    // ---------------------------------------------------------------- data builders

    /// @dev Framing-valid data: version 1, the counts, and `m` 85-byte and `t` 137-byte records of
    ///      pseudo-random bytes from `seed` (or all 0xff when `ones`).
    function _data(uint256 seed, uint256 m, uint256 t, bool ones) internal pure returns (bytes memory d) {
        uint256 len = 13 + 85 * m + 137 * t;
        d = new bytes(len);
        for (uint256 i = 13; i < len; i += 32) {
            bytes32 r = ones ? bytes32(type(uint256).max) : keccak256(abi.encode(seed, i));
            for (uint256 k; k < 32 && i + k < len; ++k) {
                d[i + k] = r[k];
            }
        }
        bytes memory head = abi.encodePacked(uint8(1), uint32(seed >> 128), uint32(m), uint32(t));
        for (uint256 k; k < 13; ++k) {
            d[k] = head[k];
        }
    }

    // ---------------------------------------------------------------- Rust vectors

    /// @notice Every (data, z) of the Rust vectors gives the Rust `y`, and agrees with the reference.
    function test_evaluate_rustVectors_match_succeeds() public view {
        string memory json = vm.readFile("test/fixtures/binding-vectors.json");
        uint256 nData = vm.parseJsonUint(json, ".dataCount");
        bytes[] memory datas = new bytes[](nData);
        for (uint256 i; i < nData; ++i) {
            string memory k = string.concat(".datas[", vm.toString(i), "].");
            datas[i] = vm.parseJsonBytes(json, string.concat(k, "data"));
            assertEq(_words(datas[i]).length, vm.parseJsonUint(json, string.concat(k, "words")), "word count");
        }
        uint256 n = vm.parseJsonUint(json, ".caseCount");
        assertGe(n, 6 * nData, "six points per data");
        for (uint256 i; i < n; ++i) {
            string memory k = string.concat(".cases[", vm.toString(i), "].");
            bytes memory d = datas[vm.parseJsonUint(json, string.concat(k, "data"))];
            uint64 z0 = uint64(vm.parseJsonUint(json, string.concat(k, "z0")));
            uint64 z1 = uint64(vm.parseJsonUint(json, string.concat(k, "z1")));
            (uint64 y0, uint64 y1) = h.evaluate(d, z0, z1);
            string memory what = string.concat("vector ", vm.toString(i));
            assertEq(y0, vm.parseJsonUint(json, string.concat(k, "y0")), what);
            assertEq(y1, vm.parseJsonUint(json, string.concat(k, "y1")), what);
            if (d.length < 5000) {
                (uint64 r0, uint64 r1) = _reference(d, z0, z1);
                assertEq(y0, r0, what);
                assertEq(y1, r1, what);
            }
        }
    }

    /// @notice Changing any single byte of the real batch changes `P(z)` at the batch's Fiat–Shamir
    ///         point, except the version and the counts, whose change breaks the framing (revert).
    function test_evaluate_rustBatchEveryByteMutated_changesY_succeeds() public {
        string memory json = vm.readFile("test/fixtures/binding-vectors.json");
        bytes memory d = vm.parseJsonBytes(json, ".datas[0].data");
        // case 5: the batch's challenge point.
        assertEq(vm.parseJsonString(json, ".cases[5].point"), "challenge");
        uint64 z0 = uint64(vm.parseJsonUint(json, ".cases[5].z0"));
        uint64 z1 = uint64(vm.parseJsonUint(json, ".cases[5].z1"));
        (uint64 y0, uint64 y1) = h.evaluate(d, z0, z1);
        for (uint256 i; i < d.length; ++i) {
            bytes1 old = d[i];
            d[i] = old ^ 0x01;
            if (i == 0) {
                vm.expectRevert(
                    abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_VERSION)
                );
                h.evaluate(d, z0, z1);
            } else if (i >= 5 && i < 13) {
                vm.expectRevert(
                    abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_LENGTH)
                );
                h.evaluate(d, z0, z1);
            } else {
                (uint64 m0, uint64 m1) = h.evaluate(d, z0, z1);
                assertTrue(m0 != y0 || m1 != y1, string.concat("byte ", vm.toString(i)));
            }
            d[i] = old;
        }
    }

    // ---------------------------------------------------------------- fuzz

    /// @notice Random framing-valid data and a random point: the library equals the plain reference.
    function testFuzz_evaluate_matchesReference_succeeds(
        uint256 seed,
        uint8 m,
        uint8 t,
        uint64 z0,
        uint64 z1,
        bool ones
    ) public view {
        m = uint8(bound(m, 0, 6));
        t = uint8(bound(t, 0, 6));
        z0 = uint64(bound(z0, 0, P - 1));
        z1 = uint64(bound(z1, 0, P - 1));
        bytes memory d = _data(seed, m, t, ones);
        (uint64 y0, uint64 y1) = h.evaluate(d, z0, z1);
        (uint64 r0, uint64 r1) = _reference(d, z0, z1);
        assertEq(y0, r0, "y0");
        assertEq(y1, r1, "y1");
        assertLt(y0, P);
        assertLt(y1, P);
    }

    /// @notice Boundary points: z = (p - 1, p - 1), (0, 0) and the top of the canonical range per component.
    function testFuzz_evaluate_boundaryPoints_matchReference_succeeds(
        uint256 seed,
        uint8 m,
        uint8 t,
        uint8 which
    ) public view {
        m = uint8(bound(m, 0, 4));
        t = uint8(bound(t, 0, 4));
        uint64[2][4] memory zs =
            [[uint64(P - 1), uint64(P - 1)], [uint64(0), 0], [uint64(P - 1), 0], [uint64(0), uint64(P - 1)]];
        uint64[2] memory z = zs[which % 4];
        bytes memory d = _data(seed, m, t, seed % 2 == 0);
        (uint64 y0, uint64 y1) = h.evaluate(d, z[0], z[1]);
        (uint64 r0, uint64 r1) = _reference(d, z[0], z[1]);
        assertEq(y0, r0, "y0");
        assertEq(y1, r1, "y1");
    }

    /// @notice Changing one byte of random data changes `P(z)` at a fixed random point (a collision
    ///         has probability < N / p^2); changing the version or a count byte breaks the framing and
    ///         reverts.
    function testFuzz_evaluate_oneByteMutated_changesY_succeeds(
        uint256 seed,
        uint8 m,
        uint8 t,
        uint256 pos,
        uint8 flip
    ) public {
        m = uint8(bound(m, 0, 5));
        t = uint8(bound(t, 0, 5));
        flip = uint8(bound(flip, 1, 255));
        bytes memory d = _data(seed, m, t, false);
        pos = bound(pos, 0, d.length - 1);
        (uint64 y0, uint64 y1) = h.evaluate(d, FZ0, FZ1);
        d[pos] = d[pos] ^ bytes1(flip);
        if (pos == 0) {
            vm.expectRevert(
                abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_VERSION)
            );
            h.evaluate(d, FZ0, FZ1);
        } else if (pos >= 5 && pos < 13) {
            vm.expectRevert(abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_LENGTH));
            h.evaluate(d, FZ0, FZ1);
        } else {
            (uint64 m0, uint64 m1) = h.evaluate(d, FZ0, FZ1);
            assertTrue(m0 != y0 || m1 != y1, "one byte changed, y did not");
        }
    }

    /// @notice A point component >= p is rejected.
    function testFuzz_evaluate_nonCanonicalPoint_reverts(uint64 z0, uint64 z1, bool first) public {
        if (first) z0 = uint64(bound(z0, P, type(uint64).max));
        else z1 = uint64(bound(z1, P, type(uint64).max));
        vm.expectRevert(abi.encodeWithSelector(DataBinding.NonCanonicalChallenge.selector, z0, z1));
        h.evaluate(_data(1, 1, 1, false), z0, z1);
    }

    function test_evaluate_pointEqualToP_reverts() public {
        vm.expectRevert(
            abi.encodeWithSelector(DataBinding.NonCanonicalChallenge.selector, uint64(P), uint64(0))
        );
        h.evaluate(_data(1, 0, 0, false), uint64(P), 0);
        vm.expectRevert(
            abi.encodeWithSelector(DataBinding.NonCanonicalChallenge.selector, uint64(1), uint64(P))
        );
        h.evaluate(_data(1, 0, 0, false), 1, uint64(P));
    }

    /// @notice Data that is short, of another version or whose length disagrees with its counts is
    ///         rejected (never read past its end).
    function test_evaluate_misframedData_reverts() public {
        bytes memory d = _data(3, 1, 1, false);
        bytes memory v2 = bytes.concat(d);
        v2[0] = 0x02;
        vm.expectRevert(abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_VERSION));
        h.evaluate(v2, FZ0, FZ1);
        vm.expectRevert(
            abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_SHORT_HEADER)
        );
        h.evaluate(new bytes(12), FZ0, FZ1);
        bytes memory shorter = new bytes(d.length - 1);
        for (uint256 i; i < shorter.length; ++i) {
            shorter[i] = d[i];
        }
        vm.expectRevert(abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_LENGTH));
        h.evaluate(shorter, FZ0, FZ1);
        vm.expectRevert(abi.encodeWithSelector(IRollup.MalformedBatchData.selector, BatchData.ERR_LENGTH));
        h.evaluate(bytes.concat(d, hex"00"), FZ0, FZ1);
    }

    // ---------------------------------------------------------------- gas

    function _gas(uint256 m, uint256 t) internal view returns (uint256 used) {
        (,, used) = h.evaluateGas(_data(7, m, t, false), FZ0, FZ1);
    }

    /// @notice Gas of `evaluate` (library call only) by batch shape; per record and per byte.
    function test_evaluate_gas_succeeds() public {
        uint256 g0 = _gas(0, 0);
        uint256 g1m = _gas(1, 0);
        uint256 g1t = _gas(0, 1);
        uint256 g256m = _gas(256, 0);
        uint256 g1000t = _gas(0, 1000);
        emit log_named_uint("evaluate: 0 records", g0);
        emit log_named_uint("evaluate: 1 message", g1m);
        emit log_named_uint("evaluate: 1 tx", g1t);
        emit log_named_uint("evaluate: 256 messages", g256m);
        emit log_named_uint("evaluate: 1000 txs", g1000t);
        uint256 perMessage = (g256m - g0) / 256;
        uint256 perTx = (g1000t - g0) / 1000;
        emit log_named_uint("per message record (85 B)", perMessage);
        emit log_named_uint("per tx record (137 B)", perTx);
        emit log_named_uint("per message byte (x100)", perMessage * 100 / 85);
        emit log_named_uint("per tx byte (x100)", perTx * 100 / 137);
        // Regression bounds (docs/BENCHMARKS.md has the measured figures).
        assertLe(perMessage, 1200, "gas per message record");
        assertLe(perTx, 1800, "gas per tx record");
    }
}
