//! Native Poseidon over Goldilocks for the EVM: emits `contracts/verifier/generated/PoseidonGoldilocks.sol`,
//! a Solidity `library` bit-exact with plonky2's `PoseidonHash` (width 12, rate 8, 8 full + 22
//! partial rounds, x^7 S-box). The wrapper's `KeccakGoldilocksConfig::InnerHasher` is
//! `PoseidonHash`, so the L1 verifier hashes a proof's public inputs with `hashNoPad` of this library.
//!
//! Every constant is computed here from plonky2's own tables (`ALL_ROUND_CONSTANTS` and the
//! `Poseidon` consts of `GoldilocksField`); none is typed by hand.
//!
//! # Evaluation strategy (all unrolled, state on the EVM stack)
//!
//! - **Full rounds**: the MDS matrix `M = circ(MDS_MATRIX_CIRC) + diag(MDS_MATRIX_DIAG)` has entries
//!   `< 64` and row sums `<= 264`, so for S-box outputs `y_j < p < 2^64` every output
//!   `sum_j M[r][j] y_j < 264·2^64 < 2^73`. Outputs are kept **packed, three to a word** in
//!   85-bit lanes (`q_m = out[3m] | out[3m+1] << 85 | out[3m+2] << 170`), and the MDS is
//!   `q_m = sum_j y_j · COL[j][m]` where `COL[j][m]` packs column `j` of rows `3m..3m+3`: 48
//!   multiplications instead of 144, carry-free because every lane stays `< 2^85`. The next round's
//!   constants are added packed (`+ RC`, lanes `< 2^73 + 2^64 < 2^74`).
//! - **S-box** on `x < 2^128` (never reduced before): `t = mulmod(x·x, x, p)`, `y = mulmod(t·t, x, p)`
//!   (`x·x < 2^256`, `t·t < 2^128`); the result is canonical.
//! - **Partial rounds**: plonky2's fast decomposition (`FAST_PARTIAL_FIRST_ROUND_CONSTANT`,
//!   `FAST_PARTIAL_ROUND_INITIAL_MATRIX`, then per round `FAST_PARTIAL_ROUND_CONSTANTS`,
//!   `_VS`, `_W_HATS`) with `s_1..s_11` unreduced, **two rounds at a time**. Round `r` maps
//!   `y = sbox(s_0) + RC_r`, `s_0 ← M00·y + <w_r, s>`, `s_i ← s_i + y·v_{r,i}`. For the pair
//!   `(r, r+1)` with outputs `a`, `b`: `b = sbox(M00·a + <w_r, s>) + RC_{r+1}` (state before
//!   both updates), then `s_i += a·v_{r,i} + b·v_{r+1,i}` (one statement per element), then
//!   `s_0 = (M00 − <w_{r+1}, v_{r+1}>)·b + <w_{r+1}, s'>` on the updated `s'` (the same value:
//!   `s_i` after round `r` is `s'_i − b·v_{r+1,i}`). Bounds: after the initial matrix
//!   `s_i < 11·2^74·2^64 < 2^142`; `a, b < 2^65` (canonical S-box output plus a constant), so
//!   each pair adds `< 2^130` and after 11 pairs `s_i < 2^143`; dot products are
//!   `< 12·2^143·2^64 < 2^211` (plus `25·a`) and are reduced (`mod p`) before each S-box; the
//!   S-box accepts any `x < 2^128`.
//! - Final outputs are reduced to canonical form.
//!
//! Gas (forge, `-vv` of `test/verifier/PoseidonGoldilocks.t.sol`) and the layout of the library:
//! see `docs/verifier.md`.

use plonky2::field::goldilocks_field::GoldilocksField;
use plonky2::field::types::{Field, PrimeField64};
use plonky2::hash::poseidon::{
    Poseidon, ALL_ROUND_CONSTANTS, HALF_N_FULL_ROUNDS, N_PARTIAL_ROUNDS, SPONGE_WIDTH,
};

use std::fmt::Write as _;

type G = GoldilocksField;

