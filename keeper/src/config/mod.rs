//! The node's configuration in one place: the flags of `janus node` and `janus prover` (each also
//! read from a `JANUS_…` environment variable and a `.env` file loaded by `main` before parsing),
//! where the suite is, and every role's settings derived from the flags. The command line itself
//! (the subcommands) is in [`crate::cli`].
//!
//! | module | owns |
//! | --- | --- |
//! | [`node`] | [`NodeArgs`], [`ProvePolicy`], the roles' settings derived from them |
//! | [`prover`] | [`ProverArgs`]: `janus prover`, a preset of `janus node` |
//! | [`l1`] | [`L1Args`], [`Deployment`]: the L1 RPC URL and the contracts; [`FollowArgs`]: how a node follows L1 |
//! | [`error`] | [`ConfigError`] |

pub mod error;
pub mod l1;
pub mod node;
pub mod prover;

pub use error::{ConfigError, UrlProblem};
pub use l1::{contracts_from, parse_l1_url, read_deployment, Deployment, FollowArgs, L1Args};
pub use node::{NodeArgs, ProvePolicy};
pub use prover::ProverArgs;
