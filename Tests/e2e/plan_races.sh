#!/usr/bin/env bash
# `plantrack mark` racing other writers (issue 10, points 7a and 7b): two mark loops on
# one plan keep every mark; marks racing an append loop (>>) and an editor-style
# in-place save loop (truncate, then write) lose neither the marks nor the other edits.
set -euo pipefail
bin=${PLANTRACK_BIN:?}
fail() { echo "plan_races: $*" >&2; exit 1; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"

make_plan() { # items
  { printf '# Race\n\n**Last Updated**: `{{TIMESTAMP}}`\n**Status**: `Not Started`\n\n## Phase 1: Work\n\n'
    for i in $(seq 1 "$1"); do printf -- '- [ ] **TODO 1.%d:** item %d\n' "$i" "$i"; done; } > plan.md
}
marks_loop() { # first last log
  for i in $(seq "$1" "$2"); do "$bin" mark "1.$i" done --plan plan.md >> "$3" 2>&1 || echo "FAILED 1.$i" >> "$3"; done
}
done_count() { grep -c '^- \[x\] \*\*TODO 1\.' plan.md || true; }

# 7a: two mark loops, 100 different items each.
make_plan 200
marks_loop 1 100 a.log & a=$!
marks_loop 101 200 b.log & b=$!
wait "$a" "$b"
! grep -q FAILED a.log b.log || fail "a mark failed: $(grep -h -A1 FAILED a.log b.log | head -4)"
[ "$(done_count)" -eq 200 ] || fail "two mark loops kept $(done_count) of 200"
[ "$(grep -c '^- \[' plan.md)" -eq 200 ] || fail "the plan lost items"

# 7b: marks racing appends (>>).
make_plan 100
( for i in $(seq 1 400); do echo "appended line $i" >> plan.md; sleep 0.02; done ) & appender=$!; pids+=("$appender")
marks_loop 1 100 c.log
wait "$appender"
! grep -q FAILED c.log || fail "a mark racing appends failed: $(grep -h -A1 FAILED c.log | head -4)"
[ "$(done_count)" -eq 100 ] || fail "marks racing appends kept $(done_count) of 100"
[ "$(grep -c '^appended line' plan.md)" -eq 400 ] || fail "appends racing marks kept $(grep -c '^appended line' plan.md) of 400"

# 7b: marks racing an in-place save (the editor truncates, then writes what it holds).
make_plan 100
cat > saver.py <<'PY'
import os, sys, time
end = time.time() + float(sys.argv[1])
saves = 0
while time.time() < end:
    with open("plan.md", "r+b") as f:
        data = f.read()
        f.seek(0)
        f.truncate()
        time.sleep(0.001)           # the moment a reader sees an empty or short file
        f.write(data[:len(data) // 2])
        f.flush()
        time.sleep(0.001)
        f.write(data[len(data) // 2:])
    saves += 1
    time.sleep(0.2)
print(saves)
PY
python3 saver.py 60 > saves.txt & saver=$!; pids+=("$saver")
marks_loop 1 100 d.log
kill "$saver" 2>/dev/null || true; wait "$saver" 2>/dev/null || true
! grep -q FAILED d.log || fail "a mark racing in-place saves failed: $(grep -h -A1 FAILED d.log | head -4)"
[ "$(done_count)" -eq 100 ] || fail "marks racing in-place saves kept $(done_count) of 100"
[ "$(grep -c '^- \[' plan.md)" -eq 100 ] || fail "in-place saves racing marks left $(grep -c '^- \[' plan.md) of 100 items"
head -1 plan.md | grep -q '^# Race$' || fail "the plan lost its head"
echo "plan_races: ok"
