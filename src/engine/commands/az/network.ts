// az network public-ip, nic, nsg (and nsg rule), vnet (and vnet subnet), route-table.
import type { AzCommandDef } from './types.ts';
import { argDef, azCommand, CliError, nameArg, rgArg } from './types.ts';
import { childPath, collectionPath, resourcePath, subscriptionPath } from './paths.ts';
import { isPyDict } from '../../format/knack/python.ts';
import { arr, field, isJsonArray, str } from '../../world/json.ts';
import { childItems, namedChild } from './child.ts';

const N = 'Microsoft.Network';

/** A `list` (group optional) and a `show` of one resource type. */
function listAndShow(group: string, type: string, noun: string, list: string, show: string, table?: { list: (rs: unknown) => unknown; show: (r: unknown) => unknown }): AzCommandDef[] {
  return [
    azCommand({
      words: ['network', group, 'list'],
      summary: list,
      args: [rgArg(false)],
      examples: [{ command: `az network ${group} list -g MyResourceGroup`, summary: list }],
      shape: 'aaz',
      table: table?.list,
      fetch: (a, az) => az.list(collectionPath(az, a.resource_group, N, type)),
    }),
    azCommand({
      words: ['network', group, 'show'],
      summary: show,
      args: [rgArg(true, 'aaz'), nameArg(`${N}/${type}`, `The ${noun} name.`, undefined, undefined, 'aaz')],
      examples: [{ command: `az network ${group} show -g MyResourceGroup -n My${noun.replace(/ (\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase())}`, summary: show }],
      shape: 'aaz',
      table: table?.show,
      fetch: (a, az) => az.get(resourcePath(az, a.resource_group, N, type, a.name)),
    }),
  ];
}

// aaz keeps only the fields of the API version it was generated from: ARM's newer NIC fields
// (`kind`, `properties.allowPort25Out`) never reach today's az output.
const NIC_FIELDS_AZ_DROPS = ['kind', 'properties.allowPort25Out'];

/** The resource without the fields: shallow copies of the levels it changes, never the world's own. */
export function withoutFields(def: AzCommandDef, fields: string[]): AzCommandDef {
  const strip = (resource: unknown) => {
    if (!isPyDict(resource)) return resource;
    const out = { ...resource };
    for (const path of fields) {
      const [first, second] = path.split('.');
      if (second === undefined) delete out[first];
      else {
        const level = out[first];
        if (!isPyDict(level) || !(second in level)) continue;
        const { [second]: _dropped, ...rest } = level;
        out[first] = rest;
      }
    }
    return out;
  };
  return { ...def, fetch: async (a, az) => {
    const result = await def.fetch(a, az);
    return Array.isArray(result) ? result.map(strip) : strip(result);
  } };
}

// azure-cli's public-ip table transformer asks for camelCase keys (publicIpAddressVersion,
// publicIpAllocationMethod) that today's REST-cased output lacks: those two columns stay empty
// in every row and therefore vanish from the table.
function publicIpRow(r: unknown) {
  const zones = field(r, 'zones');
  return {
    Name: field(r, 'name'),
    ResourceGroup: field(r, 'resourceGroup'),
    Location: field(r, 'location'),
    Zones: isJsonArray(zones) && zones.length ? zones.join('') : ' ',
    Address: field(r, 'ipAddress') ?? null,
    AddressVersion: field(r, 'publicIpAddressVersion') ?? null,
    AllocationMethod: field(r, 'publicIpAllocationMethod') ?? null,
    IdleTimeoutInMinutes: field(r, 'idleTimeoutInMinutes') ?? null,
    ProvisioningState: field(r, 'provisioningState') ?? null,
  };
}

function vnetRow(r: unknown) {
  return {
    Name: field(r, 'name'),
    ResourceGroup: field(r, 'resourceGroup'),
    Location: field(r, 'location'),
    NumSubnets: arr(field(r, 'subnets')).length,
    Prefixes: arr(field(r, 'addressSpace', 'addressPrefixes')).join(', ') || ' ',
    DnsServers: arr(field(r, 'dhcpOptions', 'dnsServers')).join(', ') || ' ',
    DDOSProtection: field(r, 'enableDdosProtection') ?? null,
    VMProtection: field(r, 'enableVmProtection') ?? null,
  };
}

