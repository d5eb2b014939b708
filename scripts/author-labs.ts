// Writes the built-in lab worlds (labs/<lab>/world.json) from compact descriptions: the post's
// cluster `aro2` (2020 layout: four load balancers, two NSGs) and `aro-today` (a cluster
// created today: two load balancers, one NSG, five workers). Deterministic: ids, etags and
// GUIDs derive from names, timestamps from each lab's clock.
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

interface LabSpec {
  info: LabInfo;
  subscription: string;
  location: string;
  layout: '2020' | 'today';
  cluster: { name: string; group: string; nodeGroup: string; infraId: string; domain: string; version: string; kubelet: string; crio: string; osImage: string; kernel: string };
  vnet: { name: string; prefix: string; master: [string, string]; worker: [string, string] };
  ips: { api: string; outbound?: string; router: string; internalApi: string; internalService?: string };
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
  const clusterId = `${rgId(c.group)}/providers/Microsoft.RedHatOpenShift/openShiftClusters/${c.name}`;
  const vnetId = nid('virtualNetworks', spec.vnet.name, c.group);
  const subnetId = (which: 'master' | 'worker') => `${vnetId}/subnets/${spec.vnet[which][0]}`;
  // The cloud provider names a service's frontend "a" + its UID without dashes, cut to 32 characters.
  const frontendName = `a${spec.router.uid.replace(/-/g, '')}`.slice(0, 32);
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
  const routerRules = (lbName: string): Rule[] =>
    [80, 443].map((port) => ({ name: `${frontendName}-TCP-${port}`, frontend: frontendName, pool: infra, probe: `${frontendName}-TCP-${port}`, port, floating: true, reset: true, idle: 4, disableSnat: false, lb: lbName }));
  const routerProbes: Probe[] = [80, 443].map((port) => ({ name: `${frontendName}-TCP-${port}`, protocol: 'Http', port: spec.router.healthCheckNodePort, path: '/healthz', interval: 5, count: 2 }));
  const apiProbe = (interval: number, count: number): Probe => ({ name: 'api-internal-probe', protocol: 'Https', port: 6443, path: '/readyz', interval, count });
  const sintProbe = (interval: number, count: number): Probe => ({ name: 'sint-probe', protocol: 'Https', port: 22623, path: '/healthz', interval, count });

  const lbs: Lb[] =
    spec.layout === '2020'
      ? [
          {
            name: infra,
            frontends: [{ name: 'outbound', pip: `${infra}-outbound-pip-v4` }, { name: frontendName, pip: `${infra}-${frontendName}` }],
            pools: [{ name: infra, members: workerNics }],
            rules: routerRules(infra),
            probes: routerProbes,
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
            outbound: [{ name: 'api-internal-outboundrule', frontends: ['public-lb-ip-v4'], pool: `${infra}-public-lb-control-plane-v4`, ports: 0, idle: 30, reset: false }],
          },
        ]
      : [
          {
            name: infra,
            frontends: [{ name: 'public-lb-ip-v4', pip: `${infra}-pip-v4` }, { name: frontendName, pip: `${infra}-${frontendName}` }],
            pools: [{ name: infra, members: [...masterNics, ...workerNics] }],
            rules: [
              { name: 'api-internal-v4', frontend: 'public-lb-ip-v4', pool: infra, probe: 'api-internal-probe', port: 6443, floating: false, reset: false, idle: 30, disableSnat: true },
              ...routerRules(infra),
            ],
            probes: [apiProbe(5, 2), ...routerProbes],
            outbound: [{ name: 'outbound-rule-v4', frontends: ['public-lb-ip-v4'], pool: infra, ports: 1024, idle: 30, reset: false }],
          },
          {
            name: `${infra}-internal`,
            frontends: [{ name: 'internal-lb-ip-v4', privateIp: spec.ips.internalApi, subnet: 'master' }],
            pools: [{ name: infra, members: masterNics }, ...masterNics.map((nic, i) => ({ name: `ssh-${i}`, members: [nic] }))],
            rules: [
              { name: 'api-internal-v4', frontend: 'internal-lb-ip-v4', pool: infra, probe: 'api-internal-probe', port: 6443, floating: false, reset: false, idle: 30, disableSnat: true },
              { name: 'sint-v4', frontend: 'internal-lb-ip-v4', pool: infra, probe: 'sint-probe', port: 22623, floating: false, reset: false, idle: 30, disableSnat: true },
              ...masterNics.map((_, i) => ({ name: `ssh-${i}`, frontend: 'internal-lb-ip-v4', pool: `ssh-${i}`, probe: 'ssh', port: 2200 + i, backendPort: 22, floating: false, reset: false, idle: 30, disableSnat: true })),
            ],
            probes: [apiProbe(5, 2), sintProbe(5, 2), { name: 'ssh', protocol: 'Tcp', port: 22, interval: 5, count: 2 }],
            outbound: [],
          },
        ];

