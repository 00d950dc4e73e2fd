//! Wall-clock time as the keeper records and compares it: [`now_ms`], milliseconds since the Unix
//! epoch (soft-confirmation timestamps, transaction send times, health staleness), and
//! [`sleep_or_never`] for a retry branch of a `select!`.

use std::time::{SystemTime, UNIX_EPOCH};

/// Milliseconds since the Unix epoch (0 if the clock is before it).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Sleep for `d`, or forever with `None` (a `select!` branch that only fires when asked to).
pub async fn sleep_or_never(d: Option<std::time::Duration>) {
    match d {
        Some(d) => tokio::time::sleep(d).await,
        None => std::future::pending().await,
    }
}
