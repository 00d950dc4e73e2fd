//! One Solidity emitter per gate type of the wrapper's gate set. Each emits an internal
//! function that evaluates the gate's constraints at ζ, exactly as plonky2's
//! `Gate::eval_unfiltered` does (docs/verifier.md, "Gate functions").

use plonky2::gates::gate::GateRef;

use super::error::VerifierGenError;
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
    let _any = gate.0.as_any();
    Err(VerifierGenError::UnsupportedGate(gate.0.id()))
}
