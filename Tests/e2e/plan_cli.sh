#!/usr/bin/env bash
# status / mark / lint of the built binary, as CONTRACT §1-5 promise them: the JSON, the
# exact bytes written, the exit codes and their one-sentence messages.
source "$(dirname "$0")/lib.bash"
cd "$work"
cp "$seed" REFACTOR_PLAN.md

# status --json matches CONTRACT §5 on the seed plan.
"$bin" status --json > status.json
python3 - <<'PY' || fail "status --json"
import json
s = json.load(open("status.json"))
assert s["plan"] == "REFACTOR_PLAN.md", s["plan"]
assert s["title"] == "Backend Refactoring Plan"
assert s["lastUpdated"] == "{{TIMESTAMP}}" and s["status"] == "Not Started"
assert s["counts"] == {"total": 27, "todo": 18, "done": 7, "progress": 0, "aborted": 2, "cancelled": 0, "other": 0}, s["counts"]
assert [p["number"] for p in s["phases"]] == ["0", "1", "2", "3", "4"]
p0 = s["phases"][0]
assert p0["title"] == "Investigation and Planning" and p0["line"] == 21
assert p0["counts"]["total"] == 7 and p0["counts"]["aborted"] == 2
first = p0["items"][0]
assert first == {"id": "0.1", "line": 23, "mark": "x", "state": "done",
                 "text": "**TODO 0.1: Create Planning Document**: Create this `REFACTOR_PLAN.md` file.", "children": []}, first
assert len(p0["items"][1]["children"]) == 4 and p0["items"][1]["children"][0]["id"] is None
p3 = s["phases"][3]
assert [i["id"] for i in p3["items"][1]["children"]] == ["3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5"]
p2 = s["phases"][2]
assert p2["items"][4]["id"] == "2.5" and p2["items"][4]["line"] == 48
PY

# The readable table names every phase and the totals.
"$bin" status > status.txt
grep -q "Investigation and Planning" status.txt || fail "status table lacks phase 0"
grep -q "All tasks" status.txt || fail "status table lacks the totals"

# mark 2.5 done changes exactly the mark and the two metadata values.
cp REFACTOR_PLAN.md before.md
"$bin" mark 2.5 done > mark.txt
python3 - <<'PY' || fail "mark 2.5 done changed more than it should"
import re
before = open("before.md", "rb").read()
after = open("REFACTOR_PLAN.md", "rb").read()
stamp = re.search(rb"\*\*Last Updated\*\*: `([^`]*)`", after).group(1).decode()
assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp), stamp
expected = before.replace(b"- [ ] **TODO 2.5:**", b"- [x] **TODO 2.5:**") \
                 .replace(b"`{{TIMESTAMP}}`", b"`" + stamp.encode() + b"`") \
                 .replace(b"**Status**: `Not Started`", b"**Status**: `In Progress`")
assert after == expected
PY
# The same mark again writes nothing.
cp REFACTOR_PLAN.md again.md
"$bin" mark 2.5 done | grep -q "nothing was written" || fail "no-op mark said something else"
cmp -s REFACTOR_PLAN.md again.md || fail "no-op mark changed the file"
# --no-stamp touches the mark only; L<line> names an item without an id.
"$bin" mark L25 x --no-stamp >/dev/null
cp again.md expect.md
python3 -c "
b = bytearray(open('expect.md','rb').read())
i = b.index(b'    - [ ] List Cognito User Pools')
b[i + 7] = ord('x'); open('expect.md','wb').write(b)"
cmp -s REFACTOR_PLAN.md expect.md || fail "mark L25 x --no-stamp"

# Exit codes and one sentence on stderr (CONTRACT §2).
cp REFACTOR_PLAN.md keep.md
expect_exit 2 "has no task item 9.9" "$bin" mark 9.9 done
expect_exit 2 "'finished' is not a state" "$bin" mark 2.5 finished
expect_exit 2 "is not an item reference" "$bin" mark two done
expect_exit 3 "missing.md: no such plan file" "$bin" status --plan missing.md
mkdir adir; expect_exit 3 "adir is a directory" "$bin" status --plan adir
printf -- '- [ ] a\n\0\n' > binary.md; expect_exit 2 "binary.md, line 2" "$bin" status --plan binary.md
printf -- '- [ ] a\n\xff\n' > latin.md; expect_exit 2 "not valid UTF-8" "$bin" mark 1 done --plan latin.md
expect_exit 2 "Unknown option\|unknown option\|Error" "$bin" status --bogus
cmp -s REFACTOR_PLAN.md keep.md || fail "a failed command changed the plan"
chmod 444 REFACTOR_PLAN.md; chmod 555 .
if [ "$(id -u)" -ne 0 ]; then expect_exit 3 "is read-only; nothing written" "$bin" mark 4.1 done; fi
chmod 755 .; chmod 644 REFACTOR_PLAN.md

# lint: the seed has warnings but no error; duplicate ids and a done parent with open children are errors.
"$bin" lint > lint.txt || fail "lint on the seed exited non-zero: $(cat lint.txt)"
grep -q "status-stale" lint.txt && fail "mark stamped Status, yet lint calls it stale"
grep -q "REFACTOR_PLAN.md:24: warning:.*aborted but has 3 open sub-tasks (lines 26, 27, 28)" lint.txt || fail "lint misses 0.2's open children: $(cat lint.txt)"
cat > bad.md <<'MD'
# Plan
**Last Updated**: `{{TIMESTAMP}}`
**Status**: `In Progress`
## Phase 1: Bad
- [x] **TODO 1.2:** done parent
  - [ ] open child
- [ ] **TODO 1.1:** out of order
- [ ] **TODO 1.1:** duplicate
- [ x] not a task
MD
set +e; "$bin" lint --plan bad.md --json > lint.json; code=$?; set -e
[ "$code" -eq 1 ] || fail "lint with errors exited $code"
python3 - <<'PY' || fail "lint --json findings"
import json
l = json.load(open("lint.json"))
rules = {(f["line"], f["rule"]) for f in l["findings"]}
for want in [(5, "done-parent-open-children"), (7, "id-out-of-order"), (8, "duplicate-id"), (9, "not-a-task"), (2, "never-stamped")]:
    assert want in rules, (want, rules)
assert l["errors"] == 2, l
PY
echo "plan_cli: ok"