/// Where the generated library lives, relative to the repository root.
pub const LIBRARY_PATH: &str = "contracts/verifier/generated/PoseidonGoldilocks.sol";

/// Lane width of the packed full-round state.
const LANE: u32 = 85;
const P_HEX: &str = "0xffffffff00000001";
const WIDTH: usize = SPONGE_WIDTH;

fn f(x: u64) -> G {
    G::from_canonical_u64(x)
}


/// A 256-bit word as four little-endian u64 limbs, printed as a hex literal.
#[derive(Clone, Copy, Default)]
struct U256([u64; 4]);

impl U256 {
    /// `self + (x << shift)` (no overflow past bit 255 by construction).
    fn add_shifted(mut self, x: u128, shift: u32) -> Self {
        let mut carry: u128 = 0;
        let lo = x as u64 as u128;
        let hi = (x >> 64) as u64 as u128;
        // x << shift, as limbs
        let mut add = [0u64; 5];
        let limb = (shift / 64) as usize;
        let bit = shift % 64;
        let parts = [lo, hi];
        for (k, part) in parts.iter().enumerate() {
            let v = part << bit; // up to 128 bits
            add[limb + k] |= v as u64;
            if limb + k + 1 < 5 {
                add[limb + k + 1] |= (v >> 64) as u64;
            }
        }
        assert_eq!(add[4], 0, "packed constant exceeds 256 bits");
        for i in 0..4 {
            let s = self.0[i] as u128 + add[i] as u128 + carry;
            self.0[i] = s as u64;
            carry = s >> 64;
        }
        assert_eq!(carry, 0, "packed constant exceeds 256 bits");
        self
    }

    fn hex(self) -> String {
        let mut s = String::new();
        let mut started = false;
        for i in (0..4).rev() {
            if started {
                write!(s, "{:016x}", self.0[i]).unwrap();
            } else if self.0[i] != 0 {
                write!(s, "{:x}", self.0[i]).unwrap();
                started = true;
            }
        }
        if !started {
            s.push('0');
        }
        format!("0x{s}")
    }
}

/// Three values packed in 85-bit lanes.
fn pack3(v: [u64; 3]) -> String {
    let mut w = U256::default();
    for (l, x) in v.iter().enumerate() {
        w = w.add_shifted(*x as u128, LANE * l as u32);
    }
    w.hex()
}

fn h64(x: u64) -> String {
    format!("0x{x:x}")
}

/// Round constants of full round `round_ctr` (plonky2's numbering: 0..4 and 26..30).
fn rc(round_ctr: usize) -> [u64; WIDTH] {
    core::array::from_fn(|i| ALL_ROUND_CONSTANTS[i + WIDTH * round_ctr])
}

/// Packed `+ c` for a 12-vector of constants: four words.
fn packed(c: [u64; WIDTH]) -> [String; 4] {
    core::array::from_fn(|m| pack3([c[3 * m], c[3 * m + 1], c[3 * m + 2]]))
}

/// Yul expression extracting lane `l` of packed word `w`.
fn lane(w: &str, l: usize) -> String {
    let mask = "0x1fffffffffffffffffffff"; // 2^85 - 1
    match l {
        0 => format!("and({w}, {mask})"),
        1 => format!("and(shr(85, {w}), {mask})"),
        _ => format!("shr(170, {w})"),
    }
}

