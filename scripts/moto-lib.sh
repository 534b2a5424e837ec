# Sourced by scripts/with-moto.sh, Tests/e2e/probe_*.sh, verify_*.sh, tui_live.sh,
# scripts/demo.sh and scripts/bench-probe.sh. start_moto starts a moto_server on a free
# loopback port, stops it on exit and gives the caller moto-only AWS settings. Sets
# MOTO_URL and MOTO_LOG. Nothing here reaches AWS.
# launch_moto: a moto_server on a free 127.0.0.1 port, waited for; sets MOTO_URL,
# MOTO_PID and MOTO_LOG. scripts/with-moto.sh uses it alone.
launch_moto() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  MOTO_LOG=$(mktemp)
  moto_server -H 127.0.0.1 -p "$port" >"$MOTO_LOG" 2>&1 &
  MOTO_PID=$!
  for _ in $(seq 1 100); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/')" >/dev/null 2>&1; then break; fi
    sleep 0.1
  done
  MOTO_URL="http://127.0.0.1:$port"
}

start_moto() {
  launch_moto
  trap 'kill $MOTO_PID 2>/dev/null || true; rm -f "$MOTO_LOG"; [ -n "${SCRATCH:-}" ] && rm -rf "$SCRATCH"' EXIT
  # Keys for moto only; a fresh config so the machine's ~/.aws is never read.
  SCRATCH=$(mktemp -d)
  : >"$SCRATCH/aws-config"
  export AWS_CONFIG_FILE="$SCRATCH/aws-config" AWS_SHARED_CREDENTIALS_FILE="$SCRATCH/aws-credentials"
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
  unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_DEFAULT_PROFILE || true
}

fail() { echo "FAIL $(basename "$0"): $*" >&2; exit 1; }
