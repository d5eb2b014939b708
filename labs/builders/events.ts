// The events a cluster still holds: the recent pods' and their controllers'.
import { arr, field, isJsonObject, num, optStr, str } from '../../src/engine/world/json.ts';
import type { KubeObject } from '../../src/engine/world/types.ts';
import type { KubeContext } from './kube-context.ts';

/** The events a cluster still holds (the API server keeps them 3 hours, `--event-ttl`): those of
 * the pods started less than 3 hours before the lab's clock — the scheduler's assignment, the
 * kubelet's pull, create and start of each container — and of their controllers' creating them.
 * Messages as Kubernetes of the cluster's version words them (before 1.19 `Successfully pulled
 * image "…"` without the time it took). */
/** `{ [key]: value }` when there is a value, else nothing (as JSON leaves out an undefined field). */
function present(key: string, value: string | undefined): Record<string, string> {
  return value === undefined ? {} : { [key]: value };
}

export function recentEvents(ctx: KubeContext, objects: KubeObject[]): KubeObject[] {
  const { meta, clock, kubeMinor } = ctx;
  const ttl = 3 * 60 * 60_000;
  const out: KubeObject[] = [];
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const event = (involved: KubeObject, reason: string, message: string, at: number, source: { component: string; host?: string }, fieldPath?: string) => {
    // The recorder names an event after its object and the time in nanoseconds, in hex.
    const name = `${involved.metadata.name}.${(BigInt(at) * 1_000_000n + BigInt(out.length * 7919)).toString(16)}`;
    const ageMinutes = (clock - at) / 60_000;
    const ns = involved.metadata.namespace;
    const m = meta(name, ageMinutes, {}, ns);
    out.push({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { ...m, creationTimestamp: iso(at) },
      involvedObject: { kind: involved.kind, ...present('namespace', ns), name: involved.metadata.name, ...present('uid', involved.metadata.uid), apiVersion: involved.apiVersion, ...present('resourceVersion', optStr(involved.metadata.resourceVersion)), ...present('fieldPath', fieldPath) },
      reason,
      message,
      source,
      firstTimestamp: iso(at),
      lastTimestamp: iso(at),
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: '',
      reportingInstance: '',
    });
  };
  const recent = (o: KubeObject) => clock - Date.parse(o.metadata.creationTimestamp ?? '') < ttl;
  for (const dc of objects.filter((o) => o.kind === 'DeploymentConfig' && recent(o))) {
    const version = num(dc.status?.latestVersion);
    const rc = objects.find((o) => o.kind === 'ReplicationController' && o.metadata.name === `${dc.metadata.name}-${version}` && o.metadata.namespace === dc.metadata.namespace);
    if (rc) event(dc, 'DeploymentCreated', `Created new replication controller "${rc.metadata.name}" for version ${version}`, Date.parse(rc.metadata.creationTimestamp ?? ''), { component: 'deploymentconfig-controller' });
  }
  for (const pod of objects.filter((o) => o.kind === 'Pod' && recent(o))) {
    const created = Date.parse(pod.metadata.creationTimestamp ?? '');
    const owner = field(pod.metadata.ownerReferences, 0);
    const ownerKind = str(field(owner, 'kind'));
    const controller = owner === undefined ? undefined : objects.find((o) => o.kind === ownerKind && o.metadata.name === field(owner, 'name') && o.metadata.namespace === pod.metadata.namespace);
    if (controller) event(controller, 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, created, { component: ownerKind === 'ReplicaSet' ? 'replicaset-controller' : 'replication-controller' });
    const nodeName = str(pod.spec?.nodeName);
    event(pod, 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`, created, { component: 'default-scheduler' });
    const kubelet = { component: 'kubelet', host: nodeName };
    for (const c of arr(pod.spec?.containers).filter(isJsonObject).map((o) => ({ name: str(o.name), image: str(o.image) }))) {
      const fieldPath = `spec.containers{${c.name}}`;
      event(pod, 'Pulling', `Pulling image "${c.image}"`, created + 2_000, kubelet, fieldPath);
      event(pod, 'Pulled', kubeMinor < 19 ? `Successfully pulled image "${c.image}"` : `Successfully pulled image "${c.image}" in 12.403s (12.403s including waiting)`, created + 14_000, kubelet, fieldPath);
      event(pod, 'Created', `Created container ${c.name}`, created + 15_000, kubelet, fieldPath);
      event(pod, 'Started', `Started container ${c.name}`, created + 15_000, kubelet, fieldPath);
    }
  }
  return out;
}
