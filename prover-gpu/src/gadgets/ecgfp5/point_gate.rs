//! Custom gates for the two EcGFp5 group operations of the scalar multiplication, in the
//! fractional coordinates of [`super::curve`]: [`Double`] (`P → 2P`, two per row) and
//! [`AddAffine`] (`P + (x2, u2)` with an affine second point, one per row). A [`PointGate`]
//! row holds operations side by side; each operation has its input and output GF(p^5) values
//! on routed wires (copied from and to other gates) and its intermediate values on advice wires
//! (local to the row), so every constraint has degree ≤ 3 and no intermediate costs a row.
//!
//! A formula ([`PointOp`]) is written once, as "what each advice and output value must equal"
//! given the inputs and the advice values before it ([`PointOp::expected`]), over any [`Alg`]:
//! the constraints are `have − expected` (5 base constraints per value), evaluated in the base
//! field (prover), the extension (verifier) and the circuit (recursion); witness generation
//! fills the values in order from the same function.
//!
//! Wire layout of operation `i` of a row: inputs then outputs on routed wires from
//! `i·5·(INPUTS + 4)`, advice from `num_routed_wires + i·5·ADVICE`, five limbs per value,
//! lowest degree first. `b1 = 263` is the curve constant of `b = b1·z`, `(c·z)·v` a limb shift
//! ([`super::algebra::mul_z5`]).
//!
//! [`Double`] (inputs `x, z, u, t`; advice `zt, ztt, z1, w1, z1s`; output `X, Z, U, T`):
//!
//! ```text
//! zt = z·t   ztt = zt·t   z1 = zt·u   w1 = ztt − 2·(x + z)·u²   z1s = z1²
//! X = (4·b1·z)·z1s   Z = w1²   U = (w1 + z1)² − z1s − Z   T = 2·ztt² − 4·z1s − Z
//! ```
//!
//! [`AddAffine`] (inputs `x1, z1, u1, t1, x2, u2`; advice `m1, m3, m5, m8, m9`; with
//! `m7 = m1 + (b1·z)·z1`):
//!
//! ```text
//! m1 = x1·x2   m3 = u1·u2   m5 = x1 + z1·x2   m8 = t1·m7   m9 = m3·((2·b1·z)·m5 + 2·m7)
//! X = (b1·z)·((t1 + 2·m3)·(m5 + m7) − m8)   Z = m8 − m9
//! U = (u1 + t1·u2)·((b1·z)·z1 − m1)        T = m8 + m9
//! ```
//!
//! Both are the formulas of `janus_l2::curve` (the doubling and the complete addition with
//! `z2 = t2 = 1`), which the tests check them against.

use core::fmt::Debug;
use core::marker::PhantomData;

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

use super::algebra::{add5, mul5, mul_z5, scale5, square5, sub5, Alg, Fp5Of, In, InCircuit};
use super::gfp5::GFp5Target;
use super::native::CURVE_B1;
use super::{Builder, D, F};

/// Output values of every point operation (`X, Z, U, T`).
pub const OUTPUTS: usize = 4;

/// A group-operation formula laid out on a [`PointGate`] row (see the module docs).
pub trait PointOp: 'static + Send + Sync + Debug + Clone + Default + PartialEq {
    /// Name in the gate id.
    const NAME: &'static str;
    /// Id of its witness generator (what the prover-data cache tags it with).
    const GENERATOR_ID: &'static str;
    /// GF(p^5) inputs.
    const INPUTS: usize;
    /// GF(p^5) advice values.
    const ADVICE: usize;

    /// What each advice value and each output must equal, given the inputs and the advice
    /// values; advice value `v` may only depend on the inputs and advice values before it.
    fn expected<A: Alg>(
        alg: &mut A,
        inputs: &[Fp5Of<A>],
        advice: &[Fp5Of<A>],
    ) -> (Vec<Fp5Of<A>>, [Fp5Of<A>; OUTPUTS]);
}

/// Point doubling (see the module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Double;

