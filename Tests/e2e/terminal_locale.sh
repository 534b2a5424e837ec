#!/usr/bin/env bash
# In a locale that is not UTF-8 the backend says so (isUTF8 false, so render picks
# ASCII glyphs) and paints anything it cannot show, and any control character, as '?'.
source "$(dirname "$0")/lib.bash"

start_shell ascii 80 24
run_in_pane "LANG=C LC_ALL=C TERM=screen-256color '$bin' terminal-check"
wait_for "PlanTrack terminal check"
wait_for "utf8 no"
wait_for "wide: (ascii) v x *|"
wait_for "sanitised: ?[31mRED"
T send-keys -t "$pane" q
wait_for "EXIT=0"
[ "$(alternate_screen)" = 0 ] || fail "alternate screen left on"
