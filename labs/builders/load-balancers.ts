// The cluster's load balancers: which ones a layout has (2020: the cloud provider's `<infraID>` and
// `<infraID>-internal`, ARO's `-internal-lb` and `-public-lb`; today: `<infraID>` and
// `<infraID>-internal`, or the internal one alone with outboundType UserDefinedRouting), and their
// ARM resources with frontends, pools, rules, probes and outbound rules cross-referenced.
import type { JsonObject } from '../../src/engine/world/json.ts';
import type { ArmResource } from '../../src/engine/world/types.ts';
import type { ArmNames, SubnetRole } from './arm-names.ts';
import { etag, guid, ref } from './ids.ts';
import { required, type LabSpec } from './spec.ts';

export type Frontend = { name: string; pip: string } | { name: string; privateIp: string; subnet: SubnetRole };
interface Rule { name: string; frontend: string; pool: string; probe: string; port: number; backendPort?: number; floating: boolean; reset: boolean; idle: number; disableSnat: boolean }
interface Probe { name: string; protocol: 'Http' | 'Https' | 'Tcp'; port: number; path?: string; interval: number; count: number }
interface Outbound { name: string; frontends: string[]; pool: string; ports: number; idle: number; reset: boolean }
export interface LoadBalancerPlan { name: string; frontends: Frontend[]; pools: Array<{ name: string; members: string[] }>; rules: Rule[]; probes: Probe[]; outbound: Outbound[] }

/** The load balancers of the spec's layout, by name, frontend, pool member (NIC names) and rule. */
export function loadBalancerPlan(spec: LabSpec, n: ArmNames): LoadBalancerPlan[] {
  const { infra, isPublic, frontendName, routerPip, masterNics, workerNics } = n;
  const routerRules: Rule[] = [80, 443].map((port) => ({ name: `${frontendName}-TCP-${port}`, frontend: frontendName, pool: infra, probe: `${frontendName}-TCP-${port}`, port, floating: true, reset: true, idle: 4, disableSnat: false }));
  const routerProbes: Probe[] = [80, 443].map((port) => ({ name: `${frontendName}-TCP-${port}`, protocol: 'Http', port: spec.router.healthCheckNodePort, path: '/healthz', interval: 5, count: 2 }));
  const apiProbe = (interval: number, count: number): Probe => ({ name: 'api-internal-probe', protocol: 'Https', port: 6443, path: '/readyz', interval, count });
  const sintProbe = (interval: number, count: number): Probe => ({ name: 'sint-probe', protocol: 'Https', port: 22623, path: '/healthz', interval, count });

  // Today's internal load balancer; on a private cluster the cloud provider also puts the router's
  // internal frontend on it, with the workers in the same pool `<infraID>` as the masters.
  const todayInternal = (): LoadBalancerPlan => ({
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
  });

  if (spec.info.layout === '2020') {
    // The app's internal LoadBalancer service in the project: the cloud provider's `<infraID>-internal`.
    const sqlSvc = required(spec.services.find((s) => s.type === 'LoadBalancer' && s.namespace === spec.project), spec, "a LoadBalancer service in the app's project");
    const sqlFrontend = `a${required(sqlSvc.uid, spec, `the uid of service ${sqlSvc.name}`).replace(/-/g, '')}`.slice(0, 32);
    return [
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
        frontends: [{ name: sqlFrontend, privateIp: required(spec.ips.internalService, spec, 'ips.internalService'), subnet: 'worker' }],
        pools: [{ name: infra, members: workerNics }],
        rules: [{ name: `${sqlFrontend}-TCP-8080`, frontend: sqlFrontend, pool: infra, probe: `${sqlFrontend}-TCP-8080`, port: 8080, floating: true, reset: true, idle: 4, disableSnat: false }],
        probes: [{ name: `${sqlFrontend}-TCP-8080`, protocol: 'Tcp', port: required(sqlSvc.ports[0].nodePort, spec, `the node port of service ${sqlSvc.name}`), interval: 5, count: 2 }],
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
    ];
  }
  // No public load balancer at all with UserDefinedRouting: ARO makes it only for outboundType Loadbalancer.
  if (spec.outboundType === 'UserDefinedRouting') return [todayInternal()];
  return [
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
    todayInternal(),
  ];
}

