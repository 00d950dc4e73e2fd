// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

import {Staking} from "../contracts/Staking.sol";
import {IStaking} from "../contracts/interfaces/IStaking.sol";
import {StakingBase} from "./Staking.t.sol";

/// @notice Fuzz tests for Staking: amounts, orderings and timings.
contract StakingFuzzTest is StakingBase {
    address internal op = makeAddr("op");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address[3] internal dels = [makeAddr("d0"), makeAddr("d1"), makeAddr("d2")];

    mapping(address => uint256) internal deposited;
    mapping(address => uint256) internal paid;
    mapping(address => uint256[]) internal pendingIds;
    uint256 internal toPoolTotal;
    bool internal slashed;

    // ------------------------------------------------------------------ payouts
    /// @notice Random sequences of delegate / undelegate / rewards / slash / withdraw / unjail, then
    ///         everyone leaves: nobody is paid more than it deposited plus the rewards that went to the
    ///         pool, the contract always holds exactly what it accounts for, and without slashes nobody
    ///         loses more than rounding dust.
    function testFuzz_randomActions_neverPayMoreThanDepositedPlusRewards_succeeds(uint256 seed) public {
        _register(op, MIN);
        deposited[op] = MIN;
        uint256 steps = 12;
        for (uint256 i; i < steps; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            address d = dels[(r >> 8) % 3];
            uint256 amount = bound(r >> 32, 1, 1e24);
            uint256 action = r % 6;
            if (action == 0 && !staking.getOperator(op).jailed) {
                _delegate(d, op, amount);
                deposited[d] += amount;
            } else if (action == 1) {
                _tryUndelegate(d, staking.sharesOf(op, d) * ((r >> 128) % 101) / 100);
            } else if (action == 2) {
                token.approve(address(staking), amount);
                staking.distributeRewards(op, amount);
                toPoolTotal += amount - amount * COMMISSION / 10_000;
            } else if (action == 3) {
                _slash(op, IStaking.SlashKind((r >> 64) % 3));
                slashed = true;
            } else if (action == 4) {
                vm.warp(block.timestamp + bound(r >> 64, 0, UNBONDING));
                _withdrawReady(d);
            } else {
                vm.warp(block.timestamp + JAIL);
                vm.prank(op);
                try staking.unjail() {} catch {}
            }
            _assertConservation();
            _assertRankingSound();
        }

        // Everyone leaves (the owner exits with its whole self-bond).
        _tryUndelegate(op, staking.sharesOf(op, op));
        assertFalse(staking.getOperator(op).registered, "owner exited");
        for (uint256 j; j < 3; ++j) {
            _tryUndelegate(dels[j], staking.sharesOf(op, dels[j]));
        }
        vm.warp(block.timestamp + UNBONDING);
        _withdrawReady(op);
        uint256 totalPaid = paid[op];
        uint256 totalDeposited = deposited[op];
        for (uint256 j; j < 3; ++j) {
            _withdrawReady(dels[j]);
            totalPaid += paid[dels[j]];
            totalDeposited += deposited[dels[j]];
            assertLe(paid[dels[j]], deposited[dels[j]] + toPoolTotal, "delegator overpaid");
            if (!slashed) assertGe(paid[dels[j]] + 4 * steps, deposited[dels[j]], "lost more than dust");
        }
        assertLe(paid[op], deposited[op] + toPoolTotal, "owner overpaid");
        assertLe(totalPaid, totalDeposited + toPoolTotal, "pool overpaid");
        assertEq(staking.unbondingPool(op).shares, 0, "every unbond paid");
        assertEq(staking.pool(op).shares, 0, "everyone left");
        _assertConservation();
    }

    function _tryUndelegate(address d, uint256 shares) internal {
        if (shares == 0) return;
        vm.prank(d);
        try staking.undelegate(op, shares) returns (uint256 id) {
            pendingIds[d].push(id);
        } catch (bytes memory err) {
            // Only dust worth nothing may fail.
            assertEq(bytes4(err), IStaking.ZeroAmount.selector, "unexpected undelegate revert");
        }
    }

    function _withdrawReady(address d) internal {
        uint256[] storage ids = pendingIds[d];
        for (uint256 k = ids.length; k > 0; --k) {
            uint256 id = ids[k - 1];
            if (staking.unbond(id).releaseTime > block.timestamp) continue;
            uint256 before = token.balanceOf(d);
            vm.prank(d);
            uint256 amount = staking.withdraw(id);
            assertEq(token.balanceOf(d) - before, amount);
            paid[d] += amount;
            ids[k - 1] = ids[ids.length - 1];
            ids.pop();
        }
    }

    // ------------------------------------------------------------------ inflation
    /// @notice The classic first-depositor attack: an operator registers with a tiny self-bond (minimum
    ///         lowered to 1 wei for the test), donates through `distributeRewards` to inflate the share
    ///         price, then a victim delegates. The attacker never profits, and the victim loses at most
    ///         rounding (<= 0.1 % + 2 wei while the donation is <= 1000x the victim's stake), or its
    ///         delegation reverts without taking anything.
    function testFuzz_shareInflation_cannotStealSmallDelegation_succeeds(
        uint256 bond,
        uint256 donation,
        uint256 victimAmount
    ) public {
        IStaking.Params memory p = _params();
        p.minSelfBond = 1;
        staking = new Staking(IERC20(address(token)), p, gov);
        bond = bound(bond, 1, 1e6);
        victimAmount = bound(victimAmount, 1, 1e24);
        donation = bound(donation, 1, 1e30);
        address attacker = makeAddr("attacker");
        address victim = makeAddr("victim");

        _fund(attacker, bond + donation);
        address signer = _newSigner();
        vm.startPrank(attacker);
        staking.registerOperator(signer, _sig(attacker, signer), 0, "", bond);
        staking.distributeRewards(attacker, donation);
        vm.stopPrank();

        _fund(victim, victimAmount);
        vm.prank(victim);
        try staking.delegate(attacker, victimAmount) {}
        catch (bytes memory err) {
            assertEq(bytes4(err), IStaking.ZeroAmount.selector);
            assertEq(token.balanceOf(victim), victimAmount, "nothing taken");
            return;
        }

        uint256 sharesA = staking.sharesOf(attacker, attacker);
        uint256 sharesV = staking.sharesOf(attacker, victim);
        vm.prank(attacker);
        uint256 idA = staking.undelegate(attacker, sharesA);
        uint256 idV;
        vm.prank(victim);
        try staking.undelegate(attacker, sharesV) returns (uint256 id) {
            idV = id;
        } catch {}
        vm.warp(block.timestamp + UNBONDING);
        vm.prank(attacker);
        uint256 attackerPaid = staking.withdraw(idA);
        uint256 victimPaid;
        if (idV != 0) {
            vm.prank(victim);
            victimPaid = staking.withdraw(idV);
        }
        assertLe(attackerPaid, bond + donation, "attacker profited");
        if (donation <= victimAmount * 1000) {
            assertGe(victimPaid + victimAmount / 1000 + 2, victimAmount, "victim lost more than rounding");
        }
    }

    // ------------------------------------------------------------------ slashing
    /// @notice A slash removes exactly `bps` of the operator's two pools and nothing from another
    ///         operator; every delegator of the slashed operator loses the same fraction.
    function testFuzz_slash_onlyOwnPoolsProRata_succeeds(uint256 a, uint256 b, uint256 frac, uint8 kind)
        public
    {
        a = bound(a, 1 ether, 1e24);
        b = bound(b, 1 ether, 1e24);
        IStaking.SlashKind k = IStaking.SlashKind(kind % 3);
        address other = makeAddr("other");
        _register(op, MIN);
        _register(other, MIN);
        _delegate(alice, op, a);
        uint256 bobShares = _delegate(bob, op, b);
        _undelegate(bob, op, bobShares * bound(frac, 1, 100) / 100);
        _delegate(alice, other, b);
        _undelegate(alice, other, staking.sharesOf(other, alice) / 2);

        IStaking.Pool memory pa = staking.pool(op);
        IStaking.Pool memory ua = staking.unbondingPool(op);
        IStaking.Pool memory po = staking.pool(other);
        IStaking.Pool memory uo = staking.unbondingPool(other);
        uint256 aliceBefore = staking.valueOf(op, alice);
        uint256 otherAlice = staking.valueOf(other, alice);

        uint256 bps =
            k == IStaking.SlashKind.Liveness ? 100 : k == IStaking.SlashKind.InvalidRoot ? 2_000 : 5_000;
        uint256 amount = _slash(op, k);
        assertEq(amount, pa.stake * bps / 10_000 + ua.stake * bps / 10_000);
        assertEq(staking.pool(op).stake, pa.stake - pa.stake * bps / 10_000);
        assertEq(staking.unbondingPool(op).stake, ua.stake - ua.stake * bps / 10_000);
        assertEq(staking.pool(op).shares, pa.shares, "shares untouched");
        assertApproxEqAbs(staking.valueOf(op, alice), aliceBefore * (10_000 - bps) / 10_000, 2, "pro rata");
        assertEq(staking.pool(other).stake, po.stake);
        assertEq(staking.unbondingPool(other).stake, uo.stake);
        assertEq(staking.valueOf(other, alice), otherAlice);
        assertTrue(staking.isEligible(other));
        _assertConservation();
    }

    // ------------------------------------------------------------------ timings
    /// @notice A withdrawal succeeds exactly from `releaseTime` on.
    function testFuzz_withdraw_timing_succeeds(uint256 wait) public {
        wait = bound(wait, 0, UNBONDING * 2);
        _register(op, MIN);
        uint256 id = _undelegate(alice, op, _delegate(alice, op, MIN));
        uint64 release = staking.unbond(id).releaseTime;
        vm.warp(block.timestamp + wait);
        vm.prank(alice);
        if (wait < UNBONDING) {
            vm.expectRevert(abi.encodeWithSelector(IStaking.UnbondNotReady.selector, id, release));
            staking.withdraw(id);
        } else {
            assertLe(staking.withdraw(id), MIN);
        }
    }

    /// @notice Commission changes succeed exactly when the model says: new epoch, step within bound,
    ///         value <= 10000.
    function testFuzz_setCommission_boundedPerEpoch_succeeds(uint256 seed) public {
        _register(op, MIN);
        uint16 bps = COMMISSION;
        uint64 lastEpoch = staking.currentEpoch();
        for (uint256 i; i < 10; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            vm.roll(block.number + (r % (EPOCH * 2)));
            uint16 next = uint16(bound(r >> 16, bps > 250 ? bps - 250 : 0, uint256(bps) + 250));
            uint64 epoch = staking.currentEpoch();
            bool ok = epoch != lastEpoch && next <= 10_000 && (next > bps ? next - bps : bps - next) <= 100;
            vm.prank(op);
            try staking.setCommission(next) {
                assertTrue(ok, "accepted a forbidden change");
                bps = next;
                lastEpoch = epoch;
            } catch {
                assertFalse(ok, "rejected an allowed change");
            }
            assertEq(staking.getOperator(op).commissionBps, bps);
        }
    }

    // ------------------------------------------------------------------ ranking
    /// @notice After random stake changes, slashes and unjails the stored ranking is always sorted,
    ///         bounded and eligible; once outsiders have called `updateRanking` it is exactly the top K
    ///         eligible operators (stake descending, lower address first).
    function testFuzz_ranking_matchesBruteForce_succeeds(uint256 seed) public {
        address[6] memory cand;
        for (uint256 i; i < 6; ++i) {
            cand[i] = address(uint160(0x1000 * (i + 1)));
            _register(cand[i], MIN * (1 + uint256(keccak256(abi.encode(seed, "bond", i))) % 3));
        }
        for (uint256 s; s < 16; ++s) {
            uint256 r = uint256(keccak256(abi.encode(seed, s)));
            address o = cand[(r >> 8) % 6];
            uint256 action = r % 5;
            if (action == 0 && !staking.getOperator(o).jailed) {
                _delegate(alice, o, MIN * ((r >> 16) % 3) + 1);
            } else if (action == 1) {
                uint256 sh = staking.sharesOf(o, alice);
                vm.prank(alice);
                try staking.undelegate(o, sh) {}
                catch (bytes memory err) {
                    // Nothing held, or dust worth nothing after slashes.
                    assertEq(bytes4(err), IStaking.ZeroAmount.selector);
                }
            } else if (action == 2) {
                _slash(o, IStaking.SlashKind((r >> 16) % 3));
            } else if (action == 3) {
                vm.warp(block.timestamp + JAIL);
                vm.prank(o);
                try staking.unjail() {} catch {}
            } else {
                token.approve(address(staking), MIN);
                staking.distributeRewards(o, (r >> 16) % MIN + 1);
            }
            _assertRankingSound();
            for (uint256 i; i < 6; ++i) {
                try staking.updateRanking(cand[i]) {} catch {}
            }
            _assertTopK(cand);
        }
    }

    function _assertTopK(address[6] memory cand) internal view {
        address[6] memory e;
        uint256 n;
        for (uint256 i; i < 6; ++i) {
            if (staking.isEligible(cand[i])) e[n++] = cand[i];
        }
        // Selection sort by (stake desc, address asc).
        for (uint256 i; i < n; ++i) {
            for (uint256 j = i + 1; j < n; ++j) {
                uint256 si = staking.operatorStake(e[i]);
                uint256 sj = staking.operatorStake(e[j]);
                if (sj > si || (sj == si && e[j] < e[i])) (e[i], e[j]) = (e[j], e[i]);
            }
        }
        address[] memory list = _ranked();
        assertEq(list.length, n < K ? n : K, "top-K size");
        for (uint256 i; i < list.length; ++i) {
            assertEq(list[i], e[i], "top-K order");
        }
    }
}
