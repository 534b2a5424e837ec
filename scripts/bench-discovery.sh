#!/usr/bin/env bash
# Benchmark: discovery of a 200-service project (issue 8: ≤ 0.3 s). `plantrack verify --json`
# on a plan whose items ask nothing of AWS, so the run is start-up + config + discovery of
# every serverless file (read, variables resolved, compose order) + linking: an upper bound
# on discovery alone. Best of five, whole process. SERVICES=N changes the size.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICES=${SERVICES:-200}
bin=${PLANTRACK_BIN:-}
if [ -z "$bin" ]; then
  swift build -c release --product plantrack >/dev/null
  bin="$(swift build -c release --show-bin-path)/plantrack"
fi
project=$(mktemp -d); trap 'rm -rf "$project"' EXIT
compose="services:"
for i in $(seq 1 "$SERVICES"); do
  mkdir -p "$project/services/svc$i"
  cat >"$project/services/svc$i/serverless.yml" <<YML
service: bench-svc$i
provider:
  name: aws
  region: \${opt:region, 'us-west-2'}
  stage: \${opt:stage, 'dev'}
custom:
  table: \${self:service}-\${sls:stage}-table
resources:
  Resources:
    A:
      Type: AWS::SSM::Parameter
      Properties: { Name: "/bench/\${sls:stage}/svc$i/a", Type: String, Value: x }
YML
  compose+=$'\n'"  svc$i:"$'\n'"    path: services/svc$i"
done
printf '%s\n' "$compose" >"$project/serverless-compose.yml"
mkdir -p "$project/_archive/svc1" && cp "$project/services/svc1/serverless.yml" "$project/_archive/svc1/"
printf 'project: .\nstage: dev\nexclude: ["_archive/**"]\n' >"$project/.plantrack.yml"
printf '# Plan\n\n## Phase 1: One\n\n- [ ] **TODO 1.1:** Define the deployment order of `services`.\n' >"$project/REFACTOR_PLAN.md"
python3 - "$bin" "$project" "$SERVICES" <<'PY'
import subprocess, sys, time
bin, project, count = sys.argv[1:4]
best = 99.0
for _ in range(5):
    t = time.perf_counter()
    subprocess.run([bin, "verify", "--plan", f"{project}/REFACTOR_PLAN.md", "--json", "--all"], check=True,
                   stdout=subprocess.DEVNULL, env={"PATH": "/usr/bin:/bin", "HOME": project})
    best = min(best, time.perf_counter() - t)
print(f"discovery of {count} services (plantrack verify, whole process, best of 5): {best:.3f} s")
PY
