//! A CPU model of every kernel: the same per-thread body, the same index arithmetic, run for
//! every thread of the launch grid in turn. Tests compare it with plonky2 (fft, ifft,
//! `PolynomialBatch`, `MerkleTree`, Poseidon) on random inputs, which catches indexing and
//! layout bugs with no GPU; on a GPU the kernels are compared with plonky2 directly.
//!
//! Field operations are the u64 formulas of `goldilocks.cuh`, written out again here
//! (`gl_*`), so their carry/borrow handling is checked against plonky2 too.

use plonky2::field::goldilocks_field::GoldilocksField;
use plonky2::field::types::{Field, Field64};
use plonky2::hash::poseidon::{
    Poseidon, ALL_ROUND_CONSTANTS, HALF_N_FULL_ROUNDS, N_PARTIAL_ROUNDS, SPONGE_WIDTH,
};

use super::layout::{brev, merkle_slot, n_inv, BLOCK, HASH_ELTS, TILE, TILE_ROWS};

const P: u64 = GoldilocksField::ORDER;
const EPSILON: u64 = 0xFFFF_FFFF;

/// `gl_canon` of goldilocks.cuh.
pub fn gl_canon(x: u64) -> u64 {
    if x >= P {
        x - P
    } else {
        x
    }
}

/// `gl_add` of goldilocks.cuh.
pub fn gl_add(a: u64, b: u64) -> u64 {
    let mut s = a.wrapping_add(b);
    if s < a {
        s = s.wrapping_add(EPSILON);
    }
    gl_canon(s)
}

/// `gl_sub` of goldilocks.cuh.
pub fn gl_sub(a: u64, b: u64) -> u64 {
    let mut d = a.wrapping_sub(b);
    if a < b {
        d = d.wrapping_sub(EPSILON);
    }
    d
}

/// `gl_reduce128` of goldilocks.cuh.
pub fn gl_reduce128(lo: u64, hi: u64) -> u64 {
    let hi_hi = hi >> 32;
    let hi_lo = hi & EPSILON;
    let mut t0 = lo.wrapping_sub(hi_hi);
    if lo < hi_hi {
        t0 = t0.wrapping_sub(EPSILON);
    }
    let t1 = hi_lo * EPSILON;
    let mut t2 = t0.wrapping_add(t1);
    if t2 < t1 {
        t2 = t2.wrapping_add(EPSILON);
    }
    gl_canon(t2)
}

/// `gl_mul` of goldilocks.cuh.
pub fn gl_mul(a: u64, b: u64) -> u64 {
    let prod = a as u128 * b as u128;
    gl_reduce128(prod as u64, (prod >> 64) as u64)
}

/// Run `body` for every thread `t < total` (the `if (t >= total) return;` grid of a kernel
/// launched with [`BLOCK`] threads per block).
fn launch_1d(total: u64, mut body: impl FnMut(u64)) {
    let blocks = total.div_ceil(BLOCK as u64);
    for block in 0..blocks {
        for thread in 0..BLOCK as u64 {
            let t = block * BLOCK as u64 + thread;
            if t < total {
                body(t);
            }
        }
    }
}

/// `ntt_bit_reverse`.
pub fn ntt_bit_reverse(data: &mut [u64], log_n: u32, npolys: u32) {
    let n_mask = (1u64 << log_n) - 1;
    launch_1d((npolys as u64) << log_n, |t| {
        let base = t & !n_mask;
        let i = t & n_mask;
        let j = brev(i, log_n);
        if i < j {
            data.swap((base + i) as usize, (base + j) as usize);
        }
    });
}

/// `ntt_lde_spread`.
pub fn ntt_lde_spread(
    coeffs: &[u64],
    out: &mut [u64],
    shift_pows: &[u64],
    log_n: u32,
    rate_bits: u32,
    npolys: u32,
) {
    let log_big = log_n + rate_bits;
    launch_1d((npolys as u64) << log_big, |t| {
        let p = t >> log_big;
        let i = t & ((1u64 << log_big) - 1);
        let k = brev(i >> rate_bits, log_n);
        out[t as usize] = gl_mul(coeffs[((p << log_n) + k) as usize], shift_pows[k as usize]);
    });
}

/// `ntt_round`.
pub fn ntt_round(data: &mut [u64], tw: &[u64], log_n: u32, lg_half_m: u32, npolys: u32) {
    launch_1d((npolys as u64) << (log_n - 1), |t| {
        let p = t >> (log_n - 1);
        let b = t & ((1u64 << (log_n - 1)) - 1);
        let half_m = 1u64 << lg_half_m;
        let j = b & (half_m - 1);
        let k = (b >> lg_half_m) << (lg_half_m + 1);
        let x = (p << log_n) as usize;
        let (lo, hi) = (x + (k + j) as usize, x + (k + j + half_m) as usize);
        let u = data[lo];
        let v = gl_mul(data[hi], tw[(half_m - 1 + j) as usize]);
        data[lo] = gl_add(u, v);
        data[hi] = gl_sub(u, v);
    });
}

