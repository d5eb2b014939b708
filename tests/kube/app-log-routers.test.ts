// The app's access log credits each request to a router pod that existed and served at that moment:
// a scenario keeps the objects it removed in the world's past with their deletion time (their
// Killing event), so the requests before router-down's routers were replaced come from the old
// routers' addresses, none from a router created after the request; on the base lab every request
// comes from a router that was ready then.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Werkzeug's `ADDRESS - - [29/May/2020 15:40:40] "GET …` lines, as [address, time]. */
function accessLines(log: string): [string, number][] {
  return log
    .split('\n')
    .map((l) => /^(\S+) - - \[(\d\d)\/(\w{3})\/(\d{4}) (\d\d:\d\d:\d\d)\]/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], Date.parse(`${m[4]}-${String(MONTHS.indexOf(m[3]) + 1).padStart(2, '0')}-${m[2]}T${m[5]}Z`)]);
}

const routersOf = (objects: KubeObject[]) => objects.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'openshift-ingress') as Obj[];
const appPod = (lab: LabFile) => (lab.kube as Obj[]).find((o) => o.kind === 'Pod' && o.status?.phase === 'Running' && o.spec.containers.some((c: Obj) => /sqlapi:/.test(c.image)))!;
const readySince = (p: Obj) => Date.parse(p.status.conditions.find((c: Obj) => c.type === 'Ready')?.lastTransitionTime);

describe('router-down', async () => {
  const lab = await loadLab({ name: 'router-down' });
  const past = lab.past ?? [];
  const pastRouters = past.filter((p) => p.object.kind === 'Pod' && p.object.metadata.namespace === 'openshift-ingress');
  const current = routersOf(lab.kube);

  it('keeps the routers the scenario removed, deleted when the kubelet stopped them', () => {
    expect(pastRouters.length).toBeGreaterThan(0);
    for (const p of pastRouters) {
      const killing = (lab.kube as Obj[]).filter((e) => e.kind === 'Event' && e.reason === 'Killing' && e.involvedObject.uid === p.object.metadata.uid);
      expect(killing.length).toBeGreaterThan(0);
      expect(p.deletedAt).toBe(killing.map((e) => e.lastTimestamp).sort().pop());
      expect(current.map((c) => c.metadata.name)).not.toContain(p.object.metadata.name);
    }
  });

  it("credits each request in the app's log to a router that existed then: the old routers before they were deleted", async () => {
    const pod = appPod(lab);
    const log = (await new Session(createFixtureWorld(lab), { tty: false }).run(`oc logs ${pod.metadata.name} -n ${pod.metadata.namespace}`)).stdout;
    const lines = accessLines(log);
    expect(lines.length).toBeGreaterThan(0);
    const firstNewRouter = Math.min(...current.map((r) => Date.parse(r.metadata.creationTimestamp)));
    const oldIps = pastRouters.map((p) => String((p.object.status as Obj).podIP));
    expect(lines.some(([, t]) => t < firstNewRouter)).toBe(true);
    for (const [address, t] of lines) {
      const existed = [
        ...pastRouters.filter((p) => Date.parse(String(p.object.metadata.creationTimestamp)) <= t && t < Date.parse(p.deletedAt)).map((p) => (p.object.status as Obj).podIP),
        ...current.filter((r) => Date.parse(r.metadata.creationTimestamp) <= t).map((r) => r.status.podIP),
      ];
      expect(existed, `${address} at ${new Date(t).toISOString()}`).toContain(address);
      if (t < firstNewRouter) expect(oldIps).toContain(address);
    }
  });
});

describe('aro2', async () => {
  const lab = await loadLab({ name: 'aro2' });

  it('has no past, and credits every request to a router that was ready then', async () => {
    expect(lab.past ?? []).toEqual([]);
    const pod = appPod(lab);
    const log = (await new Session(createFixtureWorld(lab), { tty: false }).run(`oc logs ${pod.metadata.name} -n ${pod.metadata.namespace}`)).stdout;
    const lines = accessLines(log);
    expect(lines.length).toBeGreaterThan(0);
    const routers = routersOf(lab.kube);
    for (const [address, t] of lines) expect(routers.filter((r) => readySince(r) <= t).map((r) => r.status.podIP)).toContain(address);
  });
});
