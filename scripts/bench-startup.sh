#!/usr/bin/env bash
# Usage: scripts/bench-startup.sh [PLANTRACK_BINARY] [PLAN]   (default: $PLANTRACK_BIN)
# Whole-process cost of `plantrack status` on the seed plan beside `cmark-gfm` on the same
# file: CPU time (user + system) and peak RSS of the child, median of 20 runs each.
# Peak RSS is /usr/bin/time -v's "Maximum resident set size"; CPU is the child's rusage read
# directly with wait4, in microseconds, because time -v prints CPU to 10 ms only (and
# timing through it would add time's own start-up).
# Then the dashboard's peak RSS on the same plan: the binary in a private tmux server,
# VmHWM from /proc/PID/status read after the first frame and a few keys, before quitting;
# median of 5 sessions. Targets (issue 13): ≤ 8 ms, ≤ 22 MB; dashboard ≤ 30 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-${PLANTRACK_BIN:?give the binary as the first argument or in PLANTRACK_BIN}}")
plan=${2:-REFACTOR_PLAN.md}
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; binary: $bin"
python3 - "$bin" "$plan" <<'PY'
import os, statistics, subprocess, sys
binary, plan = sys.argv[1], sys.argv[2]
RUNS = 20

def measure(argv):
    cpu, rss = [], []
    for _ in range(RUNS):
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, argv
        cpu.append((usage.ru_utime + usage.ru_stime) * 1000)
        report = subprocess.run(["/usr/bin/time", "-v"] + argv, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, check=True).stderr
        kb = next(l for l in report.splitlines() if "Maximum resident set size" in l).split()[-1]
        rss.append(int(kb) / 1024)
    return statistics.median(cpu), statistics.median(rss)

for label, argv in (("plantrack status", [binary, "status", "--plan", plan]),
                    ("cmark-gfm -e tasklist", ["cmark-gfm", "-e", "tasklist", plan])):
    cpu, rss = measure(argv)
    print(f"{label + ':':23} CPU {cpu:5.1f} ms, peak RSS {rss:5.1f} MB (median of {RUNS})")
PY

# The dashboard, in a folder of its own holding only a copy of the plan (no config, so
# nothing is probed: the figure is the dashboard's, not the AWS layer's).
work=$(mktemp -d)
socket="pt-startup-$$"
T() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
cp "$plan" "$work/plan.md"
peaks=()
for _ in 1 2 3 4 5; do
    rm -f "$work/pid" "$work/log"
    T new-session -d -s d -x 120 -y 40 \
        "cd '$work' && echo \$\$ > pid && PLANTRACK_BENCH_LOG='$work/log' LANG=C.UTF-8 TERM=xterm-256color exec '$bin' tui --plan plan.md"
    for _ in $(seq 1 500); do [ -s "$work/log" ] && grep -q first_frame_epoch "$work/log" && break; sleep 0.01; done
    grep -q first_frame_epoch "$work/log" || { echo "the dashboard painted no frame in 5 s" >&2; exit 1; }
    # Walk the outline, open a phase, change panes: what a first look at the plan does.
    for key in j j Enter Tab j BTab G g; do T send-keys -t d "$key"; sleep 0.05; done
    sleep 0.2
    peaks+=("$(awk '/VmHWM/ { print $2 }' "/proc/$(cat "$work/pid")/status")")
    T send-keys -t d q; sleep 0.2; T kill-session -t d 2>/dev/null || true
done
median_kb=$(printf '%s\n' "${peaks[@]}" | sort -n | sed -n 3p)
python3 -c "print(f\"{'plantrack (dashboard):':23} peak RSS {$median_kb / 1024:5.1f} MB (VmHWM, median of 5 sessions)\")"
