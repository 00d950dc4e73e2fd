// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test, Vm} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {Bridge} from "../contracts/Bridge.sol";
import {IBridge} from "../contracts/interfaces/IBridge.sol";
import {
    RollupWithdrawalsDouble,
    TestERC20,
    FeeOnTransferERC20,
    ReentrantRecipient,
    RevertingRecipient,
    WithdrawalTreeReference as Ref
} from "./mocks/BridgeTestDoubles.sol";
import {HookERC20} from "./mocks/HookERC20.sol";

/// @notice Shared fixture: a bridge wired to a rollup double, two listed tokens (6 and 18 decimals)
///         and an independent mirror of the message queue (records and chain values).
abstract contract BridgeTestBase is Test {
    Bridge internal bridge;
    RollupWithdrawalsDouble internal rollup;
    TestERC20 internal usdc; // 6 decimals, scale 1 (asset 1)
    TestERC20 internal weth; // 18 decimals, scale 1e9 (asset 2)

    address internal owner = makeAddr("owner");
    address internal guardian = makeAddr("guardian");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    uint64 internal constant DELAY = 1 days;
    uint64 internal constant MAX_PAUSE = 7 days;
    uint64 internal constant MAX_AMOUNT = 2 ** 63 - 1;
    uint8 internal constant KIND_NEW = 0;
    uint8 internal constant KIND_EXISTING = 1;
    bytes32 internal constant QUEUE_SLOT = bytes32(uint256(2)); // `forge inspect Bridge storageLayout`

    bytes32[] internal chains; // mirror: chains[n] = chain after n messages

    function setUp() public virtual {
        vm.warp(1_700_000_000);
        bridge = new Bridge(owner, guardian, DELAY, MAX_PAUSE);
        rollup = new RollupWithdrawalsDouble();
        vm.prank(owner);
        bridge.initialize(address(rollup));
        usdc = new TestERC20("USDC", 6);
        weth = new TestERC20("WETH", 18);
        vm.startPrank(owner);
        bridge.listToken(address(usdc), 1);
        bridge.listToken(address(weth), 1e9);
        vm.stopPrank();
        chains.push(bytes32(0));
    }

    // ------------------------------------------------------------------ independent encodings
    function _key(uint256 i) internal pure returns (bytes memory) {
        return abi.encodePacked(keccak256(abi.encode("l2key", i)), bytes8(uint64(i + 1)));
    }

    function _record(
        uint64 nonce,
        uint8 kind,
        address sender,
        uint32 account,
        bytes memory key,
        uint32 asset,
        uint64 units
    ) internal pure returns (bytes memory) {
        return abi.encodePacked(
            nonce, kind, sender, account, kind == KIND_NEW ? key : new bytes(40), asset, units
        );
    }

    function _mirror(bytes memory rec) internal returns (bytes32 c) {
        c = keccak256(abi.encodePacked(chains[chains.length - 1], rec));
        chains.push(c);
    }

    // ------------------------------------------------------------------ actions
    function _depositEthNew(address from, uint256 i, uint256 value) internal returns (uint32 account) {
        vm.deal(from, from.balance + value);
        uint64 nonce = bridge.messageCount();
        vm.prank(from);
        account = bridge.depositETHNewAccount{value: value}(_key(i));
        _mirror(_record(nonce, KIND_NEW, from, account, _key(i), 0, uint64(value / 1 gwei)));
    }

    function _depositEth(address from, uint32 account, uint256 value) internal {
        vm.deal(from, from.balance + value);
        uint64 nonce = bridge.messageCount();
        vm.prank(from);
        bridge.depositETH{value: value}(account);
        _mirror(_record(nonce, KIND_EXISTING, from, account, "", 0, uint64(value / 1 gwei)));
    }

    function _depositToken(address from, uint32 account, TestERC20 token, uint256 amount) internal {
        token.mint(from, amount);
        uint64 nonce = bridge.messageCount();
        uint32 asset = bridge.assetOf(address(token));
        uint64 scale = bridge.getAsset(asset).scale;
        vm.startPrank(from);
        token.approve(address(bridge), amount);
        bridge.depositERC20(account, address(token), amount);
        vm.stopPrank();
        _mirror(_record(nonce, KIND_EXISTING, from, account, "", asset, uint64(amount / scale)));
    }

    function _outstanding(uint32 asset) internal view returns (uint64) {
        return bridge.getAsset(asset).outstanding;
    }

    /// @notice Builds a withdrawal tree (reference implementation), registers it as finalized batch `id`.
    function _finalizedBatch(uint64 id, address[] memory to, uint32[] memory assets, uint64[] memory amounts)
        internal
        returns (bytes32[] memory leaves)
    {
        leaves = new bytes32[](to.length);
        for (uint256 i; i < to.length; ++i) {
            leaves[i] = Ref.leaf(to[i], assets[i], amounts[i]);
        }
        rollup.setBatch(id, Ref.root(leaves), uint32(to.length), true);
    }

    function _single(uint64 id, address to, uint32 asset, uint64 amount)
        internal
        returns (bytes32[] memory leaves)
    {
        address[] memory t = new address[](1);
        uint32[] memory a = new uint32[](1);
        uint64[] memory m = new uint64[](1);
        (t[0], a[0], m[0]) = (to, asset, amount);
        return _finalizedBatch(id, t, a, m);
    }

    function _readUint(bytes memory b, uint256 offset, uint256 len) internal pure returns (uint256 v) {
        for (uint256 i; i < len; ++i) {
            v = (v << 8) | uint8(b[offset + i]);
        }
    }

    function _slice(bytes memory b, uint256 offset, uint256 len) internal pure returns (bytes memory out) {
        out = new bytes(len);
        for (uint256 i; i < len; ++i) {
            out[i] = b[offset + i];
        }
    }
}

