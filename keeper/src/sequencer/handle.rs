//! [`SequencerHandle`]: shared access to the sequencer's core and the leader schedule, for the
//! JSON-RPC, the hand-off and the run loop.

use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use alloy::primitives::{Address, B256};
use janus_l2::state::Account;

use super::{mempool, Block, Core, LeaderInfo, MempoolError, SequencerError, TxStatus};

/// Shared access to the sequencer for the JSON-RPC (cheap to clone).
#[derive(Clone, Debug)]
pub struct SequencerHandle {
    core: Arc<Mutex<Core>>,
    leader: Arc<RwLock<LeaderInfo>>,
    /// This node's operator address.
    operator: Address,
    chain_id: u64,
}

impl SequencerHandle {
    /// Wrap a core; `operator` is this node's operator (compared with the leader).
    pub fn new(core: Core, operator: Address) -> Self {
        let chain_id = core.chain_id();
        Self {
            core: Arc::new(Mutex::new(core)),
            leader: Arc::new(RwLock::new(LeaderInfo::default())),
            operator,
            chain_id,
        }
    }

    /// Lock the core (poisoning is ignored: the core has no invariant a panic can half-break that
    /// the store does not also guard).
    pub fn lock(&self) -> MutexGuard<'_, Core> {
        self.core.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// L2 chain id.
    pub fn chain_id(&self) -> u64 {
        self.chain_id
    }

    /// Submit a transaction record: screened under the lock, its signature checked outside it
    /// (the costly step; other submissions and block production go on meanwhile), then inserted
    /// under the lock again, re-checking what may have moved in between.
    pub fn submit(&self, bytes: &[u8]) -> Result<B256, MempoolError> {
        let (mut p, key) = self.lock().screen(bytes)?;
        mempool::check_signature(&mut p, &key, self.chain_id)?;
        self.lock().insert_checked(p)
    }

    /// An account in the working state.
    pub fn account(&self, index: u32) -> Option<Account> {
        self.lock().state().get(index).cloned()
    }

    /// Status of a transaction.
    pub fn status(&self, hash: &B256) -> Option<TxStatus> {
        self.lock().status(hash)
    }

    /// A block this node produced.
    pub fn block(&self, number: u64) -> Result<Option<Block>, SequencerError> {
        self.lock().block(number)
    }

    /// The current leader.
    pub fn leader(&self) -> LeaderInfo {
        self.leader.read().map(|l| l.clone()).unwrap_or_default()
    }

    /// Set the leader schedule.
    pub fn set_leader(&self, info: LeaderInfo) {
        if let Ok(mut l) = self.leader.write() {
            *l = info;
        }
    }

    /// Whether this node's operator leads now and may post (read in place: this runs on every
    /// `janus_sendTransaction`).
    pub fn is_leader(&self) -> bool {
        self.leader.read().is_ok_and(|l| l.led_by(self.operator))
    }

    /// This node's operator.
    pub fn operator(&self) -> Address {
        self.operator
    }
}
