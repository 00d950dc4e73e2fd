#!/usr/bin/env bash
# `make devnet`: start a local L1 (anvil), deploy the Janus suite with script/Deploy.s.sol, register
# operators and delegators (script/DevnetSetup.s.sol), and print the addresses and the leader.
# anvil keeps running (one block per second) until Ctrl-C; DEVNET_EXIT=1 stops it after printing.
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
STATE=.devnet
mkdir -p "$STATE" deployments
DEPLOYER_KEY=0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80 # anvil account 0

if "$CAST" chain-id --rpc-url "$RPC" >/dev/null 2>&1; then
  echo "error: something already answers on $RPC (set DEVNET_PORT to use another port)" >&2
  exit 1
fi

"$ANVIL" --port "$PORT" --block-time "${DEVNET_BLOCK_TIME:-1}" --silent >"$STATE/anvil.log" 2>&1 &
ANVIL_PID=$!
trap 'kill $ANVIL_PID 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 50); do
  "$CAST" chain-id --rpc-url "$RPC" >/dev/null 2>&1 && break
  sleep 0.2
done

# Devnet parameters: short epochs and windows so rotation and settlement happen within minutes.
export DEPLOY_NAME=devnet DEPLOYER_KEY
export EPOCH_LENGTH=${EPOCH_LENGTH:-20} LIVENESS_TIMEOUT=${LIVENESS_TIMEOUT:-8} ACTIVATION_DELAY=1
export MIN_SELF_BOND=${MIN_SELF_BOND:-1000000000000000000000}   # 1,000 JNS
export CHALLENGE_WINDOW=${CHALLENGE_WINDOW:-60} PROVE_WINDOW=${PROVE_WINDOW:-60}
export UNBONDING_DELAY=${UNBONDING_DELAY:-300} ESCAPE_DELAY=${ESCAPE_DELAY:-600}
export FORCED_INCLUSION_DELAY=${FORCED_INCLUSION_DELAY:-120} JAIL_DURATION=${JAIL_DURATION:-300}
export TIMELOCK_DELAY=${TIMELOCK_DELAY:-60} CHALLENGE_BOND=${CHALLENGE_BOND:-100000000000000000}

echo "==> deploying the Janus suite (script/Deploy.s.sol)"
"$FORGE" script script/Deploy.s.sol:Deploy --rpc-url "$RPC" --broadcast --slow -q >"$STATE/deploy.log" 2>&1 \
  || { cat "$STATE/deploy.log"; exit 1; }
echo "==> registering operators and delegators (script/DevnetSetup.s.sol)"
"$FORGE" script script/DevnetSetup.s.sol:DevnetSetup --rpc-url "$RPC" --broadcast --slow -q >"$STATE/setup.log" 2>&1 \
  || { cat "$STATE/setup.log"; exit 1; }

addr() { python3 -c "import json,sys; print(json.load(open('deployments/devnet.json'))['$1'])"; }
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
python3 - <<'PY'
import json
d = json.load(open("deployments/devnet.json"))
for k in ["token", "timelock", "staking", "sequencerSet", "rollup", "bridge", "equivocationSlasher"]:
    print(f"  {k:<20} {d[k]}")
PY
echo
echo "operators (owner / stake):"
OPS=$("$CAST" call "$STAKING" "ranking()(address[],uint256[])" --rpc-url "$RPC")
echo "$OPS" | sed 's/^/  /'
echo
echo "block $BLOCK, epoch $EPOCH, leader $LEADER"
echo "addresses saved in deployments/devnet.json; anvil log in $STATE/anvil.log"

if [ "${DEVNET_EXIT:-0}" = "1" ]; then exit 0; fi
echo "anvil keeps running (Ctrl-C to stop); the leader is printed at each new epoch"
LAST=$EPOCH
while kill -0 $ANVIL_PID 2>/dev/null; do
  sleep 2
  E=$("$CAST" call "$SET" "currentEpoch()(uint64)" --rpc-url "$RPC" 2>/dev/null || echo "$LAST")
  if [ "$E" != "$LAST" ]; then
    L=$("$CAST" call "$SET" "currentLeader()(address)" --rpc-url "$RPC" 2>/dev/null || echo "?")
    echo "epoch $E leader $L"
    # Record the set for the next epoch (what a keeper does every epoch; first call wins).
    "$CAST" send "$SET" "snapshot()" --private-key "$DEPLOYER_KEY" --rpc-url "$RPC" >/dev/null 2>&1 || true
    LAST=$E
  fi
done
