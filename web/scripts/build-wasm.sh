#!/usr/bin/env bash
# Builds janus-l2 for the browser (web/wasm, docs/app.md): the wasm32 target and wasm-bindgen-cli
# are installed when missing (crates.io, rustup), then `cargo build --target wasm32-unknown-unknown
# --release` in web/wasm's own workspace and target folder (never the repository's target/), then
# `wasm-bindgen --target web` into web/wasm/pkg, which the app imports (src/l2.ts).
# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in web/wasm/Cargo.lock.
set -euo pipefail
cd "$(dirname "$0")/../wasm"
command -v cargo >/dev/null || { echo "cargo (Rust) is required to build web/wasm" >&2; exit 1; }

if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "==> rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WB_VERSION" ] || { echo "wasm-bindgen missing from web/wasm/Cargo.lock" >&2; exit 1; }
BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
WB=$(command -v wasm-bindgen || echo "$BIN/wasm-bindgen")
if ! { [ -x "$WB" ] && [ "$("$WB" --version 2>/dev/null)" = "wasm-bindgen $WB_VERSION" ]; }; then
  # --locked: the CLI's own lock file. No default features (the TLS stack only serves the test
  # runner's downloads) and only the wasm-bindgen binary. Built at opt-level 1 with many codegen
  # units: it runs for a fraction of a second, and this saves about a minute on 2 cores.
  echo "==> cargo install wasm-bindgen-cli $WB_VERSION (once; a few minutes)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=256 \
    cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked --no-default-features --bin wasm-bindgen --force
  WB="$BIN/wasm-bindgen"
fi

cargo build --locked --target wasm32-unknown-unknown --release --target-dir target
"$WB" --target web --out-dir pkg target/wasm32-unknown-unknown/release/janus_l2_wasm.wasm
