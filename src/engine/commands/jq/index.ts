// `jq`: options, the program, inputs from stdin, outputs as jq 1.6 prints them (coloured on a
// terminal or with -C, plain in a pipe or with -M), and jq's errors and exit statuses.
import type { Command, CommandContext } from '../types.ts';
import { parseJq, JqNestingError, JqSyntaxError, type Ast } from './parser.ts';
import { Evaluator, JqBudgetError, JqRuntimeError, Scope, type Env } from './evaluate.ts';
import { workExceeded } from './budget.ts';
import { builtins } from './builtins.ts';
import { readInputs, parseJsonText, JqInputError } from './input.ts';
import { environmentObject } from './library.ts';
import { COMPACT, TooLong, writeJson, writeJsonColored, type WriteOptions } from './output.ts';

const USAGE = `Usage:\tjq [OPTIONS] FILTER [FILES...]
\tjq [OPTIONS] --args FILTER [ARGUMENTS...]
\tjq [OPTIONS] --jsonargs FILTER [JSON_VALUES...]

jq is a tool for processing JSON inputs, applying the given filter to
its JSON text inputs and producing the filter's results as JSON on
standard output.

The simplest filter is ., which copies jq's input to its output
unmodified (except for formatting, but note that IEEE754 is used
for number representation internally, with all that that implies).

For more advanced filters see the jq(1) manpage ("man jq")
and/or https://stedolan.github.io/jq

Example:

\t$ echo '{"foo": 0}' | jq .
\t{
\t\t"foo": 0
\t}

For a listing of options, use jq --help.
`;

interface Options {
  raw: boolean;
  join: boolean;
  nullInput: boolean;
  exitStatus: boolean;
  slurp: boolean;
  write: WriteOptions;
  vars: Map<string, unknown>;
  filter?: string;
  files: string[];
  /** -C / -M; undefined: colour when writing to a terminal. */
  colorChoice?: boolean;
}

function parseOptions(args: string[]): Options | { error: string; status: number } {
  const o: Options = { raw: false, join: false, nullInput: false, exitStatus: false, slurp: false, write: { indent: '  ', compact: false, sortKeys: false, color: false }, vars: new Map(), files: [] };
  let color: boolean | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--arg' || a === '--argjson') {
      const [name, value] = [args[i + 1], args[i + 2]];
      if (value === undefined) return { error: `jq: error: ${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})\n${USAGE}`, status: 2 };
      try {
        o.vars.set(name, a === '--arg' ? value : parseJsonText(value));
      } catch {
        return { error: `jq: invalid JSON text passed to --argjson\n${USAGE}`, status: 2 };
      }
      i += 2;
    } else if (a === '--tab') o.write.indent = '\t';
    else if (a === '--indent') o.write.indent = ' '.repeat(Number(args[++i] ?? 2));
    else if (a.startsWith('--')) {
      const long: Record<string, string> = { '--raw-output': 'r', '--join-output': 'j', '--compact-output': 'c', '--null-input': 'n', '--exit-status': 'e', '--slurp': 's', '--sort-keys': 'S', '--monochrome-output': 'M', '--color-output': 'C' };
      if (!(a in long)) return { error: `jq: Unknown option: ${a}\n${USAGE}`, status: 2 };
      args[i] = `-${long[a]}`;
      i--;
    } else if (/^-[A-Za-z]/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === 'r') o.raw = true;
        else if (f === 'j') o.raw = o.join = true;
        else if (f === 'c') o.write.compact = true;
        else if (f === 'n') o.nullInput = true;
        else if (f === 'e') o.exitStatus = true;
        else if (f === 's') o.slurp = true;
        else if (f === 'S') o.write.sortKeys = true;
        else if (f === 'M') color = false;
        else if (f === 'C') color = true;
        else if (f === 'a') continue;
        else return { error: `jq: Unknown option: ${a}\n${USAGE}`, status: 2 };
      }
    } else if (o.filter === undefined) o.filter = a;
    else o.files.push(a);
  }
  o.colorChoice = color;
  return o;
}

/** jq refuses at compile time to call a function it does not know. */
function undefinedFunction(ast: Ast, known: (name: string) => boolean, defined: Set<string> = new Set()): string | null {
  const walk = (node: unknown, scope: Set<string>): string | null => {
    if (!node || typeof node !== 'object') return null;
    const n = node as Ast;
    if (n.t === 'def') {
      const inner = new Set(scope).add(`${n.name}/${n.params.length}`);
      const bodyScope = new Set(inner);
      n.params.forEach((p) => bodyScope.add(`${p}/0`));
      return walk(n.body, bodyScope) ?? walk(n.rest, inner);
    }
    if (n.t === 'call') {
      const key = `${n.name}/${n.args.length}`;
      if (!scope.has(key) && !known(key)) return key;
    }
    for (const value of Object.values(n)) {
      const found = Array.isArray(value) ? value.map((v) => walk(v, scope)).find(Boolean) ?? null : walk(value, scope);
      if (found) return found;
    }
    return null;
  };
  return walk(ast, defined);
}

