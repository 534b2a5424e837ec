#!/usr/bin/env bash
# The demo's verdict table (issue 12 point 5): `verify --all` on the sample project, seeded as
# `make demo` seeds it, leaves at most one item unchecked outside the aborted tasks, and every
# item's verdict is the one README's demo section gives it (the table is read from README, so
# the two cannot part).
source "$(dirname "$0")/lib.bash"
sample_on_moto dev --skip infra/s3 --delete services/auth --drop-parameter /listbackup/dev/cognito/user-pool-arn

set +e
"$bin" verify --plan "$project/REFACTOR_PLAN.md" --endpoint-url "$MOTO_URL" --all --json >"$work/verify.json"; code=$?
set -e
[ "$code" -le 1 ] || fail "verify exited $code"
python3 - "$work/verify.json" "$root/README.md" <<'PY' || fail "the demo's verdict table is not as README says: $(cat "$work/verify.json")"
import json, re, sys
d = json.load(open(sys.argv[1]))
items = {i["id"] or "L%d" % i["line"]: i for i in d["items"]}

# README's demo table: "| item | verdict | why |" rows up to the next blank line.
readme = open(sys.argv[2], encoding="utf-8").read()
table = readme[readme.index("| item | verdict | why |"):].split("\n\n")[0].splitlines()[2:]
def expand(cell):
    """'0.2, 0.3' / '2.1–2.4' / 'L25–L28' / 'L55' -> the references they name."""
    names = []
    for part in (p.strip() for p in cell.split(",")):
        if "–" not in part:
            names.append(part); continue
        first, last = part.split("–")
        if first.startswith("L"):
            names += ["L%d" % n for n in range(int(first[1:]), int(last[1:]) + 1)]
        else:
            stem, low = first.rsplit(".", 1)
            high = last.rsplit(".", 1)[1]
            names += ["%s.%d" % (stem, n) for n in range(int(low), int(high) + 1)]
    return names
expected = {}
for row in table:
    cells = [c.strip() for c in row.strip("|").split("|")]
    for name in expand(cells[0]):
        expected[name] = cells[1]

assert set(expected) == set(items), ("README lists", sorted(set(expected) - set(items)),
                                      "verify lists", sorted(set(items) - set(expected)))
wrong = {k: (items[k]["verdict"], v) for k, v in expected.items() if items[k]["verdict"] != v}
assert not wrong, ("verify says, README says", wrong)

unchecked = [k for k, i in items.items() if i["verdict"] == "unchecked" and i["state"] not in ("aborted", "cancelled")]
assert len(unchecked) <= 1, unchecked
# The steps of the aborted TODO 0.2 are skipped with it, and say so.
for step in ("L25", "L26", "L27", "L28"):
    assert items[step]["state"] == "todo" and items[step].get("setAsideBy") == "0.2", items[step]
kinds = {e["kind"] for e in items["3.2.3"]["evidence"]}
assert kinds == {"text"}, kinds
assert any(e["kind"] == "yaml" for e in items["3.2.1"]["evidence"])
PY
echo "demo_verdicts: ok"
