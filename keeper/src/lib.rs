//! Janus keeper: the operator's node (binary `janus`).
//!
//! | module | owns |
//! | --- | --- |
//! | [`config`] | command-line flags (each with a `JANUS_…` env variable), `.env`, logging |
//! | [`l1`] | contract bindings, the L1 watcher (confirmed head, logs, reorgs, backfill) |
//! | [`derive`] | L2 state as a pure function of L1 data (batches' calldata, reverts) |
//! | [`txmgr`] | one transaction manager per L1 signer (nonce, fee bumps, resync, receipts) |
//! | [`store`] | the embedded crash-safe store for what L1 cannot give back |
//! | [`ops`] | Prometheus metrics, health, the `/metrics` + `/health` endpoint |
//! | [`error`] | the node-level error |
//!
//! The sequencer, challenger, prover client and JSON-RPC land next (issue 4).

pub mod config;
pub mod derive;
pub mod error;
pub mod l1;
pub mod ops;
pub mod store;
pub mod txmgr;

pub use error::NodeError;

#[cfg(test)]
pub(crate) mod testutil;
