// The labs' objects as a real cluster holds them: router pods as the ingress operator's deployment
// makes them, nodes with the capacity and allocatable resources their kubelet reports.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/world/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;
const labs = ['aro2', 'aro-today', 'aro-private', 'router-down'];
const kube = (lab: LabFile, kind: string, namespace?: string) => lab.kube.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)) as Array<KubeObject & Obj>;
const session = (lab: LabFile) => new Session(createFixtureWorld(lab), { tty: false });

describe.each(labs)('the router pods on %s', (name) => {
  it("are the ingress operator's: container router, service account router, the effective default certificate mounted at /etc/pki/tls/private", async () => {
    const lab = await loadLab({ name });
    const controller = kube(lab, 'IngressController', 'openshift-ingress-operator').find((o) => o.metadata.name === 'default')!;
    const certificate = controller.spec.defaultCertificate?.name ?? 'router-certs-default';
    const routers = kube(lab, 'Pod', 'openshift-ingress');
    expect(routers.length).toBeGreaterThan(0);
    for (const pod of routers) {
      const container = pod.spec.containers[0];
      expect(container.name).toBe('router');
      expect(pod.spec.serviceAccountName).toBe('router');
      const mount = container.volumeMounts.find((m: Obj) => m.mountPath === '/etc/pki/tls/private');
      const volume = pod.spec.volumes.find((v: Obj) => v.name === mount.name);
      expect({ mount: mount.name, secret: volume.secret.secretName }).toEqual({ mount: 'default-certificate', secret: certificate });
      expect(container.env.map((e: Obj) => e.name)).toEqual(expect.arrayContaining(['ROUTER_SERVICE_NAMESPACE', 'DEFAULT_CERTIFICATE_DIR', 'ROUTER_CANONICAL_HOSTNAME', 'ROUTER_SERVICE_NAME']));
      for (const status of pod.status.containerStatuses) {
        expect(status.name).toBe('router');
        expect(status.imageID).toMatch(/^[^@]+@sha256:[0-9a-f]{64}$/);
        expect(status.image).toMatch(/^[^@]+@sha256:[0-9a-f]{64}$/);
      }
    }
  });

  it("has a deployment and replica set whose pod template is the pods' own", async () => {
    const lab = await loadLab({ name });
    const pod = kube(lab, 'Pod', 'openshift-ingress')[0];
    for (const kind of ['Deployment', 'ReplicaSet']) {
      const owner = kube(lab, kind, 'openshift-ingress')[0];
      expect(owner.spec.template.spec.containers[0].name).toBe('router');
      expect(owner.spec.template.spec.volumes).toEqual(pod.spec.volumes);
    }
  });
});

describe('router-down', () => {
  it("leads oc describe pod from the router's certificate to the secret it cannot load", async () => {
    const lab = await loadLab({ name: 'router-down' });
    const pod = kube(lab, 'Pod', 'openshift-ingress')[0];
    const out = (await session(lab).run(`oc describe pod -n openshift-ingress ${pod.metadata.name}`)).stdout;
    const controller = kube(lab, 'IngressController', 'openshift-ingress-operator')[0];
    const secret = controller.spec.defaultCertificate.name as string;
    expect(kube(lab, 'Secret', 'openshift-ingress').map((s) => s.metadata.name)).toContain(secret);
    expect(out).toMatch(new RegExp(`default-certificate:\\n    Type:\\s+Secret .*\\n    SecretName:\\s+${secret}\\n`));
    expect(out).toContain('/etc/pki/tls/private from default-certificate (ro)');
  });
});

describe.each(labs)('the nodes of %s', (name) => {
  it('report capacity and allocatable, allocatable after the reservation', async () => {
    const lab = await loadLab({ name });
    for (const node of kube(lab, 'Node')) {
      const { capacity, allocatable } = node.status;
      for (const key of ['cpu', 'memory', 'pods', 'ephemeral-storage', 'hugepages-2Mi']) {
        expect(capacity[key], `${node.metadata.name} ${key}`).toBeDefined();
        expect(allocatable[key], `${node.metadata.name} ${key}`).toBeDefined();
      }
      expect(allocatable.cpu).toBe(`${Number(capacity.cpu) * 1000 - 500}m`);
      expect(parseInt(allocatable.memory, 10)).toBeLessThan(parseInt(capacity.memory, 10));
    }
  });

  it('make oc describe node print real percentages', async () => {
    const lab = await loadLab({ name });
    const worker = kube(lab, 'Node').find((n) => 'node-role.kubernetes.io/worker' in n.metadata.labels)!;
    const out = (await session(lab).run(`oc describe node ${worker.metadata.name}`)).stdout;
    expect(out).toContain('Capacity:\n');
    expect(out).toContain('Allocatable:\n');
    expect(out).not.toMatch(/-\d+%/);
  });
});
