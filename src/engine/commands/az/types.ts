// Commands of `az` are data: their words, arguments, help examples, where they read ARM and how
// their table looks. One runner (run.ts) parses, fetches, queries and formats for all of them.
import type { World } from '../../world/types.ts';

export interface ArgDef {
  /** Option strings as az lists them, long first: ['--name', '-n']. */
  options: string[];
  dest: string;
  help: string;
  required?: boolean;
  /** A switch that takes no value. */
  flag?: boolean;
  /** What tab completion offers for the value. */
  complete?: 'group' | { type: string; parentDest?: string; parentType?: string };
  /**
   * Part of the resource id (az also takes --ids instead), so argparse does not require it and the
   * command checks it itself: 'aaz' commands say "Missing required field", 'sdk' ones name --ids.
   */
  idPart?: 'aaz' | 'sdk';
  /** argparse nargs: '+' one or more values, '*' any number (the value is then a list). */
  nargs?: '+' | '*';
  /** Allowed values (az's enum type: matched case-insensitively, kept in this spelling). */
  choices?: string[];
  /** An argparse type: converts the value, or throws to get "invalid <name> value: '<value>'". */
  type?: { name: string; convert(value: string): string };
  /** The group the help lists it under (default "Arguments"). */
  group?: string;
}

export interface Example {
  command: string;
  summary: string;
}

export type Args = Record<string, string | string[] | boolean | undefined>;

export interface AzContext {
  world: World;
  subscription: string;
  /** ARM GET of a path; non-2xx answers throw ArmError. */
  get(path: string): Promise<any>;
  /** ARM GET of a list (`{value: [...]}`), returning the items. */
  list(path: string): Promise<any[]>;
  /** ARM POST of an action that computes an answer (see World.armAction); undefined in live mode. */
  post?(path: string, body: unknown): Promise<any>;
  /** The session's clock (a fixture's is frozen at the lab's instant). */
  now(): Date;
}

export interface AzCommandDef {
  words: string[];
  summary: string;
  args: ArgDef[];
  examples: Example[];
  fetch(args: Args, az: AzContext): Promise<unknown>;
  /** How the service's JSON becomes az's output (see shape.ts). */
  shape: 'aaz' | 'sdk' | 'plain';
  /** The order in which an aaz command checks its id parts (dests), when it is not its own name first. */
  idCheckOrder?: string[];
  /** The command reads --subscription itself (az's account commands): no warning for an unknown one. */
  ownSubscription?: boolean;
  /** The command's table transformer (a function or a JMESPath expression), when it has one. */
  table?: ((result: any) => unknown) | string;
}

/** An error az prints as `ERROR: <message>`, with its exit status, where ARM was not the one to say it. */
export class CliError extends Error {
  readonly exit: number;
  constructor(message: string, exit = 1) {
    super(message);
    this.exit = exit;
  }
}

export class ArmError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export const rgArg = (required = true, idPart?: ArgDef['idPart']): ArgDef => ({ options: ['--resource-group', '-g'], dest: 'resource_group', help: 'Name of resource group. You can configure the default group using `az configure --defaults group=<name>`.', required, complete: 'group', idPart });

export const nameArg = (type: string, help: string, parentDest?: string, parentType?: string, idPart?: ArgDef['idPart']): ArgDef => ({
  options: ['--name', '-n'],
  dest: 'name',
  help,
  required: true,
  complete: { type, parentDest, parentType },
  idPart,
});
