// What the lab's API server serves follows the cluster it imitates: its Kubernetes version (read from
// the nodes, as the Endpoints deprecation warning is) decides which API versions exist — no
// EndpointSlice before 1.17 (discovery.k8s.io was alpha and off by default in 1.16), v1beta1 from
// 1.17, v1 from 1.21 — and the ARO operator's clusters.aro.openshift.io exists only where the operator
// made its object. kubectl resolves names against that discovery, as the real one does.
import { describe, expect, it } from 'vitest';
import { Session } from '../../src/engine/session.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { KubeIndex } from '../../src/engine/sources/fixture/kube.ts';
import { minorOf, serverVersion } from '../../src/engine/world/kube-resources.ts';
import type { LabFile } from '../../src/engine/world/types.ts';
import { builtInLab, builtInLabs } from '../helpers/built-in-labs.ts';
import { kubeCommands } from '../../src/engine/commands/kube/index.ts';
import { fakeSession, words } from './fake-world.ts';

const run = async (lab: LabFile, line: string) => {
  const { status, stdout, stderr } = await new Session(createFixtureWorld(lab), { tty: false }).run(line);
  return { status, stdout, stderr };
};

/** The lab with every node reporting this kubelet version (the server's version). */
function atVersion(lab: LabFile, version: string): LabFile {
  const changed = structuredClone(lab);
  for (const node of changed.kube.filter((o) => o.kind === 'Node')) (node.status as { nodeInfo: { kubeletVersion: string } }).nodeInfo.kubeletVersion = version;
  return changed;
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');

describe.each(builtInLabs())('on %s', (name) => {
  const lab = builtInLab(name);
  const minor = minorOf(serverVersion(lab.kube))!;
  const service = lab.kube.find((o) => o.kind === 'Service' && o.metadata.namespace === lab.info.session.namespace)!;

  it('has a server version and a service in the session\'s namespace', () => {
    expect(minor).toBeGreaterThan(0);
    expect(service).toBeDefined();
  });

  it('serves EndpointSlices exactly when its Kubernetes version does (1.17 on), and kubectl says so', async () => {
    const r = await run(lab, `kubectl get endpointslices -l kubernetes.io/service-name=${service.metadata.name}`);
    if (minor >= 17) {
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^NAME +ADDRESSTYPE/);
    } else {
      expect(r).toEqual({ status: 1, stdout: '', stderr: 'error: the server doesn\'t have a resource type "endpointslices"\n' });
    }
  });

  it('serves clusters.aro.openshift.io exactly when the ARO operator made its object', async () => {
    const held = lab.kube.some((o) => groupOf(o.apiVersion) === 'aro.openshift.io');
    for (const typed of ['clusters.aro.openshift.io', 'cluster']) {
      const r = await run(lab, `kubectl get ${typed}`);
      if (held) expect(r.status, typed).toBe(0);
      else expect(r, typed).toEqual({ status: 1, stdout: '', stderr: `error: the server doesn't have a resource type "${typed.split('.')[0]}"\n` });
    }
  });

  it('completes the resource types its server serves', async () => {
    const line = 'kubectl get endpoint';
    const offered = await kubeCommands[0].complete!(words(line), fakeSession(createFixtureWorld(lab)));
    expect(offered).toEqual(minor >= 17 ? ['endpoints', 'endpointslices'] : ['endpoints']);
  });

  it('lists in its discovery only the groups it serves', async () => {
    const groups = (await createFixtureWorld(lab).kube('/apis')).body as { groups: Array<{ name: string }> };
    const served = new KubeIndex(lab.kube).served;
    expect(groups.groups.map((g) => g.name)).toEqual([...new Set(served.filter((r) => r.group).map((r) => r.group))]);
    for (const r of served.filter((x) => x.group)) {
      const list = (await createFixtureWorld(lab).kube(`/apis/${r.group}/${r.version}`)).body as { resources: Array<{ name: string }> };
      expect(list.resources.map((x) => x.name)).toContain(r.plural);
    }
    expect(groups.groups.some((g) => g.name === 'discovery.k8s.io')).toBe(minor >= 17);
  });
});

describe('a server of each Kubernetes version', () => {
  const lab = builtInLab(builtInLabs().find((n) => builtInLab(n).kube.some((o) => o.kind === 'EndpointSlice'))!);
  const slice = lab.kube.find((o) => o.kind === 'EndpointSlice')!;
  const namespace = slice.metadata.namespace!;

  it.each([
    ['v1.16.2', undefined],
    ['v1.17.0', 'discovery.k8s.io/v1beta1'],
    ['v1.20.0', 'discovery.k8s.io/v1beta1'],
    ['v1.21.0', 'discovery.k8s.io/v1'],
    ['v1.33.2', 'discovery.k8s.io/v1'],
  ])('%s serves EndpointSlices at %s', async (version, groupVersion) => {
    const changed = atVersion(lab, version);
    const served = new KubeIndex(changed.kube).served.find((r) => r.plural === 'endpointslices');
    expect(served && `${served.group}/${served.version}`).toBe(groupVersion);
    const r = await run(changed, `kubectl get endpointslices -n ${namespace} -o name`);
    if (groupVersion) expect(r.status).toBe(0);
    else expect(r.stderr).toBe('error: the server doesn\'t have a resource type "endpointslices"\n');
  });

  it('1.16 still serves HorizontalPodAutoscalers, CronJobs and Ingresses, at their older versions', () => {
    const served = new KubeIndex(atVersion(lab, 'v1.16.2').kube).served;
    const at = (plural: string) => served.find((r) => r.plural === plural);
    expect([at('horizontalpodautoscalers'), at('cronjobs'), at('ingresses')].map((r) => r && `${r.group}/${r.version}`)).toEqual(['autoscaling/v1', 'batch/v1beta1', 'networking.k8s.io/v1beta1']);
  });
});
