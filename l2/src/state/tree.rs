//! The state: a depth-32 sparse Merkle tree over Poseidon (spec §8.2).
//!
//! Leaf `i` (`i` = account index, u32) sits at level 0, the root at level 32. A node is
//! `two_to_one(left, right)`; the empty subtree of height `h` hashes to `E_h` with `E_0` the zero
//! digest and `E_{h+1} = two_to_one(E_h, E_h)`. Only non-empty nodes are stored, keyed by
//! `(level, index at that level)`, so an update costs 32 Poseidon permutations.
//!
//! **Deferred hashing** ([`State::defer_hashing`] … [`State::commit`]): updates store the
//! accounts and leaves at once and re-hash the touched paths together at the commit, each inner
//! node once however many of its leaves changed (a block producer touching the fee account on
//! every transfer re-hashes its path once per block instead of once per transfer). Between the
//! two, [`State::root`] and [`State::proof`] describe the last committed tree.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::account::Account;
use crate::hash::{compress, Digest, ZERO_DIGEST};

/// Depth of the state tree (2^32 account slots).
pub const TREE_DEPTH: usize = 32;

/// `E_h` for `h = 0..=32`: the root of an empty subtree of height `h`.
pub fn empty_hashes() -> &'static [Digest; TREE_DEPTH + 1] {
    static E: OnceLock<[Digest; TREE_DEPTH + 1]> = OnceLock::new();
    E.get_or_init(|| {
        let mut e = [ZERO_DIGEST; TREE_DEPTH + 1];
        for h in 1..=TREE_DEPTH {
            e[h] = compress(e[h - 1], e[h - 1]);
        }
        e
    })
}

/// The root of the empty state (the genesis state root).
pub fn empty_root() -> Digest {
    empty_hashes()[TREE_DEPTH]
}

/// A cheap hasher for the `u64` node keys (splitmix64 finalizer); keys are not attacker-chosen
/// beyond account indices, which L1 allocates sequentially.
#[derive(Default)]
pub struct NodeKeyHasher(u64);

impl Hasher for NodeKeyHasher {
    fn finish(&self) -> u64 {
        let mut z = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | *b as u64;
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
    fn write_u32(&mut self, v: u32) {
        self.0 = v as u64;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<NodeKeyHasher>>;

fn node_key(level: usize, index: u64) -> u64 {
    ((level as u64) << 32) | index
}

/// A Merkle proof for one slot: the 32 siblings from the leaf level up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MerkleProof {
    /// The slot (account index).
    pub index: u32,
    /// `siblings[h]` is the sibling at level `h` (0 = the neighbouring leaf).
    pub siblings: [Digest; TREE_DEPTH],
}

impl MerkleProof {
    /// The root obtained by hashing `leaf` up through the siblings.
    pub fn root_from_leaf(&self, leaf: Digest) -> Digest {
        let mut h = leaf;
        for (level, sib) in self.siblings.iter().enumerate() {
            h = if (self.index >> level) & 1 == 0 {
                compress(h, *sib)
            } else {
                compress(*sib, h)
            };
        }
        h
    }
}

/// Whether `proof` shows that slot `proof.index` holds `leaf` under `root` (use the zero digest
/// as `leaf` to prove that a slot is empty).
pub fn verify_proof(root: &Digest, leaf: &Digest, proof: &MerkleProof) -> bool {
    proof.root_from_leaf(*leaf) == *root
}

/// The L2 state: accounts and the sparse Merkle tree over them.
#[derive(Clone, Default)]
pub struct State {
    accounts: FastMap<u32, Account>,
    nodes: FastMap<u64, Digest>,
    /// Leaves updated since [`State::defer_hashing`] (None: hashing is immediate).
    deferred: Option<Vec<u64>>,
}

impl core::fmt::Debug for State {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("State")
            .field("accounts", &self.accounts.len())
            .field("root", &self.root())
            .finish()
    }
}

impl State {
    /// The empty state.
    pub fn new() -> Self {
        Self::default()
    }

    /// Build a state from accounts (later entries overwrite earlier ones at the same index).
    pub fn from_accounts(accounts: impl IntoIterator<Item = (u32, Account)>) -> Self {
        let mut s = Self::new();
        for (i, a) in accounts {
            s.update(i, a);
        }
        s
    }

    /// The state root.
    pub fn root(&self) -> Digest {
        self.node(TREE_DEPTH, 0)
    }

