#!/usr/bin/env bash
# Live status in the dashboard against a moto_server on loopback (never AWS): the sample
# project with infra/s3 never deployed. The probe's answer arrives in the background;
# 2.5 shows "pending" with the missing stack, turns "drift" when marked done; `s`
# switches to prod (nothing deployed there). Without credentials: a calm offline line.
source "$(dirname "$0")/lib.bash"
sample_on_moto dev --skip infra/s3
cp "$project/REFACTOR_PLAN.md" "$work/original.md"
ln -s "$project/REFACTOR_PLAN.md" "$work/plan.md"   # a plan reached through a symlink is written at its target

aws_env="AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_CONFIG_FILE=$SCRATCH/aws-config AWS_SHARED_CREDENTIALS_FILE=$SCRATCH/aws-credentials AWS_ENDPOINT_URL=$MOTO_URL"
TUI_ARGS="--config '$project/.plantrack.yml'" start_dashboard 100 30 "$aws_env"
wait_for "dev · probed" 20
keys / 2 . 5 Enter
wait_for "○ to do · TODO 2.5"
wait_for "Verdict: pending"
wait_for "stack listbackup-s3-dev"
screen | grep -q "listbackup-domains-dev  CREATE_COMPLETE, updated" || fail "a live stack's status and age are not shown"

keys Space
wait_for "Verdict: drift"
grep -q '^- \[x\] \*\*TODO 2.5:\*\*' "$project/REFACTOR_PLAN.md" || fail "the toggle was not written at the symlink's target"
[ -L "$work/plan.md" ] || fail "the symlink was replaced"
keys f f
wait_for "filter: drift"
wait_for "✓ 2.5 Deploy all infra stacks"

keys r
wait_for "probed 0 s ago" 10
keys s
wait_for "Stage: prod."
wait_for "prod · probed" 20
keys q
wait_for "EXIT=0"
stop_dashboard

# No credentials at all: offline, said calmly in one line, nothing written. Files are
# still judged (1.1 verified by its folders); AWS evidence reads "not asked: no credentials".
cp "$project/REFACTOR_PLAN.md" "$work/before-offline.md"
TUI_ARGS="--config '$project/.plantrack.yml'" start_dashboard 100 30 \
    "AWS_CONFIG_FILE=$SCRATCH/aws-config AWS_SHARED_CREDENTIALS_FILE=$SCRATCH/aws-credentials AWS_ENDPOINT_URL=$MOTO_URL"
wait_for "offline: no AWS credentials" 20
screen | grep -qi "error\|failed" && fail "the offline state reads as an error"
keys / 1 . 1 Enter
wait_for "Verdict: verified"
keys / 2 . 5 Enter
wait_for "not asked: no credentials"
keys q
wait_for "EXIT=0"
cmp -s "$project/REFACTOR_PLAN.md" "$work/before-offline.md" || fail "the offline run changed the plan"
stop_dashboard

# Live status goes stale: refresh every 2 s, then the emulator goes away. The last answer
# stays on screen, marked stale (older than two refresh periods), beside the failure.
sed 's/^refresh: .*/refresh: 2/' "$project/.plantrack.yml" > "$project/.plantrack-fast.yml"
TUI_ARGS="--config '$project/.plantrack-fast.yml'" start_dashboard 100 30 "$aws_env"
wait_for "dev · probed" 20
keys / 2 . 5 Enter
wait_for "Verdict: drift"
kill "$MOTO_PID"
wait_for "— stale" 20
wait_for "probe failed" 20
screen | grep -q "stack listbackup-s3-dev" || fail "the stale evidence is no longer shown"
keys q
wait_for "EXIT=0"
cmp -s "$project/REFACTOR_PLAN.md" "$work/before-offline.md" || fail "going stale changed the plan"
exit 0
