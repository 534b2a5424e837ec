#!/usr/bin/env bash
# The stage matrix on the command line (issue 11): three moto servers stand for three
# accounts, each stage reaches its own through a profile whose endpoint_url points at it.
# dev is deployed, prod lacks infra/s3, staging was never deployed (drift, not an error).
# verify --all-stages in JSON, text (wide and narrow), github and junit; the account guard
# refuses prod's credentials in prod's column only; exit 4 only when no stage can be asked.
source "$(dirname "$0")/lib.bash"
moto_accounts dev:111111111111 staging:222222222222 prod:333333333333
seed_stage dev
seed_stage prod --skip infra/s3
plan="$project/REFACTOR_PLAN.md"
sed -i 's/- \[ \] \*\*TODO 2.5:\*\*/- [x] **TODO 2.5:**/' "$plan"
python3 - "$project/.plantrack.yml" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
text = text.replace("stages: [dev, prod]\n", """stages:
  dev: {profile: acct-dev}
  staging: {profile: acct-staging}
  prod: {profile: acct-prod, account: "333333333333"}
""")
assert "acct-prod" in text
open(path, "w").write(text)
PY
run() { set +e; "$bin" "$@" >"$work/out" 2>"$work/err"; code=$?; set -e; }

run verify --plan "$plan" --all-stages --json
[ "$code" -eq 1 ] || fail "verify --all-stages with drift exited $code, not 1: $(cat "$work/err")"
python3 - "$work/out" <<'PY' || fail "verify --all-stages --json: $(cat "$work/out" | head -40)"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["stages"] == ["dev", "staging", "prod"], doc["stages"]
assert doc["drift"]["dev"] == 0 and doc["drift"]["staging"] >= 1 and doc["drift"]["prod"] >= 1, doc["drift"]
assert doc["notAsked"] == {}, doc["notAsked"]
item = next(i for i in doc["items"] if i["id"] == "2.5")
stages = item["stages"]
assert stages["dev"]["verdict"] == "verified", stages["dev"]
assert stages["prod"]["verdict"] == "drift", stages["prod"]
assert any(e["name"] == "listbackup-s3-prod" and e["ok"] is False and e["region"] == "us-west-2" for e in stages["prod"]["evidence"])
assert stages["staging"]["verdict"] == "drift"
assert all(e["ok"] is False for e in stages["staging"]["evidence"] if e["kind"] == "stack"), stages["staging"]
PY

COLUMNS=200 run verify --plan "$plan" --stages dev,prod
[ "$code" -eq 1 ] || fail "verify --stages dev,prod exited $code"
grep -E "^TODO 2\.5 +✓ verified +✗ drift +Deploy all" "$work/out" >/dev/null || fail "the wide row of 2.5: $(cat "$work/out")"
grep -qx "Stage dev: 0 drift; [0-9]* API calls." "$work/out" || fail "no drift count for dev at the foot: $(cat "$work/out")"
grep -q "^Stage prod: [1-9][0-9]* drift" "$work/out" || fail "no drift count for prod at the foot"
COLUMNS=44 run verify --plan "$plan" --stages dev,prod
grep -E "^TODO 2\.5 +✓ +✗ +Deploy" "$work/out" >/dev/null || fail "the narrow row of 2.5 is not glyphs only: $(cat "$work/out")"
grep -q "^Key: ✓ verified, ✗ drift" "$work/out" || fail "the narrow table has no key"
python3 -c 'import sys; sys.exit(any(len(l) > 44 for l in open(sys.argv[1], encoding="utf-8").read().splitlines()))' "$work/out" || fail "the narrow table is wider than COLUMNS=44"

run verify --plan "$plan" --all-stages --format github
[ "$code" -eq 1 ] || fail "verify --format github exited $code"
grep -q "^::error file=[^,]*,line=48,title=drift (prod)::TODO 2.5: " "$work/out" || fail "no drift (prod) annotation: $(cat "$work/out")"
grep -q "title=drift (staging)" "$work/out" || fail "no drift (staging) annotation"
if grep -q "title=drift (dev)" "$work/out"; then fail "dev drifts in the annotations"; fi

run verify --plan "$plan" --all-stages --format junit
python3 - "$work/out" <<'PY' || fail "the JUnit document: $(head -20 "$work/out")"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = {s.get("name"): s for s in root.findall("testsuite")}
assert list(suites) == ["dev", "staging", "prod"], list(suites)
assert int(suites["dev"].get("failures")) == 0 and int(suites["prod"].get("failures")) >= 1
PY

# The account guard: prod's profile now reaches the dev account's server.
cp "$AWS_CONFIG_FILE" "$work/aws-config.good"
sed -i "s#^endpoint_url = ${account_moto_url[prod]}#endpoint_url = ${account_moto_url[dev]}#" "$AWS_CONFIG_FILE"
run verify --plan "$plan" --all-stages --json
[ "$code" -eq 1 ] || fail "with prod refused and staging drifting verify exited $code, not 1: $(cat "$work/err")"
grep -q "stage prod expects account 333333333333, but the credentials of profile acct-prod belong to account 111111111111" "$work/err" \
  || fail "the refusal does not name both accounts: $(cat "$work/err")"
python3 - "$work/out" <<'PY' || fail "prod is not 'not asked' in its column only: $(head -30 "$work/out")"
import json, sys
doc = json.load(open(sys.argv[1]))
assert list(doc["notAsked"]) == ["prod"] and "111111111111" in doc["notAsked"]["prod"], doc["notAsked"]
item = next(i for i in doc["items"] if i["id"] == "2.5")
assert item["stages"]["dev"]["verdict"] == "verified"
assert all(e["ok"] is None for e in item["stages"]["prod"]["evidence"] if e["kind"] == "stack")
PY
COLUMNS=200 run verify --plan "$plan" --stages dev,prod
grep -E "^TODO 2\.5 +✓ verified +- not asked" "$work/out" >/dev/null || fail "prod's column does not read not asked: $(cat "$work/out")"

# No stage can be asked: exit 4 with one sentence.
run verify --plan "$plan" --stages dev,prod --profile no-such-profile
[ "$code" -eq 4 ] || fail "with no stage asked verify exited $code, not 4: $(cat "$work/err")"
grep -q "no-such-profile" "$work/err" || fail "the exit-4 sentence does not name the profile: $(cat "$work/err")"

# probe --stages: each stage's own account, at once.
cp "$work/aws-config.good" "$AWS_CONFIG_FILE"
run probe --plan "$plan" --stages dev,staging --json
[ "$code" -eq 0 ] || fail "probe --stages exited $code: $(cat "$work/err")"
python3 - "$work/out" <<'PY' || fail "probe --stages --json: $(head -20 "$work/out")"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["stages"] == ["dev", "staging"]
dev, staging = doc["probes"]
assert dev["stage"] == "dev" and all(s["deployed"] for s in dev["stacks"]), dev["stacks"][:2]
assert staging["stage"] == "staging" and not any(s["exists"] for s in staging["stacks"])
PY
echo "verify_stages: ok"
