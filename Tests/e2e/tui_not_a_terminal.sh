#!/usr/bin/env bash
# Without a terminal (stdin or stdout not a tty) or with TERM unset or dumb, `plantrack tui`
# and bare `plantrack` exit 2 with one sentence that suggests `plantrack status`.
source "$(dirname "$0")/lib.bash"

check() {
    local what=$1; shift
    local err rc=0
    err=$("$@" 2>&1 >/dev/null </dev/null) || rc=$?
    [ "$rc" -eq 2 ] || fail "$what: exit $rc, expected 2"
    [[ "$err" == *"plantrack status"* ]] || fail "$what: stderr does not suggest plantrack status: $err"
    [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] || fail "$what: more than one line: $err"
}
check "tui, stdin not a tty" "$bin" tui --plan "$seed"
check "bare plantrack, stdin not a tty" "$bin" --plan "$seed"
# TERM=dumb inside a real terminal (script gives a pty).
out=$(TERM=dumb script -qec "'$bin' tui --plan '$seed'; echo EXIT=\$?" /dev/null 2>&1)
[[ "$out" == *"EXIT=2"* && "$out" == *"plantrack status"* ]] || fail "TERM=dumb: $out"
out=$(env -u TERM script -qec "'$bin' tui --plan '$seed'; echo EXIT=\$?" /dev/null 2>&1)
[[ "$out" == *"EXIT=2"* && "$out" == *"plantrack status"* ]] || fail "TERM unset: $out"
exit 0
