// What every describer shares: the settings (--show-events, --chunk-size, the clock), the
// tabbed string a describer builds, the multi-line label, annotation, taint and toleration
// printers of kubectl's pkg/describe, and what the controllers' describers have in common (the
// pods a controller owns, their phases, the conditions table).
import type { World } from '../../../world/types.ts';
import { arr, field, obj, optStr, str, type Json } from '../../../world/json.ts';
import { KUBECTL_DESCRIBE, PrefixWriter, type GoTabwriterOptions } from './tabwriter.ts';

export interface DescribeSettings {
  showEvents: boolean;
  chunkSize: number;
  now: Date;
}

/** tabbedString: what the describer writes, aligned. */
export function describeInWriter(body: (w: PrefixWriter) => void, options: GoTabwriterOptions = KUBECTL_DESCRIBE): string {
  const w = new PrefixWriter(options);
  body(w);
  return w.text();
}

/** printLabelsMultiline. */
export function printLabels(w: PrefixWriter, title: string, labels: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const map = obj(labels);
  const keys = Object.keys(map).sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${key}=${String(map[key])}\n`);
  });
}

const MAX_ANNOTATION = 140;

/** printAnnotationsMultiline: the last applied configuration is left out, long values folded. */
export function printAnnotations(w: PrefixWriter, title: string, annotations: unknown): void {
  w.write(0, `${title}:\t`);
  const map = obj(annotations);
  const keys = Object.keys(map)
    .filter((k) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort();
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = str(map[key]).replace(/\n$/, '');
    if (utf8Length(value) + utf8Length(key) + 2 > MAX_ANNOTATION || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION - 2)}\n`);
    } else w.write(0, `${key}: ${value}\n`);
  });
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** shorten: the first maxLength bytes and "...". */
function shorten(s: string, max: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= max) return s;
  return new TextDecoder().decode(bytes.slice(0, max)) + '...';
}

/** A taint's or a toleration's fields. */
const taintOf = (t: Json) => ({
  key: optStr(field(t, 'key')),
  operator: optStr(field(t, 'operator')),
  value: optStr(field(t, 'value')),
  effect: optStr(field(t, 'effect')),
  tolerationSeconds: field(t, 'tolerationSeconds'),
});
type Taint = ReturnType<typeof taintOf>;

/** printNodeTaintsMultiline: sorted by effect then key, each as Taint.ToString. */
export function printTaints(w: PrefixWriter, title: string, taints: readonly Json[]): void {
  w.write(0, `${title}:\t`);
  if (taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Taint) => `${t.effect ?? ''},${t.key ?? ''}`;
  const sorted = taints.map(taintOf).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    w.write(0, `${text}\n`);
  });
}

/** printPodTolerationsMultiline. */
export function printTolerations(w: PrefixWriter, title: string, tolerations: readonly Json[]): void {
  w.write(0, `${title}:\t`);
  if (tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = tolerations.map(taintOf).sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${String(t.tolerationSeconds)}s`;
    w.write(0, `${text}\n`);
  });
}

/** The items of a LIST; nothing when the server does not answer it. */
export async function listItems(world: World, path: string): Promise<Json[]> {
  const response = await world.kube(path);
  return !response.failure && response.status === 200 ? arr(field(response.body, 'items')) : [];
}

/** Whether an object's controlling owner reference names `uid`. */
export const controlledBy = (o: unknown, uid: string | undefined): boolean => arr(field(o, 'metadata', 'ownerReferences')).some((r) => field(r, 'controller') === true && field(r, 'uid') === uid);

/** getPodStatusForController: the pods counted by phase. */
export function podPhaseCounts(pods: readonly unknown[]): Record<string, number> {
  const counts: Record<string, number> = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of pods) {
    const phase = String(field(p, 'status', 'phase'));
    if (phase in counts) counts[phase]++;
  }
  return counts;
}

/** The "Pods Status" value every controller's describer prints. */
export const podsStatus = (counts: Record<string, number>): string => `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;

/** A controller's conditions as a Type/Status/Reason table, when it has any. */
export function describeConditions(w: PrefixWriter, conditions: Json | undefined): void {
  const rows = arr(conditions);
  if (rows.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of rows) w.write(1, `${String(field(c, 'type'))} \t${String(field(c, 'status'))}\t${String(field(c, 'reason') ?? '')}\n`);
}
