// Small shared pieces of the server-side printers (k8s pkg/printers/internalversion).
import type { KubeObject } from '../../../world/types.ts';
import { arr, field, obj, str } from '../../../world/json.ts';

export { arr, field, num, obj, str } from '../../../world/json.ts';

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
