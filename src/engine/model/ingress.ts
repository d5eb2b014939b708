// Whether a connection from the reader reaches the router, and where it stops when it does not: one
// answer, used by curl (fixture/network.ts) and by the packet walk (walk/walk.ts). The stages, in the
// order a SYN and its answer meet them:
//
// 1. The frontend: a private address answers only a machine in the cluster's VNet or a peered one.
// 2. The load balancer rule for the frontend's address and port, and its health probe. A node is a
//    healthy backend when the probe gets an answer: with externalTrafficPolicy Local the probe asks
//    the service's healthCheckNodePort, which answers on nodes that run a ready router pod; with
//    Cluster it asks a node port, which every node forwards to a ready endpoint, and rejects when
//    there is none (kube-proxy's "has no endpoints" REJECT rules for node ports, OVN-Kubernetes'
//    reject of a load balancer without backends): then every probe fails too, and the client waits
//    rather than being refused. The probe comes from Azure's address 168.63.129.16 (service tag
//    AzureLoadBalancer), so the NSGs must let it in too. With no healthy backend a Standard load
//    balancer sends no new flow anywhere (noHealthyBackendsBehavior AllProbedDown): the client's SYN
//    is never answered, and the client waits until it gives up.
// 3. The NSGs on the chosen node's subnet and NIC, evaluated as Azure does: for inbound traffic the
//    subnet's NSG, then the NIC's; in each, the rules and the default rules by priority, the first
//    that matches the protocol, source, destination and port decides.
// 4. The return path: the node answers the client from the frontend's address (floating IP); the
//    answer follows the node's effective routes (nextHop). A route to a virtual appliance sends it to
//    a firewall that never saw the connection's first packet: it drops it (asymmetric routing).
// 5. The router pod that takes the connection. Which app answers is the router's business
//    (app/router.ts): no ready endpoint behind the route is its 503 page.
import type { AzureFirewall, LbProbe, LbRule, LoadBalancer, NetworkInterface, NetworkSecurityGroup, RouteTable, SecurityRule, Subnet, VirtualNetwork } from '../world/schema/arm.ts';
import type { Pod, Service } from '../world/schema/kube.ts';
import type { WorldModel } from './world-model.ts';
import { inPrefix, isPrivateIp } from './addresses.ts';
import { nextHop, type NextHop } from './next-hop.ts';

/** The address health probes (and the host's own services) come from: service tag AzureLoadBalancer. */
export const AZURE_HOST_IP = '168.63.129.16';

export interface Packet {
  direction: 'Inbound' | 'Outbound';
  protocol: 'Tcp' | 'Udp';
  source: string;
  destination: string;
  port: number;
}

/** The rule of one NSG that decides a packet. */
export interface NsgDecision {
  nsg: NetworkSecurityGroup;
  /** Where the NSG is associated. */
  on: 'subnet' | 'nic';
  rule: SecurityRule;
  /** One of the NSG's default rules (AllowVnetInBound, DenyAllInBound…). */
  isDefault: boolean;
  access: 'Allow' | 'Deny';
}

const ANY = new Set(['*', 'any', '0.0.0.0/0']);

type RuleProperties = NonNullable<SecurityRule['properties']>;

function portMatches(rule: RuleProperties, port: number): boolean {
  const ranges = rule.destinationPortRange ? [rule.destinationPortRange] : (rule.destinationPortRanges ?? []);
  return ranges.some((r) => {
    if (r === '*') return true;
    const [from, to = from] = r.split('-').map(Number);
    return port >= from && port <= to;
  });
}

/** The address prefixes of the service tag VirtualNetwork for an NSG on a NIC in `vnet`: its address
 * space, the address spaces of the VNets it peers with, and the host's address. (Azure adds
 * on-premises prefixes and those of user routes; the labs have no gateway.) */
function virtualNetworkPrefixes(model: WorldModel, vnet: VirtualNetwork | undefined): string[] {
  if (!vnet) return [];
  const own = vnet.properties?.addressSpace?.addressPrefixes ?? [];
  const peered = model
    .connectedPeerings(vnet)
    .flatMap((p) => p.properties?.remoteAddressSpace?.addressPrefixes ?? model.vnet(p.properties?.remoteVirtualNetwork?.id)?.properties?.addressSpace?.addressPrefixes ?? []);
  return [...own, ...peered, `${AZURE_HOST_IP}/32`];
}

