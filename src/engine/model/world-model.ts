// Relations inside a lab world that lessons and the sample app need: which NIC a node has, which
// public IP its traffic leaves through, which pods a route reaches, what cluster DNS answers.
// Everything is derived from the ARM resources and Kubernetes objects; nothing is lab-specific.
//
// The model is the one reader of raw ARM and Kubernetes JSON. It indexes a lab once, when it is
// built: every resource and every child nested in one (frontends, pools, subnets, IP
// configurations…) by id, resources by type and objects by kind, each list typed by its schema's
// guard. A change to the world is a change to the lab file, then a new model over it.
import type { ArmResource, KubeObject, LabFile } from '../world/types.ts';
import { arr, field, optStr, parseJson, str } from '../world/json.ts';
import {
  isArmNode,
  isAzureFirewall,
  isLoadBalancer,
  isNatGateway,
  isNetworkInterface,
  isNetworkSecurityGroup,
  isOpenShiftCluster,
  isPrivateDnsARecordSet,
  isPrivateDnsZoneLink,
  isPrivateEndpoint,
  isPublicIpAddress,
  isRouteTable,
  isVirtualMachine,
  isVirtualNetwork,
  type ArmNode,
  type AzureFirewall,
  type IpConfiguration,
  type LbBackendPool,
  type LbFrontend,
  type LbProbe,
  type LbRule,
  type LoadBalancer,
  type NatGateway,
  type NetworkInterface,
  type NetworkSecurityGroup,
  type OpenShiftCluster,
  type OutboundRule,
  type PublicIpAddress,
  type RouteEntry,
  type RouteTable,
  type SecurityRule,
  type Subnet,
  type VirtualNetwork,
  type VirtualNetworkPeering,
} from '../world/schema/arm.ts';
import {
  isAroCluster,
  isConfigMap,
  isDaemonSet,
  isDeployment,
  isDeploymentConfig,
  isEndpoints,
  isEndpointSlice,
  isEvent,
  isHostSubnet,
  isIngressController,
  isNamespace,
  isNetworkPolicy,
  isNode,
  isPod,
  isProject,
  isReplicaSet,
  isReplicationController,
  isRoute,
  isSecret,
  isService,
  isServiceAccount,
  isStatefulSet,
  type AroCluster,
  type LabelSelector,
  type NetworkPolicy,
  type NetworkPolicyPeer,
  type NetworkPolicyPort,
  type Pod,
  type Route,
  type Service,
} from '../world/schema/kube.ts';
import { servedBy } from '../world/kube-resources.ts';
import { nextHop } from './next-hop.ts';
import { inPrefix, isPrivateIp } from './addresses.ts';

/** An address on the Internet that no lab uses (TEST-NET-3's last), for "where does traffic to the
 * Internet go" when no particular server is meant. */
export const INTERNET_SAMPLE = '203.0.113.254';

export type NodeEgress =
  | { via: 'appliance'; subnet: Subnet; table: RouteTable; route: RouteEntry; applianceIp: string; publicIp?: string }
  | { via: 'outbound-rule'; lb: LoadBalancer; rule: OutboundRule; publicIp?: string }
  | { via: 'nat-gateway'; subnet: Subnet; natGateway: NatGateway; publicIp?: string };

/** The resources of each type the model types, in the lab's order. */
function armLists(of: (type: string) => ArmResource[]) {
  return {
    'Microsoft.Network/virtualNetworks': of('Microsoft.Network/virtualNetworks').filter(isVirtualNetwork),
    'Microsoft.Network/loadBalancers': of('Microsoft.Network/loadBalancers').filter(isLoadBalancer),
    'Microsoft.Network/publicIPAddresses': of('Microsoft.Network/publicIPAddresses').filter(isPublicIpAddress),
    'Microsoft.Network/networkInterfaces': of('Microsoft.Network/networkInterfaces').filter(isNetworkInterface),
    'Microsoft.Compute/virtualMachines': of('Microsoft.Compute/virtualMachines').filter(isVirtualMachine),
    'Microsoft.Network/networkSecurityGroups': of('Microsoft.Network/networkSecurityGroups').filter(isNetworkSecurityGroup),
    'Microsoft.Network/routeTables': of('Microsoft.Network/routeTables').filter(isRouteTable),
    'Microsoft.Network/privateEndpoints': of('Microsoft.Network/privateEndpoints').filter(isPrivateEndpoint),
    'Microsoft.Network/natGateways': of('Microsoft.Network/natGateways').filter(isNatGateway),
    'Microsoft.Network/azureFirewalls': of('Microsoft.Network/azureFirewalls').filter(isAzureFirewall),
    'Microsoft.Network/privateDnsZones/A': of('Microsoft.Network/privateDnsZones/A').filter(isPrivateDnsARecordSet),
    'Microsoft.Network/privateDnsZones/virtualNetworkLinks': of('Microsoft.Network/privateDnsZones/virtualNetworkLinks').filter(isPrivateDnsZoneLink),
    'Microsoft.RedHatOpenShift/openShiftClusters': of('Microsoft.RedHatOpenShift/openShiftClusters').filter(isOpenShiftCluster),
  };
}
export type ArmLists = ReturnType<typeof armLists>;

