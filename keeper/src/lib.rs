//! Janus keeper: the operator's node (binary `janus`).
//!
//! | module | owns |
//! | --- | --- |
//! | [`cli`] | the `janus` command line (subcommands, `--log`) and logging |
//! | [`config`] | the node's flags (each with a `JANUS_…` env variable), the suite's addresses, every role's settings derived from the flags |
//! | [`l1`] | contract bindings, the L1 watcher (confirmed head, logs, reorgs, backfill), shared L1 reads (`BatchStatus`, `L1ReadError`, the leader schedule `LeaderView`) |
//! | [`derive`] | L2 state as a pure function of L1 data (batches' calldata, reverts) |
//! | [`txmgr`] | one transaction manager per L1 signer (nonce, fee bumps, resync, receipts) |
//! | [`store`] | the embedded crash-safe store for what L1 cannot give back |
//! | [`sequencer`] | mempool, L2 blocks and soft confirmations, batch posting while leading |
//! | [`rpc`] | the L2 JSON-RPC (`janus_*` methods over http), forwarding to the leader |
//! | [`challenger`] | validator/challenger, finalizer, liveness and equivocation reporters |
//! | [`prover`] | prover client: proves batches (defence, bounties) and submits the proofs |
//! | [`ops`] | Prometheus metrics, health, the `/metrics` + `/health` endpoint |
//! | [`node`] | one operator's node: every role wired on one cancellation token |
//! | [`devnet`] | `janus devnet`: a node per devnet operator, traffic, live view, the scenario |
//! | [`escape`] | `janus escape`: a proven batch through the escape hatch when every sequencer is gone |
//! | [`error`] | the node-level error |
//! | [`retry`] | the one retry policy: capped exponential backoff, which errors are worth a retry |
//! | [`clock`], [`convert`] | wall-clock milliseconds; an L2 digest as an L1 `bytes32` |
//!
//! Each role is a library type with a `run(…, CancellationToken)` loop; `main.rs` wires them into
//! one node on a shared cancellation token.

#![warn(missing_docs, unreachable_pub)]

pub mod challenger;
pub mod cli;
pub mod clock;
pub mod config;
pub mod convert;
pub mod derive;
pub mod devnet;
pub mod error;
pub mod escape;
pub mod l1;
pub mod node;
pub mod ops;
pub mod prover;
pub mod retry;
pub mod rpc;
pub mod sequencer;
pub mod store;
pub mod txmgr;

pub use error::NodeError;

#[cfg(any(test, feature = "test-utils"))]
pub mod testutil;