    /// Number of non-empty slots.
    pub fn len(&self) -> usize {
        self.accounts.len()
    }

    /// Whether no slot holds an account.
    pub fn is_empty(&self) -> bool {
        self.accounts.is_empty()
    }

    /// The account at `index`, if any.
    pub fn get(&self, index: u32) -> Option<&Account> {
        self.accounts.get(&index)
    }

    /// All accounts (unordered).
    pub fn accounts(&self) -> impl Iterator<Item = (u32, &Account)> {
        self.accounts.iter().map(|(i, a)| (*i, a))
    }

    /// The leaf digest of slot `index` (zero if empty).
    pub fn leaf(&self, index: u32) -> Digest {
        self.node(0, index as u64)
    }

    fn node(&self, level: usize, index: u64) -> Digest {
        self.nodes
            .get(&node_key(level, index))
            .copied()
            .unwrap_or(empty_hashes()[level])
    }

    /// Store `account` at `index` and update the path to the root.
    pub fn update(&mut self, index: u32, account: Account) {
        let leaf = account.leaf_hash();
        self.accounts.insert(index, account);
        self.set_path(index, leaf);
    }

    /// Empty slot `index` (used to roll back account creation).
    pub fn remove(&mut self, index: u32) -> Option<Account> {
        let old = self.accounts.remove(&index);
        if old.is_some() {
            self.set_path(index, ZERO_DIGEST);
        }
        old
    }

    /// Set slot `index` to `account` (`None` empties it).
    pub fn set(&mut self, index: u32, account: Option<Account>) {
        match account {
            Some(a) => self.update(index, a),
            None => {
                self.remove(index);
            }
        }
    }

    /// Defer re-hashing of the paths above updated leaves until [`Self::commit`].
    pub fn defer_hashing(&mut self) {
        self.deferred.get_or_insert_with(Vec::new);
    }

    /// Whether hashing is deferred (uncommitted updates may exist).
    pub fn is_deferred(&self) -> bool {
        self.deferred.is_some()
    }

    /// Re-hash every path touched since [`Self::defer_hashing`] (each inner node once), return to
    /// immediate hashing, and return the root.
    pub fn commit(&mut self) -> Digest {
        let Some(mut idx) = self.deferred.take() else {
            return self.root();
        };
        let empty = empty_hashes();
        idx.sort_unstable();
        idx.dedup();
        for level in 0..TREE_DEPTH {
            idx.iter_mut().for_each(|i| *i >>= 1);
            idx.dedup();
            for &parent in &idx {
                let l = self.node(level, parent << 1);
                let r = self.node(level, (parent << 1) | 1);
                let h = compress(l, r);
                let key = node_key(level + 1, parent);
                if h == empty[level + 1] {
                    self.nodes.remove(&key);
                } else {
                    self.nodes.insert(key, h);
                }
            }
        }
        self.root()
    }

    fn set_path(&mut self, index: u32, leaf: Digest) {
        if let Some(dirty) = &mut self.deferred {
            dirty.push(index as u64);
            let key = node_key(0, index as u64);
            if leaf == ZERO_DIGEST {
                self.nodes.remove(&key);
            } else {
                self.nodes.insert(key, leaf);
            }
            return;
        }
        let empty = empty_hashes();
        let mut h = leaf;
        let mut idx = index as u64;
        for (level, empty_h) in empty.iter().enumerate() {
            let key = node_key(level, idx);
            if h == *empty_h {
                self.nodes.remove(&key);
            } else {
                self.nodes.insert(key, h);
            }
            if level == TREE_DEPTH {
                break;
            }
            let sib = self.node(level, idx ^ 1);
            h = if idx & 1 == 0 {
                compress(h, sib)
            } else {
                compress(sib, h)
            };
            idx >>= 1;
        }
    }

    /// The Merkle proof of slot `index`.
    pub fn proof(&self, index: u32) -> MerkleProof {
        let mut siblings = [ZERO_DIGEST; TREE_DEPTH];
        let mut idx = index as u64;
        for (level, s) in siblings.iter_mut().enumerate() {
            *s = self.node(level, idx ^ 1);
            idx >>= 1;
        }
        MerkleProof { index, siblings }
    }

