// The controllers record what they do as events, as client-go's recorder writes them: named
// `<object>.<time in ns, hex>`, about the object, at the lab's clock, so `oc get events` lists them
// with an age of 0s. The scheduler's events are events.k8s.io's on a cluster of today (an
// eventTime, no first or last timestamp), the core recorder's on the 2020 cluster.
import { describe, expect, it } from 'vitest';
import { recordEvent } from '../../src/engine/sources/fixture/controllers/events.ts';
import { writeContext } from '../../src/engine/sources/fixture/writes/context.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

describe('events the controllers record', () => {
  it('are named after the object and the clock in nanoseconds, and oc get events shows them 0s old', async () => {
    const lab = builtInLab('aro2');
    const copy = structuredClone(lab);
    const dc = copy.kube.find((o) => o.kind === 'DeploymentConfig' && o.metadata.name === 'sqlapi')!;
    const event = recordEvent(copy, writeContext(lab, 1), { about: dc, reason: 'DeploymentCreated', message: 'Created new replication controller "sqlapi-2" for version 2', component: 'deploymentconfig-controller' });
    const nanos = BigInt(Date.parse(lab.info.clock)) * 1_000_000n;
    const suffix = BigInt(`0x${event.metadata.name.split('.')[1]}`);
    expect(event.metadata.name.startsWith('sqlapi.')).toBe(true);
    expect(suffix >= nanos && suffix < nanos + 1_000_000n).toBe(true);
    expect(event).toMatchObject({ involvedObject: { kind: 'DeploymentConfig', name: 'sqlapi', namespace: 'project1', uid: dc.metadata.uid, apiVersion: 'apps.openshift.io/v1' }, count: 1, firstTimestamp: lab.info.clock, lastTimestamp: lab.info.clock, source: { component: 'deploymentconfig-controller' }, reportingComponent: '' });
    expect(Number(event.metadata.resourceVersion)).toBeGreaterThan(Math.max(...lab.kube.map((o) => Number(o.metadata.resourceVersion) || 0)));
    const s = new Session(createFixtureWorld(copy), { tty: false });
    const out = (await s.run('oc get events -n project1 --field-selector reason=DeploymentCreated')).stdout;
    expect(out).toContain('0s          Normal   DeploymentCreated   deploymentconfig/sqlapi   Created new replication controller "sqlapi-2" for version 2');
  });

  it('from the scheduler of a cluster of today are events.k8s.io events: an eventTime and the reporting instance', () => {
    const lab = builtInLab('aro-today');
    const copy = structuredClone(lab);
    const pod = copy.kube.find((o) => o.kind === 'Pod' && o.metadata.name.startsWith('sqlapi-'))!;
    const event = recordEvent(copy, writeContext(lab, 1), { about: pod, reason: 'Scheduled', message: 'x', component: 'default-scheduler', host: 'default-scheduler-demo-4xt7q-master-0' });
    expect(event).toMatchObject({ firstTimestamp: null, lastTimestamp: null, eventTime: lab.info.clock.replace('Z', '.000000Z'), action: 'Binding', reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-demo-4xt7q-master-0', source: {} });
    const kubelet = recordEvent(copy, writeContext(lab, 1), { about: pod, reason: 'Started', message: 'Started container sqlapi', component: 'kubelet', host: pod.spec!.nodeName as string });
    expect(kubelet).toMatchObject({ source: { component: 'kubelet', host: pod.spec!.nodeName }, reportingComponent: 'kubelet', reportingInstance: pod.spec!.nodeName, count: 1 });
  });
});
