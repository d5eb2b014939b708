// Runs a parsed awk program as gawk 5 does: BEGIN, the records of each input (fields split by FS,
// records by RS), END; built-in variables and functions; print and printf through C's formats.
// What a lab cannot do (run commands, write files) stops with gawk's fatal message, in its voice.
import type { Expr, Program, Redirect, Stmt } from './parser.ts';
import { compare, numberToString, StrNum, toBool, toNumber, toStr, type Value } from './values.ts';
import { AwkRegexes } from './regex.ts';
import { AwkArray } from './array.ts';
import { checkSpec, formatFloat, formatInteger, type Spec } from '../../builtins/printf-format.ts';
import { strftime } from '../../builtins/strftime.ts';
import { concat } from '../../../limits.ts';

/** Statements and records one program may run through before the lab stops it. */
export const MAX_STEPS = 5_000_000;
const MAX_DEPTH = 1000;

/** A run-time error: gawk prints `fatal: …` and exits 2. */
export class AwkFatal extends Error {}
/** Function calls nested deeper than the page's stack holds. */
class CallsTooDeep extends AwkFatal {
  constructor(depth: number) {
    super(`fatal: the lab stops a program ${depth} function calls deep`);
  }
}
/** `exit`: END still runs (unless exiting from END), then awk exits with the code. */
class ExitSignal {
  readonly code: number;
  constructor(code: number) {
    this.code = code;
  }
}
class NextSignal {}
class NextFileSignal {}
class BreakSignal {}
class ContinueSignal {}
class ReturnSignal {
  readonly value: Value;
  constructor(value: Value) {
    this.value = value;
  }
}


/** An operand of awk, in its turn: a file's text, an assignment, or a file that cannot be read. */
export type Input =
  | { name: string; text: string; argIndex: number }
  | { assign: [string, string] }
  | { missing: string };

export interface Host {
  write(text: string): void;
  writeError(text: string): void;
  /** A file of the tree for getline < file; undefined when it cannot be read. */
  readFile(name: string): string | undefined;
  environment: Array<[string, string]>;
  now(): Date;
}

interface Frame {
  locals: Map<string, Value | AwkArray>;
}

export class Interpreter {
  private readonly program: Program;
  private readonly host: Host;
  private readonly globals = new Map<string, Value>();
  private readonly arrays = new Map<string, AwkArray>();
  private readonly frames: Frame[] = [];
  private readonly regexes = new AwkRegexes();
  private steps = 0;
  private record = '';
  private recordFS = ' ';
  /** How records split into fields: by FS, by FPAT's matches, or by FIELDWIDTHS' widths. */
  private fieldMode: 'FS' | 'FPAT' | 'FIELDWIDTHS' = 'FS';
  private recordMode: 'FS' | 'FPAT' | 'FIELDWIDTHS' = 'FS';
  private fields: string[] = [];
  /** Whether $1…$NF are split from the current record. */
  private split = true;
  private nf = 0;
  private inputs: Input[] = [];
  private inputIndex = -1;
  private inputText = '';
  private inputPos = 0;
  private readonly openFiles = new Map<string, { text: string; pos: number }>();
  private readonly ranges = new Map<number, boolean>();
  private readRecords = false;
  /** Whether a file of the main input is open (its ENDFILE rules still to run). */
  private fileOpen = false;
  private exitCode = 0;
  private inEnd = false;
  /** srand's seed: gawk starts from 1 (what the first srand returns). rand() draws from the lab's
   * own generator, not gawk's, so its numbers differ from gawk's for the same seed. */
  private randSeed = 1;
  private randState = 1;
  /** Arrays passed for untyped arguments: a scalar until the function uses them as arrays. */
  private readonly placeholders = new WeakSet<AwkArray>();