/// @notice Constructor, initialize, token listing, guardian and pause.
contract BridgeGovernanceTest is BridgeTestBase {
    function test_constructor_initialState_succeeds() public view {
        assertEq(bridge.owner(), owner);
        assertEq(bridge.guardian(), guardian);
        assertEq(bridge.forcedInclusionDelay(), DELAY);
        assertEq(bridge.maxPauseDuration(), MAX_PAUSE);
        assertEq(bridge.nextAccount(), 1, "index 0 reserved");
        assertEq(bridge.messageCount(), 0);
        assertEq(bridge.messageChain(0), bytes32(0));
        assertEq(bridge.pausedUntil(), 0);
        IBridge.Asset memory eth = bridge.getAsset(0);
        assertEq(eth.token, address(0));
        assertEq(eth.scale, 1 gwei);
        assertEq(eth.outstanding, 0);
        assertEq(bridge.assetOf(address(0)), 0);
    }

    function test_constructor_zeroOwner_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new Bridge(address(0), guardian, DELAY, MAX_PAUSE);
    }

    function test_constructor_zeroGuardian_reverts() public {
        vm.expectRevert(IBridge.ZeroAddress.selector);
        new Bridge(owner, address(0), DELAY, MAX_PAUSE);
    }

    function test_constructor_zeroDelays_reverts() public {
        vm.expectRevert(IBridge.InvalidParams.selector);
        new Bridge(owner, guardian, 0, MAX_PAUSE);
        vm.expectRevert(IBridge.InvalidParams.selector);
        new Bridge(owner, guardian, DELAY, 0);
    }

    function test_initialize_setsRollup_succeeds() public {
        Bridge b = new Bridge(owner, guardian, DELAY, MAX_PAUSE);
        vm.expectEmit(true, false, false, true, address(b));
        emit IBridge.RollupSet(address(rollup));
        vm.prank(owner);
        b.initialize(address(rollup));
        assertEq(b.rollup(), address(rollup));
    }

    function test_initialize_twice_reverts() public {
        vm.prank(owner);
        vm.expectRevert(IBridge.AlreadyInitialized.selector);
        bridge.initialize(address(0xBEEF));
    }

    function test_initialize_notOwner_reverts() public {
        Bridge b = new Bridge(owner, guardian, DELAY, MAX_PAUSE);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        b.initialize(address(rollup));
    }

    function test_initialize_zeroAddress_reverts() public {
        Bridge b = new Bridge(owner, guardian, DELAY, MAX_PAUSE);
        vm.prank(owner);
        vm.expectRevert(IBridge.ZeroAddress.selector);
        b.initialize(address(0));
    }

    function test_listToken_assignsNextIds_succeeds() public {
        assertEq(bridge.assetCount(), 3);
        assertEq(bridge.assetOf(address(usdc)), 1);
        assertEq(bridge.assetOf(address(weth)), 2);
        TestERC20 t = new TestERC20("T", 12);
        vm.expectEmit(true, true, false, true, address(bridge));
        emit IBridge.TokenListed(3, address(t), 1e3);
        vm.prank(owner);
        assertEq(bridge.listToken(address(t), 1e3), 3);
        IBridge.Asset memory a = bridge.getAsset(3);
        assertEq(a.token, address(t));
        assertEq(a.scale, 1e3);
        assertEq(a.outstanding, 0);
        assertEq(bridge.assetCount(), 4);
    }

    function test_listToken_beyondL2AssetSlots_reverts() public {
        vm.startPrank(owner);
        bridge.listToken(address(new TestERC20("T3", 18)), 1e9); // asset 3: the last L2 slot
        address t4 = address(new TestERC20("T4", 18));
        vm.expectRevert(abi.encodeWithSelector(IBridge.TooManyAssets.selector, uint32(4)));
        bridge.listToken(t4, 1e9);
        vm.stopPrank();
    }

    function testFuzz_listToken_everyPowerOfTen_succeeds(uint8 k) public {
        k = uint8(bound(k, 0, 18));
        address t = address(new TestERC20("T", 18));
        vm.prank(owner);
        uint32 id = bridge.listToken(t, uint64(10 ** k));
        assertEq(bridge.getAsset(id).scale, 10 ** k);
    }

    function testFuzz_listToken_notPowerOfTen_reverts(uint64 scale) public {
        for (uint256 k; k <= 18; ++k) {
            if (scale == 10 ** k) scale = 0;
        }
        address t = address(new TestERC20("T", 18));
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IBridge.InvalidScale.selector, scale));
        bridge.listToken(t, scale);
    }

    function test_listToken_scaleAboveMax_reverts() public {
        address t = address(new TestERC20("T", 18));
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IBridge.InvalidScale.selector, uint64(1e19)));
        bridge.listToken(t, 1e19);
    }

    function test_listToken_alreadyListed_reverts() public {
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IBridge.TokenAlreadyListed.selector, address(usdc)));
        bridge.listToken(address(usdc), 1e6);
    }

    function test_listToken_zeroAddress_reverts() public {
        vm.prank(owner);
        vm.expectRevert(IBridge.ZeroAddress.selector);
        bridge.listToken(address(0), 1);
    }

    function test_listToken_notOwner_reverts() public {
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        bridge.listToken(address(0x1234), 1);
    }

    function test_assetOf_notListed_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IBridge.TokenNotListed.selector, address(0x1234)));
        bridge.assetOf(address(0x1234));
    }

    function test_getAsset_unknown_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IBridge.UnknownAsset.selector, uint32(3)));
        bridge.getAsset(3);
    }

    function test_pause_guardian_succeeds() public {
        uint64 until = uint64(block.timestamp) + MAX_PAUSE;
        vm.expectEmit(true, false, false, true, address(bridge));
        emit IBridge.Paused(guardian, until);
        vm.prank(guardian);
        bridge.pause(MAX_PAUSE);
        assertEq(bridge.pausedUntil(), until);
    }

    function test_pause_notGuardian_reverts() public {
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IBridge.NotGuardian.selector, owner));
        bridge.pause(1 days);
    }

    function test_pause_badDuration_reverts() public {
        vm.startPrank(guardian);
        vm.expectRevert(IBridge.InvalidParams.selector);
        bridge.pause(0);
        vm.expectRevert(IBridge.InvalidParams.selector);
        bridge.pause(MAX_PAUSE + 1);
        vm.stopPrank();
    }

    function test_pause_expires_depositsResume_succeeds() public {
        vm.prank(guardian);
        bridge.pause(1 hours);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.DepositsPaused.selector, uint64(block.timestamp + 1 hours))
        );
        bridge.depositETHNewAccount{value: 1 ether}(_key(0));
        vm.warp(block.timestamp + 1 hours);
        _depositEthNew(alice, 0, 1 ether);
        assertEq(bridge.messageCount(), 1);
    }

    function test_unpause_guardianOrOwner_succeeds() public {
        address[2] memory who = [guardian, owner];
        for (uint256 i; i < 2; ++i) {
            vm.prank(guardian);
            bridge.pause(1 days);
            vm.warp(block.timestamp + 1 hours);
            vm.expectEmit(true, false, false, true, address(bridge));
            emit IBridge.Unpaused(who[i]);
            vm.prank(who[i]);
            bridge.unpause();
            assertEq(bridge.pausedUntil(), block.timestamp, "the early end is recorded");
            _depositEthNew(alice, i, 1 gwei);
            vm.warp(block.timestamp + MAX_PAUSE); // past the cooldown
        }
    }

    function test_unpause_afterExpiry_keepsEnd_succeeds() public {
        vm.prank(guardian);
        bridge.pause(1 days);
        uint64 end = uint64(block.timestamp + 1 days);
        vm.warp(block.timestamp + 2 days);
        vm.prank(owner);
        bridge.unpause();
        assertEq(bridge.pausedUntil(), end, "an expired pause keeps its end");
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IBridge.PauseCooldown.selector, end + MAX_PAUSE));
        bridge.pause(1);
    }

    function test_pause_duringPause_reverts() public {
        vm.startPrank(guardian);
        bridge.pause(MAX_PAUSE);
        uint64 until = uint64(block.timestamp) + MAX_PAUSE;
        vm.warp(until - 1);
        vm.expectRevert(abi.encodeWithSelector(IBridge.PauseCooldown.selector, until + MAX_PAUSE));
        bridge.pause(MAX_PAUSE);
        vm.expectRevert(abi.encodeWithSelector(IBridge.PauseCooldown.selector, until + MAX_PAUSE));
        bridge.pause(1);
        vm.stopPrank();
        assertEq(bridge.pausedUntil(), until, "not extended");
    }

    function test_pause_rightAfterUnpause_reverts() public {
        vm.prank(guardian);
        bridge.pause(MAX_PAUSE);
        vm.warp(block.timestamp + 1 hours);
        vm.prank(guardian);
        bridge.unpause();
        uint64 readyAt = uint64(block.timestamp) + MAX_PAUSE;
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IBridge.PauseCooldown.selector, readyAt));
        bridge.pause(MAX_PAUSE);
        vm.warp(readyAt - 1);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IBridge.PauseCooldown.selector, readyAt));
        bridge.pause(1);
    }

    function test_pause_afterCooldown_succeeds() public {
        vm.prank(guardian);
        bridge.pause(1 days);
        uint64 readyAt = uint64(block.timestamp) + 1 days + MAX_PAUSE;
        vm.warp(readyAt - 1);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IBridge.PauseCooldown.selector, readyAt));
        bridge.pause(1 days);
        vm.warp(readyAt);
        vm.prank(guardian);
        bridge.pause(MAX_PAUSE);
        assertEq(bridge.pausedUntil(), readyAt + MAX_PAUSE);
        // The same after an early unpause: the cooldown runs from the unpause.
        vm.warp(block.timestamp + 1);
        vm.prank(owner);
        bridge.unpause();
        vm.warp(block.timestamp + MAX_PAUSE);
        vm.prank(guardian);
        bridge.pause(1);
        assertEq(bridge.pausedUntil(), block.timestamp + 1);
    }

    /// @notice The review's attack: re-pausing just before each pause ends kept deposits stopped for
    ///         27 days with four calls. Now a guardian that re-pauses as early as it may keeps them
    ///         stopped exactly half the time.
    function test_pause_greedyGuardian_pausedHalfTheTime_succeeds() public {
        uint256 start = block.timestamp;
        uint256 paused;
        for (uint256 i; i < 8; ++i) {
            vm.prank(guardian);
            bridge.pause(MAX_PAUSE);
            paused += MAX_PAUSE;
            vm.warp(bridge.pausedUntil() + MAX_PAUSE - 1);
            vm.prank(guardian);
            vm.expectRevert(abi.encodeWithSelector(IBridge.PauseCooldown.selector, block.timestamp + 1));
            bridge.pause(MAX_PAUSE);
            vm.warp(block.timestamp + 1);
        }
        assertEq(paused * 2, block.timestamp - start);
    }

    /// @notice Any sequence of guardian pauses and guardian/owner unpauses, at any times: within any
    ///         window of 4 * maxPauseDuration deposits are paused for at most 2 * maxPauseDuration.
    function testFuzz_pause_anySequence_pausedTimeBounded_succeeds(uint256 seed) public {
        uint256 m = MAX_PAUSE;
        uint256[] memory starts = new uint256[](40);
        uint256[] memory ends = new uint256[](40);
        uint256 k;
        for (uint256 i; i < 40; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            // Time: stay, a random step, or exactly when the current pause ends or the cooldown does.
            uint256 t = r % 5;
            uint256 target = block.timestamp;
            if (t == 1) target += (r >> 8) % (2 * m);
            else if (t == 2) target = bridge.pausedUntil();
            else if (t == 3) target = uint256(bridge.pausedUntil()) + m;
            else if (t == 4) target = uint256(bridge.pausedUntil()) + m - 1;
            if (target > block.timestamp) vm.warp(target);
            if ((r >> 64) % 3 == 0) {
                vm.prank((r >> 72) % 2 == 0 ? guardian : owner);
                bridge.unpause();
                if (k != 0 && ends[k - 1] > block.timestamp) ends[k - 1] = block.timestamp;
            } else {
                uint64 d = uint64(bound(r >> 80, 1, m));
                vm.prank(guardian);
                try bridge.pause(d) {
                    if (k != 0 && ends[k - 1] > block.timestamp) ends[k - 1] = block.timestamp; // replaced
                    starts[k] = block.timestamp;
                    ends[k] = block.timestamp + d;
                    ++k;
                } catch (bytes memory err) {
                    assertEq(bytes4(err), IBridge.PauseCooldown.selector, "only the cooldown refuses");
                }
            }
        }
        // The paused time of a sliding window is largest when the window starts at a pause's start
        // or ends at a pause's end.
        for (uint256 i; i < k; ++i) {
            assertLe(
                _pausedWithin(starts, ends, k, starts[i], starts[i] + 4 * m), 2 * m, "window from a start"
            );
            uint256 from = ends[i] > 4 * m ? ends[i] - 4 * m : 0;
            assertLe(_pausedWithin(starts, ends, k, from, ends[i]), 2 * m, "window to an end");
        }
    }

    function _pausedWithin(
        uint256[] memory starts,
        uint256[] memory ends,
        uint256 k,
        uint256 from,
        uint256 to
    ) internal pure returns (uint256 total) {
        for (uint256 j; j < k; ++j) {
            uint256 a = starts[j] > from ? starts[j] : from;
            uint256 b = ends[j] < to ? ends[j] : to;
            if (b > a) total += b - a;
        }
    }

    function test_unpause_stranger_reverts() public {
        vm.prank(guardian);
        bridge.pause(1 days);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBridge.NotGuardian.selector, alice));
        bridge.unpause();
    }

    function test_setGuardian_succeeds() public {
        vm.expectEmit(false, false, false, true, address(bridge));
        emit IBridge.GuardianSet(bob);
        vm.prank(owner);
        bridge.setGuardian(bob);
        assertEq(bridge.guardian(), bob);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IBridge.NotGuardian.selector, guardian));
        bridge.pause(1 days);
        vm.prank(bob);
        bridge.pause(1 days);
    }

    function test_setGuardian_notOwner_reverts() public {
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, guardian));
        bridge.setGuardian(bob);
    }

    function test_setGuardian_zeroAddress_reverts() public {
        vm.prank(owner);
        vm.expectRevert(IBridge.ZeroAddress.selector);
        bridge.setGuardian(address(0));
    }

    function test_transferOwnership_twoStep_succeeds() public {
        vm.prank(owner);
        bridge.transferOwnership(bob);
        assertEq(bridge.owner(), owner, "pending until accepted");
        vm.prank(bob);
        bridge.acceptOwnership();
        assertEq(bridge.owner(), bob);
    }
}

