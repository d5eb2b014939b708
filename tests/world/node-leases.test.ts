// Every node's lease in kube-node-lease, as the kubelet keeps it, and a namespace's (empty) quotas and
// limit ranges: the API server serves coordination.k8s.io/v1 leases (from Kubernetes 1.14, so on
// the 2020 cluster too), resourcequotas and limitranges, so `kubectl describe node` prints its
// Lease section and `describe namespace` says there is no quota, as on a real cluster.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

describe.each(builtInLabs())('node leases and namespace quotas on %s', (name) => {
  const lab = builtInLab(name);
  const nodes = lab.kube.filter((o) => o.kind === 'Node') as Obj[];
  const clock = Date.parse(lab.info.clock);

  it("serves each node's lease as its kubelet renews it: held by the node, 40 s, renewed within the last 10 s", async () => {
    const world = createFixtureWorld(lab);
    const list = await world.kube('/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases');
    expect(list.status).toBe(200);
    const leases = (list.body as Obj).items as Obj[];
    expect(leases.map((l) => l.metadata.name).sort()).toEqual(nodes.map((n) => n.metadata.name).sort());
    for (const node of nodes) {
      const lease = leases.find((l) => l.metadata.name === node.metadata.name)!;
      expect(lease.spec.holderIdentity).toBe(node.metadata.name);
      expect(lease.spec.leaseDurationSeconds).toBe(40);
      expect(lease.spec.acquireTime).toBeUndefined();
      expect(lease.spec.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      const age = clock - Date.parse(lease.spec.renewTime);
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThanOrEqual(10_000);
      expect(lease.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid }]);
    }
  });

  it("prints the node's lease in describe node: its holder, no acquire time, its renew time", async () => {
    const node = nodes[0];
    const world = createFixtureWorld(lab);
    const lease = ((await world.kube(`/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${node.metadata.name}`)).body as Obj).spec;
    const out = (await new Session(createFixtureWorld(lab), { tty: false }).run(`kubectl describe node ${node.metadata.name}`)).stdout;
    expect(out).not.toContain('Failed to get lease');
    const renew = new Date(lease.renewTime).toUTCString().replace('GMT', '+0000');
    expect(out).toContain(`Lease:\n  HolderIdentity:  ${node.metadata.name}\n  AcquireTime:     <unset>\n  RenewTime:       ${renew}\n`);
  });

  it('says the namespace has no resource quota and no limit range, as describe namespace does on a cluster without them', async () => {
    const namespace = lab.info.session.namespace;
    const out = (await new Session(createFixtureWorld(lab), { tty: false }).run(`kubectl describe namespace ${namespace}`)).stdout;
    expect(out.endsWith('\n\nNo resource quota.\n\nNo LimitRange resource.\n')).toBe(true);
  });
});
