#!/usr/bin/env bash
# `plantrack themes` lists the built-in themes and the files found next to the plan
# and under $XDG_CONFIG_HOME, marking where each comes from; a malformed theme file
# is exit 2 with one sentence naming the file, line and key.
source "$(dirname "$0")/lib.bash"

mkdir -p "$work/project/themes" "$work/xdg/plantrack/themes"
printf '# Plan\n- [ ] TODO 1.1: a task\n' >"$work/project/REFACTOR_PLAN.md"
printf 'title: { fg: "#ff8700" }\n' >"$work/project/themes/ocean.yml"
printf 'stateDone: magenta\n' >"$work/xdg/plantrack/themes/light.yml"

out=$(cd "$work" && XDG_CONFIG_HOME="$work/xdg" "$bin" themes --plan project/REFACTOR_PLAN.md)
expected="default         built-in
light           $work/xdg/plantrack/themes/light.yml (overrides built-in)
high-contrast   built-in
solarized-dark  built-in
mono            built-in
ocean           $work/project/themes/ocean.yml"
[ "$out" = "$expected" ] || fail "themes listed:
$out
expected:
$expected"

# From a folder with no themes/ and no XDG themes, the five built-ins still come up.
out=$(cd "$work" && XDG_CONFIG_HOME="$work/none" HOME="$work/none" "$bin" themes)
[ "$(printf '%s\n' "$out" | awk '{print $1 "=" $2}' | tr '\n' ' ')" = \
  "default=built-in light=built-in high-contrast=built-in solarized-dark=built-in mono=built-in " ] \
  || fail "built-in list was: $out"

# A malformed theme: listed as invalid, then one sentence naming file, line and key; exit 2.
printf 'text: { fg: red }\nstateDone: { fg: grene }\n' >"$work/project/themes/broken.yml"
set +e
out=$(cd "$work" && XDG_CONFIG_HOME="$work/xdg" "$bin" themes --plan project/REFACTOR_PLAN.md 2>"$work/err")
status=$?
set -e
[ "$status" = 2 ] || fail "a malformed theme gave exit $status, expected 2"
grep -qx "broken          $work/project/themes/broken.yml (invalid)" <<<"$out" || fail "broken theme not marked: $out"
err=$(cat "$work/err")
# One way to fail: the sentence comes through main's funnel, with the plantrack: prefix.
[ "$err" = "plantrack: Theme file $work/project/themes/broken.yml:2: 'stateDone.fg' has colour 'grene', which is not a colour name, 0–255, #rrggbb or default." ] \
  || fail "stderr was: $err"

# Asking for it by name (before any terminal is touched) is the same exit 2 and sentence.
set +e
(cd "$work" && "$bin" terminal-check --plan project/REFACTOR_PLAN.md --theme broken 2>"$work/err2" </dev/null)
status=$?
set -e
[ "$status" = 2 ] || fail "terminal-check --theme broken gave exit $status"
grep -qF "project/themes/broken.yml:2: 'stateDone.fg'" "$work/err2" || fail "terminal-check said: $(cat "$work/err2")"
