#!/usr/bin/env bash
# Colour on the glass: with colour the dashboard's frame carries SGR colour codes; with
# NO_COLOR set, `capture-pane -e` shows none (attributes such as bold may remain).
source "$(dirname "$0")/tui_lib.bash"
cp "$seed" "$work/plan.md"

# The SGR colour parameters on screen: 30–37, 39–47, 49, 90–97, 100–107, 38;5;n, 48;2;r;g;b …
colour_codes() {
    T capture-pane -p -e -t dash | python3 -c '
import re, sys
found = []
for seq in re.findall(r"\x1b\[([0-9;:]*)m", sys.stdin.read()):
    parts = [p for p in re.split("[;:]", seq) if p != ""]
    i = 0
    while i < len(parts):
        n = int(parts[i])
        if n in (38, 48, 58):
            found.append(";".join(parts[i:i + (3 if i + 1 < len(parts) and parts[i + 1] == "5" else 5)])); i += 5 if i + 1 < len(parts) and parts[i + 1] == "2" else 3; continue
        if 30 <= n <= 37 or 40 <= n <= 47 or 90 <= n <= 97 or 100 <= n <= 107: found.append(str(n))
        i += 1
print(" ".join(found))'
}

start_dashboard 80 24
wait_for "✓ done · TODO 0.1"
with=$(colour_codes)
[ -n "$with" ] || fail "with colour on, no colour codes reached the screen"
keys q
wait_for "EXIT=0"
stop_dashboard

start_dashboard 80 24 NO_COLOR=1
wait_for "✓ done · TODO 0.1"
keys / 2 . 5 Enter
wait_for "○ to do · TODO 2.5"
without=$(colour_codes)
[ -z "$without" ] || fail "NO_COLOR=1 still shows colour codes: $without"
keys q
wait_for "EXIT=0"
cmp -s "$work/plan.md" "$seed" || fail "the plan changed"
exit 0
