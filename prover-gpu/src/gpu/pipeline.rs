//! The GPU commitment pipeline: polynomial values (or coefficients) in, plonky2
//! `PolynomialBatch` out, byte-for-byte what `PolynomialBatch::from_values` / `from_coeffs`
//! build on the CPU (no blinding: Janus circuits are not zero-knowledge).
//!
//! Stages, all on one stream with the data resident on the device between them:
//! upload → [iFFT: bit reverse, log n rounds, scale + reverse] → coset LDE (spread with
//! shift powers, log N - rate_bits rounds) → transpose + bit reversal into leaves → Poseidon
//! leaf hashes → one launch per tree level → download coefficients, leaves, digests, cap.
//! The launch sequence is the one [`super::model::commit`] runs on the CPU.

use cudarc::driver::{CudaSlice, LaunchConfig, PushKernelArg};
use plonky2::field::goldilocks_field::GoldilocksField;
use plonky2::field::polynomial::{PolynomialCoeffs, PolynomialValues};
use plonky2::field::types::{Field, PrimeField64};
use plonky2::fri::oracle::PolynomialBatch;
use plonky2::hash::hash_types::HashOut;
use plonky2::hash::merkle_tree::{MerkleCap, MerkleTree};

use super::device::GpuDevice;
use super::error::GpuError;
use super::layout::{
    grid, n_inv, num_digests, shift_powers, twiddles, BLOCK, HASH_ELTS, TILE, TILE_ROWS,
};
use crate::prover::{C, D, F};

/// Flat results of a commitment, as downloaded from the device.
#[derive(Clone, Debug)]
pub struct DeviceCommitment {
    /// Coefficients, poly-major.
    pub coeffs: Vec<u64>,
    /// Leaves, row-major (`2^(log_n + rate_bits)` rows of `npolys`).
    pub leaves: Vec<u64>,
    /// Digests in plonky2's order, 4 elements each.
    pub digests: Vec<u64>,
    /// Cap, 4 elements each.
    pub cap: Vec<u64>,
}

fn cfg_1d(total: u64) -> LaunchConfig {
    LaunchConfig {
        grid_dim: (grid(total), 1, 1),
        block_dim: (BLOCK, 1, 1),
        shared_mem_bytes: 0,
    }
}

impl GpuDevice {
    /// Copy host data to a new device buffer.
    pub fn upload(&self, host: &[u64]) -> Result<CudaSlice<u64>, GpuError> {
        self.stream
            .clone_htod(host)
            .map_err(GpuError::driver("memcpy htod"))
    }

    /// Copy a device buffer to the host.
    pub fn download(&self, dev: &CudaSlice<u64>) -> Result<Vec<u64>, GpuError> {
        self.stream
            .clone_dtoh(dev)
            .map_err(GpuError::driver("memcpy dtoh"))
    }

    /// A device buffer of `len` elements for a kernel's output: uninitialized, or filled with
    /// `u64::MAX` (not a canonical field element) when poisoning is on
    /// ([`GpuDevice::set_poison`]), so that an element no kernel wrote shows in a comparison.
    pub fn alloc(&self, len: usize) -> Result<CudaSlice<u64>, GpuError> {
        if self.poison.load(std::sync::atomic::Ordering::Relaxed) {
            return self.upload(&vec![u64::MAX; len.max(1)]);
        }
        // SAFETY: every element is written by a kernel before it is read (checked by the
        // poisoned-output tests of the kernels).
        unsafe { self.stream.alloc::<u64>(len.max(1)) }.map_err(GpuError::driver("cuMemAlloc"))
    }

    /// Fill every output buffer with `u64::MAX` before the kernels run (tests).
    pub fn set_poison(&self, on: bool) {
        self.poison.store(on, std::sync::atomic::Ordering::Relaxed);
    }

    /// In-place batched FFT rounds `from..log_n` of `data` (after its input permutation).
    pub fn ntt_rounds(
        &self,
        data: &mut CudaSlice<u64>,
        tw: &CudaSlice<u64>,
        log_n: u32,
        from: u32,
        npolys: u32,
    ) -> Result<(), GpuError> {
        for l in from..log_n {
            let total = (npolys as u64) << (log_n - 1);
            let mut b = self.stream.launch_builder(&self.kernels.ntt_round);
            b.arg(&mut *data).arg(tw).arg(&log_n).arg(&l).arg(&npolys);
            // SAFETY: argument types match ntt_round's signature; total threads cover the
            // butterflies and the kernel bounds-checks.
            unsafe { b.launch(cfg_1d(total)) }.map_err(GpuError::driver("launch ntt_round"))?;
        }
        Ok(())
    }

