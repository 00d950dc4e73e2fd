//! GF(p^5) and EcGFp5 gadgets for plonky2 1.1 (in progress).
