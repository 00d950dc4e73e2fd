// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {BatchData} from "./BatchData.sol";

/// @title DataBinding
/// @notice The L1 half of the data binding of docs/l2-spec.md §12: `y = P(z)` over
///         `GF(p^2) = GF(p)[X]/(X^2 - 7)`, `p = 2^64 - 2^32 + 1` (Goldilocks), where the coefficients of
///         `P` are the §12.1 packing of the batch data. A batch proof exposes `(z, y)`; the verifier
///         contract recomputes `P(z)` from the posted calldata with `evaluate` and compares.
/// @dev Packing (words < 2^32, big-endian, in data order; `janus_prover::circuit::packing` is the
///      reference, and test/fixtures/binding-vectors.json pins this library to it):
///        header     : version, feeAccount, messageCount, txCount                 4 words
///        L1 message : nonce (2 words), kind (byte 8), bytes [9, 85) as 19 words   22 words
///        transaction: type (byte 0), bytes [1, 137) as 34 words                    35 words
///      `P(X) = sum_j c_j X^(N-1-j)`, i.e. Horner `acc := acc * z + c_j` from `acc = 0`.
///
///      Gas: the Yul loop takes the coefficients two at a time with `q = z^2` precomputed,
///      `acc := acc * q + (c_j * z + c_{j+1})`, where
///        (a0 + a1 X)(q0 + q1 X) = (a0 q0 + 7 a1 q1) + (a0 q1 + a1 q0) X        (X^2 = 7, q7 = 7 q1 mod p)
///      in plain `mul`/`add`, reducing both components with one `mod` each every second pair (lazy
///      reduction): from `a0, a1 < p < 2^64` one pair leaves them `< 2^130` and a second `< 2^195`
///      (a final single step `< 2^198`), far below 2^256. Each 32-byte `calldataload` feeds up to 8
///      words and lies inside its record (3 loads per message, 5 per transaction), so no byte outside
///      `data` ever enters `P`. The record loops are unrolled (no per-word jumps or calls).
library DataBinding {
    /// @notice The Goldilocks prime `2^64 - 2^32 + 1`.
    uint256 internal constant P = 0xffffffff00000001;

    /// @notice The evaluation point `z = z0 + z1 X` is not a canonical `GF(p^2)` element.
    /// @dev A component is `>= p`. The circuit's `z` is canonical (a Poseidon output); a
    ///      non-canonical encoding of it is rejected rather than reduced.
    error NonCanonicalChallenge(uint64 z0, uint64 z1);

    /// @notice `P(z)` for the §12.1 packing of `data`.
    /// @dev Meant for framing-validated data (the Rollup runs `BatchData.header` on the same bytes
    ///      first); it runs `BatchData.header` again (about 150 gas), so data that is short, of another
    ///      version or of a length that disagrees with its counts reverts with
    ///      `IRollup.MalformedBatchData(code)` instead of being read out of bounds. Record contents are
    ///      not validated: any framing-valid bytes are packed and evaluated.
    /// @param data Batch data (docs/l2-spec.md §4).
    /// @param z0 Evaluation point, coefficient of 1 (`< p`).
    /// @param z1 Evaluation point, coefficient of X (`< p`).
    /// @return y0 `P(z)`, coefficient of 1 (canonical, `< p`).
    /// @return y1 `P(z)`, coefficient of X (canonical, `< p`).
    function evaluate(bytes calldata data, uint64 z0, uint64 z1) internal pure returns (uint64 y0, uint64 y1) {
        if (z0 >= P || z1 >= P) revert NonCanonicalChallenge(z0, z1);
        BatchData.header(data);
        assembly ("memory-safe") {
            // q = z^2 = (z0^2 + 7 z1^2) + 2 z0 z1 X; q7 = 7 q1.
            let q0 := addmod(mulmod(z0, z0, P), mulmod(7, mulmod(z1, z1, P), P), P)
            let q1 := mulmod(2, mulmod(z0, z1, P), P)
            let q7 := mulmod(7, q1, P)
            let off := data.offset
            let end := calldataload(off)
            // header: version (byte 0), feeAccount, messageCount, txCount (bytes [1, 13)); one pair,
            // starting from acc = 0, then a second pair.
            y0 := add(mul(shr(248, end), z0), and(shr(216, end), 0xffffffff))
            y1 := mul(shr(248, end), z1)
            {
                let m := and(shr(184, end), 0xffffffff)
                let t := and(shr(152, end), 0xffffffff)
                let c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(m, z0), t))
                y1 := mod(add(add(mul(y0, q1), mul(y1, q0)), mul(m, z1)), P)
                y0 := mod(c, P)
                off := add(off, 13)
                end := add(off, mul(85, m))
            }
            // L1 messages (85 bytes): 11 pairs.
            for {} lt(off, end) { off := add(off, 85) } {
                let w
                let c
                let d
                // bytes [0, 32): nonce (2 words), kind (byte 8), bytes [9, 29) (5 words)
                w := calldataload(off)
                d := shr(224, w)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(192, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(184, w), 0xff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(152, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                d := and(shr(120, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(88, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(56, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(24, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                // bytes [29, 61): 8 words
                w := calldataload(add(off, 29))
                d := shr(224, w)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(192, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(160, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(128, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                d := and(shr(96, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(64, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(32, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(w, 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                // bytes [53, 85): its low 24 bytes [61, 85) are the last 6 words
                w := calldataload(add(off, 53))
                d := and(shr(160, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(128, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(96, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(64, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                d := and(shr(32, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(w, 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
            }
            // Transactions (137 bytes): 17 pairs and one step.
            for { end := add(data.offset, data.length) } lt(off, end) { off := add(off, 137) } {
                let w
                let c
                let d
                // bytes [0, 32): type (byte 0), bytes [1, 29) (7 words)
                w := calldataload(off)
                d := shr(248, w)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(216, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(184, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(152, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                d := and(shr(120, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(88, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(56, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(24, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                // bytes [29, 61): 8 words
                w := calldataload(add(off, 29))
                d := shr(224, w)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(192, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(160, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(128, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                d := and(shr(96, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(64, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(32, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(w, 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                // bytes [61, 93): 8 words
                w := calldataload(add(off, 61))
                d := shr(224, w)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(192, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(160, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(128, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                d := and(shr(96, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(64, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(32, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(w, 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                // bytes [93, 125): 8 words
                w := calldataload(add(off, 93))
                d := shr(224, w)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(192, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(160, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(128, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                d := and(shr(96, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(64, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                d := and(shr(32, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(w, 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                // bytes [105, 137): its low 12 bytes [125, 137) are the last 3 words, a pair and one step
                w := calldataload(add(off, 105))
                d := and(shr(64, w), 0xffffffff)
                c := add(add(mul(y0, q0), mul(y1, q7)), add(mul(d, z0), and(shr(32, w), 0xffffffff)))
                y1 := add(add(mul(y0, q1), mul(y1, q0)), mul(d, z1))
                y0 := c
                c := add(add(mul(y0, z0), mul(7, mul(y1, z1))), and(w, 0xffffffff))
                y1 := add(mul(y0, z1), mul(y1, z0))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
            }
        }
    }
}
