// One packet's path through a world, hop by hop, computed from its ARM resources and Kubernetes
// objects (never a written list of hops): where the packet is, its source and destination after
// that hop, what changed them and why, and the command that shows it. When something in the world
// stops the packet, the walk ends there and says why.
import type { KubeObject, LabFile } from '../world/types.ts';
import { SNAT_HOLD_MINUTES, snatNow } from '../model/snat.ts';
import { WorldModel } from '../model/world-model.ts';
import { isPrivateIp } from '../model/addresses.ts';
import { ingressTo, lbRuleFor, nsgPath } from '../model/ingress.ts';
import { containerEnv, SQL_SERVER_PORT } from '../app/sqlapi.ts';
import { arr, field, isJsonObject, obj, optStr, str, type Json, type JsonObject } from '../world/json.ts';

export type FlowName = 'ingress' | 'egress' | 'sql' | 'api';

/** The flows, each titled as it is on any lab; a walk's own title says what it is on its lab. */
export const FLOWS: Array<{ name: FlowName; title: string }> = [
  { name: 'ingress', title: 'Client → route → router → app pod' },
  { name: 'egress', title: 'App pod → Internet (outbound rule, a NAT gateway, or a firewall when a route table sends traffic there)' },
  { name: 'sql', title: 'App pod → SQL Server through its ClusterIP service' },
  { name: 'api', title: 'Client → API server through the API load balancer' },
];

export interface Hop {
  step: number;
  /** Where the packet is after this hop. */
  at: string;
  /** Addresses as `ip:port` after this hop. */
  src: string;
  dst: string;
  /** What this hop did to the addresses ("none" when it only carried the packet). */
  change: string;
  why: string;
  /** A command that shows it, runnable in the lab terminal. */
  proof: string;
}

export interface Walk {
  flow: FlowName;
  title: string;
  hops: Hop[];
  /** Set when the world stops the packet: the hop where it stops and why. */
  stopped?: { step: number; why: string };
}

// Ports the endpoints pick for themselves; any free port would do, these keep the walk readable.
const CLIENT_PORT = 51000;
const PROXY_PORT = 42000;
const POD_PORT = 43000;
const NODE_PORT = 43000;
const SNAT_PORT = 1024;

const at = (ip: string | undefined, port: number | string) => `${ip ?? '?'}:${port}`;

/** A port as a service spells it: a number, or the name of a container's port. */
const portOf = (value: Json | undefined): number | string => (typeof value === 'number' || typeof value === 'string' ? value : String(value));

const objectOrUndefined = (value: Json | undefined): JsonObject | undefined => (isJsonObject(value) ? value : undefined);

export class WalkError extends Error {}

/** The cluster's network plugin and the words for what it does on a node. */
interface Plugin {
  type: 'OpenShiftSDN' | 'OVNKubernetes';
  /** Who translates a service address on a node, and its verbs (plural or not). */
  serviceNat: string;
  verb: (plural: string, singular: string) => string;
  /** Who masquerades a pod's traffic leaving the cluster to the node's address. */
  masquerade: string;
  /** The overlay between nodes. */
  overlay: string;
  /** Where a NetworkPolicy is enforced for a pod. */
  policy: string;
}

/** The cluster network operator's settings for its plugin (operator.openshift.io Network
 * "cluster", spec.defaultNetwork), when the world holds them; absent, the plugins' defaults. */
type PluginSettings = JsonObject;

const PLUGINS: Record<Plugin['type'], (settings: PluginSettings) => Plugin> = {
  OpenShiftSDN: (settings) => ({
    type: 'OpenShiftSDN',
    serviceNat: "kube-proxy's iptables rules",
    verb: (plural) => plural,
    masquerade: "iptables' MASQUERADE rule (OpenShift SDN)",
    overlay: `VXLAN (UDP ${field(settings, 'openshiftSDNConfig', 'vxlanPort') ?? 4789})`,
    policy: 'the Open vSwitch flows OpenShift SDN programs on the destination pod\'s node',
  }),
  OVNKubernetes: (settings) => ({
    type: 'OVNKubernetes',
    serviceNat: "OVN-Kubernetes' load balancer in Open vSwitch (no kube-proxy)",
    verb: (_plural, singular) => singular,
    // routingViaHost: local gateway mode, egress goes through the host's own routing and masquerade.
    masquerade:
      field(settings, 'ovnKubernetesConfig', 'gatewayConfig', 'routingViaHost') === true
        ? "the node's own netfilter masquerade rule, which OVN-Kubernetes installs on the host (local gateway mode, routingViaHost)"
        : "the node's OVN gateway router on br-ex (OVN-Kubernetes, shared gateway mode)",
    overlay: `Geneve (UDP ${field(settings, 'ovnKubernetesConfig', 'genevePort') ?? 6081})`,
    policy: "the OVN ACL on the destination pod's logical switch port, on that pod's node",
  }),
};

/** Where the reader's machine is, for a flow to an address. */
interface Client {
  ip: string;
  /** Reached through the cluster's VNet (and a peering) rather than the Internet. */
  inside: boolean;
  label: string;
  peering?: { name: string; vnet: string; group: string; remote: string };
}

