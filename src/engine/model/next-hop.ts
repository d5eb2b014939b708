// Azure's choice of route for a packet leaving a network interface, as "Virtual network traffic
// routing" (learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview) describes it and
// as a NIC's effective routes show it:
//
// - System routes of every subnet: each address prefix of the VNet's address space → VnetLocal; each
//   address prefix of a VNet it peers with (a Connected peering on its side) → VNetPeering;
//   0.0.0.0/0 → Internet; and routes that drop (next hop None) for 10.0.0.0/8, 100.64.0.0/10,
//   192.168.0.0/16 and two Microsoft-reserved prefixes, 25.33.80.0/20 and 25.41.3.0/25. Those are the
//   drop routes a NIC's effective route table lists (172.16.0.0/12, in the article's first table, is
//   not among them, nor in the article's own routing example). A drop route is not made when a VNet
//   or peered address prefix holds the whole of it.
// - User routes: the routes of the route table associated with the NIC's subnet. A user route
//   overrides a system route of the same prefix (user > BGP > system; the labs have no BGP).
//   When a user route sends 0.0.0.0/0 to a virtual appliance or a gateway, Azure also removes the
//   drop routes from the subnet's table (the article's routing example: "Azure removed the routes for
//   the 10.0.0.0/8, 192.168.0.0/16, and 100.64.0.0/10 address prefixes … when the user-defined route
//   for the 0.0.0.0/0 address prefix was added"; effective route tables printed by az with such a
//   route list no drop route, while one with a user 0.0.0.0/0 route to None still lists them).
// - Azure picks the active route with the longest prefix that holds the destination.
//
// Private endpoints' /32 routes (next hop InterfaceEndpoint) are listed in the effective route table
// but not chosen by nextHop: a private endpoint's address is inside its VNet (or a peered one), so the
// packet goes where VnetLocal or VNetPeering takes it, and NextHop's types are those of the contract.
//
// nextHop leaves routeTableId empty for a system route; Network Watcher then says "System Route".
import type { AzureFirewall, NetworkInterface, PrivateEndpoint, RouteTable, Subnet, VirtualNetwork } from '../world/schema/arm.ts';
import { inPrefix } from './addresses.ts';

/** What route selection reads of a world (the WorldModel has it all). */
export interface RoutingWorld {
  networkInterfaces(): NetworkInterface[];
  azureFirewalls(): AzureFirewall[];
  virtualNetworks(): VirtualNetwork[];
  armOfType(type: 'Microsoft.Network/privateEndpoints'): PrivateEndpoint[];
  nic(id: string | undefined): NetworkInterface | undefined;
  subnet(id: string | undefined): Subnet | undefined;
  vnet(id: string | undefined): VirtualNetwork | undefined;
  vnetOfSubnet(subnet: Subnet | undefined): VirtualNetwork | undefined;
  routeTable(id: string | undefined): RouteTable | undefined;
}

export type NextHopType = 'VnetLocal' | 'VNetPeering' | 'VirtualAppliance' | 'Internet' | 'None';

export type NextHop = {
  nextHopType: NextHopType;
  /** The virtual appliance's address (user routes to a VirtualAppliance). */
  nextHopIpAddress?: string;
  /** The route table that holds the chosen user route; absent for a system route. */
  routeTableId?: string;
  /** The chosen user route's name. */
  route?: string;
  /** The chosen route's address prefix. */
  addressPrefix?: string;
  /** Whether a system route (Default) or a user route (User) was chosen. */
  source?: 'Default' | 'User';
};

/** One route of a NIC's effective route table, as the NetworkInterfaces effectiveRouteTable action
 * answers it (az network nic show-effective-route-table). */
export interface EffectiveRoute {
  source: 'Default' | 'User';
  state: 'Active' | 'Invalid';
  addressPrefix: string[];
  nextHopType: string;
  nextHopIpAddress: string[];
  /** The user route's name; null for a system route. */
  name: string | null;
  disableBgpRoutePropagation: boolean;
  hasBgpOverride: boolean;
  /** For a user route: the table that holds it. */
  routeTableId?: string;
}

/** Prefixes Azure drops by default (next hop None). */
export const DROP_PREFIXES = ['10.0.0.0/8', '100.64.0.0/10', '192.168.0.0/16', '25.33.80.0/20', '25.41.3.0/25'];

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

