// jq values as JavaScript values: null, booleans, numbers (and NumberLiteral, a number kept as
// written), strings, arrays and objects. Objects have no prototype and are read with Object.hasOwn,
// so keys such as `__proto__`, `constructor` or `toString` are ordinary keys; finished objects are
// only ever read, and a program changes only the copies it makes (newObject).
// Walks over values keep their own stack: a value may be nested far deeper than the call stack.
import { COST, type Meter } from './budget.ts';

/** A jq value. */
export type JqValue = null | boolean | number | NumberLiteral | string | JqValue[] | JqObject;
/** A jq object: prototype-less, read with Object.hasOwn. */
export interface JqObject {
  [key: string]: JqValue;
}

/** A number read from a literal (input JSON or the program) that jq 1.7 prints as it was written
 * (`1.0`, `1E+1000`, `100000000000000000000`, in decNumber's canonical form) until arithmetic
 * makes a new number of it. Only literals whose canonical text is not the double's own are kept
 * this way; every other number is a plain JavaScript number. */
export class NumberLiteral {
  readonly value: number;
  readonly text: string;
  constructor(value: number, text: string) {
    this.value = value;
    this.text = text;
  }
}

/** `v` with a kept literal turned into its number (what arithmetic and comparisons read). */
export function plain(v: JqValue): Exclude<JqValue, NumberLiteral> {
  return v instanceof NumberLiteral ? v.value : v;
}

/** A number's double, whether kept as a literal or not. */
export function numeric(v: number | NumberLiteral): number {
  return v instanceof NumberLiteral ? v.value : v;
}

export function isNumber(v: JqValue): v is number | NumberLiteral {
  return typeof v === 'number' || v instanceof NumberLiteral;
}

/** decNumber's canonical (scientific) text of a JSON number literal: trailing zeros kept, plain
 * notation while the exponent is not positive and the adjusted exponent is -6 or more. */