  const lbId = (lb: string) => nid('loadBalancers', lb);
  const childId = (lb: string, kind: string, name: string) => `${lbId(lb)}/${kind}/${name}`;
  const ipconfigId = (nic: string) => `${nid('networkInterfaces', nic)}/ipConfigurations/pipConfig`;

  const pipIps: Record<string, string> = { [`${infra}-pip-v4`]: spec.ips.api, [`${infra}-${frontendName}`]: spec.ips.router };
  if (spec.ips.outbound) pipIps[`${infra}-outbound-pip-v4`] = spec.ips.outbound;
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

  const pips: ArmResource[] = Object.entries(pipIps).map(([name, address]) => {
    const id = nid('publicIPAddresses', name);
    const isRouter = name.endsWith(frontendName);
    return {
      name,
      id,
      etag: etag(id),
      location,
      ...(zonal ? { zones: ['1', '2', '3'] } : {}),
      tags: isRouter ? { 'kubernetes-cluster-name': 'kubernetes', service: 'openshift-ingress/router-default' } : {},
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: guid(`pip:${id}`),
        ipAddress: address,
        publicIPAddressVersion: 'IPv4',
        publicIPAllocationMethod: 'Static',
        idleTimeoutInMinutes: 4,
        ipTags: [],
        ipConfiguration: ref(pipFrontend[name]),
      },
      type: 'Microsoft.Network/publicIPAddresses',
      sku: { name: 'Standard', tier: 'Regional' },
    } as ArmResource;
  });

  // NICs and VMs
  const poolsOf = (nic: string) =>
    lbs.flatMap((lb) => lb.pools.filter((p) => p.members.includes(nic)).map((p) => ref(childId(lb.name, 'backendAddressPools', p.name))));
  const machines = [
    ...spec.masters.map((m, i) => ({ node: m, nic: masterNics[i], role: 'master' as const, size: 'Standard_D8s_v3' })),
    ...spec.workers.map((w, i) => ({ node: w, nic: workerNics[i], role: 'worker' as const, size: 'Standard_D4s_v3' })),
  ];
  const nics: ArmResource[] = [];
  const vms: ArmResource[] = [];
  for (const m of machines) {
    const id = nid('networkInterfaces', m.nic);
    const vmId = `${rgId(c.nodeGroup)}/providers/Microsoft.Compute/virtualMachines/${m.node.name}`;
    nics.push({
      name: m.nic,
      id,
      etag: etag(id),
      location,
      tags: {},
      properties: {
        provisioningState: 'Succeeded',
        resourceGuid: guid(`nic:${id}`),
        ipConfigurations: [
          {
            name: 'pipConfig',
            id: ipconfigId(m.nic),
            etag: etag(ipconfigId(m.nic)),
            type: 'Microsoft.Network/networkInterfaces/ipConfigurations',
            properties: {
              provisioningState: 'Succeeded',
              privateIPAddress: m.node.ip,
              privateIPAllocationMethod: 'Dynamic',
              subnet: ref(subnetId(m.role)),
              primary: true,
              privateIPAddressVersion: 'IPv4',
              loadBalancerBackendAddressPools: poolsOf(m.nic),
            },
          },
        ],
        dnsSettings: { dnsServers: [], appliedDnsServers: [], internalDomainNameSuffix: `${guid(`dns:${c.name}`).replace(/-/g, '').slice(0, 26)}.fx.internal.cloudapp.net` },
        macAddress: mac(m.nic),
        enableAcceleratedNetworking: m.role === 'worker' && spec.layout === 'today',
        vnetEncryptionSupported: false,
        enableIPForwarding: false,
        primary: true,
        virtualMachine: ref(vmId),
        hostedWorkloads: [],
        tapConfigurations: [],
        nicType: 'Standard',
        allowPort25Out: true,
        auxiliaryMode: 'None',
      },
      type: 'Microsoft.Network/networkInterfaces',
      kind: 'Regular',
    } as ArmResource);
    vms.push({
      name: m.node.name,
      id: vmId,
      type: 'Microsoft.Compute/virtualMachines',
      location,
      tags: { 'kubernetes.io-created-for-pv-name': undefined as never, [`kubernetes.io_cluster.${infra}`]: 'owned' },
      zones: [m.node.zone],
      properties: {
        vmId: guid(`vm:${vmId}`),
        hardwareProfile: { vmSize: m.size },
        storageProfile: {
          imageReference: { publisher: 'azureopenshift', offer: 'aro4', sku: spec.layout === '2020' ? 'aro_43' : 'aro_415', version: spec.layout === '2020' ? '43.81.20200311' : '415.92.20240810' },
          osDisk: {
            osType: 'Linux',
            name: `${m.node.name}_OSDisk`,
            createOption: 'FromImage',
            caching: 'ReadOnly',
            managedDisk: { storageAccountType: 'Premium_LRS', id: `${rgId(c.nodeGroup)}/providers/Microsoft.Compute/disks/${m.node.name}_OSDisk` },
            deleteOption: 'Detach',
            diskSizeGB: m.role === 'master' ? 1024 : 128,
          },
          dataDisks: [],
        },
        osProfile: {
          computerName: m.node.name,
          adminUsername: 'core',
          linuxConfiguration: { disablePasswordAuthentication: false, provisionVMAgent: true, patchSettings: { patchMode: 'ImageDefault', assessmentMode: 'ImageDefault' } },
          secrets: [],
          allowExtensionOperations: true,
          requireGuestProvisionSignal: true,
        },
        networkProfile: { networkInterfaces: [{ id: nid('networkInterfaces', m.nic) }] },
        provisioningState: 'Succeeded',
      },
    } as unknown as ArmResource);
  }
  for (const vm of vms) delete (vm.tags as Record<string, unknown>)['kubernetes.io-created-for-pv-name'];

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
    if (name === masterNsg) rules.push(securityRule(id, 'apiserver_in', '6443', spec.layout === '2020' ? 101 : 120, '*', '*'));
    if (name === nodeNsg) rules.push(securityRule(id, `${frontendName}-TCP-80-Internet`, '80', 500, 'Internet', spec.ips.router), securityRule(id, `${frontendName}-TCP-443-Internet`, '443', 501, 'Internet', spec.ips.router));
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

  // VNet
  const subnet = (which: 'master' | 'worker') => {
    const id = subnetId(which);
    const inSubnet = machines.filter((m) => m.role === which).map((m) => ref(ipconfigId(m.nic)));
    const frontends = lbs.flatMap((lb) => lb.frontends.filter((f) => f.subnet === which).map((f) => ref(childId(lb.name, 'frontendIPConfigurations', f.name))));
    return {
      name: spec.vnet[which][0],
      id,
      etag: etag(id),
      type: 'Microsoft.Network/virtualNetworks/subnets',
      properties: {
        provisioningState: 'Succeeded',
        addressPrefix: spec.vnet[which][1],
        networkSecurityGroup: ref(nid('networkSecurityGroups', which === 'master' ? masterNsg : nodeNsg)),
        serviceEndpoints: [{ provisioningState: 'Succeeded', service: 'Microsoft.ContainerRegistry', locations: ['*'] }],
        ipConfigurations: [...inSubnet, ...frontends],
        delegations: [],
        privateEndpointNetworkPolicies: 'Disabled',
        privateLinkServiceNetworkPolicies: which === 'master' ? 'Disabled' : 'Enabled',
      },
    };
  };
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
      virtualNetworkPeerings: [],
      enableDdosProtection: false,
      enableVmProtection: false,
    },
  } as unknown as ArmResource;

  const appsDomain = `apps.${c.domain}.${location}.aroapp.io`;
  const clusterResource = {
    id: clusterId,
    name: c.name,
    type: 'Microsoft.RedHatOpenShift/openShiftClusters',
    location,
    tags: {},
    properties: {
      provisioningState: 'Succeeded',
      clusterProfile: { domain: c.domain, version: c.version, resourceGroupId: `/subscriptions/${sub}/resourcegroups/${c.nodeGroup}`, fipsValidatedModules: 'Disabled' },
      consoleProfile: { url: `https://console-openshift-console.${appsDomain}/` },
      servicePrincipalProfile: { clientId: guid(`sp:${c.name}`) },
      networkProfile: { podCidr: '10.128.0.0/14', serviceCidr: '172.30.0.0/16', outboundType: 'Loadbalancer', preconfiguredNsg: 'Disabled' },
      masterProfile: { vmSize: 'Standard_D8s_v3', subnetId: subnetId('master'), encryptionAtHost: 'Disabled' },
      workerProfiles: [{ name: 'worker', vmSize: 'Standard_D4s_v3', diskSizeGB: 128, subnetId: subnetId('worker'), count: spec.workers.length, encryptionAtHost: 'Disabled' }],
      apiserverProfile: { visibility: 'Public', url: `https://api.${c.domain}.${location}.aroapp.io:6443/`, ip: spec.ips.api },
      ingressProfiles: [{ name: 'default', visibility: 'Public', ip: spec.ips.router }],
    },
  } as unknown as ArmResource;

  const groups: ArmResource[] = [
    { id: rgId(c.group), name: c.group, type: 'Microsoft.Resources/resourceGroups', location, tags: {}, properties: { ...ok } },
    { id: rgId(c.nodeGroup), name: c.nodeGroup, type: 'Microsoft.Resources/resourceGroups', location, managedBy: clusterId, tags: {}, properties: { ...ok } } as ArmResource,
  ];
  // ARM lists a group's resources ordered by name; keeping the file in id order gives the same lists.
  const byId = (a: ArmResource, b: ArmResource) => (a.id.toLowerCase() < b.id.toLowerCase() ? -1 : 1);
  return [...groups, clusterResource, vnet, ...nsgs, ...pips, ...lbResources, ...nics, ...vms].sort(byId);
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
  const region = spec.location;
  const objects: KubeObject[] = [];

  const namespaces = ['default', 'kube-system', 'openshift-dns', 'openshift-ingress', 'openshift-ingress-operator', 'openshift-machine-api', spec.project];
  for (const ns of namespaces) {
    const age = ns === spec.project ? Math.max(...spec.pods.filter((p) => p.namespace === ns).map((p) => p.ageMinutes)) + 20 : spec.clusterAgeMinutes;
    objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: meta(ns, age, { labels: { 'kubernetes.io/metadata.name': ns }, annotations: ns === spec.project ? { 'openshift.io/requester': 'kube:admin', 'openshift.io/display-name': '', 'openshift.io/description': '' } : {} }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } as KubeObject);
    objects.push({ apiVersion: 'project.openshift.io/v1', kind: 'Project', metadata: meta(ns, age, { annotations: ns === spec.project ? { 'openshift.io/requester': 'kube:admin', 'openshift.io/display-name': '', 'openshift.io/description': '' } : {} }), spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } } as KubeObject);
  }

  for (const { n, role } of nodes) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: meta(n.name, spec.clusterAgeMinutes - (role === 'worker' ? 25 : 0), {
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/instance-type': role === 'master' ? 'Standard_D8s_v3' : 'Standard_D4s_v3',
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
        annotations: { 'k8s.ovn.org/node-subnets': JSON.stringify({ default: n.podCidr }) },
      }),
      spec: { podCIDR: n.podCidr, podCIDRs: [n.podCidr], providerID: `azure:///subscriptions/${spec.subscription}/resourceGroups/${spec.cluster.nodeGroup}/providers/Microsoft.Compute/virtualMachines/${n.name}`, ...(role === 'master' ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/master' }] } : {}) },
      status: {
        addresses: [{ address: n.ip, type: 'InternalIP' }, { address: n.name, type: 'Hostname' }],
        conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at(1), lastTransitionTime: at(spec.clusterAgeMinutes - 30) }],
        nodeInfo: {
          architecture: 'amd64',
          containerRuntimeVersion: spec.cluster.crio,
          kernelVersion: spec.cluster.kernel,
          kubeProxyVersion: spec.cluster.kubelet,
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
    image: 'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:coredns',
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
    image: 'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:haproxy-router',
    labels: { 'ingresscontroller.operator.openshift.io/deployment-ingresscontroller': 'default', 'pod-template-hash': spec.router.hash },
    phase: 'Running' as const,
    ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 443, protocol: 'TCP', name: 'https' }, { containerPort: 1936, protocol: 'TCP', name: 'metrics' }],
    owner: { kind: 'ReplicaSet', name: `router-default-${spec.router.hash}`, apiVersion: 'apps/v1' },
  }));
  const allPods: PodSpec[] = [...dnsPods, ...routerPods, ...spec.pods];
  for (const p of allPods) {
    const running = p.phase === 'Running';
    const container = p.name.endsWith('-deploy') ? 'deployment' : p.labels.deploymentconfig ?? p.labels.app ?? p.name.replace(/-[a-z0-9]+-[a-z0-9]+$|-[a-z0-9]{5}$/, '');
    const started = at(p.ageMinutes - 1);
    objects.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: meta(p.name, p.ageMinutes, { labels: p.labels, ...(p.owner ? { ownerReferences: [{ apiVersion: p.owner.apiVersion, kind: p.owner.kind, name: p.owner.name, uid: guid(`owner:${p.owner.name}`), controller: true, blockOwnerDeletion: true }] } : {}) }, p.namespace),
      spec: {
        containers: [{ name: container, image: p.image, ...(p.env ? { env: p.env } : {}), ...(p.ports ? { ports: p.ports } : {}), resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }],
        restartPolicy: running ? 'Always' : 'Never',
        terminationGracePeriodSeconds: 30,
        dnsPolicy: 'ClusterFirst',
        serviceAccountName: p.name.endsWith('-deploy') ? 'deployer' : 'default',
        nodeName: p.node,
        schedulerName: 'default-scheduler',
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
        containerStatuses: [
          {
            name: container,
            ready: running,
            restartCount: 0,
            started: running,
            image: p.image,
            imageID: `${p.image.split(':')[0]}@sha256:${guid(`image:${p.image}`).replace(/-/g, '')}${guid(`image2:${p.image}`).replace(/-/g, '')}`,
            containerID: `cri-o://${guid(`ctr:${p.name}`).replace(/-/g, '')}${guid(`ctr2:${p.name}`).replace(/-/g, '')}`,
            lastState: {},
            state: running ? { running: { startedAt: started } } : { terminated: { exitCode: 0, reason: 'Completed', startedAt: at(p.ageMinutes), finishedAt: started, containerID: `cri-o://${guid(`ctr:${p.name}`).replace(/-/g, '')}` } },
          },
        ],
        qosClass: 'BestEffort',
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
  const podsOf = (s: ServiceSpec) => (s.selector ? allPods.filter((p) => p.namespace === s.namespace && p.phase === 'Running' && Object.entries(s.selector!).every(([k, v]) => p.labels[k] === v)) : []);
  for (const s of services) {
    const type = s.type ?? 'ClusterIP';
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { ...meta(s.name, s.ageMinutes, { ...(s.labels ? { labels: s.labels } : {}), ...(s.annotations ? { annotations: s.annotations } : {}) }, s.namespace), ...(s.uid ? { uid: s.uid } : {}) },
      spec: {
        clusterIP: s.clusterIP,
        clusterIPs: [s.clusterIP],
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: s.ports,
        ...(s.selector ? { selector: s.selector } : {}),
        sessionAffinity: 'None',
        type,
        ...(type === 'LoadBalancer' ? { externalTrafficPolicy: s.externalTrafficPolicy ?? 'Cluster', allocateLoadBalancerNodePorts: true } : {}),
        ...(s.healthCheckNodePort ? { healthCheckNodePort: s.healthCheckNodePort } : {}),
        internalTrafficPolicy: 'Cluster',
      },
      status: { loadBalancer: s.loadBalancerIp ? { ingress: [{ ip: s.loadBalancerIp }] } : {} },
    } as unknown as KubeObject);
    const endpointPods = podsOf(s);
    const addresses =
      s.name === 'kubernetes'
        ? spec.masters.map((m) => ({ ip: m.ip }))
        : endpointPods.map((p) => ({ ip: p.ip, nodeName: p.node, targetRef: { kind: 'Pod', name: p.name, namespace: p.namespace, uid: guid(`k8s:${p.namespace}/${p.name}`) } }));
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
  for (const o of objects) if ((o as Record<string, unknown>).subsets === undefined) delete (o as Record<string, unknown>).subsets;
  return objects;
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
    { name: 'server-1-deploy', namespace: 'project1', node: w1, ip: '10.131.0.18', ageMinutes: 54, image: 'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:deployer', labels: { 'openshift.io/deployer-pod-for.name': 'server-1' }, phase: 'Succeeded' },
    { name: 'server-1-ppl25', namespace: 'project1', node: w3, ip: '10.129.2.14', ageMinutes: 54, image: 'mcr.microsoft.com/mssql/server:2019-latest', labels: { deployment: 'server-1', deploymentconfig: 'server', app: 'server' }, phase: 'Running', env: SQL_SERVER_ENV, ports: [{ containerPort: 1433, protocol: 'TCP' }], owner: { kind: 'ReplicationController', name: 'server-1', apiVersion: 'v1' } },
    { name: 'sqlapi-1-8jgx8', namespace: 'project1', node: w1, ip: '10.131.0.25', ageMinutes: 40, image: 'erjosito/sqlapi:0.1', labels: { deployment: 'sqlapi-1', deploymentconfig: 'sqlapi', app: 'sqlapi' }, phase: 'Running', env: sqlApiEnv('project1'), ports: [{ containerPort: 8080, protocol: 'TCP' }], owner: { kind: 'ReplicationController', name: 'sqlapi-1', apiVersion: 'v1' } },
    { name: 'sqlapi-1-deploy', namespace: 'project1', node: w1, ip: '10.131.0.21', ageMinutes: 40, image: 'quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:deployer', labels: { 'openshift.io/deployer-pod-for.name': 'sqlapi-1' }, phase: 'Succeeded' },
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
    summary: 'Cluster demo in West Europe with today\'s layout: two load balancers, one NSG, five workers, the sqlapi app in project shop.',
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
  cluster: { name: 'demo', group: 'demo-rg', nodeGroup: 'aro-x7k2p9qa', infraId: 'demo-4xt7q', domain: 'x7k2p9qa', version: '4.15.27', kubelet: 'v1.28.12+f0a3cb5', crio: 'cri-o://1.28.9-5.rhaos4.15.git3b9b2a5.el9', osImage: 'Red Hat Enterprise Linux CoreOS 415.92.202408100433-0 (Plow)', kernel: '5.14.0-284.79.1.el9_2.x86_64' },
  vnet: { name: 'demo-vnet', prefix: '10.40.0.0/22', master: ['master', '10.40.0.0/23'], worker: ['worker', '10.40.2.0/23'] },
  ips: { api: '198.51.100.140', router: '203.0.113.77', internalApi: '10.40.0.4' },
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

for (const spec of [aro2, arotoday]) {
  const lab: LabFile = { formatVersion: 1, info: spec.info, arm: buildArm(spec), kube: buildKube(spec) };
  const dir = new URL(`../labs/${spec.info.name}/`, import.meta.url);
  await mkdir(dir, { recursive: true });
  await writeFile(new URL('world.json', dir), `${JSON.stringify(lab, null, 2)}\n`);
  console.log(`labs/${spec.info.name}/world.json: ${lab.arm.length} ARM resources, ${lab.kube.length} Kubernetes objects`);
}