    /// Batched inverse FFT in place (plonky2's `ifft`), `npolys` polynomials of `2^log_n`.
    pub fn ifft(
        &self,
        data: &mut CudaSlice<u64>,
        tw: &CudaSlice<u64>,
        log_n: u32,
        npolys: u32,
    ) -> Result<(), GpuError> {
        let total = (npolys as u64) << log_n;
        let mut b = self.stream.launch_builder(&self.kernels.ntt_bit_reverse);
        b.arg(&mut *data).arg(&log_n).arg(&npolys);
        // SAFETY: matches ntt_bit_reverse(u64*, u32, u32).
        unsafe { b.launch(cfg_1d(total)) }.map_err(GpuError::driver("launch ntt_bit_reverse"))?;
        self.ntt_rounds(data, tw, log_n, 0, npolys)?;
        let ninv = n_inv(log_n);
        let per = if log_n == 0 {
            1
        } else {
            (1u64 << (log_n - 1)) + 1
        };
        let mut b = self.stream.launch_builder(&self.kernels.ntt_ifft_finish);
        b.arg(&mut *data).arg(&ninv).arg(&log_n).arg(&npolys);
        // SAFETY: matches ntt_ifft_finish(u64*, u64, u32, u32).
        unsafe { b.launch(cfg_1d(per * npolys as u64)) }
            .map_err(GpuError::driver("launch ntt_ifft_finish"))?;
        Ok(())
    }

    /// Batched coset LDE (plonky2's `lde(rate_bits)` + `coset_fft_with_options(coset_shift,
    /// Some(rate_bits))`): returns `npolys` × `2^(log_n + rate_bits)` values.
    pub fn coset_lde(
        &self,
        coeffs: &CudaSlice<u64>,
        tw: &CudaSlice<u64>,
        log_n: u32,
        rate_bits: u32,
        npolys: u32,
    ) -> Result<CudaSlice<u64>, GpuError> {
        let log_big = log_n + rate_bits;
        let shifts = self.upload(&shift_powers(F::coset_shift(), log_n))?;
        let mut lde = self.alloc((npolys as usize) << log_big)?;
        let total = (npolys as u64) << log_big;
        let mut b = self.stream.launch_builder(&self.kernels.ntt_lde_spread);
        b.arg(coeffs)
            .arg(&mut lde)
            .arg(&shifts)
            .arg(&log_n)
            .arg(&rate_bits)
            .arg(&npolys);
        // SAFETY: matches ntt_lde_spread(const u64*, u64*, const u64*, u32, u32, u32).
        unsafe { b.launch(cfg_1d(total)) }.map_err(GpuError::driver("launch ntt_lde_spread"))?;
        self.ntt_rounds(&mut lde, tw, log_big, rate_bits, npolys)?;
        Ok(lde)
    }

    /// Leaves of the Merkle tree: row `r` is column `brev(r)` of the LDE matrix.
    pub fn transpose_bitrev(
        &self,
        lde: &CudaSlice<u64>,
        log_rows: u32,
        width: u32,
    ) -> Result<CudaSlice<u64>, GpuError> {
        let mut leaves = self.alloc((width as usize) << log_rows)?;
        let cfg = LaunchConfig {
            grid_dim: (
                ((1u64 << log_rows).div_ceil(TILE as u64)) as u32,
                width.div_ceil(TILE),
                1,
            ),
            block_dim: (TILE, TILE_ROWS, 1),
            shared_mem_bytes: 0,
        };
        let mut b = self.stream.launch_builder(&self.kernels.transpose_bitrev);
        b.arg(lde).arg(&mut leaves).arg(&log_rows).arg(&width);
        // SAFETY: matches transpose_bitrev(const u64*, u64*, u32, u32); the grid covers the
        // matrix and the kernel bounds-checks.
        unsafe { b.launch(cfg) }.map_err(GpuError::driver("launch transpose_bitrev"))?;
        Ok(leaves)
    }

