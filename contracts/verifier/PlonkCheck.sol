// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {WrapperPlonk} from "./generated/WrapperPlonk.sol";

/// @title IPlonkCheck
/// @notice The PLONK identity of the wrapper circuit at zeta, as a separate contract.
interface IPlonkCheck {
    /// @notice True iff the openings at zeta satisfy the wrapper circuit's identity for the
    ///         challenges and public-inputs hash.
    /// @param openings One packed extension word per opening, in `OpeningSet` order.
    /// @param challenges `betas ‖ gammas ‖ alphas ‖ zeta`.
    /// @param pih The public-inputs hash (4 base elements).
    function check(uint256[] calldata openings, uint256[] calldata challenges, uint256[4] calldata pih)
        external
        view
        returns (bool);
}

/// @title PlonkCheck
/// @notice Runs the generated `WrapperPlonk` (the wrapper's gate constraints, permutation
///         argument and quotient identity). It is its own contract because the generated gate code
///         and the FRI verifier together exceed the EIP-170 code size limit; `JanusVerifier` calls it,
///         and it calls `WrapperGateEvaluator` for the largest gates.
contract PlonkCheck is IPlonkCheck {
    /// @notice The generated evaluator of the gates too large to inline (`WrapperGateEvaluator`).
    address public immutable evaluator;

    constructor(address evaluator_) {
        evaluator = evaluator_;
    }

    /// @inheritdoc IPlonkCheck
    /// @dev Wrong lengths are a failed check, not a revert: the caller reports `PlonkIdentity`.
    function check(uint256[] calldata openings, uint256[] calldata challenges, uint256[4] calldata pih)
        external
        view
        returns (bool)
    {
        if (
            openings.length != WrapperPlonk.NUM_OPENINGS
                || challenges.length != WrapperPlonk.NUM_CHALLENGE_WORDS
        ) {
            return false;
        }
        uint256[] memory o = openings;
        uint256[] memory c = challenges;
        uint256[4] memory h = pih;
        uint256 op;
        uint256 ch;
        uint256 hp;
        assembly ("memory-safe") {
            op := add(o, 32)
            ch := add(c, 32)
            hp := h
        }
        return WrapperPlonk.check(op, ch, hp, evaluator);
    }
}
