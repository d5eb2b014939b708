// kubectl's NodeDescriber: the node, its lease (kube-node-lease), the pods bound to it that have
// not ended (fieldSelector spec.nodeName=…,status.phase!=Succeeded,status.phase!=Failed across all
// namespaces) with their requests and limits against the node's allocatable resources, and the
// events about it (searched twice: with the node's uid and with its name as uid).
import type { KubeObject, World } from '../../../world/types.ts';
import { describeEvents, getTyped, searchEvents } from './events.ts';
import { addQuantity, goInt64, milliValue, parseQuantity, quantityString, rfc1123z, since, value, ZERO, type Quantity } from './go.ts';
import { describeInWriter, printAnnotations, printLabels, printTaints, type DescribeSettings } from './shared.ts';
import type { PrefixWriter } from './tabwriter.ts';
import { arr, field, obj, str, type Json } from '../../../world/json.ts';

interface Lease {
  ok: boolean;
  lease?: Json;
  error?: string;
}

export async function describeNodeByName(world: World, _namespace: string, name: string, settings: DescribeSettings): Promise<string> {
  const node = await getTyped(world, `/api/v1/nodes/${encodeURIComponent(name)}`, `nodes "${name}" not found`);
  const selector = `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`;
  const pods: Json[] = [];
  let cont = '';
  for (let page = 0; page < 1000; page++) {
    const query = [`fieldSelector=${encodeURIComponent(selector)}`];
    if (cont) query.push(`continue=${encodeURIComponent(cont)}`);
    const response = await world.kube(`/api/v1/pods?${query.join('&')}`);
    if (response.failure || response.status !== 200) break;
    pods.push(...arr(field(response.body, 'items')));
    cont = str(field(response.body, 'metadata', 'continue'));
    if (!cont) break;
  }
  let events: Json[] | undefined;
  if (settings.showEvents) {
    const ref = { kind: 'Node', name: node.metadata.name, namespace: '' };
    events = await searchEvents(world, { ...ref, uid: node.metadata.uid }, settings.chunkSize);
    events.push(...(await searchEvents(world, { ...ref, uid: node.metadata.name }, settings.chunkSize)));
  }
  const leaseResponse = await world.kube(`/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(name)}`);
  const lease: Lease =
    !leaseResponse.failure && leaseResponse.status === 200
      ? { ok: true, lease: leaseResponse.body }
      : { ok: false, error: String(field(leaseResponse.body, 'message') ?? leaseResponse.failure?.detail ?? 'the server could not find the requested resource') };
  return describeNode(node, pods, events, lease, settings.now);
}

/** Go's map iteration is random, but resource lists print sorted by name (SortableResourceNames). */
function resourceList(list: Json | undefined): Array<[string, Quantity]> {
  const map = obj(list);
  return Object.keys(map)
    .sort()
    .map((k) => [k, parseQuantity(map[k]) ?? ZERO]);
}

