// GNU sort and uniq on files of the lab's tree or standard input. Ordering is by code point, which is what sort does under
// the C.UTF-8 locale that lab terminals (and most containers) use.
import type { Command } from '../types.ts';
import { inputLines, parseOptions, usageError } from './options.ts';
import { readInputs } from '../fs/files.ts';
import { generalCompare, humanCompare, versionCompare } from './sort-orders.ts';
import { errorMessage } from '../../world/json.ts';

/** Every input's text, each ended by a newline as the tools read one after another. */
function joined(texts: string[], end: string): string {
  return texts.map((t) => (t === '' || t.endsWith(end) ? t : t + end)).join('');
}

interface Key {
  startField: number;
  startChar: number;
  endField?: number;
  endChar: number;
  /** Options given on the key itself (b, f, n, r); when none, the global ones apply. */
  own: string;
}

/** `-k F[.C][OPTS][,F[.C][OPTS]]`; undefined when it does not parse. */
function parseKey(spec: string): Key | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bfnrVhg]*)(?:,(\d+)(?:\.(\d+))?([bfnrVhg]*))?$/.exec(spec);
  if (!m) return undefined;
  return { startField: Number(m[1]), startChar: Number(m[2] ?? 1), endField: m[4] ? Number(m[4]) : undefined, endChar: Number(m[5] ?? 0), own: `${m[3]}${m[6] ?? ''}` };
}

const BLANK = /[ \t]/;

/** Where each field starts and ends. Without -t a field is a run of blanks and the non-blanks
 * after it, so it keeps its leading blanks (GNU sort's rule). */
function fields(line: string, separator: string | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (separator !== undefined) {
    let start = 0;
    for (;;) {
      const at = line.indexOf(separator, start);
      if (at < 0) break;
      out.push([start, at]);
      start = at + separator.length;
    }
    out.push([start, line.length]);
    return out;
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (i < line.length && BLANK.test(line[i])) i++;
    while (i < line.length && !BLANK.test(line[i])) i++;
    out.push([start, i]);
  }
  return out;
}

function keyText(line: string, key: Key, separator: string | undefined, skipBlanks: boolean): string {
  const spans = fields(line, separator);
  const first = spans[key.startField - 1];
  if (!first) return '';
  let from = first[0];
  if (skipBlanks) while (from < first[1] && BLANK.test(line[from])) from++;
  from = Math.min(first[1], from + key.startChar - 1);
  let to = line.length;
  if (key.endField !== undefined) {
    const last = spans[key.endField - 1];
    if (last) to = key.endChar ? Math.min(last[1], last[0] + key.endChar) : last[1];
  }
  return to > from ? line.slice(from, to) : '';
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** -n: the number at the start of the key (after blanks); anything else counts as zero. */
function numberOf(text: string): number {
  const m = /^[ \t]*(-?\d*(?:\.\d+)?)/.exec(text);
  const n = m ? Number.parseFloat(m[1]) : Number.NaN;
  return Number.isNaN(n) ? 0 : n;
}

export const sort: Command = {
  name: 'sort',
  summary: 'Sort lines (-r reverse, -n numeric, -u unique, -k F[,F] key, -t SEP, -b, -f, -z).',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('sort', ctx.argv.slice(1), 'rnuVfbszhgcC', 'kto', { output: 'o', check: 'c', 'version-sort': 'V', 'human-numeric-sort': 'h', 'general-numeric-sort': 'g', reverse: 'r', 'numeric-sort': 'n', unique: 'u', key: 'k', 'field-separator': 't', 'ignore-leading-blanks': 'b', 'ignore-case': 'f', stable: 's', 'zero-terminated': 'z' });
    } catch (e) {
      return usageError(ctx, 'sort', errorMessage(e), 2);
    }
    const keys: Key[] = [];
    for (const spec of opts.lists.get('k') ?? []) {
      const key = parseKey(spec);
      if (!key || key.startField === 0) {
        ctx.stderr.write(`sort: ${key ? 'field number is zero' : 'invalid number at field start'}: invalid count at start of ‘${spec}’\n`);
        return 2;
      }
      keys.push(key);
    }
    const sep = opts.values.get('t');
    const global = [...opts.flags].join('');
    const compareKey = (a: string, b: string, key: Key | undefined): number => {
      const flags = key?.own || global;
      // Without a key the whole line is the key; -b still skips its leading blanks.
      let ka = key ? keyText(a, key, sep, flags.includes('b')) : flags.includes('b') ? a.replace(/^[ \t]+/, '') : a;
      let kb = key ? keyText(b, key, sep, flags.includes('b')) : flags.includes('b') ? b.replace(/^[ \t]+/, '') : b;
      let c: number;
      if (flags.includes('n')) c = Math.sign(numberOf(ka) - numberOf(kb));
      else if (flags.includes('V')) c = versionCompare(ka, kb);
      else if (flags.includes('h')) c = humanCompare(ka, kb);
      else if (flags.includes('g')) c = generalCompare(ka, kb);
      else {
        if (flags.includes('f')) [ka, kb] = [ka.toUpperCase(), kb.toUpperCase()];
        c = byCodePoint(ka, kb);
      }
      return key?.own.includes('r') ? -c : c;
    };
    const unique = opts.flags.has('u');
    const keyOrder = (a: string, b: string) => {
      for (const key of keys.length ? keys : [undefined]) {
        const c = compareKey(a, b, key);
        if (c !== 0) return c;
      }
      return 0;
    };
    // GNU's last resort: equal keys compare as whole lines, byte by byte (not with -u or -s).
    const compare = (a: string, b: string) => keyOrder(a, b) || (unique || opts.flags.has('s') ? 0 : byCodePoint(a, b));
    const reverse = opts.flags.has('r') ? -1 : 1;
    const end = opts.flags.has('z') ? '\0' : '\n';
    const texts: string[] = [];
    for (const input of await readInputs(ctx, opts.operands)) {
      const r = input.read;
      if ('error' in r) {
        ctx.stderr.write(r.error === 'Is a directory' ? `sort: read failed: ${input.operand}: ${r.error}\n` : `sort: cannot read: ${input.operand}: ${r.error}\n`);
        return 2;
      }
      texts.push(r.text);
    }
    const input = inputLines(joined(texts, end), end);
    // -c/-C: say where the input first goes out of order instead of sorting it.
    if (opts.flags.has('c') || opts.flags.has('C')) {
      const at = input.findIndex((l, i) => i > 0 && (reverse * compare(input[i - 1], l) > 0 || (unique && keyOrder(input[i - 1], l) === 0)));
      if (at < 0) return 0;
      if (opts.flags.has('c')) ctx.stderr.write(`sort: ${opts.operands[0] ?? '-'}:${at + 1}: disorder: ${input[at]}\n`);
      return 1;
    }
    let lines = input.sort((a, b) => reverse * compare(a, b));
    if (unique) lines = lines.filter((l, i) => i === 0 || keyOrder(lines[i - 1], l) !== 0);
    const output = opts.values.get('o');
    if (output !== undefined && output !== '/dev/stdout') {
      // The lab's tree is read-only: sort opens its output after sorting, and fails there.
      ctx.stderr.write(`sort: open failed: ${output}: Read-only file system\n`);
      return 2;
    }
    ctx.stdout.write(lines.map((l) => `${l}${end}`).join(''));
    return 0;
  },
};

