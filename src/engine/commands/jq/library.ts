// The work behind jq's builtins on arrays, objects and strings, as jq 1.7.1 defines them (most in
// its builtin.jq), each charging what it reads and builds and none recursing on a value's depth.
import { COST, type Meter } from './budget.ts';
import { describe, JqRuntimeError } from './errors.ts';
import { toJsonText } from './text.ts';
import { compare, hasKey, isObject, newObject, objectFrom, plain, sortCost, typeOf, type JqValue, type JqObject } from './values.ts';

/** `.[]`'s values, or jq's error for what cannot be iterated. */
export function iterate(v: JqValue, meter: Meter): JqValue[] {
  if (Array.isArray(v)) return v;
  if (isObject(v)) {
    const values = Object.values(v);
    meter.charge(values.length * COST.item);
    return values;
  }
  throw new JqRuntimeError(`Cannot iterate over ${describe(v)}`);
}

/** Code points in a string (jq's string length), without building an array of them. */
function codePoints(s: string): number {
  let pairs = 0;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++;
        i++;
      }
    }
  }
  return s.length - pairs;
}

export function length(value: JqValue, meter: Meter): number {
  const v = plain(value);
  if (v === null) return 0;
  if (typeof v === 'boolean') throw new JqRuntimeError(`boolean (${v}) has no length`);
  if (typeof v === 'number') return Math.abs(v);
  if (typeof v === 'string') {
    meter.charge(v.length * COST.char);
    return codePoints(v);
  }
  if (Array.isArray(v)) return v.length;
  const n = Object.keys(v).length;
  meter.charge(n * COST.item);
  return n;
}

export function keys(v: JqValue, sorted: boolean, meter: Meter): JqValue[] {
  if (Array.isArray(v)) {
    meter.charge(v.length * COST.item);
    return v.map((_, i) => i);
  }
  if (isObject(v)) {
    const names = Object.keys(v);
    meter.charge(names.length * COST.entry + (sorted ? sortCost(names.length) : 0));
    return sorted ? names.sort() : names;
  }
  throw new JqRuntimeError(`${describe(v)} has no keys`);
}

/** `has(key)`: own keys of objects, indices of arrays. */
export function has(v: JqValue, key: JqValue): boolean {
  key = plain(key);
  // null has nothing (jq 1.7.1 answers false, whatever the key).
  if (v === null) return false;
  if (isObject(v) && typeof key === 'string') return hasKey(v, key);
  if (Array.isArray(v) && typeof key === 'number') return key >= 0 && key < v.length;
  throw new JqRuntimeError(`Cannot check whether ${typeOf(v)} has a ${typeOf(key)} key`);
}

// jq's kinds tell true from false: `true | contains(false)` is a type error.
const kind = (v: JqValue) => (typeof v === 'boolean' ? String(v) : typeOf(v));

/** jq's `contains`: substrings, every needle item inside some item, every needle key inside. */
export function contains(a: JqValue, b: JqValue, meter: Meter): boolean {
  if (kind(a) !== kind(b)) return false;
  meter.charge(COST.compare);
  // The kinds are equal: `b` is of `a`'s type.
  if (typeof a === 'string' && typeof b === 'string') {
    meter.charge(a.length * COST.char);
    return a.includes(b);
  }
  if (Array.isArray(a) && Array.isArray(b)) return b.every((y) => a.some((x) => contains(x, y, meter)));
  if (isObject(a) && isObject(b)) return Object.keys(b).every((k) => hasKey(a, k) && contains(a[k], b[k], meter));
  return compare(a, b, meter) === 0;
}

export function checkedContains(a: JqValue, b: JqValue, meter: Meter): boolean {
  if (kind(a) !== kind(b)) throw new JqRuntimeError(`${describe(a)} and ${describe(b)} cannot have their containment checked`);
  return contains(a, b, meter);
}

/** `add`: `reduce .[] as $x (null; . + $x)`, appending in place to what it already copied. */
export function add(v: JqValue, meter: Meter, plus: (a: JqValue, b: JqValue) => JqValue): JqValue {
  let acc: JqValue = null;
  let owned = false;
  for (const x of iterate(v, meter)) {
    if (acc === null) {
      acc = x;
      owned = false;
    } else if (x === null) continue;
    else if (Array.isArray(acc) && Array.isArray(x)) {
      const target: JqValue = owned ? acc : plus(acc, []);
      meter.charge(x.length * COST.item);
      if (Array.isArray(target)) for (const item of x) target.push(item);
      acc = target;
      owned = true;
    } else if (isObject(acc) && isObject(x)) {
      const target: JqValue = owned ? acc : plus(acc, newObject());
      if (isObject(target)) for (const k of Object.keys(x)) target[k] = x[k];
      acc = target;
      meter.charge(Object.keys(x).length * COST.entry);
      owned = true;
    } else acc = plus(acc, x);
  }
  return acc;
}

/** jq's join: `reduce .[] as $i (null; (if . == null then "" else . + $x end) + ($i | if . ==
 * null then "" elif type == "boolean" or type == "number" then tojson else . end)) // ""`. */
export function join(v: JqValue, separator: JqValue, meter: Meter, plus: (a: JqValue, b: JqValue) => JqValue): JqValue {
  let acc: JqValue = null;
  for (const item of iterate(v, meter)) {
    const left = acc === null ? '' : plus(acc, separator);
    const right = item === null ? '' : typeof item === 'boolean' || typeof item === 'number' ? toJsonText(item, meter) : item;
    acc = plus(left, right);
  }
  return acc === null || acc === false ? '' : acc;
}

