// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IStaking} from "../../contracts/interfaces/IStaking.sol";
import {ISequencerSet} from "../../contracts/interfaces/ISequencerSet.sol";

/// @title StakingDouble
/// @notice TEST DOUBLE ONLY. The slice of IStaking that SequencerSet and EquivocationSlasher use:
///         a ranking the test writes, per-operator eligibility and jail flag, signer attribution with retirement
///         time, and a `slash` that records the call and jails (makes ineligible) the operator.
contract StakingDouble {
    struct SlashCall {
        address operator;
        IStaking.SlashKind kind;
        address reporter;
    }

    uint64 public epochLength;
    uint64 public unbondingDelay;
    address[] internal _ops;
    uint256[] internal _stakes;
    mapping(address => bool) public isEligible;
    mapping(address => bool) public isJailed;
    mapping(address => uint64) public exitBlock;
    mapping(address => address) internal _opOfSigner;
    mapping(address => uint64) internal _retiredAt;
    SlashCall[] internal _slashes;

    event SlashCalled(address indexed operator, IStaking.SlashKind kind, address indexed reporter);

    constructor(uint64 epochLength_, uint64 unbondingDelay_) {
        epochLength = epochLength_;
        unbondingDelay = unbondingDelay_;
    }

    /// @notice Replace the ranking; every listed operator becomes eligible.
    function setRanking(address[] memory ops, uint256[] memory stakes) external {
        _ops = ops;
        _stakes = stakes;
        for (uint256 i; i < ops.length; ++i) {
            isEligible[ops[i]] = true;
        }
    }

    function setEligible(address op, bool eligible) external {
        isEligible[op] = eligible;
    }

    /// @notice `op` exits at the current block (ineligible from now on).
    function exit(address op) external {
        isEligible[op] = false;
        exitBlock[op] = uint64(block.number);
    }

    /// @notice Jail (ineligible) or release `op` (eligibility is left to `setEligible`).
    function setJailed(address op, bool jailed) external {
        isJailed[op] = jailed;
        if (jailed) isEligible[op] = false;
    }

    function setSigner(address signer, address op, uint64 retiredAt) external {
        _opOfSigner[signer] = op;
        _retiredAt[signer] = retiredAt;
    }

    function setEpochLength(uint64 epochLength_) external {
        epochLength = epochLength_;
    }

    function ranking() external view returns (address[] memory, uint256[] memory) {
        return (_ops, _stakes);
    }

    function operatorOfSigner(address signer) external view returns (address op, uint64 retiredAt) {
        return (_opOfSigner[signer], _retiredAt[signer]);
    }

    function slash(address operator, IStaking.SlashKind kind, address reporter) external returns (uint256) {
        _slashes.push(SlashCall(operator, kind, reporter));
        isEligible[operator] = false;
        isJailed[operator] = true;
        emit SlashCalled(operator, kind, reporter);
        return 1;
    }

    function slashCount() external view returns (uint256) {
        return _slashes.length;
    }

    function slashAt(uint256 i) external view returns (SlashCall memory) {
        return _slashes[i];
    }
}

/// @title RollupPauseDouble
/// @notice TEST DOUBLE ONLY. Stands for the rollup: a settable `pausedUntil` and a way to notify
///         the sequencer set of a post, as the real rollup does from `submitBatch`.
contract RollupPauseDouble {
    uint64 public pausedUntil;

    function setPausedUntil(uint64 until) external {
        pausedUntil = until;
    }

    function notifyPost(ISequencerSet set, address operator) external {
        set.notifyBatchPosted(operator);
    }
}
