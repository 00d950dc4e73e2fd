//! Prints the shape of the wrapper circuit (what a Solidity verifier must implement) and the
//! size of a wrapped proof: `cargo run --release -p janus-prover --example wrapper_shape -- <slots>`.

use std::time::Instant;

use janus_l2::batch::Batch;
use janus_l2::state::{Account, State};
use janus_prover::prover::batch::BatchProver;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let slots: usize = std::env::args().nth(1).map(|s| s.parse()).transpose()?.unwrap_or(2);
    let state = State::from_accounts((1..=2u32).map(|i| (i, Account::new([i as u8; 40]))));
    let prover = BatchProver::new(slots)?;
    let t = Instant::now();
    let p = prover.prove_batch(&state, &Batch { fee_account: 1, messages: vec![], txs: vec![] })?;
    println!("batch prove {:.2?}", t.elapsed());
    let t = Instant::now();
    let w = prover.wrapper()?;
    println!("wrapper build {:.2?}", t.elapsed());
    let c = &w.data.common;
    println!("degree_bits {} num_wires {} routed {} constants {} pis {}", c.degree_bits(), c.config.num_wires, c.config.num_routed_wires, c.num_constants, c.num_public_inputs);
    println!("quotient_degree_factor {} partial_products {} challenges {}", c.quotient_degree_factor, c.num_partial_products, c.config.num_challenges);
    println!("selectors {:?}", c.selectors_info);
    println!("fri {:?}", c.fri_params);
    for g in &c.gates { println!("gate {}", g.0.id()); }
    println!("num_gate_constraints {} lookups {}", c.num_gate_constraints, c.num_lookup_polys);
    let t = Instant::now();
    let range = prover.prove_range(std::slice::from_ref(&p))?;
    let wp = prover.wrap(&range, &[0x11; 20])?;
    println!("wrap prove {:.2?} bytes {} ", t.elapsed(), wp.to_bytes().len());
    let cp = wp.clone().compress(&w.data.verifier_only.circuit_digest, c)?;
    println!("compressed bytes {}", cp.to_bytes().len());
    Ok(())
}
