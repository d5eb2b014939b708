// The lab shell behaves as bash 5.2 does for what readers type (expected texts recorded from bash).
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { emptyWorld } from './fake-world.ts';

async function run(lines: string[], env: Record<string, string> = {}) {
  const session = new Session(emptyWorld(env));
  let last;
  for (const line of lines) last = await session.run(line);
  return last!;
}

describe('shell', () => {
  it('splits unquoted expansions and keeps quoted ones, as the post relies on', async () => {
    const id = '/subscriptions/s/resourceGroups/aro2-resources';
    expect((await run(['echo $id | cut -d/ -f 5'], { id })).stdout).toBe('aro2-resources\n');
    expect((await run(['x=$(echo hi; echo there)', 'echo $x; echo "$x"'])).stdout).toBe('hi there\nhi\nthere\n');
  });

  it('handles quotes, backslashes, defaults and backticks', async () => {
    expect((await run(["echo 'a'\"b\"c\\ d ${nope:-def ault} `echo bt`"])).stdout).toBe('abc d def ault bt\n');
  });

  it('runs lists with && and || and keeps $?', async () => {
    expect((await run(['false && echo no || echo yes; nope; echo $?'])).stdout).toBe('yes\n127\n');
  });

  it('reports unknown commands and syntax errors in bash words', async () => {
    expect(await run(['foo'])).toMatchObject({ status: 127, stderr: 'bash: foo: command not found\n' });
    expect(await run(['echo a | | b'])).toMatchObject({ status: 2, stderr: "bash: syntax error near unexpected token `|'\n" });
    expect(await run(['echo "abc'])).toMatchObject({ status: 2, stderr: "bash: unexpected EOF while looking for matching `\"'\n" });
  });

  it('redirects to /dev/null and merges stderr into stdout', async () => {
    expect(await run(['nope 2>/dev/null'])).toMatchObject({ status: 127, stderr: '' });
    expect(await run(['nope 2>&1 | wc -l'])).toMatchObject({ stdout: '1\n', stderr: '' });
    expect(await run(['echo a > /x'])).toMatchObject({ status: 1, stderr: 'bash: /x: Read-only file system\n' });
  });

  it('exports prefix assignments to one command only', async () => {
    expect((await run(['A=1 env | grep ^A=; env | grep -c ^A='])).stdout).toBe('A=1\n0\n');
  });

  it('numbers history like bash', async () => {
    expect((await run(['echo a', 'history'])).stdout).toBe('    1  echo a\n    2  history\n');
  });

  it('completes command names and variables', async () => {
    const session = new Session(emptyWorld({ node_rg_name: 'x' }));
    expect(await session.complete('ku', 2)).toEqual({ start: 0, candidates: ['kubectl'] });
    expect(await session.complete('echo $node', 10)).toEqual({ start: 5, candidates: ['$node_rg_name'] });
  });
});
