// kubectl's DeploymentDescriber and ReplicaSetDescriber. A deployment's replica sets are those
// its selector lists that it controls; the new one is the oldest whose pod template is the
// deployment's (the pod-template-hash label aside), the others are the old ones.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { formatLabelSelector } from '../../../format/kube/printers/helpers.ts';
import { rfc1123z, type LabelSelector } from './go.ts';
import { describePodTemplate } from './replicationcontroller.ts';
import { controlledBy, describeConditions, describeInWriter, listItems, podPhaseCounts, podsStatus, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const apps = (ns: string) => `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}`;

/** labels.Selector's String: as FormatLabelSelector, but "" for a selector that selects everything. */
const selectorString = (s: LabelSelector | undefined) => {
  const text = formatLabelSelector(s);
  return text === '<none>' ? '' : text;
};

/** apiequality.Semantic.DeepEqual on what JSON holds: an absent field, null, and an empty list or map are alike. */
function normalised(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(normalised);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const n = normalised((v as Record<string, unknown>)[k]);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v === null ? undefined : v;
}

/** equalIgnoreHash: two pod templates alike once the pod-template-hash label is left out. */
function sameTemplate(a: Json, b: Json): boolean {
  const strip = (t: Json) => {
    const labels = { ...(t?.metadata?.labels ?? {}) };
    delete labels['pod-template-hash'];
    return normalised({ ...t, metadata: { ...(t?.metadata ?? {}), labels } });
  };
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

export async function describeDeploymentByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const d = await getTyped(world, `${apps(namespace)}/deployments/${encodeURIComponent(name)}`, `deployments.apps "${name}" not found`);
  const events = settings.showEvents ? await searchEvents(world, { kind: 'Deployment', name: d.metadata.name, namespace: d.metadata.namespace ?? '', uid: d.metadata.uid }, settings.chunkSize) : undefined;
  const selector = selectorString((d.spec as Json)?.selector);
  const all = await listItems(world, `${apps(namespace)}/replicasets${selector ? `?labelSelector=${encodeURIComponent(selector)}` : ''}`);
  const owned = all.filter((rs) => controlledBy(rs, d.metadata.uid));
  const time = (rs: Json) => new Date(rs.metadata?.creationTimestamp ?? 0).getTime();
  owned.sort((a, b) => time(a) - time(b) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
  const newRs = owned.find((rs) => sameTemplate(rs.spec?.template, (d.spec as Json)?.template));
  const oldRss = owned.filter((rs) => rs !== newRs);
  return describeDeployment(d, oldRss, newRs ? [newRs] : [], events, settings.now);
}

const rsList = (list: Json[]) => list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ') || '<none>';

export function describeDeployment(d: KubeObject, oldRss: Json[], newRss: Json[], events: KubeObject[] | undefined, now: Date): string {
  const spec: Json = d.spec ?? {};
  const status: Json = d.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${d.metadata.name}\n`);
    w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabels(w, 'Labels', d.metadata.labels);
    printAnnotations(w, 'Annotations', d.metadata.annotations);
    w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`);
    w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge\n`);
    describePodTemplate(spec.template, w);
    describeConditions(w, status.conditions);
    if (oldRss.length > 0 || newRss.length > 0) {
      w.write(0, `OldReplicaSets:\t${rsList(oldRss)}\n`);
      w.write(0, `NewReplicaSet:\t${rsList(newRss)}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

export async function describeReplicaSetByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const rs = await getTyped(world, `${apps(namespace)}/replicasets/${encodeURIComponent(name)}`, `replicasets.apps "${name}" not found`);
  const selector = selectorString((rs.spec as Json)?.selector);
  const pods = await listItems(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods${selector ? `?labelSelector=${encodeURIComponent(selector)}` : ''}`);
  const counts = podPhaseCounts(pods.filter((p) => controlledBy(p, rs.metadata.uid)));
  const events = settings.showEvents ? await searchEvents(world, { kind: 'ReplicaSet', name: rs.metadata.name, namespace: rs.metadata.namespace ?? '', uid: rs.metadata.uid }, settings.chunkSize) : undefined;
  return describeReplicaSet(rs, counts, events, settings.now);
}

export function describeReplicaSet(rs: KubeObject, counts: Record<string, number>, events: KubeObject[] | undefined, now: Date): string {
  const spec: Json = rs.spec ?? {};
  const status: Json = rs.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${rs.metadata.name}\n`);
    w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
    printLabels(w, 'Labels', rs.metadata.labels);
    printAnnotations(w, 'Annotations', rs.metadata.annotations);
    const controller = ((rs.metadata.ownerReferences ?? []) as Json[]).find((o) => o.controller === true);
    if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
    w.write(0, `Replicas:\t${status.replicas ?? 0} current / ${spec.replicas ?? 1} desired\n`);
    w.write(0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeConditions(w, status.conditions);
    if (events) describeEvents(events, w, now);
  });
}
