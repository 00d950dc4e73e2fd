//! Run-time GPU detection: loads the CUDA driver dynamically, opens device 0 with one stream,
//! and compiles the kernels. Without a driver (or device, or NVRTC) [`GpuDevice::detect`]
//! returns `None` and logs why; the prover then takes the CPU path.

use std::sync::Arc;

use cudarc::driver::{CudaContext, CudaStream};

use super::error::GpuError;
use super::kernels::Kernels;

/// An open CUDA device: context, the stream every stage runs on, and the loaded kernels.
pub struct GpuDevice {
    /// The driver context of device 0.
    pub ctx: Arc<CudaContext>,
    /// The stream all kernels and copies are issued on (stages are ordered on it).
    pub stream: Arc<CudaStream>,
    /// The compiled kernels.
    pub kernels: Kernels,
    /// Device name as the driver reports it.
    pub name: String,
    /// Fill output buffers with `u64::MAX` before use (see [`GpuDevice::set_poison`]).
    pub(crate) poison: std::sync::atomic::AtomicBool,
}

impl std::fmt::Debug for GpuDevice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GpuDevice")
            .field("name", &self.name)
            .finish()
    }
}

/// Whether the CUDA driver library (libcuda) can be loaded. Never panics.
pub fn driver_present() -> bool {
    // SAFETY: only tries to dlopen the driver library under its known names.
    unsafe { cudarc::driver::sys::is_culib_present() }
}

/// Whether the NVRTC library can be loaded. Never panics.
pub fn nvrtc_present() -> bool {
    // SAFETY: only tries to dlopen libnvrtc under its known names.
    unsafe { cudarc::nvrtc::sys::is_culib_present() }
}

impl GpuDevice {
    /// Open device 0 and compile the kernels, or say why not ([`GpuError::Unavailable`] when
    /// there is no driver or device).
    pub fn open() -> Result<Self, GpuError> {
        if !driver_present() {
            return Err(GpuError::Unavailable(
                "libcuda could not be loaded (no NVIDIA driver)".into(),
            ));
        }
        let count = CudaContext::device_count().map_err(GpuError::driver("cuDeviceGetCount"))?;
        if count < 1 {
            return Err(GpuError::Unavailable("the driver reports no device".into()));
        }
        if std::env::var_os(super::kernels::PTX_DIR_ENV).is_none() && !nvrtc_present() {
            return Err(GpuError::NvrtcUnavailable(
                "libnvrtc could not be loaded; put it on LD_LIBRARY_PATH".into(),
            ));
        }
        let ctx = CudaContext::new(0).map_err(GpuError::driver("cuCtxCreate"))?;
        let stream = ctx
            .new_stream()
            .map_err(GpuError::driver("cuStreamCreate"))?;
        let name = ctx.name().map_err(GpuError::driver("cuDeviceGetName"))?;
        let arch = compute_arch(&ctx)?;
        let kernels = Kernels::load(&ctx, arch)?;
        Ok(Self {
            ctx,
            stream,
            kernels,
            name,
            poison: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// [`GpuDevice::open`], logging the outcome: `None` means "use the CPU path" and a
    /// `tracing::info!` line says why. Set `JANUS_FORCE_CPU=1` to skip the GPU.
    pub fn detect() -> Option<Self> {
        if std::env::var("JANUS_FORCE_CPU").is_ok_and(|v| v == "1") {
            tracing::info!("prover: JANUS_FORCE_CPU=1, using the CPU path");
            return None;
        }
        match Self::open() {
            Ok(dev) => {
                tracing::info!(device = %dev.name, "prover: using the GPU path");
                Some(dev)
            }
            Err(e) => {
                tracing::info!(reason = %e, "prover: no usable GPU, using the CPU path");
                None
            }
        }
    }
}

/// NVRTC `--gpu-architecture` for the device (e.g. `compute_90` on Hopper).
fn compute_arch(ctx: &Arc<CudaContext>) -> Result<&'static str, GpuError> {
    use cudarc::driver::sys::CUdevice_attribute as A;
    let major = ctx
        .attribute(A::CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR)
        .map_err(GpuError::driver("cuDeviceGetAttribute"))?;
    let minor = ctx
        .attribute(A::CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR)
        .map_err(GpuError::driver("cuDeviceGetAttribute"))?;
    Ok(match (major, minor) {
        (m, _) if m >= 10 => "compute_100",
        (9, _) => "compute_90",
        (8, 9) => "compute_89",
        (8, 6) => "compute_86",
        (8, _) => "compute_80",
        _ => "compute_75",
    })
}
