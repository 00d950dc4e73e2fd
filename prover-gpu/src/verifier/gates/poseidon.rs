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
//! words; `tmp`, 12 more). MDS layers use the carry-free lazy form of `poseidon_mds.rs` (entries
//! `< 64`); products by 64-bit constants accumulate per component unreduced (`< 2^132`) and reduce
//! once.

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

/// Yul: `x^7` in GF(p^2) (plonky2's `sbox_monomial`), and `sum_i x_i·k_i` helpers.
const HELPERS: &str = r#"
function e_sbox(x) -> r {
    let x2 := e_sq(x)
    r := e_mul(e_mul(x, x2), e_sq(x2))
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

/// Yul expression of `sum_i x_i · k_i` (packed extension words `x_i` canonical, `k_i < p`),
/// accumulated per component unreduced (12 terms `< 2^128`: `< 2^132`), reduced once.
fn dot64(terms: &[(String, u64)]) -> String {
    let comp = |c0: bool| {
        let part = |x: &str| {
            if c0 {
                format!("and({x}, 0xffffffffffffffffffffffffffffffff)")
            } else {
                format!("shr(128, {x})")
            }
        };
        let (x, k) = &terms[terms.len() - 1];
        let mut e = format!("mul({}, {})", part(x), lit(*k));
        for (x, k) in terms[..terms.len() - 1].iter().rev() {
            e = format!("add(mul({}, {}), {e})", part(x), lit(*k));
        }
        format!("mod({e}, 0xffffffff00000001)")
    };
    assert!(terms.len() <= 16);
    format!("e_pack({}, {})", comp(true), comp(false))
}

/// The MDS layer, lazy: `tmp` (S-box outputs, canonical) -> `st`.
fn mds_layer(b: &mut Body) {
    for r in 0..W {
        b.line(set_st(r, &format!("e_red({})", mds_row_lazy(r, tmp))));
    }
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
    let init = <F as Poseidon>::FAST_PARTIAL_ROUND_INITIAL_MATRIX;
    b.line(set_st(0, &tmp(0)));
    for c in 1..W {
        let terms: Vec<(String, u64)> = (1..W).map(|r| (tmp(r), init[r - 1][c - 1])).collect();
        b.line(set_st(c, &dot64(&terms)));
    }
    let prc = <F as Poseidon>::FAST_PARTIAL_ROUND_CONSTANTS;
    let vs = <F as Poseidon>::FAST_PARTIAL_ROUND_VS;
    let ws = <F as Poseidon>::FAST_PARTIAL_ROUND_W_HATS;
    let m00 = <F as Poseidon>::MDS_MATRIX_CIRC[0] + <F as Poseidon>::MDS_MATRIX_DIAG[0];
    for r in 0..N_PARTIAL_ROUNDS {
        let sbox_in = w(start_partial + r);
        b.line("{");
        b.out(format!("e_sub({}, {sbox_in})", st(0)));
        // The last round adds no constant (plonky2's gate skips it).
        if r + 1 < N_PARTIAL_ROUNDS {
            b.line(format!("let s0_{r} := e_add(e_sbox({sbox_in}), {})", lit(prc[r])));
        } else {
            b.line(format!("let s0_{r} := e_sbox({sbox_in})"));
        }
        // d = s0·M00 + sum_i w_i·state_i (old state), then state_i += s0·v_i, state_0 = d.
        let mut terms: Vec<(String, u64)> = vec![(format!("s0_{r}"), m00)];
        terms.extend((1..W).map(|i| (st(i), ws[r][i - 1])));
        b.line(format!("let d_{r} := {}", dot64(&terms)));
        for i in 1..W {
            b.line(set_st(i, &format!("e_add(e_smul(s0_{r}, {}), {})", lit(vs[r][i - 1]), st(i))));
        }
        b.line(set_st(0, &format!("d_{r}")));
        b.line("}");
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
