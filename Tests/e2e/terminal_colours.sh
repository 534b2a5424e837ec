#!/usr/bin/env bash
# Colour on the glass, read back with `tmux capture-pane -e`: a 256-colour TERM gets
# the theme's 24-bit colours as their nearest of 256, an 8-colour TERM the nearest
# ANSI colour, and NO_COLOR no colour at all (attributes only).
source "$(dirname "$0")/lib.bash"

# run_check NAME COMMAND-PREFIX MODE: starts terminal-check with the solarized theme,
# waits for its frame and leaves the colour parameters of the screen in $colours.
run_check() {
    start_shell "$1" 80 24
    run_in_pane "$2 '$bin' terminal-check --theme solarized-dark"
    wait_for "colours $3"
    wait_for "q quits"
    colours=$(screen_escapes | colour_parameters)
    selected_row=$(screen_escapes | sed -n 7p)
    T send-keys -t "$pane" q
    wait_for "EXIT=0"
}

# 256 colours: solarized base03 #002b36 → 234, yellow title #b58900 → 136, red #dc322f → 166.
run_check c256 "TERM=screen-256color" indexed256
for want in "48;5;234" "38;5;136" "38;5;166"; do
    [[ " $colours " == *" $want "* ]] || fail "256 colours: expected $want among: $colours"
done

# tmux-256color reaches the same colours.
run_check ctmux "TERM=tmux-256color" indexed256
[[ " $colours " == *" 48;5;234 "* ]] || fail "tmux-256color: expected 48;5;234 among: $colours"

# 8 colours: base03 → black background (40), the red → 31, the title's yellow → 33; no 256-colour codes.
run_check c8 "TERM=screen" ansi8
for want in 40 31 33; do
    [[ " $colours " == *" $want "* ]] || fail "8 colours: expected $want among: $colours"
done
[[ "$colours" != *"5;"* ]] || fail "8 colours: 256-colour codes leaked: $colours"

# True colour: a direct-colour terminfo entry plus COLORTERM=truecolor gets the 24-bit values.
run_check ctrue "TERM=tmux-direct COLORTERM=truecolor" trueColor
for want in "48;2;0;43;54" "38;2;181;137;0"; do
    [[ " $colours " == *" $want "* ]] || fail "true colour: expected $want among: $colours"
done
# Without COLORTERM the same terminal is driven as 256 colours.
run_check cdirect "TERM=tmux-direct" indexed256

# NO_COLOR: not a single colour parameter; the selection is still visible (reverse).
run_check nocolour "NO_COLOR=1 TERM=screen-256color" none
[ -z "$colours" ] || fail "NO_COLOR: colour codes on screen: $colours"
grep -qE $'\e\\[([0-9]+;)*7(;[0-9]+)*m selected row' <<<"$selected_row" \
    || fail "NO_COLOR: the selected row is not in reverse video: $(cat -v <<<"$selected_row")"