impl PointOp for Double {
    const NAME: &'static str = "Double";
    const GENERATOR_ID: &'static str = "JanusEcGFp5DoubleGenerator";
    const INPUTS: usize = 4;
    const ADVICE: usize = 5;

    fn expected<A: Alg>(
        alg: &mut A,
        inputs: &[Fp5Of<A>],
        advice: &[Fp5Of<A>],
    ) -> (Vec<Fp5Of<A>>, [Fp5Of<A>; OUTPUTS]) {
        let [x, z, u, t] = [&inputs[0], &inputs[1], &inputs[2], &inputs[3]];
        let [zt, ztt, z1, w1, z1s] = [&advice[0], &advice[1], &advice[2], &advice[3], &advice[4]];
        let xz = add5(alg, x, z);
        let xz2 = scale5(alg, 2, &xz);
        let uu = square5(alg, u);
        let xzuu = mul5(alg, &xz2, &uu);
        let adv = vec![
            mul5(alg, z, t),
            mul5(alg, zt, t),
            mul5(alg, zt, u),
            sub5(alg, ztt, &xzuu),
            square5(alg, z1),
        ];
        let new_x = mul_z5(alg, 4 * CURVE_B1, z1s);
        let new_z = square5(alg, w1);
        let wz = add5(alg, w1, z1);
        let wz2 = square5(alg, &wz);
        let s = add5(alg, z1s, &new_z);
        let new_u = sub5(alg, &wz2, &s);
        let x1 = square5(alg, ztt);
        let x1_2 = scale5(alg, 2, &x1);
        let z1s_4 = scale5(alg, 4, z1s);
        let a = sub5(alg, &x1_2, &z1s_4);
        let new_t = sub5(alg, &a, &new_z);
        (adv, [new_x, new_z, new_u, new_t])
    }
}

/// Mixed addition `P + (x2, u2)` (see the module docs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AddAffine;

impl PointOp for AddAffine {
    const NAME: &'static str = "AddAffine";
    const GENERATOR_ID: &'static str = "JanusEcGFp5AddAffineGenerator";
    const INPUTS: usize = 6;
    const ADVICE: usize = 5;

    fn expected<A: Alg>(
        alg: &mut A,
        inputs: &[Fp5Of<A>],
        advice: &[Fp5Of<A>],
    ) -> (Vec<Fp5Of<A>>, [Fp5Of<A>; OUTPUTS]) {
        let [x1, z1, u1, t1, x2, u2] = core::array::from_fn(|i| &inputs[i]);
        let [m1, m3, m5, m8, m9] = [&advice[0], &advice[1], &advice[2], &advice[3], &advice[4]];
        // m7 = m1 + b1·z·z1
        let bz1 = mul_z5(alg, CURVE_B1, z1);
        let m7 = add5(alg, m1, &bz1);
        let z1x2 = mul5(alg, z1, x2);
        let m5_want = add5(alg, x1, &z1x2);
        let k9a = mul_z5(alg, 2 * CURVE_B1, m5);
        let m7_2 = scale5(alg, 2, &m7);
        let k9 = add5(alg, &k9a, &m7_2);
        let adv = vec![
            mul5(alg, x1, x2),
            mul5(alg, u1, u2),
            m5_want,
            mul5(alg, t1, &m7),
            mul5(alg, m3, &k9),
        ];
        let m3_2 = scale5(alg, 2, m3);
        let a10 = add5(alg, t1, &m3_2);
        let b10 = add5(alg, m5, &m7);
        let m10 = mul5(alg, &a10, &b10);
        let d = sub5(alg, &m10, m8);
        let new_x = mul_z5(alg, CURVE_B1, &d);
        let new_z = sub5(alg, m8, m9);
        let t1u2 = mul5(alg, t1, u2);
        let m6 = add5(alg, u1, &t1u2);
        let k = sub5(alg, &bz1, m1);
        let new_u = mul5(alg, &m6, &k);
        let new_t = add5(alg, m8, m9);
        (adv, [new_x, new_z, new_u, new_t])
    }
}

