//! `ArithmeticGate` (`out − (x·y·c0 + z·c1)` per op, on single wires),
//! `ArithmeticExtensionGate<2>` (the same on `ExtensionAlgebra` pairs of wires, two constraints per
//! op) and `MulExtensionGate<2>` (`out − x·y·c0` on pairs). One loop over the ops each, the op a
//! Yul function that reduces once per output component (`x·y·c0 = x·(y·c0)`: the constant scales
//! a multiplicand first).

use std::any::Any;

use plonky2::gates::arithmetic_base::ArithmeticGate;
use plonky2::gates::arithmetic_extension::ArithmeticExtensionGate;
use plonky2::gates::multiplication_extension::MulExtensionGate;

use super::{k, Body, ALGEBRA};

/// ArithmeticGate's op at `p` (x, y, z, out): `out − (x·(y·c0) + z·c1)`.
const ARITH_OP: &str = r#"
function ar_op(p, c0, c1) -> r {
    let u0, u1 := e_madd_raw(0, 0, mload(p), e_mul(mload(add(p, 32)), c0))
    u0, u1 := e_madd_raw(u0, u1, mload(add(p, 64)), c1)
    r := e_rsub(mload(add(p, 96)), u0, u1)
}
"#;

/// ArithmeticExtensionGate's op at `p` (pairs x, y, z, out): `out − (x·(y·c0) + z·c1)`, written at
/// `o`, `o + 32`.
const ARITH_EXT_OP: &str = r#"
function ae_op(p, o, c0, c1) {
    let u0, u1, v0, v1 := a_mul_raw(mload(p), mload(add(p, 32)), e_mul(mload(add(p, 64)), c0), e_mul(mload(add(p, 96)), c0))
    u0, u1 := e_madd_raw(u0, u1, mload(add(p, 128)), c1)
    v0, v1 := e_madd_raw(v0, v1, mload(add(p, 160)), c1)
    mstore(o, e_rsub(mload(add(p, 192)), u0, u1))
    mstore(add(o, 32), e_rsub(mload(add(p, 224)), v0, v1))
}
"#;

/// MulExtensionGate's op at `p` (pairs x, y, out): `out − x·(y·c0)`, written at `o`, `o + 32`.
const MUL_EXT_OP: &str = r#"
function me_op(p, o, c0) {
    let u0, u1, v0, v1 := a_mul_raw(mload(p), mload(add(p, 32)), e_mul(mload(add(p, 64)), c0), e_mul(mload(add(p, 96)), c0))
    mstore(o, e_rsub(mload(add(p, 128)), u0, u1))
    mstore(add(o, 32), e_rsub(mload(add(p, 160)), v0, v1))
}
"#;

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    let mut b = Body::default();
    if let Some(g) = any.downcast_ref::<ArithmeticGate>() {
        // Wires of op i: 4i multiplicand 0, 4i+1 multiplicand 1, 4i+2 addend, 4i+3 output.
        b.helpers(ALGEBRA);
        b.helpers(ARITH_OP);
        b.line(format!("let c0 := {}", k(0)));
        b.line(format!("let c1 := {}", k(1)));
        b.op_loop(g.num_ops, 0, 4, 1, "mstore(o, ar_op(p, c0, c1))");
        return Some(("evalArithmetic".into(), b));
    }
    if let Some(g) = any.downcast_ref::<ArithmeticExtensionGate<2>>() {
        // Op i: multiplicands at 8i, 8i+2, addend at 8i+4, output at 8i+6 (pairs).
        b.helpers(ALGEBRA);
        b.helpers(ARITH_EXT_OP);
        b.line(format!("let c0 := {}", k(0)));
        b.line(format!("let c1 := {}", k(1)));
        b.op_loop(g.num_ops, 0, 8, 2, "ae_op(p, o, c0, c1)");
        return Some(("evalArithmeticExtension".into(), b));
    }
    if let Some(g) = any.downcast_ref::<MulExtensionGate<2>>() {
        // Op i: multiplicands at 6i, 6i+2, output at 6i+4 (pairs).
        b.helpers(ALGEBRA);
        b.helpers(MUL_EXT_OP);
        b.line(format!("let c0 := {}", k(0)));
        b.op_loop(g.num_ops, 0, 6, 2, "me_op(p, o, c0)");
        return Some(("evalMulExtension".into(), b));
    }
    None
}
