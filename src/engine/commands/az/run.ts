// The az runner: walks the command tree, parses arguments the way az's argparse does (with its
// error texts and exit codes), reads ARM through the world, applies --query and prints in the
// chosen output format.
import type { CommandContext } from '../types.ts';
import type { RestResponse, TransportFailure } from '../../world/types.ts';
import { arr, errorMessage, field, isJsonObject, parseJson } from '../../world/json.ts';
import { ArmError, CliError, type ArgDef, type Args, type AzCommandDef, type AzContext } from './types.ts';
import { closeMatches } from './difflib.ts';
import { azWriteRefusal } from '../read-only.ts';
import { shapeOutput } from './shape.ts';
import { compileQuery, QueryCrash, QueryError, QueryLimit, search, type Query } from '../../query/jmespath.ts';
import { workExceeded, valueTooDeep } from '../../query/budget.ts';
import { OutputLimit } from '../../format/knack/printer.ts';
import { formatJson } from '../../format/knack/json.ts';
import { formatTsv } from '../../format/knack/tsv.ts';
import { formatTable, TableUnavailable } from '../../format/knack/table.ts';
import { formatYaml } from '../../format/knack/yaml.ts';
import { commandHelp, groupHelp, optionsNotInLab } from './help.ts';
import { AZ_HELP } from './help-data.ts';
import { extensionNotInstalled, notSimulated, realChildren } from './unsimulated.ts';
import type { TreeNode } from './tree.ts';


const OUTPUTS = ['json', 'jsonc', 'yaml', 'yamlc', 'table', 'tsv', 'none'];
const UNEXPECTED_TRAILER = 'To check existing issues, please visit: https://github.com/Azure/azure-cli/issues\nTo open a new issue, please run `az feedback`\n';
const QUERY_HELP = "To learn more about --query, please visit: 'https://learn.microsoft.com/cli/azure/query-azure-cli'";

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

/** AzCliCommandInvoker._extract_parameter_names: `--name=x` → `--name`, `-gx` → `-g`. */
const parameterNames = (words: string[]) => words.filter((p) => p.startsWith('-') && !p.startsWith('---') && p.length > 1).map((p) => (p.startsWith('--') ? p.split('=')[0] : p.slice(0, 2)));

/** command_recommender's normalization: each option to its longest spelling, unknown ones dropped, sorted. */
function normalizedParameters(def: AzCommandDef, words: string[]): string[] {
  const mappings = new Map<string, string>([['-h', '--help'], ['-o', '--output'], ['--subscription', '--subscription'], ...['--only-show-errors', '--help', '--output', '--query', '--debug', '--verbose', '--yes', '--no-wait'].map((o): [string, string] => [o, o])]);
  for (const arg of def.args) {
    const [standard, ...others] = [...arg.options].sort((a, b) => b.length - a.length);
    mappings.set(standard, standard);
    for (const o of others) mappings.set(o, standard);
  }
  return parameterNames(words).flatMap((p) => (mappings.has(p) ? [mappings.get(p)!] : [])).sort();
}

/** A command's help examples: az's own where the lab has them (help-data.ts), else the lab's. */
function helpExamples(def: AzCommandDef): AzCommandDef['examples'] {
  const data = AZ_HELP[def.words.join(' ')];
  if (!data) return def.examples;
  // One line each, as the recommender shows them: continuation backslashes and the help's wrapping
  // undone (a line the wrap broke after a word's hyphen joins the next without a space).
  const unwrap = (lines: string[]) => lines.reduce((text, line) => (text && /[A-Za-z]-$/.test(text) && /^[A-Za-z]/.test(line) ? text + line : text ? `${text} ${line}` : line), '');
  return data.examples.map((e) => ({ summary: e.summary, command: unwrap(e.command).replace(/\\(?=\s)/g, ' ').replace(/\s+/g, ' ').trim() }));
}

/** The help examples az shows after an error: those sharing most options with what was typed, then the
 * shortest, in help order among equals (command_recommender's sort_recommendations), at most three. */
