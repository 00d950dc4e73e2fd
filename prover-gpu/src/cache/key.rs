//! What names a cached circuit: everything that determines it. A circuit's digest is only known
//! once it is built, so the key is its recipe — the code ([`CIRCUIT_FINGERPRINT`]), the kind of
//! circuit, its parameters, the shape of the wired builder and, for a recursive circuit, the
//! digest of the circuit it verifies — and the file records the digest that the build produced.

use janus_l2::hash::keccak256;
use plonky2::field::types::PrimeField64;
use plonky2::hash::hash_types::HashOut;

use crate::prover::F;

/// Keccak-256 of the sources that can change a circuit (computed by this crate's `build.rs`).
pub const CIRCUIT_FINGERPRINT: &str = env!("JANUS_CIRCUIT_FINGERPRINT");

/// Version of the cache file layout (`store`); part of every key.
const LAYOUT: u64 = 1;

/// The key of one cached circuit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CacheKey {
    /// Kind of circuit (`batch`, `segment-node`, `range-root`, `wrapper`, …): the file name's prefix.
    pub kind: &'static str,
    /// Its hash (see the module docs).
    pub hash: [u8; 32],
}

impl CacheKey {
    /// The key of a circuit of `kind` with `params` (e.g. slots and chain id), wired into a
    /// builder of `num_gates` gates and `num_public_inputs` public inputs, verifying proofs of
    /// the circuit with digest `inner` (recursive circuits only).
    pub fn new(
        kind: &'static str,
        params: &[u64],
        num_gates: usize,
        num_public_inputs: usize,
        inner: Option<HashOut<F>>,
    ) -> Self {
        let mut pre = Vec::with_capacity(128);
        pre.extend_from_slice(CIRCUIT_FINGERPRINT.as_bytes());
        pre.extend_from_slice(&LAYOUT.to_le_bytes());
        pre.extend_from_slice(&(kind.len() as u64).to_le_bytes());
        pre.extend_from_slice(kind.as_bytes());
        pre.extend_from_slice(&(params.len() as u64).to_le_bytes());
        for p in params {
            pre.extend_from_slice(&p.to_le_bytes());
        }
        pre.extend_from_slice(&(num_gates as u64).to_le_bytes());
        pre.extend_from_slice(&(num_public_inputs as u64).to_le_bytes());
        match inner {
            Some(h) => {
                pre.push(1);
                for e in h.elements {
                    pre.extend_from_slice(&e.to_canonical_u64().to_le_bytes());
                }
            }
            None => pre.push(0),
        }
        Self {
            kind,
            hash: keccak256(&pre),
        }
    }

    /// The cache file's name: `<kind>-<first 16 bytes of the hash in hex>.plonky2`.
    pub fn file_name(&self) -> String {
        let hex: String = self.hash[..16].iter().map(|b| format!("{b:02x}")).collect();
        format!("{}-{hex}.plonky2", self.kind)
    }
}
