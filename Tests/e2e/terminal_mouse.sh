#!/usr/bin/env bash
# Mouse only behind --mouse: without it the terminal is never asked for mouse
# reports (its own selection keeps working); with it, a click and the wheel arrive
# as events at the right cell.
source "$(dirname "$0")/lib.bash"

mouse_requested() { T display-message -p -t "$pane" '#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}'; }

start_shell plain 80 24
terminal_check
[ "$(mouse_requested)" = 000 ] || fail "mouse reporting is on without --mouse ($(mouse_requested))"
T send-keys -t "$pane" q
wait_for "EXIT=0"

start_shell mouse 80 24
run_in_pane "TERM=screen-256color '$bin' terminal-check --mouse"
wait_for "PlanTrack terminal check"
[ "$(mouse_requested)" != 000 ] || fail "--mouse did not turn mouse reporting on"
# X10 mouse reports (what TERM=screen's kmous describes): ESC [ M, 32+button, 33+column, 33+row.
T send-keys -t "$pane" -l $'\e[M +&'      # button 1 at column 10, row 5
wait_for "key: mouse press 5,10"
T send-keys -t "$pane" -l $'\e[M`!#'      # wheel up at column 0, row 2
wait_for "key: mouse wheelUp 2,0"
T send-keys -t "$pane" -l $'\e[Ma!#'      # wheel down
wait_for "key: mouse wheelDown 2,0"
# SGR (1006) reports, which --mouse asks for: columns past 223, where X10 runs out.
T send-keys -t "$pane" -l $'\e[<0;250;5M'  # button 1 at column 249, row 4
wait_for "key: mouse press 4,249"
T send-keys -t "$pane" q
wait_for "EXIT=0"
[ "$(mouse_requested)" = 000 ] || fail "mouse reporting left on after quitting"
