// az network public-ip, nic, nsg (and nsg rule), vnet (and vnet subnet), route-table.
import type { AzCommandDef } from './types.ts';
import { nameArg, rgArg } from './types.ts';
import { CliError } from './types.ts';
import { childPath, collectionPath, resourcePath, subscriptionPath } from './paths.ts';

const N = 'Microsoft.Network';

/** A `list` (group optional) and a `show` of one resource type. */
function listAndShow(group: string, type: string, noun: string, list: string, show: string, table?: { list: (r: any) => unknown; show: (r: any) => unknown }): AzCommandDef[] {
  return [
    {
      words: ['network', group, 'list'],
      summary: list,
      args: [rgArg(false)],
      examples: [{ command: `az network ${group} list -g MyResourceGroup`, summary: list }],
      shape: 'aaz',
      table: table?.list,
      fetch: (a, az) => az.list(collectionPath(az, a.resource_group as string | undefined, N, type)),
    },
    {
      words: ['network', group, 'show'],
      summary: show,
      args: [rgArg(true, 'aaz'), nameArg(`${N}/${type}`, `The ${noun} name.`, undefined, undefined, 'aaz')],
      examples: [{ command: `az network ${group} show -g MyResourceGroup -n My${noun.replace(/ (\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase())}`, summary: show }],
      shape: 'aaz',
      table: table?.show,
      fetch: (a, az) => az.get(resourcePath(az, a.resource_group as string, N, type, a.name as string)),
    },
  ];
}

// aaz keeps only the fields of the API version it was generated from: ARM's newer NIC fields
// (`kind`, `properties.allowPort25Out`) never reach today's az output.
const NIC_FIELDS_AZ_DROPS = ['kind', 'properties.allowPort25Out'];

