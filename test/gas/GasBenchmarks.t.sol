// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {console2} from "forge-std/console2.sol";
import {Suite} from "../utils/Suite.sol";
import {BatchBuilder} from "../utils/BatchBuilder.sol";
import {IRollup} from "../../contracts/interfaces/IRollup.sol";
import {IEquivocationSlasher} from "../../contracts/interfaces/IEquivocationSlasher.sol";
import {JanusToken} from "../../contracts/JanusToken.sol";

/// @notice Gas of every user-facing operation on the real suite, for docs/BENCHMARKS.md.
///         Run: `forge test --isolate --match-path test/gas/GasBenchmarks.t.sol -vv` (`make gas`).
///         Each test logs `gas <operation> <execution gas>` (what `vm.lastCallGas` reports: the call's
///         execution, without the 21,000 base and calldata). The tests also check each operation did
///         what it should, so a benchmark never measures a revert.
contract GasBenchmarks is Suite {
    address internal alice = makeAddr("alice");

    function setUp() public override {
        super.setUp();
        _addOperators(3);
        _activateSet();
    }

    function _log(string memory op) internal view {
        console2.log("gas", op, vm.lastCallGas().gasTotalUsed);
    }

    function test_gas_register() public {
        address owner = makeAddr("newOperator");
        token.transfer(owner, MIN_BOND);
        vm.prank(owner);
        token.approve(address(staking), MIN_BOND);
        bytes memory sig = _signerSig(owner, 0xBEEF);
        vm.prank(owner);
        staking.registerOperator(vm.addr(0xBEEF), sig, 500, "http://127.0.0.1:8700", MIN_BOND);
        _log("register");
        assertTrue(staking.isEligible(owner));
    }

    function _delegate(address who, uint256 amount) internal {
        token.transfer(who, amount);
        vm.prank(who);
        token.approve(address(staking), amount);
        vm.prank(who);
        staking.delegate(operators[0], amount);
    }

    function test_gas_delegate() public {
        _delegate(alice, 100 ether);
        _log("delegate");
        assertGt(staking.sharesOf(operators[0], alice), 0);
    }

    function test_gas_undelegate_withdraw() public {
        _delegate(alice, 100 ether);
        uint256 shares = staking.sharesOf(operators[0], alice);
        vm.prank(alice);
        uint256 id = staking.undelegate(operators[0], shares);
        _log("undelegate");
        vm.warp(block.timestamp + UNBONDING);
        vm.prank(alice);
        staking.withdraw(id);
        _log("withdraw");
        assertApproxEqAbs(token.balanceOf(alice), 100 ether, 1e6);
    }

    function test_gas_submitBatch_empty() public {
        _postEmpty(keccak256("r"));
        _log("submitBatch (no tx)");
    }

    function test_gas_submitBatch_64tx() public {
        bytes[] memory txs = new bytes[](64);
        for (uint256 i; i < 64; ++i) {
            txs[i] = i % 2 == 0
                ? BatchBuilder.transferTx(uint32(i + 1), uint32(i + 2), 0, 5, 1, uint64(i))
                : BatchBuilder.withdrawTx(
                    uint32(i + 1),
                    BatchBuilder.Withdrawal(address(uint160(i + 1)), 0, uint64(i)),
                    1,
                    uint64(i)
                );
        }
        (, bytes memory data) = _post(keccak256("r"), 0, txs);
        _log("submitBatch (64 tx, 32 withdrawals)");
        console2.log("data bytes", data.length);
    }

    function test_gas_submitBatch_16deposits() public {
        for (uint256 i; i < 16; ++i) {
            _depositNew(alice, 1 ether);
        }
        _post(keccak256("r"), 16, new bytes[](0));
        _log("submitBatch (16 deposits)");
    }

    function test_gas_challenge_resolve() public {
        _useVerifier(); // challenges need a verifier
        (uint64 id,) = _postEmpty(keccak256("r"));
        vm.deal(alice, BOND);
        vm.prank(alice);
        rollup.challenge{value: BOND}(id);
        _log("challenge");
        vm.warp(block.timestamp + PROVE_WINDOW);
        rollup.resolveChallenge(id);
        _log("resolveChallenge (timeout: revert + slash)");
        assertFalse(rollup.isCanonical(id));
    }

    function test_gas_prove_finalize() public {
        _useVerifier();
        rollup.fundBounty{value: 1 ether}();
        (uint64 id, bytes memory data) = _postEmpty(keccak256("r"));
        bytes memory proof = _truthAndProof(id, data);
        rollup.proveBatch(id, data, proof);
        _log("proveBatch (incl. test verifier ~3k)");
        assertTrue(rollup.isFinalized(id));

        (uint64 id2,) = _postEmpty(keccak256("r2"));
        vm.warp(block.timestamp + CHALLENGE_WINDOW);
        rollup.finalizeBatch(id2);
        _log("finalizeBatch");
    }

    function test_gas_reportLiveness() public {
        vm.roll(block.number + LIVENESS_TIMEOUT);
        set.reportLiveness();
        _log("reportLiveness");
    }

    function test_gas_snapshot() public {
        set.snapshot();
        _log("snapshot (3 operators)");
    }

    function test_gas_reportEquivocation() public {
        IEquivocationSlasher.SoftConfirmation memory a =
            IEquivocationSlasher.SoftConfirmation(7, keccak256("a"), keccak256("p"), L2_CHAIN_ID);
        IEquivocationSlasher.SoftConfirmation memory b =
            IEquivocationSlasher.SoftConfirmation(7, keccak256("b"), keccak256("p"), L2_CHAIN_ID);
        uint256 key = signerKeys[0];
        (uint8 v1, bytes32 r1, bytes32 s1) = vm.sign(key, slasher.hashSoftConfirmation(a));
        (uint8 v2, bytes32 r2, bytes32 s2) = vm.sign(key, slasher.hashSoftConfirmation(b));
        slasher.reportEquivocation(a, abi.encodePacked(r1, s1, v1), b, abi.encodePacked(r2, s2, v2));
        _log("reportEquivocation");
    }

    function test_gas_depositETH() public {
        _depositNew(alice, 1 ether);
        _log("depositETHNewAccount");
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        bridge.depositETH{value: 1 ether}(1);
        _log("depositETH");
    }

    function test_gas_depositERC20() public {
        JanusToken usd = new JanusToken("USD", "USD", alice, 1e24);
        bridge.listToken(address(usd), 1e9);
        _depositNew(alice, 1 ether);
        vm.prank(alice);
        usd.approve(address(bridge), 1e24);
        vm.prank(alice);
        bridge.depositERC20(1, address(usd), 1 ether);
        _log("depositERC20");
    }

    function test_gas_finalizeWithdrawal() public {
        _depositNew(alice, 4 ether);
        BatchBuilder.Withdrawal[] memory ws = new BatchBuilder.Withdrawal[](8);
        bytes[] memory txs = new bytes[](8);
        bytes32[] memory leaves = new bytes32[](8);
        for (uint256 i; i < 8; ++i) {
            ws[i] = BatchBuilder.Withdrawal(makeAddr(vm.toString(i)), 0, 1e8);
            txs[i] = BatchBuilder.withdrawTx(1, ws[i], 1, uint64(i));
            leaves[i] = BatchBuilder.leaf(ws[i]);
        }
        (uint64 id,) = _post(keccak256("r"), 1, txs);
        vm.warp(block.timestamp + CHALLENGE_WINDOW);
        rollup.finalizeBatch(id);
        (, bytes32[] memory proof) = BatchBuilder.rootAndProof(leaves, 3);
        bridge.finalizeWithdrawal(id, 3, ws[3].recipient, 0, ws[3].amount, proof);
        _log("finalizeWithdrawal (8-leaf tree)");
        assertEq(ws[3].recipient.balance, 0.1 ether);
    }
}
