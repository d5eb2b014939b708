// Runs a parsed line: lists, pipelines (buffered, stage after stage), redirections, assignments
// and commands from the registry. Every failure becomes bash-style text and a status, never an
// exception escaping to the terminal.
import type { List, Pipeline, SimpleCommand } from './ast.ts';
import { expandToString, expandWord, type Expander } from './expand.ts';
import { findCommand } from '../commands/registry.ts';
import type { Output, SessionState } from '../commands/types.ts';

/** Where bytes go: the terminal (keeps fd order), a capture buffer, or nowhere. */
export interface Sink extends Output {
  readonly tty: boolean;
}

// Special parameters of an interactive shell; the lab has one process, so `$$` is a fixed PID.
const SPECIAL: Record<string, (status: number) => string> = {
  '?': (status) => String(status),
  $: () => '4242',
  '0': () => 'bash',
  '#': () => '0',
};

export const nullSink: Sink = { tty: false, write() {} };

export class Capture implements Sink {
  readonly tty = false;
  text = '';
  write(text: string): void {
    this.text += text;
  }
}

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
      stdin = capture?.text ?? '';
    }
    return status;
  }

  private expander(io: Streams): Expander {
    return {
      variable: (name) => SPECIAL[name]?.(this.lastStatus()) ?? this.session.vars.get(name),
      substitute: async (list) => {
        const capture = new Capture();
        const status = await this.runList(list, { out: capture, err: io.err });
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
    const argv: string[] = [];
    for (const word of command.words) argv.push(...(await expandWord(word, expander)));
    const values: Array<[string, string]> = [];
    for (const a of command.assignments) values.push([a.name, await expandToString(a.value, expander)]);

    const streams = await this.redirect(command, io, expander);
    if (typeof streams === 'number') return streams;

    if (argv.length === 0) {
      for (const [name, value] of values) this.session.vars.set(name, value);
      // An assignment-only command has the status of its last command substitution.
      return command.words.length === 0 && command.assignments.some((a) => a.value.parts.some((p) => p.kind === 'command')) ? this.lastStatus() : 0;
    }
    const name = argv[0];
    const found = findCommand(name);
    if (!found) {
      streams.err.write(`bash: ${name}: command not found\n`);
      return 127;
    }
    // `A=1 cmd` exports A to cmd only.
    const saved = values.map(([n]) => [n, this.session.vars.get(n)] as const);
    for (const [n, v] of values) this.session.vars.set(n, v, true);
    try {
      return await found.run({ argv, stdin, stdout: streams.out, stderr: streams.err, session: this.session, world: this.session.world, tty: streams.out.tty });
    } catch {
      streams.err.write(`bash: ${name}: internal error in the lab engine\n`);
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
