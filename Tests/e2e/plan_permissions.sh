#!/usr/bin/env bash
# CONTRACT §4 as seen by users who are not root (issue 10, points 4 and 7f): a plan the
# user may not write is not written (exit 3, nothing changes), a team plan keeps its
# owner, group and mode when a group member marks it, and a hard-linked plan keeps its
# links. CI runs as root, so each case drops privileges with setpriv to throw-away
# numeric ids (no accounts are created; nothing to clean up but the folder).
set -euo pipefail
bin=${PLANTRACK_BIN:?}
root=$(cd "$(dirname "$0")/../.." && pwd)
fail() { echo "plan_permissions: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "plan_permissions: needs root to drop privileges; skipped" >&2; exit 0; }
owner=61001 member=61002 team=61100 stranger=61003
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
as() { local uid=$1 gid=$2; shift 2; setpriv --reuid "$uid" --regid "$gid" --groups "$team" -- "$@"; }
as_stranger() { setpriv --reuid "$stranger" --regid "$stranger" --clear-groups -- "$@"; }
stat_of() { stat -c '%u:%g %a %h' "$1"; }

# 1. Mode 444, owned by the user, in a folder the user may write: refused, untouched.
mkdir "$work/own"; cp "$root/REFACTOR_PLAN.md" "$work/own/plan.md"
chown -R "$owner:$owner" "$work/own"; chmod 444 "$work/own/plan.md"
cp "$work/own/plan.md" "$work/expect.md"
set +e; as "$owner" "$owner" "$bin" mark 2.5 done --plan "$work/own/plan.md" > "$work/out" 2> "$work/err"; code=$?; set -e
[ "$code" -eq 3 ] || fail "a 444 plan: exit $code, wanted 3: $(cat "$work/err")"
grep -q "plan.md is read-only; nothing written" "$work/err" || fail "a 444 plan: $(cat "$work/err")"
cmp -s "$work/own/plan.md" "$work/expect.md" || fail "a 444 plan was changed"
[ "$(stat_of "$work/own/plan.md")" = "$owner:$owner 444 1" ] || fail "a 444 plan: $(stat_of "$work/own/plan.md")"

# 2. A root-owned 644 plan in a folder anyone may write (no sticky bit): a stranger
#    cannot replace it, though the folder would let a rename do so.
mkdir "$work/shared"; chmod 777 "$work/shared"; cp "$root/REFACTOR_PLAN.md" "$work/shared/plan.md"
chmod 644 "$work/shared/plan.md"
set +e; as_stranger "$bin" mark 2.5 done --plan "$work/shared/plan.md" > "$work/out" 2> "$work/err"; code=$?; set -e
[ "$code" -eq 3 ] || fail "a root plan in a shared folder: exit $code: $(cat "$work/err")"
grep -q "is read-only; nothing written" "$work/err" || fail "a root plan: $(cat "$work/err")"
cmp -s "$work/shared/plan.md" "$work/expect.md" || fail "a root plan was changed"
[ "$(stat_of "$work/shared/plan.md")" = "0:0 644 1" ] || fail "a root plan: $(stat_of "$work/shared/plan.md")"

# 3. A team plan (owner, group team, 664) marked by another member of the team keeps
#    its owner, group and mode, whether the folder is the team's or not.
for folder_mode in 2775 755; do
  dir="$work/team$folder_mode"; mkdir "$dir"; cp "$root/REFACTOR_PLAN.md" "$dir/plan.md"
  chown -R "$owner:$team" "$dir"; chmod "$folder_mode" "$dir"; chmod 664 "$dir/plan.md"
  as "$member" "$member" "$bin" mark 2.5 done --plan "$dir/plan.md" > "$work/out" 2> "$work/err" \
    || fail "a team plan (folder $folder_mode): $(cat "$work/err")"
  grep -q '^- \[x\] \*\*TODO 2.5:' "$dir/plan.md" || fail "a team plan (folder $folder_mode) was not marked"
  [ "$(stat_of "$dir/plan.md")" = "$owner:$team 664 1" ] || fail "a team plan (folder $folder_mode): $(stat_of "$dir/plan.md")"
  [ "$(ls -A "$dir")" = "plan.md" ] || fail "a team plan (folder $folder_mode) left files: $(ls -A "$dir")"
done

# 4. A hard-linked plan keeps its links, and both names show the change.
mkdir "$work/linked"; cp "$root/REFACTOR_PLAN.md" "$work/linked/plan.md"; ln "$work/linked/plan.md" "$work/linked/copy.md"
chown -R "$owner:$owner" "$work/linked"
as "$owner" "$owner" "$bin" mark 2.5 done --plan "$work/linked/plan.md" > /dev/null
[ "$(stat -c %i "$work/linked/plan.md")" = "$(stat -c %i "$work/linked/copy.md")" ] || fail "the hard link was broken"
[ "$(stat_of "$work/linked/plan.md")" = "$owner:$owner 644 2" ] || fail "a linked plan: $(stat_of "$work/linked/plan.md")"
grep -q '^- \[x\] \*\*TODO 2.5:' "$work/linked/copy.md" || fail "the other name does not show the change"
echo "plan_permissions: ok"
