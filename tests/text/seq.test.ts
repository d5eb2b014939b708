// seq: integers and decimals with the decimals of FIRST and INCREMENT, -w and -s.
import { describe, expect, it } from 'vitest';
import { seq } from '../../src/engine/commands/text/seq.ts';
import { runCommand } from './run-command.ts';

describe('seq', () => {
  it('counts by a decimal increment with its decimals, and pads to equal widths with -w', async () => {
    expect((await runCommand(seq, ['seq', '1', '0.5', '2'])).stdout).toBe('1.0\n1.5\n2.0\n');
    expect((await runCommand(seq, ['seq', '-w', '-s,', '8', '10'])).stdout).toBe('08,09,10\n');
  });

  it('refuses a zero increment in seq\'s words', async () => {
    expect((await runCommand(seq, ['seq', '1', '0', '3'])).status).toBe(1);
    expect((await runCommand(seq, ['seq', '1', '0', '3'])).stderr).toMatch(/^seq: invalid Zero increment value: ‘0’/);
  });
});
