// What a kubectl/oc verb needs besides its arguments: which tool it is, the session's current
// namespace, the world, and two output streams.
import { LabLimitError, type CommandContext } from '../types.ts';
import { FlagError, parseFlags, type FlagDef, type ParsedFlags } from './flags.ts';
import { KubeError } from './api.ts';

export type ToolName = 'kubectl' | 'oc';

export interface Cli {
  tool: ToolName;
  ctx: CommandContext;
  out(text: string): void;
  err(text: string): void;
}

export function makeCli(tool: ToolName, ctx: CommandContext): Cli {
  return {
    tool,
    ctx,
    out: (t) => ctx.stdout.write(t),
    err: (t) => ctx.stderr.write(t),
  };
}

/**
 * Prints an error the way kubectl's CheckErr does and returns the exit status (1). Flag errors get
 * the "See '<tool> <verb> --help' for usage." hint.
 */
export function reportError(cli: Cli, e: unknown, verb?: string): number {
  if (e instanceof FlagError) {
    const usage = verb ? `${cli.tool} ${verb} --help` : `${cli.tool} --help`;
    cli.err(`error: ${e.message}\nSee '${usage}' for usage.\n`);
    return 1;
  }
  if (e instanceof LabLimitError) throw e;
  if (e instanceof KubeError) {
    cli.err(e.text.endsWith('\n') ? e.text : e.text + '\n');
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  const text = message.startsWith('error: ') ? message : `error: ${message}`;
  cli.err(text.endsWith('\n') ? text : text + '\n');
  return 1;
}

/** A verb's run: its flags parsed, then its body; a failure of either is reported as kubectl's
 * CheckErr prints it, with the verb's own usage hint. */
export async function runVerb(cli: Cli, verb: string, argv: string[], defs: FlagDef[], body: (flags: ParsedFlags) => Promise<number>): Promise<number> {
  try {
    return await body(parseFlags(argv, defs));
  } catch (e) {
    return reportError(cli, e, verb);
  }
}

/** A plain kubectl error ("error: ..."), as CheckErr prints unrecognized errors. */
export function plainError(message: string): KubeError {
  return new KubeError(`error: ${message}`);
}
