// az network vnet subnet update (aaz, API 2022-01-01, with azure-cli's VNetSubnetUpdate around it):
// a GET of the subnet, the arguments applied to it, a PUT of the whole subnet; prints the subnet.
//   --route-table, --nat-gateway, --nsg: a name (in -g) or an id; `null` detaches (aaz's nullable
//     argument; VNetSubnetUpdate.post_instance_update then leaves the reference out);
//   --address-prefixes: one prefix goes to addressPrefix, several to addressPrefixes
//     (_handle_plural_or_singular);
//   --remove PATH, --set PATH=VALUE: aaz's generic update on the subnet's properties as az shows
//     them (`--remove routeTable`, `--set privateEndpointNetworkPolicies=Enabled`).
import type { AzCommandDef, AzContext } from './types.ts';
import { argDef, CliError, nameArg, rgArg } from './types.ts';
import { childPath, groupPath, quote } from './paths.ts';
import { armWrite, azWriteCommand, lroResult, noWaitArg } from './writes.ts';
import { isJsonObject, obj, parseJson, type Json, type JsonObject } from '../../world/json.ts';

const N = 'Microsoft.Network';

/** A reference argument's value: an id as given, a name made an id in the command's group, null to detach. */
function reference(az: AzContext, group: string, type: string, value: string): Json {
  if (value === 'null') return null;
  const id = value.startsWith('/') ? value : `${groupPath(az, group)}/providers/${N}/${type}/${quote(value)}`;
  return { id };
}

/** aaz's generic update paths on the subnet: the shown (flattened) name of a property. */
function propertyKey(properties: JsonObject, path: string): string {
  const key = Object.keys(properties).find((k) => k.toLowerCase() === path.toLowerCase());
  return key ?? path;
}

/** `--set KEY=VALUE`: the value as JSON when it is JSON, else the text (aaz's generic update). */
function setValue(text: string): Json {
  try {
    return parseJson(text);
  } catch {
    return text;
  }
}

export const subnetUpdateCommands: AzCommandDef[] = [
  azWriteCommand({
    words: ['network', 'vnet', 'subnet', 'update'],
    summary: 'Update a subnet.',
    args: [
      rgArg(true, 'aaz'),
      argDef({ options: ['--vnet-name'], dest: 'vnet_name', help: 'The virtual network (VNet) name.', required: true, complete: { type: `${N}/virtualNetworks` }, idPart: 'aaz' }),
      nameArg(`${N}/virtualNetworks/subnets`, 'The subnet name.', 'vnet_name', `${N}/virtualNetworks`, 'aaz'),
      { options: ['--address-prefixes'], dest: 'address_prefixes', help: 'Space-separated list of address prefixes in CIDR format.', nargs: '+' },
      { options: ['--nat-gateway'], dest: 'nat_gateway', help: 'Name or ID of a NAT gateway to attach. Use null to detach it.', complete: { type: `${N}/natGateways` } },
      { options: ['--network-security-group', '--nsg'], dest: 'network_security_group', help: 'Name or ID of a network security group (NSG). Use null to detach it.', complete: { type: `${N}/networkSecurityGroups` } },
      noWaitArg,
      { options: ['--route-table'], dest: 'route_table', help: 'Name or ID of a route table to associate with the subnet. Use null to detach it.', complete: { type: `${N}/routeTables` } },
      { options: ['--remove'], dest: 'remove', help: 'Remove a property or an element from a list.', nargs: '+', group: 'Generic Update Arguments' },
      { options: ['--set'], dest: 'set', help: 'Update an object by specifying a property path and value to set.', nargs: '+', group: 'Generic Update Arguments' },
    ],
    idCheckOrder: ['resource_group', 'name', 'vnet_name'],
    examples: [
      { command: 'az network vnet subnet update -g MyResourceGroup -n MySubnet --vnet-name MyVNet --network-security-group MyNsg', summary: 'Associate a network security group to a subnet.' },
      { command: 'az network vnet subnet update -g MyResourceGroup --vnet-name MyVNet -n MySubnet --nsg null', summary: 'Detach a network security group in a subnet.' },
    ],
    shape: 'aaz',
    async fetch(a, az) {
      const path = childPath(az, a.resource_group, N, 'virtualNetworks', a.vnet_name, 'subnets', a.name);
      const subnet = await az.get(path);
      const properties: JsonObject = { ...obj(isJsonObject(subnet) ? subnet.properties : undefined) };
      if (a.address_prefixes) {
        delete properties.addressPrefix;
        delete properties.addressPrefixes;
        if (a.address_prefixes.length === 1) properties.addressPrefix = a.address_prefixes[0];
        else properties.addressPrefixes = a.address_prefixes;
      }
      const references: Array<[string, string, string | undefined]> = [
        ['natGateway', 'natGateways', a.nat_gateway],
        ['networkSecurityGroup', 'networkSecurityGroups', a.network_security_group],
        ['routeTable', 'routeTables', a.route_table],
      ];
      for (const [key, type, value] of references) {
        if (value === undefined) continue;
        const ref = reference(az, a.resource_group, type, value);
        if (ref === null) delete properties[key];
        else properties[key] = ref;
      }
      for (const assignment of a.set ?? []) {
        const eq = assignment.indexOf('=');
        if (eq < 0) throw new CliError(`usage error: --set property=value`);
        properties[propertyKey(properties, assignment.slice(0, eq))] = setValue(assignment.slice(eq + 1));
      }
      for (const removed of a.remove ?? []) delete properties[propertyKey(properties, removed)];
      const body: JsonObject = { ...obj(subnet), properties };
      return lroResult(await armWrite(az, 'PUT', path, body), a.no_wait);
    },
  }),
];
