#!/usr/bin/env bash
# `make devnet`: start a local L1 (anvil), deploy the Janus suite with script/Deploy.s.sol, register
# operators and delegators (script/DevnetSetup.s.sol), then run `janus devnet`: one node per
# operator, a traffic generator and a live view, until Ctrl-C.
#   DEVNET_SCENARIO=short|full  play the scripted scenario (`make devnet-scenario` plays `full`)
#   DEVNET_EXIT=1               exit after the scenario (its JSON report is the last line), or,
#                               without a scenario, right after deploying
#   JANUS_BIN                   the janus binary (default: built with cargo --release)
#   DEVNET_PORT, DEVNET_DIR, DEPLOY_NAME   L1 port, state folder, deployments/<name>.json
set -euo pipefail
cd "$(dirname "$0")/.."
# Native binaries (exported by the Makefile); the npm wrappers in node_modules/.bin exit 0 on errors.
ARCH=$(uname -m | sed 's/x86_64/amd64/;s/aarch64/arm64/')
OS=$(uname -s | tr A-Z a-z)
FORGE=${FORGE:-node_modules/@foundry-rs/forge-$OS-$ARCH/bin/forge}
CAST=${CAST:-node_modules/@foundry-rs/cast-$OS-$ARCH/bin/cast}
ANVIL=${ANVIL:-node_modules/@foundry-rs/anvil-$OS-$ARCH/bin/anvil}
PORT=${DEVNET_PORT:-8545}
RPC=http://127.0.0.1:$PORT
STATE=${DEVNET_DIR:-.devnet}
DEPLOY_NAME=${DEPLOY_NAME:-devnet}
DEPLOYMENT=deployments/$DEPLOY_NAME.json
mkdir -p "$STATE" deployments
DEPLOYER_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 # anvil account 0

if "$CAST" chain-id --rpc-url "$RPC" >/dev/null 2>&1; then
  echo "error: something already answers on $RPC (set DEVNET_PORT to use another port)" >&2
  exit 1
fi

# Every run starts anvil from genesis, so the stores of an earlier run (the tx managers' pending
# submissions and nonces, mempools, soft confirmations) belong to a chain that no longer exists:
# a resumed submission would wait forever behind its stale nonce.
rm -rf "$STATE/nodes"

# Build janus before L1 starts: once anvil mines a block per second, a long first build would
# let the first leader's liveness deadline pass before its node runs (docs/devnet.md).
SCENARIO=${DEVNET_SCENARIO:-none}
if [ -z "${JANUS_BIN:-}" ] && ! { [ "${DEVNET_EXIT:-0}" = "1" ] && [ "$SCENARIO" = "none" ]; }; then
  echo "==> building janus (cargo build --release --bin janus)"
  cargo build --release -q -p janus-keeper --bin janus
  JANUS_BIN=target/release/janus
fi

# Automine while deploying (fast), then one block per second (`evm_setIntervalMining`).
"$ANVIL" --port "$PORT" --accounts 30 --silent >"$STATE/anvil.log" 2>&1 &
ANVIL_PID=$!
trap 'kill $ANVIL_PID 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  "$CAST" chain-id --rpc-url "$RPC" >/dev/null 2>&1 && break
  sleep 0.2
done

# Devnet parameters: short epochs and windows so rotation and settlement happen within minutes.
export DEPLOY_NAME DEPLOYER_KEY
export EPOCH_LENGTH=${EPOCH_LENGTH:-20} LIVENESS_TIMEOUT=${LIVENESS_TIMEOUT:-8} ACTIVATION_DELAY=1
export MIN_SELF_BOND=${MIN_SELF_BOND:-1000000000000000000000}   # 1,000 JNS
# The windows outlast the proving node's time to prove and wrap a 16-slot batch (about 80 s on a
# 2-core machine, docs/BENCHMARKS.md) with margin: a challenged batch can be answered, and a bounty
# proof lands before optimistic finality. Unbonding >= challenge + prove window + one epoch.
export CHALLENGE_WINDOW=${CHALLENGE_WINDOW:-300} PROVE_WINDOW=${PROVE_WINDOW:-300}
export UNBONDING_DELAY=${UNBONDING_DELAY:-900} ESCAPE_DELAY=${ESCAPE_DELAY:-600}
export FORCED_INCLUSION_DELAY=${FORCED_INCLUSION_DELAY:-120} JAIL_DURATION=${JAIL_DURATION:-300}
export TIMELOCK_DELAY=${TIMELOCK_DELAY:-60} CHALLENGE_BOND=${CHALLENGE_BOND:-100000000000000000}
# At most 64 records (L1 messages + transactions) a batch: what the generated verifier proves
# (WrapperParams.MAX_RECORDS: 16-slot segments, a tree of depth 2; docs/parameters.md), so every
# batch L1 accepts can be challenged.
export MAX_BATCH_RECORDS=${MAX_BATCH_RECORDS:-64}

