// Records what bash 5.2 prints for generated `$(( ))` lines into tests/shell/arithmetic.references.json:
// expressions built from every operator, constant form and variable kind (a fixed seed, so the
// file changes only when this script does), plus hand-written edge cases. The shell test replays
// each line in a fresh lab session and requires bash's stdout, stderr and status.
//   npx node scripts/make-arithmetic-references.ts [COUNT]
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const SEED = 20261205;
const count = Number(process.argv[2] ?? 1500);

// x, y and big hold numbers; e holds an expression; n a name; empty is set but empty; u is unset.
const PRELUDE = "x=7; y=-3; big=9223372036854775807; e='x*2+1'; n=y; empty=";
const VARIABLES = ['x', 'y', 'big', 'e', 'n', 'empty', 'u'];
const CONSTANTS = ['0', '1', '2', '3', '10', '63', '64', '0x1F', '0XfF', '017', '0x', '2#101', '16#ff', '36#z', '64#@_', '9223372036854775807', '9223372036854775808', '99999999999999999999'];
const BAD_CONSTANTS = ['08', '1#1', '65#1', '2#', '1.5', '12abc', '2#3'];
const BINARY = ['+', '-', '*', '/', '%', '**', '<<', '>>', '<', '>', '<=', '>=', '==', '!=', '&', '^', '|', '&&', '||', ','];
const ASSIGN = ['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|='];
// `[` and `]` are left out: the lab's shell has no arrays.
const JUNK = ['@', '.', ':', '?', '='];

const space = fc.constantFrom('', ' ', '  ');

const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: fc.constantFrom(...CONSTANTS), weight: 4 },
    { arbitrary: fc.constantFrom(...VARIABLES), weight: 4 },
    fc.constantFrom(...BAD_CONSTANTS),
    { arbitrary: fc.tuple(tie('expr'), space, fc.constantFrom(...BINARY), space, tie('expr')).map((p) => p.join('')), weight: 4 },
    fc.tuple(fc.constantFrom('-', '+', '!', '~', '- ', '--', '++'), tie('expr')).map(([op, e]) => `${op}${e}`),
    fc.tuple(fc.constantFrom('x', 'y', 'u', 'n'), fc.constantFrom('++', '--')).map(([v, op]) => `${v}${op}`),
    fc.tuple(fc.constantFrom('++', '--'), fc.constantFrom('x', 'y', 'u')).map(([op, v]) => `${op}${v}`),
    tie('expr').map((e) => `(${e})`),
    fc.tuple(tie('expr'), space, tie('expr'), space, tie('expr')).map(([c, s1, a, s2, b]) => `${c}${s1}?${s2}${a}${s1}:${s2}${b}`),
    fc.tuple(fc.constantFrom('x', 'y', 'u', 'z'), space, fc.constantFrom(...ASSIGN), space, tie('expr')).map((p) => p.join('')),
    fc.tuple(tie('expr'), space, fc.constantFrom(...JUNK), space, tie('expr')).map((p) => p.join('')),
  ),
})).expr as fc.Arbitrary<string>;

const HAND_WRITTEN = [
  '', ' ', '1 +* 2', '1/0', ' 5 % 0 ', '2**-1', '2**0', '0**0', '(-9223372036854775807-1) / -1', '(-9223372036854775807-1) % -1',
  'x /= 0', 'u ? 1/0 : 2', '0 ? 1/0 : 2', '1 ? 2', '1 ? : 2', '3 = 4', 'x+1 = 4', '1 ? 2 : y = 3', 'x = y = 4, x + y',
  '--5', '5--2', '---x', 'x---y', 'x+++y', '++5', 'x++ + ++x', '(x)++', '1 2', 'x y', '((1))', '-(-(-(1)))',
  '1 << 64', '1 << -1', '-8 >> 1', '-1 >> 63', '~0', '!!5', '2**62*2', '3**40', '-2**2', '2**3**2', '64#z', '62#Z', '37#A',
  '0x7fffffffffffffff + 1', '017 + 08', '1,', ',1', 'x,,y', '1 ? 2 : 3 ? 4 : 5', '(1, 2) + 3', 'x = (y = 2) + 1',
];

const generated = new Set<string>();
for (let seed = SEED; generated.size < count; seed++) {
  for (const e of fc.sample(expression, { seed, numRuns: count })) if (generated.size < count) generated.add(e);
}
const lines = [...new Set([...HAND_WRITTEN, ...generated])].map((e) => `${PRELUDE}; echo $((${e})); echo "x=$x y=$y u=$u z=$z"`);

const references = lines.map((line) => {
  const real = spawnSync('bash', ['--norc', '--noprofile', '-c', line], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' } });
  // bash -c names the line of its script in errors; the lab's terminal is interactive, where bash names none.
  const stderr = real.stderr.replaceAll('bash: line 1: ', 'bash: ');
  return { line, stdout: real.stdout, stderr, exit: real.status ?? 1 };
});
const version = spawnSync('bash', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
writeFileSync(new URL('../tests/shell/arithmetic.references.json', import.meta.url), `${JSON.stringify({ source: version, seed: SEED, prelude: PRELUDE, cases: references }, null, 1)}\n`);
console.log(`${references.length} lines recorded from ${version}`);
