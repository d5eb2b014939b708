// kubectl's ReplicationControllerDescriber: the controller, its pods' phases (the pods its
// selector lists that it controls, by uid), its pod template (DescribePodTemplate) and its events.
// A DeploymentConfig's rollouts are replication controllers: `describe rc sqlapi-2`.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { formatLabels } from '../../../format/kube/printers/helpers.ts';
import { describeContainers, describeTopologySpreadConstraints, describeVolumes } from './pod.ts';
import { controlledBy, describeConditions, describeInWriter, listItems, podPhaseCounts, podsStatus, printAnnotations, printLabels, printTolerations, type DescribeSettings } from './shared.ts';
import type { PrefixWriter } from './tabwriter.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function describeReplicationControllerByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const rc = await getTyped(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/replicationcontrollers/${encodeURIComponent(name)}`, `replicationcontrollers "${name}" not found`);
  const selector = formatLabels((rc.spec as Json)?.selector);
  const query = selector === '<none>' ? '' : `?labelSelector=${encodeURIComponent(selector)}`;
  const pods = await listItems(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods${query}`);
  const counts = podPhaseCounts(pods.filter((p) => controlledBy(p, rc.metadata.uid)));
  const events = settings.showEvents ? await searchEvents(world, { kind: 'ReplicationController', name: rc.metadata.name, namespace: rc.metadata.namespace ?? '', uid: rc.metadata.uid }, settings.chunkSize) : undefined;
  return describeReplicationController(rc, counts, events, settings.now);
}

export function describeReplicationController(rc: KubeObject, counts: Record<string, number>, events: KubeObject[] | undefined, now: Date): string {
  const spec: Json = rc.spec ?? {};
  const status: Json = rc.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${rc.metadata.name}\n`);
    w.write(0, `Namespace:\t${rc.metadata.namespace ?? ''}\n`);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    printLabels(w, 'Labels', rc.metadata.labels);
    printAnnotations(w, 'Annotations', rc.metadata.annotations);
    w.write(0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 1} desired\n`);
    w.write(0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeConditions(w, status.conditions);
    if (events) describeEvents(events, w, now);
  });
}

/** DescribePodTemplate. */
export function describePodTemplate(template: Json, w: PrefixWriter): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  const spec: Json = template.spec ?? {};
  printLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotations(w, '  Annotations', template.metadata.annotations);
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers ?? [], undefined, undefined, w, '  ');
  describeVolumes(spec.volumes ?? [], w, '  ');
  describeTopologySpreadConstraints(spec.topologySpreadConstraints ?? [], w, '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabels(w, '  Node-Selectors', spec.nodeSelector);
  printTolerations(w, '  Tolerations', spec.tolerations ?? []);
}
