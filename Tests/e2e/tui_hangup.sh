#!/usr/bin/env bash
# Issue 10 points 7 and 18 end to end: behind "Terminal too small" space writes nothing
# and q still quits; a dashboard whose terminal closes (the tmux server killed) is gone
# within a second with the plan unchanged — also when started with hang-up ignored
# (nohup, or `su`, where no SIGHUP comes and only the dead tty says so).
source "$(dirname "$0")/lib.bash"
cp "$seed" "$work/plan.md"
cp "$seed" "$work/original.md"

# ---- the too-small screen: only q, Ctrl-C and a resize act
start_dashboard 80 24
T resize-window -t dash -x 30 -y 8
wait_for "Terminal too small"
keys Space
sleep 0.5
cmp -s "$work/plan.md" "$work/original.md" || fail "space behind the too-small screen wrote the plan"
keys q
wait_for "EXIT=0"
stop_dashboard

# dashboard_in_session PREFIX: the dashboard in tmux, PREFIX run by its shell first; its
# pid (exec keeps it) in $work/pid.
dashboard_in_session() {
    pane=dash
    rm -f "$work/pid"
    T new-session -d -s dash -x 100 -y 30 \
        "cd '$work' && $1 echo \$\$ > pid && exec env -u AWS_ACCESS_KEY_ID -u AWS_SECRET_ACCESS_KEY LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color '$bin' tui --plan plan.md"
    wait_for "Phases"
    pid=$(cat "$work/pid")
}

# gone: the process has ended (a zombie its vanished parent has not reaped counts).
gone() { ! kill -0 "$pid" 2>/dev/null || grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null; }

# hang_up WHAT: kills the tmux server (the terminal closes); the process ends within 1 s.
hang_up() {
    T kill-server
    pane=""
    poll 1 "$1: the dashboard still runs 1 s after its terminal closed" gone
    cmp -s "$work/plan.md" "$work/original.md" || fail "$1: the plan changed on hang-up"
}

dashboard_in_session ""
hang_up "SIGHUP"

# Hang-up ignored: the closed terminal must end it, never a spin on EOF/EIO.
dashboard_in_session "trap '' HUP;"
hang_up "HUP ignored"
echo "ok tui_hangup"
