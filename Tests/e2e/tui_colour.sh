#!/usr/bin/env bash
# Colour on the glass: with colour the dashboard's frame carries SGR colour codes; with
# NO_COLOR set, `capture-pane -e` shows none (attributes such as bold may remain).
source "$(dirname "$0")/lib.bash"
cp "$seed" "$work/plan.md"

start_dashboard 80 24
wait_for "✓ done · TODO 0.1"
with=$(screen_escapes | colour_parameters)
[ -n "$with" ] || fail "with colour on, no colour codes reached the screen"
keys q
wait_for "EXIT=0"
stop_dashboard

start_dashboard 80 24 NO_COLOR=1
wait_for "✓ done · TODO 0.1"
keys / 2 . 5 Enter
wait_for "○ to do · TODO 2.5"
without=$(screen_escapes | colour_parameters)
[ -z "$without" ] || fail "NO_COLOR=1 still shows colour codes: $without"
keys q
wait_for "EXIT=0"
cmp -s "$work/plan.md" "$seed" || fail "the plan changed"
exit 0
