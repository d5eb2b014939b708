// knack's table output (tabulate "simple", no number parsing): header, dashes, rows; each column
// max(header + 2, widest cell) wide, two spaces between columns, no trailing spaces.
import { isPyContainer, pyRepr, pyStr } from './python.ts';
import { tabulateSimple } from './tabulate.ts';

export class TableUnavailable extends Error {}

const SKIPPED = new Set(['id', 'type', 'etag']);

function capitalize(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** One row of auto-table: drops id/type/etag and non-scalar values; `sortKeys` without query/transformer. */
function autoRow(item: unknown, sortKeys: boolean): Map<string, string> {
  const row = new Map<string, string>();
  if (Array.isArray(item)) {
    item.forEach((v, i) => row.set(`Column${i + 1}`, v === null ? '' : isPyContainer(v) ? pyRepr(v) : pyStr(v)));
    return row;
  }
  if (!isPyContainer(item)) {
    row.set('Result', pyStr(item));
    return row;
  }
  const keys = Object.keys(item);
  if (sortKeys) keys.sort();
  for (const key of keys) {
    const value = (item as Record<string, unknown>)[key];
    if (SKIPPED.has(key) || value === null || value === undefined || isPyContainer(value)) continue;
    row.set(capitalize(key), pyStr(value));
  }
  return row;
}

export function formatTable(result: unknown, sortKeys: boolean): string {
  const items = Array.isArray(result) ? result : [result];
  if (items.length === 0) return '\n';
  const rows = items.map((item) => autoRow(item, sortKeys));
  const headers: string[] = [];
  for (const row of rows) for (const key of row.keys()) if (!headers.includes(key)) headers.push(key);
  if (headers.length === 0) throw new TableUnavailable();
  return `${tabulateSimple(headers, rows.map((r) => headers.map((h) => r.get(h) ?? null)))}\n`;
}
