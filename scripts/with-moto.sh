#!/usr/bin/env bash
# Runs a command with a moto_server on a free loopback port; its URL is handed to the
# tests as PLANTRACK_TEST_MOTO (http://127.0.0.1:PORT). Nothing here reaches AWS.
set -euo pipefail
source "$(dirname "$0")/moto-lib.sh"
launch_moto
trap 'kill $MOTO_PID 2>/dev/null || true; rm -f "$MOTO_LOG"' EXIT
export PLANTRACK_TEST_MOTO="$MOTO_URL"
"$@"