class Walker {
  readonly model: WorldModel;
  readonly lab: LabFile;
  private readonly hops: Hop[] = [];
  private stop?: { step: number; why: string };
  title?: string;

  constructor(lab: LabFile) {
    this.lab = lab;
    this.model = new WorldModel(lab);
  }

  hop(h: Omit<Hop, 'step'>): void {
    this.hops.push({ step: this.hops.length + 1, ...h });
  }

  stopHere(why: string): void {
    this.stop = { step: this.hops.length, why };
  }

  result(flow: FlowName): Walk {
    return { flow, title: this.title ?? FLOWS.find((f) => f.name === flow)!.title, hops: this.hops, ...(this.stop ? { stopped: this.stop } : {}) };
  }

  /** The network plugin: network.config's spec.networkType, else the network operator's, else what
   * the nodes' annotations show; with the operator's settings for it (ports, gateway mode). */
  plugin(): Plugin {
    const operator = this.model.kube('Network').find((n) => n.apiVersion.startsWith('operator.openshift.io/') && n.metadata.name === 'cluster');
    return PLUGINS[this.model.networkType()](obj(operator?.spec?.defaultNetwork));
  }

  /** The reader's machine as a connection to `ip` starts from it: inside a VNet that reaches the
   * address (its private address, through a peering when it is another VNet's), else the Internet. */
  client(ip: string | undefined): Client {
    const info = this.lab.info.client;
    const privateIp = info.privateIp;
    if (ip && isPrivateIp(ip) && privateIp) {
      const route = this.model.privateRoute(privateIp, ip);
      if (route) {
        const peering = route.peered
          ? arr(field(route.from, 'properties', 'virtualNetworkPeerings'))
              .filter(isJsonObject)
              .find((p) => str(field(p, 'properties', 'remoteVirtualNetwork', 'id')).toLowerCase() === route.to.id.toLowerCase())
          : undefined;
        return {
          ip: privateIp,
          inside: true,
          label: route.peered ? `your machine ${privateIp} (VNet ${route.from.name})` : `your machine ${privateIp}`,
          peering: peering && { name: str(peering.name), vnet: route.from.name, group: route.from.id.split('/')[4], remote: route.to.name },
        };
      }
    }
    return { ip: info.publicIp, inside: false, label: 'Internet client' };
  }

  /** The hop through a VNet peering, when the client's VNet is not the cluster's. */
  peeringHop(client: Client, dst: string): void {
    if (!client.peering) return;
    const p = client.peering;
    this.hop({
      at: `peering ${p.name} (${p.vnet} → ${p.remote})`,
      src: at(client.ip, CLIENT_PORT),
      dst,
      change: 'none',
      why: `Your machine's VNet ${p.vnet} is peered with ${p.remote}: the peering routes the packet between the two address spaces privately, with no gateway and no translation.`,
      proof: `az network vnet peering list -g ${p.group} --vnet-name ${p.vnet} -o table`,
    });
  }

  /** The command that lists a service's endpoints on this cluster's API server: its EndpointSlices
   * where the server serves them (discovery.k8s.io, Kubernetes 1.17 on; v1 Endpoints is deprecated
   * in 1.33), else the v1 Endpoints object. */
  endpointsProof(service: string | undefined): string {
    if (this.model.serves('endpointslices')) return `kubectl get endpointslices${service ? ` -l kubernetes.io/service-name=${service}` : ''}`;
    return `kubectl get endpoints${service ? ` ${service}` : ''}`;
  }

  get stopped(): boolean {
    return this.stop !== undefined;
  }

  nodeGroup(): string {
    const id = optStr(field(this.model.cluster(), 'properties', 'clusterProfile', 'resourceGroupId'));
    return id?.split('/')[4] ?? '';
  }

  nodeIp(name: string): string | undefined {
    const node = this.model.kube('Node').find((n) => n.metadata.name === name);
    return optStr(arr(node?.status?.addresses).filter(isJsonObject).find((a) => a.type === 'InternalIP')?.address);
  }

  /** The app the lab's route reaches: route, its service and the first ready pod behind it. */
  app(): { route: KubeObject; service: KubeObject; pod?: KubeObject } {
    const route = this.model.routes().find((r) => !String(r.metadata.namespace).startsWith('openshift-'));
    if (!route) throw new WalkError('this lab has no application route to walk');
    const service = this.model.routeService(route);
    if (!service) throw new WalkError(`the route ${route.metadata.name} points at no service`);
    return { route, service, pod: this.model.routeBackend(route) };
  }

  /** Whether the reader's machine gets an answer from a route's host (model/ingress.ts). */
  routeAnswers(host: string): boolean {
    const ip = this.model.publicResolve(host)[0];
    return ip !== undefined && ingressTo(this.model, ip, 80).outcome === 'connected';
  }

  /** The command that shows the address the app's calls leave from: the app's own answer through
   * its route, or, when the route does not answer from the reader's machine, the public IP resource. */
  myPublicIpProof(host: string, pip: unknown): string {
    if (this.routeAnswers(host) || !pip) return `curl -s "http://${host}/api/ip" | jq -r .my_public_ip`;
    return `az network public-ip show -g ${String(field(pip, 'id')).split('/')[4]} -n ${field(pip, 'name')} -o table`;
  }

