// `jq`: options, the program, inputs from stdin, outputs as jq 1.7.1 prints them (coloured on a
// terminal or with -C, plain in a pipe or with -M), and jq's errors and exit statuses.
import type { Command, CommandContext } from '../types.ts';
import { parseJq, patternVars, JqNestingError, JqSyntaxError, type Ast } from './parser.ts';
import { Evaluator, JqBudgetError, JqRuntimeError, Scope, type Env } from './evaluate.ts';
import { workExceeded } from './budget.ts';
import { builtins } from './builtins.ts';
import { readInputs, parseJsonText, JqInputError, type InputValue } from './input.ts';
import { JqHalt } from './errors.ts';
import { environmentObject } from './library.ts';
import { COMPACT, paletteFrom, TooLong, writeJson, writeJsonColored, type WriteOptions } from './output.ts';
import { BUILD_CONFIGURATION, HELP, USE_HELP } from './help.ts';
import { streamEvents } from './control.ts';
import { operandReader } from '../fs/files.ts';
import { newObject, objectFrom, type JqValue } from './values.ts';

/** What jq prints when it is given no program on a terminal: the help up to its options. */
const USAGE = `${HELP.slice(0, HELP.indexOf('Command options:'))}For listing the command options, use jq --help.\n`;

interface Options {
  raw: boolean;
  join: boolean;
  /** --raw-output0: a NUL after each output. */
  nul: boolean;
  /** --seq: an RS character before each output. */
  seq: boolean;
  ascii: boolean;
  nullInput: boolean;
  exitStatus: boolean;
  slurp: boolean;
  write: WriteOptions;
  vars: Map<string, JqValue>;
  /** --arg/--argjson values by name, for $ARGS.named. */
  named: Map<string, JqValue>;
  /** --args/--jsonargs values, for $ARGS.positional. */
  positional: JqValue[];
  filter?: string;
  files: string[];
  /** -C / -M; undefined: colour when writing to a terminal. */
  colorChoice?: boolean;
  /** -h or -V: what to print instead of running. */
  print?: string;
  /** -R: lines of text instead of JSON texts. */
  rawInput: boolean;
  /** --stream: each input as tostream's events. */
  stream: boolean;
  /** -f: the program is in the file the first operand names. */
  fromFile: boolean;
  /** --slurpfile and --rawfile: variables read from files. */
  fileVars: Array<{ option: string; name: string; file: string }>;
}

const badOption = (message: string) => ({ error: `jq: ${message}\n${USE_HELP}`, status: 2 });

const LONG: Record<string, string> = { '--raw-input': 'R', '--from-file': 'f', '--raw-output': 'r', '--join-output': 'j', '--compact-output': 'c', '--null-input': 'n', '--exit-status': 'e', '--slurp': 's', '--sort-keys': 'S', '--monochrome-output': 'M', '--color-output': 'C', '--ascii-output': 'a', '--help': 'h', '--version': 'V' };