/** `flatten(depth)`, with an explicit stack: arrays inside arrays, `depth` levels down. */
export function flatten(v: JqValue, depth: number, meter: Meter): JqValue[] {
  if (depth < 0) throw new JqRuntimeError('flatten depth must not be negative');
  const out: JqValue[] = [];
  const stack: Array<{ items: JqValue[]; at: number; depth: number }> = [{ items: iterate(v, meter), at: 0, depth }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.at === top.items.length) {
      stack.pop();
      continue;
    }
    const item = top.items[top.at++];
    meter.charge(COST.item);
    if (Array.isArray(item) && top.depth !== 0) stack.push({ items: item, at: 0, depth: top.depth - 1 });
    else out.push(item);
  }
  return out;
}

export function toEntries(v: JqValue, meter: Meter): JqValue[] {
  return keys(v, false, meter).map((key) => {
    meter.charge(2 * COST.entry);
    const value = Array.isArray(v) && typeof key === 'number' ? v[key] : isObject(v) && typeof key === 'string' ? v[key] : null;
    return objectFrom([['key', key], ['value', value]]);
  });
}

/** jq's from_entries: `map({(.key // .Key // .name // .Name): (if has("value") then .value
 * else .Value end)}) | add + {} // {}`. */
export function fromEntries(v: JqValue, meter: Meter, index: (target: JqValue, key: JqValue) => JqValue): JqObject {
  const out = newObject();
  for (const entry of iterate(v, meter)) {
    let key: JqValue = null;
    for (const name of ['key', 'Key', 'name', 'Name']) {
      key = index(entry, name);
      if (key !== null && key !== false) break;
    }
    if (typeof key !== 'string') throw new JqRuntimeError(`Cannot use ${describe(key)} as object key`);
    meter.charge(COST.entry);
    out[key] = index(entry, has(entry, 'value') ? 'value' : 'Value');
  }
  return out;
}

export function reverse(v: JqValue, meter: Meter): JqValue {
  if (v === null) return [];
  if (!Array.isArray(v)) {
    // jq: `[.[length - 1 - range(0; length)]]`, so only an empty string or object gets by.
    const n = length(v, meter);
    if (n === 0) return [];
    throw new JqRuntimeError(`Cannot index ${typeOf(v)} with number`);
  }
  meter.charge(v.length * COST.item);
  return [...v].reverse();
}

function stringOrFail(v: JqValue, message: string): string {
  if (typeof v !== 'string') throw new JqRuntimeError(message);
  return v;
}

export function split(v: JqValue, separator: JqValue, meter: Meter): JqValue[] {
  const s = stringOrFail(v, 'split input and separator must be strings');
  const sep = stringOrFail(separator, 'split input and separator must be strings');
  meter.charge(s.length * COST.char);
  const parts = s.split(sep);
  meter.charge(parts.length * COST.item);
  return parts;
}

export function explode(v: JqValue, meter: Meter): number[] {
  const s = stringOrFail(v, 'explode input must be a string');
  meter.charge(s.length * COST.item);
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

const IMPLODE_CHUNK = 0x4000;

/** `implode`: code points to a string; ones Unicode has no character for become U+FFFD. */
export function implode(v: JqValue, meter: Meter): string {
  if (!Array.isArray(v)) throw new JqRuntimeError('implode input must be an array');
  meter.charge(v.length * 2 * COST.char);
  const points = v.map((x) => {
    x = plain(x);
    if (typeof x !== 'number') throw new JqRuntimeError(`${describe(x)} can't be imploded, unicode codepoint needs to be numeric`);
    const c = Math.trunc(x);
    return c < 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ? 0xfffd : c;
  });
  const parts: string[] = [];
  for (let i = 0; i < points.length; i += IMPLODE_CHUNK) parts.push(String.fromCodePoint(...points.slice(i, i + IMPLODE_CHUNK)));
  return parts.join('');
}

/** jq's `ascii_downcase`/`ascii_upcase`: only A-Z and a-z change. */
export function asciiCase(v: JqValue, upper: boolean, meter: Meter): string {
  const s = stringOrFail(v, 'explode input must be a string');
  meter.charge(s.length * COST.char);
  return upper ? s.replace(/[a-z]+/g, (x) => x.toUpperCase()) : s.replace(/[A-Z]+/g, (x) => x.toLowerCase());
}

export function utf8ByteLength(v: JqValue, meter: Meter): number {
  if (typeof v !== 'string') throw new JqRuntimeError(`${describe(v)} only strings have UTF-8 byte length`);
  meter.charge(v.length * COST.char);
  return new TextEncoder().encode(v).length;
}

/** `indices` on strings: every start of `needle`, overlapping ones too, as jq counts them:
 * in UTF-8 bytes. */
export function stringIndices(haystack: string, needle: string, meter: Meter): number[] {
  meter.charge(haystack.length * COST.char);
  const out: number[] = [];
  if (!needle) return out;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    meter.charge(needle.length * COST.char + COST.item);
    out.push(i);
  }
  if (!/[^\x00-\x7f]/.test(haystack)) return out;
  const encoder = new TextEncoder();
  let bytes = 0;
  let at = 0;
  return out.map((i) => {
    bytes += encoder.encode(haystack.slice(at, i)).length;
    at = i;
    return bytes;
  });
}

/** `env`/`$ENV`: the exported variables as an object without a prototype. */
export function environmentObject(env: Record<string, string>): JqObject {
  return objectFrom(Object.entries(env));
}

