//! The L2 JSON-RPC (http, jsonrpsee): `janus_sendTransaction`, `janus_getAccount`,
//! `janus_getTransactionReceipt`, `janus_getBlockByNumber`, `janus_leader`, `janus_chainId`.
//! Methods, shapes and the stable error codes are documented in `docs/keeper-rpc.md`.
//!
//! | module | owns |
//! | --- | --- |
//! | [`api`] | the one declaration of the methods (server trait and client, generated) |
//! | [`types`] | the answers' wire shapes |
//! | [`server`] | [`RpcServer`]: serving the methods from the sequencer |
//! | [`forward`] | [`ForwardClient`]: forwarding a transaction to the leader (RPC and hand-off) |
//! | [`error`] | error codes, mapping of sequencer errors, [`RpcError`] |

pub mod api;
pub mod error;
pub mod forward;
pub mod server;
pub mod types;

pub use api::{JanusApiClient, JanusApiServer};
pub use error::RpcError;
pub use forward::ForwardClient;
pub use server::{RpcServer, MAX_REQUEST_BYTES};
pub use types::{RpcAccount, RpcBlock, RpcLeader, RpcReceipt};

#[cfg(test)]
mod tests;
