// GNU grep on standard input: basic (default), extended (-E) and fixed (-F) patterns translated
// to JavaScript regular expressions; status 0 matched, 1 nothing matched, 2 trouble.
import type { Command } from '../types.ts';
import { inputLines, OptionError, parseOptions } from './options.ts';

/** Basic regular expressions swap the meaning of escaped and bare `( ) { } | + ?`. */
function fromBasic(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i];
      out += '(){}|+?'.includes(n) ? n : `\\${n}`;
    } else if ('(){}|+?'.includes(c)) {
      out += `\\${c}`;
    } else if (c === '[') {
      const end = pattern.indexOf(']', i + (pattern[i + 1] === '^' ? 3 : 2));
      if (end < 0) throw new Error('grep: Unmatched [, [^, [:, [., or [=');
      out += pattern.slice(i, end + 1);
      i = end;
    } else out += c;
  }
  return out;
}

const escapeLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const POSIX_CLASSES: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f' };

export const grep: Command = {
  name: 'grep',
  summary: 'Print lines matching a pattern (-i -v -c -n -E -F -o -w -x -q).',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('grep', ctx.argv.slice(1), 'ivcnEFGowxqsH', 'em', { 'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', 'extended-regexp': 'E', 'fixed-strings': 'F', 'only-matching': 'o', 'word-regexp': 'w', 'line-regexp': 'x', quiet: 'q', silent: 'q', regexp: 'e', 'max-count': 'm' });
    } catch (e) {
      ctx.stderr.write(`${(e as OptionError).message}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`);
      return 2;
    }
    const f = opts.flags;
    const pattern = opts.values.get('e') ?? opts.operands.shift();
    if (pattern === undefined) {
      ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    let missing = false;
    for (const file of opts.operands.filter((o) => o !== '-')) {
      if (!f.has('s')) ctx.stderr.write(`grep: ${file}: No such file or directory\n`);
      missing = true;
    }
    if (opts.operands.length && opts.operands.every((o) => o !== '-')) return 2;
    let source: string;
    try {
      source = pattern
        .split('\n')
        .map((p) => (f.has('F') ? escapeLiteral(p) : f.has('E') ? p : fromBasic(p)))
        .map((p) => p.replace(/\[:(\w+):\]/g, (m, name: string) => POSIX_CLASSES[name] ?? m))
        .join('|');
    } catch (e) {
      ctx.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    if (f.has('w')) source = `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
    if (f.has('x')) source = `^(?:${source})$`;
    let regex: RegExp;
    try {
      regex = new RegExp(source, `gu${f.has('i') ? 'i' : ''}`);
    } catch {
      ctx.stderr.write('grep: Invalid regular expression\n');
      return 2;
    }
    const max = opts.values.has('m') ? Number(opts.values.get('m')) : Infinity;
    let count = 0;
    let out = '';
    for (const [index, line] of inputLines(ctx.stdin).entries()) {
      if (count >= max) break;
      regex.lastIndex = 0;
      const matched = regex.test(line) !== f.has('v');
      if (!matched) continue;
      count += 1;
      if (f.has('q') || f.has('c')) continue;
      const prefix = f.has('n') ? `${index + 1}:` : '';
      if (f.has('o') && !f.has('v')) {
        regex.lastIndex = 0; // matchAll starts where test() left the regex
        for (const m of line.matchAll(regex)) if (m[0]) out += `${prefix}${m[0]}\n`;
      } else out += `${prefix}${line}\n`;
    }
    if (f.has('c')) out = `${count}\n`;
    if (!f.has('q')) ctx.stdout.write(out);
    if (f.has('q') && count > 0) return 0;
    return missing ? 2 : count > 0 ? 0 : 1;
  },
};
