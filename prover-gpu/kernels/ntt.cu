// Batched radix-2 NTT over Goldilocks, in plonky2's exact orders (plonky2_field::fft).
//
// Layout: a batch of `npolys` polynomials of length n = 2^log_n, polynomial-major:
// element i of polynomial p at data[p * n + i]. Twiddles: the flattened root table
// tw[(1 << l) - 1 + j] = w_{l+1}^j for l in 0..log_n, j < 2^l, where w_k is plonky2's
// primitive 2^k-th root of unity (so tw has n - 1 entries). Index arithmetic mirrored by
// `janus_prover::gpu::model` (tested against plonky2 on the CPU).
#include "goldilocks.cuh"

// In-place bit-reversal permutation of every polynomial (plonky2's reverse_index_bits).
extern "C" __global__ void ntt_bit_reverse(u64 *data, u32 log_n, u32 npolys) {
    u64 t = (u64)blockIdx.x * blockDim.x + threadIdx.x;
    u64 total = (u64)npolys << log_n;
    if (t >= total) return;
    u64 n_mask = (1ULL << log_n) - 1;
    u64 base = t & ~n_mask;
    u32 i = (u32)(t & n_mask);
    u32 j = log_n == 0 ? 0 : brev(i, log_n);
    if (i < j) {
        u64 a = data[base + i];
        data[base + i] = data[base + j];
        data[base + j] = a;
    }
}

// LDE input: out (length N = n << rate_bits per polynomial) gets the bit-reversed, zero-padded
// coefficients times shift^k, with the first `rate_bits` butterfly rounds already applied
// (plonky2's zero_factor: out[i] = a[brev_N(i & ~(2^r - 1))] = c[brev_n(i >> r)] * shift^..).
// shift_pows[k] = shift^k for k < n (all ones for a plain FFT).
extern "C" __global__ void ntt_lde_spread(const u64 *coeffs, u64 *out, const u64 *shift_pows,
                                          u32 log_n, u32 rate_bits, u32 npolys) {
    u32 log_big = log_n + rate_bits;
    u64 t = (u64)blockIdx.x * blockDim.x + threadIdx.x;
    u64 total = (u64)npolys << log_big;
    if (t >= total) return;
    u64 p = t >> log_big;
    u32 i = (u32)(t & ((1ULL << log_big) - 1));
    u32 k = log_n == 0 ? 0 : brev(i >> rate_bits, log_n);
    out[t] = gl_mul(coeffs[(p << log_n) + k], shift_pows[k]);
}

// One decimation-in-time round (plonky2's fft_classic loop body for lg_half_m): for every
// butterfly b of every polynomial, with half_m = 2^lg_half_m, block start
// k = (b >> lg_half_m) << (lg_half_m + 1), j = b & (half_m - 1):
//   (x[k + j], x[k + j + half_m]) = (u + w v, u - w v), w = tw[half_m - 1 + j].
extern "C" __global__ void ntt_round(u64 *data, const u64 *tw, u32 log_n, u32 lg_half_m,
                                     u32 npolys) {
    u64 t = (u64)blockIdx.x * blockDim.x + threadIdx.x;
    u64 total = (u64)npolys << (log_n - 1);
    if (t >= total) return;
    u64 p = t >> (log_n - 1);
    u32 b = (u32)(t & ((1ULL << (log_n - 1)) - 1));
    u32 half_m = 1u << lg_half_m;
    u32 j = b & (half_m - 1);
    u32 k = (b >> lg_half_m) << (lg_half_m + 1);
    u64 *x = data + (p << log_n);
    u64 u = x[k + j];
    u64 v = gl_mul(x[k + j + half_m], tw[half_m - 1 + j]);
    x[k + j] = gl_add(u, v);
    x[k + j + half_m] = gl_sub(u, v);
}

// Finish an inverse FFT (plonky2's ifft_with_options): scale by n_inv and reverse entries
// 1..n-1 (x[i] <-> x[n - i]). One thread per i in 0..=n/2 of each polynomial.
extern "C" __global__ void ntt_ifft_finish(u64 *data, u64 n_inv, u32 log_n, u32 npolys) {
    u64 half = log_n == 0 ? 0 : (1ULL << (log_n - 1));
    u64 per = half + 1;
    u64 t = (u64)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= per * npolys) return;
    u64 p = t / per;
    u64 i = t % per;
    u64 n = 1ULL << log_n;
    u64 *x = data + (p << log_n);
    if (i == 0 || i == half) {
        if (i == 0 || half != 0) x[i] = gl_mul(x[i], n_inv);
    } else {
        u64 a = x[i];
        u64 b = x[n - i];
        x[i] = gl_mul(b, n_inv);
        x[n - i] = gl_mul(a, n_inv);
    }
}