/// The Yul function `fullRound(p0, p1, p2, p3) -> q0, q1, q2, q3`: S-box on the 12 lanes of the
/// `p` words (each `< 2^128`; they already include the round constants), then the MDS layer, packed.
///
/// The circulant part is evaluated on **sliding windows**: window `n` is the packed word
/// `(y_n, y_{n+1}, y_{n+2})` (indices mod 12), so output word `m` (outputs `3m..3m+3`) is
/// `sum_n MDS_MATRIX_CIRC[(n − 3m) mod 12] · window_n`: multipliers are the small circulant entries
/// themselves (one-byte literals), and the next window is `(w >> 85) | (y_{n+3} << 170)` (lanes are
/// clean, `< 2^64`). The diagonal adds `MDS_MATRIX_DIAG[r] · y_r` to lane `r mod 3` of word `r / 3`.
fn emit_full_round(out: &mut String) {
    let ind = "                ";
    let circ = <G as Poseidon>::MDS_MATRIX_CIRC;
    let diag = <G as Poseidon>::MDS_MATRIX_DIAG;
    writeln!(out, "            function fullRound(p0, p1, p2, p3) -> q0, q1, q2, q3 {{").unwrap();
    writeln!(out, "{ind}let m := 0x1fffffffffffffffffffff // 2^85 - 1").unwrap();
    let sbox = |out: &mut String, y: &str| {
        writeln!(out, "{ind}{{ let t := mulmod(mul({y}, {y}), {y}, P) {y} := mulmod(mul(t, t), {y}, P) }}").unwrap();
    };
    let lane_m = |k: usize, l: usize| match l {
        0 => format!("and(p{k}, m)"),
        1 => format!("and(shr(85, p{k}), m)"),
        _ => format!("shr(170, p{k})"),
    };
    // Window 0 from p0's three lanes.
    writeln!(out, "{ind}let first := 0").unwrap();
    writeln!(out, "{ind}{{").unwrap();
    for l in 0..3 {
        writeln!(out, "{ind}let y{l} := {}", lane_m(0, l)).unwrap();
        sbox(out, &format!("y{l}"));
    }
    writeln!(out, "{ind}first := or(or(y0, shl(85, y1)), shl(170, y2))").unwrap();
    writeln!(out, "{ind}}}").unwrap();
    writeln!(out, "{ind}let w := first").unwrap();
    // Diagonal terms of y0..y2 (lanes of `first`; the rest below, when y_r is at hand).
    let mut diag_terms: Vec<Vec<String>> = vec![Vec::new(); 4];
    for r in 0..3 {
        if diag[r] != 0 {
            let lane = ["and(first, m)", "and(first, shl(85, m))", "and(first, shl(170, m))"][r];
            diag_terms[0].push(format!("mul({lane}, {})", diag[r]));
        }
    }
    // Windows are accumulated two at a time: `q_m += c·w_n + c'·w_{n+1} (+ diagonal terms)`.
    let acc = |out: &mut String, n: usize, wa: &str, wb: &str, first_pair: bool, extra: &[Vec<String>]| {
        for m in 0..4 {
            let ca = circ[(n + WIDTH - 3 * m) % WIDTH];
            let cb = circ[(n + 1 + WIDTH - 3 * m) % WIDTH];
            let mut term = format!("add(mul({wa}, {ca}), mul({wb}, {cb}))");
            for e in &extra[m] {
                term = format!("add({term}, {e})");
            }
            if first_pair {
                writeln!(out, "{ind}q{m} := {term}").unwrap();
            } else {
                writeln!(out, "{ind}q{m} := add(q{m}, {term})").unwrap();
            }
        }
    };
    // The element entering window n (n >= 1): y_{n+2}; returns the Yul of the new window and the
    // diagonal terms it brings.
    let slide = |out: &mut String, n: usize, prev: &str, extra: &mut Vec<Vec<String>>| -> String {
        let j = n + 2;
        if j < WIDTH {
            let y = format!("y{}", if j % 2 == 0 { "e" } else { "o" });
            writeln!(out, "{ind}let {y} := {}", lane_m(j / 3, j % 3)).unwrap();
            sbox(out, &y);
            if diag[j] != 0 {
                let e = if j % 3 == 0 {
                    format!("mul({y}, {})", diag[j])
                } else {
                    format!("shl({}, mul({y}, {}))", 85 * (j % 3), diag[j])
                };
                extra[j / 3].push(e);
            }
            format!("or(shr(85, {prev}), shl(170, {y}))")
        } else {
            let y = if j == WIDTH { "and(first, m)" } else { "and(shr(85, first), m)" };
            format!("or(shr(85, {prev}), shl(170, {y}))")
        }
    };
    for pair in 0..WIDTH / 2 {
        let n = 2 * pair;
        writeln!(out, "{ind}{{").unwrap();
        let mut extra: Vec<Vec<String>> = if n == 0 { diag_terms.clone() } else { vec![Vec::new(); 4] };
        if n > 0 {
            let e = slide(out, n, "w", &mut extra);
            writeln!(out, "{ind}w := {e}").unwrap();
        }
        let e = slide(out, n + 1, "w", &mut extra);
        writeln!(out, "{ind}let wb := {e}").unwrap();
        acc(out, n, "w", "wb", n == 0, &extra);
        writeln!(out, "{ind}w := wb").unwrap();
        writeln!(out, "{ind}}}").unwrap();
    }
    writeln!(out, "            }}").unwrap();
}

