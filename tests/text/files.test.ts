// cat, ls and tr: the tree's files as coreutils prints them, and tr's sets on bytes.
import { describe, expect, it } from 'vitest';
import { cat } from '../../src/engine/commands/text/cat.ts';
import { columns, ls } from '../../src/engine/commands/text/ls.ts';
import { tr } from '../../src/engine/commands/text/tr.ts';
import { readFile } from '../../src/engine/commands/fs/tree.ts';
import { fakeSession, runCommand } from './run-command.ts';

describe('cat', () => {
  it("prints a file of the tree, numbering lines across operands with -n", async () => {
    const session = fakeSession();
    const hosts = readFile(session, '/etc/hosts')!;
    expect((await runCommand(cat, ['cat', '/etc/hosts'], '', session)).stdout).toBe(hosts);
    const numbered = (await runCommand(cat, ['cat', '-n', '-', '/etc/hostname'], 'a\n', session)).stdout;
    expect(numbered).toBe(`     1\ta\n     2\t${readFile(session, '/etc/hostname')}`);
  });

  it('says what is missing or a directory, and goes on', async () => {
    expect(await runCommand(cat, ['cat', 'nothing', '/etc', '-'], 'in\n')).toEqual({
      stdout: 'in\n', stderr: 'cat: nothing: No such file or directory\ncat: /etc: Is a directory\n', status: 1,
    });
  });
});

describe('ls', () => {
  it('prints one name per line into a pipe, hidden names with -a', async () => {
    expect((await runCommand(ls, ['ls', '-a'])).stdout).toBe('.\n..\n.bashrc\n.kube\n.profile\n');
    expect((await runCommand(ls, ['ls', '.kube'])).stdout).toBe('config\n');
  });

  it('lists long with aligned columns and a total of 4 KiB blocks', async () => {
    const out = (await runCommand(ls, ['ls', '-la'])).stdout.split('\n');
    expect(out[0]).toBe('total 20');
    expect(out[1]).toMatch(/^drwxr-xr-x 3 reader reader 4096 \w{3} [ \d]\d \d\d:\d\d \.$/);
    expect(out[3]).toMatch(/^-rw-r--r-- 1 reader reader +\d+ .* \.bashrc$/);
  });

  it('lays names out in columns as GNU ls does on an 80-column terminal: down then across, tabs to pad', () => {
    const names = ['alpha', 'beta', 'chi', 'delta', 'epsilon', 'eta', 'gamma', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'omega', 'omicron', 'phi', 'pi', 'psi', 'rho', 'sigma', 'tau', 'theta', 'upsilon', 'xi', 'zeta'];
    // What ls -C prints for these names with COLUMNS=80 (coreutils 9.1).
    expect(columns(names)).toEqual([
      'alpha  delta\tgamma  lambda  omega\tpi   sigma  upsilon',
      'beta   epsilon\tiota   mu      omicron\tpsi  tau    xi',
      'chi    eta\tkappa  nu      phi\trho  theta  zeta',
    ]);
  });

  it('marks directories with -F, sorts by size with -S, and says which GNU options it does not run', async () => {
    expect((await runCommand(ls, ['ls', '-aF'])).stdout).toBe('./\n../\n.bashrc\n.kube/\n.profile\n');
    const bySize = (await runCommand(ls, ['ls', '-S', '-A'])).stdout.split('\n');
    expect(bySize.slice(0, 1)).toEqual(['.kube']);
    expect(await runCommand(ls, ['ls', '-R'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^ls: option -R is not available in this lab/) });
  });

  it('answers a missing path with status 2 and still lists the others', async () => {
    expect(await runCommand(ls, ['ls', 'nothing', '.kube'])).toEqual({
      stdout: '.kube:\nconfig\n', stderr: "ls: cannot access 'nothing': No such file or directory\n", status: 2,
    });
  });
});

describe('tr', () => {
  it('translates classes and ranges, pads SET2 with its last byte, deletes the complement', async () => {
    expect((await runCommand(tr, ['tr', '[:lower:]', '[:upper:]'], 'abc\n')).stdout).toBe('ABC\n');
    expect((await runCommand(tr, ['tr', 'abc', 'x'], 'abcd\n')).stdout).toBe('xxxd\n');
    expect((await runCommand(tr, ['tr', '-cd', '[:digit:]'], 'a1b2\n')).stdout).toBe('12');
    expect((await runCommand(tr, ['tr', '-s', ' '], 'a   b\n')).stdout).toBe('a b\n');
  });

  it("rejects what GNU tr rejects, in its words", async () => {
    expect(await runCommand(tr, ['tr', 'z-a', 'x'])).toMatchObject({ status: 1, stderr: "tr: range-endpoints of 'z-a' are in reverse collating sequence order\n" });
    expect(await runCommand(tr, ['tr', 'a', '[:upper:]'])).toMatchObject({ status: 1, stderr: 'tr: misaligned [:upper:] and/or [:lower:] construct\n' });
  });
});
