// Runs one command module directly (no shell), collecting what it writes.
import type { Command, SessionState } from '../../src/engine/commands/types.ts';

export async function runCommand(command: Pick<Command, 'run'>, argv: string[], session: SessionState, options: { stdin?: string; tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const status = await command.run({
    argv,
    stdin: options.stdin ?? '',
    stdout: { write: (t) => (stdout += t) },
    stderr: { write: (t) => (stderr += t) },
    session,
    world: session.world,
    tty: options.tty ?? false,
  });
  return { status, stdout, stderr };
}
