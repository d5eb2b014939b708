// The contract between the shell and each command module.
import { LabLimitError } from '../limits.ts';
import type { World } from '../world/types.ts';

export { LabLimitError };

/** Where a command writes. `write` may throw a LabLimitError when the output outgrows what the lab
 * holds; a command lets it pass (the shell reports it). */
export interface Output {
  write(text: string): void;
}


/** Variables of the session: shell variables, some of them exported to commands' environment. */
export interface Vars {
  get(name: string): string | undefined;
  set(name: string, value: string, exported?: boolean): void;
  unset(name: string): void;
  export(name: string): void;
  /** Exported variables, for `env`. */
  environment(): Array<[string, string]>;
  names(): string[];
}

/** State that lives as long as a terminal session. */
export interface SessionState {
  readonly world: World;
  readonly vars: Vars;
  /** Current project/namespace of `oc`/`kubectl`. */
  namespace: string;
  /** Lines typed so far, oldest first (the `history` builtin prints it). */
  readonly history: string[];
  /** The lab clock (fixture) or the real clock (live). */
  now(): Date;
  /** Set by `clear`: the terminal wipes its screen. */
  clearRequested: boolean;
  /** Standard output of the last line that was not a `submit` (answers "run it, then submit"). */
  readonly previousOutput: string;
  /** The exercises this terminal can check, when it has any. */
  readonly exercises?: ExerciseDesk;
  /** Hands an unexpected failure (with its stack) to whoever debugs the terminal; the reader sees only its message. */
  internalError?(error: unknown): void;
}

export interface SubmitResult {
  id: string;
  /** The answer given, or the output checked. */
  answer: string;
  verdict: { correct: boolean; message: string };
}

/** What `submit` needs from the exercises, kept abstract so commands do not import the checker. */
export interface ExerciseDesk {
  ids(): string[];
  describe(id: string): { title: string; task: string; check: { kind: 'value' | 'output' | 'state' } } | undefined;
  /** `answer` undefined: check `previousOutput` (exercises answered by a command's output), or the
   * world's state (exercises that ask for a change). */
  submit(id: string, answer: string | undefined, previousOutput: string): Promise<SubmitResult | undefined>;
}

export interface CommandContext {
  /** argv[0] is the command name as typed. */
  argv: string[];
  stdin: string;
  stdout: Output;
  stderr: Output;
  session: SessionState;
  world: World;
  /** True when stdout goes to the terminal rather than into a pipe or a `$( )`. */
  tty: boolean;
}

export interface Command {
  name: string;
  /** One line for `help`. */
  summary: string;
  run(ctx: CommandContext): Promise<number>;
  /** Candidates for the word being completed (words[words.length-1]); optional. */
  complete?(words: string[], session: SessionState): Promise<string[]>;
}
