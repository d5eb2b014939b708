// kubectl's DeploymentDescriber and ReplicaSetDescriber. A deployment's replica sets are those
// its selector lists that it controls; the new one is the oldest whose pod template is the
// deployment's (the pod-template-hash label aside), the others are the old ones.
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { formatLabelSelector } from '../../../format/kube/printers/helpers.ts';
import { rfc1123z } from './go.ts';
import { describePodTemplate } from './replicationcontroller.ts';
import { controlledBy, describeConditions, describeInWriter, listItems, podPhaseCounts, podsStatus, printAnnotations, printLabels, type DescribeSettings } from './shared.ts';
import { arr, field, isJsonObject, obj, str, type Json } from '../../../world/json.ts';

const apps = (ns: string) => `/apis/apps/v1/namespaces/${encodeURIComponent(ns)}`;

/** labels.Selector's String: as FormatLabelSelector, but "" for a selector that selects everything. */
const selectorString = (s: Json | undefined) => {
  const text = formatLabelSelector(s);
  return text === '<none>' ? '' : text;
};

/** apiequality.Semantic.DeepEqual on what JSON holds: an absent field, null, and an empty list or map are alike. */
function normalised(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(normalised);
  if (isJsonObject(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const n = normalised(v[k]);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v === null ? undefined : v;
}

/** equalIgnoreHash: two pod templates alike once the pod-template-hash label is left out. */
function sameTemplate(a: Json | undefined, b: Json | undefined): boolean {
  const strip = (t: Json | undefined) => {
    const labels = { ...obj(field(t, 'metadata', 'labels')) };
    delete labels['pod-template-hash'];
    return normalised({ ...obj(t), metadata: { ...obj(field(t, 'metadata')), labels } });
  };
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

export async function describeDeploymentByName(world: World, namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const d = await getTyped(world, `${apps(namespace)}/deployments/${encodeURIComponent(name)}`, `deployments.apps "${name}" not found`);
  const events = settings.showEvents ? await searchEvents(world, { kind: 'Deployment', name: d.metadata.name, namespace: d.metadata.namespace ?? '', uid: d.metadata.uid }, settings.chunkSize) : undefined;
  const selector = selectorString(d.spec?.selector);
  const all = await listItems(world, `${apps(namespace)}/replicasets${selector ? `?labelSelector=${encodeURIComponent(selector)}` : ''}`);
  const owned = all.filter((rs) => controlledBy(rs, d.metadata.uid));
  const time = (rs: Json) => new Date(str(field(rs, 'metadata', 'creationTimestamp')) || 0).getTime();
  const nameOf = (rs: Json) => str(field(rs, 'metadata', 'name'));
  owned.sort((a, b) => time(a) - time(b) || (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  const newRs = owned.find((rs) => sameTemplate(field(rs, 'spec', 'template'), d.spec?.template));
  const oldRss = owned.filter((rs) => rs !== newRs);
  return describeDeployment(d, oldRss, newRs ? [newRs] : [], events, settings.now);
}

const rsList = (list: readonly Json[]) =>
  list.map((rs) => `${String(field(rs, 'metadata', 'name'))} (${String(field(rs, 'status', 'replicas') ?? 0)}/${String(field(rs, 'spec', 'replicas') ?? 1)} replicas created)`).join(', ') || '<none>';

export function describeDeployment(d: KubeObject, oldRss: readonly Json[], newRss: readonly Json[], events: readonly unknown[] | undefined, now: Date): string {
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  const at = (o: Json | undefined, key: string, zero: number) => String(field(o, key) ?? zero);
  return describeInWriter((w) => {
    w.write(0, `Name:\t${d.metadata.name}\n`);
    w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabels(w, 'Labels', d.metadata.labels);
    printAnnotations(w, 'Annotations', d.metadata.annotations);
    w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(0, `Replicas:\t${at(spec, 'replicas', 1)} desired | ${at(status, 'updatedReplicas', 0)} updated | ${at(status, 'replicas', 0)} total | ${at(status, 'availableReplicas', 0)} available | ${at(status, 'unavailableReplicas', 0)} unavailable\n`);
    w.write(0, `StrategyType:\t${String(field(spec, 'strategy', 'type') ?? '')}\n`);
    w.write(0, `MinReadySeconds:\t${at(spec, 'minReadySeconds', 0)}\n`);
    const ru = field(spec, 'strategy', 'rollingUpdate');
    if (ru) w.write(0, `RollingUpdateStrategy:\t${at(ru, 'maxUnavailable', 0)} max unavailable, ${at(ru, 'maxSurge', 0)} max surge\n`);
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
  const selector = selectorString(rs.spec?.selector);
  const pods = await listItems(world, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods${selector ? `?labelSelector=${encodeURIComponent(selector)}` : ''}`);
  const counts = podPhaseCounts(pods.filter((p) => controlledBy(p, rs.metadata.uid)));
  const events = settings.showEvents ? await searchEvents(world, { kind: 'ReplicaSet', name: rs.metadata.name, namespace: rs.metadata.namespace ?? '', uid: rs.metadata.uid }, settings.chunkSize) : undefined;
  return describeReplicaSet(rs, counts, events, settings.now);
}

export function describeReplicaSet(rs: KubeObject, counts: Record<string, number>, events: readonly unknown[] | undefined, now: Date): string {
  const spec = rs.spec ?? {};
  const status = rs.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${rs.metadata.name}\n`);
    w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
    printLabels(w, 'Labels', rs.metadata.labels);
    printAnnotations(w, 'Annotations', rs.metadata.annotations);
    const controller = arr(rs.metadata.ownerReferences).find((o) => field(o, 'controller') === true);
    if (controller) w.write(0, `Controlled By:\t${String(field(controller, 'kind'))}/${String(field(controller, 'name'))}\n`);
    w.write(0, `Replicas:\t${String(status.replicas ?? 0)} current / ${String(spec.replicas ?? 1)} desired\n`);
    w.write(0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeConditions(w, status.conditions);
    if (events) describeEvents(events, w, now);
  });
}
