// Writes the built-in lab worlds (labs/<lab>/world.json) from compact descriptions: the post's
// cluster `aro2` (2020 layout: four load balancers, two NSGs, OpenShift SDN), `aro-today` (a
// public cluster created in 2026: two load balancers, one NSG, five workers, OVN-Kubernetes,
// egress lockdown) and `aro-private` (a private cluster created in 2026 whose egress goes through
// a firewall in a hub VNet: outboundType UserDefinedRouting, no public IP in its node resource
// group). Deterministic: ids, etags and GUIDs derive from names, timestamps from each lab's clock.
//   npx node scripts/author-labs.ts
import { writeFile, mkdir } from 'node:fs/promises';
import type { ArmResource, KubeObject, LabFile, LabInfo } from '../src/engine/world/types.ts';
import { VERIFIED_TOOLS } from '../src/engine/verified-versions.ts';

// A lab records the tool versions its outputs are checked against, from the one list the badge reads.
const VERIFIED = Object.fromEntries(VERIFIED_TOOLS.map((t) => [t.tool, t.versions.join('/')]));

// ---------------------------------------------------------------------------------------- helpers
function hash(seed: string, salt: number): number {
  let h = 0x811c9dc5 ^ salt;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 64-hex-digit digest, deterministic from `seed`. */
function sha256Of(seed: string): string {
  return [0, 1, 2, 3, 4, 5, 6, 7].map((i) => hash(seed, i * 104_729 + 3).toString(16).padStart(8, '0')).join('');
}

/** A release payload's image, pinned by digest as a release references its images. */
function releaseImage(version: string, component: string): string {
  return `quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:${sha256Of(`release:${version}:${component}`)}`;
}

function guid(seed: string): string {
  const hex = [0, 1, 2, 3].map((i) => hash(seed, i * 7919).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[hash(seed, 99) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const etag = (id: string) => `W/"${guid(`etag:${id}`)}"`;
const ref = (id: string) => ({ id });
const ok = { provisioningState: 'Succeeded' };

function mac(seed: string): string {
  const h = hash(seed, 5).toString(16).padStart(8, '0').toUpperCase();
  return `00-0D-3A-${h.slice(0, 2)}-${h.slice(2, 4)}-${h.slice(4, 6)}`;
}

/** Adds `n` to an IPv4 address. */
function ipPlus(ip: string, n: number): string {
  const v = ip.split('.').reduce((a, o) => a * 256 + Number(o), 0) + n;
  return [24, 16, 8, 0].map((s) => Math.floor(v / 2 ** s) % 256).join('.');
}

// ---------------------------------------------------------------------------------- lab description
interface NodeSpec {
  name: string;
  ip: string;
  podCidr: string;
  zone: string;
}

interface PodSpec {
  name: string;
  namespace: string;
  node: string;
  ip: string;
  ageMinutes: number;
  image: string;
  labels: Record<string, string>;
  phase: 'Running' | 'Succeeded';
  env?: Array<{ name: string; value: string }>;
  ports?: Array<{ containerPort: number; protocol: string; name?: string }>;
  owner?: { kind: string; name: string; apiVersion: string };
  /** Fields of the pod's one container that replace the defaults (its name included). */
  container?: Record<string, unknown>;
  /** Fields of the pod's spec that replace the defaults (service account, volumes, node selector…). */
  podSpec?: Record<string, unknown>;
  /** The pod's other containers, whole (name and image included). */
  sidecars?: Array<Record<string, unknown> & { name: string; image: string }>;
}

interface ServiceSpec {
  name: string;
  namespace: string;
  clusterIP: string;
  ageMinutes: number;
  ports: Array<{ name?: string; port: number; protocol: string; targetPort: number | string; nodePort?: number }>;
  selector?: Record<string, string>;
  type?: 'ClusterIP' | 'LoadBalancer';
  loadBalancerIp?: string;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
  externalTrafficPolicy?: 'Local' | 'Cluster';
  healthCheckNodePort?: number;
  uid?: string;
}

/** The customer's hub network of a private cluster: a firewall every egress goes through and the
 * jump host the reader works on, in a VNet peered with the cluster's. */
interface HubSpec {
  group: string;
  vnet: { name: string; prefix: string; firewallSubnet: string; jumpboxSubnet: string };
  firewall: { name: string; privateIp: string; pip: string; publicIp: string };
  jumpbox: { name: string; ip: string };
  /** The customer's route table on both cluster subnets (in the cluster's resource group). */
  routeTable: string;
}

/** Egress lockdown: the service's private endpoint in the node resource group, and the domains the
 * nodes' dnsmasq answers with its address. */
interface GatewaySpec {
  privateEndpointIp: string;
  domains: string[];
  /** The ARO service's own subscription and the resource group of its gateway (the private link service). */
  rpSubscription: string;
  gatewayGroup: string;
  rpGroup: string;
  /** Ten lower-case letters and digits without vowels; the image registry's account is `imageregistry<suffix>`. */
  storageSuffix: string;
}

interface LabSpec {
  info: LabInfo;
  subscription: string;
  location: string;
  layout: '2020' | 'today';
  cluster: { name: string; group: string; nodeGroup: string; infraId: string; domain: string; version: string; kubelet: string; crio: string; osImage: string; kernel: string };
  /** When the cluster resource was created (ARM's systemData); absent for clusters older than systemData. */
  createdAt?: string;
  network: 'OpenShiftSDN' | 'OVNKubernetes';
  vm: { masterSize: string; workerSize: string; sku: string; version: string };
  /** API server and ingress visibility (the labs have both the same). */
  visibility: 'Public' | 'Private';
  outboundType: 'Loadbalancer' | 'UserDefinedRouting';
  vnet: { name: string; prefix: string; master: [string, string]; worker: [string, string] };
  /** api: the API server's address (public IP, or the internal frontend's on a private cluster). */
  ips: { api: string; outbound?: string; router: string; internalApi: string; internalService?: string; privateLinkService?: string };
  gateway?: GatewaySpec;
  hub?: HubSpec;
  guids: Record<string, string>;
  masters: NodeSpec[];
  workers: NodeSpec[];
  clusterAgeMinutes: number;
  project: string;
  pods: PodSpec[];
  services: ServiceSpec[];
  routes: Array<{ name: string; namespace: string; service: string; targetPort: string; ageMinutes: number }>;
  router: { uid: string; pods: Array<{ name: string; node: string; ip: string }>; hash: string; httpNodePort: number; httpsNodePort: number; healthCheckNodePort: number; clusterIP: string; internalClusterIP: string };
}

// ------------------------------------------------------------------------------------------- ARM
function buildArm(spec: LabSpec): ArmResource[] {
  const { subscription: sub, location } = spec;
  const c = spec.cluster;
  const rgId = (rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;
  const nid = (type: string, name: string, rg = c.nodeGroup) => `${rgId(rg)}/providers/Microsoft.Network/${type}/${name}`;
  const zonal = spec.layout === 'today';
  const infra = c.infraId;
  const isPublic = spec.visibility === 'Public';
  const clusterId = `${rgId(c.group)}/providers/Microsoft.RedHatOpenShift/openShiftClusters/${c.name}`;
  const vnetId = nid('virtualNetworks', spec.vnet.name, c.group);
  const subnetId = (which: 'master' | 'worker') => `${vnetId}/subnets/${spec.vnet[which][0]}`;
  // The cloud provider names a service's frontend "a" + its UID without dashes, cut to 32 characters.
  const frontendName = `a${spec.router.uid.replace(/-/g, '')}`.slice(0, 32);
  // The router's public IP: made by the cloud provider in 2020 (`<infraID>-a<uid>`); since 2021 ARO
  // makes `<infraID>-default-v4` before the install and the router service asks for its address.
  const routerPip = spec.layout === '2020' ? `${infra}-${frontendName}` : `${infra}-default-v4`;
  const sqlSvc = spec.services.find((s) => s.type === 'LoadBalancer' && s.namespace === spec.project);
  const sqlFrontend = sqlSvc ? `a${sqlSvc.uid!.replace(/-/g, '')}`.slice(0, 32) : undefined;
  const nodeNsg = spec.layout === '2020' ? `${infra}-node-nsg` : `${infra}-nsg`;
  const masterNsg = spec.layout === '2020' ? `${infra}-controlplane-nsg` : `${infra}-nsg`;

  // Load balancers: [name, frontends, pools, rules, probes, outboundRules]
  type Frontend = { name: string; pip?: string; privateIp?: string; subnet?: 'master' | 'worker' };
  type Rule = { name: string; frontend: string; pool: string; probe: string; port: number; backendPort?: number; floating: boolean; reset: boolean; idle: number; disableSnat: boolean };
  type Probe = { name: string; protocol: 'Http' | 'Https' | 'Tcp'; port: number; path?: string; interval: number; count: number };
  type Outbound = { name: string; frontends: string[]; pool: string; ports: number; idle: number; reset: boolean };
  interface Lb { name: string; frontends: Frontend[]; pools: Array<{ name: string; members: string[] }>; rules: Rule[]; probes: Probe[]; outbound: Outbound[] }

  const masterNics = spec.masters.map((_, i) => `${infra}-master${i}-nic`);
  const workerNics = spec.workers.map((w) => `${w.name}-nic`);
  const routerRules: Rule[] = [80, 443].map((port) => ({ name: `${frontendName}-TCP-${port}`, frontend: frontendName, pool: infra, probe: `${frontendName}-TCP-${port}`, port, floating: true, reset: true, idle: 4, disableSnat: false }));
  const routerProbes: Probe[] = [80, 443].map((port) => ({ name: `${frontendName}-TCP-${port}`, protocol: 'Http', port: spec.router.healthCheckNodePort, path: '/healthz', interval: 5, count: 2 }));
  const apiProbe = (interval: number, count: number): Probe => ({ name: 'api-internal-probe', protocol: 'Https', port: 6443, path: '/readyz', interval, count });
  const sintProbe = (interval: number, count: number): Probe => ({ name: 'sint-probe', protocol: 'Https', port: 22623, path: '/healthz', interval, count });

  // Today's internal load balancer; on a private cluster the cloud provider also puts the router's
  // internal frontend on it, with the workers in the same pool `<infraID>` as the masters.
  const todayInternal: Lb = {
    name: `${infra}-internal`,
    frontends: [{ name: 'internal-lb-ip-v4', privateIp: spec.ips.internalApi, subnet: 'master' }, ...(isPublic ? [] : [{ name: frontendName, privateIp: spec.ips.router, subnet: 'worker' as const }])],
    pools: [{ name: infra, members: isPublic ? masterNics : [...masterNics, ...workerNics] }, ...masterNics.map((nic, i) => ({ name: `ssh-${i}`, members: [nic] }))],
    rules: [
      { name: 'api-internal-v4', frontend: 'internal-lb-ip-v4', pool: infra, probe: 'api-internal-probe', port: 6443, floating: false, reset: false, idle: 30, disableSnat: true },
      { name: 'sint-v4', frontend: 'internal-lb-ip-v4', pool: infra, probe: 'sint-probe', port: 22623, floating: false, reset: false, idle: 30, disableSnat: true },
      ...masterNics.map((_, i) => ({ name: `ssh-${i}`, frontend: 'internal-lb-ip-v4', pool: `ssh-${i}`, probe: 'ssh', port: 2200 + i, backendPort: 22, floating: false, reset: false, idle: 30, disableSnat: true })),
      ...(isPublic ? [] : routerRules),
    ],
    probes: [apiProbe(5, 2), sintProbe(5, 2), { name: 'ssh', protocol: 'Tcp', port: 22, interval: 5, count: 2 }, ...(isPublic ? [] : routerProbes)],
    outbound: [],
  };

  const lbs: Lb[] =
    spec.layout === '2020'
      ? [
          {
            name: infra,
            frontends: [{ name: 'outbound', pip: `${infra}-outbound-pip-v4` }, { name: frontendName, pip: routerPip }],
            pools: [{ name: infra, members: workerNics }],
            rules: routerRules,
            probes: routerProbes,
            // ARO sets no port count on either 2020 outbound rule; Azure shows its default for a pool of up to 50 VMs.
            outbound: [{ name: 'outboundrule', frontends: ['outbound'], pool: infra, ports: 1024, idle: 30, reset: false }],
          },
          {
            name: `${infra}-internal`,
            frontends: [{ name: sqlFrontend!, privateIp: spec.ips.internalService, subnet: 'worker' }],
            pools: [{ name: infra, members: workerNics }],
            rules: [{ name: `${sqlFrontend}-TCP-8080`, frontend: sqlFrontend!, pool: infra, probe: `${sqlFrontend}-TCP-8080`, port: 8080, floating: true, reset: true, idle: 4, disableSnat: false }],
            probes: [{ name: `${sqlFrontend}-TCP-8080`, protocol: 'Tcp', port: sqlSvc!.ports[0].nodePort!, interval: 5, count: 2 }],
            outbound: [],
          },
          {
            name: `${infra}-internal-lb`,
            frontends: [{ name: 'internal-lb-ip-v4', privateIp: spec.ips.internalApi, subnet: 'master' }],
            pools: [{ name: `${infra}-internal-controlplane-v4`, members: masterNics }],
            rules: [
              { name: 'api-internal-v4', frontend: 'internal-lb-ip-v4', pool: `${infra}-internal-controlplane-v4`, probe: 'api-internal-probe', port: 6443, floating: false, reset: false, idle: 30, disableSnat: true },
              { name: 'sint-v4', frontend: 'internal-lb-ip-v4', pool: `${infra}-internal-controlplane-v4`, probe: 'sint-probe', port: 22623, floating: false, reset: false, idle: 30, disableSnat: false },
            ],
            probes: [apiProbe(10, 3), sintProbe(10, 3)],
            outbound: [],
          },
          {
            name: `${infra}-public-lb`,
            frontends: [{ name: 'public-lb-ip-v4', pip: `${infra}-pip-v4` }],
            pools: [{ name: `${infra}-public-lb-control-plane-v4`, members: masterNics }],
            rules: [{ name: 'api-internal-v4', frontend: 'public-lb-ip-v4', pool: `${infra}-public-lb-control-plane-v4`, probe: 'api-internal-probe', port: 6443, floating: false, reset: false, idle: 30, disableSnat: true }],
            probes: [apiProbe(10, 3)],
            outbound: [{ name: 'api-internal-outboundrule', frontends: ['public-lb-ip-v4'], pool: `${infra}-public-lb-control-plane-v4`, ports: 1024, idle: 30, reset: false }],
          },
        ]
      : spec.outboundType === 'UserDefinedRouting'
        ? // No public load balancer at all: ARO makes it only for outboundType Loadbalancer.
          [todayInternal]
        : [
            {
              name: infra,
              frontends: [{ name: 'public-lb-ip-v4', pip: `${infra}-pip-v4` }, ...(isPublic ? [{ name: frontendName, pip: routerPip }] : [])],
              pools: [{ name: infra, members: [...masterNics, ...workerNics] }],
              rules: [
                ...(isPublic ? [{ name: 'api-internal-v4', frontend: 'public-lb-ip-v4', pool: infra, probe: 'api-internal-probe', port: 6443, floating: false, reset: false, idle: 30, disableSnat: true }] : []),
                ...(isPublic ? routerRules : []),
              ],
              probes: [...(isPublic ? [apiProbe(5, 2), ...routerProbes] : [])],
              outbound: [{ name: 'outbound-rule-v4', frontends: ['public-lb-ip-v4'], pool: infra, ports: 1024, idle: 30, reset: false }],
            },
            todayInternal,
          ];

  const lbId = (lb: string) => nid('loadBalancers', lb);
  const childId = (lb: string, kind: string, name: string) => `${lbId(lb)}/${kind}/${name}`;
  const ipconfigId = (nic: string) => `${nid('networkInterfaces', nic)}/ipConfigurations/pipConfig`;

  const pipIps: Record<string, string> = {};
  for (const f of lbs.flatMap((lb) => lb.frontends)) {
    if (!f.pip) continue;
    pipIps[f.pip] = f.pip === routerPip ? spec.ips.router : f.pip.endsWith('-outbound-pip-v4') ? spec.ips.outbound! : spec.ips.api;
  }
  const pipFrontend: Record<string, string> = {};

  const lbResources: ArmResource[] = lbs.map((lb) => {
    const id = lbId(lb.name);
    const frontends = lb.frontends.map((f) => {
      const fid = childId(lb.name, 'frontendIPConfigurations', f.name);
      if (f.pip) pipFrontend[f.pip] = fid;
      const props: Record<string, unknown> = {
        provisioningState: 'Succeeded',
        privateIPAllocationMethod: 'Dynamic',
        ...(f.pip ? { publicIPAddress: ref(nid('publicIPAddresses', f.pip)) } : { privateIPAddress: f.privateIp, privateIPAddressVersion: 'IPv4', subnet: ref(subnetId(f.subnet!)) }),
      };
      const rules = lb.rules.filter((r) => r.frontend === f.name).map((r) => ref(childId(lb.name, 'loadBalancingRules', r.name)));
      if (rules.length) props.loadBalancingRules = rules;
      const outbound = lb.outbound.filter((o) => o.frontends.includes(f.name)).map((o) => ref(childId(lb.name, 'outboundRules', o.name)));
      if (outbound.length) props.outboundRules = outbound;
      const item: Record<string, unknown> = { name: f.name, id: fid, etag: etag(fid), type: 'Microsoft.Network/loadBalancers/frontendIPConfigurations', properties: props };
      if (zonal && !f.pip) item.zones = ['1', '2', '3'];
      return item;
    });
    const pools = lb.pools.map((p) => {
      const pid = childId(lb.name, 'backendAddressPools', p.name);
      const props: Record<string, unknown> = { provisioningState: 'Succeeded', backendIPConfigurations: p.members.map((nic) => ref(ipconfigId(nic))) };
      const rules = lb.rules.filter((r) => r.pool === p.name).map((r) => ref(childId(lb.name, 'loadBalancingRules', r.name)));
      if (rules.length) props.loadBalancingRules = rules;
      const outbound = lb.outbound.filter((o) => o.pool === p.name).map((o) => ref(childId(lb.name, 'outboundRules', o.name)));
      if (outbound.length) props.outboundRule = outbound[0];
      if (outbound.length) props.outboundRules = outbound;
      return { name: p.name, id: pid, etag: etag(pid), type: 'Microsoft.Network/loadBalancers/backendAddressPools', properties: props };
    });
    const rules = lb.rules.map((r) => {
      const rid = childId(lb.name, 'loadBalancingRules', r.name);
      const pool = ref(childId(lb.name, 'backendAddressPools', r.pool));
      return {
        name: r.name,
        id: rid,
        etag: etag(rid),
        type: 'Microsoft.Network/loadBalancers/loadBalancingRules',
        properties: {
          provisioningState: 'Succeeded',
          frontendIPConfiguration: ref(childId(lb.name, 'frontendIPConfigurations', r.frontend)),
          frontendPort: r.port,
          backendPort: r.backendPort ?? r.port,
          enableFloatingIP: r.floating,
          idleTimeoutInMinutes: r.idle,
          protocol: 'Tcp',
          enableTcpReset: r.reset,
          loadDistribution: 'Default',
          disableOutboundSnat: r.disableSnat,
          backendAddressPool: pool,
          backendAddressPools: [pool],
          probe: ref(childId(lb.name, 'probes', r.probe)),
        },
      };
    });
    const probes = lb.probes.map((p) => {
      const pid = childId(lb.name, 'probes', p.name);
      const props: Record<string, unknown> = { provisioningState: 'Succeeded', protocol: p.protocol, port: p.port, intervalInSeconds: p.interval, numberOfProbes: p.count, probeThreshold: 1 };
      if (p.path) props.requestPath = p.path;
      props.loadBalancingRules = lb.rules.filter((r) => r.probe === p.name).map((r) => ref(childId(lb.name, 'loadBalancingRules', r.name)));
      return { name: p.name, id: pid, etag: etag(pid), type: 'Microsoft.Network/loadBalancers/probes', properties: props };
    });
    const outbound = lb.outbound.map((o) => {
      const oid = childId(lb.name, 'outboundRules', o.name);
      return {
        name: o.name,
        id: oid,
        etag: etag(oid),
        type: 'Microsoft.Network/loadBalancers/outboundRules',
        properties: {
          provisioningState: 'Succeeded',
          allocatedOutboundPorts: o.ports,
          protocol: 'All',
          enableTcpReset: o.reset,
          idleTimeoutInMinutes: o.idle,
          backendAddressPool: ref(childId(lb.name, 'backendAddressPools', o.pool)),
          frontendIPConfigurations: o.frontends.map((f) => ref(childId(lb.name, 'frontendIPConfigurations', f))),
        },
      };
    });
    return {
      name: lb.name,
      id,
      etag: etag(id),
      type: 'Microsoft.Network/loadBalancers',
      location,
      tags: lb.name.endsWith('-lb') || spec.layout === 'today' ? {} : { 'kubernetes-cluster-name': 'kubernetes' },
      sku: { name: 'Standard', tier: 'Regional' },
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: spec.guids[lb.name] ?? guid(`lb:${id}`),
        frontendIPConfigurations: frontends,
        backendAddressPools: pools,
        loadBalancingRules: rules,
        probes,
        inboundNatRules: [],
        outboundRules: outbound,
        inboundNatPools: [],
      },
    } as unknown as ArmResource;
  });

  const publicIp = (id: string, address: string, configuration: string, tags: Record<string, string>, zones: boolean): ArmResource =>
    ({
      name: id.split('/').pop()!,
      id,
      etag: etag(id),
      location,
      ...(zones ? { zones: ['1', '2', '3'] } : {}),
      tags,
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: guid(`pip:${id}`),
        ipAddress: address,
        publicIPAddressVersion: 'IPv4',
        publicIPAllocationMethod: 'Static',
        idleTimeoutInMinutes: 4,
        ipTags: [],
        ipConfiguration: ref(configuration),
      },
      type: 'Microsoft.Network/publicIPAddresses',
      sku: { name: 'Standard', tier: 'Regional' },
    }) as ArmResource;
  const pips: ArmResource[] = Object.entries(pipIps).map(([name, address]) =>
    // Only the 2020 router IP was the cloud provider's, tagged with the service it was made for.
    publicIp(nid('publicIPAddresses', name), address, pipFrontend[name], spec.layout === '2020' && name === routerPip ? { 'kubernetes-cluster-name': 'kubernetes', service: 'openshift-ingress/router-default' } : {}, zonal),
  );

  // NICs and VMs
  const poolsOf = (nic: string) =>
    lbs.flatMap((lb) => lb.pools.filter((p) => p.members.includes(nic)).map((p) => ref(childId(lb.name, 'backendAddressPools', p.name))));
  const machines = [
    ...spec.masters.map((m, i) => ({ node: m, nic: masterNics[i], role: 'master' as const, size: spec.vm.masterSize })),
    ...spec.workers.map((w, i) => ({ node: w, nic: workerNics[i], role: 'worker' as const, size: spec.vm.workerSize })),
  ];
  const dnsSuffix = `${guid(`dns:${c.name}`).replace(/-/g, '').slice(0, 26)}.${spec.layout === '2020' ? 'fx' : 'ax'}.internal.cloudapp.net`;
  const nic = (o: { id: string; ipconfig: string; ip: string; subnet: string; pools?: Array<{ id: string }>; vm?: string; accelerated: boolean; privateEndpoint?: string; kind?: string }): ArmResource =>
    ({
      name: o.id.split('/').pop()!,
      id: o.id,
      etag: etag(o.id),
      location,
      tags: {},
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: guid(`nic:${o.id}`),
        ipConfigurations: [
          {
            name: o.ipconfig,
            id: `${o.id}/ipConfigurations/${o.ipconfig}`,
            etag: etag(`${o.id}/ipConfigurations/${o.ipconfig}`),
            type: 'Microsoft.Network/networkInterfaces/ipConfigurations',
            properties: {
              provisioningState: 'Succeeded',
              privateIPAddress: o.ip,
              privateIPAllocationMethod: o.privateEndpoint ? 'Dynamic' : 'Dynamic',
              subnet: ref(o.subnet),
              primary: true,
              privateIPAddressVersion: 'IPv4',
              ...(o.pools ? { loadBalancerBackendAddressPools: o.pools } : {}),
              ...(o.privateEndpoint ? { privateLinkConnectionProperties: { groupId: '', requiredMemberName: '', fqdns: [] } } : {}),
            },
          },
        ],
        dnsSettings: { dnsServers: [], appliedDnsServers: [], internalDomainNameSuffix: dnsSuffix },
        macAddress: o.privateEndpoint ? '' : mac(o.id.split('/').pop()!),
        enableAcceleratedNetworking: o.accelerated,
        vnetEncryptionSupported: false,
        enableIPForwarding: false,
        ...(o.privateEndpoint ? {} : { primary: true }),
        ...(o.vm ? { virtualMachine: ref(o.vm) } : {}),
        ...(o.privateEndpoint ? { privateEndpoint: ref(o.privateEndpoint) } : {}),
        hostedWorkloads: [],
        tapConfigurations: [],
        nicType: 'Standard',
        allowPort25Out: true,
        auxiliaryMode: 'None',
      },
      type: 'Microsoft.Network/networkInterfaces',
      kind: o.kind ?? 'Regular',
    }) as ArmResource;
  const vm = (o: { id: string; zone?: string; size: string; image: Record<string, string>; disk: number; storage: string; nicId: string; tags: Record<string, string>; admin: string }): ArmResource => {
    const name = o.id.split('/').pop()!;
    return {
      name,
      id: o.id,
      type: 'Microsoft.Compute/virtualMachines',
      location,
      tags: o.tags,
      ...(o.zone ? { zones: [o.zone] } : {}),
      properties: {
        vmId: guid(`vm:${o.id}`),
        hardwareProfile: { vmSize: o.size },
        storageProfile: {
          imageReference: o.image,
          osDisk: {
            osType: 'Linux',
            name: `${name}_OSDisk`,
            createOption: 'FromImage',
            caching: 'ReadOnly',
            managedDisk: { storageAccountType: o.storage, id: `${o.id.split('/providers/')[0]}/providers/Microsoft.Compute/disks/${name}_OSDisk` },
            deleteOption: 'Detach',
            diskSizeGB: o.disk,
          },
          dataDisks: [],
        },
        osProfile: {
          computerName: name,
          adminUsername: o.admin,
          linuxConfiguration: { disablePasswordAuthentication: o.admin !== 'core', provisionVMAgent: true, patchSettings: { patchMode: 'ImageDefault', assessmentMode: 'ImageDefault' } },
          secrets: [],
          allowExtensionOperations: true,
          requireGuestProvisionSignal: true,
        },
        networkProfile: { networkInterfaces: [{ id: o.nicId }] },
        provisioningState: 'Succeeded',
      },
    } as unknown as ArmResource;
  };
  const nics: ArmResource[] = [];
  const vms: ArmResource[] = [];
  for (const m of machines) {
    const id = nid('networkInterfaces', m.nic);
    const vmId = `${rgId(c.nodeGroup)}/providers/Microsoft.Compute/virtualMachines/${m.node.name}`;
    nics.push(nic({ id, ipconfig: 'pipConfig', ip: m.node.ip, subnet: subnetId(m.role), pools: poolsOf(m.nic), vm: vmId, accelerated: m.role === 'worker' && spec.layout === 'today' }));
    vms.push(
      vm({
        id: vmId,
        zone: m.node.zone,
        size: m.size,
        image: { publisher: 'azureopenshift', offer: 'aro4', sku: spec.vm.sku, version: spec.vm.version },
        disk: m.role === 'master' ? 1024 : 128,
        storage: 'Premium_LRS',
        nicId: id,
        tags: { [`kubernetes.io_cluster.${infra}`]: 'owned' },
        admin: 'core',
      }),
    );
  }

  // Egress lockdown: the service's private endpoint `<infraID>-pe` in the master subnet, connected by
  // hand (ARO approves it) to the private link service of the ARO gateway in the service's subscription.
  const gw = spec.gateway;
  const peId = nid('privateEndpoints', `${infra}-pe`);
  const peNicId = nid('networkInterfaces', `${infra}-pe.nic.${guid(`pe-nic:${peId}`)}`);
  const privateEndpoints: ArmResource[] = [];
  if (gw) {
    const pls = `/subscriptions/${gw.rpSubscription}/resourceGroups/${gw.gatewayGroup}/providers/Microsoft.Network/privateLinkServices/gateway-pls-001`;
    const connection = `${peId}/manualPrivateLinkServiceConnections/gateway-plsconnection`;
    privateEndpoints.push({
      name: `${infra}-pe`,
      id: peId,
      etag: etag(peId),
      type: 'Microsoft.Network/privateEndpoints',
      location,
      tags: {},
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: guid(`pe:${peId}`),
        privateLinkServiceConnections: [],
        manualPrivateLinkServiceConnections: [
          {
            name: 'gateway-plsconnection',
            id: connection,
            etag: etag(connection),
            type: 'Microsoft.Network/privateEndpoints/manualPrivateLinkServiceConnections',
            properties: {
              provisioningState: 'Succeeded',
              privateLinkServiceId: pls,
              privateLinkServiceConnectionState: { status: 'Approved', description: 'Approved', actionsRequired: 'None' },
            },
          },
        ],
        customNetworkInterfaceName: '',
        subnet: ref(subnetId('master')),
        ipConfigurations: [],
        networkInterfaces: [ref(peNicId)],
        customDnsConfigs: [],
      },
    } as unknown as ArmResource);
    nics.push(nic({ id: peNicId, ipconfig: `privateEndpointIpConfig.${guid(`pe-ipconfig:${peId}`)}`, ip: gw.privateEndpointIp, subnet: subnetId('master'), accelerated: false, privateEndpoint: peId }));
  }

  // The private link service ARO reaches the API server through (its SREs' path), on the internal
  // API frontend, with its NAT address in the master subnet; only the service's subscription may
  // connect, and its connection is approved automatically. The 2020 cluster had one too
  // (`aro2-p8bjm-pls` at 10.0.0.5); its lab leaves it out, since live mode reads no such type.
  const withPls = spec.layout === 'today';
  const plsName = `${infra}-pls`;
  const plsId = nid('privateLinkServices', plsName);
  const plsNicId = nid('networkInterfaces', `${plsName}.nic.${guid(`pls-nic:${plsId}`)}`);
  const plsConfig = `${plsNicId}/ipConfigurations/${infra}-pls-nic`;
  const internalApiLb = spec.layout === '2020' ? `${infra}-internal-lb` : `${infra}-internal`;
  const plsConnection = `${plsId}/privateEndpointConnections/${plsName}.${guid(`pls-conn:${plsId}`)}`;
  const privateLinkServices: ArmResource[] = [];
  if (withPls) {
    privateLinkServices.push(
      {
        name: plsName,
        id: plsId,
        etag: etag(plsId),
        type: 'Microsoft.Network/privateLinkServices',
        location,
        tags: {},
        properties: {
          provisioningState: 'Succeeded',
          fqdns: [],
          alias: `${plsName}.${guid(`pls-alias:${plsId}`)}.${location}.azure.privatelinkservice`,
          visibility: { subscriptions: [RP_SUBSCRIPTION] },
          autoApproval: { subscriptions: [RP_SUBSCRIPTION] },
          enableProxyProtocol: false,
          loadBalancerFrontendIpConfigurations: [ref(childId(internalApiLb, 'frontendIPConfigurations', 'internal-lb-ip-v4'))],
          ipConfigurations: [
            {
              name: `${infra}-pls-nic`,
              id: `${plsId}/ipConfigurations/${infra}-pls-nic`,
              etag: etag(`${plsId}/ipConfigurations/${infra}-pls-nic`),
              type: 'Microsoft.Network/privateLinkServices/ipConfigurations',
              properties: { provisioningState: 'Succeeded', privateIPAddress: spec.ips.privateLinkService, privateIPAllocationMethod: 'Dynamic', subnet: ref(subnetId('master')), primary: true, privateIPAddressVersion: 'IPv4' },
            },
          ],
          privateEndpointConnections: [
            {
              name: plsConnection.split('/').pop(),
              id: plsConnection,
              etag: etag(plsConnection),
              type: 'Microsoft.Network/privateLinkServices/privateEndpointConnections',
              properties: {
                provisioningState: 'Succeeded',
                privateEndpoint: { id: `/subscriptions/${RP_SUBSCRIPTION}/resourceGroups/rp-${location}/providers/Microsoft.Network/privateEndpoints/rp-pe-${guid(`rp-pe:${plsId}`).slice(0, 8)}` },
                privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto Approved', actionsRequired: 'None' },
                linkIdentifier: String(hash(plsId, 11)),
              },
            },
          ],
          networkInterfaces: [ref(plsNicId)],
        },
      } as unknown as ArmResource,
    );
    const plsNic = nic({ id: plsNicId, ipconfig: `${infra}-pls-nic`, ip: spec.ips.privateLinkService!, subnet: subnetId('master'), accelerated: false });
    const props = plsNic.properties as Record<string, any>;
    delete props.primary;
    props.macAddress = '';
    props.privateLinkService = ref(plsId);
    nics.push(plsNic);
  }

  // NSGs
  const defaultRules = (nsgId: string) =>
    [
      ['AllowVnetInBound', 'Allow inbound traffic from all VMs in VNET', 'VirtualNetwork', 'VirtualNetwork', 'Allow', 65000, 'Inbound'],
      ['AllowAzureLoadBalancerInBound', 'Allow inbound traffic from azure load balancer', 'AzureLoadBalancer', '*', 'Allow', 65001, 'Inbound'],
      ['DenyAllInBound', 'Deny all inbound traffic', '*', '*', 'Deny', 65500, 'Inbound'],
      ['AllowVnetOutBound', 'Allow outbound traffic from all VMs to all VMs in VNET', 'VirtualNetwork', 'VirtualNetwork', 'Allow', 65000, 'Outbound'],
      ['AllowInternetOutBound', 'Allow outbound traffic from all VMs to Internet', '*', 'Internet', 'Allow', 65001, 'Outbound'],
      ['DenyAllOutBound', 'Deny all outbound traffic', '*', '*', 'Deny', 65500, 'Outbound'],
    ].map(([name, description, src, dst, access, priority, direction]) => {
      const id = `${nsgId}/defaultSecurityRules/${name}`;
      return {
        name,
        id,
        etag: etag(id),
        type: 'Microsoft.Network/networkSecurityGroups/defaultSecurityRules',
        properties: { provisioningState: 'Succeeded', description, protocol: '*', sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: src, destinationAddressPrefix: dst, access, priority, direction, sourcePortRanges: [], destinationPortRanges: [], sourceAddressPrefixes: [], destinationAddressPrefixes: [] },
      };
    });
  const securityRule = (nsgId: string, name: string, port: string, priority: number, source: string, destination: string) => {
    const id = `${nsgId}/securityRules/${name}`;
    return {
      name,
      id,
      etag: etag(id),
      type: 'Microsoft.Network/networkSecurityGroups/securityRules',
      properties: { provisioningState: 'Succeeded', protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: port, sourceAddressPrefix: source, destinationAddressPrefix: destination, access: 'Allow', priority, direction: 'Inbound', sourcePortRanges: [], destinationPortRanges: [], sourceAddressPrefixes: [], destinationAddressPrefixes: [] },
    };
  };
  const nsgNames = [...new Set([masterNsg, nodeNsg])];
  const nsgs: ArmResource[] = nsgNames.map((name) => {
    const id = nid('networkSecurityGroups', name);
    const rules = [];
    // ARO opens 6443 only when the API is public; the cloud provider opens the router's ports to the
    // Internet only for a public service (an internal one relies on the default AllowVnetInBound).
    if (name === masterNsg && isPublic) rules.push(securityRule(id, 'apiserver_in', '6443', spec.layout === '2020' ? 101 : 120, '*', '*'));
    if (name === nodeNsg && isPublic) rules.push(securityRule(id, `${frontendName}-TCP-80-Internet`, '80', 500, 'Internet', spec.ips.router), securityRule(id, `${frontendName}-TCP-443-Internet`, '443', 501, 'Internet', spec.ips.router));
    const subnets = (['master', 'worker'] as const).filter((w) => (w === 'master' ? masterNsg : nodeNsg) === name).map((w) => ref(subnetId(w)));
    return {
      name,
      id,
      etag: etag(id),
      type: 'Microsoft.Network/networkSecurityGroups',
      location,
      tags: {},
      properties: { provisioningState: 'Succeeded', resourceGuid: guid(`nsg:${id}`), securityRules: rules, defaultSecurityRules: defaultRules(id), subnets },
    } as unknown as ArmResource;
  });

  // The customer's route table (private cluster): every subnet of the cluster sends 0.0.0.0/0 to the firewall.
  const hub = spec.hub;
  const routeTable = (id: string, routeName: string, applianceIp: string, subnets: string[]): ArmResource => {
    const routeId = `${id}/routes/${routeName}`;
    return {
      name: id.split('/').pop()!,
      id,
      etag: etag(id),
      type: 'Microsoft.Network/routeTables',
      location,
      tags: {},
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: guid(`rt:${id}`),
        disableBgpRoutePropagation: false,
        routes: [{ name: routeName, id: routeId, etag: etag(routeId), type: 'Microsoft.Network/routeTables/routes', properties: { provisioningState: 'Succeeded', addressPrefix: '0.0.0.0/0', nextHopType: 'VirtualAppliance', nextHopIpAddress: applianceIp, hasBgpOverride: false } }],
        subnets: subnets.map(ref),
      },
    } as unknown as ArmResource;
  };
  const udrId = hub ? nid('routeTables', hub.routeTable, c.group) : undefined;

  // VNet
  const subnet = (which: 'master' | 'worker') => {
    const id = subnetId(which);
    const inSubnet = machines.filter((m) => m.role === which).map((m) => ref(ipconfigId(m.nic)));
    const frontends = lbs.flatMap((lb) => lb.frontends.filter((f) => f.subnet === which).map((f) => ref(childId(lb.name, 'frontendIPConfigurations', f.name))));
    const endpoints = which === 'master' ? [...(withPls ? [ref(plsConfig)] : []), ...(gw ? [ref(`${peNicId}/ipConfigurations/privateEndpointIpConfig.${guid(`pe-ipconfig:${peId}`)}`)] : [])] : [];
    return {
      name: spec.vnet[which][0],
      id,
      etag: etag(id),
      type: 'Microsoft.Network/virtualNetworks/subnets',
      properties: {
        provisioningState: 'Succeeded',
        addressPrefix: spec.vnet[which][1],
        networkSecurityGroup: ref(nid('networkSecurityGroups', which === 'master' ? masterNsg : nodeNsg)),
        ...(udrId ? { routeTable: ref(udrId) } : {}),
        serviceEndpoints: [{ provisioningState: 'Succeeded', service: 'Microsoft.ContainerRegistry', locations: ['*'] }, ...(spec.layout === 'today' ? [{ provisioningState: 'Succeeded', service: 'Microsoft.Storage', locations: [location] }] : [])],
        ipConfigurations: [...inSubnet, ...frontends, ...endpoints],
        ...(gw && which === 'master' ? { privateEndpoints: [ref(peId)] } : {}),
        delegations: [],
        // 2020: the customer turned these off on the master subnet before creating the cluster; today ARO does it.
        privateEndpointNetworkPolicies: 'Disabled',
        privateLinkServiceNetworkPolicies: which === 'master' ? 'Disabled' : 'Enabled',
      },
    };
  };
  const peering = (id: string, remoteVnet: string, remotePrefix: string, remoteGateways: boolean) => ({
    name: id.split('/').pop(),
    id,
    etag: etag(id),
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guid(`peering:${id}`),
      peeringState: 'Connected',
      peeringSyncLevel: 'FullyInSync',
      remoteVirtualNetwork: ref(remoteVnet),
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: remoteGateways,
      doNotVerifyRemoteGateways: false,
      remoteAddressSpace: { addressPrefixes: [remotePrefix] },
      remoteVirtualNetworkAddressSpace: { addressPrefixes: [remotePrefix] },
      routeServiceVips: {},
    },
  });
  const hubVnetId = hub ? nid('virtualNetworks', hub.vnet.name, hub.group) : undefined;
  const vnet = {
    name: spec.vnet.name,
    id: vnetId,
    etag: etag(vnetId),
    type: 'Microsoft.Network/virtualNetworks',
    location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: guid(`vnet:${vnetId}`),
      addressSpace: { addressPrefixes: [spec.vnet.prefix] },
      dhcpOptions: { dnsServers: [] },
      subnets: [subnet('master'), subnet('worker')],
      virtualNetworkPeerings: hub ? [peering(`${vnetId}/virtualNetworkPeerings/${spec.vnet.name}-to-${hub.vnet.name}`, hubVnetId!, hub.vnet.prefix, false)] : [],
      enableDdosProtection: false,
      enableVmProtection: false,
    },
  } as unknown as ArmResource;

  // The 2020 cluster's private DNS zone (ARO stopped making them in 2021; nodes' dnsmasq answers these names today).
  const privateDns: ArmResource[] = [];
  if (spec.layout === '2020') {
    const zoneName = `${c.domain}.${location}.aroapp.io`;
    const zoneId = nid('privateDnsZones', zoneName);
    const records: Array<[string, string, Record<string, unknown>]> = [
      ['A', 'api', { ttl: 300, aRecords: [{ ipv4Address: spec.ips.internalApi }] }],
      ['A', 'api-int', { ttl: 300, aRecords: [{ ipv4Address: spec.ips.internalApi }] }],
      ...spec.masters.map((m, i): [string, string, Record<string, unknown>] => ['A', `etcd-${i}`, { ttl: 60, aRecords: [{ ipv4Address: m.ip }] }]),
      ['SRV', '_etcd-server-ssl._tcp', { ttl: 60, srvRecords: spec.masters.map((_, i) => ({ port: 2380, priority: 10, target: `etcd-${i}.${zoneName}`, weight: 10 })) }],
    ];
    privateDns.push({
      name: zoneName,
      id: zoneId,
      etag: guid(`etag:${zoneId}`),
      type: 'Microsoft.Network/privateDnsZones',
      location: 'global',
      tags: {},
      properties: { maxNumberOfRecordSets: 25000, maxNumberOfVirtualNetworkLinks: 1000, maxNumberOfVirtualNetworkLinksWithRegistration: 100, numberOfRecordSets: records.length + 1, numberOfVirtualNetworkLinks: 1, numberOfVirtualNetworkLinksWithRegistration: 0, provisioningState: 'Succeeded' },
    } as ArmResource);
    const linkId = `${zoneId}/virtualNetworkLinks/${c.domain}-network-link`;
    privateDns.push({
      name: `${c.domain}-network-link`,
      id: linkId,
      etag: `"${guid(`etag:${linkId}`)}"`,
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      location: 'global',
      tags: {},
      properties: { provisioningState: 'Succeeded', registrationEnabled: false, virtualNetwork: ref(vnetId), virtualNetworkLinkState: 'Completed' },
    } as ArmResource);
    for (const [type, name, props] of records) {
      const id = `${zoneId}/${type}/${name}`;
      privateDns.push({ name, id, etag: guid(`etag:${id}`), type: `Microsoft.Network/privateDnsZones/${type}`, properties: { ...props, fqdn: `${name}.${zoneName}.`, isAutoRegistered: false } } as ArmResource);
    }
  }

  // The customer's hub: firewall, its public IP, the jump host, the peering back to the cluster's VNet.
  const hubResources: ArmResource[] = [];
  const appRules = (fwId: string, name: string, priority: number, source: string, rules: Array<[string, string[], Array<[string, number]>]>) => {
    const id = `${fwId}/applicationRuleCollections/${name}`;
    return {
      name,
      id,
      etag: etag(id),
      properties: {
        provisioningState: 'Succeeded',
        priority,
        action: { type: 'Allow' },
        rules: rules.map(([rule, fqdns, protocols]) => ({ name: rule, sourceAddresses: [source], protocols: protocols.map(([protocolType, port]) => ({ protocolType, port })), targetFqdns: fqdns, fqdnTags: [], sourceIpGroups: [] })),
      },
    };
  };
  if (hub) {
    const fwId = nid('azureFirewalls', hub.firewall.name, hub.group);
    const fwConfig = `${fwId}/azureFirewallIpConfigurations/${hub.firewall.name}-config`;
    const fwSubnet = `${hubVnetId}/subnets/AzureFirewallSubnet`;
    const jumpSubnet = `${hubVnetId}/subnets/jumpbox`;
    const jumpNicId = nid('networkInterfaces', `${hub.jumpbox.name}VMNic`, hub.group);
    const jumpVmId = `${rgId(hub.group)}/providers/Microsoft.Compute/virtualMachines/${hub.jumpbox.name}`;
    const jumpRt = nid('routeTables', `${hub.jumpbox.name}-udr`, hub.group);
    hubResources.push(
      publicIp(nid('publicIPAddresses', hub.firewall.pip, hub.group), hub.firewall.publicIp, fwConfig, {}, false),
      {
        name: hub.firewall.name,
        id: fwId,
        etag: etag(fwId),
        type: 'Microsoft.Network/azureFirewalls',
        location,
        tags: {},
        properties: {
          provisioningState: 'Succeeded',
          sku: { name: 'AZFW_VNet', tier: 'Standard' },
          threatIntelMode: 'Alert',
          additionalProperties: {},
          ipConfigurations: [
            {
              name: `${hub.firewall.name}-config`,
              id: fwConfig,
              etag: etag(fwConfig),
              type: 'Microsoft.Network/azureFirewalls/azureFirewallIpConfigurations',
              properties: { provisioningState: 'Succeeded', privateIPAddress: hub.firewall.privateIp, subnet: ref(fwSubnet), publicIPAddress: ref(nid('publicIPAddresses', hub.firewall.pip, hub.group)) },
            },
          ],
          networkRuleCollections: [],
          // A firewall denies what no rule allows. With egress lockdown the cluster needs no rule for
          // itself; these allow Microsoft's optional destinations (OperatorHub, telemetry, updates),
          // what the sample app calls, and the Azure endpoints the reader's az uses from the jump host.
          applicationRuleCollections: [
            appRules(fwId, 'aro-optional', 200, spec.vnet.prefix, [
              ['operatorhub', ['registry.redhat.io', 'quay.io', 'cdn.quay.io', 'cdn01.quay.io', 'cdn02.quay.io', 'cdn03.quay.io', 'access.redhat.com', 'registry.access.redhat.com', 'registry.connect.redhat.com'], [['Https', 443]]],
              ['telemetry', ['cert-api.access.redhat.com', 'api.access.redhat.com', 'infogw.api.openshift.com', 'console.redhat.com'], [['Https', 443]]],
              ['updates', ['api.openshift.com', 'mirror.openshift.com', 'sso.redhat.com'], [['Https', 443]]],
              ['sqlapi', ['jsonip.com'], [['Http', 80], ['Https', 443]]],
            ]),
            appRules(fwId, 'jumpbox', 300, hub.vnet.jumpboxSubnet, [['azure', ['management.azure.com', 'login.microsoftonline.com'], [['Https', 443]]]]),
          ],
          natRuleCollections: [],
        },
      } as unknown as ArmResource,
      routeTable(jumpRt, `${hub.jumpbox.name}-to-firewall`, hub.firewall.privateIp, [jumpSubnet]),
      nic({ id: jumpNicId, ipconfig: `ipconfig${hub.jumpbox.name}`, ip: hub.jumpbox.ip, subnet: jumpSubnet, vm: jumpVmId, accelerated: false }),
      vm({
        id: jumpVmId,
        size: 'Standard_B2s',
        image: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest', exactVersion: '24.04.202510010' },
        disk: 30,
        storage: 'Premium_LRS',
        nicId: jumpNicId,
        tags: {},
        admin: 'azureuser',
      }),
      {
        name: hub.vnet.name,
        id: hubVnetId!,
        etag: etag(hubVnetId!),
        type: 'Microsoft.Network/virtualNetworks',
        location,
        tags: {},
        properties: {
          provisioningState: 'Succeeded',
          resourceGuid: guid(`vnet:${hubVnetId}`),
          addressSpace: { addressPrefixes: [hub.vnet.prefix] },
          dhcpOptions: { dnsServers: [] },
          subnets: [
            { name: 'AzureFirewallSubnet', id: fwSubnet, etag: etag(fwSubnet), type: 'Microsoft.Network/virtualNetworks/subnets', properties: { provisioningState: 'Succeeded', addressPrefix: hub.vnet.firewallSubnet, ipConfigurations: [ref(fwConfig)], delegations: [], privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled' } },
            { name: 'jumpbox', id: jumpSubnet, etag: etag(jumpSubnet), type: 'Microsoft.Network/virtualNetworks/subnets', properties: { provisioningState: 'Succeeded', addressPrefix: hub.vnet.jumpboxSubnet, routeTable: ref(jumpRt), ipConfigurations: [ref(`${jumpNicId}/ipConfigurations/ipconfig${hub.jumpbox.name}`)], delegations: [], privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled' } },
          ],
          virtualNetworkPeerings: [peering(`${hubVnetId}/virtualNetworkPeerings/${hub.vnet.name}-to-${spec.vnet.name}`, vnetId, spec.vnet.prefix, false)],
          enableDdosProtection: false,
          enableVmProtection: false,
        },
      } as unknown as ArmResource,
      routeTable(udrId!, hub.routeTable, hub.firewall.privateIp, [subnetId('master'), subnetId('worker')]),
    );
  }

  // The cluster resource as today's API (2025-07-25) returns it, in its order.
  const appsDomain = `apps.${c.domain}.${location}.aroapp.io`;
  const nodeGroupId = `/subscriptions/${sub}/resourcegroups/${c.nodeGroup}`;
  const byZone = new Map<string, number>();
  for (const w of spec.workers) byZone.set(w.zone, (byZone.get(w.zone) ?? 0) + 1);
  const networkProfile: Record<string, unknown> = { podCidr: '10.128.0.0/14', serviceCidr: '172.30.0.0/16', outboundType: spec.outboundType };
  // ARO gives every Loadbalancer cluster a profile with one managed IP; it reconciles (and so
  // reports) the effective IPs only on today's layout, not on 2020's (ArchitectureVersionV1).
  if (spec.outboundType === 'Loadbalancer') {
    networkProfile.loadBalancerProfile = { managedOutboundIps: { count: 1 }, ...(spec.layout === 'today' ? { effectiveOutboundIps: [{ id: `${nodeGroupId}/providers/Microsoft.Network/publicIPAddresses/${infra}-pip-v4` }] } : {}) };
  }
  networkProfile.preconfiguredNSG = 'Disabled';
  const clusterResource = {
    id: clusterId,
    name: c.name,
    type: 'Microsoft.RedHatOpenShift/openShiftClusters',
    location,
    ...(spec.createdAt ? { systemData: { createdBy: 'reader@example.com', createdByType: 'User', createdAt: spec.createdAt, lastModifiedBy: 'reader@example.com', lastModifiedByType: 'User', lastModifiedAt: spec.createdAt } } : {}),
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      clusterProfile: { domain: c.domain, version: c.version, resourceGroupId: nodeGroupId, fipsValidatedModules: 'Disabled' },
      consoleProfile: { url: `https://console-openshift-console.${appsDomain}/` },
      servicePrincipalProfile: { clientId: guid(`sp:${c.name}`) },
      networkProfile,
      masterProfile: { vmSize: spec.vm.masterSize, subnetId: subnetId('master'), encryptionAtHost: 'Disabled' },
      workerProfiles: [{ name: 'worker', vmSize: spec.vm.workerSize, diskSizeGB: 128, subnetId: subnetId('worker'), count: spec.workers.length, encryptionAtHost: 'Disabled' }],
      workerProfilesStatus: [...byZone.keys()].sort().map((zone) => ({ name: `${infra}-worker-${location}${zone}`, vmSize: spec.vm.workerSize, diskSizeGB: 128, subnetId: subnetId('worker'), count: byZone.get(zone), encryptionAtHost: 'Disabled' })),
      apiserverProfile: { visibility: spec.visibility, url: `https://api.${c.domain}.${location}.aroapp.io:6443/`, ip: spec.ips.api },
      ingressProfiles: [{ name: 'default', visibility: spec.visibility, ip: spec.ips.router }],
    },
  } as unknown as ArmResource;

  const groups: ArmResource[] = [
    { id: rgId(c.group), name: c.group, type: 'Microsoft.Resources/resourceGroups', location, tags: {}, properties: { ...ok } },
    { id: rgId(c.nodeGroup), name: c.nodeGroup, type: 'Microsoft.Resources/resourceGroups', location, managedBy: clusterId, tags: {}, properties: { ...ok } } as ArmResource,
    ...(hub ? [{ id: rgId(hub.group), name: hub.group, type: 'Microsoft.Resources/resourceGroups', location, tags: {}, properties: { ...ok } }] : []),
    // Azure enables Network Watcher in a region when the subscription's first VNet there is made:
    // the watcher `NetworkWatcher_<region>` in the group `NetworkWatcherRG`, made in that region too.
    { id: rgId('NetworkWatcherRG'), name: 'NetworkWatcherRG', type: 'Microsoft.Resources/resourceGroups', location, tags: {}, properties: { ...ok } },
  ];
  const watcherId = nid('networkWatchers', `NetworkWatcher_${location}`, 'NetworkWatcherRG');
  const watcher = { name: `NetworkWatcher_${location}`, id: watcherId, etag: etag(watcherId), type: 'Microsoft.Network/networkWatchers', location, tags: {}, properties: { ...ok } } as ArmResource;
  // ARM lists a group's resources ordered by name; keeping the file in id order gives the same lists.
  const byId = (a: ArmResource, b: ArmResource) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1);
  return [...groups, watcher, clusterResource, vnet, ...nsgs, ...pips, ...lbResources, ...nics, ...vms, ...privateEndpoints, ...privateLinkServices, ...privateDns, ...hubResources].sort(byId);
}

// ------------------------------------------------------------------------------------- Kubernetes
function buildKube(spec: LabSpec): KubeObject[] {
  const clock = Date.parse(spec.info.clock);
  let version = 10000;
  const at = (minutes: number) => new Date(clock - minutes * 60_000 - 17_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const meta = (name: string, ageMinutes: number, extra: Record<string, unknown> = {}, namespace?: string) => ({
    name,
    ...(namespace ? { namespace } : {}),
    uid: guid(`k8s:${namespace ?? ''}/${name}:${JSON.stringify(extra.labels ?? {})}`),
    resourceVersion: String((version += 137)),
    creationTimestamp: at(ageMinutes),
    ...extra,
  });
  const nodes = [...spec.masters.map((n) => ({ n, role: 'master' })), ...spec.workers.map((n) => ({ n, role: 'worker' }))];
  const ovn = spec.network === 'OVNKubernetes';
  const kubeMinor = Number(spec.cluster.kubelet.match(/^v1\.(\d+)/)![1]);
  const nodeSubnet = (which: 'master' | 'worker') => spec.vnet[which][1].split('/')[1];
  // OVN-Kubernetes keeps its per-node facts in annotations (interconnect mode: one zone per node,
  // join subnet 100.64.0.0/16, transit switch 100.88.0.0/16); OpenShift SDN keeps them in HostSubnets.
  const nodeAnnotations = (n: NodeSpec, role: string): Record<string, string> => {
    if (!ovn) return {};
    const index = nodes.findIndex((x) => x.n.name === n.name) + 2;
    const hostCidr = `${n.ip}/${nodeSubnet(role === 'master' ? 'master' : 'worker')}`;
    return {
      'k8s.ovn.org/host-cidrs': JSON.stringify([hostCidr]),
      'k8s.ovn.org/node-chassis-id': guid(`chassis:${n.name}`),
      'k8s.ovn.org/node-gateway-router-lrp-ifaddrs': JSON.stringify({ default: { ipv4: `100.64.0.${index}/16` } }),
      'k8s.ovn.org/node-id': String(index),
      'k8s.ovn.org/node-primary-ifaddr': JSON.stringify({ ipv4: hostCidr }),
      'k8s.ovn.org/node-subnets': JSON.stringify({ default: [n.podCidr] }),
      'k8s.ovn.org/node-transit-switch-port-ifaddr': JSON.stringify({ ipv4: `100.88.0.${index}/16` }),
      'k8s.ovn.org/zone-name': n.name,
    };
  };
  const region = spec.location;
  const objects: KubeObject[] = [];

  const namespaces = ['default', 'kube-system', 'openshift-dns', 'openshift-ingress', 'openshift-ingress-operator', 'openshift-machine-api', spec.project];
  for (const ns of namespaces) {
    const age = ns === spec.project ? Math.max(...spec.pods.filter((p) => p.namespace === ns).map((p) => p.ageMinutes)) + 20 : spec.clusterAgeMinutes;
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(ns, age, { ...(kubeMinor >= 21 ? { labels: { 'kubernetes.io/metadata.name': ns } } : {}), annotations: ns === spec.project ? { 'openshift.io/requester': 'kube:admin', 'openshift.io/display-name': '', 'openshift.io/description': '' } : {} }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } as KubeObject);
    objects.push({ apiVersion: 'project.openshift.io/v1', kind: 'Project', metadata: meta(ns, age, { annotations: ns === spec.project ? { 'openshift.io/requester': 'kube:admin', 'openshift.io/display-name': '', 'openshift.io/description': '' } : {} }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } as KubeObject);
  }

  for (const { n, role } of nodes) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: meta(n.name, spec.clusterAgeMinutes - (role === 'worker' ? 25 : 0), {
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/instance-type': role === 'master' ? spec.vm.masterSize : spec.vm.workerSize,
          'beta.kubernetes.io/os': 'linux',
          'failure-domain.beta.kubernetes.io/region': region,
          'failure-domain.beta.kubernetes.io/zone': `${region}-${n.zone}`,
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': n.name,
          'kubernetes.io/os': 'linux',
          [`node-role.kubernetes.io/${role}`]: '',
          'node.openshift.io/os_id': 'rhcos',
          'topology.kubernetes.io/region': region,
          'topology.kubernetes.io/zone': `${region}-${n.zone}`,
        },
        annotations: nodeAnnotations(n, role),
      }),
      // The network plugin allocates each node's pod network (OVN-Kubernetes in an annotation,
      // OpenShift SDN in a HostSubnet); OpenShift's kube-controller-manager stopped writing
      // spec.podCIDR as well in 4.6 (openshift/cluster-kube-controller-manager-operator#480).
      spec: { ...(spec.layout === '2020' ? { podCIDR: n.podCidr, podCIDRs: [n.podCidr] } : {}), providerID: `azure:///subscriptions/${spec.subscription}/resourceGroups/${spec.cluster.nodeGroup}/providers/Microsoft.Compute/virtualMachines/${n.name}`, ...(role === 'master' ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/master' }] } : {}) },
      status: {
        ...nodeResources(spec, role === 'master' ? spec.vm.masterSize : spec.vm.workerSize, role === 'master' ? 1024 : 128, kubeMinor),
        addresses: [{ address: n.ip, type: 'InternalIP' }, { address: n.name, type: 'Hostname' }],
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at(1), lastTransitionTime: at(spec.clusterAgeMinutes - 30) }],
        nodeInfo: {
          architecture: 'amd64',
          containerRuntimeVersion: spec.cluster.crio,
          kernelVersion: spec.cluster.kernel,
          // Deprecated and left empty by default from Kubernetes 1.33 (DisableNodeKubeProxyVersion);
          // until then the kubelet reports its own version here, with or without a kube-proxy.
          kubeProxyVersion: kubeMinor >= 33 ? '' : spec.cluster.kubelet,
          kubeletVersion: spec.cluster.kubelet,
          operatingSystem: 'linux',
          osImage: spec.cluster.osImage,
          machineID: guid(`machine:${n.name}`).replace(/-/g, ''),
          systemUUID: guid(`uuid:${n.name}`),
          bootID: guid(`boot:${n.name}`),
        },
      },
    } as unknown as KubeObject);
  }

  const nodeIp = (name: string) => [...spec.masters, ...spec.workers].find((n) => n.name === name)!.ip;
  const dnsPods = nodes.map(({ n }) => ({
    name: `dns-default-${guid(`dns-pod:${n.name}`).replace(/[^a-z]/g, '').slice(0, 5).padEnd(5, 'x')}`,
    namespace: 'openshift-dns',
    node: n.name,
    ip: ipPlus(n.podCidr.split('/')[0], 3),
    ageMinutes: spec.clusterAgeMinutes - 20,
    image: releaseImage(spec.cluster.version, 'coredns'),
    labels: { 'dns.operator.openshift.io/daemonset-dns': 'default' },
    phase: 'Running' as const,
    ports: [{ containerPort: 5353, protocol: 'UDP', name: 'dns' }, { containerPort: 5353, protocol: 'TCP', name: 'dns-tcp' }],
    owner: { kind: 'DaemonSet', name: 'dns-default', apiVersion: 'apps/v1' },
  }));
  const routerPods = spec.router.pods.map((r) => ({
    name: r.name,
    namespace: 'openshift-ingress',
    node: r.node,
    ip: r.ip,
    ageMinutes: spec.clusterAgeMinutes - 30,
    image: releaseImage(spec.cluster.version, 'haproxy-router'),
    labels: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default', 'pod-template-hash': spec.router.hash },
    phase: 'Running' as const,
    owner: { kind: 'ReplicaSet', name: `router-default-${spec.router.hash}`, apiVersion: 'apps/v1' },
    // ARO sets the IngressController's default certificate to its own secret `<cluster document id>-ingress`.
    ...routerWorkload(spec, `apps.${spec.cluster.domain}.${spec.location}.aroapp.io`, `${guid(`doc:${spec.cluster.name}`)}-ingress`),
  }));
  const allPods: PodSpec[] = [...dnsPods, ...routerPods, ingressOperatorPod(spec), ...spec.pods];
  for (const p of allPods) {
    const running = p.phase === 'Running';
    const container = (p.container?.name as string | undefined) ?? (p.name.endsWith('-deploy') ? 'deployment' : p.labels.deploymentconfig ?? p.labels.app ?? p.name.replace(/-[a-z0-9]+-[a-z0-9]+$|-[a-z0-9]{5}$/, ''));
    const started = at(p.ageMinutes - 1);
    objects.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta(p.name, p.ageMinutes, { labels: p.labels, ...(p.owner ? { ownerReferences: [{ apiVersion: p.owner.apiVersion, kind: p.owner.kind, name: p.owner.name, uid: guid(`owner:${p.owner.name}`), controller: true, blockOwnerDeletion: true }] } : {}) }, p.namespace),
      spec: {
        containers: [{ name: container, image: p.image, ...(p.env ? { env: p.env } : {}), ...(p.ports ? { ports: p.ports } : {}), resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent', ...p.container }, ...(p.sidecars ?? [])],
        restartPolicy: running ? 'Always' : 'Never',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        serviceAccountName: p.name.endsWith('-deploy') ? 'deployer' : 'default',
        nodeName: p.node,
        schedulerName: 'default-scheduler',
        ...p.podSpec,
      },
      status: {
        phase: p.phase,
        conditions: [
          { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: at(p.ageMinutes) },
          { type: 'Ready', status: running ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: started, ...(running ? {} : { reason: 'PodCompleted' }) },
          { type: 'ContainersReady', status: running ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: started, ...(running ? {} : { reason: 'PodCompleted' }) },
          { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: at(p.ageMinutes) },
        ],
        hostIP: nodeIp(p.node),
        podIP: p.ip,
        podIPs: [{ ip: p.ip }],
        startTime: at(p.ageMinutes),
        // The kubelet reports its containers' statuses sorted by name.
        containerStatuses: [{ name: container, image: p.image, seed: p.name }, ...(p.sidecars ?? []).map((c) => ({ name: c.name, image: c.image, seed: `${p.name}/${c.name}` }))]
          .sort((a, b) => (a.name < b.name ? -1 : 1))
          .map(({ name, image, seed }) => ({
            name,
            ready: running,
            restartCount: 0,
            started: running,
            image,
            // CRI-O reports an image pulled by digest under that digest, any other under the repository's.
            imageID: image.includes('@sha256:') ? image : `${image.replace(/:[^/:]*$/, '')}@sha256:${guid(`image:${image}`).replace(/-/g, '')}${guid(`image2:${image}`).replace(/-/g, '')}`,
            containerID: `cri-o://${guid(`ctr:${seed}`).replace(/-/g, '')}${guid(`ctr2:${seed}`).replace(/-/g, '')}`,
            lastState: {},
            state: running ? { running: { startedAt: started } } : { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(p.ageMinutes), finishedAt: started, containerID: `cri-o://${guid(`ctr:${seed}`).replace(/-/g, '')}` } },
          })),
        // Burstable once a container asks for resources (none of these sets limits equal to requests).
        qosClass: [p.container, ...(p.sidecars ?? [])].some((c) => c && Object.keys((c.resources as object | undefined) ?? {}).length > 0) ? 'Burstable' : 'BestEffort',
      },
    } as unknown as KubeObject);
  }

  const services: ServiceSpec[] = [
    { name: 'kubernetes', namespace: 'default', clusterIP: '172.30.0.1', ageMinutes: spec.clusterAgeMinutes + 10, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], labels: { component: 'apiserver', provider: 'kubernetes' } },
    { name: 'dns-default', namespace: 'openshift-dns', clusterIP: '172.30.0.10', ageMinutes: spec.clusterAgeMinutes, ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 'dns' }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 'dns-tcp' }, { name: 'metrics', port: 9154, protocol: 'TCP', targetPort: 'metrics' }], selector: { 'dns.operator.openshift.io/daemonset-dns': 'default' }, labels: { 'dns.operator.openshift.io/owning-dns': 'default' } },
    {
      name: 'router-default',
      namespace: 'openshift-ingress',
      clusterIP: spec.router.clusterIP,
      ageMinutes: spec.clusterAgeMinutes - 30,
      type: 'LoadBalancer',
      uid: spec.router.uid,
      loadBalancerIp: spec.ips.router,
      // Since 2021 ARO's installer creates this service asking for the address ARO reserved (the
      // router's public IP, or on a private cluster the highest free address of the worker subnet).
      annotations:
        spec.layout === '2020'
          ? undefined
          : {
              ...(spec.visibility === 'Private' ? { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } : {}),
              'service.beta.kubernetes.io/azure-load-balancer-ipv4': spec.ips.router,
              'traffic-policy.network.alpha.openshift.io/local-with-fallback': '',
            },
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: spec.router.healthCheckNodePort,
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', nodePort: spec.router.httpNodePort }, { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', nodePort: spec.router.httpsNodePort }],
      selector: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' },
      labels: { app: 'router', 'ingresscontroller.operator.openshift.io/owning-ingresscontroller': 'default', router: 'router-default' },
    },
    {
      name: 'router-internal-default',
      namespace: 'openshift-ingress',
      clusterIP: spec.router.internalClusterIP,
      ageMinutes: spec.clusterAgeMinutes - 30,
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }, { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }, { name: 'metrics', port: 1936, protocol: 'TCP', targetPort: 1936 }],
      selector: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' },
      labels: { 'ingresscontroller.operator.openshift.io/owning-ingresscontroller': 'default' },
      annotations: { 'service.alpha.openshift.io/serving-cert-secret-name': 'router-metrics-certs-default' },
    },
    ...spec.services,
  ];
  const podUid = (p: PodSpec) => guid(`k8s:${p.namespace}/${p.name}:${JSON.stringify(p.labels)}`);
  // Kept apart and added after the routes, so that adding them left the other objects' resourceVersions as they were.
  const sliceOf: Array<() => KubeObject> | undefined = kubeMinor >= 21 ? [] : undefined;
  const podsOf = (s: ServiceSpec) => (s.selector ? allPods.filter((p) => p.namespace === s.namespace && p.phase === 'Running' && Object.entries(s.selector!).every(([k, v]) => p.labels[k] === v)) : []);
  for (const s of services) {
    const type = s.type ?? 'ClusterIP';
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...meta(s.name, s.ageMinutes, { ...(s.labels ? { labels: s.labels } : {}), ...(s.annotations ? { annotations: s.annotations } : {}) }, s.namespace), ...(s.uid ? { uid: s.uid } : {}) },
      // The API server of each release fills in the fields it knows: dual-stack's clusterIPs,
      // ipFamilies and ipFamilyPolicy and allocateLoadBalancerNodePorts from Kubernetes 1.20,
      // internalTrafficPolicy from 1.22 (on by default); 1.16's Services have none of them.
      spec: {
        clusterIP: s.clusterIP,
        ...(kubeMinor >= 20 ? { clusterIPs: [s.clusterIP], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' } : {}),
        ports: s.ports,
        ...(s.selector ? { selector: s.selector } : {}),
        sessionAffinity: 'None',
        type,
        ...(type === 'LoadBalancer' ? { externalTrafficPolicy: s.externalTrafficPolicy ?? 'Cluster', ...(kubeMinor >= 20 ? { allocateLoadBalancerNodePorts: true } : {}) } : {}),
        ...(s.healthCheckNodePort ? { healthCheckNodePort: s.healthCheckNodePort } : {}),
        ...(kubeMinor >= 22 ? { internalTrafficPolicy: 'Cluster' } : {}),
      },
      status: { loadBalancer: s.loadBalancerIp ? { ingress: [{ ip: s.loadBalancerIp }] } : {} },
    } as unknown as KubeObject);
    const endpointPods = podsOf(s);
    const addresses =
      s.name === 'kubernetes'
        ? spec.masters.map((m) => ({ ip: m.ip }))
        : endpointPods
            .map((p) => ({ ip: p.ip, nodeName: p.node, targetRef: { kind: 'Pod', name: p.name, namespace: p.namespace, uid: podUid(p) } }))
            // Sorted as the endpoints controller's RepackSubsets leaves them (LessEndpointAddress:
            // the IPs' bytes as text, then the pods' uids).
            .sort((a, b) => (a.ip !== b.ip ? (a.ip < b.ip ? -1 : 1) : a.targetRef.uid < b.targetRef.uid ? -1 : 1));
    const targetPortOf = (port: ServiceSpec['ports'][number]) => {
      if (typeof port.targetPort === 'number') return port.targetPort;
      const named = endpointPods[0]?.ports?.find((cp) => cp.name === port.targetPort);
      return named?.containerPort ?? port.port;
    };
    objects.push({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: meta(s.name, s.ageMinutes, s.labels ? { labels: s.labels } : {}, s.namespace),
      subsets: addresses.length ? [{ addresses, ports: s.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: targetPortOf(p), protocol: p.protocol })) }] : undefined,
    } as unknown as KubeObject);
    // discovery.k8s.io/v1 EndpointSlices (Kubernetes 1.21+): the controller's `<service>-<5 chars>`
    // for a service with a selector, the API server's own `kubernetes` slice for the API service.
    if (sliceOf) {
      const svcUid = s.uid ?? guid(`k8s:${s.namespace}/${s.name}:${JSON.stringify(s.labels ?? {})}`);
      const zoneOf = (node: string) => `${region}-${[...spec.masters, ...spec.workers].find((x) => x.name === node)!.zone}`;
      const own = s.name === 'kubernetes';
      const name = own ? 'kubernetes' : `${s.name}-${guid(`slice:${s.namespace}/${s.name}`).replace(/[^a-z0-9]/g, '').replace(/[aeiouy013]/g, '').slice(0, 5).padEnd(5, 'x')}`;
      sliceOf.push(() => ({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta(
          name,
          s.ageMinutes,
          {
            labels: own ? { 'kubernetes.io/service-name': 'kubernetes' } : { ...(s.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': s.name },
            ...(own ? {} : { annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': at(Math.min(s.ageMinutes, ...endpointPods.map((p) => p.ageMinutes - 1))) } }),
            ...(own ? {} : { generateName: `${s.name}-`, ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: s.name, uid: svcUid, controller: true, blockOwnerDeletion: true }] }),
          },
          s.namespace,
        ),
        addressType: 'IPv4',
        endpoints: own
          ? spec.masters.map((m) => ({ addresses: [m.ip], conditions: { ready: true } }))
          : endpointPods.map((p) => ({ addresses: [p.ip], conditions: { ready: true, serving: true, terminating: false }, nodeName: p.node, targetRef: { kind: 'Pod', name: p.name, namespace: p.namespace, uid: podUid(p) }, zone: zoneOf(p.node) })),
        ports: s.ports.map((p) => ({ name: p.name ?? '', port: targetPortOf(p), protocol: p.protocol })),
      }) as unknown as KubeObject);
    }
  }

  const appsDomain = `apps.${spec.cluster.domain}.${spec.location}.aroapp.io`;
  for (const r of spec.routes) {
    const host = `${r.name}-${r.namespace}.${appsDomain}`;
    objects.push({
      apiVersion: 'route.openshift.io/v1',
      kind: 'Route',
      metadata: meta(r.name, r.ageMinutes, { labels: { app: r.service }, annotations: { 'openshift.io/host.generated': 'true' } }, r.namespace),
      spec: { host, port: { targetPort: r.targetPort }, to: { kind: 'Service', name: r.service, weight: 100 }, wildcardPolicy: 'None' },
      status: { ingress: [{ host, routerName: 'default', routerCanonicalHostname: `router-default.${appsDomain}`, wildcardPolicy: 'None', conditions: [{ type: 'Admitted', status: 'True', lastTransitionTime: at(r.ageMinutes) }] }] },
    } as unknown as KubeObject);
  }
  objects.push(...(sliceOf ?? []).map((make) => make()));

  // The cluster network configuration: OpenShift SDN (VXLAN, 50 bytes of overhead) or OVN-Kubernetes
  // (Geneve, 100 bytes) under Azure's 1500-byte MTU.
  const clusterNetwork = [{ cidr: '10.128.0.0/14', hostPrefix: 23 }];
  objects.push({
    apiVersion: 'config.openshift.io/v1',
    kind: 'Network',
    metadata: { ...meta('cluster', spec.clusterAgeMinutes + 10), generation: 2 },
    spec: { clusterNetwork, externalIP: { policy: {} }, ...(spec.layout === 'today' ? { networkDiagnostics: { mode: '', sourcePlacement: {}, targetPlacement: {} } } : {}), networkType: spec.network, serviceNetwork: ['172.30.0.0/16'] },
    status: { clusterNetwork, clusterNetworkMTU: ovn ? 1400 : 1450, networkType: spec.network, serviceNetwork: ['172.30.0.0/16'] },
  } as unknown as KubeObject);

  if (!ovn) {
    // OpenShift SDN's records: one HostSubnet per node (its pod network), and the cluster network
    // with its VXLAN port and the MTU left for pods.
    objects.push({
      apiVersion: 'network.openshift.io/v1',
      kind: 'ClusterNetwork',
      metadata: meta('default', spec.clusterAgeMinutes + 5),
      clusterNetworks: [{ CIDR: clusterNetwork[0].cidr, hostSubnetLength: 32 - clusterNetwork[0].hostPrefix }],
      hostsubnetlength: 32 - clusterNetwork[0].hostPrefix,
      mtu: 1450,
      network: clusterNetwork[0].cidr,
      pluginName: 'redhat/openshift-ovs-networkpolicy',
      serviceNetwork: '172.30.0.0/16',
      vxlanPort: 4789,
    } as unknown as KubeObject);
    for (const { n } of nodes) {
      const node = objects.find((o) => o.kind === 'Node' && o.metadata.name === n.name)!;
      objects.push({
        apiVersion: 'network.openshift.io/v1',
        kind: 'HostSubnet',
        metadata: meta(n.name, spec.clusterAgeMinutes - 1, { annotations: { 'pod.network.openshift.io/node-uid': node.metadata.uid } }),
        host: n.name,
        hostIP: n.ip,
        subnet: n.podCidr,
      } as unknown as KubeObject);
    }
  }

  if (spec.layout === 'today') {
    // The default IngressController: its scope is what makes the router's load balancer public or internal.
    objects.push({
      apiVersion: 'operator.openshift.io/v1',
      kind: 'IngressController',
      metadata: { ...meta('default', spec.clusterAgeMinutes - 5, {}, 'openshift-ingress-operator'), finalizers: ['ingresscontroller.operator.openshift.io/finalizer-ingresscontroller'], generation: 2 },
      spec: {
        clientTLS: { clientCA: { name: '' }, clientCertificatePolicy: '' },
        // ARO's certificate for *.apps of its own domain: the secret `<cluster document id>-ingress`.
        defaultCertificate: { name: `${guid(`doc:${spec.cluster.name}`)}-ingress` },
        endpointPublishingStrategy: { loadBalancer: { dnsManagementPolicy: 'Managed', scope: spec.visibility === 'Private' ? 'Internal' : 'External' }, type: 'LoadBalancerService' },
        httpCompression: {},
        httpEmptyRequestsPolicy: 'Respond',
        httpErrorCodePages: { name: '' },
        replicas: 2,
        tuningOptions: { reloadInterval: '0s' },
        unsupportedConfigOverrides: null,
      },
      status: {
        availableReplicas: 2,
        domain: appsDomain,
        endpointPublishingStrategy: { loadBalancer: { dnsManagementPolicy: 'Managed', scope: spec.visibility === 'Private' ? 'Internal' : 'External' }, type: 'LoadBalancerService' },
        selector: 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller=default',
        tlsProfile: { ciphers: [], minTLSVersion: 'VersionTLS12' },
      },
    } as unknown as KubeObject);
  }

  // The ARO operator's view of the cluster (`clusters.aro.openshift.io/cluster`), whose gateway domains
  // the nodes' dnsmasq answers with the private endpoint's address (egress lockdown, 2022 on).
  const gw = spec.gateway;
  if (gw) {
    const sub = spec.subscription;
    const rpSubnet = (vnet: string, subnet: string, group = gw.rpGroup) => `/subscriptions/${gw.rpSubscription}/resourceGroups/${group}/providers/Microsoft.Network/virtualNetworks/${vnet}/subnets/${subnet}`;
    objects.push({
      apiVersion: 'aro.openshift.io/v1alpha1',
      kind: 'Cluster',
      metadata: { ...meta('cluster', spec.clusterAgeMinutes - 40), generation: 3 },
      spec: {
        acrDomain: 'arosvc.azurecr.io',
        apiIntIP: spec.ips.internalApi,
        architectureVersion: 1,
        azEnvironment: 'AzurePublicCloud',
        banner: {},
        clusterResourceGroupId: `/subscriptions/${sub}/resourcegroups/${spec.cluster.nodeGroup}`,
        domain: `${spec.cluster.domain}.${spec.location}.aroapp.io`,
        gatewayDomains: [...gw.domains, `imageregistry${gw.storageSuffix}.blob.core.windows.net`],
        gatewayPrivateEndpointIP: gw.privateEndpointIp,
        infraId: spec.cluster.infraId,
        ingressIP: spec.ips.router,
        internetChecker: { urls: ['https://arosvc.azurecr.io/', 'https://login.microsoftonline.com/', 'https://management.azure.com/', 'https://gcs.prod.monitoring.core.windows.net/'] },
        location: spec.location,
        resourceId: `/subscriptions/${sub}/resourceGroups/${spec.cluster.group}/providers/Microsoft.RedHatOpenShift/openShiftClusters/${spec.cluster.name}`,
        serviceSubnets: [rpSubnet('rp-pe-vnet-001', 'rp-pe-subnet'), rpSubnet('rp-vnet', 'rp-subnet'), rpSubnet('gateway-vnet', 'gateway-subnet', gw.gatewayGroup)],
        storageSuffix: gw.storageSuffix,
        vnetId: `/subscriptions/${sub}/resourceGroups/${spec.cluster.group}/providers/Microsoft.Network/virtualNetworks/${spec.vnet.name}`,
      },
    } as unknown as KubeObject);
  }
  objects.push(...controllersOf(spec, allPods, meta, at, appsDomain));
  objects.push(...clusterOperators(spec, meta, at));
  objects.push(...recentEvents(spec, objects, meta));
  objects.push(...ingressSecrets(spec, meta));
  // Made last, so that the objects above keep the resourceVersions they were first written with.
  objects.push(...operatorObjects(spec, objects, meta, at, appsDomain));
  objects.push(...serviceAccounts(spec, [...namespaces, 'openshift-console'], meta));
  for (const o of objects) if ((o as Record<string, unknown>).subsets === undefined) delete (o as Record<string, unknown>).subsets;
  return objects;
}


