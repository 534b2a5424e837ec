# The one library of the end-to-end scripts in Tests/e2e. Sourced, not run (its name does
# not end in .sh, so scripts/run-e2e.sh skips it). Every script gets strict mode (a step
# that fails unexpectedly fails the script), $bin (the built plantrack), $root (this
# repository), $seed (its REFACTOR_PLAN.md: copy it, never write it), $work (a scratch
# folder), fail, and clean-up on exit of all it started: tmux, moto, scratch folders.
set -euo pipefail
export LANG=C.UTF-8 LC_ALL=C.UTF-8
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$root/scripts/moto-lib.sh"   # launch_moto and start_moto; its fail() is replaced below
bin="${PLANTRACK_BIN:?PLANTRACK_BIN is not set: run through scripts/run-e2e.sh}"
seed="$root/REFACTOR_PLAN.md"
work=$(mktemp -d)
export XDG_STATE_HOME="$work/state"   # the theme `t` remembers stays in the scratch folder
pane=""   # the tmux session the screen helpers read; empty until one starts
socket="plantrack-e2e-$(basename "$0" .sh)-$$"

# T ARGS...: tmux on a private server (its own socket, no user config).
T() { tmux -L "$socket" -f /dev/null "$@"; }

cleanup() {
    T kill-server >/dev/null 2>&1 || true
    if [ -n "${MOTO_PID:-}" ]; then kill "$MOTO_PID" 2>/dev/null || true; rm -f "$MOTO_LOG"; fi
    for pid in "${account_moto_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work" "${SCRATCH:-}"
}
trap cleanup EXIT

# fail MESSAGE: names the script and the fault, with the screen when one is driven.
fail() {
    echo "FAIL $(basename "$0"): $*" >&2
    if [ -n "$pane" ]; then
        echo "--- screen of $pane:" >&2
        T capture-pane -p -t "$pane" >&2 2>/dev/null || echo "(no pane)" >&2
    fi
    exit 1
}

# ---- moto

# on_moto: a moto_server of this script's own on loopback, and AWS settings that reach
# only it (scripts/moto-lib.sh: MOTO_URL, MOTO_PID, SCRATCH); stopped on exit.
on_moto() {
    start_moto
    trap cleanup EXIT   # start_moto set its own; ours stops moto too
}

# sample_on_moto STAGE SEED-ARGS...: moto with a copy of the sample project at $project
# ($work/$sample_folder, listbackup unless the script names another), deployed for STAGE
# in us-west-2 as scripts/seed-moto.py's SEED-ARGS say.
sample_on_moto() {
    local stage=$1; shift
    on_moto
    project="$work/${sample_folder:-listbackup}"
    cp -R "$root/examples/listbackup" "$project"
    python3 "$root/scripts/seed-moto.py" --endpoint "$MOTO_URL" --region us-west-2 --stage "$stage" \
        --project "$project" --quiet "$@" || fail "seeding moto failed"
}