/// A row of [`PointOp`] operations (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PointGate<K: PointOp> {
    /// Operations per row.
    pub num_ops: usize,
    /// First advice wire (the config's routed wire count).
    pub advice_start: usize,
    _op: PhantomData<K>,
}

/// The doubling gate.
pub type EcGFp5DoubleGate = PointGate<Double>;
/// The mixed-addition gate.
pub type EcGFp5AddAffineGate = PointGate<AddAffine>;

impl<K: PointOp> PointGate<K> {
    /// Routed wires of one operation.
    pub const ROUTED_PER_OP: usize = 5 * (K::INPUTS + OUTPUTS);
    /// Advice wires of one operation.
    pub const ADVICE_PER_OP: usize = 5 * K::ADVICE;

    /// As many operations as the config's routed and advice wires hold.
    pub fn new_from_config(config: &CircuitConfig) -> Self {
        let by_routed = config.num_routed_wires / Self::ROUTED_PER_OP;
        let by_advice = (config.num_wires - config.num_routed_wires) / Self::ADVICE_PER_OP;
        Self::new(by_routed.min(by_advice), config.num_routed_wires)
    }

    fn new(num_ops: usize, advice_start: usize) -> Self {
        Self {
            num_ops,
            advice_start,
            _op: PhantomData,
        }
    }

    /// First wire of input value `v` of operation `i`.
    pub const fn wire_in(i: usize, v: usize) -> usize {
        Self::ROUTED_PER_OP * i + 5 * v
    }

    /// First wire of output value `c` (0 = X, 1 = Z, 2 = U, 3 = T) of operation `i`.
    pub const fn wire_out(i: usize, c: usize) -> usize {
        Self::ROUTED_PER_OP * i + 5 * K::INPUTS + 5 * c
    }

    /// First wire of advice value `v` of operation `i`.
    pub fn wire_advice(&self, i: usize, v: usize) -> usize {
        self.advice_start + Self::ADVICE_PER_OP * i + 5 * v
    }

    /// Lay `inputs` (`K::INPUTS` values) on the next free operation of a row of this gate in
    /// `b`, and return the outputs `[X, Z, U, T]`.
    pub fn apply(b: &mut Builder, inputs: &[GFp5Target]) -> [GFp5Target; OUTPUTS] {
        assert_eq!(
            inputs.len(),
            K::INPUTS,
            "{} takes {} inputs",
            K::NAME,
            K::INPUTS
        );
        let gate = Self::new_from_config(&b.config);
        let (row, op) = b.find_slot(gate, &[], &[]);
        for (v, value) in inputs.iter().enumerate() {
            for k in 0..5 {
                b.connect(value.0[k], Target::wire(row, Self::wire_in(op, v) + k));
            }
        }
        core::array::from_fn(|c| {
            GFp5Target(core::array::from_fn(|k| {
                Target::wire(row, Self::wire_out(op, c) + k)
            }))
        })
    }

    /// The constraints of operation `i`: advice values, then outputs, each `have − expected`.
    fn constraints<A: Alg>(&self, alg: &mut A, wires: &[A::E], i: usize) -> Vec<A::E> {
        let fp5 = |first: usize| -> Fp5Of<A> { core::array::from_fn(|k| wires[first + k]) };
        let inputs: Vec<Fp5Of<A>> = (0..K::INPUTS).map(|v| fp5(Self::wire_in(i, v))).collect();
        let advice: Vec<Fp5Of<A>> = (0..K::ADVICE)
            .map(|v| fp5(self.wire_advice(i, v)))
            .collect();
        let outputs: [Fp5Of<A>; OUTPUTS] = core::array::from_fn(|c| fp5(Self::wire_out(i, c)));
        let (adv_want, out_want) = K::expected(alg, &inputs, &advice);
        let mut out = Vec::with_capacity(5 * (K::ADVICE + OUTPUTS));
        for (have, want) in advice
            .iter()
            .zip(&adv_want)
            .chain(outputs.iter().zip(&out_want))
        {
            out.extend(sub5(alg, have, want));
        }
        out
    }
}

