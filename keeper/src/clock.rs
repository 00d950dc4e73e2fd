//! Wall-clock time as the keeper records and compares it: [`now_ms`], milliseconds since the Unix
//! epoch (soft-confirmation timestamps, transaction send times, health staleness).

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch (0 if the clock is before it).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}
