// Runs a parsed line: lists, pipelines (buffered, stage after stage), redirections, assignments
// and commands from the registry. Every failure becomes bash-style text and a status, never an
// exception escaping to the terminal.
import type { List, Pipeline, SimpleCommand } from './ast.ts';
import { expandToString, expandWords, type Expander } from './expand.ts';
import { ArithmeticError } from './arithmetic.ts';
import { LabLimitError, MAX_VALUE } from './limits.ts';
import { findCommand } from '../commands/registry.ts';
import type { Output, SessionState } from '../commands/types.ts';

/** Where bytes go: the terminal (keeps fd order), a capture buffer, or nowhere. */
export interface Sink extends Output {
  readonly tty: boolean;
}

// Special parameters of an interactive shell; the lab has one process, so `$$` is a fixed PID.
// A Map: a variable named `constructor` or `__proto__` is an ordinary name, never one of these.
const SPECIAL = new Map<string, (status: number) => string>([
  ['?', (status) => String(status)],
  ['$', () => '4242'],
  ['0', () => 'bash'],
  ['#', () => '0'],
]);

export const nullSink: Sink = { tty: false, write() {} };

/** What a command wrote into a pipe or a `$( )` grew past what the lab holds. */
class OutputLimitError extends LabLimitError {}

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

const stoppedOutput = `bash: the lab stopped this output at ${MAX_VALUE} characters\n`;

export interface Streams {
  out: Sink;
  err: Sink;
}

export interface Limits {
  /** Simple commands one line may run (substitutions included). */
  commands: number;
}

export class Interpreter {
  private readonly session: SessionState;
  private readonly limits: Limits;
  /** `$?`, kept by the session across lines. */
  private readonly status: { value: number };
  private commandsRun = 0;

  constructor(session: SessionState, status: { value: number }, limits: Limits) {
    this.session = session;
    this.status = status;
    this.limits = limits;
  }

  async runList(list: List, io: Streams): Promise<number> {
    let status = this.lastStatus();
    for (let i = 0; i < list.items.length; i++) {
      const connector = i > 0 ? list.connectors[i - 1] : ';';
      if (connector === '&&' && status !== 0) continue;
      if (connector === '||' && status === 0) continue;
      status = await this.runPipeline(list.items[i], io);
      this.setStatus(status);
    }
    return status;
  }

  private async runPipeline(pipeline: Pipeline, io: Streams): Promise<number> {
    let stdin = '';
    let status = 0;
    const last = pipeline.commands.length - 1;
    for (let i = 0; i <= last; i++) {
      const capture = i < last ? new Capture() : null;
      status = await this.runSimple(pipeline.commands[i], stdin, { out: capture ?? io.out, err: io.err });
      if (capture?.overflowed) {
        io.err.write(stoppedOutput);
        status = 1;
      }
      stdin = capture?.text ?? '';
    }
    return status;
  }

  private expander(io: Streams): Expander {
    return {
      variable: (name) => SPECIAL.get(name)?.(this.lastStatus()) ?? this.session.vars.get(name),
      assign: (name, value) => this.session.vars.set(name, value),
      substitute: async (list) => {
        const capture = new Capture();
        let status: number;
        try {
          status = await this.runList(list, { out: capture, err: io.err });
        } catch (error) {
          // An arithmetic error ends the substituted commands, not the line around them.
          if (!(error instanceof ArithmeticError)) throw error;
          io.err.write(`bash: ${error.message}\n`);
          status = 1;
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

  private async runSimple(command: SimpleCommand, stdin: string, io: Streams): Promise<number> {
    this.commandsRun += 1;
    if (this.commandsRun > this.limits.commands) {
      io.err.write(`bash: the lab runs at most ${this.limits.commands} commands per line\n`);
      return 1;
    }
    const expander = this.expander(io);
    let argv: string[];
    const values: Array<[string, string]> = [];
    let streams: Streams | number;
    try {
      argv = await expandWords(command.words, expander);
      for (const a of command.assignments) values.push([a.name, await expandToString(a.value, expander)]);
      streams = await this.redirect(command, io, expander);
      if (typeof streams === 'number') return streams;
      if (argv.length === 0) {
        for (const [name, value] of values) this.session.vars.set(name, value);
        // An assignment-only command has the status of its last command substitution.
        return command.words.length === 0 && command.assignments.some((a) => a.value.parts.some((p) => p.kind === 'command')) ? this.lastStatus() : 0;
      }
    } catch (error) {
      if (!(error instanceof LabLimitError) || error instanceof OutputLimitError) throw error;
      io.err.write(`bash: ${error.message}\n`);
      return 1;
    }
    const name = argv[0];
    const found = findCommand(name);
    if (!found) {
      streams.err.write(`bash: ${name}: command not found\n`);
      return 127;
    }
    // `A=1 cmd` exports A to cmd only.
    const saved = values.map(([n]) => [n, this.session.vars.get(n)] as const);
    try {
      for (const [n, v] of values) this.session.vars.set(n, v, true);
      return await found.run({ argv, stdin, stdout: streams.out, stderr: streams.err, session: this.session, world: this.session.world, tty: streams.out.tty });
    } catch (error) {
      // Output past the pipe's bound is reported by the pipe's owner, once.
      if (error instanceof OutputLimitError) return 1;
      if (error instanceof LabLimitError) {
        streams.err.write(`bash: ${name}: ${error.message}\n`);
        return 1;
      }
      streams.err.write(`bash: ${name}: ${internalErrorText(error)}\n`);
      this.session.internalError?.(error);
      return 1;
    } finally {
      for (const [n, v] of saved) {
        if (v === undefined) this.session.vars.unset(n);
        else this.session.vars.set(n, v);
      }
    }
  }

  private async redirect(command: SimpleCommand, io: Streams, expander: Expander): Promise<Streams | number> {
    let { out, err } = io;
    for (const r of command.redirects) {
      let target: Sink;
      if ('fd' in r.to) {
        target = r.to.fd === 1 ? out : err;
      } else {
        const file = await expandToString(r.to.file, expander);
        if (file !== '/dev/null') {
          // The lab has no writable filesystem.
          io.err.write(`bash: ${file}: Read-only file system\n`);
          return 1;
        }
        target = nullSink;
      }
      if (r.from === 1 || r.from === 'both') out = target;
      if (r.from === 2 || r.from === 'both') err = target;
    }
    return { out, err };
  }

  private lastStatus(): number {
    return this.status.value;
  }

  private setStatus(status: number): void {
    this.status.value = status;
  }
}

/** What the reader is told when the engine itself fails: the cause, never a stack. */
export function internalErrorText(error: unknown): string {
  const message = error instanceof RangeError ? 'the line needed more stack than the page has' : error instanceof Error ? error.message : String(error);
  return `internal error in the lab engine: ${message.split('\n')[0]}`;
}