/** The objects of each kind the model types, in the lab's order. (Kinds two API groups share —
 * Cluster, DNS, Network — are read through `kube(kind)` untyped.) */
function kubeLists(of: (kind: string) => KubeObject[]) {
  return {
    Pod: of('Pod').filter(isPod),
    Service: of('Service').filter(isService),
    Endpoints: of('Endpoints').filter(isEndpoints),
    EndpointSlice: of('EndpointSlice').filter(isEndpointSlice),
    Route: of('Route').filter(isRoute),
    Node: of('Node').filter(isNode),
    NetworkPolicy: of('NetworkPolicy').filter(isNetworkPolicy),
    Deployment: of('Deployment').filter(isDeployment),
    ReplicaSet: of('ReplicaSet').filter(isReplicaSet),
    DaemonSet: of('DaemonSet').filter(isDaemonSet),
    StatefulSet: of('StatefulSet').filter(isStatefulSet),
    ReplicationController: of('ReplicationController').filter(isReplicationController),
    DeploymentConfig: of('DeploymentConfig').filter(isDeploymentConfig),
    Event: of('Event').filter(isEvent),
    Namespace: of('Namespace').filter(isNamespace),
    Project: of('Project').filter(isProject),
    Secret: of('Secret').filter(isSecret),
    ServiceAccount: of('ServiceAccount').filter(isServiceAccount),
    ConfigMap: of('ConfigMap').filter(isConfigMap),
    IngressController: of('IngressController').filter(isIngressController),
    HostSubnet: of('HostSubnet').filter(isHostSubnet),
  };
}
export type KubeLists = ReturnType<typeof kubeLists>;

/** Items by lower-case id. */
function byId<T extends { id: string }>(items: Iterable<T>): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) map.set(item.id.toLowerCase(), item);
  return map;
}

/** The item of a map at an id, compared as ARM does (case-insensitively). */
function at<T>(map: ReadonlyMap<string, T>, id: string | undefined): T | undefined {
  return id ? map.get(id.toLowerCase()) : undefined;
}

/** The last segment of an id: a VM's id names the node it runs. */
const lastSegment = (id: string) => id.slice(id.lastIndexOf('/') + 1);

/** Whether a label selector holds on labels: its matchLabels and each of its matchExpressions
 * (In, NotIn, Exists, DoesNotExist); an empty selector holds on every set of labels. */
