//! `janus`: the operator's node. The roles (L1 watcher, derivation, sequencer, challenger, prover
//! client, transaction manager) land with the keeper issue; today the binary only reports its version.

fn main() {
    println!("janus {}", env!("CARGO_PKG_VERSION"));
}
