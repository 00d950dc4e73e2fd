//! Progress display for long proofs: a spinner on stderr with feature `progress` (indicatif),
//! nothing without it.

/// A running stage; finishes (and clears its spinner) when dropped.
pub struct Stage {
    #[cfg(feature = "progress")]
    bar: indicatif::ProgressBar,
}

impl Stage {
    /// Start a stage named `what`.
    pub fn start(what: &str) -> Self {
        #[cfg(feature = "progress")]
        {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_message(what.to_string());
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            Self { bar }
        }
        #[cfg(not(feature = "progress"))]
        {
            let _ = what;
            Self {}
        }
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        #[cfg(feature = "progress")]
        self.bar.finish_and_clear();
    }
}
