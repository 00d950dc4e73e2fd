//! Errors of the GPU backend: every CUDA driver and NVRTC call's failure, mapped to one type.

use cudarc::driver::DriverError;
use cudarc::nvrtc::CompileError;

/// Everything that can go wrong on the GPU path. The prover falls back to the CPU on
/// [`GpuError::Unavailable`]; every other variant is a bug or a broken device and is reported.
#[derive(Debug, thiserror::Error)]
pub enum GpuError {
    /// No usable CUDA driver or device (the CPU path is used).
    #[error("no CUDA device: {0}")]
    Unavailable(String),
    /// NVRTC could not be loaded (no libnvrtc on the library path).
    #[error("NVRTC not available: {0}")]
    NvrtcUnavailable(String),
    /// A kernel failed to compile (with NVRTC's log).
    #[error("compiling kernel module {module}: {message}")]
    Compile {
        /// Module name (`ntt`, `transpose`, `poseidon`).
        module: &'static str,
        /// NVRTC's error and log.
        message: String,
    },
    /// A CUDA driver call failed.
    #[error("CUDA driver call {call} failed: {source}")]
    Driver {
        /// What was being done (`alloc`, `launch ntt_round`, `memcpy dtoh`, ...).
        call: &'static str,
        /// The driver's error.
        #[source]
        source: DriverError,
    },
    /// Arguments the kernels do not support (sizes, shapes).
    #[error("unsupported shape: {0}")]
    Shape(String),
}

impl GpuError {
    /// Adapter for `map_err`: names the call that failed.
    pub(crate) fn driver(call: &'static str) -> impl FnOnce(DriverError) -> Self {
        move |source| Self::Driver { call, source }
    }

    pub(crate) fn compile(module: &'static str, e: CompileError) -> Self {
        let message = match e {
            CompileError::CompileError { nvrtc, log, .. } => {
                format!("{nvrtc:?}: {}", log.to_string_lossy())
            }
            other => format!("{other:?}"),
        };
        Self::Compile { module, message }
    }
}
