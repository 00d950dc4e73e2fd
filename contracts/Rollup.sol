// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {IRollup} from "./interfaces/IRollup.sol";
import {IBatchVerifier} from "./interfaces/IBatchVerifier.sol";
import {IStaking} from "./interfaces/IStaking.sol";
import {ISequencerSet} from "./interfaces/ISequencerSet.sol";
import {IBridge} from "./interfaces/IBridge.sol";
import {BatchData} from "./libraries/BatchData.sol";

/// @title Rollup
/// @notice Hybrid optimistic / ZK settlement of Janus batches (docs/protocol.md, "Settlement").
/// @dev Canonical chain. Batches get ids 1, 2, … (genesis is id 0 at height 0, Finalized). The
///      canonical chain is `idAtHeight(h)` for `h <= tipHeight`; a batch is canonical iff it exists,
///      `height <= tipHeight` and `idAtHeight(height) == id`. Reverting a batch moves the tip to its
///      parent, which makes it and every descendant non-canonical in O(1); since a new batch at that
///      height overwrites `idAtHeight`, a non-canonical batch never becomes canonical again.
///      `getBatch` reports non-canonical batches as Reverted whatever their stored status.
///
///      Settlement. Pending batches finalize after `challengeWindow` in height order; a proof makes a
///      batch Proven (final at once when its parent is final). The prover bounty is paid only for a
///      proof that finalizes an unchallenged batch at once, so proofs stacked on a non-final (maybe
///      invalid, later reverted) ancestor cannot drain the pool. A challenge (one per batch, many
///      batches at once) needs a proof before its effective deadline (its prove window, extended so
///      that the current verifier has been set for a whole prove window); otherwise
///      `resolveChallenge` reverts the batch and its descendants, slashes the operator and refunds
///      the challenger. Challenges need a verifier; one left open when governance unsets the verifier
///      is voided (refunded, batch Pending again), so an honest batch is never lost to a missing
///      verifier. Finalized
///      batches are always canonical: a reverted batch was challenged, hence never finalized, and
///      finalization goes one height at a time.
///
///      Storage. A batch takes 5 slots (the `IRollup.Batch` layout packs the ids and heights in one
///      slot and operator/time/count/status in another); the withdrawal root slot is left untouched
///      when the batch has no withdrawals. `idAtHeight` packs 4 ids per slot. The tip, the next id
///      and `lastSubmittedAt` share one slot.
///
///      ETH (bonds, bounties) is credited and pulled with `claim()`, which is never pausable. The
///      guardian can pause `submitBatch` only: challenges, proofs, resolution, finalization, the
///      escape hatch and claims keep working.
contract Rollup is IRollup, Ownable2Step, ReentrancyGuardTransient {
    /// @notice Largest challenge window, prove window, escape delay or pause (~136 years), so that
    ///         deadlines fit `uint40`.
    uint64 public constant MAX_DURATION = type(uint32).max;
    /// @inheritdoc IRollup
    /// @dev 256 records are 21,760 bytes of calldata: far below the 128 KiB transaction size limit.
    uint64 public constant FORCED_INCLUSION_QUOTA = 256;
    /// @notice Gas given to `staking.slash` when a challenge is lost (exactly this much). The worst
    ///         case, the top member of a full 64-member ranking slashed with every slot cold, costs
    ///         about 785k (test/RollupSecurity.t.sol measures it); a call that cannot forward this
    ///         budget reverts `InsufficientGas`, so a slash that fails did so with the full budget,
    ///         for a reason other than the caller's gas.
    uint256 public constant SLASH_GAS = 1_200_000;
    /// @notice Gas `resolveChallenge` must hold right before the slash call: SLASH_GAS grossed up
    ///         for the 63/64 rule (EIP-150) plus the call's own cost (cold account, encoding).
    uint256 public constant SLASH_GAS_REQUIRED = SLASH_GAS * 64 / 63 + 10_000;
    /// @notice Largest `maxBatchRecords`: below the saturation of the stored `txCount` (2^16 - 1), so
    ///         a saturated count always exceeds the bound and the stored count of an accepted batch
    ///         is exact. (Far above what a transaction's calldata can carry anyway.)
    uint32 public constant MAX_BATCH_RECORDS_CEILING = type(uint16).max - 1;
    /// @notice Seconds per L1 slot, to express the staking epoch (in blocks) in seconds.
    uint64 public constant SLOT_SECONDS = 12;

    /// @notice Operators, signer keys and slashing.
    IStaking public immutable staking;
    /// @notice Leader election; notified of every post.
    ISequencerSet public immutable sequencerSet;
    /// @notice L1 message queue (chain values, enqueue times, forced-inclusion delay).
    IBridge public immutable bridge;

    /// @dev id => batch (status as stored; see `getBatch`).
    mapping(uint64 batchId => Batch) internal _batches;

    /// @dev An open challenge as stored: `IRollup.Challenge` plus the prove window it was opened
    ///      with (same two slots), so that a later `setParams` cannot shorten it.
    struct OpenChallenge {
        address challenger;
        uint96 bond;
        uint40 deadline;
        uint40 proveWindow;
    }

    /// @dev id => open challenge (deleted once resolved).
    mapping(uint64 batchId => OpenChallenge) internal _challenges;
    /// @dev height >> 2 => four packed uint64 ids (height & 3 selects the 64-bit lane).
    mapping(uint256 word => uint256) internal _idWords;

    /// @dev Next batch id to assign (ids are never reused).
    uint64 internal _nextId;
    /// @inheritdoc IRollup
    uint64 public tipId;
    /// @inheritdoc IRollup
    uint64 public tipHeight;
    /// @inheritdoc IRollup
    uint64 public lastSubmittedAt;

    /// @inheritdoc IRollup
    uint64 public lastFinalizedHeight;
    /// @inheritdoc IRollup
    uint64 public lastFinalizedId;

    /// @notice May pause posting for at most `maxPauseDuration`.
    address public guardian;
    /// @inheritdoc IRollup
    uint64 public pausedUntil;

    /// @inheritdoc IRollup
    IBatchVerifier public verifier;
    /// @inheritdoc IRollup
    uint64 public verifierSetAt;

    Params internal _params;
    /// @dev Set when `maxBatchRecords` is lowered: batches up to height `_loweredUntilHeight` (the tip
    ///      then) may hold up to `_loweredFrom` records until that height is final.
    uint32 internal _loweredFrom;
    uint64 internal _loweredUntilHeight;

    /// @inheritdoc IRollup
    mapping(address account => uint256) public credits;
    /// @inheritdoc IRollup
    uint256 public bountyPool;

    /// @param staking_ Staking contract (must authorise this rollup as a slasher).
    /// @param set_ Sequencer set (must name this rollup in `setRollup`).
    /// @param bridge_ Bridge holding the L1 message queue.
    /// @param genesisStateRoot State root of batch 0.
    /// @param params_ Initial parameters (validated as in `setParams`).
    /// @param owner_ Owner (a TimelockController in deployments).
    /// @param guardian_ May pause posting.
    constructor(
        IStaking staking_,
        ISequencerSet set_,
        IBridge bridge_,
        bytes32 genesisStateRoot,
        Params memory params_,
        address owner_,
        address guardian_
    ) Ownable(owner_) {
        if (
            address(staking_) == address(0) || address(set_) == address(0) || address(bridge_) == address(0)
                || guardian_ == address(0)
        ) revert ZeroAddress();
        staking = staking_;
        sequencerSet = set_;
        bridge = bridge_;
        _setParams(params_);
        guardian = guardian_;
        emit GuardianSet(guardian_);

        Batch storage genesis = _batches[0];
        genesis.stateRoot = genesisStateRoot;
        genesis.submittedAt = uint40(block.timestamp);
        genesis.status = BatchStatus.Finalized;
        _nextId = 1;
        lastSubmittedAt = uint64(block.timestamp);
    }

    // ------------------------------------------------------------------ posting

    /// @inheritdoc IRollup
    function submitBatch(uint64 parentId, bytes32 prevStateRoot, bytes32 newStateRoot, bytes calldata data)
        external
        nonReentrant
        returns (uint64 batchId)
    {
        uint64 until = pausedUntil;
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < until) revert PostingPaused(until);
        address leader = sequencerSet.currentLeader();
        if (leader == address(0) || staking.signerOf(leader) != msg.sender) {
            revert NotLeader(msg.sender, leader);
        }
        // A jailed, exited or under-bonded leader has nothing at stake for this batch: it may not
        // post (anyone can hand its slot over with `reportLiveness`).
        if (!staking.isEligible(leader)) revert LeaderNotEligible(leader);

        (batchId,) = _append(parentId, prevStateRoot, newStateRoot, data, leader, BatchStatus.Pending);
        sequencerSet.notifyBatchPosted(leader);
    }

    /// @inheritdoc IRollup
    /// @dev Not affected by a pause. Leadership is not required; the poster is recorded as operator.
    function submitBatchWithProof(
        uint64 parentId,
        bytes32 prevStateRoot,
        bytes32 newStateRoot,
        bytes calldata data,
        bytes calldata proof
    ) external nonReentrant returns (uint64 batchId) {
        if (!escapeHatchOpen()) revert EscapeHatchClosed();
        IBatchVerifier v = verifier;
        if (address(v) == address(0)) revert VerifierNotSet();

        Batch memory b;
        (batchId, b) = _append(parentId, prevStateRoot, newStateRoot, data, msg.sender, BatchStatus.Proven);
        // `verifyBatch` is a view (staticcall): it cannot re-enter.
        if (!v.verifyBatch(_publicInputs(b, prevStateRoot), msg.sender, data, proof)) {
            revert InvalidProof(batchId);
        }
        emit BatchProven(batchId, msg.sender, 0);
        if (b.height == lastFinalizedHeight + 1) _finalize(batchId, b.height, newStateRoot, true);
    }

    // ------------------------------------------------------------------ challenges and proofs

    /// @inheritdoc IRollup
    /// @dev Reverts `VerifierNotSet` while no verifier is set, and `BatchNotProvable` when the
    ///      verifier cannot prove a batch of this size: nobody could answer the challenge.
    function challenge(uint64 batchId) external payable nonReentrant {
        if (address(verifier) == address(0)) revert VerifierNotSet();
        Batch storage b = _canonical(batchId);
        BatchStatus status = b.status;
        if (status != BatchStatus.Pending) revert WrongStatus(batchId, status);
        (bool provable, uint256 records, uint256 maxRecords) = _provable(b);
        if (!provable) revert BatchNotProvable(batchId, records, maxRecords);
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp >= uint256(b.submittedAt) + _params.challengeWindow) {
            revert ChallengeWindowClosed(batchId);
        }
        uint96 bond = _params.challengeBond;
        if (msg.value != bond) revert WrongBond(msg.value, bond);

        uint64 proveWindow = _params.proveWindow;
        uint40 deadline = uint40(block.timestamp + proveWindow);
        b.status = BatchStatus.Challenged;
        // Safe cast: proveWindow <= MAX_DURATION < 2^40.
        // forge-lint: disable-next-line(unsafe-typecast)
        _challenges[batchId] = OpenChallenge({
            challenger: msg.sender, bond: bond, deadline: deadline, proveWindow: uint40(proveWindow)
        });
        emit BatchChallenged(batchId, msg.sender, bond, deadline);
    }

    /// @inheritdoc IRollup
    function proveBatch(uint64 batchId, bytes calldata data, bytes calldata proof) external nonReentrant {
        Batch storage b = _canonical(batchId);
        BatchStatus status = b.status;
        bool challenged = status == BatchStatus.Challenged;
        if (!challenged && status != BatchStatus.Pending) revert WrongStatus(batchId, status);
        if (challenged) {
            uint40 deadline = _effectiveDeadline(_challenges[batchId]);
            // forge-lint: disable-next-line(block-timestamp)
            if (block.timestamp >= deadline) revert ProveWindowClosed(batchId, deadline);
        }
        IBatchVerifier v = verifier;
        if (address(v) == address(0)) revert VerifierNotSet();
        bytes32 dataHash = BatchData.hash(data);
        if (dataHash != b.dataHash) revert DataHashMismatch(dataHash, b.dataHash);
        Batch memory m = b;
        // `verifyBatch` is a view (staticcall): it cannot re-enter.
        if (!v.verifyBatch(_publicInputs(m, _batches[m.parentId].stateRoot), msg.sender, data, proof)) {
            revert InvalidProof(batchId);
        }

        _settle(batchId, m.height, m.stateRoot, status);
    }

    /// @inheritdoc IRollup
    /// @dev One verification for the whole range, then per batch what `proveBatch` does (`_settle`).
    ///      Properties (docs/protocol.md, "Range proofs"; test/RollupRange.t.sol):
    ///      - Only canonical batches: the range is `idAtHeight(h .. h + k - 1)` with `h` the height of
    ///        a canonical `firstBatchId` and `h + k - 1 <= tipHeight` (`RangeBeyondTip`), so no id
    ///        appears twice and no reverted batch is included; each data item must hash to its
    ///        batch's `dataHash` (`DataHashMismatch`), and the proof is checked against the parent
    ///        root of batch h and the stored roots, with `msg.sender` as prover (a copied proof pays
    ///        nobody else).
    ///      - 1 <= k <= the current verifier's `maxBatches` (`RangeLength`); the verifier is read once
    ///        and statuses change only after it accepted, so no state mixes two verifiers.
    ///      - Monotone: Pending/Challenged -> Proven -> Finalized only; nothing is reverted and nobody
    ///        is slashed, and a rejected range changes nothing (each of its batches stays provable on
    ///        its own). A challenged batch past its effective deadline fails the whole range
    ///        (`ProveWindowClosed`, as `proveBatch`): its challenge is lost and will be resolved.
    ///      - No front-running freeze: batches someone else proved or finalized first are left as they
    ///        are (no reward); a challenge opened meanwhile pays its bond to the range prover. Only
    ///        a range where nothing is left to prove reverts (`NothingToProve`, before verifying).
    ///      - Each reward at most once: a bond is paid when its challenge is deleted, and the bounty
    ///        only on a batch's Pending -> Proven step (which it never takes twice) in the call that
    ///        also finalizes it, so proofs stacked on a non-final (maybe invalid) ancestor earn
    ///        nothing and the pool pays at most one bounty per batch.
    ///      - Finalization stays in height order and within the range (at most k batches, paid by
    ///        the caller); Proven batches above the range are finalized by `finalizeBatch` as before.
    function proveBatches(uint64 firstBatchId, bytes[] calldata data, bytes calldata proof)
        external
        nonReentrant
    {
        IBatchVerifier v = verifier;
        if (address(v) == address(0)) revert VerifierNotSet();
        uint256 k = data.length;
        uint256 maxK = v.maxBatches();
        if (k == 0 || k > maxK) revert RangeLength(k, maxK);
        Batch storage first = _canonical(firstBatchId);
        uint64 h0 = first.height;
        // Genesis has no parent and no data: it is never part of a range.
        if (h0 == 0) revert WrongStatus(firstBatchId, BatchStatus.Finalized);
        if (h0 + k - 1 > tipHeight) revert RangeBeyondTip(h0 + k - 1, tipHeight);

        bytes32[] memory roots = new bytes32[](k);
        bool changes;
        for (uint256 i; i < k; ++i) {
            // Safe cast: h0 + i <= tipHeight.
            // forge-lint: disable-next-line(unsafe-typecast)
            uint64 id = _idAt(h0 + uint64(i));
            Batch storage b = _batches[id];
            bytes32 dataHash = BatchData.hash(data[i]);
            if (dataHash != b.dataHash) revert DataHashMismatch(dataHash, b.dataHash);
            BatchStatus status = b.status;
            if (status == BatchStatus.Challenged) {
                uint40 deadline = _effectiveDeadline(_challenges[id]);
                // forge-lint: disable-next-line(block-timestamp)
                if (block.timestamp >= deadline) revert ProveWindowClosed(id, deadline);
            }
            if (status == BatchStatus.Pending || status == BatchStatus.Challenged) changes = true;
            roots[i] = b.stateRoot;
        }
        if (!changes) revert NothingToProve(firstBatchId);
        // `verifyBatches` is a view (staticcall): it cannot re-enter, and the statuses read above
        // are still current below.
        if (!v.verifyBatches(_batches[first.parentId].stateRoot, roots, data, msg.sender, proof)) {
            revert InvalidProof(firstBatchId);
        }

        uint64 lastId;
        for (uint256 i; i < k; ++i) {
            // forge-lint: disable-next-line(unsafe-typecast)
            uint64 height = h0 + uint64(i);
            lastId = _idAt(height);
            _settle(lastId, height, roots[i], _batches[lastId].status);
        }
        emit RangeProven(firstBatchId, lastId, msg.sender);
    }

    /// @inheritdoc IRollup
    /// @dev A challenge on a batch that is already non-canonical (an ancestor lost its challenge) is
    ///      refunded at once: such a batch can never be proven nor become canonical again.
    ///      A challenge on a canonical batch that no verifier can prove any more (governance unset the
    ///      verifier, or replaced it by one of smaller capacity, while the challenge was open) cannot
    ///      be answered: it is voided at once (bond back, batch Pending
    ///      again, nobody slashed). Otherwise it is lost only after its effective deadline
    ///      (`challengeDeadline`). `staking.slash` gets exactly SLASH_GAS: a call that cannot give
    ///      it that much reverts `InsufficientGas` (nothing changes), so a caller cannot starve the
    ///      slash; a slash that still fails (e.g. the rollup is no longer a slasher) emits
    ///      `SlashFailed` and can never keep an invalid batch alive.
    function resolveChallenge(uint64 batchId) external nonReentrant {
        if (!_exists(batchId)) revert UnknownBatch(batchId);
        Batch storage b = _batches[batchId];
        uint64 height = b.height;
        bool canonical = _isCanonical(batchId, height);
        BatchStatus status = b.status;
        if (status != BatchStatus.Challenged) {
            revert WrongStatus(batchId, canonical ? status : BatchStatus.Reverted);
        }
        OpenChallenge memory c = _challenges[batchId];
        if (canonical) {
            (bool provable,,) = _provable(b);
            if (!provable) {
                delete _challenges[batchId];
                b.status = BatchStatus.Pending;
                _credit(c.challenger, c.bond);
                emit ChallengeVoided(batchId, c.challenger, c.bond);
                return;
            }
            uint40 deadline = _effectiveDeadline(c);
            // forge-lint: disable-next-line(block-timestamp)
            if (block.timestamp < deadline) revert ProveWindowOpen(batchId, deadline);
        }

        delete _challenges[batchId];
        b.status = BatchStatus.Reverted;
        if (canonical) {
            uint64 oldTipHeight = tipHeight;
            tipHeight = height - 1;
            tipId = b.parentId;
            emit BatchesReverted(batchId, height, oldTipHeight);
        }
        _credit(c.challenger, c.bond);
        emit ChallengeResolved(batchId, c.challenger, c.bond);

        if (canonical) {
            address operator = b.operator;
            // The slash must get its whole budget: with less, it could run out of gas deep inside
            // (e.g. in the token transfer) and look like a real failure.
            if (gasleft() < SLASH_GAS_REQUIRED) revert InsufficientGas();
            try staking.slash{gas: SLASH_GAS}(operator, IStaking.SlashKind.InvalidRoot, c.challenger) {}
            catch {
                emit SlashFailed(batchId, operator);
            }
        }
    }

    /// @inheritdoc IRollup
    function finalizeBatch(uint64 batchId) external nonReentrant {
        Batch storage b = _canonical(batchId);
        BatchStatus status = b.status;
        if (status == BatchStatus.Finalized) revert AlreadyFinalized(batchId);
        uint64 height = b.height;
        uint64 next = lastFinalizedHeight + 1;
        if (height != next) revert NotNextToFinalize(batchId, next);
        bool proven = status == BatchStatus.Proven;
        if (
            !proven
                && (status != BatchStatus.Pending
                    // forge-lint: disable-next-line(block-timestamp)
                    || block.timestamp < uint256(b.submittedAt) + _params.challengeWindow)
        ) revert NotFinalizable(batchId);
        _finalize(batchId, height, b.stateRoot, proven);
    }

    // ------------------------------------------------------------------ ETH

    /// @inheritdoc IRollup
    function claim() external nonReentrant returns (uint256 amount) {
        amount = credits[msg.sender];
        if (amount == 0) revert NothingToClaim();
        credits[msg.sender] = 0;
        emit Claimed(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    /// @inheritdoc IRollup
    function fundBounty() external payable {
        bountyPool += msg.value;
        emit BountyFunded(msg.sender, msg.value);
    }

    // ------------------------------------------------------------------ governance

    /// @inheritdoc IRollup
    /// @dev `duration` must be in (0, maxPauseDuration]. A new pause may start only `maxPauseDuration`
    ///      after the end of the previous one (`pausedUntil`, which `unpause` moves to the early end):
    ///      within any window of length W posting is paused for at most about W / 2 + maxPauseDuration.
    function pause(uint64 duration) external {
        if (msg.sender != guardian) revert NotGuardian(msg.sender);
        uint64 maxPause = _params.maxPauseDuration;
        if (duration == 0 || duration > maxPause) revert InvalidParams();
        uint64 readyAt = pausedUntil + maxPause;
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp < readyAt) revert PauseCooldown(readyAt);
        uint64 until = uint64(block.timestamp) + duration;
        pausedUntil = until;
        emit Paused(msg.sender, until);
    }

    /// @inheritdoc IRollup
    function unpause() external {
        if (msg.sender != guardian && msg.sender != owner()) revert NotGuardian(msg.sender);
        // Record when the pause ended (not 0): the sequencer set gives the leader a grace period
        // after any pause before it can be reported for liveness.
        if (pausedUntil > block.timestamp) pausedUntil = uint64(block.timestamp);
        emit Unpaused(msg.sender);
    }

    /// @inheritdoc IRollup
    function setGuardian(address guardian_) external onlyOwner {
        if (guardian_ == address(0)) revert ZeroAddress();
        guardian = guardian_;
        emit GuardianSet(guardian_);
    }

    /// @inheritdoc IRollup
    /// @dev address(0) disables proving again (e.g. after a verifier bug); otherwise it must be a contract.
    ///      Records `verifierSetAt`: every open challenge gets a whole prove window with the new
    ///      verifier (`challengeDeadline`); while none is set, open challenges are voided. A new
    ///      verifier must prove `pendingRecordsBound()` records (`VerifierTooSmall`): every batch
    ///      not yet final stays provable, so none becomes unchallengeable and finalizes unchecked.
    ///      To move to a smaller circuit, governance first lowers `maxBatchRecords`, then sets the
    ///      verifier once the batches posted before are final (docs/protocol.md). address(0) is
    ///      always accepted (no fraud protection, see docs/protocol.md).
    function setVerifier(address verifier_) external onlyOwner {
        if (verifier_ != address(0)) {
            if (verifier_.code.length == 0) revert InvalidParams();
            // A batch not yet final may hold this many records: the new verifier must prove it, or
            // that batch could never be challenged (and a wrong root in it would finalize).
            uint256 capacity = IBatchVerifier(verifier_).maxRecords();
            uint256 required = _pendingRecordsBound();
            if (capacity < required) revert VerifierTooSmall(capacity, required);
        }
        verifier = IBatchVerifier(verifier_);
        verifierSetAt = uint64(block.timestamp);
        emit VerifierSet(verifier_);
    }

    /// @inheritdoc IRollup
    /// @dev Windows must be in (0, MAX_DURATION] with challengeWindow + proveWindow + one staking epoch
    ///      (epochLength * SLOT_SECONDS) <= the staking unbonding delay, so an operator that starts
    ///      unbonding right after posting is still slashable when its batch's challenge is lost; the
    ///      bond must be non-zero. A new challenge window applies to batches already posted (it is
    ///      measured from their `submittedAt`); open challenges keep their deadline and prove window.
    ///      `maxBatchRecords` must be in (0, MAX_BATCH_RECORDS_CEILING] and, while a verifier is set,
    ///      at most its `maxRecords`. Lowering it does not shrink `pendingRecordsBound` until the
    ///      batches posted before are final (see `setVerifier`).
    function setParams(Params calldata params_) external onlyOwner {
        _setParams(params_);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc IRollup
    function params() external view returns (Params memory) {
        return _params;
    }

    /// @inheritdoc IRollup
    /// @dev Unknown ids return an empty batch (status None).
    function getBatch(uint64 batchId) external view returns (Batch memory b) {
        if (!_exists(batchId)) return b;
        b = _batches[batchId];
        if (!_isCanonical(batchId, b.height)) b.status = BatchStatus.Reverted;
    }

    /// @inheritdoc IRollup
    function getChallenge(uint64 batchId) external view returns (Challenge memory) {
        OpenChallenge memory c = _challenges[batchId];
        return Challenge({challenger: c.challenger, bond: c.bond, deadline: c.deadline});
    }

    /// @inheritdoc IRollup
    function isProvable(uint64 batchId) external view returns (bool provable) {
        if (!_exists(batchId)) revert UnknownBatch(batchId);
        (provable,,) = _provable(_batches[batchId]);
    }

    /// @inheritdoc IRollup
    function batchRecordLimit() external view returns (uint256) {
        return _batchRecordLimit();
    }

    /// @inheritdoc IRollup
    function pendingRecordsBound() external view returns (uint256) {
        return _pendingRecordsBound();
    }

    /// @inheritdoc IRollup
    function challengeDeadline(uint64 batchId) external view returns (uint40) {
        OpenChallenge memory c = _challenges[batchId];
        return c.challenger == address(0) ? 0 : _effectiveDeadline(c);
    }

    /// @inheritdoc IRollup
    /// @dev 0 above `tipHeight`.
    function idAtHeight(uint64 height) external view returns (uint64) {
        return height > tipHeight ? 0 : _idAt(height);
    }

    /// @inheritdoc IRollup
    function isCanonical(uint64 batchId) external view returns (bool) {
        return _exists(batchId) && _isCanonical(batchId, _batches[batchId].height);
    }

    /// @inheritdoc IRollup
    function isFinalized(uint64 batchId) external view returns (bool) {
        return _exists(batchId) && _batches[batchId].status == BatchStatus.Finalized;
    }

    /// @inheritdoc IRollup
    function escapeHatchOpen() public view returns (bool) {
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp >= uint256(lastSubmittedAt) + _params.escapeDelay) return true;
        uint64 firstUnconsumed = _batches[tipId].msgEnd;
        return firstUnconsumed < bridge.messageCount() && _isOverdue(firstUnconsumed);
    }

    /// @inheritdoc IRollup
    function finalizedWithdrawals(uint64 batchId) external view returns (bytes32 root, uint32 count) {
        Batch storage b = _batches[batchId];
        if (!_exists(batchId) || b.status != BatchStatus.Finalized) revert NotFinalizable(batchId);
        return (b.withdrawalRoot, b.withdrawalCount);
    }

    // ------------------------------------------------------------------ internals

    /// @dev Checks a batch on the tip against the queue and stores it as the new tip.
    function _append(
        uint64 parentId,
        bytes32 prevStateRoot,
        bytes32 newStateRoot,
        bytes calldata data,
        address operator,
        BatchStatus status
    ) internal returns (uint64 batchId, Batch memory b) {
        uint64 tip = tipId;
        if (parentId != tip) revert WrongParent(parentId, tip);
        Batch storage parent = _batches[parentId];
        bytes32 parentRoot = parent.stateRoot;
        if (prevStateRoot != parentRoot) revert WrongPrevStateRoot(prevStateRoot, parentRoot);

        b.msgStart = parent.msgEnd;
        (b.msgEnd, b.withdrawalRoot, b.withdrawalCount, b.txCount) = _checkData(data, b.msgStart);
        b.stateRoot = newStateRoot;
        b.dataHash = BatchData.hash(data);
        b.parentId = parentId;
        b.height = tipHeight + 1;
        b.operator = operator;
        b.submittedAt = uint40(block.timestamp);
        b.status = status;

        batchId = _nextId;
        _store(batchId, b);
        _nextId = batchId + 1;
        tipId = batchId;
        tipHeight = b.height;
        lastSubmittedAt = uint64(block.timestamp);
        _setIdAt(b.height, batchId);

        emit BatchSubmitted(
            batchId,
            parentId,
            operator,
            b.height,
            prevStateRoot,
            newStateRoot,
            b.dataHash,
            b.withdrawalRoot,
            b.msgStart,
            b.msgEnd
        );
    }

    /// @dev Parses `data` and checks its messages against the bridge queue and forced inclusion: a batch
    ///      that leaves an overdue message unconsumed must consume at least FORCED_INCLUSION_QUOTA.
    function _checkData(bytes calldata data, uint64 msgStart)
        internal
        view
        returns (uint64 msgEnd, bytes32 withdrawalRoot, uint32 withdrawalCount, uint16 txCount)
    {
        (, uint64 messages, uint256 txs) = BatchData.header(data);
        // Saturated: only compared with record bounds, all below 2^16 - 1 (MAX_BATCH_RECORDS_CEILING).
        // forge-lint: disable-next-line(unsafe-typecast)
        txCount = uint16(txs < type(uint16).max ? txs : type(uint16).max);
        // The bound that keeps every accepted batch provable, checked before any parsing.
        uint256 limit = _batchRecordLimit();
        uint256 records = _recordCount(messages, txCount);
        if (records > limit) revert BatchTooLarge(records, limit);
        bool hasMessages = messages != 0;
        bytes32 chainBefore = hasMessages ? bridge.messageChain(msgStart) : bytes32(0);
        uint64 count;
        bytes32 chainAfter;
        (count,, chainAfter, withdrawalRoot, withdrawalCount) = BatchData.parse(data, msgStart, chainBefore);
        msgEnd = msgStart + count;
        uint64 queueLength = bridge.messageCount();
        if (msgEnd > queueLength) revert MessagesBeyondQueue(msgEnd, queueLength);
        if (hasMessages) {
            bytes32 expected = bridge.messageChain(msgEnd);
            if (chainAfter != expected) revert MessageChainMismatch(chainAfter, expected);
        }
        // Forced inclusion: a batch leaving an overdue message unconsumed must at least consume the
        // quota (overdue messages are a prefix of the unconsumed ones, enqueue times being monotonic),
        // so any backlog drains in batches that fit a transaction. A batch of `limit` messages is
        // enough when the record bound is below the quota: the bound never freezes a backlog.
        uint256 quota = limit < FORCED_INCLUSION_QUOTA ? limit : FORCED_INCLUSION_QUOTA;
        if (msgEnd < queueLength && msgEnd - msgStart < quota && _isOverdue(msgEnd)) {
            revert OverdueMessagesNotConsumed(msgEnd);
        }
    }

    /// @dev Whether the current verifier can prove `b` (property 1, docs/protocol.md): one is set
    ///      and its `maxRecords` covers the batch's L1 messages and transactions. A verifier whose
    ///      `maxRecords` reverts makes `challenge` and `resolveChallenge` revert until governance
    ///      replaces or unsets it (no try/catch: a caller-chosen gas limit could otherwise turn a
    ///      lost challenge into a voided one).
    function _provable(Batch storage b)
        internal
        view
        returns (bool provable, uint256 records, uint256 maxRecords)
    {
        IBatchVerifier v = verifier;
        records = _recordCount(b.msgEnd - b.msgStart, b.txCount);
        if (address(v) == address(0)) return (false, records, 0);
        maxRecords = v.maxRecords();
        provable = records <= maxRecords;
    }

    /// @dev A batch's records, as both the bound at posting (`_checkData`) and the verifier's
    ///      capacity (`_provable`) count them: L1 messages consumed plus transactions (`txCount`
    ///      saturated at 2^16 - 1, which exceeds every allowed bound).
    function _recordCount(uint64 messages, uint16 txCount) internal pure returns (uint256) {
        return uint256(messages) + txCount;
    }

    /// @dev min(maxBatchRecords, verifier.maxRecords()) while a verifier is set, else maxBatchRecords.
    ///      No try/catch: a verifier whose `maxRecords` reverts stops posting (and the escape hatch)
    ///      until governance replaces or unsets it, rather than letting unprovable batches through.
    function _batchRecordLimit() internal view returns (uint256 limit) {
        limit = _params.maxBatchRecords;
        IBatchVerifier v = verifier;
        if (address(v) != address(0)) {
            uint256 capacity = v.maxRecords();
            if (capacity < limit) limit = capacity;
        }
    }

    /// @dev See `pendingRecordsBound`.
    function _pendingRecordsBound() internal view returns (uint256 bound) {
        bound = _params.maxBatchRecords;
        if (lastFinalizedHeight < _loweredUntilHeight && _loweredFrom > bound) bound = _loweredFrom;
    }

    /// @dev Writes a new batch; the withdrawal root slot is skipped when zero (already zero).
    function _store(uint64 batchId, Batch memory b) internal {
        Batch storage s = _batches[batchId];
        s.stateRoot = b.stateRoot;
        s.dataHash = b.dataHash;
        if (b.withdrawalRoot != bytes32(0)) s.withdrawalRoot = b.withdrawalRoot;
        uint256 ids = uint256(b.parentId) | (uint256(b.height) << 64) | (uint256(b.msgStart) << 128)
            | (uint256(b.msgEnd) << 192);
        uint256 meta = uint256(uint160(b.operator)) | (uint256(b.submittedAt) << 160)
            | (uint256(b.withdrawalCount) << 200) | (uint256(uint8(b.status)) << 232)
            | (uint256(b.txCount) << 240);
        // Slots 3 and 4 of the struct hold exactly these packed words (Solidity packs members
        // low-order first in declaration order); one SSTORE each instead of one per member.
        assembly ("memory-safe") {
            sstore(add(s.slot, 3), ids)
            sstore(add(s.slot, 4), meta)
        }
    }

    /// @dev A verified proof covered canonical batch `batchId` (status `status` before it): a Pending
    ///      or Challenged batch becomes Proven (the challenge's bond, or the bounty when this also
    ///      finalizes a Pending batch, to `msg.sender`); then any Proven batch next in height order is
    ///      finalized. Finalized batches are left alone.
    function _settle(uint64 batchId, uint64 height, bytes32 stateRoot, BatchStatus status) internal {
        if (status == BatchStatus.Finalized) return;
        bool next = height == lastFinalizedHeight + 1;
        if (status != BatchStatus.Proven) {
            _batches[batchId].status = BatchStatus.Proven;
            uint256 reward;
            if (status == BatchStatus.Challenged) {
                reward = _challenges[batchId].bond;
                delete _challenges[batchId];
                emit ChallengeResolved(batchId, msg.sender, reward);
            } else if (next) {
                // Only a proof that finalizes the batch at once earns the bounty: a proof on top of a
                // non-final ancestor (possibly an invalid one, later reverted) earns nothing.
                uint256 pool = bountyPool;
                uint256 bounty = _params.proverBounty;
                reward = bounty < pool ? bounty : pool;
                bountyPool = pool - reward;
            }
            if (reward != 0) _credit(msg.sender, reward);
            emit BatchProven(batchId, msg.sender, reward);
        }
        if (next) _finalize(batchId, height, stateRoot, true);
    }

    function _finalize(uint64 batchId, uint64 height, bytes32 stateRoot, bool proven) internal {
        _batches[batchId].status = BatchStatus.Finalized;
        lastFinalizedHeight = height;
        lastFinalizedId = batchId;
        emit BatchFinalized(batchId, height, stateRoot, proven);
    }

    function _credit(address account, uint256 amount) internal {
        credits[account] += amount;
        emit Credited(account, amount);
    }

    function _publicInputs(Batch memory b, bytes32 prevStateRoot)
        internal
        view
        returns (IBatchVerifier.PublicInputs memory)
    {
        return IBatchVerifier.PublicInputs({
            prevStateRoot: prevStateRoot,
            newStateRoot: b.stateRoot,
            messageChainBefore: bridge.messageChain(b.msgStart),
            messageChainAfter: bridge.messageChain(b.msgEnd),
            withdrawalRoot: b.withdrawalRoot,
            dataHash: b.dataHash
        });
    }

    /// @dev max(deadline, verifierSetAt + the challenge's prove window): the current verifier has
    ///      been available for a whole prove window before a challenge can be lost.
    function _effectiveDeadline(OpenChallenge memory c) internal view returns (uint40) {
        uint256 withVerifier = uint256(verifierSetAt) + c.proveWindow;
        // Safe cast: a timestamp plus at most MAX_DURATION.
        // forge-lint: disable-next-line(unsafe-typecast)
        return withVerifier > c.deadline ? uint40(withVerifier) : c.deadline;
    }

    function _isOverdue(uint64 nonce) internal view returns (bool) {
        // forge-lint: disable-next-line(block-timestamp)
        return uint256(bridge.enqueuedAt(nonce)) + bridge.forcedInclusionDelay() <= block.timestamp;
    }

    function _setParams(Params memory p) internal {
        IBatchVerifier v = verifier;
        if (
            p.challengeWindow == 0 || p.proveWindow == 0 || p.escapeDelay == 0 || p.maxPauseDuration == 0
                || p.challengeBond == 0 || p.maxBatchRecords == 0
                || p.maxBatchRecords > MAX_BATCH_RECORDS_CEILING
                || (address(v) != address(0) && p.maxBatchRecords > v.maxRecords())
                || p.challengeWindow > MAX_DURATION || p.proveWindow > MAX_DURATION
                || p.escapeDelay > MAX_DURATION || p.maxPauseDuration > MAX_DURATION
                || uint256(p.challengeWindow) + p.proveWindow + uint256(staking.epochLength()) * SLOT_SECONDS
                    > staking.unbondingDelay()
        ) revert InvalidParams();
        // Lowering the bound: batches posted so far may still hold up to the old (pending) bound
        // until they are final; a new verifier must prove that many (`setVerifier`).
        uint256 pending = _pendingRecordsBound();
        if (p.maxBatchRecords < pending) {
            // Safe cast: every bound is at most MAX_BATCH_RECORDS_CEILING.
            // forge-lint: disable-next-line(unsafe-typecast)
            _loweredFrom = uint32(pending);
            _loweredUntilHeight = tipHeight;
        }
        _params = p;
        emit ParamsSet(p);
    }

    /// @dev Reverts unless `batchId` exists and is canonical.
    function _canonical(uint64 batchId) internal view returns (Batch storage b) {
        if (!_exists(batchId)) revert UnknownBatch(batchId);
        b = _batches[batchId];
        if (!_isCanonical(batchId, b.height)) revert NotCanonical(batchId);
    }

    function _exists(uint64 batchId) internal view returns (bool) {
        return batchId < _nextId;
    }

    function _isCanonical(uint64 batchId, uint64 height) internal view returns (bool) {
        return height <= tipHeight && _idAt(height) == batchId;
    }

    function _idAt(uint64 height) internal view returns (uint64) {
        return uint64(_idWords[height >> 2] >> ((height & 3) << 6));
    }

    function _setIdAt(uint64 height, uint64 batchId) internal {
        uint256 shift = uint256(height & 3) << 6;
        uint256 key = height >> 2;
        _idWords[key] = (_idWords[key] & ~(uint256(type(uint64).max) << shift)) | (uint256(batchId) << shift);
    }
}
