//! Janus L2: the one implementation of the format specified in `docs/l2-spec.md`, shared by the
//! keeper and the prover.
