//! Shared by the tests that write cross-language vectors (binding, gates, Poseidon): the fixed
//! pseudo-random stream they draw from and the Goldilocks prime.
#![allow(dead_code)]

/// The Goldilocks prime `2^64 − 2^32 + 1`.
pub const P: u64 = 0xffff_ffff_0000_0001;

/// One step of splitmix64: a fixed pseudo-random stream (no dependency, stable across crate
/// versions, so committed vectors never change under a dependency update).
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