/// @notice Deposits, the message record, the hash chain, timestamps and account allocation.
contract BridgeDepositTest is BridgeTestBase {
    function test_depositETHNewAccount_enqueuesRecord_succeeds() public {
        vm.deal(alice, 3 ether);
        bytes memory rec = _record(0, KIND_NEW, alice, 1, _key(0), 0, 3 ether / 1 gwei);
        bytes32 c = keccak256(abi.encodePacked(bytes32(0), rec));
        vm.expectEmit(true, true, false, true, address(bridge));
        emit IBridge.AccountRegistered(1, alice, _key(0));
        vm.expectEmit(true, true, true, true, address(bridge));
        emit IBridge.MessageEnqueued(0, 1, 0, rec, c);
        vm.prank(alice);
        uint32 account = bridge.depositETHNewAccount{value: 3 ether}(_key(0));
        assertEq(account, 1);
        assertEq(bridge.nextAccount(), 2);
        assertEq(bridge.messageCount(), 1);
        assertEq(bridge.messageChain(1), c);
        assertEq(bridge.enqueuedAt(0), block.timestamp);
        assertEq(_outstanding(0), 3 ether / 1 gwei);
        assertEq(address(bridge).balance, 3 ether);
    }

    function test_depositETHNewAccount_zeroValueKeyRegistration_succeeds() public {
        uint32 account = _depositEthNew(alice, 0, 0);
        assertEq(account, 1);
        assertEq(bridge.messageChain(1), chains[1]);
        assertEq(_outstanding(0), 0);
    }

    function test_depositETHNewAccount_badKeyLength_reverts() public {
        uint256[3] memory lens = [uint256(0), 39, 41];
        for (uint256 i; i < 3; ++i) {
            vm.expectRevert(abi.encodeWithSelector(IBridge.BadKeyLength.selector, lens[i]));
            bridge.depositETHNewAccount(new bytes(lens[i]));
        }
    }

    function test_depositETHNewAccount_notMultipleOfUnit_reverts() public {
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.AmountNotMultipleOfUnit.selector, 1 gwei + 1, uint64(1 gwei))
        );
        bridge.depositETHNewAccount{value: 1 gwei + 1}(_key(0));
    }

    function test_depositETHNewAccount_paused_reverts() public {
        vm.prank(guardian);
        bridge.pause(1 days);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.DepositsPaused.selector, uint64(block.timestamp + 1 days))
        );
        bridge.depositETHNewAccount(_key(0));
    }

    function test_depositETHNewAccount_outstandingCap_reverts() public {
        _depositEthNew(alice, 0, uint256(MAX_AMOUNT) * 1 gwei);
        assertEq(_outstanding(0), MAX_AMOUNT, "exactly at the cap");
        vm.deal(bob, 1 gwei);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IBridge.OutstandingCapExceeded.selector, uint32(0)));
        bridge.depositETHNewAccount{value: 1 gwei}(_key(1));
        // A zero-amount key registration is still possible at the cap.
        _depositEthNew(bob, 1, 0);
    }

    function test_depositETHNewAccount_tooManyAccounts_reverts() public {
        uint256 q = uint256(vm.load(address(bridge), QUEUE_SLOT));
        assertEq(uint32(q >> 64), 1, "slot layout: nextAccount at bits 64..95");
        q = (q & ~(uint256(type(uint32).max) << 64)) | (uint256(type(uint32).max - 1) << 64);
        vm.store(address(bridge), QUEUE_SLOT, bytes32(q));
        assertEq(_depositEthNew(alice, 0, 0), type(uint32).max - 1, "last index");
        vm.expectRevert(IBridge.TooManyAccounts.selector);
        bridge.depositETHNewAccount(_key(1));
    }

    function test_depositETH_enqueuesRecordWithZeroKey_succeeds() public {
        _depositEthNew(alice, 0, 0);
        vm.deal(bob, 2 ether);
        bytes memory rec = _record(1, KIND_EXISTING, bob, 1, "", 0, 2 ether / 1 gwei);
        bytes32 c = keccak256(abi.encodePacked(chains[1], rec));
        vm.expectEmit(true, true, true, true, address(bridge));
        emit IBridge.MessageEnqueued(1, 1, 0, rec, c);
        vm.prank(bob);
        bridge.depositETH{value: 2 ether}(1);
        assertEq(bridge.messageChain(2), c);
        assertEq(bridge.nextAccount(), 2, "no account allocated");
        assertEq(_outstanding(0), 2 ether / 1 gwei);
    }

    function test_depositETH_unknownAccount_reverts() public {
        _depositEthNew(alice, 0, 0);
        vm.deal(alice, 2 ether);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBridge.UnknownAccount.selector, uint32(0)));
        bridge.depositETH{value: 1 ether}(0);
        vm.expectRevert(abi.encodeWithSelector(IBridge.UnknownAccount.selector, uint32(2)));
        bridge.depositETH{value: 1 ether}(2);
        vm.stopPrank();
    }

    function test_depositETH_zeroValue_reverts() public {
        _depositEthNew(alice, 0, 0);
        vm.expectRevert(IBridge.ZeroDeposit.selector);
        bridge.depositETH(1);
    }

    function test_depositETH_notMultipleOfUnit_reverts() public {
        _depositEthNew(alice, 0, 0);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.AmountNotMultipleOfUnit.selector, 1 ether - 1, uint64(1 gwei))
        );
        bridge.depositETH{value: 1 ether - 1}(1);
    }

    function test_depositETH_paused_reverts() public {
        _depositEthNew(alice, 0, 0);
        vm.prank(guardian);
        bridge.pause(1 days);
        vm.deal(alice, 1 ether);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.DepositsPaused.selector, uint64(block.timestamp + 1 days))
        );
        bridge.depositETH{value: 1 ether}(1);
    }

    function test_depositETH_outstandingCap_reverts() public {
        _depositEthNew(alice, 0, uint256(MAX_AMOUNT - 5) * 1 gwei);
        _depositEth(alice, 1, 5 gwei);
        vm.deal(alice, 1 gwei);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IBridge.OutstandingCapExceeded.selector, uint32(0)));
        bridge.depositETH{value: 1 gwei}(1);
    }

    function test_depositERC20NewAccount_creditsUnits_succeeds() public {
        weth.mint(alice, 5 ether);
        vm.prank(alice);
        weth.approve(address(bridge), 5 ether);
        bytes memory rec = _record(0, KIND_NEW, alice, 1, _key(0), 2, 5 ether / 1e9);
        vm.expectEmit(true, true, true, true, address(bridge));
        emit IBridge.MessageEnqueued(0, 1, 2, rec, keccak256(abi.encodePacked(bytes32(0), rec)));
        vm.prank(alice);
        assertEq(bridge.depositERC20NewAccount(_key(0), address(weth), 5 ether), 1);
        assertEq(weth.balanceOf(address(bridge)), 5 ether);
        assertEq(_outstanding(2), 5e9);
        assertEq(bridge.messageChain(1), keccak256(abi.encodePacked(bytes32(0), rec)));
    }

    function test_depositERC20NewAccount_zeroAmountKeyRegistration_succeeds() public {
        vm.prank(alice); // no approval, nothing pulled
        assertEq(bridge.depositERC20NewAccount(_key(0), address(usdc), 0), 1);
        _mirror(_record(0, KIND_NEW, alice, 1, _key(0), 1, 0));
        assertEq(bridge.messageChain(1), chains[1]);
        assertEq(_outstanding(1), 0);
    }

    function test_depositERC20NewAccount_badKeyLength_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IBridge.BadKeyLength.selector, uint256(32)));
        bridge.depositERC20NewAccount(new bytes(32), address(usdc), 1);
    }

    function test_depositERC20NewAccount_notListed_reverts() public {
        TestERC20 t = new TestERC20("X", 18);
        vm.expectRevert(abi.encodeWithSelector(IBridge.TokenNotListed.selector, address(t)));
        bridge.depositERC20NewAccount(_key(0), address(t), 1);
        vm.expectRevert(abi.encodeWithSelector(IBridge.TokenNotListed.selector, address(0)));
        bridge.depositERC20NewAccount(_key(0), address(0), 1);
    }

    function test_depositERC20NewAccount_notMultipleOfUnit_reverts() public {
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.AmountNotMultipleOfUnit.selector, 1e9 + 7, uint64(1e9))
        );
        bridge.depositERC20NewAccount(_key(0), address(weth), 1e9 + 7);
    }

    function test_depositERC20NewAccount_paused_reverts() public {
        vm.prank(guardian);
        bridge.pause(1 days);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.DepositsPaused.selector, uint64(block.timestamp + 1 days))
        );
        bridge.depositERC20NewAccount(_key(0), address(usdc), 1);
    }

    function test_depositERC20NewAccount_outstandingCap_reverts() public {
        usdc.mint(alice, uint256(MAX_AMOUNT) + 1);
        vm.startPrank(alice);
        usdc.approve(address(bridge), type(uint256).max);
        bridge.depositERC20NewAccount(_key(0), address(usdc), MAX_AMOUNT);
        vm.expectRevert(abi.encodeWithSelector(IBridge.OutstandingCapExceeded.selector, uint32(1)));
        bridge.depositERC20NewAccount(_key(1), address(usdc), 1);
        vm.stopPrank();
    }

    function test_depositERC20NewAccount_insufficientAllowance_reverts() public {
        usdc.mint(alice, 10);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(bridge), 0, 10)
        );
        bridge.depositERC20NewAccount(_key(0), address(usdc), 10);
    }

    function test_depositERC20NewAccount_feeOnTransfer_reverts() public {
        FeeOnTransferERC20 fee = new FeeOnTransferERC20(100); // 1 %
        vm.prank(owner);
        bridge.listToken(address(fee), 1);
        fee.mint(alice, 1000);
        vm.startPrank(alice);
        fee.approve(address(bridge), 1000);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.TransferAmountMismatch.selector, address(fee), 1000, 990)
        );
        bridge.depositERC20NewAccount(_key(0), address(fee), 1000);
        vm.stopPrank();
        assertEq(bridge.messageCount(), 0);
    }

    function test_depositERC20_creditsUnits_succeeds() public {
        _depositEthNew(alice, 0, 0);
        bytes memory rec = _record(1, KIND_EXISTING, bob, 1, "", 1, 123_456);
        usdc.mint(bob, 123_456);
        vm.prank(bob);
        usdc.approve(address(bridge), 123_456);
        vm.expectEmit(true, true, true, true, address(bridge));
        emit IBridge.MessageEnqueued(1, 1, 1, rec, keccak256(abi.encodePacked(chains[1], rec)));
        vm.prank(bob);
        bridge.depositERC20(1, address(usdc), 123_456);
        assertEq(usdc.balanceOf(address(bridge)), 123_456);
        assertEq(_outstanding(1), 123_456, "scale 1: units = token wei");
    }

    function test_depositERC20_unknownAccount_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IBridge.UnknownAccount.selector, uint32(1)));
        bridge.depositERC20(1, address(usdc), 1);
        vm.expectRevert(abi.encodeWithSelector(IBridge.UnknownAccount.selector, uint32(0)));
        bridge.depositERC20(0, address(usdc), 1);
    }

    function test_depositERC20_zeroAmount_reverts() public {
        _depositEthNew(alice, 0, 0);
        vm.expectRevert(IBridge.ZeroDeposit.selector);
        bridge.depositERC20(1, address(usdc), 0);
    }

    function test_depositERC20_notListed_reverts() public {
        _depositEthNew(alice, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(IBridge.TokenNotListed.selector, address(0xABCD)));
        bridge.depositERC20(1, address(0xABCD), 1);
    }

    function test_depositERC20_notMultipleOfUnit_reverts() public {
        _depositEthNew(alice, 0, 0);
        vm.expectRevert(abi.encodeWithSelector(IBridge.AmountNotMultipleOfUnit.selector, 1, uint64(1e9)));
        bridge.depositERC20(1, address(weth), 1);
    }

    function test_depositERC20_paused_reverts() public {
        _depositEthNew(alice, 0, 0);
        vm.prank(guardian);
        bridge.pause(1);
        vm.expectRevert(abi.encodeWithSelector(IBridge.DepositsPaused.selector, uint64(block.timestamp + 1)));
        bridge.depositERC20(1, address(usdc), 1);
    }

    function test_depositERC20_outstandingCap_reverts() public {
        _depositEthNew(alice, 0, 0);
        _depositToken(alice, 1, weth, uint256(MAX_AMOUNT) * 1e9);
        weth.mint(alice, 1e9);
        vm.startPrank(alice);
        weth.approve(address(bridge), 1e9);
        vm.expectRevert(abi.encodeWithSelector(IBridge.OutstandingCapExceeded.selector, uint32(2)));
        bridge.depositERC20(1, address(weth), 1e9);
        vm.stopPrank();
    }

    function test_depositERC20_feeOnTransfer_reverts() public {
        _depositEthNew(alice, 0, 0);
        FeeOnTransferERC20 fee = new FeeOnTransferERC20(50);
        vm.prank(owner);
        bridge.listToken(address(fee), 10);
        fee.mint(alice, 10_000);
        vm.startPrank(alice);
        fee.approve(address(bridge), 10_000);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.TransferAmountMismatch.selector, address(fee), 10_000, 9_950)
        );
        bridge.depositERC20(1, address(fee), 10_000);
        vm.stopPrank();
    }

    /// @notice Record is exactly 85 bytes with every field at its l2-spec §3 offset.
    function test_record_layoutAtSpecOffsets_succeeds() public {
        _depositEthNew(alice, 0, 0); // nonce 0
        _depositEthNew(bob, 1, 0); // nonce 1, account 2
        weth.mint(bob, 7e9);
        vm.prank(bob);
        weth.approve(address(bridge), 7e9);
        vm.recordLogs();
        vm.prank(bob);
        uint32 account = bridge.depositERC20NewAccount(_key(9), address(weth), 7e9);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bytes memory rec;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == IBridge.MessageEnqueued.selector) {
                (rec,) = abi.decode(logs[i].data, (bytes, bytes32));
            }
        }
        assertEq(rec.length, 85, "85 bytes");
        assertEq(_readUint(rec, 0, 8), 2, "nonce @0");
        assertEq(_readUint(rec, 8, 1), KIND_NEW, "kind @8");
        assertEq(address(uint160(_readUint(rec, 9, 20))), bob, "l1Sender @9");
        assertEq(_readUint(rec, 29, 4), account, "account @29");
        assertEq(account, 3);
        assertEq(_slice(rec, 33, 40), _key(9), "l2Key @33");
        assertEq(_readUint(rec, 73, 4), 2, "asset @73");
        assertEq(_readUint(rec, 77, 8), 7, "amount @77 (L2 units)");

        vm.recordLogs();
        _depositEth(alice, 1, 4 gwei);
        logs = vm.getRecordedLogs();
        (rec,) = abi.decode(logs[0].data, (bytes, bytes32));
        assertEq(rec.length, 85);
        assertEq(_readUint(rec, 8, 1), KIND_EXISTING, "kind 1");
        assertEq(_slice(rec, 33, 40), new bytes(40), "zero key for kind 1");
        assertEq(_readUint(rec, 77, 8), 4, "4 gwei = 4 units");
    }

    /// @notice Mixed deposits across timestamps: chain values match the mirror for every n, and
    ///         every enqueue timestamp (crossing several packed slots) is stored.
    function test_messageChainAndEnqueuedAt_mixedDeposits_succeeds() public {
        uint64[] memory times = new uint64[](11);
        _depositEthNew(alice, 0, 1 ether);
        times[0] = uint64(block.timestamp);
        for (uint256 i = 1; i < 11; ++i) {
            vm.warp(block.timestamp + 13 * i);
            times[i] = uint64(block.timestamp);
            if (i % 3 == 0) _depositToken(bob, 1, usdc, i * 1000);
            else if (i % 3 == 1) _depositEth(bob, 1, i * 1 gwei);
            else _depositEthNew(bob, i, 0);
        }
        assertEq(bridge.messageCount(), 11);
        for (uint64 n; n <= 11; ++n) {
            assertEq(bridge.messageChain(n), chains[n], "chain_n");
        }
        for (uint64 n; n < 11; ++n) {
            assertEq(bridge.enqueuedAt(n), times[n], "enqueuedAt");
        }
        vm.expectRevert(abi.encodeWithSelector(IBridge.MessageOutOfRange.selector, uint64(12), uint64(11)));
        bridge.messageChain(12);
        vm.expectRevert(abi.encodeWithSelector(IBridge.MessageOutOfRange.selector, uint64(11), uint64(11)));
        bridge.enqueuedAt(11);
    }

    function test_isOverdue_afterDelay_succeeds() public {
        _depositEthNew(alice, 0, 0);
        assertFalse(bridge.isOverdue(0));
        assertFalse(bridge.isOverdue(1), "no such message");
        vm.warp(block.timestamp + DELAY - 1);
        assertFalse(bridge.isOverdue(0));
        vm.warp(block.timestamp + 1);
        assertTrue(bridge.isOverdue(0));
    }

    function test_accounts_allocatedSequentially_succeeds() public {
        assertEq(_depositEthNew(alice, 0, 1 gwei), 1);
        _depositEth(bob, 1, 1 gwei);
        assertEq(_depositEthNew(bob, 1, 0), 2);
        usdc.mint(alice, 1);
        vm.startPrank(alice);
        usdc.approve(address(bridge), 1);
        assertEq(bridge.depositERC20NewAccount(_key(2), address(usdc), 1), 3);
        vm.stopPrank();
        assertEq(bridge.nextAccount(), 4);
        _depositEth(alice, 3, 1 gwei);
    }

    /// @notice Rounding rule: exact multiples are credited amount / scale, anything else reverts.
    function testFuzz_depositETH_roundingRule_succeeds(uint256 value) public {
        value = bound(value, 1, 1e27);
        _depositEthNew(alice, 0, 0);
        vm.deal(bob, value);
        vm.prank(bob);
        if (value % 1 gwei != 0) {
            vm.expectRevert(
                abi.encodeWithSelector(IBridge.AmountNotMultipleOfUnit.selector, value, uint64(1 gwei))
            );
            bridge.depositETH{value: value}(1);
        } else {
            bridge.depositETH{value: value}(1);
            assertEq(_outstanding(0), value / 1 gwei);
        }
    }

    /// @notice Random orderings and gaps: the chain always equals the independent mirror.
    function testFuzz_enqueue_chainMatchesMirror_succeeds(uint256 seed, uint8 n) public {
        n = uint8(bound(n, 1, 12));
        _depositEthNew(alice, 0, 0);
        for (uint256 i; i < n; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            vm.warp(block.timestamp + (r % 1000));
            uint256 units = (r >> 16) % 1e12 + 1;
            if (r % 4 == 0) {
                _depositEthNew(bob, i + 1, units * 1 gwei);
            } else if (r % 4 == 1) {
                _depositEth(bob, uint32(1 + (r >> 8) % (bridge.nextAccount() - 1)), units * 1 gwei);
            } else if (r % 4 == 2) {
                _depositToken(alice, 1, usdc, units);
            } else {
                _depositToken(bob, 1, weth, units * 1e9);
            }
        }
        assertEq(bridge.messageCount(), n + 1);
        assertEq(bridge.messageChain(n + 1), chains[n + 1]);
        assertEq(bridge.messageChain(n / 2), chains[n / 2]);
    }

    /// @dev Transaction gas of a call: 21,000 + calldata (EIP-2028) + the callee's execution gas.
    function _txGas(bytes memory callData) internal view returns (uint256 g) {
        g = 21_000 + vm.lastCallGas().gasTotalUsed;
        for (uint256 i; i < callData.length; ++i) {
            g += callData[i] == 0 ? 4 : 16;
        }
    }

    /// @notice Transaction gas of ETH deposits with cold storage (as in a fresh transaction). Floor
    ///         from storage and the log alone: 21,000 + 204 calldata + 2,100 + 2,900 (queue slot) +
    ///         2,100 (chain_n) + 22,100 (chain_n+1) + 5,000 (timestamp slot) + 3,411 (LOG4, 192 bytes)
    ///         = 58,815. Every fourth message opens a fresh timestamp slot (+17,100).
    function test_depositETH_gas_succeeds() public {
        _depositEthNew(alice, 0, 1 ether);
        vm.deal(bob, 10 ether);
        uint256 total;
        for (uint256 i = 1; i <= 8; ++i) {
            vm.cool(address(bridge));
            vm.prank(bob);
            bridge.depositETH{value: 1 ether}(1);
            uint256 g = _txGas(abi.encodeCall(IBridge.depositETH, (1)));
            emit log_named_uint(string.concat("depositETH tx gas, nonce ", vm.toString(i)), g);
            total += g;
            if (i % 4 != 0) assertLe(g, 61_500, "steady-state ETH deposit");
            else assertLe(g, 78_600, "deposit opening a timestamp slot");
        }
        emit log_named_uint("depositETH average tx gas", total / 8);
        vm.cool(address(bridge));
        vm.deal(bob, 1 ether);
        vm.prank(bob);
        bridge.depositETHNewAccount{value: 1 ether}(_key(99));
        emit log_named_uint(
            "depositETHNewAccount tx gas", _txGas(abi.encodeCall(IBridge.depositETHNewAccount, (_key(99))))
        );
    }
}

