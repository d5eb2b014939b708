// az network private-endpoint, private-dns zone, vnet peering and route-table route: the
// resources a private cluster and egress lockdown bring (the service's private endpoint in the
// node resource group, the 2020 cluster's private DNS zone, a hub VNet peered with the cluster's,
// the route table that sends egress to a firewall). Without a table transformer az prints its
// default table (every scalar field, in key order); private-dns zones have their own.
import type { AzCommandDef } from './types.ts';
import { argDef, azCommand, nameArg, rgArg } from './types.ts';
import { childPath, collectionPath, resourcePath } from './paths.ts';
import { withoutFields } from './network.ts';
import { TableUnavailable } from '../../format/knack/table.ts';
import { isPyDict } from '../../format/knack/python.ts';
import { arr, field, isJsonObject } from '../../world/json.ts';

const N = 'Microsoft.Network';

/** privatedns `transform_privatedns_zone_table_output`. */
function privateZoneRow(r: unknown) {
  return {
    ZoneName: field(r, 'name'),
    ResourceGroup: field(r, 'resourceGroup'),
    RecordSets: field(r, 'numberOfRecordSets'),
    MaxRecordSets: field(r, 'maxNumberOfRecordSets'),
    VirtualNetworkLinks: field(r, 'numberOfVirtualNetworkLinks'),
    MaxVirtualNetworkLinks: field(r, 'maxNumberOfVirtualNetworkLinks'),
    VirtualNetworkLinksWithRegistration: field(r, 'numberOfVirtualNetworkLinksWithRegistration'),
    MaxVirtualNetworkLinksWithRegistration: field(r, 'maxNumberOfVirtualNetworkLinksWithRegistration'),
    ProvisioningState: field(r, 'provisioningState'),
  };
}

/** privatedns `transform_privatedns_record_set_table_output`, whose `item['metadata']` fails (and az
 * says the table is unavailable) on a record set without metadata, as aaz prints one. */
function recordSetRow(r: unknown) {
  for (const key of ['name', 'resourceGroup', 'ttl', 'type', 'isAutoRegistered', 'metadata']) if (!isPyDict(r) || !(key in r)) throw new TableUnavailable(key);
  const metadata = field(r, 'metadata');
  const keys = isJsonObject(metadata) ? Object.keys(metadata).sort() : [];
  return {
    Name: field(r, 'name'),
    ResourceGroup: field(r, 'resourceGroup'),
    Ttl: field(r, 'ttl'),
    Type: String(field(r, 'type')).split('/').pop(),
    AutoRegistered: field(r, 'isAutoRegistered'),
    Metadata: keys.length ? keys.map((k) => `${k}="${field(metadata, k)}"`).join(' ') : ' ',
  };
}

const vnetNameArg = argDef({ options: ['--vnet-name'], dest: 'vnet_name', help: 'The virtual network (VNet) name.', required: true, complete: { type: `${N}/virtualNetworks` } });
const routeTableArg = argDef({ options: ['--route-table-name'], dest: 'route_table_name', help: 'Route table name.', required: true, complete: { type: `${N}/routeTables` } });

// aaz prints only the fields of the API version its commands were generated from: ARM's
// `resourceGuid` of a private endpoint and `routeServiceVips` of a peering never reach today's az.
const DROPPED: Record<string, string[]> = {
  'private-endpoint': ['properties.resourceGuid'],
  peering: ['properties.routeServiceVips'],
};

