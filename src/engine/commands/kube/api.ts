// Talking to the API server through the World, and turning its answers into kubectl's errors.
import type { Json, KubeObject, RestResponse, TransportFailure, World } from '../../world/types.ts';
import type { ApiResource } from '../../world/kube-resources.ts';
import { apiResources, qualifiedPlural, resourcePath, resourcesOfDiscovery } from '../../world/kube-resources.ts';
import { arr, field, isJsonObject, optStr, type JsonObject } from '../../world/json.ts';
import { isKubeObject } from '../../world/schema/kube.ts';

/** An error kubectl prints as is (after "error: " or in the API server's words). */
export class KubeError extends Error {
  /** The complete stderr line(s), without the trailing newline. */
  readonly text: string;
  readonly notFound: boolean;
  constructor(text: string, notFound = false) {
    super(text);
    this.text = text;
    this.notFound = notFound;
  }
}

/** kubectl's StandardErrorMessage for an API Status: "Error from server (Reason): message". */
export function serverError(status: number, body: Json, fallbackMessage: string): KubeError {
  const reason = optStr(field(body, 'reason')) ?? '';
  const message = optStr(field(body, 'message')) ?? fallbackMessage;
  if (reason === 'Unauthorized') return new KubeError(`error: You must be logged in to the server (${message})`);
  const text = reason ? `Error from server (${reason}): ${message}` : `Error from server: ${message}`;
  return new KubeError(text, status === 404 || reason === 'NotFound');
}

/** kubectl's words when the API server gives no answer (live mode). */
function transportError(failure: TransportFailure): KubeError {
  switch (failure.kind) {
    case 'refused':
      return new KubeError(`The connection to the server ${failure.endpoint} was refused - did you specify the right host or port?`);
    case 'timeout':
      return new KubeError(`Unable to connect to the server: dial tcp ${failure.endpoint}: i/o timeout`);
    case 'malformed':
      return new KubeError(`error: the server ${failure.endpoint} answered with something that is not JSON: ${failure.detail}`);
    case 'credentials':
    case 'not-allowed':
      return new KubeError(`error: ${failure.detail}`);
    default:
      return new KubeError(`Unable to connect to the server: ${failure.detail}`);
  }
}

/** Receives the texts of the API server's warnings (kubectl prints each as `Warning: text`). */
export type WarningHandler = (text: string) => void;

/** The texts of an HTTP Warning header (`299 - "text"`, several separated by commas). */
export function warningTexts(header: string | undefined): string[] {
  if (!header) return [];
  const texts: string[] = [];
  for (const m of header.matchAll(/\d{3} +\S+ +"((?:[^"\\]|\\.)*)"/g)) texts.push(m[1].replace(/\\(.)/g, '$1'));
  return texts;
}

/** A GET through the World; a missing answer becomes kubectl's connection error. */
async function kubeGet(world: World, path: string, warn?: WarningHandler): Promise<RestResponse> {
  const response = await world.kube(path);
  if (response.failure) throw transportError(response.failure);
  if (warn) for (const text of warningTexts(response.headers?.warning ?? response.headers?.Warning)) warn(text);
  return response;
}

/** GET of one object; NotFound and other failures become KubeErrors. */
export async function getObject(world: World, res: ApiResource, namespace: string, name: string, warn?: WarningHandler): Promise<KubeObject> {
  const response = await kubeGet(world, resourcePath(res, namespace, name), warn);
  if (response.status !== 200 || !isJsonObject(response.body)) {
    const error = serverError(response.status, response.body, `${qualifiedPlural(res)} "${name}" not found`);
    // cli-runtime's Info.Get: a NotFound in a namespace other than default is reported as the
    // namespace's NotFound when the namespace itself does not exist.
    if (error.notFound && res.namespaced && namespace !== '' && namespace !== 'default') {
      const ns = await kubeGet(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}`);
      if (ns.status === 404) throw serverError(404, ns.body, `namespaces "${namespace}" not found`);
    }
    throw error;
  }
  return withTypeMeta(response.body, res);
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  warn?: WarningHandler;
}

/** LIST of a collection (namespace undefined: all namespaces, or a cluster-scoped resource). */
export async function listObjects(
  world: World,
  res: ApiResource,
  namespace: string | undefined,
  options: ListOptions = {},
): Promise<{ items: KubeObject[]; resourceVersion: string }> {
  const query: string[] = [];
  if (options.labelSelector) query.push(`labelSelector=${encodeURIComponent(options.labelSelector)}`);
  if (options.fieldSelector) query.push(`fieldSelector=${encodeURIComponent(options.fieldSelector)}`);
  const path = resourcePath(res, namespace) + (query.length ? `?${query.join('&')}` : '');
  const response = await kubeGet(world, path, options.warn);
  // A collection the world does not model answers 404; a real API server that serves the
  // resource lists it as empty (even in a namespace that does not exist).
  if (response.status === 404) return { items: [], resourceVersion: '' };
  if (response.status !== 200 || !isJsonObject(response.body)) {
    throw serverError(response.status, response.body, 'the server could not find the requested resource');
  }
  const body = response.body;
  // Printed in the order the API server sends (storage-key order: namespace, then name).
  const items = arr(body.items).filter(isJsonObject).map((i) => withTypeMeta(i, res));
  return { items, resourceVersion: optStr(field(body, 'metadata', 'resourceVersion')) ?? '' };
}

/** List items come without apiVersion/kind; kubectl's unstructured decoding fills them in. What
 * is then still no Kubernetes object (no name, labels that are not strings) is the server's fault. */
function withTypeMeta(o: JsonObject, res: ApiResource): KubeObject {
  const apiVersion = res.group === '' ? res.version : `${res.group}/${res.version}`;
  const typed = o.apiVersion && o.kind ? o : { ...o, apiVersion: o.apiVersion || apiVersion, kind: o.kind || res.kind, metadata: o.metadata ?? { name: '' } };
  if (isKubeObject(typed)) return typed;
  throw new KubeError(`error: the server answered a ${res.kind} that is not a Kubernetes object`);
}

const discovered = new WeakMap<World, Promise<readonly ApiResource[]>>();

/** The resources the server serves, as kubectl learns them from discovery (`/apis`) before it
 * resolves a typed name: an older server lacks some (Kubernetes 1.16 has no EndpointSlice) or serves
 * them at older versions, and a custom resource exists only where its definition was installed.
 * Live mode passes no discovery through the bridge: there kubectl's table is taken as it is. */
export function discoveredResources(world: World): Promise<readonly ApiResource[]> {
  if (world.source === 'live') return Promise.resolve(apiResources);
  let served = discovered.get(world);
  if (!served) {
    served = discover(world).catch(() => apiResources);
    discovered.set(world, served);
  }
  return served;
}

/** Legacy discovery: `/apis` names the group versions, each one's list its resources (`/api/v1` the core's). */
async function discover(world: World): Promise<readonly ApiResource[]> {
  const groups = await world.kube('/apis');
  if (groups.status !== 200 || groups.failure) return apiResources;
  const groupVersions = ['v1', ...arr(field(groups.body, 'groups')).flatMap((g) => arr(field(g, 'versions')).map((v) => optStr(field(v, 'groupVersion')) ?? ''))];
  const lists = new Map<string, string[]>();
  for (const gv of groupVersions) {
    const list = await world.kube(gv === 'v1' ? '/api/v1' : `/apis/${gv}`);
    const resources = list.status === 200 ? arr(field(list.body, 'resources')) : [];
    lists.set(gv, resources.map((r) => optStr(field(r, 'name')) ?? ''));
  }
  return resourcesOfDiscovery(lists);
}
