//! A progress bar (indicatif, on stderr, drawn only when stderr is a terminal) while the node
//! catches up with L1 — a sync from genesis or after a long downtime: L1 blocks processed out of
//! the head, with rate and ETA. It appears when the watcher is more than [`SHOW_BEHIND`] blocks
//! behind and clears itself once caught up.

use indicatif::{ProgressBar, ProgressStyle};

/// Show the bar when this many L1 blocks behind the head.
pub const SHOW_BEHIND: u64 = 500;

/// See the module docs.
#[derive(Debug, Default)]
pub struct SyncProgress {
    bar: Option<ProgressBar>,
}

impl SyncProgress {
    /// The watcher processed L1 up to `processed` with the head at `head`; `batches` derived.
    pub fn update(&mut self, head: u64, processed: u64, batches: usize) {
        let behind = head.saturating_sub(processed);
        if self.bar.is_none() && behind > SHOW_BEHIND {
            let bar = ProgressBar::new(head);
            bar.set_style(
                ProgressStyle::with_template(
                    "syncing from L1 {bar:30} {pos}/{len} blocks ({per_sec}, eta {eta}) {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            self.bar = Some(bar);
        }
        let Some(bar) = &self.bar else {
            return;
        };
        bar.set_length(head);
        bar.set_position(processed);
        bar.set_message(format!("{batches} batches"));
        if behind <= 2 {
            bar.finish_and_clear();
            self.bar = None;
            tracing::info!(target: "janus", head, batches, "caught up with L1");
        }
    }

    /// Whether the bar is shown (the node is catching up).
    pub fn is_syncing(&self) -> bool {
        self.bar.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appears_far_behind_and_clears_once_caught_up() {
        let mut p = SyncProgress::default();
        p.update(100, 0, 0);
        assert!(!p.is_syncing(), "a short lag shows nothing");
        p.update(10_000, 10, 0);
        assert!(p.is_syncing());
        p.update(10_050, 5_000, 40);
        assert!(p.is_syncing());
        p.update(10_060, 10_059, 80);
        assert!(!p.is_syncing(), "caught up: cleared");
    }
}
