//! `ReducingExtensionGate<2>` and `ReducingGate<2>`: `acc_i = acc_{i−1}·α + coeff_i` on
//! `ExtensionAlgebra` pairs, every accumulator a wire, so each constraint pair is independent:
//! `acc_{i−1}·α + coeff_i − acc_i` (`acc_{−1}` = old accumulator, the last `acc` = output).
//! Wires: output 0..2, α 2..4, old accumulator 4..6, then the coefficients (pairs for the
//! extension gate, single wires for the base one), then accumulators `0..num_coeffs−1`.

use std::any::Any;

use plonky2::gates::reducing::ReducingGate;
use plonky2::gates::reducing_extension::ReducingExtensionGate;

use super::{w, Body, ALGEBRA};

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

fn emit_reducing(n: usize, ext_coeffs: bool) -> Body {
    let mut b = Body::default();
    b.helpers(ALGEBRA);
    let coeff_width = if ext_coeffs { 2 } else { 1 };
    let start_accs = 6 + coeff_width * n;
    let acc = |i: usize| if i == n - 1 { 0 } else { start_accs + 2 * i };
    b.line(format!("let l0 := {}", w(2)));
    b.line(format!("let l1 := {}", w(3)));
    for i in 0..n {
        let prev = if i == 0 { 4 } else { acc(i - 1) };
        let coeff = 6 + coeff_width * i;
        b.out(format!(
            "e_sub(e_add(a_mul0({}, {}, l0, l1), {}), {})",
            w(prev),
            w(prev + 1),
            w(coeff),
            w(acc(i))
        ));
        let c1 = if ext_coeffs {
            format!(
                "e_add(a_mul1({}, {}, l0, l1), {})",
                w(prev),
                w(prev + 1),
                w(coeff + 1)
            )
        } else {
            format!("a_mul1({}, {}, l0, l1)", w(prev), w(prev + 1))
        };
        b.out(format!("e_sub({c1}, {})", w(acc(i) + 1)));
    }
    b
}
