//! The cache folder and its files. A file is
//! `magic (8) ‖ key hash (32) ‖ circuit digest (32, zero-padded: the Keccak wrapper's is 25
//! bytes) ‖ payload length (u64 LE) ‖ payload`,
//! the payload being plonky2's `CircuitData::to_bytes` (prover data, common data and verifier
//! data: the constants/sigmas commitment with its Merkle tree, so nothing is recomputed at load).
//! Files are written to a temporary name and renamed, so a crash mid-write leaves no half file
//! under the real name; a file that does not decode is rebuilt and overwritten.
//!
//! The cache folder is trusted like the binary: data swapped in there makes the prover's proofs
//! fail verification (its own check before submitting, and L1's), never makes L1 accept a
//! wrong one, since L1 verifies against its own verifier key.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use plonky2::hash::hash_types::HashOut;
use plonky2::plonk::circuit_builder::CircuitBuilder;
use plonky2::plonk::circuit_data::CircuitData;
use plonky2::plonk::config::{GenericConfig, GenericHashOut};

use super::error::CacheError;
use super::key::CacheKey;
use super::serializer::{JanusGateSerializer, JanusGeneratorSerializer};
use crate::error::ProverError;
use crate::prover::{build_deterministic, check_deterministic, D, F};

const MAGIC: &[u8; 8] = b"JANUSPD1";
const HEADER: usize = 8 + 32 + 32 + 8;

/// Where circuits were obtained from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Built now (and written to the cache, if any).
    Built,
    /// Loaded from the cache.
    Loaded,
}

/// A folder of cached circuits.
#[derive(Clone, Debug)]
pub struct ProverCache {
    dir: PathBuf,
}

impl ProverCache {
    /// A cache in `dir` (created at the first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of `key`.
    pub fn path(&self, key: &CacheKey) -> PathBuf {
        self.dir.join(key.file_name())
    }

    /// The circuit cached under `key`, `None` if there is no file.
    pub fn load<Cf: GenericConfig<D, F = F>>(
        &self,
        key: &CacheKey,
    ) -> Result<Option<CircuitData<F, Cf, D>>, CacheError> {
        let path = self.path(key);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(CacheError::Io { path, source }),
        };
        let bad = |reason: &str| CacheError::Format {
            path: path.clone(),
            reason: reason.to_string(),
        };
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(bad("not a Janus prover-data file (or another layout)"));
        }
        if bytes[8..40] != key.hash {
            return Err(bad("written for another key"));
        }
        let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
        let digest = &bytes[40..72];
        let len = u64_at(72) as usize;
        if bytes.len() - HEADER != len {
            return Err(bad("truncated or padded payload"));
        }
        let data = CircuitData::<F, Cf, D>::from_bytes(
            &bytes[HEADER..],
            &JanusGateSerializer,
            &JanusGeneratorSerializer::default(),
        )
        .map_err(|_| bad("payload does not decode as plonky2 circuit data"))?;
        if digest_bytes(&data).as_ref().map(|d| &d[..]) != Some(digest) {
            return Err(bad("circuit digest differs from the header"));
        }
        check_deterministic(&data).map_err(|e| bad(&e.to_string()))?;
        Ok(Some(data))
    }

    /// Write `data` under `key` (temporary file, then rename).
    pub fn store<Cf: GenericConfig<D, F = F>>(
        &self,
        key: &CacheKey,
        data: &CircuitData<F, Cf, D>,
    ) -> Result<PathBuf, CacheError> {
        let path = self.path(key);
        let io = |source| CacheError::Io {
            path: path.clone(),
            source,
        };
        let payload = data
            .to_bytes(&JanusGateSerializer, &JanusGeneratorSerializer::default())
            .map_err(|_| CacheError::Format {
                path: path.clone(),
                reason: "a generator or gate has no serializer".into(),
            })?;
        let digest = digest_bytes(data).ok_or_else(|| CacheError::Format {
            path: path.clone(),
            reason: "a circuit digest of more than 32 bytes".into(),
        })?;
        std::fs::create_dir_all(&self.dir).map_err(io)?;
        // Unique per process and per write: two threads may build the same circuit at once.
        static WRITES: AtomicU64 = AtomicU64::new(0);
        let n = WRITES.fetch_add(1, Ordering::Relaxed);
        let tmp = (self.dir).join(format!(
            ".{}.{}.{n}.tmp",
            key.file_name(),
            std::process::id()
        ));
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(MAGIC)?;
            f.write_all(&key.hash)?;
            f.write_all(&digest)?;
            f.write_all(&(payload.len() as u64).to_le_bytes())?;
            f.write_all(&payload)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io(e)
        })?;
        Ok(path)
    }
}

/// The circuit digest's bytes, zero-padded to 32 (`None` if longer).
fn digest_bytes<Cf: GenericConfig<D, F = F>>(data: &CircuitData<F, Cf, D>) -> Option<[u8; 32]> {
    let bytes = data.verifier_only.circuit_digest.to_bytes();
    let mut out = [0u8; 32];
    out.get_mut(..bytes.len())?.copy_from_slice(&bytes);
    Some(out)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The circuit wired into `builder`: loaded from `cache` when a file for its key is there,
/// otherwise built (deterministically) and written there. Without a cache it is built. `kind`,
/// `params` and `inner` (the digest of the circuit a recursive circuit verifies) make the key
/// together with the code's fingerprint and the builder's shape ([`CacheKey::new`]). A file
/// that cannot be read or written costs a build and a warning, never an error.
pub fn build_or_load<Cf: GenericConfig<D, F = F>>(
    cache: Option<&ProverCache>,
    kind: &'static str,
    params: &[u64],
    inner: Option<HashOut<F>>,
    builder: CircuitBuilder<F, D>,
) -> Result<(CircuitData<F, Cf, D>, Origin), ProverError> {
    let Some(cache) = cache else {
        return Ok((build_deterministic(builder)?, Origin::Built));
    };
    let public_inputs = builder.num_public_inputs();
    let key = CacheKey::new(kind, params, builder.num_gates(), public_inputs, inner);
    let started = Instant::now();
    match cache.load::<Cf>(&key) {
        Ok(Some(data)) if data.common.num_public_inputs == public_inputs => {
            tracing::info!(
                target: "janus::prover",
                kind,
                file = %cache.path(&key).display(),
                digest = %hex(&data.verifier_only.circuit_digest.to_bytes()),
                seconds = started.elapsed().as_secs_f64(),
                "circuit loaded from the prover-data cache"
            );
            return Ok((data, Origin::Loaded));
        }
        Ok(Some(_)) => tracing::warn!(
            target: "janus::prover",
            kind,
            file = %cache.path(&key).display(),
            "cached circuit has other public inputs; rebuilding"
        ),
        Ok(None) => {}
        Err(e) => {
            tracing::warn!(target: "janus::prover", kind, "unusable cached circuit ({e}); rebuilding")
        }
    }
    let data = build_deterministic(builder)?;
    match cache.store(&key, &data) {
        Ok(path) => tracing::info!(
            target: "janus::prover",
            kind,
            file = %path.display(),
            "circuit built and saved to the prover-data cache"
        ),
        Err(e) => tracing::warn!(target: "janus::prover", kind, "circuit not cached: {e}"),
    }
    Ok((data, Origin::Built))
}
