// The az commands of a routing diagnosis: where does a packet from this machine go?
//   az network nic show-effective-route-table   the NIC's effective routes (a POST action on the NIC)
//   az network watcher show-next-hop            Network Watcher's next hop from a VM (a POST action
//                                               on the region's network watcher, which az finds by
//                                               the VM's location among the subscription's watchers)
//   az network nat gateway list|show            NAT gateways (what replaces SNAT on a load balancer)
// Both actions only compute an answer; the lab's ARM computes it from the world (model/next-hop.ts).
// Live mode sends no POST to a subscription: the bridge passes on only reads of the paths the engine
// reads, and these actions are long-running operations it would have to follow; az's route-table,
// NSG and NIC reads answer the same question there.
import type { AzCommandDef, AzContext } from './types.ts';
import { argDef, azCommand, CliError, nameArg, rgArg } from './types.ts';
import { collectionPath, resourcePath, subscriptionPath } from './paths.ts';
import { arr, field, obj, type Json, type JsonObject } from '../../world/json.ts';
import { isNetworkWatcher, isVirtualMachine } from '../../world/schema/arm.ts';

const N = 'Microsoft.Network';

/** network `transform_effective_route_table`. */
function effectiveRouteRows(result: unknown) {
  return arr(field(result, 'value')).map((item) => ({
    Source: field(item, 'source'),
    State: field(item, 'state'),
    'Address Prefix': arr(field(item, 'addressPrefix')).join(' '),
    'Next Hop Type': field(item, 'nextHopType'),
    'Next Hop IP': arr(field(item, 'nextHopIpAddress')).join(' '),
  }));
}

/** A NAT gateway as aaz's 2022-01-01 schema reads it: its fields alone (ARM's newer ones, such as
 * the IPv6 addresses and prefixes or sourceVirtualNetwork, never reach today's az), sub-resources as
 * their ids, no null value. */
export function natGatewayFields(r: Json): Json {
  if (r === null || typeof r !== 'object') return r;
  const pick = (o: Json, keys: string[]): JsonObject => {
    const picked: JsonObject = {};
    for (const k of keys) {
      const v = field(o, k);
      if (v !== undefined && v !== null) picked[k] = v;
    }
    return picked;
  };
  const refs = (list: Json): Json => (Array.isArray(list) ? list.map((x) => pick(x, ['id'])) : list);
  const out = pick(r, ['etag', 'id', 'location', 'name', 'properties', 'sku', 'tags', 'type', 'zones']);
  if (out.sku) out.sku = pick(out.sku, ['name']);
  if (out.properties) {
    const p = pick(out.properties, ['idleTimeoutInMinutes', 'provisioningState', 'publicIpAddresses', 'publicIpPrefixes', 'resourceGuid', 'subnets']);
    for (const k of ['publicIpAddresses', 'publicIpPrefixes', 'subnets']) if (p[k] !== undefined) p[k] = refs(p[k]);
    out.properties = p;
  }
  return out;
}

const noWaitArg = argDef({ options: ['--no-wait'], dest: 'no_wait', help: 'Do not wait for the long-running operation to finish.', flag: true });

/** What live mode says instead of sending a POST action to the reader's subscription. */
function liveRefusal(words: string[]): CliError {
  return new CliError(`'az ${words.join(' ')}' asks Azure to compute an answer with a POST action, and live mode only reads: ARO Packet Labs sends no POST to your subscription. The route tables, NSGs and NICs it reads (az network route-table route list, az network nsg rule list, az network nic show) hold the same routes.`);
}

function post(az: AzContext, words: string[], path: string, body: Json): Promise<Json> {
  if (!az.post) throw liveRefusal(words);
  return az.post(path, body);
}

/** A VM or NIC given by name (in `-g`) or by id, as aaz's resource id argument formats it. */
function resourceId(az: AzContext, option: string, value: string, group: string | undefined, provider: string, type: string): string {
  if (value.startsWith('/')) return value;
  if (group === undefined) throw new CliError(`InvalidArgumentValue: ${option}: Invalid format: Failed to construct resource id: argument 'resource_group_name' is not defined`);
  return `${subscriptionPath(az)}/resourceGroups/${group ?? ''}/providers/${provider}/${type}/${value}`;
}

const SHOW_NEXT_HOP = ['network', 'watcher', 'show-next-hop'];
const EFFECTIVE_ROUTES = ['network', 'nic', 'show-effective-route-table'];

