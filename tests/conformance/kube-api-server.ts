// A Kubernetes API server on 127.0.0.1 for the real kubectl, serving one lab's objects: legacy
// discovery (/api, /apis, resource lists of what the lab's server serves), the objects as JSON,
// and `meta.k8s.io/v1` Tables whose cells come from the engine's server-side printers (the rules
// in kubectl-rules.md). What the references then record is kubectl's own client side: layout,
// headers, prefixes, messages, exit codes and every printer but the server's cells.
// The objects are a fixture world's: POST, PUT, PATCH and DELETE go through its `kubeWrite` (the
// lab's API server rules, then its controllers), and every read after a write sees the changed
// world. `reset()` puts the lab back as loaded, so each corpus entry starts from it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json, KubeObject, LabFile } from '../../src/engine/world/types.ts';
import { createFixtureWorld } from '../../src/engine/sources/fixture/index.ts';
import { selfAccessReview } from '../../src/engine/model/access-review.ts';
import { CURRENT_USER } from '../../src/engine/commands/kube/cluster.ts';
import { servedObjects } from '../../src/engine/sources/fixture/controllers/endpoints.ts';
import { discoveryDocument, servedBy, type ApiResource } from '../../src/engine/world/kube-resources.ts';
import { printerFor } from '../../src/engine/format/kube/printers/index.ts';

const groupVersion = (group: string, version: string) => (group ? `${group}/${version}` : version);

/** The Table the API server sends for `kubectl get` (every column; kubectl drops priority 1 without -o wide). */
function table(objects: KubeObject[], listMeta: Json, now: Date, includeObject: string): Json {
  const first = objects[0];
  const sample = objects.find((o) => o.kind === 'ClusterOperator' && o.metadata.name !== 'aro') ?? first;
  const printer = first ? printerFor(first.apiVersion.includes('/') ? first.apiVersion.slice(0, first.apiVersion.lastIndexOf('/')) : '', first.kind, sample) : printerFor('', '');
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: printer.columns.map((c) => ({ name: c.name, type: 'string', format: c.format ?? '', description: '', priority: c.priority })),
    rows: objects.map((o) => ({
      cells: printer.cells(o, { now, wide: true }),
      object: (includeObject === 'Object' ? o : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata }) as unknown as Json,
    })),
  };
}

/** The lists `kubectl describe` prints only as ages, computed on kubectl's own clock: the events
 * it searches for an object (fieldSelector involvedObject.…) and the pods of a node it lists
 * (fieldSelector spec.nodeName=…). kubectl is a static Go binary whose clock cannot be set, so
 * these answers carry their times moved by (now − the lab's clock): kubectl then prints the ages
 * it would print at the lab's clock (times are whole seconds, so the milliseconds between the
 * answer and the printing do not change a truncated age). Every other answer is the lab's as it is. */
function agesOnly(url: URL): boolean {
  const fields = url.searchParams.get('fieldSelector') ?? '';
  return (url.pathname.endsWith('/events') && fields.includes('involvedObject.')) || (url.pathname.endsWith('/pods') && fields.includes('spec.nodeName'));
}

const TIME_FIELDS = new Set(['firstTimestamp', 'lastTimestamp', 'eventTime', 'lastObservedTime', 'creationTimestamp']);

function shifted(value: Json, ms: number): Json {
  if (Array.isArray(value)) return value.map((v) => shifted(v, ms));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    if (TIME_FIELDS.has(k) && typeof v === 'string' && !Number.isNaN(Date.parse(v))) {
      const t = new Date(Date.parse(v) + ms).toISOString();
      out[k] = k === 'eventTime' || k === 'lastObservedTime' ? t.replace('Z', '000Z') : t.replace(/\.\d{3}Z$/, 'Z');
    } else out[k] = shifted(v, ms);
  }
  return out;
}

/** A write's body: JSON as kubectl sends it (none for a bare DELETE). */
function readBody(req: http.IncomingMessage): Promise<Json | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() ? (JSON.parse(text) as Json) : undefined);
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

/** OpenAPI v3 as far as kubectl reads it before a write: the index of group versions, and for each
 * one the PATCH operation of each resource, tagged with its kind and declaring the fieldValidation
 * parameter (kubectl's QueryParamVerifierV3 then lets the server validate, as against a real
 * server, instead of downloading the schemas). No schemas: kubectl apply then computes its patch as
 * it does without them (a strategic merge patch for the types it knows, a merge patch for others). */
