//! A configuration problem, named by what is wrong.

use std::path::PathBuf;

/// What is wrong with an L1 RPC URL.
#[derive(Debug, thiserror::Error)]
pub enum UrlProblem {
    /// It is not a URL.
    #[error(transparent)]
    Parse(<alloy::transports::http::reqwest::Url as std::str::FromStr>::Err),
    /// Its scheme is not served.
    #[error("scheme {0} is not supported (http only; TLS is not built in yet)")]
    Scheme(String),
}

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
        #[source]
        why: UrlProblem,
    },
    /// The log filter is invalid.
    #[error("log filter: {0}")]
    LogFilter(#[source] tracing_subscriber::filter::ParseError),
    /// The log subscriber could not be installed (one is installed already).
    #[error("installing the log subscriber: {0}")]
    LogInit(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A flag's value is unusable, or a flag needs another.
    #[error("{flag}: {why}")]
    Flag {
        /// The flag.
        flag: &'static str,
        /// What is wrong.
        why: String,
    },
}