/// `d` coefficient of `y` in the rewritten fast partial round: `M00 − <w_r, v_r>` (mod p).
fn m00_prime(r: usize) -> u64 {
    let m00 = f(<G as Poseidon>::MDS_MATRIX_CIRC[0] + <G as Poseidon>::MDS_MATRIX_DIAG[0]);
    let w = <G as Poseidon>::FAST_PARTIAL_ROUND_W_HATS[r];
    let v = <G as Poseidon>::FAST_PARTIAL_ROUND_VS[r];
    let dot: G = (0..WIDTH - 1).map(|i| f(w[i]) * f(v[i])).sum();
    (m00 - dot).to_canonical_u64()
}

/// The body of the permutation on the 12 words at memory pointer `s` (canonical in, canonical out).
fn emit_permutation(out: &mut String) {
    let ind = "            ";
    emit_full_round(out);

    // First half: rounds 0..4. Round 0 reads the state from memory (canonical) and adds RC.
    writeln!(out, "{ind}{{").unwrap();
    let rc0 = rc(0);
    for k in 0..4 {
        let e = |l: usize| {
            let j = 3 * k + l;
            format!("add(mload(add(s, {})), {})", 32 * j, h64(rc0[j]))
        };
        writeln!(
            out,
            "{ind}    let p{k} := or(or({}, shl(85, {})), shl(170, {}))",
            e(0),
            e(1),
            e(2)
        )
        .unwrap();
    }
    for r in 0..HALF_N_FULL_ROUNDS {
        writeln!(out, "{ind}    p0, p1, p2, p3 := fullRound(p0, p1, p2, p3)").unwrap();
        let next = if r + 1 < HALF_N_FULL_ROUNDS {
            rc(r + 1)
        } else {
            <G as Poseidon>::FAST_PARTIAL_FIRST_ROUND_CONSTANT
        };
        let pk = packed(next);
        for k in 0..4 {
            writeln!(out, "{ind}    p{k} := add(p{k}, {})", pk[k]).unwrap();
        }
    }
    // Unpack (lanes < 2^74) to memory.
    for k in 0..4 {
        for l in 0..3 {
            let j = 3 * k + l;
            writeln!(out, "{ind}    mstore(add(s, {}), {})", 32 * j, lane(&format!("p{k}"), l)).unwrap();
        }
    }
    writeln!(out, "{ind}}}").unwrap();

    // Initial partial-round matrix: s'_0 = t_0, s'_c = sum_{r>=1} t_r · INIT[r-1][c-1].
    let init = <G as Poseidon>::FAST_PARTIAL_ROUND_INITIAL_MATRIX;
    writeln!(out, "{ind}{{").unwrap();
    for r in 1..WIDTH {
        writeln!(out, "{ind}    let t{r} := mload(add(s, {}))", 32 * r).unwrap();
    }
    for c in 1..WIDTH {
        let mut e = format!("mul(t{}, {})", WIDTH - 1, h64(init[WIDTH - 2][c - 1]));
        for r in (1..WIDTH - 1).rev() {
            e = format!("add(mul(t{r}, {}), {e})", h64(init[r - 1][c - 1]));
        }
        writeln!(out, "{ind}    mstore(add(s, {}), {e})", 32 * c).unwrap();
    }
    writeln!(out, "{ind}}}").unwrap();

    // Partial rounds.
    writeln!(out, "{ind}{{").unwrap();
    for i in 0..WIDTH {
        writeln!(out, "{ind}    let s{i} := mload(add(s, {}))", 32 * i).unwrap();
    }
    let prc = <G as Poseidon>::FAST_PARTIAL_ROUND_CONSTANTS;
    let vs = <G as Poseidon>::FAST_PARTIAL_ROUND_VS;
    let ws = <G as Poseidon>::FAST_PARTIAL_ROUND_W_HATS;
    // Two rounds at a time (see the module doc): `a` (in s0) and `b` are the two S-box outputs
    // plus round constants; `b`'s input uses the state before both updates, the pair's updates
    // are `s_i += a·v_{r,i} + b·v_{r+1,i}`, and the next `s0` is `M00'_{r+1}·b + <w_{r+1}, s'>`.
    assert_eq!(N_PARTIAL_ROUNDS % 2, 0);
    let m00 = <G as Poseidon>::MDS_MATRIX_CIRC[0] + <G as Poseidon>::MDS_MATRIX_DIAG[0];
    let with_rc = |e: String, c: u64| if c == 0 { e } else { format!("add({e}, {})", h64(c)) };
    let dot = |r: usize| {
        let mut e = format!("mul(s{}, {})", WIDTH - 1, h64(ws[r][WIDTH - 2]));
        for i in (1..WIDTH - 1).rev() {
            e = format!("add(mul(s{i}, {}), {e})", h64(ws[r][i - 1]));
        }
        e
    };
    for r in (0..N_PARTIAL_ROUNDS).step_by(2) {
        writeln!(out, "{ind}    // partial rounds {r} and {}", r + 1).unwrap();
        writeln!(out, "{ind}    s0 := mod(s0, P)").unwrap();
        writeln!(
            out,
            "{ind}    {{ let t := mulmod(mul(s0, s0), s0, P) s0 := {} }}",
            with_rc("mulmod(mul(t, t), s0, P)".into(), prc[r])
        )
        .unwrap();
        writeln!(out, "{ind}    {{").unwrap();
        writeln!(out, "{ind}    let b := mod(add(mul(s0, {m00}), {}), P)", dot(r)).unwrap();
        writeln!(
            out,
            "{ind}    {{ let t := mulmod(mul(b, b), b, P) b := {} }}",
            with_rc("mulmod(mul(t, t), b, P)".into(), prc[r + 1])
        )
        .unwrap();
        for i in 1..WIDTH {
            writeln!(
                out,
                "{ind}    s{i} := add(s{i}, add(mul(s0, {}), mul(b, {})))",
                h64(vs[r][i - 1]),
                h64(vs[r + 1][i - 1])
            )
            .unwrap();
        }
        writeln!(out, "{ind}    s0 := add(mul(b, {}), {})", h64(m00_prime(r + 1)), dot(r + 1)).unwrap();
        writeln!(out, "{ind}    }}").unwrap();
    }
    for i in 0..WIDTH {
        writeln!(out, "{ind}    mstore(add(s, {}), s{i})", 32 * i).unwrap();
    }
    writeln!(out, "{ind}}}").unwrap();

    // Second half: rounds 26..30.
    let base = HALF_N_FULL_ROUNDS + N_PARTIAL_ROUNDS;
    writeln!(out, "{ind}{{").unwrap();
    let rcb = rc(base);
    for k in 0..4 {
        let e = |l: usize| {
            let j = 3 * k + l;
            format!("mod(add(mload(add(s, {})), {}), P)", 32 * j, h64(rcb[j]))
        };
        writeln!(
            out,
            "{ind}    let p{k} := or(or({}, shl(85, {})), shl(170, {}))",
            e(0),
            e(1),
            e(2)
        )
        .unwrap();
    }
    for r in 0..HALF_N_FULL_ROUNDS {
        writeln!(out, "{ind}    p0, p1, p2, p3 := fullRound(p0, p1, p2, p3)").unwrap();
        if r + 1 < HALF_N_FULL_ROUNDS {
            let pk = packed(rc(base + r + 1));
            for k in 0..4 {
                writeln!(out, "{ind}    p{k} := add(p{k}, {})", pk[k]).unwrap();
            }
        }
    }
    for k in 0..4 {
        for l in 0..3 {
            let j = 3 * k + l;
            writeln!(
                out,
                "{ind}    mstore(add(s, {}), mod({}, P))",
                32 * j,
                lane(&format!("p{k}"), l)
            )
            .unwrap();
        }
    }
    writeln!(out, "{ind}}}").unwrap();
}

