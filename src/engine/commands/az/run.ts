// The az runner: walks the command tree, parses arguments the way az's argparse does (with its
// error texts and exit codes), reads ARM through the world, applies --query and prints in the
// chosen output format.
import jmespath from 'jmespath';

// jmespath.js exports compile() (parse only) but its type definitions omit it.
const compileQuery = (jmespath as unknown as { compile(expression: string): unknown }).compile;
import type { CommandContext } from '../types.ts';
import type { TransportFailure } from '../../world/types.ts';
import { ArmError, CliError, type ArgDef, type Args, type AzCommandDef, type AzContext } from './types.ts';
import { closeMatches } from './difflib.ts';
import { azWriteRefusal } from '../read-only.ts';
import { shapeOutput } from './shape.ts';
import { formatJson } from '../../format/knack/json.ts';
import { formatTsv } from '../../format/knack/tsv.ts';
import { formatTable, TableUnavailable } from '../../format/knack/table.ts';
import { formatYaml } from '../../format/knack/yaml.ts';
import { commandHelp, groupHelp } from './help.ts';

export interface TreeNode {
  name: string;
  children: Map<string, TreeNode>;
  command?: AzCommandDef;
}

export function buildTree(defs: AzCommandDef[]): TreeNode {
  const root: TreeNode = { name: 'az', children: new Map() };
  for (const def of defs) {
    let node = root;
    for (const word of def.words) {
      if (!node.children.has(word)) node.children.set(word, { name: word, children: new Map() });
      node = node.children.get(word)!;
    }
    node.command = def;
  }
  return root;
}

const OUTPUTS = ['json', 'jsonc', 'yaml', 'yamlc', 'table', 'tsv', 'none'];
const QUERY_HELP = "To learn more about --query, please visit: 'https://docs.microsoft.com/cli/azure/query-azure-cli'";

/** Arguments every command takes. */
const GLOBAL_VALUE_OPTIONS = new Map([['--query', 'query'], ['--output', 'output'], ['-o', 'output'], ['--subscription', 'subscription']]);
const GLOBAL_FLAGS = new Set(['--debug', '--verbose', '--only-show-errors', '--help', '-h']);

class ParseError extends Error {
  readonly examplesOf: AzCommandDef | null;
  constructor(message: string, examplesOf: AzCommandDef | null) {
    super(message);
    this.examplesOf = examplesOf;
  }
}

/** Options a reader typed that pick examples: az only recommends examples that use all of them. */
function typedOptions(tokens: string[]): string[] {
  return tokens.filter((t) => t.startsWith('-') && !GLOBAL_VALUE_OPTIONS.has(t.split('=')[0]) && !GLOBAL_FLAGS.has(t)).map((t) => t.split('=')[0]);
}

function recommendations(def: AzCommandDef | null, typed: string[] = []): string {
  const aliases = (option: string) => def?.args.find((a) => a.options.includes(option))?.options ?? [option];
  const examples = (def?.examples ?? [])
    .filter((e) => typed.every((option) => aliases(option).some((alias) => e.command.split(' ').includes(alias))))
    .slice(0, 3);
  const lines = examples.flatMap((e) => [e.command, e.summary, '']);
  return `\nExamples from AI knowledge base:\n${lines.join('\n')}${lines.length ? '\n' : ''}https://aka.ms/cli_ref\nRead more about the command in reference docs\n`;
}

interface Parsed {
  def: AzCommandDef;
  args: Args;
  query?: string;
  output: string;
  help: boolean;
}

