// `aro-labs exec`: runs lines in one lab session and prints what the terminal would show.
import { createInterface } from 'node:readline';
import { chosenWorld, labOptions, liveOptions, worldSession, writeResult, type CliCommand } from './common.ts';

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
  usage: "exec [--lab NAME | --lab-file FILE | --live --cluster NAME -g GROUP] ['LINE' ...]",
  summary: 'Run lines in one session (standard input when no LINE); exit with the last status.',
  options: { ...labOptions, ...liveOptions },
  async run(values, positionals) {
    const session = await worldSession(await chosenWorld(values));
    let status = 0;
    for await (const line of linesOf(positionals)) {
      const result = await session.run(line);
      await writeResult(result);
      status = result.status;
    }
    return status;
  },
};
