//! The Yul prelude of every generated assembly block: Goldilocks `GF(p)`, `p = 2^64 - 2^32 + 1`,
//! and `GF(p^2) = GF(p)[X]/(X^2 - 7)` (plonky2's quadratic extension of Goldilocks).
//!
//! Encoding (docs/verifier.md): a base element is a word `< p`; an extension element
//! `c0 + c1·X` is ONE word `c0 | c1 << 128` with both components `< p`, so every operation is a
//! single-valued Yul function and generated expressions nest. A base element is also the
//! extension element with `c1 = 0`. Every function returns canonical components when its inputs
//! are canonical.

/// Goldilocks prime as a Yul literal.
pub const P: &str = "0xffffffff00000001";

/// The prelude: paste at the top of an `assembly { … }` block.
///
/// - `f_add, f_sub, f_mul, f_pow, f_inv`: `GF(p)`.
/// - `e_add, e_sub, e_neg, e_mul, e_sq, e_smul (ext · base), e_pack (c0, c1), e_c0, e_c1,
///   e_inv`: `GF(p^2)`.
/// - `e_at(ptr, i)`: the `i`-th word of a memory array of words starting at `ptr` (no length
///   prefix).
pub const PRELUDE: &str = r#"
function f_add(a, b) -> r { r := addmod(a, b, 0xffffffff00000001) }
function f_sub(a, b) -> r { r := addmod(a, sub(0xffffffff00000001, b), 0xffffffff00000001) }
function f_mul(a, b) -> r { r := mulmod(a, b, 0xffffffff00000001) }
function f_pow(a, e) -> r {
    r := 1
    for {} e {} {
        if and(e, 1) { r := mulmod(r, a, 0xffffffff00000001) }
        a := mulmod(a, a, 0xffffffff00000001)
        e := shr(1, e)
    }
}
function f_inv(a) -> r { r := f_pow(a, 0xfffffffeffffffff) }
function e_pack(c0, c1) -> r { r := or(c0, shl(128, c1)) }
function e_c0(a) -> r { r := and(a, 0xffffffffffffffffffffffffffffffff) }
function e_c1(a) -> r { r := shr(128, a) }
function e_add(a, b) -> r {
    r := or(addmod(e_c0(a), e_c0(b), 0xffffffff00000001),
            shl(128, addmod(shr(128, a), shr(128, b), 0xffffffff00000001)))
}
function e_sub(a, b) -> r {
    r := or(addmod(e_c0(a), sub(0xffffffff00000001, e_c0(b)), 0xffffffff00000001),
            shl(128, addmod(shr(128, a), sub(0xffffffff00000001, shr(128, b)), 0xffffffff00000001)))
}
function e_neg(a) -> r { r := e_sub(0, a) }
function e_mul(a, b) -> r {
    let a0 := e_c0(a)
    let a1 := shr(128, a)
    let b0 := e_c0(b)
    let b1 := shr(128, b)
    r := or(addmod(mul(a0, b0), mul(7, mul(a1, b1)), 0xffffffff00000001),
            shl(128, addmod(mul(a0, b1), mul(a1, b0), 0xffffffff00000001)))
}
function e_sq(a) -> r { r := e_mul(a, a) }
function e_smul(a, s) -> r {
    r := or(mulmod(e_c0(a), s, 0xffffffff00000001), shl(128, mulmod(shr(128, a), s, 0xffffffff00000001)))
}
function e_inv(a) -> r {
    let a0 := e_c0(a)
    let a1 := shr(128, a)
    let n := addmod(mulmod(a0, a0, 0xffffffff00000001),
                    sub(0xffffffff00000001, mulmod(7, mulmod(a1, a1, 0xffffffff00000001), 0xffffffff00000001)),
                    0xffffffff00000001)
    let ni := f_inv(n)
    r := or(mulmod(a0, ni, 0xffffffff00000001),
            shl(128, mulmod(sub(0xffffffff00000001, a1), ni, 0xffffffff00000001)))
}
function e_at(ptr, i) -> r { r := mload(add(ptr, shl(5, i))) }
"#;
