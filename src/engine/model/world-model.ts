// Relations inside a lab world that lessons and the sample app need: which NIC a node has, which
// public IP its traffic leaves through, which pods a route reaches, what cluster DNS answers.
// Everything is derived from the ARM resources and Kubernetes objects; nothing is lab-specific.
import type { ArmResource, KubeObject, LabFile } from '../world/types.ts';
import { servedBy } from '../world/kube-resources.ts';
import { nextHop } from './next-hop.ts';
import { inPrefix, isPrivateIp } from './addresses.ts';

/** An address on the Internet that no lab uses (TEST-NET-3's last), for "where does traffic to the
 * Internet go" when no particular server is meant. */
export const INTERNET_SAMPLE = '203.0.113.254';

type Obj = Record<string, any>;

export type NodeEgress =
  | { via: 'appliance'; subnet: Obj; table: Obj; route: Obj; applianceIp: string; publicIp?: string }
  | { via: 'outbound-rule'; lb: Obj; rule: Obj; publicIp?: string }
  | { via: 'nat-gateway'; subnet: Obj; natGateway: Obj; publicIp?: string };

export class WorldModel {
  readonly lab: LabFile;
  private readonly byId = new Map<string, Obj>();
  private servedPlurals?: Set<string>;

  constructor(lab: LabFile) {
    this.lab = lab;
    const index = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(index);
      else if (value && typeof value === 'object') {
        const o = value as Obj;
        if (typeof o.id === 'string' && typeof o.name === 'string') this.byId.set(o.id.toLowerCase(), o);
        Object.values(o).forEach(index);
      }
    };
    index(lab.arm);
  }

  arm(id: string | undefined): Obj | undefined {
    return id ? this.byId.get(id.toLowerCase()) : undefined;
  }

  armOfType(type: string): ArmResource[] {
    return this.lab.arm.filter((r) => r.type.toLowerCase() === type.toLowerCase());
  }

  /** Whether the cluster's API server serves a resource (`endpointslices`): by its version, and the
   * custom resources whose objects it holds. */
  serves(plural: string): boolean {
    this.servedPlurals ??= new Set(servedBy(this.lab.kube).map((r) => r.plural));
    return this.servedPlurals.has(plural);
  }

  kube(kind: string, namespace?: string): KubeObject[] {
    return this.lab.kube.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace));
  }

  cluster(): ArmResource | undefined {
    return this.armOfType('Microsoft.RedHatOpenShift/openShiftClusters')[0];
  }

  /** `apps.<domain>.<region>.aroapp.io`, from the console URL the service publishes. */
  appsDomain(): string | undefined {
    const url = (this.cluster()?.properties as Obj | undefined)?.consoleProfile?.url as string | undefined;
    return url ? new URL(url).hostname.replace(/^console-openshift-console\./, '') : undefined;
  }

  apiHost(): string | undefined {
    const url = (this.cluster()?.properties as Obj | undefined)?.apiserverProfile?.url as string | undefined;
    return url ? new URL(url).hostname : undefined;
  }

  pod(namespace: string, name: string): KubeObject | undefined {
    return this.kube('Pod', namespace).find((p) => p.metadata.name === name);
  }

  /** The NIC of the VM that runs a node (VM name = node name). */
  nicOfNode(node: string): Obj | undefined {
    return this.armOfType('Microsoft.Network/networkInterfaces').find((n) => (n.properties as Obj).virtualMachine?.id?.toLowerCase().endsWith(`/${node.toLowerCase()}`));
  }

  /** How a node's outbound connections to an Internet address leave, as Azure routes them
   * (nextHop): a user route to a virtual appliance sends them to it; the system route to the
   * Internet hands them to the subnet's NAT gateway when it has one, else to the outbound rule
   * whose backend pool holds the node's NIC. */
  nodeEgress(node: string, destination = INTERNET_SAMPLE): NodeEgress | undefined {
    const nic = this.nicOfNode(node);
    const config = (nic?.properties as Obj | undefined)?.ipConfigurations?.[0]?.properties as Obj | undefined;
    if (!config) return undefined;
    const subnet = this.arm(config.subnet?.id);
    const hop = typeof config.privateIPAddress === 'string' ? nextHop(this, config.privateIPAddress, destination) : undefined;
    if (hop?.nextHopType === 'VirtualAppliance' && hop.nextHopIpAddress) {
      const table = this.arm(hop.routeTableId);
      const route = ((table?.properties?.routes ?? []) as Obj[]).find((r) => r.name === hop.route);
      if (table && route) return { via: 'appliance', subnet: subnet as Obj, table, route, applianceIp: hop.nextHopIpAddress, publicIp: this.applianceEgressIp(hop.nextHopIpAddress) };
    }
    if (hop && hop.nextHopType !== 'Internet') return undefined;
    // A NAT gateway on the subnet takes every new outbound flow to the Internet, before the load
    // balancer's outbound rule (answers to connections that came in through the load balancer
    // still leave through it).
    const natGateway = this.arm(subnet?.properties?.natGateway?.id);
    if (natGateway) {
      const pip = this.arm(((natGateway.properties?.publicIpAddresses ?? []) as Obj[])[0]?.id);
      return { via: 'nat-gateway', subnet: subnet as Obj, natGateway, publicIp: pip?.properties?.ipAddress };
    }
    const pools = new Set((config.loadBalancerBackendAddressPools as Obj[] | undefined)?.map((p) => p.id.toLowerCase()) ?? []);
    for (const lb of this.armOfType('Microsoft.Network/loadBalancers')) {
      for (const rule of ((lb.properties as Obj).outboundRules ?? []) as Obj[]) {
        if (!pools.has(rule.properties.backendAddressPool.id.toLowerCase())) continue;
        const frontend = this.arm(rule.properties.frontendIPConfigurations[0]?.id);
        return { via: 'outbound-rule', lb, rule, publicIp: this.arm(frontend?.properties?.publicIPAddress?.id)?.properties?.ipAddress };
      }
    }
    return undefined;
  }

  /** The public IP a node's outbound connections leave from (see nodeEgress). */
  egressIp(node: string): string | undefined {
    return this.nodeEgress(node)?.publicIp;
  }

  /** The Azure Firewall that owns a private address, and the public IP resource it goes out from. */
  firewallAt(privateIp: string): { firewall: ArmResource; publicIp?: Obj } | undefined {
    const configs = (fw: ArmResource) => ((fw.properties as Obj).ipConfigurations ?? []) as Obj[];
    const firewall = this.armOfType('Microsoft.Network/azureFirewalls').find((fw) => configs(fw).some((c) => c.properties?.privateIPAddress === privateIp));
    if (!firewall) return undefined;
    return { firewall, publicIp: this.arm(configs(firewall).find((c) => c.properties?.publicIPAddress?.id)?.properties.publicIPAddress.id) };
  }

  private applianceEgressIp(privateIp: string): string | undefined {
    return this.firewallAt(privateIp)?.publicIp?.properties?.ipAddress;
  }

  /** NetworkPolicies: traffic to a pod is allowed unless a policy selects that pod for ingress and
   * none of the selecting policies has a rule that admits the source pod on that port. */
  networkPolicyDenies(from: KubeObject, to: KubeObject, port: number): string | undefined {
    const selects = (selector: Obj | undefined, pod: KubeObject) =>
      Object.entries((selector?.matchLabels ?? {}) as Record<string, string>).every(([k, v]) => pod.metadata.labels?.[k] === v);
    const policies = this.kube('NetworkPolicy', to.metadata.namespace).filter((p) => {
      const spec = p.spec as Obj;
      const types = (spec.policyTypes as string[] | undefined) ?? ['Ingress'];
      return types.includes('Ingress') && selects(spec.podSelector, to);
    });
    if (policies.length === 0) return undefined;
    const admits = (peer: Obj): boolean => {
      // A podSelector alone: pods with those labels in the policy's own namespace.
      if (peer.namespaceSelector === undefined) return peer.podSelector !== undefined && from.metadata.namespace === to.metadata.namespace && selects(peer.podSelector, from);
      // An empty namespaceSelector: every namespace (narrowed by a podSelector when there is one).
      // Namespace labels and ipBlock peers are not modelled: they admit nothing here.
      return Object.keys(peer.namespaceSelector.matchLabels ?? {}).length === 0 && (peer.podSelector === undefined || selects(peer.podSelector, from));
    };
    const admitted = policies.some((p) =>
      (((p.spec as Obj).ingress ?? []) as Obj[]).some((rule) => {
        const peers = (rule.from ?? []) as Obj[];
        const ports = (rule.ports ?? []) as Obj[];
        return (peers.length === 0 || peers.some(admits)) && (ports.length === 0 || ports.some((p) => p.port === undefined || Number(p.port) === port));
      }),
    );
    return admitted ? undefined : policies.map((p) => p.metadata.name).join(', ');
  }

  /** Running, ready pods selected by a service, by name. */
  serviceEndpoints(service: KubeObject): KubeObject[] {
    const selector = (service.spec?.selector ?? {}) as Record<string, string>;
    if (Object.keys(selector).length === 0) return [];
    return this.kube('Pod', service.metadata.namespace)
      .filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v))
      .filter((p) => p.status?.phase === 'Running' && ((p.status as Obj).conditions as Obj[] | undefined)?.some((c) => c.type === 'Ready' && c.status === 'True'))
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  }

  service(namespace: string, name: string): KubeObject | undefined {
    return this.kube('Service', namespace).find((s) => s.metadata.name === name);
  }

  routerService(): KubeObject | undefined {
    return this.service('openshift-ingress', 'router-default');
  }

  /** Ready router pods: the reverse proxies between the load balancer and the apps. */
  routerPods(): KubeObject[] {
    const service = this.routerService();
    return service ? this.serviceEndpoints(service) : [];
  }

  routerIp(): string | undefined {
    return ((this.routerService()?.status as Obj | undefined)?.loadBalancer?.ingress as Obj[] | undefined)?.[0]?.ip;
  }

  routeForHost(host: string): KubeObject | undefined {
    return this.kube('Route').find((r) => (r.spec as Obj | undefined)?.host === host);
  }

  routes(): KubeObject[] {
    return this.kube('Route');
  }

  /** The service a route sends to. */
  routeService(route: KubeObject): KubeObject | undefined {
    return this.service(route.metadata.namespace ?? 'default', (route.spec as Obj | undefined)?.to?.name);
  }

  /** The pod a route's requests reach: the first ready endpoint by name (the lab pins the router's choice). */
  routeBackend(route: KubeObject): KubeObject | undefined {
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
        const subnets = (JSON.parse(ovn) as { default?: string | string[] }).default;
        return Array.isArray(subnets) ? subnets[0] : subnets;
      } catch {
        return undefined;
      }
    }
    const hostSubnet = this.kube('HostSubnet').find((h) => (h as Obj).host === node) as Obj | undefined;
    return hostSubnet?.subnet ?? (n?.spec as Obj | undefined)?.podCIDR;
  }

  /** Cluster DNS from a pod in `namespace`: service names through the search path, else public DNS. */
  clusterResolve(name: string, namespace: string): string[] {
    const host = name.replace(/\.$/, '').toLowerCase();
    const candidates = host.includes('.') ? [host, `${host}.svc.cluster.local`, `${host}.cluster.local`] : [`${host}.${namespace}.svc.cluster.local`];
    for (const candidate of candidates) {
      const m = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc\.cluster\.local$/.exec(candidate);
      if (!m) continue;
      const service = this.service(m[2], m[1]);
      if (!service) continue;
      const ip = (service.spec as Obj).clusterIP;
      if (ip === 'None') return this.serviceEndpoints(service).map((p) => (p.status as Obj).podIP);
      return [ip];
    }
    if (host.endsWith('.cluster.local') || !host.includes('.')) return [];
    return this.nodeResolve(host);
  }

  /** The ARO operator's `Cluster` object (clusters.aro.openshift.io "cluster"), when the lab has one. */
  aroCluster(): KubeObject | undefined {
    return this.lab.kube.find((o) => o.kind === 'Cluster' && o.apiVersion.startsWith('aro.openshift.io/') && o.metadata.name === 'cluster');
  }

  /** What the ARO operator's dnsmasq on every node answers for a name (ARO-RP
   * pkg/operator/controllers/dnsmasq/scripts/dnsmasq.conf.gotmpl): `api.` and `api-int.<domain>` the
   * internal API address, `*.apps.<domain>` the ingress address, each gateway domain of egress
   * lockdown the service's private endpoint. `address=/name/ip` also answers every name below. */
  dnsmasqResolve(name: string): string | undefined {
    const spec = (this.aroCluster()?.spec ?? {}) as Obj;
    const host = name.replace(/\.$/, '').toLowerCase();
    const under = (domain: unknown) => typeof domain === 'string' && domain !== '' && (host === domain.toLowerCase() || host.endsWith(`.${domain.toLowerCase()}`));
    const domain = spec.domain as string | undefined;
    const entries: Array<[unknown, unknown]> = [];
    if (domain) entries.push([`api.${domain}`, spec.apiIntIP], [`api-int.${domain}`, spec.apiIntIP]);
    // `address=/.apps.<domain>/`: the names below apps.<domain>.
    const apps = domain ? `apps.${domain}`.toLowerCase() : undefined;
    if (apps && host.endsWith(`.${apps}`) && typeof spec.ingressIP === 'string') return spec.ingressIP;
    for (const gateway of (spec.gatewayDomains ?? []) as unknown[]) entries.push([gateway, spec.gatewayPrivateEndpointIP]);
    const hit = entries.find(([d, ip]) => typeof ip === 'string' && ip !== '' && under(d));
    return hit?.[1] as string | undefined;
  }

  /** A/records of the private DNS zones linked to the cluster's VNet (the 2020 cluster had one for its
   * domain: api, api-int, etcd-N), as Azure DNS answers inside the VNet. */
  privateZoneResolve(name: string): string[] | undefined {
    const host = name.replace(/\.$/, '').toLowerCase();
    const subnet = ((this.cluster()?.properties as Obj | undefined)?.masterProfile?.subnetId ?? '') as string;
    const vnet = subnet.toLowerCase().replace(/\/subnets\/[^/]+$/, '');
    const linked = new Set(
      this.armOfType('Microsoft.Network/privateDnsZones/virtualNetworkLinks')
        .filter((l) => ((l.properties as Obj | undefined)?.virtualNetwork?.id ?? '').toLowerCase() === vnet)
        .map((l) => l.id.toLowerCase().replace(/\/virtualnetworklinks\/[^/]+$/, '')),
    );
    const record = this.armOfType('Microsoft.Network/privateDnsZones/A').find((r) => {
      const zone = r.id.toLowerCase().replace(/\/a\/[^/]+$/, '');
      return linked.has(zone) && String((r.properties as Obj | undefined)?.fqdn ?? '').replace(/\.$/, '').toLowerCase() === host;
    });
    const ips = ((record?.properties as Obj | undefined)?.aRecords ?? []) as Obj[];
    return record ? ips.map((a) => a.ipv4Address as string) : undefined;
  }

  /** A name as a node resolves it (and a pod, through cluster DNS's upstream): the operator's
   * dnsmasq first, then Azure DNS in the VNet (private zones linked to it), then public DNS. */
  nodeResolve(name: string): string[] {
    const dnsmasq = this.dnsmasqResolve(name);
    if (dnsmasq) return [dnsmasq];
    return this.privateZoneResolve(name) ?? this.publicResolve(name);
  }

  /** The virtual network whose address space holds an address. */
  vnetOf(ip: string): ArmResource | undefined {
    return this.armOfType('Microsoft.Network/virtualNetworks').find((v) => (((v.properties as Obj | undefined)?.addressSpace?.addressPrefixes ?? []) as string[]).some((p) => inPrefix(ip, p)));
  }

  /** Whether a VNet peers with another (a connected peering on its side). */
  private peersWith(from: ArmResource, to: ArmResource): boolean {
    return (((from.properties as Obj | undefined)?.virtualNetworkPeerings ?? []) as Obj[]).some(
      (p) => (p.properties?.remoteVirtualNetwork?.id ?? '').toLowerCase() === to.id.toLowerCase() && p.properties?.peeringState === 'Connected',
    );
  }

  /** Whether a machine at `from` (a private address) reaches the private address `to`: the same VNet,
   * or VNets peered both ways. */
  privateRoute(from: string, to: string): { from: ArmResource; to: ArmResource; peered: boolean } | undefined {
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

  /** Public DNS as the Internet sees it: the cluster's apps wildcard and API name, plus the lab's extra records. */
  publicResolve(name: string): string[] {
    const host = name.replace(/\.$/, '').toLowerCase();
    const apps = this.appsDomain();
    const cluster = this.cluster()?.properties as Obj | undefined;
    if (apps && host.endsWith(`.${apps}`)) {
      const ip = this.routerIp() ?? cluster?.ingressProfiles?.[0]?.ip;
      return ip ? [ip] : [];
    }
    if (host === this.apiHost()) return cluster?.apiserverProfile?.ip ? [cluster.apiserverProfile.ip] : [];
    return this.lab.info.dns?.[host] ?? [];
  }
}
