//! [`GFp5MulAddGate`]: `out = σ·a·b + τ·c` in GF(p^5) = GF(p)\[z\]/(z^5 − 3), several
//! operations per row, `σ` and `τ` the row's two constants (what plonky2's `ArithmeticGate` is
//! to the base field). One operation takes 20 routed wires (`a`, `b`, `c`, `out`, five limbs
//! each, lowest degree first), so the 80 routed wires of `standard_recursion_config` hold 4
//! operations per row, where the same product on `ArithmeticGate`s took 25 operations (1.25 rows).
//!
//! Constraints of operation `i`, limb `k` (`k = 0..5`), all of degree 3 (constant × wire × wire):
//!
//! ```text
//! out_k − σ·( Σ_{m+n=k} a_m·b_n + 3·Σ_{m+n=k+5} a_m·b_n ) − τ·c_k = 0
//! ```
//!
//! (the terms with `m + n ≥ 5` fold through `z^5 = 3`). Wire layout of operation `i`:
//! `a_k = 20i + k`, `b_k = 20i + 5 + k`, `c_k = 20i + 10 + k`, `out_k = 20i + 15 + k`. The GPU
//! quotient evaluates the same formula (docs/gpu.md, "Custom gates").

use plonky2::field::extension::Extendable;
use plonky2::field::types::Field;
use plonky2::gates::gate::Gate;
use plonky2::gates::util::StridedConstraintConsumer;
use plonky2::iop::ext_target::ExtensionTarget;
use plonky2::iop::generator::{GeneratedValues, SimpleGenerator, WitnessGeneratorRef};
use plonky2::iop::target::Target;
use plonky2::iop::witness::{PartitionWitness, Witness, WitnessWrite};
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::{CircuitConfig, CommonCircuitData};
use plonky2::plonk::vars::{EvaluationTargets, EvaluationVars, EvaluationVarsBase};
use plonky2::util::serialization::{Buffer, IoResult, Read, Write};

use super::algebra::{mul5, In, W};
use super::{D, F};

/// Routed wires per operation.
pub const WIRES_PER_OP: usize = 20;

/// `out = σ·a·b + τ·c` in GF(p^5), `num_ops` operations per row (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GFp5MulAddGate {
    /// Operations per row.
    pub num_ops: usize,
}

impl GFp5MulAddGate {
    /// As many operations as the config's routed wires hold.
    pub fn new_from_config(config: &CircuitConfig) -> Self {
        Self {
            num_ops: config.num_routed_wires / WIRES_PER_OP,
        }
    }

    /// Wire of limb `k` of `a` in operation `i`.
    pub const fn wire_a(i: usize, k: usize) -> usize {
        WIRES_PER_OP * i + k
    }
    /// Wire of limb `k` of `b` in operation `i`.
    pub const fn wire_b(i: usize, k: usize) -> usize {
        WIRES_PER_OP * i + 5 + k
    }
    /// Wire of limb `k` of `c` in operation `i`.
    pub const fn wire_c(i: usize, k: usize) -> usize {
        WIRES_PER_OP * i + 10 + k
    }
    /// Wire of limb `k` of `out` in operation `i`.
    pub const fn wire_out(i: usize, k: usize) -> usize {
        WIRES_PER_OP * i + 15 + k
    }
}

fn limbs<T: Copy>(wires: &[T], wire: impl Fn(usize) -> usize) -> [T; 5] {
    core::array::from_fn(|k| wires[wire(k)])
}

impl Gate<F, D> for GFp5MulAddGate {
    fn id(&self) -> String {
        format!("{self:?}")
    }

    fn serialize(&self, dst: &mut Vec<u8>, _common: &CommonCircuitData<F, D>) -> IoResult<()> {
        dst.write_usize(self.num_ops)
    }

    fn deserialize(src: &mut Buffer, _common: &CommonCircuitData<F, D>) -> IoResult<Self> {
        Ok(Self {
            num_ops: src.read_usize()?,
        })
    }

    fn eval_unfiltered(&self, vars: EvaluationVars<F, D>) -> Vec<<F as Extendable<D>>::Extension> {
        type E = <F as Extendable<D>>::Extension;
        let (sigma, tau) = (vars.local_constants[0], vars.local_constants[1]);
        let mut alg = In::<E>::default();
        let mut out = Vec::with_capacity(self.num_constraints());
        for i in 0..self.num_ops {
            let a = limbs(vars.local_wires, |k| Self::wire_a(i, k));
            let b = limbs(vars.local_wires, |k| Self::wire_b(i, k));
            let c = limbs(vars.local_wires, |k| Self::wire_c(i, k));
            let o = limbs(vars.local_wires, |k| Self::wire_out(i, k));
            let p = mul5(&mut alg, &a, &b);
            out.extend((0..5).map(|k| o[k] - sigma * p[k] - tau * c[k]));
        }
        out
    }

