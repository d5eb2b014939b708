// Which ARM and Kubernetes paths the bridge reads for the page: exactly the shapes the engine's
// commands send, nothing else. A path is normalised first (percent-decoded once, no dot segment,
// no encoded or back slash, no control character, no empty segment), then matched against an
// allow-list of resources, so a subresource (exec, attach, portforward, proxy), a watch or a
// resource type the terminal never reads is refused whatever its spelling. The one subresource let
// through is a pod's log as `kubectl logs` reads it: a GET of `pods/NAME/log` in a namespace, with
// only the parameters kubectl sends for a finished read (never `follow`).
import { everyApiResource } from '../../engine/index.ts';

/** Longer than any path the engine builds (an ARM metrics query is the longest, a few hundred characters). */
export const MAX_PATH_LENGTH = 2048;

/** Why a path is not a plain read, in words that complete "is not a plain read (…)". */
export class PathRefusal extends Error {}

export interface Normalised {
  /** Decoded segments, original spelling. */
  segments: string[];
  /** Decoded query parameters in order. */
  query: Array<[string, string]>;
}

const CONTROL = /[\x00-\x1f\x7f]/;

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new PathRefusal('a malformed percent-encoding');
  }
}

/** The one reading of a path a server can make: anything that could be read two ways is refused. */
export function normalise(path: string): Normalised {
  if (path.length > MAX_PATH_LENGTH) throw new PathRefusal(`longer than ${MAX_PATH_LENGTH} characters`);
  if (CONTROL.test(path)) throw new PathRefusal('a control character');
  if (path.includes('\\')) throw new PathRefusal('a backslash');
  if (path.includes('#')) throw new PathRefusal('a fragment');
  // Characters a URL always escapes: the engine escapes them, so a raw one was not sent by it.
  if (/[ "<>^`{|}]/.test(path)) throw new PathRefusal('a character that URLs escape');
  if (!path.startsWith('/')) throw new PathRefusal('not an absolute path');
  const mark = path.indexOf('?');
  const rawPath = mark < 0 ? path : path.slice(0, mark);
  const rawQuery = mark < 0 ? undefined : path.slice(mark + 1);
  // An encoded slash would be one segment here and two behind a server that decodes again.
  if (/%(2f|5c)/i.test(rawPath)) throw new PathRefusal('an encoded slash');
  const segments = rawPath.slice(1).split('/').map((raw) => {
    if (raw === '') throw new PathRefusal('an empty segment');
    const segment = decodeOnce(raw);
    if (segment === '.' || segment === '..') throw new PathRefusal('a dot segment');
    if (segment.includes('%')) throw new PathRefusal('a percent sign after decoding (double encoding)');
    if (CONTROL.test(segment)) throw new PathRefusal('a control character');
    return segment;
  });
  const query: Array<[string, string]> = [];
  if (rawQuery !== undefined) {
    for (const pair of rawQuery.split('&')) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new PathRefusal(`a query part ${JSON.stringify(pair)} that is not name=value`);
      const name = decodeOnce(pair.slice(0, eq));
      const value = decodeOnce(pair.slice(eq + 1));
      if (CONTROL.test(name) || CONTROL.test(value)) throw new PathRefusal('a control character');
      if (query.some(([seen]) => seen === name)) throw new PathRefusal(`the query parameter ${JSON.stringify(name)} twice`);
      query.push([name, value]);
    }
  }
  return { segments, query };
}

function onlyParameters(query: Array<[string, string]>, allowed: readonly string[], what: string): void {
  for (const [name] of query) {
    if (!allowed.includes(name)) throw new PathRefusal(`the query parameter ${JSON.stringify(name)}, which ${what}`);
  }
}

// ---- Kubernetes ------------------------------------------------------------------------------

interface KubeResource {
  group: string;
  version: string;
  plural: string;
  namespaced: boolean;
}

/** kubectl/oc's resource table (with the older versions an older server serves instead: the nodes'
 * leases, a namespace's quotas and limit ranges among them), plus OpenShift's users (`oc whoami` reads users/~). */
const KUBE_RESOURCES: readonly KubeResource[] = [
  ...everyApiResource,
  { group: 'user.openshift.io', version: 'v1', plural: 'users', namespaced: false },
];
const DISCOVERY = new Set(everyApiResource.filter((r) => r.group).map((r) => `apis/${r.group}/${r.version}`));
/** What listObjects sends; never watch, resourceVersion or limit/continue. */
const KUBE_QUERY = ['labelSelector', 'fieldSelector'] as const;
/** What `kubectl logs` sends with a pod's log: which container and which lines, never follow. */
const LOG_QUERY = ['container', 'previous', 'tailLines', 'timestamps', 'sinceSeconds', 'sinceTime', 'limitBytes'] as const;
/** Object and namespace names as kubectl sends what was typed (`svc/server,pods` is a NotFound, not
 * a refusal): printable ASCII but `;`, which some servers read as a path parameter. */
const KUBE_NAME = /^[ -:<-~]+$/;

/**
 * A Kubernetes path is `/api/v1[/namespaces/NS]/RESOURCE[/NAME]` or
 * `/apis/GROUP/VERSION[/namespaces/NS]/RESOURCE[/NAME]` for a resource in kubectl's table,
 * optionally with a label or field selector. Returns the path unchanged; throws PathRefusal.
 */
const SERVER_ENDPOINTS = new Set(['version', 'healthz', 'livez', 'readyz']);

export function kubeReadPath(path: string): string {
  const { segments, query } = normalise(path);
  // Discovery, which kubectl reads before it resolves a typed name: `/apis`, `/api/v1`, and the
  // resource list of a group/version kubectl's table knows.
  const discovery = segments.join('/');
  if (query.length === 0 && (discovery === 'api' || discovery === 'apis' || discovery === 'api/v1' || DISCOVERY.has(discovery))) return path;
  // The API server's version and health checks (`kubectl version`, `kubectl get --raw /healthz`).
  if (query.length === 0 && SERVER_ENDPOINTS.has(discovery)) return path;
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 2) [group, version, rest] = ['', segments[1], segments.slice(2)];
  else if (segments[0] === 'apis' && segments.length >= 3) [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  else throw new PathRefusal('not a resource path under /api or /apis');
  // `namespaces/NS` alone is a namespace; followed by more, it scopes the resource that follows.
  const scoped = rest[0] === 'namespaces' && rest.length >= 3;
  const namespace = scoped ? rest[1] : undefined;
  const [plural, name, ...beyond] = scoped ? rest.slice(2) : rest;
  if (plural === undefined) throw new PathRefusal('no resource');
  const resource = KUBE_RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
  if (!resource) throw new PathRefusal(`${JSON.stringify(`${group ? `${group}/` : ''}${version} ${plural}`)} is not a resource the terminal reads`);
  if (beyond.length === 1 && beyond[0] === 'log' && group === '' && plural === 'pods' && namespace !== undefined && name !== undefined) {
    for (const part of [namespace, name]) if (!KUBE_NAME.test(part)) throw new PathRefusal(`the name ${JSON.stringify(part)}, which no Kubernetes object has`);
    onlyParameters(query, LOG_QUERY, 'kubectl logs never sends');
    return path;
  }
  if (beyond.length > 0) throw new PathRefusal(`the subresource ${JSON.stringify(beyond[0])}`);
  if (namespace !== undefined && !resource.namespaced) throw new PathRefusal(`${plural} are not read inside a namespace`);
  if (namespace === undefined && resource.namespaced && name !== undefined) throw new PathRefusal(`one of the ${plural} is read inside its namespace`);
  for (const part of [namespace, name]) {
    if (part !== undefined && !KUBE_NAME.test(part)) throw new PathRefusal(`the name ${JSON.stringify(part)}, which no Kubernetes object has`);
  }
  if (name !== undefined && query.length > 0) throw new PathRefusal('a selector on one object');
  onlyParameters(query, KUBE_QUERY, 'kubectl never sends');
  return path;
}

// ---- ARM -------------------------------------------------------------------------------------

/** Resource types az reads (lower case), each with the child collections it reads below them. */
const ARM_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  ['microsoft.network/loadbalancers', ['backendaddresspools', 'frontendipconfigurations', 'loadbalancingrules', 'probes', 'outboundrules', 'inboundnatrules']],
  ['microsoft.network/publicipaddresses', []],
  ['microsoft.network/networkinterfaces', ['ipconfigurations']],
  ['microsoft.network/networksecuritygroups', ['securityrules']],
  ['microsoft.network/virtualnetworks', ['subnets', 'virtualnetworkpeerings']],
  ['microsoft.network/routetables', ['routes']],
  ['microsoft.network/privateendpoints', []],
  ['microsoft.network/natgateways', []],
  ['microsoft.network/networkwatchers', []],
  ['microsoft.network/privatednszones', ['a']],
  ['microsoft.compute/virtualmachines', []],
  ['microsoft.redhatopenshift/openshiftclusters', []],
]);
/** What `az monitor metrics list` sends (api-version is the live source's to add). */
const METRICS_QUERY = ['$filter', 'aggregation', 'interval', 'metricnames', 'orderby', 'timespan', 'top'] as const;
/** Subscription ids, group and resource names (resource groups may hold letters of any script, and parentheses). */
const ARM_NAME = /^[\p{L}\p{N}._()~-]+$/u;

