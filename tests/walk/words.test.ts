// The walk's words follow the world: the network plugin (network.config's networkType, else the
// nodes' OVN annotations) names who translates and tunnels, the router service's
// externalTrafficPolicy decides whether the client's address survives, a NetworkPolicy drops the
// packet on the destination pod's node, and a private cluster is reached from the reader's
// machine in a peered VNet, never called public.
import { describe, expect, it } from 'vitest';
import { walk } from '../../src/engine/walk/walk.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import { isPrivateIp } from '../../src/engine/model/addresses.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

const networkType = (lab: LabFile) => (lab.kube.find((o) => o.kind === 'Network' && o.apiVersion.startsWith('config.openshift.io/'))?.spec as { networkType?: string } | undefined)?.networkType;
const routerService = (lab: LabFile) => lab.kube.find((o) => o.kind === 'Service' && o.metadata.namespace === 'openshift-ingress' && o.metadata.name === 'router-default') as KubeObject;
const nodeHop = (lab: LabFile) => walk(lab, 'ingress').hops.find((h) => h.at.startsWith('node '))!;

describe.each(builtInLabs())('walk words on %s', (name) => {
  const lab = builtInLab(name);
  const type = networkType(lab);

  it('names the network plugin the world runs', () => {
    expect(type === 'OVNKubernetes' || type === 'OpenShiftSDN').toBe(true);
    const why = [nodeHop(lab).why, ...walk(lab, 'sql').hops.map((h) => h.why), ...walk(lab, 'egress').hops.map((h) => h.why)].join('\n');
    if (type === 'OpenShiftSDN') {
      expect(why).toContain("kube-proxy's iptables rules");
      expect(why).not.toContain('OVN');
    } else {
      expect(why).toContain("OVN-Kubernetes' load balancer in Open vSwitch (no kube-proxy)");
      expect(why).not.toContain("kube-proxy's iptables");
      expect(why).toContain('br-ex');
    }
  });

  it('falls back on the nodes\' annotations when the lab has no network.config object', () => {
    const without: LabFile = { ...lab, kube: lab.kube.filter((o) => o.kind !== 'Network') };
    const ovnAnnotated = lab.kube.some((o) => o.kind === 'Node' && Object.keys(o.metadata.annotations ?? {}).some((a) => a.startsWith('k8s.ovn.org/')));
    expect(nodeHop(without).why.includes('OVN-Kubernetes')).toBe(ovnAnnotated);
  });

  it("reads the router service's externalTrafficPolicy: Local keeps the client's address, Cluster translates it to the node's", () => {
    const policy = (routerService(lab).spec as { externalTrafficPolicy?: string }).externalTrafficPolicy;
    const hop = nodeHop(lab);
    expect(hop.why).toContain(`externalTrafficPolicy ${policy}`);
    const cluster: LabFile = {
      ...lab,
      kube: lab.kube.map((o) => (o === routerService(lab) ? { ...o, spec: { ...o.spec, externalTrafficPolicy: 'Cluster' } } : o)),
    };
    const changed = walk(cluster, 'ingress');
    const node = changed.hops.find((h) => h.at.startsWith('node '))!;
    const nodeIp = /\(([\d.]+)\)/.exec(node.at)![1];
    expect(node.src.split(':')[0]).toBe(nodeIp);
    expect(node.change).toContain(`SNAT ${changed.hops[0].src.split(':')[0]} → ${nodeIp}`);
    expect(changed.hops.find((h) => h.at.startsWith('load balancer'))!.why).toContain('externalTrafficPolicy Cluster');
    expect(changed.hops.find((h) => h.at.startsWith('router pod'))!.change).toContain(`X-Forwarded-For: ${nodeIp}`);
  });

  it('drops the packet of a NetworkPolicy on the SQL pod\'s node, after the overlay', () => {
    const sqlWalk = walk(lab, 'sql');
    const server = sqlWalk.hops.at(-1)!.at.replace('SQL Server pod ', '');
    const pod = lab.kube.find((o) => o.kind === 'Pod' && o.metadata.name === server)!;
    const denyAll: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny-all', namespace: pod.metadata.namespace },
      spec: { podSelector: { matchLabels: pod.metadata.labels ?? {} }, policyTypes: ['Ingress'], ingress: [] },
    };
    const blocked = walk({ ...lab, kube: [...lab.kube, denyAll] }, 'sql');
    const drop = blocked.hops.at(-1)!;
    expect(blocked.stopped?.step).toBe(drop.step);
    expect(drop.at).toMatch(new RegExp(`^node ${(pod.spec as { nodeName: string }).nodeName} `));
    expect(drop.change).toBe('dropped by NetworkPolicy deny-all');
    expect(drop.why).toContain(type === 'OpenShiftSDN' ? 'VXLAN' : 'Geneve');
  });

  it('titles the API walk by what the API frontend is, and starts where the reader can reach it', () => {
    const model = new WorldModel(lab);
    const apiIp = model.publicResolve(model.apiHost()!)[0];
    const api = walk(lab, 'api');
    expect(api.title.includes('public')).toBe(!isPrivateIp(apiIp));
    expect(api.title.includes('internal')).toBe(isPrivateIp(apiIp));
    expect(api.stopped).toBeUndefined();
    if (isPrivateIp(apiIp)) {
      expect(api.hops[0].src.split(':')[0]).toBe(lab.info.client.privateIp);
      expect(api.hops.some((h) => h.at.startsWith('peering '))).toBe(true);
    }
  });
});

describe('a private cluster from the Internet', () => {
  const privateLabs = builtInLabs().filter((name) => {
    const model = new WorldModel(builtInLab(name));
    return isPrivateIp(model.routerIp() ?? '');
  });

  it('is the private cluster lab', () => {
    expect(privateLabs).toEqual(['aro-private']);
  });

  it.each(privateLabs)('%s: ingress and api stop at the first hop for a reader with no private address', (name) => {
    const lab = builtInLab(name);
    const outside: LabFile = { ...lab, info: { ...lab.info, client: { publicIp: lab.info.client.publicIp } } };
    for (const flow of ['ingress', 'api'] as const) {
      const w = walk(outside, flow);
      expect(w.stopped?.step).toBe(1);
      expect(w.stopped?.why).toMatch(/is a private address: nothing on the Internet routes to it/);
    }
  });

  it.each(privateLabs)('%s: egress leaves through the route table and the hub firewall, from its public IP', (name) => {
    const lab = builtInLab(name);
    const w = walk(lab, 'egress');
    const model = new WorldModel(lab);
    const node = (lab.kube.find((o) => o.kind === 'Pod' && w.hops[0].at === `app pod ${o.metadata.name}`)!.spec as { nodeName: string }).nodeName;
    const path = model.nodeEgress(node);
    expect(path?.via).toBe('appliance');
    expect(w.hops.map((h) => h.at)).toContain(`firewall ${path!.via === 'appliance' ? path!.applianceIp : ''}`);
    expect(w.hops.at(-1)!.src.split(':')[0]).toBe(path!.publicIp);
  });
});
