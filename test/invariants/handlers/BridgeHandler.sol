// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test, Vm} from "forge-std/Test.sol";

import {Bridge} from "../../../contracts/Bridge.sol";
import {IBridge} from "../../../contracts/interfaces/IBridge.sol";
import {RollupWithdrawalsDouble, TestERC20} from "../../mocks/BridgeTestDoubles.sol";
import {HookERC20} from "../../mocks/HookERC20.sol";

/// @notice Drives a bridge with ETH and ERC-20 deposits, deposits of a listed token whose transfer
///         hook re-enters the bridge (any deposit, or a withdrawal), and ETH withdrawals; mirrors the
///         queue from the `MessageEnqueued` logs.
contract BridgeHandler is Test {
    Bridge public bridge;
    RollupWithdrawalsDouble public rollup;
    TestERC20 public usdc; // asset 1, scale 1
    HookERC20 public hook; // asset 2, scale 1
    address internal constant USER = address(0xA11CE);

    bytes32 public ghostChain; // mirror of the chain, folded from the logged records
    uint64 public ghostNextNonce; // next nonce the logs must show
    bool public ghostNonceBroken; // a logged nonce was not the next one (a collision or a gap)
    uint256 public ghostReentriesAccepted;
    uint64 internal _batchId;

    constructor() {
        vm.warp(1_700_000_000);
        bridge = new Bridge(address(this), address(this), 1 days, 7 days);
        rollup = new RollupWithdrawalsDouble();
        bridge.initialize(address(rollup));
        usdc = new TestERC20("USDC", 6);
        hook = new HookERC20(bridge);
        bridge.listToken(address(usdc), 1);
        bridge.listToken(address(hook), 1);
        vm.deal(address(hook), 1_000_000 ether);
        usdc.mint(address(hook), 1e30);
        hook.exec(address(usdc), abi.encodeCall(usdc.approve, (address(bridge), type(uint256).max)));
        hook.mint(USER, 1e30);
        usdc.mint(USER, 1e30);
        vm.startPrank(USER);
        hook.approve(address(bridge), type(uint256).max);
        usdc.approve(address(bridge), type(uint256).max);
        vm.stopPrank();
        vm.deal(USER, 1_000_000 ether);
        vm.prank(USER);
        bridge.depositETHNewAccount{value: 1 ether}(_key(0));
        _sync();
    }

    function _key(uint256 i) internal pure returns (bytes memory) {
        return abi.encodePacked(keccak256(abi.encode("key", i)), bytes8(uint64(i + 1)));
    }

    /// @dev Folds the recorded `MessageEnqueued` logs into the ghost chain, checking nonces.
    function _fold(Vm.Log[] memory logs) internal {
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter != address(bridge) || logs[i].topics[0] != IBridge.MessageEnqueued.selector) {
                continue;
            }
            uint64 nonce = uint64(uint256(logs[i].topics[1]));
            if (nonce != ghostNextNonce) ghostNonceBroken = true;
            ghostNextNonce = nonce + 1;
            (bytes memory record,) = abi.decode(logs[i].data, (bytes, bytes32));
            ghostChain = keccak256(abi.encodePacked(ghostChain, record));
        }
    }

    function _sync() internal {
        // Starts the mirror after the constructor's deposit (message 0).
        ghostChain = bridge.messageChain(1);
        ghostNextNonce = 1;
    }

    function depositETH(uint64 units) external {
        units = uint64(bound(units, 1, 1e12));
        uint32 account = uint32(bound(units, 1, bridge.nextAccount() - 1));
        vm.recordLogs();
        vm.prank(USER);
        bridge.depositETH{value: uint256(units) * 1 gwei}(account);
        _fold(vm.getRecordedLogs());
    }

    function depositETHNewAccount(uint64 units) external {
        units = uint64(bound(units, 0, 1e12));
        vm.recordLogs();
        vm.prank(USER);
        bridge.depositETHNewAccount{value: uint256(units) * 1 gwei}(_key(units));
        _fold(vm.getRecordedLogs());
    }

    /// @notice A hook-token deposit whose hook tries one re-entrant call: a deposit of ETH (existing or
    ///         new account), of USDC, or an ETH withdrawal.
    function depositHook(uint64 amount, uint8 which, uint64 units, bool newAccount) external {
        amount = uint64(bound(amount, 1, 1e18));
        units = uint64(bound(units, 1, 1e12));
        bytes memory call;
        uint256 value;
        which %= 4;
        if (which == 0) {
            (call, value) = (abi.encodeCall(IBridge.depositETH, (1)), uint256(units) * 1 gwei);
        } else if (which == 1) {
            (call, value) =
            (abi.encodeCall(IBridge.depositETHNewAccount, (_key(units))), uint256(units) * 1 gwei);
        } else if (which == 2) {
            call = abi.encodeCall(IBridge.depositERC20, (1, address(usdc), units));
        } else {
            call = abi.encodeCall(
                IBridge.finalizeWithdrawal, (_withdrawal(), 0, address(hook), 0, 1, new bytes32[](0))
            );
        }
        hook.arm(call, value);
        vm.recordLogs();
        vm.prank(USER);
        if (newAccount) bridge.depositERC20NewAccount(_key(amount), address(hook), amount);
        else bridge.depositERC20(1, address(hook), amount);
        _fold(vm.getRecordedLogs());
        if (hook.reentered()) ++ghostReentriesAccepted;
    }

    function depositUSDC(uint64 amount) external {
        amount = uint64(bound(amount, 1, 1e18));
        vm.recordLogs();
        vm.prank(USER);
        bridge.depositERC20(1, address(usdc), amount);
        _fold(vm.getRecordedLogs());
    }

    /// @notice A finalized one-leaf batch paying 1 ETH unit to the hook token (returns its id).
    function _withdrawal() internal returns (uint64 id) {
        id = ++_batchId;
        rollup.setBatch(id, keccak256(abi.encodePacked(address(hook), uint32(0), uint64(1))), 1, true);
    }

    function withdrawETH(uint64 units) external {
        uint64 out = bridge.getAsset(0).outstanding;
        if (out == 0) return;
        units = uint64(bound(units, 1, out));
        uint64 id = ++_batchId;
        address to = address(uint160(0xBEEF0000 + id));
        rollup.setBatch(id, keccak256(abi.encodePacked(to, uint32(0), units)), 1, true);
        bridge.finalizeWithdrawal(id, 0, to, 0, units, new bytes32[](0));
    }
}