# moto_accounts STAGE:ACCOUNT...: one moto_server per stage answering as its own account
# (MOTO_ACCOUNT_ID), a profile acct-STAGE whose endpoint_url points at it, and no keys in
# the environment (they would win over a stage's profile); account_moto_url[STAGE] is its
# URL. Then a copy of the sample project at $project. All stopped on exit.
account_moto_pids=()
declare -A account_moto_url=()
moto_accounts() {
    local pair stage account
    for pair in "$@"; do
        stage=${pair%%:*}; account=${pair#*:}
        export MOTO_ACCOUNT_ID=$account
        if [ -z "${SCRATCH:-}" ]; then on_moto; else launch_moto; fi
        unset MOTO_ACCOUNT_ID
        account_moto_pids+=("$MOTO_PID")
        account_moto_url[$stage]=$MOTO_URL
        printf '[profile acct-%s]\nregion = us-west-2\nendpoint_url = %s\n\n' "$stage" "$MOTO_URL" >>"$AWS_CONFIG_FILE"
        printf '[acct-%s]\naws_access_key_id = testing\naws_secret_access_key = testing\n\n' "$stage" >>"$AWS_SHARED_CREDENTIALS_FILE"
    done
    unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
    project="$work/${sample_folder:-listbackup}"
    cp -R "$root/examples/listbackup" "$project"
}

# seed_stage STAGE SEED-ARGS...: the sample deployed for STAGE on that stage's own server.
seed_stage() {
    local stage=$1; shift
    python3 "$root/scripts/seed-moto.py" --endpoint "${account_moto_url[$stage]}" --region us-west-2 --stage "$stage" \
        --project "$project" --quiet "$@" || fail "seeding moto for $stage failed"
}

# ---- the screen of $pane

screen() { T capture-pane -p -t "$pane"; }
screen_escapes() { T capture-pane -p -e -t "$pane"; }
keys() { T send-keys -t "$pane" "$@"; }
alternate_screen() { T display-message -p -t "$pane" '#{alternate_on}'; }
normal_screen() { [ "$(alternate_screen)" = 0 ]; }

# poll SECONDS FAULT TEST...: runs TEST every 50 ms until it succeeds; after SECONDS, fails with FAULT.
poll() {
    local seconds=$1 fault=$2; shift 2
    for _ in $(seq 1 $(( seconds * 20 ))); do
        if "$@"; then return 0; fi
        sleep 0.05
    done
    fail "$fault"
}

# shows GREP-ARGS...: the screen has a line grep matches (read whole first: grep -q
# quitting early must not fail the capture under pipefail).
shows() { grep -q "$@" <<<"$(screen)"; }
hides() { ! shows "$@"; }

# wait_for TEXT [SECONDS]: the screen shows TEXT (a fixed string) within SECONDS (5).
wait_for() { poll "${2:-5}" "the screen never showed '$1'" shows -F -- "$1"; }
wait_for_regex() { poll 5 "the screen never matched /$1/" shows -E -- "$1"; }
wait_gone() { poll 5 "the screen still shows '$1'" hides -F -- "$1"; }
expect_absent() { if shows -F -- "$1"; then fail "unexpected '$1' on screen"; fi; }

# colour_parameters: the SGR colour parameters in the escapes on stdin: 30–37, 40–47,
# 90–97, 100–107, and 38/48/58 with their 5;n or 2;r;g;b.
colour_parameters() {
    python3 -c '
import re, sys
found = []
for seq in re.findall(r"\x1b\[([0-9;:]*)m", sys.stdin.read()):
    params = [p for p in re.split("[;:]", seq) if p]
    i = 0
    while i < len(params):
        p = int(params[i])
        if p in (38, 48, 58):
            width = 5 if params[i + 1:i + 2] == ["2"] else 3  # 38;2;r;g;b or 38;5;n
            found.append(";".join(params[i:i + width])); i += width; continue
        if 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107:
            found.append(str(p))
        i += 1
print(" ".join(found))'
}

# ---- a plain shell in tmux (terminal_*.sh)

# start_shell NAME [WIDTH HEIGHT]: a session running bash with a known prompt.
start_shell() {
    pane=$1
    T new-session -d -s "$1" -x "${2:-80}" -y "${3:-24}" \
        "env -i PATH='$PATH' HOME='$HOME' LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen PS1='shell\$ ' bash --norc --noprofile"
    T set-option -t "$1" -g status off
    wait_for "shell\$"
}

# run_in_pane COMMAND: types COMMAND at the pane's shell, then it echoes EXIT=<status>.
run_in_pane() { T send-keys -t "$pane" -l "$1; echo EXIT=\$?"; T send-keys -t "$pane" Enter; }

# terminal_check [ENV...]: runs `plantrack terminal-check` at the pane's shell with ENV
# (TERM=screen-256color unless given) and waits for its screen.
terminal_check() {
    run_in_pane "${*:-TERM=screen-256color} '$bin' terminal-check"
    wait_for "PlanTrack terminal check"
}

# key NAME EXPECTED: sends a tmux key name and waits for the echo line "key: EXPECTED".
key() { keys "$1"; wait_for "key: $2"; }

# expect_sane_tty: after the program ends, the shell's terminal is back in cooked mode with echo.
expect_sane_tty() {
    run_in_pane "stty -a | tr ' ;' '\n\n' | grep -x -e echo -e icanon -e -echo -e -icanon | tr '\n' ' ' | sed 's/^/MODES: /'"
    wait_for "MODES: icanon echo"
}

# ---- the dashboard in tmux (tui_*.sh)

# start_dashboard WIDTH HEIGHT [ENV...]: opens the dashboard on $work/plan.md with ENV and
# $TUI_ARGS; when it quits, the pane shows EXIT=<status>.
start_dashboard() {
    local width=$1 height=$2; shift 2
    pane=dash
    T new-session -d -s dash -x "$width" -y "$height" \
        "cd '$work' && env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY -u AWS_SESSION_TOKEN -u AWS_PROFILE LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $* '$bin' tui --plan plan.md ${TUI_ARGS:-}; echo EXIT=\$?; sleep 60"
    wait_for "Phases"
}

# stop_dashboard: ends the tmux server (the dashboard has quit) before the next start.
stop_dashboard() {
    T kill-server 2>/dev/null || true
    local waited=0
    while T has-session 2>/dev/null && [ "$waited" -lt 40 ]; do sleep 0.05; waited=$((waited + 1)); done
    sleep 0.1
}

# expect_plan FILE: the plan on disk equals FILE byte for byte within 2 seconds, once the
# Last Updated stamp (RFC 3339 UTC, checked for its form) is put back to what FILE has.
expect_plan() {
    for _ in $(seq 1 40); do
        if python3 - "$work/plan.md" "$1" <<'PY'
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
        sleep 0.05
    done
    diff "$1" "$work/plan.md" >&2 || true
    fail "the plan on disk is not what it should be ($1)"
}

# variant NAME EDITS...: writes $work/NAME from the seed with python `bytes.replace` edits
# given as OLD=>NEW pairs; fails when an OLD is not in the seed (a test that can fail).
variant() {
    local name=$1; shift
    python3 - "$seed" "$work/$name" "$@" <<'PY' || fail "variant $name: an edit does not apply to the seed"
import sys
data = open(sys.argv[1], 'rb').read()
for edit in sys.argv[3:]:
    old, new = edit.split('=>', 1)
    assert old.encode() in data, f"not in the seed: {old}"
    data = data.replace(old.encode(), new.encode(), 1)
open(sys.argv[2], 'wb').write(data)
PY
}

# ---- commands

# expect_exit CODE PATTERN COMMAND...: the command exits CODE and says one line on
# stderr that holds PATTERN (CONTRACT §2).
expect_exit() {
  local code=$1 pattern=$2; shift 2
  set +e; "$@" > out.txt 2> err.txt; local got=$?; set -e
  [ "$got" -eq "$code" ] || fail "$* exited $got, wanted $code: $(cat err.txt)"
  grep -q -- "$pattern" err.txt || fail "$*: stderr lacks '$pattern': $(cat err.txt)"
  [ "$(wc -l < err.txt)" -eq 1 ] || fail "$*: stderr is not one line: $(cat err.txt)"
}