const isDict = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The resource without the fields: shallow copies of the levels it changes, never the world's own. */
export function withoutFields(def: AzCommandDef, fields: string[]): AzCommandDef {
  const strip = (resource: unknown) => {
    if (!isDict(resource)) return resource;
    const out = { ...resource };
    for (const field of fields) {
      const [first, second] = field.split('.');
      if (second === undefined) delete out[first];
      else if (isDict(out[first]) && second in out[first]) {
        const { [second]: _dropped, ...rest } = out[first];
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
function publicIpRow(r: any) {
  return {
    Name: r.name,
    ResourceGroup: r.resourceGroup,
    Location: r.location,
    Zones: r.zones?.length ? r.zones.join('') : ' ',
    Address: r.ipAddress ?? null,
    AddressVersion: r.publicIpAddressVersion ?? null,
    AllocationMethod: r.publicIpAllocationMethod ?? null,
    IdleTimeoutInMinutes: r.idleTimeoutInMinutes ?? null,
    ProvisioningState: r.provisioningState ?? null,
  };
}

function vnetRow(r: any) {
  return {
    Name: r.name,
    ResourceGroup: r.resourceGroup,
    Location: r.location,
    NumSubnets: (r.subnets ?? []).length,
    Prefixes: (r.addressSpace?.addressPrefixes ?? []).join(', ') || ' ',
    DnsServers: (r.dhcpOptions?.dnsServers ?? []).join(', ') || ' ',
    DDOSProtection: r.enableDdosProtection ?? null,
    VMProtection: r.enableVmProtection ?? null,
  };
}

function nsgRuleRow(r: any) {
  const ranges = (one: unknown, many: unknown) => (one as string) || ((many as string[] | undefined) ?? []).join(' ');
  const asgs = (value: unknown) => (Array.isArray(value) && value.length ? value.map((x: any) => x.id.split('/').pop()).join(' ') : 'None');
  return {
    Name: r.name,
    ResourceGroup: r.resourceGroup,
    Priority: r.priority,
    SourcePortRanges: ranges(r.sourcePortRange, r.sourcePortRanges),
    SourceAddressPrefixes: ranges(r.sourceAddressPrefix, r.sourceAddressPrefixes),
    SourceASG: asgs(r.sourceApplicationSecurityGroups),
    Access: r.access,
    Protocol: r.protocol,
    Direction: r.direction,
    DestinationPortRanges: ranges(r.destinationPortRange, r.destinationPortRanges),
    DestinationAddressPrefixes: ranges(r.destinationAddressPrefix, r.destinationAddressPrefixes),
    DestinationASG: asgs(r.destinationApplicationSecurityGroups),
  };
}

const nicNameArg = { options: ['--nic-name'], dest: 'nic_name', help: 'Name of the network interface (NIC).', required: true, complete: { type: `${N}/networkInterfaces` } };

const perRow = (row: (r: any) => unknown) => ({ list: (rs: any[]) => rs.map(row), show: row });

export const networkCommands: AzCommandDef[] = [
  ...listAndShow('public-ip', 'publicIPAddresses', 'public IP address', 'List public IP addresses.', 'Get the details of a public IP address.', perRow(publicIpRow)),
  ...listAndShow('nic', 'networkInterfaces', 'network interface', 'List network interfaces.', 'Get the details of a network interface.').map((def) => withoutFields(def, NIC_FIELDS_AZ_DROPS)),
  ...listAndShow('nsg', 'networkSecurityGroups', 'network security group', 'List network security groups.', 'Get information about a network security group.'),
  ...listAndShow('vnet', 'virtualNetworks', 'virtual network', 'List virtual networks.', 'Get the details of a virtual network.').map((def) =>
    def.words[2] === 'list' ? { ...def, table: (rs: any[]) => rs.map(vnetRow) } : def,
  ),
  ...listAndShow('route-table', 'routeTables', 'route table', 'List route tables.', 'Get the details of a route table.'),
  {
    words: ['network', 'nsg', 'rule', 'list'],
    summary: 'List all rules in a network security group.',
    args: [
      rgArg(),
      { options: ['--nsg-name'], dest: 'nsg_name', help: 'Name of the network security group.', required: true, complete: { type: `${N}/networkSecurityGroups` } },
      { options: ['--include-default'], dest: 'include_default', help: 'Include default security rules in the output.', flag: true },
    ],
    examples: [{ command: 'az network nsg rule list -g MyResourceGroup --nsg-name MyNsg', summary: 'List all rules in a network security group.' }],
    shape: 'aaz',
    table: (rs: any[]) => rs.map(nsgRuleRow),
    async fetch(a, az) {
      const nsg = await az.get(resourcePath(az, a.resource_group as string, N, 'networkSecurityGroups', a.nsg_name as string));
      const rules = [...(nsg.properties?.securityRules ?? [])];
      if (a.include_default) rules.push(...(nsg.properties?.defaultSecurityRules ?? []));
      return rules;
    },
  },
  {
    words: ['network', 'nsg', 'rule', 'show'],
    summary: 'Get the details of a network security group rule.',
    args: [rgArg(true, 'aaz'), { options: ['--nsg-name'], dest: 'nsg_name', help: 'Name of the network security group.', required: true, complete: { type: `${N}/networkSecurityGroups` }, idPart: 'aaz' }, nameArg(`${N}/networkSecurityGroups/securityRules`, 'Name of the network security group rule.', 'nsg_name', `${N}/networkSecurityGroups`, 'aaz')],
    idCheckOrder: ['nsg_name', 'resource_group', 'name'],
    examples: [{ command: 'az network nsg rule show -g MyResourceGroup --nsg-name MyNsg -n MyNsgRule', summary: 'Get the details of a network security group rule.' }],
    shape: 'aaz',
    table: nsgRuleRow,
    fetch: (a, az) => az.get(childPath(az, a.resource_group as string, N, 'networkSecurityGroups', a.nsg_name as string, 'securityRules', a.name as string)),
  },
  // A NIC's ip configurations: az reads the NIC and picks from it (a missing NIC is ARM's
  // ResourceNotFound, a missing configuration the bare ResourceNotFoundError).
  {
    words: ['network', 'nic', 'ip-config', 'list'],
    summary: 'List the IP configurations of an NIC.',
    args: [nicNameArg, rgArg()],
    examples: [{ command: 'az network nic ip-config list -g MyResourceGroup --nic-name MyNic', summary: 'List the IP configurations of an NIC.' }],
    shape: 'aaz',
    fetch: async (a, az) => [...((await az.get(resourcePath(az, a.resource_group as string, N, 'networkInterfaces', a.nic_name as string))).properties?.ipConfigurations ?? [])],
  },
  {
    words: ['network', 'nic', 'ip-config', 'show'],
    summary: 'Show the details of an IP configuration.',
    // In the order az declares them (argparse names the missing ones in it).
    args: [nicNameArg, rgArg(), nameArg(`${N}/networkInterfaces/ipConfigurations`, 'Name of the IP configuration.', 'nic_name', `${N}/networkInterfaces`)],
    examples: [{ command: 'az network nic ip-config show -g MyResourceGroup -n MyIpConfig --nic-name MyNic', summary: 'Show the details of an IP configuration of an NIC.' }],
    shape: 'aaz',
    async fetch(a, az) {
      const nic = await az.get(resourcePath(az, a.resource_group as string, N, 'networkInterfaces', a.nic_name as string));
      const found = (nic.properties?.ipConfigurations ?? []).find((c: { name?: string }) => c.name?.toLowerCase() === String(a.name).toLowerCase());
      if (!found) throw new CliError('ResourceNotFoundError');
      return found;
    },
  },
  {
    words: ['network', 'watcher', 'list'],
    summary: 'List Network Watchers.',
    args: [],
    examples: [],
    shape: 'aaz',
    fetch: (_a, az) => az.list(`${subscriptionPath(az)}/providers/${N}/networkWatchers`),
  },
  {
    words: ['network', 'vnet', 'subnet', 'list'],
    summary: 'List the subnets in a virtual network.',
    args: [rgArg(), { options: ['--vnet-name'], dest: 'vnet_name', help: 'The virtual network (VNet) name.', required: true, complete: { type: `${N}/virtualNetworks` } }],
    examples: [{ command: 'az network vnet subnet list -g MyResourceGroup --vnet-name MyVNet', summary: 'List the subnets in a virtual network.' }],
    shape: 'aaz',
    fetch: (a, az) => az.list(childPath(az, a.resource_group as string, N, 'virtualNetworks', a.vnet_name as string, 'subnets')),
  },
  {
    words: ['network', 'vnet', 'subnet', 'show'],
    summary: 'Show details of a subnet.',
    args: [rgArg(true, 'aaz'), { options: ['--vnet-name'], dest: 'vnet_name', help: 'The virtual network (VNet) name.', required: true, complete: { type: `${N}/virtualNetworks` }, idPart: 'aaz' }, nameArg(`${N}/virtualNetworks/subnets`, 'The subnet name.', 'vnet_name', `${N}/virtualNetworks`, 'aaz')],
    idCheckOrder: ['resource_group', 'name', 'vnet_name'],
    examples: [{ command: 'az network vnet subnet show -g MyResourceGroup -n MySubnet --vnet-name MyVNet', summary: 'Show the details of a subnet associated with a virtual network.' }],
    shape: 'aaz',
    fetch: (a, az) => az.get(childPath(az, a.resource_group as string, N, 'virtualNetworks', a.vnet_name as string, 'subnets', a.name as string)),
  },
];
