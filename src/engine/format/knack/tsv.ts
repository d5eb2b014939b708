// knack's tsv output (_TsvOutput._dump_row): one line per item, a dict's values in sorted key
// order unless it is an OrderedDict (what a --query multi-select hash `{a: …}` builds: every other
// dict, a part of the command's result selected by a path included, is sorted), nested dicts empty,
// nested lists their length, None/True/False spelled by Python.
import { isOrderedDict, isPyContainer, isPyDict, pyStr } from './python.ts';
import { Printer } from './printer.ts';

function cell(value: unknown, out: Printer): string {
  if (Array.isArray(value)) return String(value.length);
  if (isPyContainer(value)) return '';
  return typeof value === 'string' ? out.cut(value) : pyStr(value);
}

function row(item: unknown, out: Printer): string {
  if (Array.isArray(item)) {
    out.scan(item.length);
    return item.map((v) => cell(v, out)).join('\t');
  }
  if (isPyDict(item)) {
    const keys = Object.keys(item);
    out.scan(keys.length);
    if (!isOrderedDict(item)) keys.sort();
    return keys.map((k) => cell(item[k], out)).join('\t');
  }
  if (item === true || item === false) return String(item);
  return cell(item, out);
}

/** Throws OutputLimit past the lab's bounds. */
export function formatTsv(result: unknown): string {
  const out = new Printer();
  const items = Array.isArray(result) ? result : [result];
  for (const item of items) out.put(`${row(item, out)}\n`);
  return out.text();
}
