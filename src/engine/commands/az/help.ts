// `az … -h` and bare groups: az's help layout, for the commands this lab knows.
import type { AzCommandDef } from './types.ts';
import type { TreeNode } from './tree.ts';

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

function rows(entries: Array<[string, string]>): string[] {
  const width = Math.max(...entries.map(([n]) => n.length));
  return entries.map(([n, s]) => `    ${n.padEnd(width)} : ${s}`);
}

export function groupHelp(path: string[], node: TreeNode): string {
  const children = [...node.children.values()].sort((a, b) => (a.name < b.name ? -1 : 1));
  const groups = children.filter((c) => !c.command).map((c): [string, string] => [c.name, GROUP_SUMMARIES[[...path, c.name].join(' ')] ?? '']);
  const commands = children.filter((c) => c.command).map((c): [string, string] => [c.name, c.command!.summary]);
  const name = ['az', ...path].join(' ');
  const out = ['', 'Group', `    ${name}${path.length ? ` : ${GROUP_SUMMARIES[path.join(' ')] ?? ''}` : ''}`, ''];
  if (groups.length) out.push('Subgroups:', ...rows(groups), '');
  if (commands.length) out.push('Commands:', ...rows(commands), '');
  out.push(`To search AI knowledge base for examples, use: az find "${name}"`, '', '');
  return out.join('\n');
}

export function commandHelp(def: AzCommandDef): string {
  // Arguments first, then each named group ("Target Resource Arguments") in the order they appear.
  const groups = [...new Set(['Arguments', ...def.args.map((a) => (a.group ? `${a.group} Arguments` : 'Arguments'))])];
  const argsOf = (group: string) =>
    def.args.filter((a) => (a.group ? `${a.group} Arguments` : 'Arguments') === group).map((a): [string, string] => [`${a.options.join(' ')}${a.required ? ' [Required]' : ''}`, a.help]);
  const global: Array<[string, string]> = [
    ['--debug', 'Increase logging verbosity to show all debug logs.'],
    ['--help -h', 'Show this help message and exit.'],
    ['--only-show-errors', 'Only show errors, suppressing warnings.'],
    ['--output -o', 'Output format.  Allowed values: json, jsonc, none, table, tsv, yaml, yamlc.  Default: json.'],
    ['--query', 'JMESPath query string. See http://jmespath.org/ for more information and examples.'],
    ['--subscription', 'Name or ID of subscription.'],
    ['--verbose', 'Increase logging verbosity. Use --debug for full debug logs.'],
  ];
  const out = ['', 'Command', `    az ${def.words.join(' ')} : ${def.summary}`, ''];
  for (const group of groups) {
    const args = argsOf(group);
    if (args.length) out.push(group, ...rows(args), '');
  }
  out.push('Global Arguments', ...rows(global), '');
  if (def.examples.length) {
    out.push('Examples');
    for (const e of def.examples) out.push(`    ${e.summary}`, `        ${e.command}`, '');
  }
  out.push(`To search AI knowledge base for examples, use: az find "az ${def.words.join(' ')}"`, '', '');
  return out.join('\n');
}