function recommendations(def: AzCommandDef | null, typed: string[] = []): string {
  const target = def ? normalizedParameters(def, typed) : [];
  const ranked = (def ? helpExamples(def) : []).map((example, index) => {
    const args = normalizedParameters(def!, example.command.split(' '));
    const matches = example.command.startsWith(`az ${def!.words.join(' ')}`) ? args.filter((a) => target.includes(a)).length : -1;
    return { example, index, matches, length: args.length };
  });
  ranked.sort((a, b) => b.matches - a.matches || a.length - b.length || a.index - b.index);
  const lines = ranked.slice(0, 3).flatMap(({ example }) => [example.command, example.summary, '']);
  return `\nExamples from AI knowledge base:\n${lines.join('\n')}${lines.length ? '\n' : ''}https://aka.ms/cli_ref\nRead more about the command in reference docs\n`;
}

interface Parsed {
  def: AzCommandDef;
  args: Args;
  query?: string;
  output: string;
  help: boolean;
  /** --subscription as typed. */
  subscription?: string;
  /** --ids: full resource ids standing for the id-part arguments (each run on its own). */
  ids?: string[];
}

/** aaz list commands page their answer (--max-items, --next-token: "Pagination Arguments"). */
const paginated = (def: AzCommandDef) => Boolean(AZ_HELP[def.words.join(' ')]?.args.some((a) => a.group === 'Pagination Arguments'));
const PAGINATION_ARGS: ArgDef[] = [
  { options: ['--max-items'], dest: 'max_items', help: '' },
  { options: ['--next-token'], dest: 'next_token', help: '' },
];

/** aaz's pagination token: base64 of the JSON of where the next page starts. */
const pageToken = (offset: number) => btoa(`{"next_link": null, "offset": ${offset}}`);

/** Where a --next-token says the page starts, with aaz's errors for what is not its token. */
function tokenOffset(token: string): number {
  const invalid = (why: string) => new CliError(`InvalidArgumentValue: --next-token: ${why}`);
  // Python's b64decode: characters outside the alphabet are dropped, the padding must be right.
  const text = token.replace(/[^A-Za-z0-9+/=]/g, '');
  let decoded: string;
  try {
    if (text.length % 4 !== 0) throw new Error('padding');
    decoded = atob(text);
  } catch {
    throw invalid('Invalid Base64 string.');
  }
  let parsed: unknown;
  try {
    parsed = parseJson(decoded);
  } catch {
    throw invalid('Invalid JSON object.');
  }
  if (!isJsonObject(parsed)) throw invalid('Invalid JSON object.');
  const { offset } = parsed;
  if (!('next_link' in parsed) || offset === undefined) throw invalid("`next_link` or `offset` doesn't exist.");
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw invalid('Invalid JSON object.');
  return offset;
}

/** One page of a list (--max-items N from --next-token's offset) and the token of the next, if any. */
function page(items: unknown[], maxItems: string, nextToken: string | undefined): { items: unknown[]; next?: string } {
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(maxItems)) throw new CliError(`Failed to parse '--max-items' argument: invalid literal for int() with base 10: ${maxItems.includes("'") && !maxItems.includes('"') ? `"${maxItems}"` : `'${maxItems}'`}`);
  const size = Number(maxItems.replace(/_/g, ''));
  if (size < 1) throw new CliError(`InvalidArgumentValue: --max-items: Invalid format: '${size}' is less than 1`);
  const start = nextToken === undefined ? 0 : tokenOffset(nextToken);
  const end = start + size;
  return { items: items.slice(start, end), next: end < items.length ? pageToken(end) : undefined };
}

/** Commands whose resource az can also name by id take --ids (azure-cli's id-part arguments). */
const takesIds = (def: AzCommandDef) => def.args.some((a) => a.idPart);
const IDS_ARG: ArgDef = { options: ['--ids'], dest: 'ids', help: '', nargs: '+' };

/** argparse's attached value of a short option: `-gNAME`, `-otsv` (a token no option is named). */
function attachedShort(def: AzCommandDef, token: string): [string, string] | undefined {
  if (token.startsWith('--') || token.length <= 2 || !token.startsWith('-')) return undefined;
  const short = token.slice(0, 2);
  if (short === '-o') return [short, token.slice(2)];
  const arg = def.args.find((a) => a.options.includes(short));
  return arg && !arg.flag ? [short, token.slice(2)] : undefined;
}

const isOptionLike = (token: string) => token.startsWith('-') && !/^-\d/.test(token) && token !== '-';

/** argparse's abbreviations: a unique prefix of a long option stands for it (among all the options
 * az has, the lab's and those it lacks: `--add` is its own option, not `--address-prefixes`). */