// ------------------------------------------------------------------------------- nodes' resources
/** Azure's sizes the labs use: vCPUs, memory (GiB), data disks the size can attach. */
const VM_SIZES: Record<string, { cpus: number; memoryGiB: number; dataDisks: number }> = {
  Standard_D4s_v3: { cpus: 4, memoryGiB: 16, dataDisks: 8 },
  Standard_D8s_v3: { cpus: 8, memoryGiB: 32, dataDisks: 16 },
  Standard_D4s_v5: { cpus: 4, memoryGiB: 16, dataDisks: 8 },
  Standard_D8s_v5: { cpus: 8, memoryGiB: 32, dataDisks: 16 },
};

/** A node's capacity and allocatable resources as the kubelet reports them on an Azure VM of `size`
 * with an OS disk of `diskGiB`: memory is the kernel's MemTotal (the VM's memory less what the
 * firmware and kernel keep, about 2.3 %), ephemeral storage the root filesystem of RHCOS's disk
 * layout (the disk less its boot and EFI partitions and the filesystem's own, 523 MiB), 250 pods (OpenShift's maxPods), no huge
 * pages. Allocatable is capacity less OpenShift's kubelet reservation (systemReserved cpu 500m,
 * memory 1Gi, ephemeral-storage 1Gi) and the hard eviction thresholds (memory.available 100Mi,
 * nodefs.available 10 %). Kubernetes before 1.23's in-tree Azure Disk plugin also counts the disks
 * the VM size can attach (`attachable-volumes-azure-disk`); later ones leave that to the CSI driver. */
