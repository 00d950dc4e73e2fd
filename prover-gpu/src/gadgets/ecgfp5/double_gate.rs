//! [`EcGFp5DoubleGate`]: one EcGFp5 point doubling `(X : Z : U : T) → 2·P` in the fractional
//! coordinates of [`super::curve`], two doublings per row. The input and output points are on
//! routed wires (40 per doubling: the 80 routed wires of `standard_recursion_config`), five
//! intermediate GF(p^5) values on advice wires (25 per doubling, wires 80..130).
//!
//! Constraints of one doubling, each a GF(p^5) equation (5 base constraints), degree ≤ 3
//! (`b1` is the curve constant of `b = b1·z`, `(c·z)·v` a limb shift, [`super::algebra`]):
//!
//! ```text
//! zt  = z · t                       (advice)
//! ztt = zt · t                      (advice)
//! z1  = zt · u                      (advice)
//! w1  = ztt − 2·(x + z) · u²        (advice)
//! z1s = z1²                         (advice)
//! X'  = (4·b1·z) · z1s
//! Z'  = w1²
//! U'  = (w1 + z1)² − z1s − Z'
//! T'  = 2·ztt² − 4·z1s − Z'
//! ```
//!
//! the same formula as the `ArithmeticGate` version it replaces (spec: `janus_l2::curve`'s
//! doubling). Wire layout of doubling `i`: input `x, z, u, t` at `40i + 0, 5, 10, 15`, output
//! `X', Z', U', T'` at `40i + 20, 25, 30, 35`, advice `zt, ztt, z1, w1, z1s` at
//! `80 + 25i + 0, 5, 10, 15, 20` (five limbs each, lowest degree first).

use plonky2::field::extension::Extendable;
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

use super::algebra::{add5, mul5, mul_z5, scale5, square5, sub5, Alg, Fp5Of, In, InCircuit};
use super::native::CURVE_B1;
use super::{D, F};

/// Routed wires per doubling (input and output point).
pub const ROUTED_PER_OP: usize = 40;
/// Advice wires per doubling.
pub const ADVICE_PER_OP: usize = 25;

/// Two EcGFp5 doublings per row (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EcGFp5DoubleGate {
    /// Doublings per row.
    pub num_ops: usize,
    /// First advice wire (the config's routed wire count).
    pub advice_start: usize,
}

impl EcGFp5DoubleGate {
    /// As many doublings as the config's routed and advice wires hold.
    pub fn new_from_config(config: &CircuitConfig) -> Self {
        let by_routed = config.num_routed_wires / ROUTED_PER_OP;
        let by_advice = (config.num_wires - config.num_routed_wires) / ADVICE_PER_OP;
        Self {
            num_ops: by_routed.min(by_advice),
            advice_start: config.num_routed_wires,
        }
    }

    /// First wire of input coordinate `c` (0 = x, 1 = z, 2 = u, 3 = t) of doubling `i`.
    pub const fn wire_in(i: usize, c: usize) -> usize {
        ROUTED_PER_OP * i + 5 * c
    }

    /// First wire of output coordinate `c` of doubling `i`.
    pub const fn wire_out(i: usize, c: usize) -> usize {
        ROUTED_PER_OP * i + 20 + 5 * c
    }

    /// First wire of advice value `v` (0 = zt, 1 = ztt, 2 = z1, 3 = w1, 4 = z1s) of doubling `i`.
    pub fn wire_advice(&self, i: usize, v: usize) -> usize {
        self.advice_start + ADVICE_PER_OP * i + 5 * v
    }
}

fn fp5<T: Copy>(wires: &[T], first: usize) -> [T; 5] {
    core::array::from_fn(|k| wires[first + k])
}

/// The doubling's values: `[zt, ztt, z1, w1, z1s]` and the output `[X', Z', U', T']`, from the
/// input `[x, z, u, t]` (witness generation; the constraints recompute each from its inputs).
fn double_values<A: Alg>(alg: &mut A, p: &[Fp5Of<A>; 4]) -> ([Fp5Of<A>; 5], [Fp5Of<A>; 4]) {
    let [x, z, u, t] = p;
    let zt = mul5(alg, z, t);
    let ztt = mul5(alg, &zt, t);
    let z1 = mul5(alg, &zt, u);
    let w1 = w1_of(alg, x, z, u, &ztt);
    let z1s = square5(alg, &z1);
    let out = outputs(alg, &ztt, &z1, &w1, &z1s);
    ([zt, ztt, z1, w1, z1s], out)
}