export const uniq: Command = {
  name: 'uniq',
  summary: 'Collapse repeated adjacent lines (-c count, -d only repeated, -u only unique).',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('uniq', ctx.argv.slice(1), 'cdui', 'fsw', {
        count: 'c', repeated: 'd', unique: 'u', 'ignore-case': 'i', 'skip-fields': 'f', 'skip-chars': 's', 'check-chars': 'w',
      });
    } catch (e) {
      return usageError(ctx, 'uniq', errorMessage(e));
    }
    const amounts: Record<string, number> = {};
    for (const [letter, what] of [['f', 'fields to skip'], ['s', 'bytes to skip'], ['w', 'bytes to compare']]) {
      const value = opts.values.get(letter);
      if (value !== undefined && !/^\d+$/.test(value)) {
        ctx.stderr.write(`uniq: ${value}: invalid number of ${what}\n`);
        return 1;
      }
      if (value !== undefined) amounts[letter] = Number(value);
    }
    // uniq reads one input; a second operand names its output, which the read-only tree refuses.
    const [input] = await readInputs(ctx, opts.operands.slice(0, 1));
    if ('error' in input.read) {
      ctx.stderr.write(input.read.error === 'Is a directory' ? `uniq: error reading '${input.operand}'\n` : `uniq: ${input.operand}: ${input.read.error}\n`);
      return 1;
    }
    const text = input.read.text;
    // What two lines are compared on: past -f fields (blanks then non-blanks) and -s characters, at most -w.
    const part = (line: string) => {
      let at = 0;
      for (let field = 0; field < (amounts.f ?? 0); field++) {
        while (at < line.length && /[ \t]/.test(line[at])) at++;
        while (at < line.length && !/[ \t]/.test(line[at])) at++;
      }
      at += amounts.s ?? 0;
      const kept = line.slice(at, amounts.w === undefined ? undefined : at + amounts.w);
      return opts.flags.has('i') ? kept.toLowerCase() : kept;
    };
    const same = (a: string, b: string) => part(a) === part(b);
    const groups: Array<{ line: string; count: number }> = [];
    for (const line of inputLines(text)) {
      const last = groups[groups.length - 1];
      if (last && same(last.line, line)) last.count += 1;
      else groups.push({ line, count: 1 });
    }
    const shown = groups.filter((g) => (!opts.flags.has('d') || g.count > 1) && (!opts.flags.has('u') || g.count === 1));
    ctx.stdout.write(shown.map((g) => (opts.flags.has('c') ? `${String(g.count).padStart(7)} ${g.line}\n` : `${g.line}\n`)).join(''));
    return 0;
  },
};