/** Whether an NSG rule's address (a prefix, an address, `*` or a service tag) holds `ip`. Service
 * tags other than Internet, VirtualNetwork and AzureLoadBalancer hold nothing here. */
function addressMatches(model: WorldModel, vnet: VirtualNetwork | undefined, prefix: string, ip: string): boolean {
  const p = prefix.trim();
  if (ANY.has(p.toLowerCase())) return true;
  if (p === 'AzureLoadBalancer') return ip === AZURE_HOST_IP;
  const inVnet = virtualNetworkPrefixes(model, vnet).some((v) => inPrefix(ip, v));
  if (p === 'VirtualNetwork') return inVnet;
  if (p === 'Internet') return !inVnet && !isPrivateIp(ip) && ip !== AZURE_HOST_IP;
  if (/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/.test(p)) return inPrefix(ip, p.includes('/') ? p : `${p}/32`);
  return false;
}

function ruleMatches(model: WorldModel, vnet: VirtualNetwork | undefined, rule: SecurityRule, packet: Packet): boolean {
  const p = rule.properties ?? {};
  if (p.direction !== packet.direction) return false;
  if (p.protocol !== '*' && String(p.protocol).toLowerCase() !== packet.protocol.toLowerCase()) return false;
  if (!portMatches(p, packet.port)) return false;
  const sources = p.sourceAddressPrefix ? [p.sourceAddressPrefix] : (p.sourceAddressPrefixes ?? []);
  const destinations = p.destinationAddressPrefix ? [p.destinationAddressPrefix] : (p.destinationAddressPrefixes ?? []);
  return sources.some((s) => addressMatches(model, vnet, s, packet.source)) && destinations.some((d) => addressMatches(model, vnet, d, packet.destination));
}

/** The rule of an NSG that decides a packet: its rules and default rules by priority, the first match. */
export function nsgDecision(model: WorldModel, nsg: NetworkSecurityGroup, on: 'subnet' | 'nic', vnet: VirtualNetwork | undefined, packet: Packet): NsgDecision | undefined {
  const priority = (rule: SecurityRule) => rule.properties?.priority ?? Number.NaN;
  const rules = model.securityRules(nsg).sort((a, b) => priority(a.rule) - priority(b.rule));
  const hit = rules.find(({ rule }) => ruleMatches(model, vnet, rule, packet));
  const access = hit?.rule.properties?.access;
  return hit && access && { nsg, on, rule: hit.rule, isDefault: hit.isDefault, access };
}

/** A node's NIC, its first IP configuration and subnet, and the subnet's VNet. */
function nodeNetwork(model: WorldModel, node: string): { nic?: NetworkInterface; ip?: string; subnet?: Subnet; vnet?: VirtualNetwork } {
  const nic = model.nicOfNode(node);
  const config = model.primaryIpConfiguration(nic)?.properties;
  const subnet = model.subnet(config?.subnet?.id);
  return { nic, ip: config?.privateIPAddress, subnet, vnet: model.vnetOfSubnet(subnet) };
}

/** How the NSGs of a node treat a packet: each NSG's deciding rule (subnet first, then NIC, for
 * inbound; NIC first for outbound) up to the first that denies. */
export function nsgPath(model: WorldModel, node: string, packet: Packet): { decisions: NsgDecision[]; denied?: NsgDecision } {
  const { nic, subnet, vnet } = nodeNetwork(model, node);
  const subnetNsg = model.nsg(subnet?.properties?.networkSecurityGroup?.id);
  const nicNsg = model.nsg(nic?.properties?.networkSecurityGroup?.id);
  const order: Array<[NetworkSecurityGroup | undefined, 'subnet' | 'nic']> = packet.direction === 'Inbound' ? [[subnetNsg, 'subnet'], [nicNsg, 'nic']] : [[nicNsg, 'nic'], [subnetNsg, 'subnet']];
  const decisions: NsgDecision[] = [];
  for (const [nsg, on] of order) {
    if (!nsg) continue;
    // An NSG without a matching rule (a hand-made one with no default rules) lets the packet pass.
    const decision = nsgDecision(model, nsg, on, vnet, packet);
    if (!decision) continue;
    decisions.push(decision);
    if (decision.access === 'Deny') return { decisions, denied: decision };
  }
  return { decisions };
}

