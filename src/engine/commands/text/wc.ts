// GNU wc on files of the lab's tree or standard input: lines, words, bytes, one row a file and a
// total past one; columns as wide as the regular files' total size, 7 when standard input or a
// directory is among them, 1 for one count of one input.
import type { Command } from '../types.ts';
import { parseOptions, usageError } from './options.ts';
import { readInputs } from '../fs/files.ts';
import { codePoints } from '../../format/code-points.ts';
import { errorMessage } from '../../world/json.ts';

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
      return usageError(ctx, 'wc', errorMessage(e));
    }
    const inputs = await readInputs(ctx, opts.operands);
    const chosen = ['l', 'w', 'm', 'c', 'L'].filter((k) => opts.flags.has(k));
    const shown = chosen.length ? chosen : ['l', 'w', 'c'];
    const measure = (text: string): Record<string, number> => ({
      l: text.split('\n').length - 1,
      w: (text.match(/[^ \t\n\r\f\v]+/g) ?? []).length,
      m: codePoints(text),
      c: new TextEncoder().encode(text).length,
      L: longestLine(text),
    });
    let width = 1;
    if (!(inputs.length === 1 && shown.length === 1)) {
      let total = 0;
      let minimum = 1;
      for (const input of inputs) {
        if ('text' in input.read && input.regular) total += new TextEncoder().encode(input.read.text).length;
        else if ('text' in input.read || input.read.error === 'Is a directory') minimum = 7;
      }
      width = Math.max(minimum, String(total).length);
    }
    const row = (counts: Record<string, number>, name: string) => `${shown.map((k) => String(counts[k]).padStart(width)).join(' ')}${name ? ` ${name}` : ''}\n`;
    const totals: Record<string, number> = { l: 0, w: 0, m: 0, c: 0, L: 0 };
    let status = 0;
    let out = '';
    for (const input of inputs) {
      const r = input.read;
      if ('error' in r) {
        ctx.stdout.write(out);
        out = '';
        ctx.stderr.write(`wc: ${input.operand}: ${r.error}\n`);
        status = 1;
        if (r.error === 'Is a directory') out += row({ l: 0, w: 0, m: 0, c: 0, L: 0 }, input.operand);
        continue;
      }
      const counts = measure(r.text);
      for (const k of Object.keys(totals)) totals[k] = k === 'L' ? Math.max(totals[k], counts[k]) : totals[k] + counts[k];
      out += row(counts, opts.operands.length ? input.operand : '');
    }
    if (inputs.length > 1) out += row(totals, 'total');
    ctx.stdout.write(out);
    return status;
  },
};
