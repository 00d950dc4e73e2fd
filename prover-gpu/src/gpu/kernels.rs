//! The CUDA C sources (`prover-gpu/kernels/*.cu`, embedded with `include_str!`), the Poseidon
//! constants header generated from plonky2's tables, NVRTC compilation, and the loaded kernel
//! functions.
//!
//! NVRTC is given one self-contained source per module: `goldilocks.cuh` (and for Poseidon the
//! generated constants) pasted in place of the `#include` line, so no include path is needed.

use std::fmt::Write as _;
use std::sync::Arc;

use cudarc::driver::{CudaContext, CudaFunction};
use cudarc::nvrtc::{compile_ptx_with_opts, CompileOptions, Ptx};
use plonky2::field::goldilocks_field::GoldilocksField;
use plonky2::hash::poseidon::{
    Poseidon, ALL_ROUND_CONSTANTS, HALF_N_FULL_ROUNDS, N_PARTIAL_ROUNDS, N_ROUNDS, SPONGE_WIDTH,
};

use super::error::GpuError;

const GOLDILOCKS: &str = include_str!("../../kernels/goldilocks.cuh");
const NTT: &str = include_str!("../../kernels/ntt.cu");
const TRANSPOSE: &str = include_str!("../../kernels/transpose.cu");
const POSEIDON: &str = include_str!("../../kernels/poseidon.cu");

/// Environment variable naming a folder of precompiled `<module>.ptx` files.
pub const PTX_DIR_ENV: &str = "JANUS_GPU_PTX_DIR";

/// One kernel module: its name, its source file's text, and the kernels it defines.
#[derive(Clone, Copy, Debug)]
pub struct Module {
    /// Short name (also NVRTC's program name).
    pub name: &'static str,
    source: &'static str,
    /// `extern "C"` kernels the module defines.
    pub functions: &'static [&'static str],
}

/// Every module the GPU prover uses.
pub const MODULES: [Module; 3] = [
    Module {
        name: "ntt",
        source: NTT,
        functions: &[
            "ntt_bit_reverse",
            "ntt_lde_spread",
            "ntt_round",
            "ntt_ifft_finish",
        ],
    },
    Module {
        name: "transpose",
        source: TRANSPOSE,
        functions: &["transpose_bitrev"],
    },
    Module {
        name: "poseidon",
        source: POSEIDON,
        functions: &[
            "poseidon_permute_batch",
            "merkle_hash_leaves",
            "merkle_hash_level",
        ],
    },
];

/// `#define`s and `__constant__` tables for `poseidon.cu`, from plonky2's own constants.
pub fn poseidon_constants() -> String {
    let mut s = String::from("// Generated from plonky2::hash::poseidon (plonky2 1.1).\n");
    let _ = writeln!(s, "#define POSEIDON_HALF_FULL_ROUNDS {HALF_N_FULL_ROUNDS}");
    let _ = writeln!(s, "#define POSEIDON_PARTIAL_ROUNDS {N_PARTIAL_ROUNDS}");
    let table = |s: &mut String, name: &str, vals: &[u64]| {
        let _ = write!(s, "__constant__ u64 {name}[{}] = {{", vals.len());
        for (i, v) in vals.iter().enumerate() {
            let sep = if i == 0 { "" } else { "," };
            let _ = write!(s, "{sep}{v}ULL");
        }
        s.push_str("};\n");
    };
    table(
        &mut s,
        "POSEIDON_RC",
        &ALL_ROUND_CONSTANTS[..SPONGE_WIDTH * N_ROUNDS],
    );
    table(
        &mut s,
        "POSEIDON_MDS_CIRC",
        &<GoldilocksField as Poseidon>::MDS_MATRIX_CIRC,
    );
    table(
        &mut s,
        "POSEIDON_MDS_DIAG",
        &<GoldilocksField as Poseidon>::MDS_MATRIX_DIAG,
    );
    s
}

