// The events of a described object: searchEvents (client-go's Events.GetFieldSelector: the
// involved object's name, namespace, kind when the reference has one, and uid, sorted by key, as
// fields.Set prints them) and DescribeEvents (the table sorted by last timestamp, `(xN over AGE)`
// for repeated events and series). kubectl also sends limit=--chunk-size and follows `continue`;
// the lab sends no limit, as its other lists do (live mode's bridge passes no paging), and still
// follows a `continue` should a server send one.
import type { KubeObject, World } from '../../../world/types.ts';
import { arr, field, str, type Json } from '../../../world/json.ts';
import { isKubeObject } from '../../../world/schema/kube.ts';
import { KubeError } from '../api.ts';
import { fieldSet, since } from './go.ts';
import type { PrefixWriter } from './tabwriter.ts';

export interface ObjectRef {
  kind?: string;
  name: string;
  namespace: string;
  uid?: string;
}

/** GET …/events?fieldSelector=…, following `continue`; what was read when a page fails (kubectl shows `<none>` when the search fails). */
export async function searchEvents(world: World, ref: ObjectRef, _chunkSize: number): Promise<Json[]> {
  const set: Record<string, string> = { 'involvedObject.name': ref.name, 'involvedObject.namespace': ref.namespace };
  if (ref.kind) set['involvedObject.kind'] = ref.kind;
  if (ref.uid) set['involvedObject.uid'] = ref.uid;
  return listEvents(world, ref.namespace, fieldSet(set), _chunkSize);
}

export async function listEvents(world: World, namespace: string, fieldSelector: string, _chunkSize: number): Promise<Json[]> {
  const base = namespace === '' ? '/api/v1/events' : `/api/v1/namespaces/${encodeURIComponent(namespace)}/events`;
  const items: Json[] = [];
  let cont = '';
  for (let page = 0; page < 1000; page++) {
    const query = [`fieldSelector=${encodeURIComponent(fieldSelector)}`];
    if (cont) query.push(`continue=${encodeURIComponent(cont)}`);
    const response = await world.kube(`${base}?${query.join('&')}`);
    if (response.failure || response.status !== 200) return items;
    items.push(...arr(field(response.body, 'items')));
    cont = str(field(response.body, 'metadata', 'continue'));
    if (!cont) break;
  }
  return items;
}

const time = (t: Json | undefined): number => (t ? new Date(String(t)).getTime() : -62135596800000);

/** DescribeEvents. */
export function describeEvents(events: readonly unknown[], w: PrefixWriter, now: Date): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // sort.Sort on LastTimestamp (an insertion sort at these sizes: stable).
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => time(field(a.e, 'lastTimestamp')) - time(field(b.e, 'lastTimestamp')) || a.i - b.i);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const { e } of sorted) {
    const eventTime = field(e, 'eventTime');
    const series = field(e, 'series');
    const count = field(e, 'count');
    const first = eventTime ? since(eventTime, now) : since(field(e, 'firstTimestamp'), now);
    let interval: string;
    if (series) interval = `${since(field(series, 'lastObservedTime'), now)} (x${String(field(series, 'count') ?? 0)} over ${first})`;
    else if (Number(count ?? 0) > 1) interval = `${since(field(e, 'lastTimestamp'), now)} (x${String(count)} over ${first})`;
    else interval = first;
    const source = field(e, 'source', 'component') || field(e, 'reportingComponent') || '';
    w.write(1, `${String(field(e, 'type') ?? '')}\t${String(field(e, 'reason') ?? '')}\t${interval}\t${String(source)}\t${String(field(e, 'message') ?? '').trim()}\n`);
  }
}

/** A describer's own GET; its failure is the command's error for this object. */
export async function getTyped(world: World, path: string, notFoundText: string): Promise<KubeObject> {
  const response = await world.kube(path);
  if (response.failure) throw new KubeError(`error: ${response.failure.detail ?? response.failure.kind}`);
  if (response.status !== 200) {
    const reason = String(field(response.body, 'reason') ?? '');
    const message = String(field(response.body, 'message') ?? notFoundText);
    throw new KubeError(reason ? `Error from server (${reason}): ${message}` : `Error from server: ${message}`, response.status === 404);
  }
  if (isKubeObject(response.body)) return response.body;
  throw new KubeError(`error: the server's answer to ${path} is not a Kubernetes object`);
}
