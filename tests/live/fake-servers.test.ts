// The fake ARM and Kubernetes servers answer lists, errors and headers exactly as the real ones
// do, so that live mode is tested against what it will meet: no kind in list items (the API
// server leaves TypeMeta out of typed list items), a `<Kind>List` with a resourceVersion, an empty
// list for a resource with no objects, Status bodies for errors, ARM's error envelope, and each
// server's usual headers.
import { afterAll, describe, expect, it } from 'vitest';
import { loadLab } from '../../src/node/labs.ts';
import { KubeIndex } from '../../src/engine/sources/fixture/kube.ts';
import type { KubeObject } from '../../src/engine/world/types.ts';
import { ARM_TOKEN, KUBE_TOKEN, startFakeCluster } from '../helpers/fake-cluster.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('fake servers answer as the real ones', async () => {
  const lab = await loadLab({ name: 'aro2' });
  const fake = await startFakeCluster(lab);
  afterAll(() => fake.close());
  // token null: no Authorization header at all.
  const kube = (path: string, token: string | null = KUBE_TOKEN) => fetch(`${fake.kubeUrl}${path}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
  const arm = (path: string, token: string | null = ARM_TOKEN) => fetch(`${fake.armUrl}${path}`, { headers: token === null ? {} : { Authorization: `Bearer ${token}` } });
  const subscription = String(lab.info.account.id);

  it('lists without kind or apiVersion in the items, as a <Kind>List with a resourceVersion', async () => {
    for (const [path, kind] of [['/api/v1/namespaces/project1/pods', 'PodList'], ['/api/v1/nodes', 'NodeList'], ['/apis/route.openshift.io/v1/routes', 'RouteList'], ['/apis/project.openshift.io/v1/projects', 'ProjectList']]) {
      const response = await kube(path);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(Object.keys(body)).toEqual(['kind', 'apiVersion', 'metadata', 'items']);
      expect(body.kind).toBe(kind);
      expect(body.metadata.resourceVersion).toMatch(/^\d+$/);
      expect(body.items.length).toBeGreaterThan(0);
      for (const item of body.items) {
        expect(item).not.toHaveProperty('kind');
        expect(item).not.toHaveProperty('apiVersion');
        expect(item.metadata.name).toEqual(expect.any(String));
      }
    }
  });

  it('keeps kind and apiVersion on a single object, and in the items of a custom resource list', async () => {
    const pod = lab.kube.find((o) => o.kind === 'Pod')!;
    const one = await (await kube(`/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`)).json();
    expect([one.kind, one.apiVersion]).toEqual(['Pod', 'v1']);
    // config.openshift.io is served from CRDs: the API server stores and lists the whole object.
    const infrastructure = { apiVersion: 'config.openshift.io/v1', kind: 'Infrastructure', metadata: { name: 'cluster' }, status: { apiServerURL: 'https://api.example.com:6443' } };
    const list = new KubeIndex([infrastructure as unknown as KubeObject]).get('/apis/config.openshift.io/v1/infrastructures').body as { kind: string; items: Array<Record<string, unknown>> };
    expect(list.kind).toBe('InfrastructureList');
    expect([list.items[0].kind, list.items[0].apiVersion]).toEqual(['Infrastructure', 'config.openshift.io/v1']);
  });

  it('lists a served resource with no objects as an empty list, and names it in a NotFound', async () => {
    const empty = await kube('/api/v1/namespaces/project1/configmaps');
    expect(empty.status).toBe(200);
    expect(await empty.json()).toMatchObject({ kind: 'ConfigMapList', apiVersion: 'v1', items: [] });
    const missing = await kube('/api/v1/namespaces/project1/secrets/db');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'secrets "db" not found', reason: 'NotFound', details: { name: 'db', kind: 'secrets' }, code: 404 });
    const route = await (await kube('/apis/route.openshift.io/v1/namespaces/project1/routes/nope')).json();
    expect(route.details).toEqual({ name: 'nope', group: 'route.openshift.io', kind: 'routes' });
    expect(route.message).toBe('routes.route.openshift.io "nope" not found');
  });

  it('answers paths it does not serve with the API server\'s 404 Status', async () => {
    const notServed = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 };
    for (const path of ['/apis/example.com/v1/widgets', '/api/v1/pods/sqlapi-1-8jgx8', '/api/v1/namespaces/project1/nodes']) {
      const response = await kube(path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.json()).toEqual(notServed);
    }
  });

  it('refuses a missing or wrong token with the Unauthorized Status, and sends the API server\'s headers', async () => {
    for (const token of [null, 'sha256~wrong']) {
      const response = await kube('/api/v1/namespaces/project1/pods', token);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    }
    const response = await kube('/api/v1/namespaces/project1/pods');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-cache, private');
    expect(response.headers.get('audit-id')).toMatch(UUID);
  });

  it('ARM: tells a missing Authorization header from an invalid token, with its challenge', async () => {
    const group = `/subscriptions/${subscription}/resourceGroups/aro2?api-version=2022-09-01`;
    const missing = await arm(group, null);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." } });
    expect(missing.headers.get('www-authenticate')).toBe(`Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The authentication failed because of missing 'Authorization' header."`);
    const invalid = await arm(group, 'not-the-token');
    expect(invalid.status).toBe(401);
    expect(await invalid.json()).toEqual({ error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } });
    expect(invalid.headers.get('www-authenticate')).toContain('error_description="The access token is invalid."');
  });

  it('ARM: errors in its envelope, and its request ids and headers on every answer', async () => {
    const noVersion = await arm(`/subscriptions/${subscription}/resourceGroups/aro2`);
    expect(noVersion.status).toBe(400);
    expect(await noVersion.json()).toEqual({ error: { code: 'MissingApiVersionParameter', message: 'The api-version query parameter (?api-version=) is required for all requests.' } });
    const missing = await arm(`/subscriptions/${subscription}/resourceGroups/nope?api-version=2022-09-01`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'ResourceGroupNotFound', message: "Resource group 'nope' could not be found." } });
    const ok = await arm(`/subscriptions/${subscription}/resourceGroups/aro2?api-version=2022-09-01`);
    expect(ok.status).toBe(200);
    for (const response of [noVersion, missing, ok]) {
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('x-ms-request-id')).toMatch(UUID);
      expect(response.headers.get('x-ms-correlation-request-id')).toMatch(UUID);
      expect(response.headers.get('x-ms-routing-request-id')).toMatch(/^[A-Z]+:\d{8}T\d{6}Z:[0-9a-f-]{36}$/);
    }
    expect(ok.headers.get('x-ms-ratelimit-remaining-subscription-reads')).toMatch(/^\d+$/);
  });
});
