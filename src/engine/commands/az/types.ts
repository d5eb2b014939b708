// Commands of `az` are data: their words, arguments, help examples, where they read ARM and how
// their table looks. One runner (run.ts) parses, fetches, queries and formats for all of them.
import type { Json, World } from '../../world/types.ts';

/** One argument of a command; `D` is its dest, the key under which the command reads its value. */
export interface ArgDef<D extends string = string> {
  /** Option strings as az lists them, long first: ['--name', '-n']. */
  options: string[];
  dest: D;
  help: string;
  required?: boolean;
  /** A switch that takes no value. */
  flag?: boolean;
  /** The value when the option is given without one (aaz's AAZBoolArg: `--no-wait` alone is
   * `--no-wait true`); a value may still follow it, checked against `choices`. */
  blank?: string;
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

/** An argument's value as the runner hands it over: a switch is true when given; a list argument
 * holds its values; a required one is always there (argparse, or the id-part check, stopped
 * the command otherwise); any other may be missing. */
export type ArgValue<A extends ArgDef> = A extends { flag: true } ? true | undefined : A extends { nargs: '+' | '*' } ? string[] | undefined : A extends { required: true } ? string : string | undefined;

/** The values a command's arguments give, by dest. */
export type ArgsOf<A extends readonly ArgDef[]> = { [Arg in A[number] as Arg['dest']]: ArgValue<Arg> };

/** What the runner parsed, before it knows which command's arguments they are. */
export type Args = Record<string, string | string[] | true | undefined>;

export interface AzContext {
  world: World;
  subscription: string;
  /** ARM GET of a path; non-2xx answers throw ArmError. */
  get(path: string): Promise<Json>;
  /** ARM GET of a list (`{value: [...]}`), returning the items. */
  list(path: string): Promise<Json[]>;
  /** ARM POST of an action that computes an answer (see World.armAction); undefined in live mode. */
  post?(path: string, body: Json): Promise<Json>;
  /** ARM PUT/PATCH/DELETE/POST that changes the world (see World.armWrite; writes.ts); non-2xx
   * answers throw ArmError; undefined in live mode, which only reads. */
  write?(method: 'PUT' | 'PATCH' | 'DELETE' | 'POST', path: string, body?: Json): Promise<Json>;
  /** The session's clock (a fixture's is frozen at the lab's instant). */
  now(): Date;
  /** A warning az's logger prints at once, on standard error (`WARNING: …`). */
  warn(message: string): void;
}

/** What every command has besides its arguments and how it reads them. */
interface CommandBase {
  words: string[];
  summary: string;
  examples: Example[];
  /** How the service's JSON becomes az's output (see shape.ts). */
  shape: 'aaz' | 'sdk' | 'plain';
  /** The order in which an aaz command checks its id parts (dests), when it is not its own name first. */
  idCheckOrder?: string[];
  /** The command reads --subscription itself (az's account commands): no warning for an unknown one. */
  ownSubscription?: boolean;
  /** The command changes Azure (writes.ts): live mode refuses it before reading its arguments. */
  writes?: true;
  /** The command's table transformer (a function of the shaped output, or a JMESPath expression), when it has one. */
  table?: ((result: unknown) => unknown) | string;
}

/** A command with its arguments `A`: its fetch reads their values typed from their definitions. */
export interface AzCommandSpec<A extends readonly ArgDef[]> extends CommandBase {
  args: A;
  fetch(args: ArgsOf<A>, az: AzContext): Promise<unknown>;
}

/** Any command, as the runner, the tree and the help hold them. */
export interface AzCommandDef extends CommandBase {
  args: readonly ArgDef[];
  fetch(args: Args, az: AzContext): Promise<unknown>;
}

/** A command whose fetch reads its arguments by their dests, typed from the definitions written
 * here. The runner holds every command alike (`AzCommandDef`, whose fetch takes any `Args`); it
 * calls a fetch only once argparse and the id-part check have found each required argument, so
 * what it hands over is what `ArgsOf<A>` says. */
export function azCommand<const A extends readonly ArgDef[]>(spec: AzCommandSpec<A>): AzCommandDef {
  return spec;
}

/** An argument defined apart from its command, its dest and kind kept for the command's fetch. */
export function argDef<const A extends ArgDef>(arg: A): A {
  return arg;
}

/** Arguments defined apart from their command, each one's dest and kind kept. */
export function argDefs<const A extends readonly ArgDef[]>(args: A): A {
  return args;
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
  /** The field the error is about, when the service names one (a resource provider's CloudError). */
  readonly target?: string;
  constructor(status: number, code: string, message: string, target?: string) {
    super(message);
    this.code = code;
    this.status = status;
    if (target !== undefined) this.target = target;
  }
}

/** --resource-group: required unless `required` is false. */
export function rgArg(required?: true, idPart?: ArgDef['idPart']): ArgDef<'resource_group'> & { required: true };
export function rgArg(required: false, idPart?: ArgDef['idPart']): ArgDef<'resource_group'> & { required: false };
export function rgArg(required = true, idPart?: ArgDef['idPart']): ArgDef<'resource_group'> {
  return { options: ['--resource-group', '-g'], dest: 'resource_group', help: 'Name of resource group. You can configure the default group using `az configure --defaults group=<name>`.', required, complete: 'group', idPart };
}

export const nameArg = (type: string, help: string, parentDest?: string, parentType?: string, idPart?: ArgDef['idPart']): ArgDef<'name'> & { required: true } => ({
  options: ['--name', '-n'],
  dest: 'name',
  help,
  required: true,
  complete: { type, parentDest, parentType },
  idPart,
});
