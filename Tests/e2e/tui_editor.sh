#!/usr/bin/env bash
# `e` opens $VISUAL (else $EDITOR) at the selected item's line; when the editor exits the
# dashboard takes the terminal back and shows what was saved. --mouse: a click selects.
source "$(dirname "$0")/lib.bash"
cp "$seed" "$work/plan.md"
cat > "$work/fake-editor" <<'SH'
#!/bin/sh
# Records how it was called and reads a line typed at the terminal, as a real editor
# reads keys (a child left in a background process group could not), then saves an
# edit the way an editor would.
echo "$@" > "$(dirname "$0")/editor-args"
read -r typed < /dev/tty; echo "$typed" > "$(dirname "$0")/editor-typed"
python3 - "$2" <<'PY'
import sys
p = sys.argv[1]
d = open(p, 'rb').read().replace(b'- [ ] **TODO 4.3:**', b'- [/] **TODO 4.3:**', 1)
open(p, 'wb').write(d)
PY
SH
chmod +x "$work/fake-editor"

start_dashboard 80 24 "VISUAL='$work/fake-editor'" EDITOR=false
keys / 4 . 3 Enter
wait_for "○ to do · TODO 4.3 · line 72"
keys e
sleep 0.5
keys -l "typed in the editor"; keys Enter
wait_for "Reloaded after editing."
[ "$(cat "$work/editor-typed")" = "typed in the editor" ] || fail "the editor could not read the keyboard: '$(cat "$work/editor-typed")'"
wait_for "◐ in progress · TODO 4.3 · line 72"
[ "$(cat "$work/editor-args")" = "+72 $work/plan.md" ] || [ "$(cat "$work/editor-args")" = "+72 plan.md" ] || fail "the editor got: $(cat "$work/editor-args")"
variant edited.md '- [ ] **TODO 4.3:**=>- [/] **TODO 4.3:**'
cmp -s "$work/plan.md" "$work/edited.md" || fail "the dashboard wrote over the editor's save"
keys q
wait_for "EXIT=0"
stop_dashboard

# --mouse: a click on the second item row (screen row 5) selects TODO 0.2; a click on
# the phases pane's third phase selects Phase 1. X10 reports, as TERM=screen describes.
TUI_ARGS=--mouse start_dashboard 80 24 TERM=screen-256color
wait_for "✓ done · TODO 0.1"
keys -l $'\e[M I&'; keys -l $'\e[M#I&'   # press and release
wait_for "✗ aborted · TODO 0.2 · line 24"
keys -l $'\e[M $('; keys -l $'\e[M#$('   # column 3, row 7: phase 1's bar row
wait_for "Phase 1: Project Restructuring"
keys q
wait_for "EXIT=0"
cmp -s "$work/plan.md" "$work/edited.md" || fail "clicking changed the plan"
exit 0
