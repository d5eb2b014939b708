// What a grep costs: every search of a run counts towards one step limit (set-up, empty moves,
// building the DFA's states), so no input and no pattern keeps the terminal busy (`npm run bench`
// holds each search here to a second of CPU); ordinary searches over a value of the lab's largest
// size answer as GNU grep does.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { findCommand } from '../../src/engine/commands/registry.ts';
import { emptyWorld } from '../shell/fake-world.ts';
import { runCommand } from '../helpers/run-command.ts';
import { costly } from '../helpers/cost.ts';

const grep = (args: string[], stdin: string) => runCommand(findCommand('grep')!, ['grep', ...args], new Session(emptyWorld()), { stdin });

const LIMIT = /^grep: the lab stopped this search after \d+ steps\n$/;

/** The review's value: `jq -rn '"ab\n" * 1300000'`, 3.9 MB in 1.3 million lines. */
const AB_LINES = 'ab\n'.repeat(1_300_000);
/** `jq -rn '"a\n" * 100000'` as `echo "$X"` passes it on (the echo adds an empty line). */
const A_LINES = `${'a\n'.repeat(100_000)}\n`;

describe('grep over a value of the lab\'s largest size answers as GNU grep does', () => {
  const cases: Array<{ args: string[]; input: string; stdout: string; status: number }> = [
    { args: ['-c', 'a'], input: AB_LINES, stdout: '1300000\n', status: 0 },
    { args: ['-v', 'x'], input: AB_LINES, stdout: AB_LINES, status: 0 },
    { args: ['-E', '^(a|b|ab)*$'], input: AB_LINES, stdout: AB_LINES, status: 0 },
    { args: ['-o', '.'], input: AB_LINES, stdout: 'a\nb\n'.repeat(1_300_000), status: 0 },
    { args: ['-ciE', 'error|warn|fail'], input: AB_LINES, stdout: '0\n', status: 1 },
    { args: ['-cw', 'ab'], input: AB_LINES, stdout: '1300000\n', status: 0 },
    { args: ['-c', '-E', 'b{32767}'], input: A_LINES, stdout: '0\n', status: 1 },
    { args: ['-c', '-E', 'a{32767}'], input: A_LINES, stdout: '0\n', status: 1 },
  ];
  for (const { args, input, stdout, status } of cases) {
    it(`grep ${args.join(' ')} on ${input.length} characters`, async () => {
      const result = await costly(() => grep(args, input));
      expect(result).toEqual({ stdout, stderr: '', status });
    });
  }
});

describe('every search of a grep run counts towards its step limit', () => {
  it('a big pattern on many lines pays for each search once, not for its size on every line', async () => {
    // Each search used to allocate arrays the size of the pattern: 42 s for this line.
    const result = await costly(() => grep(['-c', '-E', '(a|b){32767}'], A_LINES));
    expect(result).toEqual({ stdout: '0\n', stderr: '', status: 1 });
  });

  it('a pattern of 130,000 states over 1.3 million lines answers (it took over ten minutes before)', async () => {
    const result = await costly(() => grep(['-E', '([ab]{1,255}){1,255}x'], AB_LINES));
    expect(result).toEqual({ stdout: '', stderr: '', status: 1 });
  });

  it('the same pattern with no text to look for first is answered by states made once and reused', async () => {
    const result = await costly(() => grep(['-E', '([ab]{1,255}){1,255}[xy]'], AB_LINES));
    expect(result).toEqual({ stdout: '', stderr: '', status: 1 });
  });

  it('a search that needs new states at every character stops at the limit, exit 2', async () => {
    const result = await costly(() => grep(['-cE', '([ab]{1,255}){1,255}[xy]'], `${'ab'.repeat(2_000_000)}\n`));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(LIMIT);
  });

  it('steps add up over the lines of one run: cheap lines stop the search once their sum passes the limit', async () => {
    const result = await costly(() => grep(['-oE', '([ab]{1,255}){1,255}'], AB_LINES));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(LIMIT);
    // What was found before the limit is printed, as GNU grep would have printed it.
    expect(result.stdout.length).toBeGreaterThan(0);
    expect(AB_LINES.startsWith(result.stdout)).toBe(true);
  });

  it('a text of a million different characters, each needing its own transition, stops at the limit or answers', async () => {
    const characters: string[] = [];
    for (let cp = 0x80; cp < 0x110000; cp++) if (cp < 0xd800 || cp > 0xdfff) characters.push(String.fromCodePoint(cp));
    const input = `${characters.join('').slice(0, 4_000_000)}\n`;
    for (const args of [['-cE', '[[:alpha:]]x|\\bq'], ['-cw', 'é'], ['-ci', 'éx']]) {
      const result = await costly(() => grep(args, input), args.join(' '));
      if (result.status === 2) expect(result.stderr).toMatch(LIMIT);
      else expect(result).toEqual({ stdout: '0\n', stderr: '', status: 1 });
    }
  });

  it('each run has its own limit: the next grep in the session answers in full', async () => {
    const session = new Session(emptyWorld());
    const run = (args: string[], stdin: string) => runCommand(findCommand('grep')!, ['grep', ...args], session, { stdin });
    expect((await run(['-cE', '([ab]{1,255}){1,255}[xy]'], `${'ab'.repeat(2_000_000)}\n`)).status).toBe(2);
    expect(await run(['-c', 'a'], AB_LINES)).toEqual({ stdout: '1300000\n', stderr: '', status: 0 });
  });
});