/** jq refuses at compile time a variable no `as`, `reduce`, parameter or option binds. */
function undefinedVariable(ast: Ast, bound: Set<string>): string | null {
  const walk = (node: unknown, scope: Set<string>): string | null => {
    if (!node || typeof node !== 'object') return null;
    if (Array.isArray(node)) return node.map((n) => walk(n, scope)).find(Boolean) ?? null;
    const n = node as Ast;
    switch (n.t) {
      case 'var':
        return scope.has(n.name) || n.name === 'ENV' ? null : `$${n.name}`;
      case 'as':
        return walk(n.source, scope) ?? walk(n.body, new Set(scope).add(n.name));
      case 'reduce':
        return walk(n.source, scope) ?? walk(n.init, scope) ?? walk(n.update, new Set(scope).add(n.name));
      case 'literal':
        return null;
      default:
        return Object.values(n).map((v) => walk(v, scope)).find(Boolean) ?? null;
    }
  };
  return walk(ast, bound);
}

/** Past this many characters (stdout and stderr together) jq stops writing. */
const MAX_OUTPUT = 4 * 1024 * 1024;

class OutputLimit extends Error {}

/** What one jq run writes (stdout buffered until stderr speaks), up to MAX_OUTPUT characters. */
class Writes {
  private written = 0;
  private out = '';
  private last = '\n';
  private readonly ctx: CommandContext;

  constructor(ctx: CommandContext) {
    this.ctx = ctx;
  }

  /** Text from `make(limit)` (which throws TooLong past `limit`); throws OutputLimit once the
   * run has written all it may, after writing what fits. */
  stdout(make: (limit: number) => string): void {
    const { text, cut } = this.take(make);
    this.out += text;
    if (cut) throw new OutputLimit();
  }

  stderr(make: (limit: number) => string): void {
    this.flush();
    const { text, cut } = this.take(make);
    if (text) {
      this.ctx.stderr.write(text);
      this.last = text[text.length - 1];
    }
    if (cut) throw new OutputLimit();
  }

  private take(make: (limit: number) => string): { text: string; cut: boolean } {
    const left = MAX_OUTPUT - this.written;
    let text: string;
    let cut = false;
    try {
      text = make(left);
    } catch (e) {
      if (!(e instanceof TooLong)) throw e;
      [text, cut] = [e.prefix, true];
    }
    if (text.length > left) [text, cut] = [text.slice(0, left), true];
    this.written += text.length;
    return { text, cut };
  }

  flush(): void {
    if (!this.out) return;
    this.ctx.stdout.write(this.out);
    this.last = this.out[this.out.length - 1];
    this.out = '';
  }

  /** A lab message, on a line of its own. */
  notice(message: string): void {
    this.flush();
    this.ctx.stderr.write(`${this.last === '\n' ? '' : '\n'}${message}\n`);
  }
}

