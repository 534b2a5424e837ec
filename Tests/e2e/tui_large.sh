#!/usr/bin/env bash
# The dashboard at 200×60: the whole seed plan laid out, a change in phase 3's nested
# items written, cancelled and undone, then quit; the file checked after each step.
source "$(dirname "$0")/lib.bash"
cp "$seed" "$work/plan.md"
start_dashboard 200 60
wait_for "Status: Not Started (tasks: In Progress) · Updated: never"
wait_for "0 Investigation and Planning"
wait_for "4 Orchestrate Deployment"
wait_for "List and document all User Groups within the pool."

keys / 3 . 2 . 4 Enter
wait_for "○ to do · TODO 3.2.4 · line 63"
keys c
variant cancelled.md '- [ ] **TODO 3.2.4:**=>- [-] **TODO 3.2.4:**' '**Status**: `Not Started`=>**Status**: `In Progress`'
expect_plan "$work/cancelled.md"
wait_for "– cancelled · TODO 3.2.4"
keys u
# Undo gives back the mark and the metadata the change rewrote: the file as it was.
cp "$seed" "$work/undone.md"
expect_plan "$work/undone.md"

# h goes up to 3.2, whose detail shows its own text; h again folds it; Enter opens it.
keys h
wait_for "○ to do · TODO 3.2 · line 58"
wait_for "For each service file (accounts, auth, clients, etc.):"
keys h
wait_for "▸ ○ 3.2 Refactor Application Services:"
keys Enter
wait_for "▾ ○ 3.2 Refactor Application Services:"
keys q
wait_for "EXIT=0"
expect_plan "$work/undone.md"
exit 0
