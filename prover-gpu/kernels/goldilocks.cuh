// Goldilocks field arithmetic, p = 2^64 - 2^32 + 1, as plonky2_field 1.0 computes it.
// Every value a kernel reads or writes is canonical (< p); every function below returns a
// canonical value when its inputs are canonical. The Rust model of these functions is
// `janus_prover::gpu::model::gl_*` (checked against plonky2's GoldilocksField).
// Compiled by NVRTC: no system headers.
#pragma once

typedef unsigned long long u64;
typedef unsigned int u32;

#define GL_P 0xFFFFFFFF00000001ULL
#define GL_EPSILON 0xFFFFFFFFULL

__device__ __forceinline__ u64 gl_canon(u64 x) { return x >= GL_P ? x - GL_P : x; }

__device__ __forceinline__ u64 gl_add(u64 a, u64 b) {
    u64 s = a + b;
    // 2^64 = EPSILON (mod p): a wrapped sum is short of the true one by 2^64.
    if (s < a) s += GL_EPSILON;
    return gl_canon(s);
}

__device__ __forceinline__ u64 gl_sub(u64 a, u64 b) {
    u64 d = a - b;
    // Borrow: d = a - b + 2^64; the result is a - b + p = d - EPSILON.
    if (a < b) d -= GL_EPSILON;
    return d;
}

// Reduce a 128-bit x = hi * 2^64 + lo (plonky2's reduce128).
__device__ __forceinline__ u64 gl_reduce128(u64 lo, u64 hi) {
    u64 hi_hi = hi >> 32;
    u64 hi_lo = hi & GL_EPSILON;
    u64 t0 = lo - hi_hi;
    if (lo < hi_hi) t0 -= GL_EPSILON;
    u64 t1 = hi_lo * GL_EPSILON;
    u64 t2 = t0 + t1;
    if (t2 < t1) t2 += GL_EPSILON;
    return gl_canon(t2);
}

__device__ __forceinline__ u64 gl_mul(u64 a, u64 b) {
    return gl_reduce128(a * b, __umul64hi(a, b));
}

__device__ __forceinline__ u64 gl_sqr(u64 a) { return gl_mul(a, a); }

// Reverse the low `bits` bits of x (bits >= 1).
__device__ __forceinline__ u32 brev(u32 x, u32 bits) { return __brev(x) >> (32 - bits); }
