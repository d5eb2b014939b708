// az network nsg create|delete and az network nsg rule create|update|delete (aaz, API 2022-01-01):
//   nsg create        [GET of the group for its location,] PUT of the NSG; prints {"NewNSG": NSG}
//                     (azure-cli's NSGCreate._output)
//   nsg delete        DELETE of the NSG; prints nothing
//   nsg rule create   PUT of …/securityRules/NAME; prints the rule. A list argument of one value
//                     is sent in the singular field (NSGRuleCreate.pre_operations,
//                     _handle_plural_or_singular); the defaults are aaz's: Allow, Inbound, `*`,
//                     from any address and port to any address, port 80
//   nsg rule update   GET of the rule, PUT of it changed (aaz's generic update): the singular
//                     fields become lists for the update and lists of one value singular again
//                     (NSGRuleUpdate.pre_instance_update/post_instance_update); prints the rule
//   nsg rule delete   DELETE of …/securityRules/NAME; prints nothing
import type { AzCommandDef, AzContext } from './types.ts';
import { argDef, argDefs, CliError, nameArg, rgArg } from './types.ts';
import { childPath, resourcePath, subscriptionPath } from './paths.ts';
import { armWrite, azWriteCommand, groupLocation, locationArg, lroResult, noWaitArg, tagsArg, tagsValue } from './writes.ts';
import { arr, field, isJsonObject, obj, str, type Json, type JsonObject } from '../../world/json.ts';

const N = 'Microsoft.Network';
const NSG = `${N}/networkSecurityGroups`;

const nsgNameArg = argDef({ options: ['--nsg-name'], dest: 'nsg_name', help: 'Name of the network security group.', required: true, complete: { type: NSG } });
const nsgIdPartArg = argDef({ ...nsgNameArg, idPart: 'aaz' });
const ruleNameArg = nameArg(`${NSG}/securityRules`, 'Name of the network security group rule.', 'nsg_name', NSG);
const ruleIdPartArg = nameArg(`${NSG}/securityRules`, 'Name of the network security group rule.', 'nsg_name', NSG, 'aaz');

/** aaz's int argument, read when the command starts (after argparse, before any request): a value
 * Python's int() cannot read stops it. */
function priorityValue(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\s*[-+]?\d+\s*$/.test(value)) throw new CliError(`Failed to parse '--priority' argument: invalid literal for int() with base 10: '${value}'`);
  return Number(value);
}

/** The arguments a rule's create and update share, in aaz's order after the rule's name. */
const ruleArgs = argDefs([
  { options: ['--access'], dest: 'access', help: 'Network traffic is allowed or denied.', choices: ['Allow', 'Deny'] },
  { options: ['--description'], dest: 'description', help: 'Description for this rule. Restricted to 140 chars.' },
  { options: ['--direction'], dest: 'direction', help: 'Direction of the rule. The direction specifies if rule will be evaluated on incoming or outgoing traffic.', choices: ['Inbound', 'Outbound'] },
  { options: ['--protocol'], dest: 'protocol', help: 'Network protocol this rule applies to.', choices: ['*', 'Ah', 'Esp', 'Icmp', 'Tcp', 'Udp'] },
  { options: ['--destination-address-prefixes'], dest: 'destination_address_prefixes', help: 'Space-separated list of CIDR prefixes or IP ranges.', nargs: '+', group: 'Destination' },
  { options: ['--destination-asgs'], dest: 'destination_asgs', help: 'Space-separated list of application security group names or IDs.', nargs: '+', group: 'Destination' },
  { options: ['--destination-port-ranges'], dest: 'destination_port_ranges', help: 'Space-separated list of ports or port ranges between 0-65535.', nargs: '+', group: 'Destination' },
  { options: ['--source-address-prefixes'], dest: 'source_address_prefixes', help: 'Space-separated list of CIDR prefixes or IP ranges.', nargs: '+', group: 'Source' },
  { options: ['--source-asgs'], dest: 'source_asgs', help: 'Space-separated list of application security group names or IDs.', nargs: '+', group: 'Source' },
  { options: ['--source-port-ranges'], dest: 'source_port_ranges', help: 'Space-separated list of ports or port ranges between 0-65535.', nargs: '+', group: 'Source' },
]);

const PRIORITY_HELP = 'Priority of the rule. The value can be between 100 and 4096. The priority number must be unique for each rule in the collection. The lower the priority number, the higher the priority of the rule.';

