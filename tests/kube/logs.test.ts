// kubectl/oc logs over the built-in labs: the sample app's log shows the requests the reader's own
// curl made, from the router pod's address (the router is a reverse proxy); a router whose default
// certificate has no private key logs HAProxy's refusal; TYPE/NAME picks a pod as kubectl does; the
// kubelet's options and refusals. Every expectation is read from the world.
import { describe, expect, it } from 'vitest';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { Session } from '../../src/engine/session.ts';
import type { KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { builtInLab } from '../helpers/built-in-labs.ts';

type Obj = Record<string, any>;

const session = (lab: LabFile) => new Session(createFixtureWorld(lab), { tty: false });
const kube = (lab: LabFile, kind: string, ns?: string) => lab.kube.filter((o) => o.kind === kind && (ns === undefined || o.metadata.namespace === ns)) as Obj[];

function appOf(lab: LabFile) {
  const route = kube(lab, 'Route')[0];
  const service = kube(lab, 'Service', route.metadata.namespace).find((s) => s.metadata.name === route.spec.to.name)!;
  const pod = kube(lab, 'Pod', route.metadata.namespace).find((p) => p.status.phase === 'Running' && Object.entries(service.spec.selector).every(([k, v]) => p.metadata.labels[k] === v))!;
  const routers = kube(lab, 'Pod', 'openshift-ingress').filter((p) => p.status.conditions.some((c: Obj) => c.type === 'Ready' && c.status === 'True'));
  return { host: route.spec.host as string, namespace: route.metadata.namespace as string, pod: pod.metadata.name as string, routerIps: routers.map((r) => r.status.podIP as string) };
}

/** The lab with its router's default certificate replaced by a secret whose key is a certificate. */
function withBrokenCertificate(base: LabFile): LabFile {
  const lab: LabFile = JSON.parse(JSON.stringify(base));
  const cert = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2VydA==\n-----END CERTIFICATE-----\n';
  lab.kube.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'custom-certs-default', namespace: 'openshift-ingress' }, type: 'kubernetes.io/tls', data: { 'tls.crt': btoa(cert), 'tls.key': btoa(cert) } } as unknown as KubeObject);
  const ic = lab.kube.find((o) => o.kind === 'IngressController') as Obj;
  ic.spec.defaultCertificate = { name: 'custom-certs-default' };
  for (const pod of lab.kube.filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'openshift-ingress') as Obj[]) {
    const status = pod.status.containerStatuses[0];
    const clock = Date.parse(lab.info.clock);
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    status.lastState = { terminated: { exitCode: 137, reason: 'Error', startedAt: iso(clock - 150_000), finishedAt: iso(clock - 100_000), containerID: `cri-o://${'a'.repeat(64)}` } };
    status.state = { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container' } };
    status.ready = false;
    status.restartCount = 6;
    for (const c of pod.status.conditions) if (c.type === 'Ready' || c.type === 'ContainersReady') c.status = 'False';
  }
  return lab;
}

describe.each(['aro2', 'aro-today'])('logs on %s', (name) => {
  const lab = builtInLab(name);
  const app = appOf(lab);

  it("shows in the app's log each request the reader's curl made, from a router pod's address", async () => {
    const s = session(lab);
    const before = await s.run(`oc logs ${app.pod} -n ${app.namespace}`);
    expect(before.stdout).not.toContain('"GET /api/healthcheck HTTP/1.1"');
    await s.run(`curl -s http://${app.host}/api/healthcheck`);
    const after = await s.run(`oc logs ${app.pod} -n ${app.namespace} --tail=1`);
    const [address, , , , , request] = after.stdout.trimEnd().split(' ');
    expect(app.routerIps).toContain(address);
    expect(request).toBe('"GET');
    expect(after.stdout).toContain('"GET /api/healthcheck HTTP/1.1" 200 -');
  });

  it('reads the last lines with --tail and prefixes each with its time with --timestamps', async () => {
    const s = session(lab);
    const all = (await s.run(`oc logs ${app.pod} -n ${app.namespace}`)).stdout.split('\n').filter(Boolean);
    const tail = (await s.run(`oc logs ${app.pod} -n ${app.namespace} --tail=3 --timestamps`)).stdout.split('\n').filter(Boolean);
    expect(tail).toHaveLength(Math.min(3, all.length));
    tail.forEach((line, i) => {
      const [stamp, ...rest] = line.split(' ');
      expect(Number.isNaN(Date.parse(stamp))).toBe(false);
      expect(rest.join(' ')).toBe(all[all.length - tail.length + i]);
    });
  });

  it('picks the first router pod for deploy/router-default and says how many it found', async () => {
    const routers = kube(lab, 'Pod', 'openshift-ingress');
    const result = await session(lab).run('oc logs deploy/router-default -n openshift-ingress --tail=1');
    expect(result.stderr).toMatch(new RegExp(`^Found ${routers.length} pods, using pod/(${routers.map((r) => r.metadata.name).join('|')})\\n$`));
    expect(result.stdout).toContain('router reloaded');
  });

  it("refuses --previous for a container that never restarted, in the kubelet's words", async () => {
    const router = kube(lab, 'Pod', 'openshift-ingress')[0];
    const container = router.spec.containers[0].name;
    const result = await session(lab).run(`kubectl logs -n openshift-ingress ${router.metadata.name} -p`);
    expect(result).toMatchObject({ status: 1, stdout: '', stderr: `Error from server (BadRequest): previous terminated container "${container}" in pod "${router.metadata.name}" not found\n` });
  });

  it("logs HAProxy's refusal of a default certificate without a private key, in the failed run --previous reads", async () => {
    const broken = withBrokenCertificate(lab);
    const router = kube(broken, 'Pod', 'openshift-ingress')[0];
    const previous = await session(broken).run(`oc logs -n openshift-ingress ${router.metadata.name} --previous`);
    expect(previous.stdout).toContain('error reloading router: exit status 1');
    expect(previous.stdout).toMatch(/unable to load SSL private key from PEM file|No Private Key found in/);
    expect(previous.stdout).not.toContain('router reloaded');
    // In back-off the kubelet hands out the last terminated run's log for the current one too.
    expect((await session(broken).run(`oc logs -n openshift-ingress ${router.metadata.name}`)).stdout).toBe(previous.stdout);
    expect((await session(lab).run(`oc logs -n openshift-ingress ${router.metadata.name}`)).stdout).not.toContain('error reloading router');
  });

  it("names a pod that does not exist in the API server's words, and its namespace, as kubectl 1.32 does", async () => {
    expect(await session(lab).run('kubectl logs no-such-pod')).toMatchObject({ status: 1, stderr: `error: error from server (NotFound): pods "no-such-pod" not found in namespace "${lab.info.session.namespace}"\n` });
  });
});

