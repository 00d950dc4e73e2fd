#!/usr/bin/env bash
# Devnet benchmark (docs/BENCHMARKS.md): `script/devnet.sh` with the release `janus` and traffic
# every TX_MS ms for SECS seconds (its live view prints L2 tx → L1 inclusion percentiles), then a
# fresh `janus node` (no signer, empty store) syncs from genesis to the L1 tip and is timed.
#   TX_MS=50 SECS=180 bash script/bench-devnet.sh
# Uses L1 port 8557 and the devnet's node ports (8601-8603, 9701-9703, 9799).
set -u
cd "$(dirname "$0")/.."
[ -x target/release/janus ] || cargo build --release -q -p janus-keeper --bin janus
PORT=8557; NAME=benchlive; DIR=/tmp/benchlive; rm -rf $DIR; mkdir -p $DIR
ARCH=$(uname -m | sed 's/x86_64/amd64/;s/aarch64/arm64/')
CAST=node_modules/@foundry-rs/cast-$(uname -s | tr A-Z a-z)-$ARCH/bin/cast
DEVNET_PORT=$PORT DEVNET_DIR=$DIR DEPLOY_NAME=$NAME JANUS_BIN=target/release/janus JANUS_LOG=${JANUS_LOG:-warn} \
  JANUS_DEVNET_TX_MS=${TX_MS:-50} bash script/devnet.sh > $DIR/devnet.log 2>&1 &
sleep ${SECS:-180}
ROLLUP=$(python3 -c "import json; print(json.load(open('deployments/$NAME.json'))['rollup'])")
TIP=$($CAST call $ROLLUP "tipId()(uint64)" --rpc-url http://127.0.0.1:$PORT)
echo "L1 tip batch $TIP at $(date +%T)"
START=$(date +%s.%N)
JANUS_L1_RPC=http://127.0.0.1:$PORT JANUS_DEPLOYMENT=deployments/$NAME.json JANUS_DATA_DIR=$DIR/sync \
  JANUS_OPS_ADDR=127.0.0.1:9799 JANUS_CONFIRMATIONS=0 JANUS_POLL_MS=100 JANUS_LOG=${JANUS_LOG:-warn} \
  target/release/janus node > $DIR/sync.log 2>&1 &
SYNC=$!
while true; do
  D=$(curl -s 127.0.0.1:9799/health | python3 -c "import sys,json; print(json.load(sys.stdin).get('derived_tip',0))" 2>/dev/null || echo 0)
  [ "${D:-0}" -ge "$TIP" ] && break
  sleep 0.05
done
END=$(date +%s.%N)
echo "fresh node derived batch $D (>= $TIP) in $(python3 -c "print(round($END-$START,2))") s"
kill -INT $SYNC; pkill -INT -f "janus devnet"; sleep 4
grep -a "L2 block" $DIR/devnet.log | sed 's/\x1b\[[0-9;]*m//g' | tail -2
rm -f deployments/$NAME.json
