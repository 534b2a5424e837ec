#!/usr/bin/env bash
# A writer killed at any moment leaves the old plan or the new one, never a mix:
# `plantrack mark` on a large plan is SIGKILLed at random points of its run.
source "$(dirname "$0")/lib.bash"
python3 "$root/scripts/gen-plan.py" 8e6 "$work/REFACTOR_PLAN.md"
cp "$work/REFACTOR_PLAN.md" "$work/original.md"
# How long one whole mark takes here, to spread the kills across it.
start=$(date +%s%N); "$bin" mark 0.1 todo --plan "$work/REFACTOR_PLAN.md" >/dev/null; "$bin" mark 0.1 done --plan "$work/REFACTOR_PLAN.md" >/dev/null
span=$(( ($(date +%s%N) - start) / 2000000 ))
cp "$work/original.md" "$work/REFACTOR_PLAN.md"
killed=0
for i in $(seq 1 10); do
  state=$([ $((i % 2)) -eq 0 ] && echo todo || echo done)
  "$bin" mark 0.2 "$state" --plan "$work/REFACTOR_PLAN.md" >/dev/null 2>&1 &
  pid=$!
  sleep "$(python3 -c "import random; print(random.uniform(0, $span / 1000 * 1.1))")"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1)) || true
  wait "$pid" 2>/dev/null || true
  python3 - "$work/original.md" "$work/REFACTOR_PLAN.md" <<'PY' || { echo "crash_safety: the plan is neither old nor new after kill $i" >&2; exit 1; }
import re, sys
old, now = open(sys.argv[1], "rb").read(), open(sys.argv[2], "rb").read()
# Normalise the only bytes a mark may change: 0.2's mark, the stamp and Status.
def norm(b):
    b = re.sub(rb"(- \[).(\] \*\*TODO 0\.2:)", rb"\1?\2", b, count=1)
    b = re.sub(rb"(\*\*Last Updated\*\*: `)[^`]*`", rb"\1T`", b, count=1)
    return re.sub(rb"(\*\*Status\*\*: `)[^`]*`", rb"\1S`", b, count=1)
assert len(now) >= len(old) - 20 and norm(now) == norm(old)
PY
done
echo "crash_safety: ok ($killed of 10 writers killed mid-run)"
