// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {WithdrawalTree} from "../contracts/libraries/WithdrawalTree.sol";
import {WithdrawalTreeReference as Ref} from "./mocks/BridgeTestDoubles.sol";

/// @notice Exposes the library (rootFromProof takes a calldata proof).
contract WithdrawalTreeHarness {
    function leaf(address recipient, uint32 asset, uint64 amount) external pure returns (bytes32) {
        return WithdrawalTree.leaf(recipient, asset, amount);
    }

    function depth(uint256 count) external pure returns (uint256) {
        return WithdrawalTree.depth(count);
    }

    function root(bytes32[] memory leaves) external pure returns (bytes32) {
        return WithdrawalTree.root(leaves);
    }

    function rootFromProof(bytes32 leafHash, uint256 index, bytes32[] calldata proof)
        external
        pure
        returns (bytes32)
    {
        return WithdrawalTree.rootFromProof(leafHash, index, proof);
    }
}

/// @notice The withdrawal tree library against an independent recursive reference (docs/l2-spec.md §5).
contract WithdrawalTreeTest is Test {
    WithdrawalTreeHarness internal h;

    function setUp() public {
        h = new WithdrawalTreeHarness();
    }

    function _leaves(uint256 n, uint256 seed) internal pure returns (bytes32[] memory leaves) {
        leaves = new bytes32[](n);
        for (uint256 i; i < n; ++i) {
            leaves[i] = keccak256(abi.encode(seed, i));
        }
    }

    function _copy(bytes32[] memory a) internal pure returns (bytes32[] memory b) {
        b = new bytes32[](a.length);
        for (uint256 i; i < a.length; ++i) {
            b[i] = a[i];
        }
    }

    function testFuzz_leaf_matchesEncodePacked_succeeds(address recipient, uint32 asset, uint64 amount)
        public
        view
    {
        assertEq(h.leaf(recipient, asset, amount), keccak256(abi.encodePacked(recipient, asset, amount)));
        assertEq(abi.encodePacked(recipient, asset, amount).length, 32, "32 bytes of input");
    }

    function test_depth_values_succeeds() public view {
        uint256[12] memory n = [uint256(0), 1, 2, 3, 4, 5, 8, 9, 16, 17, 40, 1 << 20];
        uint256[12] memory d = [uint256(0), 0, 1, 2, 2, 3, 3, 4, 4, 5, 6, 20];
        for (uint256 i; i < n.length; ++i) {
            assertEq(h.depth(n[i]), d[i], "ceil(log2 n)");
        }
    }

    function test_root_empty_isZero_succeeds() public view {
        assertEq(h.root(new bytes32[](0)), bytes32(0));
    }

    function test_root_singleLeafIsRoot_succeeds() public view {
        bytes32[] memory leaves = _leaves(1, 7);
        assertEq(h.root(_copy(leaves)), leaves[0]);
        assertEq(h.rootFromProof(leaves[0], 0, new bytes32[](0)), leaves[0]);
    }

    /// @notice Three leaves: the last node's missing sibling is the zero word, not keccak(0 ‖ 0).
    function test_root_threeLeaves_zeroSibling_succeeds() public view {
        bytes32[] memory l = _leaves(3, 3);
        bytes32 expected = keccak256(
            abi.encodePacked(
                keccak256(abi.encodePacked(l[0], l[1])), keccak256(abi.encodePacked(l[2], bytes32(0)))
            )
        );
        assertEq(h.root(_copy(l)), expected);
    }

    /// @notice For every size 1..40 and every index: the library root equals the reference root, and
    ///         the reference proof (exactly depth siblings) hashes back to it; a wrong leaf or index does not.
    function testFuzz_rootAndProofs_sizes1to40_succeeds(uint256 n, uint256 seed) public view {
        n = bound(n, 1, 40);
        bytes32[] memory leaves = _leaves(n, seed);
        bytes32 root = Ref.root(leaves);
        assertEq(h.root(_copy(leaves)), root, "library root = reference root");
        uint256 d = h.depth(n);
        assertEq(d, Ref.depth(n));
        for (uint256 i; i < n; ++i) {
            bytes32[] memory proof = Ref.proof(leaves, i);
            assertEq(proof.length, d, "proof has depth siblings");
            assertEq(h.rootFromProof(leaves[i], i, proof), root, "proof verifies");
            assertTrue(
                h.rootFromProof(keccak256(abi.encode(leaves[i])), i, proof) != root, "wrong leaf fails"
            );
            if (n > 1) {
                uint256 other = (i + 1) % n;
                assertTrue(h.rootFromProof(leaves[i], other, proof) != root, "wrong index fails");
            }
        }
    }

    /// @notice Every size 1..40 exhaustively (deterministic complement of the fuzz test).
    function test_root_allSizes1to40_matchReference_succeeds() public view {
        for (uint256 n = 1; n <= 40; ++n) {
            bytes32[] memory leaves = _leaves(n, n);
            assertEq(h.root(_copy(leaves)), Ref.root(leaves));
            uint256 last = n - 1;
            assertEq(h.rootFromProof(leaves[last], last, Ref.proof(leaves, last)), Ref.root(leaves));
        }
    }
}
