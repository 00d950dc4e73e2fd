//! Operations: Prometheus metrics (names in [`metrics`]), the node's health state and the
//! HTTP endpoint serving `/metrics` and `/health` ([`http`]).
//!
//! Roles record metrics with the `metrics` crate's macros under the names declared in
//! [`metrics`]; the node installs one Prometheus recorder at start ([`metrics::install`]).
//! Without an installed recorder (tests, library use) the macros are no-ops.

mod error;
pub mod health;
pub mod http;
pub mod metrics;

pub use error::OpsError;
pub use health::Health;