  /** The API server's port, from the URL the cluster publishes (https's 443 when it names none). */
  apiPort(): number {
    const url = optStr(field(this.model.cluster(), 'properties', 'apiserverProfile', 'url'));
    return Number((url && new URL(url).port) || 443);
  }

  /** A public address for "a server on the Internet" that nothing in the world uses. */
  internetHost(): string {
    const used = JSON.stringify(this.lab);
    for (let i = 1; i < 255; i++) if (!used.includes(`"203.0.113.${i}"`)) return `203.0.113.${i}`;
    return '203.0.113.254';
  }
}

function ingress(w: Walker): void {
  const { route, service, pod } = w.app();
  const host = String(route.spec?.host);
  const routerIp = w.model.publicResolve(host)[0];
  const client = w.client(routerIp);
  const privateFrontend = routerIp !== undefined && isPrivateIp(routerIp);
  const plugin = w.plugin();
  const port = 80;
  w.title = `${client.inside ? 'Your machine in a peered VNet' : 'Internet client'} → route → router${privateFrontend ? ' (private frontend)' : ''} → app pod`;
  w.hop({
    at: client.label,
    src: at(client.ip, CLIENT_PORT),
    dst: at(routerIp, port),
    change: `DNS: ${host} → ${routerIp ?? 'nothing'}`,
    why: privateFrontend
      ? `The route's host is under the cluster's apps domain, whose public DNS record points at the router's private frontend: the name resolves anywhere, the address answers only inside the network.`
      : `The route's host is under the cluster's apps domain, whose public DNS record points at the router's public IP.`,
    proof: `nslookup ${host}`,
  });
  if (!routerIp) return w.stopHere(`${host} does not resolve: the client has nowhere to send the packet.`);
  // The same answer curl gets (model/ingress.ts): each stage, and where the connection stops.
  const path = ingressTo(w.model, routerIp, port);
  if (path.stop?.stage === 'frontend' && path.clientIp === undefined) return w.stopHere(path.stop.why);
  w.peeringHop(client, at(routerIp, port));
  const carried = path.carried;
  const routerService = path.service ?? w.model.routerService();
  const spec = obj(routerService?.spec);
  const routerServiceWords = routerService ? `the ${routerService.metadata.name} service` : "the router's service";
  const local = path.local;
  const probe = objectOrUndefined(field(carried?.probe, 'properties'));
  const probeText = probe ? `its health probe (${probe.protocol} ${probe.requestPath ?? ''} on port ${probe.port}${local && spec.healthCheckNodePort === probe.port ? ', the service\'s healthCheckNodePort' : ''})` : 'its health probe';
  const routerNode = path.node;
  w.hop({
    at: carried ? `load balancer ${carried.lb.name}, rule ${carried.rule.name}` : 'load balancer',
    src: at(client.ip, CLIENT_PORT),
    dst: at(routerIp, port),
    change: path.stop?.stage === 'probe' ? 'none: no healthy backend' : field(carried?.rule, 'properties', 'enableFloatingIP') ? 'none (floating IP: the node receives the frontend address as destination)' : 'destination rewritten to the backend node',
    why:
      path.stop?.stage === 'probe'
        ? local
          ? `The router's service is a LoadBalancer with externalTrafficPolicy Local: ${probeText} answers only on nodes that run a ready router pod, and none does, so the rule for port ${port} has no healthy node to send the packet to.`
          : `The router's service is a LoadBalancer with externalTrafficPolicy ${spec.externalTrafficPolicy ?? 'Cluster'}: ${probeText} fails on every node, so the rule for port ${port} has no healthy node to send the packet to.`
        : local
          ? `The router's service is a LoadBalancer with externalTrafficPolicy Local: ${probeText} answers only on nodes that run a ready router pod, so the rule for port ${port} sends the packet to one of them${routerNode ? ` (${routerNode})` : ''}, unchanged.`
          : `The router's service is a LoadBalancer with externalTrafficPolicy ${spec.externalTrafficPolicy ?? 'Cluster'}: ${probeText} answers on every node while the service has a ready endpoint, so the rule for port ${port} may send the packet to any node, unchanged.`,
    proof: `az network lb rule list --lb-name ${carried?.lb.name ?? '<lb>'} -g ${w.nodeGroup()} -o table`,
  });
  if (path.stop?.stage === 'frontend' || path.stop?.stage === 'probe' || !routerNode) return w.stopHere(path.stop?.why ?? 'No node takes the connection.');
  const nodeIp = path.nodeIp ?? w.nodeIp(routerNode);
  const denied = path.nsg?.denied;
  if (denied) {
    const group = String(denied.nsg.id).split('/')[4];
    w.hop({
      at: `NSG ${denied.nsg.name} (${denied.on === 'subnet' ? 'subnet' : 'NIC'} of ${routerNode})`,
      src: at(client.ip, CLIENT_PORT),
      dst: at(routerIp, port),
      change: `dropped by rule ${denied.rule.name} (priority ${denied.rule.properties?.priority})`,
      why: `Azure checks the packet against the NSG on the node's ${denied.on === 'subnet' ? 'subnet' : 'network interface'}: its rules${denied.isDefault ? ' and default rules' : ''} by priority, the first that matches the source ${client.ip}, the destination and port ${port} decides.`,
      proof: `az network nsg rule list -g ${group} --nsg-name ${denied.nsg.name} --include-default -o table`,
    });
    return w.stopHere(path.stop?.why ?? `The network security group ${denied.nsg.name} drops the packet.`);
  }
  const router = path.router ?? w.model.routerPods()[0];
  const routerPodIp = optStr(field(router, 'status', 'podIP'));
  // Cluster: the node that received the packet may hand it to a router pod elsewhere, and then
  // translates the source to its own address so that the answer comes back through it.
  const source = local ? client.ip : nodeIp;
  w.hop({
    at: `node ${routerNode} (${nodeIp ?? '?'})`,
    src: at(source, local ? CLIENT_PORT : NODE_PORT),
    dst: at(routerPodIp, port),
    change: `DNAT ${at(routerIp, port)} → ${at(routerPodIp, port)}${local ? '' : `; SNAT ${client.ip} → ${nodeIp ?? '?'}`}`,
    why: local
      ? `${plugin.serviceNat} for ${routerServiceWords} ${plugin.verb('send', 'sends')} the load balancer's address to a router pod on this node; the client's address is kept (externalTrafficPolicy Local).`
      : `${plugin.serviceNat} for ${routerServiceWords} ${plugin.verb('send', 'sends')} the load balancer's address to a router pod, possibly on another node, and ${plugin.verb('translate', 'translates')} the source to this node's address (externalTrafficPolicy ${spec.externalTrafficPolicy ?? 'Cluster'}): the client's address is lost.`,
    proof: `kubectl get svc -n ${routerService?.metadata.namespace ?? 'openshift-ingress'}`,
  });
  // The answer's way back, shown when the node's subnet has a route table that could take it elsewhere.
  const subnet = w.model.arm(w.model.nicOfNode(routerNode)?.properties?.ipConfigurations?.[0]?.properties?.subnet?.id);
  const table = w.model.arm(optStr(field(subnet, 'properties', 'routeTable', 'id')));
  if (table && path.reply) {
    const reply = path.reply;
    const viaAppliance = reply.nextHopType === 'VirtualAppliance';
    w.hop({
      at: `answer from node ${routerNode}, route table ${table.name} (${subnet!.name})`,
      src: at(routerIp, port),
      dst: at(path.clientIp ?? client.ip, CLIENT_PORT),
      change: viaAppliance ? `next hop ${reply.nextHopIpAddress} (route ${reply.route})` : `next hop ${reply.nextHopType} (${reply.source === 'User' ? `route ${reply.route}` : 'system route'} ${reply.addressPrefix ?? ''})`.replace(/ \)$/, ')'),
      why: viaAppliance
        ? `The router pod answers the connection from the load balancer's address; the node's subnet has route table ${table.name}, whose route ${reply.route} (${reply.addressPrefix}) is the longest prefix that holds ${path.clientIp}: the answer goes to ${reply.nextHopIpAddress}${reply.firewall ? `, the firewall ${reply.firewall.name}` : ''}, not back through the load balancer the request came in by.`
        : `The router pod answers the connection from the load balancer's address; for ${path.clientIp} the node's subnet uses ${reply.source === 'User' ? `route ${reply.route} of ${table.name}` : `the system route ${reply.addressPrefix} (${reply.nextHopType}), more specific than the routes of ${table.name}`}: the answer goes back the way the request came.`,
      proof: `az network route-table route list -g ${String(table.id).split('/')[4]} --route-table-name ${table.name} -o table`,
    });
    if (path.stop?.stage === 'return') return w.stopHere(path.stop.why);
  } else if (path.stop) return w.stopHere(path.stop.why);
  if (!router || !routerPodIp) return w.stopHere('No router pod takes the connection.');
  if (!pod) return w.stopHere(`The service ${service.metadata.name} has no ready pod: the router answers 503 Service Unavailable.`);
  const podIp = optStr(pod.status?.podIP);
  const targetPort = portOf(field(service.spec, 'ports', 0, 'targetPort') ?? field(service.spec, 'ports', 0, 'port'));
  w.hop({
    at: `router pod ${router.metadata.name}`,
    src: at(routerPodIp, PROXY_PORT),
    dst: at(podIp, targetPort),
    change: `new connection from the router; X-Forwarded-For: ${source ?? '?'}`,
    why: `The router is a reverse proxy: it ends the client's connection, picks the route for Host ${host}, and opens its own connection to a pod of ${service.metadata.name}; the client survives only in the X-Forwarded-For header.`,
    proof: `curl -s "http://${host}/api/ip"`,
  });
  w.hop({
    at: `app pod ${pod.metadata.name}`,
    src: at(routerPodIp, PROXY_PORT),
    dst: at(podIp, targetPort),
    change: 'none',
    why: `The app sees the router's address as the connection's source (your_address) and the client's in X-Forwarded-For.`,
    proof: 'kubectl get pod -o wide',
  });
}

