// Runs one command module directly (argv as the shell would hand it over), without the shell, in
// a session whose working directory is the reader's home: what these tests prove is the command's.
import type { Command, SessionState, Vars } from '../../src/engine/commands/types.ts';
import { emptyWorld } from '../shell/fake-world.ts';

export function fakeSession(): SessionState {
  const values = new Map<string, string>([['HOME', '/home/reader'], ['PWD', '/home/reader']]);
  const vars: Vars = {
    get: (n) => values.get(n),
    set: (n, v) => void values.set(n, v),
    unset: (n) => void values.delete(n),
    export: () => {},
    environment: () => [...values],
    names: () => [...values.keys()],
  };
  return { world: emptyWorld(), vars, namespace: 'default', history: [], now: () => new Date(0), clearRequested: false, previousOutput: '' };
}

export async function runCommand(command: Command, argv: string[], stdin = '', session = fakeSession(), tty = false) {
  let stdout = '';
  let stderr = '';
  const status = await command.run({
    argv, stdin, session, world: session.world, tty,
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
  });
  return { stdout, stderr, status };
}
