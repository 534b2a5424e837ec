#!/usr/bin/env bash
# plantrack init (issue 12 point 4) on three layouts: flat, compose in a sub-folder, plan in
# docs/. It finds the project, stage and region, writes a commented .plantrack.yml that the
# other commands read, suggests a check for each item nothing checks, and never replaces the
# file without --force (exit 2).
source "$(dirname "$0")/lib.bash"

service() {  # service FILE NAME: a serverless file in us-west-2, stage prod by default
    mkdir -p "$(dirname "$1")"
    printf 'service: %s\nprovider:\n  name: aws\n  region: us-west-2\n  stage: prod\n' "$2" >"$1"
}
plan() {  # plan FILE: two items, one that nothing would check
    mkdir -p "$(dirname "$1")"
    printf '# Plan\n\n- [ ] **TODO 1.1:** Create `services/users/serverless.yml`.\n- [ ] **TODO 1.2:** Add and configure the `serverless-go-plugin`.\n' >"$1"
}

# 1. Flat: plan, compose and services in one folder.
flat="$work/flat"; plan "$flat/REFACTOR_PLAN.md"; service "$flat/services/users/serverless.yml" users
printf 'services:\n  users: {path: services/users}\n' >"$flat/serverless-compose.yml"
(cd "$flat" && "$bin" init) >"$work/flat.out" || fail "init exited $? on the flat layout"
grep -q "^project: \.$" "$flat/.plantrack.yml" || fail "flat: project is not .: $(cat "$flat/.plantrack.yml")"
grep -q "^stage: prod$" "$flat/.plantrack.yml" || fail "flat: the stage the services agree on is not written"
grep -q "^region: us-west-2$" "$flat/.plantrack.yml" || fail "flat: the region is not written"
grep -q '^  # "1.2":$' "$flat/.plantrack.yml" || fail "flat: no suggestion for the unchecked item 1.2"
grep -q '^  #       contains: serverless-go-plugin$' "$flat/.plantrack.yml" || fail "flat: the suggestion does not name the plugin"
grep -q '"1.1"' "$flat/.plantrack.yml" && fail "flat: 1.1 has evidence, yet a suggestion"
grep -q "compose file: serverless-compose.yml" "$work/flat.out" || fail "flat: init does not say what it found: $(cat "$work/flat.out")"
(cd "$flat" && "$bin" verify --all --json) >/dev/null || fail "flat: verify cannot use the written file ($?)"
# Uncommented, the suggestion is a valid check.
sed -i 's/^  # \("1.2":\)/  \1/; s/^  #   /    /' "$flat/.plantrack.yml"
sed -i 's/^checks:$/checks:/' "$flat/.plantrack.yml"
(cd "$flat" && "$bin" verify --all --json) >"$work/flat.json" || fail "flat: the uncommented suggestion is not a valid check"
python3 - "$work/flat.json" <<'PY' || fail "flat: 1.2 is not judged by the suggested yaml check"
import json, sys
items = {i["id"]: i for i in json.load(open(sys.argv[1]))["items"]}
assert items["1.2"]["verdict"] == "pending", items["1.2"]
assert items["1.2"]["evidence"][0]["kind"] == "yaml", items["1.2"]
PY

# Never replaced without --force: exit 2, the file untouched; --force replaces it.
before=$(md5sum <"$flat/.plantrack.yml")
set +e; (cd "$flat" && "$bin" init) 2>"$work/err"; code=$?; set -e
[ "$code" -eq 2 ] || fail "init over an existing file exited $code, not 2"
grep -q "already exists; pass --force" "$work/err" || fail "no sentence naming --force: $(cat "$work/err")"
[ "$(md5sum <"$flat/.plantrack.yml")" = "$before" ] || fail "init without --force changed the file"
(cd "$flat" && "$bin" init --force) >/dev/null || fail "init --force exited $?"
grep -q '^  # "1.2":$' "$flat/.plantrack.yml" || fail "--force did not write a fresh file"

# 2. The compose file and services in a sub-folder.
sub="$work/sub"; plan "$sub/REFACTOR_PLAN.md"; service "$sub/backend/services/users/serverless.yml" users
printf 'services:\n  users: {path: services/users}\n' >"$sub/backend/serverless-compose.yml"
(cd "$sub" && "$bin" init) >/dev/null || fail "init exited $? with the project in backend/"
grep -q "^project: backend$" "$sub/.plantrack.yml" || fail "sub-folder: project is not backend: $(cat "$sub/.plantrack.yml")"
(cd "$sub" && "$bin" verify --all --json) >"$work/sub.json" || fail "sub-folder: verify exited $?"

# 3. The plan in docs/ of a git repository, the services at its root.
docs="$work/docs"; mkdir -p "$docs/.git"; plan "$docs/docs/REFACTOR_PLAN.md"
service "$docs/services/users/serverless.yml" users
(cd "$docs" && "$bin" init) >/dev/null || fail "init exited $? with the plan in docs/"
[ -f "$docs/docs/.plantrack.yml" ] || fail "docs: the file is not beside the plan"
grep -q "^project: \.\.$" "$docs/docs/.plantrack.yml" || fail "docs: project is not ..: $(cat "$docs/docs/.plantrack.yml")"
grep -q "^plan: REFACTOR_PLAN.md$" "$docs/docs/.plantrack.yml" || fail "docs: plan is not written relative to the file"
(cd "$docs" && "$bin" verify --plan docs/REFACTOR_PLAN.md --all --json) >"$work/docs.json" || fail "docs: verify exited $?"
python3 - "$work/docs.json" <<'PY' || fail "docs: 1.1 is not verified against the project found at the root"
import json, sys
items = {i["id"]: i for i in json.load(open(sys.argv[1]))["items"]}
assert items["1.1"]["verdict"] == "ready", items["1.1"]
PY
echo "init_layouts: ok"
