// Runs a parsed line: lists, pipelines (buffered, stage after stage, each stage of a multi-stage
// pipeline in a subshell as bash runs it), the compound commands, functions, redirections,
// assignments, the builtins that need the shell's own state (shell-builtins.ts) and commands
// from the registry. Every failure becomes bash-style text and a status, never an exception
// escaping to the terminal; loops and recursion are bounded by the lab's limits.
import type { Assignment, Command, CompoundCommand, CondExpr, List, Pipeline, Redirect, SimpleCommand, Word } from './ast.ts';
import { expandAssignmentValue, expandPattern, expandSingle, expandToString, expandWords, ExpansionError, shellQuote, type Expander } from './expand.ts';
import { ArithmeticError, evaluateArithmetic } from './arithmetic.ts';
import { LabLimitError, MAX_FUNCTION_DEPTH, MAX_VALUE } from '../limits.ts';
import { matchesPattern, patternSource } from './pattern.ts';
import { optionFlags, restoreAll, restoreVariable, saveVariable, shellState, snapshot, type ShellState } from './state.ts';
import { findCommand } from '../commands/registry.ts';
import type { Output, SessionState } from '../commands/types.ts';
import { isDirectory, listDirectory, nodeAt, prepareTree, readFile, resolvePath, setSubstitutionFile } from '../commands/fs/tree.ts';
import { globPaths } from './glob.ts';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal } from './signals.ts';

/** Where bytes go: the terminal (keeps fd order), a capture buffer, or nowhere. */
export interface Sink extends Output {
  readonly tty: boolean;
}

export const nullSink: Sink = { tty: false, write() {} };

/** What a command wrote into a pipe or a `$( )` grew past what the lab holds. */
class OutputLimitError extends LabLimitError {}

/** The line ran more commands than the lab allows: it stops there. */
export class CommandBudgetError extends LabLimitError {}

/** Output kept for the next command of a pipe or a `$( )`, up to the size of one value. */
export class Capture implements Sink {
  readonly tty = false;
  text = '';
  overflowed = false;
  write(text: string): void {
    if (this.overflowed) throw new OutputLimitError();
    if (this.text.length + text.length > MAX_VALUE) {
      this.text += text.slice(0, MAX_VALUE - this.text.length);
      this.overflowed = true;
      throw new OutputLimitError();
    }
    this.text += text;
  }
}

/** Standard input: the text, and how much of it `read` has taken. */
export class Input {
  readonly text: string;
  pos = 0;
  /** The terminal itself: the lab cannot wait there for the reader to type. */
  readonly terminal: boolean;
  constructor(text: string, terminal = false) {
    this.text = text;
    this.terminal = terminal;
  }
  rest(): string {
    return this.text.slice(this.pos);
  }
}

const stoppedOutput = `bash: the lab stopped this output at ${MAX_VALUE} characters\n`;

export interface Streams {
  out: Sink;
  err: Sink;
  in?: Input;
}

export interface Limits {
  /** Simple commands and loop turns one line may run (substitutions included). */
  commands: number;
}

/** What a builtin of the shell itself (read, set, local…) works on: the interpreter running it. */
export interface ShellBuiltinContext {
  argv: string[];
  io: Streams;
  shell: Interpreter;
}

export type ShellBuiltin = (ctx: ShellBuiltinContext) => Promise<number>;

export class Interpreter {
  readonly session: SessionState;
  private readonly limits: Limits;
  /** The shell's own builtins, found before the registry's commands. */
  private readonly builtins: ReadonlyMap<string, ShellBuiltin>;
  /** `$?`, kept by the session across lines. */
  private readonly status: { value: number };
  private commandsRun = 0;
  loopDepth = 0;
  functionDepth = 0;
  /** Command substitutions the running command is inside (`set -x` shows one more `+` for each). */
  private substitutionDepth = 0;
  private subshellDepth = 0;
  /** The /dev/fd paths of the process substitutions open now, the first one 63 as in bash. */
  private processFiles: string[] = [];
  /** Names of the functions running, innermost last (`$FUNCNAME`). */
  private readonly callStack: string[] = [];

  constructor(session: SessionState, status: { value: number }, limits: Limits, builtins: ReadonlyMap<string, ShellBuiltin>) {
    this.session = session;
    this.status = status;
    this.limits = limits;
    this.builtins = builtins;
  }

  get state(): ShellState {
    return shellState(this.session);
  }

  /** Runs a whole line: an expansion error ends it, as in an interactive bash. */
  async runList(list: List, io: Streams): Promise<number> {
    try {
      return await this.list(list, { in: new Input('', true), ...io });
    } catch (error) {
      if (error instanceof ExpansionError) {
        io.err.write(`bash: ${error.message}\n`);
        this.setStatus(1);
        return 1;
      }
      if (error instanceof BreakSignal || error instanceof ContinueSignal) return this.lastStatus();
      if (error instanceof ReturnSignal) return error.status;
      if (error instanceof ExitSignal) {
        // An interactive bash says "exit" as it leaves; the lab's terminal stays.
        io.err.write('exit\n');
        this.setStatus(error.status);
        return error.status;
      }
      throw error;
    }
  }