function openApiV3(path: string, served: readonly ApiResource[]): Json | undefined {
  const gv = (r: ApiResource) => (r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`);
  if (path === '/openapi/v3') return { paths: Object.fromEntries([...new Set(served.map(gv))].map((p) => [p, { serverRelativeURL: `/openapi/v3/${p}?hash=lab` }])) };
  const of = served.filter((r) => `/openapi/v3/${gv(r)}` === path);
  if (of.length === 0) return undefined;
  const paths: Record<string, Json> = {};
  for (const r of of) {
    const item = `/${gv(r)}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}/{name}`;
    paths[item] = { patch: { parameters: [{ name: 'fieldValidation', in: 'query', schema: { type: 'string' } }], 'x-kubernetes-group-version-kind': { group: r.group, version: r.version, kind: r.kind } } };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1' }, paths, components: { schemas: {} } };
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const isWriteMethod = (m: string | undefined): m is 'POST' | 'PUT' | 'PATCH' | 'DELETE' => m !== undefined && WRITE_METHODS.has(m);

export async function startKubeApiServer(lab: LabFile): Promise<{ url: string; close(): Promise<void>; reset(): void }> {
  // The fixture world: pods' logs as it serves them (a fresh session: no request of the reader's yet).
  const world = createFixtureWorld(lab);
  // What the server serves, by the world as it stands (a write may add a custom resource's first object).
  let servedAt = -1;
  let servedNow: readonly ApiResource[] = [];
  const served = (): readonly ApiResource[] => {
    const count = world.changes?.count ?? 0;
    if (count !== servedAt) [servedAt, servedNow] = [count, servedBy(servedObjects(world.changes?.current() ?? lab))];
    return servedNow;
  };
  const index = { get served() { return served(); }, get: (path: string) => world.kube(path) };
  const now = new Date(lab.info.clock);
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: Json, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    // A write of the world (the access review below excepted): answered by the lab's API server rules.
    if (isWriteMethod(req.method) && url.pathname !== '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews' && world.kubeWrite) {
      const body = await readBody(req);
      const contentType = req.headers['content-type'];
      const answer = await world.kubeWrite({ method: req.method, path: `${url.pathname}${url.search}`, ...(body !== undefined ? { body } : {}), ...(contentType ? { contentType } : {}) });
      return send(answer.status, answer.body, answer.headers ?? {});
    }
    // The one write the server answers: a SelfSubjectAccessReview (`kubectl auth can-i`), decided by
    // the lab's authorizer for the user the lab logs in as. kubectl sends it as protobuf; the lab's
    // authorizer allows or refuses by user alone, so the answer (JSON, which client-go reads by its
    // Content-Type) needs nothing of the request but that it came.
    if (req.method === 'POST' && url.pathname === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews') {
      req.resume();
      req.on('end', () => send(201, { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: {}, spec: {}, status: selfAccessReview(CURRENT_USER, {}) } as unknown as Json));
      return;
    }
    const openapi = req.method === 'GET' ? openApiV3(url.pathname, index.served) : undefined;
    if (openapi) return send(200, openapi);
    // Discovery lists what the lab's server serves: by its version (no EndpointSlice on 1.16) and the
    // custom resources whose objects it holds, exactly as the engine's fixture answers it.
    const discovery = url.pathname === '/api' ? undefined : discoveryDocument(url.pathname, index.served);
    if (discovery) return send(200, discovery as Json);
    if (/^\/apis\/[^/]+\/[^/]+$/.test(url.pathname)) return send(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
    // /version and the health checks answer as the lab's server does (its own Kubernetes version):
    // the references are made with kubectl 1.32 run by name, whatever the server reports.
    let answer = await index.get(`${url.pathname}${url.search}`);
    // A collection the lab holds nothing of: a real API server serving the resource lists it empty.
    const collection = index.served.find((r) => url.pathname.endsWith(`/${r.plural}`) && url.pathname.includes(r.group ? `/apis/${r.group}/${r.version}/` : `/api/${r.version}/`));
    if (answer.status === 404 && collection && (answer.body as { message?: string }).message === 'the server could not find the requested resource') {
      answer = { status: 200, body: { kind: `${collection.kind}List`, apiVersion: groupVersion(collection.group, collection.version), metadata: { resourceVersion: '1' }, items: [] } };
    }
    const wantsTable = /as=Table/.test(req.headers.accept ?? '');
    const headers = answer.headers ?? {};
    if (answer.status === 200 && !wantsTable && agesOnly(url)) return send(200, shifted(answer.body, Date.now() - now.getTime()), headers);
    if (typeof answer.body === 'string') {
      res.writeHead(answer.status, { 'Content-Type': 'text/plain', ...headers });
      return res.end(answer.body);
    }
    if (answer.status !== 200 || !wantsTable) return send(answer.status, answer.body, headers);
    const body = answer.body as { items?: KubeObject[]; metadata?: Json } & KubeObject;
    const includeObject = url.searchParams.get('includeObject') ?? 'Metadata';
    // List items come without kind/apiVersion, as from a real API server; rows carry them whole.
    const typed = (items: Array<Partial<KubeObject>>) => items.map((o) => ({ ...o, apiVersion: o.apiVersion ?? body.apiVersion, kind: o.kind ?? body.kind.replace(/List$/, '') }) as KubeObject);
    if (Array.isArray(body.items)) return send(200, table(typed(body.items), body.metadata ?? {}, now, includeObject), headers);
    return send(200, table([body], {}, now, includeObject), headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    reset: () => world.changes?.reset(),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
