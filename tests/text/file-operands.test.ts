// grep, head, tail, wc, sort, cut and uniq read the tree's files as cat does, with coreutils' names,
// headers, totals and errors.
import { describe, expect, it } from 'vitest';
import { grep } from '../../src/engine/commands/text/grep.ts';
import { head } from '../../src/engine/commands/text/head-tail.ts';
import { wc } from '../../src/engine/commands/text/wc.ts';
import { sort, uniq } from '../../src/engine/commands/text/sort-uniq.ts';
import { cut } from '../../src/engine/commands/text/cut.ts';
import { readFile } from '../../src/engine/commands/fs/tree.ts';
import { inputLines } from '../../src/engine/commands/text/options.ts';
import { fakeSession, runCommand } from './run-command.ts';

describe('file operands of the text tools', () => {
  it('grep names each file past one and says which operand is a directory', async () => {
    const session = fakeSession();
    const hosts = inputLines(readFile(session, '/etc/hosts')!);
    const word = hosts[0].split(/\s+/)[0];
    const expected = hosts.filter((l) => l.includes(word)).map((l) => `/etc/hosts:${l}\n`).join('');
    expect(await runCommand(grep, ['grep', '-F', word, '/etc', '/etc/hosts'], '', session)).toEqual({
      stdout: expected, stderr: 'grep: /etc: Is a directory\n', status: 2,
    });
  });

  it('wc prints a row a file and a total, as wide as the files together', async () => {
    const session = fakeSession();
    const a = readFile(session, '/etc/hosts')!;
    const b = readFile(session, '/etc/hostname')!;
    const lines = (t: string) => t.split('\n').length - 1;
    const width = String(new TextEncoder().encode(a + b).length).length;
    const cell = (n: number) => String(n).padStart(width);
    expect((await runCommand(wc, ['wc', '-l', '/etc/hosts', '/etc/hostname'], '', session)).stdout).toBe(
      `${cell(lines(a))} /etc/hosts\n${cell(lines(b))} /etc/hostname\n${cell(lines(a) + lines(b))} total\n`,
    );
  });

  it('head heads each file, tells a missing one in its own words and goes on', async () => {
    const session = fakeSession();
    const first = (p: string) => `${inputLines(readFile(session, p)!)[0]}\n`;
    expect(await runCommand(head, ['head', '-n1', '/etc/hosts', 'nothing', '/etc/hostname'], '', session)).toEqual({
      stdout: `==> /etc/hosts <==\n${first('/etc/hosts')}\n==> /etc/hostname <==\n${first('/etc/hostname')}`,
      stderr: "head: cannot open 'nothing' for reading: No such file or directory\n",
      status: 1,
    });
  });

  it('sort, cut and uniq read files; sort stops at the first it cannot read', async () => {
    const session = fakeSession();
    const hosts = readFile(session, '/etc/hosts')!;
    expect((await runCommand(sort, ['sort', '/etc/hosts'], '', session)).stdout).toBe(
      inputLines(hosts).sort().map((l) => `${l}\n`).join(''),
    );
    expect(await runCommand(sort, ['sort', '/etc/hosts', 'nothing'], '', session)).toEqual({
      stdout: '', stderr: 'sort: cannot read: nothing: No such file or directory\n', status: 2,
    });
    expect((await runCommand(cut, ['cut', '-c1', '/etc/hosts'], '', session)).stdout).toBe(
      inputLines(hosts).map((l) => `${[...l].slice(0, 1).join('')}\n`).join(''),
    );
    expect((await runCommand(uniq, ['uniq', '/etc/hostname'], '', session)).stdout).toBe(readFile(session, '/etc/hostname'));
  });
});

describe('grep -r, -f and -P', () => {
  it('-r searches the files under a directory, naming each', async () => {
    const session = fakeSession();
    const hosts = inputLines(readFile(session, '/etc/hosts')!);
    const word = hosts[0].split(/\s+/)[0];
    const { stdout, status } = await runCommand(grep, ['grep', '-rlF', word, '/etc'], '', session);
    expect(stdout.split('\n')).toContain('/etc/hosts');
    expect(status).toBe(0);
  });

  it('-f takes one pattern a line from a file; an empty pattern list matches nothing', async () => {
    const session = fakeSession();
    const name = readFile(session, '/etc/hostname')!;
    expect((await runCommand(grep, ['grep', '-c', '-f', '/etc/hostname', '/etc/hostname'], '', session)).stdout).toBe(`${inputLines(name).length}\n`);
    expect(await runCommand(grep, ['grep', '-f', '-'], '')).toMatchObject({ stdout: '', status: 1 });
  });

  it('-P says it is not available, in grep\'s voice and status', async () => {
    const { stderr, status } = await runCommand(grep, ['grep', '-P', '\\d'], '1\n');
    expect(stderr).toMatch(/^grep: .*not available in this lab/);
    expect(status).toBe(2);
  });
});
