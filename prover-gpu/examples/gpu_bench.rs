//! GPU benchmark (issue 5); `gpu_bench --emit-ptx DIR` only compiles the kernels. Per-kernel times against their limits, and the commitment stages
//! of a proof against stock plonky2. Run by `script/gpu-bench.sh` on a GPU machine:
//! `gpu_bench [log_degree] [--e2e]` (default 2^16; `--e2e` also proves a Poseidon-chain
//! circuit of about 2^log_degree gates with stock plonky2 on all cores — build with
//! `--features bench-stock-parallel` for that — and with `prove_with_gpu`).
//!
//! Limits: bytes = the fewest bytes a kernel must move (inputs read once, outputs written
//! once) over `HBM_BYTES_PER_S`; multiplies = Goldilocks multiplications (a Poseidon
//! permutation counts [`MULS_PER_PERM`]) × [`IMAD_PER_MUL`] 32-bit multiply-adds over the
//! device's IMAD rate (SMs × 64 per clock × clock). Times: median of 10 runs after 2 warm-up
//! runs, host clock around a stream synchronize.

use std::time::Instant;

use janus_prover::gpu::layout::twiddles;
use janus_prover::gpu::pipeline::commit_values;
use janus_prover::gpu::GpuDevice;
use janus_prover::prover::{C, D, F};
use plonky2::field::polynomial::PolynomialValues;
use plonky2::field::types::{Field, Sample};
use plonky2::fri::oracle::PolynomialBatch;
use plonky2::util::timing::TimingTree;

/// H100 SXM HBM3 bandwidth used as the byte limit (measure with a device-to-device copy).
const HBM_BYTES_PER_S: f64 = 3.0e12;
/// 32-bit IMADs per Goldilocks multiplication (64×64→128 product + reduction), an estimate.
const IMAD_PER_MUL: f64 = 8.0;
/// Goldilocks multiplications per Poseidon permutation: 8 full rounds × 12 S-boxes × 4 + 22
/// partial S-boxes × 4, plus one reduction per MDS row (30 rounds × 12).
const MULS_PER_PERM: f64 = 8.0 * 12.0 * 4.0 + 22.0 * 4.0 + 30.0 * 12.0;

struct Row {
    name: String,
    ms: f64,
    bytes: f64,
    muls: f64,
}

