//! Prover data built once: circuits (batch, segment and range trees, wrapper) saved on disk after their
//! first build and loaded at the next start, so a node is ready to prove in seconds instead of
//! rebuilding for a minute (docs/prover-cache.md).

mod error;
mod key;
mod serializer;
mod store;

pub use error::CacheError;
pub use key::{CacheKey, CIRCUIT_FINGERPRINT};
pub use serializer::{JanusGateSerializer, JanusGeneratorSerializer};
pub use store::{build_or_load, Origin, ProverCache};