impl<K: PointOp> Gate<F, D> for PointGate<K> {
    fn id(&self) -> String {
        format!(
            "EcGFp5{}Gate {{ num_ops: {}, advice_start: {} }}",
            K::NAME,
            self.num_ops,
            self.advice_start
        )
    }

    fn serialize(&self, dst: &mut Vec<u8>, _common: &CommonCircuitData<F, D>) -> IoResult<()> {
        dst.write_usize(self.num_ops)?;
        dst.write_usize(self.advice_start)
    }

    fn deserialize(src: &mut Buffer, _common: &CommonCircuitData<F, D>) -> IoResult<Self> {
        Ok(Self::new(src.read_usize()?, src.read_usize()?))
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
                let g = PointGenerator::<K> {
                    gate: self.clone(),
                    row,
                    op,
                };
                WitnessGeneratorRef::new(g.adapter())
            })
            .collect()
    }

    fn num_wires(&self) -> usize {
        self.advice_start + Self::ADVICE_PER_OP * self.num_ops
    }

    fn num_constants(&self) -> usize {
        0
    }

    fn degree(&self) -> usize {
        3
    }

    fn num_constraints(&self) -> usize {
        5 * (K::ADVICE + OUTPUTS) * self.num_ops
    }
}

/// Fills the advice and output wires of one operation of a [`PointGate`] row.
#[derive(Clone, Debug)]
pub struct PointGenerator<K: PointOp> {
    gate: PointGate<K>,
    row: usize,
    op: usize,
}

impl<K: PointOp> Default for PointGenerator<K> {
    fn default() -> Self {
        Self {
            gate: PointGate::new(0, 0),
            row: 0,
            op: 0,
        }
    }
}

impl<K: PointOp> SimpleGenerator<F, D> for PointGenerator<K> {
    fn id(&self) -> String {
        K::GENERATOR_ID.into()
    }

    fn dependencies(&self) -> Vec<Target> {
        let first = PointGate::<K>::wire_in(self.op, 0);
        (first..first + 5 * K::INPUTS)
            .map(|w| Target::wire(self.row, w))
            .collect()
    }