    /// plonky2's `MerkleTree::new` over `2^log_leaves` leaves of `width` elements (row-major
    /// on the device): returns (digests, cap), flat.
    pub fn merkle_tree(
        &self,
        leaves: &CudaSlice<u64>,
        width: u32,
        log_leaves: u32,
        cap_height: u32,
    ) -> Result<(CudaSlice<u64>, CudaSlice<u64>), GpuError> {
        if cap_height > log_leaves {
            return Err(GpuError::Shape(format!(
                "cap height {cap_height} > log2 leaves {log_leaves}"
            )));
        }
        let mut digests = self.alloc(num_digests(log_leaves, cap_height) * HASH_ELTS)?;
        let mut cap = self.alloc(HASH_ELTS << cap_height)?;
        let mut b = self.stream.launch_builder(&self.kernels.merkle_hash_leaves);
        b.arg(leaves)
            .arg(&mut digests)
            .arg(&mut cap)
            .arg(&width)
            .arg(&log_leaves)
            .arg(&cap_height);
        // SAFETY: matches merkle_hash_leaves(const u64*, u64*, u64*, u32, u32, u32).
        unsafe { b.launch(cfg_1d(1u64 << log_leaves)) }
            .map_err(GpuError::driver("launch merkle_hash_leaves"))?;
        for level in 0..log_leaves - cap_height {
            let mut b = self.stream.launch_builder(&self.kernels.merkle_hash_level);
            b.arg(&mut digests)
                .arg(&mut cap)
                .arg(&level)
                .arg(&log_leaves)
                .arg(&cap_height);
            // SAFETY: matches merkle_hash_level(u64*, u64*, u32, u32, u32).
            unsafe { b.launch(cfg_1d(1u64 << (log_leaves - level - 1))) }
                .map_err(GpuError::driver("launch merkle_hash_level"))?;
        }
        Ok((digests, cap))
    }

    /// Poseidon permutation of `states.len() / 12` states (tests and benchmarks).
    pub fn poseidon_permute_batch(&self, states: &[u64]) -> Result<Vec<u64>, GpuError> {
        if !states.len().is_multiple_of(12) {
            return Err(GpuError::Shape("states are not a multiple of 12".into()));
        }
        let count = (states.len() / 12) as u32;
        let mut dev = self.upload(states)?;
        let mut b = self
            .stream
            .launch_builder(&self.kernels.poseidon_permute_batch);
        b.arg(&mut dev).arg(&count);
        // SAFETY: matches poseidon_permute_batch(u64*, u32).
        unsafe { b.launch(cfg_1d(count as u64)) }
            .map_err(GpuError::driver("launch poseidon_permute_batch"))?;
        self.download(&dev)
    }

    /// The whole commitment on flat canonical input (`npolys` polynomials of `2^log_n`).
    pub fn commit_flat(
        &self,
        input: &[u64],
        npolys: u32,
        log_n: u32,
        rate_bits: u32,
        cap_height: u32,
        from_values: bool,
    ) -> Result<DeviceCommitment, GpuError> {
        if input.len() != (npolys as usize) << log_n || npolys == 0 {
            return Err(GpuError::Shape(format!(
                "{} elements for {npolys} polynomials of 2^{log_n}",
                input.len()
            )));
        }
        let log_big = log_n + rate_bits;
        if log_big > 31 {
            return Err(GpuError::Shape(format!("LDE of 2^{log_big} points")));
        }
        let tw = self.upload(&twiddles(log_big))?;
        let mut coeffs = self.upload(input)?;
        if from_values {
            self.ifft(&mut coeffs, &tw, log_n, npolys)?;
        }
        let lde = self.coset_lde(&coeffs, &tw, log_n, rate_bits, npolys)?;
        let leaves = self.transpose_bitrev(&lde, log_big, npolys)?;
        drop(lde);
        let (digests, cap) = self.merkle_tree(&leaves, npolys, log_big, cap_height)?;
        let mut digests = self.download(&digests)?;
        // A tree that is all cap has no digests (the buffer holds one placeholder element).
        digests.truncate(num_digests(log_big, cap_height) * HASH_ELTS);
        let out = DeviceCommitment {
            coeffs: self.download(&coeffs)?,
            leaves: self.download(&leaves)?,
            digests,
            cap: self.download(&cap)?,
        };
        self.stream
            .synchronize()
            .map_err(GpuError::driver("cuStreamSynchronize"))?;
        Ok(out)
    }
}

