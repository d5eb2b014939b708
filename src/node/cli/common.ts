// What the subcommands of the CLI share: their shape, lab selection, and writing to stdout safely.
import type { ParseArgsConfig } from 'node:util';
import { loadLab } from '../labs.ts';
import type { LabFile } from '../../engine/world/types.ts';
import { Session, type LineResult } from '../../engine/session.ts';
import { createFixtureWorld } from '../../engine/world/fixture/index.ts';
import { createDesk } from '../../engine/exercises/desk.ts';
import { forLab } from '../../engine/exercises/catalogue.ts';
import { loadCatalogue } from '../exercises.ts';

export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: OptionValues, positionals: string[]): Promise<number>;
}

export class UsageError extends Error {}

/** `--lab NAME` and `--lab-file FILE`, accepted wherever a lab is chosen. */
export const labOptions = {
  lab: { type: 'string' },
  'lab-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function chosenLab(values: OptionValues): Promise<LabFile> {
  const name = values.lab as string | undefined;
  const file = values['lab-file'] as string | undefined;
  if (name && file) throw new UsageError('use either --lab or --lab-file, not both');
  return loadLab({ name, file });
}

/** Writes and resolves once the data is flushed, so piping into `head` never loses or breaks output. */
export function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  if (!text) return Promise.resolve();
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}

// What `clear` writes on an xterm-like terminal.
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

/** Prints a line's output as the terminal would: clear first if asked, then each chunk on its stream. */
export async function writeResult(result: LineResult): Promise<void> {
  if (result.clear) await write(process.stdout, CLEAR_SCREEN);
  for (const chunk of result.chunks) await write(chunk.fd === 1 ? process.stdout : process.stderr, chunk.text);
}

/** A terminal session on the lab, with the lab's exercises for `submit`. */
export async function labSession(lab: LabFile): Promise<Session> {
  const world = createFixtureWorld(lab);
  const exercises = createDesk(world, forLab(await loadCatalogue(), lab.info.name));
  return new Session(world, { tty: Boolean(process.stdout.isTTY), exercises });
}
