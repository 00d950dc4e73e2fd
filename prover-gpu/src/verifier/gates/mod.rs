//! One Solidity emitter per gate type of the wrapper's gate set. Each emits an internal
//! function that evaluates the gate's constraints at ζ, exactly as plonky2's
//! `Gate::eval_unfiltered` does (docs/verifier.md, "Gate functions").

mod poseidon;
mod poseidon_mds;

use plonky2::gates::gate::GateRef;

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
    let emitted = poseidon::emit(any).or_else(|| poseidon_mds::emit(any));
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
    Ok(GateSol { code: body.function(&name), name, num_constraints })
}

/// The `i`-th word of the memory array at `ptr` (a Yul expression).
pub(crate) fn at(ptr: &str, i: usize) -> String {
    if i == 0 {
        format!("mload({ptr})")
    } else {
        format!("mload(add({ptr}, {}))", 32 * i)
    }
}

/// Wire `i`.
pub(crate) fn w(i: usize) -> String {
    at("wires", i)
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

    /// Write the next constraint.
    pub(crate) fn out(&mut self, expr: impl AsRef<str>) {
        let ptr = if self.outs == 0 { "out".to_string() } else { format!("add(out, {})", 32 * self.outs) };
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
                let ident = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                !ident(before) && !ident(after)
            })
        };
        let params: Vec<String> = ["wires", "consts", "pih", "out"]
            .iter()
            .map(|p| if uses(p) { format!("uint256 {p}") } else { "uint256".to_string() })
            .collect();
        let mut f = format!("function {name}({}) internal pure {{\n", params.join(", "));
        if !self.code.is_empty() {
            f.push_str("    assembly (\"memory-safe\") {");
            for line in PRELUDE.lines().chain(self.helpers.lines()).chain(self.code.lines()) {
                if line.is_empty() {
                    f.push('\n');
                } else {
                    f.push_str("\n        ");
                    f.push_str(line);
                }
            }
            f.push_str("\n    }\n");
        }
        f.push_str("}\n");
        f
    }
}
