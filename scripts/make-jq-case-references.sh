#!/usr/bin/env bash
# Runs every case of tests/jq/NAME-cases.json through Debian's jq 1.6 and records stdout, stderr
# and the exit status in tests/jq/NAME-references.json, for each NAME given (default: prototype
# limits). A case may set environment variables ("env"); jq then sees only those and PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v jq >/dev/null || { apt-get update && apt-get install -y jq; }
python3 - "${@:-prototype limits}" <<'PY'
import json, os, subprocess, sys
for name in ' '.join(sys.argv[1:]).split():
    cases = json.load(open(f'tests/jq/{name}-cases.json'))
    out = []
    for case in cases:
        argv = ['jq', *case.get('flags', []), case['filter']]
        env = {'PATH': os.environ['PATH'], **case.get('env', {})}
        p = subprocess.run(argv, input=case['input'], capture_output=True, text=True, env=env)
        out.append({**case, 'stdout': p.stdout, 'stderr': p.stderr, 'status': p.returncode})
    path = f'tests/jq/{name}-references.json'
    json.dump(out, open(path, 'w'), indent=1, ensure_ascii=False)
    open(path, 'a').write('\n')
    print(f'{len(out)} jq {name} references')
PY