echo "==> deploying the Janus suite (script/Deploy.s.sol)"
timeout 300 "$FORGE" script script/Deploy.s.sol:Deploy --rpc-url "$RPC" --broadcast --slow -q >"$STATE/deploy.log" 2>&1 \
  || { cat "$STATE/deploy.log"; exit 1; }
echo "==> registering operators and delegators (script/DevnetSetup.s.sol)"
timeout 300 "$FORGE" script script/DevnetSetup.s.sol:DevnetSetup --rpc-url "$RPC" --broadcast --slow -q >"$STATE/setup.log" 2>&1 \
  || { cat "$STATE/setup.log"; exit 1; }

addr() { python3 -c "import json,sys; print(json.load(open('$DEPLOYMENT'))['$1'])"; }
"$CAST" rpc evm_setIntervalMining "${DEVNET_BLOCK_TIME:-1}" --rpc-url "$RPC" >/dev/null
SET=$(addr sequencerSet); STAKING=$(addr staking)

# Wait until the first recorded set is in force (activation delay: one epoch).
for _ in $(seq 1 120); do
  LEADER=$("$CAST" call "$SET" "currentLeader()(address)" --rpc-url "$RPC")
  [ "$LEADER" != "0x0000000000000000000000000000000000000000" ] && break
  "$CAST" rpc anvil_mine 1 --rpc-url "$RPC" >/dev/null
done
EPOCH=$("$CAST" call "$SET" "currentEpoch()(uint64)" --rpc-url "$RPC")
BLOCK=$("$CAST" block-number --rpc-url "$RPC")

echo
echo "Janus devnet on $RPC (chain id $("$CAST" chain-id --rpc-url "$RPC"))"
DEPLOYMENT=$DEPLOYMENT python3 - <<'PY'
import json, os
d = json.load(open(os.environ["DEPLOYMENT"]))
for k in ["token", "timelock", "staking", "sequencerSet", "rollup", "bridge", "equivocationSlasher"]:
    print(f"  {k:<20} {d[k]}")
PY
echo
echo "operators (owner / stake):"
OPS=$("$CAST" call "$STAKING" "ranking()(address[],uint256[])" --rpc-url "$RPC")
echo "$OPS" | sed 's/^/  /'
echo
echo "block $BLOCK, epoch $EPOCH, leader $LEADER"
echo "addresses saved in $DEPLOYMENT; anvil log in $STATE/anvil.log"

if [ "${DEVNET_EXIT:-0}" = "1" ] && [ "$SCENARIO" = "none" ]; then exit 0; fi

# The web app (web/, docs/app.md), only when the devnet runs interactively: built at every start
# (seconds; a checkout of newer code must not serve an older build), its npm packages installed
# on first use, served with a config.json made from the deployment and the nodes' L2 RPC URLs.
if [ "${DEVNET_EXIT:-0}" != "1" ]; then
  APP_PORT=${DEVNET_APP_PORT:-5173}
  echo "==> building the web app (web/)"
  if (cd web && { [ -d node_modules ] || npm install --no-audit --no-fund; } && npm run build) \
       >"$STATE/web-build.log" 2>&1; then
    node web/scripts/serve.mjs --deployment "$DEPLOYMENT" --rpc "$RPC" --port "$APP_PORT" \
      --l2 http://127.0.0.1:8601,http://127.0.0.1:8602,http://127.0.0.1:8603 >"$STATE/web.log" 2>&1 &
    WEB_PID=$!
    trap 'kill $ANVIL_PID $WEB_PID 2>/dev/null || true' EXIT INT TERM
    echo "app: http://127.0.0.1:$APP_PORT"
  else
    echo "warning: the web app did not build (see $STATE/web-build.log); the devnet runs without it" >&2
  fi
fi
EXIT_FLAG=()
[ "${DEVNET_EXIT:-0}" = "1" ] && EXIT_FLAG=(--exit)
echo "==> janus devnet: one node per operator, traffic, live view (scenario: $SCENARIO)"
JANUS_LOG=${JANUS_LOG:-warn} "$JANUS_BIN" devnet --l1-rpc "$RPC" --deployment "$DEPLOYMENT" \
  --dir "$STATE/nodes" --scenario "$SCENARIO" "${EXIT_FLAG[@]}"
