//! The L2 JSON-RPC declared once: jsonrpsee generates the server trait ([`JanusApiServer`], served
//! by [`super::RpcServer`]) and the client ([`JanusApiClient`], used to forward to the leader and
//! by the devnet's traffic) from this trait. Methods, shapes and error codes: docs/keeper-rpc.md.

use alloy::primitives::{Bytes, B256};
use jsonrpsee::core::RpcResult;
use jsonrpsee::proc_macros::rpc;

use super::types::{RpcAccount, RpcBlock, RpcLeader, RpcReceipt};

/// The `janus_*` methods.
#[rpc(server, client, namespace = "janus")]
pub trait JanusApi {
    /// The L2 chain id.
    #[method(name = "chainId")]
    fn chain_id(&self) -> RpcResult<u64>;

    /// Pool a transaction record (the leader) or forward it to the leader (any other node);
    /// `forwarded` marks a call from another node, never forwarded again. The record's hash.
    #[method(name = "sendTransaction")]
    async fn send_transaction(
        &self,
        record: Bytes,
        chain_id: Option<u64>,
        forwarded: Option<bool>,
    ) -> RpcResult<B256>;

    /// An account in the working state (`null`: no such account).
    #[method(name = "getAccount")]
    fn get_account(&self, index: u32) -> RpcResult<Option<RpcAccount>>;

    /// Where a transaction stands (`null`: unknown here).
    #[method(name = "getTransactionReceipt")]
    fn get_transaction_receipt(&self, hash: B256) -> RpcResult<Option<RpcReceipt>>;

    /// A block this node produced (`null`: none with that number).
    #[method(name = "getBlockByNumber")]
    fn get_block_by_number(&self, number: u64) -> RpcResult<Option<RpcBlock>>;

    /// The leader at the last L1 head this node read.
    #[method(name = "leader")]
    fn leader(&self) -> RpcResult<RpcLeader>;
}
