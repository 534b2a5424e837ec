#!/usr/bin/env bash
# The ncurses backend in tmux: it paints the test screen (wide characters, an
# escape character made harmless), decodes keys, follows resizes, and `q` gives the
# shell back its screen and modes.
source "$(dirname "$0")/lib.bash"

start_shell keys 80 24
terminal_check
wait_for "size 80x24  colours indexed256  utf8 yes"
wait_for "wide: 漢字 ✓ ✗ •|"
[ "$(alternate_screen)" = 1 ] || fail "the check is not on the alternate screen"

# The escape character in a cell is painted as U+FFFD; its "[31m" stays visible text.
wait_for "sanitised: �[31mRED"

key Up "up"
# The first frame wrote every cell (~1900); later frames only the few that changed.
wait_for_regex "previous paint: [0-9] cells"
key Down "down"
key Left "left"
key Right "right"
key PPage "pageUp"
key NPage "pageDown"
key Home "home"
key End "end"
key Enter "enter"
key Tab "tab"
key BTab "backTab"
key BSpace "backspace"
key DC "delete"
key F5 "function(5)"
key C-r 'control("r")'
key C-a 'control("a")'
key Escape "escape"
key j 'character("j")'
key '!' 'character("!")'
T send-keys -t "$pane" -l "é"
wait_for 'key: character("é")'
T send-keys -t "$pane" -l "漢"
wait_for 'key: character("漢")'

T resize-window -t "$pane" -x 100 -y 30
wait_for "size 100x30"
wait_for "key: resize 100x30"
T resize-window -t "$pane" -x 30 -y 8
wait_for "size 30x8"
T resize-window -t "$pane" -x 80 -y 24
wait_for "size 80x24"
wait_for "q quits; keys are echoed above"

T send-keys -t "$pane" q
wait_for "EXIT=0"
[ "$(alternate_screen)" = 0 ] || fail "the alternate screen is still on after q"
expect_absent "PlanTrack terminal check"
expect_sane_tty

# Suspend and resume around a child program (the dashboard's `e` for $EDITOR): the
# child gets the normal screen in cooked mode; afterwards the frame is painted whole.
start_shell child 80 24
terminal_check
T send-keys -t "$pane" e
wait_for "child: press Enter"
wait_for "child tty: icanon"
[ "$(alternate_screen)" = 0 ] || fail "the child runs on the alternate screen"
T send-keys -t "$pane" Enter
wait_for "key: resumed after child exit 0"
wait_for "PlanTrack terminal check"
wait_for "q quits; keys are echoed above"
[ "$(alternate_screen)" = 1 ] || fail "not back on the alternate screen after the child"
T send-keys -t "$pane" Down
wait_for "key: down"
# Ctrl-C in the child stops the child, not the dashboard.
T send-keys -t "$pane" e
wait_for "child: press Enter"
T send-keys -t "$pane" C-c
wait_for "key: resumed after child exit 130"
T send-keys -t "$pane" q
wait_for "EXIT=0"
