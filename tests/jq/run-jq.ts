// Runs our jq on a recorded case (flags, program, standard input, exported variables).
import { Session } from '../../src/engine/session.ts';
import { emptyWorld } from '../shell/fake-world.ts';
import { findCommand } from '../../src/engine/commands/registry.ts';
import { runCommand } from '../helpers/run-command.ts';

export interface JqCase {
  filter: string;
  flags?: string[];
  input: string;
  env?: Record<string, string>;
  /** Arguments after the program (files). */
  args?: string[];
}

export interface JqReference extends JqCase {
  stdout: string;
  stderr: string;
  status: number;
}

export function jq(c: JqCase): Promise<{ status: number; stdout: string; stderr: string }> {
  const session = new Session(emptyWorld());
  for (const [name, value] of Object.entries(c.env ?? {})) session.vars.set(name, value, true);
  return runCommand(findCommand('jq')!, ['jq', ...(c.flags ?? []), c.filter, ...(c.args ?? [])], session, { stdin: c.input });
}

export const caseName = (c: JqCase) => {
  const text = `jq ${(c.flags ?? []).join(' ')} '${c.filter}' ${(c.args ?? []).join(' ')}`.trimEnd();
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
};
