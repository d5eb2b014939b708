// az's printers (knack's json, yaml, tsv and table) on values no query budget made: deeply nested,
// very long, or with long runs of spaces and escape codes in a cell. Each ends with what az prints,
// or with the lab's limit (never a JavaScript RangeError); `npm run bench` holds each to a second
// of CPU, which is how a quadratic walk would show.
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/engine/format/knack/json.ts';
import { formatYaml } from '../../src/engine/format/knack/yaml.ts';
import { formatTsv } from '../../src/engine/format/knack/tsv.ts';
import { formatTable } from '../../src/engine/format/knack/table.ts';
import { MAX_DEPTH, MAX_OUTPUT, OutputLimit } from '../../src/engine/format/knack/printer.ts';
import { costlySync } from '../helpers/cost.ts';

/** A list inside a list, `levels` deep (built without recursion). */
function nested(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('az printers stop at the lab bounds', () => {
  it('a value nested 100 000 levels deep stops at the depth bound in every format', () => {
    const deep = nested(100_000);
    for (const [name, print] of [['json', () => formatJson(deep)], ['yaml', () => formatYaml(deep)], ['tsv', () => formatTsv([deep])], ['table', () => formatTable([deep], false)]] as const) {
      const run = costlySync(print, name);
      // tsv prints a nested list as its length: nothing deep to walk.
      if (name === 'tsv') continue;
      expect(run.error, name).toBeInstanceOf(OutputLimit);
      expect((run.error as Error).message, name).toBe(`the lab prints values nested at most ${MAX_DEPTH} levels deep`);
    }
  });

  it('a value nested as deep as the bound still prints', () => {
    const text = formatJson(nested(MAX_DEPTH));
    expect(text.split('\n')).toHaveLength(2 * MAX_DEPTH + 2);
  });

  it('a long list under a key prints as yaml (its lines are written, not spread into a call)', () => {
    const items = Array.from({ length: 300_000 }, (_, i) => i);
    const run = costlySync(() => formatYaml({ items }));
    const lines = (run.value as string).split('\n');
    expect(lines[0]).toBe('items:');
    expect(lines.slice(1, -1)).toEqual(items.map((i) => `- ${i}`));
  });

  it('output past the bound stops there, with what fit', () => {
    const big = Array.from({ length: 100_000 }, (_, i) => `value-${i}-${'y'.repeat(40)}`);
    for (const [name, print] of [['json', () => formatJson(big)], ['yaml', () => formatYaml(big)], ['tsv', () => formatTsv(big)], ['table', () => formatTable(big, false)]] as const) {
      const run = costlySync(print, name);
      expect(run.error).toBeInstanceOf(OutputLimit);
      const limit = run.error as OutputLimit;
      expect(limit.message).toBe(`the lab stopped this output at ${MAX_OUTPUT} characters`);
      expect(limit.prefix).toHaveLength(MAX_OUTPUT);
    }
    // The prefix is the output itself, cut: the first items are there as json writes them.
    const json = (costlySync(() => formatJson(big)).error as OutputLimit).prefix;
    expect(json.startsWith(`[\n  "${big[0]}",\n  "${big[1]}",\n`)).toBe(true);
  });

  it('a table row with a long run of spaces inside a cell is stripped and padded as az does', () => {
    const cell = `a${' '.repeat(200_000)}b`;
    const run = costlySync(() => formatTable([{ name: cell, other: 'x' }, { name: 'c', other: 'y' }], false));
    const lines = (run.value as string).split('\n');
    expect(lines[2]).toBe(`${cell}  x`);
    expect(lines[3]).toBe(`c${' '.repeat(cell.length - 1)}  y`);
  });

  it('cells full of unterminated colour and link codes are measured and printed', () => {
    const cells = [`${'\x1b]8;;'.repeat(100_000)}\n\x1b\\`, `\x1b[${'1'.repeat(200_000)}`, `x${'\x1b[1;'.repeat(50_000)}`];
    for (const cell of cells) {
      const run = costlySync(() => formatTable([{ a: cell }], false), JSON.stringify(cell.slice(0, 12)));
      expect(run.value).toContain('\n-');
    }
  });

  // A bound on the stack, not on time: no budget holds a table this long to a second.
  it('a table of 300 000 rows measures its columns without spreading them into a call', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => ({ n: i }));
    const lines = formatTable(rows, false).split('\n');
    expect(lines.slice(0, 3)).toEqual(['N', '------', '0']);
    expect(lines[lines.length - 2]).toBe('299999');
  });
});
