// Re-records tests/az/control-characters.references.json: for each of its (note, line) cases, the
// real az (azure-cli 2.45) runs the line offline through az-oracle against aro2's ARM resources
// with `note` in a public IP's tag (tests/helpers/control-lab.ts). Output is kept byte for byte
// (carriage returns included), so az-oracle runs here directly rather than through make-golden.py.
//   npx node scripts/make-az-control-references.ts [ORACLE_DIR]   (default ../shared/tools/az-oracle)
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportArm } from '../src/engine/sources/fixture/export.ts';
import { labWithText } from '../tests/helpers/control-lab.ts';

interface Case {
  note: string;
  line: string;
}

const oracle = resolve(process.argv[2] ?? '../shared/tools/az-oracle');
const file = new URL('../tests/az/control-characters.references.json', import.meta.url);
const cases = (JSON.parse(readFileSync(file, 'utf8')) as Case[]).map(({ note, line }) => ({ note, line }));
if (spawnSync('sh', ['-c', 'command -v az']).status !== 0) execFileSync('sh', ['-c', 'apt-get update && apt-get install -y azure-cli'], { stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'aro-labs-az-control-'));
const worlds = new Map<string, string>();
for (const [i, note] of [...new Set(cases.map((c) => c.note))].entries()) {
  const path = join(work, `arm-${i}.json`);
  writeFileSync(path, JSON.stringify(exportArm(labWithText(note))));
  worlds.set(note, path);
}

function az(c: Case): Promise<Case & { stdout: string; stderr: string; exit: number }> {
  const argv = ['--arm', worlds.get(c.note)!, '--', ...splitWords(c.line.replace(/^az /, ''))];
  return new Promise((done) =>
    execFile(join(oracle, 'az-oracle'), argv, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      done({ ...c, stdout, stderr, exit: error ? Number((error as { code?: number }).code ?? 1) : 0 }),
    ),
  );
}

/** The lines' words: plain words and single-quoted ones, as the cases write them. */
function splitWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

// Four at a time: each run of az takes seconds.
const references: Array<Case & { stdout: string; stderr: string; exit: number }> = [];
for (let i = 0; i < cases.length; i += 4) references.push(...(await Promise.all(cases.slice(i, i + 4).map(az))));
writeFileSync(file, `${JSON.stringify(references, null, 1)}\n`);
console.log(`${references.length} az references with control characters`);