function egress(w: Walker): void {
  const { route, pod } = w.app();
  if (!pod) throw new WalkError(`the app of route ${route.metadata.name} has no ready pod to start from`);
  const podIp = optStr(pod.status?.podIP);
  const node = str(pod.spec?.nodeName);
  const nodeIp = w.nodeIp(node);
  const target = w.internetHost();
  const host = String(route.spec?.host);
  const plugin = w.plugin();
  const path = w.model.nodeEgress(node);
  w.title =
    path?.via === 'appliance'
      ? 'App pod → Internet through the firewall a route table sends it to'
      : path?.via === 'nat-gateway'
        ? "App pod → Internet through the subnet's NAT gateway"
        : 'App pod → Internet through the load balancer\'s outbound rule';
  w.hop({
    at: `app pod ${pod.metadata.name}`,
    src: at(podIp, POD_PORT),
    dst: at(target, 443),
    change: 'none',
    why: 'The pod opens a connection to a server on the Internet from its own address on the pod network.',
    proof: 'kubectl get pod -o wide',
  });
  w.hop({
    at: `node ${node} (${nodeIp ?? '?'})`,
    src: at(nodeIp, NODE_PORT),
    dst: at(target, 443),
    change: `SNAT ${podIp} → ${nodeIp ?? '?'}`,
    why: `Traffic leaving the pod network for outside the cluster is translated to the node's address by ${plugin.masquerade}.`,
    proof: 'kubectl get nodes -o wide',
  });
  const egressIp = path?.publicIp;
  if (path?.via === 'appliance') {
    const firewallIp = path.applianceIp;
    const { firewall, publicIp: pip } = w.model.firewallAt(firewallIp) ?? {};
    const firewallVnet = w.model.vnetOf(firewallIp);
    const subnetVnet = String(path.subnet.id ?? '').split('/subnets/')[0].toLowerCase();
    const elsewhere = firewallVnet && firewallVnet.id.toLowerCase() !== subnetVnet;
    const tableGroup = String(path.table.id).split('/')[4];
    const prefix = str(field(path.route, 'properties', 'addressPrefix'));
    w.hop({
      at: `route table ${path.table.name} (${path.subnet.name})`,
      src: at(nodeIp, NODE_PORT),
      dst: at(target, 443),
      change: `next hop ${firewallIp} (route ${path.route.name})`,
      why: `The node's subnet has a route table whose ${prefix} route sends ${prefix === '0.0.0.0/0' ? 'everything' : `traffic to ${target}`} to a virtual appliance instead of the load balancer's outbound rule${elsewhere ? `; ${firewallIp} is in VNet ${firewallVnet.name}, reached through the peering` : ''}.`,
      proof: `az network route-table route list -g ${tableGroup} --route-table-name ${path.table.name} -o table`,
    });
    if (!firewall) {
      w.hop({
        at: `virtual appliance ${firewallIp}`,
        src: at(nodeIp, NODE_PORT),
        dst: at(target, 443),
        change: 'dropped: nothing has the address',
        why: `No firewall or other machine in the world has ${firewallIp}: the route sends the packet to an address where nothing forwards it, and the app's connection waits until it gives up.`,
        proof: `az network route-table route show -g ${tableGroup} --route-table-name ${path.table.name} -n ${path.route.name} --query nextHopIpAddress -o tsv`,
      });
      return w.stopHere(`No firewall in the world owns ${firewallIp}: the packet is dropped.`);
    }
    // The firewall's public address is shown from its public IP resource (az network firewall is an
    // extension's command a fresh az lacks).
    w.hop({
      at: `firewall ${firewallIp}`,
      src: at(egressIp, SNAT_PORT),
      dst: at(target, 443),
      change: `SNAT ${nodeIp ?? '?'} → ${egressIp ?? '?'}`,
      why: `The firewall ${firewall.name}${elsewhere ? ` in ${firewallVnet.name}` : ''} inspects the connection and sends it out from its own public address${pip ? `, ${pip.name}` : ''}.`,
      proof: pip
        ? `az network public-ip show -g ${String(pip.id).split('/')[4]} -n ${pip.name} --query ipAddress -o tsv`
        : `az network route-table route show -g ${tableGroup} --route-table-name ${path.table.name} -n ${path.route.name} --query nextHopIpAddress -o tsv`,
    });
    if (!egressIp) return w.stopHere(`The firewall ${firewall.name} has no public IP: the packet is dropped.`);
    w.hop({
      at: `Internet server ${target}`,
      src: at(egressIp, SNAT_PORT),
      dst: at(target, 443),
      change: 'none',
      why: `The server sees the firewall's public IP, the address the app reports as my_public_ip.`,
      // When the route does not answer from the reader's machine, the firewall's public IP resource shows it.
      proof: w.myPublicIpProof(host, pip),
    });
    return;
  }
  if (path?.via === 'nat-gateway') {
    const nat = path.natGateway;
    w.hop({
      at: `NAT gateway ${nat.name} (${path.subnet.name})`,
      src: at(egressIp, SNAT_PORT),
      dst: at(target, 443),
      change: `SNAT ${nodeIp ?? '?'}:${NODE_PORT} → ${egressIp ?? '?'}:${SNAT_PORT}`,
      why: `The node's subnet has a NAT gateway: it takes every new outbound connection to the Internet before the load balancer's outbound rule would, and translates the source to its own public IP.`,
      proof: `az network nat gateway show -g ${String(nat.id).split('/')[4]} -n ${nat.name} -o json`,
    });
    if (!egressIp) return w.stopHere(`The NAT gateway ${nat.name} has no public IP: the packet is dropped.`);
    w.hop({
      at: `Internet server ${target}`,
      src: at(egressIp, SNAT_PORT),
      dst: at(target, 443),
      change: 'none',
      why: `The server sees the NAT gateway's public IP, the address the app reports as my_public_ip.`,
      proof: w.myPublicIpProof(host, w.model.arm(optStr(field(nat, 'properties', 'publicIpAddresses', 0, 'id')))),
    });
    return;
  }
  const outbound = path;
  // Every SNAT port of the node taken: the load balancer has nothing to translate the SYN to.
  const snat = outbound ? snatNow(w.model, node) : undefined;
  if (outbound && snat && snat.minute.failed > 0) {
    return w.stopHere(
      `No SNAT port left: outbound rule ${outbound.rule.name} gives node ${nodeIp ?? node} ${snat.backend.allocated} ports on ${egressIp ?? '?'} and all are taken. The app's calls all go to one destination (the same address and port), so each connection needs a port of its own, and a port stays taken about ${SNAT_HOLD_MINUTES * 60} s after its connection closes: ${snat.minute.attempts} new connections a minute need about ${snat.minute.attempts * SNAT_HOLD_MINUTES} ports. ${snat.minute.failed} of ${snat.minute.attempts} a minute get none, their SYNs are dropped and the app waits until it gives up (az monitor metrics list --metrics UsedSnatPorts SnatConnectionCount shows it).`,
    );
  }
  w.hop({
    at: outbound ? `load balancer ${outbound.lb.name}, outbound rule ${outbound.rule.name}` : 'load balancer',
    src: at(egressIp, SNAT_PORT),
    dst: at(target, 443),
    change: `SNAT ${nodeIp ?? '?'}:${NODE_PORT} → ${egressIp ?? '?'}:${SNAT_PORT}`,
    why: outbound
      ? `The node's NIC is in the backend pool of outbound rule ${outbound.rule.name}, which translates the source to its frontend public IP and one of its ${outbound.rule.properties?.allocatedOutboundPorts ?? ''} SNAT ports per node.`
      : 'No outbound rule covers the node: the packet has no public address to leave from.',
    proof: outbound ? `az network lb outbound-rule list --lb-name ${outbound.lb.name} -g ${w.nodeGroup()} -o table` : `az network lb list -g ${w.nodeGroup()} -o table`,
  });
  if (!outbound || !egressIp) return w.stopHere('No outbound rule or public IP for the node: the packet is dropped.');
  const frontend = w.model.arm(optStr(field(outbound.rule, 'properties', 'frontendIPConfigurations', 0, 'id')));
  w.hop({
    at: `Internet server ${target}`,
    src: at(egressIp, SNAT_PORT),
    dst: at(target, 443),
    change: 'none',
    why: `The server sees the outbound public IP, the address the app reports as my_public_ip.`,
    proof: w.myPublicIpProof(host, w.model.arm(optStr(field(frontend, 'properties', 'publicIPAddress', 'id')))),
  });
}

