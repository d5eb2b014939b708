// GNU grep on standard input: basic (default), extended (-E) and fixed (-F) patterns, matched
// leftmost-longest as POSIX says by the lab's linear matcher (back-references by its bounded
// fallback); status 0 matched, 1 nothing matched, 2 trouble.
import type { Command } from '../types.ts';
import { inputLines, OptionError, parseOptions } from './options.ts';
import { alt, renumber, seq, type AssertKind, type Node } from '../../regex/ast.ts';
import { grepWord } from '../../regex/chars.ts';
import { Regex, RegexBudgetError, RegexTooBigError, Subject } from '../../regex/index.ts';
import { MAX_PROGRAM } from '../../regex/limits.ts';
import { fixedString, parsePosix, PosixSyntaxError } from '../../regex/posix.ts';

/** grep's -w edges and -x anchors around the joined patterns (-x wins over -w, as in GNU grep). */
function wholeWordsOrLine(node: Node, words: boolean, line: boolean): Node {
  const edge = (kind: AssertKind): Node => ({ type: 'assert', kind, word: grepWord });
  if (line) return seq([edge('text-start'), node, edge('text-end')]);
  if (words) return seq([edge('not-after-word'), node, edge('not-before-word')]);
  return node;
}

/** Every pattern (one per line of each -e) as one alternation, each keeping its own group numbers. */
function compilePatterns(patterns: string[], f: Set<string>): { regex: Regex; warnings: string[] } | { error: string } {
  const options: Node[] = [];
  const warnings: string[] = [];
  let groups = 0;
  try {
    for (const p of patterns) {
      if (f.has('F')) {
        options.push(fixedString(p, f.has('i')));
        continue;
      }
      const parsed = parsePosix(p, f.has('E'), f.has('i'));
      options.push(renumber(parsed.node, groups));
      groups += parsed.groups;
      warnings.push(...parsed.warnings);
    }
    return { regex: new Regex(wholeWordsOrLine(alt(options), f.has('w'), f.has('x')), groups), warnings };
  } catch (e) {
    if (e instanceof PosixSyntaxError) return { error: `grep: ${e.message}` };
    if (e instanceof RegexTooBigError || e instanceof RangeError) return { error: `grep: the lab cannot run this pattern: it needs more than ${MAX_PROGRAM} automaton states` };
    throw e;
  }
}

/** -o: each non-empty leftmost-longest match on its own line; an empty match moves on one character. */
function onlyMatching(regex: Regex, subject: Subject, line: (start: number, text: string) => string): string {
  let out = '';
  for (let at = 0; at <= subject.length; ) {
    const m = regex.search(subject, at, 'longest', false);
    if (!m) break;
    if (m[1] > m[0]) out += `${line(m[0], subject.slice(m[0], m[1]))}\n`;
    at = m[1] > m[0] ? m[1] : m[0] + 1;
  }
  return out;
}

/** The lab's own limit, in grep's voice: which matcher gave up and why. */
function budgetMessage(e: RegexBudgetError): string {
  return e.backtracking
    ? `grep: the lab stopped this pattern after ${e.steps} steps (back-references are matched by trying every way to split the line)`
    : `grep: the lab stopped this search after ${e.steps} steps`;
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
    const compiled = compilePatterns(patterns.flatMap((p) => p.split('\n')), f);
    if ('error' in compiled) {
      ctx.stderr.write(`${compiled.error}\n`);
      return 2;
    }
    for (const warning of compiled.warnings) ctx.stderr.write(`grep: warning: ${warning}\n`);
    const regex = compiled.regex;
    let missing = false;
    for (const file of opts.operands.filter((o) => o !== '-')) {
      if (!f.has('s')) ctx.stderr.write(`grep: ${file}: No such file or directory\n`);
      missing = true;
    }
    if (opts.operands.length && opts.operands.every((o) => o !== '-')) return 2;
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
    try {
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
        const subject = new Subject(line);
        const matched = regex.test(subject) !== f.has('v');
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
          out += onlyMatching(regex, subject, (start, text) => lead(index, ':', offsets[index] + new TextEncoder().encode(subject.slice(0, start)).length) + text);
        } else out += `${lead(index, ':')}${line}\n`;
      }
    } catch (e) {
      if (!(e instanceof RegexBudgetError)) throw e;
      if (!f.has('q')) ctx.stdout.write(out);
      ctx.stderr.write(`${budgetMessage(e)}\n`);
      return 2;
    }
    if (f.has('c')) out = `${prefix ? `${prefix}:` : ''}${count}\n`;
    if (f.has('l')) out = count > 0 ? '(standard input)\n' : '';
    if (f.has('L')) out = count > 0 ? '' : '(standard input)\n';
    if (!f.has('q')) ctx.stdout.write(out);
    if (f.has('q') && count > 0) return 0;
    // -L lists the input when no line is selected, yet the status still says whether one was (GNU grep 3.5+).
    return missing ? 2 : count > 0 ? 0 : 1;
  },
};
