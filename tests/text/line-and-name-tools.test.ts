// tac, rev, basename and dirname, as coreutils and util-linux print them.
import { describe, expect, it } from 'vitest';
import { tac } from '../../src/engine/commands/text/tac.ts';
import { rev } from '../../src/engine/commands/text/rev.ts';
import { basename, dirname } from '../../src/engine/commands/text/basename-dirname.ts';
import { runCommand } from './run-command.ts';

describe('tac and rev', () => {
  it('tac prints lines last first, joining an unterminated last line to the next', async () => {
    expect((await runCommand(tac, ['tac'], 'a\nb\nc')).stdout).toBe('cb\na\n');
  });

  it('rev reverses characters, not bytes', async () => {
    expect((await runCommand(rev, ['rev'], 'héllo\n')).stdout).toBe('olléh\n');
  });
});

describe('basename and dirname', () => {
  it('strip directories, trailing slashes and a suffix', async () => {
    expect((await runCommand(basename, ['basename', '/usr/local/bin/'])).stdout).toBe('bin\n');
    expect((await runCommand(basename, ['basename', '-s', '.gz', 'a.gz', 'b/c.gz'])).stdout).toBe('a\nc\n');
    expect((await runCommand(dirname, ['dirname', '/usr/', 'a//b//', 'x'])).stdout).toBe('/\na\n.\n');
  });

  it('say a missing operand as coreutils does', async () => {
    expect(await runCommand(basename, ['basename'])).toEqual({ stdout: '', stderr: "basename: missing operand\nTry 'basename --help' for more information.\n", status: 1 });
  });
});
