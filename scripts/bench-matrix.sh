#!/usr/bin/env bash
# Benchmark: the stage matrix (issue 11). Three moto_servers on loopback, each its own account
# (MOTO_ACCOUNT_ID), each holding one stage's 150 stacks and 300 parameters; a profile per
# stage whose endpoint_url points at its server. Times `probe --stage dev` (one stage) and
# `probe --all-stages` (three at once, one shared bound on calls in flight), best of three,
# and counts each one's API calls from the servers' request logs. Writes docs/benchmarks-matrix.md.
# PLANTRACK_BIN=… measures that binary instead of building release.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/moto-lib.sh
source scripts/bench-project.sh
STACKS=${STACKS:-150}
if [ -z "${PLANTRACK_BIN:-}" ]; then
  swift build -c release --product plantrack >/dev/null
  PLANTRACK_BIN="$(swift build -c release --show-bin-path)/plantrack"
fi
bin=$PLANTRACK_BIN
SCRATCH=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$SCRATCH"' EXIT
export AWS_CONFIG_FILE="$SCRATCH/aws-config" AWS_SHARED_CREDENTIALS_FILE="$SCRATCH/aws-credentials"
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_DEFAULT_PROFILE || true

project="$SCRATCH/bench"
bench_project "$project" "$STACKS"
printf 'project: .\nstage: dev\nregion: us-west-2\nstages:\n' >"$project/.plantrack.yml"
logs=()
seeds=()
n=0
for stage in dev staging prod; do
  n=$((n + 1))
  export MOTO_ACCOUNT_ID="${n}${n}${n}${n}${n}${n}${n}${n}${n}${n}${n}${n}"
  launch_moto
  unset MOTO_ACCOUNT_ID
  pids+=("$MOTO_PID"); logs+=("$MOTO_LOG")
  printf '[profile acct-%s]\nregion = us-west-2\nendpoint_url = %s\n\n' "$stage" "$MOTO_URL" >>"$AWS_CONFIG_FILE"
  printf '[acct-%s]\naws_access_key_id = testing\naws_secret_access_key = testing\n\n' "$stage" >>"$AWS_SHARED_CREDENTIALS_FILE"
  printf '  %s: {profile: acct-%s, account: "%s"}\n' "$stage" "$stage" "${n}${n}${n}${n}${n}${n}${n}${n}${n}${n}${n}${n}" >>"$project/.plantrack.yml"
  python3 scripts/seed-moto.py --endpoint "$MOTO_URL" --region us-west-2 --stage "$stage" --project "$project" --quiet &
  seeds+=($!)
done
wait "${seeds[@]}"   # not the servers, which run until exit
calls() { cat "${logs[@]}" | grep -c '"POST / HTTP' || true; }
now() { python3 -c 'import time; print(time.perf_counter())'; }

one() { "$bin" probe --config "$project/.plantrack.yml" --stage dev --json >"$SCRATCH/one.json"; }
three() { "$bin" probe --config "$project/.plantrack.yml" --all-stages --json >"$SCRATCH/three.json"; }
measure() { # run function → "best-of-3-seconds calls-of-one-run"
  local best=999 t0 t1 before after
  before=$(calls); "$1"; after=$(calls)
  for _ in 1 2 3; do
    t0=$(now); "$1"; t1=$(now)
    best=$(python3 -c "print(f'{min($best, $t1-$t0):.3f}')")
  done
  echo "$best $((after - before))"
}
one; three   # warm moto up on both
read -r one_time one_calls <<<"$(measure one)"
read -r three_time three_calls <<<"$(measure three)"
found=$(python3 -c '
import json,sys; d=json.load(open(sys.argv[1]))
print(" / ".join(p["stage"] + ": " + str(sum(s["deployed"] for s in p["stacks"])) + " stacks, " + str(sum(q["exists"] for q in p["parameters"])) + " parameters" for p in d["probes"]))' "$SCRATCH/three.json")
ratio=$(python3 -c "print(f'{$three_time/$one_time:.2f}')")
call_ratio=$(python3 -c "print(f'{$three_calls/$one_calls:.2f}')")

cat >docs/benchmarks-matrix.md <<MD
# stage matrix benchmark

\`scripts/bench-matrix.sh\` (make bench): three moto_servers on loopback, one per stage and
account, each holding its stage's $STACKS stacks and $((STACKS * 2)) SSM parameters; each stage
reaches its own server through its profile's endpoint_url and checks its \`account:\` with STS
GetCallerIdentity. Best of three after a warm-up; API calls of one run counted from the servers'
request logs.

| | wall time (best of 3) | API calls |
| --- | --- | --- |
| \`plantrack probe --stage dev --json\` | ${one_time} s | ${one_calls} |
| \`plantrack probe --all-stages --json\` (dev, staging, prod at once) | ${three_time} s | ${three_calls} |

Three stages ÷ one: **${ratio}×** the wall time (target ≤ 1.5×), **${call_ratio}×** the calls (target 3×).
Found: ${found}.

Measured $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores ($(uname -m)), load average $(cut -d' ' -f1 /proc/loadavg),
moto $(python3 -c 'import moto; print(moto.__version__)'), binary ${bin#"$PWD/"}.
MD
cat docs/benchmarks-matrix.md