    fn eval_unfiltered_base_one(
        &self,
        vars: EvaluationVarsBase<F>,
        mut yield_constr: StridedConstraintConsumer<F>,
    ) {
        let (sigma, tau) = (vars.local_constants[0], vars.local_constants[1]);
        let mut alg = In::<F>::default();
        let wire = |j: usize| vars.local_wires[j];
        for i in 0..self.num_ops {
            let a: [F; 5] = core::array::from_fn(|k| wire(Self::wire_a(i, k)));
            let b: [F; 5] = core::array::from_fn(|k| wire(Self::wire_b(i, k)));
            let p = mul5(&mut alg, &a, &b);
            for (k, pk) in p.iter().enumerate() {
                let (c, o) = (wire(Self::wire_c(i, k)), wire(Self::wire_out(i, k)));
                yield_constr.one(o - sigma * *pk - tau * c);
            }
        }
    }

    fn eval_unfiltered_circuit(
        &self,
        builder: &mut CircuitBuilder<F, D>,
        vars: EvaluationTargets<D>,
    ) -> Vec<ExtensionTarget<D>> {
        let (sigma, tau) = (vars.local_constants[0], vars.local_constants[1]);
        let mut out = Vec::with_capacity(self.num_constraints());
        for i in 0..self.num_ops {
            let a = limbs(vars.local_wires, |k| Self::wire_a(i, k));
            let b = limbs(vars.local_wires, |k| Self::wire_b(i, k));
            for k in 0..5 {
                // low + 3·high, each a running sum of products. Written by hand, not through
                // `algebra::InCircuit`: the recursive circuits (segment and range trees, the Keccak wrapper
                // and so the Solidity verifier's constants) are built from these exact steps.
                let mut low = builder.zero_extension();
                for m in 0..=k {
                    low = builder.mul_add_extension(a[m], b[k - m], low);
                }
                let mut high = builder.zero_extension();
                for m in k + 1..5 {
                    high = builder.mul_add_extension(a[m], b[k + 5 - m], high);
                }
                let one = builder.one_extension();
                let p =
                    builder.arithmetic_extension(F::from_canonical_u64(W), F::ONE, high, one, low);
                let c = vars.local_wires[Self::wire_c(i, k)];
                let o = vars.local_wires[Self::wire_out(i, k)];
                let sp = builder.mul_extension(sigma, p);
                let tc = builder.mul_extension(tau, c);
                let rhs = builder.add_extension(sp, tc);
                out.push(builder.sub_extension(o, rhs));
            }
        }
        out
    }

    fn generators(&self, row: usize, local_constants: &[F]) -> Vec<WitnessGeneratorRef<F, D>> {
        (0..self.num_ops)
            .map(|op| {
                WitnessGeneratorRef::new(
                    GFp5MulAddGenerator {
                        row,
                        op,
                        sigma: local_constants[0],
                        tau: local_constants[1],
                    }
                    .adapter(),
                )
            })
            .collect()
    }

    fn num_wires(&self) -> usize {
        WIRES_PER_OP * self.num_ops
    }

    fn num_constants(&self) -> usize {
        2
    }

    fn degree(&self) -> usize {
        3
    }

    fn num_constraints(&self) -> usize {
        5 * self.num_ops
    }
}

/// Fills `out` of one operation of a [`GFp5MulAddGate`] row from its `a`, `b`, `c`.
#[derive(Clone, Debug, Default)]
pub struct GFp5MulAddGenerator {
    row: usize,
    op: usize,
    sigma: F,
    tau: F,
}

impl GFp5MulAddGenerator {
    /// Its generator id (what the prover-data cache tags it with, `crate::cache`).
    pub const ID: &'static str = "JanusGFp5MulAddGenerator";
}

impl SimpleGenerator<F, D> for GFp5MulAddGenerator {
    fn id(&self) -> String {
        Self::ID.into()
    }

    fn dependencies(&self) -> Vec<Target> {
        (0..5)
            .flat_map(|k| {
                [
                    GFp5MulAddGate::wire_a(self.op, k),
                    GFp5MulAddGate::wire_b(self.op, k),
                    GFp5MulAddGate::wire_c(self.op, k),
                ]
            })
            .map(|w| Target::wire(self.row, w))
            .collect()
    }

    fn run_once(
        &self,
        witness: &PartitionWitness<F>,
        out_buffer: &mut GeneratedValues<F>,
    ) -> anyhow::Result<()> {
        let get = |w: usize| witness.get_target(Target::wire(self.row, w));
        let a: [F; 5] = core::array::from_fn(|k| get(GFp5MulAddGate::wire_a(self.op, k)));
        let b: [F; 5] = core::array::from_fn(|k| get(GFp5MulAddGate::wire_b(self.op, k)));
        let p = mul5(&mut In::<F>::default(), &a, &b);
        for (k, pk) in p.iter().enumerate() {
            let c = get(GFp5MulAddGate::wire_c(self.op, k));
            let out = Target::wire(self.row, GFp5MulAddGate::wire_out(self.op, k));
            out_buffer.set_target(out, self.sigma * *pk + self.tau * c)?;
        }
        Ok(())
    }

