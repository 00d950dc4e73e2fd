//! `ArithmeticGate` (`out − (x·y·c0 + z·c1)` per op, on single wires),
//! `ArithmeticExtensionGate<2>` (the same on `ExtensionAlgebra` pairs of wires, two constraints per
//! op) and `MulExtensionGate<2>` (`out − x·y·c0` on pairs).

use std::any::Any;

use plonky2::gates::arithmetic_base::ArithmeticGate;
use plonky2::gates::arithmetic_extension::ArithmeticExtensionGate;
use plonky2::gates::multiplication_extension::MulExtensionGate;

use super::{k, w, Body, ALGEBRA};

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    let mut b = Body::default();
    if let Some(g) = any.downcast_ref::<ArithmeticGate>() {
        // Wires of op i: 4i multiplicand 0, 4i+1 multiplicand 1, 4i+2 addend, 4i+3 output.
        b.line(format!("let c0 := {}", k(0)));
        b.line(format!("let c1 := {}", k(1)));
        for i in 0..g.num_ops {
            b.out(format!(
                "e_sub({}, e_add(e_mul(e_mul({}, {}), c0), e_mul({}, c1)))",
                w(4 * i + 3),
                w(4 * i),
                w(4 * i + 1),
                w(4 * i + 2)
            ));
        }
        return Some(("evalArithmetic".into(), b));
    }
    if let Some(g) = any.downcast_ref::<ArithmeticExtensionGate<2>>() {
        // Op i: multiplicands at 8i, 8i+2, addend at 8i+4, output at 8i+6 (pairs).
        b.helpers(ALGEBRA);
        b.line(format!("let c0 := {}", k(0)));
        b.line(format!("let c1 := {}", k(1)));
        for i in 0..g.num_ops {
            let (m, n, a, o) = (8 * i, 8 * i + 2, 8 * i + 4, 8 * i + 6);
            for (c, mul) in [(0, "a_mul0"), (1, "a_mul1")] {
                b.out(format!(
                    "e_sub({}, e_add(e_mul({mul}({}, {}, {}, {}), c0), e_mul({}, c1)))",
                    w(o + c),
                    w(m),
                    w(m + 1),
                    w(n),
                    w(n + 1),
                    w(a + c)
                ));
            }
        }
        return Some(("evalArithmeticExtension".into(), b));
    }
    if let Some(g) = any.downcast_ref::<MulExtensionGate<2>>() {
        // Op i: multiplicands at 6i, 6i+2, output at 6i+4 (pairs).
        b.helpers(ALGEBRA);
        b.line(format!("let c0 := {}", k(0)));
        for i in 0..g.num_ops {
            let (m, n, o) = (6 * i, 6 * i + 2, 6 * i + 4);
            for (c, mul) in [(0, "a_mul0"), (1, "a_mul1")] {
                b.out(format!(
                    "e_sub({}, e_mul({mul}({}, {}, {}, {}), c0))",
                    w(o + c),
                    w(m),
                    w(m + 1),
                    w(n),
                    w(n + 1)
                ));
            }
        }
        return Some(("evalMulExtension".into(), b));
    }
    None
}
