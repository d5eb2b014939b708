// `oc describe route`: oc's RouteDescriber (openshift/oc pkg/helpers/describe/describer.go, with
// helpers.go's formatMeta/formatString and text/tabwriter Init(0, 8, 1, '\t', 0)). No oc binary
// runs here, so its tests are goldens written from that source rather than recorded output.
// kubectl has no describer for routes: `kubectl describe route` is the generic describer.
import type { KubeObject, World } from '../../../world/types.ts';
import { getTyped } from './events.ts';
import { describeInWriter, type DescribeSettings } from './shared.ts';
import { OC_DESCRIBE, type PrefixWriter } from './tabwriter.ts';
import { arr, field, str, type Json } from '../../../world/json.ts';

/** docker/go-units HumanDuration, which oc's "Created: … ago" uses. */
export function unitsHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(ms / 60000);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.trunc(ms / 3600000 + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(ms / 3600000) / 24 / 365)} years`;
}

export function formatString(w: PrefixWriter, label: string, v: string): void {
  const text = v === '' ? '<none>' : v;
  w.write(0, `${label}:`);
  for (const line of text.split('\n')) w.write(0, `\t${line}\n`);
}

function formatMap(w: PrefixWriter, label: string, items: Record<string, string>): void {
  const keys = Object.keys(items).sort();
  if (keys.length === 0) return formatString(w, label, '');
  keys.forEach((k, i) => {
    if (i === 0) formatString(w, label, `${k}=${items[k]}`);
    else w.write(0, `\t${k}=${items[k]}\n`);
  });
}

/** helpers.go's formatMeta: name, namespace, age, labels, the description annotation apart, annotations. */
export function formatMeta(w: PrefixWriter, o: KubeObject, now: Date): void {
  formatString(w, 'Name', o.metadata.name);
  if (o.metadata.namespace) formatString(w, 'Namespace', o.metadata.namespace);
  if (o.metadata.creationTimestamp) w.write(0, `Created:\t${unitsHumanDuration(now.getTime() - new Date(o.metadata.creationTimestamp).getTime())} ago\n`);
  formatMap(w, 'Labels', o.metadata.labels ?? {});
  const annotations = { ...(o.metadata.annotations ?? {}) };
  const description = annotations.description;
  delete annotations.description;
  if (description) formatString(w, 'Description', description);
  formatMap(w, 'Annotations', annotations);
}

export async function describeRouteOc(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const route = await getTyped(world, `/apis/route.openshift.io/v1/namespaces/${encodeURIComponent(namespace)}/routes/${encodeURIComponent(name)}`, `routes.route.openshift.io "${name}" not found`);
  const endpoints = new Map<string, RouteBackendEndpoints>();
  for (const b of backendsOf(route)) {
    const backend = str(field(b, 'name'));
    const response = await world.kube(`/api/v1/namespaces/${encodeURIComponent(namespace)}/endpoints/${encodeURIComponent(backend)}`);
    if (!response.failure && response.status === 200) endpoints.set(backend, { ep: response.body });
    else endpoints.set(backend, { error: String(field(response.body, 'message') ?? response.failure?.detail ?? `endpoints "${String(field(b, 'name'))}" not found`) });
  }
  return describeRoute(route, endpoints, settings.now);
}

/** A backend's Endpoints object, or why it could not be read. */
export interface RouteBackendEndpoints {
  ep?: unknown;
  error?: string;
}

/** The route's service, then its alternate backends. */
const backendsOf = (route: KubeObject): Json[] => [field(route, 'spec', 'to') ?? {}, ...arr(field(route, 'spec', 'alternateBackends'))];

export function describeRoute(route: KubeObject, endpoints: Map<string, RouteBackendEndpoints>, now: Date): string {
  const spec = route.spec ?? {};
  const backends = backendsOf(route);
  const weightOf = (b: Json) => {
    const weight = field(b, 'weight');
    return typeof weight === 'number' ? weight : 0;
  };
  const totalWeight = backends.reduce((n: number, b) => n + weightOf(b), 0);
  const targetPort = spec.port ? String(field(spec.port, 'targetPort') ?? '') : undefined;
  return describeInWriter((w) => {
    formatMeta(w, route, now);
    const ingresses = arr(field(route, 'status', 'ingress'));
    if (spec.host) {
      formatString(w, 'Requested Host', String(spec.host));
      for (const ing of ingresses) if (field(ing, 'host') === spec.host) formatIngress(w, true, ing, now);
    } else formatString(w, 'Requested Host', '<auto>');
    for (const ing of ingresses) if (field(ing, 'host') !== spec.host) formatIngress(w, false, ing, now);
    formatString(w, 'Path', String(spec.path ?? ''));
    formatString(w, 'TLS Termination', String(field(spec, 'tls', 'termination') ?? ''));
    formatString(w, 'Insecure Policy', String(field(spec, 'tls', 'insecureEdgeTerminationPolicy') ?? ''));
    formatString(w, 'Endpoint Port', targetPort ?? '<all endpoint ports>');
    for (const b of backends) {
      w.write(0, '\n');
      formatString(w, 'Service', String(field(b, 'name') ?? ''));
      const weight = weightOf(b);
      if (weight > 0) w.write(0, `Weight:\t${weight} (${Math.trunc((weight * 100) / totalWeight)}%)\n`);
      else formatString(w, 'Weight', '0');
      const info = endpoints.get(str(field(b, 'name'))) ?? {};
      if (info.error !== undefined) {
        formatString(w, 'Endpoints', `<error: ${info.error}>`);
        continue;
      }
      const subsets = arr(field(info.ep, 'subsets'));
      if (subsets.length === 0) {
        formatString(w, 'Endpoints', '<none>');
        continue;
      }
      const list: string[] = [];
      let count = 0;
      for (const ss of subsets) {
        for (const p of arr(field(ss, 'ports'))) {
          // The route's target port (a name or a number) filters the endpoints' ports; without
          // one, oc still compares against the empty IntOrString (its name "" or port 0).
          const tp = targetPort ?? '0';
          const tpInt = /^\d+$/.test(tp) ? Number(tp) : 0;
          if (tp !== (field(p, 'name') ?? '') && tpInt !== (field(p, 'port') ?? 0)) continue;
          for (const a of arr(field(ss, 'addresses'))) {
            if (list.length < 3) list.push(`${String(field(a, 'ip'))}:${String(field(p, 'port'))}`);
            count++;
          }
        }
      }
      let ends = list.join(', ');
      if (count > 3) ends += ` + ${count - 3} more...`;
      formatString(w, 'Endpoints', ends);
    }
  }, OC_DESCRIBE);
}

function formatIngress(w: PrefixWriter, short: boolean, ing: Json, now: Date): void {
  const canonical = field(ing, 'routerCanonicalHostname');
  const host = canonical ? ` (host ${String(canonical)})` : '';
  const router = String(field(ing, 'routerName') ?? '');
  const condition = arr(field(ing, 'conditions')).find((c) => field(c, 'type') === 'Admitted');
  const status = field(condition, 'status');
  const since = field(condition, 'lastTransitionTime');
  const ago = (t: Json) => unitsHumanDuration(now.getTime() - new Date(String(t)).getTime()).toLowerCase();
  if (status === 'True') {
    let text = '\t  ';
    if (!short) text += String(field(ing, 'host') ?? '');
    text += ` exposed on router ${router}${host}`;
    if (since) text += ` ${ago(since)} ago`;
    w.write(0, `${text}\n`);
  } else if (status === 'False') {
    let text = `\trejected by router ${router}: ${host}${String(field(condition, 'reason') ?? '')}`;
    if (since) text += ` (${ago(since)} ago)`;
    w.write(0, `${text}\n`);
    const message = field(condition, 'message');
    if (message) w.write(0, `\t  ${String(message)}\n`);
  }
}
