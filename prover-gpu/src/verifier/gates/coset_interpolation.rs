//! `CosetInterpolationGate<F, 2>`: barycentric interpolation of `2^subgroup_bits` values on the
//! subgroup, at the shifted point, split into chunks of at most `degree − 1` points with the
//! intermediate (eval, prod) pairs in wires. Everything is on `ExtensionAlgebra` pairs. The
//! domain and weights are constants of the gate, emitted as literals. The running (eval, prod) is
//! kept in 4 scratch words past the free memory pointer.
//!
//! Wires: 0 shift, `1 + 2i` value i, then evaluation point, evaluation value, intermediate evals,
//! intermediate prods, shifted evaluation point (pairs).
//! Constraints: `point − shifted·shift`, per intermediate `eval_i − computed`, `prod_i − computed`,
//! then `value − computed`.

use std::any::Any;

use plonky2::field::types::Field;
use plonky2::gates::coset_interpolation::CosetInterpolationGate;

use super::{lit, w, Body, ALGEBRA};
use crate::prover::{D, F};

/// One interpolation step on the state at `s` = (eval0, eval1, prod0, prod1): with
/// `t = x − xi`, `eval ← eval·t + v·prod`, `prod ← prod·t` (the sum of two unreduced products,
/// below 2^135, reduced once).
const STEP: &str = r#"
function ci_step(s, x0, x1, xi, v0, v1) {
    let t0 := e_sub(x0, xi)
    let u0, u1, w0, w1 := a_mul_raw(mload(s), mload(add(s, 32)), t0, x1)
    {
        let f0, f1, g0, g1 := a_mul_raw(v0, v1, mload(add(s, 64)), mload(add(s, 96)))
        u0 := add(u0, f0)
        u1 := add(u1, f1)
        w0 := add(w0, g0)
        w1 := add(w1, g1)
    }
    mstore(s, e_fin(u0, u1))
    mstore(add(s, 32), e_fin(w0, w1))
    u0, u1 := a_mul(mload(add(s, 64)), mload(add(s, 96)), t0, x1)
    mstore(add(s, 64), u0)
    mstore(add(s, 96), u1)
}
"#;

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    let g = any.downcast_ref::<CosetInterpolationGate<F, D>>()?;
    let n = 1usize << g.subgroup_bits;
    let degree = g.degree;
    let n_int = (n - 2) / (degree - 1);
    let value = |i: usize| 1 + 2 * i;
    let point = 1 + 2 * n;
    let eval_value = point + 2;
    let start_int = point + 4;
    let int_eval = |i: usize| start_int + 2 * i;
    let int_prod = |i: usize| start_int + 2 * (n_int + i);
    let shifted = start_int + 4 * n_int;
    let domain = F::two_adic_subgroup(g.subgroup_bits);
    let weights = &g.barycentric_weights;

    let mut b = Body::default();
    b.helpers(ALGEBRA);
    b.helpers(STEP);
    b.line("let s := mload(0x40)");
    b.line(format!("let x0 := {}", w(shifted)));
    b.line(format!("let x1 := {}", w(shifted + 1)));
    b.line(format!("{{ let h := {}", w(0)));
    b.out(format!("e_sub({}, e_mul(x0, h))", w(point)));
    b.out(format!("e_sub({}, e_mul(x1, h))", w(point + 1)));
    b.line("}");
    // State: eval = 0, prod = 1.
    b.line("mstore(s, 0) mstore(add(s, 32), 0) mstore(add(s, 64), 1) mstore(add(s, 96), 0)");
    let chunk = |b: &mut Body, range: std::ops::Range<usize>| {
        for j in range {
            let wt = lit(weights[j]);
            b.line(format!(
                "ci_step(s, x0, x1, {}, e_smul({}, {wt}), e_smul({}, {wt}))",
                lit(domain[j]),
                w(value(j)),
                w(value(j) + 1)
            ));
        }
    };
    chunk(&mut b, 0..degree);
    for i in 0..n_int {
        b.out(format!("e_sub({}, mload(s))", w(int_eval(i))));
        b.out(format!("e_sub({}, mload(add(s, 32)))", w(int_eval(i) + 1)));
        b.out(format!("e_sub({}, mload(add(s, 64)))", w(int_prod(i))));
        b.out(format!("e_sub({}, mload(add(s, 96)))", w(int_prod(i) + 1)));
        // Continue from the intermediate wires.
        b.line(format!(
            "mstore(s, {}) mstore(add(s, 32), {}) mstore(add(s, 64), {}) mstore(add(s, 96), {})",
            w(int_eval(i)),
            w(int_eval(i) + 1),
            w(int_prod(i)),
            w(int_prod(i) + 1)
        ));
        let start = 1 + (degree - 1) * (i + 1);
        let end = (start + degree - 1).min(n);
        chunk(&mut b, start..end);
    }
    b.out(format!("e_sub({}, mload(s))", w(eval_value)));
    b.out(format!("e_sub({}, mload(add(s, 32)))", w(eval_value + 1)));
    Some(("evalCosetInterpolation".into(), b))
}
