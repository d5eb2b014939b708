#!/usr/bin/env bash
# Runs every case of tests/text/grep-cases.json (flags, pattern, standard input) through Debian's
# GNU grep under LANG=C.UTF-8 and records stdout, stderr and the exit status in
# tests/text/grep-references.json (the test replays them without grep's help).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import json, os, subprocess
cases = json.load(open('tests/text/grep-cases.json'))
env = {**os.environ, 'LANG': 'C.UTF-8', 'LC_ALL': 'C.UTF-8'}
out = []
for case in cases:
    argv = ['grep', *case['flags'], case['pattern']]
    p = subprocess.run(argv, input=case['input'].encode(), capture_output=True, env=env, timeout=10)
    out.append({**case, 'stdout': p.stdout.decode(), 'stderr': p.stderr.decode(), 'status': p.returncode})
json.dump(out, open('tests/text/grep-references.json', 'w'), indent=1, ensure_ascii=False)
open('tests/text/grep-references.json', 'a').write('\n')
version = subprocess.run(['grep', '--version'], capture_output=True, text=True).stdout.splitlines()[0]
print(f'{len(out)} grep references from {version}')
PY
