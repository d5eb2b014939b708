// What the subcommands of the CLI share: their shape, lab selection, and writing to stdout safely.
import type { ParseArgsConfig } from 'node:util';
import { loadLab } from '../labs.ts';
import { Session, createFixtureWorld, createDesk, forLab, visibleControls, type LabFile, type World, type LineResult } from '../../engine/index.ts';
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

/** What goes to a stream: on a terminal, escapes other than colours are shown, not obeyed (the
 * browser terminal does the same); to a pipe or a file, the bytes the tool printed. */
export function forStream(stream: { isTTY?: boolean }, text: string): string {
  return stream.isTTY ? visibleControls(text) : text;
}

/** Prints a line's output as the terminal would: clear first if asked, then each chunk on its stream. */
export async function writeResult(result: LineResult): Promise<void> {
  if (result.clear) await write(process.stdout, CLEAR_SCREEN);
  for (const chunk of result.chunks) {
    const stream = chunk.fd === 1 ? process.stdout : process.stderr;
    await write(stream, forStream(stream, chunk.text));
  }
}

/** A terminal session on a world, with the world's exercises for `submit`. */
export async function worldSession(world: World): Promise<Session> {
  const exercises = createDesk(world, forLab(await loadCatalogue(), world.info.name));
  // ARO_LABS_DEBUG=1: an unexpected failure prints its stack for whoever debugs the engine.
  const onInternalError = process.env.ARO_LABS_DEBUG === '1' ? (error: unknown) => process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`) : undefined;
  return new Session(world, { tty: Boolean(process.stdout.isTTY), exercises, onInternalError });
}

/** `--cluster NAME -g GROUP`: which ARO cluster of the reader's subscription. */
export const clusterOptions = {
  cluster: { type: 'string' },
  'resource-group': { type: 'string', short: 'g' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--live --cluster NAME -g GROUP`: the reader's own cluster instead of a lab. */
export const liveOptions = { live: { type: 'boolean' }, ...clusterOptions } as const;

/** The cluster the options name; `needs` says who needs it in the usage error. */
export function chosenCluster(values: OptionValues, needs: string): { cluster: string; group: string } {
  const cluster = values.cluster as string | undefined;
  const group = values['resource-group'] as string | undefined;
  if (!cluster || !group) throw new UsageError(`${needs} needs the cluster: --cluster NAME -g GROUP`);
  return { cluster, group };
}

/** The world the options choose: a lab (fixture), or with --live the reader's cluster. */
export async function chosenWorld(values: OptionValues): Promise<World> {
  if (!values.live) {
    if (values.cluster || values['resource-group']) throw new UsageError('--cluster and -g go with --live');
    return createFixtureWorld(await chosenLab(values));
  }
  if (values.lab || values['lab-file']) throw new UsageError('--live reads your cluster; it does not take --lab or --lab-file');
  const { cluster, group } = chosenCluster(values, '--live');
  // Loaded only in live mode: the Azure SDK and the Kubernetes client are not needed for labs.
  const { createLiveWorld } = await import('../live/world.ts');
  return createLiveWorld({ cluster, group });
}
