# Janus — the two commands a newcomer needs:
#   make devnet   start anvil, deploy the suite, run one janus node per operator, traffic and a live view
#   make test     install what is missing, then run the whole test suite (Foundry + Rust)
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The native binaries inside the platform packages: the npm `bin` wrappers (node_modules/.bin/forge)
# exit 0 even when forge fails, which would hide test failures.
PLATFORM := $(shell uname -s | tr A-Z a-z)-$(shell uname -m | sed 's/x86_64/amd64/;s/aarch64/arm64/')
FOUNDRY_BIN = node_modules/@foundry-rs/$(1)-$(PLATFORM)/bin/$(1)
FORGE  := $(call FOUNDRY_BIN,forge)
ANVIL  := $(call FOUNDRY_BIN,anvil)
CAST   := $(call FOUNDRY_BIN,cast)
export FORGE ANVIL CAST
STAMP  := node_modules/.janus-installed

.PHONY: help deps build test test-contracts test-rust test-web devnet devnet-scenario snapshot gas fuzz-ci lint abi verifier verifier-fixtures clean

help:
	@echo "make devnet   - local L1 (anvil), the suite deployed, one janus node per operator, traffic, live view"
	@echo "make devnet-scenario - the scripted scenario; exits 0 only if every goal is reached"
	@echo "make test     - install what is missing, run Foundry, Rust and web tests"
	@echo "make test-web - build the web app (web/) and run its tests in a real browser (docs/app.md)"
	@echo "make fuzz-ci  - the big fuzz/invariant profile (FOUNDRY_PROFILE=ci)"
	@echo "make snapshot - refresh .gas-snapshot"
	@echo "make verifier - regenerate the Solidity verifier from the circuits (contracts/verifier/generated)"
	@echo "make verifier-fixtures - regenerate it and re-prove its fixture batches (minutes)"

# Installs the pinned Foundry binaries, solc (WebAssembly), forge-std and OpenZeppelin from npm.
# `npm ci` cannot be used: @foundry-rs/* list optional platform packages that were never published
# (e.g. anvil-darwin-amd64@1.7.1), which `npm ci` reports as missing from the lock file. `npm install`
# with exact versions and the committed lock file installs the same tree and leaves the lock unchanged.
$(STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js >= 18) is required"; exit 1; }
	npm install --no-audit --no-fund
	@test -x $(FORGE) && $(FORGE) --version | head -1
	@touch $@

deps: $(STAMP)
	@command -v cargo >/dev/null || { echo "cargo (Rust >= 1.94) is required: see README"; exit 1; }

build: deps
	$(FORGE) build
	cargo build --workspace

test: deps test-contracts test-rust test-web

test-contracts: deps
	$(FORGE) test

# The web app (docs/app.md): its own pinned npm packages (npm install, as above), Debian's chromium
# (never a downloaded browser), then the browser tests against anvil loaded with the keeper's fixture.
# `npm run build` first builds janus-l2 for the browser (web/scripts/build-wasm.sh): it adds the
# wasm32 target and installs wasm-bindgen-cli (the version web/wasm/Cargo.lock pins) when missing,
# and builds in web/wasm/target, never in the repository's target/.
WEB_STAMP := web/node_modules/.janus-installed
$(WEB_STAMP): web/package.json web/package-lock.json
	cd web && npm install --no-audit --no-fund
	@touch $@

# The wallet test (web/tests/wallet.test.mjs) runs a real `janus node`: the binary is built first
# (quick after `make test-rust`, which builds it already) and found through JANUS_BIN.
JANUS_BIN := $(if $(CARGO_TARGET_DIR),$(abspath $(CARGO_TARGET_DIR)),$(CURDIR)/target)/debug/janus

test-web: $(STAMP) $(WEB_STAMP)
	@command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)
	cargo build -p janus-keeper --bin janus
	cd web && npm run build
	cd web && ANVIL=$(CURDIR)/$(ANVIL) JANUS_BIN=$(JANUS_BIN) npm test

# NVRTC from PyPI (pinned: 13.5 emits PTX the GPU machine's CUDA 13.0 driver rejects), so that
# `make test` compiles every CUDA kernel even on a machine with no GPU (docs/gpu.md).
NVRTC_VENV := .cache/nvrtc-13.0.88
$(NVRTC_VENV)/.stamp:
	python3 -m venv $(NVRTC_VENV)
	$(NVRTC_VENV)/bin/pip install -q --disable-pip-version-check nvidia-cuda-nvrtc==13.0.88
	@touch $@

# The path is absolute: cargo runs each test binary from its crate's folder, where a relative
# LD_LIBRARY_PATH names nothing (the kernel check then skipped silently). JANUS_REQUIRE_NVRTC=1 turns
# that skip into a failure, since the package is installed here.
test-rust: deps $(NVRTC_VENV)/.stamp
	NVRTC_LIB="$$(find $(CURDIR)/$(NVRTC_VENV) -name 'libnvrtc.so.13' | head -1)"; \
	  test -n "$$NVRTC_LIB" || { echo "libnvrtc.so.13 missing from $(NVRTC_VENV): rm -rf $(NVRTC_VENV) and retry"; exit 1; }; \
	  LD_LIBRARY_PATH="$$(dirname "$$NVRTC_LIB")$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH}" JANUS_REQUIRE_NVRTC=1 \
	  cargo test --workspace

fuzz-ci: deps
	FOUNDRY_PROFILE=ci $(FORGE) test

snapshot: deps
	$(FORGE) snapshot --no-match-path 'test/invariants/*'

# Gas of each operation on the real suite (execution gas, cold storage; docs/BENCHMARKS.md).
gas: deps
	$(FORGE) test --isolate --match-path 'test/gas/*' -vv | grep -E '^  (gas|data)'

lint: deps
	$(FORGE) build --deny warnings --skip test --skip script
	$(FORGE) fmt --check

# After any change to contracts/ or script/: refresh the keeper's ABIs and its anvil state fixture
# (the keeper's tests fail while they are stale).
abi: deps
	$(FORGE) build
	for c in Rollup Bridge SequencerSet Staking EquivocationSlasher; do \
	  $(FORGE) inspect $$c abi --json > keeper/abi/$$c.json || exit 1; done
	$(FORGE) inspect JanusToken abi --json > web/abi/JanusToken.json
	bash keeper/fixtures/regen.sh

# The generated Solidity verifier of the devnet's batch circuit (docs/verifier.md). The tests fail
# while the committed files differ from what the generator emits (then run this and `make abi`).
verifier: deps
	cargo run --release -p janus-prover --bin janus-gen-verifier
	$(MAKE) abi

# The same, and re-prove the fixture batches its tests run on (test/fixtures/verifier/batches), then
# the derived PLONK vectors.
verifier-fixtures: deps
	cargo run --release -p janus-prover --bin janus-gen-verifier -- --fixtures
	JANUS_WRITE_VECTORS=1 cargo test --release -p janus-prover --test verifier_plonk --test verifier_fri
	$(MAKE) abi

devnet: deps
	bash script/devnet.sh

# The scripted scenario (rotation, liveness, wrong root, equivocation, withdrawal, fresh sync); exits
# 0 only if every goal was reached, printing the JSON report last (docs/devnet.md).
devnet-scenario: deps
	DEVNET_SCENARIO=$${DEVNET_SCENARIO:-full} DEVNET_EXIT=1 bash script/devnet.sh

clean:
	rm -rf out cache broadcast target .devnet .cache .gpu-bench