function expandAbbreviation(def: AzCommandDef, name: string): string {
  const known = [...def.args.flatMap((a) => a.options), ...optionsNotInLab(def), ...GLOBAL_VALUE_OPTIONS.keys(), ...GLOBAL_FLAGS];
  if (!name.startsWith('--') || known.includes(name)) return name;
  const matches = [...new Set(known.filter((o) => o.startsWith('--') && o.startsWith(name)))];
  if (matches.length > 1) throw new ParseError(`ambiguous option: ${name} could match ${matches.join(', ')}`, def);
  return matches[0] ?? name;
}

/** az's recommendation after a value that is not one of the choices: the closest (difflib, cutoff 0.7). */
function didYouMean(value: string, choices: string[]): string {
  const close = closeMatches(value, choices, 3, 0.7)[0];
  return close === undefined ? '' : `\nDid you mean '${close}' ?`;
}

/** A value through the argument's type and choices, as argparse checks it when it reads it. */
function checkedValue(def: AzCommandDef, arg: ArgDef, value: string): string {
  let out = value;
  if (arg.type) {
    try {
      out = arg.type.convert(value);
    } catch {
      throw new ParseError(`argument ${arg.options.join('/')}: invalid ${arg.type.name} value: '${value}'`, def);
    }
  }
  if (arg.choices) {
    const choice = arg.choices.find((c) => c.toLowerCase() === out.toLowerCase());
    if (!choice) throw new ParseError(`az ${def.words.join(' ')}: '${value}' is not a valid value for '${arg.options[0]}'. Allowed values: ${arg.choices.join(', ')}.${didYouMean(value, arg.choices)}`, def);
    out = choice;
  }
  return out;
}

function parseArgs(def: AzCommandDef, tokens: string[]): Parsed {
  const args: Args = {};
  const unknown: string[] = [];
  let query: string | undefined;
  let output = 'json';
  let help = false;
  let subscription: string | undefined;
  const notInLab = optionsNotInLab(def);
  const withIds = [...def.args, ...(takesIds(def) ? [IDS_ARG] : []), ...(paginated(def) ? PAGINATION_ARGS : [])];
  const optionOf = (token: string) => withIds.find((a) => a.options.includes(token));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const eq = token.startsWith('--') ? token.indexOf('=') : -1;
    const attached = optionOf(token) || GLOBAL_FLAGS.has(token) ? undefined : attachedShort(def, token);
    const name = attached ? attached[0] : expandAbbreviation({ ...def, args: withIds }, eq > 0 ? token.slice(0, eq) : token);
    const inline = attached ? attached[1] : eq > 0 ? token.slice(eq + 1) : undefined;
    // A command's own option wins over a global one of the same name (`account set --subscription`).
    const arg = optionOf(name);
    const global = arg ? undefined : GLOBAL_VALUE_OPTIONS.get(name);
    if (GLOBAL_FLAGS.has(name)) {
      if (name === '-h' || name === '--help') help = true;
      continue;
    }
    if (!global && !arg) {
      if (notInLab.includes(name)) throw new ParseError(`argument ${name}: not available in this lab`, def);
      unknown.push(token);
      continue;
    }
    if (arg?.flag) {
      args[arg.dest] = true;
      continue;
    }
    if (arg?.nargs) {
      const values = inline !== undefined ? [inline] : [];
      while (inline === undefined && i + 1 < tokens.length && !isOptionLike(tokens[i + 1])) values.push(tokens[++i]);
      if (arg.nargs === '+' && values.length === 0) throw new ParseError(`argument ${arg.options.join('/')}: expected at least one argument`, def);
      args[arg.dest] = values.map((v) => checkedValue(def, arg, v));
      continue;
    }
    let value = inline;
    if (value === undefined && arg?.blank !== undefined && (tokens[i + 1] === undefined || isOptionLike(tokens[i + 1]))) value = arg.blank;
    if (value === undefined) {
      const next = tokens[i + 1];
      if (next === undefined || isOptionLike(next)) {
        const shown = arg ? arg.options.join('/') : name === '-o' || name === '--output' ? '--output/-o' : name;
        throw new ParseError(`argument ${shown}: expected one argument`, def);
      }
      value = next;
      i += 1;
    }
    if (global === 'query') query = value;
    else if (global === 'output') output = value;
    else if (global === 'subscription') subscription = value;
    else if (arg) args[arg.dest] = checkedValue(def, arg, value);
  }
  const ids = Array.isArray(args.ids) ? args.ids : undefined;
  delete args.ids;
  if (help) return { def, args, query, output, help, subscription };
  const missing = def.args.filter((a) => a.required && !a.idPart && args[a.dest] === undefined);
  // argparse lists the missing ones in the order the command declares them (the order of `args`).
  if (missing.length) throw new ParseError(`the following arguments are required: ${missing.map((a) => shownOptions(a, def)).join(', ')}`, def);
  // argparse reports leftovers from the top-level parser, whose help (az's own) has no examples.
  if (unknown.length) throw new ParseError(`unrecognized arguments: ${unknown.join(' ')}`, null);
  return { def, args, query, output, help, subscription, ids };
}