/// plonky2's `ALL_ROUND_CONSTANTS` as one hex string (8 bytes each, big-endian), for the plain
/// reference permutation of the tests.
fn round_constants_hex() -> String {
    ALL_ROUND_CONSTANTS.iter().map(|c| format!("{c:016x}")).collect()
}

/// The whole generated library.
pub fn poseidon_library_sol() -> String {
    let mut perm = String::new();
    emit_permutation(&mut perm);
    let perm = perm.replace(", P)", &format!(", {P_HEX})"));
    let circ = <G as Poseidon>::MDS_MATRIX_CIRC;
    let diag = <G as Poseidon>::MDS_MATRIX_DIAG;
    let list = |v: &[u64]| {
        let items: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        format!("uint256({}), {}", items[0], items[1..].join(", "))
    };
    format!(
        r#"// SPDX-License-Identifier: MIT
// GENERATED by prover-gpu/src/verifier/poseidon.rs (`poseidon_library_sol`); do not edit.
// Regenerate: JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test verifier_poseidon
pragma solidity 0.8.37;

/// @notice Poseidon over Goldilocks (p = 2^64 - 2^32 + 1), bit-exact with plonky2 1.1's `PoseidonHash`:
///         width 12, rate 8, 8 full + 22 partial rounds, S-box x^7, plonky2's constants.
/// @dev    Field elements are words < p. `permute*` and `hashNoPad*` revert (`NonCanonical`) on an input
///         word >= p. Full rounds keep the state packed three to a word (85-bit lanes); partial rounds
///         use plonky2's fast decomposition on an unreduced state (bounds: the generator's doc).
library PoseidonGoldilocks {{
    /// @notice An input word is not a canonical Goldilocks element (>= p).
    error NonCanonical();

    uint256 internal constant P = {P_HEX};
    uint256 internal constant WIDTH = 12;
    uint256 internal constant RATE = 8;
    uint256 internal constant FULL_ROUNDS = {full};
    uint256 internal constant PARTIAL_ROUNDS = {partial};
    /// @dev plonky2's `ALL_ROUND_CONSTANTS` (12 per round, round-major, 8 bytes each big-endian), for
    ///      plain reference implementations (tests); the permutation below does not read it.
    bytes internal constant ROUND_CONSTANTS = hex"{rcs}";
    /// @dev The MDS matrix is circ(MDS_CIRC) + diag(MDS_DIAG): entry (r, j) = MDS_CIRC[(j - r) mod 12]
    ///      (+ MDS_DIAG[r] if r == j). For reference implementations (tests).
    function mdsCirc() internal pure returns (uint256[12] memory) {{
        return [{circ}];
    }}

    function mdsDiag() internal pure returns (uint256[12] memory) {{
        return [{diag}];
    }}

    /// @notice The permutation of the 12 words at memory pointer `s`, in place.
    function permutePtr(uint256 s) internal pure {{
        assembly ("memory-safe") {{
{check12}            if bad {{
                mstore(0, 0x{err}) // NonCanonical()
                revert(0, 4)
            }}
        }}
        _perm(s);
    }}

    /// @notice The permutation of `state`, in place.
    function permute(uint256[12] memory state) internal pure {{
        uint256 s;
        assembly ("memory-safe") {{
            s := state
        }}
        permutePtr(s);
    }}

    /// @notice plonky2's `hash_no_pad` (`hash_n_to_hash_no_pad`) of the `len` words at memory pointer
    ///         `input`: overwrite-mode sponge from the zero state, absorbing 8 at a time, then the
    ///         first 4 words of the state (no permutation at all for `len == 0`).
    function hashNoPadPtr(uint256 input, uint256 len)
        internal
        pure
        returns (uint256 h0, uint256 h1, uint256 h2, uint256 h3)
    {{
        uint256 s;
        assembly ("memory-safe") {{
            s := mload(0x40)
            mstore(0x40, add(s, 0x180))
            for {{ let i := 0 }} lt(i, 12) {{ i := add(i, 1) }} {{
                mstore(add(s, shl(5, i)), 0)
            }}
        }}
        for (uint256 i = 0; i < len; i += 8) {{
            assembly ("memory-safe") {{
                let n := sub(len, i)
                if gt(n, 8) {{ n := 8 }}
                let src := add(input, shl(5, i))
                let bad := 0
                switch n
                case 8 {{
{copy8}                }}
                default {{
                    for {{ let k := 0 }} lt(k, n) {{ k := add(k, 1) }} {{
                        let x := mload(add(src, shl(5, k)))
                        bad := or(bad, gt(x, 0xffffffff00000000))
                        mstore(add(s, shl(5, k)), x)
                    }}
                }}
                if bad {{
                    mstore(0, 0x{err}) // NonCanonical()
                    revert(0, 4)
                }}
            }}
            _perm(s);
        }}
        assembly ("memory-safe") {{
            h0 := mload(s)
            h1 := mload(add(s, 0x20))
            h2 := mload(add(s, 0x40))
            h3 := mload(add(s, 0x60))
            mstore(0x40, s) // release the scratch state
        }}
    }}

    /// @notice `hashNoPadPtr` of a memory array.
    function hashNoPad(uint256[] memory input) internal pure returns (uint256[4] memory out) {{
        uint256 ptr;
        assembly ("memory-safe") {{
            ptr := add(input, 0x20)
        }}
        (out[0], out[1], out[2], out[3]) = hashNoPadPtr(ptr, input.length);
    }}

    /// @dev The permutation on canonical words at `s` (not checked here).
    function _perm(uint256 s) private pure {{
        assembly ("memory-safe") {{
{perm}        }}
    }}
}}
"#,
        full = 2 * HALF_N_FULL_ROUNDS,
        partial = N_PARTIAL_ROUNDS,
        rcs = round_constants_hex(),
        circ = list(&circ),
        diag = list(&diag),
        err = non_canonical_selector_padded(),
        check12 = check12(),
        copy8 = copy8(),
    )
}

