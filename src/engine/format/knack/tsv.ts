// knack's tsv output: one line per item, dict values in key order (sorted unless the query gave
// an order), nested dicts empty, nested lists their length, None/True/False spelled by Python.
import { isPyContainer, pyStr } from './python.ts';

function cell(value: unknown): string {
  if (Array.isArray(value)) return String(value.length);
  if (isPyContainer(value)) return '';
  return pyStr(value);
}

function row(item: unknown, ordered: boolean): string {
  if (Array.isArray(item)) return item.map(cell).join('\t');
  if (isPyContainer(item)) {
    const keys = Object.keys(item);
    if (!ordered) keys.sort();
    return keys.map((k) => cell((item as Record<string, unknown>)[k])).join('\t');
  }
  if (item === true || item === false) return String(item);
  return pyStr(item);
}

/** `ordered`: keys keep their order (results shaped by --query keep the query's order). */
export function formatTsv(result: unknown, ordered: boolean): string {
  const items = Array.isArray(result) ? result : [result];
  return items.map((item) => `${row(item, ordered)}\n`).join('');
}
