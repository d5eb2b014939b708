// GNU grep on files of the lab's tree or standard input (names leading the lines past one input): basic (default), extended (-E) and fixed (-F) patterns, matched
// leftmost-longest as POSIX says by the lab's linear matcher (back-references by its bounded
// fallback); status 0 matched, 1 nothing matched, 2 trouble.
import type { Command, Output } from '../types.ts';
import { parseOptions } from './options.ts';
import { InputLines, utf8Bytes } from './grep-input.ts';
import { absolute, operandReader, readInputs, type Input } from '../fs/files.ts';
import { isDirectory, listDirectory } from '../fs/tree.ts';
import { inputLines } from './options.ts';
import { alt, renumber, seq, type AssertKind, type Node } from '../../regex/ast.ts';
import { grepWord } from '../../regex/chars.ts';
import { Regex, RegexBudgetError, RegexTooBigError, type Spans, type Subject } from '../../regex/index.ts';
import { MAX_PROGRAM } from '../../regex/limits.ts';
import { fixedString, parsePosix, PosixSyntaxError } from '../../regex/posix.ts';
import { errorMessage } from '../../world/json.ts';

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

/** What grep keeps before writing it out. */
const OUTPUT_CHUNK = 65536;

/**
 * Output gathered in pieces and written a chunk at a time: joining once is cheaper than growing
 * one string, and output past the lab's bound stops the search as soon as it is written.
 */
class Pieces {
  private readonly sink: Output;
  private pieces: string[] = [];
  private size = 0;

  constructor(sink: Output) {
    this.sink = sink;
  }

  add(text: string): void {
    this.pieces.push(text);
    this.size += text.length;
    if (this.size > OUTPUT_CHUNK) this.flush();
  }

  flush(): void {
    const text = this.pieces.join('');
    this.pieces = [];
    this.size = 0;
    if (text) this.sink.write(text);
  }
}

/**
 * -o: each non-empty leftmost-longest match on its own line, from the line's first match on; an
 * empty match moves on one character.
 */
function onlyMatching(regex: Regex, subject: Subject, first: Spans, emit: (start: number, end: number) => void): void {
  for (let m: Spans | null = first; m; ) {
    if (m[1] > m[0]) emit(m[0], m[1]);
    const at = m[1] > m[0] ? m[1] : m[0] + 1;
    if (at > subject.end || (at === subject.end && regex.needsCharacters)) break;
    m = regex.search(subject, at, 'longest', false);
  }
}

/** The lab's own limit, in grep's voice: which matcher gave up and why. */
function budgetMessage(e: RegexBudgetError): string {
  return e.backtracking
    ? `grep: the lab stopped this pattern after ${e.steps} steps (back-references are matched by trying every way to split the line)`
    : `grep: the lab stopped this search after ${e.steps} steps`;
}

/**
 * -r: the files under each directory operand, a directory's names in byte order (GNU grep follows
 * the order the file system lists them in, which differs from disk to disk). Without an operand
 * grep searches `.` and names the files without the `./` lead.
 */
async function recursiveInputs(ctx: Parameters<Command['run']>[0], operands: string[], bare: boolean): Promise<Input[]> {
  const found: Input[] = [];
  const walk = async (operand: string) => {
    const names = listDirectory(ctx.session, absolute(ctx, operand));
    if (!names) {
      found.push(...(await readInputs(ctx, [operand])));
      return;
    }
    for (const name of names) await walk(bare && operand === '.' ? name : `${operand.replace(/\/+$/, '')}/${name}`);
  };
  for (const operand of operands) await walk(operand);
  return found;
}

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

