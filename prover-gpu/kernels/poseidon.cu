// Poseidon over Goldilocks (width 12, rate 8, 8 full + 22 partial rounds, x^7) with plonky2's
// round constants and MDS matrix, and the Merkle tree in plonky2's `MerkleTree` layout.
//
// The constants (POSEIDON_RC, POSEIDON_MDS_CIRC, POSEIDON_MDS_DIAG) come from a header that the
// host generates from plonky2's own tables (`janus_prover::gpu::kernels::poseidon_constants`),
// so they cannot drift from the CPU's.
//
// Merkle layout (plonky2 1.1 hash/merkle_tree.rs): 2^cap_height subtrees of L = log_leaves -
// cap_height layers; subtree t owns digests[t * S .. (t + 1) * S], S = 2 (2^L - 1); the node
// j of level i < L (level 0 = leaf digests) sits at
//   t * S + 2 ((j >> 1) << (i + 1)) + 2 ((1 << i) - 1) + (j & 1)
// and level L is the cap. Mirrored by `janus_prover::gpu::model::merkle_slot`.
#include "goldilocks.cuh"

#define SPONGE_WIDTH 12
#define SPONGE_RATE 8
#define HASH_ELTS 4

__device__ __forceinline__ void poseidon_mds(u64 s[SPONGE_WIDTH]) {
    u64 out[SPONGE_WIDTH];
#pragma unroll
    for (int r = 0; r < SPONGE_WIDTH; r++) {
        u64 lo = 0, hi = 0;
#pragma unroll
        for (int i = 0; i < SPONGE_WIDTH; i++) {
            u64 v = s[(i + r) % SPONGE_WIDTH];
            u64 c = POSEIDON_MDS_CIRC[i];
            u64 plo = v * c;
            u64 phi = __umul64hi(v, c);
            lo += plo;
            hi += phi + (lo < plo ? 1 : 0);
        }
        u64 plo = s[r] * POSEIDON_MDS_DIAG[r];
        u64 phi = __umul64hi(s[r], POSEIDON_MDS_DIAG[r]);
        lo += plo;
        hi += phi + (lo < plo ? 1 : 0);
        out[r] = gl_reduce128(lo, hi);
    }
#pragma unroll
    for (int r = 0; r < SPONGE_WIDTH; r++) s[r] = out[r];
}

__device__ __forceinline__ u64 poseidon_sbox(u64 x) {
    u64 x2 = gl_sqr(x);
    u64 x4 = gl_sqr(x2);
    u64 x3 = gl_mul(x, x2);
    return gl_mul(x3, x4);
}

__device__ __forceinline__ void poseidon_full_round(u64 s[SPONGE_WIDTH], int round) {
#pragma unroll
    for (int i = 0; i < SPONGE_WIDTH; i++)
        s[i] = poseidon_sbox(gl_add(s[i], POSEIDON_RC[round * SPONGE_WIDTH + i]));
    poseidon_mds(s);
}

// plonky2's `poseidon_naive` order (equal to its fast partial-round form).
__device__ void poseidon_permute(u64 s[SPONGE_WIDTH]) {
    int round = 0;
    for (int r = 0; r < POSEIDON_HALF_FULL_ROUNDS; r++) poseidon_full_round(s, round++);
    for (int r = 0; r < POSEIDON_PARTIAL_ROUNDS; r++) {
#pragma unroll
        for (int i = 0; i < SPONGE_WIDTH; i++)
            s[i] = gl_add(s[i], POSEIDON_RC[round * SPONGE_WIDTH + i]);
        s[0] = poseidon_sbox(s[0]);
        poseidon_mds(s);
        round++;
    }
    for (int r = 0; r < POSEIDON_HALF_FULL_ROUNDS; r++) poseidon_full_round(s, round++);
}

// Batch permutation (tests and benchmarks): states[t * 12 .. t * 12 + 12] in place.
extern "C" __global__ void poseidon_permute_batch(u64 *states, u32 count) {
    u64 t = (u64)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= count) return;
    u64 s[SPONGE_WIDTH];
#pragma unroll
    for (int i = 0; i < SPONGE_WIDTH; i++) s[i] = states[t * SPONGE_WIDTH + i];
    poseidon_permute(s);
#pragma unroll
    for (int i = 0; i < SPONGE_WIDTH; i++) states[t * SPONGE_WIDTH + i] = s[i];
}

__device__ __forceinline__ u64 *merkle_slot(u64 *digests, u64 *cap, u32 level, u64 g,
                                             u32 layers) {
    u64 t = g >> (layers - level);
    if (level == layers) return cap + t * HASH_ELTS;
    u64 j = g & ((1ULL << (layers - level)) - 1);
    u64 subtree = 2 * ((1ULL << layers) - 1);
    u64 pos = t * subtree + 2 * ((j >> 1) << (level + 1)) + 2 * ((1ULL << level) - 1) + (j & 1);
    return digests + pos * HASH_ELTS;
}

// Level 0: one thread per leaf. Leaves: leaves[g * width .. g * width + width]. A leaf of at
// most 4 elements is its own digest, zero padded (plonky2's hash_or_noop); a longer one is
// hashed without padding in overwrite mode (hash_no_pad).
extern "C" __global__ void merkle_hash_leaves(const u64 *leaves, u64 *digests, u64 *cap,
                                              u32 width, u32 log_leaves, u32 cap_height) {
    u64 g = (u64)blockIdx.x * blockDim.x + threadIdx.x;
    if (g >= (1ULL << log_leaves)) return;
    const u64 *leaf = leaves + g * width;
    u64 s[SPONGE_WIDTH];
#pragma unroll
    for (int i = 0; i < SPONGE_WIDTH; i++) s[i] = 0;
    // Loops over the state are unrolled with guards: a run-time index into `s` would move the
    // state to local memory.
    if (width <= HASH_ELTS) {
#pragma unroll
        for (u32 i = 0; i < HASH_ELTS; i++)
            if (i < width) s[i] = leaf[i];
    } else {
        for (u32 start = 0; start < width; start += SPONGE_RATE) {
            u32 len = width - start < SPONGE_RATE ? width - start : SPONGE_RATE;
#pragma unroll
            for (u32 i = 0; i < SPONGE_RATE; i++)
                if (i < len) s[i] = leaf[start + i];
            poseidon_permute(s);
        }
    }
    u64 *out = merkle_slot(digests, cap, 0, g, log_leaves - cap_height);
#pragma unroll
    for (int i = 0; i < HASH_ELTS; i++) out[i] = s[i];
}

// Level `level` -> level + 1: one thread per parent g; its children are nodes 2g, 2g + 1 of
// `level`, stored next to each other (plonky2's two_to_one = compress(left, right)).
extern "C" __global__ void merkle_hash_level(u64 *digests, u64 *cap, u32 level, u32 log_leaves,
                                             u32 cap_height) {
    u32 layers = log_leaves - cap_height;
    u64 g = (u64)blockIdx.x * blockDim.x + threadIdx.x;
    if (g >= (1ULL << (log_leaves - level - 1))) return;
    const u64 *left = merkle_slot(digests, cap, level, 2 * g, layers);
    u64 s[SPONGE_WIDTH];
#pragma unroll
    for (int i = 0; i < 2 * HASH_ELTS; i++) s[i] = left[i];
#pragma unroll
    for (int i = 2 * HASH_ELTS; i < SPONGE_WIDTH; i++) s[i] = 0;
    poseidon_permute(s);
    u64 *out = merkle_slot(digests, cap, level + 1, g, layers);
#pragma unroll
    for (int i = 0; i < HASH_ELTS; i++) out[i] = s[i];
}
