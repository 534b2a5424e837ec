#!/usr/bin/env bash
# Usage: scripts/write-commit-header.sh COMMIT
# Writes .build/plantrack-commit.h, which Sources/CBuildInfo includes when present, so
# `plantrack --version` names the commit without a tracked file changing. Written only
# when the commit changed; the C file is touched then so SwiftPM recompiles it.
set -euo pipefail
cd "$(dirname "$0")/.."
commit="${1:-unknown}"
case "$commit" in *[!A-Za-z0-9._+-]*) echo "write-commit-header.sh: '$commit' is not a commit name" >&2; exit 2;; esac
header=.build/plantrack-commit.h
line="#define PLANTRACK_COMMIT \"$commit\""
mkdir -p .build
if [ "$(cat "$header" 2>/dev/null)" != "$line" ]; then
  printf '%s\n' "$line" >"$header"
  touch Sources/CBuildInfo/BuildInfo.c
fi
