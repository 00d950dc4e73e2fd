//! Why a cached circuit could not be read or written. Never fatal: the circuit is built instead
//! (and the write is retried at the next build), with a warning naming the file and the reason.

use std::path::PathBuf;

/// A cache file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// Reading, writing or renaming the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a cached circuit for this key (truncated, other layout, other circuit).
    #[error("{path}: {reason}")]
    Format {
        /// The file.
        path: PathBuf,
        /// What does not match.
        reason: String,
    },
}