/// `ntt_ifft_finish`.
pub fn ntt_ifft_finish(data: &mut [u64], n_inv: u64, log_n: u32, npolys: u32) {
    let half = if log_n == 0 { 0 } else { 1u64 << (log_n - 1) };
    let per = half + 1;
    let n = 1u64 << log_n;
    launch_1d(per * npolys as u64, |t| {
        let p = t / per;
        let i = t % per;
        let x = (p << log_n) as usize;
        if i == 0 || i == half {
            if i == 0 || half != 0 {
                data[x + i as usize] = gl_mul(data[x + i as usize], n_inv);
            }
        } else {
            let a = data[x + i as usize];
            let b = data[x + (n - i) as usize];
            data[x + i as usize] = gl_mul(b, n_inv);
            data[x + (n - i) as usize] = gl_mul(a, n_inv);
        }
    });
}

/// `transpose_bitrev`, launched on a grid of (rows / TILE, width / TILE) blocks of
/// (TILE, TILE_ROWS) threads, with the shared-memory tile emulated per block.
pub fn transpose_bitrev(lde: &[u64], leaves: &mut [u64], log_rows: u32, width: u32) {
    let rows = 1u64 << log_rows;
    let (tile, tile_rows) = (TILE as u64, TILE_ROWS as u64);
    for bx in 0..rows.div_ceil(tile) {
        for by in 0..(width as u64).div_ceil(tile) {
            let mut shared = vec![[u64::MAX; TILE as usize + 1]; TILE as usize];
            let (r0, c0) = (bx * tile, by * tile);
            for thread_y in 0..tile_rows {
                for tx in 0..tile {
                    let mut ty = thread_y;
                    while ty < tile {
                        let (c, r) = (c0 + ty, r0 + tx);
                        if c < width as u64 && r < rows {
                            let src = brev(r, log_rows);
                            shared[ty as usize][tx as usize] = lde[(c * rows + src) as usize];
                        }
                        ty += tile_rows;
                    }
                }
            }
            // __syncthreads()
            for thread_y in 0..tile_rows {
                for tx in 0..tile {
                    let mut ty = thread_y;
                    while ty < tile {
                        let (r, c) = (r0 + ty, c0 + tx);
                        if c < width as u64 && r < rows {
                            leaves[(r * width as u64 + c) as usize] =
                                shared[tx as usize][ty as usize];
                        }
                        ty += tile_rows;
                    }
                }
            }
        }
    }
}

/// `poseidon_permute` of poseidon.cu (naive rounds, u128-accumulated MDS rows).
pub fn poseidon_permute(s: &mut [u64; SPONGE_WIDTH]) {
    let circ = <GoldilocksField as Poseidon>::MDS_MATRIX_CIRC;
    let diag = <GoldilocksField as Poseidon>::MDS_MATRIX_DIAG;
    let mds = |s: &mut [u64; SPONGE_WIDTH]| {
        let mut out = [0u64; SPONGE_WIDTH];
        for (r, o) in out.iter_mut().enumerate() {
            let mut acc = 0u128;
            for (i, c) in circ.iter().enumerate() {
                acc += s[(i + r) % SPONGE_WIDTH] as u128 * *c as u128;
            }
            acc += s[r] as u128 * diag[r] as u128;
            *o = gl_reduce128(acc as u64, (acc >> 64) as u64);
        }
        *s = out;
    };
    let sbox = |x: u64| {
        let x2 = gl_mul(x, x);
        let x4 = gl_mul(x2, x2);
        gl_mul(gl_mul(x, x2), x4)
    };
    let rc = |round: usize, i: usize| ALL_ROUND_CONSTANTS[round * SPONGE_WIDTH + i];
    let mut round = 0;
    let full = |s: &mut [u64; SPONGE_WIDTH], round: &mut usize| {
        for (i, x) in s.iter_mut().enumerate() {
            *x = sbox(gl_add(*x, rc(*round, i)));
        }
        mds(s);
        *round += 1;
    };
    for _ in 0..HALF_N_FULL_ROUNDS {
        full(s, &mut round);
    }
    for _ in 0..N_PARTIAL_ROUNDS {
        for (i, x) in s.iter_mut().enumerate() {
            *x = gl_add(*x, rc(round, i));
        }
        s[0] = sbox(s[0]);
        mds(s);
        round += 1;
    }
    for _ in 0..HALF_N_FULL_ROUNDS {
        full(s, &mut round);
    }
}

