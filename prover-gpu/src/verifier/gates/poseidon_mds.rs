//! `PoseidonMdsGate` (width 12, D = 2): inputs `i` are wires `2i, 2i+1`, outputs `i` wires
//! `24+2i, 24+2i+1` (each an `ExtensionAlgebra<GF(p^2), 2>` element, two extension words); the
//! constraints are, for each output `i` and component `d`, `out_i[d] − sum_j M[i][j]·in_j[d]` with
//! `M = circ(MDS_MATRIX_CIRC) + diag(MDS_MATRIX_DIAG)` (plonky2's `mds_layer_algebra`; a base
//! scalar times an algebra element scales both components).
//!
//! The matrix entries are `< 64` (row sums `<= 264`), so a packed extension word `c0 | c1 << 128`
//! (both `< p`) times an entry is carry-free per 128-bit lane, and the 13 products of a row sum to
//! lanes `< 2^73`: one `mul` and one `add` per product, one reduction per constraint.
//! The rows run in a Yul loop (code size: 0.9 kB instead of 3.7 kB unrolled, for ~6k more gas),
//! the coefficients read from one word holding the circulant's first row twice.

use std::any::Any;

use plonky2::gates::poseidon_mds::PoseidonMdsGate;
use plonky2::hash::poseidon::{Poseidon, SPONGE_WIDTH};

use super::{w, Body};
use crate::prover::{D, F};

/// Yul: reduce both 128-bit lanes of a lazily accumulated packed extension word.
pub(super) const E_RED: &str = r#"
function e_red(a) -> r {
    r := or(mod(and(a, 0xffffffffffffffffffffffffffffffff), 0xffffffff00000001),
            shl(128, mod(shr(128, a), 0xffffffff00000001)))
}
"#;

/// `M[r][j]` of plonky2's width-12 MDS matrix.
pub(super) fn mds(r: usize, j: usize) -> u64 {
    let circ = <F as Poseidon>::MDS_MATRIX_CIRC;
    let diag = <F as Poseidon>::MDS_MATRIX_DIAG;
    circ[(j + SPONGE_WIDTH - r) % SPONGE_WIDTH] + if r == j { diag[r] } else { 0 }
}

/// Yul expression of `sum_j M[r][j] · x_j` over packed extension words `x_j` (canonical lanes),
/// unreduced (lanes `< 2^73`): `term(j)` is the Yul expression of `x_j`.
pub(super) fn mds_row_lazy(r: usize, term: impl Fn(usize) -> String) -> String {
    let mut e = format!(
        "mul({}, {})",
        term(SPONGE_WIDTH - 1),
        mds(r, SPONGE_WIDTH - 1)
    );
    for j in (0..SPONGE_WIDTH - 1).rev() {
        e = format!("add(mul({}, {}), {e})", term(j), mds(r, j));
    }
    e
}

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    let _gate = any.downcast_ref::<PoseidonMdsGate<F, D>>()?;
    let circ = <F as Poseidon>::MDS_MATRIX_CIRC;
    let diag = <F as Poseidon>::MDS_MATRIX_DIAG;
    // A loop over the 12 rows (code size): byte `k` (from the most significant) of `cw` is
    // `MDS_MATRIX_CIRC[k mod 12]` for k < 24, so row `i`'s coefficient of input `j` is
    // `byte(12 − i + j, cw)`; byte `i` of `dw` is `MDS_MATRIX_DIAG[i]`.
    let mut cw = [0u8; 32];
    let mut dw = [0u8; 32];
    for k in 0..2 * SPONGE_WIDTH {
        cw[k] = u8::try_from(circ[k % SPONGE_WIDTH]).expect("MDS entry < 256");
    }
    for (k, x) in diag.iter().enumerate() {
        dw[k] = u8::try_from(*x).expect("MDS entry < 256");
    }
    let hex = |b: &[u8; 32]| {
        format!(
            "0x{}",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        )
    };
    let mut b = Body::default();
    b.helpers(E_RED);
    b.line(format!("let cw := {}", hex(&cw)));
    b.line(format!("let dw := {}", hex(&dw)));
    b.line(format!(
        "for {{ let i := 0 }} lt(i, {SPONGE_WIDTH}) {{ i := add(i, 1) }} {{"
    ));
    b.line(format!("    let base := sub({SPONGE_WIDTH}, i)"));
    for d in 0..D {
        let mut sum = format!("mul(mload(add(wires, shl(5, add(shl(1, i), {d})))), byte(i, dw))");
        for j in (0..SPONGE_WIDTH).rev() {
            sum = format!(
                "add(mul({}, byte(add(base, {j}), cw)), {sum})",
                w(j * D + d)
            );
        }
        b.line(format!(
            "    mstore(add(out, shl(5, add(shl(1, i), {d}))), e_sub(mload(add(wires, shl(5, add(shl(1, i), {})))), e_red({sum})))",
            SPONGE_WIDTH * D + d
        ));
    }
    b.line("}");
    b.outs += SPONGE_WIDTH * D;
    Some(("evalPoseidonMds".into(), b))
}
