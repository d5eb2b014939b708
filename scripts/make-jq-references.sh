#!/usr/bin/env bash
# Runs every case of tests/jq/*cases.json (or of the case files named) through Debian trixie's
# jq 1.7.1 (fetched and unpacked by scripts/fetch-jq-1.7.1.sh, whatever jq the machine has) and
# records stdout, stderr and the exit status beside it, in the matching *references.json (the
# tests replay them without jq installed). A case may set environment variables ("env"); jq then
# sees only those and PATH. A case's "args" follow the program (files, --args values): files are
# named by absolute paths the lab's file tree holds with the same text (/etc/os-release's first lines).
#   scripts/make-jq-references.sh [tests/jq/regex-cases.json ...]
set -euo pipefail
cd "$(dirname "$0")/.."
JQ="$(scripts/fetch-jq-1.7.1.sh)"
if [ $# -eq 0 ]; then set -- tests/jq/*cases.json; fi
JQ="$JQ" python3 - "$@" <<'PY'
import json, os, subprocess, sys
for cases_path in sys.argv[1:]:
    cases = json.load(open(cases_path))
    out = []
    for case in cases:
        argv = [os.environ['JQ'], *case.get('flags', []), case['filter'], *case.get('args', [])]
        env = {'PATH': os.environ['PATH'], **case.get('env', {})}
        p = subprocess.run(argv, input=case['input'], capture_output=True, text=True, env=env)
        out.append({**case, 'stdout': p.stdout, 'stderr': p.stderr, 'status': p.returncode})
    path = cases_path[: -len('cases.json')] + 'references.json'
    json.dump(out, open(path, 'w'), indent=1, ensure_ascii=False)
    open(path, 'a').write('\n')
    print(f'{len(out)} jq references in {path}')
PY