/// `merkle_hash_leaves`: `digests` and `cap` are flat (4 elements per digest).
pub fn merkle_hash_leaves(
    leaves: &[u64],
    digests: &mut [u64],
    cap: &mut [u64],
    width: u32,
    log_leaves: u32,
    cap_height: u32,
) {
    let w = width as usize;
    launch_1d(1u64 << log_leaves, |g| {
        let leaf = &leaves[g as usize * w..(g as usize + 1) * w];
        let mut s = [0u64; SPONGE_WIDTH];
        if w <= HASH_ELTS {
            s[..w].copy_from_slice(leaf);
        } else {
            for chunk in leaf.chunks(8) {
                s[..chunk.len()].copy_from_slice(chunk);
                poseidon_permute(&mut s);
            }
        }
        store(digests, cap, 0, g, log_leaves - cap_height, &s[..HASH_ELTS]);
    });
}

/// `merkle_hash_level` (level -> level + 1).
pub fn merkle_hash_level(
    digests: &mut [u64],
    cap: &mut [u64],
    level: u32,
    log_leaves: u32,
    cap_height: u32,
) {
    let layers = log_leaves - cap_height;
    launch_1d(1u64 << (log_leaves - level - 1), |g| {
        let left = merkle_slot(level, 2 * g, layers).expect("children are below the cap") as usize
            * HASH_ELTS;
        let mut s = [0u64; SPONGE_WIDTH];
        s[..2 * HASH_ELTS].copy_from_slice(&digests[left..left + 2 * HASH_ELTS]);
        poseidon_permute(&mut s);
        store(digests, cap, level + 1, g, layers, &s[..HASH_ELTS]);
    });
}

fn store(digests: &mut [u64], cap: &mut [u64], level: u32, g: u64, layers: u32, h: &[u64]) {
    match merkle_slot(level, g, layers) {
        Some(slot) => {
            let at = slot as usize * HASH_ELTS;
            digests[at..at + HASH_ELTS].copy_from_slice(h)
        }
        None => {
            let at = g as usize * HASH_ELTS;
            cap[at..at + HASH_ELTS].copy_from_slice(h)
        }
    }
}

/// What a commitment produces, flat: coefficients (poly-major), leaves (row-major), digests
/// and cap (4 elements each).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commitment {
    /// Coefficients, `npolys` × `2^log_n`.
    pub coeffs: Vec<u64>,
    /// LDE values, `npolys` × `2^(log_n + rate_bits)` (natural order).
    pub lde: Vec<u64>,
    /// Merkle leaves: `2^(log_n + rate_bits)` rows of `npolys`.
    pub leaves: Vec<u64>,
    /// Merkle digests in plonky2's order.
    pub digests: Vec<u64>,
    /// The cap.
    pub cap: Vec<u64>,
}

/// The launch sequence of [`super::pipeline`] run on the model: iFFT (if `from_values`),
/// coset LDE, transpose with bit reversal, Merkle tree.
pub fn commit(
    input: &[u64],
    npolys: u32,
    log_n: u32,
    rate_bits: u32,
    cap_height: u32,
    from_values: bool,
) -> Commitment {
    use super::layout::{shift_powers, twiddles};
    let log_big = log_n + rate_bits;
    let tw = twiddles(log_big);
    let mut coeffs = input.to_vec();
    if from_values {
        ntt_bit_reverse(&mut coeffs, log_n, npolys);
        for l in 0..log_n {
            ntt_round(&mut coeffs, &tw, log_n, l, npolys);
        }
        ntt_ifft_finish(&mut coeffs, n_inv(log_n), log_n, npolys);
    }
    let shifts = shift_powers(GoldilocksField::coset_shift(), log_n);
    let mut lde = vec![u64::MAX; (npolys as usize) << log_big];
    ntt_lde_spread(&coeffs, &mut lde, &shifts, log_n, rate_bits, npolys);
    for l in rate_bits..log_big {
        ntt_round(&mut lde, &tw, log_big, l, npolys);
    }
    let mut leaves = vec![u64::MAX; lde.len()];
    transpose_bitrev(&lde, &mut leaves, log_big, npolys);
    let mut digests = vec![u64::MAX; super::layout::num_digests(log_big, cap_height) * HASH_ELTS];
    let mut cap = vec![u64::MAX; HASH_ELTS << cap_height];
    merkle_hash_leaves(&leaves, &mut digests, &mut cap, npolys, log_big, cap_height);
    for level in 0..log_big - cap_height {
        merkle_hash_level(&mut digests, &mut cap, level, log_big, cap_height);
    }
    Commitment {
        coeffs,
        lde,
        leaves,
        digests,
        cap,
    }
}
