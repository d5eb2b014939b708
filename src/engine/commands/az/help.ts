// `az … -h` and bare groups: az's help layout, for the commands this lab knows.
import type { AzCommandDef } from './types.ts';
import type { TreeNode } from './tree.ts';
import { printIndent } from '../../format/knack/textwrap.ts';
import { AZ_HELP, type HelpData } from './help-data.ts';

export const GROUP_SUMMARIES: Record<string, string> = {
  '': 'Azure command-line interface (the subset this lab imitates).',
  aro: 'Manage Azure Red Hat OpenShift clusters.',
  network: 'Manage Azure Network resources.',
  'network lb': 'Manage and configure load balancers.',
  'network lb address-pool': 'Manage address pools of a load balancer.',
  'network lb frontend-ip': 'Manage frontend IP addresses of a load balancer.',
  'network lb rule': 'Manage load balancing rules.',
  'network lb probe': 'Evaluate probe information and define routing rules.',
  'network lb outbound-rule': 'Manage outbound rules of a load balancer.',
  'network lb inbound-nat-rule': 'Manage inbound NAT rules of a load balancer.',
  'network public-ip': 'Manage public IP addresses.',
  'network nic': 'Manage network interfaces.',
  'network nsg': 'Manage Azure Network Security Groups (NSGs).',
  'network nsg rule': 'Manage network security group rules.',
  'network vnet': 'Manage Azure Virtual Networks.',
  'network vnet subnet': 'Manage subnets in an Azure Virtual Network.',
  'network route-table': 'Manage route tables.',
  'network watcher': 'Manage the Azure Network Watcher.',
  'network nat': 'Manage NAT resources.',
  'network nat gateway': 'Manage NAT gateways.',
  vm: 'Manage Linux or Windows virtual machines.',
  group: 'Manage resource groups and template deployments.',
  account: 'Manage Azure subscription information.',
  monitor: 'Manage the Azure Monitor Service.',
  'monitor metrics': 'View Azure resource metrics.',
};

/** knack's item layout (_print_groups, _print_arguments): names padded to one column, the
 * `[Required]` tag in its own, ` : ` then the summary, wrapped at 100 columns under the summary. */
interface Item {
  name: string;
  tags: string;
  summary: string;
  group?: string;
  long?: string;
}

function layout(items: Item[], indent: number): string {
  const lineLength = (i: Item) => i.name.length + i.tags.length + (i.tags ? 2 : 1);
  const max = Math.max(0, ...items.map(lineLength));
  const hanging = max + indent * 4 + 2;
  let out = '';
  let group: string | undefined = '';
  for (const item of items) {
    if (item.group !== group) {
      if (item.group) out += `\n${item.group}\n`;
      group = item.group;
    }
    const padding = ' '.repeat(max - lineLength(item) + (item.tags ? 1 : 0));
    out += printIndent(`${item.name}${padding}${item.tags}${item.summary ? ' : ' : ''}${item.summary}`, indent, hanging);
    if (item.long) out += printIndent(item.long, 2);
  }
  return out;
}

