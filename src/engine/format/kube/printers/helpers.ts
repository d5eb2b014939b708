// Small shared pieces of the server-side printers (k8s pkg/printers/internalversion).
import type { Json, JsonObject, KubeObject } from '../../../world/types.ts';

/** Reads a nested field of an unstructured object, undefined when any step is missing. */
export function field(obj: unknown, ...path: Array<string | number>): Json | undefined {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur as Json | undefined;
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function arr(value: unknown): Json[] {
  return Array.isArray(value) ? value : [];
}

export function obj(value: unknown): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

export function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** labels.FormatLabels: sorted k=v pairs joined by commas, `<none>` when empty. */
export function formatLabels(labels: unknown): string {
  const o = obj(labels);
  const keys = Object.keys(o).sort(byteOrder);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${str(o[k])}`).join(',');
}

/** metav1.FormatLabelSelector: the selector's String(), `<none>` when it selects everything. */
export function formatLabelSelector(selector: unknown): string {
  const s = obj(selector);
  const requirements: Array<{ key: string; text: string }> = [];
  for (const [k, v] of Object.entries(obj(s.matchLabels))) requirements.push({ key: k, text: `${k}=${str(v)}` });
  for (const e of arr(s.matchExpressions)) {
    const key = str(field(e, 'key'));
    const values = arr(field(e, 'values')).map(str).sort(byteOrder).join(',');
    switch (str(field(e, 'operator'))) {
      case 'In':
        requirements.push({ key, text: `${key} in (${values})` });
        break;
      case 'NotIn':
        requirements.push({ key, text: `${key} notin (${values})` });
        break;
      case 'Exists':
        requirements.push({ key, text: key });
        break;
      case 'DoesNotExist':
        requirements.push({ key, text: `!${key}` });
        break;
      default:
        return '<error>';
    }
  }
  if (requirements.length === 0) return '<none>';
  return requirements
    .sort((a, b) => byteOrder(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

export function name(o: KubeObject): string {
  return o.metadata?.name ?? '';
}
