// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

import {RollupFixture} from "./Rollup.t.sol";
import {Rollup} from "../contracts/Rollup.sol";
import {IRollup} from "../contracts/interfaces/IRollup.sol";

/// @notice Rejects ETH, or re-enters `claim` when paid.
contract ClaimReceiver {
    Rollup internal immutable rollup;
    bool internal reenter;

    constructor(Rollup r, bool reenter_) {
        rollup = r;
        reenter = reenter_;
    }

    function claim() external returns (uint256) {
        return rollup.claim();
    }

    receive() external payable {
        if (!reenter) revert("no ETH");
        rollup.claim();
    }
}

/// @notice ETH (claim, bounty pool), guardian pause and owner governance.
contract RollupAdminTest is RollupFixture {
    // ------------------------------------------------------------------ claim / fundBounty
    function test_fundBounty_succeeds() public {
        vm.deal(alice, 2 ether);
        vm.expectEmit(address(rollup));
        emit IRollup.BountyFunded(alice, 1.5 ether);
        vm.prank(alice);
        rollup.fundBounty{value: 1.5 ether}();
        assertEq(rollup.bountyPool(), 1.5 ether);
        assertEq(address(rollup).balance, 1.5 ether);
    }

    function test_claim_succeeds() public {
        _useVerifier();
        vm.deal(address(this), 1 ether);
        rollup.fundBounty{value: 1 ether}();
        (uint64 id, bytes memory data) = _post(bytes32("r1"));
        bytes memory proof = _accept(id, data);
        vm.prank(prover);
        rollup.proveBatch(id, data, proof);
        assertEq(rollup.credits(prover), BOUNTY);

        vm.expectEmit(address(rollup));
        emit IRollup.Claimed(prover, BOUNTY);
        vm.prank(prover);
        uint256 amount = rollup.claim();
        assertEq(amount, BOUNTY);
        assertEq(prover.balance, BOUNTY);
        assertEq(rollup.credits(prover), 0);
        vm.prank(prover);
        vm.expectRevert(IRollup.NothingToClaim.selector);
        rollup.claim();
    }

    function test_claim_nothing_reverts() public {
        vm.expectRevert(IRollup.NothingToClaim.selector);
        rollup.claim();
    }

    function test_claim_transferFailed_reverts() public {
        ClaimReceiver rejecting = new ClaimReceiver(rollup, false);
        ClaimReceiver reentering = new ClaimReceiver(rollup, true);
        _creditViaBounty(address(rejecting));
        _creditViaBounty(address(reentering));
        vm.expectRevert(IRollup.TransferFailed.selector);
        rejecting.claim();
        // A re-entrant claim fails inside the guard, so the outer transfer fails and nothing moves.
        vm.expectRevert(IRollup.TransferFailed.selector);
        reentering.claim();
        assertEq(rollup.credits(address(reentering)), BOUNTY);
        assertEq(address(rollup).balance, 10 ether, "no ETH left the rollup");
    }

    function _creditViaBounty(address who) internal {
        if (address(rollup.verifier()) == address(0)) {
            _useVerifier();
            vm.deal(address(this), 10 ether);
            rollup.fundBounty{value: 10 ether}();
        }
        (uint64 id, bytes memory data) = _post(keccak256(abi.encode(who)));
        bytes memory proof = _accept(id, data);
        vm.prank(who);
        rollup.proveBatch(id, data, proof);
        assertEq(rollup.credits(who), BOUNTY);
    }

    // ------------------------------------------------------------------ pause
    function test_pause_succeeds() public {
        vm.expectEmit(address(rollup));
        emit IRollup.Paused(guardian, T0 + MAX_PAUSE);
        vm.prank(guardian);
        rollup.pause(MAX_PAUSE);
        assertEq(rollup.pausedUntil(), T0 + MAX_PAUSE);
    }

    function test_pause_notGuardian_reverts() public {
        vm.prank(owner);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotGuardian.selector, owner));
        rollup.pause(1);
    }

    function test_pause_invalidDuration_reverts() public {
        vm.startPrank(guardian);
        vm.expectRevert(IRollup.InvalidParams.selector);
        rollup.pause(0);
        vm.expectRevert(IRollup.InvalidParams.selector);
        rollup.pause(MAX_PAUSE + 1);
        vm.stopPrank();
    }

    function test_unpause_guardianOrOwner_succeeds() public {
        vm.prank(guardian);
        rollup.pause(1 days);
        vm.expectEmit(address(rollup));
        emit IRollup.Unpaused(guardian);
        vm.prank(guardian);
        rollup.unpause();
        assertEq(rollup.pausedUntil(), block.timestamp, "records when the pause ended");
        _post(bytes32("r1"));

        vm.warp(block.timestamp + MAX_PAUSE); // the cooldown after the pause
        vm.prank(guardian);
        rollup.pause(1 days);
        vm.expectEmit(address(rollup));
        emit IRollup.Unpaused(owner);
        vm.prank(owner);
        rollup.unpause();
        assertEq(rollup.pausedUntil(), block.timestamp, "records when the pause ended");
    }

    function test_unpause_notGuardian_reverts() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotGuardian.selector, alice));
        rollup.unpause();
    }

    // ------------------------------------------------------------------ governance
    function test_setGuardian_succeeds() public {
        vm.expectEmit(address(rollup));
        emit IRollup.GuardianSet(alice);
        vm.prank(owner);
        rollup.setGuardian(alice);
        assertEq(rollup.guardian(), alice);
        vm.prank(guardian);
        vm.expectRevert(abi.encodeWithSelector(IRollup.NotGuardian.selector, guardian));
        rollup.pause(1);
        vm.prank(alice);
        rollup.pause(1);
    }

    function test_setGuardian_reverts() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        rollup.setGuardian(alice);
        vm.prank(owner);
        vm.expectRevert(IRollup.ZeroAddress.selector);
        rollup.setGuardian(address(0));
    }

    function test_setVerifier_succeeds() public {
        vm.expectEmit(address(rollup));
        emit IRollup.VerifierSet(address(verifier));
        vm.prank(owner);
        rollup.setVerifier(address(verifier));
        assertEq(address(rollup.verifier()), address(verifier));
        // Governance can disable proving again.
        vm.prank(owner);
        rollup.setVerifier(address(0));
        assertEq(address(rollup.verifier()), address(0));
    }

    function test_setVerifier_reverts() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        rollup.setVerifier(address(verifier));
        vm.prank(owner);
        vm.expectRevert(IRollup.InvalidParams.selector);
        rollup.setVerifier(alice); // not a contract
    }

    function test_setParams_succeeds() public {
        IRollup.Params memory p = _params();
        p.challengeWindow = 2 days;
        p.proveWindow = 1 days;
        p.proverBounty = 0;
        staking.setUnbondingDelay(3 days + 20 * 12); // windows + one epoch (20 blocks of 12 s)
        vm.expectEmit(address(rollup));
        emit IRollup.ParamsSet(p);
        vm.prank(owner);
        rollup.setParams(p);
        assertEq(keccak256(abi.encode(rollup.params())), keccak256(abi.encode(p)));
    }

    function test_setParams_notOwner_reverts() public {
        IRollup.Params memory p = _params();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        rollup.setParams(p);
    }

    function test_setParams_invalid_reverts() public {
        staking.setUnbondingDelay(CW + PW + 20 * 12); // windows + one epoch (20 blocks of 12 s)
        IRollup.Params[] memory bad = new IRollup.Params[](10);
        for (uint256 i; i < bad.length; ++i) {
            bad[i] = _params();
        }
        bad[0].challengeWindow = 0;
        bad[1].proveWindow = 0;
        bad[2].escapeDelay = 0;
        bad[3].maxPauseDuration = 0;
        bad[4].challengeBond = 0;
        bad[5].proveWindow = PW + 1; // challenge + prove window + epoch > unbonding delay
        bad[6].challengeWindow = CW + 1;
        bad[7].escapeDelay = uint64(type(uint32).max) + 1;
        bad[8].maxPauseDuration = uint64(type(uint32).max) + 1;
        bad[9].challengeWindow = type(uint64).max; // no overflow in the sum
        vm.startPrank(owner);
        for (uint256 i; i < bad.length; ++i) {
            vm.expectRevert(IRollup.InvalidParams.selector);
            rollup.setParams(bad[i]);
        }
        // Exactly the unbonding delay (with the epoch margin) is fine.
        rollup.setParams(_params());
        vm.stopPrank();
    }

    function test_transferOwnership_twoStep_succeeds() public {
        vm.prank(owner);
        rollup.transferOwnership(alice);
        assertEq(rollup.owner(), owner, "not before acceptance");
        vm.prank(alice);
        rollup.acceptOwnership();
        assertEq(rollup.owner(), alice);
    }
}
