// cd as bash 5.2 prints it (texts recorded from an interactive bash), on the lab's read-only tree.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { emptyWorld } from './fake-world.ts';

async function run(lines: string[]) {
  const session = new Session(emptyWorld());
  let last;
  for (const line of lines) last = await session.run(line);
  return last!;
}

describe('cd', () => {
  it('is a command the lab knows, not "command not found"', async () => {
    expect(await run(['cd /tmp'])).toMatchObject({ status: 0, stderr: '' });
  });

  it('moves the working directory that pwd prints, and back home with no argument or ~', async () => {
    expect((await run(['cd /tmp', 'pwd'])).stdout).toBe('/tmp\n');
    expect((await run(['cd /tmp', 'cd', 'pwd'])).stdout).toBe('/home/reader\n');
    expect((await run(['cd /tmp', 'cd ~', 'pwd'])).stdout).toBe('/home/reader\n');
  });

  it('resolves relative paths, . and .. logically', async () => {
    expect((await run(['cd ..', 'pwd'])).stdout).toBe('/home\n');
    expect((await run(['cd /usr/../tmp/./', 'pwd'])).stdout).toBe('/tmp\n');
    expect((await run(['cd /usr', 'cd local/bin', 'pwd'])).stdout).toBe('/usr/local/bin\n');
  });

  it('cd - goes to OLDPWD and prints it; without one it says so', async () => {
    expect(await run(['cd /tmp', 'cd /', 'cd -'])).toMatchObject({ status: 0, stdout: '/tmp\n' });
    expect(await run(['cd -'])).toMatchObject({ status: 1, stderr: 'bash: cd: OLDPWD not set\n' });
  });

  it('answers what is not there, and bad usage, in bash\'s words and statuses', async () => {
    expect(await run(['cd nope'])).toMatchObject({ status: 1, stderr: 'bash: cd: nope: No such file or directory\n' });
    expect(await run(['cd /etc/passwd'])).toMatchObject({ status: 1, stderr: 'bash: cd: /etc/passwd: Not a directory\n' });
    expect(await run(['cd a b'])).toMatchObject({ status: 1, stderr: 'bash: cd: too many arguments\n' });
    expect(await run(['cd -x'])).toMatchObject({ status: 2, stderr: 'bash: cd: -x: invalid option\ncd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n' });
    expect(await run(['unset HOME', 'cd'])).toMatchObject({ status: 1, stderr: 'bash: cd: HOME not set\n' });
  });

  it('does nothing, successfully, for an empty argument', async () => {
    expect(await run(['cd /tmp', 'cd ""', 'echo $? $PWD'])).toMatchObject({ stdout: '0 /tmp\n' });
  });

  it('a failed cd leaves the directory where it was', async () => {
    expect((await run(['cd /tmp', 'cd nope', 'pwd'])).stdout).toBe('/tmp\n');
  });
});
