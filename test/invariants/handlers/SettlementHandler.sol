// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {console2} from "forge-std/console2.sol";

import {Suite} from "../../utils/Suite.sol";
import {BatchBuilder} from "../../utils/BatchBuilder.sol";
import {JanusToken} from "../../../contracts/JanusToken.sol";
import {Staking} from "../../../contracts/Staking.sol";
import {SequencerSet} from "../../../contracts/SequencerSet.sol";
import {Bridge} from "../../../contracts/Bridge.sol";
import {Rollup} from "../../../contracts/Rollup.sol";
import {IStaking} from "../../../contracts/interfaces/IStaking.sol";
import {IRollup} from "../../../contracts/interfaces/IRollup.sol";
import {IBridge} from "../../../contracts/interfaces/IBridge.sol";
import {ISequencerSet} from "../../../contracts/interfaces/ISequencerSet.sol";
import {IBatchVerifier} from "../../../contracts/interfaces/IBatchVerifier.sol";
import {IEquivocationSlasher} from "../../../contracts/interfaces/IEquivocationSlasher.sol";

/// @title SettlementHandler
/// @notice Invariant handler for the whole suite (Suite fixture, real contracts, four operators):
///         ETH and ERC-20 deposits (mirrored queue), batches posted by the current leader's signer
///         (honest ones are declared true to the TruthVerifierDouble, dishonest ones never are),
///         challenges, proofs of true batches (one by one, or runs of up to 4 with one range proof),
///         challenge timeouts, optimistic finalization,
///         withdrawals with real Merkle proofs, escape-hatch batches, snapshots, liveness reports,
///         equivocation reports (real EIP-712 signatures), unjails, guardian pauses, governance
///         unsetting / setting the verifier, and time/block warps. An honest prover proves every
///         challenged true batch before its effective deadline whenever a verifier is set. Every action checks its preconditions and skips (counted) instead of reverting;
///         the two rejections the test provokes on purpose (a replayed withdrawal, a withdrawal
///         beyond the outstanding amount) are caught and their error selector checked.
/// @dev L2 model for honest batches: along a chain, withdrawals never exceed what the consumed
///      deposits brought in (per asset). Dishonest batches may withdraw anything; if one is finalized
///      the bridge must still never pay beyond the outstanding amount.
contract SettlementHandler is Suite {
    uint32 internal constant USD = 1;
    uint64 internal constant USD_SCALE = 1e9;
    uint64 internal constant MAX_WITHDRAWALS = 3;

    struct Info {
        bool isTrue; // a true transition from a true or finalized parent: provable
        uint64 cumEth; // L2 units withdrawn along the chain up to and including this batch
        uint64 cumUsd;
        bytes data;
        bytes proof; // for true batches
    }

    JanusToken internal usd;
    address[] internal users;
    address[] internal recipients;
    address internal challenger = makeAddr("challenger");
    address internal prover = makeAddr("prover");
    address internal reporter = makeAddr("livenessReporter");
    address internal escaper = makeAddr("escaper");
    address internal relayer = makeAddr("relayer");

    uint64 public blockNow;
    uint64 public timeNow;

    // queue mirror extras (Suite keeps records/chains): enqueue times, cumulative deposited units
    uint64[] internal enqTime;
    uint64[] internal cumDepEth; // after n messages
    uint64[] internal cumDepUsd;

    uint64 public batchCount; // ids 1..batchCount exist
    uint64 internal l2Height; // L2 block numbers used for equivocation evidence
    mapping(uint64 => Info) internal info;
    mapping(uint64 => BatchBuilder.Withdrawal[]) internal wds;
    uint64[] internal withWithdrawals;

    // ------------------------------------------------------------------ ghosts
    uint64[] internal revertedIds;
    uint64[] internal finalizedIds;
    mapping(bytes32 => uint256) public ghost_paid; // (batchId << 32 | index) => times paid
    mapping(bytes32 => bool) internal overdrawn; // rejected as beyond the outstanding amount
    bytes32[] internal paidKeys;
    uint256 public ghost_ineligiblePosted; // an ineligible leader's batch was accepted
    uint256 public ghost_doublePaid; // a payment succeeded for an already paid withdrawal
    uint256 public ghost_badPayout; // recipient received != amount * scale
    uint256 public ghost_unexpectedError; // a provoked rejection came with a wrong error
    uint256 public ghost_depEth; // L2 units deposited
    uint256 public ghost_depUsd;
    uint256 public ghost_wdEth; // L2 units paid out
    uint256 public ghost_wdUsd;
    uint256 public ghost_slashTouchedOther;
    uint256 public ghost_slashWrongAmount;
    uint256 public ghost_escapeMismatch; // escapeHatchOpen() disagrees with the mirror
    uint256 public ghost_wrongTakeover; // leader after a liveness report is not the expected one
    uint256 public ghost_claimMismatch;
    uint256 public ghost_tokensIn; // staking token pulled by staking (bonds, top-ups)
    uint256 public ghost_honestReverted; // a true batch was reverted (its operator slashed)
    uint256 public ghost_challengeWithoutVerifier; // a challenge was accepted while no verifier was set
    uint256 public ghost_voidWrong; // a voided challenge slashed, reverted or left the batch not Pending
    uint256 public ghost_pauseInCooldown; // a guardian pause was accepted inside the cooldown
    uint256 public ghost_rangeWrong; // proveBatches left a batch of its range unproven or paid a wrong reward
    // leader samples: the leader of every block an action ran in, as of the end of that block
    uint64[] internal sampleBlocks;
    mapping(uint64 => address) public sampleLeader;

    mapping(bytes32 => uint256) public calls;
    bytes32[] internal callNames;

    modifier sync() {
        vm.roll(blockNow);
        vm.warp(timeNow);
        _;
        _sampleLeader();
    }

    function setUp() public override {
        super.setUp();
        _addOperators(4);
        for (uint256 i; i < 4; ++i) {
            ghost_tokensIn += MIN_BOND * (i + 1);
        }
        usd = new JanusToken("Janus USD", "JUSD", address(this), 1e30);
        bridge.listToken(address(usd), USD_SCALE);
        _useVerifier();
        vm.deal(address(this), 10 ether);
        rollup.fundBounty{value: 1 ether}();
        for (uint256 i; i < 3; ++i) {
            users.push(makeAddr(string.concat("user", vm.toString(i))));
            recipients.push(makeAddr(string.concat("recipient", vm.toString(i))));
        }
        cumDepEth.push(0);
        cumDepUsd.push(0);
        info[0].isTrue = true;
        _activateSet();
        blockNow = uint64(block.number);
        timeNow = uint64(block.timestamp);
        _sampleLeader();
    }

    // ------------------------------------------------------------------ views for the test
    function contracts()
        external
        view
        returns (Staking, SequencerSet, Bridge, Rollup, JanusToken, JanusToken)
    {
        return (staking, set, bridge, rollup, token, usd);
    }

    function operatorList() external view returns (address[] memory) {
        return operators;
    }

    /// @notice Every address that can hold rollup credits or staking-token slash rewards.
    function ethActors() external view returns (address[] memory a) {
        a = new address[](4);
        (a[0], a[1], a[2], a[3]) = (challenger, prover, reporter, escaper);
    }

    function slashSinks() external view returns (address[] memory a) {
        a = new address[](3);
        (a[0], a[1], a[2]) = (treasury, challenger, reporter);
    }

    /// @notice Whether batch `id` is a true transition from a true or finalized parent.
    function isTrueBatch(uint64 id) external view returns (bool) {
        return info[id].isTrue;
    }

    function reverted() external view returns (uint64[] memory) {
        return revertedIds;
    }

    function finalized() external view returns (uint64[] memory) {
        return finalizedIds;
    }

    function samples() external view returns (uint64[] memory) {
        return sampleBlocks;
    }

    function paidCount() external view returns (uint256) {
        return paidKeys.length;
    }

    /// @notice Withdrawals (batch, index) the handler paid, for cross-checking `isWithdrawn`.
    function paidAt(uint256 i) external view returns (uint64 batchId, uint32 index) {
        bytes32 k = paidKeys[i];
        return (uint64(uint256(k) >> 32), uint32(uint256(k)));
    }

    // ------------------------------------------------------------------ deposits
    /// @notice A user deposits ETH (new account, or an existing one).
    function depositETH(uint256 userSeed, uint256 units, uint256 kindSeed) external sync {
        if (block.timestamp < bridge.pausedUntil()) {
            _count("depositETH.paused");
            return;
        }
        address user = users[userSeed % users.length];
        units = _bound(units, 1, 100 ether / 1 gwei);
        uint32 next = bridge.nextAccount();
        if (kindSeed % 3 == 0 || next == 1) {
            _depositNew(user, units * 1 gwei);
        } else {
            uint32 account = uint32(1 + kindSeed % (next - 1));
            vm.deal(user, user.balance + units * 1 gwei);
            uint64 nonce = uint64(records.length);
            vm.prank(user);
            bridge.depositETH{value: units * 1 gwei}(account);
            _mirror(
                BatchBuilder.record(
                    nonce, BatchBuilder.KIND_EXISTING_ACCOUNT, user, account, "", 0, uint64(units)
                )
            );
        }
        _afterDeposit(uint64(units), 0);
        ghost_depEth += units;
        _count("depositETH");
    }

    /// @notice A user deposits the listed ERC-20 (new account, or an existing one).
    function depositUSD(uint256 userSeed, uint256 units, uint256 kindSeed) external sync {
        if (block.timestamp < bridge.pausedUntil()) {
            _count("depositUSD.paused");
            return;
        }
        address user = users[userSeed % users.length];
        units = _bound(units, 1, 1e12);
        uint256 amount = units * USD_SCALE;
        usd.transfer(user, amount);
        vm.prank(user);
        usd.approve(address(bridge), amount);
        uint32 next = bridge.nextAccount();
        uint64 nonce = uint64(records.length);
        if (kindSeed % 3 == 0 || next == 1) {
            bytes memory key =
                abi.encodePacked(keccak256(abi.encode(user, nonce)), bytes8(0x0102030405060708));
            vm.prank(user);
            uint32 account = bridge.depositERC20NewAccount(key, address(usd), amount);
            _mirror(
                BatchBuilder.record(
                    nonce, BatchBuilder.KIND_NEW_ACCOUNT, user, account, key, USD, uint64(units)
                )
            );
        } else {
            uint32 account = uint32(1 + kindSeed % (next - 1));
            vm.prank(user);
            bridge.depositERC20(account, address(usd), amount);
            _mirror(
                BatchBuilder.record(
                    nonce, BatchBuilder.KIND_EXISTING_ACCOUNT, user, account, "", USD, uint64(units)
                )
            );
        }
        _afterDeposit(0, uint64(units));
        ghost_depUsd += units;
        _count("depositUSD");
    }

    // ------------------------------------------------------------------ batches
    /// @notice The current leader's signer posts a batch on the tip (honest 7 times in 8 when
    ///         its parent is provable), consuming at least every overdue message.
    function post(uint256 honestSeed, uint256 msgSeed, uint256 wSeed) external sync {
        if (block.timestamp < rollup.pausedUntil()) {
            _count("post.paused");
            return;
        }
        address leader = set.currentLeader();
        if (leader == address(0)) {
            _count("post.noLeader");
            return;
        }
        if (!staking.isEligible(leader)) {
            // The rollup refuses an ineligible leader's batch (LeaderNotEligible); check that it does.
            IRollup.Batch memory tip = rollup.getBatch(rollup.tipId());
            uint64 tipId = rollup.tipId();
            bytes memory empty = BatchBuilder.data(1, new bytes[](0), new bytes[](0));
            vm.prank(staking.signerOf(leader));
            try rollup.submitBatch(tipId, tip.stateRoot, keccak256("ineligible"), empty) {
                ++ghost_ineligiblePosted;
            } catch {}
            _count("post.ineligibleRefused");
            return;
        }
        uint64 parent = rollup.tipId();
        bool honest = _provableBase(parent) && honestSeed % 8 != 0;
        (uint64 msgEnd, bytes[] memory txs, BatchBuilder.Withdrawal[] memory ws) =
            _plan(parent, honest, msgSeed, wSeed);
        bytes32 root = honest
            ? keccak256(abi.encode("true", rollup.getBatch(parent).stateRoot, msgEnd, wSeed))
            : keccak256(abi.encode("lie", batchCount, wSeed));
        (uint64 id, bytes memory data) = _post(root, msgEnd, txs);
        _record(id, parent, honest, data, ws);
        if (honest) info[id].proof = _truthAndProof(id, data);
        _count(honest ? bytes32("post.honest") : bytes32("post.dishonest"));
    }

    /// @notice Anyone posts a proven batch through the escape hatch when it is open and the tip is
    ///         true (nobody can prove a batch on a false parent).
    function escape(uint256 msgSeed, uint256 wSeed) external sync {
        bool open = rollup.escapeHatchOpen();
        if (open != _escapeOpenByMirror()) ++ghost_escapeMismatch;
        uint64 parent = rollup.tipId();
        if (!open || !_provableBase(parent) || address(rollup.verifier()) == address(0)) {
            _count("escape.skip");
            return;
        }
        (uint64 msgEnd, bytes[] memory txs, BatchBuilder.Withdrawal[] memory ws) =
            _plan(parent, true, msgSeed, wSeed);
        IRollup.Batch memory p = rollup.getBatch(parent);
        bytes memory data = BatchBuilder.data(1, _records(p.msgEnd, msgEnd), txs);
        IBatchVerifier.PublicInputs memory pi = IBatchVerifier.PublicInputs({
            prevStateRoot: p.stateRoot,
            newStateRoot: keccak256(abi.encode("escape", p.stateRoot, msgEnd, wSeed)),
            messageChainBefore: chains[p.msgEnd],
            messageChainAfter: chains[msgEnd],
            withdrawalRoot: _withdrawalRoot(ws),
            dataHash: keccak256(data)
        });
        verifier.setTrue(pi);
        bytes memory proof = verifier.proofFor(pi, data);
        vm.prank(escaper);
        uint64 id = rollup.submitBatchWithProof(parent, p.stateRoot, pi.newStateRoot, data, proof);
        _record(id, parent, true, data, ws);
        info[id].proof = proof;
        if (rollup.isFinalized(id)) finalizedIds.push(id);
        _count("escape");
    }

    /// @notice A watcher challenges a pending batch inside its window (dishonest ones preferred).
    function challenge(uint256 idSeed, bool preferFalse) external sync {
        (uint64[] memory c, uint256 n) = _candidates(0);
        if (n == 0) {
            _count("challenge.skip");
            return;
        }
        uint64 id = _pick(c, n, idSeed, preferFalse);
        vm.deal(challenger, challenger.balance + BOND);
        // Read before the prank: a prank applies to the next call, which must be the challenge.
        bool noVerifier = address(rollup.verifier()) == address(0);
        vm.prank(challenger);
        if (noVerifier) {
            // Nobody could answer it: the rollup refuses it.
            try rollup.challenge{value: BOND}(id) {
                ++ghost_challengeWithoutVerifier;
            } catch {}
            _count("challenge.noVerifier");
            return;
        }
        rollup.challenge{value: BOND}(id);
        _count(info[id].isTrue ? bytes32("challenge.honestBatch") : bytes32("challenge.falseBatch"));
    }

    /// @notice A prover proves a true canonical batch (pending, or challenged before its deadline).
    function prove(uint256 idSeed) external sync {
        (uint64[] memory c, uint256 n) = _candidates(1);
        if (n == 0 || address(rollup.verifier()) == address(0)) {
            _count("prove.skip");
            return;
        }
        uint64 id = c[idSeed % n];
        bool wasChallenged = rollup.getBatch(id).status == IRollup.BatchStatus.Challenged;
        vm.prank(prover);
        rollup.proveBatch(id, info[id].data, info[id].proof);
        if (rollup.isFinalized(id)) finalizedIds.push(id);
        _count(wasChallenged ? bytes32("prove.challenged") : bytes32("prove.bounty"));
    }

    /// @notice A prover proves a run of 1 to 4 consecutive true canonical batches with one proof
    ///         (`proveBatches`), starting at the last finalized height (a Finalized head) or above,
    ///         cut before the first batch it cannot prove (a lie, or a challenge past its deadline).
    ///         Every batch of the range must end Proven or Finalized, and the prover be paid exactly
    ///         the open bonds plus a bounty per batch that was Pending and is finalized by the call.
    function proveRange(uint256 startSeed, uint256 kSeed) external sync {
        uint64 tip = rollup.tipHeight();
        uint64 lo = rollup.lastFinalizedHeight();
        if (lo == 0) lo = 1;
        if (tip < lo || address(rollup.verifier()) == address(0)) {
            _count("proveRange.skip");
            return;
        }
        uint64 start = startSeed % 2 == 0 ? lo : lo + uint64(startSeed % (tip - lo + 1));
        uint256 k = 1 + kSeed % 4;
        if (start + k - 1 > tip) k = tip - start + 1;
        uint256 expected; // the reward the rules give for the range
        uint256 pool = rollup.bountyPool();
        uint64 next = rollup.lastFinalizedHeight() + 1;
        bool changes;
        for (uint256 i; i < k; ++i) {
            uint64 id = rollup.idAtHeight(start + uint64(i));
            IRollup.BatchStatus st = rollup.getBatch(id).status;
            bool late =
                st == IRollup.BatchStatus.Challenged && block.timestamp >= rollup.challengeDeadline(id);
            if (!info[id].isTrue || late) {
                k = i;
                break;
            }
            if (st == IRollup.BatchStatus.Challenged) expected += rollup.getChallenge(id).bond;
            if (st == IRollup.BatchStatus.Pending && start + i == next) {
                uint256 r = _bountyOf(pool);
                expected += r;
                pool -= r;
            }
            if (st != IRollup.BatchStatus.Finalized && start + i == next) ++next;
            if (st == IRollup.BatchStatus.Pending || st == IRollup.BatchStatus.Challenged) changes = true;
        }
        if (k == 0 || !changes) {
            _count("proveRange.nothing");
            return;
        }
        (uint64 firstId, bytes[] memory data, bytes memory proof) = _rangeProof(start, k);
        uint256 before = rollup.credits(prover);
        vm.prank(prover);
        rollup.proveBatches(firstId, data, proof);
        if (rollup.credits(prover) - before != expected) ++ghost_rangeWrong;
        for (uint256 i; i < k; ++i) {
            uint64 id = rollup.idAtHeight(start + uint64(i));
            IRollup.BatchStatus st = rollup.getBatch(id).status;
            if (st == IRollup.BatchStatus.Finalized) {
                finalizedIds.push(id); // a repeat is harmless: the list is only checked to stay final
            } else if (st != IRollup.BatchStatus.Proven) {
                ++ghost_rangeWrong;
            }
        }
        _count(k == 1 ? bytes32("proveRange.one") : bytes32("proveRange.many"));
    }

    /// @notice An open challenge is resolved after its effective deadline (waiting for it when
    ///         `wait`; the honest prover answers a true batch's meanwhile): the batch and its
    ///         descendants revert and only the batch's operator is slashed. While no verifier is set
    ///         it is voided instead: bond back, batch Pending, nobody slashed.
    function resolve(uint256 idSeed, bool wait) external sync {
        uint64 id;
        bool noVerifier = address(rollup.verifier()) == address(0);
        for (uint64 k; k < batchCount; ++k) {
            uint64 cand = 1 + uint64((idSeed % batchCount + k) % batchCount);
            if (rollup.getChallenge(cand).challenger == address(0)) continue;
            uint40 deadline = rollup.challengeDeadline(cand);
            if (rollup.isCanonical(cand) && !noVerifier && block.timestamp < deadline) {
                if (!wait) continue;
                _advance(deadline - block.timestamp, 0);
                if (rollup.getChallenge(cand).challenger == address(0)) {
                    _count("resolve.answeredByHonestProver");
                    return;
                }
            }
            id = cand;
            break;
        }
        if (id == 0) {
            _count("resolve.skip");
            return;
        }
        if (!rollup.isCanonical(id)) {
            rollup.resolveChallenge(id);
            _count("resolve.refundOnly");
            return;
        }
        if (noVerifier) {
            (IStaking.Pool[] memory act, IStaking.Pool[] memory unb) = _snapshotPools();
            uint64 tip = rollup.tipId();
            rollup.resolveChallenge(id);
            _checkSlash(address(0), 0, act, unb);
            if (
                rollup.getBatch(id).status != IRollup.BatchStatus.Pending || rollup.tipId() != tip
                    || !rollup.isCanonical(id)
            ) ++ghost_voidWrong;
            _count("resolve.voided");
            return;
        }
        _resolveCanonical(id);
        _count("resolve.reverted");
    }

    /// @notice Finalize as many next batches as possible (up to 4), waiting out the challenge window
    ///         of a pending one when `wait`.
    function finalize(bool wait) external sync {
        _count(_finalizeNext(wait) == 0 ? bytes32("finalize.skip") : bytes32("finalize"));
    }

    /// @notice A relayer submits a withdrawal of a finalized batch with a real Merkle proof; a
    ///         replay must be rejected with AlreadyWithdrawn, an overdraw (only a finalized dishonest
    ///         batch can ask for one) with WithdrawalExceedsOutstanding.
    function withdraw(uint256 batchSeed, uint256 idxSeed) external sync {
        uint64 id = _findFinalizedWithWithdrawals(batchSeed);
        // Nothing to withdraw yet: settle the chain first (as a user waiting for its exit would).
        if (id == 0 && _finalizeNext(true) != 0) id = _findFinalizedWithWithdrawals(batchSeed);
        if (id == 0) {
            _count("withdraw.skip");
            return;
        }
        _withdraw(id, _chooseIndex(id, idxSeed));
    }

    /// @dev A finalized batch with withdrawals, preferring one with an unpaid withdrawal (one call
    ///      in four may pick any, to try replays).
    function _findFinalizedWithWithdrawals(uint256 batchSeed) internal view returns (uint64 id) {
        uint256 n = withWithdrawals.length;
        for (uint256 k; k < n; ++k) {
            uint64 cand = withWithdrawals[(batchSeed % n + k) % n];
            if (!rollup.isFinalized(cand)) continue;
            if (id == 0) id = cand;
            if (batchSeed % 4 != 0 && _firstUnpaid(cand, 0) < wds[cand].length) return cand;
        }
    }

    /// @dev An index of batch `id`: the first unpaid one from the seed, or any when the seed says replay.
    function _chooseIndex(uint64 id, uint256 idxSeed) internal view returns (uint32) {
        uint256 n = wds[id].length;
        uint256 start = idxSeed % n;
        if (idxSeed % 4 == 0) return uint32(start);
        uint256 i = _firstUnpaid(id, start);
        return uint32(i < n ? i : start);
    }

    function _firstUnpaid(uint64 id, uint256 start) internal view returns (uint256) {
        uint256 n = wds[id].length;
        for (uint256 k; k < n; ++k) {
            uint256 i = (start + k) % n;
            bytes32 key = bytes32((uint256(id) << 32) | i);
            if (ghost_paid[key] == 0 && !overdrawn[key]) return i;
        }
        return n;
    }

    /// @notice An actor with rollup credits (bonds, bounties) claims them.
    function claim(uint256 actorSeed) external sync {
        address[4] memory a = [challenger, prover, reporter, escaper];
        address who = a[actorSeed % 4];
        uint256 credit = rollup.credits(who);
        if (credit == 0) {
            _count("claim.skip");
            return;
        }
        uint256 before = who.balance;
        vm.prank(who);
        rollup.claim();
        if (who.balance - before != credit) ++ghost_claimMismatch;
        _count("claim");
    }

    // ------------------------------------------------------------------ sequencer set
    /// @notice Anyone records the ranking for the next epoch (first snapshot wins).
    function snapshot() external sync {
        uint64 target = set.currentEpoch() + set.activationDelay();
        (address[] memory ranked,) = staking.ranking();
        if (set.setFor(target).epoch == target || ranked.length == 0) {
            _count("snapshot.skip");
            return;
        }
        set.snapshot();
        _count("snapshot");
    }

    /// @notice A reporter reports a late (or jailed) leader, after waiting out its timeout in the
    ///         current epoch; only the reported leader's pools may change.
    function reportLiveness() external sync {
        // No report during a pause nor within the grace of `livenessTimeout` slots after it.
        if (
            block.timestamp
                < uint256(rollup.pausedUntil()) + uint256(set.livenessTimeout()) * set.SLOT_SECONDS()
        ) {
            _count("liveness.paused");
            return;
        }
        address leader = set.currentLeader();
        if (leader == address(0)) {
            _count("liveness.skip");
            return;
        }
        bool eligible = staking.isEligible(leader);
        if (eligible) {
            uint256 deadline = set.lastActivityBlock() + LIVENESS_TIMEOUT;
            if (set.epochOf(deadline) != set.currentEpoch()) {
                _count("liveness.skip");
                return;
            }
            if (block.number < deadline) {
                _sampleLeader();
                _advance(0, deadline - block.number);
            }
        }
        (bool ok, address next) = _nextEligible(leader);
        if (!ok) {
            _count("liveness.skip");
            return;
        }
        // Slashed iff late, not jailed, and eligible or exited at/after the deadline (an honest exit
        // before it, or a governance-made under-bond, is never slashed).
        uint256 due = set.lastActivityBlock() + LIVENESS_TIMEOUT;
        bool slashes = block.number >= due && !staking.isJailed(leader)
            && (eligible || staking.exitBlock(leader) >= due);
        _reportLiveness(leader, slashes, next);
        _count(slashes ? bytes32("liveness.slashed") : bytes32("liveness.noSlash"));
    }

    /// @notice An operator's signer signs two different soft confirmations for one L2 height (real
    ///         EIP-712 signatures); anyone reports it: only that operator's pools may change.
    function equivocate(uint256 opSeed, bytes32 hashA, bytes32 hashB) external sync {
        if (hashA == hashB) hashB = keccak256(abi.encode(hashA));
        address op = operators[opSeed % operators.length];
        // One incident per signer key: a key already slashed cannot be slashed again.
        if (slasher.slashedSigner(staking.signerOf(op))) {
            _count("equivocation.spentKey");
            return;
        }
        IEquivocationSlasher.SoftConfirmation memory a = IEquivocationSlasher.SoftConfirmation({
            l2BlockNumber: ++l2Height, l2BlockHash: hashA, parentHash: bytes32(0), chainId: L2_CHAIN_ID
        });
        IEquivocationSlasher.SoftConfirmation memory b = IEquivocationSlasher.SoftConfirmation({
            l2BlockNumber: a.l2BlockNumber, l2BlockHash: hashB, parentHash: bytes32(0), chainId: L2_CHAIN_ID
        });
        bytes memory sigA = _signConfirmation(op, a);
        bytes memory sigB = _signConfirmation(op, b);
        (IStaking.Pool[] memory act, IStaking.Pool[] memory unb) = _snapshotPools();
        vm.prank(reporter);
        slasher.reportEquivocation(a, sigA, b, sigB);
        _checkSlash(op, staking.params().slashEquivocationBps, act, unb);
        _count("equivocation.slashed");
    }

    /// @notice A jailed operator waits out its jail, tops up its self-bond if needed and unjails.
    function unjail(uint256 opSeed) external sync {
        address op = operators[opSeed % operators.length];
        IStaking.Operator memory o = staking.getOperator(op);
        if (!o.registered || !o.jailed) {
            _count("unjail.skip");
            return;
        }
        if (block.timestamp < o.jailedUntil) {
            _sampleLeader();
            _advance(o.jailedUntil - block.timestamp, 0);
        }
        uint256 bond = staking.valueOf(op, op);
        if (bond < MIN_BOND) {
            uint256 amount = MIN_BOND - bond + 1 ether;
            token.transfer(op, amount);
            vm.startPrank(op);
            token.approve(address(staking), amount);
            staking.delegate(op, amount);
            vm.stopPrank();
            ghost_tokensIn += amount;
        }
        // After an equivocation slash the owner must rotate its (spent) signer key first.
        if (staking.mustRotateSigner(op)) _rotateSigner(op);
        vm.prank(op);
        staking.unjail();
        _count("unjail");
    }

    /// @notice The guardian pauses posting and deposits for up to 30 minutes, or lifts its pause
    ///         (exits keep working throughout).
    function pause(uint256 secs) external sync {
        vm.startPrank(guardian);
        if (block.timestamp < rollup.pausedUntil()) {
            rollup.unpause();
            bridge.unpause();
            vm.stopPrank();
            _count("unpause");
            return;
        }
        if (block.timestamp < uint256(rollup.pausedUntil()) + rollup.params().maxPauseDuration) {
            // Cooldown after the last pause: the rollup refuses a new one.
            try rollup.pause(1) {
                ++ghost_pauseInCooldown;
            } catch {}
            vm.stopPrank();
            _count("pause.cooldown");
            return;
        }
        // The bridge refuses a new pause until maxPauseDuration after the last one ended.
        if (block.timestamp < uint256(bridge.pausedUntil()) + bridge.maxPauseDuration()) {
            vm.stopPrank();
            return;
        }
        secs = _bound(secs, 1, 30 minutes);
        rollup.pause(uint64(secs));
        bridge.pause(uint64(secs));
        vm.stopPrank();
        _count("pause");
    }

    /// @notice Governance (the owner, a timelock in deployments) unsets the verifier, e.g. after a
    ///         verifier bug, or sets it (again): open challenges are voided while none is set and get
    ///         a whole prove window with a new one.
    function setVerifier(uint256 seed) external sync {
        bool unset = seed % 3 == 0;
        rollup.setVerifier(unset ? address(0) : address(verifier));
        _count(unset ? bytes32("verifier.unset") : bytes32("verifier.set"));
    }

    /// @notice Time and blocks pass.
    function warp(uint256 secs, uint256 blocks) external sync {
        _sampleLeader();
        _advance(_bound(secs, 1, 3 hours), _bound(blocks, 1, 2 * EPOCH));
        _count("warp");
    }

    // ------------------------------------------------------------------ summary
    function logSummary() external view {
        console2.log("--- SettlementHandler call summary ---");
        for (uint256 i; i < callNames.length; ++i) {
            console2.log(_name(callNames[i]), calls[callNames[i]]);
        }
        console2.log("batches / tip height", batchCount, rollup.tipHeight());
        console2.log("finalized height / reverted ids", rollup.lastFinalizedHeight(), revertedIds.length);
        console2.log("withdrawals paid", paidKeys.length);
    }

    // ------------------------------------------------------------------ internals: batches
    /// @dev Chooses msgEnd (>= every overdue message) and the withdrawals of a new batch on `parent`.
    function _plan(uint64 parent, bool honest, uint256 msgSeed, uint256 wSeed)
        internal
        view
        returns (uint64 msgEnd, bytes[] memory txs, BatchBuilder.Withdrawal[] memory ws)
    {
        msgEnd = _chooseMsgEnd(rollup.getBatch(parent).msgEnd, msgSeed);
        uint256 availEth = honest ? _sub0(cumDepEth[msgEnd], info[parent].cumEth) : 2 * ghost_depEth + 1;
        uint256 availUsd = honest ? _sub0(cumDepUsd[msgEnd], info[parent].cumUsd) : 2 * ghost_depUsd + 1;
        ws = _chooseWithdrawals(honest, availEth, availUsd, wSeed);
        txs = new bytes[](ws.length + 1);
        txs[0] = BatchBuilder.transferTx(1, 1, 0, 0, 0, 0);
        for (uint256 i; i < ws.length; ++i) {
            txs[i + 1] = BatchBuilder.withdrawTx(1, ws[i], 0, uint64(i + 1));
        }
    }

    /// @dev A msgEnd in [first non-overdue message at or after `start`, queue length].
    function _chooseMsgEnd(uint64 start, uint256 msgSeed) internal view returns (uint64 msgEnd) {
        uint64 len = uint64(records.length);
        uint64 minEnd = start;
        while (minEnd < len && enqTime[minEnd] + FORCED_INCLUSION <= block.timestamp) ++minEnd;
        // Usually consume the whole queue (so honest batches can carry withdrawals), else a prefix.
        msgEnd = msgSeed % 4 != 0 ? len : minEnd + uint64(msgSeed % (len - minEnd + 1));
    }

    /// @dev Up to MAX_WITHDRAWALS withdrawals; an honest batch stays within what is available.
    function _chooseWithdrawals(bool honest, uint256 availEth, uint256 availUsd, uint256 wSeed)
        internal
        view
        returns (BatchBuilder.Withdrawal[] memory ws)
    {
        uint256 k = wSeed % (MAX_WITHDRAWALS + 1);
        ws = new BatchBuilder.Withdrawal[](k);
        uint256 n;
        for (uint256 i; i < k; ++i) {
            uint256 r = uint256(keccak256(abi.encode(wSeed, i)));
            bool isUsd = r & 1 == 1;
            uint256 avail = isUsd ? availUsd : availEth;
            if (avail == 0) continue;
            uint256 amount = 1 + (r >> 8) % avail;
            if (honest && isUsd) availUsd -= amount;
            if (honest && !isUsd) availEth -= amount;
            ws[n++] = BatchBuilder.Withdrawal({
                recipient: recipients[(r >> 4) % recipients.length],
                asset: isUsd ? USD : 0,
                amount: uint64(amount)
            });
        }
        assembly ("memory-safe") {
            mstore(ws, n)
        }
    }

    /// @dev Finalizes up to 4 next batches; waits out the window of the first one if `wait`.
    function _finalizeNext(bool wait) internal returns (uint256 done) {
        for (uint256 k; k < 4; ++k) {
            uint64 h = rollup.lastFinalizedHeight() + 1;
            if (h > rollup.tipHeight()) break;
            uint64 id = rollup.idAtHeight(h);
            IRollup.Batch memory b = rollup.getBatch(id);
            if (b.status == IRollup.BatchStatus.Challenged) break;
            if (b.status == IRollup.BatchStatus.Pending && block.timestamp < b.submittedAt + CHALLENGE_WINDOW)
            {
                if (!wait || done != 0) break;
                _advance(b.submittedAt + CHALLENGE_WINDOW - block.timestamp, 0);
            }
            rollup.finalizeBatch(id);
            finalizedIds.push(id);
            ++done;
        }
    }

    function _record(
        uint64 id,
        uint64 parent,
        bool isTrue,
        bytes memory data,
        BatchBuilder.Withdrawal[] memory ws
    ) internal {
        batchCount = id;
        Info storage i = info[id];
        i.isTrue = isTrue;
        i.data = data;
        i.cumEth = info[parent].cumEth;
        i.cumUsd = info[parent].cumUsd;
        for (uint256 k; k < ws.length; ++k) {
            wds[id].push(ws[k]);
            if (ws[k].asset == USD) i.cumUsd += ws[k].amount;
            else i.cumEth += ws[k].amount;
        }
        if (ws.length != 0) withWithdrawals.push(id);
    }

    /// @dev Canonical unfinalized batches: mode 0 = challengeable, mode 1 = provable (true).
    function _candidates(uint256 mode) internal view returns (uint64[] memory c, uint256 n) {
        uint64 from = rollup.lastFinalizedHeight() + 1;
        uint64 tip = rollup.tipHeight();
        if (tip < from) return (c, 0);
        c = new uint64[](tip - from + 1);
        for (uint64 h = from; h <= tip; ++h) {
            uint64 id = rollup.idAtHeight(h);
            IRollup.Batch memory b = rollup.getBatch(id);
            bool ok;
            if (mode == 0) {
                ok = b.status == IRollup.BatchStatus.Pending
                    && block.timestamp < b.submittedAt + CHALLENGE_WINDOW;
            } else if (info[id].isTrue) {
                ok = b.status == IRollup.BatchStatus.Pending
                    || (b.status == IRollup.BatchStatus.Challenged
                        && block.timestamp < rollup.challengeDeadline(id));
            }
            if (ok) c[n++] = id;
        }
    }

    function _pick(uint64[] memory c, uint256 n, uint256 seed, bool preferFalse)
        internal
        view
        returns (uint64)
    {
        if (preferFalse) {
            for (uint256 k; k < n; ++k) {
                uint64 id = c[(seed % n + k) % n];
                if (!info[id].isTrue) return id;
            }
        }
        return c[seed % n];
    }

    function _resolveCanonical(uint64 id) internal {
        uint64 from = rollup.getBatch(id).height;
        uint64 tip = rollup.tipHeight();
        uint64[] memory doomed = new uint64[](tip - from + 1);
        for (uint64 h = from; h <= tip; ++h) {
            doomed[h - from] = rollup.idAtHeight(h);
        }
        address op = rollup.getBatch(id).operator;
        (IStaking.Pool[] memory act, IStaking.Pool[] memory unb) = _snapshotPools();
        rollup.resolveChallenge(id);
        _checkSlash(op, staking.params().slashInvalidRootBps, act, unb);
        for (uint256 k; k < doomed.length; ++k) {
            revertedIds.push(doomed[k]);
            if (info[doomed[k]].isTrue) ++ghost_honestReverted;
        }
    }

    function _withdraw(uint64 id, uint32 index) internal {
        BatchBuilder.Withdrawal memory w = wds[id][index];
        bytes32[] memory leaves = new bytes32[](wds[id].length);
        for (uint256 k; k < leaves.length; ++k) {
            leaves[k] = BatchBuilder.leaf(wds[id][k]);
        }
        (, bytes32[] memory proof) = BatchBuilder.rootAndProof(leaves, index);
        bytes32 key = bytes32((uint256(id) << 32) | index);
        bool replay = ghost_paid[key] != 0;
        bool overdraw = w.amount > bridge.getAsset(w.asset).outstanding;
        uint256 before = _balanceOf(w.recipient, w.asset);
        vm.prank(relayer);
        try bridge.finalizeWithdrawal(id, index, w.recipient, w.asset, w.amount, proof) {
            if (replay) ++ghost_doublePaid;
            if (overdraw) ++ghost_unexpectedError;
            if (
                _balanceOf(w.recipient, w.asset) - before
                    != uint256(w.amount) * (w.asset == 0 ? 1 gwei : USD_SCALE)
            ) {
                ++ghost_badPayout;
            }
            if (ghost_paid[key]++ == 0) paidKeys.push(key);
            if (w.asset == 0) ghost_wdEth += w.amount;
            else ghost_wdUsd += w.amount;
            _count(
                block.timestamp < bridge.pausedUntil()
                    ? bytes32("withdraw.paidWhilePaused")
                    : bytes32("withdraw.paid")
            );
        } catch (bytes memory err) {
            bytes4 sel = bytes4(err);
            if (replay && sel == IBridge.AlreadyWithdrawn.selector) {
                _count("withdraw.replayRejected");
            } else if (!replay && overdraw && sel == IBridge.WithdrawalExceedsOutstanding.selector) {
                overdrawn[key] = true;
                _count("withdraw.overdrawRejected");
            } else {
                ++ghost_unexpectedError;
                _count("withdraw.UNEXPECTED");
            }
        }
    }

    /// @dev The true range of `k` canonical batches from height `start` and the proof the truth
    ///      double accepts for it.
    function _rangeProof(uint64 start, uint256 k)
        internal
        view
        returns (uint64 firstId, bytes[] memory data, bytes memory proof)
    {
        firstId = rollup.idAtHeight(start);
        bytes32 prev = rollup.getBatch(rollup.getBatch(firstId).parentId).stateRoot;
        bytes32[] memory roots = new bytes32[](k);
        data = new bytes[](k);
        for (uint256 i; i < k; ++i) {
            uint64 id = rollup.idAtHeight(start + uint64(i));
            roots[i] = rollup.getBatch(id).stateRoot;
            data[i] = info[id].data;
        }
        proof = verifier.rangeProofFor(prev, roots, data);
    }

    /// @dev The bounty the rollup pays out of `pool`.
    function _bountyOf(uint256 pool) internal view returns (uint256) {
        uint256 b = rollup.params().proverBounty;
        return b < pool ? b : pool;
    }

    // ------------------------------------------------------------------ internals: liveness
    /// @dev The member that should take over from `leader`: the next eligible one after it.
    function _nextEligible(address leader) internal view returns (bool ok, address next) {
        uint64 epoch = set.currentEpoch();
        ISequencerSet.SetSnapshot memory s = set.setFor(epoch);
        uint256 n = s.operators.length;
        if (set.takeovers(epoch).length >= n) return (false, address(0));
        uint256 index;
        while (s.operators[index] != leader) ++index;
        for (uint256 i = 1; i < n; ++i) {
            address cand = s.operators[(index + i) % n];
            if (staking.isEligible(cand)) return (true, cand);
        }
    }

    function _reportLiveness(address leader, bool slashes, address next) internal {
        (IStaking.Pool[] memory act, IStaking.Pool[] memory unb) = _snapshotPools();
        vm.prank(reporter);
        set.reportLiveness();
        if (set.currentLeader() != next) ++ghost_wrongTakeover;
        // A jailed (or not yet late) leader is replaced without a slash: nothing may change then.
        _checkSlash(slashes ? leader : address(0), slashes ? staking.params().slashLivenessBps : 0, act, unb);
    }

    // ------------------------------------------------------------------ internals: misc
    function _afterDeposit(uint64 ethUnits, uint64 usdUnits) internal {
        enqTime.push(uint64(block.timestamp));
        cumDepEth.push(cumDepEth[cumDepEth.length - 1] + ethUnits);
        cumDepUsd.push(cumDepUsd[cumDepUsd.length - 1] + usdUnits);
    }

    /// @dev A true batch, or a finalized one (its root is the accepted state even if it was a lie
    ///      nobody challenged): a prover can prove transitions from it.
    function _provableBase(uint64 id) internal view returns (bool) {
        return info[id].isTrue || rollup.isFinalized(id);
    }

    function _sub0(uint256 a, uint256 b) internal pure returns (uint256) {
        return a > b ? a - b : 0;
    }

    function _escapeOpenByMirror() internal view returns (bool) {
        if (block.timestamp >= rollup.lastSubmittedAt() + ESCAPE_DELAY) return true;
        uint64 first = rollup.getBatch(rollup.tipId()).msgEnd;
        return first < records.length && enqTime[first] + FORCED_INCLUSION <= block.timestamp;
    }

    function _withdrawalRoot(BatchBuilder.Withdrawal[] memory ws) internal pure returns (bytes32 root) {
        bytes32[] memory leaves = new bytes32[](ws.length);
        for (uint256 k; k < ws.length; ++k) {
            leaves[k] = BatchBuilder.leaf(ws[k]);
        }
        (root,) = BatchBuilder.rootAndProof(leaves, 0);
    }

    function _balanceOf(address who, uint32 asset) internal view returns (uint256) {
        return asset == 0 ? who.balance : usd.balanceOf(who);
    }

    function _signConfirmation(address op, IEquivocationSlasher.SoftConfirmation memory c)
        internal
        view
        returns (bytes memory)
    {
        (uint8 v, bytes32 r, bytes32 s_) = vm.sign(_keyOf(op), slasher.hashSoftConfirmation(c));
        return abi.encodePacked(r, s_, v);
    }

    function _sampleLeader() internal {
        uint64 b = uint64(block.number);
        if (sampleBlocks.length == 0 || sampleBlocks[sampleBlocks.length - 1] != b) sampleBlocks.push(b);
        sampleLeader[b] = set.leaderAt(b);
    }

    function _advance(uint256 secs, uint256 blocks) internal {
        _honestProversAct(timeNow + secs);
        timeNow += uint64(secs);
        blockNow += uint64(blocks);
        vm.warp(timeNow);
        vm.roll(blockNow);
    }

    /// @dev The honest prover (a liveness assumption, not something the contracts enforce): before time
    ///      passes `until`, it proves every challenged true canonical batch whose effective deadline
    ///      falls by then, when a verifier is set.
    function _honestProversAct(uint256 until) internal {
        if (address(rollup.verifier()) == address(0)) return;
        uint64 tip = rollup.tipHeight();
        for (uint64 h = rollup.lastFinalizedHeight() + 1; h <= tip; ++h) {
            uint64 id = rollup.idAtHeight(h);
            if (!info[id].isTrue || rollup.getBatch(id).status != IRollup.BatchStatus.Challenged) continue;
            if (rollup.challengeDeadline(id) > until) continue;
            vm.prank(prover);
            rollup.proveBatch(id, info[id].data, info[id].proof);
            if (rollup.isFinalized(id)) finalizedIds.push(id);
            _count("prove.honestBeforeDeadline");
        }
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

    function _snapshotPools() internal view returns (IStaking.Pool[] memory act, IStaking.Pool[] memory unb) {
        uint256 n = operators.length;
        act = new IStaking.Pool[](n);
        unb = new IStaking.Pool[](n);
        for (uint256 i; i < n; ++i) {
            act[i] = staking.pool(operators[i]);
            unb[i] = staking.unbondingPool(operators[i]);
        }
    }

    /// @dev Only `op` (none if 0) may have lost exactly floor(stake * bps / 10000) of each pool.
    function _checkSlash(address op, uint256 bps, IStaking.Pool[] memory act, IStaking.Pool[] memory unb)
        internal
    {
        for (uint256 i; i < operators.length; ++i) {
            IStaking.Pool memory a = staking.pool(operators[i]);
            IStaking.Pool memory u = staking.unbondingPool(operators[i]);
            if (operators[i] != op) {
                if (
                    a.stake != act[i].stake || a.shares != act[i].shares || u.stake != unb[i].stake
                        || u.shares != unb[i].shares
                ) ++ghost_slashTouchedOther;
                continue;
            }
            if (
                a.shares != act[i].shares || u.shares != unb[i].shares
                    || a.stake != act[i].stake - uint256(act[i].stake) * bps / 10_000
                    || u.stake != unb[i].stake - uint256(unb[i].stake) * bps / 10_000
            ) ++ghost_slashWrongAmount;
        }
    }
}
