// test and [ as bash 5.2 answers them: POSIX's argument-count rules, bash's error texts, and file
// tests on the lab's read-only tree.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { emptyWorld } from '../shell/fake-world.ts';

async function run(line: string) {
  return new Session(emptyWorld()).run(line);
}

describe('test and [', () => {
  it('compares strings and integers', async () => {
    expect((await run('[ a = a ] && [ 10 -gt 9 ] && [ ! b \\< a ]; echo $?')).stdout).toBe('0\n');
    expect((await run('test 1 -eq 2; echo $?')).stdout).toBe('1\n');
  });

  it("reports bash's errors with status 2", async () => {
    expect(await run('[ 1 -eq x ]')).toMatchObject({ status: 2, stderr: 'bash: [: x: integer expression expected\n' });
    expect(await run('test a b')).toMatchObject({ status: 2, stderr: 'bash: test: a: unary operator expected\n' });
    expect(await run('[ a b c ]')).toMatchObject({ status: 2, stderr: 'bash: [: b: binary operator expected\n' });
    expect(await run('[ a = a')).toMatchObject({ status: 2, stderr: "bash: [: missing `]'\n" });
    expect(await run('[ a = b c d e ]')).toMatchObject({ status: 2, stderr: 'bash: [: too many arguments\n' });
    expect(await run('[ a = b -z d e ]')).toMatchObject({ status: 2, stderr: "bash: [: syntax error: `-z' unexpected\n" });
  });

  it('tests files on the read-only tree: present, kind, never writable', async () => {
    expect((await run('[ -f /etc/hosts ] && [ -d .kube ] && [ ! -e /etc/nothing ] && [ ! -w .bashrc ] && [ -s .bashrc -a ! -d .bashrc ]; echo $?')).stdout).toBe('0\n');
  });
});
