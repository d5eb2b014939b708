// az network route-table create|delete and az network route-table route create|delete (aaz, API
// 2021-08-01 for the table, 2022-01-01 for its routes; route list and show are network-private.ts'):
//   route-table create   [GET of the group for its location,] PUT of the table; prints the table
//   route-table delete   DELETE of the table; prints nothing
//   route create         PUT of …/routes/NAME; prints the route
//   route delete         DELETE of …/routes/NAME; prints nothing
import type { AzCommandDef } from './types.ts';
import { argDef, nameArg, rgArg } from './types.ts';
import { childPath, resourcePath } from './paths.ts';
import { armWrite, azWriteCommand, BOOLEAN_VALUES, groupLocation, isTrue, locationArg, lroResult, noWaitArg, tagsArg, tagsValue } from './writes.ts';
import type { JsonObject } from '../../world/json.ts';

const N = 'Microsoft.Network';
const TABLE = `${N}/routeTables`;

const tableNameArg = argDef({ options: ['--route-table-name'], dest: 'route_table_name', help: 'Route table name.', required: true, complete: { type: TABLE } });
const tableIdPartArg = argDef({ ...tableNameArg, idPart: 'aaz' });
const NEXT_HOP_TYPES = ['Internet', 'None', 'VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal'];

export const routeTableWriteCommands: AzCommandDef[] = [
  azWriteCommand({
    words: ['network', 'route-table', 'create'],
    summary: 'Create a route table.',
    args: [
      rgArg(),
      nameArg(TABLE, 'Name of the route table.'),
      { options: ['--disable-bgp-route-propagation'], dest: 'disable_bgp_route_propagation', help: 'Disable routes learned by BGP.', blank: 'true', choices: BOOLEAN_VALUES },
      locationArg,
      noWaitArg,
      tagsArg,
    ],
    examples: [{ command: 'az network route-table create -g MyResourceGroup -n MyRouteTable', summary: 'Create a route table.' }],
    shape: 'aaz',
    async fetch(a, az) {
      const tags = tagsValue(a.tags);
      const location = a.location ?? (await groupLocation(az, a.resource_group));
      const body: JsonObject = {};
      if (location !== undefined) body.location = location;
      if (a.disable_bgp_route_propagation !== undefined) body.properties = { disableBgpRoutePropagation: isTrue(a.disable_bgp_route_propagation) };
      if (tags) body.tags = tags;
      return lroResult(await armWrite(az, 'PUT', resourcePath(az, a.resource_group, N, 'routeTables', a.name), body), a.no_wait);
    },
  }),
  azWriteCommand({
    words: ['network', 'route-table', 'delete'],
    summary: 'Delete a route table.',
    args: [rgArg(true, 'aaz'), nameArg(TABLE, 'Name of the route table.', undefined, undefined, 'aaz'), noWaitArg],
    examples: [{ command: 'az network route-table delete -g MyResourceGroup -n MyRouteTable', summary: 'Delete a route table.' }],
    shape: 'aaz',
    async fetch(a, az) {
      await armWrite(az, 'DELETE', resourcePath(az, a.resource_group, N, 'routeTables', a.name));
      return null;
    },
  }),
  azWriteCommand({
    words: ['network', 'route-table', 'route', 'create'],
    summary: 'Create a route in a route table.',
    args: [
      rgArg(),
      tableNameArg,
      nameArg(`${TABLE}/routes`, 'Route name.', 'route_table_name', TABLE),
      { options: ['--address-prefix'], dest: 'address_prefix', help: 'The destination CIDR to which the route applies.' },
      { options: ['--next-hop-ip-address'], dest: 'next_hop_ip_address', help: 'The IP address packets should be forwarded to when using the VirtualAppliance hop type.' },
      { options: ['--next-hop-type'], dest: 'next_hop_type', help: 'The type of Azure hop the packet should be sent to.', choices: NEXT_HOP_TYPES },
      noWaitArg,
    ],
    examples: [{ command: 'az network route-table route create -g MyResourceGroup --route-table-name MyRouteTable -n MyRoute --next-hop-type VirtualAppliance --address-prefix 10.0.0.0/16 --next-hop-ip-address 10.0.100.4', summary: 'Create a route that forces all inbound traffic to a Network Virtual Appliance.' }],
    shape: 'aaz',
    async fetch(a, az) {
      const properties: JsonObject = {};
      if (a.address_prefix !== undefined) properties.addressPrefix = a.address_prefix;
      if (a.next_hop_ip_address !== undefined) properties.nextHopIpAddress = a.next_hop_ip_address;
      if (a.next_hop_type !== undefined) properties.nextHopType = a.next_hop_type;
      const path = childPath(az, a.resource_group, N, 'routeTables', a.route_table_name, 'routes', a.name);
      return lroResult(await armWrite(az, 'PUT', path, { properties }), a.no_wait);
    },
  }),
  azWriteCommand({
    words: ['network', 'route-table', 'route', 'delete'],
    summary: 'Delete a route from a route table.',
    args: [rgArg(true, 'aaz'), tableIdPartArg, nameArg(`${TABLE}/routes`, 'Route name.', 'route_table_name', TABLE, 'aaz'), noWaitArg],
    idCheckOrder: ['resource_group', 'name', 'route_table_name'],
    examples: [{ command: 'az network route-table route delete -g MyResourceGroup --route-table-name MyRouteTable -n MyRoute', summary: 'Delete a route from a route table.' }],
    shape: 'aaz',
    async fetch(a, az) {
      await armWrite(az, 'DELETE', childPath(az, a.resource_group, N, 'routeTables', a.route_table_name, 'routes', a.name));
      return null;
    },
  }),
];