function nsgRuleRow(r: unknown) {
  const ranges = (one: string, many: string) => field(r, one) || arr(field(r, many)).join(' ');
  const asgs = (key: string) => {
    const groups = arr(field(r, key));
    return groups.length ? groups.map((x) => str(field(x, 'id')).split('/').pop()).join(' ') : 'None';
  };
  return {
    Name: field(r, 'name'),
    ResourceGroup: field(r, 'resourceGroup'),
    Priority: field(r, 'priority'),
    SourcePortRanges: ranges('sourcePortRange', 'sourcePortRanges'),
    SourceAddressPrefixes: ranges('sourceAddressPrefix', 'sourceAddressPrefixes'),
    SourceASG: asgs('sourceApplicationSecurityGroups'),
    Access: field(r, 'access'),
    Protocol: field(r, 'protocol'),
    Direction: field(r, 'direction'),
    DestinationPortRanges: ranges('destinationPortRange', 'destinationPortRanges'),
    DestinationAddressPrefixes: ranges('destinationAddressPrefix', 'destinationAddressPrefixes'),
    DestinationASG: asgs('destinationApplicationSecurityGroups'),
  };
}

const nicNameArg = argDef({ options: ['--nic-name'], dest: 'nic_name', help: 'Name of the network interface (NIC).', required: true, complete: { type: `${N}/networkInterfaces` } });

/** A row transformer for a list (a row per item) and for a show. */
const perRow = (row: (r: unknown) => unknown) => ({ list: (rs: unknown) => arr(rs).map(row), show: row });

