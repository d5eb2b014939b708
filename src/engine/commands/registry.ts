// One registry for every command the lab terminal knows. Each area exports its commands from its
// own index; adding a command is adding a module there.
import type { Command } from './types.ts';
import { azCommands } from './az/index.ts';
import { kubeCommands } from './kube/index.ts';
import { netCommands } from './net/index.ts';
import { jqCommands } from './jq/index.ts';
import { textCommands } from './text/index.ts';
import { builtinCommands } from './builtins/index.ts';
import { submit } from './exercises/submit.ts';

const all: Command[] = [
  ...builtinCommands,
  ...textCommands,
  ...azCommands,
  ...kubeCommands,
  ...netCommands,
  ...jqCommands,
  submit,
];

export const registry: ReadonlyMap<string, Command> = new Map(all.map((c) => [c.name, c]));

export function findCommand(name: string): Command | undefined {
  return registry.get(name);
}
