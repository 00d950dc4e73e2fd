//! Sets `JANUS_CIRCUIT_FINGERPRINT`: keccak-256 over every source that can change a circuit —
//! this crate's `src/`, the L2 spec crate's `src/` (constants, encodings) and the workspace's
//! `Cargo.lock` (which pins plonky2) — each file as `path ‖ len ‖ bytes`, in path order. The
//! prover-data cache (`src/cache`) puts it in every key, so data built by other code is never
//! loaded: any change there means new keys and one fresh build.

use std::path::{Path, PathBuf};

use tiny_keccak::{Hasher, Keccak};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let crate_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = crate_dir.join("..");
    let sources = [
        crate_dir.join("src"),
        root.join("l2/src"),
        root.join("Cargo.lock"),
    ];
    let mut all = Vec::new();
    for s in &sources {
        println!("cargo:rerun-if-changed={}", s.display());
        if s.is_dir() {
            files(s, &mut all);
        } else if s.is_file() {
            all.push(s.clone());
        }
    }
    let mut named: Vec<(String, PathBuf)> = all
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            (rel, p)
        })
        .collect();
    named.sort();
    let mut k = Keccak::v256();
    for (rel, path) in &named {
        let bytes = std::fs::read(path).expect("readable source file");
        k.update(rel.as_bytes());
        k.update(&(bytes.len() as u64).to_le_bytes());
        k.update(&bytes);
    }
    let mut digest = [0u8; 32];
    k.finalize(&mut digest);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    println!("cargo:rustc-env=JANUS_CIRCUIT_FINGERPRINT={hex}");
}
