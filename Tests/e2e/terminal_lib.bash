# Helpers for the terminal_*.sh end-to-end checks: a private tmux server (its own
# socket, no user config) whose panes run a plain shell, and polling of the screen.
# Sourced, not run (its name does not end in .sh, so run-e2e.sh skips it).
set -euo pipefail
bin="${PLANTRACK_BIN:?PLANTRACK_BIN must point at the built plantrack}"
socket="plantrack-e2e-$(basename "$0" .sh)-$$"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

T() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'T kill-server >/dev/null 2>&1 || true' EXIT

fail() {
    echo "$(basename "$0"): $*" >&2
    echo "--- screen of ${pane:-?}:" >&2
    T capture-pane -p -t "${pane:-s}" >&2 2>/dev/null || true
    exit 1
}

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

screen_text() { T capture-pane -p -t "$pane"; }
screen_escapes() { T capture-pane -p -e -t "$pane"; }

# wait_for TEXT: the pane shows TEXT within 5 seconds (a fixed string).
wait_for() {
    for _ in $(seq 1 100); do
        if screen_text | grep -qF -- "$1"; then return 0; fi
        sleep 0.05
    done
    fail "timed out waiting for '$1'"
}

# wait_for_regex PATTERN: like wait_for, for an extended regular expression.
wait_for_regex() {
    for _ in $(seq 1 100); do
        if screen_text | grep -qE -- "$1"; then return 0; fi
        sleep 0.05
    done
    fail "timed out waiting for /$1/"
}

expect_absent() { if screen_text | grep -qF -- "$1"; then fail "unexpected '$1' on screen"; fi; }

alternate_screen() { T display-message -p -t "$pane" '#{alternate_on}'; }

# key NAME EXPECTED: sends a tmux key name and waits for the echo line "key: EXPECTED".
key() { T send-keys -t "$pane" "$1"; wait_for "key: $2"; }

# The colour parameters (30–37, 38;…, 40–47, 48;…, 90–97, 100–107) in SGR sequences of stdin.
colour_parameters() {
    python3 -c '
import re, sys
found = []
for seq in re.findall(r"\x1b\[([0-9;:]*)m", sys.stdin.read()):
    params = [p for p in re.split("[;:]", seq) if p]
    i = 0
    while i < len(params):
        p = int(params[i])
        if p in (38, 48):
            width = 5 if params[i + 1:i + 2] == ["2"] else 3  # 38;2;r;g;b or 38;5;n
            found.append(";".join(params[i:i + width])); i += width; continue
        if 30 <= p <= 37 or 40 <= p <= 47 or 90 <= p <= 97 or 100 <= p <= 107:
            found.append(str(p))
        i += 1
print(" ".join(found))'
}

# tty_modes: after the program ends, the shell's terminal must be back in cooked mode with echo.
expect_sane_tty() {
    run_in_pane "stty -a | tr ' ;' '\n\n' | grep -x -e echo -e icanon -e -echo -e -icanon | tr '\n' ' ' | sed 's/^/MODES: /'"
    wait_for "MODES: icanon echo"
}
