//! Janus prover: the Plonky2 circuits that prove a batch's state transition, their recursive
//! aggregation and the final wrapper, with the heavy steps on a GPU when one is present.
