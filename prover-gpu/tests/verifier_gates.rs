//! Differential harness of the Solidity gate evaluators (docs/verifier.md, "Gate functions").
//!
//! Builds the real wrapper circuit (`BatchProver::new(2)?.wrapper()`), and for every gate of
//! its gate set draws seeded pseudo-random extension values for the wires (`num_wires`), the gate
//! constants (`num_constants` minus the selector columns: what `eval_unfiltered` sees) and a
//! random public-inputs hash, and records plonky2's `Gate::eval_unfiltered`. Two files must be
//! exactly what this test generates:
//!
//! - `contracts/verifier/generated/WrapperGates.sol`: `janus_prover::verifier::gates::emit_library`
//!   of the gate set (so the Solidity can never drift from the circuit);
//! - `test/fixtures/verifier/gates.json`: the cases, read by `test/verifier/WrapperGates.t.sol`,
//!   which checks the library against them. Each case also names a wire and (if any) a constant
//!   that some constraint depends on, for the negative tests.
//!
//! `gate_variants_solidity_is_current` does the same for the same gate types with other parameters
//! (`test/verifier/generated/GateVariants.sol`, `test/fixtures/verifier/gate-variants.json`,
//! checked by `GateVariantsTest`).
//!
//! Regenerate all of them after a deliberate change with
//! `JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test verifier_gates`.
//!
//! Every gate must have an emitter. Work in progress only: `JANUS_GATES_ALLOW_MISSING=PoseidonGate,
//! PoseidonMdsGate` (gate type names, comma-separated) tolerates those gates having none; they are
//! then left out of the library (their `evalGate` reverts) and of the cases.

mod vector_support;

use vector_support::{splitmix64, P};
use std::fmt::Write;

use janus_prover::prover::batch::BatchProver;
use janus_prover::prover::{D, F};
use janus_prover::verifier::gates::{emit_gate_library, emit_library_partial, gate_short_name};
use plonky2::field::extension::quadratic::QuadraticExtension;
use plonky2::field::types::{Field, PrimeField64};
use plonky2::gates::arithmetic_base::ArithmeticGate;
use plonky2::gates::arithmetic_extension::ArithmeticExtensionGate;
use plonky2::gates::base_sum::BaseSumGate;
use plonky2::gates::constant::ConstantGate;
use plonky2::gates::coset_interpolation::CosetInterpolationGate;
use plonky2::gates::gate::GateRef;
use plonky2::gates::multiplication_extension::MulExtensionGate;
use plonky2::gates::noop::NoopGate;
use plonky2::gates::public_input::PublicInputGate;
use plonky2::gates::random_access::RandomAccessGate;
use plonky2::gates::reducing::ReducingGate;
use plonky2::gates::reducing_extension::ReducingExtensionGate;
use plonky2::hash::hash_types::HashOut;
use plonky2::plonk::circuit_data::CircuitConfig;
use plonky2::plonk::vars::EvaluationVars;

type FE = QuadraticExtension<F>;

const LIBRARY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../contracts/verifier/generated/WrapperGates.sol"
);
const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../test/fixtures/verifier/gates.json"
);
const VARIANTS_LIBRARY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../test/verifier/generated/GateVariants.sol"
);
const VARIANTS_FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../test/fixtures/verifier/gate-variants.json"
);

/// Cases per gate: uniform values, then values half of which are at the edges of the encoding.
const CASES: usize = 2;


/// The fixed pseudo-random stream of [`splitmix64`].
struct Stream(u64);

impl Stream {
    fn next(&mut self) -> u64 {
        splitmix64(&mut self.0)
    }

    fn base(&mut self) -> F {
        F::from_noncanonical_u64(self.next())
    }

    /// Half the time a value at an edge of the encoding (0, 1, p−1, p−2, 2^32, …).
    fn edge_base(&mut self) -> F {
        const EDGES: [u64; 8] = [
            0,
            1,
            2,
            P - 1,
            P - 2,
            1 << 32,
            (1 << 32) - 1,
            0xffff_fffe_ffff_ffff,
        ];
        let r = self.next();
        if r & 1 == 0 {
            F::from_canonical_u64(EDGES[((r >> 1) % EDGES.len() as u64) as usize])
        } else {
            self.base()
        }
    }

    /// A random extension element; with `edges`, components from [`Stream::edge_base`].
    fn ext(&mut self, edges: bool) -> FE {
        if edges {
            QuadraticExtension([self.edge_base(), self.edge_base()])
        } else {
            QuadraticExtension([self.base(), self.base()])
        }
    }
}

/// A packed extension word `c0 | c1 << 128` as a 0x-hex string.
fn packed(x: FE) -> String {
    let [c0, c1] = x.0;
    let (c0, c1) = (c0.to_canonical_u64(), c1.to_canonical_u64());
    if c1 == 0 {
        format!("{c0:#x}")
    } else {
        format!("{c1:#x}{:016x}{c0:016x}", 0)
    }
}

