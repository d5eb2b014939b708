// knack's json output: json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n".
import { isPyNumber, pyNumber } from './python.ts';

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function pyJson(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (isPyNumber(value)) return pyNumber(value);
  if (typeof value === 'string') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + pyJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(value as object).sort(byCodePoint);
  if (keys.length === 0) return '{}';
  const obj = value as Record<string, unknown>;
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${pyJson(obj[k], inner)}`).join(',\n')}\n${indent}}`;
}

export function formatJson(result: unknown): string {
  return `${pyJson(result)}\n`;
}
