//! The node's health: what `/health` reports. Roles update it as they make progress; it is
//! healthy while the L1 watcher has progressed within `max_stale` and no role has failed.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::clock::now_ms;

use serde::Serialize;

/// Shared, lock-free health state (cheap to clone).
#[derive(Debug, Clone)]
pub struct Health {
    inner: Arc<Inner>,
    max_stale: Duration,
}

#[derive(Debug, Default)]
struct Inner {
    l1_head: AtomicU64,
    l1_processed: AtomicU64,
    l1_progress_ms: AtomicU64,
    derived_tip: AtomicU64,
    failed: AtomicBool,
}

/// The JSON body of `/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HealthReport {
    /// Whether the node is healthy (HTTP 200) or not (HTTP 503).
    pub healthy: bool,
    /// Latest L1 head seen.
    pub l1_head: u64,
    /// Last L1 block the watcher processed.
    pub l1_processed: u64,
    /// Milliseconds since the watcher last made progress (`None` before the first step).
    pub l1_stale_ms: Option<u64>,
    /// Id of the derived canonical tip batch.
    pub derived_tip: u64,
    /// Whether a role stopped with an error.
    pub role_failed: bool,
}

impl Health {
    /// Healthy while the watcher progressed within `max_stale`.
    pub fn new(max_stale: Duration) -> Self {
        Self {
            inner: Arc::default(),
            max_stale,
        }
    }

    /// The watcher read up to `processed` with the head at `head`.
    pub fn l1_progress(&self, head: u64, processed: u64) {
        self.inner.l1_head.store(head, Ordering::Relaxed);
        self.inner.l1_processed.store(processed, Ordering::Relaxed);
        self.inner.l1_progress_ms.store(now_ms(), Ordering::Relaxed);
    }

    /// The derived canonical tip is now batch `id`.
    pub fn derived_tip(&self, id: u64) {
        self.inner.derived_tip.store(id, Ordering::Relaxed);
    }

    /// A role stopped with an error: unhealthy from now on.
    pub fn role_failed(&self) {
        self.inner.failed.store(true, Ordering::Relaxed);
    }

    /// The current report.
    pub fn report(&self) -> HealthReport {
        let at = self.inner.l1_progress_ms.load(Ordering::Relaxed);
        let stale = (at != 0).then(|| now_ms().saturating_sub(at));
        let failed = self.inner.failed.load(Ordering::Relaxed);
        let fresh = stale.is_some_and(|s| s <= self.max_stale.as_millis() as u64);
        HealthReport {
            healthy: fresh && !failed,
            l1_head: self.inner.l1_head.load(Ordering::Relaxed),
            l1_processed: self.inner.l1_processed.load(Ordering::Relaxed),
            l1_stale_ms: stale,
            derived_tip: self.inner.derived_tip.load(Ordering::Relaxed),
            role_failed: failed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unhealthy_before_progress_after_staleness_and_after_a_failure() {
        let h = Health::new(Duration::from_millis(200));
        assert!(!h.report().healthy, "no L1 progress yet");
        h.l1_progress(10, 8);
        h.derived_tip(3);
        let r = h.report();
        assert!(r.healthy);
        assert_eq!((r.l1_head, r.l1_processed, r.derived_tip), (10, 8, 3));
        std::thread::sleep(Duration::from_millis(300));
        assert!(!h.report().healthy, "stale watcher");
        h.l1_progress(11, 9);
        assert!(h.report().healthy);
        h.role_failed();
        assert!(!h.report().healthy);
    }
}