function isCidr(prefix: unknown): prefix is string {
  const m = typeof prefix === 'string' ? CIDR.exec(prefix) : null;
  return !!m && m.slice(1, 5).every((p) => Number(p) <= 255) && Number(m[5]) <= 32;
}

function bits(prefix: string): number {
  return Number(prefix.split('/')[1]);
}

/** Whether prefix `outer` holds the whole of prefix `inner`. */
function holds(outer: string, inner: string): boolean {
  return bits(outer) <= bits(inner) && inPrefix(inner.split('/')[0], outer);
}

/** Where an address sits: the IP configuration of a NIC (or an Azure Firewall) that has it, and its
 * subnet; else the subnet whose address prefix holds it. */
export function subnetOfAddress(model: RoutingWorld, ip: string): { subnet: Subnet; nic?: NetworkInterface | AzureFirewall } | undefined {
  for (const holder of [...model.networkInterfaces(), ...model.azureFirewalls()]) {
    for (const config of holder.properties?.ipConfigurations ?? []) {
      if (config.properties?.privateIPAddress !== ip) continue;
      const subnet = model.subnet(config.properties.subnet?.id);
      if (subnet) return { subnet, nic: holder };
    }
  }
  for (const vnet of model.virtualNetworks()) {
    for (const subnet of vnet.properties?.subnets ?? []) {
      const prefixes = [subnet.properties?.addressPrefix, ...(subnet.properties?.addressPrefixes ?? [])].filter(isCidr);
      if (prefixes.some((p) => inPrefix(ip, p))) return { subnet };
    }
  }
  return undefined;
}

function addressPrefixes(vnet: VirtualNetwork | undefined): string[] {
  return (vnet?.properties?.addressSpace?.addressPrefixes ?? []).filter(isCidr);
}

/** The address prefixes of the VNets a VNet peers with (Connected on its side), each peering once. */
function peeredPrefixes(model: RoutingWorld, vnet: VirtualNetwork): string[] {
  const prefixes: string[] = [];
  for (const peering of vnet.properties?.virtualNetworkPeerings ?? []) {
    const p = peering.properties;
    if (p?.peeringState !== 'Connected') continue;
    const remote = model.vnet(p.remoteVirtualNetwork?.id);
    const space = (p.remoteAddressSpace?.addressPrefixes ?? p.remoteVirtualNetworkAddressSpace?.addressPrefixes)?.filter(isCidr) ?? addressPrefixes(remote);
    for (const prefix of space) if (!prefixes.includes(prefix)) prefixes.push(prefix);
  }
  return prefixes;
}

/** The /32 routes of private endpoints whose NIC is in the VNet or a VNet it peers with. */
function privateEndpointRoutes(model: RoutingWorld, vnetIds: Set<string>): string[] {
  const ips: string[] = [];
  for (const endpoint of model.armOfType('Microsoft.Network/privateEndpoints')) {
    const subnetId = (endpoint.properties?.subnet?.id ?? '').toLowerCase();
    if (!vnetIds.has(subnetId.replace(/\/subnets\/[^/]+$/, ''))) continue;
    for (const ref of endpoint.properties?.networkInterfaces ?? []) {
      for (const config of model.nic(ref.id)?.properties?.ipConfigurations ?? []) {
        const ip = config.properties?.privateIPAddress;
        if (ip !== undefined) ips.push(`${ip}/32`);
      }
    }
  }
  return ips;
}

/** The effective routes of the subnet that holds `sourceIp`, in the order Azure lists them: system
 * routes (VNet, peerings, 0.0.0.0/0, drops, private endpoints), then the user routes. Undefined when
 * no subnet holds the address. */
