// Endpoints and EndpointSlices are what the endpoints and EndpointSlice controllers make of the pods:
// on every built-in lab the authored objects are what the controllers would write (so the fixture
// serves them as written), and a scenario that replaces pods gets objects that follow them (ready
// pods in addresses, crash-looping ones in notReadyAddresses, a removed pod nowhere), with a later
// resourceVersion. `oc get`/`describe` over the API read them, and they agree with the pods the walk
// and the router choose.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { withDerivedEndpoints } from '../../src/engine/sources/fixture/controllers/endpoints.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { exportKube } from '../../src/engine/sources/fixture/export.ts';
import { Session } from '../../src/engine/session.ts';
import { WorldModel } from '../../src/engine/model/world-model.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

const isReady = (p: Obj) => (p.status.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');
const selects = (service: Obj, pod: Obj) => pod.kind === 'Pod' && pod.metadata.namespace === service.metadata.namespace && Object.entries(service.spec.selector ?? {}).every(([k, v]) => pod.metadata.labels?.[k] === v);
const find = (objects: KubeObject[], kind: string, namespace: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name) as Obj | undefined;
const maxVersion = (objects: KubeObject[]) => Math.max(...objects.map((o) => Number(o.metadata.resourceVersion) || 0));

describe.each(builtInLabs())('the controllers on %s', (name) => {
  const lab = builtInLab(name);

  it('would write the Endpoints and EndpointSlices the lab holds, so they are served as written', () => {
    const derived = withDerivedEndpoints(lab.kube);
    const changed = derived.filter((o, i) => o !== lab.kube[i]).map((o) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`);
    expect(changed).toEqual([]);
  });
});

async function scenario(name: string): Promise<{ base: LabFile; lab: LabFile; served: KubeObject[] }> {
  const lab = await loadLab({ name });
  const base = await loadLab({ name: (JSON.parse(readFileSync(new URL(`../../labs/scenarios/${name}.json`, import.meta.url), 'utf8')) as { base: string }).base });
  return { base, lab, served: withDerivedEndpoints(lab.kube) };
}

describe('router-down', async () => {
  const { base, lab, served } = await scenario('router-down');
  const service = find(lab.kube, 'Service', 'openshift-ingress', 'router-default')!;
  const routers = lab.kube.filter((p) => selects(service, p)) as Obj[];

  it('lists the crash-looping routers as not ready and none of the routers the scenario removed', () => {
    expect(routers.length).toBeGreaterThan(0);
    expect(routers.some(isReady)).toBe(false);
    for (const name of ['router-default', 'router-internal-default']) {
      const ep = find(served, 'Endpoints', 'openshift-ingress', name)!;
      const subsets = ep.subsets as Obj[];
      expect(subsets.flatMap((s) => s.addresses ?? [])).toEqual([]);
      const notReady = subsets.flatMap((s) => s.notReadyAddresses ?? []);
      expect(notReady.map((a: Obj) => a.targetRef.name).sort()).toEqual(routers.map((r) => r.metadata.name).sort());
      for (const a of notReady) {
        const pod = routers.find((r) => r.metadata.uid === a.targetRef.uid)!;
        expect(a.ip).toBe(pod.status.podIP);
        expect(a.nodeName).toBe(pod.spec.nodeName);
      }
      // Same object, a later version than any the world held.
      const stored = find(lab.kube, 'Endpoints', 'openshift-ingress', name)!;
      expect(ep.metadata.uid).toBe(stored.metadata.uid);
      expect(ep.metadata.creationTimestamp).toBe(stored.metadata.creationTimestamp);
      expect(Number(ep.metadata.resourceVersion)).toBeGreaterThan(maxVersion(lab.kube));
    }
    expect(maxVersion(base.kube)).toBeGreaterThan(0);
  });

  it('is what aro-labs export --k8s prints, as the API server serves it', () => {
    const exported = exportKube(lab).items;
    expect(find(exported, 'Endpoints', 'openshift-ingress', 'router-default')).toEqual(find(served, 'Endpoints', 'openshift-ingress', 'router-default'));
  });

  it("is what oc get endpoints and oc describe service print: no ready endpoint", async () => {
    const s = new Session(createFixtureWorld(lab), { tty: false });
    const json = JSON.parse((await s.run('oc get endpoints router-default -n openshift-ingress -o json')).stdout);
    const ips = (json.subsets as Obj[]).flatMap((x) => (x.notReadyAddresses ?? []).map((a: Obj) => a.ip));
    expect(ips.sort()).toEqual(routers.map((r) => r.status.podIP).sort());
    const describe = (await s.run('oc describe svc router-default -n openshift-ingress')).stdout;
    expect(describe).toMatch(/\nEndpoints: +<none>\n/);
  });
});

describe('wrong-sql-fqdn', async () => {
  const { base, lab, served } = await scenario('wrong-sql-fqdn');
  const model = new WorldModel(lab);
  const route = model.routes().find((r) => { const b = model.routeBackend(r) as Obj | undefined; return b?.metadata.name.startsWith('sqlapi-'); })!;
  const backend = model.routeBackend(route)! as Obj;
  const removed = base.kube.filter((o) => o.kind === 'Pod' && !lab.kube.some((p) => p.metadata.uid === o.metadata.uid)).map((p) => p.metadata.name);

  it("lists the redeployed pod, not the one the rollout removed, in the service's endpoints", () => {
    expect(removed.length).toBeGreaterThan(0);
    const service = model.routeService(route)! as Obj;
    for (const ep of served.filter((o) => o.kind === 'Endpoints' && o.metadata.namespace === service.metadata.namespace) as Obj[]) {
      const svc = find(lab.kube, 'Service', ep.metadata.namespace, ep.metadata.name)!;
      if (!svc.spec.selector || !selects(svc, backend)) continue;
      const addresses = (ep.subsets as Obj[]).flatMap((s) => s.addresses ?? []);
      expect(addresses.map((a: Obj) => [a.ip, a.targetRef.name])).toEqual([[backend.status.podIP, backend.metadata.name]]);
      expect(addresses.map((a: Obj) => a.targetRef.name)).not.toContain(removed[0]);
    }
  });

  it('is what oc describe route prints, the pod the walk and the router reach', async () => {
    const s = new Session(createFixtureWorld(lab), { tty: false });
    const describe = (await s.run(`oc describe route ${route.metadata.name} -n ${route.metadata.namespace}`)).stdout;
    const port = (find(lab.kube, 'Service', route.metadata.namespace!, model.routeService(route)!.metadata.name)!.spec.ports[0].targetPort ?? 8080) as number;
    expect(describe).toMatch(new RegExp(`\\nEndpoints:\\t${backend.status.podIP.replaceAll('.', '\\.')}:${port}\\n`));
  });
});