export const grep: Command = {
  name: 'grep',
  summary: 'Print lines matching a pattern in files or the input (-i -v -c -n -b -E -F -o -w -x -q -l -L -A -B -C -m -e -f -r -H -h).',
  async run(ctx) {
    let opts;
    try {
      // --color alone means --color=auto; its value is kept under a key no short option uses.
      const args = ctx.argv.slice(1).map((a) => (a === '--color' || a === '--colour' ? '--color=auto' : a));
      opts = parseOptions('grep', args, 'ivcnbEFGowxqsHhlLrRP', 'emABCf\0', {
        recursive: 'r', 'dereference-recursive': 'R', 'perl-regexp': 'P', file: 'f', color: '\0', colour: '\0',
        'ignore-case': 'i', 'invert-match': 'v', count: 'c', 'line-number': 'n', 'byte-offset': 'b', 'extended-regexp': 'E',
        'fixed-strings': 'F', 'basic-regexp': 'G', 'only-matching': 'o', 'word-regexp': 'w', 'line-regexp': 'x', quiet: 'q',
        silent: 'q', 'no-messages': 's', 'with-filename': 'H', 'no-filename': 'h', 'files-with-matches': 'l',
        'files-without-match': 'L', regexp: 'e', 'max-count': 'm', 'after-context': 'A', 'before-context': 'B', context: 'C',
      });
    } catch (e) {
      ctx.stderr.write(`${errorMessage(e)}\n${USAGE}`);
      return 2;
    }
    const f = opts.flags;
    if (f.has('P')) {
      ctx.stderr.write('grep: Perl matching (-P) is not available in this lab; -E gives extended patterns, and [0-9], [[:alnum:]_], [[:space:]] stand for \\d, \\w, \\s\n');
      return 2;
    }
    const color = opts.values.get('\0');
    if (color !== undefined && !['always', 'yes', 'force', 'never', 'no', 'none', 'auto', 'tty', 'if-tty'].includes(color)) {
      ctx.stderr.write(`grep: invalid argument ‘${color}’ for ‘--color’\nValid arguments are:\n  - ‘always’, ‘yes’, ‘force’\n  - ‘never’, ‘no’, ‘none’\n  - ‘auto’, ‘tty’, ‘if-tty’\n${USAGE}`);
      return 2;
    }
    if (color !== undefined && ['always', 'yes', 'force'].includes(color)) {
      ctx.stderr.write("grep: --color=always is not available in this lab: the lab prints no colours; --color=auto and --color=never are\n");
      return 2;
    }
    // -f FILE: one pattern a line of a file of the tree (or of standard input for `-`).
    let filePatterns: string[] | undefined;
    if (opts.lists.has('f')) {
      const read = await operandReader(ctx);
      filePatterns = [];
      for (const file of opts.lists.get('f')!) {
        const r = read(file);
        if ('error' in r) {
          ctx.stderr.write(`grep: ${file}: ${r.error}\n`);
          return 2;
        }
        filePatterns.push(...inputLines(r.text));
      }
    }
    const given = opts.lists.get('e') ?? (filePatterns ? [] : opts.operands.length ? [opts.operands.shift()!] : undefined);
    const patterns = given && [...given.flatMap((p) => p.split('\n')), ...(filePatterns ?? [])];
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
    // An empty -f file holds no pattern: no line matches (every line, with -v).
    const none = patterns.length === 0;
    const compiled = compilePatterns(none ? [''] : patterns, f);
    if ('error' in compiled) {
      ctx.stderr.write(`${compiled.error}\n`);
      return 2;
    }
    for (const warning of compiled.warnings) ctx.stderr.write(`grep: warning: ${warning}\n`);
    const regex = compiled.regex;
    const max = opts.values.has('m') ? Number(opts.values.get('m')) : Infinity;
    const after = Number(opts.values.get('A') ?? opts.values.get('C') ?? 0);
    const before = Number(opts.values.get('B') ?? opts.values.get('C') ?? 0);
    const context = !f.has('o') && !f.has('c') && !f.has('l') && !f.has('L') && (after > 0 || before > 0);
    // File names lead the lines when more than one input is searched (-H always, -h never).
    const recursive = f.has('r') || f.has('R');
    const named = !f.has('h') && (f.has('H') || opts.operands.length > 1 || (recursive && !(opts.operands.length === 1 && !isDirectory(ctx.session, absolute(ctx, opts.operands[0])))));
    let trouble = false;
    let selectedAny = false;
    const out = new Pieces(ctx.stdout);
    const sources = recursive ? await recursiveInputs(ctx, opts.operands.length ? opts.operands : ['.'], !opts.operands.length) : await readInputs(ctx, opts.operands);
    for (const source of sources) {
      const name = source.regular || 'error' in source.read ? source.operand : '(standard input)';
      if ('error' in source.read) {
        out.flush();
        if (!f.has('s')) ctx.stderr.write(`grep: ${source.operand}: ${source.read.error}\n`);
        trouble = true;
        continue;
      }
      const result = searchOne(source.read.text, named ? name : '', name);
      if (typeof result === 'string') {
        if (!f.has('q')) out.flush();
        ctx.stderr.write(`${result}\n`);
        return 2;
      }
      if (result > 0) selectedAny = true;
      if (f.has('q') && selectedAny) return 0;
    }
    if (!f.has('q')) out.flush();
    // -L lists the input when no line is selected, yet the status still says whether one was (GNU grep 3.5+).
    return trouble ? 2 : selectedAny ? 0 : 1;

    /** Searches one input, writing what it selects; the count of selected lines, or the lab's limit in grep's voice. */
    function searchOne(text: string, prefix: string, name: string): number | string {
      const input = new InputLines(text);
      // Byte offset of each line's start, for -b.
      const offsets = f.has('b') ? input.byteOffsets() : undefined;
      const plain = !prefix && !f.has('n') && !f.has('b');
      const lead = (index: number, separator: string, offset = offsets?.[index]) =>
        `${prefix ? `${prefix}${separator}` : ''}${f.has('n') ? `${index + 1}${separator}` : ''}${offsets ? `${offset}${separator}` : ''}`;
      // Selected lines: without a lead, consecutive ones are copied from the input in one slice.
      let runFrom = -1;
      let runTo = -1;
      const flushRun = () => {
        if (runFrom >= 0) out.add(input.block(runFrom, runTo));
        runFrom = -1;
      };
      const emit = (text: string) => {
        flushRun();
        out.add(text);
      };
      const emitLine = (index: number, separator: string) => {
        if (!plain) return emit(`${lead(index, separator)}${input.text(index)}\n`);
        if (runFrom >= 0 && runTo === index - 1) runTo = index;
        else {
          flushRun();
          runFrom = runTo = index;
        }
      };
      const listsOnly = f.has('q') || f.has('l') || f.has('L');
      const onlyMatches = f.has('o') && !f.has('v') && !listsOnly && !f.has('c');
      let count = 0;
      let lastPrinted = -1;
      let afterLeft = 0;
      try {
        for (let index = 0; index < input.count; index++) {
          if (count >= max || (listsOnly && count > 0)) {
            // GNU still prints the trailing context of the last match.
            if (context && afterLeft > 0) {
              emitLine(index, '-');
              lastPrinted = index;
              afterLeft -= 1;
              continue;
            }
            break;
          }
          const line = input.window(index);
          // -o looks for the line's first match at once: finding it is what selects the line.
          const first = onlyMatches && !none ? regex.search(line, line.start, 'longest', false) : null;
          const matched = onlyMatches ? first !== null : (!none && regex.test(line)) !== f.has('v');
          if (!matched) {
            if (context && afterLeft > 0) {
              emitLine(index, '-');
              lastPrinted = index;
              afterLeft -= 1;
            }
            continue;
          }
          count += 1;
          if (listsOnly || f.has('c')) continue;
          if (context) {
            const from = Math.max(0, index - before, lastPrinted + 1);
            if (lastPrinted >= 0 && from > lastPrinted + 1) emit('--\n');
            for (let i = from; i < index; i++) emitLine(i, '-');
            afterLeft = after;
            lastPrinted = index;
          }
          if (onlyMatches) {
            // -b: the byte offset of each match, counted on from the previous one.
            let counted = line.start;
            let offset = offsets?.[index] ?? 0;
            onlyMatching(regex, line, first!, (start, end) => {
              if (offsets) offset += utf8Bytes(line.cps, counted, (counted = start));
              emit(plain ? `${line.slice(start, end)}\n` : `${lead(index, ':', offset)}${line.slice(start, end)}\n`);
            });
          } else emitLine(index, ':');
        }
      } catch (e) {
        if (!(e instanceof RegexBudgetError)) throw e;
        flushRun();
        return budgetMessage(e);
      }
      flushRun();
      // -l and -L say only whether the input was selected, whatever -c asks.
      if (f.has('l') || f.has('L')) {
        if (f.has('L') ? count === 0 : count > 0) out.add(`${name}\n`);
      } else if (f.has('c')) out.add(`${prefix ? `${prefix}:` : ''}${count}\n`);
      return count;
    }
  },
};
