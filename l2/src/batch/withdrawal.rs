//! The withdrawal tree of a batch (spec §5), as the L1 `WithdrawalTree` library computes it.
//!
//! `leaf = keccak256(l1Recipient ‖ asset u32 BE ‖ amount u64 BE)`; with `n` leaves the depth is
//! `⌈log2 n⌉`; nodes are `keccak256(left ‖ right)`; a missing right sibling is the zero word at
//! every level; no leaves → root `0^32`. A proof is the `d` siblings from the leaf up.

use crate::hash::{keccak256, keccak256_concat};

/// A withdrawal paid on L1 from a finalized batch.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Withdrawal {
    /// L1 recipient.
    pub recipient: [u8; 20],
    /// Asset id.
    pub asset: u32,
    /// Amount in L2 units.
    pub amount: u64,
}

impl Withdrawal {
    /// The 32-byte leaf preimage `recipient ‖ asset ‖ amount`.
    pub fn preimage(&self) -> [u8; 32] {
        let mut p = [0u8; 32];
        p[..20].copy_from_slice(&self.recipient);
        p[20..24].copy_from_slice(&self.asset.to_be_bytes());
        p[24..].copy_from_slice(&self.amount.to_be_bytes());
        p
    }

    /// The leaf hash.
    pub fn leaf(&self) -> [u8; 32] {
        keccak256(&self.preimage())
    }
}

/// All levels of a withdrawal tree (level 0 = leaves), for roots and proofs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WithdrawalTree {
    levels: Vec<Vec<[u8; 32]>>,
}

impl WithdrawalTree {
    /// Build the tree over `withdrawals` (in batch order).
    pub fn new(withdrawals: &[Withdrawal]) -> Self {
        Self::from_leaves(withdrawals.iter().map(Withdrawal::leaf).collect())
    }

    /// Build the tree over leaf hashes.
    pub fn from_leaves(leaves: Vec<[u8; 32]>) -> Self {
        if leaves.is_empty() {
            return Self { levels: Vec::new() };
        }
        let mut levels = vec![leaves];
        while levels.last().map_or(0, Vec::len) > 1 {
            let cur = levels.last().map(Vec::as_slice).unwrap_or_default();
            let next: Vec<[u8; 32]> = cur
                .chunks(2)
                .map(|pair| {
                    let r = pair.get(1).copied().unwrap_or([0u8; 32]);
                    keccak256_concat(&[&pair[0], &r])
                })
                .collect();
            levels.push(next);
        }
        Self { levels }
    }

    /// Number of leaves.
    pub fn len(&self) -> usize {
        self.levels.first().map_or(0, Vec::len)
    }

    /// Whether the tree has no leaves.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Depth `⌈log2 n⌉`.
    pub fn depth(&self) -> usize {
        self.levels.len().saturating_sub(1)
    }

    /// The root (`0^32` without leaves).
    pub fn root(&self) -> [u8; 32] {
        self.levels
            .last()
            .and_then(|l| l.first())
            .copied()
            .unwrap_or([0u8; 32])
    }

    /// The proof of leaf `index`: `depth()` siblings from the leaf up; `None` if out of range.
    pub fn proof(&self, index: usize) -> Option<Vec<[u8; 32]>> {
        if index >= self.len() {
            return None;
        }
        let mut out = Vec::with_capacity(self.depth());
        let mut i = index;
        for level in &self.levels[..self.depth()] {
            out.push(level.get(i ^ 1).copied().unwrap_or([0u8; 32]));
            i >>= 1;
        }
        Some(out)
    }
}

/// The root of the withdrawal tree over `withdrawals`.
pub fn withdrawal_root(withdrawals: &[Withdrawal]) -> [u8; 32] {
    WithdrawalTree::new(withdrawals).root()
}

/// Check a proof the way the bridge does: `index < count`, exactly `⌈log2 count⌉` siblings, and
/// the leaf hashed up through them equals `root`.
pub fn verify_withdrawal_proof(
    root: &[u8; 32],
    leaf: &[u8; 32],
    index: usize,
    count: usize,
    proof: &[[u8; 32]],
) -> bool {
    if index >= count {
        return false;
    }
    let depth = count.next_power_of_two().trailing_zeros() as usize;
    if proof.len() != depth {
        return false;
    }
    let mut h = *leaf;
    for (level, sib) in proof.iter().enumerate() {
        h = if (index >> level) & 1 == 0 {
            keccak256_concat(&[&h, sib])
        } else {
            keccak256_concat(&[sib, &h])
        };
    }
    h == *root
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(i: u8) -> Withdrawal {
        Withdrawal {
            recipient: [i; 20],
            asset: i as u32,
            amount: 1000 + i as u64,
        }
    }

    #[test]
    fn small_trees_match_the_definition() {
        assert_eq!(withdrawal_root(&[]), [0u8; 32]);
        let a = w(1);
        assert_eq!(withdrawal_root(std::slice::from_ref(&a)), a.leaf());
        let (l0, l1, l2) = (w(1).leaf(), w(2).leaf(), w(3).leaf());
        let n01 = keccak256_concat(&[&l0, &l1]);
        let n2z = keccak256_concat(&[&l2, &[0u8; 32]]);
        assert_eq!(
            withdrawal_root(&[w(1), w(2), w(3)]),
            keccak256_concat(&[&n01, &n2z])
        );
    }

    #[test]
    fn proofs_verify_for_every_size() {
        for n in 1..=9u8 {
            let ws: Vec<_> = (0..n).map(w).collect();
            let t = WithdrawalTree::new(&ws);
            for (i, x) in ws.iter().enumerate() {
                let p = t.proof(i).expect("in range");
                assert!(verify_withdrawal_proof(
                    &t.root(),
                    &x.leaf(),
                    i,
                    ws.len(),
                    &p
                ));
                assert!(!verify_withdrawal_proof(
                    &t.root(),
                    &w(99).leaf(),
                    i,
                    ws.len(),
                    &p
                ));
            }
            assert!(t.proof(ws.len()).is_none());
        }
    }

    #[test]
    fn leaf_preimage_layout() {
        let p = Withdrawal {
            recipient: [0xAB; 20],
            asset: 0x0102_0304,
            amount: 5,
        }
        .preimage();
        assert_eq!(&p[20..24], &[1, 2, 3, 4]);
        assert_eq!(p[31], 5);
    }
}
