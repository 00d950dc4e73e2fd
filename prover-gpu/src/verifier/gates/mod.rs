//! One Solidity emitter per gate type of the wrapper's gate set. Each emits an internal
//! function that evaluates the gate's constraints at ζ, exactly as plonky2's
//! `Gate::eval_unfiltered` does (docs/verifier.md, "Gate functions").
//!
//! Every emitter reads the gate's parameters from the gate itself (a downcast), so a re-tuned
//! circuit regenerates correctly; it emits straight-line Yul (loops unrolled here), with few
//! live locals and intermediate arrays in scratch memory past the free memory pointer (stack too
//! deep). [`emit_library`] assembles the evaluators of a whole gate set into the Solidity
//! `library WrapperGates` (`contracts/verifier/generated/WrapperGates.sol`), held to plonky2 by
//! `prover-gpu/tests/verifier_gates.rs` and `test/verifier/WrapperGates.t.sol`.
//!
//! Adding an emitter: a module with `pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)>`
//! that downcasts `any` to its gate and returns the function name (`eval<Gate>`) and a `Body`
//! (`helpers` for Yul functions after the prelude, `line` for statements, `out` for the next
//! constraint, `op_loop` for a loop over uniform ops; `outs` counts the constraints written),
//! chained into [`emit_gate`]. The function's signature (unused parameters unnamed) and the
//! `assembly` block with the prelude are added around it.

mod arithmetic;
mod base_sum;
mod coset_interpolation;
mod poseidon;
mod poseidon_mds;
mod random_access;
mod reducing;
mod simple;

use std::fmt::Write;

use plonky2::field::types::PrimeField64;
use plonky2::gates::gate::GateRef;
use plonky2::plonk::circuit_data::CommonCircuitData;

use super::error::VerifierGenError;
use super::yul::PRELUDE;
use crate::prover::{D, F};

/// A gate's generated Solidity evaluator.
#[derive(Clone, Debug)]
pub struct GateSol {
    /// The function name (`eval` + the gate's name, e.g. `evalArithmetic`).
    pub name: String,
    /// The whole function, `function <name>(uint256 wires, uint256 consts, uint256 pih, uint256 out)
    /// internal pure { assembly ("memory-safe") { <PRELUDE> … } }`.
    pub code: String,
    /// How many constraints it writes to `out` (plonky2's `Gate::num_constraints`).
    pub num_constraints: usize,
}

/// The Solidity evaluator of `gate`.
pub fn emit_gate(gate: &GateRef<F, D>) -> Result<GateSol, VerifierGenError> {
    let any = gate.0.as_any();
    let emitted = simple::emit(any)
        .or_else(|| base_sum::emit(any))
        .or_else(|| arithmetic::emit(any))
        .or_else(|| reducing::emit(any))
        .or_else(|| random_access::emit(any))
        .or_else(|| coset_interpolation::emit(any))
        .or_else(|| poseidon::emit(any))
        .or_else(|| poseidon_mds::emit(any));
    let Some((name, body)) = emitted else {
        return Err(VerifierGenError::UnsupportedGate(gate.0.id()));
    };
    let num_constraints = gate.0.num_constraints();
    if body.outs != num_constraints {
        return Err(VerifierGenError::Unsupported(format!(
            "emitter of {} wrote {} constraints, the gate has {num_constraints}",
            gate.0.id(),
            body.outs
        )));
    }
    Ok(GateSol {
        code: body.function(&name),
        name,
        num_constraints,
    })
}

/// The short name of a gate (its type name, from its id), for comments and errors.
pub fn gate_short_name(gate: &GateRef<F, D>) -> String {
    let id = gate.0.id();
    let end = id
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(id.len());
    id[..end].to_string()
}

/// The Solidity `library WrapperGates` of `common`'s gate set: every gate's evaluator, a
/// dispatcher `evalGate(index, wires, consts, pih, out)` (index = position in `common.gates`)
/// and `numConstraints(index)`. Fails if a gate has no emitter.
pub fn emit_library(common: &CommonCircuitData<F, D>) -> Result<String, VerifierGenError> {
    let (text, missing) = emit_library_partial(common)?;
    match missing.first() {
        None => Ok(text),
        Some((_, id)) => Err(VerifierGenError::UnsupportedGate(id.clone())),
    }
}

