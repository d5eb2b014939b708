// jq's operators on values: indexing and slicing, `+ - * / %`, as jq 1.7.1 does them, each charging
// what it copies or compares to the program's budget.
import { COST, type Meter } from './budget.ts';
import { describe, indexError, JqRuntimeError } from './errors.ts';
import { compare, copyObject, getKey, hasKey, isObject, plain, typeOf, type JqValue, type JqObject } from './values.ts';

const INT_MAX = 2 ** 31 - 1;

/** An array index as jq 1.7.1 takes it: truncated to an int, clamped to the int's range. */
export function cIndex(key: number): number {
  if (Number.isNaN(key)) return 0;
  return Math.min(2 ** 31 - 1, Math.max(-(2 ** 31), Math.trunc(key)));
}

/** jq's slice bounds: negative from the end, clamped, the end rounded up. */
export function sliceBounds(length: number, from: JqValue, to: JqValue): [number, number] {
  const first = plain(from);
  const last = plain(to);
  if ((first !== null && typeof first !== 'number') || (last !== null && typeof last !== 'number')) {
    throw new JqRuntimeError('Start and end indices of an array slice must be numbers');
  }
  const clamp = (x: number) => Math.min(length, Math.max(0, x < 0 ? length + x : x));
  const start = clamp(first ?? 0);
  const end = Math.max(start, clamp(last ?? length));
  return [Math.floor(start), Math.ceil(end)];
}

/** Code points, when a string has any outside the BMP (jq slices strings by code point). */
const ASTRAL = /[\ud800-\udfff]/;

export function slice(target: JqValue, from: JqValue, to: JqValue, meter: Meter): JqValue {
  if (target === null) return null;
  if (typeof target === 'string') {
    const chars = ASTRAL.test(target) ? Array.from(target) : null;
    const [start, end] = sliceBounds(chars ? chars.length : target.length, from, to);
    meter.charge((end - start) * COST.char);
    return chars ? chars.slice(start, end).join('') : target.slice(start, end);
  }
  if (Array.isArray(target)) {
    const [start, end] = sliceBounds(target.length, from, to);
    meter.charge((end - start) * COST.item);
    return target.slice(start, end);
  }
  throw new JqRuntimeError(`Cannot index ${typeOf(target)} with object`);
}

/** Where `needle` occurs in `haystack` as a run of items (jq's `.[array]` and `indices`). */
function arrayIndexes(haystack: JqValue[], needle: JqValue[], meter: Meter): JqValue {
  const found: number[] = [];
  for (let i = 0; i < haystack.length; i++) {
    let match = needle.length > 0;
    for (let j = 0; j < needle.length && match; j++) match = i + j < haystack.length && compare(haystack[i + j], needle[j], meter) === 0;
    if (match) found.push(i);
  }
  return found;
}

/** `target[key]` as jq reads it: missing keys and out-of-range or fractional indices are null. */
export function index(target: JqValue, key: JqValue, meter: Meter): JqValue {
  key = plain(key);
  if (typeof key === 'string') {
    if (target === null) return null;
    if (isObject(target)) return getKey(target, key) ?? null;
  } else if (typeof key === 'number') {
    if (target === null) return null;
    if (Array.isArray(target)) {
      // jq 1.7.1 truncates a fractional index (1.6 read it as missing).
      const k = cIndex(key);
      const i = k < 0 ? target.length + k : k;
      return i >= 0 && i < target.length ? (target[i] ?? null) : null;
    }
  } else if (isObject(key) && (target === null || typeof target === 'string' || Array.isArray(target))) {
    if (target === null) return null;
    if (!hasKey(key, 'start') || !hasKey(key, 'end')) throw new JqRuntimeError('Start and end indices of an array slice must be numbers');
    return slice(target, key.start, key.end, meter);
  } else if (Array.isArray(key) && Array.isArray(target)) {
    return arrayIndexes(target, key, meter);
  }
  throw indexError(target, key);
}

export function concatArrays(a: JqValue[], b: JqValue[], meter: Meter): JqValue[] {
  meter.charge((a.length + b.length) * COST.item);
  return a.concat(b);
}

