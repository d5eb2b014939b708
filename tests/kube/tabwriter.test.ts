// Go text/tabwriter with kubectl's settings (minwidth 6, padding 3): a column is as wide as its
// widest tab-terminated cell plus 3, at least 6; the last cell of a line is never padded.
import { describe, expect, it } from 'vitest';
import { tabwrite, tabwriteRows } from '../../src/engine/format/kube/tabwriter.ts';

describe('tabwriter', () => {
  it('pads every column but the last to widest cell + 3', () => {
    expect(tabwriteRows([['NAME', 'AGE'], ['server-1-ppl25', '54m']])).toBe('NAME             AGE\nserver-1-ppl25   54m\n');
  });

  it('keeps a short column at the minimum width of 6', () => {
    // "AGE" + 3 is 6; "5d" + 3 is 5, raised to 6.
    expect(tabwriteRows([['AGE', 'X'], ['5d', 'y']])).toBe('AGE   X\n5d    y\n');
  });

  it('does not pad the last cell, but an empty last cell leaves the padding before it', () => {
    // The cell before a final empty cell is tab-terminated, so tabwriter pads it like Go does.
    expect(tabwriteRows([['NAME', 'PATH'], ['a', '']])).toBe('NAME   PATH\na      \n');
    expect(tabwriteRows([['NAME', 'WILDCARD'], ['a', 'None']])).toBe('NAME   WILDCARD\na      None\n');
  });

  it('pads an empty middle cell to the full column width (the route PATH column)', () => {
    const out = tabwriteRows([
      ['NAME', 'PATH', 'SERVICES'],
      ['sqlapilb', '', 'sqlapilb'],
    ]);
    expect(out).toBe('NAME       PATH   SERVICES\nsqlapilb          sqlapilb\n');
  });

  it('counts runes, not bytes', () => {
    expect(tabwriteRows([['é', 'x'], ['ab', 'y']])).toBe('é     x\nab    y\n');
  });

  it('computes widths per block of consecutive lines sharing the column', () => {
    // The middle line has no tab: it ends the block, so the two halves align separately.
    expect(tabwrite('a\tb\nplain line\nlonger-name\tc\n')).toBe('a     b\nplain line\nlonger-name   c\n');
  });

  it('leaves text without a final newline unterminated', () => {
    expect(tabwrite('a\tb')).toBe('a     b');
  });

  it('prints nothing for no rows', () => {
    expect(tabwriteRows([])).toBe('');
  });
});
