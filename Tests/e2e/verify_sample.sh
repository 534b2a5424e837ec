#!/usr/bin/env bash
# plantrack verify against moto: ready when nothing drifts (exit 0), drift when an
# item marked done lacks its evidence (exit 1); control characters never reach stdout.
source "$(dirname "$0")/lib.bash"
sample_on_moto dev --only infra

# The user's default region differs from the project's: every name is still asked in us-west-2.
export AWS_DEFAULT_REGION=us-east-1
out="$work/verify.json"
"$bin" verify --plan "$project/REFACTOR_PLAN.md" --endpoint-url "$MOTO_URL" --json >"$out" || fail "verify exited $? with infra deployed"
python3 - "$out" <<'PY' || fail "verify JSON is wrong with infra deployed"
import json, sys
d = json.load(open(sys.argv[1]))
items = {i["id"] or "L%d" % i["line"]: i for i in d["items"]}
assert d["stage"] == "dev" and d["drift"] == 0, d["drift"]
assert items["2.5"]["verdict"] == "ready", items["2.5"]
kinds = {e["kind"] for e in items["2.5"]["evidence"]}
assert kinds == {"stack", "parameter"}, kinds  # a folder existing is no evidence of a deploy
assert d["regions"] == ["us-west-2"], d["regions"]
assert all(e["region"] == "us-west-2" for e in items["2.5"]["evidence"] ), items["2.5"]
assert items["2.1"]["verdict"] == "verified" and items["2.1"]["state"] == "done"
assert items["1.1"]["verdict"] == "verified"
assert items["L57"]["verdict"] == "pending", items["L57"]
assert all(i["evidence"] for i in d["items"]), "without --all only items with evidence are listed"
PY

# Mark 2.5 done and delete the s3 stack: drift, exit 1, and the table says what is missing.
sed -i 's/- \[ \] \*\*TODO 2.5:\*\*/- [x] **TODO 2.5:**/' "$project/REFACTOR_PLAN.md"
python3 - "$MOTO_URL" <<'PY'
import boto3, sys
boto3.client("cloudformation", endpoint_url=sys.argv[1], region_name="us-west-2").delete_stack(StackName="listbackup-s3-dev")
PY
set +e
table=$("$bin" verify --plan "$project/REFACTOR_PLAN.md" --endpoint-url "$MOTO_URL"); code=$?
set -e
[ "$code" -eq 1 ] || fail "verify with drift exited $code, not 1"
grep -q "DRIFT *TODO 2.5" <<<"$table" || fail "no drift line for 2.5: $table"
grep -q "listbackup-s3-dev (us-west-2): deleted" <<<"$table" || fail "the deleted stack is not named: $table"

# --all lists items without evidence too (the sample's own items all have evidence, or are
# set aside: add one that names nothing).
printf -- '\n- [ ] Talk to the security team.\n' >>"$project/REFACTOR_PLAN.md"
set +e
all=$("$bin" verify --plan "$project/REFACTOR_PLAN.md" --endpoint-url "$MOTO_URL" --all --json); code=$?
set -e
[ "$code" -eq 1 ] || fail "verify --all exited $code"
python3 -c 'import json,sys; d=json.loads(sys.argv[1]); assert any(i["verdict"]=="unchecked" for i in d["items"])' "$all" \
  || fail "--all does not list unchecked items"

# An escape sequence in the plan is data: it must not reach the terminal.
printf -- '\n- [x] Check `infra/s3/serverless.yml` \033[31mred\033]0;title\007\n' >>"$project/REFACTOR_PLAN.md"
set +e
"$bin" verify --plan "$project/REFACTOR_PLAN.md" --endpoint-url "$MOTO_URL" >"$work/escaped.txt"
set -e
if grep -q $'\033' "$work/escaped.txt"; then fail "an escape character reached stdout"; fi
grep -q "red" "$work/escaped.txt" || fail "the item with control characters is missing from the output"
exit 0
