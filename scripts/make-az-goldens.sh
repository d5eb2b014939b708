#!/usr/bin/env bash
# Regenerates tests/goldens/az/<lab>.jsonl: every line of tests/goldens/az/lines.txt (aro2) and
# lines-aro-today.txt (aro-today) run through the real az (Debian's azure-cli, offline through the
# az-oracle tool kept beside the project) against the lab's ARM resources as
# `aro-labs export --arm` prints them.
# Usage: scripts/make-az-goldens.sh [ORACLE_DIR]   (default: ../shared/tools/az-oracle)
set -euo pipefail
cd "$(dirname "$0")/.."
oracle=${1:-../shared/tools/az-oracle}
command -v az >/dev/null || { apt-get update && apt-get install -y azure-cli; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for pair in aro2:lines.txt aro-today:lines-aro-today.txt; do
  lab=${pair%%:*}
  bin/aro-labs export --lab "$lab" --arm > "$work/$lab.json"
  grep -v '^#' "tests/goldens/az/${pair#*:}" | grep -v '^$' > "$work/$lab.lines"
  "$oracle/make-golden.py" "$work/$lab.lines" "$work/$lab.json" "tests/goldens/az/$lab.jsonl"
done
