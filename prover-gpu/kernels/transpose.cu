// LDE values -> Merkle leaves (plonky2's `transpose` then `reverse_index_bits_in_place`):
// leaves[r * width + c] = lde[c * N + brev_N(r)], N = 2^log_rows, `width` polynomials.
// Tiled 32 x 32 through shared memory: a block handles leaf rows r0..r0+32 and columns
// c0..c0+32; reads of lde go along c-major rows at bit-reversed positions, writes of leaves
// are coalesced along c. Mirrored by `janus_prover::gpu::model::transpose_tile`.
#include "goldilocks.cuh"

#define TILE 32

extern "C" __global__ void transpose_bitrev(const u64 *lde, u64 *leaves, u32 log_rows,
                                            u32 width) {
    __shared__ u64 tile[TILE][TILE + 1];
    u64 rows = 1ULL << log_rows;
    u64 r0 = (u64)blockIdx.x * TILE;
    u32 c0 = blockIdx.y * TILE;
    // Load: thread (tx, ty) reads column c0 + ty at leaf row r0 + tx.
    for (u32 ty = threadIdx.y; ty < TILE; ty += blockDim.y) {
        u32 c = c0 + ty;
        u64 r = r0 + threadIdx.x;
        if (c < width && r < rows) {
            u32 src = log_rows == 0 ? 0 : brev((u32)r, log_rows);
            tile[ty][threadIdx.x] = lde[(u64)c * rows + src];
        }
    }
    __syncthreads();
    // Store: thread (tx, ty) writes leaf row r0 + ty, column c0 + tx.
    for (u32 ty = threadIdx.y; ty < TILE; ty += blockDim.y) {
        u64 r = r0 + ty;
        u32 c = c0 + threadIdx.x;
        if (c < width && r < rows) leaves[r * width + c] = tile[threadIdx.x][ty];
    }
}
