//! `BaseSumGate<B>`: wire 0 is the sum, wires `1..=num_limbs` the limbs (least significant
//! first). Constraints: `Σ limb_i·B^i − sum` (Horner from the top limb, as plonky2's
//! `reduce_with_powers`), then `Π_{j<B} (limb_i − j)` for each limb. Two loops.

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
    b.line("{");
    b.line(format!("let s := {}", w(num_limbs)));
    b.line(format!(
        "for {{ let p := {} }} gt(p, wires) {{ p := sub(p, 32) }} {{ s := e_add(e_smul(s, {B}), mload(p)) }}",
        addr("wires", num_limbs - 1)
    ));
    b.out(format!("e_sub(s, {})", w(0)));
    b.line("}");
    // limb · (limb − 1) · … · (limb − (B−1)); a canonical j < B is subtracted from c0.
    let mut e = "l".to_string();
    for j in 1..B {
        e = format!("e_mul({e}, e_sub(l, {j}))");
    }
    b.op_loop(
        num_limbs,
        1,
        1,
        1,
        &format!("let l := mload(p) mstore(o, {e})"),
    );
    (name, b)
}
