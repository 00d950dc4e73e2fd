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
///      Gas (test/DataBinding.t.sol, docs/BENCHMARKS.md): the Yul loop is Horner over blocks of up to
///      8 words, one block per 32-byte `calldataload`: `acc := acc * z^k + sum_i c_i z^(k-1-i)`.
///        - The block sum costs one `mul` and one `add` per word: `z^j` is packed as
///          `lo + hi * 2^128` (`u_j`), and `c_i * u_j` multiplies both components at once; each lane
///          stays below 2^99 (at most 8 terms `< 2^96`), so the lanes never carry into each other.
///        - `acc * z^k` is one GF(p^2) product per block,
///          `(a0 + a1 X)(r0 + r1 X) = (a0 r0 + 7 a1 r1) + (a0 r1 + a1 r0) X` (`X^2 = 7`, `r7 = 7 r1`),
///          in plain `mul`/`add` with lazy reduction: from `a0, a1 < p < 2^64` a block leaves both
///          components `< 2^130`, a second `< 2^195` (the `7 a1 r1` of a short block `< 2^198`), far
///          below 2^256, so each component takes one `mod` every second block and at each record's end.
///      Each load lies inside its record (a message takes 3, a transaction 5), so no byte outside
///      `data` ever enters `P`; the record bodies are unrolled (no per-word jumps or calls).
library DataBinding {
    /// @notice The Goldilocks prime `2^64 - 2^32 + 1`.
    uint256 internal constant P = 0xffffffff00000001;

    /// @notice The evaluation point `z = z0 + z1 X` is not a canonical `GF(p^2)` element.
    /// @dev A component is `>= p`. The circuit's `z` is canonical (a Poseidon output); a
    ///      non-canonical encoding of it is rejected rather than reduced.
    error NonCanonicalChallenge(uint64 z0, uint64 z1);

    /// @notice `P(z)` for the §12.1 packing of `data`.
    /// @dev Meant for framing-validated data (the Rollup runs `BatchData.header` on the same bytes
    ///      first); it runs `BatchData.header` again (one load and a length check), so data that is short, of another
    ///      version or of a length that disagrees with its counts reverts with
    ///      `IRollup.MalformedBatchData(code)` instead of being read out of bounds. Record contents are
    ///      not validated: any framing-valid bytes are packed and evaluated.
    /// @param data Batch data (docs/l2-spec.md §4).
    /// @param z0 Evaluation point, coefficient of 1 (`< p`).
    /// @param z1 Evaluation point, coefficient of X (`< p`).
    /// @return y0 `P(z)`, coefficient of 1 (canonical, `< p`).
    /// @return y1 `P(z)`, coefficient of X (canonical, `< p`).
    function evaluate(bytes calldata data, uint64 z0, uint64 z1)
        internal
        pure
        returns (uint64 y0, uint64 y1)
    {
        if (z0 >= P || z1 >= P) revert NonCanonicalChallenge(z0, z1);
        BatchData.header(data);
        assembly ("memory-safe") {
            // (a0 + a1 X)(b0 + b1 X) for a, b < p: products < 2^128, so plain mul/add and one mod each.
            function mul2(a0, a1, b0, b1) -> c0, c1 {
                c0 := mod(add(mul(a0, b0), mul(7, mul(a1, b1))), 0xffffffff00000001)
                c1 := mod(add(mul(a0, b1), mul(a1, b0)), 0xffffffff00000001)
            }
            // Powers of z, the two GF(p) components packed as `lo + hi * 2^128`: u1, u2, u3 = z, z^2,
            // z^3 on the stack; z^4, z^5 at ptr, ptr + 0x20 (past the free memory pointer, not
            // allocated); z^6, z^7 in scratch space at 0x20, 0x00; and r = z^8 = r0 + r1 X, r7 = 7 r1.
            let ptr := mload(0x40)
            let u1 := or(z0, shl(128, z1))
            let u2, u3, r0, r1
            {
                let a0, a1 := mul2(z0, z1, z0, z1)
                u2 := or(a0, shl(128, a1))
                a0, a1 := mul2(a0, a1, z0, z1)
                u3 := or(a0, shl(128, a1))
                a0, a1 := mul2(a0, a1, z0, z1)
                mstore(ptr, or(a0, shl(128, a1)))
                a0, a1 := mul2(a0, a1, z0, z1)
                mstore(add(ptr, 0x20), or(a0, shl(128, a1)))
                a0, a1 := mul2(a0, a1, z0, z1)
                mstore(0x20, or(a0, shl(128, a1)))
                a0, a1 := mul2(a0, a1, z0, z1)
                mstore(0x00, or(a0, shl(128, a1)))
                r0, r1 := mul2(a0, a1, z0, z1)
            }
            let r7 := mulmod(7, r1, P)
            let off := data.offset
            {
                // header: version (byte 0), feeAccount, messageCount, txCount (bytes [1, 13)): one block
                // of 4 from acc = 0.
                let w := calldataload(off)
                let m := and(shr(184, w), 0xffffffff)
                let s :=
                    add(
                        mul(shr(248, w), u3),
                        add(
                            mul(and(shr(216, w), 0xffffffff), u2),
                            add(mul(m, u1), and(shr(152, w), 0xffffffff))
                        )
                    )
                y0 := mod(and(s, 0xffffffffffffffffffffffffffffffff), P)
                y1 := mod(shr(128, s), P)
                off := add(off, 13)
                // Loop bound in memory (read once per record).
                mstore(add(ptr, 0x40), add(off, mul(85, m)))
            }
            // L1 messages (85 bytes): blocks of 8, 8 and 6 words.
            for {} lt(off, mload(add(ptr, 0x40))) { off := add(off, 85) } {
                let w
                let s
                let c
                // bytes [0, 32): nonce (2 words), kind (byte 8), bytes [9, 29) (5 words)
                w := calldataload(off)
                s := add(
                    mul(shr(224, w), mload(0x00)),
                    add(
                        mul(and(shr(192, w), 0xffffffff), mload(0x20)),
                        add(
                            mul(and(shr(184, w), 0xff), mload(add(ptr, 0x20))),
                            add(
                                mul(and(shr(152, w), 0xffffffff), mload(ptr)),
                                add(
                                    mul(and(shr(120, w), 0xffffffff), u3),
                                    add(
                                        mul(and(shr(88, w), 0xffffffff), u2),
                                        add(mul(and(shr(56, w), 0xffffffff), u1), and(shr(24, w), 0xffffffff))
                                    )
                                )
                            )
                        )
                    )
                )
                c := add(add(mul(y0, r0), mul(y1, r7)), shr(128, shl(128, s)))
                y1 := add(add(mul(y0, r1), mul(y1, r0)), shr(128, s))
                y0 := c
                // bytes [29, 61): 8 words
                w := calldataload(add(off, 29))
                s := add(
                    mul(shr(224, w), mload(0x00)),
                    add(
                        mul(and(shr(192, w), 0xffffffff), mload(0x20)),
                        add(
                            mul(and(shr(160, w), 0xffffffff), mload(add(ptr, 0x20))),
                            add(
                                mul(and(shr(128, w), 0xffffffff), mload(ptr)),
                                add(
                                    mul(and(shr(96, w), 0xffffffff), u3),
                                    add(
                                        mul(and(shr(64, w), 0xffffffff), u2),
                                        add(mul(and(shr(32, w), 0xffffffff), u1), and(w, 0xffffffff))
                                    )
                                )
                            )
                        )
                    )
                )
                c := add(add(mul(y0, r0), mul(y1, r7)), shr(128, shl(128, s)))
                y1 := add(add(mul(y0, r1), mul(y1, r0)), shr(128, s))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                // bytes [53, 85): its low 24 bytes [61, 85) are the last 6 words
                w := calldataload(add(off, 53))
                s := add(
                    mul(and(shr(160, w), 0xffffffff), mload(add(ptr, 0x20))),
                    add(
                        mul(and(shr(128, w), 0xffffffff), mload(ptr)),
                        add(
                            mul(and(shr(96, w), 0xffffffff), u3),
                            add(
                                mul(and(shr(64, w), 0xffffffff), u2),
                                add(mul(and(shr(32, w), 0xffffffff), u1), and(w, 0xffffffff))
                            )
                        )
                    )
                )
                c := add(
                    add(
                        mul(y0, and(mload(0x20), 0xffffffffffffffffffffffffffffffff)),
                        mul(mul(y1, shr(128, mload(0x20))), 7)
                    ),
                    shr(128, shl(128, s))
                )
                y1 := add(
                    add(
                        mul(y0, shr(128, mload(0x20))),
                        mul(y1, and(mload(0x20), 0xffffffffffffffffffffffffffffffff))
                    ),
                    shr(128, s)
                )
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
            }
            // Transactions (137 bytes): blocks of 8, 8, 8, 8 and 3 words.
            for { mstore(add(ptr, 0x40), add(data.offset, data.length)) } lt(off, mload(add(ptr, 0x40))) {
                off := add(off, 137)
            } {
                let w
                let s
                let c
                // bytes [0, 32): type (byte 0), bytes [1, 29) (7 words)
                w := calldataload(off)
                s := add(
                    mul(shr(248, w), mload(0x00)),
                    add(
                        mul(and(shr(216, w), 0xffffffff), mload(0x20)),
                        add(
                            mul(and(shr(184, w), 0xffffffff), mload(add(ptr, 0x20))),
                            add(
                                mul(and(shr(152, w), 0xffffffff), mload(ptr)),
                                add(
                                    mul(and(shr(120, w), 0xffffffff), u3),
                                    add(
                                        mul(and(shr(88, w), 0xffffffff), u2),
                                        add(mul(and(shr(56, w), 0xffffffff), u1), and(shr(24, w), 0xffffffff))
                                    )
                                )
                            )
                        )
                    )
                )
                c := add(add(mul(y0, r0), mul(y1, r7)), shr(128, shl(128, s)))
                y1 := add(add(mul(y0, r1), mul(y1, r0)), shr(128, s))
                y0 := c
                // bytes [29, 61): 8 words
                w := calldataload(add(off, 29))
                s := add(
                    mul(shr(224, w), mload(0x00)),
                    add(
                        mul(and(shr(192, w), 0xffffffff), mload(0x20)),
                        add(
                            mul(and(shr(160, w), 0xffffffff), mload(add(ptr, 0x20))),
                            add(
                                mul(and(shr(128, w), 0xffffffff), mload(ptr)),
                                add(
                                    mul(and(shr(96, w), 0xffffffff), u3),
                                    add(
                                        mul(and(shr(64, w), 0xffffffff), u2),
                                        add(mul(and(shr(32, w), 0xffffffff), u1), and(w, 0xffffffff))
                                    )
                                )
                            )
                        )
                    )
                )
                c := add(add(mul(y0, r0), mul(y1, r7)), shr(128, shl(128, s)))
                y1 := add(add(mul(y0, r1), mul(y1, r0)), shr(128, s))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                // bytes [61, 93): 8 words
                w := calldataload(add(off, 61))
                s := add(
                    mul(shr(224, w), mload(0x00)),
                    add(
                        mul(and(shr(192, w), 0xffffffff), mload(0x20)),
                        add(
                            mul(and(shr(160, w), 0xffffffff), mload(add(ptr, 0x20))),
                            add(
                                mul(and(shr(128, w), 0xffffffff), mload(ptr)),
                                add(
                                    mul(and(shr(96, w), 0xffffffff), u3),
                                    add(
                                        mul(and(shr(64, w), 0xffffffff), u2),
                                        add(mul(and(shr(32, w), 0xffffffff), u1), and(w, 0xffffffff))
                                    )
                                )
                            )
                        )
                    )
                )
                c := add(add(mul(y0, r0), mul(y1, r7)), shr(128, shl(128, s)))
                y1 := add(add(mul(y0, r1), mul(y1, r0)), shr(128, s))
                y0 := c
                // bytes [93, 125): 8 words
                w := calldataload(add(off, 93))
                s := add(
                    mul(shr(224, w), mload(0x00)),
                    add(
                        mul(and(shr(192, w), 0xffffffff), mload(0x20)),
                        add(
                            mul(and(shr(160, w), 0xffffffff), mload(add(ptr, 0x20))),
                            add(
                                mul(and(shr(128, w), 0xffffffff), mload(ptr)),
                                add(
                                    mul(and(shr(96, w), 0xffffffff), u3),
                                    add(
                                        mul(and(shr(64, w), 0xffffffff), u2),
                                        add(mul(and(shr(32, w), 0xffffffff), u1), and(w, 0xffffffff))
                                    )
                                )
                            )
                        )
                    )
                )
                c := add(add(mul(y0, r0), mul(y1, r7)), shr(128, shl(128, s)))
                y1 := add(add(mul(y0, r1), mul(y1, r0)), shr(128, s))
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
                // bytes [105, 137): its low 12 bytes [125, 137) are the last 3 words
                w := calldataload(add(off, 105))
                s := add(
                    mul(and(shr(64, w), 0xffffffff), u2),
                    add(mul(and(shr(32, w), 0xffffffff), u1), and(w, 0xffffffff))
                )
                c := add(
                    add(mul(y0, and(u3, 0xffffffffffffffffffffffffffffffff)), mul(mul(y1, shr(128, u3)), 7)),
                    shr(128, shl(128, s))
                )
                y1 := add(
                    add(mul(y0, shr(128, u3)), mul(y1, and(u3, 0xffffffffffffffffffffffffffffffff))),
                    shr(128, s)
                )
                y0 := c
                y0 := mod(y0, P)
                y1 := mod(y1, P)
            }
        }
    }
}