/// Unrolled canonical check of the 12 words at `s` into `bad` (`x >= p` iff `x > p − 1`).
fn check12() -> String {
    let mut e = "gt(mload(s), 0xffffffff00000000)".to_string();
    for i in 1..WIDTH {
        e = format!("or({e}, gt(mload(add(s, {})), 0xffffffff00000000))", 32 * i);
    }
    format!("            let bad := {e}\n")
}

/// Unrolled copy of a full chunk (8 words) from `src` to `s`, checking each word into `bad`.
fn copy8() -> String {
    let mut out = String::new();
    for k in 0..8 {
        let (src, dst) = if k == 0 {
            ("src".to_string(), "s".to_string())
        } else {
            (format!("add(src, {})", 32 * k), format!("add(s, {})", 32 * k))
        };
        writeln!(out, "                    {{ let x := mload({src}) bad := or(bad, gt(x, 0xffffffff00000000)) mstore({dst}, x) }}").unwrap();
    }
    out
}

/// `NonCanonical()` selector, left-aligned in a word (for `mstore(0, …)`; `revert(0, 4)`).
fn non_canonical_selector_padded() -> String {
    // keccak256("NonCanonical()")[0..4], computed by janus-l2's keccak.
    let h = janus_l2::hash::keccak256(b"NonCanonical()");
    let mut s = String::new();
    for b in &h[..4] {
        write!(s, "{b:02x}").unwrap();
    }
    s.push_str(&"0".repeat(56));
    s
}

/// plonky2's permutation (for the tests' vectors).
pub fn permute(input: [u64; WIDTH]) -> [u64; WIDTH] {
    let out = <G as Poseidon>::poseidon(input.map(f));
    out.map(|x| x.to_canonical_u64())
}
