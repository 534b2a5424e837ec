#!/usr/bin/env bash
# Installs what the build and the tests need and a new machine lacks:
# Debian packages (ncurses headers, cmark-gfm as the parsing oracle, tmux for
# end-to-end tests) and moto's server from PyPI (the loopback AWS peer).
set -euo pipefail
need=()
dpkg -s libncurses-dev >/dev/null 2>&1 || need+=(libncurses-dev)
command -v cmark-gfm >/dev/null 2>&1 || need+=(cmark-gfm)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
dpkg -s ncurses-term >/dev/null 2>&1 || need+=(ncurses-term)  # tmux-direct terminfo for the true-colour e2e check
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
[ -f "$(g++ -print-file-name=libstdc++.a 2>/dev/null)" ] || need+=(g++)  # libstdc++.a, linked into the release binary
command -v chromium >/dev/null 2>&1 || need+=(chromium)  # the HTML report opened headless (Tests/e2e/history_report.sh)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! command -v moto_server >/dev/null 2>&1 || ! python3 -c 'import moto.server, flask_cors' >/dev/null 2>&1; then
  echo "setup: installing moto[server]"
  python3 -m pip install -q 'moto[server]'
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash; fi
fi
# The probe benchmark (scripts/bench-probe.sh) measures plantrack against the aws CLI;
# the seeder (scripts/seed-moto.py) needs boto3 and PyYAML, which moto[server] brings.
if ! command -v aws >/dev/null 2>&1; then
  echo "setup: installing awscli"
  python3 -m pip install -q awscli
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash; fi
fi
