#!/usr/bin/env bash
# The repository checks (issue 12 point 6): `text:` rules over 500 files / 50 MB, timed as a
# whole `plantrack verify` process beside `grep -r` of the same text over the same tree, best
# of 5 each. Run by `make bench`; PLANTRACK_BIN picks another build (the debug one, say).
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${PLANTRACK_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product plantrack >/dev/null
  bin="$(swift build -c release --show-bin-path)/plantrack"
fi
tree=$(mktemp -d); trap 'rm -rf "$tree"' EXIT
python3 - "$tree" <<'PY'
import os, sys
root = sys.argv[1]
line = b"    value := lookup(ctx, \"/listbackup/dev/dynamodb/table-name\") // ${ssm:/listbackup/dev/x}\n"
body = line * (100_000 // len(line) + 1)
for n in range(500):
    folder = os.path.join(root, "src", f"pkg{n // 50}", f"mod{n}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "main.go"), "wb") as f:
        f.write(body)
with open(os.path.join(root, "REFACTOR_PLAN.md"), "w") as f:
    f.write("# Plan\n\n- [ ] **TODO 1.1:** Replace the old lookups.\n- [ ] **TODO 1.2:** Keep the SSM names.\n")
with open(os.path.join(root, ".plantrack.yml"), "w") as f:
    f.write('checks:\n  "1.1":\n    text:\n      - {in: "src/**/*.go", absent: "${cf:"}\n'
            '  "1.2":\n    text:\n      - {in: "src/**/*.go", no_pattern: "^\\\\s*value := lookup\\\\(ctx, \\"/old/"}\n')
PY
echo "tree: 500 files, $(du -sm "$tree/src" | cut -f1) MB"
"$bin" verify --plan "$tree/REFACTOR_PLAN.md" --all >/dev/null || { echo "verify failed on the bench tree"; exit 1; }
python3 - "$bin" "$tree" <<'PY'
import subprocess, sys, time
bin, tree = sys.argv[1:]
def best(argv, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return min(times)
v = best([bin, "verify", "--plan", f"{tree}/REFACTOR_PLAN.md", "--all"])
g = best(["grep", "-rF", "${cf:", f"{tree}/src"])
print(f"plantrack verify, one absent: and one no_pattern: rule over the tree (best of 5): {v:.3f} s")
print(f"grep -rF '${{cf:' over the same tree (best of 5): {g:.3f} s")
PY
