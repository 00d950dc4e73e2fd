//! Conversions between the L2 crate's types and alloy's: [`b256`], an L2 [`Digest`] (a state
//! root) as the `bytes32` the contracts store.

use alloy::primitives::B256;
use janus_l2::hash::{digest_to_bytes32, Digest};

/// `d` as the `bytes32` word L1 stores (`Rollup` state roots).
pub fn b256(d: &Digest) -> B256 {
    B256::from(digest_to_bytes32(d))
}
