#!/usr/bin/env bash
# The dashboard's fluency and history in a real terminal (issue 10 points 16, 20-22, issue 14
# point 3): the help scrolls at 60×15, y copies through OSC 52 into tmux's buffer, the theme
# chosen with t is remembered in XDG state, the plan path is shown relative, and a plan in
# git gets a sparkline, a history view and "closed … by …" in Detail.
source "$(dirname "$0")/lib.bash"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_CEILING_DIRECTORIES="$work"
export GIT_COMMITTER_NAME=Committer GIT_COMMITTER_EMAIL=c@example.com GIT_AUTHOR_EMAIL=a@example.com
cd "$work"
git init -q -b main
commit() { # commit AUTHOR DATE
    git add plan.md
    GIT_AUTHOR_NAME="$1" GIT_AUTHOR_DATE="$2T10:00:00Z" GIT_COMMITTER_DATE="$2T10:00:00Z" git commit -q -m "plan"
}
sed 's/- \[x\] \*\*TODO 0.1:/- [ ] **TODO 0.1:/' "$seed" > plan.md
commit bob 2026-10-05
cp "$seed" plan.md
commit ann 2026-11-20

# The path as typed (absolute, with a ./) is shown relative to the working folder.
TUI_ARGS="--plan $work/./plan.md" start_dashboard 100 30
wait_for "closed by week"                               # the sparkline, once git was read
wait_for "closed 2026-11-20 by ann, commit"             # Detail of TODO 0.1
keys H
wait_for "Burn-up by week"
wait_for "ann ("
keys q
wait_gone "Burn-up by week"

# y: the reference reaches the clipboard (tmux keeps OSC 52 in its buffer) and is said.
T set-option -s set-clipboard on
keys y
wait_for "Copied “TODO 0.1” to the clipboard"
[ "$(T show-buffer 2>/dev/null)" = "TODO 0.1" ] || fail "tmux's buffer holds '$(T show-buffer 2>/dev/null)', not TODO 0.1"

# A write names the plan relative to the working folder.
keys p
wait_for "TODO 0.1 is now in progress; written to plan.md."

# t is remembered in $XDG_STATE_HOME, not in the repository.
keys t
wait_for "Theme: light."
[ "$(cat "$XDG_STATE_HOME/plantrack/theme")" = light ] || fail "the theme was not remembered"
# (lib.bash points XDG_STATE_HOME at $work/state, which this script's repository holds.)
[ -z "$(git status --porcelain --untracked-files=all | grep -v -e ' plan.md$' -e '^?? state/' || true)" ] \
    || fail "the repository got a new file: $(git status --porcelain --untracked-files=all)"
keys q
wait_for "EXIT=0"
stop_dashboard

# The help at 60×15: bordered, scrolled to the mouse rows with j.
start_dashboard 60 15
keys ?
wait_for "┌─ Keys"
expect_absent "mouse wheel"
keys $(printf "j %.0s" {1..45})  # more than the help's rows: it stops at the last
wait_for "mouse wheel"
wait_for "┘"
keys x
wait_gone "┌─ Keys"
keys q
wait_for "EXIT=0"
stop_dashboard

# Grapheme clusters reach the glass as the canvas counted them: a flag, a joined emoji and a
# zero-width space never as U+FFFD, and the text after them where it belongs.
printf '# Emoji Plan\n\n## Phase 1: Odd text\n\n- [ ] **TODO 1.1:** ship \xf0\x9f\x87\xba\xf0\x9f\x87\xb8 to \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 zero\xe2\x80\x8bwidth END\n- [ ] **TODO 1.2:** %s\n' \
    "$(printf 'a very long item text %.0s' 1 2 3 4 5 6 7 8)" > plan.md
start_dashboard 100 24
wait_for "ship 🇺🇸 to 👨"
wait_for "zerowidth END"
expect_absent "�"
keys q
wait_for "EXIT=0"
stop_dashboard

# The C locale: a cut title ends in "...", not in a '?' for the "…" it cannot show.
start_dashboard 60 15 LANG=C LC_ALL=C
wait_for_regex "1\\.2 a very long item text.*\\.\\.\\.\$"
keys q
wait_for "EXIT=0"