/** The list arguments of a rule and the fields they fill (plural, singular). */
const LISTS = [
  ['destination_address_prefixes', 'destinationAddressPrefixes', 'destinationAddressPrefix'],
  ['destination_port_ranges', 'destinationPortRanges', 'destinationPortRange'],
  ['source_address_prefixes', 'sourceAddressPrefixes', 'sourceAddressPrefix'],
  ['source_port_ranges', 'sourcePortRanges', 'sourcePortRange'],
] as const;

type RuleArgs = Partial<Record<(typeof ruleArgs)[number]['dest'], string | string[] | true>>;

/** An application security group named or given by id, as aaz's AAZResourceIdArgFormat completes it. */
function asgRefs(az: AzContext, group: string, values: string[]): JsonObject[] {
  return values.map((v) => ({ id: v.startsWith('/') ? v : `${subscriptionPath(az)}/resourceGroups/${group}/providers/${N}/applicationSecurityGroups/${v}` }));
}

const list = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined);

function createProperties(a: RuleArgs, priority: number | undefined, az: AzContext, group: string): JsonObject {
  const props: JsonObject = { access: str(a.access) || 'Allow' };
  if (typeof a.description === 'string') props.description = a.description;
  const defaults: Record<string, string> = { destination_address_prefixes: '*', destination_port_ranges: '80', source_address_prefixes: '*', source_port_ranges: '*' };
  for (const [dest, plural, singular] of LISTS) {
    const values = list(a[dest]) ?? [defaults[dest]];
    if (values.length === 1) props[singular] = values[0];
    else props[plural] = values;
  }
  props.direction = str(a.direction) || 'Inbound';
  if (priority !== undefined) props.priority = priority;
  props.protocol = str(a.protocol) || '*';
  const destinationAsgs = list(a.destination_asgs);
  const sourceAsgs = list(a.source_asgs);
  // An application security group stands for the address prefix of its side.
  if (destinationAsgs) {
    props.destinationApplicationSecurityGroups = asgRefs(az, group, destinationAsgs);
    delete props.destinationAddressPrefix;
  }
  if (sourceAsgs) {
    props.sourceApplicationSecurityGroups = asgRefs(az, group, sourceAsgs);
    delete props.sourceAddressPrefix;
  }
  return props;
}

/** The rule's properties changed by the update's arguments (aaz's generic update of the instance). */
function updatedProperties(rule: Json, a: RuleArgs, priority: number | undefined, az: AzContext, group: string): JsonObject {
  const props: JsonObject = { ...obj(field(rule, 'properties')) };
  for (const [, plural, singular] of LISTS) {
    if (typeof props[singular] === 'string' && props[singular] !== '') {
      props[plural] = [props[singular]];
      delete props[singular];
    }
  }
  for (const key of ['access', 'description', 'direction', 'protocol'] as const) if (typeof a[key] === 'string') props[key] = a[key];
  if (priority !== undefined) props.priority = priority;
  for (const [dest, plural] of LISTS) {
    const values = list(a[dest]);
    if (values) props[plural] = values;
  }
  const destinationAsgs = list(a.destination_asgs);
  const sourceAsgs = list(a.source_asgs);
  if (destinationAsgs) props.destinationApplicationSecurityGroups = asgRefs(az, group, destinationAsgs);
  if (sourceAsgs) props.sourceApplicationSecurityGroups = asgRefs(az, group, sourceAsgs);
  for (const [, plural, singular] of LISTS) {
    const values = arr(props[plural]);
    if (values.length === 1) {
      props[singular] = values[0];
      delete props[plural];
    } else if (values.length === 0) delete props[plural];
  }
  delete props.provisioningState;
  return props;
}