describe('oc logs dc/NAME', () => {
  it("prints the latest deployment's log: its deployer pod's", async () => {
    const lab = builtInLab('aro2');
    for (const dc of kube(lab, 'DeploymentConfig')) {
      const rc = kube(lab, 'ReplicationController', dc.metadata.namespace).find((r) => r.metadata.name === `${dc.metadata.name}-${dc.status.latestVersion}`)!;
      const result = await session(lab).run(`oc logs dc/${dc.metadata.name} -n ${dc.metadata.namespace}`);
      expect(result.stdout).toBe(`--> Scaling ${rc.metadata.name} to ${rc.spec.replicas}\n--> Success\n`);
    }
  });
});

describe('a pod of several containers', () => {
  it('reads the first container and says which it chose (kubectl logsForObject), or the annotated default', async () => {
    const lab: LabFile = JSON.parse(JSON.stringify(builtInLab('aro2')));
    const app = appOf(lab);
    const pod = lab.kube.find((o) => o.kind === 'Pod' && o.metadata.name === app.pod) as Obj;
    const first = pod.spec.containers[0].name;
    pod.spec.containers.push({ name: 'proxy', image: 'registry.example/proxy:1' });
    pod.spec.initContainers = [{ name: 'setup', image: 'registry.example/setup:1' }];
    const defaulted = await session(lab).run(`oc logs ${app.pod} -n ${app.namespace} --tail=1`);
    expect(defaulted.stderr).toBe(`Defaulted container "${first}" out of: ${first}, proxy, setup (init)\n`);
    pod.metadata.annotations = { 'kubectl.kubernetes.io/default-container': first };
    expect((await session(lab).run(`oc logs ${app.pod} -n ${app.namespace} --tail=1`)).stderr).toBe('');
    pod.metadata.annotations = { 'kubectl.kubernetes.io/default-container': 'nope' };
    expect((await session(lab).run(`oc logs ${app.pod} -n ${app.namespace} --tail=1`)).stderr).toBe(`Default container name "nope" not found in pod ${app.pod}\nDefaulted container "${first}" out of: ${first}, proxy, setup (init)\n`);
  });
});

describe("the app's log of a failing SQL connection", () => {
  it("logs the connection it tried to the FQDN of its environment and the driver's error, when that name does not resolve", async () => {
    const { loadLab } = await import('../../src/node/labs.ts');
    const lab = await loadLab({ name: 'wrong-sql-fqdn' });
    const app = appOf(lab);
    const pod = kube(lab, 'Pod', app.namespace).find((p) => p.metadata.name === app.pod)!;
    const fqdn = pod.spec.containers[0].env.find((e: Obj) => e.name === 'SQL_SERVER_FQDN').value;
    const s = session(lab);
    await s.run(`curl -s http://${app.host}/api/sqlversion`);
    const log = (await s.run(`oc logs ${app.pod} -n ${app.namespace} --tail=4`)).stdout.split('\n');
    expect(log[0]).toContain(`INFO in sql_api: connection string: Driver={ODBC Driver 17 for SQL Server};Server=tcp:${fqdn},1433;`);
    expect(log[1]).toContain(`INFO in sql_api: Connection to server ${fqdn} failed`);
    expect(log[2]).toMatch(/ERROR in sql_api: \('08001'/);
    expect(log[3]).toContain('"GET /api/sqlversion HTTP/1.1" 200 -');
  });
});

describe('kubectl logs --all-pods', () => {
  it("prints every pod of the object, each line prefixed with its pod and container, instead of picking one", async () => {
    const lab = builtInLab('aro2');
    const routers = kube(lab, 'Pod', 'openshift-ingress').filter((p) => p.metadata.ownerReferences?.some((o: Record<string, any>) => o.kind === 'ReplicaSet'));
    const owner = routers[0].metadata.ownerReferences.find((o: Record<string, any>) => o.kind === 'ReplicaSet').name;
    const result = await session(lab).run(`kubectl logs -n openshift-ingress rs/${owner} --all-pods --tail=1`);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const prefixes = result.stdout.split('\n').filter(Boolean).map((l) => /^\[pod\/([^/]+)\/([^\]]+)\] /.exec(l)?.slice(1, 3).join('/'));
    expect(prefixes).toEqual(routers.map((p) => `${p.metadata.name}/${p.spec.containers[0].name}`).sort());
  });
});
