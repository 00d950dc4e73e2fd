//! Index arithmetic and host-side tables shared by the kernel launchers and the CPU model of
//! the kernels ([`super::model`]): twiddle table, coset-shift powers, bit reversal, the Merkle
//! digest slots. One definition for both, so a test of the model tests what the GPU is fed.

use plonky2::field::fft::fft_root_table;
use plonky2::field::goldilocks_field::GoldilocksField;
use plonky2::field::types::{Field, PrimeField64};

/// Goldilocks elements per Poseidon digest.
pub const HASH_ELTS: usize = 4;

/// Reverse the low `bits` bits of `x` (`brev` of goldilocks.cuh; 0 when `bits == 0`).
pub fn brev(x: u64, bits: u32) -> u64 {
    if bits == 0 {
        0
    } else {
        x.reverse_bits() >> (64 - bits)
    }
}

/// Flattened twiddles for transforms up to size 2^log_n: `tw[(1 << l) - 1 + j]` = row `l`,
/// entry `j` of plonky2's `fft_root_table(2^log_n)` (= w_{l+1}^j). `2^log_n - 1` entries; the
/// table for a smaller size is a prefix of this one.
pub fn twiddles(log_n: u32) -> Vec<u64> {
    if log_n == 0 {
        return Vec::new();
    }
    let table = fft_root_table::<GoldilocksField>(1 << log_n);
    let mut tw = Vec::with_capacity((1 << log_n) - 1);
    for (l, row) in table.iter().enumerate() {
        tw.extend(row[..1 << l].iter().map(|x| x.to_canonical_u64()));
    }
    tw
}

/// `shift^k` for `k < 2^log_n` (canonical).
pub fn shift_powers(shift: GoldilocksField, log_n: u32) -> Vec<u64> {
    shift
        .powers()
        .take(1 << log_n)
        .map(|x| x.to_canonical_u64())
        .collect()
}

/// `1 / 2^log_n` (canonical).
pub fn n_inv(log_n: u32) -> u64 {
    GoldilocksField::inverse_2exp(log_n as usize).to_canonical_u64()
}

/// Where node `g` of tree level `level` lives (`merkle_slot` of poseidon.cu): `Some(index)` of
/// the digest in plonky2's `MerkleTree::digests`, or `None` for level `layers` (the cap, at
/// cap index `g`). `layers = log_leaves - cap_height`.
pub fn merkle_slot(level: u32, g: u64, layers: u32) -> Option<u64> {
    if level == layers {
        return None;
    }
    let t = g >> (layers - level);
    let j = g & ((1u64 << (layers - level)) - 1);
    let subtree = 2 * ((1u64 << layers) - 1);
    Some(t * subtree + 2 * ((j >> 1) << (level + 1)) + 2 * ((1u64 << level) - 1) + (j & 1))
}

/// Number of digests plonky2 stores for `2^log_leaves` leaves and a cap of `2^cap_height`.
pub fn num_digests(log_leaves: u32, cap_height: u32) -> usize {
    2 * ((1usize << log_leaves) - (1usize << cap_height))
}

/// Threads per block of the element-wise kernels.
pub const BLOCK: u32 = 256;
/// Tile edge of `transpose_bitrev` (its `TILE`) and the block shape it is launched with.
pub const TILE: u32 = 32;
/// Rows of threads per transpose block (each thread moves TILE / TILE_ROWS elements).
pub const TILE_ROWS: u32 = 8;

/// Blocks for `total` threads at [`BLOCK`] per block.
pub fn grid(total: u64) -> u32 {
    total.div_ceil(BLOCK as u64) as u32
}