fn words(xs: &[FE]) -> String {
    let v: Vec<String> = xs.iter().map(|&x| format!("\"{}\"", packed(x))).collect();
    format!("[{}]", v.join(", "))
}

fn eval(gate: &GateRef<F, D>, wires: &[FE], consts: &[FE], pih: &HashOut<F>) -> Vec<FE> {
    gate.0.eval_unfiltered(EvaluationVars {
        local_constants: consts,
        local_wires: wires,
        public_inputs_hash: pih,
    })
}

/// Among `vals`' indices, the ones whose change (+1) changes the gate's output; one of them,
/// drawn from `rng` (none if no constraint depends on any).
fn dependent(rng: &mut Stream, vals: &[FE], f: impl Fn(&[FE]) -> Vec<FE>) -> Option<usize> {
    let base = f(vals);
    let deps: Vec<usize> = (0..vals.len())
        .filter(|&i| {
            let mut v = vals.to_vec();
            v[i] += FE::ONE;
            f(&v) != base
        })
        .collect();
    (!deps.is_empty()).then(|| deps[(rng.next() % deps.len() as u64) as usize])
}

/// What a fixture draws for a gate list.
struct Draw<'a> {
    /// Seed of the stream.
    seed: u64,
    /// Cases per gate.
    cases: usize,
    /// Wires per case of a gate.
    wires: &'a dyn Fn(&GateRef<F, D>) -> usize,
    /// Gate constants per case.
    consts: usize,
    /// Whether case `case` of gate `index` draws edge values.
    edges: &'a dyn Fn(usize, usize) -> bool,
}

/// The fixture: a JSON object `{"numCases": n, "cases": [{index, name, wires, consts, pih,
/// expected, mutWire, mutConst}, …]}` (words as 0x-hex strings; `mutWire`/`mutConst` an array of
/// zero or one index). Gates in `missing` get no cases.
fn fixture(gates: &[GateRef<F, D>], missing: &[(usize, String)], draw: &Draw) -> String {
    let mut rng = Stream(draw.seed);
    let mut cases = Vec::new();
    for (index, gate) in gates.iter().enumerate() {
        if missing.iter().any(|(i, _)| *i == index) {
            continue;
        }
        for case in 0..draw.cases {
            let edges = (draw.edges)(index, case);
            let wires: Vec<FE> = (0..(draw.wires)(gate)).map(|_| rng.ext(edges)).collect();
            let consts: Vec<FE> = (0..draw.consts).map(|_| rng.ext(edges)).collect();
            let pih = HashOut {
                elements: [0; 4].map(|_| rng.ext(edges).0[0]),
            };
            let expected = eval(gate, &wires, &consts, &pih);
            assert_eq!(expected.len(), gate.0.num_constraints());
            let mut_wire = dependent(&mut rng, &wires, |w| eval(gate, w, &consts, &pih));
            let mut_const = dependent(&mut rng, &consts, |c| eval(gate, &wires, c, &pih));
            let pih_words: Vec<FE> = pih.elements.iter().map(|&x| x.into()).collect();
            let mut c = String::new();
            writeln!(c, "    {{").unwrap();
            writeln!(c, "      \"index\": {index},").unwrap();
            writeln!(c, "      \"name\": \"{}\",", gate_short_name(gate)).unwrap();
            writeln!(c, "      \"wires\": {},", words(&wires)).unwrap();
            writeln!(c, "      \"consts\": {},", words(&consts)).unwrap();
            writeln!(c, "      \"pih\": {},", words(&pih_words)).unwrap();
            writeln!(c, "      \"expected\": {},", words(&expected)).unwrap();
            let mut_wire: Vec<usize> = mut_wire.into_iter().collect();
            let mut_const: Vec<usize> = mut_const.into_iter().collect();
            writeln!(c, "      \"mutWire\": {mut_wire:?},").unwrap();
            writeln!(c, "      \"mutConst\": {mut_const:?}").unwrap();
            write!(c, "    }}").unwrap();
            cases.push(c);
        }
    }
    format!(
        "{{\n  \"numCases\": {},\n  \"cases\": [\n{}\n  ]\n}}\n",
        cases.len(),
        cases.join(",\n")
    )
}

/// With `JANUS_WRITE_VECTORS` set, write `text` to `path`; then `path` must hold exactly `text`.
fn write_or_check(path: &str, text: &str) {
    if std::env::var_os("JANUS_WRITE_VECTORS").is_some() {
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, text).expect("write a generated file");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == text,
        "{path} is stale: regenerate with JANUS_WRITE_VECTORS=1 cargo test -p janus-prover --test verifier_gates"
    );
}

