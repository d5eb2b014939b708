// kubectl's client commands on a lab: version (the server's from the control plane's kubelet, the
// skew warning past one minor release), api-resources (what discovery serves, by group then name),
// get --raw (the server's bytes), cluster-info (the lab's API URL) and auth can-i (kubeadmin may do
// anything; anyone else nothing).
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import { selfAccessReview } from '../../src/engine/model/access-review.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;
const run = (lab: LabFile, line: string) => new Session(createFixtureWorld(lab), { tty: false }).run(line);
const kubelet = (lab: LabFile) => ((lab.kube.find((o) => o.kind === 'Node') as Obj).status.nodeInfo.kubeletVersion as string);

describe('kubectl version', () => {
  it("reports the control plane's version and warns when it is more than one minor release from the client's", async () => {
    const old = await loadLab({ name: 'aro2' });
    const result = await run(old, 'kubectl version');
    expect(result.stdout).toContain(`\nServer Version: ${kubelet(old)}\n`);
    const minor = kubelet(old).split('.')[1];
    expect(result.stderr).toBe(`WARNING: version difference between client (1.32) and server (1.${minor}) exceeds the supported minor version skew of +/-1\n`);
    const today = await loadLab({ name: 'aro-today' });
    expect((await run(today, 'kubectl version')).stderr).toBe('');
  });

  it('asks no server with --client and rejects other output formats', async () => {
    const lab = await loadLab({ name: 'aro-today' });
    expect((await run(lab, 'kubectl version --client')).stdout).not.toContain('Server Version');
    expect(await run(lab, 'kubectl version -o xml')).toMatchObject({ status: 1, stderr: "error: --output must be 'yaml' or 'json'\n" });
  });
});

describe('kubectl api-resources', () => {
  it("lists the lab's served resources sorted by group then name, cluster-scoped ones with --namespaced=false", async () => {
    const lab = await loadLab({ name: 'aro-today' });
    const names = (await run(lab, 'kubectl api-resources -o name')).stdout.trim().split('\n');
    const key = (n: string) => [n.includes('.') ? n.slice(n.indexOf('.') + 1) : '', n.split('.')[0]].join(' ');
    expect(names).toEqual([...names].sort((a, b) => (key(a) < key(b) ? -1 : 1)));
    expect(names).toContain('daemonsets.apps');
    const clusterScoped = (await run(lab, 'kubectl api-resources --namespaced=false -o name')).stdout;
    expect(clusterScoped).toContain('nodes\n');
    expect(clusterScoped).not.toContain('pods\n');
  });
});

describe('kubectl get --raw and cluster-info', () => {
  it("prints the server's answer as it comes, and its Status on an unknown path", async () => {
    const lab = await loadLab({ name: 'aro2' });
    expect(await run(lab, 'kubectl get --raw /healthz')).toMatchObject({ status: 0, stdout: 'ok' });
    expect(JSON.parse((await run(lab, 'kubectl get --raw /version')).stdout).gitVersion).toBe(kubelet(lab));
    expect(await run(lab, 'kubectl get --raw /nope')).toMatchObject({ status: 1, stderr: 'Error from server (NotFound): the server could not find the requested resource\n' });
  });

  it("names the lab's API server", async () => {
    const lab = await loadLab({ name: 'aro2' });
    const aro = lab.arm.find((r) => r.type === 'Microsoft.RedHatOpenShift/openShiftClusters') as Obj;
    const url = (aro.properties.apiserverProfile.url as string).replace(/\/$/, '');
    expect((await run(lab, 'kubectl cluster-info')).stdout).toBe(`Kubernetes control plane is running at ${url}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
  });
});

describe('kubectl auth can-i', () => {
  it('answers yes to kubeadmin, with kubectl\'s warnings', async () => {
    const lab = await loadLab({ name: 'aro2' });
    expect(await run(lab, 'kubectl auth can-i delete pods')).toMatchObject({ status: 0, stdout: 'yes\n', stderr: '' });
    expect((await run(lab, 'kubectl auth can-i get nodes')).stderr).toBe("Warning: resource 'nodes' is not namespace scoped\n\n");
    expect((await run(lab, 'kubectl auth can-i get nope')).stderr).toBe("Warning: the server doesn't have a resource type 'nope'\n\n");
  });

  it('allows nothing to a user who is not kubeadmin', () => {
    expect(selfAccessReview('developer', { verb: 'get', resource: 'pods' }).allowed).toBe(false);
    expect(selfAccessReview('kube:admin', { verb: 'get', resource: 'pods' }).allowed).toBe(true);
  });
});