function parseOptions(args: string[]): Options | { error: string; status: number } {
  const o: Options = { raw: false, join: false, nul: false, seq: false, ascii: false, nullInput: false, exitStatus: false, slurp: false, write: { indent: '  ', compact: false, sortKeys: false, color: false }, vars: new Map(), named: new Map(), positional: [], files: [], rawInput: false, stream: false, fromFile: false, fileVars: [] };
  let color: boolean | undefined;
  let rest: 'files' | 'args' | 'jsonargs' = 'files';
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // A word is an option when it starts with `--` or `-` and a letter (`-.` is a program).
    if (!options || !/^-(?:-|[A-Za-z])/.test(a)) {
      if (o.filter === undefined) o.filter = a;
      else if (rest === 'files') o.files.push(a);
      else if (rest === 'args') o.positional.push(a);
      else {
        try {
          o.positional.push(parseJsonText(a));
        } catch {
          return { error: `jq: invalid JSON text passed to --jsonargs\n${USE_HELP}`, status: 2 };
        }
      }
    } else if (a === '--') options = false;
    else if (a === '--arg' || a === '--argjson') {
      const [name, value] = [args[i + 1], args[i + 2]];
      if (value === undefined) return badOption(`${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})`);
      i += 2;
      // jq 1.7.1 keeps a name's first value: a later one is neither parsed nor read.
      if (o.named.has(name)) continue;
      let v: JqValue = value;
      if (a === '--argjson') {
        try {
          v = parseJsonText(value);
        } catch {
          return badOption('invalid JSON text passed to --argjson');
        }
      }
      o.vars.set(name, v);
      o.named.set(name, v);
    } else if (a === '--slurpfile' || a === '--rawfile') {
      const [name, file] = [args[i + 1], args[i + 2]];
      if (file === undefined) return badOption(`${a} takes two parameters (e.g. ${a} varname filename)`);
      i += 2;
      if (o.named.has(name)) continue;
      // Holds the name's place in $ARGS.named until the file is read.
      o.named.set(name, null);
      o.fileVars.push({ option: a, name, file });
    } else if (a === '-L') i++;
    else if (a === '--unbuffered' || a.startsWith('-L')) continue;
    else if (a === '--stream') o.stream = true;
    else if (a === '--build-configuration') o.print ??= `${BUILD_CONFIGURATION}\n`;
    else if (a === '--stream-errors') return { error: `jq: ${a} is not available in this lab\n${USE_HELP}`, status: 2 };
    else if (a === '--args') rest = 'args';
    else if (a === '--jsonargs') rest = 'jsonargs';
    else if (a === '--tab') o.write.indent = '\t';
    else if (a === '--indent') {
      // jq reads the number as C's atoi does (no number: 0).
      const n = Number.parseInt(args[++i] ?? '', 10) || 0;
      if (!(n >= -1 && n <= 7)) return badOption('--indent takes a number between -1 and 7');
      if (n === 0) o.write.compact = true;
      else o.write.indent = n < 0 ? '\t' : ' '.repeat(n);
    } else if (a === '--seq') o.seq = true;
    else if (a === '--raw-output0') o.raw = o.nul = true;
    else if (a.startsWith('--')) {
      if (!(a in LONG)) return badOption(`Unknown option ${a}`);
      args[i] = `-${LONG[a]}`;
      i--;
    } else {
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
        else if (f === 'a') o.ascii = true;
        else if (f === 'R') o.rawInput = true;
        else if (f === 'f') o.fromFile = true;
        else if (f === 'h') o.print ??= HELP;
        else if (f === 'V') o.print ??= 'jq-1.7\n';
        else return badOption(`Unknown option ${a}`);
      }
    }
  }
  o.colorChoice = color;
  return o;
}

/** -s: every input in one array, read to the end. */
function* slurp(inputs: Iterable<InputValue>): Generator<InputValue> {
  const all = [...inputs];
  const line = all.length ? all[all.length - 1].line : 0;
  yield { value: all.map((i) => i.value), line, lineNumber: line };
}

/** -R with -s: all the text in one string. */
function* rawSlurp(texts: Iterable<{ text: string }>): Generator<InputValue> {
  const text = [...texts].map((t) => t.text).join('');
  const line = text.split('\n').length - 1;
  yield { value: text, line, lineNumber: line };
}

/** -R: each line as a string (without its newline); with -s the pieces join back into the text. */
function* rawLines(text: string): Generator<InputValue> {
  let line = 0;
  for (const m of text.matchAll(/[^\n]*\n|[^\n]+$/g)) {
    line += m[0].endsWith('\n') ? 1 : 0;
    yield { value: m[0].endsWith('\n') ? m[0].slice(0, -1) : m[0], line, lineNumber: line };
  }
}

/** -a: every character past ASCII as a \u escape (astral ones as their surrogate pair). */
function asciiOnly(text: string): string {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An object of a program's tree that is a filter: one with a tag `t` (patterns and object
 * entries have none). */
function isAst(node: object): node is Ast {
  return 't' in node;
}