  constructor(program: Program, host: Host) {
    this.program = program;
    this.host = host;
    const defaults: Array<[string, Value]> = [
      ['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['RS', '\n'], ['NR', 0], ['NF', 0], ['FNR', 0], ['FILENAME', ''],
      ['SUBSEP', '\x1c'], ['RSTART', 0], ['RLENGTH', -1], ['CONVFMT', '%.6g'], ['OFMT', '%.6g'], ['RT', ''],
      ['ARGIND', 0], ['IGNORECASE', 0], ['FIELDWIDTHS', ''], ['FPAT', '[^[:space:]]+'],
    ];
    for (const [k, v] of defaults) this.globals.set(k, v);
    const environ = new AwkArray();
    for (const [k, v] of host.environment) environ.set(k, new StrNum(v));
    this.arrays.set('ENVIRON', environ);
    // What a program reads of PROCINFO: gawk's version as Debian's gawk 5.2 reports it, how fields
    // split, the platform.
    const procinfo = new AwkArray();
    const entries: Array<[string, Value]> = [['version', '5.2.1'], ['FS', 'FS'], ['platform', 'posix'], ['strftime', '%a %b %e %H:%M:%S %Z %Y'], ['api_major', 3], ['api_minor', 2]];
    for (const [k, v] of entries) procinfo.set(k, v);
    this.arrays.set('PROCINFO', procinfo);
  }

  /** ARGV and the inputs: `var=value` operands are assignments made when awk reaches them. */
  setArguments(argv: string[]): void {
    const array = new AwkArray();
    argv.forEach((a, i) => array.set(String(i), new StrNum(a)));
    this.arrays.set('ARGV', array);
    this.globals.set('ARGC', argv.length);
  }

  setInputs(inputs: Input[]): void {
    this.inputs = inputs;
  }

  assign(name: string, value: string): void {
    this.setVar(name, new StrNum(processEscapes(value)));
  }

  /** Where an error happened, as gawk says it once input was read. */
  private where(): string {
    if (!this.readRecords) return '';
    return `(FILENAME=${toStr(this.globals.get('FILENAME')) || '-'} FNR=${toStr(this.globals.get('FNR'))}) `;
  }

  fatal(message: string): never {
    throw new AwkFatal(`${this.where()}fatal: ${message}`);
  }

  private step(): void {
    if (++this.steps > MAX_STEPS) this.fatal(`the lab stops a program after ${MAX_STEPS} steps`);
  }

  /** Runs the whole program; returns awk's exit status. */
  run(): number {
    const begins = this.program.rules.filter((r) => r.kind === 'BEGIN');
    const mains = this.program.rules.filter((r) => r.kind === 'main');
    const ends = this.program.rules.filter((r) => r.kind === 'END');
    try {
      for (const rule of begins) this.execBlock(rule.action!);
      if (mains.length || ends.length || this.fileRules('BEGINFILE').length || this.fileRules('ENDFILE').length) {
        while (this.nextRecord()) {
          try {
            mains.forEach((rule, index) => {
              if (this.matches(rule, index)) {
                if (rule.action) this.execBlock(rule.action);
                else this.print([], undefined);
              }
            });
          } catch (signal) {
            if (signal instanceof NextSignal) continue;
            if (signal instanceof NextFileSignal) {
              this.inputPos = this.inputText.length;
              continue;
            }
            throw signal;
          }
        }
      }
    } catch (signal) {
      if (!(signal instanceof ExitSignal)) throw signal;
      this.exitCode = signal.code;
    }
    try {
      this.inEnd = true;
      for (const rule of ends) this.execBlock(rule.action!);
    } catch (signal) {
      if (!(signal instanceof ExitSignal)) throw signal;
      this.exitCode = signal.code;
    }
    return this.exitCode;
  }

  private matches(rule: Program['rules'][number], index: number): boolean {
    if (!rule.pattern) return true;
    if (!rule.rangeEnd) return toBool(this.eval(rule.pattern));
    if (!this.ranges.get(index)) {
      if (!toBool(this.eval(rule.pattern))) return false;
      this.ranges.set(index, !toBool(this.eval(rule.rangeEnd)));
      return true;
    }
    if (toBool(this.eval(rule.rangeEnd))) this.ranges.set(index, false);
    return true;
  }

  // ---- records and fields

  /** The next record of the main input into $0; false at the end of the last input. */
  private nextRecord(): boolean {
    for (;;) {
      if (this.inputIndex >= 0 && this.inputPos < this.inputText.length) {
        const record = this.readRecord();
        if (record !== undefined) {
          this.readRecords = true;
          this.setRecord(record);
          this.globals.set('NR', toNumber(this.globals.get('NR')) + 1);
          this.globals.set('FNR', toNumber(this.globals.get('FNR')) + 1);
          return true;
        }
      }
      if (!this.openNextInput()) return false;
    }
  }

  private fileRules(kind: 'BEGINFILE' | 'ENDFILE') {
    return this.program.rules.filter((r) => r.kind === kind);
  }

  /** Moves to the next input file, making the assignments met on the way; false after the last.
   * gawk's ENDFILE rules run as a file ends, its BEGINFILE rules as the next one opens. */
  private openNextInput(): boolean {
    if (this.fileOpen) {
      this.fileOpen = false;
      for (const rule of this.fileRules('ENDFILE')) this.execBlock(rule.action!);
    }
    for (;;) {
      if (this.inputIndex + 1 >= this.inputs.length) return false;
      const input = this.inputs[++this.inputIndex];
      if ('assign' in input) {
        this.assign(...input.assign);
        continue;
      }
      if ('missing' in input) throw new AwkFatal(`fatal: cannot open file \`${input.missing}' for reading: No such file or directory`);
      this.inputText = input.text;
      this.inputPos = 0;
      this.globals.set('FILENAME', input.name);
      this.globals.set('FNR', 0);
      this.globals.set('ARGIND', input.argIndex);
      this.fileOpen = true;
      for (const rule of this.fileRules('BEGINFILE')) this.execBlock(rule.action!);
      return true;
    }
  }

  /** One record from the current input by RS, or undefined when only separators remain. */
  private readRecord(source?: { text: string; pos: number }): string | undefined {
    const src = source ?? { text: this.inputText, pos: this.inputPos };
    const text = src.text;
    const rs = toStr(this.globals.get('RS'));
    let record: string | undefined;
    let rt = '';
    if (rs === '\n' || rs.length === 1) {
      const at = text.indexOf(rs, src.pos);
      if (at < 0) {
        record = text.slice(src.pos);
        src.pos = text.length;
      } else {
        record = text.slice(src.pos, at);
        rt = rs;
        src.pos = at + 1;
      }
    } else if (rs === '') {
      // Paragraph mode: records are separated by blank lines; leading newlines are skipped.
      while (text[src.pos] === '\n') src.pos++;
      if (src.pos >= text.length) return undefined;
      const m = /\n\n+/g;
      m.lastIndex = src.pos;
      const found = m.exec(text);
      if (!found) {
        record = text.slice(src.pos).replace(/\n$/, '');
        rt = text.endsWith('\n') ? '\n' : '';
        src.pos = text.length;
      } else {
        record = text.slice(src.pos, found.index);
        rt = found[0];
        src.pos = found.index + found[0].length;
      }
    } else {
      const m = this.regexes.search(rs, text, src.pos, this);
      if (!m) {
        record = text.slice(src.pos);
        src.pos = text.length;
      } else {
        record = text.slice(src.pos, m[0]);
        rt = text.slice(m[0], m[1]);
        src.pos = m[1] > m[0] ? m[1] : m[1] + 1;
      }
    }
    if (!source) this.inputPos = src.pos;
    this.globals.set('RT', rt);
    return record;
  }

  private setRecord(text: string): void {
    this.record = text;
    this.split = false;
    // The record splits by the FS of the moment it was set: a new FS applies from the next record.
    this.recordMode = this.fieldMode;
    this.recordFS = toStr(this.globals.get(this.fieldMode));
  }

  private ensureSplit(): void {
    if (this.split) return;
    if (this.recordMode === 'FPAT') this.fields = this.patternSplit(this.record, this.recordFS);
    else if (this.recordMode === 'FIELDWIDTHS') this.fields = widthSplit(this.record, this.recordFS, this);
    else this.fields = this.splitText(this.record, this.recordFS, toStr(this.globals.get('RS')) === '');
    this.nf = this.fields.length;
    this.globals.set('NF', this.nf);
    this.split = true;
  }

  /** `text` split as FS (or split()'s separator) says. */
  splitText(text: string, fs: string, paragraph = false, separators?: string[], regex = false): string[] {
    if (text === '') return [];
    if (fs === ' ' && !regex) {
      const pieces: string[] = [];
      const re = /[ \t\n]+/g;
      let start = text.search(/[^ \t\n]/);
      if (start < 0) return [];
      if (separators && start > 0) separators.push(text.slice(0, start));
      re.lastIndex = start;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        pieces.push(text.slice(start, m.index));
        separators?.push(m[0]);
        start = m.index + m[0].length;
      }
      if (start < text.length) pieces.push(text.slice(start));
      return pieces;
    }
    if (fs === '') return [...text];
    let pieces: string[];
    if (fs.length === 1 && fs !== '\\' && !regex) {
      pieces = text.split(fs);
      if (separators) for (let i = 1; i < pieces.length; i++) separators.push(fs);
    } else {
      pieces = [];
      let start = 0;
      let from = 0;
      for (;;) {
        const m = this.regexes.search(fs, text, from, this);
        if (!m || m[1] === m[0] && m[0] >= text.length) break;
        if (m[1] === m[0]) {
          from = m[0] + 1;
          continue;
        }
        pieces.push(text.slice(start, m[0]));
        separators?.push(text.slice(m[0], m[1]));
        start = from = m[1];
      }
      pieces.push(text.slice(start));
    }
    if (paragraph) return pieces.flatMap((p) => p.split('\n'));
    return pieces;
  }

