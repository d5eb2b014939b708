// kubectl's ServiceDescriber and EndpointsDescriber. A service's endpoints come from its
// EndpointSlices (label kubernetes.io/service-name); a server without discovery.k8s.io/v1 (the
// 2020 cluster) answers 404 and every port shows `<none>`, as kubectl 1.32 shows there.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { formatLabels } from '../../../format/kube/printers/helpers.ts';
import { describeInWriter, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const nsPath = (ns: string) => `/api/v1/namespaces/${encodeURIComponent(ns)}`;

export async function describeServiceByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const service = await getTyped(world, `${nsPath(namespace)}/services/${encodeURIComponent(name)}`, `services "${name}" not found`);
  const slices = await world.kube(`/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/endpointslices?labelSelector=${encodeURIComponent(`kubernetes.io/service-name=${name}`)}`);
  const items: KubeObject[] = !slices.failure && slices.status === 200 ? (((slices.body as Json)?.items ?? []) as KubeObject[]) : [];
  const events = settings.showEvents ? await searchEvents(world, { kind: 'Service', name: service.metadata.name, namespace: service.metadata.namespace ?? '', uid: service.metadata.uid }, settings.chunkSize) : undefined;
  return describeService(service, items, events, settings.now);
}

function ingressString(ingress: Json[]): string {
  return ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ');
}

export function describeService(service: KubeObject, slices: KubeObject[], events: readonly unknown[] | undefined, now: Date): string {
  const spec: Json = service.spec ?? {};
  const status: Json = service.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${service.metadata.name}\n`);
    w.write(0, `Namespace:\t${service.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', service.metadata.labels);
    printAnnotations(w, 'Annotations', service.metadata.annotations);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
    const ingress: Json[] = status.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingressString(ingress)}\n`);
    for (const sp of (spec.ports ?? []) as Json[]) {
      const name = sp.name || '<unset>';
      w.write(0, `Port:\t${name}\t${sp.port ?? 0}/${sp.protocol ?? ''}\n`);
      w.write(0, `TargetPort:\t${sp.targetPort ?? 0}/${sp.protocol ?? ''}\n`);
      if (sp.nodePort) w.write(0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol ?? ''}\n`);
      w.write(0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`);
    }
    w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (events) describeEvents(events, w, now);
  });
}

const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** formatEndpointSlices for one service port: ready endpoints, three at most, then "+ N more...". */
export function formatEndpointSlices(slices: KubeObject[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices as Json[]) {
    const endpoints: Json[] = slice.endpoints ?? [];
    const ready = (e: Json) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
    if ((slice.ports ?? []).length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses?.[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of slice.ports as Json[]) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses?.[0] ?? '', port.port ?? 0));
        count++;
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export async function describeEndpointsByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const ep = await getTyped(world, `${nsPath(namespace)}/endpoints/${encodeURIComponent(name)}`, `endpoints "${name}" not found`);
  const events = settings.showEvents ? await searchEvents(world, { kind: 'Endpoints', name: ep.metadata.name, namespace: ep.metadata.namespace ?? '', uid: ep.metadata.uid }, settings.chunkSize) : undefined;
  return describeEndpoints(ep, events, settings.now);
}

export function describeEndpoints(ep: KubeObject, events: readonly unknown[] | undefined, now: Date): string {
  return describeInWriter((w) => {
    w.write(0, `Name:\t${ep.metadata.name}\n`);
    w.write(0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', ep.metadata.labels);
    printAnnotations(w, 'Annotations', ep.metadata.annotations);
    w.write(0, 'Subsets:\n');
    for (const subset of ((ep as Json).subsets ?? []) as Json[]) {
      const addresses = (subset.addresses ?? []).map((a: Json) => a.ip).join(',');
      w.write(1, `Addresses:\t${addresses || '<none>'}\n`);
      const notReady = (subset.notReadyAddresses ?? []).map((a: Json) => a.ip).join(',');
      w.write(1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      if ((subset.ports ?? []).length > 0) {
        w.write(1, 'Ports:\n');
        w.write(2, 'Name\tPort\tProtocol\n');
        w.write(2, '----\t----\t--------\n');
        for (const p of subset.ports as Json[]) w.write(2, `${p.name || '<unset>'}\t${p.port ?? 0}\t${p.protocol ?? ''}\n`);
      }
      w.write(0, '\n');
    }
    if (events) describeEvents(events, w, now);
  });
}