/// @notice Withdrawals: proofs over trees of several sizes, every revert path, pause, reentrancy.
contract BridgeWithdrawalTest is BridgeTestBase {
    function setUp() public override {
        super.setUp();
        _depositEthNew(alice, 0, 1000 ether);
        _depositToken(alice, 1, usdc, 1_000_000e6);
        _depositToken(alice, 1, weth, 1000 ether);
    }

    function _tree(uint256 n, uint64 id)
        internal
        returns (
            bytes32[] memory leaves,
            address[] memory to,
            uint32[] memory assets,
            uint64[] memory amounts
        )
    {
        to = new address[](n);
        assets = new uint32[](n);
        amounts = new uint64[](n);
        for (uint256 i; i < n; ++i) {
            to[i] = makeAddr(string.concat("recipient", vm.toString(i)));
            assets[i] = uint32(i % 3);
            amounts[i] = uint64(1 + i) * (i % 3 == 1 ? 1e6 : 1e9); // 1+i ETH / USDC / WETH
        }
        leaves = _finalizedBatch(id, to, assets, amounts);
    }

    function _balance(uint32 asset, address who) internal view returns (uint256) {
        if (asset == 0) return who.balance;
        return (asset == 1 ? usdc : weth).balanceOf(who);
    }

    function _checkTreeOfSize(uint256 n) internal {
        uint64 id = uint64(100 + n);
        (bytes32[] memory leaves, address[] memory to, uint32[] memory assets, uint64[] memory amounts) =
            _tree(n, id);
        for (uint256 k; k < n; ++k) {
            uint256 i = k; // in order; the fuzz test shuffles
            bytes32[] memory proof = Ref.proof(leaves, i);
            uint64 scale = bridge.getAsset(assets[i]).scale;
            uint64 outBefore = _outstanding(assets[i]);
            uint256 balBefore = _balance(assets[i], to[i]);
            vm.expectEmit(true, true, true, true, address(bridge));
            emit IBridge.WithdrawalFinalized(id, uint32(i), to[i], assets[i], uint256(amounts[i]) * scale);
            bridge.finalizeWithdrawal(id, uint32(i), to[i], assets[i], amounts[i], proof);
            assertTrue(bridge.isWithdrawn(id, uint32(i)));
            assertEq(
                _balance(assets[i], to[i]) - balBefore, uint256(amounts[i]) * scale, "paid amount * scale"
            );
            assertEq(outBefore - _outstanding(assets[i]), amounts[i], "outstanding lowered");
            vm.expectRevert(abi.encodeWithSelector(IBridge.AlreadyWithdrawn.selector, id, uint32(i)));
            bridge.finalizeWithdrawal(id, uint32(i), to[i], assets[i], amounts[i], proof);
        }
    }

    function test_finalizeWithdrawal_treeSize1_succeeds() public {
        _checkTreeOfSize(1);
    }

    function test_finalizeWithdrawal_treeSize2_succeeds() public {
        _checkTreeOfSize(2);
    }

    function test_finalizeWithdrawal_treeSize3_succeeds() public {
        _checkTreeOfSize(3);
    }

    function test_finalizeWithdrawal_treeSize5_succeeds() public {
        _checkTreeOfSize(5);
    }

    function test_finalizeWithdrawal_treeSize8_succeeds() public {
        _checkTreeOfSize(8);
    }

    function test_finalizeWithdrawal_notFinalized_reverts() public {
        (bytes32[] memory leaves, address[] memory to,, uint64[] memory amounts) = _tree(2, 7);
        rollup.setBatch(7, Ref.root(leaves), 2, false);
        vm.expectRevert(abi.encodeWithSelector(IBridge.BatchNotFinalized.selector, uint64(7)));
        bridge.finalizeWithdrawal(7, 0, to[0], 0, amounts[0], Ref.proof(leaves, 0));
        vm.expectRevert(abi.encodeWithSelector(IBridge.BatchNotFinalized.selector, uint64(8)));
        bridge.finalizeWithdrawal(8, 0, to[0], 0, amounts[0], Ref.proof(leaves, 0));
    }

    function test_finalizeWithdrawal_rollupNotSet_reverts() public {
        Bridge b = new Bridge(owner, guardian, DELAY, MAX_PAUSE);
        vm.expectRevert(abi.encodeWithSelector(IBridge.BatchNotFinalized.selector, uint64(1)));
        b.finalizeWithdrawal(1, 0, alice, 0, 1, new bytes32[](0));
    }

    function test_finalizeWithdrawal_indexOutOfRange_reverts() public {
        (bytes32[] memory leaves, address[] memory to,, uint64[] memory amounts) = _tree(3, 7);
        vm.expectRevert(abi.encodeWithSelector(IBridge.IndexOutOfRange.selector, uint32(3), uint32(3)));
        bridge.finalizeWithdrawal(7, 3, to[2], 2, amounts[2], Ref.proof(leaves, 2));
        // An empty batch has nothing to withdraw.
        rollup.setBatch(9, bytes32(0), 0, true);
        vm.expectRevert(abi.encodeWithSelector(IBridge.IndexOutOfRange.selector, uint32(0), uint32(0)));
        bridge.finalizeWithdrawal(9, 0, to[0], 0, amounts[0], new bytes32[](0));
    }

    function test_finalizeWithdrawal_wrongIndex_reverts() public {
        (bytes32[] memory leaves, address[] memory to,, uint64[] memory amounts) = _tree(5, 7);
        vm.expectRevert(IBridge.InvalidWithdrawalProof.selector);
        bridge.finalizeWithdrawal(7, 1, to[0], 0, amounts[0], Ref.proof(leaves, 0));
        // The zero-padded slot 5 of a 5-leaf tree (depth 3) is out of range, not provable.
        vm.expectRevert(abi.encodeWithSelector(IBridge.IndexOutOfRange.selector, uint32(5), uint32(5)));
        bridge.finalizeWithdrawal(7, 5, to[4], 1, amounts[4], Ref.proof(leaves, 4));
    }

    function test_finalizeWithdrawal_badProofLength_reverts() public {
        (bytes32[] memory leaves, address[] memory to,, uint64[] memory amounts) = _tree(5, 7);
        bytes32[] memory proof = Ref.proof(leaves, 0);
        bytes32[] memory shorter = new bytes32[](2);
        (shorter[0], shorter[1]) = (proof[0], proof[1]);
        vm.expectRevert(abi.encodeWithSelector(IBridge.BadProofLength.selector, uint256(2), uint256(3)));
        bridge.finalizeWithdrawal(7, 0, to[0], 0, amounts[0], shorter);
        bytes32[] memory longer = new bytes32[](4);
        (longer[0], longer[1], longer[2]) = (proof[0], proof[1], proof[2]);
        vm.expectRevert(abi.encodeWithSelector(IBridge.BadProofLength.selector, uint256(4), uint256(3)));
        bridge.finalizeWithdrawal(7, 0, to[0], 0, amounts[0], longer);
    }

    function test_finalizeWithdrawal_tamperedLeafOrProof_reverts() public {
        (bytes32[] memory leaves, address[] memory to,, uint64[] memory amounts) = _tree(3, 7);
        bytes32[] memory proof = Ref.proof(leaves, 0);
        vm.expectRevert(IBridge.InvalidWithdrawalProof.selector);
        bridge.finalizeWithdrawal(7, 0, to[0], 0, amounts[0] + 1, proof);
        vm.expectRevert(IBridge.InvalidWithdrawalProof.selector);
        bridge.finalizeWithdrawal(7, 0, bob, 0, amounts[0], proof);
        vm.expectRevert(IBridge.InvalidWithdrawalProof.selector);
        bridge.finalizeWithdrawal(7, 0, to[0], 2, amounts[0], proof);
        proof[1] = bytes32(uint256(proof[1]) ^ 1);
        vm.expectRevert(IBridge.InvalidWithdrawalProof.selector);
        bridge.finalizeWithdrawal(7, 0, to[0], 0, amounts[0], proof);
    }

    function test_finalizeWithdrawal_unknownAsset_reverts() public {
        _single(7, bob, 3, 1);
        vm.expectRevert(abi.encodeWithSelector(IBridge.UnknownAsset.selector, uint32(3)));
        bridge.finalizeWithdrawal(7, 0, bob, 3, 1, new bytes32[](0));
    }

    function test_finalizeWithdrawal_exceedsOutstanding_reverts() public {
        uint64 out = _outstanding(0);
        _single(7, bob, 0, out + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.WithdrawalExceedsOutstanding.selector, uint32(0), out + 1, out)
        );
        bridge.finalizeWithdrawal(7, 0, bob, 0, out + 1, new bytes32[](0));
        uint64 outW = _outstanding(2);
        _single(8, bob, 2, outW + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.WithdrawalExceedsOutstanding.selector, uint32(2), outW + 1, outW)
        );
        bridge.finalizeWithdrawal(8, 0, bob, 2, outW + 1, new bytes32[](0));
    }

    function test_finalizeWithdrawal_recipientRejectsETH_reverts() public {
        address r = address(new RevertingRecipient());
        _single(7, r, 0, 1e9);
        vm.expectRevert(IBridge.TransferFailed.selector);
        bridge.finalizeWithdrawal(7, 0, r, 0, 1e9, new bytes32[](0));
        assertFalse(bridge.isWithdrawn(7, 0), "still claimable");
    }

    function test_finalizeWithdrawal_whilePaused_succeeds() public {
        vm.prank(guardian);
        bridge.pause(MAX_PAUSE);
        _single(7, bob, 0, 5e9);
        bridge.finalizeWithdrawal(7, 0, bob, 0, 5e9, new bytes32[](0));
        assertEq(bob.balance, 5 ether);
        vm.deal(bob, 1 ether);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(IBridge.DepositsPaused.selector, uint64(block.timestamp + MAX_PAUSE))
        );
        bridge.depositETH{value: 1 ether}(1);
    }

    function test_finalizeWithdrawal_reentrantRecipient_blocked_succeeds() public {
        ReentrantRecipient r = new ReentrantRecipient(bridge);
        address[] memory to = new address[](2);
        uint32[] memory assets = new uint32[](2);
        uint64[] memory amounts = new uint64[](2);
        (to[0], to[1], amounts[0], amounts[1]) = (address(r), address(r), 1e9, 2e9);
        bytes32[] memory leaves = _finalizedBatch(7, to, assets, amounts);
        r.arm(7, 1, 0, 2e9, Ref.proof(leaves, 1));

        bridge.finalizeWithdrawal(7, 0, address(r), 0, 1e9, Ref.proof(leaves, 0));
        assertTrue(r.attempted(), "recipient tried to re-enter");
        assertFalse(r.reentered(), "re-entry blocked");
        assertEq(
            r.reentryError(),
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector)
        );
        assertEq(address(r).balance, 1 ether, "paid once");
        assertFalse(bridge.isWithdrawn(7, 1));

        bridge.finalizeWithdrawal(7, 1, address(r), 0, 2e9, Ref.proof(leaves, 1));
        assertEq(address(r).balance, 3 ether);
    }

    function test_isWithdrawn_bitmapAcrossWords_succeeds() public {
        // Index 300 lives in bitmap word 1; a 301-leaf tree of tiny ETH withdrawals.
        uint256 n = 301;
        address[] memory to = new address[](n);
        uint32[] memory assets = new uint32[](n);
        uint64[] memory amounts = new uint64[](n);
        for (uint256 i; i < n; ++i) {
            (to[i], amounts[i]) = (address(uint160(0x1000 + i)), 1);
        }
        bytes32[] memory leaves = _finalizedBatch(7, to, assets, amounts);
        bridge.finalizeWithdrawal(7, 300, to[300], 0, 1, Ref.proof(leaves, 300));
        assertTrue(bridge.isWithdrawn(7, 300));
        assertFalse(bridge.isWithdrawn(7, 44), "bit 44 of word 1 vs bit 44 of word 0");
        assertFalse(bridge.isWithdrawn(8, 300), "per batch");
        bridge.finalizeWithdrawal(7, 44, to[44], 0, 1, Ref.proof(leaves, 44));
        assertTrue(bridge.isWithdrawn(7, 44));
    }
}

