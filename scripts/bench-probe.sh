#!/usr/bin/env bash
# Benchmark: `plantrack probe --json` against the aws CLI answering the same
# question (list-stacks + get-parameters-by-path), with 150 stacks and 300
# parameters in a moto_server on loopback. One run each, wall time and the
# number of API calls each made (counted from moto's request log). Writes the
# figures to docs/benchmarks-probe.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/moto-lib.sh
source scripts/bench-project.sh
STACKS=${STACKS:-150}
bin=${PLANTRACK_BIN:-}  # another build to measure (the static one make install builds, say)
if [ -z "$bin" ]; then
  swift build -c release --product plantrack >/dev/null
  bin="$(swift build -c release --show-bin-path)/plantrack"
fi
start_moto
command -v aws >/dev/null || { echo "bench: the aws CLI is needed (pip install awscli)" >&2; exit 1; }

# A synthetic serverless project: STACKS services, each publishing two parameters.
project="$SCRATCH/bench"
bench_project "$project" "$STACKS"
printf 'project: .\nstage: dev\nregion: us-west-2\n' >"$project/.plantrack.yml"
python3 scripts/seed-moto.py --endpoint "$MOTO_URL" --region us-west-2 --stage dev --project "$project" --quiet

calls() { grep -c '"POST / HTTP' "$MOTO_LOG" || true; }
now() { python3 -c 'import time; print(time.perf_counter())'; }
elapsed() { python3 -c "print(f'{$2-$1:.3f}')"; }

run_plantrack() {
  "$bin" probe --config "$project/.plantrack.yml" --endpoint-url "$MOTO_URL" --json >"$SCRATCH/probe.json"
}
run_cli() {
  aws --endpoint-url "$MOTO_URL" --region us-west-2 cloudformation list-stacks --output json >"$SCRATCH/stacks.json"
  aws --endpoint-url "$MOTO_URL" --region us-west-2 ssm get-parameters-by-path --path /bench/dev --recursive \
    --output json >"$SCRATCH/params.json"
}

# The first run of each (moto and page cache cold) is reported as it is; then
# the best of three, interleaved, once moto has warmed up on both.
best_of() { # name of a run function → best wall time of three
  local best=999 t0 t1
  for _ in 1 2 3; do
    t0=$(now); "$1"; t1=$(now)
    best=$(python3 -c "print(f'{min($best, $t1-$t0):.3f}')")
  done
  echo "$best"
}
before=$(calls); t0=$(now); run_plantrack; t1=$(now)
plantrack_cold=$(elapsed "$t0" "$t1"); plantrack_calls=$(( $(calls) - before ))
before=$(calls); t0=$(now); run_cli; t1=$(now)
cli_cold=$(elapsed "$t0" "$t1"); cli_calls=$(( $(calls) - before ))
plantrack_time=$(best_of run_plantrack)
cli_time=$(best_of run_cli)

read -r found_stacks found_params reported <<<"$(python3 -c '
import json,sys; d=json.load(open(sys.argv[1]))
print(sum(s["deployed"] for s in d["stacks"]), sum(p["exists"] for p in d["parameters"]), d["apiCalls"])' "$SCRATCH/probe.json")"
cli_found=$(python3 -c '
import json,sys; s=json.load(open(sys.argv[1])); p=json.load(open(sys.argv[2]))
print(len(s["StackSummaries"]), len(p["Parameters"]))' "$SCRATCH/stacks.json" "$SCRATCH/params.json")
ratio=$(python3 -c "print(f'{$plantrack_time/$cli_time:.2f}')")
cold_ratio=$(python3 -c "print(f'{$plantrack_cold/$cli_cold:.2f}')")

mkdir -p docs
cat >docs/benchmarks-probe.md <<MD
# probe benchmark

\`scripts/bench-probe.sh\` (make bench): $STACKS stacks and $((STACKS * 2)) SSM parameters in a
moto_server on loopback; the first run of each, then the best of three of each; API calls (of one run) counted from
moto's request log.

| | wall time (best of 3, warm) | first run (cold) | API calls | found |
| --- | --- | --- | --- | --- |
| \`plantrack probe --json\` (release) | ${plantrack_time} s | ${plantrack_cold} s | ${plantrack_calls} (it reports ${reported}) | ${found_stacks} stacks deployed, ${found_params} parameters |
| \`aws cloudformation list-stacks\` + \`aws ssm get-parameters-by-path --recursive\` | ${cli_time} s | ${cli_cold} s | ${cli_calls} | ${cli_found% *} stacks, ${cli_found#* } parameters |

Ratio plantrack / CLI: **${ratio}×** warm, ${cold_ratio}× cold (target ≤ 0.2×).

plantrack also reads and resolves the 150 serverless.yml files in that time; the CLI
only lists. Both share the machine with whatever else runs on it (2 cores here),
so figures move between runs; run it again to see the spread.

Measured $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores ($(uname -m)), $(aws --version 2>&1 | cut -d' ' -f1),
moto $(python3 -c 'import moto; print(moto.__version__)').
MD
cat docs/benchmarks-probe.md
