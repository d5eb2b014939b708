// `lab`: the session's own word on the lab world the reader changes. `lab status` says whether the
// world is still the lab as loaded and lists the changes made to it (each one the REST write that
// made it); `lab reset` puts the lab back. A live cluster is only read, so there is nothing to reset
// there; the words are the lab's own, as no real tool has this command.
import type { Command, CommandContext } from '../types.ts';
import type { LabChanges } from '../../world/types.ts';

const USAGE = 'Usage: lab status | lab reset\n';

const HELP = `${USAGE}
The reader's changes to this lab's world: the writes of az, oc and kubectl.

Commands:
  status    Say whether the lab is changed, by how many changes, and list them.
  reset     Put the lab back as it was loaded: every change is undone.
`;

const SUBCOMMANDS = ['status', 'reset'];

const changesWord = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

function status(ctx: CommandContext, changes: LabChanges): number {
  const name = ctx.world.info.name;
  const journal = changes.journal();
  if (journal.length === 0) {
    ctx.stdout.write(`The lab ${name} is unchanged.\n`);
    return 0;
  }
  const lines = journal.map((write, i) => `  ${String(i + 1).padStart(3)}  ${write.method.padEnd(6)} ${write.path}\n`);
  ctx.stdout.write(`The lab ${name} has ${changesWord(journal.length)} since it was loaded (lab reset undoes ${journal.length === 1 ? 'it' : 'them'}):\n${lines.join('')}`);
  return 0;
}

function reset(ctx: CommandContext, changes: LabChanges): number {
  const name = ctx.world.info.name;
  const count = changes.count;
  if (count === 0) {
    ctx.stdout.write(`The lab ${name} is unchanged: there is nothing to reset.\n`);
    return 0;
  }
  changes.reset();
  ctx.stdout.write(`The lab ${name} is back as it was loaded: ${changesWord(count)} undone.\n`);
  return 0;
}

export const lab: Command = {
  name: 'lab',
  summary: 'The lab world you changed: lab status lists your changes, lab reset puts the lab back as it was loaded.',
  async run(ctx) {
    const args = ctx.argv.slice(1);
    if (args.some((a) => a === '-h' || a === '--help')) {
      ctx.stdout.write(HELP);
      return 0;
    }
    const [sub = 'status', ...rest] = args;
    if (!SUBCOMMANDS.includes(sub)) {
      ctx.stderr.write(`lab: unknown command "${sub}"\n${USAGE}`);
      return 2;
    }
    if (rest.length > 0) {
      ctx.stderr.write(`lab ${sub}: unexpected argument "${rest[0]}"\n${USAGE}`);
      return 2;
    }
    const changes = ctx.world.changes;
    if (!changes) {
      // Live mode (or a world that cannot be written): nothing the terminal did changed it.
      ctx.stdout.write(
        ctx.world.source === 'live'
          ? `Live mode: this terminal only reads your cluster, so it changed nothing and there is nothing to ${sub === 'reset' ? 'reset' : 'report'}.\n`
          : `The lab ${ctx.world.info.name} cannot be changed, so there is nothing to ${sub === 'reset' ? 'reset' : 'report'}.\n`,
      );
      return 0;
    }
    return sub === 'reset' ? reset(ctx, changes) : status(ctx, changes);
  },
  async complete(words) {
    if (words.length !== 2) return [];
    return SUBCOMMANDS.filter((s) => s.startsWith(words[1]));
  },
};
