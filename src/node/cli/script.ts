// A script read from standard input as bash reads one: a command is run once it is complete, so a
// here-document, a quoted string over several lines, a line ending in a backslash or an `if`/
// `for`/`while`/function body over several lines reach the session as one command, as typed.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** The lines of a stream, without their line ends (a last line without one included). */
export async function* linesOf(input: Readable): AsyncGenerator<string> {
  yield* createInterface({ input, crlfDelay: Infinity, terminal: false });
}

/**
 * The commands of a script: each line joined to the ones before it while `incomplete` says the
 * shell would ask for more (its `> ` prompt); what is still open at the end is run as it stands,
 * so the session answers it as bash does (`unexpected end of file`).
 */
export async function* commandsOf(lines: AsyncIterable<string>, incomplete: (text: string) => boolean): AsyncGenerator<string> {
  let pending: string[] = [];
  for await (const line of lines) {
    pending.push(line);
    const text = pending.join('\n');
    if (incomplete(text)) continue;
    pending = [];
    yield text;
  }
  if (pending.length > 0) yield pending.join('\n');
}

/** A command that is `exit [N]` alone, which ends the script (and `shell`) as it ends bash. */
const EXIT = /^\s*exit(?:\s+(\d+))?\s*$/;

/** The status an `exit [N]` command leaves with (`last`: the status before it), or undefined for any other command. */
export function exitStatus(command: string, last: number): number | undefined {
  const exit = EXIT.exec(command);
  if (!exit) return undefined;
  return exit[1] ? Number(exit[1]) & 255 : last;
}
