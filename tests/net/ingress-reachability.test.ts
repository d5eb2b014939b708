// Whether the reader's connection reaches a router (model/ingress.ts), as curl meets it: health probes
// by externalTrafficPolicy, Azure's NSG evaluation (priorities, service tags, subnet and NIC NSGs, the
// default rules), the answer's way back, and the router's own 503 when it is up but the route's
// service has no ready pod.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { ingressTo } from '../../src/engine/model/ingress.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { walk } from '../../src/engine/walk/walk.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;

const base = await loadLab({ name: 'aro2' });
const model0 = new WorldModel(base);
const host = String((model0.routes().find((r) => !String(r.metadata.namespace).startsWith('openshift-'))!.spec as Obj).host);
const routerIp = model0.routerIp()!;
const client = base.info.client.publicIp;

async function curl(lab: LabFile, args = '-s -m 5 -o /dev/null -w %{http_code}') {
  return new Session(createFixtureWorld(lab), { tty: false }).run(`curl ${args} http://${host}/api/healthcheck`);
}

function nodeNsg(lab: LabFile): Obj {
  const model = new WorldModel(lab);
  const node = (model.routerPods()[0].spec as Obj).nodeName as string;
  const nic = model.nicOfNode(node)!;
  return model.nsg(model.subnet(model.primaryIpConfiguration(nic)?.properties?.subnet?.id)?.properties?.networkSecurityGroup?.id)!;
}

function rule(name: string, priority: number, access: 'Allow' | 'Deny', source: string, port = '80'): Obj {
  return { name, id: `x/${name}`, properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: port, sourceAddressPrefix: source, destinationAddressPrefix: '*', access, priority, direction: 'Inbound' } };
}