    fn serialize(&self, dst: &mut Vec<u8>, _common: &CommonCircuitData<F, D>) -> IoResult<()> {
        dst.write_usize(self.row)?;
        dst.write_usize(self.op)?;
        dst.write_field(self.sigma)?;
        dst.write_field(self.tau)
    }

    fn deserialize(src: &mut Buffer, _common: &CommonCircuitData<F, D>) -> IoResult<Self> {
        Ok(Self {
            row: src.read_usize()?,
            op: src.read_usize()?,
            sigma: src.read_field()?,
            tau: src.read_field()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use plonky2::field::types::Sample;
    use plonky2::gates::gate_testing::{test_eval_fns, test_low_degree};
    use plonky2::iop::generator::generate_partial_witness;
    use plonky2::iop::witness::PartialWitness;
    use plonky2::plonk::circuit_data::CircuitData;

    use super::*;
    use crate::gadgets::ecgfp5::GFp5Target;
    use crate::gpu::prove::prove_partition_cpu;
    use crate::prover::{build_deterministic, C};
    use janus_l2::curve::Fp5;

    fn gate() -> GFp5MulAddGate {
        GFp5MulAddGate::new_from_config(&CircuitConfig::standard_recursion_config())
    }

    #[test]
    fn four_operations_per_row_of_degree_three() {
        let g = gate();
        assert_eq!(g.num_ops, 4);
        assert_eq!(<GFp5MulAddGate as Gate<F, D>>::num_constraints(&g), 20);
        test_low_degree::<F, _, D>(g);
    }

    #[test]
    fn base_extension_and_recursive_evaluations_agree() -> anyhow::Result<()> {
        test_eval_fns::<F, C, _, D>(gate())
    }

    #[test]
    fn product_is_the_field_multiplication() {
        let mut alg = In::<F>::default();
        for _ in 0..50 {
            let (x, y) = (Fp5::rand(), Fp5::rand());
            assert_eq!(mul5(&mut alg, &x.0, &y.0), (x * y).0);
        }
    }

    /// A circuit of `sigma·x·y + tau·c` for the three (sigma, tau) the gadgets use, its data,
    /// its inputs and the output targets.
    fn circuit() -> (CircuitData<F, C, D>, Vec<GFp5Target>, Vec<Vec<Target>>) {
        let mut b = CircuitBuilder::<F, D>::new(CircuitConfig::standard_recursion_config());
        let inputs: Vec<GFp5Target> = (0..3).map(|_| GFp5Target::new_virtual(&mut b)).collect();
        for x in &inputs {
            b.register_public_inputs(&x.0);
        }
        let (x, y, c) = (inputs[0], inputs[1], inputs[2]);
        let outs = [
            x.mul(&mut b, &y),
            y.mul_add(&mut b, &x, &c),
            x.neg_mul_add(&mut b, &c, &y),
        ];
        // The outputs feed nothing else (not even the public-inputs hash), so a changed output
        // limb breaks only this gate's constraint.
        let wires = outs.iter().map(|o| o.0.to_vec()).collect();
        (build_deterministic(b).expect("builds"), inputs, wires)
    }

    fn witness(inputs: &[GFp5Target]) -> PartialWitness<F> {
        let mut pw = PartialWitness::new();
        for x in inputs {
            for (t, v) in x.0.iter().zip(Fp5::rand().0) {
                pw.set_target(*t, v).expect("fresh target");
            }
        }
        pw
    }

    #[test]
    fn honest_outputs_prove_and_verify() {
        let (data, inputs, _) = circuit();
        let pw = witness(&inputs);
        let partition = generate_partial_witness(pw, &data.prover_only, &data.common).unwrap();
        let proof = prove_partition_cpu(&data, partition).expect("proves");
        data.verify(proof).expect("verifies");
    }

    /// Every output limb of every (sigma, tau) kind is constrained: one changed limb after
    /// witness generation gives no valid proof.
    #[test]
    fn a_wrong_output_limb_fails() {
        let (data, inputs, outs) = circuit();
        for (op, limbs) in outs.iter().enumerate() {
            for (k, target) in limbs.iter().enumerate() {
                let pw = witness(&inputs);
                let mut partition =
                    generate_partial_witness(pw, &data.prover_only, &data.common).unwrap();
                let index = target.index(partition.num_wires, partition.degree);
                let rep = partition.representative_map[index];
                let v = partition.values[rep].expect("generated");
                partition.values[rep] = Some(v + F::ONE);
                let ok = prove_partition_cpu(&data, partition)
                    .map(|p| data.verify(p).is_ok())
                    .unwrap_or(false);
                assert!(!ok, "output {op} limb {k} off by one still proves");
            }
        }
    }
}