  async list(list: List, io: Streams): Promise<number> {
    let status = this.lastStatus();
    for (let i = 0; i < list.items.length; i++) {
      const connector = i > 0 ? list.connectors[i - 1] : ';';
      if (connector === '&&' && status !== 0) continue;
      if (connector === '||' && status === 0) continue;
      status = await this.pipeline(list.items[i], io);
      this.setStatus(status);
    }
    return status;
  }

  private async pipeline(pipeline: Pipeline, io: Streams): Promise<number> {
    if (!pipeline.timed) return this.untimed(pipeline, io);
    // `time`: the time the lab took to run it; the lab spends no CPU time of the reader's machine.
    const start = performance.now();
    const status = pipeline.commands.length ? await this.untimed(pipeline, io) : 0;
    const seconds = (performance.now() - start) / 1000;
    if (pipeline.timed === 'posix') io.err.write(`real ${seconds.toFixed(2)}\nuser 0.00\nsys 0.00\n`);
    else io.err.write(`\nreal\t${Math.floor(seconds / 60)}m${(seconds % 60).toFixed(3)}s\nuser\t0m0.000s\nsys\t0m0.000s\n`);
    return status;
  }

  private async untimed(pipeline: Pipeline, io: Streams): Promise<number> {
    const last = pipeline.commands.length - 1;
    let status = 0;
    let statuses: number[] = [];
    if (last === 0) {
      status = await this.command(pipeline.commands[0], io);
      statuses = [status];
    }
    else {
      let stdin = io.in;
      for (let i = 0; i <= last; i++) {
        const capture = i < last ? new Capture() : null;
        const saved = snapshot(this.session);
        try {
          statuses.push(await this.command(pipeline.commands[i], { in: stdin, out: capture ?? io.out, err: io.err }));
        } catch (error) {
          if (error instanceof ExpansionError) {
            io.err.write(`bash: ${error.message}\n`);
            statuses.push(1);
          } else if (error instanceof BreakSignal || error instanceof ContinueSignal) statuses.push(0);
          else if (error instanceof ReturnSignal || error instanceof ExitSignal) statuses.push(error.status);
          else throw error;
        } finally {
          restoreAll(this.session, saved);
        }
        if (capture?.overflowed) {
          io.err.write(stoppedOutput);
          statuses[i] = 1;
        }
        stdin = new Input(capture?.text ?? '');
      }
      status = statuses[last];
      if (this.state.options.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
    }
    this.state.arrays.set('PIPESTATUS', new Map(statuses.map((s, i): [number, string] => [i, String(s)])));
    return pipeline.negated ? (status === 0 ? 1 : 0) : status;
  }

  /** Counts one command or loop turn against the line's budget. */
  tick(): void {
    this.commandsRun += 1;
    if (this.commandsRun > this.limits.commands) throw new CommandBudgetError(`the lab runs at most ${this.limits.commands} commands per line`);
  }

  async command(command: Command, io: Streams): Promise<number> {
    // A process substitution's file lasts as long as the command it was made for.
    const opened = this.processFiles.length;
    try {
      return await this.commandItself(command, io);
    } finally {
      for (const path of this.processFiles.splice(opened)) setSubstitutionFile(this.session, path, undefined);
    }
  }

  private async commandItself(command: Command, io: Streams): Promise<number> {
    if (command.kind === 'simple') return this.simple(command, io);
    if (command.kind === 'function') {
      this.state.functions.set(command.name, command);
      return 0;
    }
    const streams = await this.redirect(command.redirects, io);
    if (typeof streams === 'number') return streams;
    return this.compound(command, streams);
  }

  private async compound(command: CompoundCommand, io: Streams): Promise<number> {
    switch (command.kind) {
      case 'group':
        return this.list(command.body, io);
      case 'subshell': {
        const saved = snapshot(this.session);
        this.subshellDepth += 1;
        try {
          return await this.list(command.body, io);
        } catch (error) {
          if (error instanceof ExitSignal) return error.status;
          if (error instanceof ExpansionError) {
            io.err.write(`bash: ${error.message}\n`);
            return 1;
          }
          throw error;
        } finally {
          this.subshellDepth -= 1;
          restoreAll(this.session, saved);
        }
      }
      case 'for': {
        if (command.select) {
          // select reads the reader's choice from the terminal, which the lab cannot wait for.
          io.err.write('bash: select: not available in this lab\n');
          return 1;
        }
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(command.name)) {
          io.err.write(`bash: \`${command.name}': not a valid identifier\n`);
          return 1;
        }
        const items = command.items === null ? [...this.state.positional] : await expandWords(command.items, this.expander(io));
        let status = 0;
        for (const item of items) {
          this.tick();
          this.trace(io, `for ${command.name} in ${items.join(' ')}`);
          this.assign(command.name, item);
          const turn = await this.loopTurn(command.body, io);
          status = turn.status;
          if (turn.stop) break;
        }
        return status;
      }
      case 'arith-for': {
        let status = 0;
        await this.arithmetic(command.init, io);
        for (;;) {
          this.tick();
          const test = await this.arithmetic(command.test, io, 1n);
          if (test === 0n) break;
          const turn = await this.loopTurn(command.body, io);
          status = turn.status;
          if (turn.stop) break;
          await this.arithmetic(command.update, io);
        }
        return status;
      }
      case 'while': {
        let status = 0;
        for (;;) {
          this.tick();
          const condition = await this.list(command.condition, io);
          if ((condition === 0) === command.until) break;
          const turn = await this.loopTurn(command.body, io);
          status = turn.status;
          if (turn.stop) break;
        }
        return status;
      }
      case 'if': {
        for (const clause of command.clauses) {
          if ((await this.list(clause.condition, io)) === 0) return this.list(clause.body, io);
        }
        return command.otherwise ? this.list(command.otherwise, io) : 0;
      }
      case 'case': {
        const env = this.expander(io);
        const subject = await expandSingle(command.word, env);
        let status = 0;
        let fallthrough = false;
        for (const item of command.items) {
          let matched = fallthrough;
          if (!matched) {
            for (const pattern of item.patterns) {
              if (matchesPattern(subject, await expandPattern(pattern, env))) {
                matched = true;
                break;
              }
            }
          }
          if (!matched) continue;
          status = await this.list(item.body, io);
          if (item.terminator === ';;') return status;
          fallthrough = item.terminator === ';&';
        }
        return status;
      }
      case 'arith': {
        this.tick();
        try {
          if (this.state.options.xtrace) this.trace(io, `(( ${await expandToString(command.expression, this.expander(io))} ))`);
          return (await this.arithmetic(command.expression, io)) !== 0n ? 0 : 1;
        } catch (error) {
          if (!(error instanceof ArithmeticError)) throw error;
          io.err.write(`bash: ((: ${error.message}\n`);
          return 1;
        }
      }
      case 'cond':
        this.tick();
        if (this.state.options.xtrace) this.trace(io, `[[ ${await this.condText(command.expr, io)} ]]`);
        return this.cond(command.expr, io);
    }
  }

