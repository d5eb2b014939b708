// One registry for every command the lab terminal knows (catalogue.ts names them): a loader for
// the module that runs each. A command's module, and what only it needs (jq's
// interpreter, az's command tree and --query, kubectl's YAML and JSONPath printers, curl), loads
// when the command first runs or completes a word, as just-bash's registry does with lazy
// loaders: the terminal starts with the shell alone, and `help` and Tab list every command
// without loading any. Each loader names its module literally, so the bundler makes it a chunk.
import type { Command } from './types.ts';
import { commandCatalogue, type CommandModule } from './catalogue.ts';
// The session itself reads cd's directory tree (the reader's home), so cd comes with the shell.
import { cd } from './builtins/cd.ts';

const modules = {
  echo: () => import('./builtins/echo.ts').then((m) => [m.echo]),
  env: () => import('./builtins/env.ts').then((m) => [m.env]),
  variables: () => import('./builtins/variables.ts').then((m) => [m.exportCommand, m.unset]),
  session: () => import('./builtins/session-builtins.ts').then((m) => [m.history, m.clear, m.help, m.trueCommand, m.falseCommand, m.pwd, m.refresh]),
  cd: async () => [cd],
  lab: () => import('./builtins/lab.ts').then((m) => [m.lab]),
  test: () => import('./builtins/test.ts').then((m) => [m.test, m.bracket]),
  printf: () => import('./builtins/printf.ts').then((m) => [m.printf]),
  cat: () => import('./text/cat.ts').then((m) => [m.cat]),
  ls: () => import('./text/ls.ts').then((m) => [m.ls]),
  tr: () => import('./text/tr.ts').then((m) => [m.tr]),
  awk: () => import('./text/awk/index.ts').then((m) => [m.awk]),
  cut: () => import('./text/cut.ts').then((m) => [m.cut]),
  grep: () => import('./text/grep.ts').then((m) => [m.grep]),
  'head-tail': () => import('./text/head-tail.ts').then((m) => [m.head, m.tail]),
  wc: () => import('./text/wc.ts').then((m) => [m.wc]),
  'sort-uniq': () => import('./text/sort-uniq.ts').then((m) => [m.sort, m.uniq]),
  tac: () => import('./text/tac.ts').then((m) => [m.tac]),
  seq: () => import('./text/seq.ts').then((m) => [m.seq]),
  rev: () => import('./text/rev.ts').then((m) => [m.rev]),
  'basename-dirname': () => import('./text/basename-dirname.ts').then((m) => [m.basename, m.dirname]),
  az: () => import('./az/index.ts').then((m) => m.azCommands),
  kube: () => import('./kube/index.ts').then((m) => m.kubeCommands),
  curl: () => import('./net/curl.ts').then((m) => [m.curl]),
  nslookup: () => import('./net/nslookup.ts').then((m) => [m.nslookup]),
  dig: () => import('./net/dig.ts').then((m) => [m.dig]),
  host: () => import('./net/host.ts').then((m) => [m.host]),
  jq: () => import('./jq/index.ts').then((m) => m.jqCommands),
  submit: () => import('./exercises/submit.ts').then((m) => [m.submit]),
} satisfies Record<CommandModule, () => Promise<Command[]>>;

export type { CommandModule };


/** Modules loaded (or loading) so far, each once; a load that failed (a chunk the network lost) is tried again next time. */
const loading = new Map<CommandModule, Promise<Command[]>>();

function loadModule(module: CommandModule): Promise<Command[]> {
  let commands = loading.get(module);
  if (!commands) {
    commands = modules[module]();
    loading.set(module, commands);
    commands.catch(() => loading.delete(module));
  }
  return commands;
}

/** The command itself, its module loaded. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  const entry = commandCatalogue.find((e) => e.name === name);
  if (!entry) return undefined;
  return (await loadModule(entry.module)).find((c) => c.name === name);
}

/** The modules loaded so far, in the order they were first asked for. */
export function loadedModules(): CommandModule[] {
  return [...loading.keys()];
}

/** Stands for a command until it runs: its first run or completion loads its module. */
function onFirstUse(entry: (typeof commandCatalogue)[number]): Command {
  const command = async () => {
    const found = await loadCommand(entry.name);
    if (!found) throw new Error(`the module ${entry.module} has no command ${entry.name}`);
    return found;
  };
  return {
    name: entry.name,
    summary: entry.summary,
    run: async (ctx) => (await command()).run(ctx),
    complete: async (words, session) => (await (await command()).complete?.(words, session)) ?? [],
  };
}

export const registry: ReadonlyMap<string, Command> = new Map(commandCatalogue.map((e) => [e.name, onFirstUse(e)]));

export function findCommand(name: string): Command | undefined {
  return registry.get(name);
}
