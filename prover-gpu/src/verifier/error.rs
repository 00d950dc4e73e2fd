//! Errors of the Solidity verifier generator.

/// What can stop the generator.
#[derive(Debug, thiserror::Error)]
pub enum VerifierGenError {
    /// The circuit uses a gate the generator has no Solidity emitter for.
    #[error("no Solidity emitter for gate {0}")]
    UnsupportedGate(String),
    /// The circuit's shape is outside what the generated verifier supports.
    #[error("unsupported circuit: {0}")]
    Unsupported(String),
    /// Writing a generated file failed.
    #[error("writing {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}
