// GNU wc on standard input: lines, words, bytes; with more than one count each is 7 wide.
import type { Command } from '../types.ts';
import { missingFile, OptionError, parseOptions, usageError } from './options.ts';

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
    const counts: Record<string, number> = {
      l: (text.match(/\n/g) ?? []).length,
      w: text.split(/[ \t\n\r\f\v]+/).filter(Boolean).length,
      m: [...text].length,
      c: new TextEncoder().encode(text).length,
      // Display width of the longest line, tabs to the next multiple of 8.
      L: Math.max(0, ...text.split('\n').map((line) => [...line].reduce((w, ch) => (ch === '\t' ? w + 8 - (w % 8) : w + 1), 0))),
    };
    const chosen = ['l', 'w', 'm', 'c', 'L'].filter((k) => opts.flags.has(k));
    const shown = chosen.length ? chosen : ['l', 'w', 'c'];
    const cells = shown.map((k) => String(counts[k]));
    ctx.stdout.write(`${shown.length === 1 ? cells[0] : cells.map((c) => c.padStart(7)).join(' ')}\n`);
    return 0;
  },
};
