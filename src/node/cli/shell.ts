// `aro-labs shell`: an interactive lab terminal in the reader's own terminal, with line editing,
// history and tab completion from node:readline; a command left open (a here-document, a loop)
// continues on the next line after bash's `> `; `--save FILE` writes the changed lab on leaving.
import { createInterface, type Interface } from 'node:readline';
import { isIncomplete, type Session } from '../../engine/index.ts';
import { chosenWorld, forStream, labOptions, liveOptions, worldSession, write, writeResult, type CliCommand } from './common.ts';
import { saveOption, saveTarget, saveWorld } from './save.ts';
import { exitStatus } from './script.ts';

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
  usage: 'shell [--lab NAME | --lab-file FILE | --live --cluster NAME -g GROUP] [--save FILE]',
  summary: 'An interactive lab terminal with history and tab completion; `exit` or Ctrl-D leaves (--save FILE: writing the changed lab).',
  options: { ...labOptions, ...liveOptions, ...saveOption },
  async run(values) {
    const save = saveTarget(values);
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
    // The lines of a command still open, which bash asks more of with its `> ` prompt.
    let pending: string[] = [];
    // Ctrl-C abandons the line being typed, as bash does.
    rl.on('SIGINT', () => {
      process.stdout.write('^C\n');
      pending = [];
      rl.setPrompt(prompt(session, world.info.name));
      rl.prompt();
    });
    rl.setPrompt(prompt(session, world.info.name));
    if (interactive) rl.prompt();
    for await (const typed of rl) {
      const exit = pending.length === 0 ? exitStatus(typed, status) : undefined;
      if (exit !== undefined) {
        status = exit;
        break;
      }
      const line = [...pending, typed].join('\n');
      if (isIncomplete(line)) {
        pending.push(typed);
        rl.setPrompt(forStream(process.stdout, '> '));
        if (interactive) rl.prompt();
        continue;
      }
      pending = [];
      const result = await session.run(line);
      await writeResult(result);
      status = result.status;
      if (interactive) {
        rl.setPrompt(prompt(session, world.info.name));
        rl.prompt();
      }
    }
    rl.close();
    // What is still open when the input ends is run as it stands: the session answers it as bash does.
    if (pending.length > 0) {
      const result = await session.run(pending.join('\n'));
      await writeResult(result);
      status = result.status;
    }
    if (interactive) await write(process.stdout, '\n');
    if (save) {
      await saveWorld(world, save);
      const count = world.changes?.count ?? 0;
      if (interactive) await write(process.stdout, `Saved the lab with ${count} ${count === 1 ? 'change' : 'changes'} to ${save}; --lab-file ${save} loads it again.\n`);
    }
    return status;
  },
};
