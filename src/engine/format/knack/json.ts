// knack's json output: json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n".
// Written through a Printer, so a huge or deeply nested value stops at the lab's bounds.
import { isPyDict, isPyNumber, pyNumber } from './python.ts';
import { Printer } from './printer.ts';

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function scalar(value: unknown, out: Printer): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (isPyNumber(value)) return pyNumber(value);
  return JSON.stringify(typeof value === 'string' ? out.cut(value) : value);
}

function write(value: unknown, out: Printer, indent: string, level: number): void {
  out.depth(level);
  if (!isPyDict(value) && !Array.isArray(value)) return out.put(scalar(value, out));
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return out.put('[]');
    value.forEach((v, i) => {
      out.put(`${i ? ',' : '['}\n${inner}`);
      write(v, out, inner, level + 1);
    });
    return out.put(`\n${indent}]`);
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return out.put('{}');
  out.scan(keys.length);
  keys.sort(byCodePoint).forEach((k, i) => {
    out.put(`${i ? ',' : '{'}\n${inner}${JSON.stringify(out.cut(k))}: `);
    write(value[k], out, inner, level + 1);
  });
  out.put(`\n${indent}}`);
}

/** json.dumps(value, indent=2, sort_keys=True); throws OutputLimit past the lab's bounds. */
export function pyJson(value: unknown, indent = ''): string {
  const out = new Printer();
  write(value, out, indent, 0);
  return out.text();
}

export function formatJson(result: unknown): string {
  const out = new Printer();
  write(result, out, '', 0);
  out.put('\n');
  return out.text();
}
