#!/usr/bin/env bash
# plantrack report --html --stages against moto: the page holds each item's verdict per
# stage, judged as verify judges it, and says why there is no burn-up outside git.
source "$(dirname "$0")/lib.bash"
cd "$root"
sample_on_moto dev --only infra
export GIT_CEILING_DIRECTORIES="$work"
"$bin" verify --plan "$project/REFACTOR_PLAN.md" --endpoint-url "$MOTO_URL" --stage dev --json > "$SCRATCH/verify.json" \
  || fail "verify exited $?"
"$bin" report --plan "$project/REFACTOR_PLAN.md" --endpoint-url "$MOTO_URL" --stages dev,prod \
  --html "$SCRATCH/report.html" || fail "report exited $?"
python3 - "$SCRATCH/report.html" "$SCRATCH/verify.json" <<'PY' || fail "the verdicts in the report"
import json, sys
from html.parser import HTMLParser
verify = json.load(open(sys.argv[2]))
class Rows(HTMLParser):
    def __init__(self):
        super().__init__(); self.table = False; self.rows = []; self.cell = None; self.text = []
    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("class", "verdicts") in attrs: self.table = True
        if self.table and tag == "tr": self.rows.append([])
        if self.table and tag in ("td", "th"): self.cell = []
    def handle_endtag(self, tag):
        if self.table and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip()); self.cell = None
        if tag == "table": self.table = False
    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None: self.cell.append(data)
page = Rows(); page.feed(open(sys.argv[1], encoding="utf-8").read())
assert page.rows[0] == ["Item", "dev", "prod"], page.rows[0]
cells = {row[0].split(" (")[0]: row[1:] for row in page.rows[1:]}
for item in verify["items"]:
    name = "TODO " + item["id"] if item["id"] else "line %d" % item["line"]
    assert cells[name][0].startswith(item["verdict"]), (name, cells[name], item["verdict"])
assert cells["TODO 2.5"][0].startswith("ready") and cells["TODO 2.5"][1].startswith("pending"), cells["TODO 2.5"]  # prod has no stacks
assert "No burn-up:" in "".join(page.text) and "not in a git repository" in "".join(page.text)
PY
echo "report_verdicts: ok"
