// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {console2} from "forge-std/console2.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

import {Suite} from "../../utils/Suite.sol";
import {Staking} from "../../../contracts/Staking.sol";
import {JanusToken} from "../../../contracts/JanusToken.sol";
import {IStaking} from "../../../contracts/interfaces/IStaking.sol";

/// @title StakingHandler
/// @notice Invariant handler for the staking contract alone: bounded random delegations,
///         undelegations, withdrawals, rewards, commission changes and claims, slashes (the handler
///         is an authorised slasher) and unjails, on the real suite of `Suite` with four operators
///         and four plain delegators. Every action checks its preconditions and skips (counted)
///         instead of reverting, so the invariant test can run with `fail-on-revert`.
/// @dev Ghost variables: token flows in and out of the staking contract, and per actor (operator
///      owners and delegators) what it deposited, withdrew, and the rewards distributed to an
///      operator while it held shares there (its pro-rata part, rounded up). Every slash is checked
///      in place against a snapshot of every operator's two pools; violations are counted and
///      asserted to be zero by the invariant test.
contract StakingHandler is Suite {
    uint256 internal constant BPS = 10_000;
    uint256 internal constant VIRTUAL_SHARES = 1e6;
    uint256 internal constant VIRTUAL_STAKE = 1;

    address internal reporter = makeAddr("slashReporter");
    /// @dev Operator owners followed by plain delegators.
    address[] internal actors;
    /// @dev Unbond ids not withdrawn yet.
    uint256[] internal pendingIds;

    uint64 public blockNow;
    uint64 public timeNow;

    // ------------------------------------------------------------------ ghosts
    uint256 public ghost_in; // tokens pulled by staking: bonds, delegations, rewards
    uint256 public ghost_withdrawn; // paid by withdraw()
    uint256 public ghost_commissionClaimed; // paid by claimCommission()
    uint256 public ghost_slashed; // sent to reporter + treasury by slash()
    uint256 public ghost_poolOps; // operations that round on a pool (1 wei tolerance each)
    mapping(address => uint256) public ghost_deposited;
    mapping(address => uint256) public ghost_withdrawnBy;
    mapping(address => uint256) public ghost_rewardsOf;

    // violations observed inside actions (asserted zero by the invariant test)
    uint256 public ghost_slashTouchedOther;
    uint256 public ghost_slashWrongAmount;
    uint256 public ghost_slashPayoutMismatch;
    uint256 public ghost_withdrawPayoutMismatch;
    uint256 public ghost_rankingMispredicted; // updateRanking did not do what the ranking rule says

    // call counters
    mapping(bytes32 => uint256) public calls;
    bytes32[] internal callNames;

    modifier sync() {
        vm.roll(blockNow);
        vm.warp(timeNow);
        _;
    }

    function setUp() public override {
        super.setUp();
        _addOperators(4);
        for (uint256 i; i < operators.length; ++i) {
            actors.push(operators[i]);
            ghost_deposited[operators[i]] += MIN_BOND * (i + 1);
            ghost_in += MIN_BOND * (i + 1);
        }
        for (uint256 i; i < 4; ++i) {
            actors.push(makeAddr(string.concat("delegator", vm.toString(i))));
        }
        staking.setSlasher(address(this), true);
        // K = 3 < 4 operators, so ranking entry, eviction and updateRanking are exercised.
        IStaking.Params memory params = staking.params();
        params.activeSetSize = 3;
        staking.setParams(params);
        blockNow = uint64(block.number);
        timeNow = uint64(block.timestamp);
    }

    // ------------------------------------------------------------------ views for the test
    function stakingContract() external view returns (Staking) {
        return staking;
    }

    function tokenContract() external view returns (JanusToken) {
        return token;
    }

    function operatorList() external view returns (address[] memory) {
        return operators;
    }

    function actorList() external view returns (address[] memory) {
        return actors;
    }

    function pendingUnbonds() external view returns (uint256[] memory) {
        return pendingIds;
    }

    function slashRecipients() external view returns (address, address) {
        return (reporter, treasury);
    }

    // ------------------------------------------------------------------ actions
    /// @notice An actor stakes with an operator (an owner may top up its own jailed operator).
    function delegate(uint256 opSeed, uint256 actorSeed, uint256 amount) external sync {
        address op = operators[opSeed % operators.length];
        address who = actors[actorSeed % actors.length];
        IStaking.Operator memory o = staking.getOperator(op);
        if (!o.registered || (o.jailed && who != op)) {
            _count("delegate.skip");
            return;
        }
        amount = _bound(amount, 1 gwei, 50_000 ether);
        _delegateAs(who, op, amount);
        _count("delegate");
    }

    /// @notice An actor starts unbonding a fraction of its shares. An owner keeps its minimum
    ///         self-bond, or exits with everything.
    function undelegate(uint256 opSeed, uint256 actorSeed, uint256 fracBps) external sync {
        (address op, address who, uint256 held) = _findHolding(opSeed, actorSeed);
        if (held == 0) {
            _count("undelegate.skip");
            return;
        }
        fracBps = _bound(fracBps, 1, BPS);
        uint256 shares = held * fracBps / BPS;
        if (shares == 0) shares = held;
        if (who == op && staking.getOperator(op).registered && shares != held) {
            // Keep the minimum self-bond: halve the request until it fits (or give up).
            for (uint256 k; k < 8 && shares != 0 && !_keepsMinimum(op, held, shares); ++k) {
                shares /= 2;
            }
            if (shares == 0 || !_keepsMinimum(op, held, shares)) {
                _count("undelegate.skip");
                return;
            }
        }
        IStaking.Pool memory p = staking.pool(op);
        uint256 amount = _toStake(p.stake, p.shares, shares);
        if (amount == 0) {
            _count("undelegate.skip");
            return;
        }
        IStaking.Pool memory u = staking.unbondingPool(op);
        if (Math.mulDiv(amount, uint256(u.shares) + VIRTUAL_SHARES, uint256(u.stake) + VIRTUAL_STAKE) == 0) {
            _count("undelegate.skip");
            return;
        }
        bool exits = who == op && shares == held && staking.getOperator(op).registered;
        vm.prank(who);
        uint256 id = staking.undelegate(op, shares);
        pendingIds.push(id);
        ++ghost_poolOps;
        _count(exits ? bytes32("undelegate.exit") : bytes32("undelegate"));
    }

    /// @notice A pending unbond is withdrawn, waiting for its release when `wait` (else skipped).
    function withdraw(uint256 idxSeed, bool wait) external sync {
        if (pendingIds.length == 0) {
            _count("withdraw.skip");
            return;
        }
        uint256 i = idxSeed % pendingIds.length;
        uint256 id = pendingIds[i];
        IStaking.Unbond memory ub = staking.unbond(id);
        if (block.timestamp < ub.releaseTime) {
            if (!wait) {
                _count("withdraw.skip");
                return;
            }
            _advance(ub.releaseTime - block.timestamp, 1);
        }
        uint256 before = token.balanceOf(ub.delegator);
        vm.prank(ub.delegator);
        uint256 amount = staking.withdraw(id);
        if (token.balanceOf(ub.delegator) - before != amount) ++ghost_withdrawPayoutMismatch;
        ghost_withdrawnBy[ub.delegator] += amount;
        ghost_withdrawn += amount;
        ++ghost_poolOps;
        pendingIds[i] = pendingIds[pendingIds.length - 1];
        pendingIds.pop();
        _count("withdraw");
    }

    /// @notice The handler distributes rewards to a registered operator.
    function distributeRewards(uint256 opSeed, uint256 amount) external sync {
        address op = operators[opSeed % operators.length];
        IStaking.Operator memory o = staking.getOperator(op);
        if (!o.registered) {
            _count("rewards.skip");
            return;
        }
        amount = _bound(amount, 1, 10_000 ether);
        uint256 toPool = amount - amount * o.commissionBps / BPS;
        IStaking.Pool memory p = staking.pool(op);
        for (uint256 i; i < actors.length; ++i) {
            uint256 sh = staking.sharesOf(op, actors[i]);
            if (sh != 0) {
                ghost_rewardsOf[
                    actors[i]
                ] += Math.mulDiv(toPool, sh, uint256(p.shares) + VIRTUAL_SHARES, Math.Rounding.Ceil);
            }
        }
        token.approve(address(staking), amount);
        staking.distributeRewards(op, amount);
        ghost_in += amount;
        ++ghost_poolOps;
        _count("rewards");
    }

    /// @notice An operator owner claims its commission.
    function claimCommission(uint256 opSeed) external sync {
        address op = operators[opSeed % operators.length];
        if (staking.commissionOf(op) == 0) {
            _count("claimCommission.skip");
            return;
        }
        uint256 before = token.balanceOf(op);
        vm.prank(op);
        uint256 amount = staking.claimCommission();
        if (token.balanceOf(op) - before != amount) ++ghost_withdrawPayoutMismatch;
        ghost_commissionClaimed += amount;
        _count("claimCommission");
    }

    /// @notice An owner changes its commission by at most the step, moving to the next epoch if
    ///         it already changed it in this one.
    function setCommission(uint256 opSeed, uint256 stepSeed, bool up) external sync {
        address op = operators[opSeed % operators.length];
        IStaking.Operator memory o = staking.getOperator(op);
        if (!o.registered) {
            _count("setCommission.skip");
            return;
        }
        if (o.commissionEpoch == staking.currentEpoch()) _advance(60, EPOCH);
        uint256 step = _bound(stepSeed, 0, 100);
        uint256 newBps = up
            ? Math.min(uint256(o.commissionBps) + step, BPS)
            : o.commissionBps - Math.min(step, o.commissionBps);
        vm.prank(op);
        staking.setCommission(uint16(newBps));
        _count("setCommission");
    }

    /// @notice The handler (an authorised slasher) slashes an operator; every pool of every other
    ///         operator must stay unchanged, and the slashed one loses exactly its fraction.
    function slash(uint256 opSeed, uint256 kindSeed, bool withReporter) external sync {
        address op = operators[opSeed % operators.length];
        IStaking.SlashKind kind = IStaking.SlashKind(kindSeed % 3);
        (IStaking.Pool[] memory act, IStaking.Pool[] memory unb) = _snapshotPools();
        uint256 paidBefore = token.balanceOf(reporter) + token.balanceOf(treasury);
        uint256 amount = staking.slash(op, kind, withReporter ? reporter : address(0));
        if (token.balanceOf(reporter) + token.balanceOf(treasury) - paidBefore != amount) {
            ++ghost_slashPayoutMismatch;
        }
        _checkSlash(op, _bpsOf(kind), amount, act, unb);
        ghost_slashed += amount;
        ++ghost_poolOps;
        _count("slash");
    }

    /// @notice A jailed owner waits out its jail, rotates its signer after an equivocation slash, tops
    ///         up its self-bond if a slash took it below the minimum, and unjails.
    function unjail(uint256 opSeed) external sync {
        address op = operators[opSeed % operators.length];
        IStaking.Operator memory o = staking.getOperator(op);
        if (!o.registered || !o.jailed) {
            _count("unjail.skip");
            return;
        }
        if (block.timestamp < o.jailedUntil) _advance(o.jailedUntil - block.timestamp, 10);
        // After an equivocation slash the owner must rotate its (spent) signer key first.
        if (staking.mustRotateSigner(op)) _rotateSigner(op);
        uint256 bond = staking.valueOf(op, op);
        if (bond < MIN_BOND) _delegateAs(op, op, MIN_BOND - bond + 1 ether);
        vm.prank(op);
        staking.unjail();
        _count("unjail");
    }

    /// @notice Anyone re-ranks an operator: an eligible outsider enters iff the list has room or it
    ///         ranks before the last member (which it evicts); otherwise CannotRank.
    function updateRanking(uint256 opSeed) external sync {
        address op = operators[opSeed % operators.length];
        (address[] memory ranked, uint256[] memory stakes) = staking.ranking();
        bool member;
        for (uint256 i; i < ranked.length; ++i) {
            if (ranked[i] == op) member = true;
        }
        uint256 k = staking.params().activeSetSize;
        uint256 n = ranked.length;
        uint256 stake = staking.operatorStake(op);
        bool enters = staking.isEligible(op)
            && (member || n < k || stake > stakes[n - 1] || (stake == stakes[n - 1] && op < ranked[n - 1]));
        try staking.updateRanking(op) {
            (address[] memory after_,) = staking.ranking();
            bool evictedLast = !member && n == k;
            if (!enters || (evictedLast && _contains(after_, ranked[n - 1])) || !_contains(after_, op)) {
                ++ghost_rankingMispredicted;
            }
            _count(member ? bytes32("updateRanking.member") : bytes32("updateRanking.entered"));
        } catch (bytes memory err) {
            if (enters || bytes4(err) != IStaking.CannotRank.selector) ++ghost_rankingMispredicted;
            _count("updateRanking.cannotRank");
        }
    }

    /// @notice Time and blocks pass.
    function warp(uint256 secs, uint256 blocks) external sync {
        _advance(_bound(secs, 1, 6 hours), _bound(blocks, 0, 3 * EPOCH));
        _count("warp");
    }

    // ------------------------------------------------------------------ summary
    function logSummary() external view {
        console2.log("--- StakingHandler call summary ---");
        for (uint256 i; i < callNames.length; ++i) {
            console2.log(_name(callNames[i]), calls[callNames[i]]);
        }
        console2.log("pending unbonds", pendingIds.length);
        console2.log("tokens in / withdrawn", ghost_in, ghost_withdrawn);
        console2.log("slashed / commission claimed", ghost_slashed, ghost_commissionClaimed);
    }

    // ------------------------------------------------------------------ helpers
    function _delegateAs(address who, address op, uint256 amount) internal {
        token.transfer(who, amount);
        vm.startPrank(who);
        token.approve(address(staking), amount);
        staking.delegate(op, amount);
        vm.stopPrank();
        ghost_deposited[who] += amount;
        ghost_in += amount;
        ++ghost_poolOps;
    }

    function _advance(uint256 secs, uint256 blocks) internal {
        timeNow += uint64(secs);
        blockNow += uint64(blocks);
        vm.warp(timeNow);
        vm.roll(blockNow);
    }

    function _count(bytes32 name) internal {
        if (calls[name] == 0) callNames.push(name);
        ++calls[name];
    }

    function _name(bytes32 b) internal pure returns (string memory) {
        uint256 n;
        while (n < 32 && b[n] != 0) ++n;
        bytes memory out = new bytes(n);
        for (uint256 i; i < n; ++i) {
            out[i] = b[i];
        }
        return string(out);
    }

    /// @dev First (actor, operator) pair with shares, searching from the seeds.
    function _findHolding(uint256 opSeed, uint256 actorSeed)
        internal
        view
        returns (address op, address who, uint256 held)
    {
        uint256 na = actors.length;
        uint256 no = operators.length;
        for (uint256 i; i < na; ++i) {
            who = actors[(actorSeed % na + i) % na];
            for (uint256 j; j < no; ++j) {
                op = operators[(opSeed % no + j) % no];
                held = staking.sharesOf(op, who);
                if (held != 0) return (op, who, held);
            }
        }
    }

    /// @dev Whether an owner undelegating `shares` of `held` keeps a self-bond worth >= minimum.
    function _keepsMinimum(address op, uint256 held, uint256 shares) internal view returns (bool) {
        IStaking.Pool memory p = staking.pool(op);
        uint256 amount = _toStake(p.stake, p.shares, shares);
        return _toStake(p.stake - amount, p.shares - shares, held - shares) >= MIN_BOND;
    }

    function _toStake(uint256 stake, uint256 shares, uint256 sh) internal pure returns (uint256) {
        return Math.min(Math.mulDiv(sh, stake + VIRTUAL_STAKE, shares + VIRTUAL_SHARES), stake);
    }

    function _bpsOf(IStaking.SlashKind kind) internal view returns (uint256) {
        IStaking.Params memory p = staking.params();
        if (kind == IStaking.SlashKind.Liveness) return p.slashLivenessBps;
        if (kind == IStaking.SlashKind.InvalidRoot) return p.slashInvalidRootBps;
        return p.slashEquivocationBps;
    }

    function _snapshotPools() internal view returns (IStaking.Pool[] memory act, IStaking.Pool[] memory unb) {
        uint256 n = operators.length;
        act = new IStaking.Pool[](n);
        unb = new IStaking.Pool[](n);
        for (uint256 i; i < n; ++i) {
            act[i] = staking.pool(operators[i]);
            unb[i] = staking.unbondingPool(operators[i]);
        }
    }

    /// @dev Compares every pool with its snapshot: only `op`'s pools may change, its shares not at
    ///      all, its stakes by exactly floor(stake * bps / 10000) each, summing to `amount`.
    function _checkSlash(
        address op,
        uint256 bps,
        uint256 amount,
        IStaking.Pool[] memory act,
        IStaking.Pool[] memory unb
    ) internal {
        for (uint256 i; i < operators.length; ++i) {
            IStaking.Pool memory a = staking.pool(operators[i]);
            IStaking.Pool memory u = staking.unbondingPool(operators[i]);
            if (operators[i] != op) {
                if (!_samePool(a, act[i]) || !_samePool(u, unb[i])) ++ghost_slashTouchedOther;
                continue;
            }
            uint256 cutA = uint256(act[i].stake) * bps / BPS;
            uint256 cutU = uint256(unb[i].stake) * bps / BPS;
            if (
                a.shares != act[i].shares || u.shares != unb[i].shares || a.stake != act[i].stake - cutA
                    || u.stake != unb[i].stake - cutU || amount != cutA + cutU
            ) ++ghost_slashWrongAmount;
        }
    }

    function _contains(address[] memory list, address a) internal pure returns (bool) {
        for (uint256 i; i < list.length; ++i) {
            if (list[i] == a) return true;
        }
        return false;
    }

    function _samePool(IStaking.Pool memory x, IStaking.Pool memory y) internal pure returns (bool) {
        return x.stake == y.stake && x.shares == y.shares;
    }
}