    /// The root recomputed from the accounts alone (ignoring the stored nodes): a check of the
    /// incremental tree, and what a node rebuilding from a snapshot computes.
    pub fn recompute_root(&self) -> Digest {
        let empty = empty_hashes();
        let mut level: FastMap<u64, Digest> = self
            .accounts
            .iter()
            .map(|(i, a)| (*i as u64, a.leaf_hash()))
            .collect();
        for empty_h in &empty[..TREE_DEPTH] {
            let mut next: FastMap<u64, Digest> = FastMap::default();
            for idx in level.keys() {
                let parent = idx >> 1;
                if next.contains_key(&parent) {
                    continue;
                }
                let l = level.get(&(parent << 1)).copied().unwrap_or(*empty_h);
                let r = level.get(&((parent << 1) | 1)).copied().unwrap_or(*empty_h);
                next.insert(parent, compress(l, r));
            }
            level = next;
        }
        level.get(&0).copied().unwrap_or(empty[TREE_DEPTH])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::digest_to_bytes32;

    #[test]
    fn deferred_hashing_gives_the_same_tree_as_immediate_hashing() {
        let mut rng = 0x1234_5678_9abc_def0u64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let mut eager = State::new();
        let mut lazy = State::new();
        for round in 0..20 {
            lazy.defer_hashing();
            assert!(lazy.is_deferred());
            let before = lazy.root();
            for _ in 0..(1 + next() % 40) {
                // Few distinct indices (repeated updates of one leaf), far apart ones, removals.
                let index = match next() % 3 {
                    0 => (next() % 8) as u32,
                    1 => next() as u32,
                    _ => (next() % 1024) as u32,
                };
                if next() % 5 == 0 {
                    eager.remove(index);
                    lazy.remove(index);
                } else {
                    let a = acct((next() % 250) as u8, next() % 1000);
                    eager.update(index, a.clone());
                    lazy.update(index, a);
                }
                assert_eq!(lazy.root(), before, "the root moves only at the commit");
                assert_eq!(lazy.leaf(index), eager.leaf(index), "leaves are current");
            }
            assert_eq!(lazy.commit(), eager.root(), "round {round}");
            assert!(!lazy.is_deferred());
            assert_eq!(
                lazy.nodes, eager.nodes,
                "same stored nodes (empties pruned)"
            );
            assert_eq!(lazy.root(), lazy.recompute_root());
        }
        // Commit without deferral is the root.
        assert_eq!(lazy.commit(), eager.root());
    }

    fn acct(k: u8, bal: u64) -> Account {
        let mut a = Account::new([k; 40]);
        a.balances[0] = bal;
        a
    }

    #[test]
    fn empty_tree() {
        let s = State::new();
        assert_eq!(s.root(), empty_root());
        assert_eq!(s.recompute_root(), empty_root());
        assert!(verify_proof(&s.root(), &ZERO_DIGEST, &s.proof(12345)));
        assert_eq!(
            compress(empty_hashes()[0], empty_hashes()[0]),
            empty_hashes()[1]
        );
    }

    #[test]
    fn updates_proofs_and_removal() {
        let mut s = State::new();
        let indices = [1u32, 2, 3, 1 << 20, u32::MAX, 0x8000_0001];
        for (n, i) in indices.iter().enumerate() {
            s.update(*i, acct(n as u8, n as u64 * 10));
            assert_eq!(s.root(), s.recompute_root());
        }
        for i in indices {
            let a = s.get(i).expect("present").clone();
            assert!(verify_proof(&s.root(), &a.leaf_hash(), &s.proof(i)));
            assert!(!verify_proof(&s.root(), &ZERO_DIGEST, &s.proof(i)));
        }
        assert!(verify_proof(&s.root(), &ZERO_DIGEST, &s.proof(4)));
        // Removing everything restores the empty root and leaves no stored nodes.
        for i in indices {
            assert!(s.remove(i).is_some());
        }
        assert_eq!(s.root(), empty_root());
        assert!(s.nodes.is_empty());
    }

    #[test]
    fn insertion_order_does_not_matter() {
        let a = State::from_accounts((1..20u32).map(|i| (i * 7919, acct(i as u8, i as u64))));
        let b = State::from_accounts(
            (1..20u32)
                .rev()
                .map(|i| (i * 7919, acct(i as u8, i as u64))),
        );
        assert_eq!(a.root(), b.root());
        assert_ne!(
            digest_to_bytes32(&a.root()),
            digest_to_bytes32(&empty_root())
        );
    }
}
