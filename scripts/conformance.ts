// `npm run conformance`: every line of the conformance corpus run by the lab engine and compared
// with what the real tool printed (tests/conformance/references). Prints, per tool, lines,
// identical and different, then the first difference of each differing line; the last line reads
// `conformance: N/M identical`; before it, the jq programs of tests/jq (each recorded from jq 1.7.1)
// as `jq programs: N/M identical`. Exits 1 unless every line and every program is identical.
import { readdirSync, readFileSync } from 'node:fs';
import { compare, corpusNames, readReferences } from '../tests/conformance/corpus.ts';
import { jq, caseName, type JqReference } from '../tests/jq/run-jq.ts';

const outcomes = await compare(corpusNames().flatMap(readReferences));
const tools = [...new Set(outcomes.map((o) => o.tool))].sort();
const width = Math.max(4, ...tools.map((t) => t.length));
console.log(`${'tool'.padEnd(width)}  lines  identical  different`);
for (const tool of tools) {
  const mine = outcomes.filter((o) => o.tool === tool);
  const same = mine.filter((o) => o.identical).length;
  console.log(`${tool.padEnd(width)}  ${String(mine.length).padStart(5)}  ${String(same).padStart(9)}  ${String(mine.length - same).padStart(9)}`);
}
const labs = [...new Set(outcomes.map((o) => o.reference.lab))].sort();
console.log(`labs: ${labs.map((lab) => `${lab} ${outcomes.filter((o) => o.reference.lab === lab).length}`).join(', ')}`);
for (const o of outcomes.filter((x) => !x.identical)) console.log(`DIFFERENT [${o.reference.lab}] ${o.reference.line}\n  ${o.difference}`);

const jqDir = new URL('../tests/jq/', import.meta.url);
const programs: JqReference[] = readdirSync(jqDir)
  .filter((f) => f.endsWith('references.json'))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, jqDir), 'utf8')) as JqReference[]);
let programsSame = 0;
for (const program of programs) {
  const got = await jq(program);
  if (got.stdout === program.stdout && got.stderr === program.stderr && got.status === program.status) programsSame++;
  else console.log(`DIFFERENT jq program ${caseName(program)}`);
}
console.log(`jq programs: ${programsSame}/${programs.length} identical`);

const identical = outcomes.filter((o) => o.identical).length;
console.log(`conformance: ${identical}/${outcomes.length} identical`);
process.exitCode = identical === outcomes.length && programsSame === programs.length ? 0 : 1;
