// kubectl's ReplicationControllerDescriber: the controller, its pods' phases (the pods its
// selector lists that it controls, by uid), its pod template (DescribePodTemplate) and its events.
// A DeploymentConfig's rollouts are replication controllers: `describe rc sqlapi-2`.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { formatLabels } from '../../../format/kube/printers/helpers.ts';
import { describeContainers, describeTopologySpreadConstraints, describeVolumes } from './pod.ts';
import { controlledBy, describeConditions, describeInWriter, listItems, podPhaseCounts, podsStatus, printAnnotations, printLabels, printTolerations, type DescribeSettings } from './shared.ts';
import type { PrefixWriter } from './tabwriter.ts';
import { arr, field, obj, type Json } from '../../../world/json.ts';

export async function describeReplicationControllerByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const rc = await getTyped(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/replicationcontrollers/${encodeURIComponent(name)}`, `replicationcontrollers "${name}" not found`);
  const selector = formatLabels(rc.spec?.selector);
  const query = selector === '<none>' ? '' : `?labelSelector=${encodeURIComponent(selector)}`;
  const pods = await listItems(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods${query}`);
  const counts = podPhaseCounts(pods.filter((p) => controlledBy(p, rc.metadata.uid)));
  const events = settings.showEvents ? await searchEvents(world, { kind: 'ReplicationController', name: rc.metadata.name, namespace: rc.metadata.namespace ?? '', uid: rc.metadata.uid }, settings.chunkSize) : undefined;
  return describeReplicationController(rc, counts, events, settings.now);
}

export function describeReplicationController(rc: KubeObject, counts: Record<string, number>, events: readonly unknown[] | undefined, now: Date): string {
  const spec = rc.spec ?? {};
  const status = rc.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${rc.metadata.name}\n`);
    w.write(0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    printLabels(w, 'Labels', rc.metadata.labels);
    printAnnotations(w, 'Annotations', rc.metadata.annotations);
    w.write(0, `Replicas:\t${String(status.replicas ?? 0)} current / ${String(spec.replicas ?? 1)} desired\n`);
    w.write(0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeConditions(w, status.conditions);
    if (events) describeEvents(events, w, now);
  });
}

/** DescribePodTemplate. */
export function describePodTemplate(template: Json | undefined, w: PrefixWriter): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const spec = field(template, 'spec');
  const annotations = field(template, 'metadata', 'annotations');
  printLabels(w, '  Labels', field(template, 'metadata', 'labels'));
  if (Object.keys(obj(annotations)).length > 0) printAnnotations(w, '  Annotations', annotations);
  const serviceAccountName = field(spec, 'serviceAccountName');
  if (serviceAccountName) w.write(1, `Service Account:\t${String(serviceAccountName)}\n`);
  const initContainers = arr(field(spec, 'initContainers'));
  if (initContainers.length > 0) describeContainers('Init Containers', initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', arr(field(spec, 'containers')), undefined, undefined, w, '  ');
  describeVolumes(arr(field(spec, 'volumes')), w, '  ');
  describeTopologySpreadConstraints(arr(field(spec, 'topologySpreadConstraints')), w, '  ');
  const priorityClassName = field(spec, 'priorityClassName');
  if (priorityClassName) w.write(1, `Priority Class Name:\t${String(priorityClassName)}\n`);
  printLabels(w, '  Node-Selectors', field(spec, 'nodeSelector'));
  printTolerations(w, '  Tolerations', arr(field(spec, 'tolerations')));
}
