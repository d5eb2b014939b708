// `kubectl create` / `oc create`: a subcommand (`create route edge …`) where one is named, else the
// objects of `-f` (apply.ts).
import type { Cli } from './cli.ts';
import { runCreateFromFiles } from './apply.ts';

type Verb = (cli: Cli, argv: string[]) => Promise<number>;

/** create's subcommands the lab models, by name (each module adds its own). */
export const createSubcommands: Record<string, Verb> = {};

export function runCreate(cli: Cli, argv: string[]): Promise<number> {
  const first = argv.find((a) => !a.startsWith('-'));
  const sub = first !== undefined ? createSubcommands[first] : undefined;
  if (sub && first !== undefined) return sub(cli, argv.filter((a, i) => i !== argv.indexOf(first)));
  return runCreateFromFiles(cli, argv);
}
