//! `NoopGate` (no constraints), `ConstantGate` (`consts[i] - wires[i]`) and `PublicInputGate`
//! (`wires[i] - pih[i]`, `i < 4`).

use std::any::Any;

use plonky2::gates::constant::ConstantGate;
use plonky2::gates::gate::Gate;
use plonky2::gates::noop::NoopGate;
use plonky2::gates::public_input::PublicInputGate;

use super::{at, k, w, Body};
use crate::prover::{D, F};

pub(super) fn emit(any: &dyn Any) -> Option<(String, Body)> {
    let mut b = Body::default();
    if any.is::<NoopGate>() {
        return Some(("evalNoop".into(), b));
    }
    if let Some(g) = any.downcast_ref::<ConstantGate>() {
        // `num_consts` is crate-private; the gate has one constant, wire and constraint per
        // constant.
        let n = <ConstantGate as Gate<F, D>>::num_constants(g);
        for i in 0..n {
            b.out(format!("e_sub({}, {})", k(i), w(i)));
        }
        return Some(("evalConstant".into(), b));
    }
    if let Some(g) = any.downcast_ref::<PublicInputGate>() {
        // The hash's 4 words are wires 0..4 (plonky2's `wires_public_inputs_hash`).
        for i in 0..<PublicInputGate as Gate<F, D>>::num_wires(g) {
            b.out(format!("e_sub({}, {})", w(i), at("pih", i)));
        }
        return Some(("evalPublicInput".into(), b));
    }
    None
}
