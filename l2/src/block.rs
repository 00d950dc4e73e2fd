//! L2 block headers (docs/l2-spec.md §13.3): the fixed 160-byte encoding and its Keccak hash, the
//! root of a block's transactions, and the anchor hash a node's first block points to. The keeper
//! produces and serves blocks; the browser checks a keeper's soft confirmation against this very
//! encoding (compiled to wasm), so there is one implementation of it.

use crate::hash::keccak256;
use crate::tx::record::{Tx, TX_BYTES};

/// Length of the header encoding.
pub const HEADER_BYTES: usize = 160;

/// Domain prefix of an anchor hash.
pub const ANCHOR_DOMAIN: &[u8] = b"janus.anchor";

/// An L2 block header's fields (§13.3), in encoding order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BlockHeader {
    /// L2 block number (the slot).
    pub number: u64,
    /// Hash of the previous block's header, or the anchor hash for a node's first block.
    pub parent_hash: [u8; 32],
    /// State root after the block (`bytes32` form of the Poseidon digest).
    pub state_root: [u8; 32],
    /// [`tx_root`] of the block's transactions.
    pub tx_root: [u8; 32],
    /// L1 queue position after the block's messages.
    pub msg_end: u64,
    /// L1 message chain after the block's messages.
    pub msg_chain: [u8; 32],
    /// The account credited with the block's fees.
    pub fee_account: u32,
    /// The producer's clock, milliseconds since the Unix epoch.
    pub timestamp_ms: u64,
    /// Number of transactions.
    pub tx_count: u32,
}

impl BlockHeader {
    /// `number u64 ‖ parentHash ‖ stateRoot ‖ txRoot ‖ msgEnd u64 ‖ msgChain ‖ feeAccount u32 ‖
    /// timestampMs u64 ‖ txCount u32`, big-endian, 160 bytes.
    pub fn encode(&self) -> [u8; HEADER_BYTES] {
        let mut out = [0u8; HEADER_BYTES];
        let mut at = 0;
        let mut put = |b: &[u8]| {
            out[at..at + b.len()].copy_from_slice(b);
            at += b.len();
        };
        put(&self.number.to_be_bytes());
        put(&self.parent_hash);
        put(&self.state_root);
        put(&self.tx_root);
        put(&self.msg_end.to_be_bytes());
        put(&self.msg_chain);
        put(&self.fee_account.to_be_bytes());
        put(&self.timestamp_ms.to_be_bytes());
        put(&self.tx_count.to_be_bytes());
        out
    }

    /// The block hash: `keccak256(encode())`.
    pub fn hash(&self) -> [u8; 32] {
        keccak256(&self.encode())
    }
}

/// `keccak256("janus.anchor" ‖ batchId u64 ‖ stateRoot)`: the parent of the first block a node
/// builds on top of L1-derived state.
pub fn anchor_hash(batch_id: u64, state_root: &[u8; 32]) -> [u8; 32] {
    let mut buf = Vec::with_capacity(ANCHOR_DOMAIN.len() + 8 + 32);
    buf.extend_from_slice(ANCHOR_DOMAIN);
    buf.extend_from_slice(&batch_id.to_be_bytes());
    buf.extend_from_slice(state_root);
    keccak256(&buf)
}

/// `keccak256` of the transactions' records concatenated, in block order.
pub fn tx_root(txs: &[Tx]) -> [u8; 32] {
    let mut buf = Vec::with_capacity(TX_BYTES * txs.len());
    for tx in txs {
        buf.extend_from_slice(&tx.encode());
    }
    keccak256(&buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each field lands at its offset, big-endian (a swapped or resized field fails here).
    #[test]
    fn fields_land_at_their_offsets() {
        let h = BlockHeader {
            number: 0x0102030405060708,
            parent_hash: [0x11; 32],
            state_root: [0x22; 32],
            tx_root: [0x33; 32],
            msg_end: 9,
            msg_chain: [0x44; 32],
            fee_account: 0x0a0b0c0d,
            timestamp_ms: 0x1112131415161718,
            tx_count: 3,
        };
        let e = h.encode();
        assert_eq!(e[0..8], [1, 2, 3, 4, 5, 6, 7, 8]);
        assert_eq!(e[8..40], [0x11; 32]);
        assert_eq!(e[40..72], [0x22; 32]);
        assert_eq!(e[72..104], [0x33; 32]);
        assert_eq!(e[104..112], 9u64.to_be_bytes());
        assert_eq!(e[112..144], [0x44; 32]);
        assert_eq!(e[144..148], [0x0a, 0x0b, 0x0c, 0x0d]);
        assert_eq!(e[148..156], 0x1112131415161718u64.to_be_bytes());
        assert_eq!(e[156..160], 3u32.to_be_bytes());
        assert_eq!(h.hash(), keccak256(&e));
        assert_ne!(anchor_hash(1, &[0; 32]), anchor_hash(2, &[0; 32]));
        assert_eq!(tx_root(&[]), keccak256(&[]));
    }
}
