//! Janus L2: the one implementation of the format specified in `docs/l2-spec.md`, shared by the
//! keeper and the prover.
//!
//! | module | concern |
//! | --- | --- |
//! | [`curve`] | GF(p^5), the EcGFp5 group and its scalars |
//! | [`hash`] | Poseidon / Keccak helpers, domain tags, digest ↔ `bytes32` |
//! | [`keys`] | secret keys from a 32-byte seed, 40-byte public keys |
//! | [`schnorr`] | Schnorr signatures over EcGFp5 with a Poseidon challenge |
//! | [`state`] | accounts and the depth-32 sparse Poseidon Merkle tree |
//! | [`tx`] | L1 message records and their Keccak chain, transaction records, signing messages |
//! | [`batch`] | batch data framing, withdrawal tree, the state transition |
//! | [`block`] | L2 block headers: the 160-byte encoding, its hash, the anchor, the tx root |
//! | [`error`] | error types |

#![warn(missing_docs, unreachable_pub)]

pub mod batch;
pub mod block;
pub mod curve;
pub mod error;
pub mod hash;
pub mod keys;
pub mod schnorr;
pub mod state;
pub mod tx;

pub use error::{BatchError, DecodeError, KeyError, PointError, SignatureError, TxError};

/// Largest amount, fee, balance or nonce (`2^63 - 1`, §1 of the spec).
pub const MAX_AMOUNT: u64 = (1u64 << 63) - 1;

/// Number of assets an L2 account holds balances of (asset ids `0..NUM_ASSETS`).
pub const NUM_ASSETS: usize = 4;

/// Forced-inclusion quota (§4.1 of the spec; `Rollup.FORCED_INCLUSION_QUOTA` on L1): a batch that
/// leaves an overdue L1 message unconsumed must consume at least this many messages, so a backlog of
/// any size drains over several batches that each fit an L1 transaction.
pub const FORCED_INCLUSION_QUOTA: u64 = 256;

/// Default L2 chain id (docs/parameters.md).
pub const DEFAULT_CHAIN_ID: u64 = 424_242;
