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

/** GNU's words for a pattern JavaScript cannot compile. */
function regexMessage(error: unknown): string {
  const message = (error as Error).message;
  if (/Unterminated group|Unmatched '\('/.test(message)) return 'grep: Unmatched ( or \\(';
  if (/Unmatched '\)'/.test(message)) return 'grep: Unmatched ) or \\)';
  if (/Unterminated character class/.test(message)) return 'grep: Unmatched [, [^, [:, [., or [=';
  if (/Nothing to repeat/.test(message)) return 'grep: Invalid preceding regular expression';
  if (/Incomplete quantifier|numbers out of order/.test(message)) return 'grep: Invalid content of \\{\\}';
  return 'grep: Invalid regular expression';
}

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

export const grep: Command = {
  name: 'grep',
  summary: 'Print lines matching a pattern (-i -v -c -n -b -E -F -o -w -x -q -l -L -A -B -C -m -e).',
  async run(ctx) {
    let opts;
    try {
      opts = parseOptions('grep', ctx.argv.slice(1), 'ivcnbEFGowxqsHhlL', 'emABC', {
        'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', 'byte-offset': 'b', 'extended-regexp': 'E',
        'fixed-strings': 'F', 'basic-regexp': 'G', 'only-matching': 'o', 'word-regexp': 'w', 'line-regexp': 'x', quiet: 'q',
        silent: 'q', 'no-messages': 's', 'with-filename': 'H', 'no-filename': 'h', 'files-with-matches': 'l',
        'files-without-match': 'L', regexp: 'e', 'max-count': 'm', 'after-context': 'A', 'before-context': 'B', context: 'C',
      });
    } catch (e) {
      ctx.stderr.write(`${(e as OptionError).message}\n${USAGE}`);
      return 2;
    }
    const f = opts.flags;
    const patterns = opts.lists.get('e') ?? (opts.operands.length ? [opts.operands.shift()!] : undefined);
    if (patterns === undefined) {
      ctx.stderr.write(USAGE);
      return 2;
    }
    for (const letter of ['A', 'B', 'C', 'm']) {
      const value = opts.values.get(letter);
      if (value !== undefined && !/^\d+$/.test(value)) {
        ctx.stderr.write(letter === 'm' ? `grep: invalid max count\n` : `grep: ${value}: invalid context length argument\n`);
        return 2;
      }
    }
    let missing = false;
    for (const file of opts.operands.filter((o) => o !== '-')) {
      if (!f.has('s')) ctx.stderr.write(`grep: ${file}: No such file or directory\n`);
      missing = true;
    }
    if (opts.operands.length && opts.operands.every((o) => o !== '-')) return 2;
    let source: string;
    try {
      source = patterns
        .flatMap((p) => p.split('\n'))
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
    } catch (e) {
      ctx.stderr.write(`${regexMessage(e)}\n`);
      return 2;
    }
    const max = opts.values.has('m') ? Number(opts.values.get('m')) : Infinity;
    const after = Number(opts.values.get('A') ?? opts.values.get('C') ?? 0);
    const before = Number(opts.values.get('B') ?? opts.values.get('C') ?? 0);
    const context = !f.has('o') && !f.has('c') && !f.has('l') && !f.has('L') && (after > 0 || before > 0);
    const prefix = f.has('H') ? '(standard input)' : '';
    const lines = inputLines(ctx.stdin);
    // Byte offset of each line's start, for -b.
    const offsets: number[] = [];
    lines.reduce((at, line, i) => ((offsets[i] = at), at + new TextEncoder().encode(line).length + 1), 0);
    const lead = (index: number, separator: string, offset = offsets[index]) =>
      `${prefix ? `${prefix}${separator}` : ''}${f.has('n') ? `${index + 1}${separator}` : ''}${f.has('b') ? `${offset}${separator}` : ''}`;
    let count = 0;
    let out = '';
    let lastPrinted = -1;
    let afterLeft = 0;
    for (const [index, line] of lines.entries()) {
      if (count >= max) {
        // GNU still prints the trailing context of the last match.
        if (context && afterLeft > 0) {
          out += `${lead(index, '-')}${line}\n`;
          lastPrinted = index;
          afterLeft -= 1;
          continue;
        }
        break;
      }
      regex.lastIndex = 0;
      const matched = regex.test(line) !== f.has('v');
      if (!matched) {
        if (context && afterLeft > 0) {
          out += `${lead(index, '-')}${line}\n`;
          lastPrinted = index;
          afterLeft -= 1;
        }
        continue;
      }
      count += 1;
      if (f.has('q') || f.has('c') || f.has('l') || f.has('L')) continue;
      if (context) {
        const from = Math.max(0, index - before, lastPrinted + 1);
        if (lastPrinted >= 0 && from > lastPrinted + 1) out += '--\n';
        for (let i = from; i < index; i++) out += `${lead(i, '-')}${lines[i]}\n`;
        afterLeft = after;
        lastPrinted = index;
      }
      if (f.has('o') && !f.has('v')) {
        regex.lastIndex = 0; // matchAll starts where test() left the regex
        const start = offsets[index];
        for (const m of line.matchAll(regex)) if (m[0]) out += `${lead(index, ':', start + new TextEncoder().encode(line.slice(0, m.index)).length)}${m[0]}\n`;
      } else out += `${lead(index, ':')}${line}\n`;
    }
    if (f.has('c')) out = `${prefix ? `${prefix}:` : ''}${count}\n`;
    if (f.has('l')) out = count > 0 ? '(standard input)\n' : '';
    if (f.has('L')) out = count > 0 ? '' : '(standard input)\n';
    if (!f.has('q')) ctx.stdout.write(out);
    if (f.has('q') && count > 0) return 0;
    if (f.has('L')) return missing ? 2 : count > 0 ? 1 : 0;
    return missing ? 2 : count > 0 ? 0 : 1;
  },
};
