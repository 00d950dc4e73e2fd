//! `PoseidonGate` (width 12, D = 2): one Poseidon permutation with a swap flag, plonky2's
//! `eval_unfiltered` exactly (same constraint order, same constants):
//!
//! 1. `swap·(swap − 1)`; 2. per `i < 4`: `swap·(in[i+4] − in[i]) − delta_i`;
//! 3. first full rounds 1..4: `state_i − sbox_in` (state after the round constants);
//! 4. partial rounds (fast form: `FAST_PARTIAL_FIRST_ROUND_CONSTANT`, the initial matrix, then per
//!    round `FAST_PARTIAL_ROUND_CONSTANTS`, `_VS`, `_W_HATS`): `state_0 − sbox_in` per round;
//! 5. second full rounds: `state_i − sbox_in`; 6. `state_i − out_i`.
//!
//! Wire layout (plonky2's, recomputed here from the same layout rules and checked against the
//! gate's `num_wires`): inputs `0..12`, outputs `12..24`, swap `24`, deltas `25..29`, first-half
//! S-box inputs of rounds 1..4 from `29`, partial S-box inputs from `65`, second-half from `87`.
//!
//! The state lives in scratch memory past the free memory pointer (`st`, 12 packed extension
//! words; `tmp`, 12 more; `lz`, 24 words: 48 words in all, never allocated, so the caller's `out`
//! must not lie past the free memory pointer). MDS layers use the carry-free lazy form of
//! `poseidon_mds.rs` (entries `< 64`); the partial rounds keep `s_1..s_11` unreduced per component
//! (bounds below) and reduce each dot product once.

use std::any::Any;

use plonky2::gates::gate::Gate;
use plonky2::gates::poseidon::PoseidonGate;
use plonky2::hash::poseidon::{
    Poseidon, ALL_ROUND_CONSTANTS, HALF_N_FULL_ROUNDS, N_PARTIAL_ROUNDS, SPONGE_WIDTH,
};

use super::poseidon_mds::{mds_row_lazy, E_RED};
use super::{w, Body};
use crate::prover::{D, F};

const W: usize = SPONGE_WIDTH;

/// Yul: `x^7` in GF(p^2) (plonky2's `sbox_monomial`: `x^3·x^4`), on components, one reduction per
/// product (`mul` of canonical components `< 2^128`, `7·a1·b1 < 2^131`, sums `< 2^132`).
const HELPERS: &str = r#"
function e_sbox(x) -> r {
    let a0 := and(x, 0xffffffffffffffffffffffffffffffff)
    let a1 := shr(128, x)
    let b0 := addmod(mul(a0, a0), mul(7, mul(a1, a1)), 0xffffffff00000001)
    let b1 := mulmod(add(a0, a0), a1, 0xffffffff00000001)
    let c0 := addmod(mul(a0, b0), mul(7, mul(a1, b1)), 0xffffffff00000001)
    let c1 := addmod(mul(a0, b1), mul(a1, b0), 0xffffffff00000001)
    a0 := addmod(mul(b0, b0), mul(7, mul(b1, b1)), 0xffffffff00000001)
    a1 := mulmod(add(b0, b0), b1, 0xffffffff00000001)
    r := or(addmod(mul(c0, a0), mul(7, mul(c1, a1)), 0xffffffff00000001),
            shl(128, addmod(mul(c0, a1), mul(c1, a0), 0xffffffff00000001)))
}
"#;

fn st(i: usize) -> String {
    format!("mload(add(st, {}))", 32 * i)
}

fn tmp(i: usize) -> String {
    format!("mload(add(tmp, {}))", 32 * i)
}

fn set_st(i: usize, e: &str) -> String {
    format!("mstore(add(st, {}), {e})", 32 * i)
}

fn set_tmp(i: usize, e: &str) -> String {
    format!("mstore(add(tmp, {}), {e})", 32 * i)
}

/// A base constant as a packed extension literal (c1 = 0).
fn lit(x: u64) -> String {
    format!("{x:#x}")
}

/// The MDS layer, lazy: `tmp` (S-box outputs, canonical) -> `st`.
fn mds_layer(b: &mut Body) {
    b.line("mds_ext(tmp, st)");
}

