// kubectl describe of a service account (its pull, mountable and token secrets) and of a DaemonSet
// (scheduling counts and the phases of the pods it controls), read from the lab's objects.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;
const run = (lab: LabFile, line: string) => new Session(createFixtureWorld(lab), { tty: false }).run(line);

describe('kubectl describe serviceaccount', () => {
  it("lists the account's secrets and the token secrets annotated with its name and uid", async () => {
    const lab = await loadLab({ name: 'aro2' });
    const sa = lab.kube.find((o) => o.kind === 'ServiceAccount' && o.metadata.namespace === 'project1' && o.metadata.name === 'builder') as Obj;
    const token = lab.kube.find((o) => o.kind === 'Secret' && (o as Obj).type === 'kubernetes.io/service-account-token' && o.metadata.annotations?.['kubernetes.io/service-account.uid'] === sa.metadata.uid)!;
    const out = (await run(lab, 'kubectl describe sa builder -n project1')).stdout;
    expect(out).toContain(`Image pull secrets:  ${sa.imagePullSecrets[0].name}\n`);
    expect(out).toContain(`Tokens:              ${token.metadata.name}\n`);
  });
});

describe('kubectl describe daemonset', () => {
  it('counts the pods it controls by phase', async () => {
    const lab = await loadLab({ name: 'aro-today' });
    const ds = lab.kube.find((o) => o.kind === 'DaemonSet') as Obj;
    const running = lab.kube.filter((o) => o.kind === 'Pod' && ((o.metadata.ownerReferences ?? []) as Obj[]).some((r) => r.uid === ds.metadata.uid) && (o as Obj).status.phase === 'Running').length;
    const out = (await run(lab, `kubectl describe ds ${ds.metadata.name} -n ${ds.metadata.namespace}`)).stdout;
    expect(out).toContain(`Desired Number of Nodes Scheduled: ${ds.status.desiredNumberScheduled}\n`);
    expect(out).toContain(`Pods Status:  ${running} Running / 0 Waiting / 0 Succeeded / 0 Failed\n`);
  });
});