/// `ztt − 2·(x + z)·u²`.
fn w1_of<A: Alg>(
    alg: &mut A,
    x: &Fp5Of<A>,
    z: &Fp5Of<A>,
    u: &Fp5Of<A>,
    ztt: &Fp5Of<A>,
) -> Fp5Of<A> {
    let xz = add5(alg, x, z);
    let xz2 = scale5(alg, 2, &xz);
    let uu = square5(alg, u);
    let prod = mul5(alg, &xz2, &uu);
    sub5(alg, ztt, &prod)
}

/// `[X', Z', U', T']` from the advice values.
fn outputs<A: Alg>(
    alg: &mut A,
    ztt: &Fp5Of<A>,
    z1: &Fp5Of<A>,
    w1: &Fp5Of<A>,
    z1s: &Fp5Of<A>,
) -> [Fp5Of<A>; 4] {
    let x = mul_z5(alg, 4 * CURVE_B1, z1s);
    let nz = square5(alg, w1);
    let wz = add5(alg, w1, z1);
    let wz2 = square5(alg, &wz);
    let s = add5(alg, z1s, &nz);
    let u = sub5(alg, &wz2, &s);
    let x1 = square5(alg, ztt);
    let x1_2 = scale5(alg, 2, &x1);
    let z1s_4 = scale5(alg, 4, z1s);
    let a = sub5(alg, &x1_2, &z1s_4);
    let t = sub5(alg, &a, &nz);
    [x, nz, u, t]
}

impl EcGFp5DoubleGate {
    /// The 45 constraints of doubling `i`, in the order of the module docs.
    fn constraints<A: Alg>(&self, alg: &mut A, wires: &[A::E], i: usize) -> Vec<A::E> {
        let p: [Fp5Of<A>; 4] = core::array::from_fn(|c| fp5(wires, Self::wire_in(i, c)));
        let out: [Fp5Of<A>; 4] = core::array::from_fn(|c| fp5(wires, Self::wire_out(i, c)));
        let adv: [Fp5Of<A>; 5] = core::array::from_fn(|v| fp5(wires, self.wire_advice(i, v)));
        let [x, z, u, t] = &p;
        let [zt, ztt, z1, w1, z1s] = &adv;
        let expected: [Fp5Of<A>; 5] = [
            mul5(alg, z, t),
            mul5(alg, zt, t),
            mul5(alg, zt, u),
            w1_of(alg, x, z, u, ztt),
            square5(alg, z1),
        ];
        let computed = outputs(alg, ztt, z1, w1, z1s);
        let mut c = Vec::with_capacity(45);
        for (have, want) in adv.iter().zip(&expected).chain(out.iter().zip(&computed)) {
            c.extend(sub5(alg, have, want));
        }
        c
    }
}

impl Gate<F, D> for EcGFp5DoubleGate {
    fn id(&self) -> String {
        format!("{self:?}")
    }

    fn serialize(&self, dst: &mut Vec<u8>, _common: &CommonCircuitData<F, D>) -> IoResult<()> {
        dst.write_usize(self.num_ops)?;
        dst.write_usize(self.advice_start)
    }

    fn deserialize(src: &mut Buffer, _common: &CommonCircuitData<F, D>) -> IoResult<Self> {
        Ok(Self {
            num_ops: src.read_usize()?,
            advice_start: src.read_usize()?,
        })
    }

    fn eval_unfiltered(&self, vars: EvaluationVars<F, D>) -> Vec<<F as Extendable<D>>::Extension> {
        let mut alg = In::<<F as Extendable<D>>::Extension>::default();
        (0..self.num_ops)
            .flat_map(|i| self.constraints(&mut alg, vars.local_wires, i))
            .collect()
    }

    fn eval_unfiltered_base_one(
        &self,
        vars: EvaluationVarsBase<F>,
        mut yield_constr: StridedConstraintConsumer<F>,
    ) {
        let wires: Vec<F> = (0..self.num_wires()).map(|j| vars.local_wires[j]).collect();
        let mut alg = In::<F>::default();
        for i in 0..self.num_ops {
            yield_constr.many(self.constraints(&mut alg, &wires, i));
        }
    }

    fn eval_unfiltered_circuit(
        &self,
        builder: &mut CircuitBuilder<F, D>,
        vars: EvaluationTargets<D>,
    ) -> Vec<ExtensionTarget<D>> {
        let mut alg = InCircuit(builder);
        (0..self.num_ops)
            .flat_map(|i| self.constraints(&mut alg, vars.local_wires, i))
            .collect()
    }

    fn generators(&self, row: usize, _local_constants: &[F]) -> Vec<WitnessGeneratorRef<F, D>> {
        (0..self.num_ops)
            .map(|op| {
                WitnessGeneratorRef::new(
                    EcGFp5DoubleGenerator {
                        gate: self.clone(),
                        row,
                        op,
                    }
                    .adapter(),
                )
            })
            .collect()
    }

    fn num_wires(&self) -> usize {
        self.advice_start + ADVICE_PER_OP * self.num_ops
    }

