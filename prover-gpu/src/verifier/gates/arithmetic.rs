//! `ArithmeticGate` (`out − (x·y·c0 + z·c1)` per op, on single wires),
//! `ArithmeticExtensionGate<2>` (the same on `ExtensionAlgebra` pairs of wires, two constraints per
//! op) and `MulExtensionGate<2>` (`out − x·y·c0` on pairs). One loop over the ops each.

use std::any::Any;

use plonky2::gates::arithmetic_base::ArithmeticGate;
use plonky2::gates::arithmetic_extension::ArithmeticExtensionGate;
use plonky2::gates::multiplication_extension::MulExtensionGate;

use super::{at, k, Body, ALGEBRA};

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    let mut b = Body::default();
    if let Some(g) = any.downcast_ref::<ArithmeticGate>() {
        // Wires of op i: 4i multiplicand 0, 4i+1 multiplicand 1, 4i+2 addend, 4i+3 output.
        b.line(format!("let c0 := {}", k(0)));
        b.line(format!("let c1 := {}", k(1)));
        let body = format!(
            "mstore(o, e_sub({}, e_add(e_mul(e_mul({}, {}), c0), e_mul({}, c1))))",
            at("p", 3),
            at("p", 0),
            at("p", 1),
            at("p", 2)
        );
        b.op_loop(g.num_ops, 0, 4, 1, &body);
        return Some(("evalArithmetic".into(), b));
    }
    if let Some(g) = any.downcast_ref::<ArithmeticExtensionGate<2>>() {
        // Op i: multiplicands at 8i, 8i+2, addend at 8i+4, output at 8i+6 (pairs).
        b.helpers(ALGEBRA);
        b.line(format!("let c0 := {}", k(0)));
        b.line(format!("let c1 := {}", k(1)));
        let mut body = format!(
            "let m0, m1 := a_mul({}, {}, {}, {})\n",
            at("p", 0),
            at("p", 1),
            at("p", 2),
            at("p", 3)
        );
        for c in 0..2 {
            body.push_str(&format!(
                "mstore({}, e_sub({}, e_add(e_mul(m{c}, c0), e_mul({}, c1))))\n",
                super::addr("o", c),
                at("p", 6 + c),
                at("p", 4 + c)
            ));
        }
        b.op_loop(g.num_ops, 0, 8, 2, body.trim_end());
        return Some(("evalArithmeticExtension".into(), b));
    }
    if let Some(g) = any.downcast_ref::<MulExtensionGate<2>>() {
        // Op i: multiplicands at 6i, 6i+2, output at 6i+4 (pairs).
        b.helpers(ALGEBRA);
        b.line(format!("let c0 := {}", k(0)));
        let mut body = format!(
            "let m0, m1 := a_mul({}, {}, {}, {})\n",
            at("p", 0),
            at("p", 1),
            at("p", 2),
            at("p", 3)
        );
        for c in 0..2 {
            body.push_str(&format!(
                "mstore({}, e_sub({}, e_mul(m{c}, c0)))\n",
                super::addr("o", c),
                at("p", 4 + c)
            ));
        }
        b.op_loop(g.num_ops, 0, 6, 2, body.trim_end());
        return Some(("evalMulExtension".into(), b));
    }
    None
}