function armName(name: string): void {
  if (!ARM_NAME.test(name)) throw new PathRefusal(`the name ${JSON.stringify(name)}, which no Azure resource has`);
}

/** `NS/TYPE[/NAME[/CHILD[/NAME]]]` below `providers/`; whether it names one resource. */
function armResource(parts: string[], inGroup: boolean): { named: boolean } {
  const [namespace, type, name, child, childName, ...beyond] = parts;
  if (type === undefined) throw new PathRefusal('a provider without a resource type');
  const key = `${namespace}/${type}`.toLowerCase();
  const children = ARM_TYPES.get(key);
  if (!children) throw new PathRefusal(`${JSON.stringify(`${namespace}/${type}`)} is not a resource type the terminal reads`);
  if (name === undefined) return { named: false };
  if (!inGroup) throw new PathRefusal('a resource outside a resource group');
  armName(name);
  if (child === undefined) return { named: true };
  if (!children.includes(child.toLowerCase())) throw new PathRefusal(`${JSON.stringify(child)}, which the terminal does not read below ${namespace}/${type}`);
  if (childName === undefined) return { named: false };
  armName(childName);
  if (beyond.length > 0) throw new PathRefusal(`${JSON.stringify(beyond[0])} below a child resource`);
  return { named: true };
}

