// oc version as openshift/oc prints it (no oc binary runs here: the rules are its pkg/cli/version):
// the client of the cluster's release, the cluster's OpenShift version from clusterversion's
// completed history, the Kubernetes version from /version, and no skew warning.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;
const run = (lab: LabFile, line: string) => new Session(createFixtureWorld(lab), { tty: false }).run(line);

describe.each(['aro2', 'aro-today'])('oc version on %s', (name) => {
  it("names the cluster's release and its Kubernetes version, without kubectl's skew warning", async () => {
    const lab = await loadLab({ name });
    const release = (lab.kube.find((o) => o.kind === 'ClusterVersion') as Obj).status.history[0].version as string;
    const kubelet = (lab.kube.find((o) => o.kind === 'Node') as Obj).status.nodeInfo.kubeletVersion as string;
    const result = await run(lab, 'oc version');
    const kustomize = Number(release.split('.')[1]) >= 17 ? 'Kustomize Version: v5.5.0\n' : '';
    expect(result).toMatchObject({ status: 0, stderr: '', stdout: `Client Version: ${release}\n${kustomize}Server Version: ${release}\nKubernetes Version: ${kubelet}\n` });
    expect((await run(lab, 'oc version --client')).stdout).toBe(`Client Version: ${release}\n${kustomize}`);
  });
});
