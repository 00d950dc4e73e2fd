//! Circuit gadgets shared by the batch circuit.

pub mod ecgfp5;
pub mod merkle;
pub mod range;
