#!/usr/bin/env bash
# CI formats (CONTRACT §8): lint and verify --format github print only workflow commands,
# one a line, with file and line, escaped as GitHub documents; verify --format junit is an
# XML document of one <testsuite> per stage and one <testcase> per listed item.
source "$(dirname "$0")/lib.bash"
cd "$root"
# A folder whose name holds the characters a workflow-command property must escape.
sample_folder="list,backup:ci"
sample_on_moto dev --only infra
plan="$project/REFACTOR_PLAN.md"

run() { set +e; "$bin" "$@" >"$SCRATCH/out" 2>"$SCRATCH/err"; code=$?; set -e; }

# Ready: 2.5 is open and all its evidence holds: a notice, and no drift (exit 0).
run verify --plan "$plan" --endpoint-url "$MOTO_URL" --format github
[ "$code" -eq 0 ] || fail "verify --format github without drift exited $code: $(cat "$SCRATCH/err")"
grep -qx "::notice file=[^:]*,line=48,title=ready (dev)::TODO 2.5: all evidence holds; it can be marked done" "$SCRATCH/out" \
  || fail "no ready notice for 2.5: $(cat "$SCRATCH/out")"
if grep -v '^::notice ' "$SCRATCH/out"; then fail "verify --format github printed more than notices without drift"; fi

# Drift: 2.5 marked done while the s3 stack is deleted; an item whose missing file holds a
# percent sign and whose text holds XML's special characters drifts too.
sed -i 's/- \[ \] \*\*TODO 2.5:\*\*/- [x] **TODO 2.5:**/' "$plan"
printf -- '\n- [x] Ship `infra/100%%/serverless.yml` for a<b & "c" \033[31mnow\n' >>"$plan"
odd_line=$(wc -l <"$plan")
python3 - "$MOTO_URL" <<'PY'
import boto3, sys
boto3.client("cloudformation", endpoint_url=sys.argv[1], region_name="us-west-2").delete_stack(StackName="listbackup-s3-dev")
PY


run verify --plan "$plan" --endpoint-url "$MOTO_URL" --format github
[ "$code" -eq 1 ] || fail "verify --format github with drift exited $code, not 1: $(cat "$SCRATCH/err")"
python3 - "$SCRATCH/out" "$plan" "$odd_line" <<'PY' || fail "verify --format github lines are wrong: $(cat "$SCRATCH/out")"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
assert lines[-1] == "", "output ends with a newline"
lines = lines[:-1]
plan = sys.argv[2].replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
shape = re.compile(r"^::(error|notice) file=([^,:]+),line=(\d+),title=([^,:]+)::(.*)$")
seen = {}
for line in lines:
    m = shape.match(line)
    assert m, "not a workflow command: %r" % line
    level, file, number, title, message = m.groups()
    assert file == plan, (file, plan)
    assert "\x1b" not in line and "\r" not in line
    seen[int(number)] = (level, title, message)
drift = seen[48]
assert drift[0] == "error" and drift[1] == "drift (dev)", drift
assert drift[2].startswith("TODO 2.5: ") and "stack listbackup-s3-dev: deleted" in drift[2], drift
odd = seen[int(sys.argv[3])]
assert odd[0] == "error" and odd[2].startswith("line %s: " % sys.argv[3]), odd
assert "infra/100%25/serverless.yml" in odd[2] and "100%/" not in odd[2], odd
assert all(level in ("error", "notice") for level, _, _ in seen.values())
assert sum(1 for level, _, _ in seen.values() if level == "error") == 2, seen
PY

# JUnit: one suite for the stage, a test case per listed item, drift a failure. An item that
# names nothing to check is unchecked (the sample's own items all have evidence, or are set aside).
printf -- '- [ ] Talk to the security team.\n' >>"$plan"
run verify --plan "$plan" --endpoint-url "$MOTO_URL" --format junit --all
[ "$code" -eq 1 ] || fail "verify --format junit with drift exited $code, not 1"
python3 - "$SCRATCH/out" "$plan" "$odd_line" <<'PY' || fail "the JUnit document is wrong: $(cat "$SCRATCH/out")"
import json, subprocess, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suites = root.findall("testsuite")
assert [s.get("name") for s in suites] == ["dev"], [s.get("name") for s in suites]
cases = suites[0].findall("testcase")
assert int(suites[0].get("tests")) == len(cases) > 20
by_name = {c.get("name"): c for c in cases}
drift = [c for n, c in by_name.items() if n.startswith("TODO 2.5: Deploy all infra stacks")]
assert drift and drift[0].get("classname") == "Isolate Stateful Infrastructure Stacks", drift
assert "stack listbackup-s3-dev: deleted" in drift[0].find("failure").get("message")
verified = [c for n, c in by_name.items() if n.startswith("TODO 2.1: ")]
assert verified and verified[0].find("failure") is None and verified[0].find("skipped") is None, "a verified item passes"
odd = by_name['line %s: Ship infra/100%%/serverless.yml for a<b & "c" \ufffd[31mnow' % sys.argv[3]]
assert odd.find("failure") is not None and "infra/100%/serverless.yml: missing" in odd.find("failure").get("message")
aborted = [c for n, c in by_name.items() if n.startswith("TODO 0.2: ")]
assert aborted and aborted[0].find("skipped") is not None, "an aborted item is skipped"
unchecked = [c for c in cases if c.find("skipped") is not None and "unchecked" in c.find("skipped").get("message", "")]
assert unchecked, "--all lists unchecked items as skipped"
assert int(suites[0].get("failures")) == sum(1 for c in cases if c.find("failure") is not None) == 2
PY

# lint --format github: warnings and errors, one command a line, exit 1 on an error.
printf -- '- [ ] **TODO 2.1:** a second 2.1\n' >>"$plan"
run lint --plan "$plan" --format github
[ "$code" -eq 1 ] || fail "lint --format github with a duplicate id exited $code, not 1"
python3 - "$SCRATCH/out" <<'PY' || fail "lint --format github lines are wrong: $(cat "$SCRATCH/out")"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
shape = re.compile(r"^::(error|warning) file=[^,:]+,line=(\d+),title=lint \(([a-z-]+)\)::\S.*$")
rules = []
for line in lines:
    m = shape.match(line)
    assert m, "not a workflow command: %r" % line
    rules.append((m.group(1), m.group(3)))
assert ("error", "duplicate-id") in rules, rules
assert ("warning", "status-stale") in rules, rules
PY

# --json is --format json; a format a command cannot print is a usage error (2).
run lint --plan "$plan" --json
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$SCRATCH/out" || fail "lint --json is not JSON"
run lint --plan "$plan" --format junit
[ "$code" -eq 2 ] || fail "lint --format junit exited $code, not 2"
grep -q "^plantrack: lint has no --format junit" "$SCRATCH/err" || fail "no sentence for lint --format junit: $(cat "$SCRATCH/err")"
[ ! -s "$SCRATCH/out" ] || fail "lint --format junit printed on stdout"
run verify --plan "$plan" --endpoint-url "$MOTO_URL" --json --format github
[ "$code" -eq 2 ] || fail "--json with --format github exited $code, not 2"
exit 0