/**
 * An ARM path is a subscription's resource groups or resources, a group, its resources, a
 * provider collection (in a group or subscription-wide), a resource of a type az reads and its
 * child collections, or Azure Monitor's metrics of such a resource (the only read with a query).
 * Returns the path unchanged; throws PathRefusal.
 */
export function armReadPath(path: string): string {
  const { segments, query } = normalise(path);
  const lower = segments.map((s) => s.toLowerCase());
  if (lower[0] !== 'subscriptions' || segments.length < 3) throw new PathRefusal('not below /subscriptions/ID');
  armName(segments[1]);
  // Azure Monitor: RESOURCE_ID/providers/Microsoft.Insights/metrics.
  const metrics = lower.slice(-3).join('/') === 'providers/microsoft.insights/metrics';
  const body = metrics ? segments.slice(0, -3) : segments;
  const lowerBody = lower.slice(0, body.length);
  if (body.length < 3) throw new PathRefusal('metrics of something that is not a resource');
  let named: boolean;
  if (lowerBody[2] === 'resources' && body.length === 3) named = false;
  else if (lowerBody[2] === 'providers') named = armResource(body.slice(3), false).named;
  else if (lowerBody[2] === 'resourcegroups') {
    if (body.length === 3) named = false;
    else {
      armName(body[3]);
      if (body.length === 4) named = true;
      else if (lowerBody[4] === 'resources' && body.length === 5) named = false;
      else if (lowerBody[4] === 'providers') named = armResource(body.slice(5), true).named;
      else throw new PathRefusal(`${JSON.stringify(body[4])}, which the terminal does not read in a resource group`);
    }
  } else throw new PathRefusal(`${JSON.stringify(body[2])}, which the terminal does not read in a subscription`);
  if (metrics && (!named || lowerBody[4] !== 'providers')) throw new PathRefusal('metrics of something that is not a resource');
  if (metrics) onlyParameters(query, METRICS_QUERY, 'az monitor metrics list never sends');
  else onlyParameters(query, [], 'az sends only with metrics');
  return path;
}