export function canonicalNumber(literal: string): string {
  const m = /^(-?)0*(\d*?)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!m) return literal;
  const [, sign, whole, fraction = ''] = m;
  let digits = (whole + fraction).replace(/^0+/, '') || '0';
  const exponent = Number(m[4] ?? 0) - fraction.length;
  const adjusted = exponent + digits.length - 1;
  if (exponent <= 0 && adjusted >= -6) {
    if (exponent === 0) return sign + digits;
    const point = digits.length + exponent;
    if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
  digits = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${digits}E${adjusted < 0 ? '-' : '+'}${Math.abs(adjusted)}`;
}

/** A number from its literal text: a NumberLiteral when jq 1.7 would print the text otherwise
 * than the double (`print` is the writer's text of a double). */
export function numberFromLiteral(literal: string, print: (n: number) => string): JqValue {
  const value = Number(literal);
  const text = canonicalNumber(literal);
  return text === print(value) ? value : new NumberLiteral(value, text);
}

export function typeOf(v: JqValue): string {
  if (v === null) return 'null';
  if (v instanceof NumberLiteral) return 'number';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

export function isObject(v: JqValue | undefined): v is JqObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof NumberLiteral);
}

/** A key JavaScript would list before the others (an array index), whatever its insertion order. */
export function isIndexKey(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/** A new jq object to fill in. JavaScript lists an object's array-index keys ("2", "80") first,
 * where jq keeps every key in insertion order; so the object lists its keys through a proxy that
 * remembers their order once it holds such a key. */
export function newObject(): JqObject {
  let order: string[] | null = null;
  return new Proxy(emptyObject(), {
    set(t, key, value) {
      if (typeof key !== 'string') return Reflect.set(t, key, value);
      if (!(key in t)) {
        if (order) order.push(key);
        else if (isIndexKey(key)) order = [...Object.keys(t), key];
      }
      t[key] = value;
      return true;
    },
    deleteProperty(t, key) {
      if (typeof key === 'string' && key in t) {
        delete t[key];
        order?.splice(order.indexOf(key), 1);
      }
      return true;
    },
    ownKeys(t) {
      return order ? [...order] : Reflect.ownKeys(t);
    },
  });
}

/** A plain object with no prototype, so that no key is special. */
export function emptyObject(): JqObject {
  const o: JqObject = Object.create(null);
  return o;
}

export function hasKey(o: JqObject, key: string): boolean {
  return Object.hasOwn(o, key);
}

/** The value at `key`, or undefined when `o` has no such key of its own. */
export function getKey(o: JqObject, key: string): JqValue | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A fresh object with `o`'s keys in `o`'s order (assignment to a prototype-less object never
 * reaches a `__proto__` setter). */
export function copyObject(o: JqObject, meter: Meter): JqObject {
  const keys = Object.keys(o);
  meter.charge(keys.length * COST.entry);
  const out = newObject();
  for (const k of keys) out[k] = o[k];
  return out;
}

/** A finished object (read, never changed in place): a plain object unless one of its keys is an
 * array index, whose place only newObject's proxy keeps. */
export function objectFrom(entries: ReadonlyArray<readonly [string, JqValue]>): JqObject {
  const out = entries.some(([k]) => isIndexKey(k)) ? newObject() : emptyObject();
  for (const [k, v] of entries) out[k] = v;
  return out;
}

const TYPE_ORDER = ['null', 'boolean', 'number', 'string', 'array', 'object'];

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareScalars(a: JqValue, b: JqValue): number {
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  return 0;
}

/** Two canonical decimal texts (`-1.50E+3`) by value. */
export function compareDecimals(a: string, b: string): number {
  const parse = (t: string) => {
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:E([+-]\d+))?$/.exec(t);
    if (!m) return null;
    // value = 0.digits × 10^point, digits without leading zeros
    const all = m[2] + (m[3] ?? '');
    const lead = all.length - all.replace(/^0+/, '').length;
    const digits = all.slice(lead);
    return { negative: m[1] === '-' && digits !== '', digits, point: m[2].length - lead + Number(m[4] ?? 0) };
  };
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return compareNumbers(Number(a), Number(b));
  if (x.negative !== y.negative) return x.negative ? -1 : 1;
  const sign = x.negative ? -1 : 1;
  if (!x.digits || !y.digits) return sign * ((x.digits ? 1 : 0) - (y.digits ? 1 : 0));
  if (x.point !== y.point) return sign * (x.point < y.point ? -1 : 1);
  const dx = x.digits.replace(/0+$/, '');
  const dy = y.digits.replace(/0+$/, '');
  return sign * (dx < dy ? -1 : dx > dy ? 1 : 0);
}

/** Two numbers as jq 1.7.1 compares them: numbers read from literals by their decimal value
 * (decNumber), so `1.000000000000000000001` is above `1` and `9007199254740993` is not
 * `9007199254740992`; other numbers as doubles. A plain number met with a kept literal is taken
 * for a literal too (its text is the double's), the common case; a computed one equal to the
 * literal's double (`0.5 + 0.5`) is where the lab and jq part. Doubles that differ order the
 * same way as their decimals, so the decimals are read only on a tie. */
function compareNumberValues(a: number | NumberLiteral, b: number | NumberLiteral): number {
  if (a instanceof NumberLiteral && b instanceof NumberLiteral) return compareDecimals(a.text, b.text);
  const x = numeric(a);
  const y = numeric(b);
  if (x !== y || !Number.isFinite(x) || !(a instanceof NumberLiteral || b instanceof NumberLiteral)) return compareNumbers(x, y);
  const text = (v: number | NumberLiteral) => (v instanceof NumberLiteral ? v.text : canonicalNumber(String(v)));
  return compareDecimals(text(a), text(b));
}


/** jq 1.7.1 orders NaN below every number, itself included. */
function compareNumbers(a: number, b: number): number {
  if (Number.isNaN(a)) return -1;
  if (Number.isNaN(b)) return 1;
  return a < b ? -1 : a === b ? 0 : 1;
}

/** Sorting n keys costs about n log n comparisons. */
export function sortCost(n: number): number {
  return n * Math.max(1, Math.ceil(Math.log2(n + 1))) * COST.compare;
}

function sortedKeys(o: JqObject, meter: Meter): string[] {
  const keys = Object.keys(o);
  meter.charge(keys.length * COST.entry + sortCost(keys.length));
  return keys.sort();
}

/** jq's total order: null < false < true < numbers < strings < arrays < objects; arrays by
 * their items then length, objects by their sorted keys then values in key order. */
export function compare(a: JqValue, b: JqValue, meter: Meter): number {
  if (isNumber(a) && isNumber(b)) {
    meter.charge(COST.compare);
    return compareNumberValues(a, b);
  }
  // Pending pairs, and numbers (a length difference) to check once the pairs before them tie.
  const stack: Array<readonly [JqValue, JqValue] | number> = [[a, b]];
  while (stack.length) {
    const top = stack.pop()!;
    if (typeof top === 'number') {
      if (top) return top;
      continue;
    }
    meter.charge(COST.compare);
    if (isNumber(top[0]) && isNumber(top[1])) {
      const c = compareNumberValues(top[0], top[1]);
      if (c) return c;
      continue;
    }
    const x = plain(top[0]);
    const y = plain(top[1]);
    if (x === y) continue;
    const tx = typeOf(x);
    const ty = typeOf(y);
    if (tx !== ty) return TYPE_ORDER.indexOf(tx) - TYPE_ORDER.indexOf(ty);
    if (Array.isArray(x) && Array.isArray(y)) {
      const n = Math.min(x.length, y.length);
      stack.push(x.length - y.length);
      for (let i = n - 1; i >= 0; i--) stack.push([x[i], y[i]]);
    } else if (isObject(x) && isObject(y)) {
      const kx = sortedKeys(x, meter);
      const ky = sortedKeys(y, meter);
      const n = Math.min(kx.length, ky.length);
      for (let i = 0; i < n; i++) {
        const c = compareStrings(kx[i], ky[i]);
        if (c) return c;
      }
      if (kx.length !== ky.length) return kx.length - ky.length;
      for (let i = n - 1; i >= 0; i--) stack.push([x[kx[i]], y[kx[i]]]);
    } else {
      if (typeof x === 'string' && typeof y === 'string') meter.charge(Math.min(x.length, y.length) * COST.char);
      const c = compareScalars(x, y);
      if (c) return c;
    }
  }
  return 0;
}

/** A container being walked: its path, its items or its object and keys, and the index of its next child. */
type Frame = { path: JqValue[]; at: number } & ({ items: JqValue[]; keys: null } | { object: JqObject; keys: string[] });

function frame(path: JqValue[], value: JqValue, meter: Meter): Frame | null {
  if (Array.isArray(value)) return { path, items: value, keys: null, at: 0 };
  if (!isObject(value)) return null;
  const keys = Object.keys(value);
  meter.charge(keys.length * COST.item);
  return { path, object: value, keys, at: 0 };
}

/** Every value inside `v`, depth first in jq's order, without `v` itself, with its path when
 * `withPaths`; each container is walked one child at a time, so the walk holds only the current branch. */
function* walk(v: JqValue, meter: Meter, withPaths: boolean): Generator<{ path: JqValue[]; value: JqValue }> {
  const stack: Frame[] = [];
  const root = frame([], v, meter);
  if (root) stack.push(root);
  while (stack.length) {
    const top = stack[stack.length - 1];
    const size = top.keys === null ? top.items.length : top.keys.length;
    if (top.at === size) {
      stack.pop();
      continue;
    }
    const i = top.at++;
    const value = top.keys === null ? top.items[i] : top.object[top.keys[i]];
    let path = top.path;
    if (withPaths) {
      meter.charge((top.path.length + 1) * COST.item);
      path = [...top.path, top.keys ? top.keys[i] : i];
    }
    yield { path, value };
    const child = frame(path, value, meter);
    if (child) stack.push(child);
  }
}

/** Every path inside `v` with its value, depth first in jq's order, without `v` itself. */
export function* pathsOf(v: JqValue, meter: Meter): Generator<{ path: JqValue[]; value: JqValue }> {
  yield* walk(v, meter, true);
}

/** Every value inside `v`, `v` first, in jq's order (`..`). */
export function* descendants(v: JqValue, meter: Meter): Generator<JqValue> {
  yield v;
  for (const { value } of walk(v, meter, false)) yield value;
}
