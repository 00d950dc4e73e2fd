//! A configuration problem, named by what is wrong.

use std::path::PathBuf;

/// A configuration problem.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The deployment file could not be read.
    #[error("reading {path}: {source}")]
    Read {
        /// File.
        path: PathBuf,
        /// Cause.
        source: std::io::Error,
    },
    /// The deployment file is not the expected JSON.
    #[error("parsing {path}: {source}")]
    Parse {
        /// File.
        path: PathBuf,
        /// Cause.
        source: serde_json::Error,
    },
    /// The L1 RPC URL is unusable.
    #[error("--l1-rpc {url}: {why}")]
    Url {
        /// The flag's value.
        url: String,
        /// Why.
        why: String,
    },
    /// The log filter is invalid.
    #[error("log filter: {0}")]
    Log(String),
    /// A flag's value is unusable, or a flag needs another.
    #[error("{flag}: {why}")]
    Flag {
        /// The flag.
        flag: &'static str,
        /// What is wrong.
        why: String,
    },
}
