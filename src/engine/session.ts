// A terminal session on a world: variables, current project, history and `$?` live here; each
// line goes through the shell (parse, expand, run) and comes back as ordered output chunks.
import type { ExerciseDesk, SessionState, Vars } from './commands/types.ts';
import { registry, findCommand } from './commands/registry.ts';
import { READER_HOME } from './commands/builtins/cd.ts';
import type { World } from './world/types.ts';
import { commandChunks, isIncomplete, parse, ShellSyntaxError } from './shell/parser.ts';
import { expandHistory, historyEntries } from './shell/history.ts';
import { shellState } from './shell/state.ts';
import { internalErrorText, Interpreter, type Sink } from './shell/interpreter.ts';
import { shellBuiltins } from './shell/shell-builtins.ts';
import { ArithmeticError } from './shell/arithmetic.ts';
import { LabLimitError, MAX_COMMANDS_PER_LINE, MAX_HISTORY_CHARS, MAX_HISTORY_LINES, MAX_VARIABLES } from './limits.ts';

export interface Chunk {
  fd: 1 | 2;
  text: string;
}

export interface LineResult {
  status: number;
  stdout: string;
  stderr: string;
  chunks: Chunk[];
  clear: boolean;
}

const MAX_LINE = 64 * 1024;
const MAX_OUTPUT = 1024 * 1024;
// A `submit` line checks the output before it, so it does not replace it.
const SUBMIT = /^\s*submit(\s|$)/;

// The reader's lab shell environment (exported variables `env` shows).
const DEFAULT_ENVIRONMENT: Array<[string, string]> = [
  ['HOME', READER_HOME],
  ['LANG', 'C.UTF-8'],
  ['PATH', '/usr/local/bin:/usr/bin:/bin'],
  ['PWD', READER_HOME],
  ['SHELL', '/bin/bash'],
  ['TERM', 'xterm-256color'],
  ['USER', 'reader'],
];

class SessionVars implements Vars {
  private readonly values = new Map<string, { value: string; exported: boolean }>();
  /** Characters in all names and values, bounded by MAX_VARIABLES. */
  private size = 0;

  get(name: string): string | undefined {
    return this.values.get(name)?.value;
  }
  set(name: string, value: string, exported?: boolean): void {
    const previous = this.values.get(name);
    const size = this.size - (previous ? name.length + previous.value.length : 0) + name.length + value.length;
    if (size > MAX_VARIABLES) throw new LabLimitError(`the lab holds at most ${MAX_VARIABLES} characters in all variables; ${name} was not set`);
    this.size = size;
    this.values.set(name, { value, exported: exported ?? previous?.exported ?? false });
  }
  unset(name: string): void {
    const previous = this.values.get(name);
    if (previous) this.size -= name.length + previous.value.length;
    this.values.delete(name);
  }
  export(name: string): void {
    const previous = this.values.get(name);
    this.values.set(name, { value: previous?.value ?? '', exported: true });
  }
  environment(): Array<[string, string]> {
    return [...this.values].filter(([, v]) => v.exported).map(([name, v]) => [name, v.value]);
  }
  names(): string[] {
    return [...this.values.keys()];
  }
}

/** Collects what reaches the terminal in order, up to a size limit. */
class Terminal {
  readonly chunks: Chunk[] = [];
  private size = 0;
  private truncated = false;

  readonly tty: boolean;

  constructor(tty: boolean) {
    this.tty = tty;
  }

  sink(fd: 1 | 2): Sink {
    return { tty: this.tty, write: (text: string) => this.write(fd, text) };
  }

  private write(fd: 1 | 2, text: string): void {
    if (this.truncated || !text) return;
    if (this.size + text.length > MAX_OUTPUT) {
      text = text.slice(0, MAX_OUTPUT - this.size);
      this.truncated = true;
    }
    this.size += text.length;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.fd === fd) last.text += text;
    else this.chunks.push({ fd, text });
    if (this.truncated) this.chunks.push({ fd: 2, text: `\n[the lab stopped this output at ${MAX_OUTPUT} characters]\n` });
  }
}

export class Session implements SessionState {
  readonly world: World;
  readonly vars = new SessionVars();
  namespace: string;
  readonly history: string[] = [];
  clearRequested = false;
  previousOutput = '';
  readonly exercises?: ExerciseDesk;
  private readonly status = { value: 0 };
  private readonly clock: () => Date;
  private readonly tty: boolean;
  private readonly onInternalError?: (error: unknown) => void;