impl From<super::model::Commitment> for DeviceCommitment {
    fn from(c: super::model::Commitment) -> Self {
        Self {
            coeffs: c.coeffs,
            leaves: c.leaves,
            digests: c.digests,
            cap: c.cap,
        }
    }
}

/// Assemble plonky2's `PolynomialBatch` from flat results (no blinding).
pub fn to_polynomial_batch(
    c: DeviceCommitment,
    npolys: u32,
    log_n: u32,
    rate_bits: u32,
) -> PolynomialBatch<F, C, D> {
    let f = |x: &u64| GoldilocksField::from_canonical_u64(*x);
    let n = 1usize << log_n;
    let polynomials = c
        .coeffs
        .chunks(n)
        .map(|p| PolynomialCoeffs::new(p.iter().map(f).collect()))
        .collect();
    let leaves = c
        .leaves
        .chunks(npolys as usize)
        .map(|row| row.iter().map(f).collect())
        .collect();
    let hash = |h: &[u64]| HashOut {
        elements: [f(&h[0]), f(&h[1]), f(&h[2]), f(&h[3])],
    };
    let digests = c.digests.chunks(HASH_ELTS).map(hash).collect();
    let cap = MerkleCap(c.cap.chunks(HASH_ELTS).map(hash).collect());
    PolynomialBatch {
        polynomials,
        merkle_tree: MerkleTree {
            leaves,
            digests,
            cap,
        },
        degree_log: log_n as usize,
        rate_bits: rate_bits as usize,
        blinding: false,
    }
}

/// Flatten same-length polynomials (poly-major, canonical) and commit them on `gpu`.
fn commit_on_gpu(
    gpu: &GpuDevice,
    polys: &[&[F]],
    rate_bits: usize,
    cap_height: usize,
    from_values: bool,
) -> Result<PolynomialBatch<F, C, D>, GpuError> {
    let n = polys.first().map_or(0, |p| p.len());
    if polys.is_empty() || !n.is_power_of_two() || polys.iter().any(|p| p.len() != n) {
        return Err(GpuError::Shape(
            "polynomials must share one power-of-two length".into(),
        ));
    }
    let flat: Vec<u64> = polys
        .iter()
        .flat_map(|p| p.iter().map(|x| x.to_canonical_u64()))
        .collect();
    let (npolys, log_n) = (polys.len() as u32, n.trailing_zeros());
    let (rate, cap) = (rate_bits as u32, cap_height as u32);
    let c = gpu.commit_flat(&flat, npolys, log_n, rate, cap, from_values)?;
    Ok(to_polynomial_batch(c, npolys, log_n, rate))
}

/// `PolynomialBatch::from_values(values, rate_bits, false, cap_height, ..)` on the GPU when
/// `gpu` is `Some`, else on all CPU cores ([`crate::prover::commit`]). Equal results either
/// way.
pub fn commit_values(
    gpu: Option<&GpuDevice>,
    values: Vec<PolynomialValues<F>>,
    rate_bits: usize,
    cap_height: usize,
) -> Result<PolynomialBatch<F, C, D>, GpuError> {
    match gpu {
        Some(gpu) => {
            let polys: Vec<&[F]> = values.iter().map(|v| v.values.as_slice()).collect();
            commit_on_gpu(gpu, &polys, rate_bits, cap_height, true)
        }
        None => Ok(crate::prover::commit::commit_values(
            values, rate_bits, cap_height,
        )),
    }
}

/// `PolynomialBatch::from_coeffs(coeffs, rate_bits, false, cap_height, ..)`, GPU or CPU.
pub fn commit_coeffs(
    gpu: Option<&GpuDevice>,
    coeffs: Vec<PolynomialCoeffs<F>>,
    rate_bits: usize,
    cap_height: usize,
) -> Result<PolynomialBatch<F, C, D>, GpuError> {
    match gpu {
        Some(gpu) => {
            let polys: Vec<&[F]> = coeffs.iter().map(|c| c.coeffs.as_slice()).collect();
            commit_on_gpu(gpu, &polys, rate_bits, cap_height, false)
        }
        None => Ok(crate::prover::commit::commit_coeffs(
            coeffs, rate_bits, cap_height,
        )),
    }
}