    fn num_constants(&self) -> usize {
        0
    }

    fn degree(&self) -> usize {
        3
    }

    fn num_constraints(&self) -> usize {
        45 * self.num_ops
    }
}

/// Fills the advice and output wires of one doubling of an [`EcGFp5DoubleGate`] row.
#[derive(Clone, Debug)]
pub struct EcGFp5DoubleGenerator {
    gate: EcGFp5DoubleGate,
    row: usize,
    op: usize,
}

impl Default for EcGFp5DoubleGenerator {
    fn default() -> Self {
        Self {
            gate: EcGFp5DoubleGate {
                num_ops: 0,
                advice_start: 0,
            },
            row: 0,
            op: 0,
        }
    }
}

impl EcGFp5DoubleGenerator {
    /// Its generator id (what the prover-data cache tags it with, `crate::cache`).
    pub const ID: &'static str = "JanusEcGFp5DoubleGenerator";
}

impl SimpleGenerator<F, D> for EcGFp5DoubleGenerator {
    fn id(&self) -> String {
        Self::ID.into()
    }

    fn dependencies(&self) -> Vec<Target> {
        (0..20)
            .map(|j| Target::wire(self.row, EcGFp5DoubleGate::wire_in(self.op, 0) + j))
            .collect()
    }

    fn run_once(
        &self,
        witness: &PartitionWitness<F>,
        out_buffer: &mut GeneratedValues<F>,
    ) -> anyhow::Result<()> {
        let get = |w: usize| witness.get_target(Target::wire(self.row, w));
        let p: [[F; 5]; 4] = core::array::from_fn(|c| {
            core::array::from_fn(|k| get(EcGFp5DoubleGate::wire_in(self.op, c) + k))
        });
        let (adv, out) = double_values(&mut In::<F>::default(), &p);
        for (v, value) in adv.iter().enumerate() {
            let first = self.gate.wire_advice(self.op, v);
            for (k, x) in value.iter().enumerate() {
                out_buffer.set_target(Target::wire(self.row, first + k), *x)?;
            }
        }
        for (c, value) in out.iter().enumerate() {
            let first = EcGFp5DoubleGate::wire_out(self.op, c);
            for (k, x) in value.iter().enumerate() {
                out_buffer.set_target(Target::wire(self.row, first + k), *x)?;
            }
        }
        Ok(())
    }

    fn serialize(&self, dst: &mut Vec<u8>, _common: &CommonCircuitData<F, D>) -> IoResult<()> {
        dst.write_usize(self.gate.num_ops)?;
        dst.write_usize(self.gate.advice_start)?;
        dst.write_usize(self.row)?;
        dst.write_usize(self.op)
    }

