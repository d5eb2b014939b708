// grep's patterns against GNU grep 3.8: every case of grep-cases.json prints what the real grep
// printed (grep-references.json, recorded by scripts/make-grep-references.sh), and patterns that
// make a backtracking matcher take exponential time are answered (their CPU: `npm run bench`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { findCommand } from '../../src/engine/commands/registry.ts';
import { emptyWorld } from '../shell/fake-world.ts';
import { runCommand } from '../helpers/run-command.ts';
import { costly } from '../helpers/cost.ts';

interface Reference { flags: string[]; pattern: string; input: string; stdout: string; stderr: string; status: number }

const references: Reference[] = JSON.parse(readFileSync(new URL('./grep-references.json', import.meta.url), 'utf8'));

const grep = (args: string[], stdin: string) => runCommand(findCommand('grep')!, ['grep', ...args], new Session(emptyWorld()), { stdin });

describe('grep matches GNU grep 3.8', () => {
  for (const ref of references) {
    it(`grep ${ref.flags.join(' ')} ${JSON.stringify(ref.pattern)} on ${JSON.stringify(ref.input.slice(0, 20))}`, async () => {
      expect(await grep([...ref.flags, ref.pattern], ref.input)).toEqual({ stdout: ref.stdout, stderr: ref.stderr, status: ref.status });
    });
  }
});

describe('grep patterns that backtrack exponentially end quickly', () => {
  const cases: Array<{ args: string[]; input: string }> = [
    { args: ['-E', '(a+)+$'], input: `${'a'.repeat(30)}!\n` },
    { args: ['-E', '(a+)+$'], input: `${'a'.repeat(5000)}!\n` },
    { args: ['-oE', '(a|a)*b'], input: `${'a'.repeat(5000)}\n` },
    { args: ['-E', '(a*)*b'], input: `${'a'.repeat(5000)}\n` },
    { args: ['-cE', '(.*a){20}'], input: `${'a'.repeat(19)}${'b'.repeat(3000)}\n`.repeat(5) },
    { args: ['-E', '(x+x+)+y'], input: `${'x'.repeat(5000)}\n` },
    { args: ['-xiE', '(a|aa)+'], input: `${'a'.repeat(4000)}b\n` },
    { args: ['-ow', '\\(a*\\)*b'], input: `${'a'.repeat(3000)} `.repeat(3) },
  ];
  for (const { args, input } of cases) {
    it(`grep ${args.join(' ')} on ${input.length} characters answers as GNU grep does`, async () => {
      const result = await costly(() => grep(args, input));
      // None of these lines contains a match (the pattern needs a character the input lacks).
      expect(result).toEqual({ stdout: args.includes('-cE') ? '0\n' : '', stderr: '', status: 1 });
    });
  }

  it('a back-reference that would split the line every way stops at the lab limit with exit 2, and the session goes on', async () => {
    const session = new Session(emptyWorld());
    const result = await costly(() => runCommand(findCommand('grep')!, ['grep', '-E', '(a*)*\\1b'], session, { stdin: `${'a'.repeat(300)}cb\n` }));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^grep: the lab stopped this pattern after \d+ steps \(back-references are matched by trying every way to split the line\)\n$/);
    expect(await runCommand(findCommand('grep')!, ['grep', '-E', '(a)\\1'], session, { stdin: 'xaay\n' })).toEqual({ stdout: 'xaay\n', stderr: '', status: 0 });
  });

  it('a back-reference on a short line still matches as GNU grep does', async () => {
    expect(await grep(['-oE', '(a*)*\\1b'], 'aaab\n')).toEqual({ stdout: 'aaab\n', stderr: '', status: 0 });
  });

  it('a line the pattern cannot match is rejected without backtracking, as GNU grep rejects it at once', async () => {
    const result = await costly(() => grep(['-E', '(a*)*\\1b'], `${'a'.repeat(5000)}\n`));
    expect(result).toEqual({ stdout: '', stderr: '', status: 1 });
  });

  it('a pattern whose repetitions would need more states than the lab allows is refused at once', async () => {
    const result = await costly(() => grep(['-E', '(a{1000}){1000}'], 'a\n'));
    expect(result).toEqual({ stdout: '', stderr: 'grep: the lab cannot run this pattern: it needs more than 200000 automaton states\n', status: 2 });
  });
});
