#!/usr/bin/env bash
# The history benchmark (issue 14): a repository of 1 000 commits of a 30 KB plan, each
# commit changing one mark, made at once with git fast-import; then `plantrack history --json`
# (release) timed beside `git log -p --follow` of the same file, best of 5 each.
set -euo pipefail
bin=${PLANTRACK_BIN:-}  # another build to measure (the static one make install builds, say)
if [ -n "$bin" ]; then bin=$(realpath "$bin"); fi  # the timing runs inside the bench repository
cd "$(dirname "$0")/.."
if [ -z "$bin" ]; then
  swift build -c release --product plantrack >/dev/null
  bin="$(swift build -c release --show-bin-path)/plantrack"
fi
out=bench-out/history; rm -rf "$out"; mkdir -p "$out/repo"
python3 scripts/gen-plan.py 30e3 "$out/plan.md"
commits=${HISTORY_COMMITS:-1000}
python3 - "$out/plan.md" "$commits" > "$out/stream" <<'PY'
import re, sys
plan = open(sys.argv[1], encoding="utf-8").read(); commits = int(sys.argv[2])
marks = [m.start() + m.group(0).index("[") + 1 for m in re.finditer(r"(?m)^ *- \[[ x]\] ", plan)]
out = sys.stdout.buffer
when = 1_790_000_000
for n in range(commits):
    if n:  # close or reopen one item a commit, round the plan
        at = marks[n % len(marks)]
        plan = plan[:at] + ("x" if plan[at] == " " else " ") + plan[at + 1:]
    data = plan.encode()
    message = f"commit {n}".encode()
    out.write(b"commit refs/heads/main\n")
    out.write(f"author Bench <bench@example.com> {when + n * 3600} +0000\n".encode())
    out.write(f"committer Bench <bench@example.com> {when + n * 3600} +0000\n".encode())
    out.write(b"data %d\n%s\n" % (len(message), message))
    out.write(b"M 100644 inline REFACTOR_PLAN.md\ndata %d\n%s\n" % (len(data), data))
PY
git -C "$out/repo" init -q -b main
git -C "$out/repo" fast-import --quiet < "$out/stream"
git -C "$out/repo" checkout -q main
size=$(wc -c < "$out/repo/REFACTOR_PLAN.md")
python3 - "$bin" "$out/repo" "$size" "$commits" <<'PY'
import json, subprocess, sys, time
bin, repo, size, commits = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def best(command):
    best = 1e9
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run(command, cwd=repo, stdout=subprocess.DEVNULL, check=True)
        best = min(best, time.perf_counter() - t)
    return best
points = len(json.loads(subprocess.run([bin, "history", "--json"], cwd=repo, capture_output=True, check=True).stdout)["points"])
assert points == commits, points
h = best([bin, "history", "--json"])
g = best(["git", "log", "-p", "--follow", "--", "REFACTOR_PLAN.md"])
t = best([bin, "history"])
print(f"history: {commits} commits of a {size / 1000:.0f} KB plan")
print(f"plantrack history --json (whole process, best of 5): {h * 1000:.0f} ms  (target <= 1000 ms)")
print(f"plantrack history, text chart (best of 5):          {t * 1000:.0f} ms")
print(f"git log -p --follow -- REFACTOR_PLAN.md (best of 5): {g * 1000:.0f} ms")
print(f"plantrack history --json takes {h / g:.2f}x git log -p's time")
PY
