#!/usr/bin/env bash
# Dashboard benchmark (issue 4 item 8): time to first frame on REFACTOR_PLAN.md and on a
# generated 10 000-item plan, keypress-to-written-file latency, peak RSS. The binary
# runs in a private tmux server; it logs its own instants when PLANTRACK_BENCH_LOG is
# set (first frame as a wall-clock instant, each write as milliseconds after its key).
# Usage: scripts/bench-tui.sh [RUNS]   (PLANTRACK_BIN overrides the release build)
# Prints a markdown table; targets: ≤ 50 ms, ≤ 300 ms, ≤ 10 ms, ≤ 30 MB.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
if [ -z "${PLANTRACK_BIN:-}" ]; then
    swift build -c release --product plantrack >/dev/null
    PLANTRACK_BIN="$(swift build -c release --show-bin-path)/plantrack"
fi
# The dashboard runs in a temporary folder: a relative path would name nothing there.
PLANTRACK_BIN=$(realpath "$PLANTRACK_BIN")
bin=$PLANTRACK_BIN
work=$(mktemp -d)
socket="pt-bench-$$"
T() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'T kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

cp REFACTOR_PLAN.md "$work/seed.md"
python3 - "$work/big.md" <<'PY'
import sys
out = ["# Ten Thousand Items", "", "**Last Updated**: `{{TIMESTAMP}}`", "**Status**: `Not Started`", ""]
n = 0
for phase in range(20):
    out += [f"## Phase {phase}: Generated phase {phase}", ""]
    for top in range(1, 101):
        n += 1
        mark = "x" if n % 3 == 0 else " "
        out.append(f"- [{mark}] **TODO {phase}.{top}:** Deploy `stack-{phase}-{top}` and check **SSM** parameters for it.")
        for child in range(1, 5):
            n += 1
            out.append(f"    - [ ] **TODO {phase}.{top}.{child}:** Child task {child} of {phase}.{top}.")
    out.append("")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
assert n == 10000, n
PY

now_s() { date +%s.%N; }
log_value() { awk -v k="$1" '$1 == k { print $2 }' "$2" | tail -1; }

# first_frame PLAN: milliseconds from launching the process to its first painted frame.
first_frame() {
    local plan=$1 log="$work/log" started frame
    rm -f "$log"
    started=$(now_s)
    T new-session -d -s b -x 120 -y 40 "cd '$work' && PLANTRACK_BENCH_LOG='$log' LANG=C.UTF-8 TERM=xterm-256color exec '$bin' tui --plan '$plan'"
    for _ in $(seq 1 400); do [ -s "$log" ] && grep -q first_frame_epoch "$log" && break; sleep 0.01; done
    frame=$(log_value first_frame_epoch "$log")
    entry=$(log_value run_entry_epoch "$log")
    T send-keys -t b q; sleep 0.2; T kill-session -t b 2>/dev/null || true
    python3 -c "print(round(($frame - $started) * 1000, 1), round(($frame - $entry) * 1000, 1))"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
maxof() { sort -n | tail -1; }

version_times=$(for _ in $(seq "$runs"); do s=$(now_s); "$bin" --version >/dev/null; e=$(now_s); python3 -c "print(round(($e - $s) * 1000, 1))"; done)
seed_frames=$(for _ in $(seq "$runs"); do first_frame seed.md; done)
big_frames=$(for _ in $(seq "$runs"); do first_frame big.md; done)

# Key to file, and peak RSS: one session per plan, 2·RUNS toggles of the selected item.
session() {
    local plan=$1 log="$work/log-$1"
    rm -f "$log" "$work/pid"
    T new-session -d -s k -x 120 -y 40 "cd '$work' && echo \$\$ > pid && PLANTRACK_BENCH_LOG='$log' LANG=C.UTF-8 TERM=xterm-256color exec '$bin' tui --plan '$plan'"
    for _ in $(seq 1 400); do [ -s "$log" ] && break; sleep 0.01; done
    T send-keys -t k j
    for _ in $(seq 1 $((runs * 2))); do T send-keys -t k Space; sleep 0.15; done
    keys=$(awk '$1 == "key_to_write_ms" { print $2 }' "$log")
    rss=$(awk '/VmHWM/ { print $2 }' "/proc/$(cat "$work/pid")/status")
    T send-keys -t k q; sleep 0.2; T kill-session -t k 2>/dev/null || true
    echo "$keys" | median; echo "$keys" | maxof; echo "$(echo "$keys" | wc -l)"; echo $((rss / 1024))
}
mapfile -t seed_session < <(session seed.md)
mapfile -t big_session < <(session big.md)

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start of the table; binary: $bin"
echo
cat <<MD
| measure | plan | median | max | target |
| --- | --- | --- | --- | --- |
| first frame (tmux launch → frame painted), ms | REFACTOR_PLAN.md | $(echo "$seed_frames" | cut -d' ' -f1 | median) | $(echo "$seed_frames" | cut -d' ' -f1 | maxof) | ≤ 50 |
| first frame (command start → frame painted), ms | REFACTOR_PLAN.md | $(echo "$seed_frames" | cut -d' ' -f2 | median) | $(echo "$seed_frames" | cut -d' ' -f2 | maxof) | ≤ 50 |
| first frame (tmux launch → frame painted), ms | 10 000 items | $(echo "$big_frames" | cut -d' ' -f1 | median) | $(echo "$big_frames" | cut -d' ' -f1 | maxof) | ≤ 300 |
| first frame (command start → frame painted), ms | 10 000 items | $(echo "$big_frames" | cut -d' ' -f2 | median) | $(echo "$big_frames" | cut -d' ' -f2 | maxof) | ≤ 300 |
| process start alone (\`plantrack --version\`), ms | — | $(echo "$version_times" | median) | $(echo "$version_times" | maxof) | — |
| keypress → file written, ms (${seed_session[2]} toggles) | REFACTOR_PLAN.md | ${seed_session[0]} | ${seed_session[1]} | ≤ 10 |
| keypress → file written, ms (${big_session[2]} toggles) | 10 000 items | ${big_session[0]} | ${big_session[1]} | — |
| peak RSS (VmHWM), MB | REFACTOR_PLAN.md | ${seed_session[3]} | | ≤ 30 |
| peak RSS (VmHWM), MB | 10 000 items | ${big_session[3]} | | — |
MD
