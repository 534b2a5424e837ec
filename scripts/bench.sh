#!/usr/bin/env bash
# `make bench`: the figures docs/benchmarks.md keeps. Builds release and measures, in one run:
# parse throughput of plantrack beside cmark-gfm on the same 10 MB plan, and one `mark` on a
# 1 MB plan. Then the benchmarks of the other parts, where present.
set -euo pipefail
cd "$(dirname "$0")/.."
# The binary make install installs (the Swift runtime linked in), built once: every
# benchmark below measures it (PLANTRACK_BIN).
make --no-print-directory release >/dev/null
bin="$(swift build -c release --show-bin-path)/plantrack"
export PLANTRACK_BIN="$bin"
out=bench-out; mkdir -p "$out"
python3 scripts/gen-plan.py 10e6 "$out/plan-10mb.md"
python3 scripts/gen-plan.py 1e6 "$out/plan-1mb.md"
size=$(wc -c < "$out/plan-10mb.md")

best() { # best wall time in seconds of 5 runs of a command
  python3 - "$@" <<'PY'
import subprocess, sys, time
best = 1e9
for _ in range(5):
    t = time.perf_counter()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
    best = min(best, time.perf_counter() - t)
print(f"{best:.4f}")
PY
}

echo "plan: $out/plan-10mb.md ($size bytes, $(grep -c '^ *- \[' "$out/plan-10mb.md") task lines)"
inproc=$("$bin" bench-parse "$out/plan-10mb.md" --repeat 10)
echo "plantrack scanner, in process (best of 10): $inproc"
t_status=$(best "$bin" status --plan "$out/plan-10mb.md")
t_cmark=$(best cmark-gfm -e tasklist "$out/plan-10mb.md")
t_cmark_xml=$(best cmark-gfm -e tasklist -t xml --sourcepos "$out/plan-10mb.md")
python3 - "$size" "$t_status" "$t_cmark" "$t_cmark_xml" <<'PY'
import sys
size, s, c, x = int(sys.argv[1]), *map(float, sys.argv[2:])
mb = size / 1e6
print(f"plantrack status (whole process): {s*1000:.1f} ms = {mb/s:.0f} MB/s")
print(f"cmark-gfm -e tasklist (html):     {c*1000:.1f} ms = {mb/c:.0f} MB/s")
print(f"cmark-gfm -e tasklist -t xml:     {x*1000:.1f} ms = {mb/x:.0f} MB/s")
print(f"plantrack status is {c/s:.1f}x cmark-gfm's speed")
PY

# One mark on a 1 MB plan: in process (what the dashboard pays per keypress) and as a
# whole `plantrack mark` process, best of 20 (the file is toggled back between runs).
item1=$(grep -m1 -o 'TODO [0-9.]*' "$out/plan-1mb.md" | cut -d' ' -f2)
"$bin" bench-parse "$out/plan-1mb.md" --repeat 10 --mark "$item1"
python3 - "$bin" "$out/plan-1mb.md" <<'PY'
import subprocess, sys, time
bin, plan = sys.argv[1], sys.argv[2]
item = next(l for l in open(plan) if l.startswith("- [ ] **TODO")).split("TODO ")[1].split(":")[0]
best = 1e9
for i in range(10):
    for state in ("done", "todo"):
        t = time.perf_counter()
        subprocess.run([bin, "mark", item, state, "--plan", plan], stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - t)
print(f"plantrack mark {item} on a 1 MB plan (whole process, best of 20): {best*1000:.1f} ms")
PY

echo; scripts/bench-startup.sh "$bin"

for extra in scripts/bench-discovery.sh scripts/bench-probe.sh scripts/bench-matrix.sh scripts/bench-tui.sh scripts/bench-tui-wrap.sh scripts/bench-history.sh scripts/bench-repo.sh; do
  if [ -x "$extra" ]; then echo; "$extra"; fi
done
