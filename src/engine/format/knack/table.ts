// knack's table output (tabulate "simple", no number parsing): header, dashes, rows; each column
// max(header + 2, widest cell) wide, two spaces between columns, no trailing spaces.
import { isPyContainer, isPyDict, pyStr, writePyRepr } from './python.ts';
import { Printer } from './printer.ts';
import { tabulateSimple } from './tabulate.ts';

export class TableUnavailable extends Error {}

const SKIPPED = new Set(['id', 'type', 'etag']);

function capitalize(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** One row of auto-table: drops id/type/etag and non-scalar values; `sortKeys` without query/transformer. */
function autoRow(item: unknown, sortKeys: boolean, out: Printer): Map<string, string> {
  const row = new Map<string, string>();
  if (Array.isArray(item)) {
    out.scan(item.length);
    const repr = (v: unknown) => out.collect((put) => writePyRepr(v, put, (level) => out.depth(level)));
    item.forEach((v, i) => row.set(`Column${i + 1}`, v === null ? '' : isPyContainer(v) ? repr(v) : pyStr(v)));
    return row;
  }
  if (!isPyDict(item)) {
    row.set('Result', pyStr(item));
    return row;
  }
  const keys = Object.keys(item);
  out.scan(keys.length);
  if (sortKeys) keys.sort();
  for (const key of keys) {
    const value = item[key];
    if (SKIPPED.has(key) || value === null || value === undefined || isPyContainer(value)) continue;
    row.set(capitalize(key), pyStr(value));
  }
  return row;
}

/** Throws TableUnavailable when no column is left, OutputLimit past the lab's bounds. */
export function formatTable(result: unknown, sortKeys: boolean): string {
  const items = Array.isArray(result) ? result : [result];
  if (items.length === 0) return '\n';
  const out = new Printer();
  // A row shared by many items (a query can repeat one) is read once.
  const seen = new Map<unknown, Map<string, string>>();
  const rows = items.map((item) => {
    const known = isPyContainer(item) ? seen.get(item) : undefined;
    if (known) return known;
    const row = autoRow(item, sortKeys, out);
    if (isPyContainer(item)) seen.set(item, row);
    return row;
  });
  const headers = new Set<string>();
  for (const row of new Set(rows)) for (const key of row.keys()) headers.add(key);
  // tabulate prints nothing for rows without a column, and knack ends that with a newline.
  if (headers.size === 0) return '\n';
  out.scan(rows.length * headers.size);
  const names = [...headers];
  tabulateSimple(names, rows.map((r) => names.map((h) => r.get(h) ?? null)), out);
  out.put('\n');
  return out.text();
}
