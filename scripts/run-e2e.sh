#!/usr/bin/env bash
# Runs every end-to-end script in Tests/e2e against the built binary and prints
# the closing line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build --show-bin-path)/plantrack"
export PLANTRACK_BIN="$bin"
passed=0; failed=0
for t in Tests/e2e/*.sh; do
  [ -e "$t" ] || continue
  if bash "$t"; then passed=$((passed+1)); echo "e2e ok   $t"; else failed=$((failed+1)); echo "e2e FAIL $t"; fi
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