/** The backend pools a NIC is a member of, as references. */
export function poolsOf(plan: LoadBalancerPlan[], n: ArmNames, nic: string): Array<{ id: string }> {
  return plan.flatMap((lb) => lb.pools.filter((p) => p.members.includes(nic)).map((p) => ref(n.childId(lb.name, 'backendAddressPools', p.name))));
}

export function loadBalancers(spec: LabSpec, n: ArmNames, plan: LoadBalancerPlan[]): ArmResource[] {
  const zonal = spec.info.layout === 'today';
  return plan.map((lb) => {
    const id = n.lbId(lb.name);
    const child = (kind: string, name: string) => n.childId(lb.name, kind, name);
    const frontends = lb.frontends.map((f) => {
      const fid = child('frontendIPConfigurations', f.name);
      const props: JsonObject = {
        provisioningState: 'Succeeded',
        privateIPAllocationMethod: 'Dynamic',
        ...('pip' in f ? { publicIPAddress: ref(n.nid('publicIPAddresses', f.pip)) } : { privateIPAddress: f.privateIp, privateIPAddressVersion: 'IPv4', subnet: ref(n.subnetId(f.subnet)) }),
      };
      const rules = lb.rules.filter((r) => r.frontend === f.name).map((r) => ref(child('loadBalancingRules', r.name)));
      if (rules.length) props.loadBalancingRules = rules;
      const outbound = lb.outbound.filter((o) => o.frontends.includes(f.name)).map((o) => ref(child('outboundRules', o.name)));
      if (outbound.length) props.outboundRules = outbound;
      const item: JsonObject = { name: f.name, id: fid, etag: etag(fid), type: 'Microsoft.Network/loadBalancers/frontendIPConfigurations', properties: props };
      if (zonal && !('pip' in f)) item.zones = ['1', '2', '3'];
      return item;
    });
    const pools = lb.pools.map((p) => {
      const pid = child('backendAddressPools', p.name);
      const props: JsonObject = { provisioningState: 'Succeeded', backendIPConfigurations: p.members.map((nic) => ref(n.ipconfigId(nic))) };
      const rules = lb.rules.filter((r) => r.pool === p.name).map((r) => ref(child('loadBalancingRules', r.name)));
      if (rules.length) props.loadBalancingRules = rules;
      const outbound = lb.outbound.filter((o) => o.pool === p.name).map((o) => ref(child('outboundRules', o.name)));
      if (outbound.length) props.outboundRule = outbound[0];
      if (outbound.length) props.outboundRules = outbound;
      return { name: p.name, id: pid, etag: etag(pid), type: 'Microsoft.Network/loadBalancers/backendAddressPools', properties: props };
    });
    const rules = lb.rules.map((r) => {
      const rid = child('loadBalancingRules', r.name);
      const pool = ref(child('backendAddressPools', r.pool));
      return {
        name: r.name,
        id: rid,
        etag: etag(rid),
        type: 'Microsoft.Network/loadBalancers/loadBalancingRules',
        properties: {
          provisioningState: 'Succeeded',
          frontendIPConfiguration: ref(child('frontendIPConfigurations', r.frontend)),
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
          probe: ref(child('probes', r.probe)),
        },
      };
    });
    const probes = lb.probes.map((p) => {
      const pid = child('probes', p.name);
      const props: JsonObject = { provisioningState: 'Succeeded', protocol: p.protocol, port: p.port, intervalInSeconds: p.interval, numberOfProbes: p.count, probeThreshold: 1 };
      if (p.path) props.requestPath = p.path;
      props.loadBalancingRules = lb.rules.filter((r) => r.probe === p.name).map((r) => ref(child('loadBalancingRules', r.name)));
      return { name: p.name, id: pid, etag: etag(pid), type: 'Microsoft.Network/loadBalancers/probes', properties: props };
    });
    const outbound = lb.outbound.map((o) => {
      const oid = child('outboundRules', o.name);
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
          backendAddressPool: ref(child('backendAddressPools', o.pool)),
          frontendIPConfigurations: o.frontends.map((f) => ref(child('frontendIPConfigurations', f))),
        },
      };
    });
    // The cloud provider tagged the load balancers it made in 2020; ARO's own (`-lb`) have no tags.
    const tags: Record<string, string> = lb.name.endsWith('-lb') || spec.info.layout === 'today' ? {} : { 'kubernetes-cluster-name': 'kubernetes' };
    return {
      name: lb.name,
      id,
      etag: etag(id),
      type: 'Microsoft.Network/loadBalancers',
      location: spec.location,
      tags,
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
    };
  });
}
