// `kubectl` and `oc`: one engine, two names. The root reads kubectl-wide flags placed before the
// verb, prints the root help when there is no verb, suggests commands for a mistyped one the way
// cobra does, and hands the rest to the verb's module.
import type { Command, CommandContext, SessionState } from '../types.ts';
import type { Cli, ToolName } from './cli.ts';
import { makeCli } from './cli.ts';
import { FlagError, globalFlags } from './flags.ts';
import { describeHelp, getHelp, KUBECTL_COMMANDS, OC_COMMANDS, rootHelp } from './help.ts';
import { runGet } from './get.ts';
import { runLogs } from './logs.ts';
import { runRollout } from './rollout.ts';
import { runScale } from './scale.ts';
import { runSet } from './set-env.ts';
import { runExpose } from './expose.ts';
import { runCreateRoute } from './create-route.ts';
import { runDescribe } from './describe/index.ts';
import { runProject, runProjects } from './project.ts';
import { runWhoami } from './whoami.ts';
import { runVersion } from './version.ts';
import { runOcVersion } from './oc-version.ts';
import { runApiResources } from './api-resources.ts';
import { runClusterInfo } from './cluster-info.ts';
import { runAuth } from './auth.ts';
import { completeKube } from './complete.ts';
import { kubeWriteRefusal } from '../read-only.ts';
import { runDelete } from './delete.ts';
import { runAnnotate, runLabel } from './label.ts';
import { runPatch } from './patch.ts';
import { runApply } from './apply.ts';
import { createSubcommands, runCreate } from './create.ts';

type Verb = (cli: Cli, argv: string[]) => Promise<number>;

createSubcommands.route = runCreateRoute;

const commonVerbs: Record<string, Verb> = { logs: runLogs, get: runGet, describe: runDescribe, 'api-resources': runApiResources, 'cluster-info': runClusterInfo, auth: runAuth, scale: runScale, rollout: runRollout, set: runSet, expose: runExpose };
// The verbs that change the world through the API server's writes (refused in live mode).
const writeVerbs: Record<string, Verb> = { delete: runDelete, label: runLabel, annotate: runAnnotate, patch: runPatch, apply: runApply, create: runCreate };
const kubectlVerbs: Record<string, Verb> = { version: runVersion };
const ocVerbs: Record<string, Verb> = { project: runProject, projects: runProjects, whoami: runWhoami, version: runOcVersion };

export function verbsOf(tool: ToolName): Record<string, Verb> {
  return tool === 'oc' ? { ...commonVerbs, ...writeVerbs, ...ocVerbs } : { ...commonVerbs, ...writeVerbs, ...kubectlVerbs };
}

export function commandNames(tool: ToolName): readonly string[] {
  return tool === 'oc' ? OC_COMMANDS : KUBECTL_COMMANDS;
}

/** cobra's ld(): Levenshtein distance, case-insensitive. */
function levenshtein(a0: string, b0: string): number {
  const a = a0.toLowerCase();
  const b = b0.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
    }
  }
  return d[a.length][b.length];
}

/** cobra's SuggestionsFor: distance <= 2 or a prefix, in registration order. */
export function suggestionsFor(tool: ToolName, typed: string): string[] {
  if (typed.length > 64) return [];
  return commandNames(tool).filter(
    (name) => levenshtein(typed, name) <= 2 || name.toLowerCase().startsWith(typed.toLowerCase()),
  );
}

function unknownCommand(cli: Cli, typed: string): number {
  let text = `error: unknown command "${typed}" for "${cli.tool}"\n`;
  const suggestions = suggestionsFor(cli.tool, typed);
  if (suggestions.length > 0) text += `\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  cli.err(text);
  return 1;
}

const globalByLong = new Map(globalFlags.map((f) => [f.name, f]));
const globalByShort = new Map(globalFlags.filter((f) => f.short).map((f) => [f.short!, f]));

async function runTool(tool: ToolName, ctx: CommandContext): Promise<number> {
  const cli = makeCli(tool, ctx);
  const args = ctx.argv.slice(1);
  const before: string[] = [];
  let i = 0;
  // kubectl-wide flags may come before the verb.
  for (; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') break;
    if (a === '-h' || a === '--help') {
      cli.out(rootHelp(tool));
      return 0;
    }
    const long = a.startsWith('--') ? a.slice(2).split('=')[0] : undefined;
    const def = long !== undefined ? globalByLong.get(long) : globalByShort.get(a.slice(1, 2));
    if (!def) {
      cli.err(`Error: flags cannot be placed before plugin name: ${a}\n`);
      return 1;
    }
    before.push(a);
    const inlineValue = a.includes('=') || (long === undefined && a.length > 2);
    if (def.type !== 'bool' && !inlineValue) {
      if (i + 1 >= args.length) {
        const name = long !== undefined ? `--${long}` : `'${def.short}' in ${a}`;
        return reportFlag(cli, new FlagError(`flag needs an argument: ${name}`));
      }
      before.push(args[++i]);
    }
  }
  if (i >= args.length) {
    cli.out(rootHelp(tool));
    return 0;
  }
  const verb = args[i];
  const rest = [...before, ...args.slice(i + 1)];
  if (verb === 'help') {
    const topic = rest.find((a) => !a.startsWith('-'));
    if (topic === 'get') cli.out(getHelp(tool));
    else if (topic === 'describe') cli.out(describeHelp(tool));
    else if (topic !== undefined && verbsOf(tool)[topic]) return verbsOf(tool)[topic](cli, ['--help']);
    else if (topic === undefined || !commandNames(tool).includes(topic)) cli.out(rootHelp(tool));
    else return notInLab(cli, topic);
    return 0;
  }
  const run = verbsOf(tool)[verb];
  if (run) return run(cli, rest);
  if (commandNames(tool).includes(verb)) return notInLab(cli, verb);
  return unknownCommand(cli, verb);
}

function reportFlag(cli: Cli, e: FlagError): number {
  cli.err(`error: ${e.message}\nSee '${cli.tool} --help' for usage.\n`);
  return 1;
}

/** Real commands this lab terminal does not imitate. */
function notInLab(cli: Cli, verb: string): number {
  const refusal = cli.ctx.world.source === 'live' ? kubeWriteRefusal(cli.tool, verb) : undefined;
  cli.err(refusal ?? `error: "${cli.tool} ${verb}" is not available in this lab terminal\n`);
  return 1;
}

function makeCommand(tool: ToolName, summary: string): Command {
  return {
    name: tool,
    summary,
    run: (ctx) => runTool(tool, ctx),
    complete: (words: string[], session: SessionState) => completeKube(tool, words, session),
  };
}

export const kubeCommands: Command[] = [
  makeCommand('kubectl', 'Kubernetes command-line tool: get pods, services, nodes, endpoints...'),
  makeCommand('oc', 'OpenShift command-line tool: kubectl plus projects and routes'),
];