    fn run_once(
        &self,
        witness: &PartitionWitness<F>,
        out_buffer: &mut GeneratedValues<F>,
    ) -> anyhow::Result<()> {
        let get = |first: usize| -> [F; 5] {
            core::array::from_fn(|k| witness.get_target(Target::wire(self.row, first + k)))
        };
        let inputs: Vec<[F; 5]> = (0..K::INPUTS)
            .map(|v| get(PointGate::<K>::wire_in(self.op, v)))
            .collect();
        // Advice value v depends only on the inputs and the advice before it: fill in order.
        let mut alg = In::<F>::default();
        let mut advice = vec![[F::ZERO; 5]; K::ADVICE];
        for v in 0..K::ADVICE {
            advice[v] = K::expected(&mut alg, &inputs, &advice).0[v];
        }
        let (_, outputs) = K::expected(&mut alg, &inputs, &advice);
        let mut set = |first: usize, value: &[F; 5]| -> anyhow::Result<()> {
            for (k, x) in value.iter().enumerate() {
                out_buffer.set_target(Target::wire(self.row, first + k), *x)?;
            }
            Ok(())
        };
        for (v, value) in advice.iter().enumerate() {
            set(self.gate.wire_advice(self.op, v), value)?;
        }
        for (c, value) in outputs.iter().enumerate() {
            set(PointGate::<K>::wire_out(self.op, c), value)?;
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
            gate: PointGate::new(src.read_usize()?, src.read_usize()?),
            row: src.read_usize()?,
            op: src.read_usize()?,
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
    use crate::gadgets::ecgfp5::curve::AffinePointTarget;
    use crate::gadgets::ecgfp5::native::affine;
    use crate::gpu::prove::prove_partition_cpu;
    use crate::prover::{build_deterministic, C};
    use janus_l2::curve::{Fp5, Point, Scalar};

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
    fn two_doublings_or_one_addition_per_row_of_degree_three() {
        let d = EcGFp5DoubleGate::new_from_config(&config());
        let a = EcGFp5AddAffineGate::new_from_config(&config());
        assert_eq!((d.num_ops, a.num_ops), (2, 1));
        assert!(<EcGFp5DoubleGate as Gate<F, D>>::num_wires(&d) <= config().num_wires);
        assert!(<EcGFp5AddAffineGate as Gate<F, D>>::num_wires(&a) <= config().num_wires);
        test_low_degree::<F, _, D>(d);
        test_low_degree::<F, _, D>(a);
    }

    #[test]
    fn base_extension_and_recursive_evaluations_agree() -> anyhow::Result<()> {
        test_eval_fns::<F, C, _, D>(EcGFp5DoubleGate::new_from_config(&config()))?;
        test_eval_fns::<F, C, _, D>(EcGFp5AddAffineGate::new_from_config(&config()))
    }

    /// `((P + Q)·2·2·2) + R` in the circuit (both operations of a doubling row, a row boundary,
    /// and mixed additions whose second point is neutral, equal to or opposite the first)
    /// equals `janus_l2`'s result, in affine coordinates; a wrong claim does not prove.
    #[test]
    fn doublings_and_additions_match_the_native_curve() {
        let mut b = CircuitBuilder::<F, D>::new(config());
        let p = AffinePointTarget::new_virtual(&mut b);
        let q = AffinePointTarget::new_virtual(&mut b);
        let r = AffinePointTarget::new_virtual(&mut b);
        let s = p.to_projective(&mut b).add_affine(&mut b, &q);
        let s = s.double(&mut b).double(&mut b).double(&mut b);
        let s = s.add_affine(&mut b, &r).to_affine(&mut b);
        let expected = AffinePointTarget::new_virtual(&mut b);
        s.x.connect(&mut b, &expected.x);
        s.u.connect(&mut b, &expected.u);
        let data = build_deterministic::<F, C, D>(b).expect("builds");
        let prove = |pp: &Point, qq: &Point, rr: &Point, claim: &Point| {
            let mut pw = PartialWitness::new();
            for (t, v) in [(&p, pp), (&q, qq), (&r, rr), (&expected, claim)] {
                set_affine(&mut pw, t, v);
            }
            let partition = generate_partial_witness(pw, &data.prover_only, &data.common)
                .map_err(|e| e.to_string())?;
            let proof = prove_partition_cpu(&data, partition).map_err(|e| e.to_string())?;
            data.verify(proof).map_err(|e| e.to_string())
        };
        let neutral = Point::mul_generator(&Scalar::from_u64(0));
        for (pp, qq, rr) in [
            (random_point(), random_point(), random_point()),
            (random_point(), neutral, random_point()),
        ] {
            let s8 = pp.add(&qq).double().double().double();
            prove(&pp, &qq, &rr, &s8.add(&rr)).expect("proves");
            // R = −8(P + Q): the sum is the neutral point; R = 8(P + Q): a doubling.
            prove(&pp, &qq, &s8.neg(), &neutral).expect("proves the neutral sum");
            prove(&pp, &qq, &s8, &s8.double()).expect("proves the doubling case");
            assert!(
                prove(&pp, &qq, &rr, &s8).is_err(),
                "a wrong claim does not prove"
            );
        }
    }

    /// The circuit's only operation of gate `K` with random inputs, and the row it sits in.
    fn lone<K: PointOp>() -> (CircuitData<F, C, D>, Vec<GFp5Target>, usize) {
        let mut b = CircuitBuilder::<F, D>::new(config());
        let inputs: Vec<GFp5Target> = (0..K::INPUTS)
            .map(|_| GFp5Target::new_virtual(&mut b))
            .collect();
        for v in &inputs {
            b.register_public_inputs(&v.0);
        }
        // The outputs feed nothing else, so a changed value breaks only this gate.
        let _ = PointGate::<K>::apply(&mut b, &inputs);
        let data = build_deterministic::<F, C, D>(b).expect("builds");
        let row = data
            .prover_only
            .generators
            .iter()
            .find_map(|g| {
                (g.0.id() == K::GENERATOR_ID)
                    .then(|| g.0.watch_list()[0])
                    .and_then(|t| match t {
                        Target::Wire(w) => Some(w.row),
                        Target::VirtualTarget { .. } => None,
                    })
            })
            .expect("the gate's generator");
        (data, inputs, row)
    }

    /// Every constraint family of gate `K` (each advice value, each output coordinate) is
    /// enforced on its own: a witness that satisfies every other constraint of the row (the
    /// values after a changed advice value recomputed from it) but not this family's gives no
    /// valid proof. Removing any one family's constraints makes this test fail.
    fn each_family_rejects_a_changed_limb<K: PointOp>() {
        let (data, inputs, row) = lone::<K>();
        let gate = PointGate::<K>::new_from_config(&config());
        let witness = || {
            let mut pw = PartialWitness::new();
            for v in &inputs {
                for (t, x) in v.0.iter().zip(Fp5::rand().0) {
                    pw.set_target(*t, x).unwrap();
                }
            }
            pw
        };
        let honest = generate_partial_witness(witness(), &data.prover_only, &data.common).unwrap();
        data.verify(prove_partition_cpu(&data, honest).expect("proves")).expect("verifies");
        let mut alg = In::<F>::default();
        for family in 0..K::ADVICE + OUTPUTS {
            let k = (2 * family) % 5;
            let mut partition =
                generate_partial_witness(witness(), &data.prover_only, &data.common).unwrap();
            let rep = |p: &PartitionWitness<F>, w: usize| {
                p.representative_map[Target::wire(row, w).index(p.num_wires, p.degree)]
            };
            let read = |p: &PartitionWitness<F>, first: usize| -> [F; 5] {
                core::array::from_fn(|j| p.values[rep(p, first + j)].expect("generated"))
            };
            let ins: Vec<[F; 5]> =
                (0..K::INPUTS).map(|v| read(&partition, PointGate::<K>::wire_in(0, v))).collect();
            let mut advice: Vec<[F; 5]> =
                (0..K::ADVICE).map(|v| read(&partition, gate.wire_advice(0, v))).collect();
            let mut outputs: Vec<[F; 5]> =
                (0..OUTPUTS).map(|c| read(&partition, PointGate::<K>::wire_out(0, c))).collect();
            if family < K::ADVICE {
                advice[family][k] += F::ONE;
                for v in family + 1..K::ADVICE {
                    advice[v] = K::expected(&mut alg, &ins, &advice).0[v];
                }
                outputs = K::expected(&mut alg, &ins, &advice).1.to_vec();
            } else {
                outputs[family - K::ADVICE][k] += F::ONE;
            }
            let writes = (0..K::ADVICE)
                .map(|v| (gate.wire_advice(0, v), advice[v]))
                .chain((0..OUTPUTS).map(|c| (PointGate::<K>::wire_out(0, c), outputs[c])));
            for (first, value) in writes.collect::<Vec<_>>() {
                for (j, x) in value.iter().enumerate() {
                    let r = rep(&partition, first + j);
                    partition.values[r] = Some(*x);
                }
            }
            let ok = prove_partition_cpu(&data, partition)
                .map(|proof| data.verify(proof).is_ok())
                .unwrap_or(false);
            assert!(!ok, "{}: constraint family {family} (limb {k}) not enforced", K::NAME);
        }
    }

    #[test]
    fn doubling_rejects_a_changed_advice_or_output_limb() {
        each_family_rejects_a_changed_limb::<Double>();
    }

    #[test]
    fn addition_rejects_a_changed_advice_or_output_limb() {
        each_family_rejects_a_changed_limb::<AddAffine>();
    }
}