function parseArgs(def: AzCommandDef, tokens: string[]): Parsed {
  const args: Args = {};
  const unknown: string[] = [];
  let query: string | undefined;
  let output = 'json';
  let help = false;
  const optionOf = (token: string) => def.args.find((a) => a.options.includes(token));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const name = eq > 0 ? token.slice(0, eq) : token;
    const inline = eq > 0 ? token.slice(eq + 1) : undefined;
    const global = GLOBAL_VALUE_OPTIONS.get(name);
    const arg = optionOf(name);
    if (GLOBAL_FLAGS.has(name)) {
      if (name === '-h' || name === '--help') help = true;
      continue;
    }
    if (!global && !arg) {
      unknown.push(token);
      continue;
    }
    if (arg?.flag) {
      args[arg.dest] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = tokens[i + 1];
      if (next === undefined || (next.startsWith('-') && !/^-\d/.test(next) && next !== '-')) {
        const shown = arg ? arg.options.join('/') : name === '-o' || name === '--output' ? '--output/-o' : name;
        throw new ParseError(`argument ${shown}: expected one argument`, def);
      }
      value = next;
      i += 1;
    }
    if (global === 'query') query = value;
    else if (global === 'output') output = value;
    else if (arg) args[arg.dest] = value;
  }
  if (help) return { def, args, query, output, help };
  const missing = def.args.filter((a) => a.required && !a.idPart && args[a.dest] === undefined);
  if (missing.length) throw new ParseError(`the following arguments are required: ${missing.map((a) => shownOptions(a, def)).join(', ')}`, def);
  if (unknown.length) throw new ParseError(`unrecognized arguments: ${unknown.join(' ')}`, def);
  return { def, args, query, output, help };
}

// Commands generated from the REST specs (aaz) declare a name as ["-n", "--name"]; argparse
// names an argument by its option strings in declaration order.
function shownOptions(arg: ArgDef, def: AzCommandDef): string {
  return def.shape === 'aaz' && arg.dest === 'name' ? '-n/--name' : arg.options.join('/');
}

/** Id parts the reader left out: aaz checks them after parsing; SDK commands ask for the name or --ids. */
function missingIdPart(def: AzCommandDef, args: Args): CliError | undefined {
  const missing = def.args.find((a) => a.required && a.idPart && args[a.dest] === undefined);
  if (!missing) return undefined;
  if (missing.idPart === 'sdk') return new CliError(`(${missing.options[0]} | --ids) are required`);
  return new CliError(`InvalidArgumentValue: Missing required field: ${missing.dest === 'name' ? '-n' : missing.options[0]}`);
}

// jmespath.js words type errors its own way; Python's jmespath (what az runs) says
// "In function f(), invalid type for value: None, expected one of: ['number'], received: "null"".
function pythonJmespathMessage(message: string): string {
  const m = /^TypeError: (\w+)\(\) expected argument \d+ to be type ([\w-]+) but received type (\w+) instead\.?$/.exec(message);
  if (!m || m[3] !== 'null') return message;
  const expected = m[2].split('|').map((t) => `'${t === 'array-number' ? 'array-number' : t}'`).join(', ');
  return `In function ${m[1]}(), invalid type for value: None, expected one of: [${expected}], received: "null"`;
}

/** No answer from ARM at all (live mode): az's words where it has them, plain ones otherwise. */
function transportMessage(failure: TransportFailure): string {
  switch (failure.kind) {
    case 'credentials':
      return `${failure.detail ? `${failure.detail}\n` : ''}Please run 'az login' to setup account.`;
    case 'timeout':
      return `Azure Resource Manager (${failure.endpoint}) did not answer in time: ${failure.detail}`;
    case 'malformed':
      return `Azure Resource Manager (${failure.endpoint}) answered with something that is not JSON: ${failure.detail}`;
    default:
      return `Cannot reach Azure Resource Manager (${failure.endpoint}): ${failure.detail}`;
  }
}

