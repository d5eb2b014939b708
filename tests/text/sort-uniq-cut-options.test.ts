// sort's -V -h -g -b -c -o, uniq's -f -s -w and cut's ranges and bytes, as coreutils does them.
import { describe, expect, it } from 'vitest';
import { sort, uniq } from '../../src/engine/commands/text/sort-uniq.ts';
import { cut } from '../../src/engine/commands/text/cut.ts';
import { versionCompare } from '../../src/engine/commands/text/sort-orders.ts';
import { runCommand } from './run-command.ts';

describe('sort orders', () => {
  it('-V puts numbers in version order and a ~ before the release', async () => {
    expect((await runCommand(sort, ['sort', '-V'], 'v1.10\nv1.9\nv1.2\n')).stdout).toBe('v1.2\nv1.9\nv1.10\n');
    expect(versionCompare('1.5~rc1', '1.5')).toBeLessThan(0);
  });

  it('-h orders by size suffix before the number, -g reads floating point and puts text first', async () => {
    expect((await runCommand(sort, ['sort', '-h'], '1K\n2M\n10\n1G\n5k\n')).stdout).toBe('10\n1K\n5k\n2M\n1G\n');
    expect((await runCommand(sort, ['sort', '-g'], '1e3\n10\nabc\n-5\n')).stdout).toBe('abc\n-5\n10\n1e3\n');
  });

  it('-c names the first line out of order; -o cannot write to the read-only tree', async () => {
    expect(await runCommand(sort, ['sort', '-c'], 'a\nc\nb\n')).toEqual({ stdout: '', stderr: 'sort: -:3: disorder: b\n', status: 1 });
    expect((await runCommand(sort, ['sort', '-o', 'out'], 'b\n')).stderr).toBe('sort: open failed: out: Read-only file system\n');
  });
});

describe('uniq and cut options', () => {
  it('uniq compares past -f fields and -s characters, at most -w', async () => {
    expect((await runCommand(uniq, ['uniq', '-f1', '-c'], 'x a\ny a\nz b\n')).stdout).toBe('      2 x a\n      1 z b\n');
    expect((await runCommand(uniq, ['uniq', '-w2'], 'aa1\naa2\nab\n')).stdout).toBe('aa1\nab\n');
  });

  it('cut -c counts bytes, and a range that runs backwards is an error', async () => {
    expect((await runCommand(cut, ['cut', '-c1-3'], 'héllo\n')).stdout).toBe('hé\n');
    expect((await runCommand(cut, ['cut', '-c1-0'], 'a\n')).stderr).toBe("cut: invalid decreasing range\nTry 'cut --help' for more information.\n");
  });
});
