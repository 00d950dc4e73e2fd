//! Errors of the operations endpoint.

/// Everything that can go wrong serving metrics and health.
#[derive(Debug, thiserror::Error)]
pub enum OpsError {
    /// The Prometheus recorder could not be installed (a second install in one process).
    #[error("installing the Prometheus recorder: {0}")]
    Recorder(#[source] metrics_exporter_prometheus::BuildError),
    /// The HTTP listener could not bind.
    #[error("binding the ops endpoint on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: std::net::SocketAddr,
        /// The OS error.
        source: std::io::Error,
    },
    /// The HTTP server stopped with an error.
    #[error("ops endpoint: {0}")]
    Serve(std::io::Error),
}