/** A load balancer rule that carries `ip:port` (a public frontend's address, or a private one's). */
export function lbRuleFor(model: WorldModel, ip: string, port: number): CarryingRule | undefined {
  for (const lb of model.loadBalancers()) {
    for (const rule of lb.properties?.loadBalancingRules ?? []) {
      const address = model.frontendAddress(model.frontend(rule.properties?.frontendIPConfiguration?.id));
      if (address === ip && rule.properties?.frontendPort === port) return { lb, rule, probe: model.probe(rule.properties.probe?.id) };
    }
  }
  return undefined;
}

/** The nodes whose NICs are in a load balancer rule's backend pool, by name. */
export function poolNodes(model: WorldModel, rule: LbRule): string[] {
  const pool = model.backendPool(rule.properties?.backendAddressPool?.id);
  const vms = (pool?.properties?.backendIPConfigurations ?? []).map((c) => model.nodeOfNic(model.nicOfIpConfiguration(c.id)).toLowerCase());
  return model.kube('Node').map((n) => n.metadata.name).filter((n) => vms.includes(n.toLowerCase()));
}

/** A load balancer rule that carries a frontend's address and port, and its health probe. */
export interface CarryingRule {
  lb: LoadBalancer;
  rule: LbRule;
  probe?: LbProbe;
}

export type IngressOutcome = 'connected' | 'timeout';

export type IngressStage = 'frontend' | 'probe' | 'nsg' | 'return' | 'router';

export interface Ingress {
  ip: string;
  port: number;
  /** The address the connection comes from, when the reader's machine reaches the frontend at all. */
  clientIp?: string;
  /** The Kubernetes LoadBalancer service whose frontend this is. */
  service?: Service;
  local: boolean;
  carried?: CarryingRule;
  /** Nodes in the rule's backend pool, and those whose health probe passes. */
  pool: string[];
  healthy: string[];
  /** Why each unhealthy node fails its probe. */
  unhealthy: Record<string, string>;
  /** The node the load balancer sends the connection to, and its address. */
  node?: string;
  nodeIp?: string;
  /** The NSGs' deciding rules on the way in, at that node. */
  nsg?: { decisions: NsgDecision[]; denied?: NsgDecision };
  /** Where the node's answer to the client goes. */
  reply?: NextHop & { table?: RouteTable; firewall?: AzureFirewall };
  /** The router pod that takes the connection. */
  router?: Pod;
  outcome: IngressOutcome;
  stop?: { stage: IngressStage; why: string };
}

const readyOn = (pods: Pod[], node: string) => pods.some((p) => p.spec?.nodeName === node);

/** The Kubernetes LoadBalancer service published on a frontend address. */
function serviceAt(model: WorldModel, ip: string): Service | undefined {
  return model.services().find((s) => s.spec?.type === 'LoadBalancer' && (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip));
}

function describeProbe(probe: LbProbe | undefined): string {
  const p = probe?.properties;
  if (!p) return 'its health probe';
  return `${p.protocol}${p.requestPath ? ` ${p.requestPath}` : ''} on port ${p.port}`;
}

