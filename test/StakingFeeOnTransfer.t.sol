// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {Staking} from "../contracts/Staking.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {FeeOnTransferERC20} from "./mocks/BridgeTestDoubles.sol";
import {SignerBinding} from "./utils/SignerBinding.sol";

/// @notice Fee-on-transfer staking token (review item 12): Staking credits what arrived, so the
///         conservation identity `balance == pools + unbonding pools + commission` holds and nobody
///         is credited more than it paid in.
contract StakingFeeOnTransferTest is Test {
    uint256 internal constant MIN = 1_000 ether;
    uint16 internal constant COMMISSION = 500;

    FeeOnTransferERC20 internal fot;
    Staking internal staking;
    address internal gov = makeAddr("gov");
    address internal treasury = makeAddr("treasury");
    address internal op = makeAddr("op");
    address internal alice = makeAddr("alice");
    uint256 internal signerKey = 0x5167;

    function setUp() public {
        vm.roll(1_000);
        vm.warp(1_700_000_000);
        _deploy(100); // 1 % fee
    }

    function _deploy(uint256 feeBps) internal {
        fot = new FeeOnTransferERC20(feeBps);
        IStaking.Params memory p;
        p.minSelfBond = MIN;
        p.unbondingDelay = 3 hours;
        p.epochLength = 20;
        p.jailDuration = 1 days;
        p.maxCommissionStepBps = 100;
        p.slashLivenessBps = 100;
        p.slashInvalidRootBps = 2_000;
        p.slashEquivocationBps = 5_000;
        p.reporterRewardBps = 1_000;
        p.activeSetSize = 3;
        p.treasury = treasury;
        staking = new Staking(IERC20(address(fot)), p, gov);
    }

    function _fund(address who, uint256 amount) internal {
        fot.mint(who, amount);
        vm.prank(who);
        fot.approve(address(staking), type(uint256).max);
    }

    function _register(uint256 selfBond) internal {
        _fund(op, selfBond);
        bytes memory sig = SignerBinding.sign(address(staking), op, signerKey);
        vm.prank(op);
        staking.registerOperator(vm.addr(signerKey), sig, COMMISSION, "", selfBond);
    }

    function _net(uint256 amount) internal view returns (uint256) {
        return amount - amount * fot.feeBps() / 10_000;
    }

    function _assertConservation() internal view {
        assertEq(
            fot.balanceOf(address(staking)),
            uint256(staking.pool(op).stake) + staking.unbondingPool(op).stake + staking.commissionOf(op),
            "balance == pools + unbonding + commission"
        );
    }

    /// @dev Before the fix the pool was credited `amount` while only 99 % arrived: the identity broke
    ///      and the delegator's shares were worth more than it paid.
    function test_delegate_feeOnTransfer_creditsReceived_succeeds() public {
        _register(2 * MIN);
        assertEq(staking.operatorStake(op), _net(2 * MIN), "self-bond credited net of fee");
        _fund(alice, 100 ether);
        vm.expectEmit(true, true, false, false, address(staking));
        emit IStaking.Delegated(op, alice, _net(100 ether), 0);
        vm.prank(alice);
        staking.delegate(op, 100 ether);
        assertLe(staking.valueOf(op, alice), _net(100 ether), "never more than arrived");
        assertApproxEqAbs(staking.valueOf(op, alice), _net(100 ether), 1);
        _assertConservation();
    }

    function test_distributeRewards_feeOnTransfer_creditsReceived_succeeds() public {
        _register(2 * MIN);
        _fund(alice, 100 ether);
        uint256 stake = staking.operatorStake(op);
        vm.prank(alice);
        staking.distributeRewards(op, 100 ether);
        uint256 received = _net(100 ether);
        uint256 commission = received * COMMISSION / 10_000;
        assertEq(staking.commissionOf(op), commission);
        assertEq(staking.operatorStake(op), stake + received - commission);
        _assertConservation();
    }

    /// @dev The self-bond is checked on what arrived: a nominal MIN that delivers 99 % is too low.
    function test_registerOperator_feeOnTransferBelowMinimum_reverts() public {
        _fund(op, MIN);
        bytes memory sig = SignerBinding.sign(address(staking), op, signerKey);
        vm.expectRevert(abi.encodeWithSelector(IStaking.SelfBondTooLow.selector, _net(MIN), MIN));
        vm.prank(op);
        staking.registerOperator(vm.addr(signerKey), sig, COMMISSION, "", MIN);
    }

    /// @dev A transfer that delivers nothing (100 % fee) credits nothing: ZeroAmount.
    function test_delegate_nothingArrives_reverts() public {
        _register(2 * MIN);
        FeeOnTransferERC20 full = new FeeOnTransferERC20(10_000);
        // Swap the token's code for a 100 %-fee one (same storage layout), keeping balances.
        vm.etch(address(fot), address(full).code);
        _fund(alice, 100 ether);
        vm.expectRevert(IStaking.ZeroAmount.selector);
        vm.prank(alice);
        staking.delegate(op, 100 ether);
        vm.expectRevert(IStaking.ZeroAmount.selector);
        vm.prank(alice);
        staking.distributeRewards(op, 100 ether);
    }

    /// @dev Random fees and flows (delegate, rewards, undelegate, slash, withdraw, claim): the
    ///      identity holds throughout and nobody withdraws more than arrived for it.
    function testFuzz_feeOnTransfer_conservation(
        uint256 feeBps,
        uint256 amount,
        uint256 reward,
        uint256 fraction
    ) public {
        feeBps = bound(feeBps, 0, 5_000);
        _deploy(feeBps);
        amount = bound(amount, 1e6, 1e27);
        reward = bound(reward, 1, 1e27);
        fraction = bound(fraction, 1, 100);
        _register(3 * MIN);
        _fund(alice, amount + reward);
        vm.startPrank(alice);
        uint256 shares = staking.delegate(op, amount);
        staking.distributeRewards(op, reward);
        _assertConservation();
        uint256 id = staking.undelegate(op, shares * fraction / 100);
        vm.stopPrank();
        _assertConservation();
        vm.prank(gov);
        staking.setSlasher(address(this), true);
        staking.slash(op, IStaking.SlashKind.Liveness, makeAddr("reporter"));
        _assertConservation();
        vm.warp(block.timestamp + 3 hours);
        vm.prank(alice);
        uint256 paid = staking.withdraw(id);
        assertLe(paid, _net(amount) + _net(reward), "never more than arrived");
        _assertConservation();
        if (staking.commissionOf(op) != 0) {
            vm.prank(op);
            staking.claimCommission();
        }
        _assertConservation();
    }
}
