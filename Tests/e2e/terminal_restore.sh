#!/usr/bin/env bash
# The terminal is given back on every way out: SIGINT (Ctrl-C) exits 130, SIGTERM
# exits 143, each leaving the alternate screen and the shell's modes restored; without
# a terminal, or with TERM=dumb, it refuses with a sentence naming `plantrack status`.
source "$(dirname "$0")/lib.bash"

start_shell sig 80 24
terminal_check
T send-keys -t "$pane" C-c
wait_for "EXIT=130"
[ "$(alternate_screen)" = 0 ] || fail "alternate screen left on after Ctrl-C"
expect_sane_tty

T send-keys -t "$pane" C-l
terminal_check
# The check is the one child of the pane's shell, which this script started.
shell_pid=$(T display-message -p -t "$pane" '#{pane_pid}')
check_pid=$(ps -o pid= --ppid "$shell_pid" | tr -d ' ' | head -1)
[ -n "$check_pid" ] || fail "no terminal-check process under the pane's shell $shell_pid"
kill -TERM "$check_pid"
wait_for "EXIT=143"
[ "$(alternate_screen)" = 0 ] || fail "alternate screen left on after SIGTERM"
expect_sane_tty

# TERM=dumb and TERM unset, inside a real terminal: exit 2 and a sentence on stderr.
errors=$(mktemp -d)
trap 'T kill-server >/dev/null 2>&1 || true; rm -rf "$errors"' EXIT
T send-keys -t "$pane" C-l
run_in_pane "TERM=dumb '$bin' terminal-check 2>'$errors/dumb'"
wait_for "EXIT=2"
grep -qF "cannot draw on TERM=dumb" "$errors/dumb" || fail "TERM=dumb said: $(cat "$errors/dumb")"
grep -qF "plantrack status" "$errors/dumb" || fail "TERM=dumb does not suggest plantrack status"
T send-keys -t "$pane" C-l
run_in_pane "env -u TERM '$bin' terminal-check 2>'$errors/unset'"
wait_for "EXIT=2"
grep -qF "TERM is not set" "$errors/unset" || fail "TERM unset said: $(cat "$errors/unset")"
[ "$(alternate_screen)" = 0 ] || fail "a refused start switched to the alternate screen"

# No terminal at all: stdin from /dev/null, output to a pipe.
set +e
out=$("$bin" terminal-check 2>&1 </dev/null)
status=$?
set -e
[ "$status" = 2 ] || fail "without a tty: exit $status, expected 2"
[[ "$out" == *"is not one; run \`plantrack status\`"* ]] || fail "without a tty the message was: $out"

# A crash (a Swift trap: SIGILL) gives the terminal back before the process dies.
start_shell crash 80 24
run_in_pane "SWIFT_BACKTRACE=enable=no TERM=screen-256color '$bin' terminal-check 2>/dev/null"
wait_for "PlanTrack terminal check"
T send-keys -t "$pane" Z
wait_for "EXIT=132"
[ "$(alternate_screen)" = 0 ] || fail "alternate screen left on after a crash"
expect_sane_tty

# Ctrl-Z stops it with the shell's screen back; fg brings the frame back.
start_shell stop 80 24
terminal_check
T send-keys -t "$pane" C-z
wait_for "Stopped"
[ "$(alternate_screen)" = 0 ] || fail "alternate screen left on after Ctrl-Z"
T send-keys -t "$pane" -l "fg"
T send-keys -t "$pane" Enter
wait_for "PlanTrack terminal check"
[ "$(alternate_screen)" = 1 ] || fail "fg did not bring the frame back"
T send-keys -t "$pane" Up
wait_for "key: up"
T send-keys -t "$pane" C-l  # (the shell already ran "echo EXIT" when the job stopped)
T send-keys -t "$pane" q
poll 5 "alternate screen left on after q following fg" normal_screen
expect_sane_tty
