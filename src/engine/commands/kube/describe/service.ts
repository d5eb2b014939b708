// kubectl's ServiceDescriber and EndpointsDescriber. A service's endpoints come from its
// EndpointSlices (label kubernetes.io/service-name); a server without discovery.k8s.io/v1 (the
// 2020 cluster) answers 404 and every port shows `<none>`, as kubectl 1.32 shows there.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { formatLabels } from '../../../format/kube/printers/helpers.ts';
import { describeInWriter, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';
import { arr, field, type Json } from '../../../world/json.ts';

const nsPath = (ns: string) => `/api/v1/namespaces/${encodeURIComponent(ns)}`;

export async function describeServiceByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const service = await getTyped(world, `${nsPath(namespace)}/services/${encodeURIComponent(name)}`, `services "${name}" not found`);
  const slices = await world.kube(`/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/endpointslices?labelSelector=${encodeURIComponent(`kubernetes.io/service-name=${name}`)}`);
  const items = !slices.failure && slices.status === 200 ? arr(field(slices.body, 'items')) : [];
  const events = settings.showEvents ? await searchEvents(world, { kind: 'Service', name: service.metadata.name, namespace: service.metadata.namespace ?? '', uid: service.metadata.uid }, settings.chunkSize) : undefined;
  return describeService(service, items, events, settings.now);
}

function ingressString(ingress: readonly Json[]): string {
  return ingress
    .map((i) => {
      const ip = field(i, 'ip');
      const ipMode = field(i, 'ipMode');
      return ip ? `${String(ip)}${ipMode ? ` (${String(ipMode)})` : ''}` : String(field(i, 'hostname') ?? '');
    })
    .join(', ');
}

/** A list of strings joined by commas, or `<none>`. */
const joined = (list: Json | undefined) => (arr(list).length > 0 ? arr(list).join(',') : '<none>');

export function describeService(service: KubeObject, slices: readonly unknown[], events: readonly unknown[] | undefined, now: Date): string {
  const spec = service.spec ?? {};
  const status = service.status ?? {};
  const text = (key: string) => String(spec[key] ?? '');
  return describeInWriter((w) => {
    w.write(0, `Name:\t${service.metadata.name}\n`);
    w.write(0, `Namespace:\t${service.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', service.metadata.labels);
    printAnnotations(w, 'Annotations', service.metadata.annotations);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(0, `Type:\t${text('type')}\n`);
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${text('ipFamilyPolicy')}\n`);
    w.write(0, `IP Families:\t${joined(spec.ipFamilies)}\n`);
    w.write(0, `IP:\t${text('clusterIP')}\n`);
    w.write(0, `IPs:\t${joined(spec.clusterIPs)}\n`);
    if (arr(spec.externalIPs).length > 0) w.write(0, `External IPs:\t${joined(spec.externalIPs)}\n`);
    if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${text('loadBalancerIP')}\n`);
    if (spec.externalName) w.write(0, `External Name:\t${text('externalName')}\n`);
    const ingress = arr(field(status, 'loadBalancer', 'ingress'));
    if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingressString(ingress)}\n`);
    for (const sp of arr(spec.ports)) {
      const name = String(field(sp, 'name') || '<unset>');
      const protocol = String(field(sp, 'protocol') ?? '');
      const nodePort = field(sp, 'nodePort');
      w.write(0, `Port:\t${name}\t${String(field(sp, 'port') ?? 0)}/${protocol}\n`);
      w.write(0, `TargetPort:\t${String(field(sp, 'targetPort') ?? 0)}/${protocol}\n`);
      if (nodePort) w.write(0, `NodePort:\t${name}\t${String(nodePort)}/${protocol}\n`);
      w.write(0, `Endpoints:\t${formatEndpointSlices(slices, String(field(sp, 'name') ?? ''))}\n`);
    }
    w.write(0, `Session Affinity:\t${text('sessionAffinity')}\n`);
    if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${text('externalTrafficPolicy')}\n`);
    if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${text('internalTrafficPolicy')}\n`);
    if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${text('healthCheckNodePort')}\n`);
    if (arr(spec.loadBalancerSourceRanges).length > 0) w.write(0, `LoadBalancer Source Ranges:\t${joined(spec.loadBalancerSourceRanges)}\n`);
    if (events) describeEvents(events, w, now);
  });
}

const joinHostPort = (host: string, port: string) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** formatEndpointSlices for one service port: ready endpoints, three at most, then "+ N more...". */
export function formatEndpointSlices(slices: readonly unknown[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = arr(field(slice, 'endpoints'));
    const ready = (e: Json) => {
      const r = field(e, 'conditions', 'ready');
      return r === undefined || r === null || r === true;
    };
    const address = (e: Json) => String(field(e, 'addresses', 0) ?? '');
    const ports = arr(field(slice, 'ports'));
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(address(e));
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((field(port, 'name') ?? '') !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(address(e), String(field(port, 'port') ?? 0)));
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
    for (const subset of arr(field(ep, 'subsets'))) {
      const addresses = arr(field(subset, 'addresses')).map((a) => field(a, 'ip')).join(',');
      w.write(1, `Addresses:\t${addresses || '<none>'}\n`);
      const notReady = arr(field(subset, 'notReadyAddresses')).map((a) => field(a, 'ip')).join(',');
      w.write(1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      const ports = arr(field(subset, 'ports'));
      if (ports.length > 0) {
        w.write(1, 'Ports:\n');
        w.write(2, 'Name\tPort\tProtocol\n');
        w.write(2, '----\t----\t--------\n');
        for (const p of ports) w.write(2, `${String(field(p, 'name') || '<unset>')}\t${String(field(p, 'port') ?? 0)}\t${String(field(p, 'protocol') ?? '')}\n`);
      }
      w.write(0, '\n');
    }
    if (events) describeEvents(events, w, now);
  });
}
