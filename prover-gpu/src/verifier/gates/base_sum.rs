//! `BaseSumGate<B>`: wire 0 is the sum, wires `1..=num_limbs` the limbs (least significant
//! first). Constraints: `Σ limb_i·B^i − sum` (plonky2's `reduce_with_powers`, here one unreduced
//! integer sum), then `Π_{j<B} (limb_i − j)` for each limb (closed form for `B = 2`). Two loops.

use std::any::Any;

use plonky2::gates::base_sum::BaseSumGate;

use super::{addr, w, Body};

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    if let Some(g) = any.downcast_ref::<BaseSumGate<2>>() {
        return Some(emit_base::<2>(g.num_limbs));
    }
    if let Some(g) = any.downcast_ref::<BaseSumGate<4>>() {
        return Some(emit_base::<4>(g.num_limbs));
    }
    None
}

fn emit_base<const B: usize>(num_limbs: usize) -> (String, Body) {
    let mut b = Body::default();
    let name = if B == 2 {
        "evalBaseSum".to_string()
    } else {
        format!("evalBaseSum{B}")
    };
    if num_limbs == 0 {
        b.out(format!("e_sub(0, {})", w(0)));
        return (name, b);
    }
    // The sum, unreduced: every term is below 2^128 (a component times B^i mod p), so any `usize`
    // number of limbs sums without overflow; one reduction at the end.
    b.line("{");
    b.line("let u0 := 0");
    b.line("let u1 := 0");
    b.line(format!(
        "for {{ let p := {} let pw := 1 }} lt(p, {}) {{ p := add(p, 32) pw := mulmod(pw, {B}, 0xffffffff00000001) }} {{",
        addr("wires", 1),
        addr("wires", 1 + num_limbs)
    ));
    b.line("let l := mload(p)");
    b.line("u0 := add(u0, mul(and(l, 0xffffffffffffffffffffffffffffffff), pw))");
    b.line("u1 := add(u1, mul(shr(128, l), pw))");
    b.line("}");
    b.out(format!(
        "e_sub(or(mod(u0, 0xffffffff00000001), shl(128, mod(u1, 0xffffffff00000001))), {})",
        w(0)
    ));
    b.line("}");
    let body = if B == 2 {
        super::bool_constraint("mload(p)", "o")
    } else {
        // limb · (limb − 1) · … · (limb − (B−1)); a canonical j < B is subtracted from c0.
        let mut e = "l".to_string();
        for j in 1..B {
            e = format!("e_mul({e}, e_sub(l, {j}))");
        }
        format!("let l := mload(p) mstore(o, {e})")
    };
    b.op_loop(num_limbs, 1, 1, 1, &body);
    (name, b)
}