  /** One turn of a loop's body; `stop` when `break` ends the loop. */
  private async loopTurn(body: List, io: Streams): Promise<{ status: number; stop: boolean }> {
    this.loopDepth += 1;
    try {
      return { status: await this.list(body, io), stop: false };
    } catch (error) {
      if (error instanceof BreakSignal) {
        if (error.levels > 1) throw new BreakSignal(error.levels - 1, error.status);
        return { status: error.status, stop: true };
      }
      if (error instanceof ContinueSignal) {
        if (error.levels > 1) throw new ContinueSignal(error.levels - 1);
        return { status: 0, stop: false };
      }
      throw error;
    } finally {
      this.loopDepth -= 1;
    }
  }

  private async arithmetic(word: Word, io: Streams, empty = 0n): Promise<bigint> {
    const env = this.expander(io);
    const text = await expandToString(word, env);
    if (!text.trim()) return empty;
    return BigInt(evaluateArithmetic(text, { get: (n) => env.variable(n), set: (n, v) => env.assign(n, v) }));
  }

  /** `set -x`: the command as run, after PS4's `+` (one more for each command substitution it is in). */
  private trace(io: Streams, text: string): void {
    if (this.state.options.xtrace) io.err.write(`${'+'.repeat(this.substitutionDepth + 1)} ${text}\n`);
  }

  /** A `[[ ]]` expression with its words expanded, as `set -x` shows it. */
  private async condText(expr: CondExpr, io: Streams): Promise<string> {
    const env = this.expander(io);
    switch (expr.kind) {
      case 'and':
      case 'or':
        return `${await this.condText(expr.left, io)} ${expr.kind === 'and' ? '&&' : '||'} ${await this.condText(expr.right, io)}`;
      case 'not':
        return `! ${await this.condText(expr.expr, io)}`;
      case 'unary':
        return `${expr.op} ${await expandSingle(expr.arg, env)}`;
      case 'binary':
        return `${await expandSingle(expr.left, env)} ${expr.op} ${await expandSingle(expr.right, env)}`;
      case 'word':
        return expandSingle(expr.word, env);
    }
  }

  // ---- [[ ]]

