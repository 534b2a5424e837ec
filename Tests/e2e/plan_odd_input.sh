#!/usr/bin/env bash
# `plantrack mark/status/lint` on odd input (issue 10, points 5, 1, 7c, 7g, 7h): each case
# checks the exit code, the one sentence and the bytes on disk.
source "$(dirname "$0")/lib.bash"
cd "$work"

# 5: done on [X] is the same state: nothing written; a raw x is another character.
sed 's/^- \[ \] \*\*TODO 2.5:/- [X] **TODO 2.5:/' "$root/REFACTOR_PLAN.md" > plan.md; cp plan.md before.md
"$bin" mark 2.5 done --plan plan.md | grep -q "nothing was written" || fail "done on [X] said otherwise"
cmp -s plan.md before.md || fail "done on [X] wrote the file"
"$bin" mark 2.5 x --no-stamp --plan plan.md > /dev/null
grep -q '^- \[x\] \*\*TODO 2.5:' plan.md || fail "a raw x on [X] was not written"

# 1: an author's Status is kept; lint says it disagrees with the items.
sed 's/^\*\*Status\*\*: `Not Started`/**Status**: `Blocked — waiting on security sign-off (see #123)`/' "$root/REFACTOR_PLAN.md" > plan.md
"$bin" mark 2.5 done --plan plan.md > /dev/null
grep -q '^\*\*Status\*\*: `Blocked — waiting on security sign-off (see #123)`$' plan.md || fail "the author's Status was rewritten"
grep -q '^\*\*Last Updated\*\*: `20' plan.md || fail "Last Updated was not stamped"
set +e; "$bin" lint --plan plan.md > lint.txt; set -e
grep -q "plan.md:6: warning: Status says 'Blocked — waiting on security sign-off (see #123)'.*\[status-disagrees\]" lint.txt \
  || fail "lint did not say the Status disagrees: $(cat lint.txt)"

# 7c: a mark of one character but several code points is refused; nothing written.
cp "$root/REFACTOR_PLAN.md" plan.md
for mark in $'e\xcc\x81' '👍🏽' '🇺🇸'; do
  expect_exit 2 "code points" "$bin" mark 2.5 "$mark" --plan plan.md
  cmp -s plan.md "$root/REFACTOR_PLAN.md" || fail "the mark $mark changed the plan"
done
"$bin" mark 2.5 'é' --plan plan.md > /dev/null
grep -q '^- \[é\] \*\*TODO 2.5:' plan.md || fail "a one-code-point é was not written"

# 7g: status --json on a plan nested 10 000 deep (tabs keep the file at 25 MB).
python3 - <<'PY'
with open("deep.md", "w") as f:
    f.write("# Deep\n\n**Status**: `Not Started`\n\n## Phase 1: Down\n\n")
    for i in range(10000):
        f.write("\t" * (i // 2) + "  " * (i % 2) + "- [ ] **TODO 1.%d:** level\n" % i)
PY
"$bin" status --json --plan deep.md > deep.json 2> err.txt || fail "status --json on a deep plan: $(tail -c 300 err.txt)"
[ "$(grep -c '"state"' deep.json)" -eq 10000 ] || fail "the deep plan's JSON lacks items"
in_size=$(stat -c %s deep.md); out_size=$(stat -c %s deep.json)
[ "$out_size" -lt $((10000 * 1000)) ] && [ "$out_size" -lt "$in_size" ] || fail "deep JSON is $out_size bytes for $in_size of input"
"$bin" status --json --plan deep.md | tail -c 2 | grep -q '}' || fail "deep JSON is not whole"

# 7h: a 250-byte file name can be marked.
long=$(printf 'p%.0s' $(seq 1 247)).md
cp "$root/REFACTOR_PLAN.md" "$long"
"$bin" mark 2.5 done --plan "$long" > /dev/null || fail "a 250-byte file name could not be marked"
grep -q '^- \[x\] \*\*TODO 2.5:' "$long" || fail "the long-named plan was not marked"
# A device is not a plan; a plan too large says the limit.
expect_exit 3 "/dev/zero is not a regular file; a plan must be a regular file" timeout 10 "$bin" status --plan /dev/zero
truncate -s 300M huge.md
expect_exit 3 "huge.md is 300 MiB; PlanTrack reads plans up to 256 MiB" timeout 10 "$bin" status --plan huge.md
rm huge.md
# --plan - : read-only commands read standard input; mark needs a file.
"$bin" status --json --plan - < "$root/REFACTOR_PLAN.md" > stdin.json
python3 -c "import json; s = json.load(open('stdin.json')); assert s['plan'] == '-' and s['counts']['total'] == 27, s['counts']" \
  || fail "status --plan - did not read standard input"
set +e; "$bin" lint --plan - < "$root/REFACTOR_PLAN.md" > lint.txt 2> err.txt; code=$?; set -e
grep -q "^-:" lint.txt || [ "$code" -eq 0 ] || fail "lint --plan -: $code $(cat err.txt)"
expect_exit 2 "mark writes the plan back, so it needs a file" "$bin" mark 2.5 done --plan -
# A UTF-16 plan is named as UTF-16.
python3 -c "open('u16.md','wb').write(open('$root/REFACTOR_PLAN.md', encoding='utf-8').read().encode('utf-16'))"
expect_exit 2 "u16.md, line 1: it is UTF-16 (little-endian) text; a plan must be UTF-8" "$bin" status --plan u16.md
# The status table aligns CJK and emoji titles by display width.
printf '# 計画\n\n## Phase 1: 日本語のフェーズ\n\n- [x] a\n\n## Phase 2: Rockets 🚀 and more\n\n- [ ] b\n\n## Phase 3: Plain\n\n- [ ] c\n' > wide.md
LANG=C.UTF-8 "$bin" status --plan wide.md > table.txt
python3 - <<'PY' || fail "the status table is not aligned: $(cat table.txt)"
import unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
rows = [l for l in open("table.txt", encoding="utf-8").read().splitlines() if (l[:1] and l[:1] in "123") or "All tasks" in l]
assert len(rows) == 4, rows
columns = {width(r[:r.index("%")]) for r in rows}
assert len(columns) == 1, [(width(r[:r.index("%")]), r) for r in rows]
PY
echo "plan_odd_input: ok"
