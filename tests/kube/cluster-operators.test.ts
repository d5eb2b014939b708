// The ingress ClusterOperator, the IngressController and the router Deployment follow the router
// pods: a world whose routers are ready is served as written; one whose routers all stopped being
// ready (and whose operator objects still say Available) is served with the conditions
// cluster-ingress-operator of the cluster's release computes. `oc get co` prints the CRD's columns.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;
const run = (lab: LabFile, line: string) => new Session(createFixtureWorld(lab), { tty: false }).run(line);

function withRoutersDown(base: LabFile): LabFile {
  const lab: LabFile = JSON.parse(JSON.stringify(base));
  for (const pod of lab.kube.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'openshift-ingress') as Obj[]) {
    for (const c of pod.status.conditions) if (c.type === 'Ready' || c.type === 'ContainersReady') Object.assign(c, { status: 'False', lastTransitionTime: '2020-05-29T15:40:00Z' });
    pod.status.containerStatuses[0].ready = false;
  }
  return lab;
}

describe.each(['aro2', 'aro-today'])('the ingress operator on %s', (name) => {
  const lab = builtInLab(name);
  const operators = lab.kube.filter((o) => o.kind === 'ClusterOperator') as Obj[];
  const ingress = operators.find((co) => co.metadata.name === 'ingress')!;

  it("lists every cluster operator with its version and its conditions' statuses", async () => {
    const lines = (await run(lab, 'oc get co')).stdout.split('\n').filter(Boolean);
    const release = Number(ingress.status.versions[0].version.split('.')[1]);
    // The CRD of OpenShift 4.9 and later adds MESSAGE.
    expect(lines[0].split(/\s+/)).toEqual(['NAME', 'VERSION', 'AVAILABLE', 'PROGRESSING', 'DEGRADED', 'SINCE', ...(release >= 9 ? ['MESSAGE'] : [])]);
    // Cells by the header's column offsets (an operator without a version has an empty VERSION cell).
    const offsets = ['NAME', 'VERSION', 'AVAILABLE', 'PROGRESSING', 'DEGRADED', 'SINCE'].map((h) => lines[0].indexOf(h));
    const cells = (l: string) => offsets.slice(0, 5).map((at, i) => l.slice(at, offsets[i + 1]).trim());
    expect(lines.slice(1).map(cells)).toEqual(
      operators.map((co) => [co.metadata.name, co.status.versions?.[0].version ?? '', ...['Available', 'Progressing', 'Degraded'].map((t) => co.status.conditions.find((c: Obj) => c.type === t).status)]),
    );
  });

  it('says Available False and Degraded True when no router pod is ready, with the operator of its release', async () => {
    const down = withRoutersDown(lab);
    const row = (await run(down, 'oc get clusteroperator ingress --no-headers')).stdout.split(/\s+/);
    expect(row.slice(2, 5)).toEqual(['False', expect.stringMatching(/True|False/), 'True']);
    const degraded = JSON.parse((await run(down, 'oc get co ingress -o json')).stdout).status.conditions.find((c: Obj) => c.type === 'Degraded');
    // From 4.9 the MESSAGE column shows the unexpected condition's message (Degraded's here).
    if (!ingress.status.versions[0].version.startsWith('4.3.')) expect((await run(down, 'oc get co ingress --no-headers')).stdout).toContain(degraded.message.split('\n')[0]);
    const available = JSON.parse((await run(down, 'oc get co ingress -o json')).stdout).status.conditions.find((c: Obj) => c.type === 'Available');
    const version: string = ingress.status.versions[0].version;
    if (version.startsWith('4.3.')) expect(available.message).toBe('Not all ingress controllers are available.');
    else expect(available.message).toMatch(/^The "default" ingress controller reports Available=False: /);
    expect((await run(down, 'oc get deploy router-default -n openshift-ingress --no-headers')).stdout.split(/\s+/)[1]).toBe(`0/${lab.kube.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'openshift-ingress').length}`);
    // The healthy world is served as written.
    expect((await run(lab, 'oc get co ingress --no-headers')).stdout.split(/\s+/).slice(2, 5)).toEqual(['True', 'False', 'False']);
  });
});
