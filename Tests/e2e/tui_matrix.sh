#!/usr/bin/env bash
# The dashboard's stage matrix (`m`, issue 11) in tmux at 200×60 and 80×24: three moto
# servers stand for three accounts; dev deployed, prod without infra/s3, staging never
# deployed. Each item gets a verdict column per stage (glyph and word when wide, the glyph
# alone at 80 columns), the header the drift per stage, Detail the selected stage's evidence.
# Then prod's server stops: only prod's column goes stale, at 80 and at 200 columns.
source "$(dirname "$0")/lib.bash"
moto_accounts dev:111111111111 staging:222222222222 prod:333333333333
seed_stage dev
seed_stage prod --skip infra/s3
python3 - "$project/.plantrack.yml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read().replace("stages: [dev, prod]\n", """stages:
  dev: {profile: acct-dev}
  staging: {profile: acct-staging}
  prod: {profile: acct-prod, account: "333333333333"}
""")
assert "acct-prod" in text
open(path, "w").write(text)
PY
sed -i 's/- \[ \] \*\*TODO 2.5:\*\*/- [x] **TODO 2.5:**/' "$project/REFACTOR_PLAN.md"
ln -s "$project/REFACTOR_PLAN.md" "$work/plan.md"
aws_env="AWS_CONFIG_FILE=$AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE=$AWS_SHARED_CREDENTIALS_FILE"

TUI_ARGS="--config '$project/.plantrack.yml'" start_dashboard 200 60 "$aws_env"
keys / 2 . 5 Enter
wait_for "TODO 2.5"
keys m
# Each column lands on its own (dev first, as a rule): wait until every stage has answered.
every_stage_answered() { poll 60 "not every stage answered" shows -E "drift dev 0 · staging [0-9]+ · prod [0-9]+"; }
every_stage_answered
row=$(screen | grep "Deploy all infra stacks" | head -1)
grep -q "✓ verified.*✗ drift.*✗ drift" <<<"$row" || fail "the wide row of 2.5 is not verified/drift/drift: $row"
screen | grep -qE "drift dev 0 · staging [1-9][0-9]* · prod [1-9]" || fail "the header lacks the drift per stage"
screen | grep -q "stack listbackup-s3-dev" || fail "Detail does not show dev's evidence"
keys s s
wait_for "Stage: prod."
wait_for "stack listbackup-s3-prod"
wait_for "Verdict: drift"
screen > "$work/wide.txt"
keys q
wait_for "EXIT=0"
stop_dashboard

TUI_ARGS="--config '$project/.plantrack.yml'" start_dashboard 80 24 "$aws_env"
keys / 2 . 5 Enter
wait_for "TODO 2.5"
keys m
every_stage_answered
row=$(screen | grep " 2\.5 " | head -1)
grep -q "✓.*✗.*✗" <<<"$row" || fail "the narrow row of 2.5 has no glyphs: $row"
if grep -q "verified" <<<"$row"; then fail "at 80 columns the row still spells the verdicts: $row"; fi
screen | python3 -c 'import sys; sys.exit(any(len(l) > 80 for l in sys.stdin.read().splitlines()))' || fail "a line is wider than 80 columns"
# prod's server stops: prod's refresh fails, and only prod's column is marked stale, by a
# "*" where the columns are glyphs and by "prod stale <age>" where they are wide.
kill "${account_moto_pids[2]}"
keys r
wait_for "pro*" 60
expect_absent "dev*"
expect_absent "sta*"
screen | grep -q "drift dev 0 · staging [0-9]* · prod [0-9]*\*" || fail "the header's drift count of prod is not marked stale"
T resize-window -t dash -x 200 -y 60
wait_for "prod stale" 20
expect_absent "dev stale"
expect_absent "staging stale"
keys q
wait_for "EXIT=0"
echo "tui_matrix: ok"
