#!/usr/bin/env bash
# plantrack probe against a moto with the sample project partly deployed:
# JSON per CONTRACT §5, the table, and exit codes 0 / 2 / 4.
source "$(dirname "$0")/lib.bash"
sample_on_moto e2e --skip infra/s3 --delete services/auth --drop-parameter /listbackup/e2e/cognito/user-pool-arn

out="$work/probe.json"
"$bin" probe --config "$project/.plantrack.yml" --stage e2e --endpoint-url "$MOTO_URL" --json >"$out" \
  || fail "probe --json exited $?"
python3 - "$out" <<'PY' || fail "probe JSON does not match the deployment"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["stage"] == "e2e" and d["region"] == "us-west-2", (d["stage"], d["region"])
assert d["probedAt"].endswith("Z"), d["probedAt"]
stacks = {s["name"]: s for s in d["stacks"]}
assert len(stacks) == 8, sorted(stacks)
assert stacks["listbackup-cognito-e2e"]["deployed"] and stacks["listbackup-cognito-e2e"]["status"] == "CREATE_COMPLETE"
assert stacks["listbackup-cognito-e2e"]["sources"] == ["infra/cognito/serverless.yml", ".plantrack.yml"], stacks["listbackup-cognito-e2e"]["sources"]
assert stacks["listbackup-s3-e2e"] == {**stacks["listbackup-s3-e2e"], "exists": False, "deployed": False, "status": None}
assert stacks["listbackup-auth-e2e"]["status"] == "DELETE_COMPLETE" and not stacks["listbackup-auth-e2e"]["exists"]
params = {p["name"]: p for p in d["parameters"]}
assert not params["/listbackup/e2e/cognito/user-pool-arn"]["exists"]
assert params["/listbackup/e2e/cognito/user-pool-id"]["exists"] and params["/listbackup/e2e/cognito/user-pool-id"]["type"] == "String"
assert "services/auth/serverless.yml" in params["/listbackup/e2e/cognito/user-pool-id"]["sources"]
assert d["errors"] == [] and d["apiCalls"] > 0
assert not any("value" in p or "Value" in p for p in d["parameters"]), "parameter values must never be printed"
PY

table=$("$bin" probe --config "$project/.plantrack.yml" --stage e2e --endpoint-url "$MOTO_URL") || fail "probe exited $?"
grep -q "listbackup-s3-e2e .*missing" <<<"$table" || fail "the table does not show the missing stack: $table"
grep -q "listbackup-auth-e2e .*deleted" <<<"$table" || fail "the table does not show the deleted stack"
grep -q "API call" <<<"$table" || fail "the table does not say how many API calls were made"

# The same answer through an assumed role (role_arn + source_profile) and a
# credential_process, with no keys in the environment.
cat >"$AWS_CONFIG_FILE" <<CFG
[profile deployer]
role_arn = arn:aws:iam::123456789012:role/plantrack-reader
source_profile = source
[profile viaprocess]
credential_process = $work/creds.sh
CFG
printf '[source]\naws_access_key_id = AKIASOURCE0000000000\naws_secret_access_key = source-secret\n' >"$AWS_SHARED_CREDENTIALS_FILE"
printf '#!/bin/sh\necho %s\n' "'{\"Version\": 1, \"AccessKeyId\": \"AKIAPROCESS000000000\", \"SecretAccessKey\": \"process-secret\"}'" >"$work/creds.sh"
chmod +x "$work/creds.sh"
for profile in deployer viaprocess; do
  env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY "$bin" probe --config "$project/.plantrack.yml" --stage e2e \
    --profile "$profile" --endpoint-url "$MOTO_URL" --json >"$work/$profile.json" || fail "probe --profile $profile exited $?"
  python3 - "$out" "$work/$profile.json" <<'PY' || fail "probe through profile $profile gives another answer"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
key = lambda d: ([(s["name"], s["exists"], s["status"]) for s in d["stacks"]], [(p["name"], p["exists"]) for p in d["parameters"]])
assert key(a) == key(b)
PY
  # The secret values themselves (the JSON's "secrets" key lists Secrets Manager references by name).
  if grep -qE "source-secret|process-secret" "$work/$profile.json"; then fail "a secret reached the output"; fi
done

# Exit 2: an unknown key in the config, named with its file.
printf 'stage: dev\nregoin: us-west-2\n' >"$work/bad.yml"
set +e
err=$("$bin" probe --config "$work/bad.yml" --endpoint-url "$MOTO_URL" 2>&1 >/dev/null); code=$?
set -e
[ "$code" -eq 2 ] || fail "unknown config key exited $code, not 2"
grep -q "regoin" <<<"$err" && grep -q "bad.yml" <<<"$err" || fail "the error does not name the key and file: $err"

# Exit 4: a profile that does not exist, and an endpoint nobody listens on; one sentence each.
set +e
err=$("$bin" probe --config "$project/.plantrack.yml" --profile nosuchprofile --endpoint-url "$MOTO_URL" 2>&1 >/dev/null); code=$?
set -e
[ "$code" -eq 4 ] || fail "unknown profile exited $code, not 4"
grep -q "nosuchprofile" <<<"$err" || fail "the error does not name the profile: $err"
[ "$(wc -l <<<"$err")" -eq 1 ] || fail "more than one line on stderr: $err"
set +e
err=$("$bin" probe --config "$project/.plantrack.yml" --endpoint-url "http://127.0.0.1:9" 2>&1 >/dev/null); code=$?
set -e
[ "$code" -eq 4 ] || fail "unreachable endpoint exited $code, not 4"
exit 0
