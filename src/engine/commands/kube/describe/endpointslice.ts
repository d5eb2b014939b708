// kubectl's EndpointSliceDescriber (discovery.k8s.io/v1): the slice's ports, then each endpoint's
// addresses, readiness, target, node and zone, then its events.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { describeInWriter, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';
import { arr, field, type Json } from '../../../world/json.ts';

export async function describeEndpointSliceByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const eps = await getTyped(world, `/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/endpointslices/${encodeURIComponent(name)}`, `endpointslices.discovery.k8s.io "${name}" not found`);
  const events = settings.showEvents ? await searchEvents(world, { kind: 'EndpointSlice', name: eps.metadata.name, namespace: eps.metadata.namespace ?? '', uid: eps.metadata.uid }, settings.chunkSize) : undefined;
  return describeEndpointSlice(eps, events, settings.now);
}

export function describeEndpointSlice(eps: KubeObject, events: readonly unknown[] | undefined, now: Date): string {
  const text = (v: Json, key: string, unset = '') => String(field(v, key) ?? unset);
  return describeInWriter((w) => {
    w.write(0, `Name:\t${eps.metadata.name}\n`);
    w.write(0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
    printLabels(w, 'Labels', eps.metadata.labels);
    printAnnotations(w, 'Annotations', eps.metadata.annotations);
    w.write(0, `AddressType:\t${String(field(eps, 'addressType') ?? '')}\n`);
    const ports = arr(field(eps, 'ports'));
    if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
    else {
      w.write(0, 'Ports:\n');
      w.write(1, 'Name\tPort\tProtocol\n');
      w.write(1, '----\t----\t--------\n');
      for (const p of ports) w.write(1, `${String(field(p, 'name') || '<unset>')}\t${text(p, 'port', '<unset>')}\t${text(p, 'protocol')}\n`);
    }
    const endpoints = arr(field(eps, 'endpoints'));
    if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
    else {
      w.write(0, 'Endpoints:\n');
      for (const ep of endpoints) {
        const ready = field(ep, 'conditions', 'ready');
        const targetRef = field(ep, 'targetRef');
        w.write(1, `- Addresses:\t${arr(field(ep, 'addresses')).join(', ') || '<none>'}\n`);
        w.write(2, 'Conditions:\n');
        w.write(3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}\n`);
        w.write(2, `Hostname:\t${text(ep, 'hostname', '<unset>')}\n`);
        if (targetRef) w.write(2, `TargetRef:\t${text(targetRef, 'kind')}/${text(targetRef, 'name')}\n`);
        w.write(2, `NodeName:\t${text(ep, 'nodeName', '<unset>')}\n`);
        w.write(2, `Zone:\t${text(ep, 'zone', '<unset>')}\n`);
      }
    }
    if (events) describeEvents(events, w, now);
  });
}