function findRoles(labels: Record<string, string>): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export function describeNode(node: KubeObject, pods: readonly unknown[], events: readonly unknown[] | undefined, lease: Lease, now: Date): string {
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  return describeInWriter((w) => {
    w.write(0, `Name:\t${node.metadata.name}\n`);
    const roles = findRoles(node.metadata.labels ?? {});
    w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
    printLabels(w, 'Labels', node.metadata.labels);
    printAnnotations(w, 'Annotations', node.metadata.annotations);
    w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    printTaints(w, 'Taints', arr(spec.taints));
    w.write(0, `Unschedulable:\t${String(spec.unschedulable === true)}\n`);
    if (lease.ok) {
      const l = field(lease.lease, 'spec');
      const acquireTime = field(l, 'acquireTime');
      const renewTime = field(l, 'renewTime');
      w.write(0, 'Lease:\n');
      w.write(1, `HolderIdentity:\t${String(field(l, 'holderIdentity') ?? '<unset>')}\n`);
      w.write(1, `AcquireTime:\t${acquireTime ? rfc1123z(acquireTime) : '<unset>'}\n`);
      w.write(1, `RenewTime:\t${renewTime ? rfc1123z(renewTime) : '<unset>'}\n`);
    } else w.write(0, `Lease:\tFailed to get lease: ${String(lease.error)}\n`);
    const conditions = arr(status.conditions);
    if (conditions.length > 0) {
      w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conditions) {
        const text = (key: string) => String(field(c, key) ?? '');
        w.write(1, `${text('type')} \t${text('status')} \t${rfc1123z(field(c, 'lastHeartbeatTime'))} \t${rfc1123z(field(c, 'lastTransitionTime'))} \t${text('reason')} \t${text('message')}\n`);
      }
    }
    w.write(0, 'Addresses:\n');
    for (const a of arr(status.addresses)) w.write(1, `${String(field(a, 'type'))}:\t${String(field(a, 'address'))}\n`);
    const capacity = resourceList(status.capacity);
    const allocatableList = resourceList(status.allocatable);
    if (capacity.length > 0) {
      w.write(0, 'Capacity:\n');
      for (const [k, q] of capacity) w.write(0, `  ${k}:\t${quantityString(q)}\n`);
    }
    if (allocatableList.length > 0) {
      w.write(0, 'Allocatable:\n');
      for (const [k, q] of allocatableList) w.write(0, `  ${k}:\t${quantityString(q)}\n`);
    }
    const info = (key: string) => String(field(status, 'nodeInfo', key) ?? '');
    w.write(0, 'System Info:\n');
    w.write(0, `  Machine ID:\t${info('machineID')}\n`);
    w.write(0, `  System UUID:\t${info('systemUUID')}\n`);
    w.write(0, `  Boot ID:\t${info('bootID')}\n`);
    w.write(0, `  Kernel Version:\t${info('kernelVersion')}\n`);
    w.write(0, `  OS Image:\t${info('osImage')}\n`);
    w.write(0, `  Operating System:\t${info('operatingSystem')}\n`);
    w.write(0, `  Architecture:\t${info('architecture')}\n`);
    w.write(0, `  Container Runtime Version:\t${info('containerRuntimeVersion')}\n`);
    w.write(0, `  Kubelet Version:\t${info('kubeletVersion')}\n`);
    w.write(0, `  Kube-Proxy Version:\t${info('kubeProxyVersion')}\n`);
    if (spec.podCIDR) w.write(0, `PodCIDR:\t${String(spec.podCIDR)}\n`);
    const podCIDRs = arr(spec.podCIDRs);
    if (podCIDRs.length > 0) w.write(0, `PodCIDRs:\t${podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(0, `ProviderID:\t${String(spec.providerID)}\n`);
    const allocatable = obj(status.allocatable);
    describeNodeResource(pods, Object.keys(allocatable).length > 0 ? allocatable : obj(status.capacity), w, now);
    if (events) describeEvents(events, w, now);
  });
}

type Amounts = Map<string, Quantity>;

/** resourcehelper.PodRequestsAndLimits: the larger of the containers' sum and any init container,
 * plus the pod's overhead (a request the pod does not state is zero here: the API server, not
 * kubectl, defaults a request to its limit). */
function podRequestsAndLimits(pod: unknown): { reqs: Amounts; limits: Amounts } {
  const spec = field(pod, 'spec');
  const sum = (containers: readonly Json[], key: 'requests' | 'limits'): Amounts => {
    const out: Amounts = new Map();
    for (const c of containers) {
      for (const [k, v] of Object.entries(obj(field(c, 'resources', key)))) {
        const q = parseQuantity(v);
        if (q) out.set(k, addQuantity(out.get(k) ?? ZERO, q));
      }
    }
    return out;
  };
  const max = (a: Amounts, containers: readonly Json[], key: 'requests' | 'limits'): Amounts => {
    for (const c of containers) {
      const own = sum([c], key);
      for (const [k, q] of own) if (!a.has(k) || a.get(k)!.nanos < q.nanos) a.set(k, q);
    }
    return a;
  };
  const init = arr(field(spec, 'initContainers'));
  const containers = arr(field(spec, 'containers'));
  const reqs = max(sum(containers, 'requests'), init, 'requests');
  const limits = max(sum(containers, 'limits'), init, 'limits');
  for (const [key, target] of [['requests', reqs], ['limits', limits]] as const) {
    for (const [k, v] of Object.entries(obj(field(spec, 'overhead')))) {
      const q = parseQuantity(v);
      if (q && (key === 'requests' || target.has(k))) target.set(k, addQuantity(target.get(k) ?? ZERO, q));
    }
  }
  return { reqs, limits };
}

/** IsStandardContainerResourceName's names, and pods: the rest are extended resources. */
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);

function describeNodeResource(pods: readonly unknown[], allocatable0: Record<string, Json>, w: PrefixWriter, now: Date): void {
  const allocatable = new Map(Object.entries(allocatable0).map(([k, v]) => [k, parseQuantity(v) ?? ZERO] as const));
  const cpuAlloc = milliValue(allocatable.get('cpu') ?? ZERO);
  const memAlloc = value(allocatable.get('memory') ?? ZERO);
  const storageAlloc = value(allocatable.get('ephemeral-storage') ?? ZERO);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const pct = (n: number, d: number) => goInt64((n / d) * 100);
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    const cr = reqs.get('cpu') ?? ZERO;
    const cl = limits.get('cpu') ?? ZERO;
    const mr = reqs.get('memory') ?? ZERO;
    const ml = limits.get('memory') ?? ZERO;
    w.write(
      1,
      `${String(field(pod, 'metadata', 'namespace') ?? '')}\t${String(field(pod, 'metadata', 'name'))}\t\t${quantityString(cr)} (${pct(milliValue(cr), cpuAlloc)}%)\t${quantityString(cl)} (${pct(milliValue(cl), cpuAlloc)}%)\t${quantityString(mr)} (${pct(value(mr), memAlloc)}%)\t${quantityString(ml)} (${pct(value(ml), memAlloc)}%)\t${since(field(pod, 'metadata', 'creationTimestamp'), now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const reqs: Amounts = new Map();
  const limits: Amounts = new Map();
  for (const pod of pods) {
    const own = podRequestsAndLimits(pod);
    for (const [k, q] of own.reqs) reqs.set(k, reqs.has(k) ? addQuantity(reqs.get(k)!, q) : q);
    for (const [k, q] of own.limits) limits.set(k, limits.has(k) ? addQuantity(limits.get(k)!, q) : q);
  }
  const frac = (n: number, d: number) => (d !== 0 ? goInt64((n / d) * 100) : '0');
  const line = (name: string, unit: (q: Quantity) => number, alloc: number) => {
    const r = reqs.get(name) ?? ZERO;
    const l = limits.get(name) ?? ZERO;
    w.write(1, `${name}\t${quantityString(r)} (${frac(unit(r), alloc)}%)\t${quantityString(l)} (${frac(unit(l), alloc)}%)\n`);
  };
  line('cpu', milliValue, cpuAlloc);
  line('memory', value, memAlloc);
  line('ephemeral-storage', value, storageAlloc);
  const names = [...allocatable.keys()];
  const huge = names.filter((n) => n.startsWith('hugepages-')).sort();
  const ext = names.filter((n) => !n.startsWith('hugepages-') && !STANDARD.has(n)).sort();
  for (const n of huge) line(n, value, value(allocatable.get(n) ?? ZERO));
  for (const n of ext) w.write(1, `${n}\t${quantityString(reqs.get(n) ?? ZERO)}\t${quantityString(limits.get(n) ?? ZERO)}\n`);
}

