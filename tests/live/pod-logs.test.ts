// A pod's log in live mode: the bridge's allow-list lets `kubectl logs`'s read of pods/NAME/log
// through (with the parameters kubectl sends, never follow), the live source hands its text to the
// command, and the command prints what it prints on the fixture of the same cluster. The cluster is
// the fake API server on 127.0.0.1 serving the lab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { kubeReadPath, PathRefusal } from '../../src/node/live/bridge-paths.ts';
import { liveWorldOn, startFakeCluster, type FakeCluster } from '../helpers/fake-cluster.ts';

const POD = '/api/v1/namespaces/project1/pods/sqlapi-1-8jgx8';

describe("the bridge's allow-list and a pod's log", () => {
  it('lets through the log reads kubectl logs sends', () => {
    for (const query of ['', '?container=sqlapi', '?container=sqlapi&previous=true', '?container=router&tailLines=20&timestamps=true', '?container=sqlapi&sinceSeconds=300', '?container=sqlapi&sinceTime=2020-05-29T15%3A00%3A00Z&limitBytes=1000']) {
      expect(kubeReadPath(`${POD}/log${query}`)).toBe(`${POD}/log${query}`);
    }
  });

  it('refuses a followed log, a log outside a namespace and a log of anything but a pod', () => {
    for (const path of [`${POD}/log?follow=true`, '/api/v1/pods/sqlapi-1-8jgx8/log', '/api/v1/namespaces/project1/services/sqlapi/log', '/apis/apps/v1/namespaces/project1/deployments/x/log']) {
      expect(() => kubeReadPath(path), path).toThrow(PathRefusal);
    }
  });
});

describe('kubectl logs on a live cluster', () => {
  let lab: LabFile;
  let fake: FakeCluster;
  beforeAll(async () => {
    lab = await loadLab({ name: 'aro2' });
    fake = await startFakeCluster(lab);
  });
  afterAll(async () => fake.close());

  it('prints the log the cluster serves, as on the lab', async () => {
    const live = new Session(await liveWorldOn(fake, lab), { tty: false });
    const fixture = new Session(createFixtureWorld(lab), { tty: false });
    for (const line of ['oc logs sqlapi-1-deploy', 'kubectl logs -n openshift-ingress router-default-cf4d7b6d5-lcxtl --tail=3 --timestamps', 'kubectl logs -n openshift-ingress router-default-cf4d7b6d5-lcxtl -p']) {
      const [a, b] = [await live.run(line), await fixture.run(line)];
      expect({ stdout: a.stdout, stderr: a.stderr }, line).toEqual({ stdout: b.stdout, stderr: b.stderr });
    }
    expect(fake.requests.kube.some((p) => p.includes('/pods/sqlapi-1-deploy/log?container='))).toBe(true);
  });
});
