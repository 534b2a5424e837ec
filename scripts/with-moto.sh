#!/usr/bin/env bash
# Runs a command with a moto_server on a free loopback port; the port is handed to
# the tests as PLANTRACK_TEST_MOTO (http://127.0.0.1:PORT). Nothing here reaches AWS.
set -euo pipefail
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/')" >/dev/null 2>&1; then break; fi
  sleep 0.1
done
export PLANTRACK_TEST_MOTO="http://127.0.0.1:$port"
"$@"