function sql(w: Walker): void {
  const { route, pod } = w.app();
  if (!pod) throw new WalkError(`the app of route ${route.metadata.name} has no ready pod to start from`);
  const namespace = pod.metadata.namespace ?? 'default';
  const fqdn = containerEnv(pod).SQL_SERVER_FQDN || `server.${namespace}.svc.cluster.local`;
  const podIp = optStr(pod.status?.podIP);
  const clusterIp = w.model.clusterResolve(fqdn, namespace)[0];
  const host = String(route.spec?.host);
  const plugin = w.plugin();
  w.hop({
    at: `app pod ${pod.metadata.name}`,
    src: at(podIp, POD_PORT),
    dst: at(clusterIp, SQL_SERVER_PORT),
    change: `cluster DNS: ${fqdn} → ${clusterIp ?? 'nothing'}`,
    why: `SQL_SERVER_FQDN names a service; the cluster's DNS answers with the service's ClusterIP, a virtual address no interface has.`,
    proof: w.routeAnswers(host) ? `curl -s "http://${host}/api/dns?fqdn=${fqdn}"` : `kubectl get svc -n ${namespace}`,
  });
  if (!clusterIp) return w.stopHere(`${fqdn} does not resolve: the app cannot connect to SQL Server.`);
  const dnsDenied = w.model.clusterDnsDenied(pod);
  if (dnsDenied) {
    return w.stopHere(
      `The NetworkPolicy ${dnsDenied} in ${namespace} selects ${pod.metadata.name} for egress and admits no query to the cluster's DNS pods (UDP 5353, the port the dns-default service's 53 is translated to): the lookup times out, and the app never learns the address.`,
    );
  }
  const service = w.model.kube('Service').find((s) => s.spec?.clusterIP === clusterIp);
  const backend = service ? w.model.serviceEndpoints(service)[0] : undefined;
  const node = str(pod.spec?.nodeName);
  if (!service || !backend) {
    w.hop({ at: `node ${node}`, src: at(podIp, POD_PORT), dst: at(clusterIp, SQL_SERVER_PORT), change: 'none', why: 'The service has no ready endpoint: nothing to translate the ClusterIP to.', proof: w.endpointsProof(service?.metadata.name) });
    return w.stopHere(`The service behind ${clusterIp} has no ready pod: the connection is refused.`);
  }
  const backendIp = optStr(backend.status?.podIP);
  const targetPort = Number(field(service.spec, 'ports', 0, 'targetPort') ?? SQL_SERVER_PORT);
  const verdict = w.model.networkPolicyVerdict(pod, backend, targetPort);
  // An egress NetworkPolicy that selects the app pod is enforced on its own node, on the translated
  // destination (OVN-Kubernetes applies egress ACLs after its load balancer).
  const egressDrop = verdict?.direction === 'Egress' ? verdict.policies : undefined;
  w.hop({
    at: `node ${node} (${w.nodeIp(node) ?? '?'})`,
    src: at(podIp, POD_PORT),
    dst: at(backendIp, targetPort),
    change: `DNAT ${at(clusterIp, SQL_SERVER_PORT)} → ${at(backendIp, targetPort)}${egressDrop ? `; dropped by NetworkPolicy ${egressDrop}` : ''}`,
    why:
      `${plugin.serviceNat} on the pod's own node ${plugin.verb('translate', 'translates')} the ClusterIP of ${service.metadata.name} to one of its endpoints; the source is not translated inside the cluster network.` +
      (egressDrop ? ` Then the policy that selects the app pod for egress, enforced by the OVN ACL on the app pod's logical switch port, drops the packet before it leaves the node.` : ''),
    proof: egressDrop ? `kubectl get networkpolicy -n ${namespace}` : w.endpointsProof(service.metadata.name),
  });
  if (egressDrop) {
    w.stopHere(`The NetworkPolicy ${egressDrop} in ${namespace} selects ${pod.metadata.name} for egress and admits no traffic to port ${targetPort} of ${backend.metadata.name}: the packet is dropped on the app pod's own node, before it reaches SQL Server.`);
    return;
  }
  // The packet reaches the SQL pod's node, across the overlay when that is another node; an
  // ingress NetworkPolicy that selects the SQL pod is enforced there.
  const backendNode = str(backend.spec?.nodeName);
  const crossed = backendNode !== node;
  const blocking = verdict?.direction === 'Ingress' ? verdict.policies : undefined;
  w.hop({
    at: `node ${backendNode} (${w.nodeIp(backendNode) ?? '?'})`,
    src: at(podIp, POD_PORT),
    dst: at(backendIp, targetPort),
    change: blocking ? `dropped by NetworkPolicy ${blocking}` : 'none',
    why:
      (crossed ? `The packet crosses from node ${node} to node ${backendNode} in ${plugin.overlay}, the pod network's overlay between nodes` : 'The SQL pod runs on the same node, so the packet stays on it') +
      (blocking
        ? `; the policy that selects the SQL pod is enforced here, by ${plugin.policy}, and the packet is dropped before the pod's interface.`
        : ', and is delivered to the SQL pod\'s interface.'),
    proof: `kubectl get pod ${backend.metadata.name} -n ${backend.metadata.namespace} -o wide`,
  });
  if (blocking) {
    w.stopHere(`The NetworkPolicy ${blocking} in ${backend.metadata.namespace} admits no traffic from ${pod.metadata.name} to port ${targetPort} of ${backend.metadata.name}: the packet is dropped on ${backend.metadata.name}'s node, before it reaches SQL Server.`);
    return;
  }
  w.hop({
    at: `SQL Server pod ${backend.metadata.name}`,
    src: at(podIp, POD_PORT),
    dst: at(backendIp, targetPort),
    change: 'none',
    why: 'SQL Server sees the app pod\'s own address as the client.',
    proof: w.routeAnswers(host) ? `curl -s "http://${host}/api/sqlsrcip"` : `kubectl get pod ${pod.metadata.name} -n ${namespace} -o wide`,
  });
}