  private async cond(expr: CondExpr, io: Streams): Promise<number> {
    const env = this.expander(io);
    switch (expr.kind) {
      case 'and': {
        const left = await this.cond(expr.left, io);
        return left !== 0 ? left : this.cond(expr.right, io);
      }
      case 'or': {
        const left = await this.cond(expr.left, io);
        return left === 0 ? 0 : this.cond(expr.right, io);
      }
      case 'not': {
        const inner = await this.cond(expr.expr, io);
        return inner === 0 ? 1 : inner === 1 ? 0 : inner;
      }
      case 'word':
        return (await expandSingle(expr.word, env)) !== '' ? 0 : 1;
      case 'unary': {
        const arg = await expandSingle(expr.arg, env);
        // File tests read the tree, its home's manifests fetched from the world once.
        if (!['-z', '-n', '-v', '-o'].includes(expr.op)) await prepareTree(this.session);
        return this.unaryTest(expr.op, arg) ? 0 : 1;
      }
      case 'binary': {
        const left = await expandSingle(expr.left, env);
        if (expr.op === '==' || expr.op === '=' || expr.op === '!=') {
          const matched = matchesPattern(left, await expandPattern(expr.right, env));
          return matched === (expr.op !== '!=') ? 0 : 1;
        }
        if (expr.op === '=~') return this.regexMatch(left, expr.right, io);
        const right = await expandSingle(expr.right, env);
        if (expr.op === '<') return left < right ? 0 : 1;
        if (expr.op === '>') return left > right ? 0 : 1;
        if (['-nt', '-ot', '-ef'].includes(expr.op)) return 1;
        let a: bigint;
        let b: bigint;
        try {
          a = await this.arithmeticText(left, env);
          b = await this.arithmeticText(right, env);
        } catch (error) {
          if (!(error instanceof ArithmeticError)) throw error;
          io.err.write(`bash: [[: ${error.message}\n`);
          return 1;
        }
        const result = { '-eq': a === b, '-ne': a !== b, '-lt': a < b, '-le': a <= b, '-gt': a > b, '-ge': a >= b }[expr.op];
        return result ? 0 : 1;
      }
    }
  }

  private async arithmeticText(text: string, env: Expander): Promise<bigint> {
    return BigInt(evaluateArithmetic(text, { get: (n) => env.variable(n), set: (n, v) => env.assign(n, v) }));
  }

  private async regexMatch(left: string, right: Word, io: Streams): Promise<number> {
    const pieces = await expandPattern(right, this.expander(io));
    const source = pieces.map((p) => (p.quoted ? p.text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : posixClasses(p.text))).join('');
    let re: RegExp;
    try {
      re = new RegExp(source, 'u');
    } catch {
      return 2;
    }
    const m = re.exec(left);
    this.state.arrays.delete('BASH_REMATCH');
    this.session.vars.unset('BASH_REMATCH');
    if (!m) return 1;
    this.state.arrays.set('BASH_REMATCH', new Map(m.map((g, i): [number, string] => [i, g ?? ''])));
    return 0;
  }

  private unaryTest(op: string, arg: string): boolean {
    const path = () => resolvePath(this.session.vars.get('PWD') ?? '/', arg);
    switch (op) {
      case '-z':
        return arg === '';
      case '-n':
        return arg !== '';
      case '-v':
        return this.expander({ out: nullSink, err: nullSink }).variable(arg) !== undefined || this.state.arrays.has(arg);
      case '-o': {
        const options: Record<string, boolean> = { nounset: this.state.options.nounset, xtrace: this.state.options.xtrace, pipefail: this.state.options.pipefail, noglob: this.state.options.noglob };
        return options[arg] ?? false;
      }
      case '-e':
      case '-a':
        return arg !== '' && nodeAt(path(), this.session) !== undefined;
      case '-f':
        return arg !== '' && nodeAt(path(), this.session)?.kind === 'file';
      case '-d':
        return arg !== '' && isDirectory(this.session, path());
      case '-r':
        return arg !== '' && nodeAt(path(), this.session) !== undefined;
      case '-s':
        return arg !== '' && (isDirectory(this.session, path()) || (readFile(this.session, path()) ?? '') !== '');
      case '-x':
        return arg !== '' && isDirectory(this.session, path());
      case '-w':
        return false;
      default:
        return false;
    }
  }

  // ---- Variables.

