// kubectl get --sort-by (kubectl 1.32 pkg/cmd/get/sorter.go), with its rules as kubectl applies them:
//   - the expression is relaxed (`.a.b`, `{a.b}` …); a server Table of two rows or more is sorted on
//     the objects of its rows; one whose expression does not parse or that no row has prints nothing
//     (kubectl drops the printer's error), so the command ends with "No resources found";
//   - a list printed as json, yaml, name … (or several tables, sorted as objects among themselves)
//     fails instead: the relaxed path's error, the parser's, or "couldn't find any field";
//   - a row without the field is "less" than any other, also than another without it, and the sort
//     is Go's unstable sort.Sort: the order such rows end in is the algorithm's (go-sort.ts);
//   - values compare as Go compares decoded JSON: integers, floats, and strings — two strings that are
//     both quantities (`10`, `500m`, `2Gi`) by their value, other strings byte-wise; null is less
//     than anything; two values of different types, a boolean, an object or an array stop kubectl
//     with klog's fatal line.
import type { KubeObject } from '../../world/types.ts';
import { JsonPath, JsonPathError } from '../../format/kube/jsonpath.ts';
import { goSort } from '../../format/kube/go-sort.ts';
import { parseQuantity } from './describe/go.ts';
import { KubeError } from './api.ts';
import { plainError } from './cli.ts';

const RELAXED_ERROR = "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";

/** RelaxedJSONPathExpression; undefined when kubectl rejects the expression. */
export function relaxedPath(expr: string): string | undefined {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  return m ? `{.${m[1] ?? m[2]}}` : undefined;
}

/** kubectl stopping through klog.Exitf: the fatal line (severity, date, time, pid, file:line), exit 1. */
export class SortFatal extends KubeError {
  constructor(now: Date, line: number, message: string) {
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    const stamp = `${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())} ${p(now.getUTCHours())}:${p(now.getUTCMinutes())}:${p(now.getUTCSeconds())}.${p(now.getUTCMilliseconds() * 1000, 6)}`;
    super(`F${stamp} ${String(1).padStart(7)} sorter.go:${line}] ${message}`);
  }
}

class Unsortable extends Error {}

/** The Go type a decoded JSON value has, as %T prints it. */
function goType(v: unknown): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** A quantity as resource.ParseQuantity reads it (no spaces, a number first), else undefined. */
function quantity(s: string): bigint | undefined {
  if (s !== s.trim() || /[eE][+-]?\d{4,}$/.test(s)) return undefined;
  return parseQuantity(s)?.nanos;
}

/** sorter.go's isLess for two values reached through an unstructured object (reflect.Interface). */
export function goLess(i: unknown, j: unknown): boolean {
  const iNil = i === null || i === undefined;
  const jNil = j === null || j === undefined;
  if (iNil && jNil) return false;
  if (iNil) return true;
  if (jNil) return false;
  const it = goType(i);
  if (it === 'bool' || it.startsWith('[]') || it.startsWith('map')) throw new Unsortable(`unsortable type: ${it}`);
  if (goType(j) !== it) throw new Unsortable('unsortable interface: interface');
  if (typeof i === 'string' && typeof j === 'string') {
    const a = quantity(i);
    const b = a === undefined ? undefined : quantity(j);
    if (a !== undefined && b !== undefined) return a < b;
    return utf8Less(i, j);
  }
  // Both numbers: goType found the same type for both.
  return typeof i === 'number' && typeof j === 'number' && i < j;
}

/** Go's string comparison: byte-wise on UTF-8, which orders a surrogate pair after U+E000–U+FFFF. */
function utf8Less(a: string, b: string): boolean {
  const [x, y] = [new TextEncoder().encode(a), new TextEncoder().encode(b)];
  for (let k = 0; k < x.length && k < y.length; k++) if (x[k] !== y[k]) return x[k] < y[k];
  return x.length < y.length;
}

function parser(field: string): JsonPath {
  return new JsonPath(field).setAllowMissingKeys(true);
}

/** The first value the expression finds in an object, or `missing`. */
function keysOf(jp: JsonPath, objects: readonly unknown[]): Array<{ found: boolean; value: unknown }> {
  return objects.map((o) => {
    const values = jp.findValues(o);
    return values.length > 0 && values[0].length > 0 ? { found: true, value: values[0][0] } : { found: false, value: undefined };
  });
}

/** Sorts `items` in place with Go's sort.Sort and the sorter's Less. `fatal`: klog's line for an unsortable value. */
function sortKeyed<T>(items: T[], keys: Array<{ found: boolean; value: unknown }>, fatal: (kind: string, err: string) => never): void {
  const less = (i: number, j: number): boolean => {
    if (!keys[i].found) return true;
    if (!keys[j].found) return false;
    try {
      return goLess(keys[i].value, keys[j].value);
    } catch (e) {
      if (e instanceof Unsortable) fatal('interface', e.message);
      throw e;
    }
  };
  const swap = (i: number, j: number): void => {
    [items[i], items[j]] = [items[j], items[i]];
    [keys[i], keys[j]] = [keys[j], keys[i]];
  };
  goSort(items.length, less, swap);
}

/** SortObjects: a list's objects (or several tables) sorted, or kubectl's error. */
export function sortObjects<T>(objects: T[], expr: string, now: Date, view: (o: T) => unknown = (o) => o): T[] {
  if (objects.length === 0) return objects;
  const field = relaxedPath(expr);
  if (field === undefined) throw plainError(RELAXED_ERROR);
  let jp: JsonPath;
  try {
    jp = parser(field);
  } catch (e) {
    if (e instanceof JsonPathError) throw plainError(e.message);
    throw e;
  }
  const keys = keysOf(jp, objects.map(view));
  if (!keys.some((k) => k.found)) throw plainError(`couldn't find any field with path "${field}" in the list of objects`);
  const out = [...objects];
  sortKeyed(out, keys, (kind, err) => {
    throw new SortFatal(now, 329, `Field ${field} in *unstructured.Unstructured is an unsortable type: ${kind}, err: ${err}`);
  });
  return out;
}

/** The rows of one server Table as the SortingPrinter leaves them: sorted, as they were (one row),
 * or none at all when the sorter fails (kubectl prints nothing of that table). */
export function sortTableRows(objects: KubeObject[], expr: string, now: Date): KubeObject[] {
  if (objects.length <= 1) return objects;
  const field = relaxedPath(expr) ?? expr;
  let jp: JsonPath;
  try {
    jp = parser(field);
  } catch (e) {
    if (e instanceof JsonPathError) return [];
    throw e;
  }
  const keys = keysOf(jp, objects);
  if (!keys.some((k) => k.found)) return [];
  const out = [...objects];
  sortKeyed(out, keys, (kind, err) => {
    throw new SortFatal(now, 375, `Field ${field} in [][][]reflect.Value is an unsortable type: ${kind}, err: ${err}`);
  });
  return out;
}
