// `npm run bench:cli [-- --runs N] [-- --sources]`: the CPU (user + system, the CLI's child
// processes included) that `bin/aro-labs labs` and `bin/aro-labs exec 'echo hi'` take to start
// and finish: median, min and max of N runs after one warm-up run. With --sources, the same
// commands run from the TypeScript sources (as bin/aro-labs did before it ran a bundle) for
// comparison. Node cannot read a child's CPU time itself, so each run is timed by the shell's
// POSIX `times`, whose second line is its children's user and system time.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET_S = 0.15;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, sources: { type: 'boolean', default: false } } });
const runs = Number(values.runs);

const COMMANDS: Array<[string, string[]]> = [
  ['labs', ['labs']],
  ["exec 'echo hi'", ['exec', 'echo hi']],
];

/** Seconds of the `times` field `0m0.110s` (dash prints `0m0.110000s`, bash `0m0.110s`). */
function seconds(field: string): number {
  const match = /^(\d+)m([\d.]+)s$/.exec(field);
  if (!match) throw new Error(`unexpected output of times: ${field}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** CPU seconds of one run of `program args`, its output discarded. */
function cpuOnce(program: string[], args: string[]): number {
  const script = '"$@" >/dev/null 2>&1 </dev/null; times';
  const out = execFileSync('/bin/sh', ['-c', script, 'sh', ...program, ...args], { cwd: ROOT, encoding: 'utf8' });
  const children = out.trim().split('\n')[1]?.trim().split(/\s+/) ?? [];
  return seconds(children[0] ?? '') + seconds(children[1] ?? '');
}

function stats(samples: number[]): { median: number; min: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

const ways: Array<[string, string[]]> = [['bundle', [`${ROOT}bin/aro-labs`]]];
if (values.sources) ways.push(['sources', [`${ROOT}node_modules/.bin/node`, '--disable-warning=ExperimentalWarning', `${ROOT}src/node/cli.ts`]]);

console.log(`CPU seconds (user + sys), median of ${runs} runs [min–max]; target ${TARGET_S} s`);
for (const [name, args] of COMMANDS) {
  for (const [way, program] of ways) {
    cpuOnce(program, args); // warm-up: builds the bundle if a source changed, fills the compile cache
    const s = stats(Array.from({ length: runs }, () => cpuOnce(program, args)));
    const mark = way === 'bundle' ? (s.median <= TARGET_S ? '  ok' : '  over target') : '';
    console.log(`${`aro-labs ${name}`.padEnd(24)} ${way.padEnd(8)} ${s.median.toFixed(3)} [${s.min.toFixed(3)}–${s.max.toFixed(3)}]${mark}`);
  }
}