#[test]
fn wrapper_gates_solidity_is_current() {
    let prover = BatchProver::new(2).expect("batch circuit");
    let wrapper = prover.wrapper().expect("wrapper circuit");
    let common = &wrapper.data.common;

    let (library, missing) = emit_library_partial(common).expect("emit the gate library");
    let allowed: Vec<String> = std::env::var("JANUS_GATES_ALLOW_MISSING")
        .unwrap_or_default()
        .split(',')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let num_wires = common.config.num_wires;
    let draw = Draw {
        seed: 0x4a41_4e55_5347_4154,
        cases: CASES,
        wires: &|_| num_wires,
        consts: common.num_constants
            - common.selectors_info.num_selectors()
            - common.num_lookup_selectors,
        edges: &|_, case| case % 2 == 1,
    };
    let fixture = fixture(&common.gates, &missing, &draw);
    write_or_check(LIBRARY, &library);
    write_or_check(FIXTURE, &fixture);

    let not_allowed: Vec<String> = missing
        .iter()
        .filter(|(i, _)| !allowed.contains(&gate_short_name(&common.gates[*i])))
        .map(|(i, id)| format!("gate {i}: {id}"))
        .collect();
    assert!(
        not_allowed.is_empty(),
        "gates with no Solidity emitter (prover-gpu/src/verifier/gates):\n{}",
        not_allowed.join("\n")
    );
}

/// The emitters' gate types with parameters other than the wrapper's (edge sizes: one op, one
/// coefficient, one limb, base 4, no extra constants, no interpolation intermediates, many), so a
/// re-tuned circuit is known to regenerate correctly.
fn variant_gates() -> Vec<GateRef<F, D>> {
    let config = CircuitConfig::standard_recursion_config();
    // Degree-bounded interpolation (plonky2's crate-private `with_max_degree(bits, max)`).
    let mut coset_3_4 = CosetInterpolationGate::<F, D>::new(3);
    coset_3_4.degree = 4;
    let mut coset_4_3 = CosetInterpolationGate::<F, D>::new(4);
    coset_4_3.degree = 3;
    vec![
        GateRef::new(NoopGate),
        GateRef::new(ConstantGate::new(1)),
        GateRef::new(ConstantGate::new(3)),
        GateRef::new(PublicInputGate),
        GateRef::new(BaseSumGate::<2>::new(1)),
        GateRef::new(BaseSumGate::<2>::new(5)),
        GateRef::new(BaseSumGate::<4>::new(7)),
        GateRef::new(ReducingGate::<D>::new(1)),
        GateRef::new(ReducingGate::<D>::new(2)),
        GateRef::new(ReducingGate::<D>::new(5)),
        GateRef::new(ReducingExtensionGate::<D>::new(1)),
        GateRef::new(ReducingExtensionGate::<D>::new(2)),
        GateRef::new(ReducingExtensionGate::<D>::new(4)),
        GateRef::new(ArithmeticGate { num_ops: 1 }),
        GateRef::new(ArithmeticExtensionGate::<D> { num_ops: 3 }),
        GateRef::new(MulExtensionGate::<D> { num_ops: 1 }),
        GateRef::new(RandomAccessGate::<F, D>::new_from_config(&config, 1)),
        GateRef::new(RandomAccessGate::<F, D>::new_from_config(&config, 2)),
        GateRef::new(RandomAccessGate::<F, D>::new_from_config(&config, 5)),
        GateRef::new(CosetInterpolationGate::<F, D>::new(2)),
        GateRef::new(CosetInterpolationGate::<F, D>::new(3)),
        GateRef::new(coset_3_4),
        GateRef::new(coset_4_3),
    ]
}

/// The same differential check on [`variant_gates`]: `test/verifier/generated/GateVariants.sol`
/// and `test/fixtures/verifier/gate-variants.json` (one case per gate, of the gate's own wires,
/// alternately uniform and edge values), checked by `GateVariantsTest` in
/// `test/verifier/WrapperGates.t.sol`.
#[test]
fn gate_variants_solidity_is_current() {
    let gates = variant_gates();
    let (library, missing) = emit_gate_library(
        "GateVariants",
        "Gates of the wrapper's types with other parameters (differential tests only)",
        &gates,
    )
    .expect("emit the variants library");
    assert!(missing.is_empty(), "no emitter for {missing:?}");
    let draw = Draw {
        seed: 0x5641_5249_414e_5453,
        cases: 1,
        wires: &|g| g.0.num_wires(),
        consts: gates.iter().map(|g| g.0.num_constants()).max().unwrap_or(0),
        edges: &|index, _| index % 2 == 1,
    };
    write_or_check(VARIANTS_LIBRARY, &library);
    write_or_check(VARIANTS_FIXTURE, &fixture(&gates, &missing, &draw));
}
