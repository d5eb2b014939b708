// `aro-labs exec`: runs lines in one lab session and prints what the terminal would show; with
// `--save FILE`, writes the world as the lines left it.
import { isIncomplete } from '../../engine/index.ts';
import { chosenWorld, labOptions, liveOptions, worldSession, writeResult, type CliCommand } from './common.ts';
import { saveOption, saveTarget, saveWorld } from './save.ts';
import { commandsOf, exitStatus, linesOf } from './script.ts';

/** Each LINE given is one entry, as typed in the terminal; without any, standard input is read as a script. */
async function* entries(positionals: string[]): AsyncGenerator<string> {
  if (positionals.length > 0) yield* positionals;
  else yield* commandsOf(linesOf(process.stdin), isIncomplete);
}

export const execCommand: CliCommand = {
  name: 'exec',
  usage: "exec [--lab NAME | --lab-file FILE | --live --cluster NAME -g GROUP] [--save FILE] ['LINE' ...]",
  summary: 'Run lines in one session (a script from standard input when no LINE); exit with the last status; --save FILE writes the changed lab.',
  options: { ...labOptions, ...liveOptions, ...saveOption },
  async run(values, positionals) {
    const save = saveTarget(values);
    const world = await chosenWorld(values);
    const session = await worldSession(world);
    let status = 0;
    for await (const line of entries(positionals)) {
      // A script's own `exit` ends it, quietly, as it ends bash reading a script.
      const exit = positionals.length === 0 ? exitStatus(line, status) : undefined;
      if (exit !== undefined) {
        status = exit;
        break;
      }
      const result = await session.run(line);
      await writeResult(result);
      status = result.status;
    }
    if (save) await saveWorld(world, save);
    return status;
  },
};