  /** gawk's FPAT and patsplit: the fields are the pattern's matches; `separators` gets the text
   * before, between and after them (index 0 the leading text). */
  patternSplit(text: string, pattern: string, separators?: string[]): string[] {
    const pieces: string[] = [];
    let pos = 0;
    let last = 0;
    while (pos <= text.length) {
      const m = this.regexes.search(pattern, text, pos, this);
      if (!m) break;
      // An empty match right after a field is no new field.
      if (m[0] === m[1] && m[0] === last && pieces.length) {
        pos = m[0] + 1;
        continue;
      }
      separators?.push(text.slice(last, m[0]));
      pieces.push(text.slice(m[0], m[1]));
      last = m[1];
      pos = m[1] > m[0] ? m[1] : m[1] + 1;
    }
    separators?.push(text.slice(last));
    return pieces;
  }

  private getField(i: number): Value {
    if (i < 0) this.fatal(`attempt to access field ${i}`);
    if (i === 0) return new StrNum(this.record);
    this.ensureSplit();
    return i <= this.nf ? new StrNum(this.fields[i - 1]) : undefined;
  }

  private setField(i: number, value: string): void {
    if (i < 0) this.fatal(`attempt to access field ${i}`);
    if (i === 0) {
      this.setRecord(value);
      return;
    }
    this.ensureSplit();
    while (this.fields.length < i) this.fields.push('');
    this.fields[i - 1] = value;
    this.nf = this.fields.length;
    this.globals.set('NF', this.nf);
    this.rebuild();
  }

  private rebuild(): void {
    this.record = this.fields.slice(0, this.nf).join(toStr(this.globals.get('OFS'), this.convfmt));
  }

  private setNF(n: number): void {
    this.ensureSplit();
    if (n < 0) this.fatal(`NF set to negative value`);
    while (this.fields.length < n) this.fields.push('');
    this.fields.length = n;
    this.nf = n;
    this.globals.set('NF', n);
    this.rebuild();
  }

  // ---- variables

  private get convfmt(): string {
    return toStr(this.globals.get('CONVFMT'));
  }

