//! One retry policy for the L1 calls the keeper repeats: [`Backoff`] (exponential, capped, reset
//! after a success) and [`RetryPolicy`], which says whether an error is worth another try. The
//! watcher retries a step while [`crate::l1::L1Error::is_transient`]; the transaction manager
//! retries transport failures and returns a node's answer ([`TransportOnly`]).

use std::time::Duration;

use alloy::transports::{RpcError, TransportErrorKind};

/// Delays that start at `min` and double up to `max`.
#[derive(Clone, Debug)]
pub struct Backoff {
    min: Duration,
    max: Duration,
    next: Duration,
}

/// First delay after a failed L1 read (the watcher's default and derivation's).
pub const L1_BACKOFF_MIN: Duration = Duration::from_millis(250);
/// Longest delay between L1 read attempts.
pub const L1_BACKOFF_MAX: Duration = Duration::from_secs(30);

impl Backoff {
    /// The backoff of L1 reads: [`L1_BACKOFF_MIN`] up to [`L1_BACKOFF_MAX`].
    pub fn l1_reads() -> Self {
        Self::new(L1_BACKOFF_MIN, L1_BACKOFF_MAX)
    }

    /// A backoff from `min` up to `max` (`max` below `min` acts as `min`).
    pub fn new(min: Duration, max: Duration) -> Self {
        Self {
            min,
            max: max.max(min),
            next: min,
        }
    }

    /// The delay to wait now; the next one doubles, up to the cap.
    pub fn next_delay(&mut self) -> Duration {
        let d = self.next;
        self.next = self.next.saturating_mul(2).min(self.max);
        d
    }

    /// Start again from `min` (after a success).
    pub fn reset(&mut self) {
        self.next = self.min;
    }
}

/// Whether an error is worth retrying.
pub trait RetryPolicy<E> {
    /// `true`: wait and try again; `false`: the error is the answer.
    fn should_retry(&self, error: &E) -> bool;
}

/// Retry transport failures (refused connections, timeouts, HTTP errors, garbled responses);
/// an error *response* is the node's answer and is returned.
#[derive(Clone, Copy, Debug, Default)]
pub struct TransportOnly;

impl RetryPolicy<RpcError<TransportErrorKind>> for TransportOnly {
    fn should_retry(&self, error: &RpcError<TransportErrorKind>) -> bool {
        !matches!(error, RpcError::ErrorResp(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_its_cap_and_resets() {
        let ms = Duration::from_millis;
        let mut b = Backoff::new(ms(250), ms(1_000));
        let delays: Vec<_> = (0..5).map(|_| b.next_delay()).collect();
        assert_eq!(delays, [ms(250), ms(500), ms(1_000), ms(1_000), ms(1_000)]);
        b.reset();
        assert_eq!(b.next_delay(), ms(250));
        let mut flat = Backoff::new(ms(300), ms(10));
        assert_eq!((flat.next_delay(), flat.next_delay()), (ms(300), ms(300)));
    }

    #[test]
    fn only_transport_failures_are_retried() {
        let answer: RpcError<TransportErrorKind> = RpcError::ErrorResp(
            serde_json::from_value(serde_json::json!({"code": -32000, "message": "nonce too low"}))
                .expect("payload"),
        );
        assert!(!TransportOnly.should_retry(&answer));
        let down: RpcError<TransportErrorKind> =
            RpcError::Transport(TransportErrorKind::BackendGone);
        assert!(TransportOnly.should_retry(&down));
    }
}
