// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {Bridge} from "../contracts/Bridge.sol";
import {BatchData} from "../contracts/libraries/BatchData.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";
import {RollupWithdrawalsDouble} from "./mocks/BridgeTestDoubles.sol";

/// @dev Exposes `BatchData.parse` on calldata, to parse the crate's batch data.
contract BatchDataParser {
    function parse(bytes calldata data, uint64 msgStart, bytes32 chainBefore)
        external
        pure
        returns (uint256, uint32, bytes32, bytes32, uint256)
    {
        return BatchData.parse(data, msgStart, chainBefore);
    }
}

/// @notice Cross-language check: the vectors in test/fixtures/l2-vectors.json are produced by the
///         Rust crate janus-l2 (l2/tests/l1_vectors.rs pins them to the crate's output). The Bridge must
///         enqueue byte-identical records with the same chain, BatchData must parse the crate's batch
///         data to the same chain and withdrawal root, the Bridge must pay the crate's withdrawal
///         proofs, and BatchData must reject every malformed batch the crate rejects, with the same
///         reason.
contract L2VectorsTest is Test {
    string internal json;
    Bridge internal bridge;
    RollupWithdrawalsDouble internal rollup;
    BatchDataParser internal parser;

    function setUp() public {
        vm.warp(1_700_000_000);
        json = vm.readFile("test/fixtures/l2-vectors.json");
        bridge = new Bridge(address(this), address(this), 1 days, 7 days);
        rollup = new RollupWithdrawalsDouble();
        bridge.initialize(address(rollup));
        parser = new BatchDataParser();
    }

    function _m(uint256 i, string memory field) internal pure returns (string memory) {
        return string.concat(".messages[", vm.toString(i), "].", field);
    }

    function _deposits() internal {
        uint256 n = vm.parseJsonUint(json, ".messageCount");
        for (uint256 i; i < n; ++i) {
            address sender = vm.parseJsonAddress(json, _m(i, "sender"));
            uint256 kind = vm.parseJsonUint(json, _m(i, "kind"));
            uint256 units = vm.parseJsonUint(json, _m(i, "amount"));
            vm.deal(sender, units * 1 gwei);
            vm.recordLogs();
            vm.prank(sender);
            if (kind == 0) {
                uint32 account =
                    bridge.depositETHNewAccount{value: units * 1 gwei}(vm.parseJsonBytes(json, _m(i, "key")));
                assertEq(
                    account,
                    vm.parseJsonUint(json, _m(i, "account")),
                    "L1 allocates the crate's account index"
                );
            } else {
                bridge.depositETH{value: units * 1 gwei}(uint32(vm.parseJsonUint(json, _m(i, "account"))));
            }
            assertEq(
                bridge.messageChain(uint64(i + 1)), vm.parseJsonBytes32(json, _m(i, "chain")), "chain value"
            );
        }
    }

    function test_deposit_crateVectors_recordsAndChainMatch_succeeds() public {
        _deposits();
        assertEq(bridge.messageCount(), vm.parseJsonUint(json, ".messageCount"));
    }

    function test_parse_crateVectors_chainAndWithdrawalRootMatch_succeeds() public view {
        bytes memory data = vm.parseJsonBytes(json, ".data");
        assertEq(keccak256(data), vm.parseJsonBytes32(json, ".dataHash"), "data hash");
        (uint256 messageCount, uint32 feeAccount, bytes32 chainAfter, bytes32 root, uint256 count) =
            parser.parse(data, 0, bytes32(0));
        assertEq(messageCount, vm.parseJsonUint(json, ".messageCount"));
        assertEq(feeAccount, 1);
        assertEq(chainAfter, vm.parseJsonBytes32(json, ".chainAfter"), "message chain after the batch");
        assertEq(root, vm.parseJsonBytes32(json, ".withdrawalRoot"), "withdrawal root");
        assertEq(count, vm.parseJsonUint(json, ".withdrawalCount"));
    }

    function test_finalizeWithdrawal_crateProofs_succeeds() public {
        _deposits();
        uint256 count = vm.parseJsonUint(json, ".withdrawalCount");
        rollup.setBatch(1, vm.parseJsonBytes32(json, ".withdrawalRoot"), uint32(count), true);
        for (uint256 i; i < count; ++i) {
            string memory w = string.concat(".withdrawals[", vm.toString(i), "].");
            address to = vm.parseJsonAddress(json, string.concat(w, "recipient"));
            uint64 amount = uint64(vm.parseJsonUint(json, string.concat(w, "amount")));
            bytes32[] memory proof = vm.parseJsonBytes32Array(json, string.concat(w, "proof"));
            uint256 before = to.balance;
            bridge.finalizeWithdrawal(1, uint32(i), to, 0, amount, proof);
            assertEq(to.balance - before, uint256(amount) * 1 gwei, "paid the crate's withdrawal");
        }
    }

    /// @notice The crate's malformed batches (each breaks one framing rule of docs/l2-spec.md §10 step 1
    ///         and is rejected by `apply_batch_data`) are rejected by BatchData with the matching code,
    ///         and together they cover every `ERR_*` code.
    function test_parse_crateMalformedVectors_reverts() public {
        uint256 n = vm.parseJsonUint(json, ".malformedCount");
        uint256 seen;
        for (uint256 i; i < n; ++i) {
            string memory m = string.concat(".malformed[", vm.toString(i), "].");
            bytes memory data = vm.parseJsonBytes(json, string.concat(m, "data"));
            uint256 code = vm.parseJsonUint(json, string.concat(m, "code"));
            vm.expectRevert(abi.encodeWithSelector(IRollup.MalformedBatchData.selector, code));
            parser.parse(data, 0, bytes32(0));
            seen |= 1 << code;
        }
        assertEq(seen, ((1 << (BatchData.ERR_WITHDRAW_TO + 1)) - 1) & ~uint256(1), "every ERR_* code 1..10");
    }
}
