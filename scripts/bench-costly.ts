// `npm run bench` (second part): the CPU of the costly work the tests check — catastrophic
// patterns, values that double, huge tables, hostile redaction. The tests assert what that work
// answers; here it runs on its own, one test file at a time, and each piece is held to a second of
// CPU (user + system of the process, which another busy process barely inflates). Exits 1 when
// a piece is over.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { CostRecord } from '../tests/helpers/cost.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const BUDGET_MS = 1000;

/** The test files that record costly work: those that use tests/helpers/cost.ts. */
function costlyTestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return costlyTestFiles(path);
    return entry.name.endsWith('.test.ts') && readFileSync(path, 'utf8').includes("from '../helpers/cost.ts'") ? [relative(ROOT, path)] : [];
  });
}

/** One line: the piece of work itself when the test names it, else the test. */
function describe(r: CostRecord): string {
  const text = r.work ? `${r.work}  (${r.test})` : r.test;
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

const files = costlyTestFiles(join(ROOT, 'tests')).sort();
const folder = mkdtempSync(join(tmpdir(), 'aro-labs-cost-'));
const report = join(folder, 'cost.jsonl');
try {
  const run = spawnSync('npx', ['vitest', 'run', '--no-file-parallelism', '--reporter=dot', ...files], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ARO_LABS_COST_REPORT: report },
  });
  if (run.status !== 0) {
    console.log(`costly work: the tests failed (${files.join(', ')}); run them with npx vitest run to see why`);
    process.exit(1);
  }
  const records: CostRecord[] = readFileSync(report, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const sorted = [...records].sort((a, b) => b.cpuMs - a.cpuMs);
  const over = sorted.filter((r) => r.cpuMs > BUDGET_MS);
  const median = sorted[Math.floor(sorted.length / 2)].cpuMs;
  console.log(`costly work: ${records.length} pieces in ${files.length} test files, median ${median.toFixed(1)} ms, worst ${sorted[0].cpuMs.toFixed(0)} ms of CPU (budget ${BUDGET_MS} each)`);
  for (const r of sorted.slice(0, 5)) console.log(`  ${r.cpuMs.toFixed(0).padStart(5)} ms  ${describe(r)}`);
  for (const r of over) console.log(`  OVER: ${r.test}${r.work ? ` › ${r.work}` : ''}`);
  console.log(`costly work: ${over.length ? 'OVER BUDGET' : 'within budget'}`);
  process.exit(over.length ? 1 : 0);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
