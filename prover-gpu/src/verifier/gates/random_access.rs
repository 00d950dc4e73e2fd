//! `RandomAccessGate<F, 2>`: per copy, `bits` boolean constraints `b·(b − 1)`, the index
//! decomposition `Σ b_i·2^i − index`, and the list folded by the bits (`x + b·(y − x)` on pairs,
//! least significant bit first) minus the claimed element; then `consts[i] − wires[extra_i]` for
//! the extra constants. A loop over the copies (body unrolled over the bits); the folds run in
//! scratch memory past the free memory pointer.

use std::any::Any;

use plonky2::gates::random_access::RandomAccessGate;

use super::{addr, at, k, w, Body};

/// `x + b·(y − x)` in GF(p^2) in one function (the fold step; partial sums below 2^132).
const FOLD: &str = r#"
function ra_fold(x, y, b) -> r {
    let x0 := and(x, 0xffffffffffffffffffffffffffffffff)
    let x1 := shr(128, x)
    let d0 := addmod(and(y, 0xffffffffffffffffffffffffffffffff), sub(0xffffffff00000001, x0), 0xffffffff00000001)
    let d1 := addmod(shr(128, y), sub(0xffffffff00000001, x1), 0xffffffff00000001)
    let b0 := and(b, 0xffffffffffffffffffffffffffffffff)
    let b1 := shr(128, b)
    r := or(
        addmod(add(mul(b0, d0), mul(7, mul(b1, d1))), x0, 0xffffffff00000001),
        shl(128, addmod(add(mul(b0, d1), mul(b1, d0)), x1, 0xffffffff00000001))
    )
}
"#;
use crate::prover::{D, F};

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    let g = any.downcast_ref::<RandomAccessGate<F, D>>()?;
    let (bits, copies, extra) = (g.bits, g.num_copies, g.num_extra_constants);
    let size = 1usize << bits;
    // Wire layout (plonky2's `wire_*`): copy c has index (2+size)c, claimed element +1, list items
    // +2..; then the extra constants; then (unrouted) the bits of copy c at routed + c·bits + i.
    let routed = (2 + size) * copies + extra;
    let per_copy = bits + 2;
    let mut b = Body::default();
    b.helpers(FOLD);
    if copies > 0 {
        b.line("let s := mload(0x40)");
        // p: the copy's first wire (its index), q: its first bit, o: its first constraint.
        b.line(format!(
            "for {{ let p := wires let q := {} let o := {} }} lt(p, {}) {{ p := add(p, {}) q := add(q, {}) o := add(o, {}) }} {{",
            addr("wires", routed),
            addr("out", b.outs),
            addr("wires", (2 + size) * copies),
            32 * (2 + size),
            32 * bits,
            32 * per_copy
        ));
        for i in 0..bits {
            b.line(super::bool_constraint(&at("q", i), &addr("o", i)));
        }
        b.line("{");
        if bits == 0 {
            b.line("let r := 0");
        } else {
            b.line(format!("let r := {}", at("q", bits - 1)));
            for i in (0..bits - 1).rev() {
                b.line(format!("r := e_add(e_add(r, r), {})", at("q", i)));
            }
        }
        b.line(format!("mstore({}, e_sub(r, mload(p)))", addr("o", bits)));
        b.line("}");
        // Fold level 0 reads the wires, later levels the scratch array (in place: item j is
        // written after items 2j, 2j+1 are read).
        let mut len = size;
        for i in 0..bits {
            b.line(format!("{{ let x := {}", at("q", i)));
            for j in 0..len / 2 {
                let (lo, hi) = if i == 0 {
                    (at("p", 2 + 2 * j), at("p", 3 + 2 * j))
                } else {
                    (at("s", 2 * j), at("s", 2 * j + 1))
                };
                b.line(format!("mstore({}, ra_fold({lo}, {hi}, x))", addr("s", j)));
            }
            b.line("}");
            len /= 2;
        }
        let folded = if bits == 0 {
            at("p", 2)
        } else {
            "mload(s)".to_string()
        };
        b.line(format!(
            "mstore({}, e_sub({folded}, {}))",
            addr("o", bits + 1),
            at("p", 1)
        ));
        b.line("}");
        b.outs += copies * per_copy;
    }
    for i in 0..extra {
        b.out(format!("e_sub({}, {})", k(i), w((2 + size) * copies + i)));
    }
    Some(("evalRandomAccess".into(), b))
}