  expander(io: Streams): Expander {
    const state = this.state;
    return {
      variable: (name) => this.variable(name),
      assign: (name, value) => this.assign(name, value),
      elements: (name) => {
        if (name === '@' || name === '*') return state.positional.map((v, i) => [i + 1, v]);
        const array = state.arrays.get(name);
        if (array) return [...array].sort(([a], [b]) => a - b);
        const scalar = this.session.vars.get(name);
        return scalar === undefined ? undefined : [[0, scalar]];
      },
      names: () => [...new Set([...this.session.vars.names(), ...state.arrays.keys(), ...DYNAMIC_NAMES])],
      prepareGlob: () => prepareTree(this.session),
      home: (user) => readFile(this.session, '/etc/passwd')?.split('\n').find((l) => l.split(':')[0] === user)?.split(':')[5],
      nounset: state.options.nounset,
      warn: (message) => io.err.write(`bash: ${message}\n`),
      glob: state.options.noglob
        ? undefined
        : (pattern) =>
            globPaths(pattern, this.session.vars.get('PWD') ?? '/', {
              list: (path) => listDirectory(this.session, path),
              exists: (path) => nodeAt(path, this.session) !== undefined,
            }),
      process: async (list, direction) => {
        if (direction === '>') throw new ExpansionError('>(…): process substitution for writing is not available in this lab');
        // Its status is not the line's $?, as it runs beside the command in bash.
        const status = this.lastStatus();
        const text = await this.expander(io).substitute(list);
        this.setStatus(status);
        const path = `/dev/fd/${63 - this.processFiles.length}`;
        this.processFiles.push(path);
        setSubstitutionFile(this.session, path, text);
        return path;
      },
      substitute: async (list) => {
        const only = readsOneFile(list);
        if (only) {
          // `$(< file)`: bash reads the file itself, running no command.
          const input = await this.redirect([only], io);
          return typeof input === 'number' ? (this.setStatus(input), '') : (input.in?.rest() ?? '');
        }
        const capture = new Capture();
        let status: number;
        const saved = snapshot(this.session);
        this.substitutionDepth += 1;
        try {
          status = await this.list(list, { in: io.in, out: capture, err: io.err });
        } catch (error) {
          // An error ends the substituted commands, not the line around them.
          if (error instanceof ArithmeticError || error instanceof ExpansionError) {
            io.err.write(`bash: ${error.message}\n`);
            status = 1;
          } else if (error instanceof BreakSignal || error instanceof ContinueSignal) status = 0;
          else if (error instanceof ReturnSignal || error instanceof ExitSignal) status = error.status;
          else throw error;
        } finally {
          this.substitutionDepth -= 1;
          restoreAll(this.session, saved);
        }
        if (capture.overflowed) {
          io.err.write(stoppedOutput);
          status = 1;
        }
        this.setStatus(status);
        return capture.text;
      },
    };
  }

  variable(name: string): string | undefined {
    const state = this.state;
    const element = ELEMENT.exec(name);
    if (element) {
      const array = state.arrays.get(element[1]);
      let index = Number(element[2]);
      if (!array) return index === 0 ? this.session.vars.get(element[1]) : undefined;
      if (index < 0) index += Math.max(...array.keys(), -1) + 1;
      return array.get(index);
    }
    switch (name) {
      case '?':
        return String(this.lastStatus());
      case '$':
        return '4242';
      case '#':
        return String(state.positional.length);
      case '0':
        return 'bash';
      case '-':
        return optionFlags(state);
      case '!':
        return undefined;
      case 'BASH_VERSION':
        return this.session.vars.get(name) ?? BASH_VERSION;
      case 'FUNCNAME':
        return this.callStack[this.callStack.length - 1];
      case 'UID':
      case 'EUID':
        return this.session.vars.get(name) ?? READER_UID;
      case 'PPID':
        return this.session.vars.get(name) ?? '4241';
      case 'BASHPID':
        return '4242';
      case 'BASH':
        return this.session.vars.get(name) ?? '/usr/bin/bash';
      case 'BASH_SUBSHELL':
        return String(this.substitutionDepth + this.subshellDepth);
      case 'SHELLOPTS':
        return shellOptions(state.options);
      case 'BASHOPTS':
        return BASHOPTS;
      case 'OSTYPE':
        return this.session.vars.get(name) ?? 'linux-gnu';
      case 'HOSTTYPE':
        return this.session.vars.get(name) ?? 'x86_64';
      case 'MACHTYPE':
        return this.session.vars.get(name) ?? 'x86_64-pc-linux-gnu';
      case 'HOSTNAME':
        return this.session.vars.get(name) ?? readFile(this.session, '/etc/hostname')?.trim();
      case 'RANDOM':
        return String(Math.floor(Math.random() * 32768));
      case '@':
      case '*':
        return state.positional.length ? state.positional.join(' ') : undefined;
    }
    if (/^[0-9]+$/.test(name)) return state.positional[Number(name) - 1];
    const array = state.arrays.get(name);
    if (array) return array.get(0);
    return this.session.vars.get(name);
  }

  assign(name: string, value: string): void {
    const element = ELEMENT.exec(name);
    const base = element ? element[1] : name;
    // bash ends the line at an assignment to a read-only name.
    if (this.state.readonly.has(base)) throw new ExpansionError(`${base}: readonly variable`);
    if (this.state.integer.has(base)) value = String(evaluateArithmetic(value, { get: (n) => this.variable(n), set: (n, v) => this.assign(n, v) }));
    if (element) {
      let array = this.state.arrays.get(element[1]);
      if (!array) {
        array = new Map();
        const scalar = this.session.vars.get(element[1]);
        if (scalar !== undefined) array.set(0, scalar);
        this.session.vars.unset(element[1]);
        this.state.arrays.set(element[1], array);
      }
      const index = Number(element[2]);
      array.set(index < 0 ? Math.max(...array.keys(), -1) + 1 + index : index, value);
      return;
    }
    const array = this.state.arrays.get(name);
    if (array) array.set(0, value);
    else this.session.vars.set(name, value);
  }

