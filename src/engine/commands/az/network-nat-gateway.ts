// az network nat gateway create|delete (aaz, API 2022-01-01, with azure-cli's GatewayCreate around
// the create): the create sends the Standard SKU, the public IPs and prefixes as ids (a name is
// made an id in -g), [takes the group's location,] and prints the gateway through the same schema
// as `nat gateway show` (natGatewayFields); the delete prints nothing.
import type { AzCommandDef, AzContext } from './types.ts';
import { nameArg, rgArg } from './types.ts';
import { groupPath, quote, resourcePath } from './paths.ts';
import { natGatewayFields } from './network-routes.ts';
import { armWrite, azWriteCommand, groupLocation, locationArg, lroResult, noWaitArg, tagsArg, tagsValue } from './writes.ts';
import type { JsonObject } from '../../world/json.ts';

const N = 'Microsoft.Network';
const NAT = `${N}/natGateways`;

/** AAZResourceIdArgFormat: an id as given, a name made an id of `type` in the command's group. */
const ids = (az: AzContext, group: string, type: string, values: string[]) =>
  values.map((v) => ({ id: v.startsWith('/') ? v : `${groupPath(az, group)}/providers/${N}/${type}/${quote(v)}` }));

export const natGatewayWriteCommands: AzCommandDef[] = [
  azWriteCommand({
    words: ['network', 'nat', 'gateway', 'create'],
    summary: 'Create a NAT gateway.',
    // In the order aaz declares them (argparse names the missing ones in it).
    args: [
      nameArg(NAT, 'Name of the NAT gateway.'),
      rgArg(),
      { options: ['--idle-timeout'], dest: 'idle_timeout', help: 'Idle timeout in minutes.' },
      locationArg,
      noWaitArg,
      { options: ['--public-ip-addresses'], dest: 'public_ip_addresses', help: 'Space-separated list of public IP addresses (Names or IDs).', nargs: '+', complete: { type: `${N}/publicIPAddresses` } },
      { options: ['--public-ip-prefixes'], dest: 'public_ip_prefixes', help: 'Space-separated list of public IP prefixes (Names or IDs).', nargs: '+' },
      tagsArg,
      { options: ['--zone', '-z'], dest: 'zone', help: 'Availability zone into which to provision the resource. Allowed values: 1, 2, 3.', nargs: '+' },
    ],
    examples: [{ command: 'az network nat gateway create --resource-group MyResourceGroup --name MyNatGateway --location MyLocation --public-ip-addresses MyPublicIp --public-ip-prefixes MyPublicIpPrefix --idle-timeout 4 --zone 2', summary: 'Create a NAT gateway.' }],
    shape: 'aaz',
    async fetch(a, az) {
      const tags = tagsValue(a.tags);
      const location = a.location ?? (await groupLocation(az, a.resource_group));
      const body: JsonObject = {};
      if (location !== undefined) body.location = location;
      const properties: JsonObject = {};
      if (a.idle_timeout !== undefined) properties.idleTimeoutInMinutes = Number(a.idle_timeout);
      if (a.public_ip_addresses) properties.publicIpAddresses = ids(az, a.resource_group, 'publicIPAddresses', a.public_ip_addresses);
      if (a.public_ip_prefixes) properties.publicIpPrefixes = ids(az, a.resource_group, 'publicIPPrefixes', a.public_ip_prefixes);
      body.properties = properties;
      body.sku = { name: 'Standard' };
      if (tags) body.tags = tags;
      if (a.zone) body.zones = a.zone;
      const result = await armWrite(az, 'PUT', resourcePath(az, a.resource_group, N, 'natGateways', a.name), body);
      return lroResult(natGatewayFields(result), a.no_wait);
    },
  }),
  azWriteCommand({
    words: ['network', 'nat', 'gateway', 'delete'],
    summary: 'Delete a NAT gateway.',
    args: [rgArg(true, 'aaz'), nameArg(NAT, 'Name of the NAT gateway.', undefined, undefined, 'aaz'), noWaitArg],
    examples: [{ command: 'az network nat gateway delete --resource-group MyResourceGroup --name MyNatGateway', summary: 'Delete a NAT gateway.' }],
    shape: 'aaz',
    async fetch(a, az) {
      await armWrite(az, 'DELETE', resourcePath(az, a.resource_group, N, 'natGateways', a.name));
      return null;
    },
  }),
];
