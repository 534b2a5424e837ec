#!/usr/bin/env bash
# `plantrack history` and `plantrack report --html` on a repository made here (CONTRACT §12):
# the JSON point by point, the chart's width and locale, the errors, and the HTML page
# parsed and opened in headless Chromium (no console message, no network request, a
# screenshot that is not blank). The detectors are first shown to fire on a bad page.
set -euo pipefail
bin=${PLANTRACK_BIN:?}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
fail() { echo "history_report: $*" >&2; exit 1; }
repo="$work/repo"; mkdir -p "$repo"; cd "$repo"
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_CEILING_DIRECTORIES="$work"
export GIT_COMMITTER_NAME=Committer GIT_COMMITTER_EMAIL=c@example.com GIT_AUTHOR_EMAIL=a@example.com
git init -q -b main
now=$(date +%s); day=86400
commit() { # commit AUTHOR DAYS_AGO MESSAGE
  local when=$((now - $2 * day))
  git add -A
  GIT_AUTHOR_NAME="$1" GIT_AUTHOR_DATE="@$when +0000" GIT_COMMITTER_DATE="@$when +0000" git commit -q -m "$3"
}
cat > PLAN.md <<'PLAN'
# Report <script>alert(1)</script> Plan

**Last Updated**: `{{TIMESTAMP}}`

**Status**: `In Progress`

## Phase 1: Start & <b>bold</b>
- [ ] **TODO 1.1: One**
- [ ] **TODO 1.2: Two <script>alert(2)</script>**
- [ ] plain task
- [] <i>not a task</i>
## Phase 2: Finish
- [ ] **TODO 2.1: Three**
- [ ] **TODO 2.2: Four**
- [ ] **TODO 2.3: Five**
PLAN
commit "Ana Lopez" 36 start
sed -i 's/- \[ \] \*\*TODO 1.1/- [x] **TODO 1.1/' PLAN.md; commit "Bo Chen" 29 "close 1.1"
sed -i -e 's/- \[ \] \*\*TODO 1.2/- [x] **TODO 1.2/' -e 's/- \[ \] plain/- [x] plain/' PLAN.md; commit "Ana Lopez" 22 "close 1.2 and the plain task"
sed -i 's/- \[x\] \*\*TODO 1.2/- [ ] **TODO 1.2/' PLAN.md; commit "Ana Lopez" 15 "reopen 1.2"
git mv PLAN.md REFACTOR_PLAN.md; commit "Bo Chen" 8 rename
sed -i 's/- \[ \] \*\*TODO 2.1/- [-] **TODO 2.1/' REFACTOR_PLAN.md; commit "Bo Chen" 1 "cancel 2.1"
sed -i 's/- \[ \] \*\*TODO 2.2/- [x] **TODO 2.2/' REFACTOR_PLAN.md   # left uncommitted