  private frame(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private getVar(name: string): Value {
    const local = this.frame()?.locals;
    if (local?.has(name)) {
      const v = local.get(name);
      if (v instanceof AwkArray) {
        if (v.size === 0 && this.placeholder(v)) return undefined;
        this.fatal(`attempt to use array \`${name}' in a scalar context`);
      }
      return v;
    }
    if (name === 'NF') this.ensureSplit();
    if (this.arrays.has(name)) this.fatal(`attempt to use array \`${name}' in a scalar context`);
    return this.globals.get(name);
  }

  private setVar(name: string, value: Value): void {
    const local = this.frame()?.locals;
    if (local?.has(name)) {
      const current = local.get(name);
      if (current instanceof AwkArray && !(current.size === 0 && this.placeholder(current))) this.fatal(`attempt to use array \`${name}' in a scalar context`);
      local.set(name, value);
      return;
    }
    if (this.arrays.has(name)) this.fatal(`attempt to use array \`${name}' in a scalar context`);
    if (name === 'NF') {
      this.setNF(Math.trunc(toNumber(value)));
      return;
    }
    this.globals.set(name, value);
    if (name === 'IGNORECASE') this.regexes.ignoreCase = toBool(value);
    // The last of FS, FPAT and FIELDWIDTHS assigned says how records split (PROCINFO["FS"] names it).
    if (name === 'FIELDWIDTHS') {
      const widths = parseWidths(toStr(value, this.convfmt));
      if (typeof widths === 'string') this.fatal(widths);
    }
    if (name === 'FS' || name === 'FPAT' || name === 'FIELDWIDTHS') {
      this.fieldMode = name;
      this.arrays.get('PROCINFO')?.set('FS', name);
    }
  }

  array(name: string): AwkArray {
    const local = this.frame()?.locals;
    if (local?.has(name)) {
      let v = local.get(name);
      if (v === undefined) {
        v = new AwkArray();
        local.set(name, v);
      }
      if (!(v instanceof AwkArray)) this.fatal(`attempt to use scalar parameter \`${name}' as an array`);
      return v;
    }
    if (this.globals.has(name) && !this.arrays.has(name)) this.fatal(`attempt to use scalar \`${name}' as an array`);
    let a = this.arrays.get(name);
    if (!a) {
      a = new AwkArray();
      this.arrays.set(name, a);
    }
    return a;
  }

  private subscript(subscripts: Expr[]): string {
    return subscripts.map((s) => toStr(this.eval(s), this.convfmt)).join(toStr(this.globals.get('SUBSEP')));
  }

  // ---- statements

  private execBlock(body: Stmt[]): void {
    for (const s of body) this.exec(s);
  }

  private exec(s: Stmt): void {
    this.step();
    switch (s.type) {
      case 'print':
        this.print(s.args, s.redirect);
        return;
      case 'printf': {
        // gawk reads a printf without arguments and stops when it runs.
        if (s.args.length === 0) this.fatal('printf: no arguments');
        const [format, ...args] = s.args.map((a) => this.eval(a));
        this.output(this.sprintf(toStr(format, this.convfmt), args), s.redirect);
        return;
      }
      case 'expr':
        this.eval(s.expr);
        return;
      case 'if':
        if (toBool(this.eval(s.test))) this.exec(s.then);
        else if (s.else) this.exec(s.else);
        return;
      case 'while':
        while (toBool(this.eval(s.test))) {
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'do':
        do {
          if (this.loopBody(s.body)) break;
        } while (toBool(this.eval(s.test)));
        return;
      case 'for':
        if (s.init) this.exec(s.init);
        while (!s.test || toBool(this.eval(s.test))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.exec(s.step);
        }
        return;
      case 'forin': {
        const array = this.array(s.array);
        let keys = [...array.keys()];
        // PROCINFO["sorted_in"] chooses the order of for (k in a) by one of gawk's predefined orders.
        const sortedIn = this.arrays.get('PROCINFO')?.get('sorted_in');
        if (sortedIn !== undefined && toStr(sortedIn) !== '') {
          keys = keys.map((key) => ({ key, value: array.get(key) })).sort(this.ordering(toStr(sortedIn, this.convfmt))).map((e) => e.key);
        }
        for (const key of keys) {
          this.setVar(s.variable, new StrNum(key));
          if (this.loopBody(s.body)) break;
        }
        return;
      }
      case 'block':
        this.execBlock(s.body);
        return;
      case 'switch': {
        const subject = this.eval(s.subject);
        const chosen = s.cases.findIndex((c) => c.test && this.caseMatches(c.test, subject));
        const start = chosen >= 0 ? chosen : s.cases.findIndex((c) => !c.test);
        if (start < 0) return;
        try {
          for (const c of s.cases.slice(start)) this.execBlock(c.body);
        } catch (signal) {
          if (!(signal instanceof BreakSignal)) throw signal;
        }
        return;
      }
      case 'next':
        if (this.inEnd) this.fatal('`next\' used in END action');
        throw new NextSignal();
      case 'nextfile':
        throw new NextFileSignal();
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'exit':
        throw new ExitSignal(s.code ? Math.trunc(toNumber(this.eval(s.code))) & 0xff : this.exitCode);
      case 'return':
        throw new ReturnSignal(s.value ? this.eval(s.value) : undefined);
      case 'delete':
        if (s.subscripts) this.array(s.name).delete(this.subscript(s.subscripts));
        else this.array(s.name).clear();
        return;
    }
  }

  /** Whether a switch's case label takes the subject: a regex matches it, a value equals it. */
  private caseMatches(test: Expr, subject: Value): boolean {
    if (test.type === 'regex' || test.type === 'typedregex') return this.regexes.test(test.source, toStr(subject, this.convfmt), this);
    const value = this.eval(test);
    if (typeof value === 'number' && (typeof subject === 'number' || (subject instanceof StrNum && subject.numeric))) return toNumber(subject) === value;
    return toStr(subject, this.convfmt) === toStr(value, this.convfmt);
  }

  /** One pass of a loop's body: true when it breaks. */
  private loopBody(body: Stmt): boolean {
    this.step();
    try {
      this.exec(body);
    } catch (signal) {
      if (signal instanceof BreakSignal) return true;
      if (signal instanceof ContinueSignal) return false;
      throw signal;
    }
    return false;
  }

  private print(args: Expr[], redirect?: Redirect): void {
    const ofmt = toStr(this.globals.get('OFMT'));
    const values = args.length ? args.map((a) => this.eval(a)) : [new StrNum(this.record)];
    const text = values.map((v) => (typeof v === 'number' ? numberToString(v, ofmt) : toStr(v))).join(toStr(this.globals.get('OFS'), this.convfmt));
    this.output(text + toStr(this.globals.get('ORS'), this.convfmt), redirect);
  }

  private output(text: string, redirect?: Redirect): void {
    if (!redirect) {
      this.host.write(text);
      return;
    }
    const target = toStr(this.eval(redirect.target), this.convfmt);
    if (redirect.op === '|') this.fatal(`running commands (\`| "${target}"') is not available in this lab`);
    // gawk's special files: standard output and error (by name or descriptor), and /dev/null.
    if (target === '/dev/stdout' || target === '/dev/fd/1' || target === '-') this.host.write(text);
    else if (target === '/dev/stderr' || target === '/dev/fd/2') this.host.writeError(text);
    else if (target === '/dev/null') return;
    else this.fatal(`can't redirect to \`${target}' (Read-only file system)`);
  }

  // ---- expressions

  eval(e: Expr): Value {
    switch (e.type) {
      case 'num':
        return e.value;
      case 'str':
        return e.value;
      case 'regex':
        return this.regexes.test(e.source, this.record, this) ? 1 : 0;
      case 'typedregex':
        return e.source;
      case 'group':
        return this.eval(e.expr);
      case 'tuple':
        return this.subscript(e.items);
      case 'var':
        return this.getVar(e.name);
      case 'field':
        return this.getField(Math.trunc(toNumber(this.eval(e.index))));
      case 'index': {
        const array = this.array(e.name);
        const key = this.subscript(e.subscripts);
        if (!array.has(key)) array.set(key, undefined);
        return array.get(key);
      }
      case 'assign':
        return this.assignTo(e.target, e.op === '=' ? this.eval(e.value) : this.arith(e.op.slice(0, -1), toNumber(this.eval(e.target)), toNumber(this.eval(e.value))));
      case 'cond':
        return toBool(this.eval(e.test)) ? this.eval(e.then) : this.eval(e.else);
      case 'binary':
        return this.binary(e.op, e.left, e.right);
      case 'match': {
        const text = toStr(this.eval(e.left), this.convfmt);
        const found = this.regexes.test(this.regexSource(e.right), text, this);
        return found !== e.negate ? 1 : 0;
      }
      case 'in':
        return this.array(e.array).has(this.subscript(e.subscripts)) ? 1 : 0;
      case 'unary': {
        if (e.op === '!') return toBool(this.eval(e.operand)) ? 0 : 1;
        const n = toNumber(this.eval(e.operand));
        return e.op === '-' ? -n : n;
      }
      case 'incdec': {
        const old = toNumber(this.eval(e.target));
        const next = e.op === '++' ? old + 1 : old - 1;
        this.assignTo(e.target, next);
        return e.prefix ? next : old;
      }
      case 'call':
        return this.call(e.name, e.args);
      case 'builtin':
        return this.builtin(e.name, e.args);
      case 'getline':
        return this.getline(e);
    }
  }

  /** The source of a regex operand: a literal's text, or a dynamic string's value. */
  regexSource(e: Expr): string {
    return e.type === 'regex' || e.type === 'typedregex' ? e.source : toStr(this.eval(e), this.convfmt);
  }

  private assignTo(target: Expr, value: Value): Value {
    if (target.type === 'var') this.setVar(target.name, value);
    else if (target.type === 'field') {
      const i = Math.trunc(toNumber(this.eval(target.index)));
      this.setField(i, typeof value === 'number' ? numberToString(value, this.convfmt) : toStr(value));
    } else if (target.type === 'index') this.array(target.name).set(this.subscript(target.subscripts), value);
    return value;
  }

  private arith(op: string, a: number, b: number): number {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
        if (b === 0) this.fatal('division by zero attempted');
        return a / b;
      case '%':
        if (b === 0) this.fatal('division by zero attempted in `%\'');
        return a % b;
      default: return a ** b;
    }
  }

  private binary(op: string, left: Expr, right: Expr): Value {
    switch (op) {
      case '&&':
        return toBool(this.eval(left)) && toBool(this.eval(right)) ? 1 : 0;
      case '||':
        return toBool(this.eval(left)) || toBool(this.eval(right)) ? 1 : 0;
      case 'concat':
        return concat(toStr(this.eval(left), this.convfmt), toStr(this.eval(right), this.convfmt));
      case '<': case '<=': case '==': case '!=': case '>=': case '>': {
        const c = compare(this.eval(left), this.eval(right), this.convfmt, this.regexes.ignoreCase);
        const r = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0;
        return r ? 1 : 0;
      }
      default:
        return this.arith(op, toNumber(this.eval(left)), toNumber(this.eval(right)));
    }
  }

  private call(name: string, argExprs: Expr[]): Value {
    const f = this.program.functions.get(name);
    if (!f) this.fatal(`function \`${name}' not defined`);
    if (this.frames.length >= MAX_DEPTH) this.fatal(`the lab stops a program ${MAX_DEPTH} function calls deep`);
    const locals = new Map<string, Value | AwkArray>();
    const untypedArgs: Array<[string, AwkArray, string]> = [];
    f.params.forEach((p, i) => {
      const arg = argExprs[i];
      if (!arg) {
        locals.set(p, undefined);
        return;
      }
      // An array is passed by reference; so is a name not used yet, in case the function makes it an array.
      if (arg.type === 'var' && (this.arrays.has(arg.name) || this.frame()?.locals.get(arg.name) instanceof AwkArray)) locals.set(p, this.array(arg.name));
      else if (arg.type === 'var' && this.untyped(arg.name)) {
        const array = new AwkArray();
        this.placeholders.add(array);
        untypedArgs.push([arg.name, array, p]);
        locals.set(p, array);
      } else locals.set(p, this.eval(arg));
    });
    this.frames.push({ locals });
    try {
      this.execBlock(f.body);
      return undefined;
    } catch (signal) {
      if (signal instanceof ReturnSignal) return signal.value;
      // A page's stack holds fewer nested calls than gawk's: the deepest call ends the program in
      // awk's voice (its message made once the stack has unwound) instead of as an engine error.
      if (signal instanceof RangeError) throw new CallsTooDeep(this.frames.length);
      throw signal;
    } finally {
      this.frames.pop();
      // A name the function used as an array becomes that array in the caller.
      for (const [name, array, param] of untypedArgs) {
        if (locals.get(param) === array && array.size > 0) this.bindArray(name, array);
      }
    }
  }

  /** Whether an array is one passed for an untyped argument, not yet used as an array. */
  private placeholder(array: AwkArray): boolean {
    return this.placeholders.has(array);
  }

  /** Whether a name has been neither a scalar nor an array yet. */
  private untyped(name: string): boolean {
    const local = this.frame()?.locals;
    if (local?.has(name)) return local.get(name) === undefined;
    return !this.globals.has(name) && !this.arrays.has(name);
  }

  private bindArray(name: string, array: AwkArray): void {
    const local = this.frame()?.locals;
    if (local?.has(name)) local.set(name, array);
    else this.arrays.set(name, array);
  }

  private getline(e: Extract<Expr, { type: 'getline' }>): Value {
    if (e.command) this.fatal(`running commands (\`"${toStr(this.eval(e.command), this.convfmt)}" | getline') is not available in this lab`);
    let record: string | undefined;
    if (e.file) {
      const name = toStr(this.eval(e.file), this.convfmt);
      let file = this.openFiles.get(name);
      if (!file) {
        const text = this.host.readFile(name === '/dev/stdin' ? '-' : name);
        if (text === undefined) return -1;
        file = { text, pos: 0 };
        this.openFiles.set(name, file);
      }
      if (file.pos >= file.text.length) return 0;
      record = this.readRecord(file);
      if (record === undefined) return 0;
    } else {
      for (;;) {
        if (this.inputIndex >= 0 && this.inputPos < this.inputText.length) {
          record = this.readRecord();
          if (record !== undefined) break;
        }
        if (!this.openNextInput()) return 0;
      }
      this.readRecords = true;
      this.globals.set('NR', toNumber(this.globals.get('NR')) + 1);
      this.globals.set('FNR', toNumber(this.globals.get('FNR')) + 1);
    }
    if (e.target) this.assignTo(e.target, new StrNum(record));
    else this.setRecord(record);
    return 1;
  }

  // ---- built-in functions

  private builtin(name: string, args: Expr[]): Value {
    const str = (i: number) => toStr(this.eval(args[i]), this.convfmt);
    const num = (i: number) => toNumber(this.eval(args[i]));
    switch (name) {
      case 'length': {
        if (args.length === 0) return [...this.record].length;
        const a = args[0];
        if (a.type === 'var' && (this.arrays.has(a.name) || this.frame()?.locals.get(a.name) instanceof AwkArray)) return this.array(a.name).size;
        return [...str(0)].length;
      }
      case 'substr': {
        const chars = [...str(0)];
        // gawk truncates a fractional start and length.
        let start = Math.trunc(num(1));
        let length = args.length > 2 ? num(2) : Infinity;
        if (Number.isNaN(length)) length = 0;
        if (length !== Infinity) length = Math.trunc(length);
        // gawk treats a start before 1 as 1, the length unchanged.
        if (start < 1) start = 1;
        let end = length === Infinity ? chars.length + 1 : start + length;
        if (end > chars.length + 1) end = chars.length + 1;
        return end <= start ? '' : chars.slice(start - 1, end - 1).join('');
      }
      case 'index': {
        const s = this.regexes.ignoreCase ? str(0).toLowerCase() : str(0);
        const t = this.regexes.ignoreCase ? str(1).toLowerCase() : str(1);
        const at = s.indexOf(t);
        return at < 0 ? 0 : [...s.slice(0, at)].length + 1;
      }
      case 'split': {
        const text = str(0);
        const target = args[1];
        if (target?.type !== 'var') this.fatal('split: second argument is not an array');
        if (args.length > 3 && args[3].type !== 'var') this.fatal('split: fourth argument is not an array');
        const array = this.array(target.name);
        const seps: string[] = [];
        const pieces = args.length > 2 && args[2].type === 'regex'
          ? this.splitText(text, args[2].source, false, seps, true)
          : this.splitText(text, args.length > 2 ? str(2) : toStr(this.globals.get('FS')), false, seps);
        array.clear();
        pieces.forEach((p, i) => array.set(String(i + 1), new StrNum(p)));
        if (args[3]?.type === 'var') {
          const sepArray = this.array(args[3].name);
          sepArray.clear();
          seps.forEach((s, i) => sepArray.set(String(i + (pieces.length && toStr(this.globals.get('FS')) === ' ' && seps.length === pieces.length ? 0 : 1)), s));
        }
        return pieces.length;
      }
      case 'sub':
      case 'gsub': {
        const source = this.regexSource(args[0]);
        const replacement = str(1);
        const target: Expr = args[2] ?? { type: 'field', index: { type: 'num', value: 0 } };
        const text = toStr(this.eval(target), this.convfmt);
        const { result, count } = this.regexes.substitute(source, text, replacement, name === 'gsub' ? Infinity : 1, this);
        if (count > 0) this.assignTo(target, result);
        return count;
      }
      case 'gensub': {
        const source = this.regexSource(args[0]);
        const how = str(2);
        const target = args.length > 3 ? str(3) : this.record;
        const which = /^[gG]/.test(how) ? 0 : Math.max(1, Math.trunc(toNumber(how)));
        return this.regexes.gensub(source, target, str(1), which, this);
      }
      case 'match': {
        if (args.length > 2 && args[2].type !== 'var') this.fatal('match: third argument is not an array');
        const text = str(0);
        const m = this.regexes.match(this.regexSource(args[1]), text, this);
        const array = args[2]?.type === 'var' ? this.array(args[2].name) : undefined;
        array?.clear();
        if (!m) {
          this.globals.set('RSTART', 0);
          this.globals.set('RLENGTH', -1);
          return 0;
        }
        const chars = (from: number, to: number) => [...text.slice(from, to)].length;
        const rstart = chars(0, m[0]) + 1;
        this.globals.set('RSTART', rstart);
        this.globals.set('RLENGTH', chars(m[0], m[1]));
        if (array) {
          for (let g = 0; g * 2 < m.length; g++) {
            const s = m[g * 2];
            const t = m[g * 2 + 1];
            if (s < 0) continue;
            array.set(String(g), new StrNum(text.slice(s, t)));
            array.set(`${g}\x1cstart`, chars(0, s) + 1);
            array.set(`${g}\x1clength`, chars(s, t));
          }
        }
        return rstart;
      }
      case 'sprintf': {
        if (args.length === 0) this.fatal('sprintf: no arguments');
        const [format, ...rest] = args.map((a) => this.eval(a));
        return this.sprintf(toStr(format, this.convfmt), rest);
      }
      case 'tolower':
        return str(0).toLowerCase();
      case 'toupper':
        return str(0).toUpperCase();
      case 'int':
        return Math.trunc(num(0));
      case 'sqrt': {
        const x = num(0);
        if (x < 0) this.host.writeError(`awk: cmd. line:1: ${this.where()}warning: sqrt: received negative argument ${toStr(x)}\n`);
        return Math.sqrt(x);
      }
      case 'exp':
        return Math.exp(num(0));
      case 'log': {
        const x = num(0);
        if (x < 0) this.host.writeError(`awk: cmd. line:1: ${this.where()}warning: log: received negative argument ${numberToString(x, this.convfmt)}\n`);
        return Math.log(x);
      }
      case 'sin':
        return Math.sin(num(0));
      case 'cos':
        return Math.cos(num(0));
      case 'atan2':
        return Math.atan2(num(0), num(1));
      case 'rand':
        this.randState = (this.randState * 1103515245 + 12345) % 2147483648;
        return this.randState / 2147483648;
      case 'srand': {
        const previous = this.randSeed;
        this.randSeed = args.length ? Math.trunc(num(0)) : Math.floor(this.host.now().getTime() / 1000);
        this.randState = this.randSeed;
        return previous;
      }
      case 'systime':
        return Math.floor(this.host.now().getTime() / 1000);
      case 'strftime': {
        const format = args.length ? str(0) : '%a %b %e %H:%M:%S %Z %Y';
        const seconds = args.length > 1 ? Math.trunc(num(1)) : Math.floor(this.host.now().getTime() / 1000);
        return strftime(format, seconds);
      }
      case 'mktime': {
        const parts = str(0).trim().split(/\s+/).map(Number);
        if (parts.length < 6 || parts.some((n) => !Number.isFinite(n))) return -1;
        const [y, mo, d, h, mi, sec] = parts;
        return Math.floor(Date.UTC(y, mo - 1, d, h, mi, sec) / 1000);
      }
      case 'close':
        this.openFiles.delete(str(0));
        return 0;
      case 'fflush':
        return 0;
      case 'strtonum': {
        const s = str(0).trim();
        if (/^[+-]?0[xX][0-9a-fA-F]+/.test(s)) return parseInt(s, 16);
        if (/^[+-]?0[0-7]+$/.test(s)) return parseInt(s, 8);
        return toNumber(s);
      }
      case 'and': case 'or': case 'xor': {
        // gawk folds any number of arguments, two at least.
        if (args.length < 2) this.fatal(`${name}: called with less than two arguments`);
        const values = args.map((_, i) => BigInt(Math.trunc(num(i))));
        const r = values.reduce((a, b) => (name === 'and' ? a & b : name === 'or' ? a | b : a ^ b));
        return Number(BigInt.asUintN(53, r));
      }
      case 'lshift': case 'rshift': {
        const a = BigInt(Math.trunc(num(0)));
        const b = BigInt(Math.trunc(num(1)));
        return Number(BigInt.asUintN(53, name === 'lshift' ? a << b : a >> b));
      }
      case 'compl':
        return Number(BigInt.asUintN(53, ~BigInt(Math.trunc(num(0)))));
      case 'asort':
      case 'asorti':
        return this.sortArray(name, args);
      case 'patsplit': {
        const target = args[1];
        if (target?.type !== 'var') this.fatal('patsplit: second argument is not an array');
        if (args.length > 3 && args[3].type !== 'var') this.fatal('patsplit: fourth argument is not an array');
        const text = str(0);
        const pattern = args.length > 2 ? this.regexSource(args[2]) : toStr(this.globals.get('FPAT'));
        const seps: string[] = [];
        const pieces = this.patternSplit(text, pattern, seps);
        const array = this.array(target.name);
        array.clear();
        pieces.forEach((p, i) => array.set(String(i + 1), new StrNum(p)));
        if (args[3]?.type === 'var') {
          const sepArray = this.array(args[3].name);
          sepArray.clear();
          seps.forEach((sep, i) => sepArray.set(String(i), new StrNum(sep)));
        }
        return pieces.length;
      }
      case 'typeof': {
        const a = args[0];
        if (a.type === 'typedregex') return 'regexp';
        if (a.type === 'var' && this.arrays.has(a.name)) return 'array';
        const v = this.eval(a);
        return v === undefined ? 'untyped' : typeof v === 'number' ? 'number' : v instanceof StrNum ? (v.numeric ? 'strnum' : 'string') : 'string';
      }
      case 'isarray': {
        const a = args[0];
        return a.type === 'var' && this.arrays.has(a.name) ? 1 : 0;
      }
      default:
        this.fatal(`function \`${name}' is not available in this lab`);
    }
  }

  /** asort (the values) and asorti (the subscripts), sorted into 1…n of the destination (the
   * source itself when there is none), in gawk's default order or one of its @ind_/@val_ orders. */
  private sortArray(name: string, args: Expr[]): number {
    const source = args[0];
    // An untyped name becomes an empty array, as gawk makes it.
    if (source?.type !== 'var' || (!this.isArray(source.name) && !this.untyped(source.name))) this.fatal(`${name}: first argument is not an array`);
    const dest = args[1];
    if (dest && (dest.type !== 'var' || (!this.isArray(dest.name) && !this.untyped(dest.name)))) this.fatal(`${name}: second argument is not an array`);
    const how = args.length > 2 ? toStr(this.eval(args[2]), this.convfmt) : name === 'asort' ? '@val_type_asc' : '@ind_str_asc';
    const array = this.array(source.name);
    const entries = array.keys().map((key) => ({ key, value: array.get(key) }));
    entries.sort(this.ordering(how));
    const target = dest ? this.array(dest.name) : array;
    const sorted = entries.map((e) => (name === 'asort' ? e.value : e.key));
    target.clear();
    sorted.forEach((v, i) => target.set(String(i + 1), v));
    return sorted.length;
  }

  /** A comparison of array entries by one of gawk's predefined orders (`@ind_str_asc` …). */
  private ordering(how: string): (a: { key: string; value: Value }, b: { key: string; value: Value }) => number {
    const m = /^@(ind|val)_(str|num|type)_(asc|desc)$/.exec(how);
    if (!m || (m[1] === 'ind' && m[2] === 'type')) {
      if (how === '@unsorted') return () => 0;
      this.fatal(`sort comparison function \`${how}' is not defined`);
    }
    const [, what, kind, direction] = m;
    const strings = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    const numeric = (v: Value) => typeof v === 'number' || v === undefined || (v instanceof StrNum && v.numeric);
    const by = (a: Value, b: Value): number => {
      if (kind === 'str') return strings(toStr(a, this.convfmt), toStr(b, this.convfmt));
      if (kind === 'num') return toNumber(a) - toNumber(b) || strings(toStr(a, this.convfmt), toStr(b, this.convfmt));
      // By type: numbers before strings, each in its own order.
      if (numeric(a) !== numeric(b)) return numeric(a) ? -1 : 1;
      return numeric(a) ? toNumber(a) - toNumber(b) || strings(toStr(a, this.convfmt), toStr(b, this.convfmt)) : strings(toStr(a), toStr(b));
    };
    const sign = direction === 'asc' ? 1 : -1;
    return (a, b) => sign * (what === 'ind' ? by(kind === 'num' ? new StrNum(a.key) : a.key, kind === 'num' ? new StrNum(b.key) : b.key) : by(a.value, b.value) || strings(a.key, b.key));
  }

  private isArray(name: string): boolean {
    const local = this.frame()?.locals;
    if (local?.has(name)) return local.get(name) instanceof AwkArray;
    return this.arrays.has(name);
  }

  /** awk's printf: C's conversions, numbers from awk values, %c of a number as its character. */
  sprintf(format: string, args: Value[]): string {
    let out = '';
    let next = 0;
    // gawk's positional arguments (`%2$s`, `*1$`): all conversions use them, or none does.
    let positional: boolean | undefined;
    const take = (at: number, position?: string): Value => {
      const isPositional = position !== undefined;
      if (positional !== undefined && positional !== isPositional) this.fatal("must use `count$' on all formats or none");
      positional = isPositional;
      if (isPositional) {
        const n = Number(position);
        if (n < 1) this.fatal("argument index with `$' must be > 0");
        if (n > args.length) this.fatal(`argument index ${n} greater than total number of supplied arguments`);
        return args[n - 1];
      }
      if (next >= args.length) {
        throw new AwkFatal(`${this.where()}fatal: not enough arguments to satisfy format string\n\t\`${format}'\n\t${' '.repeat(at)}^ ran out for this one`);
      }
      return args[next++];
    };
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%(?:([0-9]+)\$)?([-+ #0']*)(\*(?:[0-9]+\$)?|[0-9]+)?(?:\.(\*(?:[0-9]+\$)?|[0-9]*))?([a-zA-Z%])?/.exec(format.slice(i))!;
      const position = m[1];
      m.splice(1, 1);
      const conversion = m[4];
      if (conversion === undefined) {
        out += format.slice(i);
        break;
      }
      const end = i + m[0].length - 1;
      const spec: Spec = { flags: m[1], conversion };
      const starPosition = (text: string) => /^\*([0-9]+)\$$/.exec(text)?.[1];
      if (m[2]?.startsWith('*')) {
        const w = Math.trunc(toNumber(take(end, starPosition(m[2]))));
        if (w < 0) spec.flags += '-';
        spec.width = Math.abs(w);
      } else if (m[2]) spec.width = Number(m[2]);
      if (m[3]?.startsWith('*')) spec.precision = Math.max(0, Math.trunc(toNumber(take(end, starPosition(m[3])))));
      else if (m[3] !== undefined) spec.precision = Number(m[3] || '0');
      i = end;
      const pad = (text: string) => {
        checkSpec(spec);
        const length = [...text].length;
        if (spec.width === undefined || length >= spec.width) return text;
        const fill = ' '.repeat(spec.width - length);
        // gawk pads %s and %c with spaces, a 0 flag notwithstanding.
        return spec.flags.includes('-') ? text + fill : fill + text;
      };
      switch (conversion) {
        case '%':
          out += '%';
          break;
        case 's': {
          const v = take(end, position);
          let text = typeof v === 'number' ? numberToString(v, this.convfmt) : toStr(v);
          if (spec.precision !== undefined) text = [...text].slice(0, spec.precision).join('');
          out += pad(text);
          break;
        }
        case 'c': {
          const v = take(end, position);
          const text = typeof v === 'number' ? String.fromCodePoint(Math.trunc(v) >= 0 && Math.trunc(v) <= 0x10ffff ? Math.trunc(v) : 0) : [...toStr(v)][0] ?? '\0';
          out += pad(text);
          break;
        }
        case 'd': case 'i': case 'o': case 'x': case 'X': case 'u': {
          const n = toNumber(take(end, position));
          if (!Number.isFinite(n)) {
            out += nonFinite(n, conversion);
            break;
          }
          const value = BigInt(Math.trunc(n));
          const unsigned = conversion !== 'd' && conversion !== 'i';
          out += formatInteger(unsigned && value < 0n ? value + 2n ** 64n : value, spec);
          break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
          const n = toNumber(take(end, position));
          out += Number.isFinite(n) ? formatFloat(n, spec) : nonFinite(n, conversion);
          break;
        }
        default:
          // gawk copies an unknown conversion as it is.
          out += format.slice(i - m[0].length + 1, i + 1);
      }
    }
    return out;
  }
}

/** An infinity or NaN as gawk's printf writes it with any numeric conversion: always signed,
 * upper case for %E %F %G, no padding. The lab's NaN is negative, as x86's log(-1) is. */
function nonFinite(n: number, conversion: string): string {
  const text = Number.isNaN(n) ? '-nan' : n > 0 ? '+inf' : '-inf';
  return 'EFG'.includes(conversion) ? text.toUpperCase() : text;
}

/** gawk's FIELDWIDTHS read as gawk reads it when assigned: widths, each perhaps `N:` (characters
 * skipped first), a `*` last taking the rest; the message of a value it refuses. */
function parseWidths(text: string): Array<{ skip: number; width: number }> | string {
  const specs: Array<{ skip: number; width: number }> = [];
  let pos = 0;
  const digits = () => {
    const m = /^[0-9]+/.exec(text.slice(pos));
    if (m) pos += m[0].length;
    return m ? Number(m[0]) : undefined;
  };
  for (;;) {
    while (text[pos] === ' ' || text[pos] === '\t') pos++;
    if (pos >= text.length) return specs;
    const invalid = () => `invalid FIELDWIDTHS value, for field ${specs.length + 1}, near \`${text.slice(pos)}'`;
    let skip = 0;
    let width: number | undefined;
    if (text[pos] !== '*') {
      width = digits();
      if (width === undefined) return invalid();
      if (text[pos] === ':') {
        pos++;
        skip = width;
        width = text[pos] === '*' ? undefined : digits();
        if (width === undefined && text[pos] !== '*') return invalid();
      }
    }
    if (width === undefined) {
      pos++;
      if (text.slice(pos).trim() !== '') return "`*' must be the last designator in FIELDWIDTHS";
      specs.push({ skip, width: Infinity });
      return specs;
    }
    if (pos < text.length && text[pos] !== ' ' && text[pos] !== '\t') return invalid();
    specs.push({ skip, width });
  }
}

/** A record split by FIELDWIDTHS; text past the widths is no field. */
function widthSplit(text: string, widths: string, host: { fatal(message: string): never }): string[] {
  const specs = parseWidths(widths);
  if (typeof specs === 'string') host.fatal(specs);
  const chars = [...text];
  const fields: string[] = [];
  let pos = 0;
  for (const { skip, width } of specs) {
    pos += skip;
    if (pos >= chars.length) break;
    fields.push(chars.slice(pos, pos + width).join(''));
    pos += width;
  }
  return fields;
}

/** The escapes of a -v value or a command-line assignment, as awk reads a string. */
export function processEscapes(text: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
  return text.replace(/\\([0-7]{1,3}|.)/gs, (all, e: string) => (/^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e in simple ? simple[e] : all));
}