/// The self-contained source NVRTC (or nvcc) compiles for `module`.
pub fn module_source(module: &Module) -> String {
    let mut header = GOLDILOCKS.replace("#pragma once", "");
    if module.name == "poseidon" {
        header.push_str(&poseidon_constants());
    }
    module
        .source
        .replace("#include \"goldilocks.cuh\"", &header)
}

/// Compile one module to PTX with NVRTC for `arch` (`compute_90`, ...).
pub fn compile_module(module: &Module, arch: &'static str) -> Result<Ptx, GpuError> {
    let opts = CompileOptions {
        arch: Some(arch),
        name: Some(format!("{}.cu", module.name)),
        options: vec!["--std=c++17".into()],
        ..Default::default()
    };
    compile_ptx_with_opts(module_source(module), opts)
        .map_err(|e| GpuError::compile(module.name, e))
}

/// Compile every module (no device needed: the compile check of `make test`).
pub fn compile_all(arch: &'static str) -> Result<Vec<(&'static str, Ptx)>, GpuError> {
    if !super::device::nvrtc_present() {
        return Err(GpuError::NvrtcUnavailable(
            "libnvrtc could not be loaded; put it on LD_LIBRARY_PATH".into(),
        ));
    }
    MODULES
        .iter()
        .map(|m| compile_module(m, arch).map(|p| (m.name, p)))
        .collect()
}

/// The kernel functions, loaded into a context.
#[derive(Clone, Debug)]
pub struct Kernels {
    pub(crate) ntt_bit_reverse: CudaFunction,
    pub(crate) ntt_lde_spread: CudaFunction,
    pub(crate) ntt_round: CudaFunction,
    pub(crate) ntt_ifft_finish: CudaFunction,
    pub(crate) transpose_bitrev: CudaFunction,
    pub(crate) poseidon_permute_batch: CudaFunction,
    pub(crate) merkle_hash_leaves: CudaFunction,
    pub(crate) merkle_hash_level: CudaFunction,
}

impl Kernels {
    /// Compile every module for `arch` and load its functions into `ctx`. With
    /// `JANUS_GPU_PTX_DIR` set, read `<dir>/<module>.ptx` instead (PTX compiled elsewhere by
    /// [`compile_all`], for machines without libnvrtc; see `script/gpu-bench.sh`).
    pub fn load(ctx: &Arc<CudaContext>, arch: &'static str) -> Result<Self, GpuError> {
        let ptx_dir = std::env::var_os(PTX_DIR_ENV);
        let mut funcs = std::collections::HashMap::new();
        for module in &MODULES {
            let ptx = match &ptx_dir {
                Some(dir) => {
                    let path = std::path::Path::new(dir).join(format!("{}.ptx", module.name));
                    let text = std::fs::read_to_string(&path).map_err(|e| GpuError::Compile {
                        module: module.name,
                        message: format!("reading {}: {e}", path.display()),
                    })?;
                    Ptx::from_src(text)
                }
                None => compile_module(module, arch)?,
            };
            let loaded = ctx
                .load_module(ptx)
                .map_err(GpuError::driver("cuModuleLoadData"))?;
            for f in module.functions {
                let func = loaded
                    .load_function(f)
                    .map_err(GpuError::driver("cuModuleGetFunction"))?;
                funcs.insert(*f, func);
            }
        }
        let mut take = |name: &str| {
            funcs
                .remove(name)
                .ok_or_else(|| GpuError::Shape(format!("kernel {name} missing")))
        };
        Ok(Self {
            ntt_bit_reverse: take("ntt_bit_reverse")?,
            ntt_lde_spread: take("ntt_lde_spread")?,
            ntt_round: take("ntt_round")?,
            ntt_ifft_finish: take("ntt_ifft_finish")?,
            transpose_bitrev: take("transpose_bitrev")?,
            poseidon_permute_batch: take("poseidon_permute_batch")?,
            merkle_hash_leaves: take("merkle_hash_leaves")?,
            merkle_hash_level: take("merkle_hash_level")?,
        })
    }
}
