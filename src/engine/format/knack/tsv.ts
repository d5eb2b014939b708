// knack's tsv output: one line per item, dict values in key order (sorted unless the query gave
// an order), nested dicts empty, nested lists their length, None/True/False spelled by Python.
import { isPyContainer, pyStr } from './python.ts';
import { Printer } from './printer.ts';

function cell(value: unknown, out: Printer): string {
  if (Array.isArray(value)) return String(value.length);
  if (isPyContainer(value)) return '';
  return typeof value === 'string' ? out.cut(value) : pyStr(value);
}

function row(item: unknown, ordered: boolean, out: Printer): string {
  if (Array.isArray(item)) {
    out.scan(item.length);
    return item.map((v) => cell(v, out)).join('\t');
  }
  if (isPyContainer(item)) {
    const keys = Object.keys(item);
    out.scan(keys.length);
    if (!ordered) keys.sort();
    return keys.map((k) => cell((item as Record<string, unknown>)[k], out)).join('\t');
  }
  if (item === true || item === false) return String(item);
  return cell(item, out);
}

/** `ordered`: keys keep their order (results shaped by --query keep the query's order). Throws
 * OutputLimit past the lab's bounds. */
export function formatTsv(result: unknown, ordered: boolean): string {
  const out = new Printer();
  const items = Array.isArray(result) ? result : [result];
  for (const item of items) out.put(`${row(item, ordered, out)}\n`);
  return out.text();
}
