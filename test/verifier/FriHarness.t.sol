// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {FriVerifier} from "../../contracts/verifier/lib/FriVerifier.sol";
import {WrapperPlonk} from "../../contracts/verifier/generated/WrapperPlonk.sol";

/// @notice Exposes FriVerifier for tests, gas and bytecode-size measurements.
contract FriHarness {
    function verify(bytes calldata proof, uint256[4] memory pih)
        external
        pure
        returns (FriVerifier.Openings memory o, FriVerifier.Challenges memory c)
    {
        return FriVerifier.verifyTranscriptAndFri(proof, pih);
    }

    function transcript(bytes calldata proof, uint256[4] memory pih)
        external
        pure
        returns (FriVerifier.Openings memory o, FriVerifier.Challenges memory c)
    {
        return FriVerifier.transcript(proof, pih);
    }

    /// @notice Gas of each part of a successful verification.
    function gasBreakdown(bytes calldata proof, uint256[4] memory pih)
        external
        view
        returns (uint256 transcriptGas, uint256 contextGas, uint256 merkleGas, uint256 foldingGas)
    {
        uint256 g = gasleft();
        (FriVerifier.Openings memory o, FriVerifier.Challenges memory c) = FriVerifier.transcript(proof, pih);
        transcriptGas = g - gasleft();
        g = gasleft();
        uint256 k = FriVerifier.context(proof, o, c);
        contextGas = g - gasleft();
        g = gasleft();
        FriVerifier.verifyMerkle(k);
        merkleGas = g - gasleft();
        g = gasleft();
        FriVerifier.verifyFolding(k);
        foldingGas = g - gasleft();
    }

    /// @notice Verify with one word of the FRI context replaced after the transcript, to show
    /// that each check downstream of the transcript is live: `what` 0 = a final-polynomial
    /// coefficient, 1 = commit-phase cap `index`, 2 = the cap of initial oracle `index`, 3 = the reduced openings at zeta (as if an opening changed), 4 = the reduced
    /// openings at g·zeta, 5 = a FRI beta.
    function verifyTampered(bytes calldata proof, uint256[4] memory pih, uint256 what, uint256 index)
        external
        pure
    {
        (FriVerifier.Openings memory o, FriVerifier.Challenges memory c) = FriVerifier.transcript(proof, pih);
        if (what == 5) c.friBetas[index] ^= 1;
        uint256 k = FriVerifier.context(proof, o, c);
        assembly {
            // Change every hash of cap j (0..3 initial oracles, 4.. commit phase).
            function bumpCap(ctx, j) {
                let n := mload(add(ctx, 0x40))
                let ptr := add(mload(add(ctx, 0x280)), shl(5, mul(j, n)))
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    let q := add(ptr, shl(5, i))
                    mstore(q, xor(mload(q), shl(200, 1)))
                }
            }
            switch what
            case 0 {
                let p := add(mload(add(k, 0x3e0)), shl(5, index))
                mstore(p, xor(mload(p), 1))
            }
            case 1 { bumpCap(k, add(4, index)) }
            case 2 { bumpCap(k, index) }
            case 3 { mstore(add(k, 0x300), xor(mload(add(k, 0x300)), 1)) }
            case 4 { mstore(add(k, 0x320), xor(mload(add(k, 0x320)), 1)) }
        }
        FriVerifier.verifyMerkle(k);
        FriVerifier.verifyFolding(k);
    }
}

/// @notice The smallest consumer of FriVerifier (its bytecode size is the library's footprint).
contract FriMinimal {
    function verify(bytes calldata proof, uint256[4] memory pih) external pure returns (uint256 zeta) {
        (, FriVerifier.Challenges memory c) = FriVerifier.verifyTranscriptAndFri(proof, pih);
        return c.zeta;
    }
}

/// @notice Transcript + FRI + the PLONK identity (a test contract: WrapperPlonk makes it larger
/// than 24 KB; the production verifier has to split).
contract FriPlonkHarness {
    /// @notice The generated evaluator of the gates WrapperPlonk does not inline.
    address internal immutable evaluator;

    constructor(address evaluator_) {
        evaluator = evaluator_;
    }

    /// @notice Transcript + FRI, then the lead's PLONK identity at zeta on the decoded openings
    /// and challenges (everything of the wrapper's verification but the public-inputs hash).
    function verifyWithPlonk(bytes calldata proof, uint256[4] memory pih) external view returns (bool ok) {
        (FriVerifier.Openings memory o, FriVerifier.Challenges memory c) =
            FriVerifier.verifyTranscriptAndFri(proof, pih);
        uint256[] memory flat = FriVerifier.flatOpenings(o);
        uint256[] memory ch = FriVerifier.plonkChallenges(c);
        uint256 op;
        uint256 chp;
        uint256 pp;
        assembly {
            op := add(flat, 0x20)
            chp := add(ch, 0x20)
            pp := pih
        }
        ok = WrapperPlonk.check(op, chp, pp, evaluator);
    }
}