function selectsLabels(selector: LabelSelector | undefined, labels: Record<string, string> = {}): boolean {
  const expressions = (selector?.matchExpressions ?? []).every((e) => {
    const key = str(field(e, 'key'));
    const values = arr(field(e, 'values')).map(str);
    const has = Object.hasOwn(labels, key);
    switch (str(field(e, 'operator'))) {
      case 'In':
        return has && values.includes(labels[key]);
      case 'NotIn':
        return !has || !values.includes(labels[key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
      default:
        return false;
    }
  });
  return expressions && Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
}

/** Whether a label selector holds on an object's labels. */
function selects(selector: LabelSelector | undefined, object: KubeObject): boolean {
  return selectsLabels(selector, object.metadata.labels);
}

/** The policy types a NetworkPolicy has: as it says, else Ingress, and Egress when it has egress rules. */
function policyTypes(policy: NetworkPolicy): string[] {
  return policy.spec?.policyTypes ?? ['Ingress', ...(policy.spec?.egress ? ['Egress'] : [])];
}

export class WorldModel {
  readonly lab: LabFile;
  /** Every resource and every child nested in one, by lower-case id. */
  private readonly nodes = new Map<string, ArmNode>();
  /** Every resource, by lower-case id. */
  private readonly resources: Map<string, ArmResource>;
  private readonly armByType = new Map<string, ArmResource[]>();
  private readonly typedArm: ArmLists;
  private readonly kubeByKind = new Map<string, KubeObject[]>();
  private readonly typedKube: KubeLists;
  private readonly publicIpsById: Map<string, PublicIpAddress>;
  private readonly nicsById: Map<string, NetworkInterface>;
  private readonly vnetsById: Map<string, VirtualNetwork>;
  private readonly routeTablesById: Map<string, RouteTable>;
  private readonly natGatewaysById: Map<string, NatGateway>;
  private readonly nsgsById: Map<string, NetworkSecurityGroup>;
  private readonly subnetsById: Map<string, Subnet>;
  private readonly frontendsById: Map<string, LbFrontend>;
  private readonly poolsById: Map<string, LbBackendPool>;
  private readonly probesById: Map<string, LbProbe>;
  private readonly ipConfigurationsById: Map<string, IpConfiguration>;
  private servedPlurals?: Set<string>;

  constructor(lab: LabFile) {
    this.lab = lab;
    for (const resource of lab.arm) {
      const type = resource.type.toLowerCase();
      const list = this.armByType.get(type);
      if (list) list.push(resource);
      else this.armByType.set(type, [resource]);
      this.indexNodes(resource);
    }
    this.resources = byId(lab.arm);
    this.typedArm = armLists((type) => this.armByType.get(type.toLowerCase()) ?? []);
    for (const [type, list] of Object.entries(this.typedArm)) this.armByType.set(type.toLowerCase(), list);
    for (const object of lab.kube) {
      const list = this.kubeByKind.get(object.kind);
      if (list) list.push(object);
      else this.kubeByKind.set(object.kind, [object]);
    }
    this.typedKube = kubeLists((kind) => this.kubeByKind.get(kind) ?? []);
    for (const [kind, list] of Object.entries(this.typedKube)) this.kubeByKind.set(kind, list);
    const lists = this.typedArm;
    this.publicIpsById = byId(lists['Microsoft.Network/publicIPAddresses']);
    this.nicsById = byId(lists['Microsoft.Network/networkInterfaces']);
    this.vnetsById = byId(lists['Microsoft.Network/virtualNetworks']);
    this.routeTablesById = byId(lists['Microsoft.Network/routeTables']);
    this.natGatewaysById = byId(lists['Microsoft.Network/natGateways']);
    this.nsgsById = byId(lists['Microsoft.Network/networkSecurityGroups']);
    this.subnetsById = byId(this.virtualNetworks().flatMap((v) => v.properties?.subnets ?? []));
    const lbs = this.loadBalancers();
    this.frontendsById = byId(lbs.flatMap((lb) => lb.properties?.frontendIPConfigurations ?? []));
    this.poolsById = byId(lbs.flatMap((lb) => lb.properties?.backendAddressPools ?? []));
    this.probesById = byId(lbs.flatMap((lb) => lb.properties?.probes ?? []));
    this.ipConfigurationsById = byId(this.networkInterfaces().flatMap((n) => n.properties?.ipConfigurations ?? []));
  }

  private indexNodes(value: unknown): void {
    if (Array.isArray(value)) {
      for (const item of value) this.indexNodes(item);
    } else if (value !== null && typeof value === 'object') {
      if (isArmNode(value)) this.nodes.set(value.id.toLowerCase(), value);
      for (const inner of Object.values(value)) this.indexNodes(inner);
    }
  }

  // ARM: by id, by type, typed lookups.

  /** A resource or a child of one, by id (any case). */
  arm(id: string | undefined): ArmNode | undefined {
    return at(this.nodes, id);
  }

  /** The resource a child (a frontend, a subnet, an IP configuration…) belongs to: the one its id
   * extends (`…/providers/<namespace>/<type>/<name>`, nine segments). */
  parentOf(childId: string | undefined): ArmResource | undefined {
    const segments = childId?.split('/') ?? [];
    return segments.length > 9 ? at(this.resources, segments.slice(0, 9).join('/')) : undefined;
  }

  /** Resources of a type (compared case-insensitively), in the lab's order; typed for the types the model knows. */
  armOfType<T extends keyof ArmLists>(type: T): ArmLists[T];
  armOfType(type: string): ArmResource[];
  armOfType(type: string): ArmResource[] {
    return this.armByType.get(type.toLowerCase()) ?? [];
  }

  virtualNetworks(): VirtualNetwork[] {
    return this.typedArm['Microsoft.Network/virtualNetworks'];
  }

  loadBalancers(): LoadBalancer[] {
    return this.typedArm['Microsoft.Network/loadBalancers'];
  }

  publicIps(): PublicIpAddress[] {
    return this.typedArm['Microsoft.Network/publicIPAddresses'];
  }

  networkInterfaces(): NetworkInterface[] {
    return this.typedArm['Microsoft.Network/networkInterfaces'];
  }

  azureFirewalls(): AzureFirewall[] {
    return this.typedArm['Microsoft.Network/azureFirewalls'];
  }

  publicIp(id: string | undefined): PublicIpAddress | undefined {
    return at(this.publicIpsById, id);
  }

  nic(id: string | undefined): NetworkInterface | undefined {
    return at(this.nicsById, id);
  }

  vnet(id: string | undefined): VirtualNetwork | undefined {
    return at(this.vnetsById, id);
  }

  subnet(id: string | undefined): Subnet | undefined {
    return at(this.subnetsById, id);
  }

  routeTable(id: string | undefined): RouteTable | undefined {
    return at(this.routeTablesById, id);
  }

  natGateway(id: string | undefined): NatGateway | undefined {
    return at(this.natGatewaysById, id);
  }

  nsg(id: string | undefined): NetworkSecurityGroup | undefined {
    return at(this.nsgsById, id);
  }

  frontend(id: string | undefined): LbFrontend | undefined {
    return at(this.frontendsById, id);
  }

  backendPool(id: string | undefined): LbBackendPool | undefined {
    return at(this.poolsById, id);
  }

  probe(id: string | undefined): LbProbe | undefined {
    return at(this.probesById, id);
  }

  ipConfiguration(id: string | undefined): IpConfiguration | undefined {
    return at(this.ipConfigurationsById, id);
  }

  /** The load balancer a child (frontend, pool, rule, probe, outbound rule) belongs to. */
  loadBalancerOf(childId: string | undefined): LoadBalancer | undefined {
    const parent = this.parentOf(childId);
    return isLoadBalancer(parent) ? parent : undefined;
  }

  /** The NIC an IP configuration belongs to. */
  nicOfIpConfiguration(configId: string | undefined): NetworkInterface | undefined {
    return this.nic(this.parentOf(configId)?.id);
  }

  /** The VNet a subnet belongs to. */
  vnetOfSubnet(subnet: Subnet | undefined): VirtualNetwork | undefined {
    return this.vnet(this.parentOf(subnet?.id)?.id);
  }

  /** The public address of a load balancer frontend (its public IP's, else its private one). */
  frontendAddress(frontend: LbFrontend | undefined): string | undefined {
    return this.publicIp(frontend?.properties?.publicIPAddress?.id)?.properties?.ipAddress ?? frontend?.properties?.privateIPAddress;
  }

  /** The NICs whose IP configurations are in a backend pool, in the pool's order. */
  poolNics(pool: LbBackendPool | undefined): NetworkInterface[] {
    return (pool?.properties?.backendIPConfigurations ?? []).flatMap((c) => this.nicOfIpConfiguration(c.id) ?? []);
  }

  /** The node (VM name) a NIC belongs to, '' when it is no VM's. */
  nodeOfNic(nic: NetworkInterface | undefined): string {
    const vm = nic?.properties?.virtualMachine?.id;
    return vm ? lastSegment(vm) : '';
  }

  /** The NIC of the VM that runs a node (VM name = node name). */
  nicOfNode(node: string): NetworkInterface | undefined {
    const suffix = `/${node.toLowerCase()}`;
    return this.networkInterfaces().find((n) => n.properties?.virtualMachine?.id.toLowerCase().endsWith(suffix));
  }

  /** A NIC's first IP configuration (the one the labs give every NIC). */
  primaryIpConfiguration(nic: NetworkInterface | undefined): IpConfiguration | undefined {
    return nic?.properties?.ipConfigurations?.[0];
  }

  /** The routes of a route table, and one by name. */
  route(table: RouteTable | undefined, name: string | undefined): RouteEntry | undefined {
    return table?.properties?.routes?.find((r) => r.name === name);
  }

  /** An NSG's rules, then its default rules, each marked. */
  securityRules(nsg: NetworkSecurityGroup): Array<{ rule: SecurityRule; isDefault: boolean }> {
    return [...(nsg.properties?.securityRules ?? []).map((rule) => ({ rule, isDefault: false })), ...(nsg.properties?.defaultSecurityRules ?? []).map((rule) => ({ rule, isDefault: true }))];
  }

  /** The rule of a load balancer's outbound rules whose backend pool is one of `poolIds`. */
  private outboundRuleFor(poolIds: ReadonlySet<string>): { lb: LoadBalancer; rule: OutboundRule } | undefined {
    for (const lb of this.loadBalancers()) {
      for (const rule of lb.properties?.outboundRules ?? []) {
        const pool = rule.properties?.backendAddressPool?.id;
        if (pool && poolIds.has(pool.toLowerCase())) return { lb, rule };
      }
    }
    return undefined;
  }

  /** How a node's outbound connections to an Internet address leave, as Azure routes them
   * (nextHop): a user route to a virtual appliance sends them to it; the system route to the
   * Internet hands them to the subnet's NAT gateway when it has one, else to the outbound rule
   * whose backend pool holds the node's NIC. */
  nodeEgress(node: string, destination = INTERNET_SAMPLE): NodeEgress | undefined {
    const config = this.primaryIpConfiguration(this.nicOfNode(node))?.properties;
    if (!config) return undefined;
    const subnet = this.subnet(config.subnet?.id);
    const hop = config.privateIPAddress !== undefined ? nextHop(this, config.privateIPAddress, destination) : undefined;
    if (hop?.nextHopType === 'VirtualAppliance' && hop.nextHopIpAddress) {
      const table = this.routeTable(hop.routeTableId);
      const route = this.route(table, hop.route);
      if (subnet && table && route) return { via: 'appliance', subnet, table, route, applianceIp: hop.nextHopIpAddress, publicIp: this.applianceEgressIp(hop.nextHopIpAddress) };
    }
    if (hop && hop.nextHopType !== 'Internet') return undefined;
    // A NAT gateway on the subnet takes every new outbound flow to the Internet, before the load
    // balancer's outbound rule (answers to connections that came in through the load balancer
    // still leave through it).
    const natGateway = this.natGateway(subnet?.properties?.natGateway?.id);
    if (subnet && natGateway) {
      const pip = this.publicIp(natGateway.properties?.publicIpAddresses?.[0]?.id);
      return { via: 'nat-gateway', subnet, natGateway, publicIp: pip?.properties?.ipAddress };
    }
    const outbound = this.outboundRuleFor(new Set((config.loadBalancerBackendAddressPools ?? []).map((p) => p.id.toLowerCase())));
    if (!outbound) return undefined;
    const frontend = this.frontend(outbound.rule.properties?.frontendIPConfigurations?.[0]?.id);
    return { via: 'outbound-rule', ...outbound, publicIp: this.publicIp(frontend?.properties?.publicIPAddress?.id)?.properties?.ipAddress };
  }

  /** The public IP a node's outbound connections leave from (see nodeEgress). */
  egressIp(node: string): string | undefined {
    return this.nodeEgress(node)?.publicIp;
  }

  /** The Azure Firewall that owns a private address, and the public IP resource it goes out from. */
  firewallAt(privateIp: string): { firewall: AzureFirewall; publicIp?: PublicIpAddress } | undefined {
    const configs = (fw: AzureFirewall) => fw.properties?.ipConfigurations ?? [];
    const firewall = this.azureFirewalls().find((fw) => configs(fw).some((c) => c.properties?.privateIPAddress === privateIp));
    if (!firewall) return undefined;
    return { firewall, publicIp: this.publicIp(configs(firewall).find((c) => c.properties?.publicIPAddress?.id)?.properties?.publicIPAddress?.id) };
  }

  private applianceEgressIp(privateIp: string): string | undefined {
    return this.firewallAt(privateIp)?.publicIp?.properties?.ipAddress;
  }

  /** The virtual network whose address space holds an address. */
  vnetOf(ip: string): VirtualNetwork | undefined {
    return this.virtualNetworks().find((v) => (v.properties?.addressSpace?.addressPrefixes ?? []).some((p) => inPrefix(ip, p)));
  }

  /** A VNet's peerings that are connected on its side. */
  connectedPeerings(vnet: VirtualNetwork | undefined): VirtualNetworkPeering[] {
    return (vnet?.properties?.virtualNetworkPeerings ?? []).filter((p) => p.properties?.peeringState === 'Connected');
  }

  /** Whether a VNet peers with another (a connected peering on its side). */
  private peersWith(from: VirtualNetwork, to: VirtualNetwork): boolean {
    return this.connectedPeerings(from).some((p) => (p.properties?.remoteVirtualNetwork?.id ?? '').toLowerCase() === to.id.toLowerCase());
  }

  /** Whether a machine at `from` (a private address) reaches the private address `to`: the same VNet,
   * or VNets peered both ways. */
  privateRoute(from: string, to: string): { from: VirtualNetwork; to: VirtualNetwork; peered: boolean } | undefined {
    const a = this.vnetOf(from);
    const b = this.vnetOf(to);
    if (!a || !b) return undefined;
    if (a.id.toLowerCase() === b.id.toLowerCase()) return { from: a, to: b, peered: false };
    return this.peersWith(a, b) && this.peersWith(b, a) ? { from: a, to: b, peered: true } : undefined;
  }

  /** The address the reader's connection to `ip` comes from: its private address when it reaches a
   * private frontend through the VNets, else its public one; undefined when it cannot reach `ip`. */
  clientAddressFor(ip: string): string | undefined {
    const client = this.lab.info.client;
    if (!isPrivateIp(ip)) return client.publicIp;
    return client.privateIp && this.privateRoute(client.privateIp, ip) ? client.privateIp : undefined;
  }

  // The cluster.

  cluster(): OpenShiftCluster | undefined {
    return this.typedArm['Microsoft.RedHatOpenShift/openShiftClusters'][0];
  }

  /** `apps.<domain>.<region>.aroapp.io`, from the console URL the service publishes. */
  appsDomain(): string | undefined {
    const url = this.cluster()?.properties?.consoleProfile?.url;
    return url ? new URL(url).hostname.replace(/^console-openshift-console\./, '') : undefined;
  }

  apiHost(): string | undefined {
    const url = this.cluster()?.properties?.apiserverProfile?.url;
    return url ? new URL(url).hostname : undefined;
  }

  // Kubernetes: by kind, typed lookups, relations.

  /** Whether the cluster's API server serves a resource (`endpointslices`): by its version, and the
   * custom resources whose objects it holds. */
  serves(plural: string): boolean {
    this.servedPlurals ??= new Set(servedBy(this.lab.kube).map((r) => r.plural));
    return this.servedPlurals.has(plural);
  }

  /** Objects of a kind, in the lab's order, of one namespace when given; typed for the kinds the model knows. */
  kube<K extends keyof KubeLists>(kind: K, namespace?: string): KubeLists[K];
  kube(kind: string, namespace?: string): KubeObject[];
  kube(kind: string, namespace?: string): KubeObject[] {
    const all = this.kubeByKind.get(kind) ?? [];
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  }

  pods(namespace?: string): Pod[] {
    return this.kube('Pod', namespace);
  }

  services(namespace?: string): Service[] {
    return this.kube('Service', namespace);
  }

  routes(): Route[] {
    return this.kube('Route');
  }

  pod(namespace: string, name: string): Pod | undefined {
    return this.pods(namespace).find((p) => p.metadata.name === name);
  }

  service(namespace: string, name: string | undefined): Service | undefined {
    return this.services(namespace).find((s) => s.metadata.name === name);
  }

  /** NetworkPolicies on TCP traffic from one pod to another's port: denied when a policy selects
   * the destination for ingress and no selecting policy's ingress rule admits the source on that
   * port, or a policy selects the source for egress and no selecting policy's egress rule admits
   * the destination. Returns the names of the policies that deny it. A peer is a podSelector (the
   * policy's namespace), a namespaceSelector on the Namespace's labels, or both; ipBlock peers are
   * for addresses outside the cluster and admit no pod here. A port is a number, a range to
   * endPort, or the name of one of the destination's container ports. */
  networkPolicyDenies(from: KubeObject, to: KubeObject, port: number): string | undefined {
    return this.networkPolicyVerdict(from, to, port)?.policies;
  }

  /** Which side's NetworkPolicies deny traffic from one pod to another's port (see
   * networkPolicyDenies): the destination's Ingress ones, else the source's Egress ones. OpenShift
   * SDN enforces no Egress policy (OpenShift's "About network policy": with OpenShift SDN, "egress
   * network policy as specified by the egress field is not supported"). */
  networkPolicyVerdict(from: KubeObject, to: KubeObject, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): { direction: 'Ingress' | 'Egress'; policies: string } | undefined {
    const namespaceLabels = (name: string | undefined) => this.kube('Namespace').find((n) => n.metadata.name === name)?.metadata.labels;
    const admits = (policy: NetworkPolicy, peer: NetworkPolicyPeer, other: KubeObject): boolean => {
      if (peer.namespaceSelector === undefined) return peer.podSelector !== undefined && other.metadata.namespace === policy.metadata.namespace && selects(peer.podSelector, other);
      return selectsLabels(peer.namespaceSelector, namespaceLabels(other.metadata.namespace)) && (peer.podSelector === undefined || selects(peer.podSelector, other));
    };
    const portAdmits = (p: NetworkPolicyPort): boolean => {
      if ((p.protocol ?? 'TCP') !== protocol) return false;
      if (p.port === undefined) return true;
      const number = typeof p.port === 'number' || /^\d+$/.test(p.port) ? Number(p.port) : isPod(to) ? (to.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((c) => c.name === p.port)?.containerPort : undefined;
      return number !== undefined && (p.endPort === undefined ? number === port : port >= number && port <= p.endPort);
    };
    const ruleAdmits = (policy: NetworkPolicy, peers: NetworkPolicyPeer[] = [], ports: NetworkPolicyPort[] = [], other: KubeObject) =>
      (peers.length === 0 || peers.some((peer) => admits(policy, peer, other))) && (ports.length === 0 || ports.some(portAdmits));
    const ingress = this.kube('NetworkPolicy', to.metadata.namespace).filter((p) => policyTypes(p).includes('Ingress') && selects(p.spec?.podSelector, to));
    if (ingress.length > 0 && !ingress.some((p) => (p.spec?.ingress ?? []).some((rule) => ruleAdmits(p, rule.from, rule.ports, from)))) return { direction: 'Ingress', policies: ingress.map((p) => p.metadata.name).join(', ') };
    if (this.networkType() === 'OpenShiftSDN') return undefined;
    const egress = this.kube('NetworkPolicy', from.metadata.namespace).filter((p) => policyTypes(p).includes('Egress') && selects(p.spec?.podSelector, from));
    if (egress.length > 0 && !egress.some((p) => (p.spec?.egress ?? []).some((rule) => ruleAdmits(p, rule.to, rule.ports, to)))) return { direction: 'Egress', policies: egress.map((p) => p.metadata.name).join(', ') };
    return undefined;
  }

  /** The NetworkPolicies that keep a pod from cluster DNS, when they do: its queries go to the DNS
   * service's pods, on the port the service's UDP port 53 targets (dns-default's `dns`, 5353), since
   * a policy sees the translated destination. */
  clusterDnsDenied(pod: KubeObject): string | undefined {
    const service = this.service('openshift-dns', 'dns-default');
    const server = service ? this.serviceEndpoints(service)[0] : undefined;
    const target = service?.spec?.ports?.find((p) => p.port === 53 && (p.protocol ?? 'TCP') === 'UDP')?.targetPort ?? 53;
    const port = typeof target === 'number' ? target : /^\d+$/.test(target) ? Number(target) : (server?.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((p) => p.name === target)?.containerPort;
    return server && port !== undefined ? this.networkPolicyVerdict(pod, server, port, 'UDP')?.policies : undefined;
  }

  /** The cluster network's plugin: network.config's spec.networkType, else the network operator's
   * default network, else what the nodes' annotations show (OVN-Kubernetes writes k8s.ovn.org/ ones). */
  networkType(): 'OpenShiftSDN' | 'OVNKubernetes' {
    const network = (group: string) => this.kube('Network').find((n) => n.apiVersion.startsWith(`${group}/`) && n.metadata.name === 'cluster');
    const type = field(network('config.openshift.io')?.spec, 'networkType') ?? field(network('operator.openshift.io')?.spec, 'defaultNetwork', 'type');
    if (type === 'OVNKubernetes' || type === 'OpenShiftSDN') return type;
    return this.kube('Node').some((n) => Object.keys(n.metadata.annotations ?? {}).some((a) => a.startsWith('k8s.ovn.org/'))) ? 'OVNKubernetes' : 'OpenShiftSDN';
  }

  /** Running, ready pods selected by a service, by name. */
  serviceEndpoints(service: KubeObject): Pod[] {
    const selector = isService(service) ? (service.spec?.selector ?? {}) : {};
    if (Object.keys(selector).length === 0) return [];
    return this.pods(service.metadata.namespace)
      .filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
      .filter((p) => p.status?.phase === 'Running' && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'))
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  }

  routerService(): Service | undefined {
    return this.service('openshift-ingress', 'router-default');
  }

  /** Ready router pods: the reverse proxies between the load balancer and the apps. */
  routerPods(): Pod[] {
    const service = this.routerService();
    return service ? this.serviceEndpoints(service) : [];
  }

  routerIp(): string | undefined {
    return this.routerService()?.status?.loadBalancer?.ingress?.[0]?.ip;
  }

  routeForHost(host: string): Route | undefined {
    return this.routes().find((r) => r.spec?.host === host);
  }

  /** The service a route sends to. */
  routeService(route: KubeObject): Service | undefined {
    return this.service(route.metadata.namespace ?? 'default', isRoute(route) ? route.spec?.to?.name : undefined);
  }

  /** The pod a route's requests reach: the first ready endpoint by name (the lab pins the router's choice). */
  routeBackend(route: KubeObject): Pod | undefined {
    const service = this.routeService(route);
    return service ? this.serviceEndpoints(service)[0] : undefined;
  }

  /** The node's pod network (a /23 per node): its first address is the pods' gateway. OpenShift's
   * network plugin allocates it, not Kubernetes: OVN-Kubernetes writes it in the node's
   * `k8s.ovn.org/node-subnets` annotation, OpenShift SDN in the node's HostSubnet. */
  podNetworkOf(node: string): string | undefined {
    const n = this.kube('Node').find((x) => x.metadata.name === node);
    const ovn = n?.metadata.annotations?.['k8s.ovn.org/node-subnets'];
    if (ovn) {
      try {
        // {"default":["10.128.2.0/23"]} since 4.13, {"default":"10.128.2.0/23"} before.
        const subnets = field(parseJson(ovn), 'default');
        return Array.isArray(subnets) ? optStr(subnets[0]) : optStr(subnets);
      } catch {
        return undefined;
      }
    }
    const hostSubnet = this.kube('HostSubnet').find((h) => h.host === node);
    return hostSubnet?.subnet ?? n?.spec?.podCIDR;
  }

  // DNS, as the cluster, its nodes and the Internet answer.

  /** Cluster DNS from a pod in `namespace`: service names through the search path, else public DNS. */
  clusterResolve(name: string, namespace: string): string[] {
    const host = name.replace(/\.$/, '').toLowerCase();
    const candidates = host.includes('.') ? [host, `${host}.svc.cluster.local`, `${host}.cluster.local`] : [`${host}.${namespace}.svc.cluster.local`];
    for (const candidate of candidates) {
      const m = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local$/.exec(candidate);
      if (!m) continue;
      const service = this.service(m[2], m[1]);
      if (!service) continue;
      const ip = service.spec?.clusterIP;
      if (ip === 'None') return this.serviceEndpoints(service).flatMap((p) => p.status?.podIP ?? []);
      return ip === undefined ? [] : [ip];
    }
    if (host.endsWith('.cluster.local') || !host.includes('.')) return [];
    return this.nodeResolve(host);
  }

  /** The ARO operator's `Cluster` object (clusters.aro.openshift.io "cluster"), when the lab has one. */
  aroCluster(): AroCluster | undefined {
    return this.lab.kube.find((o): o is AroCluster => isAroCluster(o) && o.metadata.name === 'cluster');
  }

  /** What the ARO operator's dnsmasq on every node answers for a name (ARO-RP
   * pkg/operator/controllers/dnsmasq/scripts/dnsmasq.conf.gotmpl): `api.` and `api-int.<domain>` the
   * internal API address, `*.apps.<domain>` the ingress address, each gateway domain of egress
   * lockdown the service's private endpoint. `address=/name/ip` also answers every name below. */
  dnsmasqResolve(name: string): string | undefined {
    const spec = this.aroCluster()?.spec ?? {};
    const host = name.replace(/\.$/, '').toLowerCase();
    const under = (domain: string) => domain !== '' && (host === domain.toLowerCase() || host.endsWith(`.${domain.toLowerCase()}`));
    const domain = spec.domain;
    const entries: Array<[string, string | undefined]> = [];
    if (domain) entries.push([`api.${domain}`, spec.apiIntIP], [`api-int.${domain}`, spec.apiIntIP]);
    // `address=/.apps.<domain>/`: the names below apps.<domain>.
    const apps = domain ? `apps.${domain}`.toLowerCase() : undefined;
    if (apps && host.endsWith(`.${apps}`) && spec.ingressIP !== undefined) return spec.ingressIP;
    for (const gateway of spec.gatewayDomains ?? []) entries.push([gateway, spec.gatewayPrivateEndpointIP]);
    return entries.find(([d, ip]) => ip !== undefined && ip !== '' && under(d))?.[1];
  }

  /** A/records of the private DNS zones linked to the cluster's VNet (the 2020 cluster had one for its
   * domain: api, api-int, etcd-N), as Azure DNS answers inside the VNet. */
  privateZoneResolve(name: string): string[] | undefined {
    const host = name.replace(/\.$/, '').toLowerCase();
    const subnet = this.cluster()?.properties?.masterProfile?.subnetId ?? '';
    const vnet = subnet.toLowerCase().replace(/\/subnets\/[^/]+$/, '');
    const linked = new Set(
      this.armOfType('Microsoft.Network/privateDnsZones/virtualNetworkLinks')
        .filter((l) => (l.properties?.virtualNetwork?.id ?? '').toLowerCase() === vnet)
        .map((l) => l.id.toLowerCase().replace(/\/virtualnetworklinks\/[^/]+$/, '')),
    );
    const record = this.armOfType('Microsoft.Network/privateDnsZones/A').find((r) => {
      const zone = r.id.toLowerCase().replace(/\/a\/[^/]+$/, '');
      return linked.has(zone) && (r.properties?.fqdn ?? '').replace(/\.$/, '').toLowerCase() === host;
    });
    return record ? (record.properties?.aRecords ?? []).map((a) => a.ipv4Address) : undefined;
  }

  /** A name as a node resolves it (and a pod, through cluster DNS's upstream): the operator's
   * dnsmasq first, then Azure DNS in the VNet (private zones linked to it), then public DNS. */
  nodeResolve(name: string): string[] {
    const dnsmasq = this.dnsmasqResolve(name);
    if (dnsmasq) return [dnsmasq];
    return this.privateZoneResolve(name) ?? this.publicResolve(name);
  }

  /** Public DNS as the Internet sees it: the cluster's apps wildcard and API name, plus the lab's extra records. */
  publicResolve(name: string): string[] {
    const host = name.replace(/\.$/, '').toLowerCase();
    const apps = this.appsDomain();
    const cluster = this.cluster()?.properties;
    if (apps && host.endsWith(`.${apps}`)) {
      const ip = this.routerIp() ?? cluster?.ingressProfiles?.[0]?.ip;
      return ip ? [ip] : [];
    }
    if (host === this.apiHost()) return cluster?.apiserverProfile?.ip ? [cluster.apiserverProfile.ip] : [];
    const labelled = this.publicIps().find((p) => this.publicIpFqdn(p) === host)?.properties?.ipAddress;
    if (labelled) return [labelled];
    return this.lab.info.dns?.[host] ?? [];
  }

  /** The name Azure DNS gives a public IP with a DNS label: `<label>.<region>.cloudapp.azure.com`
   * (ARM fills in dnsSettings.fqdn so). */
  publicIpFqdn(pip: PublicIpAddress): string | undefined {
    const dns = pip.properties?.dnsSettings;
    const fqdn = dns?.fqdn ?? (dns?.domainNameLabel && pip.location ? `${dns.domainNameLabel}.${pip.location}.cloudapp.azure.com` : undefined);
    return fqdn?.replace(/\.$/, '').toLowerCase();
  }
}
