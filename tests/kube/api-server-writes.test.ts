// The fixture API server's writes: what POST, PUT, PATCH and DELETE answer and what they leave in
// the world, with the API server's Status bodies for what it refuses.
import { describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import type { Json, RestWrite, World } from '../../src/engine/world/types.ts';
import { field } from '../../src/engine/world/json.ts';

const lab = await loadLab({ name: 'aro2' });
const fresh = () => createFixtureWorld(lab);
const post = (path: string, body: Json): RestWrite => ({ method: 'POST', path, body, contentType: 'application/json' });
const get = async (world: World, path: string) => world.kube(path);
const maxVersion = Math.max(...lab.kube.map((o) => Number(o.metadata.resourceVersion) || 0));

const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'lab' } };

describe('POST creates', () => {
  it('stores the object with a uid, a later resourceVersion and the lab clock as creationTimestamp, and answers 201', async () => {
    const world = fresh();
    const created = await world.kubeWrite!(post('/api/v1/namespaces/project1/configmaps', configMap));
    expect(created.status).toBe(201);
    expect(field(created.body, 'metadata', 'namespace')).toBe('project1');
    expect(field(created.body, 'metadata', 'creationTimestamp')).toBe(lab.info.clock);
    expect(Number(field(created.body, 'metadata', 'resourceVersion'))).toBeGreaterThan(maxVersion);
    expect(field(created.body, 'metadata', 'uid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const read = await get(world, '/api/v1/namespaces/project1/configmaps/settings');
    expect(field(read.body, 'data', 'mode')).toBe('lab');
    expect(world.changes!.count).toBe(1);
  });

  it('refuses a name in use with 409 AlreadyExists, in the API server words', async () => {
    const world = fresh();
    const answer = await world.kubeWrite!(post('/api/v1/namespaces/project1/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'sqlapi' }, spec: { ports: [{ port: 80 }] } }));
    expect(answer).toEqual({ status: 409, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'services "sqlapi" already exists', reason: 'AlreadyExists', details: { name: 'sqlapi', kind: 'services' }, code: 409 } });
    expect(world.changes!.count).toBe(0);
  });

  it('refuses a namespace that does not exist with NotFound of the namespace', async () => {
    const answer = await fresh().kubeWrite!(post('/api/v1/namespaces/nowhere/configmaps', configMap));
    expect(answer.status).toBe(404);
    expect(field(answer.body, 'message')).toBe('namespaces "nowhere" not found');
  });

  it('refuses an invalid object with 422 Invalid naming the field', async () => {
    const answer = await fresh().kubeWrite!(post('/api/v1/namespaces/project1/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: {} }));
    expect(answer.status).toBe(422);
    expect(field(answer.body, 'message')).toBe('Service "web" is invalid: spec.ports: Required value');
    expect(field(answer.body, 'details', 'causes')).toEqual([{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.ports' }]);
  });

  it("fills a Service's defaults: a free cluster IP of the service network, the port's protocol and target port", async () => {
    const answer = await fresh().kubeWrite!(post('/api/v1/namespaces/project1/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'sqlapi' }, ports: [{ port: 80 }] } }));
    const spec = field(answer.body, 'spec');
    const ip = String(field(spec, 'clusterIP'));
    expect(ip.startsWith('172.30.')).toBe(true);
    const taken = lab.kube.filter((o) => o.kind === 'Service').map((o) => field(o.spec, 'clusterIP'));
    expect(taken).not.toContain(ip);
    expect(field(spec, 'ports')).toEqual([{ port: 80, protocol: 'TCP', targetPort: 80 }]);
    expect(field(spec, 'type')).toBe('ClusterIP');
    expect(field(spec, 'sessionAffinity')).toBe('None');
  });

  it('gives a Route without a host the generated one, <name>-<namespace>.<apps domain>', async () => {
    const answer = await fresh().kubeWrite!(post('/apis/route.openshift.io/v1/namespaces/project1/routes', { apiVersion: 'route.openshift.io/v1', kind: 'Route', metadata: { name: 'web' }, spec: { to: { kind: 'Service', name: 'sqlapi' } } }));
    const existing = lab.kube.find((o) => o.kind === 'Route' && o.metadata.name === 'sqlapilb');
    const domain = String(field(existing?.spec, 'host')).replace(/^sqlapilb-project1\./, '');
    expect(field(answer.body, 'spec', 'host')).toBe(`web-project1.${domain}`);
    expect(field(answer.body, 'spec', 'to', 'weight')).toBe(100);
  });

  it("sets a NetworkPolicy's policyTypes and generation 1", async () => {
    const answer = await fresh().kubeWrite!(post('/apis/networking.k8s.io/v1/namespaces/project1/networkpolicies', { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'only-api' }, spec: { podSelector: { matchLabels: { app: 'server' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'sqlapi' } } }] }] } }));
    expect(field(answer.body, 'spec', 'policyTypes')).toEqual(['Ingress']);
    expect(field(answer.body, 'metadata', 'generation')).toBe(1);
  });

  it('changes nothing on a dry run, yet answers as the create would', async () => {
    const world = fresh();
    const answer = await world.kubeWrite!(post('/api/v1/namespaces/project1/configmaps?dryRun=All', configMap));
    expect(answer.status).toBe(201);
    expect((await get(world, '/api/v1/namespaces/project1/configmaps/settings')).status).toBe(404);
    expect(world.changes!.count).toBe(0);
  });

  it('refuses a cluster-scoped write as RBAC refuses it', async () => {
    const answer = await fresh().kubeWrite!({ method: 'DELETE', path: '/api/v1/nodes/aro2-p8bjm-master-0' });
    expect(answer.status).toBe(403);
    expect(field(answer.body, 'message')).toBe('nodes "aro2-p8bjm-master-0" is forbidden: User "kube:admin" cannot delete resource "nodes" in API group "" at the cluster scope');
  });
});

describe('PATCH and PUT update', () => {
  const patch = (path: string, body: Json, contentType: string): RestWrite => ({ method: 'PATCH', path, body, contentType });

  it('applies a merge patch to labels and keeps the object otherwise', async () => {
    const world = fresh();
    const before = lab.kube.find((o) => o.kind === 'Service' && o.metadata.name === 'sqlapi')!;
    const answer = await world.kubeWrite!(patch('/api/v1/namespaces/project1/services/sqlapi', { metadata: { labels: { tier: 'api' } } }, 'application/merge-patch+json'));
    expect(answer.status).toBe(200);
    expect(field(answer.body, 'metadata', 'labels')).toEqual({ ...before.metadata.labels, tier: 'api' });
    expect(field(answer.body, 'spec', 'clusterIP')).toBe(field(before.spec, 'clusterIP'));
    expect(Number(field(answer.body, 'metadata', 'resourceVersion'))).toBeGreaterThan(maxVersion);
  });

  it('keeps the resourceVersion when the patch changes nothing', async () => {
    const before = lab.kube.find((o) => o.kind === 'Service' && o.metadata.name === 'sqlapi')!;
    const answer = await fresh().kubeWrite!(patch('/api/v1/namespaces/project1/services/sqlapi', { metadata: { labels: before.metadata.labels ?? {} } }, 'application/merge-patch+json'));
    expect(field(answer.body, 'metadata', 'resourceVersion')).toBe(before.metadata.resourceVersion);
  });

  it('merges containers by name in a strategic merge patch, and bumps the generation of a changed spec', async () => {
    const dc = lab.kube.find((o) => o.kind === 'DeploymentConfig' && o.metadata.name === 'sqlapi')!;
    const answer = await fresh().kubeWrite!(patch('/apis/apps.openshift.io/v1/namespaces/project1/deploymentconfigs/sqlapi', { spec: { template: { spec: { containers: [{ name: 'sqlapi', env: [{ name: 'MODE', value: 'lab' }] }] } } } }, 'application/strategic-merge-patch+json'));
    expect(answer.status).toBe(200);
    const containers = field(answer.body, 'spec', 'template', 'spec', 'containers');
    expect(Array.isArray(containers) && containers.length).toBe(1);
    expect(field(containers, 0, 'image')).toBe(field(dc.spec, 'template', 'spec', 'containers', 0, 'image'));
    expect(field(containers, 0, 'env')).toContainEqual({ name: 'MODE', value: 'lab' });
    expect(field(answer.body, 'metadata', 'generation')).toBe(Number(dc.metadata.generation) + 1);
  });

  it("defaults what an update decodes: a merge patch that replaces a template's containers gets their defaults again", async () => {
    const answer = await fresh().kubeWrite!(patch('/apis/apps.openshift.io/v1/namespaces/project1/deploymentconfigs/sqlapi', { spec: { template: { spec: { containers: [{ name: 'sqlapi', image: 'quay.io/lab/sqlapi:2' }] } } } }, 'application/merge-patch+json'));
    expect(field(answer.body, 'spec', 'template', 'spec', 'containers', 0)).toEqual({ name: 'sqlapi', image: 'quay.io/lab/sqlapi:2', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' });
  });

  it('applies a JSON patch, and refuses one whose path is missing', async () => {
    const world = fresh();
    const ok = await world.kubeWrite!(patch('/api/v1/namespaces/project1/services/sqlapi', [{ op: 'add', path: '/metadata/annotations', value: { note: 'x' } }], 'application/json-patch+json'));
    expect(field(ok.body, 'metadata', 'annotations')).toEqual({ note: 'x' });
    const bad = await world.kubeWrite!(patch('/api/v1/namespaces/project1/services/sqlapi', [{ op: 'remove', path: '/spec/nothing' }], 'application/json-patch+json'));
    expect(bad.status).toBe(422);
  });

  it('refuses a PUT naming an older resourceVersion with 409 Conflict', async () => {
    const before = lab.kube.find((o) => o.kind === 'Service' && o.metadata.name === 'sqlapi')!;
    const answer = await fresh().kubeWrite!({ method: 'PUT', path: '/api/v1/namespaces/project1/services/sqlapi', body: structuredClone({ ...before, metadata: { ...before.metadata, resourceVersion: '1' } }) as Json });
    expect(answer.status).toBe(409);
    expect(field(answer.body, 'message')).toBe('Operation cannot be fulfilled on services "sqlapi": the object has been modified; please apply your changes to the latest version and try again');
  });
});

describe('DELETE', () => {
  it('answers a scheduled pod marked for graceful deletion, removes it and keeps it in the past', async () => {
    const world = fresh();
    const answer = await world.kubeWrite!({ method: 'DELETE', path: '/api/v1/namespaces/project1/pods/sqlapi-1-deploy', body: { propagationPolicy: 'Background' } });
    expect(answer.status).toBe(200);
    expect(field(answer.body, 'metadata', 'deletionGracePeriodSeconds')).toBe(30);
    expect(field(answer.body, 'metadata', 'deletionTimestamp')).toBe(new Date(Date.parse(lab.info.clock) + 30_000).toISOString().replace('.000Z', 'Z'));
    expect((await world.kube('/api/v1/namespaces/project1/pods/sqlapi-1-deploy')).status).toBe(404);
    expect(world.changes!.current().past?.some((p) => p.object.metadata.name === 'sqlapi-1-deploy' && p.deletedAt === lab.info.clock)).toBe(true);
  });

  it('answers NotFound for a name that is not there', async () => {
    const answer = await fresh().kubeWrite!({ method: 'DELETE', path: '/apis/route.openshift.io/v1/namespaces/project1/routes/nope' });
    expect(answer.body).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'routes.route.openshift.io "nope" not found', reason: 'NotFound', details: { name: 'nope', group: 'route.openshift.io', kind: 'routes' }, code: 404 });
  });

  it("removes a service's endpoints with it", async () => {
    const world = fresh();
    await world.kubeWrite!({ method: 'DELETE', path: '/api/v1/namespaces/project1/services/sqlapilb' });
    expect((await world.kube('/api/v1/namespaces/project1/endpoints/sqlapilb')).status).toBe(404);
    expect((await world.kube('/api/v1/namespaces/project1/endpoints/sqlapi')).status).toBe(200);
  });

  it('lets the garbage collector remove the dependents of a deleted owner, or orphan them', async () => {
    const world = fresh();
    await world.kubeWrite!({ method: 'DELETE', path: '/api/v1/namespaces/project1/replicationcontrollers/server-1', body: { propagationPolicy: 'Orphan' } });
    const orphan = await world.kube('/api/v1/namespaces/project1/pods/server-1-ppl25');
    expect(orphan.status).toBe(200);
    expect(field(orphan.body, 'metadata', 'ownerReferences')).toBeUndefined();
    const other = fresh();
    await other.kubeWrite!({ method: 'DELETE', path: '/api/v1/namespaces/project1/replicationcontrollers/server-1', body: { propagationPolicy: 'Background' } });
    expect((await other.kube('/api/v1/namespaces/project1/pods/server-1-ppl25')).status).toBe(404);
  });
});
