//! CUDA acceleration of the prover's heavy steps: batched Goldilocks NTT/iNTT and
//! coset LDE, the transpose into Merkle leaves, Poseidon leaf hashing and the Merkle tree in
//! plonky2's exact layout — producing plonky2 `PolynomialBatch`es equal to the CPU's.
//!
//! - [`device`]: run-time detection (the driver is loaded dynamically; no GPU → `None` and a
//!   log line, the CPU path is used), context, stream, kernels.
//! - [`kernels`]: the CUDA C sources (`prover-gpu/kernels/`), compiled at run time by NVRTC.
//! - [`layout`]: index arithmetic and tables shared by the launchers and the model.
//! - [`model`]: a CPU model of every kernel, tested against plonky2 with no GPU.
//! - [`pipeline`]: the commitment pipeline (`commit_values` / `commit_coeffs`), with the CPU
//!   fallback.
//! - [`prove`]: a plonky2 prover on the public API with these commitments
//!   ([`prove::prove_with_gpu`]); [`quotient`]: its quotient (CPU for now).
//! - [`error`]: the error type, [`GpuError`].
//!
//! See `docs/gpu.md` for the plan, what is verified and what is not yet.

pub mod device;
pub mod error;
pub mod kernels;
pub mod layout;
pub mod model;
pub mod pipeline;
pub mod prove;
pub mod quotient;

pub use device::GpuDevice;
pub use error::GpuError;