"$bin" history --json > "$work/history.json" || fail "history --json exited $?"
python3 - "$work/history.json" "$now" <<'PY' || fail "history --json"
import json, sys, datetime
h = json.load(open(sys.argv[1])); now = int(sys.argv[2])
assert h["plan"] == "REFACTOR_PLAN.md", h["plan"]
p = h["points"]
assert len(p) == 7, [x["commit"] for x in p]
def changes(x): return (x["closed"], x["reopened"], x["added"], x["removed"])
assert changes(p[0]) == ([], [], ["1.1", "1.2", "L10", "2.1", "2.2", "2.3"], []), changes(p[0])
assert changes(p[1]) == (["1.1"], [], [], []) and p[1]["author"] == "Bo Chen", p[1]
assert changes(p[2]) == (["1.2", "L10"], [], [], []), changes(p[2])
assert changes(p[3]) == ([], ["1.2"], [], []), changes(p[3])
assert changes(p[4]) == ([], [], [], []), "the rename changes no item"
assert changes(p[5]) == (["2.1"], [], [], []) and p[5]["counts"]["cancelled"] == 1
assert p[6]["commit"] is None and p[6]["author"] is None and changes(p[6]) == (["2.2"], [], [], [])
assert all(len(x["commit"]) == 40 for x in p[:6])
assert p[0]["date"] == datetime.datetime.fromtimestamp(now - 36 * 86400, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
assert p[6]["counts"] == {"total": 6, "todo": 2, "done": 3, "progress": 0, "aborted": 0, "cancelled": 1, "other": 0}, p[6]["counts"]
assert list(p[0].keys()) == ["commit", "date", "author", "counts", "closed", "reopened", "added", "removed"]
f = h["forecast"]
assert list(f.keys()) == ["date", "rate", "per", "basis"], f
# net closures over the last 4 weeks: +2 (1.2, L10) -1 (1.2) +1 (2.1) +1 (2.2) = 3: 0.75 a week; 2 open.
assert f["rate"] == 0.75 and f["per"] == "week" and f["basis"] == "closed items, last 4 weeks", f
expected = datetime.datetime.fromtimestamp(now + 2 / 0.75 * 7 * 86400, datetime.timezone.utc).date()
got = datetime.date.fromisoformat(f["date"])
assert abs((got - expected).days) <= 1, (got, expected)
PY

# Text: fits 80 columns; ASCII in the C locale, blocks in a UTF-8 one; last changes; forecast.
LC_ALL=C "$bin" history > "$work/c.txt"
LC_ALL=C.UTF-8 "$bin" history --by day > "$work/u.txt"
python3 - "$work/c.txt" "$work/u.txt" <<'PY' || fail "history text"
import sys
c = open(sys.argv[1], encoding="utf-8").read(); u = open(sys.argv[2], encoding="utf-8").read()
for text in (c, u):
    assert all(len(line) <= 80 for line in text.splitlines()), max(text.splitlines(), key=len)
    assert "Forecast: at 0.75 items a week, the 2 open items close around 20" in text, text
    assert "Bo Chen: closed 2.1" in text and "work tree  (uncommitted): closed 2.2" in text, text
assert c.isascii() and "#" in c, c
assert "█" in u and "░" in u and "Burn-up by day" in u, u
PY

# One sentence and exit 2: no git on PATH, not a repository, an untracked plan.
expect_refusal() { # expect_refusal WHAT TEXT -- command...
  local what=$1 text=$2; shift 3
  set +e; "$@" > "$work/out" 2> "$work/err"; local rc=$?; set -e
  [ "$rc" -eq 2 ] || fail "$what: exit $rc, not 2"
  [ "$(wc -l < "$work/err")" -eq 1 ] || fail "$what: not one line: $(cat "$work/err")"
  grep -q "$text" "$work/err" || fail "$what: $(cat "$work/err")"
}
expect_refusal "no git" "no git was found on PATH" -- env PATH=/nonexistent "$bin" history
mkdir "$work/loose"; cp REFACTOR_PLAN.md "$work/loose/"
expect_refusal "not a repository" "is not in a git repository" -- "$bin" history --plan "$work/loose/REFACTOR_PLAN.md"
cp REFACTOR_PLAN.md NEW_PLAN.md
expect_refusal "untracked" "NEW_PLAN.md is not tracked by git" -- "$bin" history --plan NEW_PLAN.md
rm NEW_PLAN.md

# The HTML report: parsed, then opened in a real browser.
"$bin" report --html "$work/report.html" || fail "report exited $?"
python3 - "$work/report.html" <<'PY' || fail "report HTML"
import sys, re
from html.parser import HTMLParser
source = open(sys.argv[1], encoding="utf-8").read()
class Page(HTMLParser):
    def __init__(self):
        super().__init__(); self.tags = []; self.attrs = []; self.text = []; self.stack = []; self.svg_titles = 0
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag); self.attrs += attrs; self.stack.append(tag)
        if tag == "title" and "svg" in self.stack: self.svg_titles += 1
    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag: pass
    def handle_data(self, data): self.text.append(data)
page = Page(); page.feed(source)
text = "".join(page.text)
for forbidden in ("script", "link", "img", "iframe", "object", "embed", "base", "meta-refresh"):
    assert forbidden not in page.tags, forbidden
