// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {JanusToken} from "../contracts/JanusToken.sol";
import {Staking} from "../contracts/Staking.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {SignerBinding} from "./utils/SignerBinding.sol";

/// @notice Shared fixture: the real JanusToken (ERC-20 + permit), a Staking with K = 3 owned by `gov`,
///         one authorised slasher, and helpers that keep a list of every operator for conservation checks.
abstract contract StakingBase is Test {
    JanusToken internal token;
    Staking internal staking;

    address internal gov = makeAddr("gov");
    address internal treasury = makeAddr("treasury");
    address internal slasher = makeAddr("slasher");
    address internal reporter = makeAddr("reporter");

    uint256 internal constant MIN = 1_000 ether;
    uint64 internal constant EPOCH = 20;
    uint64 internal constant UNBONDING = 3 hours;
    uint64 internal constant JAIL = 1 days;
    uint8 internal constant K = 3;
    uint16 internal constant COMMISSION = 500;

    address[] internal ops;
    uint256 internal signerNonce;
    mapping(address signer => uint256 key) internal signerKeyOf;

    function setUp() public virtual {
        vm.roll(1_000);
        vm.warp(1_700_000_000);
        token = new JanusToken("Janus", "JNS", address(this), 1e36);
        staking = new Staking(IERC20(address(token)), _params(), gov);
        vm.prank(gov);
        staking.setSlasher(slasher, true);
    }

    function _params() internal view returns (IStaking.Params memory p) {
        p.minSelfBond = MIN;
        p.unbondingDelay = UNBONDING;
        p.epochLength = EPOCH;
        p.jailDuration = JAIL;
        p.maxCommissionStepBps = 100;
        p.slashLivenessBps = 100;
        p.slashInvalidRootBps = 2_000;
        p.slashEquivocationBps = 5_000;
        p.reporterRewardBps = 1_000;
        p.activeSetSize = K;
        p.treasury = treasury;
    }

    function _fund(address who, uint256 amount) internal {
        token.transfer(who, amount);
        vm.prank(who);
        token.approve(address(staking), type(uint256).max);
    }

    /// @dev A fresh signer address whose key is kept for `_sig`.
    function _newSigner() internal returns (address signer) {
        uint256 key;
        (signer, key) = makeAddrAndKey(string.concat("signer", vm.toString(++signerNonce)));
        signerKeyOf[signer] = key;
    }

    /// @dev `signer`'s binding signature for operator `op` ("" for an address without a known key).
    ///      Makes no call, so it may sit between `vm.prank` and the pranked call.
    function _sig(address op, address signer) internal view returns (bytes memory) {
        uint256 key = signerKeyOf[signer];
        if (key == 0) return "";
        return SignerBinding.sign(address(staking), op, key);
    }

    function _register(address op, uint256 bond) internal returns (address signer) {
        signer = _newSigner();
        _fund(op, bond);
        vm.prank(op);
        staking.registerOperator(signer, _sig(op, signer), COMMISSION, "http://op", bond);
        ops.push(op);
    }

    function _delegate(address who, address op, uint256 amount) internal returns (uint256 shares) {
        _fund(who, amount);
        vm.prank(who);
        shares = staking.delegate(op, amount);
    }

    function _undelegate(address who, address op, uint256 shares) internal returns (uint256 id) {
        vm.prank(who);
        id = staking.undelegate(op, shares);
    }

    function _slash(address op, IStaking.SlashKind kind) internal returns (uint256) {
        vm.prank(slasher);
        return staking.slash(op, kind, reporter);
    }

    function _ranked() internal view returns (address[] memory list) {
        (list,) = staking.ranking();
    }

    /// @dev balance == sum of both pools of every operator + unclaimed commission.
    function _assertConservation() internal view {
        uint256 sum;
        for (uint256 i; i < ops.length; ++i) {
            sum += staking.pool(ops[i]).stake + staking.unbondingPool(ops[i]).stake
            + staking.commissionOf(ops[i]);
        }
        assertEq(token.balanceOf(address(staking)), sum, "token conservation");
    }

    /// @dev Ranking strictly sorted (stake desc, address asc), every member eligible, length <= K.
    function _assertRankingSound() internal view {
        (address[] memory list, uint256[] memory stakes) = staking.ranking();
        assertLe(list.length, staking.params().activeSetSize, "bounded");
        for (uint256 i; i < list.length; ++i) {
            assertTrue(staking.isEligible(list[i]), "member eligible");
            assertEq(stakes[i], staking.operatorStake(list[i]), "live stake");
            if (i > 0) {
                assertTrue(
                    stakes[i - 1] > stakes[i] || (stakes[i - 1] == stakes[i] && list[i - 1] < list[i]),
                    "sorted"
                );
            }
        }
    }
}