function mergeObjects(a: JqObject, b: JqObject, meter: Meter): JqObject {
  const out = copyObject(a, meter);
  for (const k of Object.keys(b)) out[k] = b[k];
  meter.charge(Object.keys(b).length * COST.entry);
  return out;
}

/** `"s" * n`: jq 1.7.1 repeats the string int(n) times, gives null for a negative (or NaN) n,
 * and refuses a result past the int range. */
function repeatString(s: string, n: number, meter: Meter): JqValue {
  if (!(n >= 0)) return null;
  const count = Math.trunc(n);
  if (n > INT_MAX || s.length * count > INT_MAX) throw new JqRuntimeError('Repeat string result too long');
  // Engines keep characters past U+00FF in two bytes.
  const width = /[^\x00-\xff]/.test(s) ? 2 : 1;
  meter.charge(s.length * count * width * COST.char);
  return s.repeat(count);
}

export function arith(op: string, a: JqValue, b: JqValue, meter: Meter): JqValue {
  if (op === '+') {
    if (a === null) return b;
    if (b === null) return a;
  }
  // Arithmetic makes a new double of a kept literal (jq 1.7 keeps the text only of what it passes on).
  const x = plain(a);
  const y = plain(b);
  const fail = (verb: string) => new JqRuntimeError(`${describe(x)} and ${describe(y)} cannot be ${verb}`);
  switch (op) {
    case '+':
      if (typeof x === 'number' && typeof y === 'number') return x + y;
      if (typeof x === 'string' && typeof y === 'string') {
        // Engines join strings without copying them; only the shorter side is new data.
        meter.charge(Math.min(x.length, y.length) * COST.char);
        return x + y;
      }
      if (Array.isArray(x) && Array.isArray(y)) return concatArrays(x, y, meter);
      if (isObject(x) && isObject(y)) return mergeObjects(x, y, meter);
      throw fail('added');
    case '-':
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      if (Array.isArray(x) && Array.isArray(y)) {
        meter.charge(x.length * COST.item);
        return x.filter((item) => !y.some((other) => compare(item, other, meter) === 0));
      }
      throw fail('subtracted');
    case '*':
      if (typeof x === 'number' && typeof y === 'number') return x * y;
      if (typeof x === 'string' && typeof y === 'number') return repeatString(x, y, meter);
      if (typeof x === 'number' && typeof y === 'string') return repeatString(y, x, meter);
      if (isObject(x) && isObject(y)) return deepMerge(x, y, meter);
      throw fail('multiplied');
    case '/':
      if (typeof x === 'number' && typeof y === 'number') {
        if (y === 0) throw new JqRuntimeError(`${describe(x)} and ${describe(y)} cannot be divided because the divisor is zero`);
        return x / y;
      }
      if (typeof x === 'string' && typeof y === 'string') {
        meter.charge(x.length * COST.char);
        return x.split(y);
      }
      throw fail('divided');
    default:
      if (typeof x === 'number' && typeof y === 'number') {
        if (Math.trunc(y) === 0) throw new JqRuntimeError(`${describe(x)} and ${describe(y)} cannot be divided (remainder) because the divisor is zero`);
        return Math.trunc(x) % Math.trunc(y);
      }
      throw fail('divided (remainder)');
  }
}

/** `a * b`: objects merged recursively, with an explicit stack (values may be nested deeply). */
function deepMerge(a: JqObject, b: JqObject, meter: Meter): JqObject {
  const out = copyObject(a, meter);
  const pending: Array<[JqObject, JqObject]> = [[out, b]];
  while (pending.length) {
    const [target, source] = pending.pop()!;
    for (const k of Object.keys(source)) {
      meter.charge(COST.entry);
      const old = getKey(target, k);
      const v = source[k];
      if (isObject(old) && isObject(v)) {
        const merged = copyObject(old, meter);
        target[k] = merged;
        pending.push([merged, v]);
      } else target[k] = v;
    }
  }
  return out;
}
