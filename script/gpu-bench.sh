#!/usr/bin/env bash
# GPU benchmark and GPU tests of the prover (issue 5, docs/gpu.md).
#
#   script/gpu-bench.sh build   here (no GPU needed): release-builds the benchmark and the GPU
#                               test binary, compiles the kernels to PTX with NVRTC 13.0 from
#                               PyPI, and puts everything in .gpu-bench/ (git-ignored locally).
#   script/gpu-bench.sh run     on the GPU machine, from the repository root, with .gpu-bench
#                               carried along: runs the GPU tests (a skip is a failure there),
#                               then the benchmark, and prints one table.
#
# With the workplace's device tool: run `build` here, then
#   run(command="bash script/gpu-bench.sh run", carry=[".gpu-bench"], timeout_s=600)
# Logs land in $OUT (tests.log, bench.log) when OUT is set.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=.gpu-bench
NVRTC_VERSION=13.0.88   # PTX ISA 9.0: loadable by the CUDA 13.0 driver (580); 13.5 emits 9.5
LOG_N=${LOG_N:-16}

build() {
  local venv=${NVRTC_VENV:-/tmp/janus-nvrtc-$NVRTC_VERSION}
  if [ ! -x "$venv/bin/pip" ]; then python3 -m venv "$venv"; fi
  "$venv/bin/pip" install -q "nvidia-cuda-nvrtc==$NVRTC_VERSION"
  local nvrtc_lib
  nvrtc_lib=$(dirname "$(find "$venv" -name 'libnvrtc.so.13' | head -1)")
  export LD_LIBRARY_PATH="$nvrtc_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

  local target=${CARGO_TARGET_DIR:-target}
  # The benchmark links plonky2 with `parallel` (stock baseline on all cores); the tests must
  # not (its PoW search races, and they compare proof bytes), so they build without it.
  cargo build --release -p janus-prover --features bench-stock-parallel --example gpu_bench
  rm -rf "$DIR" && mkdir -p "$DIR/ptx"
  cp "$target/release/examples/gpu_bench" "$DIR/gpu_bench"
  cargo test --release -p janus-prover --test gpu_kernels --test gpu_prove --no-run \
      --message-format=json 2>/dev/null \
    | python3 -c 'import sys,json,shutil
for l in sys.stdin:
    m=json.loads(l)
    if m.get("reason")=="compiler-artifact" and m.get("executable") and m["target"]["name"] in ("gpu_kernels","gpu_prove"):
        shutil.copy(m["executable"], sys.argv[1]+"/"+m["target"]["name"])' "$DIR"
  [ -x "$DIR/gpu_kernels" ] && [ -x "$DIR/gpu_prove" ] || { echo "test binaries missing"; exit 1; }
  strip "$DIR/gpu_bench" "$DIR/gpu_kernels" "$DIR/gpu_prove"
  "$DIR/gpu_bench" --emit-ptx "$DIR/ptx"
  grep -qx '/.gpu-bench/' .git/info/exclude 2>/dev/null || echo '/.gpu-bench/' >> .git/info/exclude
  du -sh "$DIR"
  echo "now: run(command=\"bash script/gpu-bench.sh run\", carry=[\".gpu-bench\"])"
}

run() {
  [ -x "$DIR/gpu_bench" ] || { echo "no $DIR/gpu_bench: run 'script/gpu-bench.sh build' first"; exit 1; }
  local out=${OUT:-$DIR/out}
  mkdir -p "$out"
  nvidia-smi --query-gpu=name,driver_version,clocks.sm,clocks.mem --format=csv | tee "$out/gpu.txt" || true
  # Compile at run time when the machine has NVRTC; otherwise load the carried PTX.
  if ! ldconfig -p 2>/dev/null | grep -q 'libnvrtc\.so'; then
    local cuda_lib
    cuda_lib=$(dirname "$(find /usr/local/cuda*/ -name 'libnvrtc.so*' 2>/dev/null | head -1)" 2>/dev/null || true)
    if [ -n "$cuda_lib" ] && [ "$cuda_lib" != "." ]; then
      export LD_LIBRARY_PATH="$cuda_lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    else
      export JANUS_GPU_PTX_DIR="$PWD/$DIR/ptx"
      echo "no libnvrtc on this machine: loading precompiled PTX from $JANUS_GPU_PTX_DIR"
    fi
  fi
  local status=0
  { JANUS_REQUIRE_GPU=1 "$DIR/gpu_kernels" --test-threads=1 &&
    JANUS_REQUIRE_GPU=1 "$DIR/gpu_prove" --test-threads=1; } 2>&1 | tee "$out/tests.log" || status=1
  "$DIR/gpu_bench" "$LOG_N" --e2e 2>&1 | tee "$out/bench.log" || status=1
  [ "$status" = 0 ] || echo "FAILED: see $out/tests.log and $out/bench.log"
  return "$status"
}

case "${1:-}" in
  build) build ;;
  run) run ;;
  *) echo "usage: $0 build|run"; exit 2 ;;
esac
