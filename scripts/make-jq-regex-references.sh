#!/usr/bin/env bash
# Runs every case of tests/jq/regex-cases.json (test, match, capture, scan, split, sub, gsub) through
# Debian's jq 1.6 and records stdout, stderr and the exit status in tests/jq/regex-references.json.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v jq >/dev/null || { apt-get update && apt-get install -y jq; }
python3 - <<'PY'
import json, subprocess
cases = json.load(open('tests/jq/regex-cases.json'))
out = []
for case in cases:
    argv = ['jq', *case.get('flags', []), case['filter']]
    p = subprocess.run(argv, input=case['input'], capture_output=True, text=True)
    out.append({**case, 'stdout': p.stdout, 'stderr': p.stderr, 'status': p.returncode})
json.dump(out, open('tests/jq/regex-references.json', 'w'), indent=1, ensure_ascii=False)
open('tests/jq/regex-references.json', 'a').write('\n')
print(f"{len(out)} jq regex references")
PY