/// @notice Fuzz: solvency per asset (held >= outstanding * scale) and no withdrawal paid twice,
///         over random deposits and random withdrawal trees drained in random order.
contract BridgeSolvencyFuzzTest is BridgeTestBase {
    function _held(uint32 asset) internal view returns (uint256) {
        if (asset == 0) return address(bridge).balance;
        return (asset == 1 ? usdc : weth).balanceOf(address(bridge));
    }

    function _assertSolvent() internal view {
        for (uint32 a; a < 3; ++a) {
            assertGe(_held(a), uint256(_outstanding(a)) * bridge.getAsset(a).scale, "solvent");
        }
    }

    function testFuzz_depositsAndWithdrawals_solventAndPaidOnce_succeeds(
        uint256 seed,
        uint8 nDeposits,
        uint8 nLeaves
    ) public {
        nDeposits = uint8(bound(nDeposits, 1, 10));
        nLeaves = uint8(bound(nLeaves, 1, 12));
        _depositEthNew(alice, 0, 0);
        for (uint256 i; i < nDeposits; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, "d", i)));
            uint256 units = (r >> 8) % 1e15 + 1;
            if (r % 3 == 0) _depositEth(alice, 1, units * 1 gwei);
            else if (r % 3 == 1) _depositToken(alice, 1, usdc, units);
            else _depositToken(alice, 1, weth, units * 1e9);
            _assertSolvent();
        }
        // Withdrawals that draw at most what is outstanding (as a valid L2 state would).
        uint64[3] memory left = [_outstanding(0), _outstanding(1), _outstanding(2)];
        address[] memory to = new address[](nLeaves);
        uint32[] memory assets = new uint32[](nLeaves);
        uint64[] memory amounts = new uint64[](nLeaves);
        uint256[3] memory expectedPaid;
        for (uint256 i; i < nLeaves; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, "w", i)));
            assets[i] = uint32(r % 3);
            amounts[i] = uint64((r >> 8) % (uint256(left[assets[i]]) + 1));
            left[assets[i]] -= amounts[i];
            to[i] = address(uint160(0xA0000 + i));
            expectedPaid[assets[i]] += uint256(amounts[i]) * bridge.getAsset(assets[i]).scale;
        }
        bytes32[] memory leaves = _finalizedBatch(1, to, assets, amounts);
        uint256[3] memory heldBefore = [_held(0), _held(1), _held(2)];
        // Random order (13 is coprime with nLeaves <= 12); each withdrawal is tried twice.
        uint256 start = seed % nLeaves;
        for (uint256 k; k < 2 * nLeaves; ++k) {
            uint256 i = (start + k * 13) % nLeaves;
            bool done = bridge.isWithdrawn(1, uint32(i));
            if (done) {
                vm.expectRevert(
                    abi.encodeWithSelector(IBridge.AlreadyWithdrawn.selector, uint64(1), uint32(i))
                );
            }
            bridge.finalizeWithdrawal(1, uint32(i), to[i], assets[i], amounts[i], Ref.proof(leaves, i));
            assertTrue(bridge.isWithdrawn(1, uint32(i)));
            _assertSolvent();
        }
        for (uint256 i; i < nLeaves; ++i) {
            assertTrue(bridge.isWithdrawn(1, uint32(i)), "every leaf paid");
        }
        for (uint32 a; a < 3; ++a) {
            assertEq(heldBefore[a] - _held(a), expectedPaid[a], "paid exactly once each");
            assertEq(
                _held(a), uint256(_outstanding(a)) * bridge.getAsset(a).scale, "held = outstanding * scale"
            );
        }
    }
}

