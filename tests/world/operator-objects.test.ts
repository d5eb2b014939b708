// What the cluster's operators and controllers keep besides the pods: a DaemonSet behind every
// DaemonSet-owned pod, the service accounts of every namespace with the secrets of the cluster's
// release, the cluster version, the DNS operator's object and the console's route.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;
const labs = ['aro2', 'aro-today', 'aro-private', 'router-down'];
const kube = (lab: LabFile, kind: string) => lab.kube.filter((o) => o.kind === kind) as unknown as Obj[];
const run = (lab: LabFile, line: string) => new Session(createFixtureWorld(lab), { tty: false }).run(line);

describe.each(labs)('the operators\' objects on %s', (name) => {
  it('has a DaemonSet for every pod a DaemonSet owns, with its uid, and counts its pods', async () => {
    const lab = await loadLab({ name });
    const owned = kube(lab, 'Pod').filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet');
    expect(owned.length).toBeGreaterThan(0);
    for (const pod of owned) {
      const ref = pod.metadata.ownerReferences[0];
      const ds = kube(lab, 'DaemonSet').find((d) => d.metadata.namespace === pod.metadata.namespace && d.metadata.name === ref.name);
      expect(ds?.metadata.uid).toBe(ref.uid);
      const pods = owned.filter((p) => p.metadata.ownerReferences[0].uid === ref.uid);
      expect(ds!.status.desiredNumberScheduled).toBe(pods.length);
    }
  });

  it('has builder, default and deployer in every namespace, with a token secret only before OpenShift 4.16', async () => {
    const lab = await loadLab({ name });
    const version = kube(lab, 'ClusterVersion')[0].status.desired.version as string;
    const legacy = Number(version.split('.')[1]) < 16;
    for (const ns of kube(lab, 'Namespace').map((n) => n.metadata.name)) {
      for (const name of ['builder', 'default', 'deployer']) {
        const sa = kube(lab, 'ServiceAccount').find((s) => s.metadata.namespace === ns && s.metadata.name === name);
        expect(sa, `${ns}/${name}`).toBeDefined();
        const types = sa!.secrets.map((ref: Obj) => kube(lab, 'Secret').find((s) => s.metadata.namespace === ns && s.metadata.name === ref.name)?.type);
        expect(types.sort()).toEqual(legacy ? ['kubernetes.io/dockercfg', 'kubernetes.io/service-account-token'] : ['kubernetes.io/dockercfg']);
      }
    }
  });

  it("prints the cluster version as the release the ARO cluster runs, and the DNS operator's object", async () => {
    const lab = await loadLab({ name });
    const aro = lab.arm.find((r) => r.type === 'Microsoft.RedHatOpenShift/openShiftClusters') as Obj;
    const cv = await run(lab, 'oc get clusterversion');
    expect(cv.stdout.split('\n')[1]).toMatch(new RegExp(`^version +${aro.properties.clusterProfile.version.replace(/\./g, '\\.')} +True +False `));
    expect((await run(lab, 'oc get dns.operator/default -o name')).stdout).toBe('dns.operator.openshift.io/default\n');
  });

  it('redirects the console route from http to https', async () => {
    const lab = await loadLab({ name });
    const route = kube(lab, 'Route').find((r) => r.metadata.name === 'console')!;
    expect(route.metadata.namespace).toBe('openshift-console');
    expect(route.spec.tls).toEqual({ insecureEdgeTerminationPolicy: 'Redirect', termination: 'reencrypt' });
    const aro = lab.arm.find((r) => r.type === 'Microsoft.RedHatOpenShift/openShiftClusters') as Obj;
    const console = (aro.properties.consoleProfile.url as string).replace(/^https:\/\/|\/$/g, '');
    expect(route.spec.host).toBe(console);
  });
});