  private async assignment(a: Assignment, env: Expander): Promise<void> {
    const state = this.state;
    if (state.readonly.has(a.name)) throw new ExpansionError(`${a.name}: readonly variable`);
    const integer = (text: string) => (state.integer.has(a.name) ? String(evaluateArithmetic(text, { get: (n) => env.variable(n), set: (n, v) => env.assign(n, v) })) : text);
    // `n+=3` on an integer adds.
    const appended = (old: string | undefined, value: string) => (state.integer.has(a.name) ? String(BigInt(integer(old || '0')) + BigInt(integer(value))) : (old ?? '') + value);
    if (a.array) {
      const existing = a.append ? state.arrays.get(a.name) ?? (this.session.vars.get(a.name) !== undefined ? new Map([[0, this.session.vars.get(a.name)!]]) : new Map<number, string>()) : new Map<number, string>();
      let next = existing.size ? Math.max(...existing.keys()) + 1 : 0;
      for (const word of a.array) {
        const element = indexedElement(word);
        if (!element) {
          for (const v of await expandWords([word], env)) existing.set(next++, integer(v));
          continue;
        }
        // `[i]=v`: the element at i; the elements after it follow from i + 1.
        const index = Number(evaluateArithmetic(element.index, { get: (n) => env.variable(n), set: (n, v) => env.assign(n, v) }));
        const at = index < 0 ? next + index : index;
        if (at < 0) throw new ExpansionError(`${a.name}[${index}]: bad array subscript`);
        existing.set(at, integer(await expandAssignmentValue(element.value, env)));
        next = at + 1;
      }
      this.session.vars.unset(a.name);
      state.arrays.set(a.name, existing);
      return;
    }
    const value = await expandAssignmentValue(a.value, env);
    if (a.index) {
      const index = Number(evaluateArithmetic(await expandToString(a.index, env), { get: (n) => env.variable(n), set: (n, v) => env.assign(n, v) }));
      let array = state.arrays.get(a.name);
      if (!array) {
        array = new Map();
        const scalar = this.session.vars.get(a.name);
        if (scalar !== undefined) array.set(0, scalar);
        this.session.vars.unset(a.name);
        state.arrays.set(a.name, array);
      }
      const at = index < 0 ? Math.max(...array.keys(), -1) + 1 + index : index;
      if (at < 0) throw new ExpansionError(`${a.name}[${index}]: bad array subscript`);
      array.set(at, a.append ? appended(array.get(at), value) : integer(value));
      return;
    }
    this.assign(a.name, a.append ? appended(this.variable(a.name), value) : value);
  }

  // ---- Simple commands.

  private async simple(command: SimpleCommand, io: Streams): Promise<number> {
    this.tick();
    const env = this.expander(io);
    let argv: string[];
    let streams: Streams | number;
    try {
      argv = await this.expandArguments(command.words, env);
      if (argv.length === 0) {
        for (const a of command.assignments) await this.assignment(a, env);
        for (const a of command.assignments) this.trace(io, `${a.name}=${traceWord(this.variable(a.name) ?? '')}`);
        streams = await this.redirect(command.redirects, io);
        if (typeof streams === 'number') return streams;
        // An assignment-only command has the status of its last command substitution.
        return command.assignments.some((a) => a.value.parts.some((p) => p.kind === 'command')) ? this.lastStatus() : 0;
      }
      streams = await this.redirect(command.redirects, io);
      if (typeof streams === 'number') return streams;
    } catch (error) {
      if (!(error instanceof LabLimitError) || error instanceof OutputLimitError || error instanceof CommandBudgetError) throw error;
      io.err.write(`bash: ${error.message}\n`);
      return 1;
    }
    this.trace(io, argv.map(traceWord).join(' '));
    const redirected = streams;
    return this.withPrefix(command.assignments, env, () => this.runCommand(argv, redirected));
  }

  /** Runs argv[0]: a function (unless `command`/`builtin` pass over them), a builtin of the shell, or a command of the registry. */
  async runCommand(argv: string[], streams: Streams, options: { functions: boolean } = { functions: true }): Promise<number> {
    const name = argv[0];
    const definition = options.functions ? this.state.functions.get(name) : undefined;
    if (definition) return this.callFunction(name, argv, streams);
    const builtin = this.builtins.get(name);
    if (builtin) {
      const ctx: ShellBuiltinContext = { argv, io: streams, shell: this };
      return builtin(ctx);
    }
    const found = findCommand(name);
    if (!found) {
      streams.err.write(`bash: ${name}: command not found\n`);
      return 127;
    }
    const out = streams;
    {
      try {
        return await found.run({ argv, stdin: out.in?.rest() ?? '', stdout: out.out, stderr: out.err, session: this.session, world: this.session.world, tty: out.out.tty });
      } catch (error) {
        // Output past the pipe's bound is reported by the pipe's owner, once.
        if (error instanceof OutputLimitError) return 1;
        if (error instanceof CommandBudgetError) throw error;
        if (error instanceof LabLimitError) {
          out.err.write(`bash: ${name}: ${error.message}\n`);
          return 1;
        }
        out.err.write(`bash: ${name}: ${internalErrorText(error)}\n`);
        this.session.internalError?.(error);
        return 1;
      }
    }
  }