function azContext(ctx: CommandContext): AzContext {
  const world = ctx.world;
  const get = async (path: string) => {
    const response = await world.arm(path);
    if (response.failure) throw new CliError(transportMessage(response.failure));
    if (response.status >= 200 && response.status < 300) return response.body;
    const error = (response.body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ArmError(response.status, error?.code ?? 'Error', error?.message ?? `Operation returned an invalid status code ${response.status}`);
  };
  return {
    world,
    subscription: String(world.info.account.id ?? ''),
    get,
    list: async (path: string) => ((await get(path)) as { value?: unknown[] }).value ?? [],
  };
}

function render(result: unknown, parsed: Parsed): string {
  const output = parsed.output.toLowerCase();
  const queried = parsed.query !== undefined;
  switch (output) {
    case 'json':
    case 'jsonc':
      return formatJson(result);
    case 'yaml':
    case 'yamlc':
      return formatYaml(result);
    case 'tsv':
      return formatTsv(result, queried);
    case 'none':
      return '';
    default: {
      const transform = queried ? undefined : parsed.def.table;
      const table = transform === undefined ? result : typeof transform === 'string' ? jmespath.search(result as never, transform) : transform(result);
      return formatTable(table, !queried && transform === undefined);
    }
  }
}

export async function runAz(root: TreeNode, ctx: CommandContext): Promise<number> {
  const tokens = ctx.argv.slice(1);
  const err = (text: string) => ctx.stderr.write(text);
  let node = root;
  let i = 0;
  const path: string[] = [];
  for (; i < tokens.length && !node.command; i++) {
    const word = tokens[i];
    if (word.startsWith('-')) break;
    const child = node.children.get(word);
    if (!child) {
      const refusal = ctx.world.source === 'live' ? azWriteRefusal(path, word) : undefined;
      if (refusal) {
        err(refusal);
        return 1;
      }
      const suggestion = closeMatches(word, [...node.children.keys()], 1, 0.7)[0];
      const inferred = suggestion ? node.children.get(suggestion) : undefined;
      let leaf: TreeNode | undefined = inferred;
      for (let j = i + 1; leaf && !leaf.command && j < tokens.length; j++) leaf = leaf.children.get(tokens[j]);
      err(`ERROR: '${word}' is misspelled or not recognized by the system.\n`);
      if (suggestion) err(`Did you mean '${suggestion}' ?\n`);
      // az only recommends examples of the inferred command when no option was typed after it.
      err(recommendations(typedOptions(tokens).length ? null : (leaf?.command ?? null)));
      return 2;
    }
    path.push(word);
    node = child;
  }
  if (!node.command) {
    ctx.stdout.write(groupHelp(path, node));
    return 0;
  }
  let parsed: Parsed;
  try {
    parsed = parseArgs(node.command, tokens.slice(i));
  } catch (error) {
    const e = error as ParseError;
    err(`ERROR: ${e.message}\n${recommendations(e.examplesOf, typedOptions(tokens.slice(i)))}`);
    return 2;
  }
  if (parsed.help) {
    ctx.stdout.write(commandHelp(parsed.def));
    return 0;
  }
  if (!OUTPUTS.includes(parsed.output.toLowerCase())) {
    err(`ERROR: az ${parsed.def.words.join(' ')}: '${parsed.output}' is not a valid value for '--output'. Allowed values: ${OUTPUTS.join(', ')}.\n${recommendations(parsed.def)}`);
    return 2;
  }
  let compiled: unknown;
  if (parsed.query !== undefined) {
    try {
      compiled = compileQuery(parsed.query);
    } catch {
      err(`ERROR: argument --query: invalid jmespath_type value: '${parsed.query}'\n${QUERY_HELP}\n`);
      return 2;
    }
  }
  let result: unknown;
  try {
    const idPart = missingIdPart(parsed.def, parsed.args);
    if (idPart) throw idPart;
    result = shapeOutput(await parsed.def.fetch(parsed.args, azContext(ctx)), parsed.def.shape);
  } catch (error) {
    if (error instanceof CliError) {
      err(`ERROR: ${error.message}\n`);
      return error.exit;
    }
    if (!(error instanceof ArmError)) throw error;
    err(`ERROR: (${error.code}) ${error.message}\nCode: ${error.code}\nMessage: ${error.message}\n`);
    return error.status === 404 ? 3 : 1;
  }
  if (compiled !== undefined) {
    try {
      result = jmespath.search(result as never, parsed.query!);
    } catch (error) {
      err(`ERROR: Invalid jmespath query supplied for \`--query\`: ${pythonJmespathMessage((error as Error).message)}\n${QUERY_HELP}\n`);
      return 1;
    }
  }
  // knack prints nothing at all for a null result, not even a newline.
  if (result === null || result === undefined) return 0;
  try {
    ctx.stdout.write(render(result, parsed));
  } catch (error) {
    if (!(error instanceof TableUnavailable)) throw error;
    err('ERROR: Table output unavailable. Use the --query option to specify an appropriate query. Use --debug for more info.\n');
    return 1;
  }
  return 0;
}