/// @notice A listed token whose transfer hook re-enters the bridge while a deposit pulls it (review
///         item 11): the re-entry must revert, and the queue and the ETH accounting must hold.
contract BridgeReentrancyTest is BridgeTestBase {
    HookERC20 internal hook; // asset 3, scale 1

    function setUp() public override {
        super.setUp();
        hook = new HookERC20(bridge);
        vm.prank(owner);
        bridge.listToken(address(hook), 1);
        _depositEthNew(alice, 0, 1 ether); // account 1
        vm.deal(address(hook), 10 ether);
        hook.mint(alice, 1e30);
        vm.prank(alice);
        hook.approve(address(bridge), type(uint256).max);
    }

    /// @dev Every enqueued message's nonce, from the recorded logs.
    function _nonces(Vm.Log[] memory logs) internal view returns (uint64[] memory ns) {
        ns = new uint64[](logs.length);
        uint256 n;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(bridge) && logs[i].topics[0] == IBridge.MessageEnqueued.selector) {
                ns[n++] = uint64(uint256(logs[i].topics[1]));
            }
        }
        assembly ("memory-safe") {
            mstore(ns, n)
        }
    }

    /// @dev The bridge holds every outstanding ETH unit, and the queue is exactly the mirror.
    function _assertAccounting() internal view {
        assertGe(address(bridge).balance, uint256(_outstanding(0)) * 1 gwei, "ETH held >= outstanding");
        assertEq(bridge.messageCount(), chains.length - 1, "one message per mirrored deposit");
        for (uint64 n = 1; n < chains.length; ++n) {
            assertEq(bridge.messageChain(n), chains[n], "chain");
        }
    }

    function _expectReentryRefused() internal view {
        assertTrue(hook.attempted(), "hook ran");
        assertFalse(hook.reentered(), "re-entry refused");
        assertEq(
            hook.reentryError(),
            abi.encodeWithSelector(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector),
            "refused by the guard"
        );
    }

    function _depositHook(uint32 account, uint256 amount) internal {
        uint64 nonce = bridge.messageCount();
        vm.prank(alice);
        bridge.depositERC20(account, address(hook), amount);
        _mirror(_record(nonce, KIND_EXISTING, alice, account, "", 3, uint64(amount)));
    }

    function test_depositERC20_hookReentersDepositETH_succeeds() public {
        hook.arm(abi.encodeCall(IBridge.depositETH, (1)), 1 ether);
        uint256 ethBefore = address(bridge).balance;
        uint64 outBefore = _outstanding(0);
        vm.recordLogs();
        _depositHook(1, 500);
        uint64[] memory ns = _nonces(vm.getRecordedLogs());
        _expectReentryRefused();
        assertEq(ns.length, 1, "one message");
        assertEq(ns[0], 1, "with the next nonce");
        assertEq(address(bridge).balance, ethBefore, "no ETH held for nothing");
        assertEq(_outstanding(0), outBefore);
        assertEq(_outstanding(3), 500);
        _assertAccounting();
    }

    function test_depositERC20NewAccount_hookReentersDepositETHNewAccount_succeeds() public {
        hook.arm(abi.encodeCall(IBridge.depositETHNewAccount, (_key(7))), 1 ether);
        uint64 nonce = bridge.messageCount();
        vm.recordLogs();
        vm.prank(alice);
        uint32 account = bridge.depositERC20NewAccount(_key(1), address(hook), 9);
        uint64[] memory ns = _nonces(vm.getRecordedLogs());
        _mirror(_record(nonce, KIND_NEW, alice, account, _key(1), 3, 9));
        _expectReentryRefused();
        assertEq(account, 2);
        assertEq(bridge.nextAccount(), 3, "one account allocated");
        assertEq(ns.length, 1);
        _assertAccounting();
    }

    function test_depositERC20_hookReentersDepositERC20_succeeds() public {
        usdc.mint(address(hook), 100);
        hook.exec(address(usdc), abi.encodeCall(usdc.approve, (address(bridge), 100)));
        hook.arm(abi.encodeCall(IBridge.depositERC20, (1, address(usdc), 100)), 0);
        _depositHook(1, 5);
        _expectReentryRefused();
        assertEq(_outstanding(1), 0, "the inner deposit did not happen");
        assertEq(_outstanding(3), 5);
        _assertAccounting();
    }

    function test_depositERC20_hookReentersFinalizeWithdrawal_succeeds() public {
        address[] memory to = new address[](1);
        uint32[] memory assets = new uint32[](1);
        uint64[] memory amounts = new uint64[](1);
        to[0] = address(hook);
        amounts[0] = 1e9;
        _finalizedBatch(9, to, assets, amounts);
        hook.arm(
            abi.encodeCall(IBridge.finalizeWithdrawal, (9, 0, address(hook), 0, 1e9, new bytes32[](0))), 0
        );
        _depositHook(1, 5);
        _expectReentryRefused();
        assertFalse(bridge.isWithdrawn(9, 0), "still claimable");
        _assertAccounting();
    }

    /// @notice Whatever deposit the hook attempts (ETH to an existing or a new account, at any value),
    ///         the bridge refuses it and the ETH it holds covers the ETH it credited.
    function testFuzz_depositERC20_hookReentry_accountingHolds_succeeds(
        uint8 which,
        uint96 value,
        uint64 amount
    ) public {
        amount = uint64(bound(amount, 1, 1e18));
        value = uint96(bound(value, 0, 10 ether) / 1 gwei * 1 gwei);
        bytes memory call = which % 2 == 0
            ? abi.encodeCall(IBridge.depositETH, (1))
            : abi.encodeCall(IBridge.depositETHNewAccount, (_key(which)));
        hook.arm(call, which % 2 == 0 && value == 0 ? 1 gwei : value);
        _depositHook(1, amount);
        _expectReentryRefused();
        _assertAccounting();
        assertEq(address(bridge).balance, uint256(_outstanding(0)) * 1 gwei, "ETH held = credited");
    }
}