  /** Words of a declaration builtin (`local x=$y`) that look like assignments are not split. */
  private async expandArguments(words: Word[], env: Expander): Promise<string[]> {
    const first = words[0]?.parts[0];
    const declaration = first?.kind === 'literal' && !first.quoted && words[0].parts.length === 1 && ['local', 'declare', 'typeset', 'export', 'readonly'].includes(first.text);
    if (!declaration) return expandWords(words, env);
    const argv: string[] = [];
    for (const word of words) {
      if (word.array) {
        // Passed on as `name=(` with its values, for declare to set once it has made the name local.
        const values = await expandWords(word.array.array ?? [], env);
        argv.push(`${word.array.name}${word.array.append ? '+=' : '='}\0(${values.map((v) => `\0${v}`).join('')}`);
        continue;
      }
      const lead = word.parts[0];
      if (lead?.kind === 'literal' && !lead.quoted && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(lead.text)) argv.push(await expandAssignmentValue(word, env));
      else argv.push(...(await expandWords([word], env)));
    }
    return argv;
  }

  /** `A=1 cmd`: A is set for cmd only, exported to it. */
  private async withPrefix(assignments: Assignment[], env: Expander, run: () => Promise<number>): Promise<number> {
    if (!assignments.length) return run();
    const state = this.state;
    const saved = assignments.map((a) => [a.name, saveVariable(this.session, state, a.name)] as const);
    try {
      for (const a of assignments) {
        await this.assignment(a, env);
        const value = this.variable(a.name);
        if (value !== undefined && !state.arrays.has(a.name)) this.session.vars.set(a.name, value, true);
      }
      return await run();
    } finally {
      for (const [n, v] of saved) restoreVariable(this.session, state, n, v);
    }
  }

  async callFunction(name: string, argv: string[], io: Streams): Promise<number> {
    const state = this.state;
    if (this.functionDepth >= MAX_FUNCTION_DEPTH) throw new CommandBudgetError(`${name}: the lab nests function calls at most ${MAX_FUNCTION_DEPTH} deep`);
    const funcnest = Number(this.session.vars.get('FUNCNEST') ?? 0);
    // bash ends the whole line there, as it does for an expansion error.
    if (funcnest > 0 && this.functionDepth >= funcnest) throw new ExpansionError(`${name}: maximum function nesting level exceeded (${funcnest})`);
    const positional = state.positional;
    const definition = state.functions.get(name)!;
    state.positional = argv.slice(1);
    state.locals.push(new Map());
    this.functionDepth += 1;
    this.callStack.push(name);
    const loops = this.loopDepth;
    this.loopDepth = 0;
    try {
      return await this.command(definition.body, io);
    } catch (error) {
      if (error instanceof ReturnSignal) return error.status;
      throw error;
    } finally {
      this.loopDepth = loops;
      this.functionDepth -= 1;
      this.callStack.pop();
      state.positional = positional;
      const frame = state.locals.pop()!;
      for (const [n, v] of frame) {
        // A local's attributes leave with it.
        state.integer.delete(n);
        state.readonly.delete(n);
        restoreVariable(this.session, state, n, v);
      }
    }
  }

  /** Applies redirections; a number is the status of one that failed (its message written). */
  async redirect(redirects: Redirect[], io: Streams): Promise<Streams | number> {
    let { out, err } = io;
    let input = io.in;
    const env = this.expander(io);
    for (const r of redirects) {
      if (r.op === '<<' || r.op === '<<-') {
        if (r.fd === 0) input = new Input(r.heredoc ? await expandToString(r.heredoc, env) : '');
        continue;
      }
      const target = await expandSingle(r.target, env);
      if (r.op === '<<<') {
        if (r.fd === 0) input = new Input(`${target}\n`);
        continue;
      }
      if (r.op === '<' || r.op === '<>') {
        const path = resolvePath(this.session.vars.get('PWD') ?? '/', target);
        if (target === '/dev/null') input = new Input('');
        else {
          await prepareTree(this.session);
          const text = isDirectory(this.session, path) ? undefined : readFile(this.session, path);
          if (text === undefined) {
            io.err.write(`bash: ${target}: ${isDirectory(this.session, path) ? 'Is a directory' : 'No such file or directory'}\n`);
            return 1;
          }
          if (r.fd === 0) input = new Input(text);
        }
        continue;
      }
      let sink: Sink;
      if ((r.op === '>&' || r.op === '<&') && /^[0-9]+$|^-$/.test(target)) {
        sink = target === '1' ? out : target === '2' ? err : target === '-' ? nullSink : nullSink;
        if (target !== '1' && target !== '2' && target !== '-' && target !== '0') {
          io.err.write(`bash: ${target}: Bad file descriptor\n`);
          return 1;
        }
      } else if (target === '/dev/null') sink = nullSink;
      else if (target === '/dev/stdout') sink = out;
      else if (target === '/dev/stderr') sink = err;
      else {
        // The lab has no writable filesystem; a file in a directory it lacks is not there at all.
        const path = resolvePath(this.session.vars.get('PWD') ?? '/', target);
        const parent = path.slice(0, path.lastIndexOf('/')) || '/';
        const reason = isDirectory(this.session, path) ? 'Is a directory' : isDirectory(this.session, parent) ? 'Read-only file system' : 'No such file or directory';
        io.err.write(`bash: ${target}: ${reason}\n`);
        return 1;
      }
      const both = r.op === '&>' || r.op === '&>>' || (r.op === '>&' && !/^[0-9]+$|^-$/.test(target));
      if (both || r.fd === 1) out = sink;
      if (both || r.fd === 2) err = sink;
    }
    return { out, err, in: input };
  }

