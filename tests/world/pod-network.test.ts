// OpenShift allocates each node's pod network in its network plugin; since 4.6 it leaves the Node's
// spec.podCIDR empty: OVN-Kubernetes records it in the `k8s.ovn.org/node-subnets` annotation, OpenShift
// SDN in a HostSubnet. The sample app's default gateway (the pod network's first address) is read
// from there, on the built-in labs and on a live cluster of any version.
import { describe, expect, it } from 'vitest';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';
import { json, labSession, out } from '../transcript/helpers.ts';

type Obj = Record<string, any>;

/** A node's pod network as its plugin records it, read straight from the file. */
function recorded(lab: LabFile, node: KubeObject): string {
  const annotation = node.metadata.annotations?.['k8s.ovn.org/node-subnets'];
  if (annotation) return JSON.parse(annotation).default[0];
  return (lab.kube.find((o) => o.kind === 'HostSubnet' && (o as Obj).host === node.metadata.name) as Obj).subnet;
}

for (const name of builtInLabs()) {
  describe(`the pod network of ${name}'s nodes`, () => {
    it("gives the app's my_default_gateway as the first address of its node's pod network", async () => {
      const lab = builtInLab(name);
      const s = await labSession(name);
      const host = await out(s, `kubectl get route -n ${lab.info.session.namespace} -o jsonpath='{.items[0].spec.host}'`);
      const app = await json(s, `curl -s http://${host}/api/ip`);
      const pod = lab.kube.find((o) => o.kind === 'Pod' && (o.status as Obj).podIP === app.my_private_ip)!;
      const node = lab.kube.find((o) => o.kind === 'Node' && o.metadata.name === (pod.spec as Obj).nodeName)!;
      // Only OpenShift before 4.6 also wrote it in spec.podCIDR.
      if (node.spec?.podCIDR !== undefined) expect(node.spec.podCIDR).toBe(recorded(lab, node));
      expect(app.my_default_gateway).toBe(recorded(lab, node).replace(/\.0\/\d+$/, '.1'));
    });
  });
}

describe('the pod network of a node on a live cluster', () => {
  const model = (annotations: Record<string, string>): WorldModel => {
    const lab = builtInLab(builtInLabs()[0]);
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', annotations }, spec: {} } as KubeObject;
    return new WorldModel({ ...lab, kube: [node] });
  };

  it('reads the annotation in the form OVN-Kubernetes writes since OpenShift 4.13 (a list) and before (a string)', () => {
    expect(model({ 'k8s.ovn.org/node-subnets': '{"default":["10.129.2.0/23"]}' }).podNetworkOf('n1')).toBe('10.129.2.0/23');
    expect(model({ 'k8s.ovn.org/node-subnets': '{"default":"10.130.0.0/23"}' }).podNetworkOf('n1')).toBe('10.130.0.0/23');
  });

  it('knows none when the annotation cannot be read', () => {
    expect(model({ 'k8s.ovn.org/node-subnets': '{not json' }).podNetworkOf('n1')).toBeUndefined();
  });
});
