// Adds generated queries to tests/query/cases.json ("generated"): expressions built from the same
// pieces as the fuzz test, with a fixed seed, over the cases' documents. Their answers then come
// from Python's jmespath like the hand-written ones (scripts/make-jmespath-references.sh), so
// the interpreter is compared with Python on queries nobody thought of.
//   npx node scripts/make-jmespath-cases.ts [COUNT]
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from '../src/engine/query/parser.ts';

const FUNCTIONS = ['abs', 'avg', 'ceil', 'contains', 'floor', 'join', 'keys', 'length', 'max', 'merge', 'min', 'not_null', 'reverse', 'sort', 'starts_with', 'sum', 'to_array', 'to_number', 'to_string', 'type', 'values'];
// Expression references only where functions take them: elsewhere Python prints the object's
// address (`<… _Expression object at 0x…>`), which no reference can hold.
const ATOMS = ['value', 'value[0]', 'timeseries', 'data', 'total', 'ints', 'floats', 'mixed', 'strings', 'obj', 'items', 'nested', 'v', 'n', '@', '*', '`1`', '`1.0`', '`0`', "'x'", '`[1, 2.5]`', '`null`'];
const BY_KEY = ['sort_by', 'max_by', 'min_by'];
const KEYS = ['&v', '&n', '&total', '&timeStamp'];
const JOINERS = ['.', '|', ' || ', ' && ', ' == ', ' != ', ' < ', ' >= ', '[0]', '[-1]', '[]', '[*]', '[?v > `1`]', '[?total]', '[::-1]', '[1:]'];

const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...ATOMS),
    fc.tuple(tie('expr'), fc.constantFrom(...JOINERS), tie('expr')).map(([l, j, r]) => (j.startsWith('[') ? `${l}${j}` : `${l}${j}${r}`)),
    fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { minLength: 1, maxLength: 2 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    fc.tuple(fc.constantFrom(...BY_KEY), tie('expr'), fc.constantFrom(...KEYS)).map(([f, list, key]) => `${f}(${list}, ${key})`),
    fc.tuple(fc.constantFrom(...KEYS), tie('expr')).map(([key, list]) => `map(${key}, ${list})`),
    tie('expr').map((e) => `!${e}`),
    fc.tuple(tie('expr'), tie('expr')).map(([x, y]) => `{x: ${x}, y: ${y}}`),
  ),
})).expr as fc.Arbitrary<string>;

const file = new URL('../tests/query/cases.json', import.meta.url);
const cases = JSON.parse(readFileSync(file, 'utf8'));
const count = Number(process.argv[2] ?? 300);
const documents = Object.keys(cases.documents);
const parses = (e: string) => {
  try {
    parse(e);
    return true;
  } catch {
    return false;
  }
};
const seen = new Set<string>();
const generated: Array<[string, string]> = [];
for (const [i, e] of fc.sample(expression, { numRuns: count * 4, seed: 20261129 }).entries()) {
  if (generated.length >= count || seen.has(e) || !parses(e)) continue;
  seen.add(e);
  generated.push([documents[i % documents.length], e]);
}
cases.generated = generated;
writeFileSync(file, `${JSON.stringify(cases, null, 2)}\n`);
console.log(`${generated.length} generated queries in tests/query/cases.json`);