describe('ingress reachability', () => {
  it('answers on the base lab, through the node of the first ready router pod', async () => {
    const path = ingressTo(model0, routerIp, 80);
    expect(path.outcome).toBe('connected');
    expect(path.node).toBe((model0.routerPods()[0].spec as Obj).nodeName);
    expect((await curl(base)).stdout).toBe('200');
  });

  it('a deny rule of higher priority than the allow drops the packet; the same rule below the allow does not', async () => {
    const lab = structuredClone(base);
    const nsg = nodeNsg(lab);
    const allow = (nsg.properties.securityRules as Obj[]).find((r) => r.properties.access === 'Allow' && r.properties.destinationPortRange === '80')!;
    nsg.properties.securityRules.push(rule('deny-internet', allow.properties.priority - 1, 'Deny', 'Internet'));
    expect(ingressTo(new WorldModel(lab), routerIp, 80).stop).toMatchObject({ stage: 'nsg' });
    expect(await curl(lab)).toMatchObject({ status: 28, stdout: '000' });
    const later = structuredClone(base);
    nodeNsg(later).properties.securityRules.push(rule('deny-internet', 4000, 'Deny', 'Internet'));
    expect((await curl(later)).stdout).toBe('200');
  });

  it('matches sources by prefix and by service tag: VirtualNetwork and AzureLoadBalancer hold no Internet client, a prefix holding the client does', () => {
    for (const [source, stops] of [['VirtualNetwork', false], ['AzureLoadBalancer', false], [`${client}/32`, true], ['*', true], ['Internet', true]] as const) {
      const lab = structuredClone(base);
      nodeNsg(lab).properties.securityRules.push(rule('deny-test', 100, 'Deny', source));
      expect({ source, stops: ingressTo(new WorldModel(lab), routerIp, 80).stop?.stage === 'nsg' }).toEqual({ source, stops });
    }
  });

  it('an NSG on the node\'s NIC applies after the subnet\'s: allowed by the subnet, denied by the NIC, it is dropped', () => {
    const lab = structuredClone(base);
    const model = new WorldModel(lab);
    const sub = String(lab.info.account.id);
    const id = `/subscriptions/${sub}/resourceGroups/aro2/providers/Microsoft.Network/networkSecurityGroups/nic-nsg`;
    lab.arm.push({ id, name: 'nic-nsg', type: 'Microsoft.Network/networkSecurityGroups', location: 'northeurope', properties: { securityRules: [rule('deny-web', 100, 'Deny', '*')] } });
    for (const pod of model.routerPods()) model.nicOfNode((pod.spec as Obj).nodeName)!.properties!.networkSecurityGroup = { id };
    const path = ingressTo(new WorldModel(lab), routerIp, 80);
    expect(path.stop?.stage).toBe('nsg');
    expect(path.nsg?.denied).toMatchObject({ on: 'nic', rule: { name: 'deny-web' } });
    expect(path.nsg?.decisions.map((d) => d.on)).toEqual(['subnet', 'nic']);
  });

  it('an NSG that denies the load balancer\'s probe leaves no healthy backend: timeout', () => {
    const lab = structuredClone(base);
    const probePort = String(((new WorldModel(lab).routerService()!.spec as Obj).healthCheckNodePort));
    nodeNsg(lab).properties.securityRules.push(rule('deny-probe', 100, 'Deny', 'AzureLoadBalancer', probePort));
    const path = ingressTo(new WorldModel(lab), routerIp, 80);
    expect(path.stop?.stage).toBe('probe');
    expect(path.stop?.why).toMatch(/denies the probe \(rule deny-probe\)/);
  });

  it('with externalTrafficPolicy Local only nodes with a ready router pod pass the probe; with Cluster every pooled node does', () => {
    const local = ingressTo(model0, routerIp, 80);
    const routerNodes = model0.routerPods().map((p) => (p.spec as Obj).nodeName as string).sort();
    expect([...local.healthy].sort()).toEqual(routerNodes);
    expect(local.pool.length).toBeGreaterThan(routerNodes.length);
    const lab = structuredClone(base);
    (new WorldModel(lab).routerService()!.spec as Obj).externalTrafficPolicy = 'Cluster';
    const cluster = ingressTo(new WorldModel(lab), routerIp, 80);
    expect([...cluster.healthy].sort()).toEqual([...cluster.pool].sort());
    expect(cluster.outcome).toBe('connected');
  });

  it('with externalTrafficPolicy Cluster and no ready router, every node port rejects the probe: no healthy backend, a timeout rather than a refusal', async () => {
    const lab = structuredClone(base);
    const model = new WorldModel(lab);
    (model.routerService()!.spec as Obj).externalTrafficPolicy = 'Cluster';
    for (const pod of model.routerPods()) (pod.status as Obj).conditions = [{ type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: lab.info.clock }];
    const path = ingressTo(new WorldModel(lab), routerIp, 80);
    expect(path.stop?.stage).toBe('probe');
    expect(Object.values(path.unhealthy)).toContain('the service has no ready endpoint, so the node port rejects the probe');
    expect(await curl(lab)).toMatchObject({ status: 28, stdout: '000' });
  });

  it('the router up and the route\'s service without a ready pod: the router\'s 503, not a timeout', async () => {
    const lab = structuredClone(base);
    const model = new WorldModel(lab);
    const route = model.routeForHost(host)!;
    for (const pod of model.serviceEndpoints(model.routeService(route)!)) (pod.status as Obj).conditions = [{ type: 'Ready', status: 'False' }];
    expect(ingressTo(new WorldModel(lab), routerIp, 80).outcome).toBe('connected');
    expect(await curl(lab)).toMatchObject({ status: 0, stdout: '503' });
  });

  it('an answer whose next hop is a virtual appliance is dropped there (asymmetric routing): timeout, and the walk says where', async () => {
    const lab = structuredClone(base);
    const sub = String(lab.info.account.id);
    const rt = `/subscriptions/${sub}/resourceGroups/aro2/providers/Microsoft.Network/routeTables/rt`;
    lab.arm.push({ id: rt, name: 'rt', type: 'Microsoft.Network/routeTables', location: 'northeurope', properties: { routes: [{ id: `${rt}/routes/to-client`, name: 'to-client', properties: { addressPrefix: `${client}/32`, nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.3.4' } }] } });
    const model = new WorldModel(lab);
    const node = (model.routerPods()[0].spec as Obj).nodeName as string;
    model.subnet(model.primaryIpConfiguration(model.nicOfNode(node)!)?.properties?.subnet?.id)!.properties!.routeTable = { id: rt };
    const path = ingressTo(new WorldModel(lab), routerIp, 80);
    expect(path.reply).toMatchObject({ nextHopType: 'VirtualAppliance', nextHopIpAddress: '10.0.3.4', route: 'to-client' });
    expect(path.stop?.stage).toBe('return');
    expect(await curl(lab)).toMatchObject({ status: 28 });
    // Egress to anywhere else still leaves by the outbound rule: only the /32 goes to the appliance.
    expect(new WorldModel(lab).nodeEgress(node)?.via).toBe('outbound-rule');
  });
});

describe('egress through a NAT gateway', () => {
  it('takes the pods\' new connections to the Internet before the outbound rule, while the route still answers through the load balancer', async () => {
    const lab = structuredClone(base);
    const sub = String(lab.info.account.id);
    const group = `/subscriptions/${sub}/resourceGroups/aro2/providers/Microsoft.Network`;
    lab.arm.push(
      { id: `${group}/publicIPAddresses/nat-pip`, name: 'nat-pip', type: 'Microsoft.Network/publicIPAddresses', location: 'northeurope', properties: { ipAddress: '203.0.113.61' } },
      { id: `${group}/natGateways/nat-gw`, name: 'nat-gw', type: 'Microsoft.Network/natGateways', location: 'northeurope', properties: { publicIpAddresses: [{ id: `${group}/publicIPAddresses/nat-pip` }] } },
    );
    const model = new WorldModel(lab);
    const node = (model.routerPods()[0].spec as Obj).nodeName as string;
    model.subnet(model.primaryIpConfiguration(model.nicOfNode(node)!)?.properties?.subnet?.id)!.properties!.natGateway = { id: `${group}/natGateways/nat-gw` };
    const changed = new WorldModel(lab);
    expect(changed.nodeEgress(node)).toMatchObject({ via: 'nat-gateway', publicIp: '203.0.113.61' });
    expect(ingressTo(changed, routerIp, 80).outcome).toBe('connected');
    expect((await curl(lab)).stdout).toBe('200');
    const egress = walk(lab, 'egress');
    expect(egress.stopped).toBeUndefined();
    expect(egress.hops.map((h) => h.at)).toContain('NAT gateway nat-gw (worker-subnet)');
    expect(egress.hops.at(-1)!.src).toBe('203.0.113.61:1024');
  });
});