export function effectiveRoutes(model: RoutingWorld, sourceIp: string): EffectiveRoute[] | undefined {
  const where = subnetOfAddress(model, sourceIp);
  if (!where) return undefined;
  const vnet = model.vnetOfSubnet(where.subnet);
  const own = addressPrefixes(vnet);
  const peered = vnet ? peeredPrefixes(model, vnet) : [];
  const table = model.routeTable(where.subnet.properties?.routeTable?.id);
  const userRoutes = (table?.properties?.routes ?? []).flatMap((route) => {
    const p = route.properties;
    return p && isCidr(p.addressPrefix) ? [{ route, p, addressPrefix: p.addressPrefix }] : [];
  });
  const userPrefixes = new Set(userRoutes.map((r) => r.addressPrefix));
  const system = (prefix: string, nextHopType: string): EffectiveRoute => ({
    source: 'Default',
    state: userPrefixes.has(prefix) ? 'Invalid' : 'Active',
    addressPrefix: [prefix],
    nextHopType,
    nextHopIpAddress: [],
    name: null,
    disableBgpRoutePropagation: false,
    hasBgpOverride: false,
  });
  const routes: EffectiveRoute[] = [];
  for (const prefix of own) routes.push(system(prefix, 'VnetLocal'));
  for (const prefix of peered) routes.push(system(prefix, 'VNetPeering'));
  routes.push(system('0.0.0.0/0', 'Internet'));
  const forced = userRoutes.some((r) => r.addressPrefix === '0.0.0.0/0' && ['VirtualAppliance', 'VirtualNetworkGateway'].includes(r.p.nextHopType ?? ''));
  if (!forced) {
    for (const prefix of DROP_PREFIXES) if (![...own, ...peered].some((p) => holds(p, prefix))) routes.push(system(prefix, 'None'));
  }
  const vnetIds = new Set<string>(vnet ? [vnet.id.toLowerCase()] : []);
  for (const peering of vnet?.properties?.virtualNetworkPeerings ?? []) {
    const remote = peering.properties?.remoteVirtualNetwork?.id;
    if (peering.properties?.peeringState === 'Connected' && remote) vnetIds.add(remote.toLowerCase());
  }
  for (const prefix of privateEndpointRoutes(model, vnetIds)) routes.push(system(prefix, 'InterfaceEndpoint'));
  const disable = table?.properties?.disableBgpRoutePropagation === true;
  for (const { route, p, addressPrefix } of userRoutes) {
    routes.push({
      source: 'User',
      state: 'Active',
      addressPrefix: [addressPrefix],
      nextHopType: p.nextHopType ?? '',
      nextHopIpAddress: typeof p.nextHopIpAddress === 'string' && p.nextHopIpAddress !== '' ? [p.nextHopIpAddress] : [],
      name: route.name,
      disableBgpRoutePropagation: disable,
      hasBgpOverride: p.hasBgpOverride === true,
      routeTableId: table?.id,
    });
  }
  return routes;
}

const CONTRACT_TYPES: readonly NextHopType[] = ['VnetLocal', 'VNetPeering', 'VirtualAppliance', 'Internet', 'None'];

function isContractType(type: string): type is NextHopType {
  return CONTRACT_TYPES.some((t) => t === type);
}

/** Azure's next hop for a packet from `sourceIp` (the address of a NIC in a subnet) to
 * `destinationIp`: the active effective route with the longest prefix that holds the destination,
 * a user route before a system route of the same prefix. */
export function nextHop(model: RoutingWorld, sourceIp: string, destinationIp: string): NextHop {
  const routes = (effectiveRoutes(model, sourceIp) ?? []).filter((r) => r.state === 'Active' && r.nextHopType !== 'InterfaceEndpoint');
  let best: EffectiveRoute | undefined;
  for (const route of routes) {
    const prefix = route.addressPrefix[0];
    if (!inPrefix(destinationIp, prefix)) continue;
    if (!best || bits(prefix) > bits(best.addressPrefix[0]) || (bits(prefix) === bits(best.addressPrefix[0]) && route.source === 'User' && best.source !== 'User')) best = route;
  }
  if (!best) return { nextHopType: 'None' };
  // A user route to a next hop the labs do not model (a virtual network gateway) carries nothing
  // anywhere here: Azure lists such a route with no next hop address and drops its traffic.
  const type = isContractType(best.nextHopType) ? best.nextHopType : 'None';
  const hop: NextHop = { nextHopType: type, addressPrefix: best.addressPrefix[0], source: best.source };
  if (best.source === 'User') {
    hop.routeTableId = best.routeTableId;
    hop.route = best.name ?? undefined;
    if (type === 'VirtualAppliance' && best.nextHopIpAddress[0]) hop.nextHopIpAddress = best.nextHopIpAddress[0];
  }
  return hop;
}
