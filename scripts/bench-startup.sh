#!/usr/bin/env bash
# Usage: scripts/bench-startup.sh PLANTRACK_BINARY [PLAN]
# Whole-process cost of `plantrack status` on the seed plan beside `cmark-gfm` on the same
# file: CPU time (user + system) and peak RSS of the child, median of 20 runs each.
# Peak RSS is /usr/bin/time -v's "Maximum resident set size"; CPU is the child's rusage read
# directly with wait4, in microseconds, because time -v prints CPU to 10 ms only (and
# timing through it would add time's own start-up).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - "$1" "${2:-REFACTOR_PLAN.md}" <<'PY'
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
