#!/usr/bin/env bash
# Regenerates tests/goldens/az/<lab>.jsonl: every line of tests/goldens/az/lines.txt run through the
# real az (Debian's azure-cli, offline through the az-oracle tool kept beside the project) against
# the lab's ARM resources as `aro-labs export --arm` prints them.
# Usage: scripts/make-az-goldens.sh [ORACLE_DIR]   (default: ../shared/tools/az-oracle)
set -euo pipefail
cd "$(dirname "$0")/.."
oracle=${1:-../shared/tools/az-oracle}
command -v az >/dev/null || { apt-get update && apt-get install -y azure-cli; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin/aro-labs export --lab aro2 --arm > "$work/aro2.json"
grep -v '^#' tests/goldens/az/lines.txt | grep -v '^$' > "$work/lines.txt"
"$oracle/make-golden.py" "$work/lines.txt" "$work/aro2.json" tests/goldens/az/aro2.jsonl
