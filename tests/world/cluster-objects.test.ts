// The labs' objects as a real cluster holds them: router pods as the ingress operator's deployment
// makes them, nodes with the capacity and allocatable resources their kubelet reports.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { LabFile } from '../../src/engine/world/types.ts';

type Obj = Record<string, any>;
const labs = ['aro2', 'aro-today', 'aro-private', 'router-down'];
const kube = (lab: LabFile, kind: string, namespace?: string) => lab.kube.filter((o) => o.kind === kind && (namespace === undefined || o.metadata.namespace === namespace)) as unknown as Obj[];
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

describe.each(labs)('the secrets and the ingress operator of %s', (name) => {
  it('oc get secret prints NAME TYPE DATA AGE, DATA the number of keys', async () => {
    const lab = await loadLab({ name });
    const secrets = kube(lab, 'Secret', 'openshift-ingress');
    expect(secrets.map((s) => s.metadata.name)).toEqual(expect.arrayContaining(['router-stats-default', 'router-metrics-certs-default']));
    const lines = (await session(lab).run('oc get secret -n openshift-ingress')).stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s+/)).toEqual(['NAME', 'TYPE', 'DATA', 'AGE']);
    for (const s of secrets) {
      const row = lines.find((l) => l.startsWith(`${s.metadata.name} `))!.split(/\s+/);
      expect(row.slice(1, 3)).toEqual([s.type, String(Object.keys(s.data ?? {}).length)]);
    }
  });

  it('runs the ingress operator: its deployment and a pod with the operator and its metrics proxy', async () => {
    const lab = await loadLab({ name });
    const deployments = kube(lab, 'Deployment', 'openshift-ingress-operator').map((d) => d.metadata.name);
    expect(deployments).toEqual(['ingress-operator']);
    const pods = kube(lab, 'Pod', 'openshift-ingress-operator');
    expect(pods).toHaveLength(1);
    expect(pods[0].spec.containers.map((c: Obj) => c.name)).toEqual(['ingress-operator', 'kube-rbac-proxy']);
    expect(pods[0].status.containerStatuses.every((c: Obj) => c.ready)).toBe(true);
    expect((await session(lab).run('oc get pods -n openshift-ingress-operator')).stdout).toMatch(/\n\S+\s+2\/2\s+Running\s/);
  });
});

describe('objects of a Kubernetes 1.16 server', () => {
  const later = ['clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy', 'allocateLoadBalancerNodePorts'];
  it("aro2's Services and Namespaces carry no field that came after 1.16", async () => {
    const lab = await loadLab({ name: 'aro2' });
    for (const svc of kube(lab, 'Service')) for (const key of later) expect(svc.spec, `${svc.metadata.name} ${key}`).not.toHaveProperty(key);
    for (const ns of kube(lab, 'Namespace')) expect(ns.metadata.labels?.['kubernetes.io/metadata.name']).toBeUndefined();
  });
  it("today's Services carry them, as a 1.32 server fills them in", async () => {
    const lab = await loadLab({ name: 'aro-today' });
    for (const svc of kube(lab, 'Service')) for (const key of later.filter((k) => k !== 'allocateLoadBalancerNodePorts' || svc.spec.type === 'LoadBalancer')) expect(svc.spec).toHaveProperty(key);
  });
});

describe.each(['aro2', 'aro-today', 'aro-private', 'router-down', 'wrong-sql-fqdn', 'firewall-egress', 'nsg-blocks-web', 'sql-networkpolicy', 'snat-exhaustion'])('the images of %s', (name) => {
  it("are references a registry resolves: a digest is sha256 and 64 hex digits, an imageID names the image's digest once", async () => {
    const lab = await loadLab({ name });
    for (const pod of kube(lab, 'Pod')) {
      for (const c of pod.spec.containers) if (String(c.image).includes('@')) expect(c.image, pod.metadata.name).toMatch(/^[^@]+@sha256:[0-9a-f]{64}$/);
      for (const c of pod.status.containerStatuses ?? []) expect(c.imageID, pod.metadata.name).toMatch(/^[^@]+@sha256:[0-9a-f]{64}$/);
    }
  });
});
