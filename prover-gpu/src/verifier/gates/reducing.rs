//! `ReducingExtensionGate<2>` and `ReducingGate<2>`: `acc_i = acc_{i−1}·α + coeff_i` on
//! `ExtensionAlgebra` pairs, every accumulator a wire, so each constraint pair is independent:
//! `acc_{i−1}·α + coeff_i − acc_i` (`acc_{−1}` = old accumulator, the last `acc` = output).
//! Wires: output 0..2, α 2..4, old accumulator 4..6, then the coefficients (pairs for the
//! extension gate, single wires for the base one), then accumulators `0..num_coeffs−1`.
//! Emitted as the first step, a loop over the middle ones, and the last step.

use std::any::Any;

use plonky2::gates::reducing::ReducingGate;
use plonky2::gates::reducing_extension::ReducingExtensionGate;

use super::{addr, w, Body, ALGEBRA};

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    if let Some(g) = any.downcast_ref::<ReducingExtensionGate<2>>() {
        return Some((
            "evalReducingExtension".into(),
            emit_reducing(g.num_coeffs, true),
        ));
    }
    if let Some(g) = any.downcast_ref::<ReducingGate<2>>() {
        return Some(("evalReducing".into(), emit_reducing(g.num_coeffs, false)));
    }
    None
}

/// One step at pointers `q` (previous accumulator), `c` (coefficient), `a` (accumulator), `o`
/// (its two constraints), with `α = (l0, l1)`: `q·α + c − a`, the sums taken on the unreduced
/// product (below 2^134 + 2^65).
const STEP_EXT: &str = r#"
function red_step(q, c, a, o, l0, l1) {
    let u0, u1, v0, v1 := a_mul_raw(mload(q), mload(add(q, 32)), l0, l1)
    let x := mload(c)
    let y := mload(a)
    mstore(o, e_fin(add(add(u0, and(x, 0xffffffffffffffffffffffffffffffff)), sub(0xffffffff00000001, and(y, 0xffffffffffffffffffffffffffffffff))),
                    add(add(u1, shr(128, x)), sub(0xffffffff00000001, shr(128, y)))))
    x := mload(add(c, 32))
    y := mload(add(a, 32))
    mstore(add(o, 32), e_fin(add(add(v0, and(x, 0xffffffffffffffffffffffffffffffff)), sub(0xffffffff00000001, and(y, 0xffffffffffffffffffffffffffffffff))),
                             add(add(v1, shr(128, x)), sub(0xffffffff00000001, shr(128, y)))))
}
"#;

/// [`STEP_EXT`] with a base coefficient (one wire, `(c, 0)` in the algebra).
const STEP_BASE: &str = r#"
function red_step(q, c, a, o, l0, l1) {
    let u0, u1, v0, v1 := a_mul_raw(mload(q), mload(add(q, 32)), l0, l1)
    let x := mload(c)
    let y := mload(a)
    mstore(o, e_fin(add(add(u0, and(x, 0xffffffffffffffffffffffffffffffff)), sub(0xffffffff00000001, and(y, 0xffffffffffffffffffffffffffffffff))),
                    add(add(u1, shr(128, x)), sub(0xffffffff00000001, shr(128, y)))))
    y := mload(add(a, 32))
    mstore(add(o, 32), e_fin(add(v0, sub(0xffffffff00000001, and(y, 0xffffffffffffffffffffffffffffffff))),
                             add(v1, sub(0xffffffff00000001, shr(128, y)))))
}
"#;

fn emit_reducing(n: usize, ext_coeffs: bool) -> Body {
    let mut b = Body::default();
    if n == 0 {
        return b;
    }
    b.helpers(ALGEBRA);
    b.helpers(if ext_coeffs { STEP_EXT } else { STEP_BASE });
    let cw = if ext_coeffs { 2 } else { 1 };
    let start_accs = 6 + cw * n;
    let acc = |i: usize| if i == n - 1 { 0 } else { start_accs + 2 * i };
    let prev = |i: usize| if i == 0 { 4 } else { acc(i - 1) };
    let step = |i: usize| {
        format!(
            "red_step({}, {}, {}, {}, l0, l1)",
            addr("wires", prev(i)),
            addr("wires", 6 + cw * i),
            addr("wires", acc(i)),
            addr("out", 2 * i)
        )
    };
    b.line(format!("let l0 := {}", w(2)));
    b.line(format!("let l1 := {}", w(3)));
    b.line(step(0));
    if n > 2 {
        // Steps 1..n−1: the previous accumulator is at q, the accumulator right after it.
        b.line(format!(
            "for {{ let q := {} let c := {} let o := {} }} lt(o, {}) {{ q := add(q, 64) c := add(c, {}) o := add(o, 64) }} {{",
            addr("wires", start_accs),
            addr("wires", 6 + cw),
            addr("out", 2),
            addr("out", 2 * (n - 1)),
            32 * cw
        ));
        b.line("red_step(q, c, add(q, 64), o, l0, l1)");
        b.line("}");
    }
    if n > 1 {
        b.line(step(n - 1));
    }
    b.outs = 2 * n;
    b
}
