//! The wire shapes of the `janus_*` answers (docs/keeper-rpc.md), shared by the server and every
//! client through the [`super::JanusApi`] declaration.

use alloy::primitives::{Address, Bytes, B256};
use serde::{Deserialize, Serialize};

use crate::l1::LeaderInfo;
use crate::sequencer::{BlockHeader, TxStatus};

/// `janus_getAccount`: an L2 account in the node's working state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RpcAccount {
    /// Account index.
    pub index: u32,
    /// The L2 public key bytes as recorded by L1.
    pub key: Bytes,
    /// Next nonce.
    pub nonce: u64,
    /// Balance per asset id, in L2 units, as decimal strings (a u64 does not fit a JavaScript
    /// number).
    #[serde(with = "decimal_u64s")]
    pub balances: Vec<u64>,
}

/// `janus_getTransactionReceipt`: a transaction's status, with its hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RpcReceipt {
    /// The transaction hash.
    pub hash: B256,
    /// Where it stands (`status` and its fields, flattened).
    #[serde(flatten)]
    pub status: TxStatus,
}

/// `janus_getBlockByNumber`: a block this node produced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RpcBlock {
    /// keccak256 of the header's encoding (docs/l2-spec.md §13.3).
    pub hash: B256,
    /// The header.
    pub header: BlockHeader,
    /// The transaction hashes, in order.
    pub transactions: Vec<B256>,
    /// Number of L1 messages consumed.
    pub messages: usize,
    /// The soft confirmation (docs/l2-spec.md §13.4), if signed.
    pub signature: Option<Bytes>,
    /// The address that signed it, recovered from the signature.
    pub signer: Option<Address>,
}

/// `janus_leader`: the leader at the last L1 head the node read, and whether it is this node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RpcLeader {
    /// The leader schedule (every field of [`LeaderInfo`]).
    #[serde(flatten)]
    pub leader: LeaderInfo,
    /// Whether this node leads.
    pub is_self: bool,
}

/// u64s as decimal strings on the wire.
mod decimal_u64s {
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(v: &[u64], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(v.iter().map(u64::to_string))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u64>, D::Error> {
        Vec::<String>::deserialize(d)?
            .iter()
            .map(|b| b.parse().map_err(D::Error::custom))
            .collect()
    }
}