contract StakingTest is StakingBase {
    address internal op = makeAddr("op");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");

    // ------------------------------------------------------------------ constructor / governance
    function test_constructor_setsParams_succeeds() public view {
        IStaking.Params memory p = staking.params();
        assertEq(p.minSelfBond, MIN);
        assertEq(p.treasury, treasury);
        assertEq(staking.epochLength(), EPOCH);
        assertEq(staking.unbondingDelay(), UNBONDING);
        assertEq(staking.currentEpoch(), block.number / EPOCH);
        assertEq(address(staking.token()), address(token));
        assertEq(staking.owner(), gov);
    }

    function test_constructor_zeroToken_reverts() public {
        vm.expectRevert(IStaking.ZeroAddress.selector);
        new Staking(IERC20(address(0)), _params(), gov);
    }

    function test_constructor_zeroEpochOrUnbonding_reverts() public {
        IStaking.Params memory p = _params();
        p.epochLength = 0;
        vm.expectRevert(IStaking.InvalidParams.selector);
        new Staking(IERC20(address(token)), p, gov);
        p = _params();
        p.unbondingDelay = 0;
        vm.expectRevert(IStaking.InvalidParams.selector);
        new Staking(IERC20(address(token)), p, gov);
    }

    function test_setParams_updates_succeeds() public {
        IStaking.Params memory p = _params();
        p.unbondingDelay = UNBONDING + 1;
        p.reporterRewardBps = 2_000;
        vm.expectEmit(address(staking));
        emit IStaking.ParamsSet(p);
        vm.prank(gov);
        staking.setParams(p);
        assertEq(staking.unbondingDelay(), UNBONDING + 1);
        assertEq(staking.params().reporterRewardBps, 2_000);
    }

    function test_setParams_notOwner_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        vm.prank(alice);
        staking.setParams(_params());
    }

    function test_setParams_shorterUnbonding_reverts() public {
        IStaking.Params memory p = _params();
        p.unbondingDelay = UNBONDING - 1;
        vm.expectRevert(IStaking.InvalidParams.selector);
        vm.prank(gov);
        staking.setParams(p);
    }

    function test_setParams_changedEpochLength_reverts() public {
        IStaking.Params memory p = _params();
        p.epochLength = EPOCH * 2;
        vm.expectRevert(IStaking.InvalidParams.selector);
        vm.prank(gov);
        staking.setParams(p);
    }

    function test_setParams_outOfBounds_reverts() public {
        for (uint256 i; i < 11; ++i) {
            IStaking.Params memory p = _params();
            if (i == 0) p.minSelfBond = 0;
            if (i == 1) p.maxCommissionStepBps = 10_001;
            if (i == 2) p.slashLivenessBps = 10_000;
            if (i == 3) p.slashInvalidRootBps = 10_000;
            if (i == 4) p.slashEquivocationBps = 10_000;
            if (i == 5) p.reporterRewardBps = 10_001;
            if (i == 6) p.activeSetSize = 0;
            if (i == 7) p.activeSetSize = 65;
            if (i == 8) p.treasury = address(0);
            if (i == 9) p.unbondingDelay = uint64(staking.MAX_DELAY()) + 1;
            if (i == 10) p.jailDuration = uint64(staking.MAX_DELAY()) + 1;
            vm.expectRevert(IStaking.InvalidParams.selector);
            vm.prank(gov);
            staking.setParams(p);
        }
        // The bounds themselves are accepted.
        IStaking.Params memory q = _params();
        q.maxCommissionStepBps = 10_000;
        q.slashEquivocationBps = 9_999;
        q.reporterRewardBps = 10_000;
        q.activeSetSize = 64;
        vm.prank(gov);
        staking.setParams(q);
        assertEq(staking.params().activeSetSize, 64);
    }

    function test_setParams_smallerSetTrimsRanking_succeeds() public {
        address a = makeAddr("a");
        address b = makeAddr("b");
        _register(a, MIN * 2);
        _register(b, MIN);
        IStaking.Params memory p = _params();
        p.activeSetSize = 1;
        vm.expectEmit(address(staking));
        emit IStaking.RankingUpdated(b, 0);
        vm.prank(gov);
        staking.setParams(p);
        address[] memory list = _ranked();
        assertEq(list.length, 1);
        assertEq(list[0], a);
    }

    function test_setParams_higherMinimumDropsIneligible_succeeds() public {
        address a = makeAddr("a");
        address b = makeAddr("b");
        _register(a, MIN * 2);
        _register(b, MIN);
        _delegate(alice, b, MIN * 5); // b outranks a through delegations, but its self-bond is MIN
        IStaking.Params memory p = _params();
        p.minSelfBond = MIN + 1;
        vm.prank(gov);
        staking.setParams(p);
        assertFalse(staking.isEligible(b));
        address[] memory list = _ranked();
        assertEq(list.length, 1);
        assertEq(list[0], a);
        _assertRankingSound();
    }

    function test_setSlasher_setsAndRevokes_succeeds() public {
        vm.expectEmit(address(staking));
        emit IStaking.SlasherSet(alice, true);
        vm.prank(gov);
        staking.setSlasher(alice, true);
        assertTrue(staking.isSlasher(alice));
        vm.prank(gov);
        staking.setSlasher(alice, false);
        assertFalse(staking.isSlasher(alice));
        _register(op, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotSlasher.selector, alice));
        vm.prank(alice);
        staking.slash(op, IStaking.SlashKind.Liveness, reporter);
    }

    function test_setSlasher_notOwner_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        vm.prank(alice);
        staking.setSlasher(alice, true);
    }

    function test_setSlasher_zeroAddress_reverts() public {
        vm.expectRevert(IStaking.ZeroAddress.selector);
        vm.prank(gov);
        staking.setSlasher(address(0), true);
    }

    function test_transferOwnership_twoStep_succeeds() public {
        vm.prank(gov);
        staking.transferOwnership(alice);
        assertEq(staking.owner(), gov, "pending until accepted");
        vm.prank(alice);
        staking.acceptOwnership();
        assertEq(staking.owner(), alice);
    }

    // ------------------------------------------------------------------ registration
    function test_registerOperator_succeeds() public {
        address signer = _newSigner();
        _fund(op, MIN);
        vm.expectEmit(address(staking));
        emit IStaking.OperatorRegistered(op, signer, COMMISSION, "http://op");
        vm.expectEmit(address(staking));
        emit IStaking.Delegated(op, op, MIN, MIN * staking.VIRTUAL_SHARES());
        vm.expectEmit(address(staking));
        emit IStaking.RankingUpdated(op, MIN);
        vm.prank(op);
        staking.registerOperator(signer, _sig(op, signer), COMMISSION, "http://op", MIN);
        ops.push(op);

        IStaking.Operator memory o = staking.getOperator(op);
        assertEq(o.signer, signer);
        assertEq(o.commissionBps, COMMISSION);
        assertEq(o.commissionEpoch, staking.currentEpoch());
        assertTrue(o.registered);
        assertFalse(o.jailed);
        assertEq(o.metadata, "http://op");
        assertEq(staking.signerOf(op), signer);
        (address who, uint64 retiredAt) = staking.operatorOfSigner(signer);
        assertEq(who, op);
        assertEq(retiredAt, 0);
        assertEq(staking.valueOf(op, op), MIN);
        assertEq(staking.operatorStake(op), MIN);
        assertTrue(staking.isEligible(op));
        assertEq(_ranked()[0], op);
        _assertConservation();
    }

    function test_registerOperator_twice_reverts() public {
        _register(op, MIN);
        _fund(op, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.AlreadyRegistered.selector, op));
        vm.prank(op);
        staking.registerOperator(makeAddr("other"), "", 0, "", MIN);
    }

    function test_registerOperator_afterExit_reverts() public {
        _register(op, MIN);
        _undelegate(op, op, staking.sharesOf(op, op));
        assertFalse(staking.getOperator(op).registered);
        _fund(op, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.AlreadyRegistered.selector, op));
        vm.prank(op);
        staking.registerOperator(makeAddr("other"), "", 0, "", MIN);
    }

    function test_registerOperator_zeroSigner_reverts() public {
        _fund(op, MIN);
        vm.expectRevert(IStaking.ZeroAddress.selector);
        vm.prank(op);
        staking.registerOperator(address(0), "", 0, "", MIN);
    }

    function test_registerOperator_signerIsOwnerOrOperator_reverts() public {
        _fund(op, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSigner.selector, op));
        vm.prank(op);
        staking.registerOperator(op, "", 0, "", MIN);

        address other = makeAddr("otherOp");
        _register(other, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSigner.selector, other));
        vm.prank(op);
        staking.registerOperator(other, "", 0, "", MIN);
    }

    function test_registerOperator_signerInUse_reverts() public {
        address other = makeAddr("otherOp");
        address used = _register(other, MIN);
        _fund(op, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.SignerInUse.selector, used));
        vm.prank(op);
        staking.registerOperator(used, "", 0, "", MIN);

        // A signer key cannot register as an operator owner either.
        _fund(used, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.SignerInUse.selector, used));
        vm.prank(used);
        staking.registerOperator(makeAddr("fresh"), "", 0, "", MIN);
    }

    function test_registerOperator_commissionTooHigh_reverts() public {
        _fund(op, MIN);
        address signer = _newSigner();
        vm.expectRevert(abi.encodeWithSelector(IStaking.CommissionTooHigh.selector, uint16(10_001)));
        vm.prank(op);
        staking.registerOperator(signer, _sig(op, signer), 10_001, "", MIN);
    }

    function test_registerOperator_selfBondTooLow_reverts() public {
        _fund(op, MIN);
        address signer = _newSigner();
        vm.expectRevert(abi.encodeWithSelector(IStaking.SelfBondTooLow.selector, MIN - 1, MIN));
        vm.prank(op);
        staking.registerOperator(signer, _sig(op, signer), 0, "", MIN - 1);
    }

    // ------------------------------------------------------------------ signer / metadata
    function test_setSigner_rotatesAndRetires_succeeds() public {
        address old = _register(op, MIN);
        address fresh = _newSigner();
        vm.warp(block.timestamp + 100);
        vm.expectEmit(address(staking));
        emit IStaking.SignerChanged(op, old, fresh);
        vm.prank(op);
        staking.setSigner(fresh, _sig(op, fresh));
        assertEq(staking.signerOf(op), fresh);
        (address who, uint64 retiredAt) = staking.operatorOfSigner(old);
        assertEq(who, op, "old key stays attributable");
        assertEq(retiredAt, block.timestamp);
        (who, retiredAt) = staking.operatorOfSigner(fresh);
        assertEq(who, op);
        assertEq(retiredAt, 0);

        // The retired key can never be used again, by anyone.
        vm.expectRevert(abi.encodeWithSelector(IStaking.SignerInUse.selector, old));
        vm.prank(op);
        staking.setSigner(old, _sig(op, old));
        _fund(alice, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.SignerInUse.selector, old));
        vm.prank(alice);
        staking.registerOperator(old, _sig(alice, old), 0, "", MIN);
    }

    function test_setSigner_invalid_reverts() public {
        _register(op, MIN);
        address other = makeAddr("otherOp");
        address otherSigner = _register(other, MIN);
        vm.startPrank(op);
        vm.expectRevert(IStaking.ZeroAddress.selector);
        staking.setSigner(address(0), "");
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSigner.selector, op));
        staking.setSigner(op, "");
        vm.expectRevert(abi.encodeWithSelector(IStaking.InvalidSigner.selector, other));
        staking.setSigner(other, "");
        vm.expectRevert(abi.encodeWithSelector(IStaking.SignerInUse.selector, otherSigner));
        staking.setSigner(otherSigner, _sig(op, otherSigner));
        vm.stopPrank();
    }

    function test_setSigner_notRegistered_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotRegistered.selector, alice));
        vm.prank(alice);
        staking.setSigner(makeAddr("sig"), "");
    }

    function test_setMetadata_succeeds() public {
        _register(op, MIN);
        vm.expectEmit(address(staking));
        emit IStaking.MetadataChanged(op, "http://new");
        vm.prank(op);
        staking.setMetadata("http://new");
        assertEq(staking.getOperator(op).metadata, "http://new");
    }

    function test_setMetadata_notRegistered_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotRegistered.selector, alice));
        vm.prank(alice);
        staking.setMetadata("x");
    }

    // ------------------------------------------------------------------ commission
    function test_setCommission_stepPerEpoch_succeeds() public {
        _register(op, MIN);
        vm.roll(block.number + EPOCH);
        vm.expectEmit(address(staking));
        emit IStaking.CommissionChanged(op, COMMISSION, COMMISSION + 100);
        vm.prank(op);
        staking.setCommission(COMMISSION + 100);
        assertEq(staking.getOperator(op).commissionBps, COMMISSION + 100);
        assertEq(staking.getOperator(op).commissionEpoch, staking.currentEpoch());
        vm.roll(block.number + EPOCH);
        vm.prank(op);
        staking.setCommission(COMMISSION);
        assertEq(staking.getOperator(op).commissionBps, COMMISSION);
    }

    function test_setCommission_sameEpoch_reverts() public {
        _register(op, MIN);
        uint64 epoch = staking.currentEpoch();
        vm.expectRevert(abi.encodeWithSelector(IStaking.CommissionAlreadyChangedThisEpoch.selector, epoch));
        vm.prank(op);
        staking.setCommission(COMMISSION + 1); // registration counts as this epoch's change
        vm.roll((uint256(epoch) + 1) * EPOCH + EPOCH - 1); // last block of the next epoch
        vm.prank(op);
        staking.setCommission(COMMISSION + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IStaking.CommissionAlreadyChangedThisEpoch.selector, epoch + 1)
        );
        vm.prank(op);
        staking.setCommission(COMMISSION + 2);
    }

    function test_setCommission_stepTooLarge_reverts() public {
        _register(op, MIN);
        vm.roll(block.number + EPOCH);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStaking.CommissionStepTooLarge.selector, COMMISSION, COMMISSION + 101, uint16(100)
            )
        );
        vm.prank(op);
        staking.setCommission(COMMISSION + 101);
        vm.expectRevert(
            abi.encodeWithSelector(
                IStaking.CommissionStepTooLarge.selector, COMMISSION, COMMISSION - 101, uint16(100)
            )
        );
        vm.prank(op);
        staking.setCommission(COMMISSION - 101);
    }

    function test_setCommission_tooHigh_reverts() public {
        _register(op, MIN);
        vm.roll(block.number + EPOCH);
        vm.expectRevert(abi.encodeWithSelector(IStaking.CommissionTooHigh.selector, uint16(10_001)));
        vm.prank(op);
        staking.setCommission(10_001);
    }

    function test_setCommission_notRegistered_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotRegistered.selector, alice));
        vm.prank(alice);
        staking.setCommission(1);
    }

    // ------------------------------------------------------------------ delegation
    function test_delegate_mintsSharesAndRanks_succeeds() public {
        _register(op, MIN);
        uint256 expected = MIN * 2 * (MIN * staking.VIRTUAL_SHARES() + staking.VIRTUAL_SHARES()) / (MIN + 1);
        _fund(alice, MIN * 2);
        vm.expectEmit(address(staking));
        emit IStaking.Delegated(op, alice, MIN * 2, expected);
        vm.expectEmit(address(staking));
        emit IStaking.RankingUpdated(op, MIN * 3);
        vm.prank(alice);
        uint256 shares = staking.delegate(op, MIN * 2);
        assertEq(shares, expected);
        assertEq(staking.sharesOf(op, alice), shares);
        assertApproxEqAbs(staking.valueOf(op, alice), MIN * 2, 1);
        assertLe(staking.valueOf(op, alice), MIN * 2, "rounded down");
        assertEq(staking.operatorStake(op), MIN * 3);
        assertEq(staking.pool(op).shares, staking.sharesOf(op, op) + shares);
        _assertConservation();
    }

    function test_delegate_zeroAmount_reverts() public {
        _register(op, MIN);
        vm.expectRevert(IStaking.ZeroAmount.selector);
        vm.prank(alice);
        staking.delegate(op, 0);
    }

    function test_delegate_notRegistered_reverts() public {
        _fund(alice, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotRegistered.selector, bob));
        vm.prank(alice);
        staking.delegate(bob, MIN);
    }

    function test_delegate_jailedOperator_reverts() public {
        _register(op, MIN * 2);
        _slash(op, IStaking.SlashKind.Liveness);
        _fund(alice, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.OperatorJailed.selector, op));
        vm.prank(alice);
        staking.delegate(op, MIN);
        // Its owner may still top up its self-bond.
        _delegate(op, op, MIN);
    }

    function test_delegate_insufficientAllowance_reverts() public {
        _register(op, MIN);
        token.transfer(alice, MIN);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(staking), 0, MIN)
        );
        vm.prank(alice);
        staking.delegate(op, MIN);
    }

    function test_delegateWithPermit_oneTransaction_succeeds() public {
        _register(op, MIN);
        uint256 key = 0xA11CE;
        address wallet = vm.addr(key);
        token.transfer(wallet, MIN);
        (uint8 v, bytes32 r, bytes32 s) = _permit(key, MIN, block.timestamp + 1 hours);
        vm.prank(wallet);
        uint256 shares = staking.delegateWithPermit(op, MIN, block.timestamp + 1 hours, v, r, s);
        assertGt(shares, 0);
        assertEq(staking.sharesOf(op, wallet), shares);
        assertEq(token.balanceOf(wallet), 0);
        assertEq(token.nonces(wallet), 1, "permit consumed");
        assertEq(token.allowance(wallet, address(staking)), 0);
        _assertConservation();
    }

    function test_delegateWithPermit_frontRunPermit_succeeds() public {
        _register(op, MIN);
        uint256 key = 0xB0B;
        address wallet = vm.addr(key);
        token.transfer(wallet, MIN);
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(key, MIN, deadline);
        // Someone copies the signature from the mempool and submits the permit first.
        vm.prank(bob);
        token.permit(wallet, address(staking), MIN, deadline, v, r, s);
        vm.prank(wallet);
        uint256 shares = staking.delegateWithPermit(op, MIN, deadline, v, r, s);
        assertEq(staking.sharesOf(op, wallet), shares);
        assertGt(shares, 0);
    }

    function test_delegateWithPermit_badSignatureNoAllowance_reverts() public {
        _register(op, MIN);
        uint256 key = 0xC0C;
        address wallet = vm.addr(key);
        token.transfer(wallet, MIN);
        (uint8 v, bytes32 r, bytes32 s) = _permit(0xBAD, MIN, block.timestamp + 1 hours);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(staking), 0, MIN)
        );
        vm.prank(wallet);
        staking.delegateWithPermit(op, MIN, block.timestamp + 1 hours, v, r, s);
    }

    function _permit(uint256 key, uint256 amount, uint256 deadline)
        internal
        view
        returns (uint8, bytes32, bytes32)
    {
        address owner_ = vm.addr(key == 0xBAD ? 0xC0C : key);
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256(
                    "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                ),
                owner_,
                address(staking),
                amount,
                token.nonces(owner_),
                deadline
            )
        );
        return vm.sign(key, keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash)));
    }

    // ------------------------------------------------------------------ undelegate / withdraw
    function test_undelegate_movesValueToUnbondingPool_succeeds() public {
        _register(op, MIN);
        uint256 shares = _delegate(alice, op, MIN * 2);
        uint256 value = staking.valueOf(op, alice);
        uint64 release = uint64(block.timestamp) + UNBONDING;
        uint256 expectedId = staking.lastUnbondId() + 1;
        vm.expectEmit(address(staking));
        emit IStaking.Undelegated(op, alice, expectedId, value / 2, release);
        vm.prank(alice);
        uint256 id = staking.undelegate(op, shares / 2);
        assertEq(id, expectedId);
        IStaking.Unbond memory ub = staking.unbond(id);
        assertEq(ub.delegator, alice);
        assertEq(ub.operator, op);
        assertEq(ub.releaseTime, release);
        assertEq(ub.shares, staking.unbondingPool(op).shares);
        assertEq(staking.unbondingPool(op).stake, value / 2);
        assertEq(staking.operatorStake(op), MIN * 3 - value / 2);
        assertEq(staking.sharesOf(op, alice), shares - shares / 2);
        _assertConservation();
    }

    function test_undelegate_zeroShares_reverts() public {
        _register(op, MIN);
        vm.expectRevert(IStaking.ZeroAmount.selector);
        vm.prank(op);
        staking.undelegate(op, 0);
    }

    function test_undelegate_dustWorthNothing_reverts() public {
        _register(op, MIN);
        _delegate(alice, op, MIN);
        // One share is worth ~1e-6 wei: it would unbond nothing.
        vm.expectRevert(IStaking.ZeroAmount.selector);
        vm.prank(alice);
        staking.undelegate(op, 1);
    }

    function test_undelegate_insufficientShares_reverts() public {
        _register(op, MIN);
        uint256 shares = _delegate(alice, op, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.InsufficientShares.selector, shares + 1, shares));
        vm.prank(alice);
        staking.undelegate(op, shares + 1);
    }

    function test_undelegate_ownerBelowMinimum_reverts() public {
        _register(op, MIN * 2);
        uint256 shares = staking.sharesOf(op, op);
        uint256 keep = shares / 2 - 1; // worth just under MIN
        vm.expectRevert(abi.encodeWithSelector(IStaking.SelfBondTooLow.selector, MIN - 1, MIN));
        vm.prank(op);
        staking.undelegate(op, shares - keep);
        // Keeping exactly MIN is fine.
        _undelegate(op, op, shares / 2);
        assertEq(staking.valueOf(op, op), MIN);
        assertTrue(staking.isEligible(op));
    }

    function test_undelegate_ownerWholeSelfBondExits_succeeds() public {
        address signer = _register(op, MIN);
        _delegate(alice, op, MIN);
        uint256 shares = staking.sharesOf(op, op);
        vm.expectEmit(address(staking));
        emit IStaking.OperatorExited(op);
        vm.expectEmit(address(staking));
        emit IStaking.RankingUpdated(op, 0);
        _undelegate(op, op, shares);
        assertFalse(staking.getOperator(op).registered);
        assertFalse(staking.isEligible(op));
        assertEq(_ranked().length, 0);
        (address who, uint64 retiredAt) = staking.operatorOfSigner(signer);
        assertEq(who, op);
        assertEq(retiredAt, block.timestamp, "signer retired, still attributable");

        // Delegators of an exited operator can always leave.
        uint256 id = _undelegate(alice, op, staking.sharesOf(op, alice));
        vm.warp(block.timestamp + UNBONDING);
        vm.prank(alice);
        assertApproxEqAbs(staking.withdraw(id), MIN, 1);
        // No new delegations.
        _fund(bob, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotRegistered.selector, op));
        vm.prank(bob);
        staking.delegate(op, MIN);
        _assertConservation();
    }

    function test_undelegate_fromJailedOperator_succeeds() public {
        _register(op, MIN);
        uint256 shares = _delegate(alice, op, MIN);
        _slash(op, IStaking.SlashKind.Equivocation);
        uint256 id = _undelegate(alice, op, shares);
        assertGt(staking.unbond(id).shares, 0);
        assertEq(staking.sharesOf(op, alice), 0);
    }

    function test_withdraw_afterRelease_succeeds() public {
        _register(op, MIN);
        uint256 shares = _delegate(alice, op, MIN);
        uint256 id = _undelegate(alice, op, shares);
        uint256 value = staking.unbondingPool(op).stake;
        vm.warp(block.timestamp + UNBONDING);
        vm.expectEmit(address(staking));
        emit IStaking.Withdrawn(id, alice, value);
        vm.prank(alice);
        uint256 paid = staking.withdraw(id);
        assertEq(paid, value);
        assertApproxEqAbs(paid, MIN, 1);
        assertLe(paid, MIN);
        assertEq(token.balanceOf(alice), paid);
        assertEq(staking.unbond(id).delegator, address(0), "record deleted");
        _assertConservation();
    }

    function test_withdraw_twice_reverts() public {
        _register(op, MIN);
        uint256 id = _undelegate(alice, op, _delegate(alice, op, MIN));
        vm.warp(block.timestamp + UNBONDING);
        vm.prank(alice);
        staking.withdraw(id);
        vm.expectRevert(abi.encodeWithSelector(IStaking.UnknownUnbond.selector, id));
        vm.prank(alice);
        staking.withdraw(id);
    }

    function test_withdraw_unknown_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IStaking.UnknownUnbond.selector, 0));
        staking.withdraw(0);
    }

    function test_withdraw_notOwner_reverts() public {
        _register(op, MIN);
        uint256 id = _undelegate(alice, op, _delegate(alice, op, MIN));
        vm.warp(block.timestamp + UNBONDING);
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotUnbondOwner.selector, id, bob));
        vm.prank(bob);
        staking.withdraw(id);
    }

    function test_withdraw_beforeRelease_reverts() public {
        _register(op, MIN);
        uint256 id = _undelegate(alice, op, _delegate(alice, op, MIN));
        vm.warp(block.timestamp + UNBONDING - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IStaking.UnbondNotReady.selector, id, staking.unbond(id).releaseTime)
        );
        vm.prank(alice);
        staking.withdraw(id);
    }

    // ------------------------------------------------------------------ rewards / commission
    function test_distributeRewards_commissionAndCompounding_succeeds() public {
        _register(op, MIN);
        _delegate(alice, op, MIN * 3);
        uint256 aliceBefore = staking.valueOf(op, alice);
        uint256 ownerBefore = staking.valueOf(op, op);
        uint256 amount = 100 ether;
        uint256 commission = amount * COMMISSION / 10_000;
        _fund(bob, amount);
        vm.expectEmit(address(staking));
        emit IStaking.RewardsDistributed(op, bob, amount - commission, commission);
        vm.prank(bob);
        staking.distributeRewards(op, amount);
        assertEq(staking.commissionOf(op), commission);
        assertEq(staking.operatorStake(op), MIN * 4 + amount - commission);
        // Pro rata: alice holds 3/4 of the pool.
        assertApproxEqAbs(staking.valueOf(op, alice) - aliceBefore, (amount - commission) * 3 / 4, 2);
        assertApproxEqAbs(staking.valueOf(op, op) - ownerBefore, (amount - commission) / 4, 2);
        _assertConservation();
    }

    function test_distributeRewards_zeroAmount_reverts() public {
        _register(op, MIN);
        vm.expectRevert(IStaking.ZeroAmount.selector);
        staking.distributeRewards(op, 0);
    }

    function test_distributeRewards_notRegistered_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotRegistered.selector, alice));
        staking.distributeRewards(alice, 1);
    }

    function test_claimCommission_succeeds() public {
        _register(op, MIN);
        _fund(bob, 100 ether);
        vm.prank(bob);
        staking.distributeRewards(op, 100 ether);
        uint256 commission = staking.commissionOf(op);
        assertGt(commission, 0);
        // Commission already accrued is not slashed.
        _slash(op, IStaking.SlashKind.Equivocation);
        assertEq(staking.commissionOf(op), commission);
        vm.expectEmit(address(staking));
        emit IStaking.CommissionClaimed(op, commission);
        vm.prank(op);
        assertEq(staking.claimCommission(), commission);
        assertEq(token.balanceOf(op), commission);
        assertEq(staking.commissionOf(op), 0);
        _assertConservation();
    }

    function test_claimCommission_nothing_reverts() public {
        vm.expectRevert(IStaking.NothingToClaim.selector);
        vm.prank(op);
        staking.claimCommission();
    }

    // ------------------------------------------------------------------ slashing
    function test_slash_eachKind_succeeds() public {
        uint16[3] memory bps = [uint16(100), 2_000, 5_000];
        for (uint256 k; k < 3; ++k) {
            address o = makeAddr(string.concat("kind", vm.toString(k)));
            _register(o, MIN * 3);
            _delegate(alice, o, MIN);
            uint256 stake = staking.operatorStake(o);
            uint256 amount = stake * bps[k] / 10_000;
            uint256 reward = amount * 1_000 / 10_000;
            uint256 reporterBefore = token.balanceOf(reporter);
            uint256 treasuryBefore = token.balanceOf(treasury);
            vm.expectEmit(address(staking));
            emit IStaking.Slashed(o, IStaking.SlashKind(k), reporter, amount, reward);
            vm.expectEmit(address(staking));
            emit IStaking.Jailed(o, uint64(block.timestamp) + JAIL);
            vm.expectEmit(address(staking));
            emit IStaking.RankingUpdated(o, 0);
            assertEq(_slash(o, IStaking.SlashKind(k)), amount);
            assertEq(staking.operatorStake(o), stake - amount);
            assertEq(token.balanceOf(reporter) - reporterBefore, reward);
            assertEq(token.balanceOf(treasury) - treasuryBefore, amount - reward);
            IStaking.Operator memory info = staking.getOperator(o);
            assertTrue(info.jailed);
            assertEq(info.jailedUntil, block.timestamp + JAIL);
            assertFalse(staking.isEligible(o));
        }
        assertEq(_ranked().length, 0);
        _assertConservation();
    }

    function test_slash_proRataPendingUnbondsNotOthers_succeeds() public {
        address other = makeAddr("other");
        _register(op, MIN);
        _register(other, MIN);
        _delegate(alice, op, MIN * 2);
        uint256 bobShares = _delegate(bob, op, MIN);
        uint256 id = _undelegate(bob, op, bobShares);
        _delegate(alice, other, MIN);
        uint256 otherId = _undelegate(alice, other, staking.sharesOf(other, alice));

        uint256 aliceBefore = staking.valueOf(op, alice);
        uint256 ownerBefore = staking.valueOf(op, op);
        uint256 pendingBefore = staking.unbondingPool(op).stake;
        IStaking.Pool memory otherPool = staking.pool(other);
        IStaking.Pool memory otherUnbonding = staking.unbondingPool(other);

        uint256 amount = _slash(op, IStaking.SlashKind.Equivocation);
        assertEq(amount, (MIN * 3) / 2 + pendingBefore / 2);
        assertApproxEqAbs(staking.valueOf(op, alice), aliceBefore / 2, 1, "delegator halved");
        assertApproxEqAbs(staking.valueOf(op, op), ownerBefore / 2, 1, "owner halved");
        assertEq(staking.unbondingPool(op).stake, pendingBefore - pendingBefore / 2, "pending unbond slashed");

        IStaking.Pool memory p = staking.pool(other);
        assertEq(p.stake, otherPool.stake, "other pool untouched");
        assertEq(staking.unbondingPool(other).stake, otherUnbonding.stake, "other unbonds untouched");

        vm.warp(block.timestamp + UNBONDING);
        vm.prank(bob);
        assertApproxEqAbs(staking.withdraw(id), MIN / 2, 1, "unbond paid after slash");
        vm.prank(alice);
        assertApproxEqAbs(staking.withdraw(otherId), MIN, 1);
        _assertConservation();
    }

    function test_slash_noReporter_allToTreasury_succeeds() public {
        _register(op, MIN);
        vm.prank(slasher);
        uint256 amount = staking.slash(op, IStaking.SlashKind.InvalidRoot, address(0));
        assertEq(token.balanceOf(treasury), amount);
        assertEq(amount, MIN / 5);
    }

    function test_slash_jailedAgain_succeeds() public {
        _register(op, MIN * 2);
        _slash(op, IStaking.SlashKind.Liveness);
        uint64 until = staking.getOperator(op).jailedUntil;
        vm.warp(block.timestamp + 1 hours);
        uint256 stake = staking.operatorStake(op);
        uint256 amount = _slash(op, IStaking.SlashKind.Equivocation);
        assertEq(amount, stake / 2);
        assertEq(staking.getOperator(op).jailedUntil, until + 1 hours, "jail restarts");
        // A lighter fault never shortens a longer jail.
        IStaking.Params memory p = _params();
        p.jailDuration = 1;
        vm.prank(gov);
        staking.setParams(p);
        _slash(op, IStaking.SlashKind.Liveness);
        assertEq(staking.getOperator(op).jailedUntil, until + 1 hours);
    }

    function test_slash_exitedOperatorPendingUnbonds_succeeds() public {
        _register(op, MIN);
        uint256 id = _undelegate(op, op, staking.sharesOf(op, op));
        uint256 pending = staking.unbondingPool(op).stake;
        uint256 amount = _slash(op, IStaking.SlashKind.InvalidRoot);
        assertEq(amount, pending / 5);
        vm.warp(block.timestamp + UNBONDING);
        vm.prank(op);
        assertEq(staking.withdraw(id), pending - pending / 5);
    }

    function test_slash_notSlasher_reverts() public {
        _register(op, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotSlasher.selector, alice));
        vm.prank(alice);
        staking.slash(op, IStaking.SlashKind.Liveness, alice);
    }

    function test_slash_unknownOperator_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotRegistered.selector, alice));
        vm.prank(slasher);
        staking.slash(alice, IStaking.SlashKind.Liveness, reporter);
    }

    // ------------------------------------------------------------------ jail
    function test_unjail_afterJailDuration_succeeds() public {
        _register(op, MIN * 2);
        _slash(op, IStaking.SlashKind.Liveness);
        assertEq(_ranked().length, 0);
        vm.warp(block.timestamp + JAIL);
        vm.expectEmit(address(staking));
        emit IStaking.Unjailed(op);
        vm.expectEmit(address(staking));
        emit IStaking.RankingUpdated(op, staking.operatorStake(op));
        vm.prank(op);
        staking.unjail();
        assertFalse(staking.getOperator(op).jailed);
        assertEq(staking.getOperator(op).jailedUntil, 0);
        assertTrue(staking.isEligible(op));
        assertEq(_ranked()[0], op, "re-ranked");
    }

    function test_unjail_tooEarly_reverts() public {
        _register(op, MIN * 2);
        _slash(op, IStaking.SlashKind.Liveness);
        uint64 until = staking.getOperator(op).jailedUntil;
        vm.warp(until - 1);
        vm.expectRevert(abi.encodeWithSelector(IStaking.StillJailed.selector, op, until));
        vm.prank(op);
        staking.unjail();
    }

    function test_unjail_notJailed_reverts() public {
        _register(op, MIN);
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotJailed.selector, op));
        vm.prank(op);
        staking.unjail();
    }

    function test_unjail_notRegistered_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IStaking.NotRegistered.selector, alice));
        vm.prank(alice);
        staking.unjail();
    }

    function test_unjail_selfBondTooLow_reverts() public {
        _register(op, MIN);
        _slash(op, IStaking.SlashKind.Equivocation);
        vm.warp(block.timestamp + JAIL);
        // An equivocation slash requires a fresh signer first (tested on its own below).
        address fresh = _newSigner();
        vm.prank(op);
        staking.setSigner(fresh, _sig(op, fresh));
        uint256 bond = staking.valueOf(op, op);
        vm.expectRevert(abi.encodeWithSelector(IStaking.SelfBondTooLow.selector, bond, MIN));
        vm.prank(op);
        staking.unjail();
        // Topping up the self-bond (allowed while jailed) makes it possible.
        _delegate(op, op, MIN);
        vm.prank(op);
        staking.unjail();
        assertTrue(staking.isEligible(op));
    }

    // ------------------------------------------------------------------ ranking
    function test_ranking_orderWithTies_succeeds() public {
        address lo = address(0x1111);
        address hi = address(0x2222);
        address top = address(0x3333);
        _register(hi, MIN);
        _register(top, MIN * 2);
        _register(lo, MIN);
        (address[] memory list, uint256[] memory stakes) = staking.ranking();
        assertEq(list.length, 3);
        assertEq(list[0], top);
        assertEq(list[1], lo, "tie: lower address first");
        assertEq(list[2], hi);
        assertEq(stakes[0], MIN * 2);
        assertEq(stakes[1], MIN);
        // hi overtakes everyone; lo sinks after an undelegation.
        _delegate(alice, hi, MIN * 2);
        _delegate(bob, lo, 2);
        _undelegate(bob, lo, staking.sharesOf(lo, bob));
        list = _ranked();
        assertEq(list[0], hi);
        assertEq(list[1], top);
        assertEq(list[2], lo);
        _assertRankingSound();
    }

    function test_ranking_fullListEvictsLast_succeeds() public {
        _register(address(0x1000), MIN * 3);
        _register(address(0x2000), MIN * 2);
        _register(address(0x3000), MIN);
        // Equal to the last but a higher address: stays out.
        _register(address(0x4000), MIN);
        assertEq(_ranked()[2], address(0x3000));
        vm.expectRevert(abi.encodeWithSelector(IStaking.CannotRank.selector, address(0x4000)));
        staking.updateRanking(address(0x4000));
        // Equal to the last with a lower address: evicts it.
        address low = address(0x0500);
        _fund(low, MIN);
        vm.expectEmit(address(staking));
        emit IStaking.RankingUpdated(address(0x3000), 0);
        vm.expectEmit(address(staking));
        emit IStaking.RankingUpdated(low, MIN);
        address lowSigner = _newSigner();
        vm.prank(low);
        staking.registerOperator(lowSigner, _sig(low, lowSigner), 0, "", MIN);
        ops.push(low);
        address[] memory list = _ranked();
        assertEq(list.length, 3);
        assertEq(list[2], low);
        // A larger delegation makes an outsider enter at once.
        _delegate(alice, address(0x4000), MIN * 5);
        list = _ranked();
        assertEq(list[0], address(0x4000));
        assertEq(list[2], address(0x2000));
        _assertRankingSound();
    }

    function test_updateRanking_outsiderBeatsFallenMember_succeeds() public {
        _register(address(0x1000), MIN * 3);
        _register(address(0x2000), MIN);
        uint256 shares = _delegate(alice, address(0x2000), MIN * 2);
        _register(address(0x3000), MIN * 2);
        _register(address(0x4000), MIN + 1); // outsider
        assertEq(_ranked()[2], address(0x3000));
        // 0x20 falls to MIN: still a member (the list is only re-sorted), but 0x40 now beats it.
        _undelegate(alice, address(0x2000), shares);
        assertEq(_ranked()[2], address(0x2000));
        vm.expectEmit(address(staking));
        emit IStaking.RankingUpdated(address(0x2000), 0);
        vm.expectEmit(address(staking));
        emit IStaking.RankingUpdated(address(0x4000), MIN + 1);
        vm.prank(bob);
        staking.updateRanking(address(0x4000));
        assertEq(_ranked()[2], address(0x4000));
        // A member can be "updated" (no-op).
        staking.updateRanking(address(0x4000));
        assertEq(_ranked().length, 3);
        _assertRankingSound();
    }

    function test_updateRanking_freeSlotAfterJail_succeeds() public {
        _register(address(0x1000), MIN * 3);
        _register(address(0x2000), MIN * 2);
        _register(address(0x3000), MIN * 2);
        _register(address(0x4000), MIN);
        _slash(address(0x1000), IStaking.SlashKind.Liveness);
        assertEq(_ranked().length, 2);
        staking.updateRanking(address(0x4000));
        assertEq(_ranked()[2], address(0x4000));
    }

    function test_updateRanking_ineligible_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IStaking.CannotRank.selector, alice));
        staking.updateRanking(alice);
        _register(op, MIN);
        _slash(op, IStaking.SlashKind.Liveness);
        vm.expectRevert(abi.encodeWithSelector(IStaking.CannotRank.selector, op));
        staking.updateRanking(op);
    }
}