export const nsgWriteCommands: AzCommandDef[] = [
  azWriteCommand({
    words: ['network', 'nsg', 'create'],
    summary: 'Create a network security group.',
    args: [nameArg(NSG, 'Name of the network security group.'), rgArg(), locationArg, noWaitArg, tagsArg],
    examples: [{ command: 'az network nsg create -g MyResourceGroup -n MyNsg --tags foo=bar', summary: 'Create an NSG in a resource group within a region with tags.' }],
    shape: 'aaz',
    async fetch(a, az) {
      const location = a.location ?? (await groupLocation(az, a.resource_group));
      const body: JsonObject = {};
      if (location !== undefined) body.location = location;
      const tags = tagsValue(a.tags);
      if (tags) body.tags = tags;
      const nsg = await armWrite(az, 'PUT', resourcePath(az, a.resource_group, N, 'networkSecurityGroups', a.name), body);
      return a.no_wait ? null : { NewNSG: nsg };
    },
  }),
  azWriteCommand({
    words: ['network', 'nsg', 'delete'],
    summary: 'Delete a network security group.',
    args: [nameArg(NSG, 'Name of the network security group.', undefined, undefined, 'aaz'), rgArg(true, 'aaz'), noWaitArg],
    examples: [{ command: 'az network nsg delete -g MyResourceGroup -n MyNsg', summary: 'Delete an NSG in a resource group.' }],
    shape: 'aaz',
    async fetch(a, az) {
      await armWrite(az, 'DELETE', resourcePath(az, a.resource_group, N, 'networkSecurityGroups', a.name));
      return null;
    },
  }),
  azWriteCommand({
    words: ['network', 'nsg', 'rule', 'create'],
    summary: 'Create a network security group rule.',
    args: [nsgNameArg, rgArg(), ruleNameArg, { options: ['--priority'], dest: 'priority', help: PRIORITY_HELP, required: true }, ...ruleArgs, noWaitArg],
    examples: [
      { command: 'az network nsg rule create -g MyResourceGroup --nsg-name MyNsg -n MyNsgRule --priority 100', summary: 'Create a basic "Allow" NSG rule with the highest priority.' },
      {
        command: 'az network nsg rule create -g MyResourceGroup --nsg-name MyNsg -n MyNsgRuleWithAsg --priority 500 --source-address-prefixes Internet --destination-port-ranges 80 8080 --destination-asgs Web --access Allow --protocol Tcp --description "Allow Internet to Web ASG on ports 80,8080."',
        summary: 'Create a security rule using application security groups (https://aka.ms/applicationsecuritygroups).',
      },
    ],
    shape: 'aaz',
    async fetch(a, az) {
      const priority = priorityValue(a.priority);
      const path = childPath(az, a.resource_group, N, 'networkSecurityGroups', a.nsg_name, 'securityRules', a.name);
      return lroResult(await armWrite(az, 'PUT', path, { name: a.name, properties: createProperties(a, priority, az, a.resource_group) }), a.no_wait);
    },
  }),
  azWriteCommand({
    words: ['network', 'nsg', 'rule', 'update'],
    summary: 'Update a network security group rule.',
    args: [nsgIdPartArg, rgArg(true, 'aaz'), ruleIdPartArg, { options: ['--priority'], dest: 'priority', help: PRIORITY_HELP }, ...ruleArgs, noWaitArg],
    idCheckOrder: ['name', 'nsg_name', 'resource_group'],
    examples: [{ command: 'az network nsg rule update -g MyResourceGroup --nsg-name MyNsg -n MyNsgRule --destination-address-prefixes 208.130.28/24', summary: 'Update an NSG rule with a new wildcard destination address prefix.' }],
    shape: 'aaz',
    async fetch(a, az) {
      const priority = priorityValue(a.priority);
      const path = childPath(az, a.resource_group, N, 'networkSecurityGroups', a.nsg_name, 'securityRules', a.name);
      const rule = await az.get(path);
      const body: JsonObject = isJsonObject(rule) ? { ...rule } : {};
      body.properties = updatedProperties(rule, a, priority, az, a.resource_group);
      return lroResult(await armWrite(az, 'PUT', path, body), a.no_wait);
    },
  }),
  azWriteCommand({
    words: ['network', 'nsg', 'rule', 'delete'],
    summary: 'Delete a network security group rule.',
    args: [nsgIdPartArg, rgArg(true, 'aaz'), ruleIdPartArg, noWaitArg],
    idCheckOrder: ['name', 'nsg_name', 'resource_group'],
    examples: [{ command: 'az network nsg rule delete -g MyResourceGroup --nsg-name MyNsg -n MyNsgRule', summary: 'Delete a network security group rule.' }],
    shape: 'aaz',
    async fetch(a, az) {
      await armWrite(az, 'DELETE', childPath(az, a.resource_group, N, 'networkSecurityGroups', a.nsg_name, 'securityRules', a.name));
      return null;
    },
  }),
];
