// bash's printf: conversions as the C library writes them (ties rounded to even on long doubles),
// the format reused for extra arguments, and bad numbers reported but printed as far as read.
import { describe, expect, it } from 'vitest';
import { printf } from '../../src/engine/commands/builtins/printf.ts';
import { fakeSession, runCommand } from './run-command.ts';
import { fromDecimal, fixedDigits } from '../../src/engine/commands/builtins/exact-float.ts';

const run = (...argv: string[]) => runCommand(printf, ['printf', ...argv]);

describe('printf', () => {
  it('pads and clips by bytes, as bash does: a two-byte é takes two columns of a width', async () => {
    expect((await run('%-4s|%3s|', 'é', 'é')).stdout).toBe('é  | é|');
    expect((await run('%.1s|%c', 'é', 'é')).stdout).toBe('\uFFFD|\uFFFD');
  });

  it('reuses the format while arguments remain', async () => {
    expect((await run('%s-%s\n', 'a', 'b', 'c')).stdout).toBe('a-b\nc-\n');
  });

  it('pads, signs and bases integers as C does', async () => {
    expect((await run('%05d|%-4d|%+d|%#x|%#o|%.3d\n', '42', '7', '5', '255', '8', '7')).stdout).toBe('00042|7   |+5|0xff|010|007\n');
  });

  it('rounds exact ties to even and reads numbers as long doubles', async () => {
    expect((await run('%.0f %.0f %.2f %.3f\n', '0.5', '2.5', '0.125', '1.0005')).stdout).toBe('0 2 0.12 1.001\n');
    expect(fixedDigits(fromDecimal(false, 10005n, -4, 53), 3)).toBe('1.000');
  });

  it('trims %g as glibc does', async () => {
    expect((await run('%g %g %g %G\n', '0.0001', '123456', '1234567', '1e-10')).stdout).toBe('0.0001 123456 1.23457e+06 1E-10\n');
  });

  it('reports a bad number with status 1 and prints what it read', async () => {
    expect(await run('%d\n', '12abc')).toMatchObject({ stdout: '12\n', stderr: 'bash: printf: 12abc: invalid number\n', status: 1 });
  });

  it('stops at %b\'s \\c and at an invalid directive, keeping what came before', async () => {
    expect((await run('x%by\n', 'a\\cb')).stdout).toBe('xa');
    expect(await run('a%yb\n')).toMatchObject({ stdout: 'a', stderr: "bash: printf: `y': invalid format character\n", status: 1 });
  });

  it('stores the text in a variable with -v', async () => {
    const session = fakeSession();
    await runCommand(printf, ['printf', '-v', 'out', '%s=%d', 'x', '5'], '', session);
    expect(session.vars.get('out')).toBe('x=5');
  });
});

describe("printf's %(…)T", () => {
  it('prints a time as strftime does, in UTC, -1 (or no argument) meaning the lab clock', async () => {
    expect((await run('%(%F %T %Z)T\n', '1700000000')).stdout).toBe('2023-11-14 22:13:20 UTC\n');
    const session = fakeSession();
    const now = session.now().toISOString().slice(0, 10);
    expect((await runCommand(printf, ['printf', '%(%F)T'], '', session)).stdout).toBe(now);
  });
});

describe('printf within the lab\'s bounds', () => {
  it('stops a width or precision larger than a value the lab holds, instead of building it', async () => {
    await expect(run('%.99999999f', '1')).rejects.toThrow(/at most \d+ characters/);
    await expect(run('%999999999s', 'x')).rejects.toThrow(/at most \d+ characters/);
  });
});