const commands: AzCommandDef[] = [
  azCommand({
    words: ['network', 'private-endpoint', 'list'],
    summary: 'List private endpoints.',
    args: [rgArg(false)],
    examples: [{ command: 'az network private-endpoint list -g MyResourceGroup', summary: 'List private endpoints in a resource group.' }],
    shape: 'aaz',
    fetch: (a, az) => az.list(collectionPath(az, a.resource_group, N, 'privateEndpoints')),
  }),
  azCommand({
    words: ['network', 'private-endpoint', 'show'],
    summary: 'Get the details of a private endpoint.',
    args: [rgArg(true, 'aaz'), nameArg(`${N}/privateEndpoints`, 'Name of the private endpoint.', undefined, undefined, 'aaz')],
    examples: [{ command: 'az network private-endpoint show -g MyResourceGroup -n MyPE', summary: 'Get the details of a private endpoint.' }],
    shape: 'aaz',
    fetch: (a, az) => az.get(resourcePath(az, a.resource_group, N, 'privateEndpoints', a.name)),
  }),
  azCommand({
    words: ['network', 'private-dns', 'zone', 'list'],
    summary: 'List Private DNS zones.',
    args: [rgArg(false)],
    examples: [{ command: 'az network private-dns zone list -g MyResourceGroup', summary: 'List Private DNS zones in a resource group.' }],
    shape: 'sdk',
    table: (rs) => arr(rs).map(privateZoneRow),
    fetch: (a, az) => az.list(collectionPath(az, a.resource_group, N, 'privateDnsZones')),
  }),
  azCommand({
    words: ['network', 'private-dns', 'zone', 'show'],
    summary: 'Get a Private DNS zone.',
    args: [rgArg(true, 'aaz'), nameArg(`${N}/privateDnsZones`, 'The name of the Private DNS zone.', undefined, undefined, 'aaz')],
    examples: [{ command: 'az network private-dns zone show -g MyResourceGroup -n www.mysite.com', summary: 'Get a Private DNS zone.' }],
    shape: 'sdk',
    table: privateZoneRow,
    fetch: (a, az) => az.get(resourcePath(az, a.resource_group, N, 'privateDnsZones', a.name)),
  }),
  azCommand({
    words: ['network', 'private-dns', 'record-set', 'a', 'list'],
    summary: 'List all A record sets in a zone.',
    args: [rgArg(), { options: ['--zone-name', '-z'], dest: 'zone_name', help: 'The name of the zone.', required: true, complete: { type: `${N}/privateDnsZones` } }],
    examples: [{ command: 'az network private-dns record-set a list -g MyResourceGroup -z www.mysite.com', summary: 'List all A record sets in a zone.' }],
    shape: 'aaz',
    table: (rs) => arr(rs).map(recordSetRow),
    fetch: (a, az) => az.list(`${resourcePath(az, a.resource_group, N, 'privateDnsZones', a.zone_name)}/A`),
  }),
  azCommand({
    words: ['network', 'vnet', 'peering', 'list'],
    summary: 'List peerings.',
    args: [rgArg(), vnetNameArg],
    examples: [{ command: 'az network vnet peering list -g MyResourceGroup --vnet-name MyVnet1', summary: 'List all peerings of a specified virtual network.' }],
    shape: 'aaz',
    fetch: (a, az) => az.list(childPath(az, a.resource_group, N, 'virtualNetworks', a.vnet_name, 'virtualNetworkPeerings')),
  }),
  azCommand({
    words: ['network', 'vnet', 'peering', 'show'],
    summary: 'Show details of a peering.',
    args: [rgArg(true, 'aaz'), { ...vnetNameArg, idPart: 'aaz' }, nameArg(`${N}/virtualNetworks/virtualNetworkPeerings`, 'The name of the VNet peering.', 'vnet_name', `${N}/virtualNetworks`, 'aaz')],
    idCheckOrder: ['resource_group', 'name', 'vnet_name'],
    examples: [{ command: 'az network vnet peering show -g MyResourceGroup -n MyVnet1ToMyVnet2 --vnet-name MyVnet1', summary: 'Show all details of the specified virtual network peering.' }],
    shape: 'aaz',
    fetch: (a, az) => az.get(childPath(az, a.resource_group, N, 'virtualNetworks', a.vnet_name, 'virtualNetworkPeerings', a.name)),
  }),
  azCommand({
    words: ['network', 'route-table', 'route', 'list'],
    summary: 'List routes in a route table.',
    args: [rgArg(), routeTableArg],
    examples: [{ command: 'az network route-table route list -g MyResourceGroup --route-table-name MyRouteTable', summary: 'List routes in a route table.' }],
    shape: 'aaz',
    fetch: (a, az) => az.list(childPath(az, a.resource_group, N, 'routeTables', a.route_table_name, 'routes')),
  }),
  azCommand({
    words: ['network', 'route-table', 'route', 'show'],
    summary: 'Get the details of a route in a route table.',
    args: [rgArg(true, 'aaz'), { ...routeTableArg, idPart: 'aaz' }, nameArg(`${N}/routeTables/routes`, 'Route name.', 'route_table_name', `${N}/routeTables`, 'aaz')],
    idCheckOrder: ['resource_group', 'name', 'route_table_name'],
    examples: [{ command: 'az network route-table route show -g MyResourceGroup --route-table-name MyRouteTable -n MyRoute -o table', summary: 'Get the details of a route in a route table.' }],
    shape: 'aaz',
    fetch: (a, az) => az.get(childPath(az, a.resource_group, N, 'routeTables', a.route_table_name, 'routes', a.name)),
  }),
];

export const privateNetworkCommands: AzCommandDef[] = commands.map((def) => {
  const dropped = DROPPED[def.words[1]] ?? DROPPED[def.words[2]];
  return dropped ? withoutFields(def, dropped) : def;
});
