# Helpers for the dashboard's end-to-end tests: the built binary ($PLANTRACK_BIN) in a
# private tmux server, driven with send-keys, read with capture-pane, and the plan on
# disk checked byte for byte after each step. Sourced, not run (no .sh suffix).
set -uo pipefail
bin="${PLANTRACK_BIN:?set PLANTRACK_BIN to the built plantrack}"
seed="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/REFACTOR_PLAN.md"
work=$(mktemp -d)
socket="pt-tui-$$"
T() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() { T kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

fail() {
    echo "FAIL ${0##*/}: $*" >&2
    echo "--- screen ---" >&2
    T capture-pane -p -t dash >&2 2>/dev/null || echo "(no pane)" >&2
    exit 1
}

# start_dashboard WIDTH HEIGHT [ENV...]: opens the dashboard on $work/plan.md.
start_dashboard() {
    local width=$1 height=$2; shift 2
    T new-session -d -s dash -x "$width" -y "$height" \
        "cd '$work' && env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $* '$bin' tui --plan plan.md ${TUI_ARGS:-}; echo EXIT=\$?; sleep 60"
    wait_for "Phases"
}

screen() { T capture-pane -p -t dash; }

# wait_for TEXT [SECONDS]: until the screen shows TEXT (fixed string).
wait_for() {
    local text=$1 limit=${2:-5} waited=0
    while ! screen | grep -qF -- "$text"; do
        sleep 0.05; waited=$((waited + 1))
        [ "$waited" -ge $((limit * 20)) ] && fail "the screen never showed '$text'"
    done
}

# wait_gone TEXT: until the screen no longer shows TEXT.
wait_gone() {
    local text=$1 waited=0
    while screen | grep -qF -- "$text"; do
        sleep 0.05; waited=$((waited + 1))
        [ "$waited" -ge 100 ] && fail "the screen still shows '$text'"
    done
}

keys() { T send-keys -t dash "$@"; }

# expect_plan FILE: the plan on disk equals FILE byte for byte, once the Last Updated
# stamp (RFC 3339 UTC, checked for its form) is put back to what FILE has.
expect_plan() {
    local expected=$1 waited=0
    while :; do
        if python3 - "$work/plan.md" "$expected" <<'PY'
import re, sys
actual = open(sys.argv[1], 'rb').read()
expected = open(sys.argv[2], 'rb').read()
stamp = re.compile(rb'(\*\*Last Updated\*\*: `)([^`]*)(`)')
a = stamp.search(actual); e = stamp.search(expected)
if not a or not e: sys.exit(1)
if a.group(2) != e.group(2) and not re.fullmatch(rb'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ', a.group(2)): sys.exit(1)
sys.exit(0 if stamp.sub(lambda m: m.group(1) + e.group(2) + m.group(3), actual, count=1) == expected else 1)
PY
        then return 0; fi
        sleep 0.05; waited=$((waited + 1))
        if [ "$waited" -ge 40 ]; then
            diff <(cat "$expected") "$work/plan.md" >&2
            fail "the plan on disk is not what it should be ($expected)"
        fi
    done
}

# variant NAME EDITS...: writes $work/NAME from the seed with python `bytes.replace` edits
# given as OLD=>NEW pairs; fails when an OLD is not in the seed (a test that can fail).
variant() {
    local name=$1; shift
    python3 - "$seed" "$work/$name" "$@" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
for edit in sys.argv[3:]:
    old, new = edit.split('=>', 1)
    assert old.encode() in data, f"not in the seed: {old}"
    data = data.replace(old.encode(), new.encode(), 1)
open(sys.argv[2], 'wb').write(data)
PY
}

# stop_dashboard: ends the tmux server (the session's program has quit) before the next start.
stop_dashboard() {
    T kill-server 2>/dev/null
    local waited=0
    while T has-session 2>/dev/null && [ "$waited" -lt 40 ]; do sleep 0.05; waited=$((waited + 1)); done
    sleep 0.1
}