const commands: AzCommandDef[] = [
  azCommand({
    words: EFFECTIVE_ROUTES,
    summary: 'Show the effective route table applied to a network interface.',
    args: [rgArg(true, 'aaz'), nameArg(`${N}/networkInterfaces`, 'Name of the network interface (NIC).', undefined, undefined, 'aaz'), noWaitArg],
    examples: [{ command: 'az network nic show-effective-route-table -g MyResourceGroup -n MyNic', summary: 'Show the effective routes applied to a network interface.' }],
    shape: 'aaz',
    table: effectiveRouteRows,
    async fetch(a, az) {
      const path = `${resourcePath(az, a.resource_group, N, 'networkInterfaces', a.name)}/effectiveRouteTable`;
      const result = await post(az, EFFECTIVE_ROUTES, path, null);
      return a.no_wait ? null : result;
    },
  }),
  azCommand({
    words: SHOW_NEXT_HOP,
    summary: 'Get information on the `next hop` of a VM.',
    args: [
      { options: ['--dest-ip'], dest: 'dest_ip', help: 'Destination IPv4 address.', required: true },
      { options: ['--nic'], dest: 'nic', help: 'Name or ID of the NIC resource to test. If the VM has multiple NICs and IP forwarding is enabled on any of them, this parameter is required.', complete: { type: `${N}/networkInterfaces` } },
      noWaitArg,
      { options: ['--resource-group', '-g'], dest: 'resource_group', help: 'Name of the resource group the target VM is in.', complete: 'group' },
      { options: ['--source-ip'], dest: 'source_ip', help: 'Source IPv4 address.', required: true },
      { options: ['--vm'], dest: 'vm', help: 'Name or ID of the VM to target. If the name of the VM is provided, the `--resource-group` is required.', required: true, complete: { type: 'Microsoft.Compute/virtualMachines' } },
    ],
    examples: [{ command: 'az network watcher show-next-hop -g MyResourceGroup --vm MyVm --source-ip 10.0.0.4 --dest-ip 10.1.0.4', summary: 'Get the next hop from a VMs assigned IP address to a destination at 10.1.0.4.' }],
    shape: 'aaz',
    async fetch(a, az) {
      if (!az.post) throw liveRefusal(SHOW_NEXT_HOP);
      const group = a.resource_group;
      const vmId = resourceId(az, '--vm', a.vm, group, 'Microsoft.Compute', 'virtualMachines');
      // az reads the VM (for its location) by the group argument and the id's last segment.
      const vmName = vmId.split('/').pop() ?? '';
      const vm = await az.get(resourcePath(az, group ?? '', 'Microsoft.Compute', 'virtualMachines', vmName));
      const location = (isVirtualMachine(vm) ? vm.location : undefined) ?? '';
      const watchers = (await az.list(`${subscriptionPath(az)}/providers/${N}/networkWatchers`)).filter(isNetworkWatcher);
      const watcher = watchers.find((w) => String(w.location).toLowerCase() === location.toLowerCase());
      if (!watcher) throw new CliError(`network watcher is not enabled for region ${location}.`);
      const [, , , , watcherGroup, , , , watcherName] = watcher.id.split('/');
      const body: Record<string, string> = { destinationIPAddress: a.dest_ip, sourceIPAddress: a.source_ip };
      if (a.nic !== undefined) body.targetNicResourceId = resourceId(az, '--nic', a.nic, group, N, 'networkInterfaces');
      body.targetResourceId = vmId;
      const result = await post(az, SHOW_NEXT_HOP, `${resourcePath(az, watcherGroup, N, 'networkWatchers', watcherName)}/nextHop`, body);
      return a.no_wait ? null : result;
    },
  }),
  azCommand({
    words: ['network', 'nat', 'gateway', 'list'],
    summary: 'List NAT gateways.',
    args: [rgArg(false)],
    examples: [{ command: 'az network nat gateway list -g MyResourceGroup', summary: 'List NAT gateways.' }],
    shape: 'aaz',
    fetch: async (a, az) => (await az.list(collectionPath(az, a.resource_group, N, 'natGateways'))).map(natGatewayFields),
  }),
  azCommand({
    words: ['network', 'nat', 'gateway', 'show'],
    summary: 'Show details of a NAT gateway.',
    args: [rgArg(true, 'aaz'), nameArg(`${N}/natGateways`, 'Name of the NAT gateway.', undefined, undefined, 'aaz')],
    examples: [
      { command: 'az network nat gateway show -g MyResourceGroup -n MyNatGateway', summary: 'Show details of a NAT gateway.' },
      { command: 'az network nat gateway show --ids {GatewayId}', summary: 'Show NAT gateway using ID.' },
    ],
    shape: 'aaz',
    fetch: async (a, az) => natGatewayFields(await az.get(resourcePath(az, a.resource_group, N, 'natGateways', a.name))),
  }),
];

// aaz prints only the fields of the API version its commands were generated from (2022-01-01), and
// no field whose value is null: ARM's `hasBgpOverride` of an effective route, and the `name: null`
// of a system route, never reach today's az.
export const routingCommands: AzCommandDef[] = commands.map((def) => (def.words[2] === 'show-effective-route-table' ? withEffectiveFields(def) : def));

function withEffectiveFields(def: AzCommandDef): AzCommandDef {
  return {
    ...def,
    async fetch(a, az) {
      const result = await def.fetch(a, az);
      if (!result) return result;
      const shown = (route: Json) => Object.fromEntries(Object.entries(obj(route)).filter(([k, v]) => k !== 'hasBgpOverride' && v !== null));
      return { ...obj(result), value: arr(field(result, 'value')).map(shown) };
    },
  };
}