  /** `tty`: whether output reaches a terminal (tools like jq colour it then); default true.
   * `exercises`: what `submit` checks answers with.
   * `onInternalError`: where an unexpected failure goes with its stack (the browser console, the CLI's debug output). */
  constructor(world: World, options: { now?: () => Date; tty?: boolean; exercises?: ExerciseDesk; onInternalError?: (error: unknown) => void } = {}) {
    this.world = world;
    this.exercises = options.exercises;
    this.tty = options.tty ?? true;
    this.onInternalError = options.onInternalError;
    this.namespace = world.info.session.namespace;
    for (const [name, value] of DEFAULT_ENVIRONMENT) this.vars.set(name, value, true);
    for (const [name, value] of Object.entries(world.info.session.env)) this.vars.set(name, value);
    const frozen = new Date(world.info.clock);
    this.clock = options.now ?? (world.source === 'fixture' ? () => new Date(frozen) : () => new Date());
  }

  now(): Date {
    return this.clock();
  }

  internalError(error: unknown): void {
    this.onInternalError?.(error);
  }

  /** Keeps the line in history, forgetting the oldest past bash's 500 lines or the lab's size bound. */
  private remember(line: string): void {
    this.history.push(line);
    let chars = this.history.reduce((n, l) => n + l.length, 0);
    while (this.history.length > MAX_HISTORY_LINES || (chars > MAX_HISTORY_CHARS && this.history.length > 1)) {
      chars -= this.history.shift()!.length;
    }
  }

  /** `$?` after the last line. */
  get lastStatus(): number {
    return this.status.value;
  }

  async run(line: string): Promise<LineResult> {
    const terminal = new Terminal(this.tty);
    const io = { out: terminal.sink(1), err: terminal.sink(2) };
    let status: number;
    // History expansion (`!!`, `!$`…) comes first; bash shows the line it made and keeps it in history.
    const history = expandHistory(line, this);
    if ('line' in history && history.expanded) {
      line = history.line;
      io.err.write(`${line}\n`);
    }
    for (const entry of historyEntries(line, isIncomplete)) this.remember(entry);
    if ('error' in history) {
      io.err.write(`bash: ${history.error}\n`);
      status = this.status.value;
    } else if (line.length > MAX_LINE) {
      io.err.write(`bash: the lab reads lines of at most ${MAX_LINE} characters\n`);
      status = 2;
    } else {
      // One complete command at a time, as bash reads them: an alias defined on a line works on the next.
      status = this.status.value;
      for (const chunk of commandChunks(line)) {
        try {
          const warnings: string[] = [];
          const list = parse(chunk.text, warnings, shellState(this).aliases, chunk.line);
          for (const warning of warnings) io.err.write(`bash: ${warning}\n`);
          status = await new Interpreter(this, this.status, { commands: MAX_COMMANDS_PER_LINE }, shellBuiltins).runList(list, io);
        } catch (error) {
          if (error instanceof ShellSyntaxError) {
            io.err.write(`bash: ${error.message}\n`);
            status = 2;
          } else if (error instanceof ArithmeticError || error instanceof LabLimitError) {
            // An arithmetic error ends the whole line, as in bash; so does a bound of the lab.
            io.err.write(`bash: ${error.message}\n`);
            status = 1;
          } else {
            io.err.write(`bash: ${internalErrorText(error)}\n`);
            this.internalError(error);
            status = 1;
          }
        }
        this.status.value = status;
      }
    }
    this.status.value = status;
    const clear = this.clearRequested;
    this.clearRequested = false;
    const text = (fd: 1 | 2) => terminal.chunks.filter((c) => c.fd === fd).map((c) => c.text).join('');
    const stdout = text(1);
    if (!SUBMIT.test(line)) this.previousOutput = stdout;
    return { status, stdout, stderr: text(2), chunks: terminal.chunks, clear };
  }

  /** Candidates for the word under the cursor: command names, `$` variables, or the command's own. */
  async complete(line: string, cursor: number): Promise<{ start: number; candidates: string[] }> {
    const before = line.slice(0, cursor);
    const segment = before.slice(Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1);
    const words = segment.trimStart().split(/\s+/);
    const current = words[words.length - 1] ?? '';
    const start = cursor - current.length;
    const unique = (xs: string[]) => [...new Set(xs)].sort();
    const dollar = current.lastIndexOf('$');
    if (dollar >= 0) {
      const prefix = current.slice(dollar + 1).replace(/^\{/, '');
      const names = this.vars.names().filter((n) => n.startsWith(prefix));
      const lead = current.slice(0, dollar + 1) + (current[dollar + 1] === '{' ? '{' : '');
      return { start, candidates: unique(names.map((n) => lead + n)) };
    }
    if (words.length <= 1) {
      return { start, candidates: unique([...registry.keys()].filter((n) => n.startsWith(current))) };
    }
    const command = findCommand(words[0]);
    if (!command?.complete) return { start, candidates: [] };
    try {
      const candidates = await command.complete(words, this);
      return { start, candidates: unique(candidates.filter((c) => c.startsWith(current))) };
    } catch {
      return { start, candidates: [] };
    }
  }
}