/** jq refuses at compile time to call a function it does not know. */
function undefinedFunctions(ast: Ast, known: (name: string) => boolean, defined: Set<string> = new Set()): string[] {
  const found: string[] = [];
  const walk = (node: unknown, scope: Set<string>): void => {
    if (!node || typeof node !== 'object') return;
    const n = node;
    if (isAst(n) && n.t === 'def') {
      const inner = new Set(scope).add(`${n.name}/${n.params.length}`);
      const bodyScope = new Set(inner);
      n.params.forEach((p) => bodyScope.add(`${p}/0`));
      walk(n.body, bodyScope);
      walk(n.rest, inner);
      return;
    }
    if (isAst(n) && n.t === 'call') {
      const key = `${n.name}/${n.args.length}`;
      if (!scope.has(key) && !known(key)) found.push(key);
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach((v) => walk(v, scope));
      else walk(value, scope);
    }
  };
  walk(ast, defined);
  return found;
}

/** jq refuses at compile time a variable no `as`, `reduce`, parameter or option binds. */
function undefinedVariable(ast: Ast, bound: Set<string>): string | null {
  const walk = (node: unknown, scope: Set<string>): string | null => {
    if (!node || typeof node !== 'object') return null;
    if (Array.isArray(node)) return node.map((n) => walk(n, scope)).find(Boolean) ?? null;
    if (!node || typeof node !== 'object') return null;
    const n = node;
    if (!isAst(n)) return Object.values(n).map((v) => walk(v, scope)).find(Boolean) ?? null;
    switch (n.t) {
      case 'var':
        return scope.has(n.name) || ['ENV', 'ARGS', '__loc__'].includes(n.name) ? null : `$${n.name}`;
      case 'as': {
        const names = n.patterns ? n.patterns.flatMap(patternVars) : [n.name];
        return walk(n.source, scope) ?? walk(n.patterns ?? null, new Set([...scope, ...names])) ?? walk(n.body, new Set([...scope, ...names]));
      }
      case 'reduce':
      case 'foreach': {
        const inner = new Set([...scope, ...(n.pattern ? patternVars(n.pattern) : [n.name])]);
        return walk(n.source, scope) ?? walk(n.init, scope) ?? walk(n.pattern ?? null, inner) ?? walk(n.update, inner) ?? (n.t === 'foreach' ? walk(n.extract ?? null, inner) : null);
      }
      case 'label':
        return walk(n.body, new Set(scope).add(`*label-${n.name}`));
      case 'break':
        return scope.has(`*label-${n.name}`) ? null : `$*label-${n.name}`;
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
  if (o.print) {
    ctx.stdout.write(o.print);
    return 0;
  }
  o.write.color = o.colorChoice ?? ctx.tty;
  const colors = ctx.session.vars.get('JQ_COLORS');
  // jq reads $JQ_COLORS whether or not it colours, and says when it cannot use it.
  if (colors !== undefined) {
    o.write.palette = paletteFrom(colors);
    if (!o.write.palette) ctx.stderr.write('Failed to set $JQ_COLORS\n');
  }
  if (o.filter === undefined) {
    // jq without a filter uses `.` when its input is not a terminal.
    if (ctx.stdin === '') {
      ctx.stderr.write(USAGE);
      return 2;
    }
    o.filter = '.';
  }
  // The file tree is read from the world only when the command names a file.
  const read = o.files.length || o.fromFile || o.fileVars.length ? await operandReader(ctx) : () => ({ error: 'No such file or directory' as const });
  if (o.fromFile) {
    if (o.filter === undefined) {
      ctx.stderr.write(USAGE);
      return 2;
    }
    const file = read(o.filter);
    if (!('text' in file)) {
      ctx.stderr.write(`jq: Could not open ${o.filter}: ${file.error === 'Is a directory' ? "It's a directory" : file.error}\n`);
      return 2;
    }
    o.filter = file.text;
  }
  for (const { option, name, file } of o.fileVars) {
    const got = read(file);
    if (!('text' in got)) {
      ctx.stderr.write(`jq: Bad JSON in ${option} ${name} ${file}: Could not open ${file}: ${got.error === 'Is a directory' ? "It's a directory" : got.error}\n`);
      return 2;
    }
    let value: JqValue;
    try {
      value = option === '--rawfile' ? got.text : [...readInputs(got.text)].map((x) => x.value);
    } catch (e) {
      if (!(e instanceof JqInputError)) throw e;
      ctx.stderr.write(`jq: Bad JSON in ${option} ${name} ${file}: ${e.reason}\n`);
      return 2;
    }
    o.vars.set(name, value);
    o.named.set(name, value);
  }
  const environment = environmentObject(Object.fromEntries(ctx.session.vars.environment()));
  const table = builtins();
  const compileError = (message: string, at?: number) => ctx.stderr.write(`jq: error: ${message} at ${programLine(o.filter!, at)}\njq: 1 compile error\n`);
  if (/^\s*(?:import|include)\b/.test(o.filter)) {
    // The lab has no module files for jq to search.
    ctx.stderr.write('jq: error: modules (import, include) are not available in this lab\njq: 1 compile error\n');
    return 3;
  }
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
    if (!error.syntax) {
      compileError(error.message, error.at);
      return 3;
    }
    const at = error.at ?? (error.message.includes('unexpected end of file') ? lastTokenStart(o.filter) : undefined);
    ctx.stderr.write(`jq: error: ${error.message} (Unix shell quoting issues?) at ${programLine(o.filter, at)}\n`);
    // An `if` the end of the program left open is a second error to jq.
    const openIf = error.message.includes('unexpected end of file') ? unterminatedIf(o.filter) : undefined;
    if (openIf !== undefined) ctx.stderr.write(`jq: error: Possibly unterminated 'if' statement at ${programLine(o.filter, openIf)}\n`);
    ctx.stderr.write(`jq: ${openIf === undefined ? '1 compile error' : '2 compile errors'}\n`);
    return 3;
  }
  // jq reports every function it does not know, each where it is called, then counts them.
  const missing = undefinedFunctions(program, (key) => table.has(key));
  const variable = missing.length ? null : undefinedVariable(program, new Set(o.vars.keys()));
  if (variable) missing.push(variable);
  if (missing.length) {
    let from = 0;
    for (const name of missing) {
      const at = whereNamed(o.filter, name, from);
      if (at !== undefined) from = at + 1;
      ctx.stderr.write(`jq: error: ${name} is not defined at ${programLine(o.filter, at)}\n`);
    }
    ctx.stderr.write(`jq: ${missing.length} compile error${missing.length > 1 ? 's' : ''}\n`);
    return 3;
  }
  const evaluator = new Evaluator(table, () => ctx.session.now().getTime(), environment);
  const args = objectFrom([['positional', o.positional], ['named', objectFrom([...o.named])]]);
  // jq binds $ENV and $ARGS itself, over an --arg of the same name.
  const vars = new Map<string, JqValue>([...o.vars, ['ENV', environment], ['ARGS', args]]);
  const env: Env = { vars: Scope.of(vars), defs: Scope.of() };
  const writes = new Writes(ctx);
  let last: JqValue | undefined = undefined;
  const emit = (v: JqValue) => {
    last = v;
    const end = o.nul ? '\0' : o.join ? '' : '\n';
    writes.stdout((limit) => {
      // With -a a raw string is still written as JSON (quoted), jq's ASCII writer being its JSON writer.
      const text = o.raw && typeof v === 'string' && !o.ascii ? v : o.write.color ? writeJsonColored(v, o.write, limit) : writeJson(v, o.write, limit);
      return `${o.seq ? '\x1e' : ''}${o.ascii ? asciiOnly(text) : text}${end}`;
    });
  };
  let status = 0;
  // One stream of inputs, read by the main loop and by `input`/`inputs` alike.
  // The texts jq reads: its files in turn (one it cannot open is reported, and the run ends 2),
  // or standard input.
  let unreadable = false;
  const texts = function* (): Generator<{ name: string; text: string }> {
    if (!o.files.length) return yield { name: '<stdin>', text: ctx.stdin };
    for (const file of o.files) {
      const got = read(file);
      if ('text' in got) yield { name: file === '-' ? '<stdin>' : file, text: got.text };
      else {
        unreadable = true;
        if (got.error !== 'Is a directory') writes.stderr(() => `jq: error: Could not open file ${file}: ${got.error}\n`);
      }
    }
  };
  let filename: string | null = null;
  const values = function* (): Generator<InputValue> {
    for (const { name, text } of texts()) {
      filename = name;
      if (o.rawInput) yield* rawLines(text);
      else if (o.stream) for (const input of readInputs(text)) for (const event of streamEvents(input.value)) yield { ...input, value: event };
      else yield* readInputs(text);
    }
  };
  const source: Iterator<InputValue> = o.slurp && o.rawInput ? rawSlurp(texts()) : o.slurp ? slurp(values()) : values();
  let current: InputValue = { value: null, line: 0, lineNumber: 0 };
  /** Whether the program has read from the input stream (jq then names its position). */
  let reading = !o.nullInput;
  const pull = (): InputValue | undefined => {
    reading = true;
    const next = source.next();
    if (next.done) return undefined;
    readOne = true;
    current = next.value;
    return current;
  };
  let readOne = false;
  evaluator.io = {
    nextInput: () => pull()?.value,
    lineNumber: () => current.lineNumber,
    filename: () => (readOne ? filename : null),
    stderr: (text) => writes.stderr(() => text),
  };
  const runOn = (input: JqValue): number | undefined => {
    try {
      for (const v of evaluator.eval(program, input, env)) emit(v);
    } catch (error) {
      if (error instanceof JqHalt) {
        writes.flush();
        if (error.message) ctx.stderr.write(error.message);
        return error.status;
      }
      if (!(error instanceof JqRuntimeError)) throw error;
      // jq names no input position when it has read none (-n).
      const at = reading ? `${filename ?? '<stdin>'}:${current.line}` : '<unknown>';
      const value = error.value;
      writes.stderr((limit) => (typeof value === 'string' ? `jq: error (at ${at}): ${value}\n` : `jq: error (at ${at}) (not a string): ${writeJson(value, COMPACT, limit)}\n`));
      status = 5;
    }
    return undefined;
  };
  try {
    if (o.nullInput) {
      const halted = runOn(null);
      if (halted !== undefined) return halted;
    } else {
      for (let input = pull(); input; input = pull()) {
        // jq 1.7.1 exits with the status of its last input's run.
        status = 0;
        const halted = runOn(input.value);
        if (halted !== undefined) return halted;
      }
    }
  } catch (error) {
    writes.flush();
    if (error instanceof JqInputError) {
      ctx.stderr.write(`jq: ${error.message}\n`);
      // A file it could not open decides the status, even after bad input.
      return unreadable ? 2 : 5;
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
  if (unreadable) return 2;
  if (status) return status;
  if (o.exitStatus) return last === undefined ? 4 : last === null || last === false ? 1 : 0;
  return 0;
}

export const jqCommands: Command[] = [
  {
    name: 'jq',
    summary: 'Filter JSON (jq 1.7.1: -r, -c, -e, -s, -n, -R, -S, --arg, --argjson, --args; files of the lab; every builtin but modules, Bessel and gamma functions).',
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

/** Where the last `if` without its `end` starts (words in strings and comments aside). */
function unterminatedIf(filter: string): number | undefined {
  const open: number[] = [];
  const code = filter.replace(/"(?:[^"\\]|\\.)*"|#.*$/gm, (m) => ' '.repeat(m.length));
  for (const m of code.matchAll(/(?<![\w.$])(if|end)(?![\w])/g)) {
    if (m[1] === 'if') open.push(m.index);
    else open.pop();
  }
  return open.length ? open[open.length - 1] : undefined;
}

/** Where the program first names an undefined function (`name/arity`) or variable (`$name`). */
function whereNamed(filter: string, missing: string, from = 0): number | undefined {
  const name = missing.replace(/\/\d+$/, '').replace(/[$*]/g, '\\$&');
  // A missing label is reported at its `break`; a function where it is called, not defined.
  const label = /^\$\*label-(.*)$/.exec(missing);
  const source = label ? `(?<![\\w.$])break\\s+\\$${label[1]}(?![\\w])` : missing.startsWith('$') ? `${name}(?![\\w])` : `(?<![\\w.$])(?<!def\\s+)${name}(?![\\w])`;
  const pattern = new RegExp(source, 'g');
  pattern.lastIndex = from;
  return pattern.exec(filter)?.index;
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