fn median_ms(dev: &GpuDevice, mut f: impl FnMut()) -> f64 {
    let mut times = Vec::new();
    for i in 0..12 {
        let t = Instant::now();
        f();
        dev.stream.synchronize().expect("synchronize");
        if i >= 2 {
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    times.sort_by(|a, b| a.total_cmp(b));
    times[times.len() / 2]
}

fn rand_flat(n: usize) -> Vec<u64> {
    use plonky2::field::types::PrimeField64;
    F::rand_vec(n)
        .iter()
        .map(|x| x.to_canonical_u64())
        .collect()
}

fn imad_per_s(dev: &GpuDevice) -> f64 {
    use cudarc::driver::sys::CUdevice_attribute as A;
    let sms = dev
        .ctx
        .attribute(A::CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT)
        .unwrap_or(132);
    let khz = dev
        .ctx
        .attribute(A::CU_DEVICE_ATTRIBUTE_CLOCK_RATE)
        .unwrap_or(1_755_000);
    sms as f64 * 64.0 * khz as f64 * 1e3
}

fn kernels(dev: &GpuDevice, log_n: u32, rate: u32, width: u32) -> Vec<Row> {
    let (n, big) = (1usize << log_n, 1usize << (log_n + rate));
    let (m, log_big) = (width as f64, log_n + rate);
    let tw = dev.upload(&twiddles(log_big)).expect("upload");
    let vals = dev.upload(&rand_flat(n * width as usize)).expect("upload");
    let mut rows = Vec::new();
    let mut data = dev.upload(&rand_flat(n * width as usize)).expect("upload");
    let ms = median_ms(dev, || {
        dev.ifft(&mut data, &tw, log_n, width).expect("ifft")
    });
    rows.push(Row {
        name: format!("iNTT {width} x 2^{log_n}"),
        ms,
        bytes: 16.0 * m * n as f64,
        muls: m * (n as f64 / 2.0) * log_n as f64 + m * n as f64,
    });
    let ms = median_ms(dev, || {
        dev.coset_lde(&vals, &tw, log_n, rate, width).expect("lde");
    });
    rows.push(Row {
        name: format!("coset LDE {width} x 2^{log_n} -> 2^{log_big}"),
        ms,
        bytes: 8.0 * m * (n + big) as f64,
        muls: m * big as f64 * (1.0 + (log_n as f64) / 2.0),
    });
    let lde = dev.coset_lde(&vals, &tw, log_n, rate, width).expect("lde");
    let ms = median_ms(dev, || {
        dev.transpose_bitrev(&lde, log_big, width)
            .expect("transpose");
    });
    rows.push(Row {
        name: format!("transpose+bitrev {width} x 2^{log_big}"),
        ms,
        bytes: 16.0 * m * big as f64,
        muls: 0.0,
    });
    let leaves = dev
        .transpose_bitrev(&lde, log_big, width)
        .expect("transpose");
    let ms = median_ms(dev, || {
        dev.merkle_tree(&leaves, width, log_big, 4).expect("tree");
    });
    let perms = big as f64 * (m / 8.0).ceil() + big as f64;
    rows.push(Row {
        name: format!("Merkle tree 2^{log_big} leaves of {width}"),
        ms,
        bytes: 8.0 * m * big as f64 + 64.0 * big as f64,
        muls: perms * MULS_PER_PERM,
    });
    let states = rand_flat(12 << 20);
    let ms = median_ms(dev, || {
        dev.poseidon_permute_batch(&states).expect("permute");
    });
    rows.push(Row {
        name: "Poseidon 2^20 permutations (incl. copies)".into(),
        ms,
        bytes: 2.0 * 96.0 * (1u64 << 20) as f64,
        muls: (1u64 << 20) as f64 * MULS_PER_PERM,
    });
    rows
}

/// Shapes of the three commitments of a standard-recursion-config proof of 2^log_n gates:
/// wires (135), Z + partial products (2 × 10), quotient chunks (2 × 8); rate 3, cap 4.
const COMMITS: [(&str, usize); 3] = [
    ("wires", 135),
    ("Zs+partial products", 20),
    ("quotient", 16),
];

fn commitments(dev: &GpuDevice, log_n: u32) -> (f64, f64) {
    let (mut cpu, mut gpu) = (0.0, 0.0);
    for (name, width) in COMMITS {
        let vals: Vec<PolynomialValues<F>> = (0..width)
            .map(|_| PolynomialValues::new(F::rand_vec(1 << log_n)))
            .collect();
        let t = Instant::now();
        let cpu_batch = PolynomialBatch::<F, C, D>::from_values(
            vals.clone(),
            3,
            false,
            4,
            &mut TimingTree::default(),
            None,
        );
        let cpu_ms = t.elapsed().as_secs_f64() * 1e3;
        let gpu_ms = median_ms(dev, || {
            commit_values(Some(dev), vals.clone(), 3, 4).expect("gpu commit");
        });
        let same = commit_values(Some(dev), vals, 3, 4).expect("gpu commit") == cpu_batch;
        println!(
            "| commit {name} ({width} x 2^{log_n}) | {cpu_ms:.1} | {gpu_ms:.1} | {:.1}x | equal: {same} |",
            cpu_ms / gpu_ms
        );
        cpu += cpu_ms;
        gpu += gpu_ms;
    }
    (cpu, gpu)
}

/// Stock plonky2's prove time of a Poseidon-chain circuit of about 2^log_n gates, and ours
/// (`prove_with_gpu`: commitments on the GPU, quotient still on the CPU) on the same witness.
fn e2e_ms(dev: &GpuDevice, log_n: u32) -> (f64, f64) {
    use plonky2::hash::poseidon::PoseidonHash;
    use plonky2::iop::witness::{PartialWitness, WitnessWrite};
    use plonky2::plonk::circuit_builder::CircuitBuilder;
    use plonky2::plonk::circuit_data::CircuitConfig;
    let mut b = CircuitBuilder::<F, D>::new(CircuitConfig::standard_recursion_config());
    let inputs = b.add_virtual_targets(4);
    let mut h = b.hash_n_to_hash_no_pad::<PoseidonHash>(inputs.clone());
    // One Poseidon gate per hash: fill ~90% of 2^log_n rows.
    for _ in 0..(9usize << log_n) / 10 {
        h = b.hash_n_to_hash_no_pad::<PoseidonHash>(h.elements.to_vec());
    }
    b.register_public_inputs(&h.elements);
    let data = janus_prover::prover::build_deterministic::<F, C, D>(b).expect("build");
    let witness = || {
        let mut pw = PartialWitness::new();
        for (i, t) in inputs.iter().enumerate() {
            pw.set_target(*t, F::from_canonical_usize(i))
                .expect("witness");
        }
        pw
    };
    let t = Instant::now();
    let proof = data.prove(witness()).expect("prove");
    let stock = t.elapsed().as_secs_f64() * 1e3;
    data.verify(proof).expect("verify");
    // Warm-up (module load, allocations), then one timed proof.
    let _ = janus_prover::gpu::prove::prove_with_gpu(Some(dev), &data, witness()).expect("gpu");
    let t = Instant::now();
    let proof = janus_prover::gpu::prove::prove_with_gpu(Some(dev), &data, witness()).expect("gpu");
    let ours = t.elapsed().as_secs_f64() * 1e3;
    data.verify(proof)
        .expect("stock verify accepts the GPU proof");
    println!("circuit: degree 2^{}", data.common.degree_bits());
    (stock, ours)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let log_n: u32 = args
        .get(1)
        .filter(|a| !a.starts_with("--"))
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(16);
    let e2e = args.iter().any(|a| a == "--e2e");
    if let Some(i) = args.iter().position(|a| a == "--emit-ptx") {
        // Compile every module with NVRTC (no GPU needed) into DIR/<module>.ptx.
        let dir = std::path::PathBuf::from(args.get(i + 1).ok_or("--emit-ptx DIR")?);
        std::fs::create_dir_all(&dir)?;
        for (name, ptx) in janus_prover::gpu::kernels::compile_all("compute_90")? {
            std::fs::write(dir.join(format!("{name}.ptx")), ptx.to_src())?;
        }
        println!("PTX for compute_90 written to {}", dir.display());
        return Ok(());
    }
    let dev = GpuDevice::open()?;
    dev.set_poison(false);
    let imad = imad_per_s(&dev);
    println!(
        "device: {} (IMAD limit {:.1} T/s, HBM limit {:.1} TB/s)",
        dev.name,
        imad / 1e12,
        HBM_BYTES_PER_S / 1e12
    );
    println!("\n| kernel | time ms | bytes limit ms | mul limit ms | time / max(limit) |");
    println!("| --- | --- | --- | --- | --- |");
    for width in [135u32, 3] {
        for r in kernels(&dev, log_n, 3, width) {
            let (lb, lm) = (
                r.bytes / HBM_BYTES_PER_S * 1e3,
                r.muls * IMAD_PER_MUL / imad * 1e3,
            );
            println!(
                "| {} | {:.3} | {:.3} | {:.3} | {:.1}x |",
                r.name,
                r.ms,
                lb,
                lm,
                r.ms / lb.max(lm)
            );
        }
    }
    println!("\n| stage | stock plonky2 CPU ms | GPU ms (incl. copies) | speed-up | same PolynomialBatch |");
    println!("| --- | --- | --- | --- | --- |");
    let (cpu, gpu) = commitments(&dev, log_n);
    println!(
        "| all commitments | {cpu:.1} | {gpu:.1} | {:.1}x | |",
        cpu / gpu
    );
    if e2e {
        let (stock, ours) = e2e_ms(&dev, log_n);
        println!("\n| end to end 2^{log_n} | stock plonky2 (all cores) ms | prove_with_gpu ms (quotient on CPU) | speed-up |");
        println!("| --- | --- | --- | --- |");
        println!(
            "| Poseidon chain | {stock:.0} | {ours:.0} | {:.2}x |",
            stock / ours
        );
    }
    Ok(())
}
