// `oc describe route`: oc's RouteDescriber (openshift/oc pkg/helpers/describe/describer.go, with
// helpers.go's formatMeta/formatString and text/tabwriter Init(0, 8, 1, '\t', 0)). No oc binary
// runs here, so its tests are goldens written from that source rather than recorded output.
// kubectl has no describer for routes: `kubectl describe route` is the generic describer.
import type { KubeObject, World } from '../../../world/types.ts';
import { getTyped } from './events.ts';
import { describeInWriter, type DescribeSettings } from './shared.ts';
import { OC_DESCRIBE, type PrefixWriter } from './tabwriter.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

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
  const spec: Json = route.spec ?? {};
  const backends: Json[] = [spec.to ?? {}, ...(spec.alternateBackends ?? [])];
  const endpoints = new Map<string, { ep?: KubeObject; error?: string }>();
  for (const b of backends) {
    const response = await world.kube(`/api/v1/namespaces/${encodeURIComponent(namespace)}/endpoints/${encodeURIComponent(b.name ?? '')}`);
    if (!response.failure && response.status === 200) endpoints.set(b.name ?? '', { ep: response.body as unknown as KubeObject });
    else endpoints.set(b.name ?? '', { error: (response.body as Json)?.message ?? response.failure?.detail ?? `endpoints "${b.name}" not found` });
  }
  return describeRoute(route, endpoints, settings.now);
}

export function describeRoute(route: KubeObject, endpoints: Map<string, { ep?: KubeObject; error?: string }>, now: Date): string {
  const spec: Json = route.spec ?? {};
  const status: Json = route.status ?? {};
  const backends: Json[] = [spec.to ?? {}, ...(spec.alternateBackends ?? [])];
  const totalWeight = backends.reduce((n, b) => n + (typeof b.weight === 'number' ? b.weight : 0), 0);
  const targetPort = spec.port ? String(spec.port.targetPort ?? '') : undefined;
  return describeInWriter((w) => {
    formatMeta(w, route, now);
    const ingresses: Json[] = status.ingress ?? [];
    if (spec.host) {
      formatString(w, 'Requested Host', spec.host);
      for (const ing of ingresses) if (ing.host === spec.host) formatIngress(w, true, ing, now);
    } else formatString(w, 'Requested Host', '<auto>');
    for (const ing of ingresses) if (ing.host !== spec.host) formatIngress(w, false, ing, now);
    formatString(w, 'Path', spec.path ?? '');
    formatString(w, 'TLS Termination', spec.tls?.termination ?? '');
    formatString(w, 'Insecure Policy', spec.tls?.insecureEdgeTerminationPolicy ?? '');
    formatString(w, 'Endpoint Port', spec.port ? String(spec.port.targetPort ?? '') : '<all endpoint ports>');
    for (const b of backends) {
      w.write(0, '\n');
      formatString(w, 'Service', b.name ?? '');
      const weight = typeof b.weight === 'number' ? b.weight : 0;
      if (weight > 0) w.write(0, `Weight:\t${weight} (${Math.trunc((weight * 100) / totalWeight)}%)\n`);
      else formatString(w, 'Weight', '0');
      const info = endpoints.get(b.name ?? '') ?? {};
      if (info.error !== undefined) {
        formatString(w, 'Endpoints', `<error: ${info.error}>`);
        continue;
      }
      const subsets: Json[] = (info.ep as Json)?.subsets ?? [];
      if (subsets.length === 0) {
        formatString(w, 'Endpoints', '<none>');
        continue;
      }
      const list: string[] = [];
      let count = 0;
      for (const ss of subsets) {
        for (const p of (ss.ports ?? []) as Json[]) {
          // The route's target port (a name or a number) filters the endpoints' ports; without
          // one, oc still compares against the empty IntOrString (its name "" or port 0).
          const tp = targetPort ?? '0';
          const tpInt = /^\d+$/.test(tp) ? Number(tp) : 0;
          if (tp !== (p.name ?? '') && tpInt !== (p.port ?? 0)) continue;
          for (const a of (ss.addresses ?? []) as Json[]) {
            if (list.length < 3) list.push(`${a.ip}:${p.port}`);
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
  const host = ing.routerCanonicalHostname ? ` (host ${ing.routerCanonicalHostname})` : '';
  const condition = ((ing.conditions ?? []) as Json[]).find((c) => c.type === 'Admitted');
  const ago = (t: string) => unitsHumanDuration(now.getTime() - new Date(t).getTime()).toLowerCase();
  if (condition?.status === 'True') {
    let text = '\t  ';
    if (!short) text += ing.host ?? '';
    text += ` exposed on router ${ing.routerName ?? ''}${host}`;
    if (condition.lastTransitionTime) text += ` ${ago(condition.lastTransitionTime)} ago`;
    w.write(0, `${text}\n`);
  } else if (condition?.status === 'False') {
    let text = `\trejected by router ${ing.routerName ?? ''}: ${host}${condition.reason ?? ''}`;
    if (condition.lastTransitionTime) text += ` (${ago(condition.lastTransitionTime)} ago)`;
    w.write(0, `${text}\n`);
    if (condition.message) w.write(0, `\t  ${condition.message}\n`);
  }
}
