#!/usr/bin/env bash
# `lint` warns about a v2 `${ssm:…~true}` suffix in the project's serverless files, naming
# file and line, and reads no folder that `exclude:` keeps out (an `_archive/` of old copies).
source "$(dirname "$0")/lib.bash"
mkdir -p "$work/svc" "$work/_archive/svc"
printf '# P\n\n**Status**: `Not Started`\n\n## Phase 1\n\n- [ ] **TODO 1.1:** x\n' >"$work/REFACTOR_PLAN.md"
printf 'service: a\nprovider:\n  name: aws\n  environment:\n    X: ${ssm:/a/b~true}\n' >"$work/svc/serverless.yml"
cp "$work/svc/serverless.yml" "$work/_archive/svc/serverless.yml"
printf 'project: .\nexclude:\n  - _archive/**\n' >"$work/.plantrack.yml"
out=$(cd "$work" && "$bin" lint) || fail "lint exited $? on warnings alone"
[ "$(grep -c '\[ssm-suffix\]' <<<"$out")" = 1 ] || fail "expected one ssm-suffix warning: $out"
grep -q '^svc/serverless.yml:5: warning:' <<<"$out" || fail "the warning does not name svc/serverless.yml:5: $out"
# In a pull request the warning annotates the serverless file, titled like every lint finding.
github=$(cd "$work" && "$bin" lint --format github) || fail "lint --format github exited $? on warnings alone"
grep -qx '::warning file=svc/serverless.yml,line=5,title=lint (ssm-suffix)::.*' <<<"$github" \
    || fail "the github annotation does not name svc/serverless.yml:5 as lint (ssm-suffix): $github"
echo "lint_serverless: ok"
