//! TEMPORARY (until the shared gate harness lands): writes test/verifier/PoseidonGatesTmp.t.sol.
use std::fmt::Write;

use janus_prover::prover::{D, F};
use janus_prover::verifier::gates::emit_gate;
use plonky2::field::extension::quadratic::QuadraticExtension;
use plonky2::field::types::{Field, PrimeField64};
use plonky2::gates::gate::{Gate, GateRef};
use plonky2::gates::poseidon::PoseidonGate;
use plonky2::gates::poseidon_mds::PoseidonMdsGate;
use plonky2::hash::hash_types::HashOut;
use plonky2::plonk::vars::EvaluationVars;

type FE = QuadraticExtension<F>;

struct Stream(u64);
impl Stream {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn ext(&mut self) -> FE {
        QuadraticExtension([F::from_noncanonical_u64(self.next()), F::from_noncanonical_u64(self.next())])
    }
}

fn packed(x: FE) -> String {
    let [c0, c1] = x.0;
    format!("0x{:032x}{:032x}", c1.to_canonical_u64(), c0.to_canonical_u64())
}

#[test]
fn write_tmp() {
    let gates: Vec<GateRef<F, D>> =
        vec![GateRef::new(PoseidonGate::<F, D>::new()), GateRef::new(PoseidonMdsGate::<F, D>::new())];
    let mut lib = String::from("library PoseidonGatesTmp {\n");
    let mut tests = String::new();
    let mut rng = Stream(42);
    for g in &gates {
        let sol = emit_gate(g).unwrap();
        lib.push_str(&sol.code);
        let n = g.0.num_wires();
        let wires: Vec<FE> = (0..n).map(|_| rng.ext()).collect();
        let pih = HashOut { elements: [F::ONE; 4] };
        let exp = g.0.eval_unfiltered(EvaluationVars { local_constants: &[], local_wires: &wires, public_inputs_hash: &pih });
        writeln!(tests, "    function test_{}() public {{", sol.name).unwrap();
        writeln!(tests, "        uint256[] memory w = new uint256[]({n});").unwrap();
        for (i, x) in wires.iter().enumerate() {
            writeln!(tests, "        w[{i}] = {};", packed(*x)).unwrap();
        }
        writeln!(tests, "        uint256[] memory e = new uint256[]({});", exp.len()).unwrap();
        for (i, x) in exp.iter().enumerate() {
            writeln!(tests, "        e[{i}] = {};", packed(*x)).unwrap();
        }
        writeln!(tests, "        uint256[] memory o = new uint256[]({});", exp.len()).unwrap();
        writeln!(tests, "        uint256 g0 = gasleft(); PoseidonGatesTmp.{}(_p(w), _p(w), _p(w), _p(o)); g0 -= gasleft();", sol.name).unwrap();
        writeln!(tests, "        emit log_named_uint(\"gas {}\", g0);", sol.name).unwrap();
        writeln!(tests, "        for (uint256 i = 0; i < e.length; i++) assertEq(o[i], e[i], vm.toString(i));").unwrap();
        writeln!(tests, "        w[{}] = w[{}] ^ 1; PoseidonGatesTmp.{}(_p(w), _p(w), _p(w), _p(o));", n - 1, n - 1, sol.name).unwrap();
        writeln!(tests, "        bool diff; for (uint256 i = 0; i < e.length; i++) diff = diff || o[i] != e[i]; assertTrue(diff);").unwrap();
        writeln!(tests, "    }}").unwrap();
    }
    lib.push_str("}\n");
    let text = format!("// SPDX-License-Identifier: MIT\npragma solidity 0.8.37;\nimport {{Test}} from \"forge-std/Test.sol\";\n{lib}\ncontract PoseidonGatesTmpTest is Test {{\n    function _p(uint256[] memory a) internal pure returns (uint256 r) {{ assembly {{ r := add(a, 0x20) }} }}\n{tests}}}\n");
    std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/../test/verifier/PoseidonGatesTmp.t.sol"), text).unwrap();
}
