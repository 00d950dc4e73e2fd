//! Circuit gadgets shared by the batch circuit.

pub mod ecgfp5;
