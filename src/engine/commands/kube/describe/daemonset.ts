// kubectl's DaemonSetDescriber (pkg/describe describeDaemonSet): no Namespace line, the selector,
// the pod template's node selector, the scheduling counts from status, the phases of the pods it
// controls among those its selector lists, the pod template and the events.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { formatLabels, formatLabelSelector } from '../../../format/kube/printers/helpers.ts';
import { describePodTemplate } from './replicationcontroller.ts';
import { controlledBy, describeInWriter, listItems, podPhaseCounts, podsStatus, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';
import { field } from '../../../world/json.ts';

export async function describeDaemonSetByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const ds = await getTyped(world, `/apis/apps/v1/namespaces/${encodeURIComponent(namespace)}/daemonsets/${encodeURIComponent(name)}`, `daemonsets.apps "${name}" not found`);
  const selector = formatLabelSelector(ds.spec?.selector);
  const query = selector === '<none>' ? '' : `?labelSelector=${encodeURIComponent(selector)}`;
  const pods = await listItems(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods${query}`);
  const counts = podPhaseCounts(pods.filter((p) => controlledBy(p, ds.metadata.uid)));
  const events = settings.showEvents ? await searchEvents(world, { kind: 'DaemonSet', name: ds.metadata.name, namespace: ds.metadata.namespace ?? '', uid: ds.metadata.uid }, settings.chunkSize) : undefined;
  return describeDaemonSet(ds, counts, events, settings.now);
}

export function describeDaemonSet(ds: KubeObject, counts: Record<string, number>, events: readonly unknown[] | undefined, now: Date): string {
  const spec = ds.spec ?? {};
  const status = ds.status ?? {};
  const count = (key: string) => String(status[key] ?? 0);
  return describeInWriter((w) => {
    w.write(0, `Name:\t${ds.metadata.name}\n`);
    const selector = formatLabelSelector(spec.selector);
    w.write(0, `Selector:\t${selector === '<none>' ? '' : selector}\n`);
    w.write(0, `Node-Selector:\t${formatLabels(field(spec, 'template', 'spec', 'nodeSelector'))}\n`);
    printLabels(w, 'Labels', ds.metadata.labels);
    printAnnotations(w, 'Annotations', ds.metadata.annotations);
    w.write(0, `Desired Number of Nodes Scheduled: ${count('desiredNumberScheduled')}\n`);
    w.write(0, `Current Number of Nodes Scheduled: ${count('currentNumberScheduled')}\n`);
    w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${count('updatedNumberScheduled')}\n`);
    w.write(0, `Number of Nodes Scheduled with Available Pods: ${count('numberAvailable')}\n`);
    w.write(0, `Number of Nodes Misscheduled: ${count('numberMisscheduled')}\n`);
    w.write(0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, now);
  });
}
