// Each fact the walk's words state is read from the world: change it in a copy of a lab and the
// words change with it (the network plugin and its overlay port, OVN-Kubernetes' gateway mode, the
// router service's externalTrafficPolicy, the API rule's floating IP and the API's port, the
// prefix of the route that sends egress to a firewall).
import { describe, expect, it } from 'vitest';
import { walk, type Walk } from '../../src/engine/walk/walk.ts';
import type { ArmResource, KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

const words = (w: Walk) => w.hops.map((h) => `${h.at} | ${h.change} | ${h.why}`).join('\n');

/** A copy of a lab with each Kubernetes object passed through `change` (a copy of it). */
function withKube(lab: LabFile, change: (o: KubeObject) => KubeObject): LabFile {
  return { ...lab, kube: lab.kube.map((o) => change(structuredClone(o))) };
}

/** A copy of a lab with each ARM resource passed through `change` (a copy of it). */
function withArm(lab: LabFile, change: (r: ArmResource) => ArmResource): LabFile {
  return { ...lab, arm: lab.arm.map((r) => change(structuredClone(r))) };
}

const networkConfig = (o: KubeObject) => o.kind === 'Network' && o.apiVersion.startsWith('config.openshift.io/');
const operatorNetwork = (defaultNetwork: Record<string, unknown>): KubeObject => ({
  apiVersion: 'operator.openshift.io/v1',
  kind: 'Network',
  metadata: { name: 'cluster' },
  spec: { defaultNetwork: JSON.parse(JSON.stringify(defaultNetwork)) },
});

describe('the network plugin', () => {
  const sdn = builtInLab('aro2');
  const ovn = builtInLab('aro-today');

  it('is the one network.config names: the same world with OVN-Kubernetes tunnels in Geneve, without kube-proxy', () => {
    expect(words(walk(sdn, 'sql'))).toMatch(/VXLAN \(UDP 4789\)/);
    expect(words(walk(sdn, 'sql'))).toContain("kube-proxy's iptables rules");
    const switched = withKube(sdn, (o) => (networkConfig(o) ? { ...o, spec: { ...o.spec, networkType: 'OVNKubernetes' } } : o));
    const sql = words(walk(switched, 'sql'));
    expect(sql).toContain('Geneve (UDP 6081)');
    expect(sql).toContain("OVN-Kubernetes' load balancer in Open vSwitch (no kube-proxy)");
    expect(sql).not.toContain('VXLAN');
    expect(words(walk(switched, 'egress'))).toContain('br-ex');
  });

  it("names the overlay's port the network operator sets", () => {
    const geneve = { ...ovn, kube: [...ovn.kube, operatorNetwork({ type: 'OVNKubernetes', ovnKubernetesConfig: { genevePort: 6082 } })] };
    expect(words(walk(geneve, 'sql'))).toContain('Geneve (UDP 6082)');
    const vxlan = { ...sdn, kube: [...sdn.kube, operatorNetwork({ type: 'OpenShiftSDN', openshiftSDNConfig: { vxlanPort: 4790 } })] };
    expect(words(walk(vxlan, 'sql'))).toContain('VXLAN (UDP 4790)');
  });

  it("says who masquerades egress by OVN-Kubernetes' gateway mode", () => {
    const node = (w: Walk) => w.hops[1].why;
    expect(node(walk(ovn, 'egress'))).toContain('shared gateway mode');
    const local = { ...ovn, kube: [...ovn.kube, operatorNetwork({ type: 'OVNKubernetes', ovnKubernetesConfig: { gatewayConfig: { routingViaHost: true } } })] };
    expect(node(walk(local, 'egress'))).toContain('local gateway mode');
    expect(node(walk(local, 'egress'))).not.toContain('br-ex');
  });
});

describe("the router service's externalTrafficPolicy", () => {
  const lab = builtInLab('aro2');
  const router = (o: KubeObject) => o.kind === 'Service' && o.metadata.namespace === 'openshift-ingress' && o.metadata.name === 'router-default';
  const nodeHop = (w: Walk) => w.hops.find((h) => h.at.startsWith('node '));

  it("Local keeps the client's address; Cluster translates it to the node's", () => {
    expect(lab.kube.find(router)?.spec?.externalTrafficPolicy).toBe('Local');
    const local = nodeHop(walk(lab, 'ingress'));
    expect(local?.why).toContain("the client's address is kept (externalTrafficPolicy Local)");
    expect(local?.change).not.toContain('SNAT');
    const cluster = withKube(lab, (o) => (router(o) ? { ...o, spec: { ...o.spec, externalTrafficPolicy: 'Cluster' } } : o));
    const translated = nodeHop(walk(cluster, 'ingress'));
    expect(translated?.why).toContain("the client's address is lost");
    expect(translated?.why).toContain('(externalTrafficPolicy Cluster)');
    expect(translated?.change).toContain('SNAT');
  });
});

describe('the API load balancer rule', () => {
  const lab = builtInLab('aro2');
  const apiRule = (name: string) => name === 'api-internal-v4';

  it('rewrites the destination to a master without a floating IP, and keeps the frontend address with one', () => {
    const plain = walk(lab, 'api').hops.find((h) => h.at.startsWith('load balancer'));
    expect(plain?.change).toMatch(/^DNAT /);
    expect(plain?.why).toContain('has no floating IP');
    const floating = withArm(lab, (r) => {
      for (const rule of (r.properties?.loadBalancingRules ?? []) as Array<{ name: string; properties: { enableFloatingIP: boolean } }>) if (apiRule(rule.name)) rule.properties.enableFloatingIP = true;
      return r;
    });
    const w = walk(floating, 'api');
    const hop = w.hops.find((h) => h.at.startsWith('load balancer'));
    expect(hop?.change).toBe('none (floating IP: the master receives the frontend address as destination)');
    expect(hop?.why).toContain('has a floating IP');
    expect(hop?.dst).toBe(w.hops[0].dst);
  });

  it("starts at the port of the API server's URL and reaches the master on the rule's backend port", () => {
    expect(walk(lab, 'api').hops[0].dst).toMatch(/:6443$/);
    const moved = withArm(lab, (r) => {
      const profile = r.properties?.apiserverProfile as { url: string } | undefined;
      if (profile) profile.url = profile.url.replace(':6443/', ':7443/');
      for (const rule of (r.properties?.loadBalancingRules ?? []) as Array<{ name: string; properties: { frontendPort: number } }>) if (apiRule(rule.name)) rule.properties.frontendPort = 7443;
      return r;
    });
    const w = walk(moved, 'api');
    expect(w.stopped).toBeUndefined();
    expect(w.hops.map((h) => h.dst.split(':')[1])).toEqual(['7443', '6443', '6443']);
    expect(w.hops[1].change).toMatch(/^DNAT [\d.]+:7443 → [\d.]+:6443$/);
  });
});

describe('the route that sends egress to a firewall', () => {
  const lab = builtInLab('aro-private');
  const tableHop = (w: Walk) => w.hops.find((h) => h.at.startsWith('route table '));

  it("is named by its own prefix: a default route sends everything, a narrower one the server's address", () => {
    expect(tableHop(walk(lab, 'egress'))?.why).toContain('whose 0.0.0.0/0 route sends everything to a virtual appliance');
    const narrower = withArm(lab, (r) => {
      if (r.type === 'Microsoft.Network/routeTables' && r.name === 'aro-udr') for (const route of (r.properties?.routes ?? []) as Array<{ properties: { addressPrefix: string } }>) route.properties.addressPrefix = '203.0.113.0/24';
      return r;
    });
    const w = walk(narrower, 'egress');
    const server = w.hops.at(-1)?.at.replace('Internet server ', '');
    expect(server).toMatch(/^203\.0\.113\.\d+$/);
    expect(tableHop(w)?.why).toContain(`whose 203.0.113.0/24 route sends traffic to ${server} to a virtual appliance`);
  });
});
