// `aro-labs shell`: an interactive lab terminal in the reader's own terminal, with line editing,
// history and tab completion from node:readline.
import { createInterface, type Interface } from 'node:readline';
import type { Session } from '../../engine/index.ts';
import { chosenWorld, forStream, labOptions, liveOptions, worldSession, write, writeResult, type CliCommand } from './common.ts';

const EXIT = /^\s*exit(?:\s+(\d+))?\s*$/;

function prompt(session: Session, lab: string): string {
  return forStream(process.stdout, `[${lab} ${session.namespace}]$ `);
}

function completer(session: Session) {
  return (line: string, callback: (error: null, result: [string[], string]) => void) => {
    session.complete(line, line.length).then(
      ({ start, candidates }) => callback(null, [candidates, line.slice(start)]),
      () => callback(null, [[], line]),
    );
  };
}

export const shellCommand: CliCommand = {
  name: 'shell',
  usage: 'shell [--lab NAME | --lab-file FILE | --live --cluster NAME -g GROUP]',
  summary: 'An interactive lab terminal with history and tab completion; `exit` or Ctrl-D leaves.',
  options: { ...labOptions, ...liveOptions },
  async run(values) {
    const world = await chosenWorld(values);
    const session = await worldSession(world);
    const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    const rl: Interface = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: interactive,
      completer: completer(session),
      historySize: 1000,
    });
    if (interactive) {
      const banner = world.source === 'live'
        ? `ARO Packet Labs, LIVE: ${world.info.title} (${world.info.summary}) Read-only; refresh forgets kept reads.`
        : `ARO Packet Labs: ${world.info.title} (simulated lab "${world.info.name}").`;
      // The title and summary come from the lab file.
      await write(process.stdout, forStream(process.stdout, `${banner} Type help for the commands.\n`));
    }
    let status = 0;
    // Ctrl-C abandons the line being typed, as bash does.
    rl.on('SIGINT', () => {
      process.stdout.write('^C\n');
      rl.setPrompt(prompt(session, world.info.name));
      rl.prompt();
    });
    rl.setPrompt(prompt(session, world.info.name));
    if (interactive) rl.prompt();
    for await (const line of rl) {
      const exit = EXIT.exec(line);
      if (exit) {
        status = exit[1] ? Number(exit[1]) & 255 : status;
        break;
      }
      const result = await session.run(line);
      await writeResult(result);
      status = result.status;
      if (interactive) {
        rl.setPrompt(prompt(session, world.info.name));
        rl.prompt();
      }
    }
    rl.close();
    if (interactive) await write(process.stdout, '\n');
    return status;
  },
};