  lastStatus(): number {
    return this.status.value;
  }

  setStatus(status: number): void {
    this.status.value = status;
  }
}

/** `$(< file)`: a substitution that is one input redirection and nothing else. */
function readsOneFile(list: List): Redirect | undefined {
  if (list.items.length !== 1 || list.items[0].negated || list.items[0].timed || list.items[0].commands.length !== 1) return undefined;
  const command = list.items[0].commands[0];
  if (command.kind !== 'simple' || command.words.length || command.assignments.length || command.redirects.length !== 1) return undefined;
  const [r] = command.redirects;
  return r.op === '<' && r.fd === 0 ? r : undefined;
}

/** `[i]=value` inside `a=( … )`: the subscript's text and the value's word. */
function indexedElement(word: Word): { index: string; value: Word } | undefined {
  const [first] = word.parts;
  if (first?.kind !== 'literal' || first.quoted || !first.text.startsWith('[')) return undefined;
  const close = first.text.indexOf(']=');
  if (close < 0) return undefined;
  const rest = first.text.slice(close + 2);
  return { index: first.text.slice(1, close), value: { parts: [...(rest ? [{ ...first, text: rest }] : []), ...word.parts.slice(1)] } };
}

/** `a[3]`: how arithmetic names an array's element. */
const ELEMENT = /^([A-Za-z_][A-Za-z0-9_]*)\[(-?[0-9]+)\]$/;

/** Variables bash sets itself, which `${!BASH@}` names. */
const DYNAMIC_NAMES = ['BASH', 'BASHOPTS', 'BASHPID', 'BASH_ALIASES', 'BASH_ARGC', 'BASH_ARGV', 'BASH_ARGV0', 'BASH_CMDS', 'BASH_COMMAND', 'BASH_LINENO', 'BASH_LOADABLES_PATH', 'BASH_SOURCE', 'BASH_SUBSHELL', 'BASH_VERSION', 'SHELLOPTS'];

/** shopt's options on in an interactive bash 5.2 as Debian starts it. */
const BASHOPTS = 'checkwinsize:cmdhist:complete_fullquote:expand_aliases:extquote:force_fignore:globasciiranges:globskipdots:hostcomplete:interactive_comments:patsub_replacement:progcomp:promptvars:sourcepath';

/** `$SHELLOPTS`: the `set -o` options on, in bash's (alphabetical) order. */
function shellOptions(options: { nounset: boolean; xtrace: boolean; pipefail: boolean; noglob: boolean; histexpand: boolean }): string {
  const on = ['braceexpand', 'hashall', ...(options.histexpand ? ['histexpand'] : []), 'history', 'interactive-comments'];
  if (options.noglob) on.push('noglob');
  if (options.nounset) on.push('nounset');
  if (options.pipefail) on.push('pipefail');
  if (options.xtrace) on.push('xtrace');
  return on.join(':');
}

/** The bash the lab's shell behaves as. */
const BASH_VERSION = '5.2.15(1)-release';
/** The reader's user id, as the tree's /etc/passwd gives it. */
const READER_UID = '1000';

/** How `set -x` shows a word. */
function traceWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : shellQuote(word);
}

/** POSIX bracket classes inside an extended regular expression, for JavaScript. */
function posixClasses(source: string): string {
  return source.replace(/\[:(alpha|digit|alnum|upper|lower|space|blank|punct|xdigit):\]/g, (_, name: string) => patternSource([{ text: `[[:${name}:]]`, quoted: false }]).slice(1, -1));
}

/** What the reader is told when the engine itself fails: the cause, never a stack. */
export function internalErrorText(error: unknown): string {
  const message = error instanceof RangeError ? 'the line needed more stack than the page has' : error instanceof Error ? error.message : String(error);
  return `internal error in the lab engine: ${message.split('\n')[0]}`;
}
