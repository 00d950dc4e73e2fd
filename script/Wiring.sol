// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";

import {Staking} from "../contracts/Staking.sol";
import {SequencerSet} from "../contracts/SequencerSet.sol";
import {Bridge} from "../contracts/Bridge.sol";
import {Rollup} from "../contracts/Rollup.sol";

/// @title Wiring
/// @notice The first and only owner of the suite before governance: `script/Deploy.s.sol` deploys
///         Staking, SequencerSet, Bridge and Rollup with this contract's (precomputed) address as
///         their owner; its constructor makes the one-time wiring calls (including the rollup's
///         batch verifier, so the rollup starts with validity proofs) and offers ownership of all
///         four to the timelock (`Ownable2Step.transferOwnership`).
/// @dev Why a contract and not the deployer: until the timelock accepts (through a scheduled
///      operation, after its delay), `Ownable2Step` leaves the old owner in power. Here the old owner
///      is this contract, which has no function, no fallback and no receive: it can never make another
///      call, so between deployment and acceptance nobody can exercise ownership, and the deployer
///      never holds a role anywhere (docs/protocol.md, "Governance and deployment").
contract Wiring {
    /// @param staking The staking contract (owned by this contract).
    /// @param sequencerSet The sequencer set (owned by this contract).
    /// @param bridge The bridge (owned by this contract).
    /// @param rollup The rollup (owned by this contract).
    /// @param equivocationSlasher The equivocation slasher (has no owner).
    /// @param timelock The governance timelock that is offered ownership of the four contracts.
    /// @param verifier The rollup's batch verifier (the generated `JanusVerifier`).
    constructor(
        Staking staking,
        SequencerSet sequencerSet,
        Bridge bridge,
        address rollup,
        address equivocationSlasher,
        address timelock,
        address verifier
    ) {
        staking.setSlasher(rollup, true);
        staking.setSlasher(address(sequencerSet), true);
        staking.setSlasher(equivocationSlasher, true);
        sequencerSet.setRollup(rollup);
        bridge.initialize(rollup);
        Rollup(rollup).setVerifier(verifier);
        Ownable2Step(address(staking)).transferOwnership(timelock);
        Ownable2Step(address(sequencerSet)).transferOwnership(timelock);
        Ownable2Step(address(bridge)).transferOwnership(timelock);
        Ownable2Step(rollup).transferOwnership(timelock);
    }
}