/** A connection from the reader's machine to `ip:port`, stage by stage (see the top of this file). */
export function ingressTo(model: WorldModel, ip: string, port: number): Ingress {
  const result: Ingress = { ip, port, local: false, pool: [], healthy: [], unhealthy: {}, outcome: 'timeout' };
  const stop = (stage: IngressStage, why: string): Ingress => ({ ...result, outcome: 'timeout', stop: { stage, why } });
  result.clientIp = model.clientAddressFor(ip);
  if (result.clientIp === undefined) {
    return stop('frontend', `${ip} is a private address: nothing on the Internet routes to it, and the client waits until it gives up. Only a machine in the cluster's VNet or a peered one reaches it.`);
  }
  result.service = serviceAt(model, ip);
  result.carried = lbRuleFor(model, ip, port);
  if (!result.carried) return stop('frontend', `No load balancer rule carries port ${port} of ${ip}: nothing answers, and the client waits until it gives up.`);
  const spec = result.service?.spec ?? {};
  result.local = spec.externalTrafficPolicy === 'Local';
  const endpoints = result.service ? model.serviceEndpoints(result.service) : [];
  const probe = result.carried.probe;
  const probePort = Number(probe?.properties?.port);
  result.pool = poolNodes(model, result.carried.rule);
  for (const node of result.pool) {
    const { ip: nodeIp } = nodeNetwork(model, node);
    const probeNsg = nodeIp ? nsgPath(model, node, { direction: 'Inbound', protocol: 'Tcp', source: AZURE_HOST_IP, destination: nodeIp, port: probePort }) : undefined;
    if (probeNsg?.denied) result.unhealthy[node] = `NSG ${probeNsg.denied.nsg.name} denies the probe (rule ${probeNsg.denied.rule.name})`;
    else if (result.local && spec.healthCheckNodePort === probePort && !readyOn(endpoints, node)) result.unhealthy[node] = `no ready ${result.service?.metadata.name ?? 'router'} pod on the node`;
    else if (endpoints.length === 0) result.unhealthy[node] = `the service has no ready endpoint, so the node port rejects the probe`;
    else result.healthy.push(node);
  }
  if (result.healthy.length === 0) {
    const reasons = [...new Set(Object.values(result.unhealthy))];
    return stop(
      'probe',
      `No healthy backend: every node fails the load balancer's health probe (${describeProbe(probe)})${reasons.length ? `: ${reasons.join('; ')}` : ''}. With every probe down the load balancer sends no new connection anywhere, and the client waits until it gives up.`,
    );
  }
  // The lab pins the load balancer's choice: the node of the first ready router pod, when it is healthy.
  const first = endpoints.map((p) => p.spec?.nodeName).find((n) => n !== undefined && result.healthy.includes(n));
  result.node = first ?? result.healthy[0];
  result.nodeIp = nodeNetwork(model, result.node).ip;
  // With a floating IP the node receives the frontend's address as the destination; without, its own.
  const destination = result.carried.rule.properties?.enableFloatingIP ? ip : (result.nodeIp ?? ip);
  result.nsg = nsgPath(model, result.node, { direction: 'Inbound', protocol: 'Tcp', source: result.clientIp, destination, port });
  const denied = result.nsg.denied;
  if (denied) {
    const p = denied.rule.properties ?? {};
    const what = denied.isDefault
      ? `no rule of ${denied.nsg.name} allows ${result.clientIp} to port ${port}, so its default rule ${denied.rule.name} (priority ${p.priority}) denies it`
      : `rule ${denied.rule.name} (priority ${p.priority}) of ${denied.nsg.name} denies ${result.clientIp} to port ${port}`;
    return stop('nsg', `The network security group ${denied.nsg.name} on the node's ${denied.on === 'subnet' ? 'subnet' : 'NIC'} drops the packet: ${what}. Nothing answers, and the client waits until it gives up.`);
  }
  if (result.nodeIp) {
    const reply = nextHop(model, result.nodeIp, result.clientIp);
    const table = model.routeTable(reply.routeTableId);
    const firewall = reply.nextHopIpAddress ? model.firewallAt(reply.nextHopIpAddress)?.firewall : undefined;
    result.reply = { ...reply, ...(table ? { table } : {}), ...(firewall ? { firewall } : {}) };
    if (reply.nextHopType === 'VirtualAppliance') {
      return stop(
        'return',
        `The answer to ${result.clientIp} follows route ${reply.route ?? '?'} of route table ${table?.name ?? '?'} to the virtual appliance ${reply.nextHopIpAddress ?? '?'}${firewall ? ` (firewall ${firewall.name})` : ''}, not back through the load balancer: the firewall never saw the connection's first packet and drops the answer (asymmetric routing). The client waits until it gives up.`,
      );
    }
    if (reply.nextHopType === 'None') return stop('return', `The node has no route back to ${result.clientIp}: Azure drops the answer, and the client waits until it gives up.`);
  }
  const routers = endpoints.filter((p) => !result.local || p.spec?.nodeName === result.node);
  result.router = routers[0];
  if (!result.router) return stop('router', `No ready pod of ${result.service?.metadata.name ?? 'the service'} takes the connection.`);
  return { ...result, outcome: 'connected' };
}
