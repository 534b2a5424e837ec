#!/usr/bin/env bash
# The dashboard end to end at 80×24: open, navigate, search 2.5, toggle, undo, redo, an
# edit made outside while it runs, resize to 30×8 and back, quit — the plan on disk
# checked after every step.
source "$(dirname "$0")/lib.bash"
cp "$seed" "$work/plan.md"
cp "$seed" "$work/original.md"

start_dashboard 80 24
wait_for "Backend Refactoring Plan"
wait_for "9/27 closed · 7 done · 2 aborted · 18 to do"
wait_for "✓ done · TODO 0.1 · line 23"
cmp -s "$work/plan.md" "$work/original.md" || fail "opening changed the plan"

# Navigate: down twice lands on the first child of 0.2; l moves to the phases' neighbour panes.
keys j j
wait_for "○ to do · line 25"
keys Tab Tab j   # focus the phases pane, next phase
wait_for "Phase 1: Project Restructuring"
cmp -s "$work/plan.md" "$work/original.md" || fail "navigating changed the plan"

# Search 2.5: it is selected, in its phase.
keys / 2 . 5 Enter
wait_for "○ to do · TODO 2.5 · line 48"
wait_for "Phase 2: Isolate Stateful Infrastructure Stacks"
cmp -s "$work/plan.md" "$work/original.md" || fail "searching changed the plan"

# Toggle: written at once, stamped, Status derived.
keys Space
variant done.md '- [ ] **TODO 2.5:**=>- [x] **TODO 2.5:**' '**Status**: `Not Started`=>**Status**: `In Progress`'
expect_plan "$work/done.md"
wait_for "✓ done · TODO 2.5 · line 48"
wait_for "10/27 closed · 8 done"
grep -q '^\*\*Last Updated\*\*: `20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]*Z`$' "$work/plan.md" || fail "no RFC 3339 stamp"

# Undo puts the mark, the stamp and Status back: the original plan, byte for byte.
keys u
poll 2 "undo did not give back the original plan byte for byte" cmp -s "$work/plan.md" "$work/original.md"
wait_for "○ to do · TODO 2.5 · line 48"

# Redo (Ctrl-R) writes it again.
keys C-r
expect_plan "$work/done.md"
wait_for "Redone: TODO 2.5 is now done"

# An edit made outside while the dashboard runs: shown within a second, never overwritten.
python3 - "$work/plan.md" <<'PY'
import os, sys
path = sys.argv[1]
data = open(path, 'rb').read().replace(b'- [ ] **TODO 4.1:**', b'- [x] **TODO 4.1:**', 1)
open(path + '.tmp', 'wb').write(data)
os.replace(path + '.tmp', path)   # the way editors save: a new inode
PY
wait_for "11/27 closed · 9 done" 1
wait_for "The plan changed on disk; reloaded."
# A change made inside after that keeps the outside edit.
keys p
variant both.md '- [ ] **TODO 2.5:**=>- [/] **TODO 2.5:**' '- [ ] **TODO 4.1:**=>- [x] **TODO 4.1:**' '**Status**: `Not Started`=>**Status**: `In Progress`'
expect_plan "$work/both.md"
wait_for "◐ in progress · TODO 2.5"

# Resize to 30×8: a plain message; back to 80×24: the dashboard again, nothing written.
cp "$work/plan.md" "$work/before-resize.md"
T resize-window -t dash -x 30 -y 8
wait_for "Terminal too small"
T resize-window -t dash -x 80 -y 24
wait_for "◐ in progress · TODO 2.5"
wait_gone "Terminal too small"
cmp -s "$work/plan.md" "$work/before-resize.md" || fail "resizing changed the plan"

# Help lists every key; any key closes it.
keys ?
wait_for "filter: all, open, drift"
keys x
wait_gone "filter: all, open, drift"

# t switches theme, s says there is one stage, f filters to open items; none writes.
keys t
wait_for "Theme: light."
keys s
wait_for "Only one stage to show"
keys f
wait_for "filter: open"
cmp -s "$work/plan.md" "$work/before-resize.md" || fail "t/s/f changed the plan"

# Quit: exit 0, the plan as it was.
keys q
wait_for "EXIT=0"
cmp -s "$work/plan.md" "$work/before-resize.md" || fail "quitting changed the plan"
exit 0
