#!/usr/bin/env bash
# Runs every case of tests/jq/*cases.json (or of the case files named) through Debian's jq 1.6 and
# records stdout, stderr and the exit status beside it, in the matching *references.json (the
# tests replay them without jq installed). A case may set environment variables ("env"); jq then
# sees only those and PATH.
#   scripts/make-jq-references.sh [tests/jq/regex-cases.json ...]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v jq >/dev/null || { apt-get update && apt-get install -y jq; }
if [ $# -eq 0 ]; then set -- tests/jq/*cases.json; fi
python3 - "$@" <<'PY'
import json, os, subprocess, sys
for cases_path in sys.argv[1:]:
    cases = json.load(open(cases_path))
    out = []
    for case in cases:
        argv = ['jq', *case.get('flags', []), case['filter']]
        env = {'PATH': os.environ['PATH'], **case.get('env', {})}
        p = subprocess.run(argv, input=case['input'], capture_output=True, text=True, env=env)
        out.append({**case, 'stdout': p.stdout, 'stderr': p.stderr, 'status': p.returncode})
    path = cases_path[: -len('cases.json')] + 'references.json'
    json.dump(out, open(path, 'w'), indent=1, ensure_ascii=False)
    open(path, 'a').write('\n')
    print(f'{len(out)} jq references in {path}')
PY
