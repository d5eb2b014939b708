// GNU wc on standard input: lines, words, bytes; with more than one count each is 7 wide.
import type { Command } from '../types.ts';
import { missingFile, OptionError, parseOptions, usageError } from './options.ts';
import { codePoints } from '../../format/code-points.ts';

/** Display width of the longest line, tabs to the next multiple of 8 (one pass, no copies). */
function longestLine(text: string): number {
  let longest = 0;
  let width = 0;
  for (const ch of text) {
    if (ch === '\n') {
      longest = Math.max(longest, width);
      width = 0;
    } else width = ch === '\t' ? width + 8 - (width % 8) : width + 1;
  }
  return Math.max(longest, width);
}

export const wc: Command = {
  name: 'wc',
  summary: 'Count lines (-l), words (-w), characters (-m) and bytes (-c) of the input, or its longest line (-L).',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('wc', ctx.argv.slice(1), 'lwcmL', '', { lines: 'l', words: 'w', bytes: 'c', chars: 'm', 'max-line-length': 'L' });
    } catch (e) {
      return usageError(ctx, 'wc', (e as OptionError).message);
    }
    if (missingFile(ctx, 'wc', opts.operands)) return 1;
    const text = ctx.stdin;
    const counts: Record<string, () => number> = {
      l: () => text.split('\n').length - 1,
      w: () => (text.match(/[^ \t\n\r\f\v]+/g) ?? []).length,
      m: () => codePoints(text),
      c: () => new TextEncoder().encode(text).length,
      L: () => longestLine(text),
    };
    const chosen = ['l', 'w', 'm', 'c', 'L'].filter((k) => opts.flags.has(k));
    const shown = chosen.length ? chosen : ['l', 'w', 'c'];
    const cells = shown.map((k) => String(counts[k]()));
    ctx.stdout.write(`${shown.length === 1 ? cells[0] : cells.map((c) => c.padStart(7)).join(' ')}\n`);
    return 0;
  },
};