export function groupHelp(path: string[], node: TreeNode): string {
  const children = [...node.children.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const item = (name: string, summary: string): Item => ({ name, tags: '', summary: summary.replace(/\n/g, ' ') });
  const groups = children.filter((c) => !c.command).map((c) => item(c.name, GROUP_SUMMARIES[[...path, c.name].join(' ')] ?? ''));
  const commands = children.filter((c) => c.command).map((c) => item(c.name, c.command!.summary));
  const name = ['az', ...path].join(' ');
  let out = `\nGroup\n${printIndent(`${name}${path.length ? ` : ${GROUP_SUMMARIES[path.join(' ')] ?? ''}` : ''}`, 1)}\n`;
  if (groups.length) out += `Subgroups:\n${layout(groups, 1)}\n`;
  if (commands.length) out += `Commands:\n${layout(commands, 1)}\n`;
  return `${out}To search AI knowledge base for examples, use: az find "${name}"\n\n`;
}

const SUBSCRIPTION_HELP = 'Name or ID of subscription. You can configure the default subscription using `az account set -s NAME_OR_ID`.';
const GLOBAL_ARGS: Array<[string, string]> = [
  ['--debug', 'Increase logging verbosity to show all debug logs.'],
  ['--help -h', 'Show this help message and exit.'],
  ['--only-show-errors', 'Only show errors, suppressing warnings.'],
  ['--output -o', 'Output format.  Allowed values: json, jsonc, none, table, tsv, yaml, yamlc.  Default: json.'],
  ['--query', 'JMESPath query string. See http://jmespath.org/ for more information and examples.'],
  ['--verbose', 'Increase logging verbosity. Use --debug for full debug logs.'],
];
const IDS_HELP = "One or more resource IDs (space-delimited). It should be a complete resource ID containing all information of 'Resource Id' arguments. You should provide either --ids or other 'Resource Id' arguments.";

/** An argument's name as az's help shows it: long options, then short ones, each sorted. */
const helpName = (options: string[]) => [...options.filter((o) => o.startsWith('--')).sort(), ...options.filter((o) => !o.startsWith('--')).sort()].join(' ');

/** The argument items of a command's help: az's own (help-data.ts) where the lab has them,
 * otherwise the lab's argument definitions. */
function argumentItems(def: AzCommandDef, data: HelpData | undefined): { items: Array<Item & { required: boolean }>; ids: boolean } {
  if (data) {
    const items = data.args.map((a) => ({ name: helpName(a.options), tags: a.required ? '[Required]' : '', summary: a.summary, group: a.group, long: a.long?.join('\n'), required: Boolean(a.required) }));
    return { items, ids: Boolean(data.ids) };
  }
  const ids = def.args.some((a) => a.idPart);
  const items = def.args.map((a) => {
    const required = Boolean(a.required) && !(ids && a.idPart);
    const choices = a.choices ? `  Allowed values: ${[...a.choices].sort().join(', ')}.` : '';
    return { name: helpName(a.options), tags: required ? '[Required]' : '', summary: `${a.help}${choices}`.trim(), group: ids && a.idPart ? 'Resource Id Arguments' : a.group ? `${a.group} Arguments` : undefined, required };
  });
  return { items, ids };
}

/** Options az's help lists for the command that the lab does not take (a reader who types one is told so). */
export function optionsNotInLab(def: AzCommandDef): string[] {
  const data = AZ_HELP[def.words.join(' ')];
  if (!data) return [];
  // --subscription is every command's, and pagination every list's that has it (the runner reads them).
  const runner = data.args.filter((a) => a.group === 'Pagination Arguments').flatMap((a) => a.options);
  const known = new Set([...def.args.flatMap((a) => a.options), '--subscription', ...runner]);
  return data.args.flatMap((a) => a.options).filter((o) => !known.has(o));
}

/** `az … -h` of a command, laid out as azure-cli 2.74 prints it off a terminal: the command's own
 * arguments (required first, then by name), each named group after them in alphabetical order
 * (with --ids, the resource's name parts and --subscription under "Resource Id Arguments"), then
 * the global ones; every item padded to one column and wrapped at 100. */
export function commandHelp(def: AzCommandDef): string {
  const data = AZ_HELP[def.words.join(' ')];
  const { items, ids } = argumentItems(def, data);
  const ownSubscription = items.some((i) => i.name.split(' ').includes('--subscription')) || Boolean(data?.noSubscription);
  if (ids) items.push({ name: '--ids', tags: '', summary: IDS_HELP, group: 'Resource Id Arguments', required: false });
  if (ids && !ownSubscription) items.push({ name: '--subscription', tags: '', summary: SUBSCRIPTION_HELP, group: 'Resource Id Arguments', required: false });
  const globals: Array<[string, string]> = ownSubscription || ids ? GLOBAL_ARGS : [...GLOBAL_ARGS, ['--subscription', SUBSCRIPTION_HELP]];
  for (const [name, summary] of globals) items.push({ name, tags: '', summary, group: 'Global Arguments', required: false });
  // knack's order: the default group, named groups alphabetically, Global Arguments last; required first within each.
  const named = [...new Set(items.map((i) => i.group).filter((g): g is string => g !== undefined && g !== 'Global Arguments'))].sort();
  const priority = (g: string | undefined) => (g === undefined ? 0 : g === 'Global Arguments' ? 1000 : 2 + named.indexOf(g));
  const key = (i: Item & { required: boolean }) => `${String(priority(i.group)).padStart(6, '0')}${i.required ? 'False' : 'True'}${i.name}`;
  items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const name = `az ${def.words.join(' ')}`;
  const long = data?.long ? `${printIndent(data.long.join('\n'), 2)}\n` : '\n';
  let out = `\nCommand\n${printIndent(`${name} : ${data?.summary ?? def.summary}`, 1)}${long}Arguments\n${layout(items, 1)}\n`;
  const examples = data ? data.examples.map((e) => ({ summary: e.summary, lines: e.command })) : def.examples.map((e) => ({ summary: e.summary, lines: [e.command] }));
  if (examples.length) {
    out += 'Examples\n';
    for (const e of examples) out += `${printIndent(e.summary, 1)}${printIndent(e.lines.join('\n'), 2)}\n`;
  }
  return `${out}To search AI knowledge base for examples, use: az find "${name}"\n\n`;
}
