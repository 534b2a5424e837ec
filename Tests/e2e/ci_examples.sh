#!/usr/bin/env bash
# The CI examples docs/ci.md explains: the workflow runs lint and verify --format github
# with an OIDC role; the pre-commit hook refuses a staged plan with a lint error, lets a
# clean one through, and names the plan, not its temporary copy.
set -euo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "FAIL $(basename "$0"): $*" >&2; exit 1; }
bin="${PLANTRACK_BIN:?PLANTRACK_BIN is not set: run through scripts/run-e2e.sh}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - examples/ci/plantrack.yml <<'PY' || fail "examples/ci/plantrack.yml is not the workflow docs/ci.md describes"
import sys, yaml
workflow = yaml.safe_load(open(sys.argv[1]))
assert workflow["permissions"]["id-token"] == "write"
steps = workflow["jobs"]["plantrack"]["steps"]
runs = [s.get("run", "") for s in steps]
assert any(r.startswith("plantrack lint --format github") for r in runs), runs
assert any(r.startswith("plantrack verify") and "--format github" in r for r in runs), runs
role = [s for s in steps if s.get("uses", "").startswith("aws-actions/configure-aws-credentials")]
assert role and "role-to-assume" in role[0]["with"], role
PY

mkdir -p "$tmp/bin" "$tmp/repo"
ln -s "$bin" "$tmp/bin/plantrack"
export PATH="$tmp/bin:$PATH"
cd "$tmp/repo"
git init -q . && git config user.email t@example.invalid && git config user.name t
cp "$OLDPWD/examples/ci/pre-commit" .git/hooks/pre-commit
printf '# Plan\n\n## Phase 1: One\n\n- [ ] **TODO 1.1:** first\n' >REFACTOR_PLAN.md
git add REFACTOR_PLAN.md
git commit -qm clean >"$tmp/out" 2>&1 || fail "the hook refused a clean plan: $(cat "$tmp/out")"

# A duplicate id staged: refused, the finding names REFACTOR_PLAN.md. The working copy is
# fixed after staging, so only linting the staged content catches it.
printf -- '- [ ] **TODO 1.1:** again\n' >>REFACTOR_PLAN.md
git add REFACTOR_PLAN.md
printf '# Plan\n\n## Phase 1: One\n\n- [ ] **TODO 1.1:** first\n- [ ] **TODO 1.2:** again\n' >REFACTOR_PLAN.md
if git commit -qm dup >"$tmp/out" 2>&1; then fail "the hook let a duplicate id through"; fi
grep -q "^REFACTOR_PLAN.md:6: error: .*\[duplicate-id\]" "$tmp/out" || fail "the refusal does not name the plan's line: $(cat "$tmp/out")"
grep -q "has lint errors" "$tmp/out" || fail "the hook does not say why it refused"

# A commit without the plan does not run lint at all.
git reset -q REFACTOR_PLAN.md
echo x >other.txt && git add other.txt
git commit -qm other >"$tmp/out" 2>&1 || fail "the hook refused a commit that does not touch the plan"
exit 0