export const networkCommands: AzCommandDef[] = [
  ...listAndShow('public-ip', 'publicIPAddresses', 'public IP address', 'List public IP addresses.', 'Get the details of a public IP address.', perRow(publicIpRow)),
  ...listAndShow('nic', 'networkInterfaces', 'network interface', 'List network interfaces.', 'Get the details of a network interface.').map((def) => withoutFields(def, NIC_FIELDS_AZ_DROPS)),
  ...listAndShow('nsg', 'networkSecurityGroups', 'network security group', 'List network security groups.', 'Get information about a network security group.'),
  ...listAndShow('vnet', 'virtualNetworks', 'virtual network', 'List virtual networks.', 'Get the details of a virtual network.').map((def) =>
    def.words[2] === 'list' ? { ...def, table: (rs: unknown) => arr(rs).map(vnetRow) } : def,
  ),
  ...listAndShow('route-table', 'routeTables', 'route table', 'List route tables.', 'Get the details of a route table.'),
  azCommand({
    words: ['network', 'nsg', 'rule', 'list'],
    summary: 'List all rules in a network security group.',
    args: [
      rgArg(),
      { options: ['--nsg-name'], dest: 'nsg_name', help: 'Name of the network security group.', required: true, complete: { type: `${N}/networkSecurityGroups` } },
      { options: ['--include-default'], dest: 'include_default', help: 'Include default security rules in the output.', flag: true },
    ],
    examples: [{ command: 'az network nsg rule list -g MyResourceGroup --nsg-name MyNsg', summary: 'List all rules in a network security group.' }],
    shape: 'aaz',
    table: (rs) => arr(rs).map(nsgRuleRow),
    async fetch(a, az) {
      const nsg = await az.get(resourcePath(az, a.resource_group, N, 'networkSecurityGroups', a.nsg_name));
      const rules = [...childItems(nsg, 'securityRules')];
      if (a.include_default) rules.push(...childItems(nsg, 'defaultSecurityRules'));
      return rules;
    },
  }),
  azCommand({
    words: ['network', 'nsg', 'rule', 'show'],
    summary: 'Get the details of a network security group rule.',
    args: [rgArg(true, 'aaz'), { options: ['--nsg-name'], dest: 'nsg_name', help: 'Name of the network security group.', required: true, complete: { type: `${N}/networkSecurityGroups` }, idPart: 'aaz' }, nameArg(`${N}/networkSecurityGroups/securityRules`, 'Name of the network security group rule.', 'nsg_name', `${N}/networkSecurityGroups`, 'aaz')],
    idCheckOrder: ['nsg_name', 'resource_group', 'name'],
    examples: [{ command: 'az network nsg rule show -g MyResourceGroup --nsg-name MyNsg -n MyNsgRule', summary: 'Get the details of a network security group rule.' }],
    shape: 'aaz',
    table: nsgRuleRow,
    fetch: (a, az) => az.get(childPath(az, a.resource_group, N, 'networkSecurityGroups', a.nsg_name, 'securityRules', a.name)),
  }),
  // A NIC's ip configurations: az reads the NIC and picks from it (a missing NIC is ARM's
  // ResourceNotFound, a missing configuration the bare ResourceNotFoundError).
  azCommand({
    words: ['network', 'nic', 'ip-config', 'list'],
    summary: 'List the IP configurations of an NIC.',
    args: [nicNameArg, rgArg()],
    examples: [{ command: 'az network nic ip-config list -g MyResourceGroup --nic-name MyNic', summary: 'List the IP configurations of an NIC.' }],
    shape: 'aaz',
    fetch: async (a, az) => [...childItems(await az.get(resourcePath(az, a.resource_group, N, 'networkInterfaces', a.nic_name)), 'ipConfigurations')],
  }),
  azCommand({
    words: ['network', 'nic', 'ip-config', 'show'],
    summary: 'Show the details of an IP configuration.',
    // In the order az declares them (argparse names the missing ones in it).
    args: [nicNameArg, rgArg(), nameArg(`${N}/networkInterfaces/ipConfigurations`, 'Name of the IP configuration.', 'nic_name', `${N}/networkInterfaces`)],
    examples: [{ command: 'az network nic ip-config show -g MyResourceGroup -n MyIpConfig --nic-name MyNic', summary: 'Show the details of an IP configuration of an NIC.' }],
    shape: 'aaz',
    async fetch(a, az) {
      const nic = await az.get(resourcePath(az, a.resource_group, N, 'networkInterfaces', a.nic_name));
      const found = namedChild(childItems(nic, 'ipConfigurations'), a.name);
      if (!found) throw new CliError('ResourceNotFoundError');
      return found;
    },
  }),
  azCommand({
    words: ['network', 'watcher', 'list'],
    summary: 'List Network Watchers.',
    args: [],
    examples: [],
    shape: 'aaz',
    fetch: (_a, az) => az.list(`${subscriptionPath(az)}/providers/${N}/networkWatchers`),
  }),
  azCommand({
    words: ['network', 'vnet', 'subnet', 'list'],
    summary: 'List the subnets in a virtual network.',
    args: [rgArg(), { options: ['--vnet-name'], dest: 'vnet_name', help: 'The virtual network (VNet) name.', required: true, complete: { type: `${N}/virtualNetworks` } }],
    examples: [{ command: 'az network vnet subnet list -g MyResourceGroup --vnet-name MyVNet', summary: 'List the subnets in a virtual network.' }],
    shape: 'aaz',
    fetch: (a, az) => az.list(childPath(az, a.resource_group, N, 'virtualNetworks', a.vnet_name, 'subnets')),
  }),
  azCommand({
    words: ['network', 'vnet', 'subnet', 'show'],
    summary: 'Show details of a subnet.',
    args: [rgArg(true, 'aaz'), { options: ['--vnet-name'], dest: 'vnet_name', help: 'The virtual network (VNet) name.', required: true, complete: { type: `${N}/virtualNetworks` }, idPart: 'aaz' }, nameArg(`${N}/virtualNetworks/subnets`, 'The subnet name.', 'vnet_name', `${N}/virtualNetworks`, 'aaz')],
    idCheckOrder: ['resource_group', 'name', 'vnet_name'],
    examples: [{ command: 'az network vnet subnet show -g MyResourceGroup -n MySubnet --vnet-name MyVNet', summary: 'Show the details of a subnet associated with a virtual network.' }],
    shape: 'aaz',
    fetch: (a, az) => az.get(childPath(az, a.resource_group, N, 'virtualNetworks', a.vnet_name, 'subnets', a.name)),
  }),
];
