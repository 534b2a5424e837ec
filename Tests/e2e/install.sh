#!/usr/bin/env bash
# make install into a temporary root (CONTRACT §11): the statically linked binary runs
# with nothing else on PATH, finds the installed themes, names its commit; the bash
# completion loads; the man page renders; make uninstall leaves no file behind.
# Reuses the release build when there is one (it takes minutes from scratch).
set -euo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "FAIL $(basename "$0"): $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root="$tmp/root"
flags=(PREFIX=/usr "DESTDIR=$root")
# A release build kept apart from .build (this repo's shared-build setup) is reused too.
[ -d .build-release ] && flags+=("SWIFT_FLAGS=--scratch-path $PWD/.build-release")
# The commit --version must name: what make finds, or what the caller gives (where git
# cannot see the repository).
commit=${PLANTRACK_TEST_COMMIT:-$(git describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)}
flags+=("COMMIT=$commit")

make --no-print-directory install "${flags[@]}" >"$tmp/install.log" 2>&1 || { tail -20 "$tmp/install.log"; fail "make install failed"; }

expected=(usr/bin/plantrack usr/share/bash-completion/completions/plantrack usr/share/zsh/site-functions/_plantrack
          usr/share/fish/vendor_completions.d/plantrack.fish usr/share/man/man1/plantrack.1)
for theme in themes/*.yml; do expected+=("usr/share/plantrack/themes/$(basename "$theme")"); done
for file in "${expected[@]}"; do [ -f "$root/$file" ] || fail "make install did not write $file"; done
[ -x "$root/usr/bin/plantrack" ] || fail "the installed binary is not executable"
extra=$(cd "$root" && find . -type f -o -type l | sed 's|^\./||' | sort | comm -23 - <(printf '%s\n' "${expected[@]}" | sort))
[ -z "$extra" ] || fail "make install wrote files CONTRACT §11 does not list: $extra"

# The Swift runtime is inside the binary: no libswift*, no Foundation library on the loader's list.
if ldd "$root/usr/bin/plantrack" | grep -Eiq 'swift|foundation|dispatch'; then
  fail "the binary links the Swift runtime dynamically: $(ldd "$root/usr/bin/plantrack")"
fi

# The libraries the loader opens are the ones README lists: not libxml2 and ICU, whose loading
# and relocation every command paid at start-up, nor libstdc++ (linked in).
unlisted=$(ldd "$root/usr/bin/plantrack" | awk '{ print $1 }' \
  | grep -Ev '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|libncursesw\.so\.6|libtinfo\.so\.6|libz\.so\.1|libm\.so\.6|libc\.so\.6)$' || true)
[ -z "$unlisted" ] || fail "the binary loads libraries README does not list: $(echo $unlisted)"

# Nothing on PATH but the installed binary; HOME and XDG point at empty folders.
run() { env -i PATH="$root/usr/bin" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg" LANG=C.UTF-8 plantrack "$@"; }
version=$(run --version) || fail "plantrack --version failed with PATH holding only the binary"
[ "$version" = "plantrack 0.1.0, commit $commit" ] || fail "--version says '$version', not version and commit $commit"
mkdir -p "$tmp/plan"
cp examples/listbackup/REFACTOR_PLAN.md "$tmp/plan/"
run status --plan "$tmp/plan/REFACTOR_PLAN.md" | grep -q "Backend Refactoring Plan" || fail "plantrack status failed"
run themes --plan "$tmp/plan/REFACTOR_PLAN.md" >"$tmp/themes.txt" || fail "plantrack themes failed"
grep -q "^default  *$root/usr/share/plantrack/themes/default.yml" "$tmp/themes.txt" \
  || fail "the installed themes are not found in the prefix: $(cat "$tmp/themes.txt")"

bash -c "source '$root/usr/share/bash-completion/completions/plantrack' && complete -p plantrack" >/dev/null \
  || fail "the bash completion does not register for plantrack"
grep -q "verify" "$root/usr/share/bash-completion/completions/plantrack" || fail "the bash completion lacks the verify command"
grep -q "^#compdef plantrack" "$root/usr/share/zsh/site-functions/_plantrack" || fail "the zsh completion is not a compdef"
grep -Eq "^complete -c '?plantrack'? " "$root/usr/share/fish/vendor_completions.d/plantrack.fish" || fail "the fish completion does not complete plantrack"

man_text=$(MANWIDTH=100 man -l "$root/usr/share/man/man1/plantrack.1" 2>"$tmp/man.err") || fail "man -l failed: $(cat "$tmp/man.err")"
for word in "plantrack verify" "--format" "EXIT STATUS" "drift"; do
  grep -qF -- "$word" <<<"$man_text" || fail "the man page lacks '$word'"
done

make --no-print-directory uninstall "${flags[@]}" >"$tmp/uninstall.log" 2>&1 || { cat "$tmp/uninstall.log"; fail "make uninstall failed"; }
left=$(cd "$root" && find . \( -type f -o -type l \) | sort)
[ -z "$left" ] || fail "make uninstall left: $left"
[ ! -e "$root/usr/share/plantrack" ] || fail "make uninstall left share/plantrack"
exit 0