assert page.tags.count("style") == 1
for name, value in page.attrs:
    assert name not in ("src", "srcset", "action", "formaction"), (name, value)
    assert name != "href" or (value or "").startswith("#"), (name, value)
    assert not name.startswith("on"), name
assert not re.search(r"url\(|@import|https?://", source, re.I), "an external reference"
assert "<script" not in source.lower() and "<b>" not in source and "<i>" not in source, "unescaped plan text"
assert "Report <script>alert(1)</script> Plan" in text
for phase in ("Phase 1: Start & <b>bold</b>", "Phase 2: Finish"):
    assert phase in text, phase
assert "Status" in text and "In Progress" in text and "Last Updated" in text and "never" in text
assert page.tags.count("svg") == 3, page.tags.count("svg")   # two phase bars and the burn-up
assert page.svg_titles == 3 and "desc" in page.tags
assert "Forecast: at 0.75 items a week" in text
assert "<i>not a task</i>" in text and "not-a-task" in text, "the lint finding"
assert "prefers-color-scheme:dark" in source and "@media print" in source
PY

browse() { # browse PAGE NAME: screenshot, console log and net log of one headless load
  timeout 120 chromium --headless --disable-gpu --no-sandbox --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-default-apps --host-resolver-rules="MAP * ~NOTFOUND" \
    --enable-logging=stderr --v=0 --log-net-log="$work/$2.net.json" --window-size=900,1200 \
    --screenshot="$work/$2.png" "file://$1" > /dev/null 2> "$work/$2.log" || true
}
check_load() { # check_load NAME: prints what the page did wrong; the status says whether it did
  python3 - "$work/$1.log" "$work/$1.net.json" "$work/$1.png" <<'PY'
import json, struct, sys, zlib
log, net, png = sys.argv[1:]
problems = [line.strip() for line in open(log, errors="replace") if ":CONSOLE" in line]
events = json.load(open(net))["events"]
for event in events:
    params = event.get("params") or {}
    if "url" in params and "file://" in str(params.get("network_isolation_key", "")):
        problems.append("request " + params["url"])
data = open(png, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "no screenshot"
chunks, pos = {}, 8
idat = b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8]); body = data[pos + 8:pos + 8 + length]; pos += 12 + length
    if kind == b"IHDR": width, height, depth, colour = struct.unpack(">IIBB", body[:10])
    if kind == b"IDAT": idat += body
assert depth == 8 and colour in (2, 6), (depth, colour)
bpp = 3 if colour == 2 else 4; stride = width * bpp; raw = zlib.decompress(idat)
rows, previous = [], bytearray(stride)
for y in range(height):
    f = raw[y * (stride + 1)]; row = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = row[i - bpp] if i >= bpp else 0; b = previous[i]; c = previous[i - bpp] if i >= bpp else 0
        if f == 1: row[i] = (row[i] + a) & 255
        elif f == 2: row[i] = (row[i] + b) & 255
        elif f == 3: row[i] = (row[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(row)); previous = row
background = rows[0][:bpp]
inked = sum(1 for row in rows[::4] for x in range(0, stride, bpp * 4) if row[x:x + bpp] != background)
colours = len({row[x:x + 3] for row in rows[::4] for x in range(0, stride, bpp * 4)})
if inked < 200 or colours < 3: problems.append(f"blank screenshot ({inked} inked samples, {colours} colours)")
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
}
cat > "$work/bad.html" <<'HTML'
<!DOCTYPE html><html><body><h1>bad</h1><script>console.error("boom")</script><img src="http://127.0.0.1:9/x.png"></body></html>
HTML
browse "$work/bad.html" bad
if check_load bad > "$work/bad.problems"; then fail "the browser checks miss a console error and a request"; fi
grep -q boom "$work/bad.problems" && grep -q "request http://127.0.0.1:9/x.png" "$work/bad.problems" \
  || fail "the browser checks miss: $(cat "$work/bad.problems")"
browse "$work/report.html" report
check_load report > "$work/report.problems" || fail "the report in Chromium: $(cat "$work/report.problems")"
echo "history_report: ok"
