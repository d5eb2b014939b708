// test and [ as bash 5.2 answers them: POSIX's argument-count rules, bash's error texts, and file
// tests on the lab's read-only tree.
import { describe, expect, it } from 'vitest';
import { bracket, test } from '../../src/engine/commands/builtins/test.ts';
import { runCommand } from './run-command.ts';

const t = (...args: string[]) => runCommand(test, ['test', ...args]);
const b = (...args: string[]) => runCommand(bracket, ['[', ...args]);

describe('test and [', () => {
  it('compares strings and integers', async () => {
    expect((await b('a', '=', 'a', ']')).status).toBe(0);
    expect((await b('10', '-gt', '9', ']')).status).toBe(0);
    expect((await b('!', 'b', '<', 'a', ']')).status).toBe(0);
    expect((await t('1', '-eq', '2')).status).toBe(1);
    expect((await t('(', 'a', '=', 'b', ')', '-o', '-n', 'x')).status).toBe(0);
  });

  it("reports bash's errors with status 2", async () => {
    expect(await b('1', '-eq', 'x', ']')).toMatchObject({ status: 2, stderr: 'bash: [: x: integer expression expected\n' });
    expect(await t('a', 'b')).toMatchObject({ status: 2, stderr: 'bash: test: a: unary operator expected\n' });
    expect(await b('a', 'b', 'c', ']')).toMatchObject({ status: 2, stderr: 'bash: [: b: binary operator expected\n' });
    expect(await b('a', '=', 'a')).toMatchObject({ status: 2, stderr: "bash: [: missing `]'\n" });
    expect(await b('a', '=', 'b', 'c', 'd', 'e', ']')).toMatchObject({ status: 2, stderr: 'bash: [: too many arguments\n' });
    expect(await b('a', '=', 'b', '-z', 'd', 'e', ']')).toMatchObject({ status: 2, stderr: "bash: [: syntax error: `-z' unexpected\n" });
    expect(await b('(', '!', '!', 'b', ']')).toMatchObject({ status: 2, stderr: "bash: [: `)' expected, found ]\n" });
    expect(await t('(', '!', '!', 'b')).toMatchObject({ status: 2, stderr: "bash: test: `)' expected\n" });
  });

  it('tests files on the read-only tree: present, kind, never writable', async () => {
    expect((await t('-f', '/etc/hosts')).status).toBe(0);
    expect((await t('-d', '.kube')).status).toBe(0);
    expect((await t('-e', '/etc/nothing')).status).toBe(1);
    expect((await t('-w', '.bashrc')).status).toBe(1);
    expect((await t('-s', '../reader/.bashrc', '-a', '!', '-d', '.bashrc')).status).toBe(0);
  });
});