/// Yul helpers emitted once per gate (shared by the rounds, for code size):
/// - `mds_ext(src, dst)`: the full MDS layer, lazy (`poseidon_mds.rs`);
/// - `p_dot(lz, a, w0, w1, w2) -> d`: `d = M00·a + sum_i w_i·s_i` per component, reduced, where the
///   eleven 64-bit `w_i` are packed four to a word (`w_{i}` at bits `64·((i−1) mod 4)` of word
///   `(i−1)/4`);
/// - `p_upd(lz, a, v0, v1, v2)`: `s_i += a·v_i` per component, unreduced (same packing of `v`).
fn round_helpers() -> String {
    let m00 = <F as Poseidon>::MDS_MATRIX_CIRC[0] + <F as Poseidon>::MDS_MATRIX_DIAG[0];
    let mut h = String::from("function mds_ext(src, dst) {\n");
    for r in 0..W {
        let row = mds_row_lazy(r, |j| format!("mload(add(src, {}))", 32 * j));
        h.push_str(&format!("    mstore(add(dst, {}), e_red({row}))\n", 32 * r));
    }
    h.push_str("}\n");
    let chunk = |prefix: &str, i: usize| {
        let q = i - 1;
        let word = format!("{prefix}{}", q / 4);
        match q % 4 {
            0 => format!("and({word}, 0xffffffffffffffff)"),
            3 => format!("shr(192, {word})"),
            k => format!("and(shr({}, {word}), 0xffffffffffffffff)", 64 * k),
        }
    };
    h.push_str("function p_dot(lz, a, w0, w1, w2) -> d {\n");
    for comp in 0..2 {
        let ac = if comp == 0 { "and(a, 0xffffffffffffffffffffffffffffffff)" } else { "shr(128, a)" };
        let mut e = format!("mul(mload(add(lz, {})), {})", 32 * (comp * W + W - 1), chunk("w", W - 1));
        for i in (1..W - 1).rev() {
            e = format!("add(mul(mload(add(lz, {})), {}), {e})", 32 * (comp * W + i), chunk("w", i));
        }
        h.push_str(&format!("    let d{comp} := mod(add(mul({ac}, {m00}), {e}), 0xffffffff00000001)\n"));
    }
    h.push_str("    d := e_pack(d0, d1)\n}\n");
    h.push_str("function p_upd(lz, a, v0, v1, v2) {\n");
    h.push_str("    let a0 := and(a, 0xffffffffffffffffffffffffffffffff)\n    let a1 := shr(128, a)\n");
    for i in 1..W {
        for comp in 0..2 {
            let o = 32 * (comp * W + i);
            h.push_str(&format!(
                "    mstore(add(lz, {o}), add(mload(add(lz, {o})), mul(a{comp}, {})))\n",
                chunk("v", i)
            ));
        }
    }
    h.push_str("}\n");
    h
}