    fn deserialize(src: &mut Buffer, _common: &CommonCircuitData<F, D>) -> IoResult<Self> {
        Ok(Self {
            gate: EcGFp5DoubleGate {
                num_ops: src.read_usize()?,
                advice_start: src.read_usize()?,
            },
            row: src.read_usize()?,
            op: src.read_usize()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use plonky2::field::types::{Field, Sample};
    use plonky2::gates::gate_testing::{test_eval_fns, test_low_degree};
    use plonky2::iop::generator::generate_partial_witness;
    use plonky2::iop::witness::PartialWitness;
    use plonky2::plonk::circuit_data::CircuitData;

    use super::*;
    use crate::gadgets::ecgfp5::curve::{AffinePointTarget, PointTarget};
    use crate::gadgets::ecgfp5::native::affine;
    use crate::gadgets::ecgfp5::GFp5Target;
    use crate::gpu::prove::prove_partition_cpu;
    use crate::prover::{build_deterministic, C};
    use janus_l2::curve::{Point, Scalar};

    fn config() -> CircuitConfig {
        CircuitConfig::standard_recursion_config()
    }

    fn random_point() -> Point {
        let limbs: Vec<u64> = (0..6).map(|_| F::rand().0).collect();
        Point::mul_generator(&Scalar::from_wide_limbs(&limbs))
    }

    fn set_affine(pw: &mut PartialWitness<F>, t: &AffinePointTarget, p: &Point) {
        let (x, u) = affine(p).expect("group element");
        for (target, v) in t.x.0.iter().chain(&t.u.0).zip(x.0.iter().chain(&u.0)) {
            pw.set_target(*target, *v).expect("fresh target");
        }
    }

    #[test]
    fn two_doublings_per_row_of_degree_three() {
        let g = EcGFp5DoubleGate::new_from_config(&config());
        assert_eq!((g.num_ops, g.advice_start), (2, 80));
        assert!(<EcGFp5DoubleGate as Gate<F, D>>::num_wires(&g) <= config().num_wires);
        test_low_degree::<F, _, D>(g);
    }

    #[test]
    fn base_extension_and_recursive_evaluations_agree() -> anyhow::Result<()> {
        test_eval_fns::<F, C, _, D>(EcGFp5DoubleGate::new_from_config(&config()))
    }

    /// Three chained doublings (both operations of a row, and a row boundary) equal
    /// `janus_l2`'s `8·P`, in affine coordinates.
    #[test]
    fn chained_doublings_match_the_native_curve() {
        let mut b = CircuitBuilder::<F, D>::new(config());
        let p = AffinePointTarget::new_virtual(&mut b);
        let q = p.to_projective(&mut b);
        let q8 = q
            .double(&mut b)
            .double(&mut b)
            .double(&mut b)
            .to_affine(&mut b);
        let expected = AffinePointTarget::new_virtual(&mut b);
        q8.x.connect(&mut b, &expected.x);
        q8.u.connect(&mut b, &expected.u);
        let data = build_deterministic::<F, C, D>(b).expect("builds");
        for _ in 0..3 {
            let point = random_point();
            let mut pw = PartialWitness::new();
            set_affine(&mut pw, &p, &point);
            set_affine(&mut pw, &expected, &point.double().double().double());
            let partition = generate_partial_witness(pw, &data.prover_only, &data.common).unwrap();
            let proof = prove_partition_cpu(&data, partition).expect("proves");
            data.verify(proof).expect("verifies");
        }
        // And a wrong claim does not prove.
        let point = random_point();
        let mut pw = PartialWitness::new();
        set_affine(&mut pw, &p, &point);
        set_affine(&mut pw, &expected, &point.double().double());
        assert!(generate_partial_witness(pw, &data.prover_only, &data.common).is_err());
    }

    /// Each of the nine constraint families (five advice values, four output coordinates) is
    /// enforced: one changed limb after witness generation gives no valid proof. The doubling's
    /// outputs feed nothing else, so only this gate's constraints see the change.
    #[test]
    fn a_wrong_advice_or_output_limb_fails() {
        let mut b = CircuitBuilder::<F, D>::new(config());
        let x = GFp5Target::new_virtual(&mut b);
        let p = PointTarget {
            x,
            z: GFp5Target::new_virtual(&mut b),
            u: GFp5Target::new_virtual(&mut b),
            t: GFp5Target::new_virtual(&mut b),
        };
        for c in [p.x, p.z, p.u, p.t] {
            b.register_public_inputs(&c.0);
        }
        let gate = EcGFp5DoubleGate::new_from_config(&b.config);
        let _ = p.double(&mut b);
        let data = build_deterministic::<F, C, D>(b).expect("builds");
        let groups: Vec<(String, usize)> = (0..5)
            .map(|v| (format!("advice {v}"), gate.wire_advice(0, v)))
            .chain((0..4).map(|c| (format!("output {c}"), EcGFp5DoubleGate::wire_out(0, c))))
            .collect();
        let witness = || {
            let mut pw = PartialWitness::new();
            for c in [p.x, p.z, p.u, p.t] {
                for (t, v) in c.0.iter().zip(janus_l2::curve::Fp5::rand().0) {
                    pw.set_target(*t, v).unwrap();
                }
            }
            pw
        };
        // Honest control.
        let partition =
            generate_partial_witness(witness(), &data.prover_only, &data.common).unwrap();
        let proof = prove_partition_cpu(&data, partition).expect("proves");
        data.verify(proof).expect("verifies");
        let gate_row = gate_row(&data);
        for (g, (name, first)) in groups.iter().enumerate() {
            let k = (2 * g) % 5;
            let mut partition =
                generate_partial_witness(witness(), &data.prover_only, &data.common).unwrap();
            let target = Target::wire(gate_row, first + k);
            let rep =
                partition.representative_map[target.index(partition.num_wires, partition.degree)];
            let v = partition.values[rep].expect("generated");
            partition.values[rep] = Some(v + F::ONE);
            let ok = prove_partition_cpu(&data, partition)
                .map(|proof| data.verify(proof).is_ok())
                .unwrap_or(false);
            assert!(!ok, "{name} limb {k} off by one still proves");
        }
    }

    /// The row of the circuit's only doubling (operation 0 of its gate), found from the
    /// generator that fills it.
    fn gate_row(data: &CircuitData<F, C, D>) -> usize {
        data.prover_only
            .generators
            .iter()
            .find_map(|g| {
                (g.0.id() == EcGFp5DoubleGenerator::ID)
                    .then(|| g.0.watch_list()[0])
                    .and_then(|t| match t {
                        Target::Wire(w) => Some(w.row),
                        Target::VirtualTarget { .. } => None,
                    })
            })
            .expect("a doubling generator")
    }
}
