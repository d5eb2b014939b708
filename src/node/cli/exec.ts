// `aro-labs exec`: runs lines in one lab session and prints what the terminal would show.
import { createInterface } from 'node:readline';
import { Session } from '../../engine/session.ts';
import { createFixtureWorld } from '../../engine/world/fixture/index.ts';
import { chosenLab, labOptions, write, type CliCommand } from './common.ts';

// What `clear` writes on an xterm-like terminal.
const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

async function* linesOf(positionals: string[]): AsyncGenerator<string> {
  if (positionals.length > 0) {
    yield* positionals;
    return;
  }
  const input = createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of input) yield line;
}

export const execCommand: CliCommand = {
  name: 'exec',
  usage: "exec [--lab NAME | --lab-file FILE] ['LINE' ...]",
  summary: 'Run lines in one session (standard input when no LINE); exit with the last status.',
  options: { ...labOptions },
  async run(values, positionals) {
    const session = new Session(createFixtureWorld(await chosenLab(values)), { tty: Boolean(process.stdout.isTTY) });
    let status = 0;
    for await (const line of linesOf(positionals)) {
      const result = await session.run(line);
      if (result.clear) await write(process.stdout, CLEAR_SCREEN);
      for (const chunk of result.chunks) {
        await write(chunk.fd === 1 ? process.stdout : process.stderr, chunk.text);
      }
      status = result.status;
    }
    return status;
  },
};