function nodeResources(spec: LabSpec, size: string, diskGiB: number, kubeMinor: number): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const vm = VM_SIZES[size];
  if (!vm) throw new Error(`${spec.cluster.name}: no resources known for the VM size ${size}`);
  const memKi = Math.round(vm.memoryGiB * 1024 * 1024 * 0.977 / 4) * 4;
  const rootKi = diskGiB * 1024 * 1024 - 535_572;
  const ki = 1024;
  const allocatableStorage = Math.floor(rootKi * ki * 0.9) - 1024 ** 3;
  const attach: Record<string, string> = kubeMinor < 23 ? { 'attachable-volumes-azure-disk': String(vm.dataDisks) } : {};
  return {
    capacity: { ...attach, cpu: String(vm.cpus), 'ephemeral-storage': `${rootKi}Ki`, 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memKi}Ki`, pods: '250' },
    allocatable: { ...attach, cpu: `${vm.cpus * 1000 - 500}m`, 'ephemeral-storage': String(allocatableStorage), 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: `${memKi - 1024 * 1024 - 100 * 1024}Ki`, pods: '250' },
  };
}

// ---------------------------------------------------------------------------- the ingress operator
/** The ingress operator's one pod, on a master, as its deployment (cluster-ingress-operator's
 * `manifests/02-deployment.yaml`, release-4.3 and release-4.19) makes it: the operator and its
 * metrics proxy, the release's images and version substituted by the release payload. */
function ingressOperatorPod(spec: LabSpec): PodSpec {
  const version = spec.cluster.version;
  const today = spec.layout !== '2020';
  const hash = guid(`ingress-operator-rs:${spec.cluster.name}`).replace(/[^a-z0-9]/g, '').replace(/[aeiouy013]/g, '').slice(0, 10).padEnd(10, 'x');
  const suffix = guid(`ingress-operator-pod:${spec.cluster.name}`).replace(/[^a-z0-9]/g, '').replace(/[aeiouy013]/g, '').slice(0, 5).padEnd(5, 'x');
  const master = spec.masters[0];
  const dropAll = today ? { securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } } } : {};
  const rbacArgs = ['--logtostderr', '--secure-listen-address=:9393', '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', '--upstream=http://127.0.0.1:60000/', '--tls-cert-file=/etc/tls/private/tls.crt', '--tls-private-key-file=/etc/tls/private/tls.key'];
  return {
    name: `ingress-operator-${hash}-${suffix}`,
    namespace: 'openshift-ingress-operator',
    node: master.name,
    ip: ipPlus(master.podCidr.split('/')[0], 14),
    ageMinutes: spec.clusterAgeMinutes - 15,
    image: releaseImage(version, 'cluster-ingress-operator'),
    labels: { name: 'ingress-operator', 'pod-template-hash': hash },
    phase: 'Running',
    owner: { kind: 'ReplicaSet', name: `ingress-operator-${hash}`, apiVersion: 'apps/v1' },
    container: {
      name: 'ingress-operator',
      ...dropAll,
      command: today
        ? ['ingress-operator', 'start', '--namespace', '$(WATCH_NAMESPACE)', '--image', '$(IMAGE)', '--canary-image', '$(CANARY_IMAGE)', '--release-version', '$(RELEASE_VERSION)']
        : ['ingress-operator', 'start'],
      env: [
        { name: 'RELEASE_VERSION', value: version },
        { name: 'WATCH_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
        { name: 'IMAGE', value: releaseImage(version, 'haproxy-router') },
        ...(today ? [{ name: 'CANARY_IMAGE', value: releaseImage(version, 'cluster-ingress-operator') }] : []),
      ],
      resources: { requests: today ? { cpu: '10m', memory: '56Mi' } : { cpu: '10m' } },
      terminationMessagePolicy: 'FallbackToLogsOnError',
      volumeMounts: [{ name: 'trusted-ca', readOnly: true, mountPath: '/etc/pki/ca-trust/extracted/pem' }],
    },
    sidecars: [
      {
        name: 'kube-rbac-proxy',
        image: releaseImage(version, 'kube-rbac-proxy'),
        ...dropAll,
        args: rbacArgs,
        ports: [{ name: 'metrics', containerPort: 9393, protocol: 'TCP' }],
        resources: { requests: { cpu: '10m', memory: '40Mi' } },
        volumeMounts: [{ name: 'metrics-tls', readOnly: true, mountPath: '/etc/tls/private' }],
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'IfNotPresent',
      },
    ],
    podSpec: {
      volumes: [
        { name: 'metrics-tls', secret: { secretName: 'metrics-tls', defaultMode: 420 } },
        { name: 'trusted-ca', configMap: { name: 'trusted-ca', items: [{ key: 'ca-bundle.crt', path: 'tls-ca-bundle.pem' }], defaultMode: 420 } },
      ],
      nodeSelector: { 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/master': '' },
      serviceAccountName: 'ingress-operator',
      serviceAccount: 'ingress-operator',
      priorityClassName: 'system-cluster-critical',
      tolerations: [
        { key: 'node-role.kubernetes.io/master', operator: 'Exists', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
      ],
    },
  };
}

/** The secrets of openshift-ingress: ARO's certificate for *.apps (`<cluster document id>-ingress`,
 * the IngressController's `spec.defaultCertificate`, so the operator generates no
 * `router-certs-default`), the stats credentials the operator generates (`router-stats-default`),
 * the metrics certificate the service CA signs for `router-internal-default`
 * (`router-metrics-certs-default`), and each service account's image pull secret (and, before
 * OpenShift 4.16, its token secret). The data are placeholders of a plausible length. */
function ingressSecrets(spec: LabSpec, meta: Meta): KubeObject[] {
  const ns = 'openshift-ingress';
  const age = spec.clusterAgeMinutes - 30;
  const b64 = (seed: string, bytes: number) => Buffer.from(Array.from({ length: bytes }, (_, i) => 65 + (hash(seed, i) % 26))).toString('base64');
  const suffix = (seed: string) => guid(seed).replace(/[^a-z0-9]/g, '').replace(/[aeiouy013]/g, '').slice(0, 5).padEnd(5, 'x');
  // PEM blocks of placeholder base64 (64 characters a line), a certificate and an RSA key in tls.key.
  const pem = (label: string, seed: string, bytes: number) => {
    const body = b64(seed, bytes).match(/.{1,64}/g)!.join('\n');
    return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
  };
  const tls = (seed: string) => ({ 'tls.crt': Buffer.from(pem('CERTIFICATE', `${seed}:crt`, 1400) + pem('CERTIFICATE', `${seed}:ca`, 1100)).toString('base64'), 'tls.key': Buffer.from(pem('RSA PRIVATE KEY', `${seed}:key`, 1190)).toString('base64') });
  const secret = (name: string, type: string, data: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: meta(name, age, extra, ns), data, type }) as unknown as KubeObject;
  const out = [
    secret(`${guid(`doc:${spec.cluster.name}`)}-ingress`, 'kubernetes.io/tls', tls('aro-ingress')),
    secret('router-metrics-certs-default', 'kubernetes.io/tls', tls('router-metrics'), { annotations: { 'service.alpha.openshift.io/originating-service-name': 'router-internal-default', 'service.alpha.openshift.io/originating-service-uid': guid(`k8s:${ns}/router-internal-default:${JSON.stringify({ 'ingresscontroller.operator.openshift.io/owning-ingresscontroller': 'default' })}`) } }),
    secret('router-stats-default', 'Opaque', { statsPassword: b64('stats-password', 32), statsUsername: b64('stats-username', 32) }),
  ];
  const legacyTokens = spec.layout === '2020';
  for (const sa of ['builder', 'default', 'deployer', 'router']) {
    out.push(secret(`${sa}-dockercfg-${suffix(`dockercfg:${spec.cluster.name}/${sa}`)}`, 'kubernetes.io/dockercfg', { '.dockercfg': b64(`dockercfg:${sa}`, 5400) }, { annotations: { 'kubernetes.io/service-account.name': sa } }));
    if (legacyTokens) out.push(secret(`${sa}-token-${suffix(`token:${spec.cluster.name}/${sa}`)}`, 'kubernetes.io/service-account-token', { 'ca.crt': b64(`ca:${sa}`, 3590), namespace: b64(ns, ns.length), 'service-ca.crt': b64(`sca:${sa}`, 4724), token: b64(`token:${sa}`, 912) }, { annotations: { 'kubernetes.io/service-account.name': sa } }));
  }
  return out.sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** What the cluster's operators keep besides the pods: the DaemonSet behind each DaemonSet-owned pod
 * (the DNS operator's `dns-default`, one pod per node, `kubernetes.io/os=linux`; 4.3's rolling
 * update replaces one pod at a time, 4.19's 10 % without surge — cluster-dns-operator
 * `pkg/operator/controller/controller_dns_daemonset.go` of each release), the DNS operator's own
 * `dns.operator/default`, the cluster version operator's `clusterversion/version` (the lab's
 * release, installed and never updated) and the console's route (reencrypt, plain http redirected
 * to https, as console-operator creates it). */
function operatorObjects(spec: LabSpec, objects: KubeObject[], meta: Meta, at: (minutes: number) => string, appsDomain: string): KubeObject[] {
  const out: KubeObject[] = [];
  const v43 = spec.layout === '2020';
  const dnsUid = guid(`dns-operator:${spec.cluster.name}/default`);
  const dnsConditions = [
    { type: 'Degraded', status: 'False', reason: 'AsExpected', message: 'Enough DNS pods are available, and the DNS service has a cluster IP address.', lastTransitionTime: at(spec.clusterAgeMinutes - 25) },
    { type: 'Progressing', status: 'False', reason: 'AsExpected', message: 'All DNS and node-resolver pods are available, and the DNS service has a cluster IP address.', lastTransitionTime: at(spec.clusterAgeMinutes - 25) },
    { type: 'Available', status: 'True', reason: 'AsExpected', message: 'The DNS daemonset has available pods, and the DNS service has a cluster IP address.', lastTransitionTime: at(spec.clusterAgeMinutes - 24) },
    ...(v43 ? [] : [{ type: 'Upgradeable', status: 'True', reason: 'AsExpected', message: "DNS Operator can be upgraded", lastTransitionTime: at(spec.clusterAgeMinutes - 25) }]),
  ];
  const dnsService = objects.find((o) => o.kind === 'Service' && o.metadata.namespace === 'openshift-dns' && o.metadata.name === 'dns-default');
  out.push({
    apiVersion: 'operator.openshift.io/v1',
    kind: 'DNS',
    metadata: { ...meta('default', spec.clusterAgeMinutes - 18), uid: dnsUid, finalizers: ['dns.operator.openshift.io/dns-controller'], generation: 1 },
    spec: v43 ? {} : { cache: { negativeTTL: '0s', positiveTTL: '0s' }, logLevel: 'Normal', nodePlacement: {}, operatorLogLevel: 'Normal', upstreamResolvers: { policy: 'Sequential', transportConfig: {}, upstreams: [{ port: 53, type: 'SystemResolvConf' }] } },
    status: { clusterDomain: 'cluster.local', clusterIP: (dnsService?.spec as { clusterIP?: string } | undefined)?.clusterIP ?? '', conditions: dnsConditions },
  } as unknown as KubeObject);

  // One DaemonSet per owner the pods name, with the counts its controller reports for them.
  const owned = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const owner = o.kind === 'Pod' ? (o.metadata.ownerReferences as Array<{ kind: string; name: string }> | undefined)?.find((r) => r.kind === 'DaemonSet') : undefined;
    if (owner) owned.set(`${o.metadata.namespace}/${owner.name}`, [...(owned.get(`${o.metadata.namespace}/${owner.name}`) ?? []), o]);
  }
  for (const [key, pods] of owned) {
    const [namespace, name] = key.split('/');
    const first = pods[0];
    const podSpec = first.spec as Record<string, unknown>;
    const { nodeName: _node, ...templateSpec } = podSpec;
    const selector = { ...first.metadata.labels };
    const ready = pods.filter((p) => ((p.status as { conditions?: Array<{ type: string; status: string }> }).conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True')).length;
    const age = Math.round((Date.parse(spec.info.clock) - Date.parse(first.metadata.creationTimestamp!)) / 60_000) + 1;
    out.push({
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        ...meta(name, age, { labels: { 'dns.operator.openshift.io/owning-dns': 'default' }, annotations: { 'deprecated.daemonset.template.generation': '1' }, ownerReferences: [{ apiVersion: 'operator.openshift.io/v1', kind: 'DNS', name: 'default', uid: dnsUid, controller: true }] }, namespace),
        uid: guid(`owner:${name}`),
        generation: 1,
      },
      spec: {
        selector: { matchLabels: selector },
        template: { metadata: { creationTimestamp: null, labels: selector }, spec: { ...templateSpec, nodeSelector: { 'kubernetes.io/os': 'linux' }, tolerations: [{ operator: 'Exists' }] } },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: v43 ? { maxUnavailable: 1 } : { maxSurge: 0, maxUnavailable: '10%' } },
        revisionHistoryLimit: 10,
      },
      status: { currentNumberScheduled: pods.length, numberMisscheduled: 0, desiredNumberScheduled: pods.length, numberReady: ready, observedGeneration: 1, updatedNumberScheduled: pods.length, numberAvailable: ready },
    } as unknown as KubeObject);
  }

  const version = spec.cluster.version;
  const installed = at(spec.clusterAgeMinutes + 10);
  const completed = at(spec.clusterAgeMinutes - 28);
  const image = `quay.io/openshift-release-dev/ocp-release@sha256:${sha256Of(`release:${version}`)}`;
  out.push({
    apiVersion: 'config.openshift.io/v1',
    kind: 'ClusterVersion',
    metadata: { ...meta('version', spec.clusterAgeMinutes + 10), generation: 1 },
    spec: { channel: `stable-${version.split('.').slice(0, 2).join('.')}`, clusterID: guid(`cluster-id:${spec.cluster.name}`) },
    status: {
      availableUpdates: null,
      conditions: [
        { type: 'Available', status: 'True', lastTransitionTime: completed, message: `Done applying ${version}` },
        { type: 'Failing', status: 'False', lastTransitionTime: completed },
        { type: 'Progressing', status: 'False', lastTransitionTime: completed, message: `Cluster version is ${version}` },
        { type: 'RetrievedUpdates', status: 'False', lastTransitionTime: installed, reason: 'RemoteFailed', message: 'Unable to retrieve available updates: currently installed version ' + version + ' not found in the "stable-' + version.split('.').slice(0, 2).join('.') + '" channel' },
      ],
      desired: { image, version },
      history: [{ completionTime: completed, image, startedTime: installed, state: 'Completed', verified: false, version }],
      observedGeneration: 1,
      versionHash: Buffer.from(sha256Of(`version-hash:${version}`).slice(0, 8), 'hex').toString('base64'),
    },
  } as unknown as KubeObject);

  // The console's namespace, made by the cluster version operator at installation.
  const consoleMeta = () => meta('openshift-console', spec.clusterAgeMinutes, { ...(Number(spec.cluster.kubelet.match(/^v1\.(\d+)/)![1]) >= 21 ? { labels: { 'kubernetes.io/metadata.name': 'openshift-console' } } : {}), annotations: {} });
  out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: consoleMeta(), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } as unknown as KubeObject);
  out.push({ apiVersion: 'project.openshift.io/v1', kind: 'Project', metadata: consoleMeta(), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } as unknown as KubeObject);
  const consoleHost = `console-openshift-console.${appsDomain}`;
  out.push({
    apiVersion: 'route.openshift.io/v1',
    kind: 'Route',
    metadata: meta('console', spec.clusterAgeMinutes - 20, { labels: { app: 'console' }, annotations: { 'openshift.io/host.generated': 'false' } }, 'openshift-console'),
    spec: { host: consoleHost, port: { targetPort: 'https' }, tls: { insecureEdgeTerminationPolicy: 'Redirect', termination: 'reencrypt' }, to: { kind: 'Service', name: 'console', weight: 100 }, wildcardPolicy: 'None' },
    status: { ingress: [{ host: consoleHost, routerName: 'default', routerCanonicalHostname: `router-default.${appsDomain}`, wildcardPolicy: 'None', conditions: [{ type: 'Admitted', status: 'True', lastTransitionTime: at(spec.clusterAgeMinutes - 20) }] }] },
  } as unknown as KubeObject);
  return out;
}

/** The service accounts OpenShift's controller manager makes in every namespace (`builder`,
 * `default`, `deployer`), each with the secrets of its release: 4.3 a dockercfg secret for the
 * internal registry and a token secret; from 4.16 no token secret (bound tokens only), the dockercfg
 * secret kept and named in `imagePullSecrets`. openshift-ingress's secrets are ingressSecrets'. */
function serviceAccounts(spec: LabSpec, namespaces: string[], meta: Meta): KubeObject[] {
  const out: KubeObject[] = [];
  const legacyTokens = spec.layout === '2020';
  const b64 = (seed: string, bytes: number) => Buffer.from(Array.from({ length: bytes }, (_, i) => 65 + (hash(seed, i) % 26))).toString('base64');
  const suffix = (seed: string) => guid(seed).replace(/[^a-z0-9]/g, '').replace(/[aeiouy013]/g, '').slice(0, 5).padEnd(5, 'x');
  for (const ns of namespaces) {
    const age = ns === spec.project ? Math.max(...spec.pods.filter((p) => p.namespace === ns).map((p) => p.ageMinutes)) + 20 : spec.clusterAgeMinutes - 30;
    const seed = (what: string, sa: string) => (ns === 'openshift-ingress' ? `${what}:${spec.cluster.name}/${sa}` : `${what}:${spec.cluster.name}/${ns}/${sa}`);
    for (const sa of ns === 'openshift-ingress' ? ['builder', 'default', 'deployer', 'router'] : ['builder', 'default', 'deployer']) {
      const dockercfg = `${sa}-dockercfg-${suffix(seed('dockercfg', sa))}`;
      const token = `${sa}-token-${suffix(seed('token', sa))}`;
      const account = meta(sa, age, legacyTokens ? {} : { annotations: { 'openshift.io/internal-registry-pull-secret-ref': dockercfg } }, ns);
      out.push({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: account,
        imagePullSecrets: [{ name: dockercfg }],
        secrets: legacyTokens ? [{ name: token }, { name: dockercfg }] : [{ name: dockercfg }],
      } as unknown as KubeObject);
      if (ns === 'openshift-ingress') continue;
      // The token controller annotates each secret with the account's name and uid.
      const secret = (name: string, type: string, data: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Secret', metadata: meta(name, age, { annotations: { 'kubernetes.io/service-account.name': sa, 'kubernetes.io/service-account.uid': account.uid } }, ns), data, type }) as unknown as KubeObject;
      out.push(secret(dockercfg, 'kubernetes.io/dockercfg', { '.dockercfg': b64(`dockercfg:${ns}/${sa}`, 5400) }));
      if (legacyTokens) out.push(secret(token, 'kubernetes.io/service-account-token', { 'ca.crt': b64(`ca:${sa}`, 3590), namespace: b64(ns, ns.length), 'service-ca.crt': b64(`sca:${sa}`, 4724), token: b64(`token:${ns}/${sa}`, 912) }));
    }
  }
  return out;
}

// ------------------------------------------------------------------------------- the router's pods
/** The router container and pod spec the ingress operator's deployment gives an IngressController's
 * pods (cluster-ingress-operator's `assets/router/deployment.yaml` and `desiredRouterDeployment` in
 * `pkg/operator/controller/ingress/deployment.go`, release-4.3 for the 2020 layout, release-4.19 for
 * today's), with the probe and volume defaults the API server fills in. `certificateSecret` is the
 * effective default certificate: the IngressController's `spec.defaultCertificate`, else
 * `router-certs-<name>`. */
function routerWorkload(spec: LabSpec, appsDomain: string, certificateSecret: string): { container: Record<string, unknown>; podSpec: Record<string, unknown> } {
  const probe = (path: string, extra: Record<string, unknown> = {}) => ({ httpGet: { path, port: 1936, scheme: 'HTTP' }, ...extra, timeoutSeconds: 1, periodSeconds: extra.periodSeconds ?? 10, successThreshold: 1, failureThreshold: extra.failureThreshold ?? 3 });
  const secretVolume = (name: string, secretName: string) => ({ name, secret: { secretName, defaultMode: 420 } });
  const ciphers2020 = ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'DHE-RSA-AES128-GCM-SHA256', 'DHE-RSA-AES256-GCM-SHA384'];
  const nodeSelector = { 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/worker': '' };
  const common = {
    name: 'router',
    image: releaseImage(spec.cluster.version, 'haproxy-router'),
    imagePullPolicy: 'IfNotPresent',
    ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }, { name: 'https', containerPort: 443, protocol: 'TCP' }, { name: 'metrics', containerPort: 1936, protocol: 'TCP' }],
    resources: { requests: { cpu: '100m', memory: '256Mi' } },
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'FallbackToLogsOnError',
  };
  if (spec.layout === '2020') {
    return {
      container: {
        ...common,
        env: [
          { name: 'STATS_PORT', value: '1936' },
          { name: 'ROUTER_SERVICE_NAMESPACE', value: 'openshift-ingress' },
          { name: 'DEFAULT_CERTIFICATE_DIR', value: '/etc/pki/tls/private' },
          { name: 'ROUTER_SERVICE_NAME', value: 'default' },
          { name: 'STATS_USERNAME', valueFrom: { secretKeyRef: { name: 'router-stats-default', key: 'statsUsername' } } },
          { name: 'STATS_PASSWORD', valueFrom: { secretKeyRef: { name: 'router-stats-default', key: 'statsPassword' } } },
          { name: 'ROUTER_METRICS_TYPE', value: 'haproxy' },
          { name: 'ROUTER_METRICS_TLS_CERT_FILE', value: '/etc/pki/tls/metrics-certs/tls.crt' },
          { name: 'ROUTER_METRICS_TLS_KEY_FILE', value: '/etc/pki/tls/metrics-certs/tls.key' },
          { name: 'ROUTER_CANONICAL_HOSTNAME', value: appsDomain },
          { name: 'ROUTER_THREADS', value: '4' },
          { name: 'ROUTER_CIPHERS', value: ciphers2020.join(':') },
          { name: 'SSL_MIN_VERSION', value: 'TLSv1.2' },
        ],
        livenessProbe: probe('/healthz', { initialDelaySeconds: 10 }),
        readinessProbe: probe('/healthz/ready', { initialDelaySeconds: 10 }),
        volumeMounts: [
          { name: 'default-certificate', readOnly: true, mountPath: '/etc/pki/tls/private' },
          { name: 'metrics-certs', readOnly: true, mountPath: '/etc/pki/tls/metrics-certs' },
        ],
      },
      podSpec: {
        volumes: [secretVolume('default-certificate', certificateSecret), secretVolume('metrics-certs', 'router-metrics-certs-default')],
        nodeSelector,
        serviceAccountName: 'router',
        serviceAccount: 'router',
        priorityClassName: 'system-cluster-critical',
      },
    };
  }
  return {
    container: {
      ...common,
      env: [
        { name: 'ROUTER_SERVICE_NAMESPACE', value: 'openshift-ingress' },
        { name: 'DEFAULT_CERTIFICATE_DIR', value: '/etc/pki/tls/private' },
        { name: 'DEFAULT_DESTINATION_CA_PATH', value: '/var/run/configmaps/service-ca/service-ca.crt' },
        { name: 'STATS_PORT', value: '1936' },
        { name: 'ROUTER_SERVICE_NAME', value: 'default' },
        { name: 'STATS_USERNAME_FILE', value: '/var/lib/haproxy/conf/metrics-auth/statsUsername' },
        { name: 'STATS_PASSWORD_FILE', value: '/var/lib/haproxy/conf/metrics-auth/statsPassword' },
        { name: 'ROUTER_METRICS_TYPE', value: 'haproxy' },
        { name: 'ROUTER_METRICS_TLS_CERT_FILE', value: '/etc/pki/tls/metrics-certs/tls.crt' },
        { name: 'ROUTER_METRICS_TLS_KEY_FILE', value: '/etc/pki/tls/metrics-certs/tls.key' },
        { name: 'ROUTER_DOMAIN', value: appsDomain },
        { name: 'ROUTER_CANONICAL_HOSTNAME', value: `router-default.${appsDomain}` },
        { name: 'ROUTER_THREADS', value: '4' },
        { name: 'SSL_MIN_VERSION', value: 'TLSv1.2' },
        { name: 'ROUTER_ALLOW_WILDCARD_ROUTES', value: 'false' },
        { name: 'ROUTER_SET_FORWARDED_HEADERS', value: 'append' },
      ],
      livenessProbe: probe('/healthz', { terminationGracePeriodSeconds: 10 }),
      readinessProbe: probe('/healthz/ready'),
      startupProbe: probe('/healthz/ready', { periodSeconds: 1, failureThreshold: 120 }),
      securityContext: { allowPrivilegeEscalation: true, readOnlyRootFilesystem: false },
      volumeMounts: [
        { name: 'default-certificate', readOnly: true, mountPath: '/etc/pki/tls/private' },
        { name: 'service-ca-bundle', readOnly: true, mountPath: '/var/run/configmaps/service-ca' },
        { name: 'stats-auth', readOnly: true, mountPath: '/var/lib/haproxy/conf/metrics-auth' },
        { name: 'metrics-certs', readOnly: true, mountPath: '/etc/pki/tls/metrics-certs' },
      ],
    },
    podSpec: {
      // The router's long default grace period (an hour), so that connections drain.
      terminationGracePeriodSeconds: 3600,
      volumes: [
        secretVolume('default-certificate', certificateSecret),
        { name: 'service-ca-bundle', configMap: { name: 'service-ca-bundle', items: [{ key: 'service-ca.crt', path: 'service-ca.crt' }], defaultMode: 420, optional: false } },
        secretVolume('stats-auth', 'router-stats-default'),
        secretVolume('metrics-certs', 'router-metrics-certs-default'),
      ],
      nodeSelector,
      serviceAccountName: 'router',
      serviceAccount: 'router',
      priorityClassName: 'system-cluster-critical',
    },
  };
}

// ----------------------------------------------------------------- workload controllers, operators
type Meta = (name: string, ageMinutes: number, extra?: Record<string, unknown>, namespace?: string) => Record<string, unknown> & { uid: string };

/** The controllers that own the pods, made from the pods themselves: an OpenShift DeploymentConfig
 * and its ReplicationController (`<dc>-<version>`, whose deployer pod `<rc>-deploy` ran it), or a
 * Deployment and its ReplicaSet (`<deployment>-<pod-template-hash>`), the router's included. Added
 * after every other object, so that the others keep their resourceVersions. Each controller's uid
 * is the one its pods' ownerReferences already name. */
function controllersOf(spec: LabSpec, pods: PodSpec[], meta: Meta, at: (minutes: number) => string, appsDomain: string): KubeObject[] {
  const out: KubeObject[] = [];
  const ownerUid = (name: string) => guid(`owner:${name}`);
  const template = (p: PodSpec) => ({
    metadata: { creationTimestamp: null, labels: p.labels.deploymentconfig ? { deploymentconfig: p.labels.deploymentconfig, app: p.labels.app } : { ...Object.fromEntries(Object.entries(p.labels).filter(([k]) => k !== 'pod-template-hash')) } },
    spec: {
      containers: [{ name: p.labels.deploymentconfig ?? p.labels.app ?? p.name.replace(/-[a-z0-9]+-[a-z0-9]+$|-[a-z0-9]{5}$/, ''), image: p.image, ...(p.env ? { env: p.env } : {}), ...(p.ports ? { ports: p.ports } : {}), resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent', ...p.container }, ...(p.sidecars ?? [])],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
      ...p.podSpec,
    },
  });
  const byOwner = new Map<string, PodSpec[]>();
  for (const p of pods) if (p.owner && (p.owner.kind === 'ReplicationController' || p.owner.kind === 'ReplicaSet')) byOwner.set(`${p.owner.kind}/${p.namespace}/${p.owner.name}`, [...(byOwner.get(`${p.owner.kind}/${p.namespace}/${p.owner.name}`) ?? []), p]);
  for (const [key, owned] of byOwner) {
    const [kind, namespace, name] = key.split('/');
    const first = owned[0];
    const ready = owned.filter((p) => p.phase === 'Running').length;
    if (kind === 'ReplicationController') {
      // oc new-app's DeploymentConfig: a config-change trigger, the rolling strategy's defaults.
      const dc = first.labels.deploymentconfig;
      const version = Number(name.slice(dc.length + 1));
      const deployer = pods.find((p) => p.labels['openshift.io/deployer-pod-for.name'] === name);
      const age = Math.max(...owned.map((p) => p.ageMinutes), deployer?.ageMinutes ?? 0);
      const dcUid = guid(`dc:${namespace}/${dc}`);
      const selector = { deploymentconfig: dc };
      const strategy = { type: 'Rolling', rollingParams: { updatePeriodSeconds: 1, intervalSeconds: 1, timeoutSeconds: 600, maxUnavailable: '25%', maxSurge: '25%' }, resources: {}, activeDeadlineSeconds: 21600 };
      out.push({
        apiVersion: 'apps.openshift.io/v1',
        kind: 'DeploymentConfig',
        metadata: { ...meta(dc, age + 1, { labels: { app: first.labels.app } , annotations: { 'openshift.io/generated-by': 'OpenShiftNewApp' } }, namespace), uid: dcUid, generation: 2 },
        spec: { strategy, triggers: [{ type: 'ConfigChange' }], replicas: owned.length, revisionHistoryLimit: 10, test: false, selector, template: template(first) },
        status: {
          latestVersion: version,
          observedGeneration: 2,
          replicas: owned.length,
          updatedReplicas: owned.length,
          availableReplicas: ready,
          unavailableReplicas: owned.length - ready,
          details: { message: 'config change', causes: [{ type: 'ConfigChange' }] },
          conditions: [
            { type: 'Available', status: 'True', lastUpdateTime: at(age - 2), lastTransitionTime: at(age - 2), message: 'Deployment config has minimum availability.' },
            { type: 'Progressing', status: 'True', lastUpdateTime: at(age - 2), lastTransitionTime: at(age - 2), reason: 'NewReplicationControllerAvailable', message: `replication controller "${name}" successfully rolled out` },
          ],
          readyReplicas: ready,
        },
      } as unknown as KubeObject);
      out.push({
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: {
          ...meta(name, age, {
            labels: { app: first.labels.app, 'openshift.io/deployment-config.name': dc },
            annotations: {
              'openshift.io/deployer-pod.completed-at': deployer ? `${at(deployer.ageMinutes - 1).replace('T', ' ').replace('Z', ' +0000 UTC')}` : '',
              'openshift.io/deployer-pod.created-at': `${at(age).replace('T', ' ').replace('Z', ' +0000 UTC')}`,
              'openshift.io/deployer-pod.name': `${name}-deploy`,
              'openshift.io/deployment-config.latest-version': String(version),
              'openshift.io/deployment-config.name': dc,
              'openshift.io/deployment.phase': 'Complete',
              'openshift.io/deployment.replicas': String(owned.length),
              'openshift.io/deployment.status-reason': 'config change',
              'openshift.io/encoded-deployment-config': '',
            },
            ownerReferences: [{ apiVersion: 'apps.openshift.io/v1', kind: 'DeploymentConfig', name: dc, uid: dcUid, controller: true, blockOwnerDeletion: true }],
          }, namespace),
          uid: ownerUid(name),
          generation: 2,
        },
        spec: { replicas: owned.length, selector: { ...selector, deployment: name }, template: { ...template(first), metadata: { creationTimestamp: null, labels: { ...first.labels }, annotations: { 'openshift.io/deployment-config.latest-version': String(version), 'openshift.io/deployment-config.name': dc, 'openshift.io/deployment.name': name } } } },
        status: { replicas: owned.length, fullyLabeledReplicas: owned.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: 2 },
      } as unknown as KubeObject);
      continue;
    }
    // A Deployment and its ReplicaSet.
    const hash = first.labels['pod-template-hash'];
    const deployment = name.slice(0, -(hash.length + 1));
    const age = Math.max(...owned.map((p) => p.ageMinutes));
    const depUid = guid(`deploy:${namespace}/${deployment}`);
    const router = namespace === 'openshift-ingress';
    const selector = router ? { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default' } : Object.fromEntries(Object.entries(first.labels).filter(([k]) => k !== 'pod-template-hash'));
    // The ingress operator's deployment (its manifest) has no labels and the Recreate strategy.
    const operator = namespace === 'openshift-ingress-operator';
    const labels = router ? { 'ingresscontroller.operator.openshift.io/owning-ingresscontroller': 'default' } : operator ? undefined : { app: deployment };
    // A LoadBalancerService IngressController's rollout: 4.3 surges one pod and keeps every old one
    // until it is ready; 4.19 allows half of two replicas down, surges 25 %, and waits 30 s
    // (three 10 s health checks) before a new pod counts as available.
    const routerStrategy = spec.layout === '2020' ? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } : { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%', maxSurge: '25%' } };
    const routerMinReady = router && spec.layout !== '2020' ? 30 : 0;
    const tpl = template(first);
    const progressing = { type: 'Progressing', status: 'True', lastUpdateTime: at(age - 2), lastTransitionTime: at(age + 1), reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${name}" has successfully progressed.` };
    const available = { type: 'Available', status: 'True', lastUpdateTime: at(age - 2), lastTransitionTime: at(age - 2), reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' };
    out.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { ...meta(deployment, age + 1, { ...(labels ? { labels } : {}), annotations: { 'deployment.kubernetes.io/revision': '1' } }, namespace), uid: depUid, generation: 1 },
      spec: { replicas: owned.length, selector: { matchLabels: selector }, template: tpl, strategy: operator ? { type: 'Recreate' } : router ? routerStrategy : { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, minReadySeconds: routerMinReady, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
      status: { observedGeneration: 1, replicas: owned.length, updatedReplicas: owned.length, readyReplicas: ready, availableReplicas: ready, conditions: [available, progressing] },
    } as unknown as KubeObject);
    out.push({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        ...meta(name, age + 1, { labels: { ...selector, 'pod-template-hash': hash }, annotations: { 'deployment.kubernetes.io/desired-replicas': String(owned.length), 'deployment.kubernetes.io/max-replicas': String(owned.length + (operator ? 0 : 1)), 'deployment.kubernetes.io/revision': '1' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment, uid: depUid, controller: true, blockOwnerDeletion: true }] }, namespace),
        uid: ownerUid(name),
        generation: 1,
      },
      spec: { replicas: owned.length, minReadySeconds: routerMinReady, selector: { matchLabels: { ...selector, 'pod-template-hash': hash } }, template: { ...tpl, metadata: { creationTimestamp: null, labels: { ...selector, 'pod-template-hash': hash } } } },
      status: { replicas: owned.length, fullyLabeledReplicas: owned.length, readyReplicas: ready, availableReplicas: ready, observedGeneration: 1 },
    } as unknown as KubeObject);
  }
  if (spec.layout === '2020') {
    // 2020's IngressController `default` (OpenShift 4.3's fields): ARO's certificate for *.apps of
    // its own domain, in the secret `<cluster document id>-ingress`.
    out.push({
      apiVersion: 'operator.openshift.io/v1',
      kind: 'IngressController',
      metadata: { ...meta('default', spec.clusterAgeMinutes - 5, {}, 'openshift-ingress-operator'), finalizers: ['ingresscontroller.operator.openshift.io/finalizer-ingresscontroller'], generation: 1 },
      spec: { defaultCertificate: { name: `${guid(`doc:${spec.cluster.name}`)}-ingress` }, endpointPublishingStrategy: { loadBalancer: { scope: spec.visibility === 'Private' ? 'Internal' : 'External' }, type: 'LoadBalancerService' }, replicas: 2 },
      status: {
        availableReplicas: 2,
        domain: appsDomain,
        endpointPublishingStrategy: { loadBalancer: { scope: spec.visibility === 'Private' ? 'Internal' : 'External' }, type: 'LoadBalancerService' },
        selector: 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller=default',
        tlsProfile: { ciphers: ['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256', 'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'DHE-RSA-AES128-GCM-SHA256', 'DHE-RSA-AES256-GCM-SHA384'], minTLSVersion: 'VersionTLS12' },
      },
    } as unknown as KubeObject);
  }
  return out;
}

/** The cluster operators of a release, as `oc get clusteroperators` lists them on a healthy cluster
 * of that version (the release payload's ClusterOperator manifests: OpenShift 4.3 still had the
 * service catalog's two and no etcd operator; 4.19 adds the ones of later releases and ARO's own
 * `aro`, which the ARO operator reports where it runs). All Available, none Progressing or
 * Degraded; the Available condition changed when the operator first became available, a little
 * after the cluster was installed. */
function clusterOperators(spec: LabSpec, meta: Meta, at: (minutes: number) => string): KubeObject[] {
  const v43 = ['authentication', 'cloud-credential', 'cluster-autoscaler', 'console', 'dns', 'image-registry', 'ingress', 'insights', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'machine-api', 'machine-config', 'marketplace', 'monitoring', 'network', 'node-tuning', 'openshift-apiserver', 'openshift-controller-manager', 'openshift-samples', 'operator-lifecycle-manager', 'operator-lifecycle-manager-catalog', 'operator-lifecycle-manager-packageserver', 'service-ca', 'service-catalog-apiserver', 'service-catalog-controller-manager', 'storage'];
  const v419 = ['aro', 'authentication', 'baremetal', 'cloud-controller-manager', 'cloud-credential', 'cluster-autoscaler', 'config-operator', 'console', 'control-plane-machine-set', 'csi-snapshot-controller', 'dns', 'etcd', 'image-registry', 'ingress', 'insights', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-storage-version-migrator', 'machine-api', 'machine-approver', 'machine-config', 'marketplace', 'monitoring', 'network', 'node-tuning', 'olm', 'openshift-apiserver', 'openshift-controller-manager', 'openshift-samples', 'operator-lifecycle-manager', 'operator-lifecycle-manager-catalog', 'operator-lifecycle-manager-packageserver', 'service-ca', 'storage'];
  const names = spec.layout === '2020' ? v43 : v419.filter((n) => n !== 'aro' || spec.gateway);
  const version = spec.cluster.version;
  return names.map((name, i) => {
    // Operators became available one after another during the installation's last half hour.
    const since = spec.clusterAgeMinutes - 30 + ((i * 7) % 29);
    const ingress = name === 'ingress';
    const conditions = spec.layout === '2020'
      ? [
          { type: 'Degraded', status: 'False', lastTransitionTime: at(since + 2), ...(ingress ? { reason: 'NoIngressControllersDegraded' } : { reason: 'AsExpected' }) },
          { type: 'Progressing', status: 'False', lastTransitionTime: at(since), ...(ingress ? { message: 'desired and current number of IngressControllers are equal' } : { reason: 'AsExpected' }) },
          { type: 'Available', status: 'True', lastTransitionTime: at(since), ...(ingress ? { message: 'desired and current number of IngressControllers are equal' } : { reason: 'AsExpected' }) },
          { type: 'Upgradeable', status: 'True', lastTransitionTime: at(since + 2), reason: 'AsExpected' },
        ]
      : [
          { type: 'Degraded', status: 'False', lastTransitionTime: at(since + 2), ...(ingress ? { reason: 'IngressNotDegraded', message: 'The "default" ingress controller reports Degraded=False.' } : { reason: 'AsExpected' }) },
          { type: 'Progressing', status: 'False', lastTransitionTime: at(since), reason: 'AsExpected', ...(ingress ? { message: 'desired and current number of IngressControllers are equal' } : {}) },
          { type: 'Available', status: 'True', lastTransitionTime: at(since), ...(ingress ? { reason: 'IngressAvailable', message: 'The "default" ingress controller reports Available=True.' } : { reason: 'AsExpected' }) },
          { type: 'Upgradeable', status: 'True', lastTransitionTime: at(since + 2), reason: ingress ? 'IngressControllersUpgradeable' : 'AsExpected', ...(ingress ? { message: 'All ingresscontrollers are upgradeable.' } : {}) },
          ...(ingress ? [{ type: 'EvaluationConditionsDetected', status: 'False', lastTransitionTime: at(since + 2), reason: 'AsExpected' }] : []),
        ];
    return {
      apiVersion: 'config.openshift.io/v1',
      kind: 'ClusterOperator',
      metadata: { ...meta(name, spec.clusterAgeMinutes + 8), uid: guid(`co:${spec.cluster.name}/${name}`), generation: 1 },
      spec: {},
      status: {
        conditions,
        extension: null,
        ...(ingress ? { relatedObjects: [{ group: '', name: 'openshift-ingress-operator', resource: 'namespaces' }, { group: 'operator.openshift.io', name: '', namespace: 'openshift-ingress-operator', resource: 'ingresscontrollers' }, { group: '', name: 'openshift-ingress', resource: 'namespaces' }] } : {}),
        // The ARO operator reports no version of itself (`oc get co aro` prints an empty VERSION).
        ...(name === 'aro' ? {} : { versions: [{ name: 'operator', version }, ...(ingress ? [{ name: 'ingress-controller', version: releaseImage(version, 'haproxy-router') }] : [])] }),
      },
    } as unknown as KubeObject;
  });
}


/** The events a cluster still holds (the API server keeps them 3 hours, `--event-ttl`): those of
 * the pods started less than 3 hours before the lab's clock — the scheduler's assignment, the
 * kubelet's pull, create and start of each container — and of their controllers' creating them.
 * Messages as Kubernetes of the cluster's version words them (before 1.19 `Successfully pulled
 * image "…"` without the time it took). */
function recentEvents(spec: LabSpec, objects: KubeObject[], meta: Meta): KubeObject[] {
  const clock = Date.parse(spec.info.clock);
  const ttl = 3 * 60 * 60_000;
  const kubeMinor = Number(spec.cluster.kubelet.match(/^v1\.(\d+)/)![1]);
  const out: KubeObject[] = [];
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const event = (involved: KubeObject, reason: string, message: string, at: number, source: { component: string; host?: string }, fieldPath?: string) => {
    // The recorder names an event after its object and the time in nanoseconds, in hex.
    const name = `${involved.metadata.name}.${(BigInt(at) * 1_000_000n + BigInt(out.length * 7919)).toString(16)}`;
    const ageMinutes = (clock - at) / 60_000;
    const m = meta(name, ageMinutes, {}, involved.metadata.namespace);
    out.push({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { ...m, creationTimestamp: iso(at) },
      involvedObject: { kind: involved.kind, namespace: involved.metadata.namespace, name: involved.metadata.name, uid: involved.metadata.uid, apiVersion: involved.apiVersion, resourceVersion: involved.metadata.resourceVersion, ...(fieldPath ? { fieldPath } : {}) },
      reason,
      message,
      source,
      firstTimestamp: iso(at),
      lastTimestamp: iso(at),
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: '',
      reportingInstance: '',
    } as unknown as KubeObject);
  };
  const recent = (o: KubeObject) => clock - Date.parse(o.metadata.creationTimestamp ?? '') < ttl;
  for (const dc of objects.filter((o) => o.kind === 'DeploymentConfig' && recent(o))) {
    const version = (dc.status as Record<string, number>).latestVersion;
    const rc = objects.find((o) => o.kind === 'ReplicationController' && o.metadata.name === `${dc.metadata.name}-${version}` && o.metadata.namespace === dc.metadata.namespace);
    if (rc) event(dc, 'DeploymentCreated', `Created new replication controller "${rc.metadata.name}" for version ${version}`, Date.parse(rc.metadata.creationTimestamp!), { component: 'deploymentconfig-controller' });
  }
  for (const pod of objects.filter((o) => o.kind === 'Pod' && recent(o))) {
    const created = Date.parse(pod.metadata.creationTimestamp!);
    const owner = (pod.metadata.ownerReferences as Array<{ kind: string; name: string }> | undefined)?.[0];
    const controller = owner && objects.find((o) => o.kind === owner.kind && o.metadata.name === owner.name && o.metadata.namespace === pod.metadata.namespace);
    if (controller) event(controller, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, created, { component: owner!.kind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller' });
    const podSpec = pod.spec as { nodeName: string; containers: Array<{ name: string; image: string }> };
    event(pod, 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${podSpec.nodeName}`, created, { component: 'default-scheduler' });
    const kubelet = { component: 'kubelet', host: podSpec.nodeName };
    for (const c of podSpec.containers) {
      const fieldPath = `spec.containers{${c.name}}`;
      event(pod, 'Pulling', `Pulling image "${c.image}"`, created + 2_000, kubelet, fieldPath);
      event(pod, 'Pulled', kubeMinor < 19 ? `Successfully pulled image "${c.image}"` : `Successfully pulled image "${c.image}" in 12.403s (12.403s including waiting)`, created + 14_000, kubelet, fieldPath);
      event(pod, 'Created', `Created container ${c.name}`, created + 15_000, kubelet, fieldPath);
      event(pod, 'Started', `Started container ${c.name}`, created + 15_000, kubelet, fieldPath);
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------- labs
const SQL_VERSION =
  'Microsoft SQL Server 2019 (RTM-CU4) (KB4548597) - 15.0.4033.1 (X64) \n\tMar 14 2020 16:10:35 \n\tCopyright (C) 2019 Microsoft Corporation\n\tDeveloper Edition (64-bit) on Linux (Ubuntu 18.04.4 LTS) ';

function sqlApiEnv(project: string) {
  return [
    { name: 'SQL_SERVER_FQDN', value: `server.${project}.svc.cluster.local` },
    { name: 'SQL_SERVER_USERNAME', value: 'sa' },
    { name: 'SQL_SERVER_PASSWORD', value: 'Lab-Passw0rd!' },
  ];
}

const SQL_SERVER_ENV = [
  { name: 'ACCEPT_EULA', value: 'Y' },
  { name: 'SA_PASSWORD', value: 'Lab-Passw0rd!' },
];

function account(sub: string, tenant: string, name: string) {
  return {
    environmentName: 'AzureCloud',
    homeTenantId: tenant,
    id: sub,
    isDefault: true,
    managedByTenants: [],
    name,
    state: 'Enabled',
    tenantDefaultDomain: 'arolabs.onmicrosoft.com',
    tenantDisplayName: 'ARO Labs',
    tenantId: tenant,
    user: { name: 'reader@example.com', type: 'user' },
  };
}

const aro2Sub = 'e7da9914-9b05-4891-893c-546cb7b0422e';
const aro2Workers: NodeSpec[] = [
  { name: 'aro2-p8bjm-worker-northeurope1-qt8l7', ip: '10.0.2.4', podCidr: '10.131.0.0/23', zone: '1' },
  { name: 'aro2-p8bjm-worker-northeurope2-7hmtn', ip: '10.0.2.5', podCidr: '10.128.2.0/23', zone: '2' },
  { name: 'aro2-p8bjm-worker-northeurope3-wl4vw', ip: '10.0.2.6', podCidr: '10.129.2.0/23', zone: '3' },
];
const [w1, , w3] = aro2Workers.map((w) => w.name);

const aro2: LabSpec = {
  info: {
    name: 'aro2',
    title: 'The cluster of the post (2020)',
    summary: 'Cluster aro2 in North Europe as "A day in the life of a packet in ARO, part 2" shows it: four load balancers, two NSGs, the sqlapi app in project1.',
    layout: '2020',
    clock: '2020-05-29T16:00:00Z',
    account: account(aro2Sub, '3d2c7a1e-5b8f-4c6a-9e0d-1f2a3b4c5d6e', 'ARO Labs'),
    client: { publicIp: '198.51.100.7' },
    resolver: '192.0.2.53',
    session: { env: { cluster_name: 'aro2', rg: 'aro2' }, namespace: 'project1' },
    tools: VERIFIED,
    // An uptime check asks /api/ip every ten seconds: the only Internet connections the app opens.
    app: { sqlVersion: SQL_VERSION, load: [{ route: 'project1/sqlapilb', path: '/api/ip', perMinute: 6 }] },
  },
  subscription: aro2Sub,
  location: 'northeurope',
  layout: '2020',
  cluster: { name: 'aro2', group: 'aro2', nodeGroup: 'aro2-resources', infraId: 'aro2-p8bjm', domain: 'm50kgrxk', version: '4.3.18', kubelet: 'v1.16.2', crio: 'cri-o://1.16.6-2.rhaos4.3.git4a6c6b3.el8', osImage: 'Red Hat Enterprise Linux CoreOS 43.81.202005080554.0 (Ootpa)', kernel: '4.18.0-147.8.1.el8_1.x86_64' },
  network: 'OpenShiftSDN',
  vm: { masterSize: 'Standard_D8s_v3', workerSize: 'Standard_D4s_v3', sku: 'aro_43', version: '43.81.20200311' },
  visibility: 'Public',
  outboundType: 'Loadbalancer',
  vnet: { name: 'aro2-vnet', prefix: '10.0.0.0/22', master: ['master-subnet', '10.0.0.0/23'], worker: ['worker-subnet', '10.0.2.0/23'] },
  ips: { api: '203.0.113.10', outbound: '198.51.100.24', router: '192.0.2.80', internalApi: '10.0.0.4', internalService: '10.0.2.7' },
  guids: {
    'aro2-p8bjm': 'f809521e-6935-4066-8898-6ca1215e3d82',
    'aro2-p8bjm-internal': '45347122-98bc-49c5-9940-fc9713268bc2',
    'aro2-p8bjm-internal-lb': '1d809b47-5c87-4ac4-83b4-1e3e53ae8a67',
    'aro2-p8bjm-public-lb': '972600b0-2a96-4313-a0f2-6137c2043cfd',
  },
  masters: [0, 1, 2].map((i) => ({ name: `aro2-p8bjm-master-${i}`, ip: `10.0.0.${6 + i}`, podCidr: `10.${128 + i}.0.0/23`, zone: String(i + 1) })),
  workers: aro2Workers,
  clusterAgeMinutes: 11 * 60 + 5,
  project: 'project1',
  pods: [
    { name: 'server-1-deploy', namespace: 'project1', node: w1, ip: '10.131.0.18', ageMinutes: 54, image: releaseImage('4.3.18', 'deployer'), labels: { 'openshift.io/deployer-pod-for.name': 'server-1' }, phase: 'Succeeded' },
    { name: 'server-1-ppl25', namespace: 'project1', node: w3, ip: '10.129.2.14', ageMinutes: 54, image: 'mcr.microsoft.com/mssql/server:2019-latest', labels: { deployment: 'server-1', deploymentconfig: 'server', app: 'server' }, phase: 'Running', env: SQL_SERVER_ENV, ports: [{ containerPort: 1433, protocol: 'TCP' }], owner: { kind: 'ReplicationController', name: 'server-1', apiVersion: 'v1' } },
    { name: 'sqlapi-1-8jgx8', namespace: 'project1', node: w1, ip: '10.131.0.25', ageMinutes: 40, image: 'erjosito/sqlapi:0.1', labels: { deployment: 'sqlapi-1', deploymentconfig: 'sqlapi', app: 'sqlapi' }, phase: 'Running', env: sqlApiEnv('project1'), ports: [{ containerPort: 8080, protocol: 'TCP' }], owner: { kind: 'ReplicationController', name: 'sqlapi-1', apiVersion: 'v1' } },
    { name: 'sqlapi-1-deploy', namespace: 'project1', node: w1, ip: '10.131.0.21', ageMinutes: 40, image: releaseImage('4.3.18', 'deployer'), labels: { 'openshift.io/deployer-pod-for.name': 'sqlapi-1' }, phase: 'Succeeded' },
  ],
  services: [
    { name: 'server', namespace: 'project1', clusterIP: '172.30.140.86', ageMinutes: 57, ports: [{ name: '1433-tcp', port: 1433, protocol: 'TCP', targetPort: 1433 }], selector: { deploymentconfig: 'server' }, labels: { app: 'server' } },
    { name: 'sqlapi', namespace: 'project1', clusterIP: '172.30.91.203', ageMinutes: 43, ports: [{ name: '8080-tcp', port: 8080, protocol: 'TCP', targetPort: 8080 }], selector: { deploymentconfig: 'sqlapi' }, labels: { app: 'sqlapi' } },
    {
      name: 'sqlapilb',
      namespace: 'project1',
      clusterIP: '172.30.222.47',
      ageMinutes: 6 * 60 + 50,
      type: 'LoadBalancer',
      uid: '4c2e9a17-8b3d-4f6e-a1c5-7d9e0b2f3a48',
      loadBalancerIp: '10.0.2.7',
      annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' },
      ports: [{ port: 8080, protocol: 'TCP', targetPort: 8080, nodePort: 30039 }],
      selector: { deploymentconfig: 'sqlapi' },
      labels: { app: 'sqlapi' },
    },
  ],
  routes: [{ name: 'sqlapilb', namespace: 'project1', service: 'sqlapilb', targetPort: '8080', ageMinutes: 6 * 60 + 45 }],
  router: {
    uid: 'b765e991-1ee7-4b8d-8128-0e60cfcea16d',
    hash: 'cf4d7b6d5',
    pods: [
      { name: 'router-default-cf4d7b6d5-lcxtl', node: w3, ip: '10.129.2.7' },
      { name: 'router-default-cf4d7b6d5-xlkxx', node: w1, ip: '10.131.0.7' },
    ],
    httpNodePort: 30602,
    httpsNodePort: 31409,
    healthCheckNodePort: 32105,
    clusterIP: '172.30.37.125',
    internalClusterIP: '172.30.118.33',
  },
};

// OpenShift 4.19.24, ARO's default install stream in 2026 (ARO-RP pkg/util/version/const.go):
// Kubernetes 1.32, CRI-O 1.32, RHCOS 9.6; ARO's VM image and today's default VM sizes.
const CLUSTER_419 = {
  version: '4.19.24',
  kubelet: 'v1.32.10',
  crio: 'cri-o://1.32.10-2.rhaos4.19.git5a1e2c8.el9',
  osImage: 'Red Hat Enterprise Linux CoreOS 9.6.20251204-0 (Plow)',
  kernel: '5.14.0-570.62.1.el9_6.x86_64',
};
const VM_419 = { masterSize: 'Standard_D8s_v5', workerSize: 'Standard_D4s_v5', sku: 'aro_419', version: '419.96.20251204' };

// The ARO service's subscription (holds the gateway's private link service the clusters' private endpoints connect to).
const RP_SUBSCRIPTION = '2d4c8a6e-1f3b-4d5a-9c7e-8b0f6a2d4e1c';

/** The domains egress lockdown sends through the service (Microsoft's list: the ARO registries,
 * Azure Resource Manager and Entra ID, the Geneva monitoring endpoints of the region). */
function gatewayDomains(region: string, gsm: string[]): string[] {
  return [
    'arosvc.azurecr.io',
    `arosvc.${region}.data.azurecr.io`,
    'gcs.prod.monitoring.core.windows.net',
    ...gsm.flatMap((n) => [`gsm${n}eh.servicebus.windows.net`, `gsm${n}xt.blob.core.windows.net`, `gsm${n}xt.table.core.windows.net`]),
    'login.microsoftonline.com',
    'management.azure.com',
    'qos.prod.warm.ingest.monitor.core.windows.net',
    `${region}-shared.prod.warm.ingest.monitor.core.windows.net`,
  ].sort();
}

const todaySub = '5f3e2b71-9c4d-4e8a-b6f0-2a7c1d9e8b34';
const todayWorkers: NodeSpec[] = [
  ['westeurope1-q7d2k', '10.40.2.4', '10.131.0.0/23', '1'],
  ['westeurope2-h9x4m', '10.40.2.5', '10.128.2.0/23', '2'],
  ['westeurope3-b2n8v', '10.40.2.6', '10.129.2.0/23', '3'],
  ['westeurope1-t5r1c', '10.40.2.7', '10.130.2.0/23', '1'],
  ['westeurope2-z8w6p', '10.40.2.8', '10.131.2.0/23', '2'],
].map(([suffix, ip, podCidr, zone]) => ({ name: `demo-4xt7q-worker-${suffix}`, ip, podCidr, zone }));

const arotoday: LabSpec = {
  info: {
    name: 'aro-today',
    title: 'A cluster created today',
    summary: 'Cluster demo in West Europe, created in 2026: OpenShift 4.19 with OVN-Kubernetes, two load balancers, one NSG, egress lockdown, five workers, the sqlapi app in project shop.',
    layout: 'today',
    clock: '2026-11-20T09:30:00Z',
    account: account(todaySub, '8e1f4c2a-6d3b-4a9e-9c7f-0b5d2e8a1c63', 'ARO Labs Today'),
    client: { publicIp: '192.0.2.200' },
    resolver: '192.0.2.1',
    session: { env: { cluster_name: 'demo', rg: 'demo-rg' }, namespace: 'shop' },
    tools: VERIFIED,
    app: { sqlVersion: SQL_VERSION, load: [{ route: 'shop/sqlapi', path: '/api/ip', perMinute: 12 }] },
  },
  subscription: todaySub,
  location: 'westeurope',
  layout: 'today',
  cluster: { name: 'demo', group: 'demo-rg', nodeGroup: 'aro-x7k2p9qa', infraId: 'demo-4xt7q', domain: 'x7k2p9qa', ...CLUSTER_419 },
  createdAt: '2026-11-11T06:44:52.3816204Z',
  network: 'OVNKubernetes',
  vm: VM_419,
  visibility: 'Public',
  outboundType: 'Loadbalancer',
  gateway: { privateEndpointIp: '10.40.0.9', domains: gatewayDomains('westeurope', ['1130883183', '2094151337', '784912506']), rpSubscription: RP_SUBSCRIPTION, gatewayGroup: 'gwy-westeurope', rpGroup: 'rp-westeurope', storageSuffix: 'x7k2pqdz9m' },
  vnet: { name: 'demo-vnet', prefix: '10.40.0.0/22', master: ['master', '10.40.0.0/23'], worker: ['worker', '10.40.2.0/23'] },
  // Dynamic allocation takes the lowest free address of the master subnet: the internal API frontend
  // (.4) and the private link service (.5) come first, then the masters, then the private endpoint.
  ips: { api: '198.51.100.140', router: '203.0.113.77', internalApi: '10.40.0.4', privateLinkService: '10.40.0.5' },
  guids: {},
  masters: [0, 1, 2].map((i) => ({ name: `demo-4xt7q-master-${i}`, ip: `10.40.0.${6 + i}`, podCidr: `10.${128 + i}.0.0/23`, zone: String(i + 1) })),
  workers: todayWorkers,
  clusterAgeMinutes: 9 * 24 * 60 + 130,
  project: 'shop',
  pods: [
    { name: 'server-5c6f7d8b9-m4kqz', namespace: 'shop', node: todayWorkers[1].name, ip: '10.128.2.31', ageMinutes: 3 * 24 * 60 + 70, image: 'mcr.microsoft.com/mssql/server:2019-latest', labels: { deployment: 'server', 'pod-template-hash': '5c6f7d8b9' }, phase: 'Running', env: SQL_SERVER_ENV, ports: [{ containerPort: 1433, protocol: 'TCP' }], owner: { kind: 'ReplicaSet', name: 'server-5c6f7d8b9', apiVersion: 'apps/v1' } },
    { name: 'sqlapi-7d9c5b8f6-x2x7k', namespace: 'shop', node: todayWorkers[3].name, ip: '10.130.2.19', ageMinutes: 3 * 24 * 60 + 55, image: 'erjosito/sqlapi:1.0', labels: { deployment: 'sqlapi', 'pod-template-hash': '7d9c5b8f6' }, phase: 'Running', env: sqlApiEnv('shop'), ports: [{ containerPort: 8080, protocol: 'TCP' }], owner: { kind: 'ReplicaSet', name: 'sqlapi-7d9c5b8f6', apiVersion: 'apps/v1' } },
  ],
  services: [
    { name: 'server', namespace: 'shop', clusterIP: '172.30.201.7', ageMinutes: 3 * 24 * 60 + 71, ports: [{ name: '1433-tcp', port: 1433, protocol: 'TCP', targetPort: 1433 }], selector: { deployment: 'server' }, labels: { app: 'server' } },
    { name: 'sqlapi', namespace: 'shop', clusterIP: '172.30.64.19', ageMinutes: 3 * 24 * 60 + 56, ports: [{ name: '8080-tcp', port: 8080, protocol: 'TCP', targetPort: 8080 }], selector: { deployment: 'sqlapi' }, labels: { app: 'sqlapi' } },
  ],
  routes: [{ name: 'sqlapi', namespace: 'shop', service: 'sqlapi', targetPort: '8080-tcp', ageMinutes: 3 * 24 * 60 + 50 }],
  router: {
    uid: '3f7a2c91-5d4e-4b8a-9e1f-6c0d8b2a7e55',
    hash: '6b8f9d7c4',
    pods: [
      { name: 'router-default-6b8f9d7c4-9vq2n', node: todayWorkers[0].name, ip: '10.131.0.12' },
      { name: 'router-default-6b8f9d7c4-kx5lm', node: todayWorkers[2].name, ip: '10.129.2.10' },
    ],
    httpNodePort: 31844,
    httpsNodePort: 30271,
    healthCheckNodePort: 30987,
    clusterIP: '172.30.118.240',
    internalClusterIP: '172.30.20.95',
  },
};

const privateSub = '9a6c3e1b-7d2f-4b8e-a5c4-3f1e0d9b7a26';
const privateWorkers: NodeSpec[] = [
  ['eastus1-m2k7d', '10.60.2.4', '10.128.2.0/23', '1'],
  ['eastus2-r8t4x', '10.60.2.5', '10.129.2.0/23', '2'],
  ['eastus3-w5n9c', '10.60.2.6', '10.131.0.0/23', '3'],
].map(([suffix, ip, podCidr, zone]) => ({ name: `private-6hx2c-worker-${suffix}`, ip, podCidr, zone }));

const aroprivate: LabSpec = {
  info: {
    name: 'aro-private',
    title: 'A private cluster (2026)',
    summary: 'Cluster private in East US, created in 2026: API and ingress private, outboundType UserDefinedRouting (egress through a firewall in a hub VNet), no public IP in its node resource group; your terminal runs on a jump host in the hub.',
    layout: 'today',
    clock: '2026-11-24T14:00:00Z',
    account: account(privateSub, '8e1f4c2a-6d3b-4a9e-9c7f-0b5d2e8a1c63', 'ARO Labs Private'),
    // The jump host has no public IP: it goes out through the hub's firewall too.
    client: { publicIp: '203.0.113.150', privateIp: '10.70.1.4' },
    // Azure's DNS, which the jump host's VNet uses.
    resolver: '168.63.129.16',
    session: { env: { cluster_name: 'private', rg: 'private-rg' }, namespace: 'shop' },
    tools: VERIFIED,
    app: { sqlVersion: SQL_VERSION, load: [{ route: 'shop/sqlapi', path: '/api/ip', perMinute: 12 }] },
  },
  subscription: privateSub,
  location: 'eastus',
  layout: 'today',
  cluster: { name: 'private', group: 'private-rg', nodeGroup: 'aro-p4v8n2kd', infraId: 'private-6hx2c', domain: 'p4v8n2kd', ...CLUSTER_419 },
  createdAt: '2026-11-17T10:02:31.5524877Z',
  network: 'OVNKubernetes',
  vm: VM_419,
  visibility: 'Private',
  outboundType: 'UserDefinedRouting',
  vnet: { name: 'private-vnet', prefix: '10.60.0.0/22', master: ['master', '10.60.0.0/23'], worker: ['worker', '10.60.2.0/23'] },
  // Addresses in the master subnet as on aro-today; the router gets the highest free worker address.
  ips: { api: '10.60.0.4', router: '10.60.3.254', internalApi: '10.60.0.4', privateLinkService: '10.60.0.5' },
  gateway: { privateEndpointIp: '10.60.0.9', domains: gatewayDomains('eastus', ['1466728719', '3128851652', '593340247']), rpSubscription: RP_SUBSCRIPTION, gatewayGroup: 'gwy-eastus', rpGroup: 'rp-eastus', storageSuffix: 'p4v8nkgt2w' },
  hub: {
    group: 'hub-rg',
    vnet: { name: 'hub-vnet', prefix: '10.70.0.0/22', firewallSubnet: '10.70.0.0/26', jumpboxSubnet: '10.70.1.0/24' },
    firewall: { name: 'hub-fw', privateIp: '10.70.0.4', pip: 'hub-fw-pip', publicIp: '203.0.113.150' },
    jumpbox: { name: 'jumpbox', ip: '10.70.1.4' },
    routeTable: 'aro-udr',
  },
  guids: {},
  masters: [0, 1, 2].map((i) => ({ name: `private-6hx2c-master-${i}`, ip: `10.60.0.${6 + i}`, podCidr: `10.${128 + i}.0.0/23`, zone: String(i + 1) })),
  workers: privateWorkers,
  clusterAgeMinutes: 7 * 24 * 60 + 200,
  project: 'shop',
  pods: [
    { name: 'server-6d8b7c9f5-p2wqs', namespace: 'shop', node: privateWorkers[1].name, ip: '10.129.2.24', ageMinutes: 2 * 24 * 60 + 95, image: 'mcr.microsoft.com/mssql/server:2019-latest', labels: { deployment: 'server', 'pod-template-hash': '6d8b7c9f5' }, phase: 'Running', env: SQL_SERVER_ENV, ports: [{ containerPort: 1433, protocol: 'TCP' }], owner: { kind: 'ReplicaSet', name: 'server-6d8b7c9f5', apiVersion: 'apps/v1' } },
    { name: 'sqlapi-5f7c9d6b8-k4r9t', namespace: 'shop', node: privateWorkers[2].name, ip: '10.131.0.33', ageMinutes: 2 * 24 * 60 + 80, image: 'erjosito/sqlapi:1.0', labels: { deployment: 'sqlapi', 'pod-template-hash': '5f7c9d6b8' }, phase: 'Running', env: sqlApiEnv('shop'), ports: [{ containerPort: 8080, protocol: 'TCP' }], owner: { kind: 'ReplicaSet', name: 'sqlapi-5f7c9d6b8', apiVersion: 'apps/v1' } },
  ],
  services: [
    { name: 'server', namespace: 'shop', clusterIP: '172.30.155.42', ageMinutes: 2 * 24 * 60 + 96, ports: [{ name: '1433-tcp', port: 1433, protocol: 'TCP', targetPort: 1433 }], selector: { deployment: 'server' }, labels: { app: 'server' } },
    { name: 'sqlapi', namespace: 'shop', clusterIP: '172.30.88.131', ageMinutes: 2 * 24 * 60 + 81, ports: [{ name: '8080-tcp', port: 8080, protocol: 'TCP', targetPort: 8080 }], selector: { deployment: 'sqlapi' }, labels: { app: 'sqlapi' } },
  ],
  routes: [{ name: 'sqlapi', namespace: 'shop', service: 'sqlapi', targetPort: '8080-tcp', ageMinutes: 2 * 24 * 60 + 75 }],
  router: {
    uid: '8e2b5d47-a1c3-4f9e-b6d8-2c7a0e5f1b93',
    hash: '7c5d8b9f6',
    pods: [
      { name: 'router-default-7c5d8b9f6-h3xlp', node: privateWorkers[0].name, ip: '10.128.2.9' },
      { name: 'router-default-7c5d8b9f6-zq7wm', node: privateWorkers[2].name, ip: '10.131.0.11' },
    ],
    httpNodePort: 32011,
    httpsNodePort: 30744,
    healthCheckNodePort: 31562,
    clusterIP: '172.30.201.163',
    internalClusterIP: '172.30.47.218',
  },
};

for (const spec of [aro2, arotoday, aroprivate]) {
  const lab: LabFile = { formatVersion: 1, info: spec.info, arm: buildArm(spec), kube: buildKube(spec) };
  const dir = new URL(`../labs/${spec.info.name}/`, import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(new URL('world.json', dir), `${JSON.stringify(lab, null, 2)}\n`);
  console.log(`labs/${spec.info.name}/world.json: ${lab.arm.length} ARM resources, ${lab.kube.length} Kubernetes objects`);
}
