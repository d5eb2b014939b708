// kubectl's ReplicationControllerDescriber: the controller, its pods' phases (the pods its
// selector lists that it controls, by uid), its pod template (DescribePodTemplate) and its events.
// A DeploymentConfig's rollouts are replication controllers: `describe rc sqlapi-2`.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { formatLabels } from './go.ts';
import { describeContainers, describeTopologySpreadConstraints, describeVolumes } from './pod.ts';
import { describeInWriter, printAnnotations, printLabels, printTolerations, type DescribeSettings } from './shared.ts';
import type { PrefixWriter } from './tabwriter.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function describeReplicationControllerByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const rc = await getTyped(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/replicationcontrollers/${encodeURIComponent(name)}`, `replicationcontrollers "${name}" not found`);
  const selector = formatLabels((rc.spec as Json)?.selector);
  const query = selector === '<none>' ? '' : `?labelSelector=${encodeURIComponent(selector)}`;
  const response = await world.kube(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods${query}`);
  const pods: Json[] = !response.failure && response.status === 200 ? ((response.body as Json).items ?? []) : [];
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 } as Record<string, number>;
  for (const pod of pods) {
    const owner = (pod.metadata?.ownerReferences ?? []).find((o: Json) => o.controller === true);
    if (!owner || owner.uid !== rc.metadata.uid) continue;
    if (pod.status?.phase in counts) counts[pod.status.phase]++;
  }
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
    w.write(0, `Pods Status:\t${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed\n`);
    describePodTemplate(spec.template, w);
    const conditions: Json[] = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(1, '----\t------\t------\n');
      for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
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