/// Eleven 64-bit constants packed four to a word (three words, hex literals).
fn pack11(c: &[u64; W - 1]) -> [String; 3] {
    core::array::from_fn(|k| {
        let mut limbs = [0u64; 4];
        for (q, x) in c.iter().enumerate().skip(4 * k).take(4) {
            limbs[q % 4] = *x;
        }
        format!("0x{:016x}{:016x}{:016x}{:016x}", limbs[3], limbs[2], limbs[1], limbs[0])
    })
}

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    let gate = any.downcast_ref::<PoseidonGate<F, D>>()?;
    // plonky2's wire layout.
    let wire_input = |i: usize| i;
    let wire_output = |i: usize| W + i;
    let wire_swap = 2 * W;
    let start_delta = 2 * W + 1;
    let start_full_0 = start_delta + 4;
    let wire_full_sbox_0 = |round: usize, i: usize| start_full_0 + W * (round - 1) + i;
    let start_partial = start_full_0 + W * (HALF_N_FULL_ROUNDS - 1);
    let start_full_1 = start_partial + N_PARTIAL_ROUNDS;
    let wire_full_sbox_1 = |round: usize, i: usize| start_full_1 + W * round + i;
    let end = start_full_1 + W * HALF_N_FULL_ROUNDS;
    assert_eq!(<PoseidonGate<F, D> as Gate<F, D>>::num_wires(gate), end, "PoseidonGate wire layout");

    let mut b = Body::default();
    b.helpers(E_RED);
    b.helpers(HELPERS);
    b.helpers(&round_helpers());
    b.line("let st := mload(0x40)");
    b.line("let tmp := add(st, 0x180)");

    // Swap flag and deltas.
    b.line(format!("let swap := {}", w(wire_swap)));
    b.out("e_mul(swap, e_sub(swap, 1))");
    for i in 0..4 {
        b.out(format!(
            "e_sub(e_mul(swap, e_sub({}, {})), {})",
            w(wire_input(i + 4)),
            w(wire_input(i)),
            w(start_delta + i)
        ));
    }
    for i in 0..4 {
        b.line(set_st(i, &format!("e_add({}, {})", w(wire_input(i)), w(start_delta + i))));
        b.line(set_st(i + 4, &format!("e_sub({}, {})", w(wire_input(i + 4)), w(start_delta + i))));
    }
    for i in 8..W {
        b.line(set_st(i, &w(wire_input(i))));
    }

    let rc = |round: usize, i: usize| ALL_ROUND_CONSTANTS[i + W * round];
    let mut round_ctr = 0;

    // First full rounds.
    for r in 0..HALF_N_FULL_ROUNDS {
        for i in 0..W {
            let x = format!("e_add({}, {})", st(i), lit(rc(round_ctr, i)));
            if r == 0 {
                b.line(set_tmp(i, &format!("e_sbox({x})")));
            } else {
                let sbox_in = w(wire_full_sbox_0(r, i));
                b.out(format!("e_sub({x}, {sbox_in})"));
                b.line(set_tmp(i, &format!("e_sbox({sbox_in})")));
            }
        }
        mds_layer(&mut b);
        round_ctr += 1;
    }

    // Partial rounds: first constant layer and initial matrix (state as a row vector).
    let first = <F as Poseidon>::FAST_PARTIAL_FIRST_ROUND_CONSTANT;
    for i in 0..W {
        b.line(set_tmp(i, &format!("e_add({}, {})", st(i), lit(first[i]))));
    }
    // Initial matrix, then the partial rounds on an unreduced state: `lz` holds s_1..s_11 as two
    // component arrays (`lz[i]` = c0 of s_i, `lz[12 + i]` = c1), each < 2^132 after the initial
    // matrix (11 products < 2^128) and < 2^133 after 22 rounds (adds `a_c·v_i < 2^128`, `a`
    // canonical); the dot products `sum_i w_i·s_i < 12·2^64·2^133 < 2^201` reduce once.
    let init = <F as Poseidon>::FAST_PARTIAL_ROUND_INITIAL_MATRIX;
    let lz = |c: usize, i: usize| format!("add(lz, {})", 32 * (c * W + i));
    b.line("let lz := add(tmp, 0x180)");
    for c in 1..W {
        for comp in 0..2 {
            let part = |x: String| {
                if comp == 0 {
                    format!("and({x}, 0xffffffffffffffffffffffffffffffff)")
                } else {
                    format!("shr(128, {x})")
                }
            };
            let mut e = format!("mul({}, {})", part(tmp(W - 1)), lit(init[W - 2][c - 1]));
            for r in (1..W - 1).rev() {
                e = format!("add(mul({}, {}), {e})", part(tmp(r)), lit(init[r - 1][c - 1]));
            }
            b.line(format!("mstore({}, {e})", lz(comp, c)));
        }
    }
    b.line(format!("let s0 := {}", tmp(0)));
    let prc = <F as Poseidon>::FAST_PARTIAL_ROUND_CONSTANTS;
    let vs = <F as Poseidon>::FAST_PARTIAL_ROUND_VS;
    let ws = <F as Poseidon>::FAST_PARTIAL_ROUND_W_HATS;
    for r in 0..N_PARTIAL_ROUNDS {
        let sbox_in = w(start_partial + r);
        b.line("{");
        b.out(format!("e_sub(s0, {sbox_in})"));
        // The last round adds no constant (plonky2's gate skips it).
        if r + 1 < N_PARTIAL_ROUNDS {
            b.line(format!("let a := e_add(e_sbox({sbox_in}), {})", lit(prc[r])));
        } else {
            b.line(format!("let a := e_sbox({sbox_in})"));
        }
        // d = a·M00 + sum_i w_i·s_i (state before this round's update); then s_i += a·v_i.
        let [w0, w1, w2] = pack11(&ws[r]);
        let [v0, v1, v2] = pack11(&vs[r]);
        b.line(format!("let d := p_dot(lz, a, {w0}, {w1}, {w2})"));
        b.line(format!("p_upd(lz, a, {v0}, {v1}, {v2})"));
        b.line("s0 := d");
        b.line("}");
    }
    b.line(set_st(0, "s0"));
    for i in 1..W {
        b.line(set_st(
            i,
            &format!("e_pack(mod(mload({}), 0xffffffff00000001), mod(mload({}), 0xffffffff00000001))", lz(0, i), lz(1, i)),
        ));
    }
    round_ctr += N_PARTIAL_ROUNDS;

    // Second full rounds.
    for r in 0..HALF_N_FULL_ROUNDS {
        for i in 0..W {
            let x = format!("e_add({}, {})", st(i), lit(rc(round_ctr, i)));
            let sbox_in = w(wire_full_sbox_1(r, i));
            b.out(format!("e_sub({x}, {sbox_in})"));
            b.line(set_tmp(i, &format!("e_sbox({sbox_in})")));
        }
        mds_layer(&mut b);
        round_ctr += 1;
    }
    for i in 0..W {
        b.out(format!("e_sub({}, {})", st(i), w(wire_output(i))));
    }
    Some(("evalPoseidon".into(), b))
}