// Commands generated from the REST specs (aaz) declare a name as ["-n", "--name"]; argparse
// names an argument by its option strings in declaration order.
function shownOptions(arg: ArgDef, def: AzCommandDef): string {
  return def.shape === 'aaz' && arg.dest === 'name' ? '-n/--name' : arg.options.join('/');
}

/** Id parts the reader left out: aaz checks them after parsing; SDK commands ask for the name or --ids. */
function missingIdPart(def: AzCommandDef, args: Args, fromId?: (option: string) => string): CliError | undefined {
  const missing = def.args.filter((a) => a.required && a.idPart && args[a.dest] === undefined);
  if (!missing.length) return undefined;
  // SDK commands name every missing part at once; aaz checks the resource's own name first.
  if (missing[0].idPart === 'sdk' && !fromId) return new CliError(`(${missing.map((a) => a.options[0]).join(' ')} | --ids) are required`);
  const order = def.idCheckOrder ?? ['name'];
  const rank = (dest: string) => (order.includes(dest) ? order.indexOf(dest) : order.length);
  const first = [...missing].sort((a, b) => rank(a.dest) - rank(b.dest))[0];
  const option = first.dest === 'name' ? '-n' : first.options[0];
  return new CliError(fromId ? fromId(option) : `InvalidArgumentValue: Missing required field: ${option}`);
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
    case 'not-allowed':
      return failure.detail;
    default:
      return `Cannot reach Azure Resource Manager (${failure.endpoint}): ${failure.detail}`;
  }
}

/** What azure-cli's is_valid_resource_id takes: a subscription, then optionally a group, a provider's resource and its children. */
const RESOURCE_ID = /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+(\/providers\/[^/]+\/[^/]+\/[^/]+(\/[^/]+\/[^/]+)*)?)?$/i;

/** The id-part arguments one resource id gives (`--ids`): its subscription, group and names, the
 * names in the order the command declares its id-part arguments (a parent's name, then its own). */
function idArgs(def: AzCommandDef, id: string): { subscription?: string; args: Args } {
  if (!RESOURCE_ID.test(id)) throw new CliError(`invalid resource ID: ${id}`);
  const parts = id.split('/');
  const names = parts.slice(8).filter((_, i) => i % 2 === 0);
  const args: Args = {};
  const named = def.args.filter((a) => a.idPart && a.dest !== 'resource_group');
  if (parts[4] !== undefined) args.resource_group = parts[4];
  named.forEach((a, i) => {
    if (names[i] !== undefined) args[a.dest] = names[i];
  });
  const missing = missingIdPart(def, args, (option) => `Argument ${option} cannot be derived from ID ${id}. Please provide a complete resource ID containing all information of 'Resource Id' arguments. `);
  if (missing) throw missing;
  return { subscription: parts[2] || undefined, args };
}

/** --subscription: the lab's subscription by id or name (as az matches them, case aside); any other
 * value makes az warn and send it as the subscription id, which ARM then does not know. */
function chosenSubscription(ctx: CommandContext, typed: string | undefined): string {
  const account = ctx.world.info.account;
  const own = String(account.id ?? '');
  if (typed === undefined) return own;
  if ([own, String(account.name ?? '')].some((known) => known.toLowerCase() === typed.toLowerCase())) return own;
  ctx.stderr.write(`WARNING: Subscription '${typed}' not recognized.\n`);
  return typed;
}

