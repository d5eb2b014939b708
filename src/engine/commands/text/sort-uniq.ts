// GNU sort and uniq on standard input. Ordering is by code point, which is what sort does under
// the C.UTF-8 locale that lab terminals (and most containers) use.
import type { Command } from '../types.ts';
import { inputLines, missingFile, OptionError, parseOptions, usageError } from './options.ts';

function keyOf(line: string, field: number | undefined, separator: string | undefined): string {
  if (!field) return line;
  const parts = separator !== undefined ? line.split(separator) : line.trim().split(/\s+/);
  return parts.slice(field - 1).join(separator ?? ' ');
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const sort: Command = {
  name: 'sort',
  summary: 'Sort lines (-r reverse, -n numeric, -u unique, -k N field, -t SEP).',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('sort', ctx.argv.slice(1), 'rnuVfb', 'kt', { reverse: 'r', 'numeric-sort': 'n', unique: 'u', key: 'k', 'field-separator': 't' });
    } catch (e) {
      return usageError(ctx, 'sort', (e as OptionError).message, 2);
    }
    if (missingFile(ctx, 'sort', opts.operands)) return 2;
    const k = opts.values.get('k');
    const field = k ? Number.parseInt(k, 10) : undefined;
    if (k && !(field! > 0)) {
      ctx.stderr.write(`sort: invalid number at field start: invalid count at start of ‘${k}’\n`);
      return 2;
    }
    const sep = opts.values.get('t');
    const numeric = opts.flags.has('n');
    const fold = opts.flags.has('f');
    const compare = (a: string, b: string) => {
      let ka = keyOf(a, field, sep);
      let kb = keyOf(b, field, sep);
      if (numeric) {
        const na = Number.parseFloat(ka) || 0;
        const nb = Number.parseFloat(kb) || 0;
        if (na !== nb) return na - nb;
      } else {
        if (fold) [ka, kb] = [ka.toUpperCase(), kb.toUpperCase()];
        const c = byCodePoint(ka, kb);
        if (c !== 0) return c;
      }
      return opts.flags.has('u') ? 0 : byCodePoint(a, b);
    };
    let lines = inputLines(ctx.stdin).sort(compare);
    if (opts.flags.has('r')) lines.reverse();
    if (opts.flags.has('u')) lines = lines.filter((l, i) => i === 0 || compare(lines[i - 1], l) !== 0);
    ctx.stdout.write(lines.map((l) => `${l}\n`).join(''));
    return 0;
  },
};

export const uniq: Command = {
  name: 'uniq',
  summary: 'Collapse repeated adjacent lines (-c count, -d only repeated, -u only unique).',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('uniq', ctx.argv.slice(1), 'cdui', '', { count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i' });
    } catch (e) {
      return usageError(ctx, 'uniq', (e as OptionError).message);
    }
    if (missingFile(ctx, 'uniq', opts.operands)) return 1;
    const same = (a: string, b: string) => (opts.flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    const groups: Array<{ line: string; count: number }> = [];
    for (const line of inputLines(ctx.stdin)) {
      const last = groups[groups.length - 1];
      if (last && same(last.line, line)) last.count += 1;
      else groups.push({ line, count: 1 });
    }
    const shown = groups.filter((g) => (!opts.flags.has('d') || g.count > 1) && (!opts.flags.has('u') || g.count === 1));
    ctx.stdout.write(shown.map((g) => (opts.flags.has('c') ? `${String(g.count).padStart(7)} ${g.line}\n` : `${g.line}\n`)).join(''));
    return 0;
  },
};
