#!/usr/bin/env bash
# `make demo`: a moto_server on loopback seeded from examples/listbackup — most
# stacks deployed, infra/s3 never deployed, services/auth deployed then deleted,
# one cognito parameter missing — and plantrack run against it.
# Nothing here reaches AWS: every call goes to the loopback moto.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/moto-lib.sh
start_moto
bin="${PLANTRACK_BIN:-$(swift build --show-bin-path)/plantrack}"
[ -x "$bin" ] || { echo "demo: build first (make build); $bin is missing" >&2; exit 1; }

# A copy of the sample project, so the demo never changes the committed plan.
project="$SCRATCH/listbackup"
cp -R examples/listbackup "$project"
python3 scripts/seed-moto.py --endpoint "$MOTO_URL" --region us-west-2 --stage dev --project "$project" \
  --skip infra/s3 --delete services/auth --drop-parameter /listbackup/dev/cognito/user-pool-arn

# At a terminal the dashboard opens on the sample plan, its probes going to the same
# moto (AWS_ENDPOINT_URL, CONTRACT §7); elsewhere (a pipe, CI) probe and verify print
# the same evidence. DEMO_TUI=0 asks for the printed form at a terminal too.
if [ "${DEMO_TUI:-1}" = 1 ] && [ -t 0 ] && [ -t 1 ]; then
  AWS_ENDPOINT_URL="$MOTO_URL" "$bin" tui --plan "$project/REFACTOR_PLAN.md"
else
  echo
  echo "== plantrack probe (moto at $MOTO_URL) =="
  "$bin" probe --plan "$project/REFACTOR_PLAN.md" --endpoint-url "$MOTO_URL" || true
  echo
  echo "== plantrack verify =="
  "$bin" verify --plan "$project/REFACTOR_PLAN.md" --endpoint-url "$MOTO_URL" || true
fi
