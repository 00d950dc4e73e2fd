//! `RandomAccessGate<F, 2>`: per copy, `bits` boolean constraints `b·(b − 1)`, the index
//! decomposition `Σ b_i·2^i − index`, and the list folded by the bits (`x + b·(y − x)` on pairs,
//! least significant bit first) minus the claimed element; then `consts[i] − wires[extra_i]` for
//! the extra constants. The folds run in scratch memory past the free memory pointer.

use std::any::Any;

use plonky2::gates::random_access::RandomAccessGate;

use super::{w, Body};
use crate::prover::{D, F};

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    let g = any.downcast_ref::<RandomAccessGate<F, D>>()?;
    let (bits, copies, extra) = (g.bits, g.num_copies, g.num_extra_constants);
    let size = 1usize << bits;
    // Wire layout (plonky2's `wire_*`): copy c has index (2+size)c, claimed element +1, list items
    // +2..; then the extra constants; then (unrouted) the bits of copy c at routed + c·bits + i.
    let routed = (2 + size) * copies + extra;
    let mut b = Body::default();
    b.line("let s := mload(0x40)");
    for c in 0..copies {
        let base = (2 + size) * c;
        let bit = |i: usize| routed + c * bits + i;
        for i in 0..bits {
            b.line(format!("{{ let x := {}", w(bit(i))));
            b.out("e_mul(x, e_sub(x, 1))");
            b.line("}");
        }
        b.line("{");
        if bits == 0 {
            b.line("let r := 0");
        } else {
            b.line(format!("let r := {}", w(bit(bits - 1))));
            for i in (0..bits - 1).rev() {
                b.line(format!("r := e_add(e_add(r, r), {})", w(bit(i))));
            }
        }
        b.out(format!("e_sub(r, {})", w(base)));
        b.line("}");
        // Fold level 0 reads the wires, later levels the scratch array (in place: item j is
        // written after items 2j, 2j+1 are read).
        let mut len = size;
        for i in 0..bits {
            b.line(format!("{{ let x := {}", w(bit(i))));
            for j in 0..len / 2 {
                let (lo, hi) = if i == 0 {
                    (w(base + 2 + 2 * j), w(base + 3 + 2 * j))
                } else {
                    (super::at("s", 2 * j), super::at("s", 2 * j + 1))
                };
                let dst = if j == 0 {
                    "s".to_string()
                } else {
                    format!("add(s, {})", 32 * j)
                };
                b.line(format!(
                    "{{ let y := {lo} mstore({dst}, e_add(y, e_mul(x, e_sub({hi}, y)))) }}"
                ));
            }
            b.line("}");
            len /= 2;
        }
        let folded = if bits == 0 {
            w(base + 2)
        } else {
            "mload(s)".to_string()
        };
        b.out(format!("e_sub({folded}, {})", w(base + 1)));
    }
    for i in 0..extra {
        b.out(format!(
            "e_sub({}, {})",
            super::k(i),
            w((2 + size) * copies + i)
        ));
    }
    Some(("evalRandomAccess".into(), b))
}