async function run(ctx: CommandContext): Promise<number> {
  const parsed = parseOptions(ctx.argv.slice(1));
  if ('error' in parsed) {
    ctx.stderr.write(parsed.error);
    return parsed.status;
  }
  const o = parsed;
  o.write.color = o.colorChoice ?? ctx.tty;
  if (o.filter === undefined) {
    // jq 1.6 without a filter uses `.` when its input is not a terminal.
    if (ctx.stdin === '') {
      ctx.stderr.write(USAGE);
      return 2;
    }
    o.filter = '.';
  }
  if (o.files.length) {
    ctx.stderr.write(`jq: error: Could not open file ${o.files[0]}: No such file or directory\n`);
    return 2;
  }
  const environment = Object.fromEntries(ctx.session.vars.environment());
  const table = builtins(environment);
  const compileError = (message: string, at?: number) => ctx.stderr.write(`jq: error: ${message} at ${programLine(o.filter!, at)}\njq: 1 compile error\n`);
  let program: Ast;
  try {
    program = parseJq(o.filter);
  } catch (error) {
    // A call stack smaller than the parser's own limit assumes is the same limit.
    if (error instanceof JqNestingError || error instanceof RangeError) {
      compileError(new JqNestingError().message);
      return 3;
    }
    if (!(error instanceof JqSyntaxError)) throw error;
    const shown = error.message.includes('unexpected end of file') ? `${o.filter}${' '.repeat(lastTokenStart(o.filter))}` : o.filter;
    ctx.stderr.write(`jq: error: ${error.message} (Unix shell quoting issues?) at <top-level>, line 1:\n${shown}\njq: 1 compile error\n`);
    return 3;
  }
  const missing = undefinedFunction(program, (key) => table.has(key)) ?? undefinedVariable(program, new Set(o.vars.keys()));
  if (missing) {
    compileError(`${missing} is not defined`, whereNamed(o.filter, missing));
    return 3;
  }
  const evaluator = new Evaluator(table, () => ctx.session.now().getTime());
  const vars = new Map<string, unknown>([['ENV', environmentObject(environment)], ...o.vars]);
  const env: Env = { vars: Scope.of(vars), defs: Scope.of() };
  const writes = new Writes(ctx);
  let last: unknown = undefined;
  const emit = (v: unknown) => {
    last = v;
    const end = o.join ? '' : '\n';
    writes.stdout((limit) => (o.raw && typeof v === 'string' ? v : o.write.color ? writeJsonColored(v, o.write, limit) : writeJson(v, o.write, limit)) + end);
  };
  let status = 0;
  try {
    const inputs = o.nullInput ? [{ value: null, line: 0 }] : o.slurp ? [{ value: [...readInputs(ctx.stdin)].map((i) => i.value), line: ctx.stdin.split('\n').length - 1 }] : readInputs(ctx.stdin);
    for (const input of inputs) {
      try {
        for (const v of evaluator.eval(program, input.value, env)) emit(v);
      } catch (error) {
        if (!(error instanceof JqRuntimeError)) throw error;
        // jq names no input position when it reads none (-n).
        const at = o.nullInput ? '<unknown>' : `<stdin>:${input.line}`;
        const value = error.value;
        writes.stderr((limit) => (typeof value === 'string' ? `jq: error (at ${at}): ${value}\n` : `jq: error (at ${at}) (not a string): ${writeJson(value, COMPACT, limit)}\n`));
        status = 5;
      }
    }
  } catch (error) {
    writes.flush();
    if (error instanceof JqInputError) {
      ctx.stderr.write(`jq: ${error.message}\n`);
      return 5;
    }
    if (error instanceof OutputLimit) {
      writes.notice(`jq: error: the lab stopped this output at ${MAX_OUTPUT} characters`);
      return 5;
    }
    if (error instanceof JqBudgetError) {
      writes.notice(error.message);
      return 5;
    }
    if (error instanceof RangeError) {
      // The engine's own limits (call stack, string length) are a last line of defence.
      writes.notice(/call stack/i.test(error.message) ? 'jq: error: the lab stops programs whose values are nested too deeply' : workExceeded().message);
      return 5;
    }
    throw error;
  }
  writes.flush();
  if (status) return status;
  if (o.exitStatus) return last === undefined ? 4 : last === null || last === false ? 1 : 0;
  return 0;
}

export const jqCommands: Command[] = [
  {
    name: 'jq',
    summary: 'Filter JSON (jq 1.6: -r, -c, -e, -s, -n, -S, --arg; ., .key, .[], |, select, map, keys, length …).',
    run,
  },
];

/** Where jq 1.7.1 says a compile error is: the line of the program it is on, followed by as
 * many spaces as its column (the whole program, unfollowed, when it names no place). */
function programLine(filter: string, at: number | undefined): string {
  if (at === undefined) return `<top-level>, line 1:\n${filter}`;
  const lineStart = filter.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = filter.indexOf('\n', at);
  const line = filter.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const number = filter.slice(0, lineStart).split('\n').length;
  return `<top-level>, line ${number}:\n${line}${' '.repeat(at - lineStart)}`;
}

/** Where the program first names an undefined function (`name/arity`) or variable (`$name`). */
function whereNamed(filter: string, missing: string): number | undefined {
  const name = missing.replace(/\/\d+$/, '').replace(/[$]/g, '\\$');
  const found = new RegExp(missing.startsWith('$') ? `${name}(?![\\w])` : `(?<![\\w.$])${name}(?![\\w])`).exec(filter);
  return found?.index;
}

/**
 * jq follows the program line with as many spaces as the error's column (where 1.5 put a
 * caret); for an unexpected end that is where the last token starts.
 */
function lastTokenStart(filter: string): number {
  const text = filter.trimEnd();
  let i = text.length - 1;
  if (i < 0) return 0;
  if (/[\w$]/.test(text[i])) {
    while (i > 0 && /[\w$]/.test(text[i - 1])) i--;
    return i;
  }
  const pair = text.slice(i - 1, i + 1);
  if (i > 0 && ['//', '==', '!=', '<=', '>=', '|=', '+=', '-=', '*=', '/=', '%=', '..', '?/'].includes(pair)) return i - 1;
  return i;
}