function api(w: Walker): void {
  const host = w.model.apiHost();
  if (!host) throw new WalkError('the cluster publishes no API server URL');
  const apiIp = w.model.publicResolve(host)[0];
  const port = w.apiPort();
  const client = w.client(apiIp);
  const privateApi = apiIp !== undefined && isPrivateIp(apiIp);
  w.title = `${client.inside ? 'Your machine in a peered VNet' : 'Client'} → API server through the ${privateApi ? 'internal' : 'public'} API load balancer`;
  w.hop({
    at: client.inside ? client.label : 'client',
    src: at(client.ip, CLIENT_PORT),
    dst: at(apiIp, port),
    change: `DNS: ${host} → ${apiIp ?? 'nothing'}`,
    why: privateApi
      ? 'The API is private: its name resolves, in public DNS too, to the private frontend of the internal load balancer, which answers only inside the network.'
      : "The API server's public name points at the frontend of the public API load balancer.",
    proof: `nslookup ${host}`,
  });
  if (!apiIp) return w.stopHere(`${host} does not resolve.`);
  if (privateApi && !client.inside) {
    return w.stopHere(`${apiIp} is a private address: nothing on the Internet routes to it. Only a machine in the cluster's VNet or a peered one reaches the API.`);
  }
  w.peeringHop(client, at(apiIp, port));
  const carried = lbRuleFor(w.model, apiIp, port);
  const floating = field(carried?.rule, 'properties', 'enableFloatingIP') === true;
  // The port the rule sends to on the master: the NSGs and the API server see that one.
  const backendPort = Number(field(carried?.rule, 'properties', 'backendPort') ?? port);
  const pool = w.model.arm(optStr(field(carried?.rule, 'properties', 'backendAddressPool', 'id')));
  // Backend IP configurations are children of NICs; a NIC names the VM it belongs to, whose name is the node's.
  const nics = arr(field(pool, 'properties', 'backendIPConfigurations')).map((c) => w.model.arm(String(field(c, 'id')).split('/').slice(0, 9).join('/')));
  const vms = nics.map((nic) => String(field(nic, 'properties', 'virtualMachine', 'id') ?? '').split('/').pop()?.toLowerCase());
  const inPool = w.model.kube('Node').filter((n) => vms.includes(n.metadata.name.toLowerCase()));
  const isMaster = (n: KubeObject) => n.metadata.labels?.['node-role.kubernetes.io/master'] !== undefined || n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
  // The pool may hold workers too (today's single public load balancer): the API server runs on masters.
  const master = inPool.find(isMaster) ?? inPool[0];
  const workersToo = inPool.some((n) => !isMaster(n));
  const masterIp = master ? w.nodeIp(master.metadata.name) : undefined;
  // With a floating IP the master receives the frontend's address as the packet's destination.
  const reached = floating ? apiIp : masterIp;
  const probe = objectOrUndefined(field(carried?.probe, 'properties'));
  const probeText = probe ? ` Its health probe (${probe.protocol} ${probe.requestPath ?? ''} on port ${probe.port}, every ${probe.intervalInSeconds} s) ${workersToo ? 'fails on the workers its pool also holds, so only masters get the connection' : 'picks the masters whose API server is ready'}.` : '';
  w.hop({
    at: carried ? `load balancer ${carried.lb.name}, rule ${carried.rule.name}` : 'load balancer',
    src: at(client.ip, CLIENT_PORT),
    dst: at(reached, backendPort),
    change: !carried ? 'none' : floating ? 'none (floating IP: the master receives the frontend address as destination)' : `DNAT ${at(apiIp, port)} → ${at(masterIp, backendPort)}`,
    why: carried
      ? floating
        ? `Rule ${carried.rule.name} has a floating IP: the load balancer sends the packet to a master in its backend pool with the frontend address still its destination, keeping the client's address.${probeText}`
        : `Rule ${carried.rule.name} has no floating IP: the load balancer rewrites the destination to a master in its backend pool, keeping the client's address.${probeText}`
      : `No load balancer rule carries port ${port} on this address.`,
    proof: `az network lb rule list --lb-name ${carried?.lb.name ?? '<lb>'} -g ${w.nodeGroup()} -o table`,
  });
  if (!carried || !master) return w.stopHere('No load balancer rule or master takes the connection.');
  // The NSGs on the master's subnet and NIC, as for the router's nodes (model/ingress.ts).
  const destination = floating ? apiIp : (masterIp ?? apiIp);
  const denied = nsgPath(w.model, master.metadata.name, { direction: 'Inbound', protocol: 'Tcp', source: client.ip, destination, port: backendPort }).denied;
  if (denied) {
    w.hop({
      at: `NSG ${denied.nsg.name} (${denied.on === 'subnet' ? 'subnet' : 'NIC'} of ${master.metadata.name})`,
      src: at(client.ip, CLIENT_PORT),
      dst: at(reached, backendPort),
      change: `dropped by rule ${denied.rule.name} (priority ${denied.rule.properties?.priority})`,
      why: `Azure checks the packet against the NSG on the master's ${denied.on === 'subnet' ? 'subnet' : 'network interface'}: its rules${denied.isDefault ? ' and default rules' : ''} by priority, the first that matches the source ${client.ip}, the destination and port ${backendPort} decides.`,
      proof: `az network nsg rule list -g ${String(denied.nsg.id).split('/')[4]} --nsg-name ${denied.nsg.name} --include-default -o table`,
    });
    return w.stopHere(`The network security group ${denied.nsg.name} drops the connection to the API server: ${denied.isDefault ? `no rule allows ${client.ip} to port ${backendPort}, so its default rule ${denied.rule.name} denies it` : `rule ${denied.rule.name} denies ${client.ip} to port ${backendPort}`}.`);
  }
  w.hop({
    at: `master ${master.metadata.name}`,
    src: at(client.ip, CLIENT_PORT),
    dst: at(reached, backendPort),
    change: 'none',
    why: `The API server on the master answers; it sees the client's own ${client.inside ? 'private' : 'public'} address.`,
    proof: 'kubectl get nodes -o wide',
  });
}

const WALKERS: Record<FlowName, (w: Walker) => void> = { ingress, egress, sql, api };

export function isFlow(name: string): name is FlowName {
  return name in WALKERS;
}

export function walk(lab: LabFile, flow: FlowName): Walk {
  const walker = new Walker(lab);
  WALKERS[flow](walker);
  return walker.result(flow);
}