function azContext(ctx: CommandContext, subscription: string): AzContext {
  const world = ctx.world;
  const answer = async (response: RestResponse) => {
    if (response.failure) throw new CliError(transportMessage(response.failure));
    if (response.status >= 200 && response.status < 300) return response.body;
    // ARM wraps errors in `error`; Azure Monitor (ODataV4) sends `{code, message}` bare.
    const body = response.body;
    const error = field(body, 'error') ?? (typeof field(body, 'code') === 'string' ? body : undefined);
    const [code, message, target] = [field(error, 'code'), field(error, 'message'), field(error, 'target')];
    throw new ArmError(response.status, String(code ?? 'Error'), String(message ?? `Operation returned an invalid status code ${response.status}`), typeof target === 'string' ? target : undefined);
  };
  const get = async (path: string) => answer(await world.arm(path));
  const armAction = world.armAction?.bind(world);
  const armWrite = world.armWrite?.bind(world);
  return {
    world,
    subscription,
    get,
    list: async (path: string) => arr(field(await get(path), 'value')),
    post: armAction ? async (path, body) => answer(await armAction(path, body)) : undefined,
    write: armWrite ? async (method, path, body) => answer(await armWrite({ method, path, body })) : undefined,
    now: () => ctx.session.now(),
    warn: (message) => ctx.stderr.write(`WARNING: ${message}\n`),
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
      return formatTsv(result);
    case 'none':
      return '';
    default: {
      const transform = queried ? undefined : parsed.def.table;
      const table = transform === undefined ? result : typeof transform === 'string' ? search(result, transform) : transform(result);
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
      const firstOption = tokens.findIndex((t) => t.startsWith('-'));
      const extension = extensionNotInstalled(firstOption < 0 ? tokens : tokens.slice(0, firstOption), ['-h', '--help'].includes(tokens[tokens.length - 1]));
      if (extension) {
        err(extension);
        return 2;
      }
      const unsimulated = notSimulated(firstOption < 0 ? tokens : tokens.slice(0, firstOption), path, node);
      if (unsimulated) {
        err(unsimulated);
        return 1;
      }
      // az suggests among all its commands there, not only those the lab has.
      const suggestion = closeMatches(word, [...new Set([...node.children.keys(), ...realChildren(path)])], 1, 0.7)[0];
      const inferred = suggestion ? node.children.get(suggestion) : undefined;
      err(`ERROR: '${word}' is misspelled or not recognized by the system.\n`);
      if (suggestion) err(`Did you mean '${suggestion}' ?\n`);
      // az looks up the examples of the line with the suggestion in place, cut at its first '-'
      // (inside a word too: `aro list-admin-credentials` gives `aro list`); a cut before an option
      // leaves a trailing space, which names no command.
      const inferredName = suggestion ? [...path, suggestion, ...tokens.slice(i + 1)].join(' ').split('-')[0] : '';
      let leaf: TreeNode | undefined = inferredName && !inferredName.endsWith(' ') ? root : undefined;
      for (const w of leaf ? inferredName.split(' ') : []) leaf = leaf?.children.get(w);
      err(recommendations(leaf?.command ?? null));
      return 2;
    }
    // A write the lab models is still refused in live mode, in the words of any other write.
    const refusal = ctx.world.source === 'live' && child.command?.writes ? azWriteRefusal(path, word) : undefined;
    if (refusal) {
      err(refusal);
      return 1;
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
    err(`ERROR: ${errorMessage(error)}\n${recommendations(error instanceof ParseError ? error.examplesOf : null, tokens.slice(i))}`);
    return 2;
  }
  if (parsed.help) {
    ctx.stdout.write(commandHelp(parsed.def));
    return 0;
  }
  if (!OUTPUTS.includes(parsed.output.toLowerCase())) {
    err(`ERROR: az ${parsed.def.words.join(' ')}: '${parsed.output}' is not a valid value for '--output'. Allowed values: ${OUTPUTS.join(', ')}.${didYouMean(parsed.output, OUTPUTS)}\n${recommendations(parsed.def, tokens.slice(i))}`);
    return 2;
  }
  let compiled: Query | undefined;
  if (parsed.query !== undefined) {
    try {
      compiled = compileQuery(parsed.query);
    } catch (error) {
      if (error instanceof QueryLimit) return queryError(error, err);
      err(`ERROR: argument --query: invalid jmespath_type value: '${parsed.query}'\n${QUERY_HELP}\n`);
      return 2;
    }
  }
  let result: unknown;
  /** Warnings az prints once the output is written. */
  const warnings: string[] = [];
  const subscription = parsed.def.ownSubscription ? String(ctx.world.info.account.id ?? '') : chosenSubscription(ctx, parsed.subscription);
  try {
    if (parsed.ids) {
      // One run per id, each in the id's subscription; several ids give a list.
      const results = [];
      for (const id of parsed.ids) {
        const from = idArgs(parsed.def, id);
        results.push(await parsed.def.fetch({ ...parsed.args, ...from.args }, azContext(ctx, from.subscription ?? subscription)));
      }
      result = shapeOutput(results.length === 1 ? results[0] : results, parsed.def.shape);
    } else {
      const idPart = missingIdPart(parsed.def, parsed.args);
      if (idPart) throw idPart;
      const { max_items: maxItems, next_token: nextToken, ...args } = parsed.args;
      let fetched = await parsed.def.fetch(args, azContext(ctx, subscription));
      // Without --max-items az reads every page and --next-token is ignored.
      if (typeof maxItems === 'string' && Array.isArray(fetched)) {
        const one = page(fetched, maxItems, typeof nextToken === 'string' ? nextToken : undefined);
        fetched = one.items;
        if (one.next) warnings.push(`WARNING: Token of next page: ${one.next}\n`);
      }
      result = shapeOutput(fetched, parsed.def.shape);
    }
  } catch (error) {
    if (error instanceof CliError) return cliError(error, err);
    if (!(error instanceof ArmError)) throw error;
    // azure-core's ODataV4Format: a target the service names comes last.
    err(`ERROR: (${error.code}) ${error.message}\nCode: ${error.code}\nMessage: ${error.message}\n${error.target ? `Target: ${error.target}\n` : ''}`);
    return error.status === 404 ? 3 : 1;
  }
  if (compiled !== undefined) {
    try {
      result = compiled.search(result);
    } catch (error) {
      // The output is shaped as it is read (shape.ts): a part the lab does not shape stops here.
      if (error instanceof CliError) return cliError(error, err);
      return queryError(error, err);
    }
  }
  // knack prints nothing at all for a null result, not even a newline.
  if (result === null || result === undefined) return 0;
  let text: string;
  try {
    text = render(result, parsed);
  } catch (error) {
    if (error instanceof OutputLimit) {
      // What fits is printed, then why it stops (on a line of its own, as the terminal shows both).
      if (error.prefix) ctx.stdout.write(error.prefix);
      err(`${error.prefix && !error.prefix.endsWith('\n') ? '\n' : ''}ERROR: ${error.message}\n`);
      return 1;
    }
    if (error instanceof CliError) return cliError(error, err);
    // A table transformer written in JMESPath runs on the result as a query does.
    if (error instanceof QueryError || error instanceof QueryCrash) return queryError(error, err);
    if (!(error instanceof TableUnavailable)) throw error;
    err('ERROR: Table output unavailable. Use the --query option to specify an appropriate query. Use --debug for more info.\n');
    return 1;
  }
  ctx.stdout.write(text);
  for (const warning of warnings) err(warning);
  return 0;
}

function cliError(error: CliError, err: (text: string) => void): number {
  err(`ERROR: ${error.message}\n`);
  return error.exit;
}

/** How az reports a query that failed: jmespath's errors (and the lab's limits) in its query frame. */
function queryError(error: unknown, err: (text: string) => void): number {
  // A Python exception other than jmespath's own: az reports an unexpected failure (its
  // traceback, which names files of the reader's machine, is left out).
  if (error instanceof QueryCrash) {
    err(`ERROR: The command failed with an unexpected error. Here is the traceback:\nERROR: ${error.message}\n${UNEXPECTED_TRAILER}`);
    return 1;
  }
  // The engine's own limits (call stack, string length) are a last line of defence behind the
  // query's budget: they are reported as the lab limit they stand for, never in JavaScript's words.
  if (error instanceof RangeError) error = /call stack/i.test(error.message) ? valueTooDeep() : workExceeded();
  if (!(error instanceof QueryError)) throw error;
  err(`ERROR: Invalid jmespath query supplied for \`--query\`: ${error.message}\n${QUERY_HELP}\n`);
  return 1;
}
