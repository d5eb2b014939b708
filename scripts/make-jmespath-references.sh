#!/usr/bin/env bash
# Runs every query of tests/query/cases.json through Python's jmespath 1.0 — the one Debian's
# azure-cli runs — and records what az would print for it (knack's json) or the error it raises,
# in tests/query/references.json (the test replays them without Python).
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 -c 'import jmespath' 2>/dev/null || { apt-get update && apt-get install -y python3-jmespath; }
/usr/bin/python3 - <<'PY'
import collections, json, jmespath

class OrderedDict(collections.OrderedDict):
    # Today's az runs Python 3.12+, whose OrderedDict repr is OrderedDict({...}); Debian's is 3.11.
    def __repr__(self):
        return f'OrderedDict({dict.__repr__(self)})'

cases = json.load(open('tests/query/cases.json'))
out = []
for name, expression in cases['queries'] + cases.get('generated', []):
    data = json.loads(cases['documents'][name])
    entry = {'document': name, 'query': expression}
    try:
        compiled = jmespath.compile(expression)
    except jmespath.exceptions.JMESPathError as ex:
        entry['error'] = 'parse'
        out.append(entry)
        continue
    try:
        result = compiled.search(data, jmespath.Options(OrderedDict))
        entry['json'] = json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + '\n'
    except jmespath.exceptions.JMESPathError as ex:
        entry['error'] = 'jmespath'
        entry['message'] = getattr(ex, 'message', str(ex))
    except Exception as ex:
        entry['error'] = 'python'
        entry['message'] = str(ex)
    out.append(entry)
json.dump(out, open('tests/query/references.json', 'w'), indent=1, ensure_ascii=False)
open('tests/query/references.json', 'a').write('\n')
print(f'{len(out)} jmespath references')
PY
