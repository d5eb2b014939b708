// Entry point of the `aro-labs` command line: one module per subcommand under ./cli/.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { execCommand } from './cli/exec.ts';
import { shellCommand } from './cli/shell.ts';
import { exportCommand } from './cli/export.ts';
import { labsCommand } from './cli/labs.ts';
import { exercisesCommand } from './cli/exercises.ts';
import { checkCommand } from './cli/check.ts';
import { bridgeCommand } from './cli/bridge.ts';
import { snapshotCommand } from './cli/snapshot.ts';
import { walkCommand } from './cli/walk.ts';
import { UsageError, type CliCommand } from './cli/common.ts';

const commands: CliCommand[] = [execCommand, shellCommand, bridgeCommand, snapshotCommand, exportCommand, labsCommand, exercisesCommand, checkCommand, walkCommand];

function usage(): string {
  // Usage lines are long (live mode's options): each command's summary goes under it.
  const lines = commands.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return [
    'Usage: aro-labs <command> [options]',
    '',
    'Runs the ARO Packet Labs terminal outside the browser.',
    '',
    'Commands:',
    ...lines,
    '',
    'Labs are worlds from labs/ (default aro2); --lab-file loads a world file of the same format.',
    '--live, bridge and snapshot read your own cluster (az login, oc login), read-only; see the README.',
    '',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`aro-labs: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true } as ParseArgsConfig);
  } catch (error) {
    process.stderr.write(`aro-labs ${name}: ${(error as Error).message}\nUsage: aro-labs ${command.usage}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`Usage: aro-labs ${command.usage}\n\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(parsed.values, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`aro-labs ${name}: ${error.message}\nUsage: aro-labs ${command.usage}\n`);
      return 2;
    }
    // Lab files that fail validation and other expected failures carry a readable message.
    process.stderr.write(`aro-labs ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}

// A reader closing the pipe (`| head`) ends us as SIGPIPE ends a real tool: quietly, status 141.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(141);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