/// [`emit_library`], but a gate with no emitter is left out (its `evalGate` reverts with
/// `UnknownGate`) and listed (index, id) instead of failing: for work in progress only.
pub fn emit_library_partial(
    common: &CommonCircuitData<F, D>,
) -> Result<(String, Vec<(usize, String)>), VerifierGenError> {
    emit_gate_library(
        "WrapperGates",
        "The wrapper circuit's gate constraints at ζ",
        &common.gates,
    )
}

/// The library of [`emit_library_partial`] for any gate list, named `name`, its notice starting
/// with `about` (the differential tests also emit one for gate parameters other than the
/// wrapper's).
pub fn emit_gate_library(
    name: &str,
    about: &str,
    gates: &[GateRef<F, D>],
) -> Result<(String, Vec<(usize, String)>), VerifierGenError> {
    let mut missing = Vec::new();
    let mut sols: Vec<Option<GateSol>> = Vec::new();
    for (i, gate) in gates.iter().enumerate() {
        match emit_gate(gate) {
            Ok(mut sol) => {
                // The same gate type twice (different parameters): suffix the later ones.
                if sols.iter().flatten().any(|s| s.name == sol.name) {
                    let renamed = format!("{}{i}", sol.name);
                    sol.code = sol.code.replacen(
                        &format!("function {}(", sol.name),
                        &format!("function {renamed}("),
                        1,
                    );
                    sol.name = renamed;
                }
                sols.push(Some(sol));
            }
            Err(VerifierGenError::UnsupportedGate(id)) => {
                missing.push((i, id));
                sols.push(None);
            }
            Err(e) => return Err(e),
        }
    }

    let mut s = String::new();
    let gates_doc: String = gates
        .iter()
        .enumerate()
        .map(|(i, g)| {
            format!(
                "///      {i}: {} ({} constraints)\n",
                gate_short_name(g),
                g.0.num_constraints()
            )
        })
        .collect();
    write!(
        s,
        r#"// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

// GENERATED by janus_prover::verifier::gates::emit_gate_library; do not edit.
// Regenerate: JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test verifier_gates

/// @notice {about} (docs/verifier.md, "Gate functions"): each
///         `eval<Gate>` writes plonky2's `Gate::eval_unfiltered` (packed GF(p^2) words) to `out`.
/// @dev Gates, by index in the circuit's gate list:
{gates_doc}library {name} {{
    /// @notice How many gates the circuit has (valid indices are below it).
    uint256 internal constant NUM_GATES = {num_gates};

    /// @notice The gate set has no evaluator for gate `index`.
    error UnknownGate(uint256 index);

    /// @notice Evaluate gate `index` (position in the circuit's gate list): `wires` (num_wires
    ///         packed extension words), `consts` (the constants after the selectors), `pih` (the 4
    ///         public-inputs-hash words); writes `numConstraints(index)` words at `out`. Inputs are
    ///         canonical (both components below p); the result is. All four arrays must lie below
    ///         the free memory pointer: evaluators use the memory past it as scratch.
    function evalGate(uint256 index, uint256 wires, uint256 consts, uint256 pih, uint256 out) internal pure {{
"#,
        num_gates = gates.len()
    )
    .unwrap();
    for (i, sol) in sols.iter().enumerate() {
        if let Some(sol) = sol {
            writeln!(
                s,
                "        if (index == {i}) return {}(wires, consts, pih, out);",
                sol.name
            )
            .unwrap();
        }
    }
    s.push_str("        revert UnknownGate(index);\n    }\n\n");
    s.push_str(
        "    /// @notice How many constraints gate `index` has.\n    function numConstraints(uint256 index) internal pure returns (uint256) {\n",
    );
    for (i, gate) in gates.iter().enumerate() {
        writeln!(
            s,
            "        if (index == {i}) return {};",
            gate.0.num_constraints()
        )
        .unwrap();
    }
    s.push_str("        revert UnknownGate(index);\n    }\n");
    for sol in sols.iter().flatten() {
        s.push('\n');
        for line in sol.code.lines() {
            if line.is_empty() {
                s.push('\n');
            } else {
                writeln!(s, "    {line}").unwrap();
            }
        }
    }
    s.push_str("}\n");
    Ok((s, missing))
}

// ------------------------------------------------------------------ emitter helpers

/// Yul helpers on plonky2's `ExtensionAlgebra<GF(p^2), 2>` (pairs `(a0, a1)` of packed extension
/// words, `Y^2 = 7`), computed on the eight base components instead of through the prelude's `e_*`
/// calls:
///
/// - `a_mul_raw`: the product `(a0·b0 + 7·a1·b1, a0·b1 + a1·b0)` as four UNREDUCED base components
///   `(u0, u1)`, `(v0, v1)`, each below 2^134, so callers can add a few more canonical terms before
///   the one reduction;
/// - `e_fin(u0, u1)`: the packed word of unreduced components;
/// - `a_mul`: the reduced product;
/// - `e_madd_raw(u0, u1, x, k)`: `u + x·k` for canonical extension words `x`, `k` (adds below
///   2^131 to the unreduced `u`);
/// - `e_rsub(x, u0, u1)`: `x − u`, canonical, for a canonical `x` and any unreduced `u`.
pub(crate) const ALGEBRA: &str = r#"
function a_mul_raw(a0, a1, b0, b1) -> u0, u1, v0, v1 {
    // u = a0·b0 + 7·a1·b1
    let x0 := and(a0, 0xffffffffffffffffffffffffffffffff)
    let x1 := shr(128, a0)
    let y0 := and(b0, 0xffffffffffffffffffffffffffffffff)
    let y1 := shr(128, b0)
    u0 := add(mul(x0, y0), mul(7, mul(x1, y1)))
    u1 := add(mul(x0, y1), mul(x1, y0))
    // v = a0·b1 + a1·b0
    y0 := and(b1, 0xffffffffffffffffffffffffffffffff)
    y1 := shr(128, b1)
    v0 := add(mul(x0, y0), mul(7, mul(x1, y1)))
    v1 := add(mul(x0, y1), mul(x1, y0))
    x0 := and(a1, 0xffffffffffffffffffffffffffffffff)
    x1 := shr(128, a1)
    u0 := add(u0, mul(7, add(mul(x0, y0), mul(7, mul(x1, y1)))))
    u1 := add(u1, mul(7, add(mul(x0, y1), mul(x1, y0))))
    y0 := and(b0, 0xffffffffffffffffffffffffffffffff)
    y1 := shr(128, b0)
    v0 := add(v0, add(mul(x0, y0), mul(7, mul(x1, y1))))
    v1 := add(v1, add(mul(x0, y1), mul(x1, y0)))
}
function e_fin(u0, u1) -> r {
    r := or(mod(u0, 0xffffffff00000001), shl(128, mod(u1, 0xffffffff00000001)))
}
function a_mul(a0, a1, b0, b1) -> r0, r1 {
    let u0, u1, v0, v1 := a_mul_raw(a0, a1, b0, b1)
    r0 := e_fin(u0, u1)
    r1 := e_fin(v0, v1)
}
function e_madd_raw(u0, u1, x, k) -> r0, r1 {
    let x0 := and(x, 0xffffffffffffffffffffffffffffffff)
    let x1 := shr(128, x)
    let k0 := and(k, 0xffffffffffffffffffffffffffffffff)
    let k1 := shr(128, k)
    r0 := add(u0, add(mul(x0, k0), mul(7, mul(x1, k1))))
    r1 := add(u1, add(mul(x0, k1), mul(x1, k0)))
}
function e_rsub(x, u0, u1) -> r {
    r := or(
        addmod(and(x, 0xffffffffffffffffffffffffffffffff), sub(0xffffffff00000001, mod(u0, 0xffffffff00000001)), 0xffffffff00000001),
        shl(128, addmod(shr(128, x), sub(0xffffffff00000001, mod(u1, 0xffffffff00000001)), 0xffffffff00000001))
    )
}
"#;

/// The `i`-th word of the memory array at `ptr` (a Yul expression).
pub(crate) fn at(ptr: &str, i: usize) -> String {
    format!("mload({})", addr(ptr, i))
}

/// The address of the `i`-th word of the memory array at `ptr` (a Yul expression).
pub(crate) fn addr(ptr: &str, i: usize) -> String {
    if i == 0 {
        ptr.to_string()
    } else {
        format!("add({ptr}, {})", 32 * i)
    }
}

/// A Yul block writing `l·(l − 1)` at address `dst` for `l` = the value of `src`, in closed form:
/// for `l = a + c·X`, `(a² − a + 7c², c·(2a − 1))`.
pub(crate) fn bool_constraint(src: &str, dst: &str) -> String {
    format!(
        "{{ let l := {src} let a := and(l, 0xffffffffffffffffffffffffffffffff) let c := shr(128, l) \
         mstore({dst}, or(addmod(add(mul(a, a), mul(7, mul(c, c))), sub(0xffffffff00000001, a), 0xffffffff00000001), \
         shl(128, mulmod(c, addmod(add(a, a), 0xffffffff00000000, 0xffffffff00000001), 0xffffffff00000001)))) }}"
    )
}

/// Wire `i`.
pub(crate) fn w(i: usize) -> String {
    at("wires", i)
}

/// Gate constant `i`.
pub(crate) fn k(i: usize) -> String {
    at("consts", i)
}

/// A base-field constant as a Yul literal.
pub(crate) fn lit(x: F) -> String {
    format!("{:#x}", x.to_canonical_u64())
}

/// The body of a gate's assembly block being emitted.
#[derive(Default)]
pub(crate) struct Body {
    /// Yul helper functions after the prelude.
    helpers: String,
    code: String,
    /// Constraints written so far.
    pub(crate) outs: usize,
}

impl Body {
    pub(crate) fn helpers(&mut self, yul: &str) {
        self.helpers.push_str(yul);
    }

    /// A Yul statement.
    pub(crate) fn line(&mut self, stmt: impl AsRef<str>) {
        self.code.push_str(stmt.as_ref());
        self.code.push('\n');
    }

    /// A loop over `n` uniform ops (compact code; the gas of the loop is small next to the field
    /// arithmetic): in `body`, `p` points at the op's first wire (ops `wire_stride` words apart,
    /// from wire `first_wire`) and `o` at its first constraint (`outs_per_op` words apart, from the
    /// next constraint to write).
    pub(crate) fn op_loop(
        &mut self,
        n: usize,
        first_wire: usize,
        wire_stride: usize,
        outs_per_op: usize,
        body: &str,
    ) {
        if n == 0 {
            return;
        }
        self.line(format!(
            "for {{ let p := {} let o := {} }} lt(p, {}) {{ p := add(p, {}) o := add(o, {}) }} {{",
            addr("wires", first_wire),
            addr("out", self.outs),
            addr("wires", first_wire + n * wire_stride),
            32 * wire_stride,
            32 * outs_per_op
        ));
        self.line(body);
        self.line("}");
        self.outs += n * outs_per_op;
    }

    /// Write the next constraint.
    pub(crate) fn out(&mut self, expr: impl AsRef<str>) {
        let ptr = if self.outs == 0 {
            "out".to_string()
        } else {
            format!("add(out, {})", 32 * self.outs)
        };
        self.line(format!("mstore({ptr}, {})", expr.as_ref()));
        self.outs += 1;
    }

    /// The whole Solidity function; parameters the body does not use are unnamed (no warnings).
    fn function(&self, name: &str) -> String {
        let uses = |p: &str| {
            let code = format!("{}\n{}", self.helpers, self.code);
            code.match_indices(p).any(|(i, _)| {
                let before = code[..i].chars().next_back();
                let after = code[i + p.len()..].chars().next();
                let ident =
                    |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                !ident(before) && !ident(after)
            })
        };
        let params: Vec<String> = ["wires", "consts", "pih", "out"]
            .iter()
            .map(|p| {
                if uses(p) {
                    format!("uint256 {p}")
                } else {
                    "uint256".to_string()
                }
            })
            .collect();
        let mut f = format!("function {name}({}) internal pure {{\n", params.join(", "));
        if !self.code.is_empty() {
            f.push_str("    assembly (\"memory-safe\") {");
            for line in PRELUDE.lines().chain(self.helpers.lines()) {
                if !line.is_empty() {
                    f.push_str("\n        ");
                    f.push_str(line);
                }
            }
            // The emitted statements, indented by their braces.
            let mut depth = 0usize;
            for line in self.code.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let opens = line.matches('{').count();
                let closes = line.matches('}').count();
                let lead = line.starts_with('}') as usize;
                f.push_str("\n        ");
                f.push_str(&"    ".repeat(depth.saturating_sub(lead)));
                f.push_str(line);
                depth = (depth + opens).saturating_sub(closes);
            }
            f.push_str("\n    }\n");
        }
        f.push_str("}\n");
        f
    }
}
